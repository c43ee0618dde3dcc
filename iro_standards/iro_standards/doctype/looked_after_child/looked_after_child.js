// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

const ROLE_OF_FIELD = {
	allocated_iro: "IRO",
	social_worker: "Social Worker",
	team_manager: "Team Manager",
};

frappe.ui.form.on("Looked After Child", {
	refresh(frm) {
		show_what_is_due(frm);
		prompt_the_active_offer(frm);
	},
	setup(frm) {
		for (const [fieldname, role] of Object.entries(ROLE_OF_FIELD)) {
			frm.set_query(fieldname, () => ({
				query: "iro_standards.iro_standards.people.users_with_role",
				filters: { role },
			}));
		}
	},
});

// The child's next deadlines, with the days left, at the top of the form.
function show_what_is_due(frm) {
	if (frm.is_new() || frm.doc.status !== "Looked After") {
		return;
	}
	const today = frappe.datetime.get_today();
	const due_soon_until = frappe.boot.iro_standards?.due_soon_until || today;
	const deadlines = [
		["next_review_due", __("{0} review", [__(frm.doc.next_review_kind || "Next")])],
		["progress_review_due", __("Progress review")],
		["pep_due", __("PEP")],
	];
	for (const [fieldname, label] of deadlines) {
		const on = frm.doc[fieldname];
		if (!on) {
			continue;
		}
		const days = frappe.datetime.get_day_diff(on, today);
		const colour = days < 0 ? "red" : on <= due_soon_until ? "orange" : "blue";
		const left =
			days < 0
				? __("{0} days overdue", [-days])
				: days === 0
				? __("today")
				: __("{0} days left", [days]);
		frm.dashboard.add_indicator(`${label}: ${frappe.datetime.str_to_user(on)}, ${left}`, colour);
	}
}

// In Wales, Welsh is offered without being asked for (the Active Offer); the form says so until it is recorded.
function prompt_the_active_offer(frm) {
	if (frappe.boot.iro_standards?.in_wales && !frm.doc.welsh_offered) {
		iro_standards.set_intro_once(
			frm,
			__("Active Offer: offer the service in Welsh and record it in {0}.", [
				__(frappe.meta.get_label(frm.doctype, "welsh_offered")),
			]),
			"orange"
		);
	}
}
