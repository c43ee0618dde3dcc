// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

const ROLE_OF_FIELD = {
	allocated_iro: "IRO",
	cp_chair: "IRO",
	social_worker: "Social Worker",
	team_manager: "Team Manager",
};

frappe.ui.form.on("Looked After Child", {
	refresh(frm) {
		show_what_is_due(frm);
		show_child_protection(frm);
		prompt_the_active_offer(frm);
		show_categories_in_reader_language(frm);
		iro_standards.show_903_meanings(frm, { sex_code: "SEX", ethnicity_code: "ETHNIC" });
	},
	setup(frm) {
		for (const [fieldname, role] of Object.entries(ROLE_OF_FIELD)) {
			frm.set_query(fieldname, () => ({
				query: "iro_standards.iro_standards.people.users_with_role",
				filters: { role },
			}));
		}
	},
});

// The child's next deadlines, with the days left, at the top of the form.
function show_what_is_due(frm) {
	if (frm.is_new() || frm.doc.status !== "Looked After") {
		return;
	}
	const today = frappe.datetime.get_today();
	const due_soon_until = frappe.boot.iro_standards?.due_soon_until || today;
	const deadlines = [
		["next_review_due", __("{0} review", [__(frm.doc.next_review_kind || "Next")])],
		["progress_review_due", __("Progress review")],
		["pep_due", __("PEP")],
	];
	for (const [fieldname, label] of deadlines) {
		const on = frm.doc[fieldname];
		if (!on) {
			continue;
		}
		const days = frappe.datetime.get_day_diff(on, today);
		const colour = days < 0 ? "red" : on <= due_soon_until ? "orange" : "blue";
		const left =
			days < 0
				? __("{0} days overdue", [-days])
				: days === 0
				? __("today")
				: __("{0} days left", [days]);
		frm.dashboard.add_indicator(`${label}: ${frappe.datetime.str_to_user(on)}, ${left}`, colour);
	}
	if (frm.doc.pep_due && frappe.boot.iro_standards && !frappe.boot.iro_standards.school_terms_set) {
		frm.dashboard.add_indicator(
			__("PEPs after the first follow the school terms: none are set in IRO Standards Settings"),
			"gray"
		);
	}
}

// A child on a child protection plan, whether or not looked after: since when, why, and the next conference.
function show_child_protection(frm) {
	if (!frm.doc.on_cp_plan) {
		return;
	}
	const categories = translated_list(frm.doc.cp_categories);
	frm.dashboard.add_indicator(
		__("Child protection plan since {0}: {1}", [
			frappe.datetime.str_to_user(frm.doc.cp_plan_started),
			categories,
		]),
		"purple"
	);
	if (frm.doc.next_cp_conference_due) {
		const days = frappe.datetime.get_day_diff(
			frm.doc.next_cp_conference_due,
			frappe.datetime.get_today()
		);
		frm.dashboard.add_indicator(
			__("Review conference: {0}", [frappe.datetime.str_to_user(frm.doc.next_cp_conference_due)]),
			days < 0 ? "red" : "blue"
		);
	}
}

// Categories are stored in English and read in the reader's language (set on each refresh, as
// Frappe may load the form's fields afresh).
function show_categories_in_reader_language(frm) {
	for (const [doctype, fieldname] of [
		["Looked After Child", "cp_categories"],
		["Child Protection Plan", "categories"],
	]) {
		const df = frappe.meta.docfield_map[doctype]?.[fieldname];
		if (df) {
			df.formatter = (value) =>
				frappe.utils.escape_html(translated_list(frappe.utils.unescape_html(value || "")));
		}
	}
	frm.refresh_field("cp_categories");
	frm.refresh_field("cp_plans");
}

function translated_list(value) {
	return (value || "")
		.split(", ")
		.filter(Boolean)
		.map((item) => __(item))
		.join(", ");
}

// In Wales, Welsh is offered without being asked for (the Active Offer); the form says so until it is recorded.
function prompt_the_active_offer(frm) {
	if (frappe.boot.iro_standards?.in_wales && !frm.doc.welsh_offered) {
		iro_standards.set_intro_once(
			frm,
			__("Active Offer: offer the service in Welsh and record it in {0}.", [
				__(frappe.meta.get_label(frm.doctype, "welsh_offered")),
			]),
			"orange"
		);
	}
}
