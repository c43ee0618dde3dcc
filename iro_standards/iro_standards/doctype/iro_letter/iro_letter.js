// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

const LETTERS = "iro_standards.iro_standards.doctype.iro_letter.iro_letter";

frappe.ui.form.on("IRO Letter", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.status === "Sent" || !frm.perm[0]?.write) {
			return;
		}
		frm.add_custom_button(__("Print for Posting"), () => {
			open_url_post(`/api/method/${LETTERS}.print_for_post`, { name: frm.doc.name }, true);
			setTimeout(() => frm.reload_doc(), 3000);
		});
		if (frm.doc.recipient_email) {
			frm.add_custom_button(__("Email Letter"), () =>
				frappe
					.call({ method: `${LETTERS}.send_by_email`, args: { name: frm.doc.name }, freeze: true })
					.then(() => frm.reload_doc())
			);
		}
	},
});
