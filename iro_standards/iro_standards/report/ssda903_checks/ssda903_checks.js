// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt

// The collection year runs from 1 April: before April, the year still open started last year.
function current_collection_year() {
	const today = frappe.datetime.str_to_obj(frappe.datetime.get_today());
	return today.getMonth() >= 3 ? today.getFullYear() : today.getFullYear() - 1;
}

frappe.query_reports["SSDA903 Checks"] = {
	filters: [
		{
			fieldname: "year_starting",
			label: __("Collection Year Starting"),
			fieldtype: "Int",
			default: current_collection_year(),
			reqd: 1,
		},
	],
	onload(report) {
		report.page.add_inner_button(__("Export Return"), () => export_return(report));
	},
};

function export_return(report) {
	const year_starting = report.get_filter_value("year_starting");
	const problems = (report.data || []).length;
	const download = (with_problems) =>
		open_url_post("/api/method/iro_standards.iro_standards.ssda903.download_return", {
			year_starting,
			with_problems,
		});
	if (!problems) {
		download(0);
		return;
	}
	frappe.confirm(__("The checks list {0} problems. Export the return with them anyway?", [problems]), () =>
		download(1)
	);
}
