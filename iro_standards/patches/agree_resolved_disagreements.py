"""A disagreement resolved informally ends in agreement: the site's review workflow gets the
shipped way from Disagreed to Agreed (where it has both states and no such transition), and
reviews left Disagreed after a resolution move on, the care plan update owed from the day."""

import frappe

from iro_standards.iro_standards.workflow.installer import default_workflow, ensure_workflow_masters

WORKFLOW = "Child Review"


def execute() -> None:
	add_the_shipped_transitions()
	for name in frappe.get_all(
		"Child Review",
		filters={
			"docstatus": 1,
			"tm_response": "Disagreed",
			"informal_resolution_outcome": "Resolved",
			"informal_resolution_on": ("is", "set"),
		},
		pluck="name",
	):
		review = frappe.get_doc("Child Review", name)
		review.settle_a_resolved_disagreement()
		review.set_care_plan_update_due()
		review.db_set(
			{
				"status": "Agreed" if review.status == "Disagreed" else review.status,
				"tm_response": review.tm_response,
				"tm_response_on": review.tm_response_on,
				"care_plan_update_due": review.care_plan_update_due,
				"care_plan_update_overdue": review.care_plan_update_overdue,
			},
			update_modified=False,
		)


def add_the_shipped_transitions() -> None:
	if not frappe.db.exists("Workflow", WORKFLOW):
		return
	workflow = frappe.get_doc("Workflow", WORKFLOW)
	states = {row.state for row in workflow.states}
	if not {"Disagreed", "Agreed"} <= states or any(
		row.state == "Disagreed" and row.next_state == "Agreed" for row in workflow.transitions
	):
		return
	shipped = [
		transition
		for transition in default_workflow(WORKFLOW)["transitions"]
		if transition["state"] == "Disagreed" and transition["next_state"] == "Agreed"
	]
	ensure_workflow_masters({"states": [], "transitions": shipped})
	for transition in shipped:
		workflow.append("transitions", transition)
	workflow.save(ignore_permissions=True)
