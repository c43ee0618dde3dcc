# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import getdate

from iro_standards.iro_standards.case_record import CaseRecord
from iro_standards.iro_standards.conditions import holds_for
from iro_standards.iro_standards.cycle import check_one_open_record, refuse_second_open_record
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import engine_kwargs
from iro_standards.iro_standards.doctype.practice_standard.practice_standard import (
	add_standards_checklist,
	check_standards_checklist,
)
from iro_standards.iro_standards.validation import field_label, refuse_date_before, refuse_future_dates
from iro_standards.iro_standards.workflow.states import workflow_is_active
from iro_standards.standards import progress_review_due
from iro_standards.standards.conditions import PROGRESS_REVIEW_OVERDUE

CLOSED_BY_THE_CYCLE = ("Missed", "Cancelled")
CLOSED_STATES = ("Completed", *CLOSED_BY_THE_CYCLE)


class ProgressReview(CaseRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from iro_standards.iro_standards.doctype.practice_standard_check.practice_standard_check import (
			PracticeStandardCheck,
		)
		from iro_standards.iro_standards.doctype.recommendation_progress.recommendation_progress import (
			RecommendationProgress,
		)

		allocated_iro: DF.Link | None
		case_number: DF.Data | None
		child: DF.Link | None
		child_name: DF.Data | None
		child_review: DF.Link
		closed_reason: DF.SmallText | None
		completed_by: DF.Link | None
		completed_on: DF.Date | None
		concerns_raised: DF.Literal["None", "Informally", "Formally"]
		due_date: DF.Date | None
		iro_dispute: DF.Link | None
		naming_series: DF.Literal["PR-.YYYY.-.#####"]
		notes: DF.Text | None
		open_for_child: DF.Data | None
		overall_rag: DF.Literal["", "Red", "Amber", "Green"]
		recommendation_progress: DF.Table[RecommendationProgress]
		social_worker: DF.Link | None
		standards: DF.Table[PracticeStandardCheck]
		status: DF.Literal["Due", "Overdue", "Completed", "Concern Raised", "Missed", "Cancelled"]
		sw_dialogue_held: DF.Check
		team_manager: DF.Link | None
	# end: auto-generated types

	def validate(self) -> None:
		review = self.followed_review()
		self.child = review.child
		self.due_date = progress_review_due(
			getdate(review.held_date), getdate(review.next_review_limit), **engine_kwargs()
		)
		refuse_future_dates(self, "completed_on")
		refuse_date_before(self, "completed_on", review.held_date, _("the review it follows"))
		self.add_open_recommendations()
		self.check_recommendation_rows()
		self.check_dispute()
		add_standards_checklist(self, "applies_to_progress_review")
		check_standards_checklist(self)
		if not workflow_is_active(self.doctype) and self.status not in CLOSED_BY_THE_CYCLE:
			self.status = self.current_status()
		self.open_for_child = None if self.status in CLOSED_STATES else self.child
		check_one_open_record(self)

	def show_unique_validation_message(self, e) -> None:
		if "open_for_child" in str(e):
			refuse_second_open_record(self)
		super().show_unique_validation_message(e)

	def on_update(self) -> None:
		self.record_progress_on_recommendations()
		if self.iro_dispute:
			frappe.db.set_value("IRO Dispute", self.iro_dispute, "progress_review", self.name)

	def followed_review(self):
		review = frappe.db.get_value(
			"Child Review",
			self.child_review,
			["name", "child", "docstatus", "held_date", "next_review_limit"],
			as_dict=True,
		)
		if not review or review.docstatus != 1 or not review.held_date:
			frappe.throw(
				_("A progress review follows a held, submitted review; {0} is not one.").format(
					self.child_review
				),
				title=_("Review not held"),
			)
		return review

	def add_open_recommendations(self) -> None:
		if self.recommendation_progress:
			return
		for rec in frappe.get_all(
			"Review Recommendation",
			filters={"parent": self.child_review, "parenttype": "Child Review", "status": ("!=", "Done")},
			fields=["name", "action", "responsible", "due_by"],
			order_by="idx asc",
		):
			self.append(
				"recommendation_progress",
				{
					"recommendation": rec.name,
					"action": rec.action,
					"responsible": rec.responsible,
					"due_by": rec.due_by,
				},
			)

	def check_recommendation_rows(self) -> None:
		"""Each row follows a recommendation made at the review this progress review follows."""
		made = set(
			frappe.get_all(
				"Review Recommendation",
				filters={"parent": self.child_review, "parenttype": "Child Review"},
				pluck="name",
			)
		)
		for row in self.recommendation_progress:
			if row.recommendation and row.recommendation not in made:
				frappe.throw(
					_("Row {0} follows a recommendation that was not made at review {1}.").format(
						row.idx, self.child_review
					),
					title=_("Wrong recommendation"),
				)

	def check_dispute(self) -> None:
		if self.concerns_raised == "Formally" and not self.iro_dispute:
			frappe.throw(
				_("Concerns raised formally need the dispute that was raised: fill in {0}.").format(
					field_label(self, "iro_dispute")
				),
				title=_("Dispute missing"),
			)
		if self.iro_dispute and frappe.db.get_value("IRO Dispute", self.iro_dispute, "child") != self.child:
			frappe.throw(
				_("Dispute {0} is about another child.").format(self.iro_dispute), title=_("Wrong dispute")
			)

	def current_status(self) -> str:
		if self.concerns_raised == "Formally":
			return "Concern Raised"
		if self.completed_on:
			return "Completed"
		return "Overdue" if holds_for(PROGRESS_REVIEW_OVERDUE, self) else "Due"

	def record_progress_on_recommendations(self) -> None:
		"""The latest progress on each recommendation shows on the review that made it."""
		for row in self.recommendation_progress:
			if row.progress and row.recommendation:
				frappe.db.set_value(
					"Review Recommendation",
					row.recommendation,
					{"status": row.progress, "progress_note": row.evidence},
					update_modified=False,
				)
