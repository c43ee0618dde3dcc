# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt


import frappe
from frappe import _

from iro_standards.iro_standards import figures
from iro_standards.iro_standards.names import people_by_name

RECOMMENDATION_STATES = ("Done", "On Track", "At Risk", "Drifting", "Open")


@people_by_name
def execute(filters=None):
	filters = frappe._dict(filters or {})
	by_iro = figures.counters()
	for row in frappe.get_list(
		"Child Review",
		filters=[*figures.held_review_filters(filters), ["counted_as", "=", "Second"]],
		fields=["chair", "permanence_plan_ratified", "count(name) as reviews"],
		group_by="chair, permanence_plan_ratified",
		order_by="chair asc",
	):
		by_iro[row.chair]["second_reviews"] += row.reviews
		by_iro[row.chair]["permanence_ratified"] += (
			row.reviews if row.permanence_plan_ratified == "Yes" else 0
		)
	for row in progress_reviews_due(filters):
		by_iro[row.allocated_iro]["progress_due"] += row.due
		by_iro[row.allocated_iro]["progress_on_time"] += int(row.on_time or 0)
	for row in frappe.get_list(
		"Child Review",
		filters=[*figures.held_review_filters(filters), ["Review Recommendation", "status", "is", "set"]],
		fields=[
			"chair",
			"`tabReview Recommendation`.status as status",
			"count(`tabReview Recommendation`.name) as recommendations",
		],
		group_by="chair, status",
		order_by="chair asc",
	):
		by_iro[row.chair][frappe.scrub(row.status)] += row.recommendations
	rows = figures.rows_by_group(by_iro, permanence_row)
	return columns(), rows, None, None, summary(rows)


def progress_reviews_due(filters) -> list:
	start, end = figures.period(filters)
	conditions = [["due_date", "between", [start, end]]]
	if filters.iro:
		conditions.append(["allocated_iro", "=", filters.iro])
	return frappe.get_list(
		"Progress Review",
		filters=conditions,
		fields=["allocated_iro", "count(name) as due", "sum(completed_on <= due_date) as on_time"],
		group_by="allocated_iro",
		order_by="allocated_iro asc",
	)


def permanence_row(iro: str, counts: dict) -> dict:
	return {
		"iro": iro,
		"second_reviews": counts["second_reviews"],
		"permanence_ratified": counts["permanence_ratified"],
		"percent_permanence": figures.percentage(counts["permanence_ratified"], counts["second_reviews"]),
		"progress_due": counts["progress_due"],
		"progress_on_time": counts["progress_on_time"],
		"percent_progress": figures.percentage(counts["progress_on_time"], counts["progress_due"]),
		**{frappe.scrub(state): counts[frappe.scrub(state)] for state in RECOMMENDATION_STATES},
	}


def columns() -> list[dict]:
	return [
		{"fieldname": "iro", "label": _("IRO"), "fieldtype": "Link", "options": "User", "width": 200},
		{"fieldname": "second_reviews", "label": _("Second Reviews"), "fieldtype": "Int", "width": 120},
		{
			"fieldname": "permanence_ratified",
			"label": _("Permanence Ratified"),
			"fieldtype": "Int",
			"width": 150,
		},
		{"fieldname": "percent_permanence", "label": _("% Ratified"), "fieldtype": "Percent", "width": 100},
		{"fieldname": "progress_due", "label": _("Progress Reviews Due"), "fieldtype": "Int", "width": 160},
		{
			"fieldname": "progress_on_time",
			"label": _("Done by the Mid-Point"),
			"fieldtype": "Int",
			"width": 160,
		},
		{"fieldname": "percent_progress", "label": _("% on Time"), "fieldtype": "Percent", "width": 100},
		*(
			{"fieldname": frappe.scrub(state), "label": _(state), "fieldtype": "Int", "width": 90}
			for state in RECOMMENDATION_STATES
		),
	]


def summary(rows: list[dict]) -> list[dict]:
	def total(field: str) -> int:
		return sum(row[field] for row in rows)

	return [
		{
			"value": figures.percentage(total("permanence_ratified"), total("second_reviews")),
			"label": _("Permanence by Second Review"),
			"datatype": "Percent",
			"indicator": "blue",
		},
		{
			"value": figures.percentage(total("progress_on_time"), total("progress_due")),
			"label": _("Progress Reviews at the Mid-Point"),
			"datatype": "Percent",
			"indicator": "blue",
		},
		{
			"value": total("drifting"),
			"label": _("Recommendations Drifting"),
			"datatype": "Int",
			"indicator": "red",
		},
	]
