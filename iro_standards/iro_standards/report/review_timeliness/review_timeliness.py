# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _

from iro_standards.iro_standards import figures
from iro_standards.iro_standards.names import people_by_name


@people_by_name
def execute(filters=None):
	filters = frappe._dict(filters or {})
	if filters.show_late_reviews:
		return late_review_columns(), late_reviews(filters)
	group_by = filters.group_by or "Month"
	rows = figures.review_timeliness(filters, group_by)
	return columns(group_by), rows, None, chart(rows, group_by), summary(rows, children_reviewed(filters))


def columns(group_by: str) -> list[dict]:
	grouping = {"fieldname": "grouping", "label": _(group_by), "fieldtype": "Data", "width": 180}
	if group_by == "IRO":
		grouping.update({"fieldtype": "Link", "options": "User"})
	return [
		grouping,
		{"fieldname": "held", "label": _("Held"), "fieldtype": "Int", "width": 100},
		{"fieldname": "in_timescale", "label": _("In Timescale"), "fieldtype": "Int", "width": 120},
		{"fieldname": "late", "label": _("Late"), "fieldtype": "Int", "width": 100},
		{
			"fieldname": "percent_in_timescale",
			"label": _("% In Timescale"),
			"fieldtype": "Percent",
			"width": 140,
		},
	]


def chart(rows: list[dict], group_by: str) -> dict:
	return {
		"data": {
			"labels": [row["grouping"] or _("Not set") for row in rows],
			"datasets": [
				{"name": _("% In Timescale"), "values": [row["percent_in_timescale"] for row in rows]}
			],
		},
		"type": "line" if group_by == "Month" else "bar",
		"colors": ["#2490ef"],
	}


def children_reviewed(filters) -> int:
	"""How many children had a review held in the period."""
	counted = frappe.get_list(
		"Child Review",
		filters=figures.held_review_filters(filters),
		fields=["count(distinct child) as children"],
		order_by=None,
	)
	return int(counted[0].children or 0) if counted else 0


def summary(rows: list[dict], children: int) -> list[dict]:
	held = sum(row["held"] for row in rows)
	in_timescale = sum(row["in_timescale"] for row in rows)
	return [
		{"value": children, "label": _("Children Reviewed"), "datatype": "Int", "indicator": "blue"},
		{"value": held, "label": _("Reviews Held"), "datatype": "Int", "indicator": "blue"},
		{
			"value": figures.percentage(in_timescale, held),
			"label": _("In Timescale"),
			"datatype": "Percent",
			"indicator": "green",
		},
		{"value": held - in_timescale, "label": _("Late"), "datatype": "Int", "indicator": "red"},
	]


def late_review_columns() -> list[dict]:
	return [
		{
			"fieldname": "name",
			"label": _("Review"),
			"fieldtype": "Link",
			"options": "Child Review",
			"width": 160,
		},
		{"fieldname": "case_number", "label": _("Case Number"), "fieldtype": "Data", "width": 120},
		{"fieldname": "chair", "label": _("IRO"), "fieldtype": "Link", "options": "User", "width": 180},
		{"fieldname": "review_kind", "label": _("Review Kind"), "fieldtype": "Data", "width": 120},
		{"fieldname": "statutory_due", "label": _("Statutory Due"), "fieldtype": "Date", "width": 120},
		{"fieldname": "held_date", "label": _("Held On"), "fieldtype": "Date", "width": 120},
		{"fieldname": "working_days_late", "label": _("Working Days Late"), "fieldtype": "Int", "width": 140},
		{"fieldname": "late_reason", "label": _("Reason"), "fieldtype": "Small Text", "width": 260},
	]


def late_reviews(filters) -> list[dict]:
	return frappe.get_list(
		"Child Review",
		filters=[*figures.held_review_filters(filters), ["held_in_timescale", "=", 0]],
		fields=[column["fieldname"] for column in late_review_columns()],
		order_by="held_date asc",
	)
