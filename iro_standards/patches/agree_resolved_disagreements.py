"""A disagreement resolved informally ends in agreement: reviews left Disagreed after a resolution
move on, the care plan update owed from the day it was resolved."""

import frappe


def execute() -> None:
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
