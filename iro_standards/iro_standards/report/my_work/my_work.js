// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.query_reports["My Work"] = {
	filters: [
		{
			fieldname: "user",
			label: __("Whose Work"),
			fieldtype: "Link",
			options: "User",
			default: frappe.session.user,
		},
		{ fieldname: "weeks_ahead", label: __("Weeks Ahead"), fieldtype: "Int", default: 5 },
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "days_left" && data && data.days_left < 0) {
			value = `<span class="text-danger">${value}</span>`;
		}
		return value;
	},
};
