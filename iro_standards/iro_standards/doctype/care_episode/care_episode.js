// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.ui.form.on("Care Episode", {
	refresh(frm) {
		iro_standards.show_903_meanings(frm, {
			legal_status_code: "LS",
			category_of_need: "CIN",
			ceased_reason_code: "REC",
		});
		iro_standards.show_903_meanings(
			frm,
			{
				legal_status_code: "LS",
				placement_code: "PLACE",
				provider_code: "PLACE_PROVIDER",
				change_reason_code: "REASON_PLACE_CHANGE",
			},
			"placements"
		);
	},
});
