# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

"""The Active Offer: how many children were offered the service in Welsh and how many chose it,
by team; and, for reviews held in the period, how many attendees were offered Welsh, chose it
and spoke it."""

import frappe
from frappe import _

from iro_standards.iro_standards import figures


def execute(filters=None):
	filters = frappe._dict(filters or {})
	rows = offers_by_team(filters)
	return columns(), rows, None, None, summary(rows, attendee_offers(filters))


def offers_by_team(filters) -> list[dict]:
	conditions = [["status", "=", "Looked After"]]
	if filters.team:
		conditions.append(["team", "=", filters.team])
	counted = frappe.get_list(
		"Looked After Child",
		filters=conditions,
		fields=[
			"team",
			"count(name) as children",
			"sum(welsh_offered) as offered",
			"sum(case when welsh_offered = 1 and preferred_language = 'Welsh' then 1 else 0 end) as chose_welsh",
		],
		group_by="team",
		order_by="team asc",
	)
	return [
		{
			"team": row.team or _("No team"),
			"children": row.children,
			"offered": int(row.offered or 0),
			"percent_offered": figures.percentage(row.offered or 0, row.children),
			"chose_welsh": int(row.chose_welsh or 0),
		}
		for row in counted
	]


def attendee_offers(filters) -> dict:
	attendees = frappe.get_list(
		"Child Review",
		filters=[*figures.held_review_filters(filters), ["Review Attendee", "name", "is", "set"]],
		fields=[
			"count(`tabReview Attendee`.name) as attendees",
			"sum(`tabReview Attendee`.welsh_offered) as offered",
			"sum(case when `tabReview Attendee`.language_of_choice = 'Welsh' then 1 else 0 end) as chose_welsh",
			"sum(`tabReview Attendee`.spoke_welsh) as spoke_welsh",
		],
	)[0]
	return {
		key: int(attendees.get(key) or 0) for key in ("attendees", "offered", "chose_welsh", "spoke_welsh")
	}


def summary(rows: list[dict], attendees: dict) -> list[dict]:
	children = sum(row["children"] for row in rows)
	offered = sum(row["offered"] for row in rows)
	return [
		{"label": _("Children Offered Welsh"), "value": offered, "datatype": "Int", "indicator": "Blue"},
		{
			"label": _("% of Children Offered Welsh"),
			"value": figures.percentage(offered, children),
			"datatype": "Percent",
			"indicator": "Green" if offered == children else "Orange",
		},
		{
			"label": _("Children Who Chose Welsh"),
			"value": sum(row["chose_welsh"] for row in rows),
			"datatype": "Int",
			"indicator": "Blue",
		},
		{
			"label": _("Attendees Offered Welsh"),
			"value": attendees["offered"],
			"datatype": "Int",
			"indicator": "Blue",
		},
		{
			"label": _("Attendees Who Spoke Welsh"),
			"value": attendees["spoke_welsh"],
			"datatype": "Int",
			"indicator": "Blue",
		},
	]


def columns() -> list[dict]:
	return [
		{"fieldname": "team", "label": _("Team"), "fieldtype": "Data", "width": 160},
		{"fieldname": "children", "label": _("Children"), "fieldtype": "Int", "width": 100},
		{"fieldname": "offered", "label": _("Offered Welsh"), "fieldtype": "Int", "width": 120},
		{"fieldname": "percent_offered", "label": _("% Offered"), "fieldtype": "Percent", "width": 110},
		{"fieldname": "chose_welsh", "label": _("Chose Welsh"), "fieldtype": "Int", "width": 110},
	]
