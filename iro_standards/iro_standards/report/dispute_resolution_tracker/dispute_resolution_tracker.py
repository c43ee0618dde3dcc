# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import getdate

from iro_standards.iro_standards import figures
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	engine_kwargs,
	get_site_timescales,
)
from iro_standards.standards.timescales import DISPUTE_LEVELS


def execute(filters=None):
	filters = frappe._dict(filters or {})
	disputes = frappe.get_list(
		"IRO Dispute",
		filters=dispute_filters(filters),
		fields=[
			"name",
			"case_number",
			"team",
			"category",
			"status",
			"current_stage",
			"raised_on",
			"resolved_on",
			"current_response_due",
			"response_overdue",
		],
		order_by="raised_on asc",
		limit_page_length=0,
	)
	calendar = engine_kwargs()["calendar"]
	today = getdate()
	for dispute in disputes:
		ended = getdate(dispute.resolved_on) if dispute.resolved_on else today
		dispute.age_working_days = calendar.working_days_between(getdate(dispute.raised_on), ended)
	funnel = stages_reached(filters)
	summaries = summary(disputes, funnel)
	translated = {}
	for dispute in disputes:
		for fieldname in ("category", "status", "current_stage"):
			value = dispute[fieldname]
			if value and value not in translated:
				translated[value] = _(value)
			dispute[fieldname] = translated[value] if value else None
	return columns(), disputes, None, chart(funnel), summaries


def dispute_filters(filters) -> list:
	start, end = figures.period(filters)
	conditions = [["raised_on", "between", [start, end]]]
	for fieldname in ("category", "team", "status"):
		if filters.get(fieldname):
			conditions.append([fieldname, "=", filters[fieldname]])
	return conditions


def stages_reached(filters) -> dict[str, int]:
	"""How many disputes reached informal, a formal stage and a referral: the escalation funnel."""
	reached = frappe.get_list(
		"IRO Dispute",
		filters=dispute_filters(filters),
		fields=["name", "`tabIRO Dispute Stage`.stage as stage"],
		order_by="name asc",
		limit_page_length=0,
		as_list=True,
	)
	level_of = {stage.name: stage.level for stage in get_site_timescales().dispute_stages}
	levels = defaultdict(set)
	for name, stage in reached:
		levels[level_of.get(stage, DISPUTE_LEVELS[0])].add(name)
	return {_(level): len(levels[level]) for level in DISPUTE_LEVELS}


def columns() -> list[dict]:
	return [
		{
			"fieldname": "name",
			"label": _("Dispute"),
			"fieldtype": "Link",
			"options": "IRO Dispute",
			"width": 150,
		},
		{"fieldname": "case_number", "label": _("Case Number"), "fieldtype": "Data", "width": 110},
		{"fieldname": "team", "label": _("Team"), "fieldtype": "Data", "width": 100},
		{"fieldname": "category", "label": _("Category"), "fieldtype": "Data", "width": 170},
		{"fieldname": "current_stage", "label": _("Stage"), "fieldtype": "Data", "width": 130},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 120},
		{"fieldname": "raised_on", "label": _("Raised On"), "fieldtype": "Date", "width": 110},
		{"fieldname": "resolved_on", "label": _("Ended On"), "fieldtype": "Date", "width": 110},
		{"fieldname": "age_working_days", "label": _("Age (Working Days)"), "fieldtype": "Int", "width": 140},
		{"fieldname": "current_response_due", "label": _("Response Due"), "fieldtype": "Date", "width": 120},
		{"fieldname": "response_overdue", "label": _("Response Overdue"), "fieldtype": "Check", "width": 130},
	]


def chart(funnel: dict[str, int]) -> dict:
	return {
		"data": {
			"labels": list(funnel),
			"datasets": [{"name": _("Disputes"), "values": list(funnel.values())}],
		},
		"type": "bar",
		"colors": ["#ec864b"],
	}


def summary(disputes: list, funnel: dict[str, int]) -> list[dict]:
	open_disputes = [d for d in disputes if d.status not in figures.CLOSED_DISPUTE_STATES]
	return [
		{"value": len(disputes), "label": _("Disputes Raised"), "datatype": "Int", "indicator": "blue"},
		{"value": len(open_disputes), "label": _("Open"), "datatype": "Int", "indicator": "orange"},
		{
			"value": sum(d.response_overdue for d in open_disputes),
			"label": _("Responses Overdue"),
			"datatype": "Int",
			"indicator": "red",
		},
		{
			"value": funnel[_("Referral")],
			"label": _("Referred to Cafcass"),
			"datatype": "Int",
			"indicator": "red",
		},
	]
