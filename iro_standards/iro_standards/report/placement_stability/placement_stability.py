# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

"""Placement stability on a day and a year before it, by IRO, team or age band: the DfE's
short-term measure (three or more placements in 12 months) and long-term measure, moves per child
and unplanned endings, decided by :mod:`iro_standards.standards.stability`."""

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import getdate

from iro_standards.iro_standards.names import people_by_name
from iro_standards.standards import age_in_years
from iro_standards.standards.compliance import profile_age_band
from iro_standards.standards.dates import add_months
from iro_standards.standards.regimes import is_placed_for_adoption
from iro_standards.standards.stability import (
	Period,
	PlacementRow,
	is_unplanned,
	long_term_stability,
	looked_after_on,
	many_placements,
	moves_between,
	placement_of,
	stays_from,
)

GROUPS = ("IRO", "Team", "Age Band")
NONE = "Not allocated"
MEASURES = ("children", "many_placements", "long_term_pct", "moves_per_child", "unplanned")


@people_by_name
def execute(filters=None):
	filters = frappe._dict(filters or {})
	on = getdate(filters.on_date) if filters.on_date else getdate()
	group_by = filters.group_by or "IRO"
	if group_by not in GROUPS:
		frappe.throw(
			_("Group By must be one of {0}.").format(", ".join(_(g) for g in GROUPS)),
			title=_("Invalid filter"),
		)
	children = frappe.get_list(
		"Looked After Child",
		filters={"team": filters.team} if filters.team else {},
		fields=["name", "allocated_iro", "team", "date_of_birth"],
		limit_page_length=0,
	)
	histories = histories_of([child.name for child in children])
	now = figures(children, histories, on, group_by)
	before = figures(children, histories, add_months(on, -12), group_by)
	rows = [
		{
			"group": group,
			**{m: now.get(group, {}).get(m) for m in MEASURES},
			**{f"{m}_before": before.get(group, {}).get(m) for m in MEASURES},
		}
		for group in sorted(set(now) | set(before), key=str)
	]
	return columns(group_by), rows, None, chart(rows), summary(children, histories, on)


def children_with_many_placements(day) -> int:
	"""The children the reader may see who are looked after on ``day`` with three or more
	placements in the 12 months to it."""
	children = frappe.get_list("Looked After Child", pluck="name", limit_page_length=0)
	histories = histories_of(children)
	return sum(many_placements(histories.get(child, []), day) for child in children)


def histories_of(children: list[str]) -> dict[str, list[Period]]:
	"""Each child's periods of care with their placements, from the episodes the reader may see."""
	episodes = frappe.get_list(
		"Care Episode",
		filters={"child": ("in", children or [""])},
		fields=["name", "child", "start_date", "end_date"],
		limit_page_length=0,
	)
	rows = defaultdict(list)
	for row in frappe.get_all(
		"Placement Move",
		filters={"parenttype": "Care Episode", "parent": ("in", [e.name for e in episodes] or [""])},
		fields=[
			"parent",
			"moved_on",
			"placement_type",
			"placement_provider",
			"placement_postcode",
			"placement_code",
			"reason_for_change",
			"change_reason_code",
		],
	):
		rows[row.parent].append(
			PlacementRow(
				getdate(row.moved_on),
				placement_of(row.placement_type, row.placement_provider, row.placement_postcode),
				is_placed_for_adoption(row.placement_code, row.placement_type),
				row.reason_for_change or "",
				row.change_reason_code or "",
			)
		)
	histories = defaultdict(list)
	for episode in sorted(episodes, key=lambda e: getdate(e.start_date)):
		end = getdate(episode.end_date) if episode.end_date else None
		histories[episode.child].append(
			Period(getdate(episode.start_date), end, stays_from(rows[episode.name]))
		)
	return histories


def group_of(child, group_by: str, day) -> str:
	if group_by == "IRO":
		return child.allocated_iro or _(NONE)
	if group_by == "Team":
		return child.team or _(NONE)
	return _(profile_age_band(age_in_years(getdate(child.date_of_birth), day)))


def figures(children, histories, day, group_by: str) -> dict[str, dict]:
	"""The measures on ``day`` for the children looked after that day, by group."""
	counts = defaultdict(lambda: defaultdict(int))
	year_start = add_months(day, -12)
	for child in children:
		periods = histories.get(child.name, [])
		if not child.date_of_birth or looked_after_on(periods, day) is None:
			continue
		group = counts[group_of(child, group_by, day)]
		group["children"] += 1
		group["many_placements"] += many_placements(periods, day)
		stable = long_term_stability(getdate(child.date_of_birth), periods, day)
		if stable is not None:
			group["long_term_counted"] += 1
			group["long_term_stable"] += stable
		moves = moves_between(periods, year_start, day)
		group["moves"] += len(moves)
		group["unplanned"] += sum(is_unplanned(stay) for stay in moves)
	return {name: measures(group) for name, group in counts.items()}


def measures(group: dict) -> dict:
	counted = group["long_term_counted"]
	return {
		"children": group["children"],
		"many_placements": group["many_placements"],
		"long_term_pct": round(100 * group["long_term_stable"] / counted, 1) if counted else None,
		"moves_per_child": round(group["moves"] / group["children"], 2),
		"unplanned": group["unplanned"],
	}


def summary(children, histories, on) -> list[dict]:
	total = figures(children, histories, on, "IRO")
	looked_after = sum(g["children"] for g in total.values())
	many = sum(g["many_placements"] for g in total.values())
	unplanned = sum(g["unplanned"] for g in total.values())
	return [
		{"label": _("Children Looked After"), "value": looked_after, "datatype": "Int", "indicator": "Blue"},
		{
			"label": _("Three or More Placements in 12 Months"),
			"value": many,
			"datatype": "Int",
			"indicator": "Red" if many else "Green",
		},
		{
			"label": _("Unplanned Endings in 12 Months"),
			"value": unplanned,
			"datatype": "Int",
			"indicator": "Orange",
		},
	]


def chart(rows: list[dict]) -> dict | None:
	if not rows:
		return None
	return {
		"data": {
			"labels": [row["group"] for row in rows],
			"datasets": [
				{
					"name": _("Three or more placements"),
					"values": [row.get("many_placements") or 0 for row in rows],
				},
				{
					"name": _("A year before"),
					"values": [row.get("many_placements_before") or 0 for row in rows],
				},
			],
		},
		"type": "bar",
	}


def columns(group_by: str) -> list[dict]:
	group = (
		{"fieldname": "group", "label": _("IRO"), "fieldtype": "Link", "options": "User", "width": 200}
		if group_by == "IRO"
		else {"fieldname": "group", "label": _(group_by), "fieldtype": "Data", "width": 160}
	)
	pairs = (
		("children", _("Children Looked After"), "Int"),
		("many_placements", _("Three or More Placements in 12 Months"), "Int"),
		("long_term_pct", _("Long-Term Stability (%)"), "Percent"),
		("moves_per_child", _("Moves per Child in 12 Months"), "Float"),
		("unplanned", _("Unplanned Endings in 12 Months"), "Int"),
	)
	found = [group]
	for fieldname, label, fieldtype in pairs:
		shown = {"fieldtype": fieldtype, "width": 150, "precision": 2 if fieldtype == "Float" else None}
		found.append({"fieldname": fieldname, "label": label, **shown})
		found.append(
			{"fieldname": f"{fieldname}_before", "label": _("{0}, a Year Before").format(label), **shown}
		)
	return found
