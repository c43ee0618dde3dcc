// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.query_reports["Practice Standards Compliance"] = {
	filters: [
		...iro_standards.period_filters(),
		{
			fieldname: "group_by",
			label: __("Group By"),
			fieldtype: "Select",
			options: ["Area", "Standard", "IRO"],
			default: "Area",
		},
		iro_standards.iro_filter,
	],
	formatter(value, row, column, data, default_formatter) {
		if (column.fieldname === "percent_met" && data && data.percent_met == null) {
			return `<span class="text-muted">${__("Not assessed")}</span>`;
		}
		return default_formatter(value, row, column, data);
	},
};
