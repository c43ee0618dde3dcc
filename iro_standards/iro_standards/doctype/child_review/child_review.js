// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.ui.form.on("Child Review", {
	refresh(frm) {
		explain_the_next_action(frm);
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

// The workflow offers an action only once its fields are filled; say which ones are missing.
function explain_the_next_action(frm) {
	if (frm.is_new() || !frappe.model.has_workflow(frm.doctype)) {
		return;
	}
	const label = (fieldname) => __(frappe.meta.get_label(frm.doctype, fieldname));
	if (frm.doc.docstatus === 0 && ["Planned", "Adjourned"].includes(frm.doc.status)) {
		const missing = ["held_date", "participation_code", "next_review_date"].filter(
			(fieldname) => !frm.doc[fieldname]
		);
		if (missing.length) {
			iro_standards.set_intro_once(
				frm,
				__("To mark the review held, fill in {0} and save: Actions then offers Mark Held.", [
					missing.map(label).join(", "),
				]),
				"blue"
			);
		}
	} else if (frm.doc.status === "Held" && !(frm.doc.recommendations || []).length) {
		iro_standards.set_intro_once(
			frm,
			__("Add the decisions in {0} and update: Actions then offers Record Decisions.", [
				label("recommendations"),
			]),
			"blue"
		);
	}
}

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
