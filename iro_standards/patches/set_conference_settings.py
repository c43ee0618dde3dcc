"""Sites installed before conferences were tracked get the practice standards' conference steps,
quorum rule and caseload weights, not zeros the settings would refuse."""

import frappe

from iro_standards.standards import ENGLAND
from iro_standards.standards.conferences import LEAD_AGENCY
from iro_standards.standards.timescales import duration_field_names

SETTINGS = "IRO Standards Settings"


def execute() -> None:
	defaults = {name: getattr(ENGLAND, name) for name in duration_field_names()}
	defaults |= {
		"quorum_lead_agency": LEAD_AGENCY,
		"caseload_weight_looked_after": 1,
		"caseload_weight_cp_plan": 1,
	}
	for fieldname, value in defaults.items():
		if not frappe.db.get_single_value(SETTINGS, fieldname):
			frappe.db.set_single_value(SETTINGS, fieldname, value)
