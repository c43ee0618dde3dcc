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
};
