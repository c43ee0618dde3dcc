# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import getdate

from iro_standards.iro_standards.case_record import CaseRecord
from iro_standards.iro_standards.validation import refuse_future_dates


class IROContact(CaseRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		case_number: DF.Data | None
		child: DF.Link
		child_knows_iro: DF.Check
		child_name: DF.Data | None
		child_review: DF.Link | None
		child_wants_raised: DF.Text | None
		contact_date: DF.Date
		iro: DF.Link
		kind: DF.Literal["Visit", "Call", "Message", "Before-Review Consultation"]
		letter_sent: DF.Check
		naming_series: DF.Literal["CON-.YYYY.-.#####"]
		spoken_to_privately: DF.Check
		wants_to_chair: DF.Check
	# end: auto-generated types

	def validate(self) -> None:
		refuse_future_dates(self, "contact_date")
		if (
			self.child_review
			and frappe.db.get_value("Child Review", self.child_review, "child") != self.child
		):
			frappe.throw(
				_("Review {0} is about another child.").format(self.child_review), title=_("Wrong review")
			)

	def on_update(self) -> None:
		if self.child_knows_iro:
			self.confirm_child_knows_iro()
		if self.spoken_to_privately:
			self.mark_upcoming_reviews_spoken_to()

	def confirm_child_knows_iro(self) -> None:
		confirmed = frappe.db.get_value("Looked After Child", self.child, "knows_iro_confirmed_on")
		if not confirmed or getdate(confirmed) < getdate(self.contact_date):
			frappe.db.set_value(
				"Looked After Child",
				self.child,
				{"knows_iro": 1, "knows_iro_confirmed_on": self.contact_date},
				update_modified=False,
			)

	def mark_upcoming_reviews_spoken_to(self) -> None:
		"""Draft reviews whose window for speaking to the child alone holds this conversation now
		record the child as spoken to privately (the window the review itself uses)."""
		spoken_on = getdate(self.contact_date)
		for name in frappe.get_all(
			"Child Review",
			filters={"child": self.child, "docstatus": 0, "spoken_to_privately": 0},
			pluck="name",
		):
			review = frappe.get_doc("Child Review", name)
			review.set_episode()
			start, end = review.private_conversation_window()
			if start <= spoken_on <= end:
				frappe.db.set_value("Child Review", name, "spoken_to_privately", 1, update_modified=False)
