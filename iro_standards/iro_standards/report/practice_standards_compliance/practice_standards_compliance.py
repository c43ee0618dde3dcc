# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt


import frappe
from frappe import _

from iro_standards.iro_standards import figures
from iro_standards.iro_standards.names import people_by_name

OUTCOMES = ("Met", "Not Met", "Not Applicable")
GROUPS = {"Area": "area", "Standard": "practice_standard", "IRO": "iro"}
CHECKED = ["Practice Standard Check", "practice_standard", "is", "set"]


@people_by_name
def execute(filters=None):
	filters = frappe._dict(filters or {})
	group_by = filters.group_by or "Area"
	checks = review_checks(filters) + progress_review_checks(filters)
	rows = compliance_rows(checks, GROUPS[group_by])
	return columns(group_by), rows, None, chart(rows), summary(rows)


def review_checks(filters) -> list:
	"""Checklist outcomes on reviews held in the period, counted per standard, outcome and IRO."""
	return frappe.get_list(
		"Child Review",
		filters=[*figures.held_review_filters(filters), CHECKED],
		fields=[
			"chair as iro",
			"`tabPractice Standard Check`.practice_standard as practice_standard",
			"`tabPractice Standard Check`.area as area",
			"`tabPractice Standard Check`.outcome as outcome",
			"count(`tabPractice Standard Check`.name) as checks",
		],
		group_by="iro, practice_standard, area, outcome",
		order_by="iro asc",
	)


def progress_review_checks(filters) -> list:
	start, end = figures.period(filters)
	conditions = [["completed_on", "between", [start, end]]]
	if filters.iro:
		conditions.append(["completed_by", "=", filters.iro])
	return frappe.get_list(
		"Progress Review",
		filters=[*conditions, CHECKED],
		fields=[
			"completed_by as iro",
			"`tabPractice Standard Check`.practice_standard as practice_standard",
			"`tabPractice Standard Check`.area as area",
			"`tabPractice Standard Check`.outcome as outcome",
			"count(`tabPractice Standard Check`.name) as checks",
		],
		group_by="iro, practice_standard, area, outcome",
		order_by="iro asc",
	)


def compliance_rows(checks: list, key: str) -> list[dict]:
	totals = figures.counters()
	for check in checks:
		totals[check.get(key)][check.outcome or "Not Assessed"] += check.checks
	return figures.rows_by_group(totals, compliance_row)


def compliance_row(grouping: str, outcomes: dict) -> dict:
	return {
		"grouping": grouping,
		"met": outcomes["Met"],
		"not_met": outcomes["Not Met"],
		"not_applicable": outcomes["Not Applicable"],
		"not_assessed": outcomes["Not Assessed"],
		"percent_met": percent_met(outcomes["Met"], outcomes["Not Met"]),
	}


def percent_met(met: int, not_met: int) -> float | None:
	"""None where nothing was assessed as met or not: shown as "not assessed", not as 0%."""
	return figures.percentage(met, met + not_met) if met + not_met else None


def columns(group_by: str) -> list[dict]:
	grouping = {"fieldname": "grouping", "label": _(group_by), "fieldtype": "Data", "width": 200}
	if group_by == "Standard":
		grouping.update({"fieldtype": "Link", "options": "Practice Standard"})
	elif group_by == "IRO":
		grouping.update({"fieldtype": "Link", "options": "User"})
	return [
		grouping,
		{"fieldname": "met", "label": _("Met"), "fieldtype": "Int", "width": 90},
		{"fieldname": "not_met", "label": _("Not Met"), "fieldtype": "Int", "width": 90},
		{"fieldname": "not_applicable", "label": _("Not Applicable"), "fieldtype": "Int", "width": 120},
		{"fieldname": "not_assessed", "label": _("Not Assessed"), "fieldtype": "Int", "width": 120},
		{"fieldname": "percent_met", "label": _("% Met"), "fieldtype": "Percent", "width": 100},
	]


def chart(rows: list[dict]) -> dict:
	return {
		"data": {
			"labels": [str(row["grouping"]) for row in rows],
			"datasets": [
				{"name": _("Met"), "values": [row["met"] for row in rows]},
				{"name": _("Not Met"), "values": [row["not_met"] for row in rows]},
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"colors": ["#29cd42", "#e24c4c"],
	}


def summary(rows: list[dict]) -> list[dict]:
	met = sum(row["met"] for row in rows)
	not_met = sum(row["not_met"] for row in rows)
	return [
		{"value": met, "label": _("Met"), "datatype": "Int", "indicator": "green"},
		{"value": not_met, "label": _("Not Met"), "datatype": "Int", "indicator": "red"},
		{
			"value": percent_met(met, not_met) if met + not_met else _("Not assessed"),
			"label": _("% Met"),
			"datatype": "Percent" if met + not_met else "Data",
			"indicator": "blue",
		},
	]
