// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.ui.form.on("IRO Annual Report", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.docstatus !== 0 || frm.doc.status !== "Draft" || !frm.perm[0]?.write) {
			return;
		}
		const label = frm.doc.figures_generated_on ? __("Generate Figures Again") : __("Generate Figures");
		frm.add_custom_button(label, () =>
			frappe
				.call({
					method: "iro_standards.iro_standards.doctype.iro_annual_report.iro_annual_report.generate_figures",
					args: { name: frm.doc.name },
					freeze: true,
					freeze_message: __("Reading the year's reports..."),
				})
				.then(() => frm.reload_doc())
		);
	},
});
