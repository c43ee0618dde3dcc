import frappe

from iro_standards.iro_standards.doctype.child_review.child_review import on_doctype_update

SUPERSEDED_INDEXES = ("docstatus_held_date_index", "held_date")


def execute() -> None:
	"""Held reviews are read through covering indexes led by the date; drop the narrow ones."""
	on_doctype_update()
	for index_name in SUPERSEDED_INDEXES:
		if frappe.db.has_index("tabChild Review", index_name):
			frappe.db.sql_ddl(f"alter table `tabChild Review` drop index `{index_name}`")
