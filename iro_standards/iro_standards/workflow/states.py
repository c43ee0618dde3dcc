import frappe

from iro_standards.standards.conditions import CLOSED_DISPUTE_STATES, OPEN_REVIEW_STATES

TM_RESPONSES = ("Agreed", "Disagreed", "Deemed Agreed")
FINISHED_STATES = {
	"Child Review": ("Record Distributed", "Cancelled", "Cancelled for Correction"),
	"Progress Review": ("Completed", "Concern Raised", "Missed", "Cancelled"),
	"IRO Dispute": CLOSED_DISPUTE_STATES,
	"Child Protection Conference": ("Report Distributed", "Rescheduled", "Cancelled"),
}
__all__ = ("CLOSED_DISPUTE_STATES", "FINISHED_STATES", "OPEN_REVIEW_STATES", "TM_RESPONSES")


def ensure_workflow_state(name: str, style: str = "") -> None:
	"""Workflow states are shared records; the dispute's status links to them even without a workflow."""
	if not frappe.db.exists("Workflow State", name):
		frappe.get_doc({"doctype": "Workflow State", "workflow_state_name": name, "style": style}).insert(
			ignore_permissions=True
		)


def workflow_is_active(doctype: str) -> bool:
	return bool(frappe.get_meta(doctype).get_workflow())
