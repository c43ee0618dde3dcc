"""What every record of a child's file checks on every save path, before anything is written.

Whatever a client sends (REST, desk, Data Import, a whitelisted method): each value has its
field's type, dates are real calendar dates, text fits its column and is sanitised even when it
arrives with a submit, and every record it links to belongs to the same child.
"""

import datetime
import re

import frappe
from frappe import _
from frappe.model.base_document import BaseDocument
from frappe.model.document import Document
from frappe.utils import formatdate, getdate
from frappe.utils.html_utils import sanitize_html

from iro_standards.permissions import CHILD, CHILD_RECORDS, child_of_record

EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2099, 12, 31)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$")
TEXT_COLUMN_BYTES = 65535
TEXT_TYPES = frozenset({"Data", "Small Text", "Text", "Long Text", "Text Editor", "Select", "Link"})
TEXT_COLUMN_TYPES = frozenset({"Small Text", "Text"})
NUMBER_TYPES = frozenset({"Int", "Check", "Float", "Currency", "Percent"})


class CaseRecord(Document):
	def extend(self, key, value):
		if not isinstance(value, list | tuple) or not all(
			isinstance(row, dict | BaseDocument) for row in value
		):
			frappe.throw(
				_("{0} must be a list of rows.").format(_(self.meta.get_label(key))), title=_("Invalid value")
			)
		super().extend(key, value)

	def run_before_save_methods(self) -> None:
		for record in (self, *self.get_all_children()):
			check_values(record)
			sanitise_text(record)
		super().run_before_save_methods()
		keep_links_with_the_child(self)

	def _get_missing_mandatory_fields(self) -> list[tuple[str, str]]:
		"""A submitted record is held only to the mandatory fields that can still be filled, so a
		field made mandatory later (Customize Form) never strands work already submitted."""
		missing = super()._get_missing_mandatory_fields()
		if self._action != "update_after_submit":
			return missing
		return [
			(fieldname, message) for fieldname, message in missing if can_change_after_submit(self, fieldname)
		]


def can_change_after_submit(record: BaseDocument, fieldname: str) -> bool:
	df = record.meta.get_field(fieldname)
	return not df or bool(df.allow_on_submit)


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
		if df.fieldtype == "Date":
			check_date(record, df.fieldname, value)
		elif df.fieldtype in TEXT_TYPES and not isinstance(value, str):
			refuse(record, df.fieldname, _("{0} must be text."))
		elif df.fieldtype in TEXT_COLUMN_TYPES and len(value.encode()) > TEXT_COLUMN_BYTES:
			refuse(record, df.fieldname, _("{0} is too long: shorten it to 65,000 characters or fewer."))
		elif df.fieldtype in NUMBER_TYPES and (
			isinstance(value, bool) or not isinstance(value, int | float | str)
		):
			refuse(record, df.fieldname, _("{0} must be a number."))


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


def keep_links_with_the_child(doc: Document) -> None:
	"""Every record of a child's file that this record links to, in its fields or its rows, is
	about the same child."""
	child = doc.name if doc.doctype == CHILD else doc.get("child")
	for record in (doc, *doc.get_all_children()):
		for df in record.meta.get_link_fields():
			value = record.get(df.fieldname)
			if not value or df.options not in (CHILD, *CHILD_RECORDS):
				continue
			if child_of_record(df.options, value) != child:
				frappe.throw(
					_("{0} {1} in {2} is not a record of this child.").format(
						_(df.options), value, field_label(record, df.fieldname)
					),
					title=_("Wrong record"),
				)


class CaseRow(Document):
	"""A table row of a child's file. Frappe checks a row loaded on its own against its parent
	DocType only; a row is readable and writable exactly as its parent record is."""

	def has_permission(self, permtype="read", *, debug=False, user=None) -> bool:
		if self.flags.ignore_permissions:
			return True
		parent = self.get("parent_doc") or self.parent
		return bool(
			self.parenttype
			and parent
			and frappe.has_permission(self.parenttype, permtype, doc=parent, user=user)
		)
