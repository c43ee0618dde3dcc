// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.provide("iro_standards");

// Without dates a report covers this quarter, so charts built on a report can set their own period.
iro_standards.period_filters = function () {
	const today = frappe.datetime.str_to_obj(frappe.datetime.get_today());
	const quarter_start = new Date(today.getFullYear(), Math.floor(today.getMonth() / 3) * 3, 1);
	const quarter_end = new Date(quarter_start.getFullYear(), quarter_start.getMonth() + 3, 0);
	return [
		{
			fieldname: "from_date",
			label: __("From Date"),
			fieldtype: "Date",
			default: frappe.datetime.obj_to_str(quarter_start),
		},
		{
			fieldname: "to_date",
			label: __("To Date"),
			fieldtype: "Date",
			default: frappe.datetime.obj_to_str(quarter_end),
		},
	];
};

iro_standards.iro_filter = { fieldname: "iro", label: __("IRO"), fieldtype: "Link", options: "User" };
iro_standards.team_filter = { fieldname: "team", label: __("Team"), fieldtype: "Data" };

// The search bar finds a child by case number or by name, among the children the user may see
// (the list it opens is scoped like every list); Frappe's global search leaves children out.
iro_standards.child_search_options = function (txt) {
	if (txt.startsWith("#") || !frappe.model.can_read("Looked After Child")) {
		return [];
	}
	const find = (label, fieldname) => ({
		label: `<span class="ellipsis">${__(label, [frappe.utils.xss_sanitise(txt).bold()])}</span>`,
		value: __(label, [txt]),
		match: txt,
		index: 90,
		onclick: () => frappe.set_route("List", "Looked After Child", { [fieldname]: ["like", `%${txt}%`] }),
	});
	return [
		find("Find a child by case number {0}", "case_number"),
		find("Find a child by name {0}", "full_name"),
	];
};

if (frappe.search && frappe.search.AwesomeBar) {
	const frappe_build_options = frappe.search.AwesomeBar.prototype.build_options;
	frappe.search.AwesomeBar.prototype.build_options = function (txt) {
		return iro_standards.child_search_options(txt).concat(frappe_build_options.call(this, txt));
	};
}

// Names a site keeps as text, such as a dispute's stage and whom it is addressed to, show in the
// reader's language: Frappe calls a docfield's formatter wherever it shows the field (grid, form).
// Frappe escapes a read-only value before formatting it, so the formatter looks up the plain text.
iro_standards.show_in_reader_language = function (doctype, fieldname) {
	const df = frappe.meta.docfield_map[doctype] && frappe.meta.docfield_map[doctype][fieldname];
	if (df) {
		df.formatter = (value) => frappe.utils.escape_html(__(frappe.utils.unescape_html(value || "")));
	}
};

// Frappe's date picker has no Welsh; a Welsh speaker's calendar names months and days in Welsh.
$.fn.datepicker.language.cy = {
	days: ["Dydd Sul", "Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau", "Dydd Gwener", "Dydd Sadwrn"],
	daysShort: ["Sul", "Llun", "Maw", "Mer", "Iau", "Gwe", "Sad"],
	daysMin: ["Su", "Ll", "Ma", "Me", "Ia", "Gw", "Sa"],
	months: [
		"Ionawr",
		"Chwefror",
		"Mawrth",
		"Ebrill",
		"Mai",
		"Mehefin",
		"Gorffennaf",
		"Awst",
		"Medi",
		"Hydref",
		"Tachwedd",
		"Rhagfyr",
	],
	monthsShort: ["Ion", "Chwe", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"],
	today: "Heddiw",
	clear: "Clirio",
	dateFormat: "dd/mm/yyyy",
	timeFormat: "hh:ii",
	firstDay: 1,
};

// A dispute's status is its stage, a Workflow State: shown, like every workflow state, in the
// reader's language.
frappe.form.link_formatters["Workflow State"] = (value) => __(value);

// Frappe's change log names a field changed in a table row by its label as stored; the reader sees
// it in their language, as for every other label.
const label_as_stored = frappe.meta.get_label;
frappe.meta.get_label = function (...args) {
	return __(label_as_stored.apply(this, args));
};

// A form's refresh can run twice without Frappe clearing the intro in between (as after saving a
// new record): an intro already shown is not added again.
iro_standards.set_intro_once = function (frm, text, color) {
	if (!frm.layout.message.text().includes(text)) {
		frm.set_intro(text, color);
	}
};

// A field holding an SSDA903 code lists each code with its meaning, in the reader's language.
iro_standards.show_903_meanings = function (frm, fields, table) {
	const meanings = frappe.boot.iro_standards?.ssda903 || {};
	for (const [fieldname, code_set] of Object.entries(fields)) {
		const options = [{ value: "", label: "" }].concat(
			Object.entries(meanings[code_set] || {}).map(([code, meaning]) => ({
				value: code,
				label: `${code}: ${meaning}`,
			}))
		);
		if (table) {
			frm.fields_dict[table].grid.update_docfield_property(fieldname, "options", options);
		} else {
			frm.set_df_property(fieldname, "options", options);
		}
	}
};
