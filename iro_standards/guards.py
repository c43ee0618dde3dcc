"""Frappe's own records that point at a child's file: files, comments, communications, ToDos,
follows, likes, tags, shares, workflow actions. A user may create or change one only for a record
they may access, and a request can tell nobody whether a record they may not access exists."""

import json
import re
from urllib.parse import unquote

import frappe
from frappe import _

from iro_standards.permissions import (
	CHILD,
	CHILD_RECORDS,
	as_the_database_compares,
	child_tables,
	may_access_child,
	may_access_record,
	protected_doctypes,
	records_linked_from_the_file,
	referenced_records,
	sees_every_child,
	series_names_in,
)

PRIVATE_FILES = "/private/files/"
HIDDEN_ERRORS = frozenset({"DoesNotExistError", "LinkValidationError", "PermissionError"})


def refuse_references_to_records_out_of_reach(doc, method=None) -> None:
	"""doc_events["*"]["validate"]."""
	if sees_every_child(frappe.session.user):
		return
	if doc.doctype in protected_doctypes():
		refuse_new_links_out_of_reach(doc)
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


def refuse_new_links_out_of_reach(doc) -> None:
	"""A record of a child's file links to another child's records (a looked-after parent, a
	review it follows) only where the user may open them; a link already stored is kept."""
	before = doc.get_doc_before_save()
	kept = records_linked_from_the_file(before) if before else set()
	for target, name in records_linked_from_the_file(doc) - kept:
		if not may_access_record(target, name):
			raise_not_permitted()


def hide_titles_of_records_out_of_reach(response, request) -> None:
	"""after_request: Frappe sends the title of every record a form links to, read without a
	permission check; a child's name stays with those who may access the child."""
	user = getattr(frappe.session, "user", "Guest")
	if response is None or response.direct_passthrough or response.mimetype != "application/json":
		return
	if b'"_link_titles"' not in response.get_data() or sees_every_child(user):
		return
	try:
		body = json.loads(response.get_data(as_text=True))
	except ValueError:
		return
	titles = body.get("_link_titles") if isinstance(body, dict) else None
	if not isinstance(titles, dict):
		return
	protected = protected_doctypes()
	for key in list(titles):
		doctype, _sep, name = key.partition("::")
		if doctype in protected and not may_access_record(doctype, name, user):
			titles[key] = name
	response.set_data(json.dumps(body))


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


def forget_followers_without_access(child: str) -> None:
	"""After a reallocation, people who may no longer access the child stop following its records
	(Frappe's follow digest would keep sending them its changes)."""
	names = [
		child,
		*(
			name
			for doctype in CHILD_RECORDS
			for name in frappe.get_all(doctype, {"child": child}, pluck="name")
		),
	]
	for follow in frappe.get_all(
		"Document Follow",
		filters={"ref_doctype": ("in", (CHILD, *CHILD_RECORDS)), "ref_docname": ("in", names)},
		fields=["name", "user"],
	):
		if not may_access_child(child, follow.user):
			frappe.delete_doc("Document Follow", follow.name, ignore_permissions=True, force=True)


def raise_not_permitted() -> None:
	frappe.throw(not_permitted_message(), frappe.PermissionError, title=_("Not permitted"))


def not_permitted_message() -> str:
	return _("You do not have access to this record, or it does not exist.")


def hide_whether_records_exist(response, request) -> None:
	"""after_request: "not found", "could not find" and "not permitted" look the same to a user
	who does not see every child, whenever the request concerns a child's file (API v1 and v2)."""
	user = getattr(frappe.session, "user", "Guest")
	if response is None or response.status_code not in (403, 404, 417) or sees_every_child(user):
		return
	try:
		body = json.loads(response.get_data(as_text=True) or "{}")
	except ValueError:
		return
	if not isinstance(body, dict) or error_type(body) not in HIDDEN_ERRORS:
		return
	if not concerns_a_childs_file(request):
		return
	message = {"message": not_permitted_message(), "title": _("Not permitted")}
	if "errors" in body:
		uniform = {"errors": [{"type": "PermissionError", **message}]}
	else:
		uniform = {
			"exc_type": "PermissionError",
			"exception": "frappe.exceptions.PermissionError",
			"_server_messages": json.dumps([json.dumps(message)]),
		}
	response.status_code = 403
	response.set_data(json.dumps(uniform))


def error_type(body: dict) -> str | None:
	errors = body.get("errors")
	if isinstance(errors, list) and errors and isinstance(errors[0], dict):
		return errors[0].get("type")
	return body.get("exc_type")


def concerns_a_childs_file(request) -> bool:
	"""Whether the request, decoded, names a DocType of a child's file or one of its records."""
	doctypes = {as_the_database_compares(doctype) for doctype in protected_doctypes()}
	values = named_in(request)
	for value in values:
		text = as_the_database_compares(value)
		if any(doctype in text for doctype in doctypes) or series_names_in(value):
			return True
	return bool(records_the_database_matches(values))


FORM_MIMETYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})
MOST_BODY_READ = 1_000_000
PLAIN_TEXT = re.compile(r"[\x20-\x7e]*")
LONGEST_NAME = 140


def records_the_database_matches(values: set[str]) -> list[tuple[str, str]]:
	"""The records of a child's file whose name the database takes to equal one of ``values``.

	MariaDB's collation treats many code points as nothing (controls, joiners, variation
	selectors, ...) and folds others; rather than list them, a value with anything but printable
	ASCII is looked up as the database would look it up. Printable ASCII compares as the series
	patterns already read it (case and trailing spaces aside)."""
	loose = [value for value in values if len(value) <= LONGEST_NAME and not PLAIN_TEXT.fullmatch(value)]
	if not loose:
		return []
	listed = ", ".join(frappe.db.escape(value) for value in loose)
	query = " union all ".join(
		f"select {frappe.db.escape(doctype)}, `name` from `tab{doctype}` where `name` in ({listed})"
		for doctype in (CHILD, *CHILD_RECORDS)
	)
	return [(doctype, name) for doctype, name in frappe.db.sql(query)]


def named_in(request) -> set[str]:
	"""Every string in a request's arguments (JSON decoded) and path. The desk's own pages
	(/app/...) are the same shell for every record and carry no data: the form's data requests
	are checked, and refused with the app's message, in the user's language."""
	segments = set() if request.path.startswith("/app/") else set(unquote(request.path).split("/"))
	return strings_in(without_secrets(frappe.local.form_dict)) | strings_in(unparsed_body(request)) | segments


def unparsed_body(request) -> dict | str:
	"""A body Frappe reads itself, past the form (a REST write sent as text/plain, say)."""
	if request.method not in ("POST", "PUT", "PATCH", "DELETE") or request.mimetype in FORM_MIMETYPES:
		return ""
	body = request.get_data(cache=True, as_text=True)[:MOST_BODY_READ]
	try:
		return without_secrets(json.loads(body))
	except ValueError:
		return body


def without_secrets(arguments):
	if not isinstance(arguments, dict):
		return arguments
	return {key: value for key, value in arguments.items() if not is_secret(str(key))}


def is_secret(argument: str) -> bool:
	"""Passwords are never read, nor sent to the database to be compared with names."""
	return "pwd" in argument or "password" in argument


DATABASE_ERRORS = frozenset({"OperationalError", "ProgrammingError", "DataError", "InternalError"})
QUERY_ARGUMENTS = ("fields", "filters", "or_filters", "order_by", "group_by", "current_filters")


def explain_queries_the_database_refused(response, request) -> None:
	"""after_request: fields, filters or ordering the database cannot run are the caller's error,
	answered with a clear 417 instead of a 500 carrying the SQL."""
	if (
		response is None
		or response.status_code != 500
		or not any(frappe.local.form_dict.get(key) for key in QUERY_ARGUMENTS)
	):
		return
	try:
		body = json.loads(response.get_data(as_text=True) or "{}")
	except ValueError:
		return
	if not isinstance(body, dict) or error_type(body) not in DATABASE_ERRORS:
		return
	message = {
		"message": _("The fields, filters or sorting in this request cannot be used: check their names."),
		"title": _("Invalid request"),
	}
	response.status_code = 417
	if "errors" in body:
		response.set_data(json.dumps({"errors": [{"type": "ValidationError", **message}]}))
	else:
		response.set_data(
			json.dumps({"exc_type": "ValidationError", "_server_messages": json.dumps([json.dumps(message)])})
		)


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
	"""before_request: a request that names, anywhere in its path or arguments, a record of a child's
	file by its series name (CHILD-00042, REV-2026-00017, ...) is refused unless the user may access
	that record. A record that does not exist is refused the same way, so no answer tells which
	records exist, whichever method or API version is called."""
	user = frappe.session.user
	if sees_every_child(user):
		return
	values = named_in(frappe.local.request)
	named = [record for value in values for record in series_names_in(value)]
	for doctype, name in (*named, *records_the_database_matches(values), *rows_named_in(values)):
		if not may_access_record(doctype, name):
			raise_not_permitted()


def rows_named_in(values: set[str]) -> list[tuple[str, str]]:
	"""The rows of a child's file a request names, when it names their table's DocType: Frappe
	checks a row loaded on its own against its parent DocType only (print view, PDF, likes, tags),
	so each row named is checked against its own parent record here."""
	tables = [table for table in child_tables() if table in values]
	names = [value for value in values if len(value) <= LONGEST_NAME]
	return [
		(table, name)
		for table in tables
		for name in frappe.get_all(table, filters={"name": ("in", names)}, pluck="name")
	]


def strings_in(value, depth: int = 0) -> set[str]:
	if isinstance(value, str):
		if not value.strip():
			return set()
		if depth == 1 and value.lstrip()[0] in "[{":
			try:
				return strings_in(json.loads(value), depth + 1)
			except ValueError:
				return {value}
		return {value}
	if depth > 8:
		return set()
	if isinstance(value, dict):
		return set().union(*(strings_in(v, depth + 1) for v in (*value.keys(), *value.values())))
	if isinstance(value, list | tuple):
		return set().union(*(strings_in(v, depth + 1) for v in value))
	return set()
