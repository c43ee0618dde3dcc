"""Number card and chart methods for the IRO Service workspace: each returns figures from ``figures``."""

from datetime import date

import frappe
from frappe import _
from frappe.utils import formatdate, getdate

from iro_standards.iro_standards import conference_figures, figures
from iro_standards.iro_standards.report.my_work.my_work import WEEKS_AHEAD, work_of
from iro_standards.iro_standards.report.placement_stability import placement_stability
from iro_standards.standards import add_months


def card(value, fieldtype: str = "Int") -> dict:
	return {"value": value, "fieldtype": fieldtype}


def counted_card(doctype: str, filters: list) -> dict:
	"""The count of the records behind the card, and the way to their list (drill-down)."""
	return {
		**card(figures.count(doctype, filters)),
		"route": ["List", doctype],
		"route_options": {field: [operator, value] for field, operator, value in filters},
	}


@frappe.whitelist()
def reviews_overdue(filters: str | None = None) -> dict:
	return counted_card(*figures.reviews_overdue_records())


@frappe.whitelist()
def reviews_due_soon(filters: str | None = None) -> dict:
	return counted_card(*figures.reviews_due_soon_records())


@frappe.whitelist()
def in_timescale_this_quarter(filters: str | None = None) -> dict:
	start, end = figures.this_quarter()
	return {
		**card(figures.in_timescale_percentage(), "Percent"),
		"route": ["query-report", "Review Timeliness"],
		"route_options": {"from_date": start, "to_date": end},
	}


@frappe.whitelist()
def open_disputes(filters: str | None = None) -> dict:
	return counted_card(*figures.open_disputes_records())


@frappe.whitelist()
def progress_reviews_overdue(filters: str | None = None) -> dict:
	return counted_card(*figures.progress_reviews_overdue_records())


@frappe.whitelist()
def three_or_more_placements(filters: str | None = None) -> dict:
	"""Children looked after today with three or more placements in the last 12 months."""
	return {
		**card(placement_stability.children_with_many_placements(getdate())),
		"route": ["query-report", "Placement Stability"],
	}


@frappe.whitelist()
def children_on_a_plan(filters: str | None = None) -> dict:
	return counted_card(*conference_figures.children_on_a_plan_records())


@frappe.whitelist()
def conferences_overdue(filters: str | None = None) -> dict:
	return counted_card(*conference_figures.conferences_overdue_records())


@frappe.whitelist()
def initial_conferences_in_time_this_quarter(filters: str | None = None) -> dict:
	start, end = figures.this_quarter()
	return {
		**card(
			conference_figures.initial_in_time_percentage({"from_date": start, "to_date": end}), "Percent"
		),
		"route": ["query-report", "Child Protection Conferences"],
		"route_options": {"from_date": start, "to_date": end},
	}


@frappe.whitelist()
def children_on_a_plan_by_category(
	chart_name: str | None = None, filters: str | None = None, **kwargs
) -> dict:
	"""The Children on a Plan by Category chart: the children on a plan the reader may see."""
	counts = conference_figures.plans_by_category(conference_figures.children_on_a_plan())
	return {
		"labels": [_(category) for category in counts],
		"datasets": [{"name": _("Children on a Plan"), "values": list(counts.values())}],
	}


@frappe.whitelist()
def timeliness_by_month(chart_name: str | None = None, filters: str | None = None, **kwargs) -> dict:
	"""The Review Timeliness by Month chart: the last twelve months, from the report's own figures."""
	today = getdate()
	start = add_months(date(today.year, today.month, 1), -11)
	rows = figures.review_timeliness({"from_date": start, "to_date": today}, "Month")
	return {
		"labels": [month_label(row["grouping"]) for row in rows],
		"datasets": [{"name": _("% In Timescale"), "values": [row["percent_in_timescale"] for row in rows]}],
	}


@frappe.whitelist()
def open_disputes_by_stage(chart_name: str | None = None, filters: str | None = None, **kwargs) -> dict:
	"""The Open Disputes by Stage chart: the open disputes the reader may see, by stage in the order
	they escalate, named in the reader's language."""
	counts = figures.open_disputes_by_stage()
	return {
		"labels": [_(stage) if stage else _("Not set") for stage in counts],
		"datasets": [{"name": _("Open Disputes"), "values": list(counts.values())}],
	}


def month_label(month: str) -> str:
	"""A month name of three letters ("Nov", Welsh "Tac") that fits under a twelve-month axis, in
	the reader's language (Welsh short names run to five letters, which the chart cuts off)."""
	return formatdate(f"{month}-01", "MMM")[:3]


@frappe.whitelist()
def overdue_in_my_work(filters: str | None = None) -> dict:
	"""What the user owes that is already late, from the same rows as My Work."""
	today = getdate()
	late = sum(1 for row in work_of(frappe.session.user, today, WEEKS_AHEAD) if row["due"] < today)
	return {**card(late), "route": ["query-report", "My Work"]}
