"""Checks the case records share, each refusing bad input with a translated message naming the field."""

from datetime import date

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import formatdate, getdate

from iro_standards.standards.working_calendar import EARLIEST_INPUT_DATE, LATEST_INPUT_DATE


def field_label(doc: Document, fieldname: str) -> str:
	return _(doc.meta.get_label(fieldname))


def date_of(doc: Document, fieldname: str) -> date | None:
	value = doc.get(fieldname)
	return getdate(value) if value else None


def refuse_future_dates(doc: Document, *fieldnames: str) -> None:
	today = getdate()
	for fieldname in fieldnames:
		value = date_of(doc, fieldname)
		if value and value > today:
			frappe.throw(
				_("{0} ({1}) cannot be in the future.").format(
					field_label(doc, fieldname), formatdate(value)
				),
				title=_("Invalid date"),
			)


def refuse_dates_outside_the_calendar(doc: Document, *fieldnames: str) -> None:
	"""The timescale engine knows working days for dates from 2001 to 2059."""
	for fieldname in fieldnames:
		value = date_of(doc, fieldname)
		if value and not EARLIEST_INPUT_DATE <= value <= LATEST_INPUT_DATE:
			frappe.throw(
				_("{0} ({1}) must fall between {2} and {3}.").format(
					field_label(doc, fieldname),
					formatdate(value),
					formatdate(EARLIEST_INPUT_DATE),
					formatdate(LATEST_INPUT_DATE),
				),
				title=_("Invalid date"),
			)


def refuse_date_before(doc: Document, fieldname: str, earliest: date | None, earliest_label: str) -> None:
	value = date_of(doc, fieldname)
	if value and earliest and value < getdate(earliest):
		frappe.throw(
			_("{0} ({1}) cannot be before {2} ({3}).").format(
				field_label(doc, fieldname), formatdate(value), earliest_label, formatdate(earliest)
			),
			title=_("Invalid date"),
		)


def require_fields(doc: Document, *fieldnames: str) -> None:
	for fieldname in fieldnames:
		if not doc.get(fieldname):
			frappe.throw(
				_("{0} is required.").format(field_label(doc, fieldname)), title=_("Missing information")
			)
