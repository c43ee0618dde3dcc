"""The initial conference timeline numbers the strategy discussion Day 1 (each step used to fall a
working day late): open conferences take their steps' new dates, with a comment saying why."""

import frappe

from iro_standards.iro_standards.workflow.states import FINISHED_STATES
from iro_standards.tasks import move_deadlines, one_record

CONFERENCE = "Child Protection Conference"


def execute() -> None:
	for name in frappe.get_all(
		CONFERENCE,
		filters={
			"docstatus": 0,
			"conference_kind": "Initial",
			"status": ("not in", FINISHED_STATES[CONFERENCE]),
		},
		pluck="name",
	):
		with one_record(name):
			move_deadlines(CONFERENCE, name)
