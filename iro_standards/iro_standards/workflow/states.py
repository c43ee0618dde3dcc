import frappe
from frappe.custom.doctype.property_setter.property_setter import make_property_setter

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


def allow_the_workflow_states(workflow, method=None) -> None:
	"""A state added to a workflow in the desk can be used at once: where the document's state field
	is a fixed list (Select), the list gains the new states through a Property Setter, as
	Customize Form would record it."""
	field = frappe.get_meta(workflow.document_type).get_field(workflow.workflow_state_field)
	if not field or field.fieldtype != "Select":
		return
	options = (field.options or "").split("\n")
	missing = list(dict.fromkeys(row.state for row in workflow.states if row.state not in options))
	if missing:
		make_property_setter(
			workflow.document_type,
			field.fieldname,
			"options",
			"\n".join([*options, *missing]),
			"Text",
			validate_fields_for_doctype=False,
		)
