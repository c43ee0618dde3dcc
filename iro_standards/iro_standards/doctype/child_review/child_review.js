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

// The workflow offers an action only once its fields are filled; say which ones are missing, and
// what each person does next.
function explain_the_next_action(frm) {
	if (frm.is_new() || !frappe.model.has_workflow(frm.doctype)) {
		return;
	}
	frm.set_df_property("tm_response", "read_only", 1);
	frm.set_df_property("tm_response_on", "read_only", 1);
	const guidance = next_action_guidance(frm.doc, (fieldname) =>
		__(frappe.meta.get_label(frm.doctype, fieldname))
	);
	if (guidance) {
		iro_standards.set_intro_once(frm, guidance, "blue");
	}
}

function next_action_guidance(doc, label) {
	if (doc.docstatus === 0 && ["Planned", "Adjourned"].includes(doc.status)) {
		const missing = [
			"held_date",
			"participation_code",
			"chair",
			"next_review_date",
			...recorded_at_this_review(doc),
		].filter((fieldname) => !doc[fieldname]);
		if (held_late(doc) && !doc.late_reason) {
			missing.push("late_reason");
		}
		return missing.length
			? __("To mark the review held, fill in {0} and save: Actions then offers Mark Held.", [
					missing.map(label).join(", "),
			  ])
			: "";
	}
	if (doc.status === "Held" && !(doc.recommendations || []).length) {
		return __("Add the decisions in {0} and update: Actions then offers Record Decisions.", [
			label("recommendations"),
		]);
	}
	if (doc.status === "With Team Manager") {
		return __(
			"Team manager: read the decisions, write any comments in {0} and update, then choose Agree or Disagree from Actions.",
			[label("tm_comments")]
		);
	}
	if (doc.status === "Disagreed" && !doc.informal_resolution_on) {
		return __(
			"Resolve the disagreement with the team manager: record {0} and {1}. Resolved moves the review on to Agreed; if it is not resolved, send it back to the team manager or raise a dispute.",
			[label("informal_resolution_on"), label("informal_resolution_outcome")]
		);
	}
	return "";
}

// The site's own questions for every review (IRO Standards Settings), as the server asks them.
function recorded_at_this_review(doc) {
	const asked = (doc.__onload || {}).asked_at_every_review || {};
	const skipped = new Set(doc.spoken_to_privately ? ["not_spoken_privately_reason"] : []);
	if (doc.participation_code === "PN0") {
		skipped.add("not_spoken_privately_reason").add("knows_how_to_contact_iro");
	}
	return Object.keys(asked).filter((fieldname) => asked[fieldname] && !skipped.has(fieldname));
}

function held_late(doc) {
	return Boolean(doc.held_date && doc.statutory_due && doc.held_date > doc.statutory_due);
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
