// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.listview_settings["Looked After Child"] = {
	add_fields: ["status", "next_review_due"],
	onload(listview) {
		if (frappe.perm.has_perm("Looked After Child", 1, "write")) {
			listview.page.add_actions_menu_item(__("Reallocate IRO"), () => reallocate(listview));
		}
	},
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

// Moves the chosen children, each with its open reviews, progress reviews and disputes, to another IRO.
function reallocate(listview) {
	const children = listview.get_checked_items(true);
	const dialog = new frappe.ui.Dialog({
		title:
			children.length === 1
				? __("Reallocate 1 child to another IRO")
				: __("Reallocate {0} children to another IRO", [children.length]),
		fields: [
			{
				fieldname: "iro",
				fieldtype: "Link",
				options: "User",
				label: __("New IRO"),
				reqd: 1,
				get_query: () => ({
					query: "iro_standards.iro_standards.people.users_with_role",
					filters: { role: "IRO" },
				}),
			},
		],
		primary_action_label: __("Reallocate"),
		primary_action({ iro }) {
			frappe
				.call("iro_standards.iro_standards.people.reallocate_children", { children, iro })
				.then(({ message }) => {
					dialog.hide();
					frappe.show_alert({
						message: __("{0} children reallocated with their open records.", [message]),
						indicator: "green",
					});
					listview.refresh();
				});
		},
	});
	dialog.show();
}
