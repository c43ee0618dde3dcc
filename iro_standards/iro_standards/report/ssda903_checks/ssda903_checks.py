# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

"""What would stop the year's SSDA903 return, record by record, for a manager to fix before
exporting: values still to record, and values the DfE's validator would refuse."""

import frappe
from frappe import _

from iro_standards.iro_standards.ssda903 import check_return


def execute(filters=None):
	filters = frappe._dict(filters or {})
	rows = check_return(filters.year_starting)
	return columns(), rows, None, None, summary(rows)


def columns() -> list[dict]:
	return [
		{
			"fieldname": "reference_doctype",
			"label": _("Record Type"),
			"fieldtype": "Data",
			"width": 140,
		},
		{
			"fieldname": "reference_name",
			"label": _("Record"),
			"fieldtype": "Dynamic Link",
			"options": "reference_doctype",
			"width": 170,
		},
		{"fieldname": "row", "label": _("Placement Row"), "fieldtype": "Int", "width": 110},
		{"fieldname": "case_number", "label": _("Case Number"), "fieldtype": "Data", "width": 120},
		{"fieldname": "problem", "label": _("Problem"), "fieldtype": "Data", "width": 480},
		{"fieldname": "missing", "label": _("Still to Record"), "fieldtype": "Check", "width": 120},
	]


def summary(rows: list[dict]) -> list[dict]:
	missing = sum(row["missing"] for row in rows)
	return [
		{
			"label": _("Values still to record"),
			"value": missing,
			"indicator": "orange" if missing else "green",
		},
		{
			"label": _("Values the DfE would refuse"),
			"value": len(rows) - missing,
			"indicator": "red" if len(rows) > missing else "green",
		},
	]
