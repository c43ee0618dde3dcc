// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

frappe.query_reports["Children Looked After"] = {
	filters: [...iro_standards.period_filters(), iro_standards.team_filter],
};
