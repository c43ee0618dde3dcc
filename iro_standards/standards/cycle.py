"""The care-planning cycle: which open records a child should have, from their episode and reviews.

``plan_cycle`` looks at one child's current episode, the reviews held in it and the child's open
records, and returns the steps that make them right: exactly one open next review while the
episode is open, and one progress review for the interval since the last review held. Planning
again after the steps are applied returns nothing, so the steps are safe to repeat.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from iro_standards.standards.regimes import Regime
from iro_standards.standards.rules import (
	ReviewHistory,
	next_review_due,
	progress_review_due,
	resolve,
)
from iro_standards.standards.timescales import Timescales
from iro_standards.standards.working_calendar import WorkingCalendar


@dataclass(frozen=True, slots=True)
class HeldReview:
	name: str
	held: date
	agreed_next: date | None = None
	has_progress_review: bool = False


@dataclass(frozen=True, slots=True)
class OpenReview:
	"""The child's planned (or adjourned) review, the held review it follows and the regime it
	was planned on."""

	name: str
	follows: str | None = None
	regime: Regime = Regime.STANDARD


@dataclass(frozen=True, slots=True)
class OpenProgressReview:
	name: str
	follows: str


@dataclass(frozen=True, slots=True)
class ChildCycle:
	"""One child's current episode (``episode_start`` None when never looked after) and records.

	``recording`` is a review whose held date is entered but which is not yet submitted: the
	meeting took place, so no other review is planned until it is. ``regime`` is the review
	regime in force, since ``regime_start``.
	"""

	episode_start: date | None
	episode_ended: date | None = None
	held: Sequence[HeldReview] = ()
	open_review: OpenReview | None = None
	open_progress_review: OpenProgressReview | None = None
	recording: bool = False
	regime: Regime = Regime.STANDARD
	regime_start: date | None = None

	def history(self) -> ReviewHistory:
		return ReviewHistory(
			self.episode_start, [review.held for review in self.held], self.regime, self.regime_start
		)


class Change(str, Enum):
	CREATE_REVIEW = "create review"
	MOVE_REVIEW = "move review"
	CANCEL_REVIEW = "cancel review"
	CREATE_PROGRESS_REVIEW = "create progress review"
	CLOSE_PROGRESS_REVIEW_MISSED = "close progress review as missed"
	CANCEL_PROGRESS_REVIEW = "cancel progress review"


class Reason(str, Enum):
	EPISODE_ENDED = "episode ended"
	REVIEW_CANCELLED = "review cancelled"
	NEXT_REVIEW_HELD = "next review held"


@dataclass(frozen=True, slots=True)
class Step:
	change: Change
	record: str | None = None
	on: date | None = None
	follows: str | None = None
	reason: Reason | None = None
	regime: Regime = Regime.STANDARD


def plan_cycle(
	cycle: ChildCycle,
	*,
	create_missing: bool = True,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> tuple[Step, ...]:
	"""The steps that bring a child's open records in line with their episode and held reviews.

	An ended episode cancels the open review and progress review. With ``create_missing`` off (a
	service that books reviews by hand) nothing is created or moved; a progress review whose
	review was cancelled is still cancelled, and one overtaken by a later review still closed.
	"""
	if cycle.episode_start is None:
		return ()
	if cycle.episode_ended is not None:
		return closing_steps(cycle)
	calendar, timescales = resolve(calendar, timescales)
	latest = max(cycle.held, key=lambda review: review.held, default=None)
	steps = list(progress_review_closing_steps(cycle, latest))
	if create_missing:
		steps.extend(next_review_steps(cycle, latest, calendar, timescales))
		steps.extend(progress_review_steps(cycle, latest, calendar, timescales))
	return tuple(steps)


def closing_steps(cycle: ChildCycle) -> tuple[Step, ...]:
	steps = []
	if cycle.open_review:
		steps.append(Step(Change.CANCEL_REVIEW, cycle.open_review.name, reason=Reason.EPISODE_ENDED))
	if cycle.open_progress_review:
		steps.append(
			Step(Change.CANCEL_PROGRESS_REVIEW, cycle.open_progress_review.name, reason=Reason.EPISODE_ENDED)
		)
	return tuple(steps)


def next_review_planned(
	cycle: ChildCycle, latest: HeldReview | None, calendar: WorkingCalendar, timescales: Timescales
) -> date:
	"""The date agreed at the last review (never after the statutory limit), else the statutory date,
	brought back to a working day."""
	limit = next_review_due(cycle.history(), calendar=calendar, timescales=timescales).due
	planned = min(latest.agreed_next, limit) if latest and latest.agreed_next else limit
	return calendar.working_day_on_or_before(planned)


def next_review_steps(
	cycle: ChildCycle, latest: HeldReview | None, calendar: WorkingCalendar, timescales: Timescales
) -> tuple[Step, ...]:
	"""One open review following the latest held one, planned again when the regime changes."""
	follows = latest.name if latest else None
	planned = next_review_planned(cycle, latest, calendar, timescales)
	if cycle.open_review is None:
		if cycle.recording:
			return ()
		return (Step(Change.CREATE_REVIEW, on=planned, follows=follows, regime=cycle.regime),)
	if cycle.open_review.follows != follows or cycle.open_review.regime != cycle.regime:
		return (
			Step(
				Change.MOVE_REVIEW, cycle.open_review.name, on=planned, follows=follows, regime=cycle.regime
			),
		)
	return ()


def progress_review_closing_steps(cycle: ChildCycle, latest: HeldReview | None) -> tuple[Step, ...]:
	"""A progress review follows the last review held: one following a cancelled review is
	cancelled, and one the next review overtook was missed."""
	progress = cycle.open_progress_review
	if progress is None or (latest and progress.follows == latest.name):
		return ()
	if progress.follows not in {review.name for review in cycle.held}:
		return (Step(Change.CANCEL_PROGRESS_REVIEW, progress.name, reason=Reason.REVIEW_CANCELLED),)
	return (Step(Change.CLOSE_PROGRESS_REVIEW_MISSED, progress.name, reason=Reason.NEXT_REVIEW_HELD),)


def progress_review_steps(
	cycle: ChildCycle, latest: HeldReview | None, calendar: WorkingCalendar, timescales: Timescales
) -> tuple[Step, ...]:
	if latest is None or latest.has_progress_review:
		return ()
	if cycle.open_progress_review and cycle.open_progress_review.follows == latest.name:
		return ()
	limit = next_review_due(cycle.history(), calendar=calendar, timescales=timescales).due
	return (
		Step(
			Change.CREATE_PROGRESS_REVIEW,
			on=progress_review_due(latest.held, limit),
			follows=latest.name,
		),
	)
