"""The daily look at child protection conferences: which steps are overdue today (by their English
labels, as the form stores them)."""

from datetime import date

import frappe
from frappe.utils import getdate

from iro_standards.iro_standards.doctype.child_protection_conference.child_protection_conference import (
	DONE_FIELDS,
	NOT_GOING_AHEAD,
)
from iro_standards.standards.conferences import AFTER_CONFERENCE_DONE_BY, STEP_FIELDS, overdue_steps

CONFERENCE = "Child Protection Conference"


def mark_overdue_conferences(today: date) -> None:
	"""Flag each conference that may owe a step with the steps past their date and nothing
	recorded, clear the flag where nothing is owed, and write only what changes. Conferences held
	with everything after them done are not read."""
	labels = {step: frappe.get_meta(CONFERENCE).get_label(step) for step in STEP_FIELDS}
	for conference in conferences_that_may_owe_a_step():
		steps = {step: conference[step] and getdate(conference[step]) for step in STEP_FIELDS}
		done = {field: conference[field] for field in DONE_FIELDS}
		owed = overdue_steps(steps, done, today, inquorate_on_responses=not conference.expected_quorate)
		owed = ", ".join(labels[step] for step in owed) or None
		if (conference.overdue_steps or None) != owed or conference.overdue != int(bool(owed)):
			frappe.db.set_value(
				CONFERENCE,
				conference.name,
				{"overdue": int(bool(owed)), "overdue_steps": owed},
				update_modified=False,
			)
	frappe.db.commit()


def conferences_that_may_owe_a_step() -> list[dict]:
	table = frappe.qb.DocType(CONFERENCE)
	owing_after = [
		table[step].isnotnull() & table[field].isnull() for step, field in AFTER_CONFERENCE_DONE_BY.items()
	]
	may_owe = table.overdue == 1
	for condition in [table.held_date.isnull(), *owing_after]:
		may_owe = may_owe | condition
	return (
		frappe.qb.from_(table)
		.select(
			table.name,
			table.overdue,
			table.overdue_steps,
			table.expected_quorate,
			*(table[f] for f in (*STEP_FIELDS, *DONE_FIELDS)),
		)
		.where((table.docstatus < 2) & table.status.notin(NOT_GOING_AHEAD) & may_owe)
		.run(as_dict=True)
	)
