// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

const ROLE_OF_FIELD = {
	allocated_iro: "IRO",
	social_worker: "Social Worker",
	team_manager: "Team Manager",
};

frappe.ui.form.on("Looked After Child", {
	setup(frm) {
		for (const [fieldname, role] of Object.entries(ROLE_OF_FIELD)) {
			frm.set_query(fieldname, () => ({
				query: "iro_standards.iro_standards.people.users_with_role",
				filters: { role },
			}));
		}
	},
});
