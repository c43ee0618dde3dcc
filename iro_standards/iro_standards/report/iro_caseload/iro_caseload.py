# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import getdate

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	SETTINGS,
	engine_kwargs,
)
from iro_standards.iro_standards.figures import weighted_caseloads
from iro_standards.iro_standards.names import people_by_name
from iro_standards.standards import caseload_band
from iro_standards.standards.caseloads import (
	Allocation,
	caseload_per_full_time_iro,
	caseloads_over,
	changes_of_iro,
)


@people_by_name
def execute(filters=None):
	filters = frappe._dict(filters or {})
	if filters.from_date or filters.to_date:
		return caseloads_over_the_period(filters)
	timescales = engine_kwargs()["timescales"]
	maximum = timescales.caseload_maximum
	children = frappe.get_list(
		"Looked After Child",
		filters=child_filters(filters),
		fields=[
			"allocated_iro",
			"count(name) as children",
			f"sum(iro_allocation_due < '{getdate()}' and allocated_in_time = 0) as allocated_late",
			f"sum(looked_after_notification_due < '{getdate()}' and notified_in_time = 0) as notified_late",
		],
		group_by="allocated_iro",
		order_by="children desc",
	)
	looked_after = {row.allocated_iro: row for row in children}
	on_plan = children_on_a_plan_by_chair(filters)
	loads = weighted_caseloads({iro: row.children for iro, row in looked_after.items()}, on_plan)
	split = split_sibling_groups(filters)
	rows = [
		{
			"allocated_iro": iro,
			"children": looked_after[iro].children if iro in looked_after else 0,
			"on_plan": on_plan.get(iro, 0),
			"weighted": loads[iro],
			"band": _(caseload_band(loads[iro], timescales).value),
			"late_notifications": late_count(looked_after.get(iro), "notified_late"),
			"late_allocations": late_count(looked_after.get(iro), "allocated_late"),
			"split_sibling_groups": split.get(iro, 0),
		}
		for iro in sorted(loads, key=lambda iro: (-loads[iro], str(iro)))
	]
	return columns(), rows, None, chart(rows, maximum), summary(rows, maximum)


def late_count(row, column: str) -> int:
	"""Children whose deadline has passed without it being met (the service told within 2 working
	days of the child becoming looked after; the IRO allocated within 3 of that and 5 of it)."""
	return int(row.get(column) or 0) if row else 0


def children_on_a_plan_by_chair(filters) -> dict[str, int]:
	"""A dual-role officer's other half: the children on a plan whose conferences they chair."""
	conditions = [["on_cp_plan", "=", 1], ["cp_chair", "is", "set"]]
	if filters.iro:
		conditions.append(["cp_chair", "=", filters.iro])
	if filters.team:
		conditions.append(["team", "=", filters.team])
	rows = frappe.get_list(
		"Looked After Child",
		filters=conditions,
		fields=["cp_chair", "count(name) as children"],
		group_by="cp_chair",
	)
	return {row.cp_chair: row.children for row in rows}


def child_filters(filters) -> list:
	conditions = [["status", "=", "Looked After"]]
	if filters.iro:
		conditions.append(["allocated_iro", "=", filters.iro])
	if filters.team:
		conditions.append(["team", "=", filters.team])
	return conditions


def split_sibling_groups(filters) -> dict[str, int]:
	"""For each IRO, the sibling groups they share with a different IRO."""
	members = frappe.get_list(
		"Looked After Child",
		filters=[*child_filters(frappe._dict(team=filters.team)), ["sibling_group", "is", "set"]],
		fields=["sibling_group", "allocated_iro"],
		limit_page_length=0,
	)
	iros_by_group = defaultdict(set)
	for member in members:
		iros_by_group[member.sibling_group].add(member.allocated_iro)
	split = defaultdict(int)
	for iros in iros_by_group.values():
		if len(iros) > 1:
			for iro in iros:
				split[iro] += 1
	return split


def iro_column() -> dict:
	return {
		"fieldname": "allocated_iro",
		"label": _("IRO"),
		"fieldtype": "Link",
		"options": "User",
		"width": 220,
	}


def band_column() -> dict:
	return {"fieldname": "band", "label": _("Against the Range"), "fieldtype": "Data", "width": 150}


def columns() -> list[dict]:
	return [
		iro_column(),
		{"fieldname": "children", "label": _("Looked-After Children"), "fieldtype": "Int", "width": 130},
		{"fieldname": "on_plan", "label": _("Children on a Plan"), "fieldtype": "Int", "width": 130},
		{
			"fieldname": "weighted",
			"label": _("Weighted Caseload"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 140,
		},
		band_column(),
		{
			"fieldname": "late_notifications",
			"label": _("Service Notified Late"),
			"fieldtype": "Int",
			"width": 150,
		},
		{"fieldname": "late_allocations", "label": _("Allocated Late"), "fieldtype": "Int", "width": 130},
		{
			"fieldname": "split_sibling_groups",
			"label": _("Sibling Groups Split"),
			"fieldtype": "Int",
			"width": 160,
		},
	]


def chart(rows: list[dict], maximum: int) -> dict:
	return {
		"data": {
			"labels": [row["allocated_iro"] or _("Not allocated") for row in rows],
			"datasets": [{"name": _("Weighted Caseload"), "values": [row["weighted"] for row in rows]}],
			"yMarkers": [{"label": _("Maximum"), "value": maximum}],
		},
		"type": "bar",
	}


def summary(rows: list[dict], maximum: int) -> list[dict]:
	return [
		{"value": len(rows), "label": _("IROs"), "datatype": "Int", "indicator": "blue"},
		{
			"value": sum(r["children"] for r in rows),
			"label": _("Children"),
			"datatype": "Int",
			"indicator": "blue",
		},
		{
			"value": sum(1 for r in rows if r["weighted"] > maximum),
			"label": _("IROs Above Range"),
			"datatype": "Int",
			"indicator": "red",
		},
	]


def caseloads_over_the_period(filters) -> tuple:
	"""Each IRO's average caseload over the period and on its last day, read from the children's
	allocation history and care episodes (children the reader may see, of the team if chosen)."""
	if not (filters.from_date and filters.to_date) or getdate(filters.to_date) < getdate(filters.from_date):
		frappe.throw(
			_("Choose a period: a From Date and a To Date on or after it."), title=_("Invalid period")
		)
	period = (getdate(filters.from_date), getdate(filters.to_date))
	team = [["team", "=", filters.team]] if filters.team else []
	children = frappe.get_list("Looked After Child", filters=team, pluck="name", limit_page_length=0)
	history = {"parenttype": "Looked After Child", "parent": ("in", children or [""])}
	if filters.iro:
		history["iro"] = filters.iro
	allocations = defaultdict(list)
	for row in frappe.get_all(
		"IRO Allocation Period",
		filters=history,
		fields=["parent", "iro", "allocated_from", "allocated_until"],
		order_by="parent, idx",
	):
		if row.iro and row.allocated_from:
			allocations[row.parent].append(
				Allocation(
					row.iro,
					getdate(row.allocated_from),
					getdate(row.allocated_until) if row.allocated_until else None,
				)
			)
	episodes = defaultdict(list)
	for episode in frappe.get_all(
		"Care Episode",
		filters={"child": ("in", list(allocations) or [""])},
		fields=["child", "start_date", "end_date"],
	):
		episodes[episode.child].append(
			(getdate(episode.start_date), getdate(episode.end_date) if episode.end_date else None)
		)
	timescales = engine_kwargs()["timescales"]
	settings = frappe.get_cached_doc(SETTINGS)
	hours, full_time = settings.hours_of(), settings.full_time_hours
	loads = caseloads_over(period, allocations, episodes)
	rows = [
		{
			"allocated_iro": iro,
			"average": load.average,
			"at_the_end": load.at_the_end,
			"hours_a_week": hours.get(iro, full_time),
			"per_full_time_iro": caseload_per_full_time_iro(
				load.average, hours.get(iro, full_time), full_time
			),
			"band": _(caseload_band(load.average, timescales).value),
		}
		for iro, load in sorted(loads.items(), key=lambda item: (-item[1].average, item[0]))
	]
	summary = period_summary(
		rows, timescales.caseload_maximum, full_time, changes_of_iro(period, allocations)
	)
	return period_columns(), rows, None, period_chart(rows), summary


def period_columns() -> list[dict]:
	return [
		iro_column(),
		{
			"fieldname": "average",
			"label": _("Average Caseload"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 150,
		},
		{"fieldname": "at_the_end", "label": _("Children at the End"), "fieldtype": "Int", "width": 150},
		{
			"fieldname": "hours_a_week",
			"label": _("Hours a Week"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 120,
		},
		{
			"fieldname": "per_full_time_iro",
			"label": _("Caseload per Full-Time IRO"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 190,
		},
		band_column(),
	]


def period_chart(rows: list[dict]) -> dict:
	return {
		"data": {
			"labels": [row["allocated_iro"] for row in rows],
			"datasets": [{"name": _("Average Caseload"), "values": [row["average"] for row in rows]}],
		},
		"type": "bar",
	}


def period_summary(rows: list[dict], maximum: int, full_time: float, changes: tuple[int, int]) -> list[dict]:
	averages = [row["average"] for row in rows]
	posts = sum(row["hours_a_week"] for row in rows) / full_time
	return [
		{"value": len(rows), "label": _("IROs"), "datatype": "Int", "indicator": "blue"},
		{
			"value": sum(row["at_the_end"] for row in rows),
			"label": _("Children"),
			"datatype": "Int",
			"indicator": "blue",
		},
		{
			"value": round(sum(averages) / len(averages), 1) if averages else 0,
			"label": _("Average Caseload"),
			"datatype": "Data",
			"indicator": "blue",
		},
		{
			"value": round(sum(averages) / posts, 1) if posts else 0,
			"label": _("Caseload per Full-Time IRO"),
			"datatype": "Data",
			"indicator": "blue",
		},
		{
			"value": sum(1 for average in averages if average > maximum),
			"label": _("IROs Above Range"),
			"datatype": "Int",
			"indicator": "red",
		},
		{"value": changes[0], "label": _("Changes of IRO"), "datatype": "Int", "indicator": "orange"},
		{
			"value": changes[1],
			"label": _("Children Whose IRO Changed"),
			"datatype": "Int",
			"indicator": "orange",
		},
	]
