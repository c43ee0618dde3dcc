"""Sites installed before the contact gap existed get its default, not zero."""

import frappe

CONTACT_GAP_DAYS = 90


def execute() -> None:
	if not frappe.db.get_single_value("IRO Standards Settings", "contact_gap_days"):
		frappe.db.set_single_value("IRO Standards Settings", "contact_gap_days", CONTACT_GAP_DAYS)
