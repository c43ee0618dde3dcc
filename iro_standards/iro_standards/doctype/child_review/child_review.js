// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.ui.form.on("Child Review", {
	refresh(frm) {
		if (frm.doc.docstatus !== 1) {
			return;
		}
		release_fields_locked_by_submission(frm);
		frm.add_custom_button(__("Progress Review"), () => open_progress_review(frm), __("Create"));
		frm.add_custom_button(__("Dispute"), () => raise_dispute(frm), __("Create"));
		if (disagreement_unresolved(frm.doc)) {
			frm.add_custom_button(__("Raise Dispute"), () => raise_dispute(frm)).addClass("btn-primary");
		}
	},
});

// A field made mandatory after submission cannot be filled in any more, so it must not block updates.
function release_fields_locked_by_submission(frm) {
	for (const df of frm.meta.fields) {
		if (df.reqd && !df.allow_on_submit) {
			frm.set_df_property(df.fieldname, "reqd", 0);
		}
	}
}

function disagreement_unresolved(doc) {
	return (
		doc.informal_resolution_outcome === "Not Resolved" ||
		(doc.informal_resolution_overdue && !doc.informal_resolution_on)
	);
}

function raise_dispute(frm) {
	const issue = frm.doc.dissent || frm.doc.tm_comments || "";
	frappe.new_doc("IRO Dispute", { child: frm.doc.child, child_review: frm.doc.name }, (dispute) => {
		dispute.issue = issue;
	});
}

async function open_progress_review(frm) {
	const { message } = await frappe.db.get_value(
		"Progress Review",
		{ child_review: frm.doc.name },
		"name"
	);
	if (message && message.name) {
		frappe.set_route("Form", "Progress Review", message.name);
	} else {
		frappe.new_doc("Progress Review", { child_review: frm.doc.name });
	}
}
