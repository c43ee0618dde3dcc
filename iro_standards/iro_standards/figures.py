"""Every figure a manager sees, computed once and through the viewer's permissions.

Reports, number cards and dashboard charts call these functions; each reads with
``frappe.get_list`` (so record scoping applies) in one or a few grouped queries, never one per row.
"""

from collections import defaultdict
from datetime import date, timedelta

import frappe
from frappe.utils import getdate

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	SETTINGS,
	engine_kwargs,
	get_site_timescales,
)
from iro_standards.iro_standards.workflow.states import CLOSED_DISPUTE_STATES
from iro_standards.standards import add_months, due_soon_until
from iro_standards.standards.conferences import weighted_caseload

REVIEW_GROUPINGS = {
	"Month": "date_format(held_date, '%Y-%m')",
	"IRO": "chair",
	"Team": "team",
	"Review Kind": "review_kind",
}


def this_quarter(today: date | None = None) -> tuple[date, date]:
	today = getdate(today)
	start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
	return start, add_months(start, 3) - timedelta(days=1)


def period(filters: dict | None) -> tuple[date, date]:
	"""The report period: the filters' dates, or this quarter."""
	filters = frappe._dict(filters or {})
	start, end = this_quarter()
	return getdate(filters.from_date or start), getdate(filters.to_date or end)


def held_review_filters(filters: dict | None) -> list:
	"""Submitted reviews held in the period, narrowed by IRO, team and review kind when given."""
	filters = frappe._dict(filters or {})
	start, end = period(filters)
	conditions = [["docstatus", "=", 1], ["held_date", "between", [start, end]]]
	for fieldname, key in (("chair", "iro"), ("team", "team"), ("review_kind", "review_kind")):
		if filters.get(key):
			conditions.append([fieldname, "=", filters[key]])
	return conditions


def percentage(part: float, whole: float) -> float:
	return round(100.0 * part / whole, 1) if whole else 0.0


def counters() -> defaultdict:
	"""Counts per group (an IRO, a standard...), each a dict of named counts starting at zero."""
	return defaultdict(lambda: defaultdict(int))


def rows_by_group(counts: dict, make_row) -> list[dict]:
	"""One report row per group, in the order of the group's name (an unset group first)."""
	return [
		make_row(group, group_counts)
		for group, group_counts in sorted(counts.items(), key=lambda i: str(i[0]))
	]


def review_timeliness(filters: dict | None, group_by: str = "Month") -> list[dict]:
	"""Reviews held in the period by group: held, in timescale, late and the in-timescale percentage."""
	expression = REVIEW_GROUPINGS[group_by]
	rows = frappe.get_list(
		"Child Review",
		filters=held_review_filters(filters),
		fields=[f"{expression} as grouping", "count(name) as held", "sum(held_in_timescale) as in_timescale"],
		group_by="grouping",
		order_by="grouping asc",
	)
	return [
		{
			"grouping": row.grouping,
			"held": row.held,
			"in_timescale": int(row.in_timescale or 0),
			"late": row.held - int(row.in_timescale or 0),
			"percent_in_timescale": percentage(row.in_timescale or 0, row.held),
		}
		for row in rows
	]


def in_timescale_percentage(filters: dict | None = None) -> float:
	rows = review_timeliness(filters, "Review Kind")
	return percentage(sum(r["in_timescale"] for r in rows), sum(r["held"] for r in rows))


def count(doctype: str, filters: list) -> int:
	return frappe.get_list(doctype, filters=filters, fields=["count(name) as total"])[0].total


def reviews_overdue_records(today: date | None = None) -> tuple[str, list]:
	"""Children looked after whose next review is past its statutory date, planned or not."""
	return "Looked After Child", [["status", "=", "Looked After"], ["next_review_due", "<", getdate(today)]]


def reviews_due_soon_records(today: date | None = None) -> tuple[str, list]:
	"""Children whose next review falls due from today to the end of the due-soon window."""
	today = getdate(today)
	window = frappe.db.get_single_value(SETTINGS, "due_soon_working_days")
	last_day = due_soon_until(today, window, calendar=engine_kwargs()["calendar"])
	return "Looked After Child", [
		["status", "=", "Looked After"],
		["next_review_due", "between", [today, last_day]],
	]


def open_disputes_records() -> tuple[str, list]:
	return "IRO Dispute", [["status", "not in", CLOSED_DISPUTE_STATES]]


def progress_reviews_overdue_records() -> tuple[str, list]:
	return "Progress Review", [["status", "=", "Overdue"]]


def open_disputes_by_stage() -> dict[str, int]:
	"""Open disputes the user may see, by stage in the order disputes escalate (others after)."""
	counts = {
		row.stage: row.disputes
		for row in frappe.get_list(
			"IRO Dispute",
			filters=[["status", "not in", CLOSED_DISPUTE_STATES]],
			fields=["current_stage as stage", "count(name) as disputes"],
			group_by="current_stage",
		)
	}
	order = [stage.name for stage in get_site_timescales().dispute_stages if stage.name in counts]
	return {stage: counts[stage] for stage in order + sorted(set(counts) - set(order), key=str)}


def weighted_caseloads(looked_after: dict[str, int], on_plan: dict[str, int]) -> dict[str, float]:
	"""Each officer's load: looked-after children allocated and children on a plan whose
	conferences they chair, each counted by the settings' weight."""
	settings = frappe.get_cached_doc(SETTINGS)
	return {
		officer: weighted_caseload(
			looked_after.get(officer, 0),
			on_plan.get(officer, 0),
			looked_after_weight=settings.caseload_weight_looked_after,
			plan_weight=settings.caseload_weight_cp_plan,
		)
		for officer in {*looked_after, *on_plan}
	}
