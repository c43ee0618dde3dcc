// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.query_reports["Dispute Resolution Tracker"] = {
	filters: [
		...iro_standards.period_filters(),
		{
			fieldname: "category",
			label: __("Category"),
			fieldtype: "Select",
			options: [
				"",
				"Drift in Care Planning",
				"No Social Worker Report",
				"Permanence",
				"Placement",
				"Education",
				"Health",
				"Contact",
				"Other",
			],
		},
		iro_standards.team_filter,
		{ fieldname: "status", label: __("Status"), fieldtype: "Link", options: "Workflow State" },
	],
};
