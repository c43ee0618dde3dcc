"""Children allocated before the allocation history existed start it with their IRO, from the day
they were allocated (or the record was made)."""

import frappe
from frappe.utils import getdate


def execute() -> None:
	recorded = set(
		frappe.get_all("IRO Allocation Period", filters={"parenttype": "Looked After Child"}, pluck="parent")
	)
	for child in frappe.get_all(
		"Looked After Child",
		filters={"allocated_iro": ("is", "set")},
		fields=["name", "allocated_iro", "iro_allocated_on", "creation"],
	):
		if child.name in recorded:
			continue
		frappe.get_doc(
			{
				"doctype": "IRO Allocation Period",
				"parent": child.name,
				"parenttype": "Looked After Child",
				"parentfield": "iro_allocations",
				"idx": 1,
				"iro": child.allocated_iro,
				"allocated_from": child.iro_allocated_on or getdate(child.creation),
			}
		).db_insert()
