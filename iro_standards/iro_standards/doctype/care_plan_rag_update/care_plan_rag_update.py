# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import formatdate, getdate

from iro_standards.iro_standards.case_record import CaseRecord
from iro_standards.iro_standards.doctype.looked_after_child.looked_after_child import (
	refresh_child_timescales,
)
from iro_standards.iro_standards.validation import refuse_future_dates


class CarePlanRAGUpdate(CaseRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		care_plan_rag: DF.Literal["", "Red", "Amber", "Green"]
		case_number: DF.Data | None
		child: DF.Link
		child_name: DF.Data | None
		naming_series: DF.Literal["RAG-.YYYY.-.#####"]
		previous_rag: DF.Literal["", "Red", "Amber", "Green"]
		rag_narrative: DF.Text
		rated_by: DF.Link | None
		rated_on: DF.Date
		social_worker: DF.Link | None
		team_manager: DF.Link | None
	# end: auto-generated types

	def validate(self) -> None:
		refuse_future_dates(self, "rated_on")
		self.refuse_a_day_outside_the_current_episode()
		if self.is_new():
			self.previous_rag = frappe.db.get_value("Looked After Child", self.child, "current_rag")
			self.rated_by = frappe.session.user

	def refuse_a_day_outside_the_current_episode(self) -> None:
		"""A rating between reviews belongs to the care plan the child has now."""
		start = frappe.db.get_value(
			"Care Episode", {"child": self.child, "is_open": 1}, "start_date", order_by="start_date desc"
		)
		if not start or getdate(self.rated_on) < getdate(start):
			frappe.throw(
				_(
					"Child {0} was not looked after on {1}: a care plan can be rated only in the current episode."
				).format(self.child, formatdate(self.rated_on)),
				title=_("Not looked after"),
			)

	def on_update(self) -> None:
		refresh_child_timescales(self.child)

	def after_delete(self) -> None:
		refresh_child_timescales(self.child)
