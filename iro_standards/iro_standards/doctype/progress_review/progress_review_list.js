// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.listview_settings["Progress Review"] = {
	add_fields: ["status", "due_date"],
	get_indicator(doc) {
		const colours = {
			Completed: "green",
			"Concern Raised": "orange",
			Overdue: "red",
			Missed: "red",
			Cancelled: "gray",
		};
		if (colours[doc.status]) {
			return [__(doc.status), colours[doc.status], `status,=,${doc.status}`];
		}
		return [__("Due"), "blue", "status,=,Due"];
	},
};
