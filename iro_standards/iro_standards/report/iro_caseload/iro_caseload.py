# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

from collections import defaultdict

import frappe
from frappe import _

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import engine_kwargs
from iro_standards.standards import caseload_band


def execute(filters=None):
	filters = frappe._dict(filters or {})
	timescales = engine_kwargs()["timescales"]
	maximum = timescales.caseload_maximum
	children = frappe.get_list(
		"Looked After Child",
		filters=child_filters(filters),
		fields=[
			"allocated_iro",
			"count(name) as children",
			"sum(allocated_in_time) as allocated_in_time",
			"sum(iro_notified_on is not null) as notified",
		],
		group_by="allocated_iro",
		order_by="children desc",
	)
	split = split_sibling_groups(filters)
	rows = [
		{
			"allocated_iro": row.allocated_iro,
			"children": row.children,
			"band": _(caseload_band(row.children, timescales).value),
			"late_allocations": int(row.notified or 0) - int(row.allocated_in_time or 0),
			"split_sibling_groups": split.get(row.allocated_iro, 0),
		}
		for row in children
	]
	return columns(), rows, None, chart(rows, maximum), summary(rows, maximum)


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


def columns() -> list[dict]:
	return [
		{
			"fieldname": "allocated_iro",
			"label": _("IRO"),
			"fieldtype": "Link",
			"options": "User",
			"width": 220,
		},
		{"fieldname": "children", "label": _("Children"), "fieldtype": "Int", "width": 100},
		{"fieldname": "band", "label": _("Against the Range"), "fieldtype": "Data", "width": 150},
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
			"datasets": [{"name": _("Children"), "values": [row["children"] for row in rows]}],
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
			"value": sum(1 for r in rows if r["children"] > maximum),
			"label": _("IROs Above Range"),
			"datatype": "Int",
			"indicator": "red",
		},
	]
