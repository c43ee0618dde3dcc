"""The dispute stages configured in the settings, kept in step with disputes and the workflow.

Renaming a stage in the settings renames it on every dispute and in the dispute workflow; adding
one adds its state and escalation to the workflow; a stage some dispute has reached cannot be
removed. A site's own edits to the workflow (roles, conditions, closing actions) are kept.
"""

from itertools import pairwise

import frappe
from frappe import _

from iro_standards.iro_standards.workflow.states import ensure_workflow_state

WORKFLOW = "IRO Dispute"


def stage_renames(before, after) -> dict[str, str]:
	"""Old name to new name of each settings row whose stage was renamed in this save."""
	old_names = {row.name: row.stage for row in before}
	return {
		old_names[row.name]: row.stage
		for row in after
		if row.name in old_names and old_names[row.name] != row.stage
	}


def refuse_removing_reached_stages(before, after) -> None:
	kept = {row.name for row in after}
	for row in before:
		if row.name not in kept and frappe.db.exists("IRO Dispute Stage", {"stage": row.stage}):
			frappe.throw(
				_("Dispute stage {0} cannot be removed: disputes have reached it. Rename it instead.").format(
					row.stage
				),
				title=_("Stage in use"),
			)


def rename_stages_on_disputes(renames: dict[str, str]) -> None:
	rows = frappe.qb.DocType("IRO Dispute Stage")
	disputes = frappe.qb.DocType("IRO Dispute")
	for old, new in renames.items():
		frappe.qb.update(rows).set(rows.stage, new).where(rows.stage == old).run()
		for field in (disputes.status, disputes.current_stage):
			frappe.qb.update(disputes).set(field, new).where(field == old).run()


def keep_dispute_workflow_in_step(before: list[str], stages: list[str], renames: dict[str, str]) -> None:
	"""Give the site's dispute workflow one state per configured stage and escalation between
	consecutive stages, keeping everything else the site set up."""
	if not frappe.db.exists("Workflow", WORKFLOW):
		return
	workflow = frappe.get_doc("Workflow", WORKFLOW)
	all_stages = {renames.get(stage, stage) for stage in before} | set(stages)
	rename_in_workflow(workflow, renames)
	escalation = escalation_pattern(workflow, all_stages)
	drop_removed_stages(workflow, all_stages - set(stages))
	add_missing_stages(workflow, stages)
	link_consecutive_stages(workflow, stages, escalation)
	number_rows(workflow)
	workflow.save(ignore_permissions=True)


def rename_in_workflow(workflow, renames: dict[str, str]) -> None:
	for row in workflow.states:
		row.state = renames.get(row.state, row.state)
	for row in workflow.transitions:
		row.state = renames.get(row.state, row.state)
		row.next_state = renames.get(row.next_state, row.next_state)


def escalation_pattern(workflow, stages: set[str]) -> tuple[str, list[str]]:
	"""The escalation action and the roles allowed it, as the site has them."""
	escalations = [row for row in workflow.transitions if row.state in stages and row.next_state in stages]
	action = escalations[0].action if escalations else "Escalate"
	roles = list(dict.fromkeys(row.allowed for row in escalations)) or ["IRO", "IRO Manager"]
	return action, roles


def drop_removed_stages(workflow, removed: set[str]) -> None:
	workflow.states = [row for row in workflow.states if row.state not in removed]
	workflow.transitions = [
		row for row in workflow.transitions if row.state not in removed and row.next_state not in removed
	]


def add_missing_stages(workflow, stages: list[str]) -> None:
	"""A new stage looks and closes like the site's first stage."""
	present = {row.state for row in workflow.states}
	model = next((row for row in workflow.states if row.state in stages), None)
	closing = [
		row
		for row in workflow.transitions
		if model and row.state == model.state and row.next_state not in stages
	]
	for stage in stages:
		if stage in present:
			continue
		ensure_workflow_state(stage, "Warning")
		workflow.append("states", {**state_values(model), "state": stage})
		for row in closing:
			workflow.append("transitions", {**transition_values(row), "state": stage})


def link_consecutive_stages(workflow, stages: list[str], escalation: tuple[str, list[str]]) -> None:
	action, roles = escalation
	stage_set = set(stages)
	workflow.transitions = [
		row
		for row in workflow.transitions
		if not (row.state in stage_set and row.next_state in stage_set)
		or stages.index(row.next_state) == stages.index(row.state) + 1
	]
	linked = {(row.state, row.next_state, row.allowed) for row in workflow.transitions}
	for current, following in pairwise(stages):
		for role in roles:
			if (current, following, role) not in linked:
				workflow.append(
					"transitions",
					{
						"state": current,
						"action": action,
						"next_state": following,
						"allowed": role,
						"allow_self_approval": 1,
					},
				)


def state_values(model) -> dict:
	if not model:
		return {"doc_status": "0", "allow_edit": "IRO"}
	fields = ("doc_status", "allow_edit", "is_optional_state", "update_field", "update_value", "message")
	return {field: model.get(field) for field in fields}


def transition_values(row) -> dict:
	fields = ("action", "next_state", "allowed", "allow_self_approval", "condition")
	return {field: row.get(field) for field in fields}


def number_rows(workflow) -> None:
	for table in (workflow.states, workflow.transitions):
		for idx, row in enumerate(table, 1):
			row.idx = idx
