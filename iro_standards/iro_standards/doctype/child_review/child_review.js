// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.ui.form.on("Child Review", {
	refresh(frm) {
		if (frm.doc.docstatus !== 1) {
			return;
		}
		frm.add_custom_button(
			__("Progress Review"),
			() => frappe.new_doc("Progress Review", { child_review: frm.doc.name }),
			__("Create")
		);
		frm.add_custom_button(
			__("Dispute"),
			() =>
				frappe.new_doc("IRO Dispute", {
					child: frm.doc.child,
					child_review: frm.doc.name,
				}),
			__("Create")
		);
	},
});
