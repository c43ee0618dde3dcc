"""Sites installed before IRO posts were recorded get a full-time week of 37 hours, not zero."""

import frappe

FULL_TIME_HOURS = 37


def execute() -> None:
	if not frappe.db.get_single_value("IRO Standards Settings", "full_time_hours"):
		frappe.db.set_single_value("IRO Standards Settings", "full_time_hours", FULL_TIME_HOURS)
