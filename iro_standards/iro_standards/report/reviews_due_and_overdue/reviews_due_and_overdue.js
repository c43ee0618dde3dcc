// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.query_reports["Reviews Due and Overdue"] = {
	filters: [
		iro_standards.iro_filter,
		iro_standards.team_filter,
		{ fieldname: "only_overdue", label: __("Only Overdue"), fieldtype: "Check" },
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "days_to_go" && data && data.days_to_go < 0) {
			value = `<span class="text-danger">${value}</span>`;
		}
		return value;
	},
};
