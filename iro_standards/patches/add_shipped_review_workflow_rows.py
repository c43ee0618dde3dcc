"""Rows the shipped review workflow gained, added to a site's own version of it where its states
exist and the row is missing (nothing the site has is changed): the way from Disagreed to Agreed
once a disagreement is resolved, and the IRO manager's right to record a review for an absent IRO."""

import frappe

from iro_standards.iro_standards.workflow.installer import default_workflow, ensure_workflow_masters

WORKFLOW = "Child Review"
NEW_TRANSITION_ACTIONS = ("Agree After Resolution",)
MANAGER_EDITS = ("Planned", "Adjourned", "Held", "Decisions Recorded", "Disagreed")


def execute() -> None:
	if not frappe.db.exists("Workflow", WORKFLOW):
		return
	workflow = frappe.get_doc("Workflow", WORKFLOW)
	shipped = default_workflow(WORKFLOW)
	states = {row.state for row in workflow.states}
	have_states = {(row.state, row.allow_edit) for row in workflow.states}
	have_transitions = {(row.state, row.action, row.next_state, row.allowed) for row in workflow.transitions}
	new_states = [
		row
		for row in shipped["states"]
		if row["state"] in MANAGER_EDITS
		and row["allow_edit"] == "IRO Manager"
		and row["state"] in states
		and (row["state"], row["allow_edit"]) not in have_states
	]
	new_transitions = [
		row
		for row in shipped["transitions"]
		if row["action"] in NEW_TRANSITION_ACTIONS
		and {row["state"], row["next_state"]} <= states
		and (row["state"], row["action"], row["next_state"], row["allowed"]) not in have_transitions
	]
	if not (new_states or new_transitions):
		return
	ensure_workflow_masters({"states": new_states, "transitions": new_transitions})
	for row in new_states:
		workflow.append("states", row)
	for row in new_transitions:
		workflow.append("transitions", row)
	workflow.save(ignore_permissions=True)
