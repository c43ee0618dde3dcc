# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import getdate

from iro_standards.iro_standards.case_record import CaseRecord
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import engine_kwargs
from iro_standards.iro_standards.people import refuse_people_without_the_role
from iro_standards.iro_standards.validation import (
	date_of,
	field_label,
	refuse_date_before,
	refuse_dates_outside_the_calendar,
	refuse_future_dates,
	require_fields,
)
from iro_standards.iro_standards.workflow.states import workflow_is_active
from iro_standards.standards.conferences import (
	AFTER_CONFERENCE_DONE_BY,
	BEFORE_CONFERENCE_DONE_BY,
	CONFERENCE_KINDS,
	INITIAL,
	PLAN_CONTINUES,
	PLAN_ENDED,
	PLAN_MADE,
	HeldConference,
	conference_steps,
	is_quorate,
	outcome_fits_kind,
	overdue_steps,
	plan_history,
)

CATEGORY_FIELDS = {
	"category_neglect": "Neglect",
	"category_physical": "Physical abuse",
	"category_emotional": "Emotional abuse",
	"category_sexual": "Sexual abuse",
}
DONE_FIELDS = (*BEFORE_CONFERENCE_DONE_BY.values(), *AFTER_CONFERENCE_DONE_BY.values())
DONE_DATES = tuple(fieldname for fieldname in DONE_FIELDS if fieldname != "proceed_decision")
NOT_GOING_AHEAD = ("Rescheduled", "Cancelled")
PLAN_TABLE = "Child Protection Plan"


class ChildProtectionConference(CaseRecord):
	def validate(self) -> None:
		self.refuse_an_unknown_kind()
		self.chair = self.chair or frappe.db.get_value("Looked After Child", self.child, "cp_chair")
		refuse_people_without_the_role(self)
		self.require_reasons()
		self.check_dates()
		self.check_what_it_follows()
		self.check_outcome()
		self.check_decision_when_inquorate()
		self.set_quoracy()
		self.set_steps()
		if not workflow_is_active(self.doctype):
			self.status = self.current_status()

	def before_update_after_submit(self) -> None:
		self.check_dates()
		self.set_quoracy()
		self.set_steps()
		if not workflow_is_active(self.doctype) and self.status not in NOT_GOING_AHEAD:
			self.status = self.current_status()

	def before_submit(self) -> None:
		require_fields(self, "held_date", "outcome")

	def on_update(self) -> None:
		self.give_the_child_its_chair()
		if self.status == "Rescheduled" and self.has_value_changed("status"):
			self.reconvene()

	def on_submit(self) -> None:
		refresh_child_protection(self.child)

	def on_update_after_submit(self) -> None:
		refresh_child_protection(self.child)

	def on_cancel(self) -> None:
		refresh_child_protection(self.child)

	def check_dates(self) -> None:
		dated = (
			"strategy_discussion",
			"planned_date",
			"next_conference_date",
			*DONE_DATES,
			"sw_report_received_on",
		)
		refuse_dates_outside_the_calendar(self, *dated)
		refuse_future_dates(self, "strategy_discussion", "sw_report_received_on", *DONE_DATES)
		for fieldname in ("held_date", "planned_date", *DONE_DATES):
			if fieldname != "held_date" or self.is_initial():
				refuse_date_before(
					self, fieldname, self.strategy_discussion, field_label(self, "strategy_discussion")
				)
		for fieldname in AFTER_CONFERENCE_DONE_BY.values():
			refuse_date_before(self, fieldname, self.held_date, field_label(self, "held_date"))
		refuse_date_before(self, "next_conference_date", self.held_date, field_label(self, "held_date"))

	def require_reasons(self) -> None:
		"""A conference brought forward says what changed; an exclusion and a plan ended say why."""
		if self.brought_forward:
			require_fields(self, "brought_forward_reason")
		if self.outcome == PLAN_ENDED:
			require_fields(self, "plan_end_reason")
		for row in self.invitees:
			if row.excluded and not (row.exclusion_reason or "").strip():
				frappe.throw(
					_("Row {0}: record why {1} was excluded.").format(row.idx, row.attendee_name),
					title=_("Missing information"),
				)

	def is_initial(self) -> bool:
		return self.conference_kind == INITIAL

	def refuse_an_unknown_kind(self) -> None:
		if self.conference_kind not in CONFERENCE_KINDS:
			frappe.throw(
				_("{0} must be Initial or Review.").format(field_label(self, "conference_kind")),
				title=_("Invalid value"),
			)

	def check_what_it_follows(self) -> None:
		if self.is_initial():
			require_fields(self, "strategy_discussion")
			self.previous_conference = None
			return
		require_fields(self, "previous_conference")
		previous = self.previous()
		if not previous or previous.child != self.child:
			frappe.throw(
				_("{0} must be a conference of this child.").format(field_label(self, "previous_conference")),
				title=_("Wrong record"),
			)
		if previous.docstatus != 1 or previous.outcome not in (PLAN_MADE, PLAN_CONTINUES):
			frappe.throw(
				_(
					"A review conference follows a held conference that made or kept a plan; {0} did not."
				).format(self.previous_conference),
				title=_("Nothing to review"),
			)
		refuse_date_before(self, "held_date", previous.held_date, _("the conference it follows"))

	def previous(self):
		return frappe.db.get_value(
			self.doctype,
			self.previous_conference,
			["name", "child", "docstatus", "held_date", "outcome", "conference_kind"],
			as_dict=True,
		)

	def check_outcome(self) -> None:
		if not self.outcome:
			self.clear_categories()
			return
		if not outcome_fits_kind(self.conference_kind, self.outcome):
			frappe.throw(
				_("{0} is not an outcome of a {1} conference.").format(
					_(self.outcome), _(self.conference_kind)
				),
				title=_("Invalid value"),
			)
		if self.outcome in (PLAN_MADE, PLAN_CONTINUES) and not self.categories():
			frappe.throw(
				_(
					"A child protection plan needs at least one category: neglect, physical, emotional or sexual abuse."
				),
				title=_("Missing information"),
			)
		if self.outcome not in (PLAN_MADE, PLAN_CONTINUES):
			self.clear_categories()

	def categories(self) -> tuple[str, ...]:
		return tuple(category for fieldname, category in CATEGORY_FIELDS.items() if self.get(fieldname))

	def clear_categories(self) -> None:
		for fieldname in CATEGORY_FIELDS:
			self.set(fieldname, 0)

	def check_decision_when_inquorate(self) -> None:
		if self.proceed_decision:
			require_fields(self, "decided_by", "decision_reason")
		if (
			self.held_date
			and self.invitees
			and not self.quorum_met("attended")
			and self.proceed_decision != "Proceed"
		):
			frappe.throw(
				_(
					"This conference was not quorate. Record the manager's decision to proceed, who made it and why, or reschedule it."
				),
				title=_("Inquorate conference"),
			)

	def quorum_met(self, attendance: str) -> bool:
		settings = frappe.get_cached_doc("IRO Standards Settings")
		if attendance == "attended":
			present = [row.agency for row in self.invitees if row.attended]
		else:
			present = [row.agency for row in self.invitees if row.response == "Attending"]
		return is_quorate(
			present, lead_agency=settings.quorum_lead_agency, timescales=engine_kwargs()["timescales"]
		)

	def set_quoracy(self) -> None:
		self.expected_quorate = int(self.quorum_met("responses"))
		self.quorate = int(bool(self.held_date) and self.quorum_met("attended"))

	def set_steps(self) -> None:
		previous = self.previous() if self.previous_conference else None
		steps = conference_steps(
			self.conference_kind,
			strategy_discussion=date_of(self, "strategy_discussion"),
			previous_conference=previous and getdate(previous.held_date),
			first_review=bool(previous and previous.conference_kind == INITIAL),
			planned=date_of(self, "planned_date"),
			held=date_of(self, "held_date"),
			plan_started=self.outcome in (PLAN_MADE, PLAN_CONTINUES),
			inquorate=bool(self.held_date) and not self.quorate,
			**engine_kwargs(),
		)
		self.update(steps)
		self.flag_overdue_steps(steps)

	def flag_overdue_steps(self, steps: dict) -> None:
		"""Stored by their English labels, which the form shows in the reader's language."""
		done = {fieldname: self.get(fieldname) for fieldname in DONE_FIELDS}
		owed = (
			[]
			if self.status in NOT_GOING_AHEAD
			else overdue_steps(steps, done, getdate(), inquorate_on_responses=not self.expected_quorate)
		)
		self.overdue = int(bool(owed))
		self.overdue_steps = ", ".join(self.meta.get_label(step) for step in owed) or None

	def current_status(self) -> str:
		if self.docstatus == 1:
			return "Report Distributed" if self.report_distributed_on else "Held"
		if self.proceed_decision == "Reschedule":
			return "Rescheduled"
		if self.proceed_decision == "Cancel":
			return "Cancelled"
		return "Convened" if self.planned_date and self.chair else "Requested"

	def give_the_child_its_chair(self) -> None:
		"""The chair of a child's conference chairs the child's conferences from then on."""
		if self.chair and frappe.db.get_value("Looked After Child", self.child, "cp_chair") != self.chair:
			frappe.db.set_value(
				"Looked After Child", self.child, "cp_chair", self.chair, update_modified=False
			)

	def reconvene(self) -> None:
		"""A conference rescheduled after an inquorate check is convened again as a new record that
		keeps the clock of the first (the strategy discussion, or the conference it follows)."""
		if frappe.db.exists(self.doctype, {"rescheduled_from": self.name}):
			return
		copy = frappe.copy_doc(self)
		copy.update(
			{
				"rescheduled_from": self.name,
				"status": "Requested",
				"planned_date": None,
				"proceed_decision": None,
				"decided_by": None,
				"decision_reason": None,
				"quoracy_first_checked_on": None,
				"quoracy_final_checked_on": None,
				"family_told_on": None,
			}
		)
		for row in copy.invitees:
			row.response = "No Response"
			row.attended = 0
		copy.insert()
		frappe.msgprint(
			_("Conference {0} was opened to convene this conference again.").format(
				frappe.utils.get_link_to_form(self.doctype, copy.name)
			),
			alert=True,
		)


def refresh_child_protection(child: str) -> None:
	"""The child's plan status, categories and plan history from their held conferences
	(categories stored in English, shown in the reader's language)."""
	held = frappe.get_all(
		"Child Protection Conference",
		filters={"child": child, "docstatus": 1},
		fields=[
			"name",
			"conference_kind",
			"held_date",
			"outcome",
			"plan_end_reason",
			"next_conference_date",
			"next_conference_due",
			*CATEGORY_FIELDS,
		],
		order_by="held_date asc, name asc",
	)
	plans = plan_history(
		HeldConference(
			c.name,
			c.conference_kind,
			getdate(c.held_date),
			c.outcome or "",
			tuple(category for fieldname, category in CATEGORY_FIELDS.items() if c.get(fieldname)),
			c.plan_end_reason or "",
		)
		for c in held
	)
	rewrite_plan_history(child, plans)
	latest = plans[-1] if plans else None
	open_plan = latest if latest and latest.ended is None else None
	last = held[-1] if held else None
	frappe.db.set_value(
		"Looked After Child",
		child,
		{
			"on_cp_plan": int(bool(open_plan)),
			"cp_plan_started": latest and latest.started,
			"cp_plan_ended": latest and latest.ended,
			"cp_categories": latest and ", ".join(latest.categories),
			"cp_end_reason": latest and latest.end_reason,
			"next_cp_conference_due": (
				open_plan and last and (last.next_conference_date or last.next_conference_due)
			)
			or None,
		},
		update_modified=False,
	)


def rewrite_plan_history(child: str, plans: list) -> None:
	frappe.db.delete(PLAN_TABLE, {"parent": child, "parenttype": "Looked After Child"})
	for idx, plan in enumerate(plans, start=1):
		frappe.get_doc(
			{
				"doctype": PLAN_TABLE,
				"parent": child,
				"parenttype": "Looked After Child",
				"parentfield": "cp_plans",
				"idx": idx,
				"plan_started": plan.started,
				"plan_ended": plan.ended,
				"categories": ", ".join(plan.categories),
				"started_at": plan.started_at,
				"ended_at": plan.ended_at,
				"end_reason": plan.end_reason,
			}
		).db_insert()
