"""The daily look at child protection conferences: which steps are overdue today (by their English
labels, as the form stores them)."""

from datetime import date

import frappe
from frappe.utils import getdate

from iro_standards.iro_standards.doctype.child_protection_conference.child_protection_conference import (
	CLOSED_STATES,
	DONE_FIELDS,
)
from iro_standards.standards.conferences import STEP_FIELDS, overdue_steps

CONFERENCE = "Child Protection Conference"


def mark_overdue_conferences(today: date) -> None:
	"""Flag each open conference with the steps past their date and nothing recorded, clear the
	flag where nothing is owed, and write only what changes."""
	labels = {step: frappe.get_meta(CONFERENCE).get_label(step) for step in STEP_FIELDS}
	for conference in frappe.get_all(
		CONFERENCE,
		filters={"docstatus": ("<", 2), "status": ("not in", CLOSED_STATES)},
		fields=["name", "overdue", "overdue_steps", *STEP_FIELDS, *DONE_FIELDS],
	):
		steps = {step: conference[step] and getdate(conference[step]) for step in STEP_FIELDS}
		done = {field: conference[field] for field in DONE_FIELDS}
		owed = ", ".join(labels[step] for step in overdue_steps(steps, done, today)) or None
		if (conference.overdue_steps or None) != owed or conference.overdue != int(bool(owed)):
			frappe.db.set_value(
				CONFERENCE,
				conference.name,
				{"overdue": int(bool(owed)), "overdue_steps": owed},
				update_modified=False,
			)
	frappe.db.commit()
