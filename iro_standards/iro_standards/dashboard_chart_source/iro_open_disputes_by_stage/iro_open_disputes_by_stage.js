// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["IRO Open Disputes by Stage"] = {
	method: "iro_standards.iro_standards.cards.open_disputes_by_stage",
	filters: [],
};
