// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.provide("iro_standards");

// Without dates a report covers this quarter, so charts built on a report can set their own period.
iro_standards.period_filters = function () {
	const today = frappe.datetime.str_to_obj(frappe.datetime.get_today());
	const quarter_start = new Date(today.getFullYear(), Math.floor(today.getMonth() / 3) * 3, 1);
	const quarter_end = new Date(quarter_start.getFullYear(), quarter_start.getMonth() + 3, 0);
	return [
		{
			fieldname: "from_date",
			label: __("From Date"),
			fieldtype: "Date",
			default: frappe.datetime.obj_to_str(quarter_start),
		},
		{
			fieldname: "to_date",
			label: __("To Date"),
			fieldtype: "Date",
			default: frappe.datetime.obj_to_str(quarter_end),
		},
	];
};

iro_standards.iro_filter = { fieldname: "iro", label: __("IRO"), fieldtype: "Link", options: "User" };
iro_standards.team_filter = { fieldname: "team", label: __("Team"), fieldtype: "Data" };
