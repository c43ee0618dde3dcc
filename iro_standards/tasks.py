"""The daily job: what a date-based Notification cannot do.

Each step reads with set-based queries, writes only what is not already so, and commits as it
goes, so running it twice, or again after it was stopped half-way, gives nobody a second copy of
anything.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as add_assignment
from frappe.model.workflow import apply_workflow
from frappe.query_builder.functions import Count
from frappe.utils import formatdate, getdate

from iro_standards.iro_standards.conditions import criterion
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import engine_kwargs
from iro_standards.iro_standards.workflow.states import (
	CLOSED_DISPUTE_STATES,
	OPEN_REVIEW_STATES,
	workflow_is_active,
)
from iro_standards.standards import CaseloadBand, caseload_band
from iro_standards.standards.conditions import (
	DISPUTE_RESPONSE_OVERDUE,
	PROGRESS_REVIEW_OVERDUE,
	REVIEW_OVERDUE,
)

BATCH_SIZE = 500


def daily(today: date | None = None) -> None:
	today = getdate(today)
	mark_overdue_reviews(today)
	mark_overdue_progress_reviews(today)
	mark_overdue_dispute_responses(today)
	deem_silent_team_managers_agreed(today)
	assign_overdue_reviews_to_iro_managers(today)
	warn_about_caseloads(today)


def mark_overdue_reviews(today: date) -> None:
	review = frappe.qb.DocType("Child Review")
	is_overdue = criterion(REVIEW_OVERDUE, review, today)
	frappe.qb.update(review).set(review.overdue, 1).where(is_overdue & (review.overdue == 0)).run()
	frappe.qb.update(review).set(review.overdue, 0).where((review.overdue == 1) & is_overdue.negate()).run()
	frappe.db.commit()


def mark_overdue_progress_reviews(today: date) -> None:
	progress = frappe.qb.DocType("Progress Review")
	frappe.qb.update(progress).set(progress.status, "Overdue").where(
		(progress.status == "Due") & criterion(PROGRESS_REVIEW_OVERDUE, progress, today)
	).run()
	frappe.db.commit()


def mark_overdue_dispute_responses(today: date) -> None:
	dispute = frappe.qb.DocType("IRO Dispute")
	is_overdue = criterion(DISPUTE_RESPONSE_OVERDUE, dispute, today)
	frappe.qb.update(dispute).set(dispute.response_overdue, 1).where(
		is_overdue & (dispute.response_overdue == 0)
	).run()
	frappe.qb.update(dispute).set(dispute.response_overdue, 0).where(
		(dispute.response_overdue == 1) & is_overdue.negate()
	).run()
	frappe.db.commit()


def deem_silent_team_managers_agreed(today: date) -> None:
	"""No response from the team manager by the deadline: the decisions are deemed agreed."""
	silent = frappe.get_all(
		"Child Review",
		filters={"docstatus": 1, "status": "With Team Manager", "tm_response_due": ("<", today)},
		fields=["name", "tm_response_due"],
		order_by="tm_response_due asc",
	)
	for batch_start in range(0, len(silent), BATCH_SIZE):
		for review in silent[batch_start : batch_start + BATCH_SIZE]:
			with one_record(review.name):
				deem_agreed(review.name, review.tm_response_due)
		frappe.db.commit()


@contextmanager
def one_record(name: str) -> Iterator[None]:
	"""A record that fails is logged and left for tomorrow; the others still go through."""
	frappe.db.savepoint("iro_daily_record")
	try:
		yield
	except Exception:
		frappe.db.rollback(save_point="iro_daily_record")
		frappe.log_error(title=_("IRO daily job could not process {0}").format(name))


def deem_agreed(review: str, response_due: date) -> None:
	doc = frappe.get_doc("Child Review", review)
	if workflow_is_active("Child Review"):
		doc = apply_workflow(doc.as_dict(), "Deem Agreed")
	else:
		doc.tm_response = "Deemed Agreed"
		doc.save(ignore_permissions=True)
	doc.add_comment(
		"Info",
		_("Deemed agreed: the team manager did not respond by {0}.").format(formatdate(response_due)),
	)


def assign_overdue_reviews_to_iro_managers(today: date) -> None:
	"""One ToDo per IRO manager for each review that passed its statutory date unheld."""
	managers = iro_managers()
	if not managers:
		return
	overdue = frappe.get_all(
		"Child Review",
		filters={"docstatus": 0, "status": ("in", OPEN_REVIEW_STATES), "statutory_due": ("<", today)},
		fields=["name", "case_number", "statutory_due"],
	)
	already = set(
		frappe.get_all(
			"ToDo",
			filters={"reference_type": "Child Review", "allocated_to": ("in", managers), "status": "Open"},
			fields=["reference_name", "allocated_to"],
			as_list=True,
		)
	)
	for batch_start in range(0, len(overdue), BATCH_SIZE):
		for review in overdue[batch_start : batch_start + BATCH_SIZE]:
			unassigned = [manager for manager in managers if (review.name, manager) not in already]
			if unassigned:
				with one_record(review.name):
					assign_review(review, unassigned, today)
		frappe.db.commit()


def assign_review(review, managers: list[str], today: date) -> None:
	"""A ToDo with Frappe's own assignment notification (bell, and email where the user wants it)."""
	add_assignment(
		{
			"assign_to": managers,
			"doctype": "Child Review",
			"name": review.name,
			"description": _("Review for {0} passed its statutory date of {1} without being held.").format(
				review.case_number, formatdate(review.statutory_due)
			),
			"date": today,
			"priority": "High",
			"assigned_by": "Administrator",
		},
		ignore_permissions=True,
	)


def warn_about_caseloads(today: date) -> None:
	"""Tell the IRO managers, once a day, about each IRO above the configured maximum."""
	timescales = engine_kwargs()["timescales"]
	maximum = timescales.caseload_maximum
	child = frappe.qb.DocType("Looked After Child")
	caseloads = (
		frappe.qb.from_(child)
		.select(child.allocated_iro, Count("*").as_("children"))
		.where((child.status == "Looked After") & child.allocated_iro.isnotnull())
		.groupby(child.allocated_iro)
		.run(as_dict=True)
	)
	over = [row for row in caseloads if caseload_band(row.children, timescales) == CaseloadBand.ABOVE]
	managers = iro_managers()
	for row in over:
		subject = _("Caseload on {0}: {1} has {2} children, above the maximum of {3}.").format(
			formatdate(today), row.allocated_iro, row.children, maximum
		)
		for manager in managers:
			if not frappe.db.exists("Notification Log", {"for_user": manager, "subject": subject}):
				frappe.get_doc(
					{
						"doctype": "Notification Log",
						"for_user": manager,
						"type": "Alert",
						"document_type": "User",
						"document_name": row.allocated_iro,
						"subject": subject,
						"from_user": "Administrator",
					}
				).insert(ignore_permissions=True)
	frappe.db.commit()


def iro_managers() -> list[str]:
	has_role = frappe.qb.DocType("Has Role")
	user = frappe.qb.DocType("User")
	return (
		frappe.qb.from_(has_role)
		.join(user)
		.on(user.name == has_role.parent)
		.select(user.name)
		.distinct()
		.where((has_role.role == "IRO Manager") & (has_role.parenttype == "User") & (user.enabled == 1))
		.orderby(user.name)
		.run(pluck=True)
	)
