# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

from dataclasses import asdict
from datetime import date

import frappe
from frappe import _
from frappe.utils import getdate

from iro_standards.iro_standards.dispute_stages import (
	keep_dispute_workflow_in_step,
	refuse_removing_reached_stages,
	rename_stages_on_disputes,
	stage_renames,
)
from iro_standards.iro_standards.welsh_law import follow_jurisdiction
from iro_standards.iro_standards.workflow.states import ensure_workflow_state
from iro_standards.standards import DisputeStage, Timescales, WorkingCalendar, cached_calendar
from iro_standards.standards.education import PEP_MAXIMUM_AGE, PEP_MINIMUM_AGE, PepAges, SchoolTerm
from iro_standards.standards.ssda903 import is_local_authority_code
from iro_standards.standards.timescales import (
	DISPUTE_LEVELS,
	default_dispute_stages,
	duration_field_names,
	first_stage_below_its_predecessor,
	stages_renamed_by_jurisdiction,
)
from iro_standards.writes import AppDocument

SETTINGS = "IRO Standards Settings"
REMINDER_FIELDS = ("review_reminder_days_before", "deadline_reminder_days_before")
EXAMPLE_LOCAL_AUTHORITY_CODES = {"england": "E09000027", "wales": "W06000015"}


class IROStandardsSettings(AppDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from iro_standards.iro_standards.doctype.iro_closure_day.iro_closure_day import IROClosureDay
		from iro_standards.iro_standards.doctype.iro_dispute_stage_timescale.iro_dispute_stage_timescale import (
			IRODisputeStageTimescale,
		)
		from iro_standards.iro_standards.doctype.iro_school_term.iro_school_term import IROSchoolTerm

		adoption_first_review_weeks: DF.Int
		adoption_review_months: DF.Int
		adoption_second_review_months: DF.Int
		book_reviews_by_hand: DF.Check
		care_plan_update_working_days: DF.Int
		caseload_maximum: DF.Int
		caseload_minimum: DF.Int
		caseload_weight_cp_plan: DF.Float
		caseload_weight_looked_after: DF.Float
		child_contact_days_before: DF.Int
		closure_days: DF.Table[IROClosureDay]
		conference_confirmed_working_days_before: DF.Int
		consultation_working_days_before: DF.Int
		contact_gap_days: DF.Int
		core_group_working_days: DF.Int
		cp_plan_long_years: DF.Int
		cp_progress_check_months: DF.Int
		deadline_reminder_days_before: DF.Int
		decisions_recorded_days: DF.Int
		dispute_stages: DF.Table[IRODisputeStageTimescale]
		due_soon_working_days: DF.Int
		exceptional_report_working_days: DF.Int
		first_rcpc_months: DF.Int
		first_review_working_days: DF.Int
		first_sw_report_working_days_before: DF.Int
		icpc_convening_form_working_days: DF.Int
		icpc_date_and_chair_working_days: DF.Int
		icpc_invitations_working_days: DF.Int
		icpc_proceed_decision_working_days_before: DF.Int
		icpc_request_working_days: DF.Int
		icpc_working_days: DF.Int
		informal_resolution_working_days: DF.Int
		invitations_working_days_before: DF.Int
		iro_allocation_after_looked_after_working_days: DF.Int
		iro_allocation_working_days: DF.Int
		jurisdiction: DF.Literal["England", "Wales"]
		later_rcpc_months: DF.Int
		later_sw_report_working_days_before: DF.Int
		looked_after_notification_working_days: DF.Int
		max_adjournment_working_days: DF.Int
		pathway_plan_first_months: DF.Int
		pathway_plan_review_months: DF.Int
		pep_maximum_age: DF.Int
		pep_minimum_age: DF.Int
		pep_working_days: DF.Int
		practice_deadlines_on_working_days: DF.Check
		quoracy_final_check_working_days_before: DF.Int
		quoracy_first_check_working_days_before: DF.Int
		quorum_lead_agency: DF.Data
		quorum_other_agencies: DF.Int
		rcpc_follow_up_working_days_before: DF.Int
		rcpc_invitations_working_days_before: DF.Int
		rcpc_proceed_decision_working_days_before: DF.Int
		rcpc_sw_contact_working_days_before: DF.Int
		record_distribution_working_days: DF.Int
		repeat_plan_years: DF.Int
		require_knows_how_to_contact_iro: DF.Check
		require_private_conversation: DF.Check
		require_rag_rating: DF.Check
		review_reminder_days_before: DF.Int
		school_terms: DF.Table[IROSchoolTerm]
		second_review_months: DF.Int
		significant_change_decision_working_days: DF.Int
		short_breaks_first_review_months: DF.Int
		short_breaks_review_months: DF.Int
		subsequent_review_months: DF.Int
		tm_response_working_days: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		if self.has_value_changed("jurisdiction"):
			self.rename_dispute_stages_for_jurisdiction()
		self.validate_local_authority()
		self.validate_positive_durations()
		self.validate_reminder_lead_times()
		self.validate_caseload_range()
		self.validate_iro_hours()
		self.validate_closure_days()
		self.validate_dispute_stages()
		self.validate_education()

	def rename_dispute_stages_for_jurisdiction(self) -> None:
		"""The default stages still as shipped take the names and bodies of the new jurisdiction."""
		before = self.get_doc_before_save()
		if not before:
			return
		renamed = stages_renamed_by_jurisdiction(before.jurisdiction_code(), self.jurisdiction_code())
		for row in self.dispute_stages:
			if stage := renamed.get((row.stage, row.addressed_to)):
				row.stage, row.addressed_to = stage.name, stage.addressed_to

	def validate_local_authority(self) -> None:
		self.local_authority_code = (self.local_authority_code or "").strip().upper() or None
		jurisdiction = self.jurisdiction_code()
		if self.local_authority_code and not is_local_authority_code(self.local_authority_code, jurisdiction):
			frappe.throw(
				_("{0} is not the ONS code of a council in {1}, such as {2}.").format(
					self.local_authority_code,
					_(self.jurisdiction or "England"),
					EXAMPLE_LOCAL_AUTHORITY_CODES[jurisdiction],
				),
				title=_("Invalid local authority"),
			)

	def validate_positive_durations(self) -> None:
		for fieldname in (*duration_field_names(), "due_soon_working_days", "contact_gap_days"):
			if (self.get(fieldname) or 0) <= 0:
				frappe.throw(
					_("{0} must be a whole number greater than zero.").format(
						_(self.meta.get_label(fieldname))
					),
					title=_("Invalid timescale"),
				)

	def validate_reminder_lead_times(self) -> None:
		for fieldname in REMINDER_FIELDS:
			if (self.get(fieldname) or 0) < 0:
				frappe.throw(
					_("{0} cannot be negative.").format(_(self.meta.get_label(fieldname))),
					title=_("Invalid reminder"),
				)

	def validate_iro_hours(self) -> None:
		if (self.full_time_hours or 0) <= 0:
			frappe.throw(
				_("{0} must be greater than zero.").format(_(self.meta.get_label("full_time_hours"))),
				title=_("Invalid hours"),
			)
		listed = set()
		for row in self.iro_hours:
			if (row.hours_a_week or 0) <= 0:
				frappe.throw(
					_("Row {0}: the hours a week must be greater than zero.").format(row.idx),
					title=_("Invalid hours"),
				)
			if row.iro in listed:
				frappe.throw(
					_("Row {0}: {1} is listed twice.").format(row.idx, row.iro), title=_("Invalid hours")
				)
			listed.add(row.iro)

	def hours_of(self) -> dict[str, float]:
		"""Each listed IRO's contracted hours a week."""
		return {row.iro: row.hours_a_week for row in self.iro_hours}

	def validate_caseload_range(self) -> None:
		if self.caseload_minimum > self.caseload_maximum:
			frappe.throw(
				_("Caseload Minimum ({0}) cannot be greater than Caseload Maximum ({1}).").format(
					self.caseload_minimum, self.caseload_maximum
				),
				title=_("Invalid caseload range"),
			)

	def validate_closure_days(self) -> None:
		first_row_by_date = {}
		for row in self.closure_days:
			if row.closure_date in first_row_by_date:
				frappe.throw(
					_("Closure day {0} is listed twice, in rows {1} and {2}.").format(
						frappe.format(row.closure_date, "Date"), first_row_by_date[row.closure_date], row.idx
					),
					title=_("Duplicate closure day"),
				)
			first_row_by_date[row.closure_date] = row.idx

	def validate_dispute_stages(self) -> None:
		if not self.dispute_stages:
			frappe.throw(_("List at least one dispute resolution stage."), title=_("Missing dispute stages"))
		first_row_by_stage = {}
		for row in self.dispute_stages:
			if (row.response_working_days or 0) < 0:
				frappe.throw(
					_("Row {0}: the response timescale of stage {1} cannot be negative.").format(
						row.idx, row.stage
					),
					title=_("Invalid dispute stage"),
				)
			if row.stage in first_row_by_stage:
				frappe.throw(
					_("Dispute stage {0} is listed twice, in rows {1} and {2}.").format(
						row.stage, first_row_by_stage[row.stage], row.idx
					),
					title=_("Duplicate dispute stage"),
				)
			first_row_by_stage[row.stage] = row.idx
			if row.level not in DISPUTE_LEVELS:
				frappe.throw(
					_("Row {0}: the level of stage {1} must be one of {2}.").format(
						row.idx, row.stage, ", ".join(_(level) for level in DISPUTE_LEVELS)
					),
					title=_("Invalid dispute stage"),
				)
		if stage := first_stage_below_its_predecessor(self.configured_dispute_stages()):
			frappe.throw(
				_(
					"Dispute stage {0} cannot come after a stage of a higher level: disputes escalate from informal to formal stages and then to a referral."
				).format(stage.name),
				title=_("Invalid dispute stage"),
			)
		if before := self.get_doc_before_save():
			refuse_removing_reached_stages(before.dispute_stages, self.dispute_stages)

	def validate_education(self) -> None:
		if (self.pep_minimum_age or 0) > (self.pep_maximum_age or 0):
			frappe.throw(
				_("{0} cannot be more than {1}.").format(
					_(self.meta.get_label("pep_minimum_age")), _(self.meta.get_label("pep_maximum_age"))
				),
				title=_("Invalid PEP ages"),
			)
		for row in self.school_terms:
			if row.start_date and row.end_date and getdate(row.end_date) < getdate(row.start_date):
				frappe.throw(
					_("School term row {0} ends before it starts.").format(row.idx),
					title=_("Invalid school term"),
				)

	def on_update(self) -> None:
		if (
			self.has_value_changed("pep_minimum_age")
			or self.has_value_changed("pep_maximum_age")
			or (
				self.get_doc_before_save()
				and [(r.start_date, r.end_date) for r in self.get_doc_before_save().school_terms]
				!= [(r.start_date, r.end_date) for r in self.school_terms]
			)
		):
			frappe.enqueue(
				"iro_standards.tasks.refresh_pep_due_dates", queue="long", enqueue_after_commit=True
			)
		self.move_open_deadlines_to_a_new_calendar()
		for state in (*(row.stage for row in self.dispute_stages), "Resolved", "Withdrawn"):
			ensure_workflow_state(state)
		self.keep_disputes_in_step()
		if self.get_doc_before_save() and self.has_value_changed("jurisdiction"):
			follow_jurisdiction(self.jurisdiction)

	def move_open_deadlines_to_a_new_calendar(self) -> None:
		"""New closure days, jurisdiction or timescales move the deadlines of every open record."""
		before = self.get_doc_before_save()
		if not before or working_rules(before) == working_rules(self):
			return
		frappe.enqueue(
			"iro_standards.tasks.recompute_open_deadlines", queue="long", enqueue_after_commit=True
		)
		frappe.msgprint(
			_(
				"The deadlines of open reviews, progress reviews, disputes and conferences are being recomputed. The decisions and record distribution dates of reviews already held keep the dates set when they were held."
			),
			alert=True,
			indicator="blue",
		)

	def keep_disputes_in_step(self) -> None:
		before = self.get_doc_before_save()
		if not before:
			return
		renames = stage_renames(before.dispute_stages, self.dispute_stages)
		rename_stages_on_disputes(renames)
		stages = [row.stage for row in self.dispute_stages]
		if renames or stages != [row.stage for row in before.dispute_stages]:
			keep_dispute_workflow_in_step([row.stage for row in before.dispute_stages], stages, renames)

	def to_timescales(self) -> Timescales:
		durations = {fieldname: self.get(fieldname) for fieldname in duration_field_names()}
		return Timescales(
			jurisdiction=self.jurisdiction_code(),
			dispute_stages=self.configured_dispute_stages()
			or default_dispute_stages(self.jurisdiction_code()),
			**durations,
		)

	def configured_dispute_stages(self) -> tuple[DisputeStage, ...]:
		return tuple(
			DisputeStage(row.stage, row.addressed_to or "", row.response_working_days or None, row.level)
			for row in self.dispute_stages
		)

	def to_calendar(self) -> WorkingCalendar:
		closures = frozenset(frappe.utils.getdate(row.closure_date) for row in self.closure_days)
		return cached_calendar(self.jurisdiction_code(), closures)

	def jurisdiction_code(self) -> str:
		return (self.jurisdiction or "England").lower()


def get_site_timescales() -> Timescales:
	"""The timescales this site has configured, for controllers, reports and the scheduler."""
	return frappe.get_cached_doc(SETTINGS).to_timescales()


def in_wales() -> bool:
	"""Whether the site works under Welsh law and the Welsh Language Standards."""
	return frappe.get_cached_doc(SETTINGS).jurisdiction == "Wales"


def get_site_calendar() -> WorkingCalendar:
	"""The working calendar of this site's jurisdiction with its local closure days."""
	return frappe.get_cached_doc(SETTINGS).to_calendar()


def pep_rules() -> tuple[list[SchoolTerm], PepAges]:
	"""The school terms and the PEP ages of this site."""
	settings = frappe.get_cached_doc(SETTINGS)
	terms = [SchoolTerm(getdate(row.start_date), getdate(row.end_date)) for row in settings.school_terms]
	minimum = PEP_MINIMUM_AGE if settings.pep_minimum_age is None else settings.pep_minimum_age
	maximum = PEP_MAXIMUM_AGE if settings.pep_maximum_age is None else settings.pep_maximum_age
	return terms, PepAges(minimum, maximum)


def working_rules(settings: IROStandardsSettings) -> tuple:
	"""What every deadline is computed from: the working days and the timescales."""
	calendar = settings.to_calendar()
	return (
		calendar.jurisdiction,
		calendar.extra_closures,
		settings.to_timescales(),
		bool(settings.practice_deadlines_on_working_days),
	)


def on_a_working_day_if_the_site_asks(day: date | None) -> date | None:
	"""A practice deadline counted in calendar days, brought back to the working day before when it
	falls on a day nobody works and the site counts such deadlines on working days."""
	settings = frappe.get_cached_doc(SETTINGS)
	if not day or not settings.practice_deadlines_on_working_days:
		return day
	return settings.to_calendar().working_day_on_or_before(day)


def engine_kwargs() -> dict:
	"""``calendar=`` and ``timescales=`` for any engine function, from this site's settings."""
	settings = frappe.get_cached_doc(SETTINGS)
	return {"calendar": settings.to_calendar(), "timescales": settings.to_timescales()}


@frappe.whitelist()
def get_timescales() -> dict:
	"""The engine's Timescales for this site, for forms and integrations."""
	frappe.has_permission(SETTINGS, "read", throw=True)
	return asdict(get_site_timescales())


def add_default_dispute_stages() -> None:
	"""Fill the dispute stages from the brief on a site that has none; never touch existing rows."""
	settings = frappe.get_single(SETTINGS)
	if settings.dispute_stages:
		return
	for stage in default_dispute_stages(settings.jurisdiction_code()):
		settings.append(
			"dispute_stages",
			{
				"stage": stage.name,
				"addressed_to": stage.addressed_to,
				"response_working_days": stage.response_working_days or 0,
				"level": stage.level,
			},
		)
	settings.save(ignore_permissions=True)
