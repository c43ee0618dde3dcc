"""What the app's print formats may read, each read checked against the reader's permissions.

Frappe renders a print format for whatever document a request sends, saved or not, and of any
DocType (``get_html_and_style``, ``/printview``, ``download_pdf``). Each of the app's formats
therefore starts with ``{% set doc = printable(doc, "Its DocType") %}``: it prints the record as
stored, of its own DocType, only for a reader who may print it; and it reads other records only
through ``readable_values``, never ``frappe.db`` on a name taken from the document.
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils.html_utils import sanitize_html


def printable(doc: Document, doctype: str) -> Document:
	"""The stored record ``doc`` names, when it is a saved ``doctype`` the reader may print."""
	name = doc.get("name") if doc.get("doctype") == doctype and not doc.get("__islocal") else None
	stored = frappe.db.get_value(doctype, name, "name") if isinstance(name, str) else None
	if stored != name or not stored:
		frappe.throw(
			_("This print format prints a saved {0} only.").format(_(doctype)), frappe.PermissionError
		)
	record = frappe.get_doc(doctype, stored)
	record.check_permission("print")
	return record


def readable_values(doctype: str, name: str | None, fields: list[str]) -> frappe._dict:
	"""Fields of a record the reader may read; nothing for a record they may not."""
	if not name or not frappe.has_permission(doctype, "read", doc=name):
		return frappe._dict()
	return frappe.db.get_value(doctype, name, fields, as_dict=True) or frappe._dict()


def full_name(user: str | None) -> str:
	return frappe.utils.get_fullname(user) if user else ""


def safe_html(value: str | None) -> str:
	"""Rich text as it may be printed: tags and attributes that run script are removed."""
	return sanitize_html(value or "", always_sanitize=True)
