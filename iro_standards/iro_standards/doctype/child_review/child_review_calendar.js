// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

// Each review by the child's name, coloured by where it stands: overdue or planned after its
// statutory date red, adjourned orange, held green, planned blue.
frappe.views.calendar["Child Review"] = {
	field_map: {
		start: "planned_date",
		end: "planned_date",
		id: "name",
		title: "child_name",
		allDay: "allDay",
	},
	fields: ["name", "planned_date", "child_name", "status", "docstatus", "overdue", "statutory_due"],
	gantt: false,
	get_events_method: "frappe.desk.calendar.get_events",
	get_css_class(review) {
		if (review.docstatus === 1) {
			return "success";
		}
		if (review.overdue || review.planned_date > review.statutory_due) {
			return "danger";
		}
		return review.status === "Adjourned" ? "warning" : "default";
	},
};
