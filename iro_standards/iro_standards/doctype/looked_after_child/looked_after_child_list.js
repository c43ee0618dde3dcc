// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.listview_settings["Looked After Child"] = {
	add_fields: ["status", "next_review_due"],
	get_indicator(doc) {
		if (doc.status !== "Looked After") {
			return [__(doc.status), "gray", `status,=,${doc.status}`];
		}
		const today = frappe.datetime.get_today();
		const due_soon_until = frappe.boot.iro_standards?.due_soon_until || today;
		if (doc.next_review_due && doc.next_review_due < today) {
			return [__("Review Overdue"), "red", `status,=,Looked After|next_review_due,<,${today}`];
		}
		if (doc.next_review_due && doc.next_review_due <= due_soon_until) {
			return [
				__("Review Due Soon"),
				"orange",
				`status,=,Looked After|next_review_due,<=,${due_soon_until}`,
			];
		}
		return [__("Looked After"), "green", "status,=,Looked After"];
	},
};
