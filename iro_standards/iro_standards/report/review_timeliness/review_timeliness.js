// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.query_reports["Review Timeliness"] = {
	filters: [
		...iro_standards.period_filters(),
		{
			fieldname: "group_by",
			label: __("Group By"),
			fieldtype: "Select",
			options: ["Month", "IRO", "Team", "Review Kind"],
			default: "Month",
		},
		iro_standards.iro_filter,
		iro_standards.team_filter,
		{
			fieldname: "review_kind",
			label: __("Review Kind"),
			fieldtype: "Select",
			options: ["", "First", "Second", "Subsequent", "Brought Forward"],
		},
		{ fieldname: "show_late_reviews", label: __("Show Late Reviews"), fieldtype: "Check" },
	],
};
