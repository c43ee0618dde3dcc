"""Fixture-free builders for tests and demo data: each makes a valid record, overridable by keyword."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import frappe
from frappe.model.document import Document

RECORDED_AT_EVERY_REVIEW = {
	"care_plan_rag": "Green",
	"spoken_to_privately": 1,
	"knows_how_to_contact_iro": "Yes",
}


def make_child(**overrides) -> Document:
	values = {
		"doctype": "Looked After Child",
		"first_name": "Test",
		"last_name": "Child",
		"case_number": f"T-{frappe.generate_hash(length=8)}",
		"date_of_birth": date(2014, 5, 17),
		**overrides,
	}
	return frappe.get_doc(values).insert()


def make_episode(child: str, start_date: date, **overrides) -> Document:
	values = {
		"doctype": "Care Episode",
		"child": child,
		"start_date": start_date,
		"legal_status": "Interim Care Order",
		"placement_type": "Foster Care",
		**overrides,
	}
	return frappe.get_doc(values).insert()


def make_looked_after_child(start_date: date, **overrides) -> Document:
	"""A child with an open episode from ``start_date``."""
	child = make_child(**overrides)
	make_episode(child.name, start_date)
	return child.reload()


def make_review(child: str, planned_date: date, **overrides) -> Document:
	"""The child's open planned review (the one the cycle made), given these values; a new one
	when the child has none."""
	values = {"child": child, "planned_date": planned_date, **overrides}
	planned = frappe.db.get_value("Child Review", {"open_for_child": child})
	if planned:
		review = frappe.get_doc("Child Review", planned)
		review.update(values)
		return review.save()
	return frappe.get_doc({"doctype": "Child Review", **values}).insert()


def hold_review(child: str, held_date: date, *, recommendations=(), **overrides) -> Document:
	"""A review held and submitted on ``held_date``, with what submission needs."""
	planned_date = overrides.pop("planned_date", held_date)
	values = {
		"held_date": held_date,
		"participation_code": "PN1",
		"chair": "Administrator",
		"late_reason": "Test review held late",
		**RECORDED_AT_EVERY_REVIEW,
		**overrides,
	}
	review = make_review(child, planned_date, **values)
	for action, responsible, due_by in recommendations:
		review.append("recommendations", {"action": action, "responsible": responsible, "due_by": due_by})
	if review.review_kind == "Second" and not review.permanence_plan_ratified:
		review.permanence_plan_ratified = "Yes"
	review.next_review_date = review.next_review_date or review.next_review_limit
	review.save()
	review.submit()
	return review


def progress_review_after(review: str, **values) -> Document:
	"""The progress review the cycle made after ``review``, given these values."""
	progress = frappe.get_doc("Progress Review", {"child_review": review})
	progress.update(values)
	return progress.save()


def raise_dispute(child: str, raised_on: date, **overrides) -> Document:
	"""An informal dispute about contact, raised on ``raised_on``."""
	return frappe.get_doc(
		{
			"doctype": "IRO Dispute",
			"child": child,
			"category": "Contact",
			"issue": "Contact with grandparents stopped",
			"desired_outcome": "Monthly contact",
			"raised_on": raised_on,
			**overrides,
		}
	).insert()


def follow(doctype: str, name: str, user: str) -> None:
	"""A Document Follow as Frappe's Follow button makes it, whatever the user's email settings."""
	frappe.get_doc(
		{"doctype": "Document Follow", "ref_doctype": doctype, "ref_docname": name, "user": user}
	).insert(ignore_permissions=True)


def make_user(email: str, *roles: str) -> str:
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{"doctype": "User", "email": email, "first_name": email.split("@")[0], "send_welcome_email": 0}
		).insert(ignore_permissions=True)
		user.add_roles(*roles)
	return email


@contextmanager
def reviews_booked_by_hand() -> Iterator[None]:
	"""The site's cycle switched off: no review or progress review is created for anyone."""
	frappe.db.set_single_value("IRO Standards Settings", "book_reviews_by_hand", 1)
	try:
		yield
	finally:
		frappe.db.set_single_value("IRO Standards Settings", "book_reviews_by_hand", 0)


@contextmanager
def workflow_switched_off(doctype: str) -> Iterator[None]:
	"""Run a block as a site without the shipped workflow on ``doctype`` would."""
	name = frappe.db.get_value("Workflow", {"document_type": doctype, "is_active": 1})
	frappe.db.set_value("Workflow", name, "is_active", 0)
	frappe.cache.hdel("workflow", doctype)
	try:
		yield
	finally:
		frappe.db.set_value("Workflow", name, "is_active", 1)
		frappe.cache.hdel("workflow", doctype)


def make_outgoing_email_account() -> str:
	"""A default outgoing account, so that email is queued; nothing is ever sent from a test."""
	name = "IRO Standards Test Outgoing"
	if not frappe.db.exists("Email Account", name):
		frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_account_name": name,
				"email_id": "iro-standards-test@example.com",
				"enable_outgoing": 1,
				"default_outgoing": 1,
				"smtp_server": "127.0.0.1",
				"no_smtp_authentication": 1,
			}
		).insert(ignore_permissions=True)
	return name


def annual_report_figures(year: int, team: str, report: str) -> dict[str, tuple[float, float]]:
	"""A new IRO annual report for ``year``, its figures generated: one report's measures for a
	team, each (this year, previous year)."""
	frappe.db.delete("IRO Annual Report", {"reporting_year": year})
	annual = frappe.get_doc({"doctype": "IRO Annual Report", "reporting_year": year}).insert()
	annual.generate_figures()
	return {
		row.measure: (row.this_year, row.previous_year)
		for row in annual.figures
		if row.team == team and row.report == report
	}
