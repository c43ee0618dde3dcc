# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

"""What one person owes, soonest first, with the days left: an IRO's reviews of the coming
weeks, decisions, records, progress reviews, disputes to chase and children not seen lately; a
conference chair's steps before and after each conference; a team manager's responses to reviews
and to disputes addressed to them; a social worker's reports before reviews, care plan updates
after them and the decisions still open on their children."""

from collections.abc import Iterator
from datetime import date

import frappe
from frappe import _
from frappe.utils import cint, getdate

from iro_standards.iro_standards.doctype.child_protection_conference.child_protection_conference import (
	DONE_FIELDS,
)
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import engine_kwargs
from iro_standards.iro_standards.workflow.states import (
	CLOSED_DISPUTE_STATES,
	FINISHED_STATES,
	OPEN_REVIEW_STATES,
)
from iro_standards.standards.conferences import STEP_FIELDS, steps_owed_by
from iro_standards.standards.work import contact_due, contact_falls_in_the_list, letter_due, work_horizon

WEEKS_AHEAD = 5
MANAGING_ROLES = frozenset({"IRO Manager", "Head of Service", "System Manager"})
CONFERENCE = "Child Protection Conference"


def execute(filters=None):
	filters = frappe._dict(filters or {})
	user = whose_work(filters)
	today = getdate()
	rows = sorted(work_of(user, today, weeks_ahead(filters)), key=lambda row: row["due"])
	for row in rows:
		row["days_left"] = (row["due"] - today).days
	return columns(), rows, None, None, summary(rows)


def whose_work(filters) -> str:
	"""One's own work; a manager may look at someone else's."""
	if filters.user and filters.user != frappe.session.user:
		if not MANAGING_ROLES.intersection(frappe.get_roles()):
			frappe.throw(_("Only a manager can see someone else's work."), frappe.PermissionError)
		return filters.user
	return frappe.session.user


def weeks_ahead(filters) -> int:
	weeks = cint(filters.weeks_ahead or WEEKS_AHEAD)
	if not 1 <= weeks <= 52:
		frappe.throw(_("Weeks Ahead must be between 1 and 52."), title=_("Invalid filter"))
	return weeks


def work_of(user: str, today: date, weeks: int) -> Iterator[dict]:
	horizon = work_horizon(today, weeks)
	yield from reviews_to_hold(user, horizon)
	yield from steps_after_reviews(user)
	yield from progress_reviews(user, horizon)
	yield from disputes_awaiting_a_response(user)
	yield from children_not_seen_lately(user, today)
	yield from letters_to_send(user, horizon)
	yield from conference_steps_owed_by_the_chair(user, horizon)
	yield from responses_owed_by_a_team_manager(user)
	yield from a_social_workers_steps(user, horizon)
	yield from pathway_plans_due(user, horizon)
	yield from significant_changes_to_decide(user)


def row(due, what: str, doctype: str, name: str, record) -> dict:
	return {
		"due": getdate(due),
		"what": what,
		"child": record.child,
		"child_name": record.child_name,
		"reference_doctype": doctype,
		"reference_name": name,
	}


def reviews_to_hold(user: str, horizon: date) -> Iterator[dict]:
	for review in frappe.get_list(
		"Child Review",
		filters={
			"allocated_iro": user,
			"docstatus": 0,
			"status": ("in", OPEN_REVIEW_STATES),
			"planned_date": ("<=", horizon),
		},
		fields=["name", "child", "child_name", "planned_date", "reconvene_date", "review_kind"],
		limit_page_length=0,
	):
		what = _(REVIEW_TO_HOLD.get(review.review_kind, REVIEW_TO_HOLD["Subsequent"]))
		yield row(review.reconvene_date or review.planned_date, what, "Child Review", review.name, review)


REVIEW_TO_HOLD = {
	"First": "Hold the first review",
	"Second": "Hold the second review",
	"Subsequent": "Hold the review",
	"Brought Forward": "Hold the review brought forward",
}
AFTER_REVIEW_STEPS = (
	("Held", "decisions_due", "Record the decisions"),
	("Decisions Recorded", "decisions_due", "Send the decisions to the team manager"),
	("Disagreed", "informal_resolution_due", "Resolve the team manager's disagreement"),
	("Agreed", "record_distribution_due", "Have the record distributed"),
	("Deemed Agreed", "record_distribution_due", "Have the record distributed"),
)


def steps_after_reviews(user: str) -> Iterator[dict]:
	statuses = [status for status, _field, _what in AFTER_REVIEW_STEPS]
	reviews = frappe.get_list(
		"Child Review",
		filters={"allocated_iro": user, "docstatus": 1, "status": ("in", statuses)},
		fields=[
			"name",
			"child",
			"child_name",
			"status",
			"decisions_due",
			"informal_resolution_due",
			"informal_resolution_on",
			"record_distribution_due",
		],
		limit_page_length=0,
	)
	for review in reviews:
		for status, fieldname, what in AFTER_REVIEW_STEPS:
			if review.status == status and review.get(fieldname):
				if status == "Disagreed" and review.informal_resolution_on:
					continue
				yield row(review.get(fieldname), _(what), "Child Review", review.name, review)


def progress_reviews(user: str, horizon: date) -> Iterator[dict]:
	for progress in frappe.get_list(
		"Progress Review",
		filters={"allocated_iro": user, "status": ("in", ("Due", "Overdue")), "due_date": ("<=", horizon)},
		fields=["name", "child", "child_name", "due_date"],
		limit_page_length=0,
	):
		yield row(
			progress.due_date, _("Complete the progress review"), "Progress Review", progress.name, progress
		)


def disputes_awaiting_a_response(user: str) -> Iterator[dict]:
	for dispute in frappe.get_list(
		"IRO Dispute",
		filters={
			"allocated_iro": user,
			"status": ("not in", CLOSED_DISPUTE_STATES),
			"current_response_due": ("is", "set"),
		},
		fields=["name", "child", "child_name", "current_stage", "current_response_due"],
		limit_page_length=0,
	):
		what = _("Chase the response to the dispute ({0})").format(_(dispute.current_stage))
		yield row(dispute.current_response_due, what, "IRO Dispute", dispute.name, dispute)


def children_not_seen_lately(user: str, today: date) -> Iterator[dict]:
	gap = frappe.get_cached_doc("IRO Standards Settings").contact_gap_days
	children = frappe.get_list(
		"Looked After Child",
		filters={"allocated_iro": user, "status": "Looked After"},
		fields=["name as child", "full_name as child_name", "iro_allocated_on"],
		limit_page_length=0,
	)
	if not children:
		return
	last_contacts = dict(
		frappe.get_list(
			"IRO Contact",
			filters={"child": ("in", [child.child for child in children])},
			fields=["child", "max(contact_date) as last"],
			group_by="child",
			as_list=True,
		)
	)
	for child in children:
		since = last_contacts.get(child.child) or child.iro_allocated_on
		due = contact_due(getdate(since) if since else None, gap, today)
		if contact_falls_in_the_list(due, today):
			yield row(due, _("Contact the child"), "Looked After Child", child.child, child)


LETTER_TO_SEND = {
	"Allocation": "Write and send your letter to the child",
	"After Review": "Write and send the letter after the review",
}


def letters_to_send(user: str, horizon: date) -> Iterator[dict]:
	calendar = engine_kwargs()["calendar"]
	for letter in frappe.get_list(
		"IRO Letter",
		filters={"iro": user, "status": "Draft"},
		fields=["name", "child", "child_name", "letter_kind", "creation"],
		limit_page_length=0,
	):
		due = letter_due(getdate(letter.creation), calendar)
		if due <= horizon:
			yield row(due, _(LETTER_TO_SEND[letter.letter_kind]), "IRO Letter", letter.name, letter)


def conference_steps_owed_by_the_chair(user: str, horizon: date) -> Iterator[dict]:
	meta = frappe.get_meta(CONFERENCE)
	for conference in frappe.get_list(
		CONFERENCE,
		filters={"chair": user, "docstatus": ("<", 2), "status": ("not in", FINISHED_STATES[CONFERENCE])},
		fields=["name", "child", "child_name", "expected_quorate", *STEP_FIELDS, *DONE_FIELDS],
		limit_page_length=0,
	):
		steps = {step: conference[step] and getdate(conference[step]) for step in STEP_FIELDS}
		owed = steps_owed_by(
			steps, conference, horizon, inquorate_on_responses=not conference.expected_quorate
		)
		for step in owed:
			what = _("Child protection conference: {0}").format(_(meta.get_label(step)))
			yield row(steps[step], what, CONFERENCE, conference.name, conference)


def a_social_workers_steps(user: str, horizon: date) -> Iterator[dict]:
	for review in frappe.get_list(
		"Child Review",
		filters={
			"social_worker": user,
			"docstatus": 0,
			"status": ("in", OPEN_REVIEW_STATES),
			"sw_report_received_on": ("is", "not set"),
			"sw_report_due": ("<=", horizon),
		},
		fields=["name", "child", "child_name", "sw_report_due"],
		limit_page_length=0,
	):
		yield row(
			review.sw_report_due, _("Send your report for the review"), "Child Review", review.name, review
		)
	for review in frappe.get_list(
		"Child Review",
		filters={
			"social_worker": user,
			"docstatus": 1,
			"care_plan_update_due": ("is", "set"),
			"care_plan_updated_on": ("is", "not set"),
		},
		fields=["name", "child", "child_name", "care_plan_update_due"],
		limit_page_length=0,
	):
		yield row(
			review.care_plan_update_due,
			_("Update the care plan after the review"),
			"Child Review",
			review.name,
			review,
		)
	yield from open_decisions_of_the_latest_reviews(user, horizon)


def significant_changes_to_decide(user: str) -> Iterator[dict]:
	for change in frappe.get_list(
		"Significant Change",
		filters={"allocated_iro": user, "decision": ("is", "not set")},
		fields=["name", "child", "child_name", "change_type", "decision_due"],
		limit_page_length=0,
	):
		what = _("Decide whether to bring the review forward: {0}").format(_(change.change_type))
		yield row(change.decision_due, what, "Significant Change", change.name, change)


PATHWAY_PLAN_WORK = {
	"social_worker": "Review the pathway plan with the young person",
	"allocated_iro": "Check the pathway plan is reviewed",
}


def pathway_plans_due(user: str, horizon: date) -> Iterator[dict]:
	"""Eligible care leavers whose pathway plan review falls in the list, for their social worker
	and their IRO."""
	for officer, what in PATHWAY_PLAN_WORK.items():
		for child in frappe.get_list(
			"Looked After Child",
			filters=[
				[officer, "=", user],
				["status", "=", "Looked After"],
				["pathway_plan_review_due", "is", "set"],
				["pathway_plan_review_due", "<=", horizon],
			],
			fields=["name as child", "full_name as child_name", "pathway_plan_review_due"],
			limit_page_length=0,
		):
			yield row(child.pathway_plan_review_due, _(what), "Looked After Child", child.child, child)


def open_decisions_of_the_latest_reviews(user: str, horizon: date) -> Iterator[dict]:
	"""The decisions still open from each child's latest held review: the next review takes up
	those of the reviews before it."""
	decisions = frappe.get_list(
		"Child Review",
		filters=[
			["social_worker", "=", user],
			["docstatus", "=", 1],
			["Review Recommendation", "status", "not in", ("Done",)],
			["Review Recommendation", "due_by", "<=", horizon],
		],
		fields=[
			"name",
			"child",
			"child_name",
			"held_date",
			"`tabReview Recommendation`.action",
			"`tabReview Recommendation`.due_by",
		],
		limit_page_length=0,
	)
	latest = {}
	for review in frappe.get_list(
		"Child Review",
		filters={"child": ("in", list({d.child for d in decisions}) or [""]), "docstatus": 1},
		fields=["name", "child", "held_date"],
		order_by="held_date asc",
		limit_page_length=0,
	):
		latest[review.child] = review.name
	for decision in decisions:
		if latest.get(decision.child) == decision.name:
			what = _("Act on the review's decision: {0}").format(decision.action)
			yield row(decision.due_by, what, "Child Review", decision.name, decision)


def responses_owed_by_a_team_manager(user: str) -> Iterator[dict]:
	for review in frappe.get_list(
		"Child Review",
		filters={"team_manager": user, "docstatus": 1, "status": "With Team Manager"},
		fields=["name", "child", "child_name", "tm_response_due"],
		limit_page_length=0,
	):
		yield row(
			review.tm_response_due,
			_("Respond to the review's decisions"),
			"Child Review",
			review.name,
			review,
		)
	stages = frappe.get_list(
		"IRO Dispute",
		filters=[
			["status", "not in", CLOSED_DISPUTE_STATES],
			["IRO Dispute Stage", "asked", "=", user],
			["IRO Dispute Stage", "responded_on", "is", "not set"],
			["current_response_due", "is", "set"],
		],
		fields=["name", "child", "child_name", "current_stage", "current_response_due"],
		distinct=True,
		limit_page_length=0,
	)
	for dispute in stages:
		what = _("Respond to the dispute ({0})").format(_(dispute.current_stage))
		yield row(dispute.current_response_due, what, "IRO Dispute", dispute.name, dispute)


def summary(rows: list[dict]) -> list[dict]:
	overdue = sum(1 for r in rows if r["days_left"] < 0)
	this_week = sum(1 for r in rows if 0 <= r["days_left"] < 7)
	return [
		{
			"label": _("Overdue"),
			"value": overdue,
			"indicator": "Red" if overdue else "Green",
			"datatype": "Int",
		},
		{"label": _("Due in the next 7 days"), "value": this_week, "indicator": "Orange", "datatype": "Int"},
		{"label": _("All I owe"), "value": len(rows), "indicator": "Blue", "datatype": "Int"},
	]


def columns() -> list[dict]:
	return [
		{"fieldname": "due", "label": _("Due"), "fieldtype": "Date", "width": 110},
		{"fieldname": "days_left", "label": _("Days Left"), "fieldtype": "Int", "width": 90},
		{"fieldname": "what", "label": _("What"), "fieldtype": "Data", "width": 300},
		{
			"fieldname": "reference_name",
			"label": _("Record"),
			"fieldtype": "Dynamic Link",
			"options": "reference_doctype",
			"width": 160,
		},
		{"fieldname": "child_name", "label": _("Child"), "fieldtype": "Data", "width": 180},
		{
			"fieldname": "child",
			"label": _("Child Record"),
			"fieldtype": "Link",
			"options": "Looked After Child",
			"width": 130,
		},
		{"fieldname": "reference_doctype", "label": _("Record Type"), "fieldtype": "Data", "hidden": 1},
	]
