// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.ui.form.on("IRO Standards Settings", {
	refresh(frm) {
		iro_standards.show_in_reader_language("IRO Dispute Stage Timescale", "stage");
		iro_standards.show_in_reader_language("IRO Dispute Stage Timescale", "addressed_to");
		frm.refresh_field("dispute_stages");
	},
});
