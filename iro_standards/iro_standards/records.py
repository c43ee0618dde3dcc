"""Removing a child's whole file: for the demo service and for tests that commit what they make."""

import frappe
from frappe.model.delete_doc import delete_dynamic_links

from iro_standards.permissions import CHILD

FRAPPE_ROWS_ON_A_CHILD = (
	("File", "attached_to_name"),
	("Comment", "reference_name"),
	("ToDo", "reference_name"),
	("Document Follow", "ref_docname"),
	("Tag Link", "document_name"),
	("DocShare", "share_name"),
)


def delete_child_and_records(child: str) -> None:
	"""A committed child removed again: its records, and Frappe's rows attached to the child and to
	each record (views, versions, notifications) at once, not by a background job after the commit:
	Frappe gives the next new record a deleted last record's name, which would inherit them."""
	for doctype, field in FRAPPE_ROWS_ON_A_CHILD:
		for name in frappe.get_all(doctype, {field: child}, pluck="name"):
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
	for review in frappe.get_all("Child Review", {"child": child, "docstatus": 1}, pluck="name"):
		frappe.get_doc("Child Review", review).cancel()
	for conference in frappe.get_all(
		"Child Protection Conference",
		{"child": child, "docstatus": 1},
		pluck="name",
		order_by="held_date desc, creation desc",
	):
		frappe.get_doc("Child Protection Conference", conference).cancel()
	for df in frappe.get_meta(CHILD).get_link_fields():
		if df.options == CHILD:
			frappe.db.set_value(CHILD, {df.fieldname: child}, df.fieldname, None, update_modified=False)
	for doctype in (
		"IRO Letter",
		"IRO Contact",
		"Significant Change",
		"Care Plan RAG Update",
		"IRO Dispute",
		"Care Episode",
		"Progress Review",
		"Child Review",
		"Child Protection Conference",
		"Looked After Child",
	):
		field = "name" if doctype == "Looked After Child" else "child"
		for name in frappe.get_all(doctype, {field: child}, pluck="name"):
			frappe.delete_doc(doctype, name, force=True, delete_permanently=True)
			delete_dynamic_links(doctype, name)
