"""Which review cycle a child is on, from the legal status and placement in force.

Most children follow the standard cycle (20 working days, 3 months, 6 months). A child in a series
of short breaks (legal status V3 or V4; England CPPCR 2010 reg 48, Wales CPPCR(W) 2015 reg 62) and
a child placed for adoption (Adoption Agencies Regulations 2005 reg 36 and the Wales equivalent)
follow their own, counted from the day that regime began.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

SHORT_BREAK_LEGAL_STATUSES = frozenset({"V3", "V4"})
ADOPTION_PLACEMENTS = frozenset({"A3", "A4", "A5", "A6"})
ADOPTION_PLACEMENT_TYPE = "Placed for Adoption"


class Regime(str, Enum):
	STANDARD = "Standard"
	SHORT_BREAKS = "Short Breaks"
	PLACED_FOR_ADOPTION = "Placed for Adoption"


def is_placed_for_adoption(placement_code: str | None, placement_type: str | None) -> bool:
	"""A placement for adoption: by its SSDA903 code (A3 to A6) or the app's own placement type."""
	return placement_code in ADOPTION_PLACEMENTS or placement_type == ADOPTION_PLACEMENT_TYPE


@dataclass(frozen=True, slots=True)
class Arrangement:
	"""A legal status and placement in force from ``start``; ``same_carer`` when it only changes
	the legal status or code of the placement before it (the child did not move)."""

	start: date
	legal_status: str = ""
	placed_for_adoption: bool = False
	same_carer: bool = False

	@property
	def short_breaks(self) -> bool:
		return self.legal_status in SHORT_BREAK_LEGAL_STATUSES


@dataclass(frozen=True, slots=True)
class RegimeSpan:
	regime: Regime
	since: date


def review_regime(arrangements: Sequence[Arrangement], episode_start: date) -> RegimeSpan:
	"""The regime of the arrangement in force last, since the day it began.

	Short breaks run from the first of the unbroken run of short-break arrangements. Adoption runs
	from the day the child moved to the adoptive placement: a later legal status change with the
	same carers keeps that day, a move to other adopters starts the clock again.
	"""
	if not arrangements:
		return RegimeSpan(Regime.STANDARD, episode_start)
	current = arrangements[-1]
	if current.short_breaks:
		return RegimeSpan(Regime.SHORT_BREAKS, run_start(arrangements, lambda a, _later: a.short_breaks))
	if current.placed_for_adoption:
		return RegimeSpan(
			Regime.PLACED_FOR_ADOPTION,
			run_start(arrangements, lambda a, later: a.placed_for_adoption and later.same_carer),
		)
	return RegimeSpan(Regime.STANDARD, episode_start)


def run_start(arrangements: Sequence[Arrangement], continues) -> date:
	"""The start of the last arrangement, taken back over each earlier one ``continues`` into it."""
	start = arrangements[-1].start
	for earlier, later in zip(reversed(arrangements[:-1]), reversed(arrangements[1:]), strict=True):
		if not continues(earlier, later):
			break
		start = earlier.start
	return start
