// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.query_reports["Placement Stability"] = {
	filters: [
		{ fieldname: "on_date", label: __("On"), fieldtype: "Date", default: frappe.datetime.get_today() },
		{
			fieldname: "group_by",
			label: __("Group By"),
			fieldtype: "Select",
			options: [
				{ value: "IRO", label: __("IRO") },
				{ value: "Team", label: __("Team") },
				{ value: "Age Band", label: __("Age Band") },
			],
			default: "IRO",
		},
		iro_standards.team_filter,
	],
};
