// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.ui.form.on("Child Protection Conference", {
	setup(frm) {
		frm.set_query("chair", () => ({
			query: "iro_standards.iro_standards.people.users_with_role",
			filters: { role: "IRO" },
		}));
		frm.set_query("previous_conference", () => ({
			filters: { child: frm.doc.child, docstatus: 1 },
		}));
	},
	refresh(frm) {
		iro_standards.show_in_reader_language("Conference Invitee", "agency");
		frm.refresh_field("invitees");
		if (frm.doc.overdue_steps) {
			const steps = frm.doc.overdue_steps.split(", ").map((step) => __(step));
			iro_standards.set_intro_once(frm, __("Overdue: {0}", [steps.join(", ")]), "red");
		}
		if (frm.doc.docstatus === 1 && ["Plan", "Plan Continues"].includes(frm.doc.outcome)) {
			frm.add_custom_button(
				__("Review Conference"),
				() =>
					frappe.new_doc("Child Protection Conference", {
						child: frm.doc.child,
						conference_kind: "Review",
						previous_conference: frm.doc.name,
						chair: frm.doc.chair,
						conference_reference: frm.doc.conference_reference,
					}),
				__("Create")
			);
		}
	},
});
