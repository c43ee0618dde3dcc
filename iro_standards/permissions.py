"""Record scoping: the one place that decides whether a user may touch a child's records.

A child's records are the child, the records that carry its ``child`` link (episodes, reviews,
progress reviews, disputes, contacts), their table rows, and every record of Frappe's own that
points at one of them (files, comments, communications, assignments, versions, follows, tags,
likes, shares, workflow actions, ...). IROs see the children allocated to them and the children
whose child protection conferences they chair, social workers and team managers the children they
hold; service-wide roles see every child.

Two wildcard hooks apply this to every DocType on the site, so a DocType Frappe adds, or a custom
field an admin adds, is scoped without a list to keep: ``query_conditions`` for lists, reports,
counts and link searches, ``has_permission`` for single documents. Both read the allocation
fields, so reallocating a child moves access at once.
"""

import re
import unicodedata
from functools import lru_cache

import frappe
from frappe.model.document import Document

CHILD = "Looked After Child"
CHILD_RECORDS = (
	"Care Episode",
	"Child Review",
	"Progress Review",
	"IRO Dispute",
	"IRO Contact",
	"Care Plan RAG Update",
	"Child Protection Conference",
	"IRO Letter",
	"Significant Change",
)
SERVICE_WIDE_ROLES = frozenset({"System Manager", "IRO Manager", "Head of Service", "Safeguarding Admin"})
ALLOCATION_FIELDS_BY_ROLE = {
	"IRO": ("allocated_iro", "cp_chair"),
	"Social Worker": ("social_worker",),
	"Team Manager": ("team_manager",),
}
READ_TYPES = frozenset({"read", "select", "print", "email", "export", "report"})
NOWHERE = "1 = 0"


def sees_every_child(user: str) -> bool:
	return user == "Administrator" or bool(SERVICE_WIDE_ROLES.intersection(frappe.get_roles(user)))


def allocation_fields(user: str) -> list[str]:
	roles = set(frappe.get_roles(user))
	return [field for role, fields in ALLOCATION_FIELDS_BY_ROLE.items() if role in roles for field in fields]


def may_access_child(child: str | None, user: str | None = None) -> bool:
	"""Whether ``user`` may see and work on the records of ``child``."""
	user = user or frappe.session.user
	if sees_every_child(user):
		return True
	fields = allocation_fields(user)
	if not child or not fields or not isinstance(child, str):
		return False
	known = child_access_known()
	if known is None or (user, child) not in known:
		allocated = frappe.db.get_value(CHILD, child, fields, as_dict=True) or {}
		if known is None:
			return user in allocated.values()
		known[(user, child)] = user in allocated.values()
	return known[(user, child)]


def child_access_known() -> dict | None:
	"""The answers of a GET request (a form opened checks the same child several times), kept for
	its transaction only and forgotten whenever a child is written; none outside a GET request."""
	request = getattr(frappe.local, "request", None)
	if request is None or request.method != "GET":
		return None
	known = getattr(frappe.local, "iro_child_access", None)
	if known is None:
		known = frappe.local.iro_child_access = {}
		frappe.db.after_commit.add(forget_child_access)
		frappe.db.after_rollback.add(forget_child_access)
	return known


def forget_child_access(*args) -> None:
	frappe.local.iro_child_access = None


FILE_STRUCTURE = "iro_standards:file_structure"
REFERENCES = "iro_standards:references"


def file_structure() -> dict:
	"""What the guards read of the site's metadata on every request: the tables of a child's file
	and the naming series of its records. Kept in the cache until a DocType, custom field or
	property setter changes, so a request pays for none of the metadata."""
	return frappe.cache.get_value(FILE_STRUCTURE, generator=read_file_structure)


def read_file_structure() -> dict:
	tables: dict[str, list[str]] = {}
	series: list[tuple[str, str]] = []
	for parent in (CHILD, *CHILD_RECORDS):
		try:
			meta = frappe.get_meta(parent)
		except frappe.DoesNotExistError:
			frappe.clear_last_message()
			continue
		for df in meta.get_table_fields():
			tables.setdefault(df.options, []).append(parent)
		field = meta.get_field("naming_series")
		options = (field.options or "").split("\n") if field else ()
		series.extend((parent, series_pattern(option.strip())) for option in options if option.strip())
	return {
		"child_tables": {table: tuple(parents) for table, parents in tables.items()},
		"series": series,
		"series_need_a_digit": all(r"\d" in pattern for _doctype, pattern in series),
	}


def forget_file_structure(doc=None, method=None) -> None:
	"""On a change to any DocType, custom field or property setter, and on clear-cache."""
	frappe.cache.delete_value([FILE_STRUCTURE, REFERENCES])


def child_tables() -> dict[str, tuple[str, ...]]:
	"""Each table DocType that holds a child's data, with the DocTypes whose rows it holds."""
	return file_structure()["child_tables"]


def protected_doctypes() -> tuple[str, ...]:
	return (CHILD, *CHILD_RECORDS, *child_tables())


def series_pattern(series: str) -> str:
	"""A regular expression for the names a Frappe naming series gives, e.g. REV-.YYYY.-.#####
	gives REV-2026-00017 (and its amendments, REV-2026-00017-1)."""
	parts = []
	for part in filter(None, series.split(".")):
		if set(part) == {"#"}:
			parts.append(r"\d+")
		elif part in ("YYYY", "YY", "MM", "DD"):
			parts.append(rf"\d{{{len(part)}}}")
		else:
			parts.append(re.escape(part.upper()))
	return r"(?<![A-Z0-9])" + "".join(parts) + r"(-\d+)?(?![0-9])"


COLLATION = "utf8mb4_unicode_ci"
PLAIN_CHARACTERS = frozenset(map(chr, range(0x20, 0x7F)))
MOST_WEIGHTS_A_QUERY = 1000
NAME_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"
database_equivalents: dict[str, str] = {}


def as_the_database_compares(text: str) -> str:
	"""Text folded the way MariaDB's collation compares names, as the database itself says: each
	character it gives no weight is dropped, each it weighs as a letter, digit or dash of a name
	becomes that character; then case, accents, width and dashes are folded."""
	text = "".join(equivalents_in_the_database(text).get(char, char) for char in text)
	decomposed = unicodedata.normalize("NFKD", text)
	bare = "".join(char for char in decomposed if not unicodedata.combining(char))
	dashed = "".join("-" if unicodedata.category(char) == "Pd" else char for char in bare)
	return unicodedata.normalize("NFKC", dashed).upper()


def equivalents_in_the_database(text: str) -> dict[str, str]:
	"""What each character of ``text`` outside printable ASCII is to the database's collation: ""
	for one it ignores, a name's character for one it weighs the same, itself otherwise. Asked
	once per character and process."""
	unknown = sorted({char for char in text if char not in PLAIN_CHARACTERS} - database_equivalents.keys())
	if unknown:
		name_characters = dict(zip(weights_of(list(NAME_CHARACTERS)), NAME_CHARACTERS, strict=True))
		for char, weight in zip(unknown, weights_of(unknown), strict=True):
			database_equivalents[char] = "" if not weight else name_characters.get(weight, char)
	return database_equivalents


def weights_of(chars: list[str]) -> list[str]:
	weight = f"hex(weight_string(convert(%s using utf8mb4) collate {COLLATION}))"
	weights = []
	for start in range(0, len(chars), MOST_WEIGHTS_A_QUERY):
		chunk = chars[start : start + MOST_WEIGHTS_A_QUERY]
		weights.extend(frappe.db.sql("select " + ", ".join([weight] * len(chunk)), chunk)[0])
	return weights


def series_names_in(text: str) -> list[tuple[str, str]]:
	"""Every (DocType, name) of a child's file that ``text`` names by its naming series. Plain ASCII
	without a digit names none when every series numbers its records (the usual case), and is not
	folded or matched."""
	structure = file_structure()
	if structure.get("series_need_a_digit") and text.isascii() and not any(c.isdigit() for c in text):
		return []
	folded = as_the_database_compares(text)
	return [
		(doctype, match.group(0))
		for doctype, pattern in structure["series"]
		for match in compiled(pattern).finditer(folded)
	]


@lru_cache(maxsize=256)
def compiled(pattern: str) -> re.Pattern:
	return re.compile(pattern)


def child_of_record(doctype: str, name: str | None) -> str | None:
	"""The child a stored record of the child's file belongs to (None when there is no such record)."""
	if not name or not isinstance(name, str):
		return None
	if doctype == CHILD:
		return name if frappe.db.exists(CHILD, name) else None
	if doctype in CHILD_RECORDS:
		return frappe.db.get_value(doctype, name, "child")
	row = frappe.db.get_value(doctype, name, ["parenttype", "parent"], as_dict=True)
	if row and row.parenttype in child_tables().get(doctype, ()):
		return child_of_record(row.parenttype, row.parent)
	return None


def may_access_record(doctype: str, name: str | None, user: str | None = None) -> bool:
	return may_access_child(child_of_record(doctype, name), user)


def children_named_by(doc: Document) -> set[str | None]:
	"""Every child a record names: its own ``child`` and the child of each record it links to."""
	named = set()
	for df in doc.meta.get_link_fields():
		value = doc.get(df.fieldname)
		if value and df.options == CHILD:
			named.add(value)
		elif value and df.options in CHILD_RECORDS:
			named.add(child_of_record(df.options, value))
	return named


def accessible_names_sql(doctype: str, user: str) -> str:
	"""A subquery selecting the names of ``doctype`` records that ``user`` may access."""
	return f"select `name` from `tab{doctype}` where {record_condition(doctype, user)}"


def allocated_children_condition(user: str) -> str:
	fields = allocation_fields(user)
	if not fields:
		return NOWHERE
	escaped = frappe.db.escape(user)
	return "(" + " or ".join(f"`tab{CHILD}`.`{field}` = {escaped}" for field in fields) + ")"


def record_condition(doctype: str, user: str) -> str:
	"""SQL over ``tab{doctype}`` matching the records of a child's file that ``user`` may access."""
	if doctype == CHILD:
		return allocated_children_condition(user)
	if doctype in CHILD_RECORDS:
		return f"`tab{doctype}`.`child` in ({accessible_names_sql(CHILD, user)})"
	parents = child_tables()[doctype]
	return (
		"("
		+ " or ".join(
			f"(`tab{doctype}`.`parenttype` = {frappe.db.escape(parent)} "
			f"and `tab{doctype}`.`parent` in ({accessible_names_sql(parent, user)}))"
			for parent in parents
		)
		+ ")"
	)


def references(doctype: str) -> list[tuple[str | None, str, str | None]]:
	"""How records of ``doctype`` (outside the child's file) can point at it, as kept in the cache."""
	return frappe.cache.hget(REFERENCES, doctype, generator=lambda: read_references(doctype))


def read_references(doctype: str) -> list[tuple[str | None, str, str | None]]:
	"""How records of ``doctype`` (outside the child's file) can point at it.

	Each entry is (field holding the DocType, field holding the name, fixed DocType): a DocType
	field with the name field beside it (a Dynamic Link, or a Data field such as File's
	``attached_to_name``), or a Link to a protected DocType.
	"""
	protected = protected_doctypes()
	if doctype in protected:
		return []
	meta = frappe.get_meta(doctype)
	found = []
	for df in meta.get("fields", {"fieldtype": "Link"}):
		if df.is_virtual:
			continue
		if df.options == "DocType" and (name_field := name_field_beside(meta, df.fieldname)):
			found.append((df.fieldname, name_field, None))
		elif df.options in protected:
			found.append((None, df.fieldname, df.options))
	return found


def name_field_beside(meta, doctype_field: str) -> str | None:
	"""The field naming a record of the DocType held in ``doctype_field``."""
	for df in meta.get("fields", {"fieldtype": "Dynamic Link", "options": doctype_field}):
		if not df.is_virtual:
			return df.fieldname
	candidates = (
		doctype_field.replace("doctype", "name"),
		doctype_field.replace("_type", "_name"),
		doctype_field.replace("doctype", "docname"),
		"docname",
	)
	for fieldname in candidates:
		df = meta.get_field(fieldname)
		if fieldname != doctype_field and df and df.fieldtype == "Data" and not df.is_virtual:
			return fieldname
	return None


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""Wildcard ``permission_query_conditions``: narrows every list of a child's records, and of
	Frappe records that point at them, to the children ``user`` may access."""
	user = user or frappe.session.user
	if not doctype or sees_every_child(user):
		return ""
	if doctype in protected_doctypes():
		return record_condition(doctype, user)
	if doctype == "Tag":
		return tags_condition(user)
	return " and ".join(reference_condition(doctype, entry, user) for entry in references(doctype))


def tags_condition(user: str) -> str:
	"""A tag is a word someone wrote on a record: one written on a child's records is seen only
	by those who may access that child."""
	listed = ", ".join(frappe.db.escape(target) for target in protected_doctypes())
	visible = reference_condition("Tag Link", ("document_type", "document_name", None), user)
	return (
		f"(`tabTag`.`name` not in (select `tag` from `tabTag Link` where `document_type` in ({listed})) "
		f"or `tabTag`.`name` in (select `tag` from `tabTag Link` where {visible}))"
	)


def reference_condition(doctype: str, entry: tuple[str | None, str, str | None], user: str) -> str:
	"""Records pointing at a child's file that ``user`` may see. Frappe's records point at a file's
	records, never at their table rows: one that points at a row is seen by no scoped user, which
	keeps the condition to one branch per record DocType."""
	doctype_field, name_field, fixed = entry
	name_column = f"`tab{doctype}`.`{name_field}`"
	if fixed:
		return f"(ifnull({name_column}, '') = '' or {name_column} in ({accessible_names_sql(fixed, user)}))"
	doctype_column = f"`tab{doctype}`.`{doctype_field}`"
	listed = ", ".join(frappe.db.escape(target) for target in protected_doctypes())
	allowed = " or ".join(
		f"({doctype_column} = {frappe.db.escape(target)} "
		f"and {name_column} in ({accessible_names_sql(target, user)}))"
		for target in (CHILD, *CHILD_RECORDS)
	)
	return f"(ifnull({doctype_column}, '') not in ({listed}) or {allowed})"


def referenced_records(doc: Document) -> list[tuple[str, str]]:
	"""The records of a child's file that a Frappe record (a file, comment, ToDo, ...) points at,
	in its own fields or in its table rows (a Contact's or Address's links, an Event's
	participants, a Communication's timeline links, ...)."""
	protected = protected_doctypes()
	found = []
	for record in (doc, *doc.get_all_children()):
		for doctype_field, name_field, fixed in references(record.doctype):
			target = fixed or record.get(doctype_field)
			name = record.get(name_field)
			if target in protected and name:
				found.append((target, name))
	return found


def records_linked_from_the_file(doc: Document) -> set[tuple[str, str]]:
	"""The records of a child's file that a record links to, in its own fields and its rows."""
	protected = protected_doctypes()
	return {
		(df.options, record.get(df.fieldname))
		for record in (doc, *doc.get_all_children())
		for df in record.meta.get_link_fields()
		if df.options in protected and record.get(df.fieldname)
	}


def has_permission(doc: Document, ptype: str = "read", user: str | None = None, **kwargs) -> bool | None:
	"""Wildcard ``has_permission``: refuses what the user may not touch, never grants anything.

	A write is checked against the record as stored *and* as it would be saved, so re-pointing a
	record's links at a child one holds cannot take over another child's record.
	"""
	user = user or frappe.session.user
	if sees_every_child(user):
		return None
	if doc.doctype == CHILD:
		return False if doc.is_new() else may_access_child(doc.name, user)
	if doc.doctype in CHILD_RECORDS:
		return may_touch_record(doc, ptype, user)
	records = referenced_records(doc)
	if any(not may_access_record(target, name, user) for target, name in records):
		return False
	return None


def may_touch_record(doc: Document, ptype: str, user: str) -> bool | None:
	"""Reading needs the record's child and every child its links reach (a record sent unsaved,
	such as to a print preview, can link to another child's records); writing is checked against
	the record as stored and as it would be saved."""
	if ptype in READ_TYPES:
		reached = {child for child in children_named_by(doc) if child}
		return all(may_access_child(child, user) for child in {doc.get("child"), *reached})
	named = children_named_by(doc)
	if not doc.is_new():
		named.add(frappe.db.get_value(doc.doctype, doc.name, "child"))
	elif not named:
		return None
	return all(may_access_child(child, user) for child in named)
