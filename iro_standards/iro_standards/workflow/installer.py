"""The shipped Workflows, kept as data beside this file.

Frappe does not sync Workflows from module folders, and fixtures would overwrite a site's edits
on every migrate, so each workflow is installed only where the site does not have it yet. An IRO
manager can restore the shipped version of one from the desk.
"""

import json
from itertools import pairwise
from pathlib import Path

import frappe
from frappe import _

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	get_site_timescales,
)
from iro_standards.iro_standards.workflow.states import ensure_workflow_state

RESTORING_ROLES = frozenset({"System Manager", "IRO Manager"})
WORKFLOW_FILES = {
	"Child Review": "child_review.json",
	"Progress Review": "progress_review.json",
	"IRO Dispute": "iro_dispute.json",
	"Child Protection Conference": "child_protection_conference.json",
	"IRO Annual Report": "iro_annual_report.json",
}


def default_workflow(name: str) -> dict:
	data = json.loads((Path(__file__).parent / WORKFLOW_FILES[name]).read_text())
	return dispute_workflow(data) if name == "IRO Dispute" else data


def dispute_workflow(template: dict) -> dict:
	"""The dispute stages are the site's configured ones; the template says how to join them."""
	stages = [stage.name for stage in get_site_timescales().dispute_stages]
	states = [
		{
			"state": s,
			"doc_status": "0",
			"allow_edit": template["stage_allow_edit"],
			"style": template["stage_style"],
		}
		for s in stages
	]
	states += [
		{"state": closing["state"], "doc_status": "0", "allow_edit": "IRO Manager", "style": closing["style"]}
		for closing in template["closing_states"]
	]
	transitions = []
	for role in template["roles"]:
		for current, following in pairwise(stages):
			transitions.append(transition(current, template["escalate_action"], following, role))
		for stage in stages:
			for closing in template["closing_states"]:
				transitions.append(
					transition(stage, closing["action"], closing["state"], role, closing["condition"])
				)
	workflow_fields = (
		"doctype",
		"workflow_name",
		"document_type",
		"workflow_state_field",
		"is_active",
		"override_status",
		"send_email_alert",
	)
	return {**{key: template[key] for key in workflow_fields}, "states": states, "transitions": transitions}


def transition(state: str, action: str, next_state: str, role: str, condition: str | None = None) -> dict:
	return {
		"state": state,
		"action": action,
		"next_state": next_state,
		"allowed": role,
		"allow_self_approval": 1,
		"condition": condition,
	}


def install_default_workflows() -> None:
	for name in WORKFLOW_FILES:
		if not frappe.db.exists("Workflow", name):
			insert_workflow(default_workflow(name))


def insert_workflow(data: dict) -> None:
	ensure_workflow_masters(data)
	frappe.get_doc(data).insert(ignore_permissions=True)


def ensure_workflow_masters(data: dict) -> None:
	for state in data["states"]:
		ensure_workflow_state(state["state"], state.get("style") or "")
	for action in {t["action"] for t in data["transitions"]}:
		if not frappe.db.exists("Workflow Action Master", action):
			frappe.get_doc({"doctype": "Workflow Action Master", "workflow_action_name": action}).insert(
				ignore_permissions=True
			)


@frappe.whitelist()
def restore_default_workflow(workflow: str) -> None:
	"""Replace a site's version of a shipped workflow with the shipped one."""
	if not RESTORING_ROLES.intersection(frappe.get_roles()):
		frappe.throw(
			_("Only an IRO manager or a System Manager can restore a shipped workflow."),
			frappe.PermissionError,
		)
	if workflow not in WORKFLOW_FILES:
		frappe.throw(
			_("{0} is not a workflow shipped with IRO Standards.").format(workflow),
			title=_("Unknown workflow"),
		)
	if frappe.db.exists("Workflow", workflow):
		frappe.delete_doc("Workflow", workflow, ignore_permissions=True)
	insert_workflow(default_workflow(workflow))
