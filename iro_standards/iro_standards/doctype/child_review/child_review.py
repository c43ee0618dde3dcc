# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

from datetime import date

import frappe
from frappe import _
from frappe.model.workflow import get_transitions
from frappe.utils import formatdate, getdate

from iro_standards.iro_standards.care_leavers import is_eligible_on
from iro_standards.iro_standards.case_record import CaseRecord
from iro_standards.iro_standards.conditions import holds_for
from iro_standards.iro_standards.cycle import check_one_open_record, refuse_second_open_record, schedule_child
from iro_standards.iro_standards.doctype.iro_letter.iro_letter import letter_after_review
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	engine_kwargs,
	in_wales,
	on_a_working_day_if_the_site_asks,
)
from iro_standards.iro_standards.doctype.looked_after_child.looked_after_child import refresh_child_timescales
from iro_standards.iro_standards.doctype.practice_standard.practice_standard import (
	add_standards_checklist,
	check_standards_checklist,
)
from iro_standards.iro_standards.regimes import review_history
from iro_standards.iro_standards.validation import (
	date_of,
	field_label,
	refuse_date_before,
	refuse_dates_outside_the_calendar,
	refuse_future_dates,
	require_fields,
)
from iro_standards.iro_standards.workflow.states import (
	OPEN_REVIEW_STATES,
	TM_RESPONSES,
	workflow_is_active,
)
from iro_standards.standards import (
	PARTICIPATION_CODES,
	ReviewKind,
	adjournment_limit,
	age_in_years,
	care_plan_update_due,
	child_contact_due,
	consultation_due,
	decisions_due,
	informal_resolution_due,
	invitations_due,
	meeting_needs_translation,
	next_review_due,
	participation_code_fits_age,
	private_conversation_window,
	record_distribution_due,
	sw_report_due,
	timeliness,
	tm_response_due,
)
from iro_standards.standards.compliance import UNDER_FOUR_CODE
from iro_standards.standards.conditions import (
	CARE_PLAN_UPDATE_OVERDUE,
	INFORMAL_RESOLUTION_OVERDUE,
	REVIEW_OVERDUE,
)


def asked_at_every_review() -> dict[str, int]:
	"""What the site asks every review to record (IRO Standards Settings, each settable off)."""
	settings = frappe.get_cached_doc("IRO Standards Settings")
	return {
		"care_plan_rag": settings.require_rag_rating,
		"not_spoken_privately_reason": settings.require_private_conversation,
		"knows_how_to_contact_iro": settings.require_knows_how_to_contact_iro,
	}


def recorded_at_this_review(review, asked: dict[str, int]) -> list[str]:
	"""The fields a review must fill before it is recorded as held: a child under 4 is not asked
	about a private conversation or contacting their IRO, and a child spoken to privately needs no
	reason why not."""
	skipped = {"not_spoken_privately_reason"} if review.spoken_to_privately else set()
	if review.participation_code == UNDER_FOUR_CODE:
		skipped |= {"not_spoken_privately_reason", "knows_how_to_contact_iro"}
	return [fieldname for fieldname, on in asked.items() if on and fieldname not in skipped]


RECEIVED_FIELDS = (
	"sw_report_received_on",
	"care_plan_received_on",
	"pep_received_on",
	"health_plan_received_on",
	"consultation_docs_received_on",
)
AFTER_REVIEW_FIELDS = (
	"decisions_recorded_on",
	"sent_to_tm_on",
	"tm_response_on",
	"record_distributed_on",
	"care_plan_updated_on",
	"informal_resolution_on",
)
STATUS_DATES = (
	("Record Distributed", "record_distributed_on"),
	("With Team Manager", "sent_to_tm_on"),
	("Decisions Recorded", "decisions_recorded_on"),
)
CANCELLED_FOR_CORRECTION = "Cancelled for Correction"
TEAM_MANAGER_FIELDS = frozenset({"status", "tm_response", "tm_response_on", "tm_comments"})
RECORDING_ROLES = frozenset({"IRO", "IRO Manager", "Safeguarding Admin", "System Manager"})


class ChildReview(CaseRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from iro_standards.iro_standards.doctype.practice_standard_check.practice_standard_check import (
			PracticeStandardCheck,
		)
		from iro_standards.iro_standards.doctype.review_attendee.review_attendee import ReviewAttendee
		from iro_standards.iro_standards.doctype.review_recommendation.review_recommendation import (
			ReviewRecommendation,
		)

		adjourned_on: DF.Date | None
		adjournment_limit: DF.Date | None
		adjournment_reason: DF.SmallText | None
		advocate_arranged: DF.Check
		age_at_review: DF.Int
		allocated_iro: DF.Link | None
		amended_from: DF.Link | None
		attendees: DF.Table[ReviewAttendee]
		brought_forward: DF.Check
		cancellation_reason: DF.SmallText | None
		brought_forward_reason: DF.Literal[
			"", "Significant Change or Event", "Placement Change", "IRO Direction", "Child's Request", "Other"
		]
		care_plan_rag: DF.Literal["", "Red", "Amber", "Green"]
		care_plan_received_on: DF.Date | None
		care_plan_update_due: DF.Date | None
		care_plan_update_overdue: DF.Check
		care_plan_updated_on: DF.Date | None
		case_number: DF.Data | None
		chair: DF.Link | None
		child: DF.Link
		child_chaired: DF.Check
		child_contact_due: DF.Date | None
		child_name: DF.Data | None
		consultation_docs_received_on: DF.Date | None
		consultation_due: DF.Date | None
		consultation_held_on: DF.Date | None
		counted_as: DF.Literal["First", "Second", "Subsequent"]
		consulted_about_chairing: DF.Check
		decisions_due: DF.Date | None
		decisions_recorded_on: DF.Date | None
		dissent: DF.SmallText | None
		episode: DF.Link | None
		health_plan_received_on: DF.Date | None
		held_date: DF.Date | None
		held_in_timescale: DF.Check
		informal_resolution_due: DF.Date | None
		informal_resolution_on: DF.Date | None
		informal_resolution_outcome: DF.Literal["", "Resolved", "Not Resolved"]
		informal_resolution_overdue: DF.Check
		interpreter_arranged: DF.Check
		invitations_due: DF.Date | None
		invitations_sent_on: DF.Date | None
		late_reason: DF.SmallText | None
		minute_taker: DF.Data | None
		naming_series: DF.Literal["REV-.YYYY.-.#####"]
		next_review_date: DF.Date | None
		next_review_limit: DF.Date | None
		open_for_child: DF.Data | None
		overdue: DF.Check
		participation_code: DF.Literal["", "PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]
		pep_received_on: DF.Date | None
		permanence_plan_ratified: DF.Literal["", "Yes", "No"]
		planned_date: DF.Date
		preferred_venue: DF.Data | None
		previous_review: DF.Link | None
		rag_narrative: DF.Text | None
		recommendations: DF.Table[ReviewRecommendation]
		reconvene_date: DF.Date | None
		record_distributed_on: DF.Date | None
		record_distribution_due: DF.Date | None
		review_kind: DF.Literal["First", "Second", "Subsequent", "Brought Forward"]
		sent_to_tm_on: DF.Date | None
		social_worker: DF.Link | None
		spoken_to_privately: DF.Check
		standards: DF.Table[PracticeStandardCheck]
		status: DF.Literal[
			"Planned",
			"Adjourned",
			"Cancelled",
			"Held",
			"Decisions Recorded",
			"With Team Manager",
			"Agreed",
			"Deemed Agreed",
			"Disagreed",
			"Record Distributed",
			"Cancelled for Correction",
		]
		statutory_due: DF.Date | None
		sw_report_due: DF.Date | None
		sw_report_in_time: DF.Check
		sw_report_received_on: DF.Date | None
		sw_report_tm_comments: DF.Check
		team: DF.Data | None
		team_manager: DF.Link | None
		tm_comments: DF.SmallText | None
		tm_response: DF.Literal["", "Agreed", "Disagreed", "Deemed Agreed"]
		tm_response_due: DF.Date | None
		tm_response_on: DF.Date | None
		venue: DF.Data | None
		working_days_late: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		self.restrict_team_manager()
		if self.held_date and not self.chair:
			self.chair = self.allocated_iro
		refuse_future_dates(
			self,
			"held_date",
			"adjourned_on",
			"invitations_sent_on",
			"consultation_held_on",
			*RECEIVED_FIELDS,
			*AFTER_REVIEW_FIELDS,
		)
		refuse_dates_outside_the_calendar(
			self, "planned_date", "held_date", "adjourned_on", "reconvene_date", "sent_to_tm_on"
		)
		self.set_episode()
		self.set_statutory_timescales()
		self.set_preparation_deadlines()
		self.check_adjournment()
		self.check_participation()
		self.check_attendees()
		self.check_recommendations()
		self.set_next_review_limit()
		self.set_recording_deadlines()
		self.check_after_review_dates()
		self.derive_spoken_to_privately()
		self.flag_translation_need()
		self.set_care_leaver()
		add_standards_checklist(self, "applies_to_review")
		check_standards_checklist(self)
		self.follow_status()
		self.set_open_for_child()
		check_one_open_record(self)
		self.warn_of_another_review_that_day()
		self.warn_of_a_meeting_date_out_of_time()
		self.warn_of_an_agreed_date_nobody_works()

	def onload(self) -> None:
		self.set_onload("asked_at_every_review", asked_at_every_review())

	def before_submit(self) -> None:
		require_fields(self, "held_date", "participation_code", "chair", "next_review_date")
		self.remind_of_the_active_offer()
		if not self.held_in_timescale and not (self.late_reason or "").strip():
			frappe.throw(
				_(
					"The review was held {0} working days after its statutory date. Record the reason in {1}."
				).format(self.working_days_late, field_label(self, "late_reason")),
				title=_("Late review"),
			)
		if self.statutory_kind() == ReviewKind.SECOND and not self.permanence_plan_ratified:
			frappe.throw(
				_("Record whether the permanence plan was ratified: it is required at the second review."),
				title=_("Permanence plan"),
			)
		if not frappe.flags.in_import:
			require_fields(self, *recorded_at_this_review(self, asked_at_every_review()))

	def on_update(self) -> None:
		if self.status == "Cancelled" and self.has_value_changed("status"):
			schedule_child(self.child)

	def on_submit(self) -> None:
		refresh_child_timescales(self.child)
		schedule_child(self.child)
		letter_after_review(self)

	def on_cancel(self) -> None:
		self.db_set("status", CANCELLED_FOR_CORRECTION)
		refresh_child_timescales(self.child)
		schedule_child(self.child)

	def show_unique_validation_message(self, e) -> None:
		if "open_for_child" in str(e):
			refuse_second_open_record(self)
		super().show_unique_validation_message(e)

	def before_update_after_submit(self) -> None:
		self.restrict_team_manager()
		refuse_dates_outside_the_calendar(self, "sent_to_tm_on")
		self.follow_status()
		refuse_future_dates(self, *AFTER_REVIEW_FIELDS)
		self.check_recommendations()
		self.check_after_review_dates()
		check_standards_checklist(self)

	def restrict_team_manager(self) -> None:
		"""A team manager responds to the decisions of a held review and changes nothing else."""
		user = frappe.session.user
		roles = set(frappe.get_roles(user))
		if user == "Administrator" or "Team Manager" not in roles or roles & RECORDING_ROLES:
			return
		before = self.get_doc_before_save()
		if not before or before.docstatus != 1:
			frappe.throw(
				_("A team manager responds to the decisions once the review is held."), frappe.PermissionError
			)
		changed = [
			field_label(self, df.fieldname)
			for df in self.meta.fields
			if df.fieldname not in TEAM_MANAGER_FIELDS
			and df.fieldtype in frappe.model.data_fieldtypes
			and self.cast(self.get(df.fieldname), df) != before.cast(before.get(df.fieldname), df)
		]
		if changed:
			frappe.throw(
				_("A team manager can only respond to the decisions, not change {0}.").format(
					", ".join(changed)
				),
				frappe.PermissionError,
			)

	def review_date(self) -> date:
		return date_of(self, "held_date") or date_of(self, "reconvene_date") or getdate(self.planned_date)

	def set_episode(self) -> None:
		on = self.review_date()
		episodes = [
			episode
			for episode in frappe.get_all(
				"Care Episode",
				filters={"child": self.child, "start_date": ("<=", on)},
				fields=["name", "start_date", "end_date"],
				order_by="start_date desc",
			)
			if not episode.end_date or getdate(episode.end_date) >= on
		]
		if not episodes:
			frappe.throw(
				_("Child {0} was not looked after on {1}. Record the care episode before the review.").format(
					self.child, formatdate(on)
				),
				title=_("Not looked after"),
			)
		self.episode = episodes[0].name
		self._episode_start = getdate(episodes[0].start_date)
		for fieldname in ("planned_date", "held_date"):
			refuse_date_before(
				self, fieldname, self._episode_start, _("the date the child became looked after")
			)

	def earlier_held_reviews(self) -> list[date]:
		held = frappe.get_all(
			"Child Review",
			filters={
				"episode": self.episode,
				"docstatus": 1,
				"name": ("not in", (self.name, self.amended_from or "")),
				"held_date": ("<", self.review_date()),
			},
			pluck="held_date",
		)
		return [getdate(d) for d in held]

	def latest_held_review_before(self) -> str | None:
		"""For a review still to be held, the episode's last held review; else the one before it."""
		filters = {
			"episode": self.episode,
			"docstatus": 1,
			"name": ("not in", (self.name, self.amended_from or "")),
		}
		if self.held_date:
			filters["held_date"] = ("<", self.held_date)
		latest = frappe.get_all(
			"Child Review", filters=filters, fields=["name"], order_by="held_date desc", limit=1
		)
		return latest[0].name if latest else None

	def remind_of_the_active_offer(self) -> None:
		"""In Wales, the first review is the latest point at which Welsh should have been offered."""
		if self.review_kind != "First" or not in_wales():
			return
		if not frappe.db.get_value("Looked After Child", self.child, "welsh_offered"):
			frappe.msgprint(
				_(
					"The Active Offer is not recorded for this child: offer the service in Welsh and record it on the child."
				),
				title=_("Active Offer"),
				indicator="orange",
			)

	def warn_of_another_review_that_day(self) -> None:
		"""The IRO may chair two reviews on a day, but a clash is usually a mistake: say so (naming
		only the reviews the user may see)."""
		if self.docstatus or not self.allocated_iro or not self.has_value_changed("planned_date"):
			return
		others = frappe.get_list(
			"Child Review",
			filters={
				"allocated_iro": self.allocated_iro,
				"planned_date": self.planned_date,
				"docstatus": 0,
				"status": ("in", OPEN_REVIEW_STATES),
				"name": ("!=", self.name or ""),
			},
			pluck="case_number",
		)
		if others:
			frappe.msgprint(
				_("The IRO already has a review planned on {0}: {1}.").format(
					formatdate(self.planned_date), ", ".join(others)
				),
				title=_("Same day"),
				indicator="orange",
			)

	def warn_of_a_meeting_date_out_of_time(self) -> None:
		"""A review planned after its statutory date, or on a day the service is closed, is usually
		a mistake: say so when the date is set."""
		if self.docstatus or self.held_date:
			return
		fieldname = "reconvene_date" if self.reconvene_date else "planned_date"
		if not self.has_value_changed(fieldname):
			return
		meeting = getdate(self.get(fieldname))
		if meeting > getdate(self.statutory_due):
			frappe.msgprint(
				_("{0} ({1}) is after the statutory date of {2}: the review will be late.").format(
					field_label(self, fieldname), formatdate(meeting), formatdate(self.statutory_due)
				),
				title=_("Planned late"),
				indicator="red",
			)
		if not engine_kwargs()["calendar"].is_working_day(meeting):
			frappe.msgprint(
				_("{0} ({1}) is not a working day: a weekend, a bank holiday or a closure day.").format(
					field_label(self, fieldname), formatdate(meeting)
				),
				title=_("Not a working day"),
				indicator="orange",
			)

	def warn_of_an_agreed_date_nobody_works(self) -> None:
		"""The next review's date agreed at this one, on a weekend, bank holiday or closure day."""
		agreed = date_of(self, "next_review_date")
		if not agreed or not self.has_value_changed("next_review_date"):
			return
		if not engine_kwargs()["calendar"].is_working_day(agreed):
			frappe.msgprint(
				_("{0} ({1}) is not a working day: a weekend, a bank holiday or a closure day.").format(
					field_label(self, "next_review_date"), formatdate(agreed)
				),
				title=_("Not a working day"),
				indicator="orange",
			)

	def set_open_for_child(self) -> None:
		"""The child's one open planned review: a draft not yet held, planned or adjourned."""
		is_open = self.docstatus == 0 and not self.held_date and self.status in OPEN_REVIEW_STATES
		self.open_for_child = self.child if is_open else None

	def set_care_leaver(self) -> None:
		"""An eligible care leaver's review is asked what the pathway plan needs."""
		on = date_of(self, "held_date") or date_of(self, "planned_date") or getdate()
		born = frappe.db.get_value("Looked After Child", self.child, "date_of_birth")
		self.care_leaver = int(is_eligible_on(self.child, born, on))
		if not self.care_leaver:
			self.pathway_plan_reviewed = 0

	def statutory_kind(self) -> ReviewKind:
		return self._next_review.kind

	def set_statutory_timescales(self) -> None:
		kwargs = engine_kwargs()
		earlier = self.earlier_held_reviews()
		self.previous_review = self.latest_held_review_before()
		history = review_history(self.episode, self._episode_start, earlier)
		self._next_review = next_review_due(history, **kwargs)
		self.review_regime = history.regime.value
		self.statutory_due = self._next_review.due
		self.statutory_due_working_day = kwargs["calendar"].working_day_on_or_before(self.statutory_due)
		self.counted_as = self._next_review.kind.value
		self.review_kind = "Brought Forward" if self.brought_forward else self.counted_as
		if self.brought_forward and not self.brought_forward_reason:
			frappe.throw(_("Record why the review was brought forward."), title=_("Missing information"))
		held = date_of(self, "held_date")
		if held and frappe.db.exists(
			"Child Review",
			{
				"episode": self.episode,
				"docstatus": 1,
				"held_date": held,
				"name": ("!=", self.amended_from or ""),
			},
		):
			frappe.throw(
				_("A review of this child held on {0} is already recorded.").format(formatdate(held)),
				title=_("Duplicate review"),
			)
		self.refuse_holding_before_the_last_held_review(held)
		self.overdue = int(holds_for(REVIEW_OVERDUE, self))
		outcome = timeliness(held, self.statutory_due, **kwargs) if held else None
		self.held_in_timescale = int(bool(outcome and outcome.on_time))
		self.working_days_late = outcome.working_days_late if outcome else 0

	def refuse_holding_before_the_last_held_review(self, held: date | None) -> None:
		"""Reviews are recorded in the order they were held: one held before the episode's last held
		review would silently take its place in the cycle."""
		if not held or self.docstatus:
			return
		later = frappe.get_all(
			"Child Review",
			filters={
				"episode": self.episode,
				"docstatus": 1,
				"held_date": (">", held),
				"name": ("not in", (self.name or "", self.amended_from or "")),
			},
			fields=["held_date"],
			order_by="held_date desc",
			limit=1,
		)
		if later:
			frappe.throw(
				_(
					"{0} ({1}) is before the child's last held review, held on {2}. Record the date this review was held, after {2}."
				).format(field_label(self, "held_date"), formatdate(held), formatdate(later[0].held_date)),
				title=_("Held before the last review"),
			)

	def set_preparation_deadlines(self) -> None:
		kwargs = engine_kwargs()
		meeting = date_of(self, "reconvene_date") or getdate(self.planned_date)
		self.child_contact_due = on_a_working_day_if_the_site_asks(child_contact_due(meeting, **kwargs))
		self.consultation_due = consultation_due(meeting, **kwargs)
		self.invitations_due = invitations_due(meeting, **kwargs)
		self.sw_report_due = sw_report_due(meeting, self.statutory_kind() == ReviewKind.FIRST, **kwargs)
		received = date_of(self, "sw_report_received_on")
		self.sw_report_in_time = int(bool(received and received <= self.sw_report_due))

	def check_adjournment(self) -> None:
		adjourned = date_of(self, "adjourned_on")
		if not adjourned:
			self.adjournment_limit = None
			return
		require_fields(self, "adjournment_reason", "reconvene_date")
		refuse_date_before(self, "adjourned_on", self.planned_date, field_label(self, "planned_date"))
		refuse_date_before(self, "reconvene_date", adjourned, field_label(self, "adjourned_on"))
		self.adjournment_limit = adjournment_limit(adjourned, **engine_kwargs())
		if getdate(self.reconvene_date) > self.adjournment_limit:
			frappe.throw(
				_("A review can be adjourned for at most {0} working days: reconvene by {1}.").format(
					engine_kwargs()["timescales"].max_adjournment_working_days,
					formatdate(self.adjournment_limit),
				),
				title=_("Adjournment too long"),
			)

	def date_of_birth(self) -> date:
		return getdate(frappe.db.get_value("Looked After Child", self.child, "date_of_birth"))

	def check_participation(self) -> None:
		self.age_at_review = age_in_years(self.date_of_birth(), self.review_date())
		if not self.participation_code:
			return
		if self.participation_code not in PARTICIPATION_CODES:
			frappe.throw(
				_("{0} is not a participation code: use PN0 to PN7.").format(self.participation_code),
				title=_("Invalid participation code"),
			)
		if not participation_code_fits_age(self.participation_code, self.date_of_birth(), self.review_date()):
			message = (
				_(
					"PN0 is only for a child under 4 at the review. Choose the code that describes how the child took part."
				)
				if self.participation_code == "PN0"
				else _("The child was under 4 at the review, so the participation code is PN0.")
			)
			frappe.throw(message, title=_("Invalid participation code"))

	def check_attendees(self) -> None:
		for row in self.attendees:
			if row.participation == "Excluded" and not (
				(row.exclusion_reason or "").strip() and (row.alternative_contribution or "").strip()
			):
				frappe.throw(
					_(
						"Attendees row {0}: {1} was excluded. Record the reason and how they contributed instead."
					).format(row.idx, row.attendee_name),
					title=_("Exclusion not recorded"),
				)

	def check_recommendations(self) -> None:
		"""Every recommendation is SMART: what, who and by when."""
		for row in self.recommendations:
			missing = [
				_(row.meta.get_label(fieldname))
				for fieldname in ("action", "responsible", "due_by")
				if not (str(row.get(fieldname) or "")).strip()
			]
			if missing:
				frappe.throw(
					_("Recommendation {0} is not SMART: it needs {1}.").format(row.idx, ", ".join(missing)),
					title=_("Recommendation incomplete"),
				)
			held = date_of(self, "held_date")
			if held and getdate(row.due_by) < held:
				frappe.throw(
					_("Recommendation {0} is due on {1}, before the review was held.").format(
						row.idx, formatdate(row.due_by)
					),
					title=_("Recommendation incomplete"),
				)

	def set_next_review_limit(self) -> None:
		held = date_of(self, "held_date")
		if not held:
			self.next_review_limit = None
			return
		history = review_history(self.episode, self._episode_start, [*self.earlier_held_reviews(), held])
		self.next_review_limit = next_review_due(history, **engine_kwargs()).due
		refuse_date_before(self, "next_review_date", held, field_label(self, "held_date"))
		agreed = date_of(self, "next_review_date")
		self.refuse_a_next_review_already_past(agreed)
		if agreed and agreed > self.next_review_limit:
			frappe.throw(
				_(
					"The next review date {0} is after the statutory limit of {1}. Choose a date on or before it."
				).format(formatdate(agreed), formatdate(self.next_review_limit)),
				title=_("Next review too late"),
			)

	def refuse_a_next_review_already_past(self, agreed: date | None) -> None:
		"""A next review date that has passed is refused while a date from today is still in
		timescale; a review recorded after its successor's limit has no such date, and is told so."""
		today = getdate()
		if not agreed or agreed >= today or self.docstatus or not self.has_value_changed("next_review_date"):
			return
		if self.next_review_limit >= today:
			frappe.throw(
				_("{0} ({1}) has passed. Choose a date from today to {2}.").format(
					field_label(self, "next_review_date"),
					formatdate(agreed),
					formatdate(self.next_review_limit),
				),
				title=_("Next review in the past"),
			)
		frappe.msgprint(
			_("The next review was due by {0}, which has passed: it will be overdue from the start.").format(
				formatdate(self.next_review_limit)
			),
			title=_("Next review overdue"),
			indicator="orange",
		)

	def set_recording_deadlines(self) -> None:
		"""Fixed when the review is held: a held review cannot change its held date."""
		held = date_of(self, "held_date")
		kwargs = engine_kwargs()
		self.decisions_due = (
			on_a_working_day_if_the_site_asks(decisions_due(held, **kwargs)) if held else None
		)
		self.record_distribution_due = record_distribution_due(held, **kwargs) if held else None

	def check_after_review_dates(self) -> None:
		held = date_of(self, "held_date")
		if not held:
			for fieldname in AFTER_REVIEW_FIELDS:
				if self.get(fieldname):
					frappe.throw(
						_("{0} can only be recorded once the review is held.").format(
							field_label(self, fieldname)
						),
						title=_("Review not held"),
					)
			return
		for fieldname in ("decisions_recorded_on", "sent_to_tm_on", "record_distributed_on"):
			refuse_date_before(self, fieldname, held, field_label(self, "held_date"))
		sent = date_of(self, "sent_to_tm_on")
		self.tm_response_due = tm_response_due(sent, **engine_kwargs()) if sent else None
		if self.tm_response and not sent:
			frappe.throw(
				_("Record when the decisions were sent to the team manager before their response."),
				title=_("Missing information"),
			)
		refuse_date_before(self, "tm_response_on", sent, field_label(self, "sent_to_tm_on"))
		self.set_informal_resolution_due()
		if not workflow_is_active(self.doctype):
			self.settle_a_resolved_disagreement()
		self.set_care_plan_update_due()

	def set_informal_resolution_due(self) -> None:
		"""A disagreement is resolved informally within 5 working days, its outcome recorded; the
		deadline stays when the decisions are sent back to the team manager."""
		disagreed = date_of(self, "tm_response_on") if self.tm_response == "Disagreed" else None
		if disagreed:
			self.informal_resolution_due = informal_resolution_due(disagreed, **engine_kwargs())
		if self.informal_resolution_on and not self.informal_resolution_due:
			frappe.throw(
				_("{0} can only be recorded once the team manager has disagreed.").format(
					field_label(self, "informal_resolution_on")
				),
				title=_("Missing information"),
			)
		if self.informal_resolution_on:
			require_fields(self, "informal_resolution_outcome")
		refuse_date_before(self, "informal_resolution_on", disagreed, _("the team manager's disagreement"))
		self.informal_resolution_overdue = int(holds_for(INFORMAL_RESOLUTION_OVERDUE, self))

	def set_care_plan_update_due(self) -> None:
		"""The care plan is updated within 10 working days of the team manager's agreement; a
		deemed agreement counts from the last day they had to respond."""
		agreed = {
			"Agreed": date_of(self, "tm_response_on"),
			"Deemed Agreed": date_of(self, "tm_response_due"),
		}
		agreed_on = agreed.get(self.tm_response)
		if self.care_plan_updated_on and not agreed_on:
			frappe.throw(
				_("{0} can only be recorded once the team manager has agreed the decisions.").format(
					field_label(self, "care_plan_updated_on")
				),
				title=_("Missing information"),
			)
		refuse_date_before(self, "care_plan_updated_on", agreed_on, _("the team manager's agreement"))
		self.care_plan_update_due = care_plan_update_due(agreed_on, **engine_kwargs()) if agreed_on else None
		self.care_plan_update_overdue = int(holds_for(CARE_PLAN_UPDATE_OVERDUE, self))

	def flag_translation_need(self) -> None:
		"""An interpreter or translation the meeting needs, from the child and the attendees; a
		planned review says so until one is arranged."""
		child_needs_one = bool(frappe.db.get_value("Looked After Child", self.child, "interpreter_needed"))
		self.translation_needed = int(
			meeting_needs_translation(
				[row.language_of_choice for row in self.attendees],
				child_needs_one or any(row.needs_interpreter for row in self.attendees),
			)
		)
		if self.translation_needed and not self.interpreter_arranged and self.docstatus == 0:
			frappe.msgprint(
				_(
					"Someone at this review needs an interpreter or translation: arrange it and tick {0}."
				).format(_(self.meta.get_label("interpreter_arranged"))),
				title=_("Interpreter or translation needed"),
				indicator="orange",
			)

	def derive_spoken_to_privately(self) -> None:
		if self.spoken_to_privately:
			return
		self.spoken_to_privately = int(
			bool(
				frappe.db.exists(
					"IRO Contact",
					{
						"child": self.child,
						"spoken_to_privately": 1,
						"contact_date": ("between", self.private_conversation_window()),
					},
				)
			)
		)

	def private_conversation_window(self) -> tuple[date, date]:
		return private_conversation_window(
			self._episode_start, self.earlier_held_reviews(), self.review_date()
		)

	def follow_status(self) -> None:
		"""With a workflow, its state stamps the dates it implies; without one, the dates set the status."""
		if workflow_is_active(self.doctype):
			self.move_on_from_a_resolved_disagreement()
			self.stamp_dates_for_status()
		else:
			self.settle_a_resolved_disagreement()
			self.status = self.status_from_dates()

	def settle_a_resolved_disagreement(self) -> None:
		"""A disagreement resolved informally ends in agreement on the day it was resolved: the care
		plan update and the record's distribution are owed from then."""
		if self.tm_response == "Disagreed" and self.disagreement_resolved():
			refuse_date_before(
				self, "informal_resolution_on", self.tm_response_on, _("the team manager's disagreement")
			)
			self.tm_response = "Agreed"
			self.tm_response_on = self.informal_resolution_on

	def disagreement_resolved(self) -> bool:
		return bool(self.informal_resolution_on) and self.informal_resolution_outcome == "Resolved"

	def refuse_agreement_before_resolution(self) -> None:
		if not self.disagreement_resolved():
			frappe.throw(
				_("Record {0} and {1} as Resolved before the review moves on to Agreed.").format(
					field_label(self, "informal_resolution_on"),
					field_label(self, "informal_resolution_outcome"),
				),
				title=_("Disagreement not resolved"),
			)

	def move_on_from_a_resolved_disagreement(self) -> None:
		"""With a workflow, a resolved disagreement takes the site's transition to Agreed on save,
		where the workflow has one the user may take."""
		if self.status != "Disagreed" or not self.disagreement_resolved():
			return
		if any(t.next_state == "Agreed" for t in get_transitions(self)):
			self.status = "Agreed"

	def stamp_dates_for_status(self) -> None:
		today = getdate()
		if self.status == "Agreed" and self.tm_response == "Disagreed":
			self.refuse_agreement_before_resolution()
			self.settle_a_resolved_disagreement()
		if self.status == "With Team Manager" and self.tm_response == "Disagreed":
			self.update({"tm_response": None, "tm_response_on": None, "sent_to_tm_on": today})
		for status, fieldname in STATUS_DATES:
			if self.status == status and not self.get(fieldname):
				self.set(fieldname, today)
		if self.status in TM_RESPONSES and self.tm_response != self.status:
			self.tm_response = self.status
			self.tm_response_on = None if self.status == "Deemed Agreed" else today

	def status_from_dates(self) -> str:
		if self.docstatus == 2:
			return CANCELLED_FOR_CORRECTION
		if self.docstatus == 1:
			for status, fieldname in STATUS_DATES:
				if fieldname == "sent_to_tm_on" and self.tm_response:
					return self.tm_response
				if self.get(fieldname):
					return status
			return "Held"
		if self.held_date:
			return "Held"
		return "Adjourned" if self.adjourned_on else "Planned"


REPORTING_INDEXES = {
	"held_reviews_by_iro_and_kind": [
		"held_date",
		"docstatus",
		"chair",
		"team",
		"review_kind",
		"counted_as",
		"held_in_timescale",
		"permanence_plan_ratified",
	],
	"held_reviews_by_child_and_rag": ["held_date", "docstatus", "child", "care_plan_rag", "case_number"],
	"held_reviews_participation": [
		"held_date",
		"docstatus",
		"participation_code",
		"age_at_review",
		"child_chaired",
		"spoken_to_privately",
	],
	"held_reviews_decisions": [
		"held_date",
		"docstatus",
		"chair",
		"tm_response",
		"decisions_due",
		"decisions_recorded_on",
		"record_distribution_due",
		"record_distributed_on",
	],
	"docstatus_statutory_due_index": ["docstatus", "statutory_due"],
}


def on_doctype_update() -> None:
	"""Reports read held reviews by date from indexes that hold every column they group by
	(a quarter's reviews without reading their rows); the daily job reads open reviews by due date."""
	for index_name, fields in REPORTING_INDEXES.items():
		frappe.db.add_index("Child Review", fields, index_name)
