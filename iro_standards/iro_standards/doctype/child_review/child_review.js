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
		const can_respond = frm.perm[2] && frm.perm[2].write;
		if (can_respond && frm.doc.sent_to_tm_on && !frm.doc.tm_response) {
			for (const response of ["Agreed", "Disagreed"]) {
				frm.add_custom_button(
					__(response),
					() => respond_to_decisions(frm, response),
					__("Team Manager Response")
				);
			}
		}
	},
});

function respond_to_decisions(frm, response) {
	frappe.prompt(
		{ fieldname: "comments", fieldtype: "Small Text", label: __("Comments") },
		({ comments }) =>
			frappe
				.call(
					"iro_standards.iro_standards.doctype.child_review.child_review.respond_to_decisions",
					{ review: frm.doc.name, response, comments }
				)
				.then(() => frm.reload_doc()),
		__("Team Manager Response: {0}", [__(response)])
	);
}
