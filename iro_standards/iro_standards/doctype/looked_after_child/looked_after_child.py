# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

from datetime import date

import frappe
from frappe import _
from frappe.utils import add_days, getdate, nowdate

from iro_standards.guards import forget_followers_without_access
from iro_standards.iro_standards.care_leavers import care_leaver_values
from iro_standards.iro_standards.case_record import CaseRecord
from iro_standards.iro_standards.doctype.iro_letter.iro_letter import letter_on_allocation
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	engine_kwargs,
	pep_rules,
)
from iro_standards.iro_standards.doctype.significant_change.significant_change import (
	record_significant_change,
)
from iro_standards.iro_standards.people import holds_role, refuse_people_without_the_role
from iro_standards.iro_standards.regimes import review_history
from iro_standards.iro_standards.ssda903 import (
	child_of,
	fill_codes_from_plain_values,
	refuse_what_the_return_would_refuse,
)
from iro_standards.iro_standards.validation import (
	refuse_date_before,
	refuse_dates_outside_the_calendar,
	refuse_future_dates,
)
from iro_standards.iro_standards.workflow.states import FINISHED_STATES
from iro_standards.permissions import may_access_child
from iro_standards.standards import allocation_deadline, child_timescales, looked_after_notification_due
from iro_standards.standards.education import next_pep_due
from iro_standards.standards.ssda903 import ETHNICITY, header_problems


class LookedAfterChild(CaseRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from iro_standards.iro_standards.doctype.iro_allocation_period.iro_allocation_period import (
			IROAllocationPeriod,
		)
		from iro_standards.iro_standards.doctype.pep_meeting.pep_meeting import PEPMeeting

		advocate_offered: DF.Check
		advocate_taken_up: DF.Check
		allocated_in_time: DF.Check
		allocated_iro: DF.Link | None
		became_looked_after: DF.Date | None
		cafcass_guardian_contact: DF.Data | None
		cafcass_guardian_name: DF.Data | None
		case_number: DF.Data
		communication_needs: DF.SmallText | None
		current_episode: DF.Link | None
		current_rag: DF.Literal["", "Red", "Amber", "Green"]
		date_of_birth: DF.Date
		different_iro_reason: DF.SmallText | None
		ethnicity: DF.Data | None
		first_name: DF.Data
		full_name: DF.Data | None
		gender: DF.Link | None
		interpreter_language: DF.Data | None
		interpreter_needed: DF.Check
		iro_allocated_on: DF.Date | None
		iro_allocations: DF.Table[IROAllocationPeriod]
		iro_allocation_due: DF.Date | None
		iro_notified_on: DF.Date | None
		knows_iro: DF.Check
		knows_iro_confirmed_on: DF.Date | None
		last_name: DF.Data
		last_review_held: DF.Date | None
		naming_series: DF.Literal["CHILD-.#####"]
		next_review_due: DF.Date | None
		next_review_kind: DF.Data | None
		pep_due: DF.Date | None
		permanence_plan_ratified: DF.Literal["", "Yes", "No"]
		permanence_ratified_on: DF.Date | None
		peps: DF.Table[PEPMeeting]
		preferred_language: DF.Literal["English", "Welsh"]
		preferred_name: DF.Data | None
		proceedings_live: DF.Check
		progress_review_due: DF.Date | None
		sibling_group: DF.Data | None
		social_worker: DF.Link | None
		status: DF.Literal["Not Yet Looked After", "Looked After", "Ceased"]
		team: DF.Data | None
		team_manager: DF.Link | None
		welsh_offered: DF.Check
		welsh_offered_by: DF.Link | None
		welsh_offered_on: DF.Date | None
	# end: auto-generated types

	def onload(self) -> None:
		record_the_view(self)

	def validate(self) -> None:
		self.set_full_name()
		refuse_dates_outside_the_calendar(self, "iro_notified_on")
		refuse_future_dates(
			self, "date_of_birth", "iro_notified_on", "iro_allocated_on", "knows_iro_confirmed_on"
		)
		refuse_date_before(
			self, "iro_allocated_on", self.iro_notified_on, _("the date the service was notified")
		)
		self.set_allocation_timeliness()
		self.record_the_allocation_history()
		self.record_the_active_offer()
		refuse_people_without_the_role(self)
		self.check_sibling_allocation()
		self.check_parent_and_child_allocation()
		self.warn_of_an_iro_who_does_not_work_in_welsh()
		for row in self.peps:
			refuse_future_dates(row, "held_on")
		self.set_pep_due()
		self.set_care_leaver_dates()
		self.code_for_the_return()

	def set_care_leaver_dates(self) -> None:
		refuse_future_dates(self, "pathway_plan_reviewed_on")
		if self.is_new():
			return
		self.update(
			care_leaver_values(self.name, self.date_of_birth, self.pathway_plan_reviewed_on, getdate())
		)

	def code_for_the_return(self) -> None:
		"""The SSDA903 header codes, from the child's own record where they are certain."""
		fill_codes_from_plain_values(self, {"sex_code": ("SEX", "gender")})
		if not self.ethnicity_code and (self.ethnicity or "").strip().upper() in ETHNICITY:
			self.ethnicity_code = self.ethnicity.strip().upper()
		self.upn = (self.upn or "").strip().upper()
		if not (self.sex_code == "F" and self.is_mother):
			self.is_mother, self.mothers_child_born = 0, None
		refuse_what_the_return_would_refuse(header_problems(child_of(self.as_dict(), [], [])))
		before = self.get_doc_before_save()
		if str(self.iro_letter_sent_on or "") != str((before and before.iro_letter_sent_on) or ""):
			frappe.throw(
				_("The date the IRO's letter was sent is set by sending the letter."),
				title=_("Letter not sent"),
			)

	def set_pep_due(self) -> None:
		if self.current_episode and self.became_looked_after:
			episode = frappe._dict(child=self.name, start_date=self.became_looked_after, is_open=1)
			held = [getdate(row.held_on) for row in self.peps if row.held_on]
			self.pep_due = pep_due_for(episode, self.date_of_birth, held)

	def on_update(self) -> None:
		letter_on_allocation(self)
		self.record_a_change_of_social_worker()
		if any(self.has_value_changed(field) for field in ALLOCATED_FIELDS):
			move_open_records_to_the_allocation(self)
			forget_followers_without_access(self.name)

	def record_a_change_of_social_worker(self) -> None:
		"""A new social worker for a looked-after child is a significant change the IRO decides on."""
		before = self.get_doc_before_save()
		if not (before and before.social_worker and self.has_value_changed("social_worker")):
			return
		if self.status != "Looked After":
			return
		record_significant_change(
			self.name,
			"Change of Social Worker",
			getdate(),
			_("{0} takes over from {1}.").format(
				frappe.utils.get_fullname(self.social_worker) if self.social_worker else _("Nobody"),
				frappe.utils.get_fullname(before.social_worker),
			),
		)

	def record_the_allocation_history(self) -> None:
		"""Who held the child's case and when, kept by the app on every change of IRO: the rows as
		stored (a client that sends others is refused), the open row closed the day before the next
		IRO takes over, and the next IRO's row from today (the first IRO's from the day they were
		allocated)."""
		before = self.get_doc_before_save()
		stored = [row.as_dict() for row in before.iro_allocations] if before else []
		if allocation_rows(self.iro_allocations) != allocation_rows(stored):
			frappe.throw(
				_("The allocation history is kept by the app from each change of Allocated IRO."),
				title=_("Not editable"),
			)
		self.set("iro_allocations", stored)
		current = self.iro_allocations[-1] if self.iro_allocations else None
		holder = current.iro if current and not current.allocated_until else None
		if self.allocated_iro == holder:
			return
		starts = getdate(self.iro_allocated_on if self.iro_allocated_on and not current else nowdate())
		if holder:
			current.allocated_until = max(add_days(starts, -1), getdate(current.allocated_from))
		if self.allocated_iro:
			self.append("iro_allocations", {"iro": self.allocated_iro, "allocated_from": starts})

	def record_the_active_offer(self) -> None:
		"""Who offered Welsh and when: the person saving and today unless recorded otherwise."""
		if not self.welsh_offered:
			self.welsh_offered_on = self.welsh_offered_by = None
			return
		self.welsh_offered_on = self.welsh_offered_on or getdate()
		self.welsh_offered_by = self.welsh_offered_by or frappe.session.user
		refuse_future_dates(self, "welsh_offered_on")

	def set_full_name(self) -> None:
		self.full_name = " ".join(part.strip() for part in (self.first_name, self.last_name) if part)

	def set_allocation_timeliness(self) -> None:
		self.update(
			allocation_timeliness(self.became_looked_after, self.iro_notified_on, self.iro_allocated_on)
		)

	def check_parent_and_child_allocation(self) -> None:
		"""A looked-after parent and their looked-after child have separate IROs unless a reason is
		recorded on the child's record (the practice standards' first review process chart)."""
		if self.looked_after_parent == self.name:
			frappe.throw(_("A child cannot be their own looked-after parent."), title=_("Invalid value"))
		if not self.allocated_iro:
			return
		reason = (self.same_iro_as_parent_reason or "").strip()
		relatives = frappe.get_all(
			CHILD_DOCTYPE,
			filters={
				"name": ("in", [self.looked_after_parent or ""]),
				"status": ("!=", "Ceased"),
				"allocated_iro": self.allocated_iro,
			},
			fields=["name", "case_number", "allocated_iro"],
		) + frappe.get_all(
			CHILD_DOCTYPE,
			filters={
				"looked_after_parent": self.name,
				"status": ("!=", "Ceased"),
				"allocated_iro": self.allocated_iro,
				"same_iro_as_parent_reason": ("is", "not set"),
			},
			fields=["name", "case_number", "allocated_iro"],
		)
		if relatives and not (reason and self.looked_after_parent):
			frappe.throw(
				_(
					"A looked-after parent and their child have separate IROs: {0} has the same IRO. Allocate another IRO, or record why in {1} on the child's record."
				).format(
					named_for_the_user(relatives, _("{0} child(ren) you are not allocated to")),
					_(self.meta.get_label("same_iro_as_parent_reason")),
				),
				title=_("Parent and child allocated to the same IRO"),
			)

	def warn_of_an_iro_who_does_not_work_in_welsh(self) -> None:
		"""The Active Offer: a child who prefers Welsh is better served by an IRO who works in Welsh."""
		if self.preferred_language != "Welsh" or not self.allocated_iro:
			return
		if not (self.has_value_changed("allocated_iro") or self.has_value_changed("preferred_language")):
			return
		if frappe.db.get_value("User", self.allocated_iro, WORKS_IN_WELSH):
			return
		frappe.msgprint(
			_("{0} prefers Welsh, and {1} has not recorded that they work in Welsh.").format(
				self.full_name or self.name, frappe.utils.get_fullname(self.allocated_iro)
			),
			title=_("The Active Offer"),
			indicator="orange",
		)

	def check_sibling_allocation(self) -> None:
		"""Siblings share an IRO unless a reason is recorded (IRO Handbook)."""
		if not (self.sibling_group and self.allocated_iro):
			return
		siblings = frappe.get_all(
			"Looked After Child",
			filters={
				"sibling_group": self.sibling_group,
				"name": ("!=", self.name),
				"status": ("!=", "Ceased"),
				"allocated_iro": ("not in", ("", self.allocated_iro)),
			},
			fields=["name", "case_number", "allocated_iro"],
		)
		if not siblings:
			return
		names = named_for_the_user(siblings, _("{0} sibling(s) you are not allocated to"))
		if not (self.different_iro_reason or "").strip():
			frappe.throw(
				_(
					"Siblings in group {0} have a different IRO: {1}. Allocate the same IRO, or record why this child needs a different one in {2}."
				).format(self.sibling_group, names, _(self.meta.get_label("different_iro_reason"))),
				title=_("Siblings allocated to different IROs"),
			)
		frappe.msgprint(
			_("This child has a different IRO from their siblings: {0}. The reason is recorded.").format(
				names
			),
			indicator="orange",
			alert=True,
		)


CHILD_DOCTYPE = "Looked After Child"
WORKS_IN_WELSH = "iro_works_in_welsh"
ALLOCATED_FIELDS = ("allocated_iro", "cp_chair", "social_worker", "team_manager", "team")


def allocation_rows(rows: list) -> list[tuple]:
	return [
		(
			row.get("name"),
			row.get("iro"),
			str(row.get("allocated_from") or ""),
			str(row.get("allocated_until") or ""),
		)
		for row in rows
	]


def record_the_view(child) -> None:
	"""Who opened the child's file, in Frappe's View Log. The row is written directly: its values
	are the session's user and the record just read, and the insert's link checks and hooks would
	cost a form open more than the rest of its record."""
	if child.meta.track_views or child.is_new() or frappe.session.user == "Guest":
		return
	frappe.get_doc(
		{
			"doctype": "View Log",
			"viewed_by": frappe.session.user,
			"reference_doctype": child.doctype,
			"reference_name": child.name,
		}
	).db_insert()
	frappe.local.flags.commit = True


def move_open_records_to_the_allocation(child) -> None:
	"""Reviews, progress reviews and disputes still open follow the child's allocation at once,
	so reminders and lists reach the people who hold the child now; finished ones keep who
	held the child then."""
	for doctype, finished in FINISHED_STATES.items():
		meta = frappe.get_meta(doctype)
		frappe.db.set_value(
			doctype,
			{"child": child.name, "docstatus": ("<", 2), "status": ("not in", finished)},
			{field: child.get(field) for field in ALLOCATED_FIELDS if meta.has_field(field)},
			update_modified=False,
		)
	undecided = frappe.get_all(
		"Significant Change", filters={"child": child.name, "decision": ("is", "not set")}, pluck="name"
	)
	if undecided:
		frappe.db.set_value(
			"Significant Change",
			{"name": ("in", undecided)},
			"allocated_iro",
			child.allocated_iro,
			update_modified=False,
		)


def allocation_timeliness(became_looked_after, notified, allocated) -> dict:
	"""The service told within 2 working days of the child becoming looked after, and the IRO
	allocated within 3 of that and 5 of becoming looked after."""
	kwargs = engine_kwargs()
	became = getdate(became_looked_after) if became_looked_after else None
	notified = getdate(notified) if notified else None
	allocated = getdate(allocated) if allocated else None
	notification_due = looked_after_notification_due(became, **kwargs) if became else None
	allocation_due = allocation_deadline(notified, became, **kwargs)
	return {
		"looked_after_notification_due": notification_due,
		"notified_in_time": int(bool(notified and notification_due and notified <= notification_due)),
		"iro_allocation_due": allocation_due,
		"allocated_in_time": int(bool(allocated and allocation_due and allocated <= allocation_due)),
	}


def allocate_the_conference_chair(child: str) -> None:
	"""A child on a child protection plan who becomes looked after has their conference chair as
	IRO (the dual role) when no IRO is allocated; the IRO manager may change it. A chair who cannot
	be the IRO (no IRO role, or a rule on siblings or parents) leaves the allocation to the manager."""
	record = frappe.get_doc(CHILD_DOCTYPE, child)
	if record.allocated_iro or not (record.on_cp_plan and record.cp_chair):
		return
	if not holds_role(record.cp_chair, "IRO"):
		return
	record.allocated_iro = record.cp_chair
	record.iro_allocated_on = getdate()
	record.flags.ignore_permissions = True
	frappe.db.savepoint("iro_dual_role")
	try:
		record.save()
	except frappe.ValidationError:
		frappe.db.rollback(save_point="iro_dual_role")
		frappe.clear_messages()
		return
	record.add_comment(
		"Info",
		_("{0}, the child's conference chair, is allocated as their IRO (the dual role).").format(
			frappe.utils.get_fullname(record.cp_chair)
		),
	)


def named_for_the_user(children: list, hidden_count: str) -> str:
	"""Children the user may access by case number and IRO; the others only counted."""
	named = [f"{c.case_number} ({c.allocated_iro})" for c in children if may_access_child(c.name)]
	hidden = len(children) - len(named)
	if hidden:
		named.append(hidden_count.format(hidden))
	return ", ".join(named)


def refresh_child_timescales(child: str) -> None:
	"""Recompute a child's status and statutory dates from their episodes and held reviews.

	Called whenever an episode or a review changes, in the same transaction.
	"""
	episode = current_episode(child)
	values = {"status": child_status(child, episode), "current_episode": episode and episode.name}
	values.update(episode_timescales(episode) if episode else dict.fromkeys(TIMESCALE_FIELDS))
	record = frappe.db.get_value(
		CHILD_DOCTYPE,
		child,
		["date_of_birth", "pathway_plan_reviewed_on", "iro_notified_on", "iro_allocated_on"],
		as_dict=True,
	)
	values.update(care_leaver_values(child, record.date_of_birth, record.pathway_plan_reviewed_on, getdate()))
	values.update(
		allocation_timeliness(
			values.get("became_looked_after"), record.iro_notified_on, record.iro_allocated_on
		)
	)
	frappe.db.set_value("Looked After Child", child, values, update_modified=False)


TIMESCALE_FIELDS = (
	"became_looked_after",
	"pep_due",
	"next_review_due",
	"next_review_kind",
	"progress_review_due",
	"last_review_held",
	"current_rag",
	"permanence_plan_ratified",
	"permanence_ratified_on",
	"review_regime",
	"review_regime_since",
)


def current_episode(child: str):
	"""The open episode, else the most recent one."""
	episodes = frappe.get_all(
		"Care Episode",
		filters={"child": child},
		fields=["name", "child", "start_date", "end_date", "is_open"],
		order_by="is_open desc, start_date desc",
		limit=1,
	)
	return episodes[0] if episodes else None


def child_status(child: str, episode) -> str:
	if not episode:
		return "Not Yet Looked After"
	return "Looked After" if episode.is_open else "Ceased"


def latest_rating(episode, reviews: list) -> str | None:
	"""The care plan RAG given last in the episode, at a review or between reviews."""
	ratings = [(getdate(r.held_date), 0, r.care_plan_rag) for r in reviews if r.care_plan_rag]
	ratings += [
		(getdate(u.rated_on), 1, u.care_plan_rag)
		for u in frappe.get_all(
			"Care Plan RAG Update",
			filters={"child": episode.child, "rated_on": (">=", episode.start_date)},
			fields=["rated_on", "care_plan_rag"],
		)
	]
	return max(ratings)[2] if ratings else None


def pep_due_for(episode, date_of_birth, peps_held: list) -> date | None:
	"""The next PEP of a child in an open episode; none once the episode has ended."""
	if not episode.is_open:
		return None
	terms, ages = pep_rules()
	start = getdate(episode.start_date)
	return next_pep_due(start, getdate(date_of_birth), peps_held, terms, ages, **engine_kwargs())


def peps_held(child: str) -> list:
	return [
		getdate(day)
		for day in frappe.get_all(
			"PEP Meeting", filters={"parent": child, "parenttype": CHILD_DOCTYPE}, pluck="held_on"
		)
	]


def episode_timescales(episode) -> dict:
	reviews = frappe.get_all(
		"Child Review",
		filters={"episode": episode.name, "docstatus": 1},
		fields=["held_date", "care_plan_rag", "permanence_plan_ratified"],
		order_by="held_date asc",
	)
	kwargs = engine_kwargs()
	start = getdate(episode.start_date)
	history = review_history(episode.name, start, [getdate(r.held_date) for r in reviews])
	result = child_timescales(history, **kwargs)
	ratified = next((r for r in reviews if r.permanence_plan_ratified == "Yes"), None)
	answered = [r.permanence_plan_ratified for r in reviews if r.permanence_plan_ratified]
	return {
		"became_looked_after": start,
		"pep_due": pep_due_for(
			episode,
			frappe.db.get_value(CHILD_DOCTYPE, episode.child, "date_of_birth"),
			peps_held(episode.child),
		),
		"next_review_due": result.next_review.due if episode.is_open else None,
		"next_review_kind": result.next_review.kind.value if episode.is_open else None,
		"progress_review_due": result.progress_review_due if episode.is_open else None,
		"last_review_held": result.last_review_held,
		"current_rag": latest_rating(episode, reviews),
		"permanence_plan_ratified": "Yes" if ratified else (answered[-1] if answered else None),
		"permanence_ratified_on": ratified.held_date if ratified else None,
		"review_regime": history.regime.value if episode.is_open else None,
		"review_regime_since": history.regime_start if episode.is_open else None,
	}
