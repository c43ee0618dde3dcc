// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.ui.form.on("IRO Dispute", {
	refresh(frm) {
		show_stages_in_reader_language(frm);
		if (frm.is_new() || ["Resolved", "Withdrawn"].includes(frm.doc.status)) {
			return;
		}
		const stage = frm.doc.stages[frm.doc.stages.length - 1];
		if (stage && !stage.responded_on && stage.asked === frappe.session.user) {
			frm.add_custom_button(__("Record Response"), () =>
				frappe.prompt(
					{ fieldname: "response", fieldtype: "Small Text", label: __("Response"), reqd: 1 },
					({ response }) =>
						frappe
							.call(
								"iro_standards.iro_standards.doctype.iro_dispute.iro_dispute.respond_to_stage",
								{ dispute: frm.doc.name, response }
							)
							.then(() => frm.reload_doc()),
					__("Response to {0}", [__(stage.stage)])
				)
			);
		}
		if (frm.perm[0] && frm.perm[0].write && !frappe.model.has_workflow(frm.doctype)) {
			frm.add_custom_button(__("Escalate"), () =>
				frappe.confirm(__("Escalate this dispute to the next stage from today?"), () =>
					frm.call("escalate").then(() => frm.reload_doc())
				)
			);
		}
	},
});

// Frappe may load the form's fields afresh after setup, so the formatters are set on each refresh.
function show_stages_in_reader_language(frm) {
	iro_standards.show_in_reader_language("IRO Dispute", "current_stage");
	iro_standards.show_in_reader_language("IRO Dispute Stage", "stage");
	iro_standards.show_in_reader_language("IRO Dispute Stage", "addressed_to");
	frm.refresh_field("current_stage");
	frm.refresh_field("stages");
}
