// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.views.calendar["Child Review"] = {
	field_map: {
		start: "planned_date",
		end: "planned_date",
		id: "name",
		title: "case_number",
		allDay: "allDay",
	},
	gantt: false,
	get_events_method: "frappe.desk.calendar.get_events",
};
