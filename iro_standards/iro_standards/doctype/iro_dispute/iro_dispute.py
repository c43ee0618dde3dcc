# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import formatdate, getdate

from iro_standards.iro_standards.case_record import CaseRecord
from iro_standards.iro_standards.conditions import holds_for
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import engine_kwargs
from iro_standards.iro_standards.validation import (
	refuse_date_before,
	refuse_dates_outside_the_calendar,
	refuse_future_dates,
)
from iro_standards.iro_standards.workflow.states import CLOSED_DISPUTE_STATES as CLOSED
from iro_standards.iro_standards.workflow.states import workflow_is_active
from iro_standards.standards import dispute_response_due
from iro_standards.standards.conditions import DISPUTE_RESPONSE_OVERDUE


class IRODispute(CaseRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from iro_standards.iro_standards.doctype.iro_dispute_stage.iro_dispute_stage import IRODisputeStage

		allocated_iro: DF.Link | None
		case_number: DF.Data | None
		category: DF.Literal[
			"Drift in Care Planning",
			"No Social Worker Report",
			"Permanence",
			"Placement",
			"Education",
			"Health",
			"Contact",
			"Other",
		]
		child: DF.Link
		child_name: DF.Data | None
		child_review: DF.Link | None
		current_response_due: DF.Date | None
		current_stage: DF.Data | None
		desired_outcome: DF.Text
		issue: DF.Text
		naming_series: DF.Literal["DR-.YYYY.-.#####"]
		progress_review: DF.Link | None
		raised_by: DF.Link
		raised_on: DF.Date
		recommendation: DF.Data | None
		recommendation_text: DF.SmallText | None
		resolution: DF.Text | None
		resolved_on: DF.Date | None
		response_overdue: DF.Check
		social_worker: DF.Link | None
		stages: DF.Table[IRODisputeStage]
		status: DF.Link | None
		team: DF.Data | None
		team_manager: DF.Link | None
		withdrawn: DF.Check
	# end: auto-generated types

	def validate(self) -> None:
		refuse_future_dates(self, "raised_on", "resolved_on")
		refuse_dates_outside_the_calendar(self, "raised_on")
		refuse_date_before(self, "resolved_on", self.raised_on, _("the date the dispute was raised"))
		self.check_sources()
		self.sync_stages_and_status()
		self.check_stages()
		self.set_current_stage()

	def check_sources(self) -> None:
		for doctype, fieldname in (("Child Review", "child_review"), ("Progress Review", "progress_review")):
			source = self.get(fieldname)
			if source and frappe.db.get_value(doctype, source, "child") != self.child:
				frappe.throw(
					_("{0} {1} is about another child.").format(_(doctype), source), title=_("Wrong record")
				)
		if self.recommendation:
			self.recommendation_text = self.recommendation_made_at_the_review().action

	def recommendation_made_at_the_review(self):
		made = frappe.db.get_value(
			"Review Recommendation",
			{"name": self.recommendation, "parent": self.child_review or "", "parenttype": "Child Review"},
			["action"],
			as_dict=True,
		)
		if not made:
			frappe.throw(
				_("The recommendation must be one made at the review in {0}.").format(
					_(self.meta.get_label("child_review"))
				),
				title=_("Wrong recommendation"),
			)
		return made

	def check_stages(self) -> None:
		"""Stages are configured ones, escalating one level at a time, each dated in order."""
		kwargs = engine_kwargs()
		timescales = kwargs["timescales"]
		names = [stage.name for stage in timescales.dispute_stages]
		previous = None
		for row in self.stages:
			if row.stage not in names:
				frappe.throw(
					_(
						"Stage {0} in row {1} is not one of the dispute stages in IRO Standards Settings."
					).format(row.stage, row.idx),
					title=_("Unknown stage"),
				)
			row.entered_on = row.entered_on or self.raised_on
			refuse_future_dates(row, "entered_on", "responded_on")
			refuse_dates_outside_the_calendar(row, "entered_on")
			earliest = previous.entered_on if previous else self.raised_on
			if getdate(row.entered_on) < getdate(earliest):
				frappe.throw(
					_("Stage {0} (row {1}) cannot start on {2}, before {3}.").format(
						row.stage, row.idx, formatdate(row.entered_on), formatdate(earliest)
					),
					title=_("Invalid date"),
				)
			if previous and names.index(row.stage) != names.index(previous.stage) + 1:
				frappe.throw(
					_("A dispute escalates one stage at a time: after {0} comes {1}, not {2}.").format(
						previous.stage, names[names.index(previous.stage) + 1], row.stage
					),
					title=_("Stages out of order"),
				)
			configured = timescales.dispute_stage(row.stage)
			row.addressed_to = row.addressed_to or configured.addressed_to
			row.asked = row.asked or self.team_manager_if_addressed(row)
			row.response_due = dispute_response_due(getdate(row.entered_on), row.stage, **kwargs)
			if previous:
				previous.outcome = previous.outcome or "Escalated"
			previous = row

	def team_manager_if_addressed(self, row) -> str | None:
		"""A stage addressed to a team manager asks the child's team manager."""
		if "team manager" not in (row.addressed_to or "").lower():
			return None
		return frappe.db.get_value("Looked After Child", self.child, "team_manager")

	def sync_stages_and_status(self) -> None:
		"""The status is the current stage while the dispute is open.

		A status moved to a new stage (by the workflow or by escalating) opens that stage's row;
		rows added by hand move the status with them.
		"""
		stage_names = [stage.name for stage in engine_kwargs()["timescales"].dispute_stages]
		before = self.get_doc_before_save()
		status_moved = before is not None and before.status != self.status
		if not self.status:
			self.status = self.stages[0].stage if self.stages else stage_names[0]
		if self.status in stage_names and (status_moved or not self.stages):
			if not self.stages or self.stages[-1].stage != self.status:
				self.append(
					"stages",
					{"stage": self.status, "entered_on": getdate() if self.stages else self.raised_on},
				)
		elif self.status in stage_names and self.stages:
			self.status = self.stages[-1].stage
		self.set_closing_status()

	def set_closing_status(self) -> None:
		"""A workflow closes the dispute by its actions; without one, the resolution fields do."""
		if not workflow_is_active(self.doctype):
			if self.withdrawn:
				self.status = "Withdrawn"
			elif self.resolved_on and (self.resolution or "").strip():
				self.status = "Resolved"
			elif self.resolved_on:
				frappe.throw(_("Record the resolution of the dispute."), title=_("Missing information"))
		self.withdrawn = int(self.status == "Withdrawn")
		if self.status in CLOSED and not self.resolved_on:
			frappe.throw(
				_("Record the date the dispute was resolved or withdrawn."), title=_("Missing information")
			)
		if self.status == "Resolved" and not (self.resolution or "").strip():
			frappe.throw(_("Record the resolution of the dispute."), title=_("Missing information"))

	def set_current_stage(self) -> None:
		last = self.stages[-1]
		self.current_stage = last.stage
		self.current_response_due = None if last.responded_on or self.status in CLOSED else last.response_due
		self.response_overdue = int(holds_for(DISPUTE_RESPONSE_OVERDUE, self))
		if self.status in CLOSED:
			last.outcome = last.outcome or self.status

	@frappe.whitelist()
	def escalate(self) -> None:
		"""Move the dispute to the next configured stage, from today."""
		self.check_permission("write")
		if self.status in CLOSED:
			frappe.throw(_("A resolved or withdrawn dispute cannot be escalated."), title=_("Dispute closed"))
		following = engine_kwargs()["timescales"].next_dispute_stage(self.current_stage)
		if not following:
			frappe.throw(
				_("{0} is the last stage: the dispute cannot be escalated further.").format(
					self.current_stage
				),
				title=_("Last stage"),
			)
		self.status = following.name
		self.save()


@frappe.whitelist()
def respond_to_stage(dispute: str, response: str) -> None:
	"""The person a stage was addressed to records their response."""
	doc = frappe.get_doc("IRO Dispute", dispute)
	doc.check_permission("read")
	stage = doc.stages[-1]
	if frappe.session.user != stage.asked and not frappe.has_permission("IRO Dispute", "write", doc):
		frappe.throw(_("This stage of the dispute was not addressed to you."), frappe.PermissionError)
	if doc.status in CLOSED:
		frappe.throw(_("A resolved or withdrawn dispute takes no more responses."), title=_("Dispute closed"))
	if not (response or "").strip():
		frappe.throw(_("Write the response."), title=_("Missing information"))
	stage.response = response
	stage.responded_on = getdate()
	doc.flags.ignore_permissions = True
	doc.save()
