// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.listview_settings["IRO Dispute"] = {
	add_fields: ["status", "current_response_due"],
	get_indicator(doc) {
		if (doc.status === "Resolved") {
			return [__("Resolved"), "green", "status,=,Resolved"];
		}
		if (doc.status === "Withdrawn") {
			return [__("Withdrawn"), "gray", "status,=,Withdrawn"];
		}
		const today = frappe.datetime.get_today();
		if (doc.current_response_due && doc.current_response_due < today) {
			return [__("Response Overdue"), "red", `status,in,Open,Escalated|current_response_due,<,${today}`];
		}
		return [__(doc.status), "orange", `status,=,${doc.status}`];
	},
};
