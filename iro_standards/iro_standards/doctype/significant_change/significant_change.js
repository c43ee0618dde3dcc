// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.ui.form.on("Significant Change", {
	refresh(frm) {
		if (!frm.is_new() && !frm.doc.decision && frm.perm[1] && frm.perm[1].write) {
			frm.set_intro(
				__("Decide by {0} whether the child's review is brought forward, and record why if not.", [
					frappe.datetime.str_to_user(frm.doc.decision_due),
				]),
				"blue"
			);
		}
	},
});
