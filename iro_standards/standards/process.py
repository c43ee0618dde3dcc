"""Deadlines of the review process around each meeting, and of each dispute stage.

Before the meeting they count back from the planned date; after it, forward from the event
that starts the clock. Same keyword arguments as :mod:`iro_standards.standards.rules`.
"""

from datetime import date

from iro_standards.standards.dates import add_days, require_date
from iro_standards.standards.rules import resolve, working_days_after
from iro_standards.standards.timescales import Timescales
from iro_standards.standards.working_calendar import WorkingCalendar


def child_contact_due(
	review_date: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""The IRO speaks to the child at least 10 (calendar) days before the review."""
	_, timescales = resolve(calendar, timescales)
	return add_days(require_date(review_date, "review_date"), -timescales.child_contact_days_before)


def consultation_due(
	review_date: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""Consultation on invitees, venue, interpreter and advocate: 15 working days before."""
	calendar, timescales = resolve(calendar, timescales)
	return working_days_after(
		review_date, -timescales.consultation_working_days_before, "review_date", calendar
	)


def invitations_due(
	review_date: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""Invitations and consultation documents sent at least 10 working days before."""
	calendar, timescales = resolve(calendar, timescales)
	return working_days_after(
		review_date, -timescales.invitations_working_days_before, "review_date", calendar
	)


def sw_report_due(
	review_date: date,
	is_first_review: bool,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""Social worker report and plan on the system: 3 working days before a first review, else 5."""
	calendar, timescales = resolve(calendar, timescales)
	days = (
		timescales.first_sw_report_working_days_before
		if is_first_review
		else timescales.later_sw_report_working_days_before
	)
	return working_days_after(review_date, -days, "review_date", calendar)


def adjournment_limit(
	original_date: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""The latest date an adjourned review may be reconvened: 20 working days later."""
	calendar, timescales = resolve(calendar, timescales)
	return working_days_after(
		original_date, timescales.max_adjournment_working_days, "original_date", calendar
	)


def decisions_due(
	held: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""Decisions and recommendations recorded within 5 (calendar) days of the meeting."""
	_, timescales = resolve(calendar, timescales)
	return add_days(require_date(held, "held"), timescales.decisions_recorded_days)


def tm_response_due(
	sent_to_team_manager: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""The team manager's last day to respond; with no response by then, deemed agreed."""
	calendar, timescales = resolve(calendar, timescales)
	return working_days_after(
		sent_to_team_manager, timescales.tm_response_working_days, "sent_to_team_manager", calendar
	)


def informal_resolution_due(
	disagreed: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""A team manager's disagreement resolved informally, outcome recorded, within 5 working days."""
	calendar, timescales = resolve(calendar, timescales)
	return working_days_after(disagreed, timescales.informal_resolution_working_days, "disagreed", calendar)


def record_distribution_due(
	held: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""The record of the review distributed within 20 working days of the meeting."""
	calendar, timescales = resolve(calendar, timescales)
	return working_days_after(held, timescales.record_distribution_working_days, "held", calendar)


def care_plan_update_due(
	team_manager_agreed: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""The care plan updated within 10 working days of the team manager's agreement."""
	calendar, timescales = resolve(calendar, timescales)
	return working_days_after(
		team_manager_agreed, timescales.care_plan_update_working_days, "team_manager_agreed", calendar
	)


def dispute_response_due(
	stage_entered: date,
	stage: str,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date | None:
	"""The response deadline of a dispute stage; None for a stage with no timescale (a referral)."""
	calendar, timescales = resolve(calendar, timescales)
	days = timescales.dispute_stage(stage).response_working_days
	require_date(stage_entered, "stage_entered")
	return None if days is None else calendar.add_working_days(stage_entered, days)
