// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["IRO Review Timeliness by Month"] = {
	method: "iro_standards.iro_standards.cards.timeliness_by_month",
	filters: [],
};
