// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

const CONFERENCE_INDICATORS = {
	Requested: "blue",
	Convened: "orange",
	Held: "purple",
	"Report Distributed": "green",
	Rescheduled: "yellow",
	Cancelled: "gray",
};

frappe.listview_settings["Child Protection Conference"] = {
	add_fields: ["status", "overdue"],
	has_indicator_for_draft: true,
	get_indicator(doc) {
		if (doc.overdue) {
			return [__("Overdue"), "red", "overdue,=,1"];
		}
		return [__(doc.status), CONFERENCE_INDICATORS[doc.status] || "gray", `status,=,${doc.status}`];
	},
};
