// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.query_reports["Child Protection Conferences"] = {
	filters: [...iro_standards.period_filters(), iro_standards.iro_filter],
};
