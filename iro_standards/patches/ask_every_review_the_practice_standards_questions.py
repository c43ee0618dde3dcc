"""Sites installed before the review's own questions were settable ask them from now on: the
care plan's rating, the private conversation (or why not) and whether the child knows how to
contact their IRO. A site that already chose either way keeps its choice."""

import frappe

SETTINGS = "IRO Standards Settings"
QUESTIONS = ("require_rag_rating", "require_private_conversation", "require_knows_how_to_contact_iro")


def execute() -> None:
	for fieldname in QUESTIONS:
		if not frappe.db.exists("Singles", {"doctype": SETTINGS, "field": fieldname}):
			frappe.db.set_single_value(SETTINGS, fieldname, 1)
