// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.ui.form.on("Progress Review", {
	refresh(frm) {
		if (frm.is_new()) {
			return;
		}
		frm.add_custom_button(
			__("Dispute"),
			() =>
				frappe.new_doc("IRO Dispute", {
					child: frm.doc.child,
					child_review: frm.doc.child_review,
					progress_review: frm.doc.name,
				}),
			__("Create")
		);
	},
});
