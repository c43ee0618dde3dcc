"""Statutory review, child protection and review-process deadlines.

Every function takes the dates it needs positionally and, optionally, ``calendar=`` (a
WorkingCalendar) and ``timescales=`` (a Timescales). With neither, England's defaults apply;
with only ``timescales``, the calendar of its jurisdiction is used.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from iro_standards.standards.dates import add_days, add_months, require_date, require_not_before
from iro_standards.standards.regimes import Regime
from iro_standards.standards.timescales import ENGLAND, Timescales
from iro_standards.standards.working_calendar import WorkingCalendar, cached_calendar


class ReviewKind(str, Enum):
	FIRST = "First"
	SECOND = "Second"
	SUBSEQUENT = "Subsequent"


@dataclass(frozen=True, slots=True)
class ReviewHistory:
	"""A child's current episode: the day they became looked after and every review held since.

	Reviews brought forward are held reviews like any other: the clock runs from each one. A child
	on another regime (short breaks, placed for adoption) counts its reviews from ``regime_start``
	(the episode's start when not given).
	"""

	episode_start: date
	held_reviews: Sequence[date] = ()
	regime: Regime = Regime.STANDARD
	regime_start: date | None = None


@dataclass(frozen=True, slots=True)
class NextReview:
	due: date
	kind: ReviewKind


@dataclass(frozen=True, slots=True)
class Timeliness:
	on_time: bool
	working_days_late: int
	calendar_days_late: int


def resolve(
	calendar: WorkingCalendar | None, timescales: Timescales | None
) -> tuple[WorkingCalendar, Timescales]:
	"""The calendar and timescales to apply: the ones given, else the defaults."""
	timescales = timescales or ENGLAND
	return calendar or cached_calendar(timescales.jurisdiction), timescales


def working_days_after(day: date, days: int, field: str, calendar: WorkingCalendar) -> date:
	return calendar.add_working_days(require_date(day, field), days)


def first_review_due(
	became_looked_after: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""Within 20 working days of becoming looked after (that day is day 0)."""
	calendar, timescales = resolve(calendar, timescales)
	return working_days_after(
		became_looked_after, timescales.first_review_working_days, "became_looked_after", calendar
	)


def second_review_due(
	first_review_held: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""Not more than 3 months after the first review."""
	_, timescales = resolve(calendar, timescales)
	require_date(first_review_held, "first_review_held")
	return add_months(first_review_held, timescales.second_review_months)


def subsequent_review_due(
	previous_review_held: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""Not more than 6 months after the previous review."""
	_, timescales = resolve(calendar, timescales)
	require_date(previous_review_held, "previous_review_held")
	return add_months(previous_review_held, timescales.subsequent_review_months)


def next_review_due(
	history: ReviewHistory,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> NextReview:
	"""The next statutory deadline of the episode and which review it is."""
	calendar, timescales = resolve(calendar, timescales)
	start = require_date(history.episode_start, "episode_start")
	if history.regime != Regime.STANDARD:
		return next_review_due_on_regime(history, timescales)
	held = history.held_reviews
	if not held:
		return NextReview(first_review_due(start, calendar=calendar, timescales=timescales), ReviewKind.FIRST)
	for review in held:
		require_date(review, "held_reviews")
	require_not_before(min(held), start, "held review date", "episode_start")
	latest = max(held)
	if len(held) == 1:
		return NextReview(add_months(latest, timescales.second_review_months), ReviewKind.SECOND)
	return NextReview(add_months(latest, timescales.subsequent_review_months), ReviewKind.SUBSEQUENT)


def next_review_due_on_regime(history: ReviewHistory, timescales: Timescales) -> NextReview:
	"""Short breaks: within 3 months of the first placement, then at most every 6 months. Placed
	for adoption: within 4 weeks of the placement, the second within 3 months, then every 6
	months. Only reviews held since the regime began count."""
	start = require_date(history.regime_start or history.episode_start, "regime_start")
	require_not_before(start, history.episode_start, "regime_start", "episode_start")
	since = sorted(require_date(day, "held_reviews") for day in history.held_reviews if day >= start)
	if history.regime == Regime.SHORT_BREAKS:
		if not since:
			return NextReview(
				add_months(start, timescales.short_breaks_first_review_months), ReviewKind.FIRST
			)
		kind = ReviewKind.SECOND if len(since) == 1 else ReviewKind.SUBSEQUENT
		return NextReview(add_months(since[-1], timescales.short_breaks_review_months), kind)
	if not since:
		return NextReview(add_days(start, 7 * timescales.adoption_first_review_weeks), ReviewKind.FIRST)
	if len(since) == 1:
		return NextReview(add_months(since[0], timescales.adoption_second_review_months), ReviewKind.SECOND)
	return NextReview(add_months(since[-1], timescales.adoption_review_months), ReviewKind.SUBSEQUENT)


def progress_review_due(
	last_review_held: date,
	next_review_due: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""The mid-point between the last review and the next one, rounded down to a whole day.

	Counted in calendar days, so ``calendar`` and ``timescales`` do not change it.
	"""
	require_date(last_review_held, "last_review_held")
	require_date(next_review_due, "next_review_due")
	require_not_before(next_review_due, last_review_held, "next_review_due", "last_review_held")
	return add_days(last_review_held, (next_review_due - last_review_held).days // 2)


def pep_due(
	became_looked_after: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""The first personal education plan: within 20 working days of becoming looked after."""
	calendar, timescales = resolve(calendar, timescales)
	return working_days_after(
		became_looked_after, timescales.pep_working_days, "became_looked_after", calendar
	)


def iro_allocation_due(
	notified: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""An IRO allocated within 3 working days of the service being notified."""
	calendar, timescales = resolve(calendar, timescales)
	return working_days_after(notified, timescales.iro_allocation_working_days, "notified", calendar)


def looked_after_notification_due(
	became_looked_after: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""The IRO service told within 2 working days of the child becoming looked after."""
	calendar, timescales = resolve(calendar, timescales)
	return working_days_after(
		became_looked_after,
		timescales.looked_after_notification_working_days,
		"became_looked_after",
		calendar,
	)


def allocation_deadline(
	notified: date | None,
	became_looked_after: date | None,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date | None:
	"""An IRO allocated within 3 working days of notification and within 5 of becoming looked
	after: the earlier of the deadlines whose starting day is known."""
	calendar, timescales = resolve(calendar, timescales)
	deadlines = []
	if notified is not None:
		deadlines.append(iro_allocation_due(notified, calendar=calendar, timescales=timescales))
	if became_looked_after is not None:
		deadlines.append(
			working_days_after(
				became_looked_after,
				timescales.iro_allocation_after_looked_after_working_days,
				"became_looked_after",
				calendar,
			)
		)
	return min(deadlines, default=None)


def significant_change_decision_due(
	recorded: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""The IRO, told of a significant change, decides within 5 working days of it being recorded
	whether the child's review is brought forward."""
	calendar, timescales = resolve(calendar, timescales)
	return working_days_after(
		recorded, timescales.significant_change_decision_working_days, "recorded", calendar
	)


def icpc_due(
	strategy_discussion: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""Initial child protection conference: within 15 working days of the strategy discussion."""
	calendar, timescales = resolve(calendar, timescales)
	return working_days_after(
		strategy_discussion, timescales.icpc_working_days, "strategy_discussion", calendar
	)


def rcpc_due(
	previous_conference: date,
	is_first: bool,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""Review conference: 3 months after the ICPC for the first, then not more than 6 months apart."""
	_, timescales = resolve(calendar, timescales)
	require_date(previous_conference, "previous_conference")
	months = timescales.first_rcpc_months if is_first else timescales.later_rcpc_months
	return add_months(previous_conference, months)


def core_group_due(
	icpc_held: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""First core group meeting: within 10 working days of the ICPC."""
	calendar, timescales = resolve(calendar, timescales)
	return working_days_after(icpc_held, timescales.core_group_working_days, "icpc_held", calendar)


def cp_progress_check_due(
	icpc_held: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""The chair's progress check: within the first month of the child protection plan."""
	_, timescales = resolve(calendar, timescales)
	require_date(icpc_held, "icpc_held")
	return add_months(icpc_held, timescales.cp_progress_check_months)


def timeliness(
	held: date,
	due: date,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> Timeliness:
	"""Whether ``held`` met ``due``, and by how many working and calendar days it missed."""
	calendar, _ = resolve(calendar, timescales)
	require_date(held, "held")
	require_date(due, "due")
	if held <= due:
		return Timeliness(True, 0, 0)
	return Timeliness(False, calendar.working_days_between(due, held), (held - due).days)
