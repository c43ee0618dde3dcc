# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt


import frappe
from frappe import _

from iro_standards.iro_standards import figures
from iro_standards.iro_standards.names import people_by_name
from iro_standards.iro_standards.workflow.states import TM_RESPONSES


@people_by_name
def execute(filters=None):
	filters = frappe._dict(filters or {})
	grouped = frappe.get_list(
		"Child Review",
		filters=figures.held_review_filters(filters),
		fields=[
			"chair",
			"tm_response",
			"count(name) as held",
			"sum(decisions_recorded_on <= decisions_due) as decisions_in_time",
			"sum(record_distributed_on <= record_distribution_due) as distributed_in_time",
		],
		group_by="chair, tm_response",
		order_by="chair asc",
	)
	by_iro = figures.counters()
	for row in grouped:
		counts = by_iro[row.chair]
		counts["held"] += row.held
		counts["decisions_in_time"] += int(row.decisions_in_time or 0)
		counts["distributed_in_time"] += int(row.distributed_in_time or 0)
		if row.tm_response:
			counts[frappe.scrub(row.tm_response)] += row.held
	rows = figures.rows_by_group(by_iro, decision_row)
	return columns(), rows, None, None, summary(rows)


def decision_row(iro: str, counts: dict) -> dict:
	return {
		"iro": iro,
		"held": counts["held"],
		"decisions_in_time": counts["decisions_in_time"],
		"percent_decisions": figures.percentage(counts["decisions_in_time"], counts["held"]),
		**{frappe.scrub(response): counts[frappe.scrub(response)] for response in TM_RESPONSES},
		"distributed_in_time": counts["distributed_in_time"],
		"percent_distributed": figures.percentage(counts["distributed_in_time"], counts["held"]),
	}


def columns() -> list[dict]:
	return [
		{"fieldname": "iro", "label": _("IRO"), "fieldtype": "Link", "options": "User", "width": 200},
		{"fieldname": "held", "label": _("Reviews Held"), "fieldtype": "Int", "width": 110},
		{"fieldname": "decisions_in_time", "label": _("Decisions in Time"), "fieldtype": "Int", "width": 140},
		{
			"fieldname": "percent_decisions",
			"label": _("% Decisions in Time"),
			"fieldtype": "Percent",
			"width": 150,
		},
		*(
			{"fieldname": frappe.scrub(response), "label": _(response), "fieldtype": "Int", "width": 110}
			for response in TM_RESPONSES
		),
		{
			"fieldname": "distributed_in_time",
			"label": _("Records Distributed in Time"),
			"fieldtype": "Int",
			"width": 200,
		},
		{
			"fieldname": "percent_distributed",
			"label": _("% Distributed in Time"),
			"fieldtype": "Percent",
			"width": 160,
		},
	]


def summary(rows: list[dict]) -> list[dict]:
	held = sum(row["held"] for row in rows)
	return [
		{"value": held, "label": _("Reviews Held"), "datatype": "Int", "indicator": "blue"},
		{
			"value": figures.percentage(sum(r["decisions_in_time"] for r in rows), held),
			"label": _("Decisions in Time"),
			"datatype": "Percent",
			"indicator": "green",
		},
		{
			"value": figures.percentage(sum(r["distributed_in_time"] for r in rows), held),
			"label": _("Records Distributed in Time"),
			"datatype": "Percent",
			"indicator": "green",
		},
		{
			"value": sum(r["deemed_agreed"] for r in rows),
			"label": _("Deemed Agreed"),
			"datatype": "Int",
			"indicator": "orange",
		},
	]
