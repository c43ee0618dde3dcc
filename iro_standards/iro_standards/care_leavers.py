"""A looked-after young person's leaving care dates on a site: when they became eligible and when
their pathway plan is next reviewed, decided by :mod:`iro_standards.standards.care_leavers`."""

from datetime import date

import frappe
from frappe.utils import getdate

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import engine_kwargs
from iro_standards.standards.care_leavers import Period, eligible_from, pathway_plan_due

CARE_LEAVER_FIELDS = ("eligible_care_leaver_from", "pathway_plan_review_due")


def care_leaver_values(child: str, date_of_birth, reviewed_outside_a_review, today: date) -> dict:
	"""The eligibility date and the pathway plan's next review; both empty for a child not eligible."""
	if not date_of_birth:
		return dict.fromkeys(CARE_LEAVER_FIELDS)
	eligible = eligible_from(getdate(date_of_birth), periods_in_care(child), today)
	if eligible is None:
		return dict.fromkeys(CARE_LEAVER_FIELDS)
	last = last_pathway_review(child, reviewed_outside_a_review)
	return {
		"eligible_care_leaver_from": eligible,
		"pathway_plan_review_due": pathway_plan_due(eligible, last, engine_kwargs()["timescales"]),
	}


def periods_in_care(child: str) -> list[Period]:
	return [
		(getdate(row.start_date), getdate(row.end_date) if row.end_date else None)
		for row in frappe.get_all(
			"Care Episode", filters={"child": child}, fields=["start_date", "end_date"], order_by="start_date"
		)
	]


def last_pathway_review(child: str, reviewed_outside_a_review) -> date | None:
	at_reviews = frappe.get_all(
		"Child Review",
		filters={"child": child, "docstatus": 1, "pathway_plan_reviewed": 1},
		pluck="held_date",
	)
	days = [getdate(day) for day in (*at_reviews, reviewed_outside_a_review) if day]
	return max(days, default=None)


def is_eligible_on(child: str, date_of_birth, day: date) -> bool:
	return (
		bool(date_of_birth) and eligible_from(getdate(date_of_birth), periods_in_care(child), day) is not None
	)
