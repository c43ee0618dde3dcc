"""Child protection conferences: the steps of the practice standards' appendices as dates,
quoracy, and the figures asked of a child's protection plans.

An initial conference (ICPC) counts its early steps forward from the strategy discussion; every
conference counts its preparation back from the date it is planned for; what follows a
conference counts forward from the day it was held. Same keyword arguments as
:mod:`iro_standards.standards.rules`.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from iro_standards.standards.dates import add_months, require_date, require_not_before
from iro_standards.standards.rules import (
	core_group_due,
	cp_progress_check_due,
	icpc_due,
	rcpc_due,
	resolve,
	working_days_after,
)
from iro_standards.standards.timescales import Timescales
from iro_standards.standards.working_calendar import WorkingCalendar

INITIAL = "Initial"
REVIEW = "Review"
CONFERENCE_KINDS = (INITIAL, REVIEW)
CP_CATEGORIES = ("Neglect", "Physical abuse", "Emotional abuse", "Sexual abuse")
LEAD_AGENCY = "Children's social care"


def require_kind(kind: str) -> None:
	if kind not in CONFERENCE_KINDS:
		raise ValueError(f"conference kind must be one of {', '.join(CONFERENCE_KINDS)}, not {kind!r}")


def icpc_steps(
	strategy_discussion: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> dict[str, date]:
	"""Appendix 1's timeline, on which the strategy discussion is Day 1: the request by Day 1, the
	convening form by Day 3, the date and chair by Day 4, the invitations by Day 5 (working days);
	the conference itself within 15 working days of the strategy discussion."""
	calendar, timescales = resolve(calendar, timescales)
	days = {
		"request_due": timescales.icpc_request_working_days,
		"convening_form_due": timescales.icpc_convening_form_working_days,
		"date_and_chair_due": timescales.icpc_date_and_chair_working_days,
		"invitations_due": timescales.icpc_invitations_working_days,
	}
	steps = {
		step: working_days_after(strategy_discussion, day - 1, "strategy_discussion", calendar)
		for step, day in days.items()
	}
	steps["conference_due"] = icpc_due(strategy_discussion, calendar=calendar, timescales=timescales)
	return steps


def rcpc_preparation_steps(
	conference_date: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> dict[str, date]:
	"""Appendix 2: the social worker asked for the invite list (20 working days before), followed
	up (15 before), and invitations sent (13 before)."""
	calendar, timescales = resolve(calendar, timescales)
	days = {
		"sw_contact_due": timescales.rcpc_sw_contact_working_days_before,
		"follow_up_due": timescales.rcpc_follow_up_working_days_before,
		"invitations_due": timescales.rcpc_invitations_working_days_before,
	}
	return working_days_before(conference_date, days, calendar)


def working_days_before(
	conference_date: date, days: dict[str, int], calendar: WorkingCalendar
) -> dict[str, date]:
	"""Each step's date, that step's number of working days before the conference."""
	return {
		step: working_days_after(conference_date, -n, "conference_date", calendar) for step, n in days.items()
	}


def quoracy_steps(
	conference_date: date,
	kind: str,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> dict[str, date]:
	"""Both appendices: quoracy checked 4 and 3 working days before, managers decide whether an
	inquorate conference goes ahead (3 days before an ICPC, 2 before an RCPC), and the chair,
	social worker and family are told the day before."""
	calendar, timescales = resolve(calendar, timescales)
	require_kind(kind)
	proceed = (
		timescales.icpc_proceed_decision_working_days_before
		if kind == INITIAL
		else timescales.rcpc_proceed_decision_working_days_before
	)
	days = {
		"quoracy_first_check_due": timescales.quoracy_first_check_working_days_before,
		"quoracy_final_check_due": timescales.quoracy_final_check_working_days_before,
		"proceed_decision_due": proceed,
		"confirmation_due": timescales.conference_confirmed_working_days_before,
	}
	return working_days_before(conference_date, days, calendar)


def after_conference_steps(
	held: date,
	kind: str,
	*,
	plan_started: bool,
	inquorate: bool,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> dict[str, date | None]:
	"""What a held conference starts: the exceptional-reasons report when it sat inquorate, the
	first core group and the chair's progress check when a plan started at it, and the next review
	conference while a plan continues (3 months after an ICPC, then 6)."""
	calendar, timescales = resolve(calendar, timescales)
	require_kind(kind)
	require_date(held, "held")
	new_plan = plan_started and kind == INITIAL
	return {
		"exceptional_report_due": (
			working_days_after(held, timescales.exceptional_report_working_days, "held", calendar)
			if inquorate
			else None
		),
		"core_group_due": core_group_due(held, calendar=calendar, timescales=timescales)
		if new_plan
		else None,
		"progress_check_due": (
			cp_progress_check_due(held, calendar=calendar, timescales=timescales) if new_plan else None
		),
		"next_conference_due": (
			rcpc_due(held, kind == INITIAL, calendar=calendar, timescales=timescales)
			if plan_started
			else None
		),
	}


def conference_steps(
	kind: str,
	*,
	strategy_discussion: date | None = None,
	previous_conference: date | None = None,
	first_review: bool = False,
	planned: date | None = None,
	held: date | None = None,
	plan_started: bool = False,
	inquorate: bool = False,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> dict[str, date | None]:
	"""Every step date a conference stores, from what is known of it so far (None where not yet
	known). An ICPC needs its strategy discussion; an RCPC the conference it follows."""
	calendar, timescales = resolve(calendar, timescales)
	require_kind(kind)
	engine = {"calendar": calendar, "timescales": timescales}
	steps: dict[str, date | None] = dict.fromkeys(STEP_FIELDS)
	if kind == INITIAL:
		steps.update(icpc_steps(require_date(strategy_discussion, "strategy_discussion"), **engine))
	else:
		previous = require_date(previous_conference, "previous_conference")
		steps["conference_due"] = rcpc_due(previous, first_review, **engine)
	if planned is not None:
		if kind == REVIEW:
			steps.update(rcpc_preparation_steps(planned, **engine))
		steps.update(quoracy_steps(planned, kind, **engine))
	if held is not None:
		earliest = strategy_discussion if kind == INITIAL else previous_conference
		require_not_before(
			held, earliest, "held", "strategy_discussion" if kind == INITIAL else "previous_conference"
		)
		steps.update(
			after_conference_steps(held, kind, plan_started=plan_started, inquorate=inquorate, **engine)
		)
	return steps


STEP_FIELDS = (
	"conference_due",
	"request_due",
	"convening_form_due",
	"date_and_chair_due",
	"sw_contact_due",
	"follow_up_due",
	"invitations_due",
	"quoracy_first_check_due",
	"quoracy_final_check_due",
	"proceed_decision_due",
	"confirmation_due",
	"exceptional_report_due",
	"core_group_due",
	"progress_check_due",
	"next_conference_due",
)


BEFORE_CONFERENCE_DONE_BY = {
	"request_due": "conference_requested_on",
	"convening_form_due": "convening_form_received_on",
	"date_and_chair_due": "date_and_chair_confirmed_on",
	"invitations_due": "invitations_sent_on",
	"sw_contact_due": "sw_contacted_on",
	"follow_up_due": "invitations_sent_on",
	"quoracy_first_check_due": "quoracy_first_checked_on",
	"quoracy_final_check_due": "quoracy_final_checked_on",
	"proceed_decision_due": "proceed_decision",
	"confirmation_due": "family_told_on",
	"conference_due": "held_date",
}
AFTER_CONFERENCE_DONE_BY = {
	"exceptional_report_due": "exceptional_report_on",
	"core_group_due": "core_group_met_on",
	"progress_check_due": "progress_check_on",
}


def overdue_steps(
	steps: Mapping[str, date | None],
	done: Mapping[str, object],
	today: date,
	*,
	inquorate_on_responses: bool = False,
) -> list[str]:
	"""The steps past their date with nothing recorded as done (each named by its step field)."""
	require_date(today, "today")
	return steps_owed_by(
		steps, done, today - timedelta(days=1), inquorate_on_responses=inquorate_on_responses
	)


def steps_owed_by(
	steps: Mapping[str, date | None],
	done: Mapping[str, object],
	by: date,
	*,
	inquorate_on_responses: bool = False,
) -> list[str]:
	"""The steps due on or before ``by`` with nothing recorded as done: before the conference while
	it is still to be held, then what follows it. The managers' decision is owed only while the
	responses leave the conference inquorate; the follow-up of a review conference's invite list,
	until the invitations go out."""
	require_date(by, "by")
	owed = AFTER_CONFERENCE_DONE_BY if done.get("held_date") else BEFORE_CONFERENCE_DONE_BY
	return [
		step
		for step, field in owed.items()
		if (due := steps.get(step))
		and due <= by
		and not done.get(field)
		and (step != "proceed_decision_due" or inquorate_on_responses)
	]


def is_quorate(
	agencies_present: Iterable[str],
	*,
	lead_agency: str = LEAD_AGENCY,
	other_agencies: int | None = None,
	timescales: Timescales | None = None,
) -> bool:
	"""Children's social care and at least two other agencies (both configurable). Agencies are
	compared without regard to case or surrounding spaces; one agency counts once however many
	of its people come."""
	_, timescales = resolve(None, timescales)
	required = timescales.quorum_other_agencies if other_agencies is None else other_agencies
	present = {agency.strip().casefold() for agency in agencies_present if agency and agency.strip()}
	lead = lead_agency.strip().casefold()
	return lead in present and len(present - {lead}) >= required


@dataclass(frozen=True, slots=True)
class Plan:
	"""One child protection plan of a child: when it started and, once over, when it ended."""

	started: date
	ended: date | None = None

	def __post_init__(self) -> None:
		require_date(self.started, "started")
		if self.ended is not None:
			require_not_before(require_date(self.ended, "ended"), self.started, "ended", "started")


def plan_duration_days(plan: Plan, as_of: date) -> int:
	"""Days the plan has lasted by ``as_of`` (to its end when it has ended)."""
	end = plan.ended or require_date(as_of, "as_of")
	return max((end - plan.started).days, 0)


def is_long_plan(plan: Plan, as_of: date, *, timescales: Timescales | None = None) -> bool:
	"""A plan that has lasted 2 years or more (the figure services are asked to watch)."""
	_, timescales = resolve(None, timescales)
	end = plan.ended or require_date(as_of, "as_of")
	return end >= add_months(plan.started, 12 * timescales.cp_plan_long_years)


@dataclass(frozen=True, slots=True)
class Repeat:
	second_or_later: bool
	within_repeat_years: bool


def repeat_of(plan: Plan, earlier: Sequence[Plan], *, timescales: Timescales | None = None) -> Repeat:
	"""Whether ``plan`` is a child's second or later plan, and whether it started within 2 years
	of the end of the last plan before it."""
	before = [p.ended for p in earlier if p.started < plan.started and p.ended is not None]
	return repeat_after(plan.started, max(before, default=None), timescales=timescales)


def repeat_after(started: date, last_ended: date | None, *, timescales: Timescales | None = None) -> Repeat:
	"""A plan starting on ``started`` after a plan that ended on ``last_ended`` (None: no plan
	before it) repeats it, within the window when it started within 2 years of that end."""
	_, timescales = resolve(None, timescales)
	require_date(started, "started")
	if last_ended is None:
		return Repeat(False, False)
	return Repeat(
		True, started <= add_months(require_date(last_ended, "last_ended"), 12 * timescales.repeat_plan_years)
	)


PLAN_MADE = "Plan"
NO_PLAN = "No Plan"
PLAN_CONTINUES = "Plan Continues"
PLAN_ENDED = "Plan Ended"
OUTCOMES_BY_KIND = {INITIAL: (PLAN_MADE, NO_PLAN), REVIEW: (PLAN_CONTINUES, PLAN_ENDED)}


@dataclass(frozen=True, slots=True)
class HeldConference:
	"""What a held conference decided for one child."""

	name: str
	kind: str
	held: date
	outcome: str
	categories: tuple[str, ...] = ()
	end_reason: str = ""


@dataclass(frozen=True, slots=True)
class PlanHistory:
	"""One plan as the conferences made it: started at one, ended (or not yet) at another."""

	started: date
	categories: tuple[str, ...]
	started_at: str
	ended: date | None = None
	ended_at: str | None = None
	end_reason: str = ""


def outcome_fits_kind(kind: str, outcome: str) -> bool:
	require_kind(kind)
	return outcome in OUTCOMES_BY_KIND[kind]


def plan_history(conferences: Iterable[HeldConference]) -> list[PlanHistory]:
	"""A child's plans from their held conferences, in the order held: an initial conference that
	makes a plan starts one (when none is open), a review conference that keeps it sets its
	categories, and one that ends it ends it. Outcomes with no plan open change nothing."""
	plans: list[PlanHistory] = []
	for held in sorted(conferences, key=lambda c: (c.held, c.name)):
		current = plans[-1] if plans and plans[-1].ended is None else None
		if held.outcome == PLAN_MADE and current is None:
			plans.append(PlanHistory(held.held, held.categories, held.name))
		elif held.outcome == PLAN_CONTINUES and current is not None:
			plans[-1] = replace(current, categories=held.categories or current.categories)
		elif held.outcome == PLAN_ENDED and current is not None:
			plans[-1] = replace(current, ended=held.held, ended_at=held.name, end_reason=held.end_reason)
	return plans


def weighted_caseload(
	looked_after: int, on_plan: int, *, looked_after_weight: float, plan_weight: float
) -> float:
	"""A dual-role officer's load: each looked-after child and each child on a plan counted by its
	weight (a child both looked after and on a plan counts in both)."""
	if looked_after < 0 or on_plan < 0:
		raise ValueError("children counted must not be negative")
	if looked_after_weight < 0 or plan_weight < 0:
		raise ValueError("caseload weights must not be negative")
	return looked_after * looked_after_weight + on_plan * plan_weight
