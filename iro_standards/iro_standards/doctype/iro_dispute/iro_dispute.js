// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.ui.form.on("IRO Dispute", {
	refresh(frm) {
		if (frm.is_new() || ["Resolved", "Withdrawn"].includes(frm.doc.status)) {
			return;
		}
		frm.add_custom_button(__("Escalate"), () =>
			frappe.confirm(
				__("Escalate this dispute to the next stage from today?"),
				() => frm.call("escalate").then(() => frm.reload_doc())
			)
		);
	},
});
