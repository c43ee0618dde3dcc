"""Frappe's own records that point at a child's file: files, comments, communications, ToDos,
follows, likes, tags, shares, workflow actions. A user may create or change one only for a record
they may access, and a request can tell nobody whether a record they may not access exists."""

import json

import frappe
from frappe import _

from iro_standards.permissions import (
	CHILD,
	CHILD_RECORDS,
	may_access_record,
	protected_doctypes,
	referenced_records,
	sees_every_child,
)

PRIVATE_FILES = "/private/files/"
HIDDEN_ERRORS = frozenset({"DoesNotExistError", "LinkValidationError", "PermissionError"})


def refuse_references_to_records_out_of_reach(doc, method=None) -> None:
	"""doc_events["*"]["validate"]."""
	if sees_every_child(frappe.session.user) or doc.doctype in protected_doctypes():
		return
	if doc.doctype == "DocShare" and doc.share_doctype in protected_doctypes():
		frappe.throw(
			_(
				"A child's records are seen by the people allocated to the child: allocate instead of sharing."
			),
			frappe.PermissionError,
		)
	for target, name in referenced_records(doc):
		if not may_access_record(target, name):
			raise_not_permitted()
	if doc.doctype == "File":
		refuse_borrowed_private_file(doc)


def refuse_borrowed_private_file(file) -> None:
	"""A File record naming another record's private file would grant its download."""
	if not (file.file_url or "").startswith(PRIVATE_FILES):
		return
	for other in frappe.get_all(
		"File",
		filters={"file_url": file.file_url, "name": ("!=", file.name)},
		fields=["name", "attached_to_doctype", "attached_to_name"],
	):
		if other.attached_to_doctype in protected_doctypes() and not may_access_record(
			other.attached_to_doctype, other.attached_to_name
		):
			raise_not_permitted()


def raise_not_permitted() -> None:
	frappe.throw(not_permitted_message(), frappe.PermissionError, title=_("Not permitted"))


def not_permitted_message() -> str:
	return _("You do not have access to this record, or it does not exist.")


def hide_whether_records_exist(response, request) -> None:
	"""after_request: "not found", "could not find" and "not permitted" look the same to a user
	who does not see every child, whenever the request names a DocType of a child's file."""
	user = getattr(frappe.session, "user", "Guest")
	if response.status_code not in (403, 404, 417) or sees_every_child(user):
		return
	try:
		body = json.loads(response.get_data(as_text=True) or "{}")
	except ValueError:
		return
	if not isinstance(body, dict) or body.get("exc_type") not in HIDDEN_ERRORS:
		return
	if not names_a_protected_doctype(request):
		return
	response.status_code = 403
	response.set_data(
		json.dumps(
			{
				"exc_type": "PermissionError",
				"exception": "frappe.exceptions.PermissionError",
				"_server_messages": json.dumps(
					[json.dumps({"message": not_permitted_message(), "title": _("Not permitted")})]
				),
			}
		)
	)


def names_a_protected_doctype(request) -> bool:
	text = request.path + " " + json.dumps(frappe.local.form_dict or {}, default=str)
	text = text.replace("%20", " ").replace("+", " ").lower()
	return any(doctype.lower() in text for doctype in protected_doctypes())


LIMIT_ARGUMENTS = ("limit", "limit_start", "limit_page_length", "page_length")
FILTER_ARGUMENTS = ("filters", "or_filters", "current_filters")
DEEPEST_FILTER = 4


def refuse_malformed_list_arguments() -> None:
	"""before_request: limits and filters a database cannot take get a clear error, not a 500."""
	form = frappe.local.form_dict or {}
	for key in LIMIT_ARGUMENTS:
		value = form.get(key)
		if value not in (None, "") and not str(value).strip().isdigit():
			frappe.throw(_("{0} must be a whole number, 0 or more.").format(key), title=_("Invalid request"))
	for key in FILTER_ARGUMENTS:
		value = form.get(key)
		if isinstance(value, str):
			try:
				value = json.loads(value)
			except ValueError:
				continue
		if nesting(value) > DEEPEST_FILTER:
			frappe.throw(_("{0} are nested too deeply.").format(key), title=_("Invalid request"))


def nesting(value) -> int:
	if isinstance(value, dict):
		return 1 + max((nesting(v) for v in value.values()), default=0)
	if isinstance(value, list | tuple):
		return 1 + max((nesting(v) for v in value), default=0)
	return 0


def refuse_records_out_of_reach() -> None:
	"""before_request: a request naming a child's record the user may not access is refused the
	same way as one naming a record that does not exist (see ``hide_whether_records_exist``), so
	no method can tell which records exist."""
	user = frappe.session.user
	if sees_every_child(user) or not names_a_protected_doctype(frappe.local.request):
		return
	for value in strings_in(frappe.local.form_dict or {}):
		for doctype in (CHILD, *CHILD_RECORDS):
			if frappe.db.exists(doctype, {"name": value}) and not may_access_record(doctype, value):
				raise_not_permitted()


def strings_in(value, depth: int = 0) -> set[str]:
	if isinstance(value, str):
		if not value.strip():
			return set()
		if depth == 1 and value[0] in "[{":
			try:
				return strings_in(json.loads(value), depth + 1)
			except ValueError:
				return {value}
		return {value} if len(value) <= 140 else set()
	if depth > 3:
		return set()
	if isinstance(value, dict):
		return set().union(*(strings_in(v, depth + 1) for v in value.values()))
	if isinstance(value, list | tuple):
		return set().union(*(strings_in(v, depth + 1) for v in value))
	return set()
