"""The figures of child protection conferences and plans, through the viewer's permissions: the
reports, the number cards and the chart all read them here."""

from datetime import date

import frappe
from frappe.utils import getdate

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	get_site_timescales,
)
from iro_standards.iro_standards.figures import percentage, period
from iro_standards.standards.conferences import (
	CP_CATEGORIES,
	Plan,
	is_long_plan,
	plan_duration_days,
	repeat_after,
)

CONFERENCE = "Child Protection Conference"
CHILD = "Looked After Child"
CONFERENCE_COUNTS = {
	"initial_held": "sum(conference_kind = 'Initial')",
	"initial_in_time": "sum(conference_kind = 'Initial' and held_date <= conference_due)",
	"review_held": "sum(conference_kind = 'Review')",
	"review_in_time": "sum(conference_kind = 'Review' and held_date <= conference_due)",
	"quorate": "sum(quorate)",
	"inquorate_held": "sum(quorate = 0)",
	"reports_in_time": "sum(quorate = 0 and exceptional_report_on <= exceptional_report_due)",
	"plans_started": "sum(conference_kind = 'Initial' and outcome = 'Plan')",
	"checks_in_time": "sum(conference_kind = 'Initial' and outcome = 'Plan' and progress_check_on <= progress_check_due)",
}


def held_conference_filters(filters: dict | None) -> list:
	filters = frappe._dict(filters or {})
	start, end = period(filters)
	conditions = [["docstatus", "=", 1], ["held_date", "between", [start, end]]]
	if filters.iro:
		conditions.append(["chair", "=", filters.iro])
	return conditions


def conferences_by_chair(filters: dict | None) -> list[dict]:
	"""Conferences held in the period, by chair: initial ones within the timescale of the strategy
	discussion (the national indicator), review ones in timescale, quoracy, exceptional reports
	and the progress checks of new plans."""
	rows = frappe.get_list(
		CONFERENCE,
		filters=held_conference_filters(filters),
		fields=["chair", *(f"{expression} as {name}" for name, expression in CONFERENCE_COUNTS.items())],
		group_by="chair",
		order_by="chair asc",
	)
	return [
		{"chair": row.chair, **{name: int(row.get(name) or 0) for name in CONFERENCE_COUNTS}} for row in rows
	]


def conference_totals(rows: list[dict]) -> dict:
	totals = {name: sum(row[name] for row in rows) for name in CONFERENCE_COUNTS}
	totals["percent_initial_in_time"] = percentage(totals["initial_in_time"], totals["initial_held"])
	totals["percent_review_in_time"] = percentage(totals["review_in_time"], totals["review_held"])
	totals["percent_quorate"] = percentage(totals["quorate"], totals["initial_held"] + totals["review_held"])
	totals["percent_checks_in_time"] = percentage(totals["checks_in_time"], totals["plans_started"])
	return totals


def children_on_a_plan(filters: dict | None = None, today: date | None = None) -> list[dict]:
	"""Each child on a plan now: how long this plan has lasted (flagged at 2 years), its
	categories, and whether it repeats an earlier plan (and within 2 years of its end)."""
	filters = frappe._dict(filters or {})
	today = getdate(today)
	timescales = get_site_timescales()
	conditions = [["on_cp_plan", "=", 1], ["cp_plan_started", "is", "set"]]
	if filters.iro:
		conditions.append(["cp_chair", "=", filters.iro])
	if filters.category:
		conditions.append(["cp_categories", "like", f"%{filters.category}%"])
	children = frappe.get_list(
		CHILD,
		filters=conditions,
		fields=["name", "case_number", "cp_chair", "cp_categories", "cp_plan_started"],
		order_by="name asc",
		limit_page_length=0,
	)
	earlier = earlier_plans()
	return [plan_row(child, earlier.get(child.name), today, timescales) for child in children]


def earlier_plans() -> dict[str, dict]:
	"""For each child with a plan that has ended, how many and when the last ended. Read only to
	describe the children the reader's scoped list returned."""
	return {
		row.parent: row
		for row in frappe.get_all(
			"Child Protection Plan",
			filters={"parenttype": CHILD, "plan_ended": ("is", "set")},
			fields=["parent", "count(name) as ended", "max(plan_ended) as last_ended"],
			group_by="parent",
		)
	}


def plan_row(child, earlier: dict | None, today: date, timescales) -> dict:
	current = Plan(getdate(child.cp_plan_started))
	last_ended = earlier and getdate(earlier.last_ended)
	repeat = repeat_after(current.started, last_ended, timescales=timescales)
	return {
		"child": child.name,
		"case_number": child.case_number,
		"chair": child.cp_chair,
		"categories": child.cp_categories,
		"plan_started": current.started,
		"days_on_plan": plan_duration_days(current, today),
		"long_plan": int(is_long_plan(current, today, timescales=timescales)),
		"plan_number": 1 + (earlier.ended if earlier else 0),
		"repeat_within_window": int(repeat.within_repeat_years),
	}


def plans_by_category(rows: list[dict]) -> dict[str, int]:
	"""Children on a plan under each category (a child with several counts under each)."""
	counts = dict.fromkeys(CP_CATEGORIES, 0)
	for row in rows:
		for category in (row["categories"] or "").split(", "):
			if category in counts:
				counts[category] += 1
	return counts


def children_on_a_plan_records() -> tuple[str, list]:
	return CHILD, [["on_cp_plan", "=", 1]]


def conferences_overdue_records() -> tuple[str, list]:
	return CONFERENCE, [["overdue", "=", 1]]


def initial_in_time_percentage(filters: dict | None = None) -> float:
	return conference_totals(conferences_by_chair(filters))["percent_initial_in_time"]
