// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.query_reports["Participation"] = {
	filters: [...iro_standards.period_filters(), iro_standards.iro_filter, iro_standards.team_filter],
};
