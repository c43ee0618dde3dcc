# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _

from iro_standards.iro_standards.conference_figures import conference_totals, conferences_by_chair
from iro_standards.iro_standards.figures import percentage
from iro_standards.iro_standards.names import people_by_name


@people_by_name
def execute(filters=None):
	rows = [with_percentages(row) for row in conferences_by_chair(filters)]
	return columns(), rows, None, chart(rows), summary(conference_totals(rows))


def with_percentages(row: dict) -> dict:
	return {
		**row,
		"percent_initial_in_time": percentage(row["initial_in_time"], row["initial_held"]),
		"percent_review_in_time": percentage(row["review_in_time"], row["review_held"]),
	}


def columns() -> list[dict]:
	count = {"fieldtype": "Int", "width": 120}
	return [
		{"fieldname": "chair", "label": _("Chair"), "fieldtype": "Link", "options": "User", "width": 200},
		{"fieldname": "initial_held", "label": _("Initial Conferences Held"), **count},
		{"fieldname": "initial_in_time", "label": _("Within 15 Working Days"), **count},
		{
			"fieldname": "percent_initial_in_time",
			"label": _("% Initial in Timescale"),
			"fieldtype": "Percent",
			"width": 130,
		},
		{"fieldname": "review_held", "label": _("Review Conferences Held"), **count},
		{"fieldname": "review_in_time", "label": _("Reviews in Timescale"), **count},
		{
			"fieldname": "percent_review_in_time",
			"label": _("% Reviews in Timescale"),
			"fieldtype": "Percent",
			"width": 130,
		},
		{"fieldname": "quorate", "label": _("Quorate"), **count},
		{"fieldname": "inquorate_held", "label": _("Held Inquorate"), **count},
		{"fieldname": "reports_in_time", "label": _("Exceptional Reports in Time"), **count},
		{"fieldname": "plans_started", "label": _("Plans Started"), **count},
		{"fieldname": "checks_in_time", "label": _("Progress Checks in the First Month"), **count},
	]


def chart(rows: list[dict]) -> dict | None:
	if not rows:
		return None
	return {
		"data": {
			"labels": [
				frappe.utils.get_fullname(row["chair"]) if row["chair"] else _("No chair") for row in rows
			],
			"datasets": [
				{
					"name": _("% Initial in Timescale"),
					"values": [row["percent_initial_in_time"] for row in rows],
				},
				{
					"name": _("% Reviews in Timescale"),
					"values": [row["percent_review_in_time"] for row in rows],
				},
			],
		},
		"type": "bar",
		"colors": ["#2490ef", "#29cd42"],
	}


def summary(totals: dict) -> list[dict]:
	return [
		{
			"value": totals["percent_initial_in_time"],
			"label": _("Initial Conferences Within 15 Working Days"),
			"datatype": "Percent",
			"indicator": "blue",
		},
		{
			"value": totals["percent_review_in_time"],
			"label": _("Review Conferences in Timescale"),
			"datatype": "Percent",
			"indicator": "blue",
		},
		{
			"value": totals["percent_quorate"],
			"label": _("Quorate"),
			"datatype": "Percent",
			"indicator": "green",
		},
		{
			"value": totals["inquorate_held"],
			"label": _("Held Inquorate"),
			"datatype": "Int",
			"indicator": "orange",
		},
		{
			"value": totals["percent_checks_in_time"],
			"label": _("Progress Checks in the First Month"),
			"datatype": "Percent",
			"indicator": "green",
		},
	]
