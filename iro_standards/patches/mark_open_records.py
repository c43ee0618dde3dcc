"""Each child's open planned review and open progress review carry the child in ``open_for_child``
(one per child, held by a unique index); the Progress Review workflow gains the states the cycle
closes records with. Where a site has several open reviews for a child, the earliest is marked and
the others are left for a person: saving one names the marked review."""

import frappe

from iro_standards.iro_standards.workflow.installer import default_workflow, ensure_workflow_masters
from iro_standards.iro_standards.workflow.states import OPEN_REVIEW_STATES


def execute() -> None:
	mark_earliest_open_reviews()
	mark_latest_open_progress_reviews()
	add_closing_progress_review_states()


def mark_earliest_open_reviews() -> None:
	reviews = frappe.get_all(
		"Child Review",
		filters={
			"docstatus": 0,
			"held_date": ("is", "not set"),
			"status": ("in", OPEN_REVIEW_STATES),
			"open_for_child": ("is", "not set"),
		},
		fields=["name", "child"],
		order_by="planned_date desc",
	)
	for child, review in {review.child: review.name for review in reviews}.items():
		if not frappe.db.exists("Child Review", {"open_for_child": child}):
			frappe.db.set_value("Child Review", review, "open_for_child", child, update_modified=False)


def mark_latest_open_progress_reviews() -> None:
	progress_reviews = frappe.get_all(
		"Progress Review",
		filters={
			"status": ("not in", ("Completed", "Missed", "Cancelled")),
			"open_for_child": ("is", "not set"),
		},
		fields=["name", "child"],
		order_by="due_date asc",
	)
	for child, progress in {p.child: p.name for p in progress_reviews if p.child}.items():
		if not frappe.db.exists("Progress Review", {"open_for_child": child}):
			frappe.db.set_value("Progress Review", progress, "open_for_child", child, update_modified=False)


def add_closing_progress_review_states() -> None:
	if not frappe.db.exists("Workflow", "Progress Review"):
		return
	workflow = frappe.get_doc("Workflow", "Progress Review")
	present = {state.state for state in workflow.states}
	shipped = default_workflow("Progress Review")
	missing = [state for state in shipped["states"] if state["state"] not in present]
	if not missing:
		return
	ensure_workflow_masters({"states": missing, "transitions": []})
	for state in missing:
		workflow.append("states", state)
	workflow.save(ignore_permissions=True)
