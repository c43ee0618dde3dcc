"""Compliance rules the case records share: participation codes, episodes, the due-soon window."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from iro_standards.standards.dates import require_date
from iro_standards.standards.rules import (
	NextReview,
	ReviewHistory,
	next_review_due,
	progress_review_due,
	resolve,
)
from iro_standards.standards.timescales import ENGLAND, Timescales
from iro_standards.standards.working_calendar import WorkingCalendar

PARTICIPATION_CODES = {
	"PN0": "Child under 4 at the time of the review",
	"PN1": "Attends and speaks for themself",
	"PN2": "Attends; an advocate speaks for them",
	"PN3": "Attends and conveys their view non-verbally",
	"PN4": "Attends but does not speak, convey a view, or ask an advocate to",
	"PN5": "Does not attend; briefs an advocate to speak for them",
	"PN6": "Does not attend; conveys their view by another medium",
	"PN7": "Does not attend and their view is not conveyed",
}
UNDER_FOUR_CODE = "PN0"


@dataclass(frozen=True, slots=True)
class ChildTimescales:
	next_review: NextReview
	progress_review_due: date | None
	last_review_held: date | None


class CaseloadBand(str, Enum):
	BELOW = "Below range"
	WITHIN = "Within range"
	ABOVE = "Above range"


def caseload_band(children: float, timescales: Timescales | None = None) -> CaseloadBand:
	"""An IRO's caseload against the configured range (the IRO Handbook suggests 50 to 70)."""
	timescales = timescales or ENGLAND
	if children > timescales.caseload_maximum:
		return CaseloadBand.ABOVE
	return CaseloadBand.BELOW if children < timescales.caseload_minimum else CaseloadBand.WITHIN


# The age groups of the DfE's statistics on children looked after.
PROFILE_AGE_BANDS = ((0, 0, "Under 1"), (1, 4, "1 to 4"), (5, 9, "5 to 9"), (10, 15, "10 to 15"))
OLDEST_BAND = "16 and over"


def profile_age_band(age: int) -> str:
	"""The age group a child of ``age`` is counted in, in the DfE's statistics."""
	if age < 0:
		raise ValueError("age cannot be negative")
	return next((label for low, high, label in PROFILE_AGE_BANDS if low <= age <= high), OLDEST_BAND)


def age_in_years(date_of_birth: date, on: date) -> int:
	require_date(date_of_birth, "date_of_birth")
	require_date(on, "on")
	return on.year - date_of_birth.year - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))


def participation_code_fits_age(code: str, date_of_birth: date, review_date: date) -> bool:
	"""PN0 is for, and only for, a child under 4 on the day of the review."""
	if code not in PARTICIPATION_CODES:
		raise ValueError(f"participation code must be one of PN0 to PN7, not {code!r}")
	return (code == UNDER_FOUR_CODE) == (age_in_years(date_of_birth, review_date) < 4)


def overlapping_period(
	start: date, end: date | None, others: Iterable[tuple[date, date | None]]
) -> tuple[date, date | None] | None:
	"""The first of ``others`` that shares a day with ``start``..``end`` (an open end runs forever)."""
	require_date(start, "start")
	for other_start, other_end in others:
		starts_before_other_ends = other_end is None or start <= other_end
		ends_after_other_starts = end is None or other_start <= end
		if starts_before_other_ends and ends_after_other_starts:
			return other_start, other_end
	return None


def child_timescales(
	history: ReviewHistory,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> ChildTimescales:
	"""The next review, the mid-point progress review (once a review is held) and the last review."""
	calendar, timescales = resolve(calendar, timescales)
	upcoming = next_review_due(history, calendar=calendar, timescales=timescales)
	if not history.held_reviews:
		return ChildTimescales(upcoming, None, None)
	last = max(history.held_reviews)
	return ChildTimescales(upcoming, progress_review_due(last, upcoming.due), last)


def due_soon_until(
	today: date,
	due_soon_working_days: int,
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date:
	"""The last day that counts as due soon: ``due_soon_working_days`` working days from today."""
	calendar, _ = resolve(calendar, timescales)
	return calendar.add_working_days(require_date(today, "today"), due_soon_working_days)


def private_conversation_window(
	became_looked_after: date, earlier_reviews: Sequence[date], review_date: date
) -> tuple[date, date]:
	"""The days in which the IRO speaking to the child alone counts for a review: from the last
	review held before it (or the day the child became looked after) up to the review."""
	held = [day for day in earlier_reviews if day < review_date]
	return (max(held) if held else became_looked_after, review_date)


def meeting_needs_translation(languages_of_choice: Iterable[str], interpreter_asked_for: bool) -> bool:
	"""A review needs an interpreter or translation when someone asked for an interpreter, or when
	the people taking part chose different languages (Welsh and English) for the meeting."""
	return interpreter_asked_for or len({language for language in languages_of_choice if language}) > 1
