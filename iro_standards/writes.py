"""What every save of every DocType checks before anything is written (``doc_events["*"]``).

On every DocType: a table row sent with the name of another record's row is refused (Frappe updates
a row by its name alone, so the row would move into this record and be overwritten). On the app's
own DocTypes (its module, present and future): each value has its field's type, text fits its
column and is sanitised on every save path (a submit included), and a table holds a bounded number
of rows. The records of a child's file check their values before their controller runs (CaseRecord).
"""

import datetime
import re

import frappe
from frappe import _
from frappe.model.base_document import BaseDocument
from frappe.model.document import Document
from frappe.utils import formatdate, getdate
from frappe.utils.html_utils import sanitize_html

EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2099, 12, 31)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$")
TEXT_COLUMN_BYTES = 65535
TEXT_TYPES = frozenset({"Data", "Small Text", "Text", "Long Text", "Text Editor", "Select", "Link"})
TEXT_COLUMN_TYPES = frozenset({"Small Text", "Text"})
NUMBER_TYPES = frozenset({"Int", "Check", "Float", "Currency", "Percent"})
LONG_TEXT_TYPES = frozenset({"Long Text", "Text Editor", "HTML Editor", "Markdown Editor", "Code", "JSON"})
LONG_TEXT_CHARACTERS = 1_000_000
MOST_ROWS = 500
CHECK_VALUES = frozenset({0, 1, "0", "1"})


class AppDocument(Document):
	"""A record of the app: a table sent as anything but a list of rows is refused, not a 500."""

	def extend(self, key, value):
		if not isinstance(value, list | tuple) or not all(
			isinstance(row, dict | BaseDocument) for row in value
		):
			frappe.throw(
				_("{0} must be a list of rows.").format(_(self.meta.get_label(key))), title=_("Invalid value")
			)
		super().extend(key, value)


def check_before_writing(doc: Document, method=None) -> None:
	"""doc_events["*"]["validate"] and ["before_update_after_submit"]."""
	keep_rows_with_their_parent(doc)
	if doc.meta.module not in app_modules():
		return
	refuse_oversized_tables(doc)
	if getattr(doc, "checks_values_first", False):
		return
	for record in (doc, *doc.get_all_children()):
		check_values(record)
		sanitise_text(record)


def app_modules() -> list[str]:
	return frappe.get_module_list("iro_standards")


def keep_rows_with_their_parent(doc: Document) -> None:
	"""A row may only be saved under the record it belongs to, in the table it belongs to."""
	for df in doc.meta.get_table_fields():
		named = {
			row.name: row for row in doc.get(df.fieldname) or () if isinstance(row.name, str) and row.name
		}
		if not named or frappe.get_meta(df.options).is_virtual:
			continue
		for stored in frappe.get_all(
			df.options,
			filters={"name": ("in", list(named))},
			fields=["name", "parent", "parenttype", "parentfield"],
		):
			if (stored.parent, stored.parenttype, stored.parentfield) != (
				doc.name,
				doc.doctype,
				df.fieldname,
			):
				frappe.throw(
					_("Row {0} of {1} belongs to another record: add it as a new row.").format(
						named.get(stored.name, frappe._dict(idx="?")).idx, _(df.label or df.fieldname)
					),
					frappe.PermissionError,
					title=_("Not permitted"),
				)


def refuse_oversized_tables(doc: Document) -> None:
	for df in doc.meta.get_table_fields():
		if len(doc.get(df.fieldname) or ()) > MOST_ROWS:
			frappe.throw(
				_("{0} can hold at most {1} rows.").format(_(df.label or df.fieldname), MOST_ROWS),
				title=_("Too many rows"),
			)


def field_label(record: BaseDocument, fieldname: str) -> str:
	label = _(record.meta.get_label(fieldname))
	return _("{0} (row {1})").format(label, record.idx) if record.get("parentfield") else label


def refuse(record: BaseDocument, fieldname: str, message: str) -> None:
	frappe.throw(message.format(field_label(record, fieldname)), title=_("Invalid value"))


def check_values(record: BaseDocument) -> None:
	for df in record.meta.fields:
		value = record.get(df.fieldname)
		if value is None or value == "":
			continue
		if df.fieldtype in ("Date", "Datetime"):
			check_date(record, df.fieldname, value)
		elif df.fieldtype in TEXT_TYPES and not isinstance(value, str):
			refuse(record, df.fieldname, _("{0} must be text."))
		elif df.fieldtype in TEXT_COLUMN_TYPES and len(value.encode()) > TEXT_COLUMN_BYTES:
			refuse(record, df.fieldname, _("{0} is too long: shorten it to 65,000 characters or fewer."))
		elif df.fieldtype in LONG_TEXT_TYPES and isinstance(value, str) and len(value) > LONG_TEXT_CHARACTERS:
			refuse(record, df.fieldname, _("{0} is too long: shorten it to 1,000,000 characters or fewer."))
		elif df.fieldtype == "Check" and value not in CHECK_VALUES:
			refuse(record, df.fieldname, _("{0} must be ticked (1) or not (0)."))
		elif df.fieldtype in NUMBER_TYPES and not is_number(value):
			refuse(record, df.fieldname, _("{0} must be a number."))


def is_number(value) -> bool:
	if isinstance(value, bool) or not isinstance(value, int | float | str):
		return False
	if isinstance(value, str):
		try:
			float(value.replace(",", ""))
		except ValueError:
			return False
	return True


def check_date(record: BaseDocument, fieldname: str, value) -> None:
	if isinstance(value, datetime.date):
		day = value if not isinstance(value, datetime.datetime) else value.date()
	elif isinstance(value, str) and ISO_DATE.match(value.strip()):
		try:
			day = getdate(value.strip())
		except Exception:
			day = None
	else:
		day = None
	if not day or day.year < 1000:
		refuse(record, fieldname, _("{0} must be a date, written as year-month-day."))
	if not EARLIEST_DATE <= day <= LATEST_DATE:
		frappe.throw(
			_("{0} ({1}) must fall between {2} and {3}.").format(
				field_label(record, fieldname),
				formatdate(day),
				formatdate(EARLIEST_DATE),
				formatdate(LATEST_DATE),
			),
			title=_("Invalid date"),
		)


def sanitise_text(record: BaseDocument) -> None:
	"""Frappe sanitises a draft's text but not values sent with a submit; this runs on every save."""
	for df in sanitised_fields(record.meta):
		value = record.get(df.fieldname)
		if isinstance(value, str):
			record.set(df.fieldname, sanitised(value, df))


def sanitised_fields(meta) -> list:
	return [
		df
		for df in meta.fields
		if df.fieldtype in TEXT_TYPES - {"Select", "Link"}
		and not df.get("ignore_xss_filter")
		and not df.get("is_virtual")
	]


def sanitised(value: str, df) -> str:
	if "<" not in value and ">" not in value:
		return value
	return sanitize_html(value, linkify=df.fieldtype == "Text Editor", always_sanitize=True)
