# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

"""The profile of the children looked after: how many during the period, how many started and
stopped, and those still looked after on its last day by age group, sex, ethnicity, legal status
and placement type (the annual report's profile of the children)."""

from collections import Counter

import frappe
from frappe import _
from frappe.utils import getdate

from iro_standards.standards import age_in_years
from iro_standards.standards.compliance import OLDEST_BAND, PROFILE_AGE_BANDS, profile_age_band
from iro_standards.standards.ssda903 import SEX

NOT_RECORDED = "Not recorded"
DIMENSIONS = ("Age", "Sex", "Ethnicity", "Legal Status", "Placement Type")


def execute(filters=None):
	filters = frappe._dict(filters or {})
	start, end = period_of(filters)
	episodes = episodes_in(start, end, filters.team)
	children = frappe.get_all(
		"Looked After Child",
		filters={"name": ("in", list({e.child for e in episodes}) or [""])},
		fields=["name", "date_of_birth", "sex_code", "ethnicity_code"],
	)
	by_name = {child.name: child for child in children}
	at_the_end = [e for e in episodes if getdate(e.start_date) <= end and not ended_by(e, end)]
	rows = profile_rows(at_the_end, by_name, end)
	return columns(), rows, None, None, summary(episodes, at_the_end, start, end)


def period_of(filters) -> tuple:
	if not (filters.from_date and filters.to_date) or getdate(filters.to_date) < getdate(filters.from_date):
		frappe.throw(
			_("Choose a period: a From Date and a To Date on or after it."), title=_("Invalid period")
		)
	return getdate(filters.from_date), getdate(filters.to_date)


def episodes_in(start, end, team: str | None) -> list:
	"""The care episodes open on any day of the period, of the children the reader may see."""
	filters = [["start_date", "<=", end]]
	if team:
		filters.append(
			[
				"child",
				"in",
				frappe.get_list("Looked After Child", filters={"team": team}, pluck="name") or [""],
			]
		)
	return [
		episode
		for episode in frappe.get_list(
			"Care Episode",
			filters=filters,
			fields=["child", "start_date", "end_date", "legal_status", "placement_type"],
			limit_page_length=0,
		)
		if not ended_by(episode, start)
	]


def ended_by(episode, day) -> bool:
	return bool(episode.end_date) and getdate(episode.end_date) < day


def profile_rows(open_at_the_end: list, children: dict, end) -> list[dict]:
	counted = Counter()
	for episode in open_at_the_end:
		child = children.get(episode.child)
		if not child:
			continue
		counted[("Age", profile_age_band(age_in_years(getdate(child.date_of_birth), end)))] += 1
		counted[("Sex", SEX.get(child.sex_code or "", NOT_RECORDED))] += 1
		counted[("Ethnicity", child.ethnicity_code or NOT_RECORDED)] += 1
		counted[("Legal Status", episode.legal_status or NOT_RECORDED)] += 1
		counted[("Placement Type", episode.placement_type or NOT_RECORDED)] += 1
	return [
		{"dimension": _(dimension), "value": _(value), "children": count, "measure": f"{dimension}: {value}"}
		for (dimension, value), count in sorted(counted.items(), key=in_profile_order)
	]


def in_profile_order(item) -> tuple:
	(dimension, value), _count = item
	ages = [label for _low, _high, label in PROFILE_AGE_BANDS] + [OLDEST_BAND]
	return DIMENSIONS.index(dimension), ages.index(value) if dimension == "Age" else 0, value


def columns() -> list[dict]:
	return [
		{"fieldname": "dimension", "label": _("Profile"), "fieldtype": "Data", "width": 160},
		{"fieldname": "value", "label": _("Group"), "fieldtype": "Data", "width": 280},
		{"fieldname": "children", "label": _("Children at the End"), "fieldtype": "Int", "width": 150},
	]


def summary(episodes: list, open_at_the_end: list, start, end) -> list[dict]:
	return [
		{
			"value": len({e.child for e in episodes}),
			"label": _("Looked After During the Period"),
			"datatype": "Int",
			"indicator": "blue",
		},
		{
			"value": len({e.child for e in open_at_the_end}),
			"label": _("Looked After at the End"),
			"datatype": "Int",
			"indicator": "blue",
		},
		{
			"value": sum(1 for e in episodes if getdate(e.start_date) >= start),
			"label": _("Started Being Looked After"),
			"datatype": "Int",
			"indicator": "green",
		},
		{
			"value": sum(1 for e in episodes if e.end_date and getdate(e.end_date) <= end),
			"label": _("Stopped Being Looked After"),
			"datatype": "Int",
			"indicator": "orange",
		},
	]
