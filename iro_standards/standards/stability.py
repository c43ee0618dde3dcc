"""Placement stability: the DfE's measures and the moves an IRO watches for drift and disruption.

- **Short-term**: a child looked after on a day with three or more placements in the 12 months to
  it (the DfE counts children looked after at 31 March with three or more placements in the year).
- **Long-term**: of children under 16 looked after continuously for at least 2.5 years, those who
  have lived in the same placement for at least 2 years, or who are placed for adoption and whose
  adoptive placement together with the one before has lasted 2 years.
- **Unplanned endings**: a placement that ended because the carer asked, an allegation, the
  provision closing or a breakdown, not because the plan said so.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from iro_standards.standards.compliance import age_in_years
from iro_standards.standards.dates import add_months, require_date

MANY_PLACEMENTS = 3
LONG_TERM_MONTHS_IN_CARE = 30
LONG_TERM_MONTHS_IN_PLACEMENT = 24
LONG_TERM_UNDER_AGE = 16
# The app's own reasons and the SSDA903 codes of a placement ended other than by the plan.
UNPLANNED_REASONS = frozenset(
	{"Carer Requested", "Provision Closed", "Allegation or Concern", "Placement Breakdown"}
)
UNPLANNED_CODES = frozenset({"CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO"})


@dataclass(frozen=True, slots=True)
class Stay:
	"""A placement from ``start`` until the next one starts or the period of care ends; ``reason`` is
	why the child moved into it (the previous placement's ending), empty for the first."""

	start: date
	placed_for_adoption: bool = False
	reason: str = ""
	reason_code: str = ""


@dataclass(frozen=True, slots=True)
class Period:
	start: date
	end: date | None
	stays: tuple[Stay, ...]


@dataclass(frozen=True, slots=True)
class PlacementRow:
	"""One row of an episode's placement history: a move, or a change of legal status only."""

	moved_on: date
	placement: tuple[str, str, str]
	placed_for_adoption: bool = False
	reason: str = ""
	reason_code: str = ""


def placement_of(
	placement_type: str | None, provider: str | None, postcode: str | None
) -> tuple[str, str, str]:
	"""What makes a placement: a row with the same type, provider and postcode as the one before
	changes the legal status only."""
	return (placement_type or "", provider or "", (postcode or "").strip().upper())


def stays_from(rows: Sequence[PlacementRow]) -> tuple[Stay, ...]:
	"""The placements of an episode's history, in order: a new one at each change of placement."""
	stays = []
	earlier = None
	for row in sorted(rows, key=lambda r: r.moved_on):
		if earlier is None or row.placement != earlier.placement:
			stays.append(Stay(row.moved_on, row.placed_for_adoption, row.reason, row.reason_code))
		earlier = row
	return tuple(stays)


def stay_spans(period: Period) -> list[tuple[Stay, date | None]]:
	"""Each stay with its last day: the day before the next starts, or the period's end."""
	spans = []
	for index, stay in enumerate(period.stays):
		later = period.stays[index + 1] if index + 1 < len(period.stays) else None
		spans.append((stay, later.start - timedelta(days=1) if later else period.end))
	return spans


def placements_during(periods: Sequence[Period], start: date, end: date) -> int:
	"""The placements a child lived in at any time from ``start`` to ``end``."""
	require_date(start, "start")
	require_date(end, "end")
	return sum(
		1
		for period in periods
		for stay, last in stay_spans(period)
		if stay.start <= end and (last is None or last >= start)
	)


def looked_after_on(periods: Sequence[Period], day: date) -> Period | None:
	return next((p for p in periods if p.start <= day and (p.end is None or p.end >= day)), None)


def many_placements(periods: Sequence[Period], on: date) -> bool:
	"""Looked after on ``on`` with three or more placements in the 12 months to it."""
	if looked_after_on(periods, on) is None:
		return False
	return placements_during(periods, add_months(on, -12) + timedelta(days=1), on) >= MANY_PLACEMENTS


def long_term_stability(date_of_birth: date, periods: Sequence[Period], on: date) -> bool | None:
	"""None for a child the measure does not count (16 or over, or not looked after continuously
	for 2.5 years); else whether their placement has lasted 2 years (an adoptive placement with the
	one before it)."""
	current = looked_after_on(periods, on)
	if current is None or age_in_years(date_of_birth, on) >= LONG_TERM_UNDER_AGE:
		return None
	if current.start > add_months(on, -LONG_TERM_MONTHS_IN_CARE):
		return None
	two_years_ago = add_months(on, -LONG_TERM_MONTHS_IN_PLACEMENT)
	stays = [stay for stay in current.stays if stay.start <= on]
	if not stays:
		return False
	if stays[-1].start <= two_years_ago:
		return True
	return stays[-1].placed_for_adoption and len(stays) > 1 and stays[-2].start <= two_years_ago


def is_unplanned(stay: Stay) -> bool:
	"""A move into ``stay`` that ended the placement before it other than by the plan."""
	return stay.reason in UNPLANNED_REASONS or stay.reason_code in UNPLANNED_CODES


def moves_between(periods: Sequence[Period], start: date, end: date) -> list[Stay]:
	"""The moves from one placement to another from ``start`` to ``end`` (a first placement is not one)."""
	return [stay for period in periods for stay in period.stays[1:] if start <= stay.start <= end]
