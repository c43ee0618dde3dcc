// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

const AFTER_THE_REVIEW = {
	"Decisions Recorded": "blue",
	"With Team Manager": "purple",
	Agreed: "green",
	"Deemed Agreed": "green",
	Disagreed: "red",
	"Record Distributed": "green",
};

frappe.listview_settings["Child Review"] = {
	add_fields: [
		"status",
		"statutory_due",
		"planned_date",
		"reconvene_date",
		"held_in_timescale",
		"docstatus",
		"overdue",
	],
	has_indicator_for_draft: true,
	get_indicator(doc) {
		if (doc.docstatus === 2 || doc.status === "Cancelled") {
			return [__("Cancelled"), "gray", `status,=,${doc.status}`];
		}
		if (AFTER_THE_REVIEW[doc.status]) {
			return [__(doc.status), AFTER_THE_REVIEW[doc.status], `status,=,${doc.status}`];
		}
		if (doc.status === "Held") {
			return doc.held_in_timescale
				? [__("Held in Timescale"), "green", "status,=,Held|held_in_timescale,=,1"]
				: [__("Held Late"), "orange", "status,=,Held|held_in_timescale,=,0"];
		}
		if (doc.overdue) {
			return [__("Overdue"), "red", "overdue,=,1"];
		}
		if (!["Planned", "Adjourned"].includes(doc.status)) {
			return [__(doc.status), "blue", `status,=,${doc.status}`];
		}
		if ((doc.reconvene_date || doc.planned_date) > doc.statutory_due) {
			return [__("Planned Late"), "red", `status,=,${doc.status}`];
		}
		if (doc.status === "Adjourned") {
			return [__("Adjourned"), "orange", "status,=,Adjourned"];
		}
		const due_soon_until =
			frappe.boot.iro_standards?.due_soon_until || frappe.datetime.get_today();
		if (doc.statutory_due <= due_soon_until) {
			return [__("Due Soon"), "orange", `status,=,Planned|statutory_due,<=,${due_soon_until}`];
		}
		return [__("Planned"), "blue", "status,=,Planned"];
	},
};
