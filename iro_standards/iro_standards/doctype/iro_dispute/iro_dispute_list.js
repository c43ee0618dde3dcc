// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.listview_settings["IRO Dispute"] = {
	add_fields: ["status", "response_overdue"],
	formatters: {
		current_stage: (value) => frappe.utils.escape_html(__(value || "")),
	},
	get_indicator(doc) {
		if (doc.status === "Resolved") {
			return [__("Resolved"), "green", "status,=,Resolved"];
		}
		if (doc.status === "Withdrawn") {
			return [__("Withdrawn"), "gray", "status,=,Withdrawn"];
		}
		if (doc.response_overdue) {
			return [__("Response Overdue"), "red", "response_overdue,=,1"];
		}
		return [__(doc.status), "orange", `status,=,${doc.status}`];
	},
};
