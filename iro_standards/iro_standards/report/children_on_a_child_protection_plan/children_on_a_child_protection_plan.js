// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.query_reports["Children on a Child Protection Plan"] = {
	filters: [
		iro_standards.iro_filter,
		{
			fieldname: "category",
			label: __("Category"),
			fieldtype: "Select",
			options: ["", "Neglect", "Physical abuse", "Emotional abuse", "Sexual abuse"].map((value) => ({
				value,
				label: __(value),
			})),
		},
	],
	formatter(value, row, column, data, default_formatter) {
		if (column.fieldname === "categories" && data?.categories) {
			value = data.categories
				.split(", ")
				.map((category) => __(category))
				.join(", ");
		}
		return default_formatter(value, row, column, data);
	},
};
