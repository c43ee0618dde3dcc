# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

import json
from pathlib import Path

import frappe
from frappe import _
from frappe.model.document import Document

from iro_standards.writes import AppDocument

APPLIES_TO = ("applies_to_review", "applies_to_progress_review", "applies_to_dispute")
DEFAULT_STANDARDS = Path(__file__).parent / "default_practice_standards.json"


class PracticeStandard(AppDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		active: DF.Check
		applies_to_dispute: DF.Check
		applies_to_progress_review: DF.Check
		applies_to_review: DF.Check
		area: DF.Literal[
			"Participation",
			"Planning",
			"Permanence",
			"Documentation",
			"Timeliness",
			"Monitoring",
			"Dispute Resolution",
			"Review Conduct",
			"Child Protection Conference Conduct",
		]
		code: DF.Data
		statement: DF.SmallText
		statement_cy: DF.SmallText | None
	# end: auto-generated types

	def validate(self) -> None:
		if not any(self.get(fieldname) for fieldname in APPLIES_TO):
			frappe.throw(
				_("Say whether the standard applies to reviews, progress reviews or disputes."),
				title=_("Missing information"),
			)


def add_standards_checklist(doc: Document, applies_to: str) -> None:
	"""Fill an empty checklist with the active standards that apply to this kind of record."""
	if doc.standards:
		return
	for code in frappe.get_all(
		"Practice Standard", filters={"active": 1, applies_to: 1}, pluck="name", order_by="code asc"
	):
		doc.append("standards", {"practice_standard": code})


def check_standards_checklist(doc: Document) -> None:
	for row in doc.standards:
		if row.outcome == "Not Met" and not (row.note or "").strip():
			frappe.throw(
				_("Practice standard {0} was not met: record what happened in its note (row {1}).").format(
					row.practice_standard, row.idx
				),
				title=_("Practice standard not met"),
			)


def add_default_practice_standards() -> None:
	"""Create the shipped standards that a site does not have; never change one it has."""
	for standard in json.loads(DEFAULT_STANDARDS.read_text()):
		if not frappe.db.exists("Practice Standard", standard["code"]):
			frappe.get_doc({"doctype": "Practice Standard", **standard}).insert(ignore_permissions=True)
