// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.query_reports["Care Plan RAG and Child Journey"] = {
	filters: [
		...iro_standards.period_filters(),
		iro_standards.iro_filter,
		iro_standards.team_filter,
		{
			fieldname: "child",
			label: __("Journey of One Child"),
			fieldtype: "Link",
			options: "Looked After Child",
		},
	],
};
