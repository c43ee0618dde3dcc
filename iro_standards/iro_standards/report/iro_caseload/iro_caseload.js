// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

// Without dates, today's caseloads; with them, each IRO's caseload over the period.
frappe.query_reports["IRO Caseload"] = {
	filters: [
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date" },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date" },
		iro_standards.iro_filter,
		iro_standards.team_filter,
	],
};
