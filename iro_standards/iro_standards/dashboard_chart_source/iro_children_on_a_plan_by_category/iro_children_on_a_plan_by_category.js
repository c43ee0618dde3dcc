// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["IRO Children on a Plan by Category"] = {
	method: "iro_standards.iro_standards.cards.children_on_a_plan_by_category",
	filters: [],
};
