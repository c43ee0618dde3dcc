"""Sites installed before PEP ages existed get the defaults, not zero, the first time the settings
are saved."""

import frappe

from iro_standards.standards.education import PEP_MAXIMUM_AGE, PEP_MINIMUM_AGE

SETTINGS = "IRO Standards Settings"


def execute() -> None:
	for fieldname, default in (("pep_minimum_age", PEP_MINIMUM_AGE), ("pep_maximum_age", PEP_MAXIMUM_AGE)):
		if frappe.db.get_single_value(SETTINGS, fieldname) in (None, 0):
			frappe.db.set_single_value(SETTINGS, fieldname, default)
