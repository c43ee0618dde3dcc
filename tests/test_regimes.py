from dataclasses import replace
from datetime import date

import pytest

from iro_standards.standards import WALES, NextReview, ReviewHistory, ReviewKind, Timescales, next_review_due
from iro_standards.standards.cycle import Change, ChildCycle, HeldReview, OpenReview, Step, plan_cycle
from iro_standards.standards.regimes import (
	Arrangement,
	Regime,
	RegimeSpan,
	is_placed_for_adoption,
	review_regime,
)
from iro_standards.standards.ssda903 import LEGAL_STATUS, PLACEMENT_TYPE

SHORT_BREAKS = Regime.SHORT_BREAKS
ADOPTION = Regime.PLACED_FOR_ADOPTION
IN_CARE = date(2024, 6, 3)
PLACED_FOR_ADOPTION = date(2024, 11, 4)


def due(held, regime, since, **kwargs):
	return next_review_due(ReviewHistory(IN_CARE, held, regime, since), **kwargs)


# Short breaks: CPPCR 2010 reg 48, CPPCR(W) 2015 reg 62


def test_a_short_breaks_child_is_first_reviewed_within_three_months_of_the_first_placement():
	assert due([], SHORT_BREAKS, date(2025, 1, 15)) == NextReview(date(2025, 4, 15), ReviewKind.FIRST)


def test_a_short_breaks_child_is_then_reviewed_at_most_every_six_months():
	assert due([date(2025, 4, 10)], SHORT_BREAKS, date(2025, 1, 15)) == NextReview(
		date(2025, 10, 10), ReviewKind.SECOND
	)
	assert due([date(2025, 4, 10), date(2025, 10, 1)], SHORT_BREAKS, date(2025, 1, 15)) == NextReview(
		date(2026, 4, 1), ReviewKind.SUBSEQUENT
	)


def test_short_breaks_are_never_held_to_the_standard_twenty_working_days():
	standard = next_review_due(ReviewHistory(date(2025, 1, 15)))
	assert standard.due == date(2025, 2, 12)
	assert due([], SHORT_BREAKS, date(2025, 1, 15)).due > standard.due


# Placed for adoption: Adoption Agencies Regulations 2005 reg 36


def test_a_child_placed_for_adoption_is_reviewed_within_four_weeks_of_the_placement():
	earlier = [date(2024, 6, 20), date(2024, 9, 10)]
	assert due(earlier, ADOPTION, PLACED_FOR_ADOPTION) == NextReview(date(2024, 12, 2), ReviewKind.FIRST)


def test_after_placement_for_adoption_the_second_review_is_within_three_months_then_every_six():
	earlier = [date(2024, 6, 20), date(2024, 9, 10)]
	after = [date(2024, 11, 28)]
	assert due(earlier + after, ADOPTION, PLACED_FOR_ADOPTION) == NextReview(
		date(2025, 2, 28), ReviewKind.SECOND
	)
	assert due(earlier + after + [date(2025, 2, 20)], ADOPTION, PLACED_FOR_ADOPTION) == NextReview(
		date(2025, 8, 20), ReviewKind.SUBSEQUENT
	)


def test_a_review_on_the_day_of_placement_counts_as_the_first_after_it():
	assert due([PLACED_FOR_ADOPTION], ADOPTION, PLACED_FOR_ADOPTION).kind == ReviewKind.SECOND


def test_three_months_after_a_review_on_30_november_is_the_end_of_february():
	assert due([date(2025, 11, 30)], ADOPTION, date(2025, 11, 3)).due == date(2026, 2, 28)


def test_four_weeks_after_31_january_is_28_february():
	assert due([], ADOPTION, date(2025, 1, 31)).due == date(2025, 2, 28)


def test_the_regime_timescales_are_the_sites():
	local = Timescales(adoption_first_review_weeks=2, short_breaks_first_review_months=2)
	assert due([], ADOPTION, PLACED_FOR_ADOPTION, timescales=local).due == date(2024, 11, 18)
	assert due([], SHORT_BREAKS, IN_CARE, timescales=local).due == date(2024, 8, 3)
	assert due([], ADOPTION, PLACED_FOR_ADOPTION, timescales=WALES).due == date(2024, 12, 2)


def test_a_regime_cannot_start_before_the_episode():
	with pytest.raises(ValueError, match="regime_start"):
		due([], ADOPTION, date(2024, 5, 1))


def test_without_a_start_a_regime_runs_from_the_episode():
	assert due([], SHORT_BREAKS, None).due == date(2024, 9, 3)


# Which regime is in force


def arrangement(start, legal_status="C2", adoption=False, same_carer=False):
	return Arrangement(start, legal_status, placed_for_adoption=adoption, same_carer=same_carer)


def test_a_child_with_no_recorded_arrangement_is_on_the_standard_cycle():
	assert review_regime([], IN_CARE) == RegimeSpan(Regime.STANDARD, IN_CARE)


def test_a_child_in_foster_care_is_on_the_standard_cycle_from_the_episode():
	assert review_regime([arrangement(IN_CARE), arrangement(date(2024, 8, 1))], IN_CARE) == RegimeSpan(
		Regime.STANDARD, IN_CARE
	)


def test_placement_for_adoption_starts_the_adoption_cycle_on_the_day_of_the_move():
	moves = [arrangement(IN_CARE), arrangement(PLACED_FOR_ADOPTION, "E1", adoption=True)]
	assert review_regime(moves, IN_CARE) == RegimeSpan(ADOPTION, PLACED_FOR_ADOPTION)


def test_a_legal_status_change_with_the_same_adopters_keeps_the_day_of_placement():
	moves = [
		arrangement(IN_CARE),
		arrangement(PLACED_FOR_ADOPTION, "C2", adoption=True),
		arrangement(date(2025, 1, 10), "E1", adoption=True, same_carer=True),
	]
	assert review_regime(moves, IN_CARE) == RegimeSpan(ADOPTION, PLACED_FOR_ADOPTION)


def test_a_move_to_other_adopters_starts_the_adoption_clock_again():
	moves = [
		arrangement(IN_CARE),
		arrangement(PLACED_FOR_ADOPTION, "E1", adoption=True),
		arrangement(date(2025, 3, 1), "E1", adoption=True),
	]
	assert review_regime(moves, IN_CARE) == RegimeSpan(ADOPTION, date(2025, 3, 1))


def test_an_adoptive_placement_that_ends_returns_the_child_to_the_standard_cycle():
	moves = [
		arrangement(IN_CARE),
		arrangement(PLACED_FOR_ADOPTION, "E1", adoption=True),
		arrangement(date(2025, 3, 1), "E1"),
	]
	assert review_regime(moves, IN_CARE) == RegimeSpan(Regime.STANDARD, IN_CARE)


@pytest.mark.parametrize("legal_status", ["V3", "V4"])
def test_short_breaks_run_from_the_first_of_the_unbroken_short_break_arrangements(legal_status):
	moves = [
		arrangement(IN_CARE, legal_status),
		arrangement(date(2024, 9, 1), legal_status),
		arrangement(date(2025, 2, 1), legal_status),
	]
	assert review_regime(moves, IN_CARE) == RegimeSpan(SHORT_BREAKS, IN_CARE)


def test_short_breaks_after_full_time_care_run_from_the_first_short_break():
	moves = [arrangement(IN_CARE, "C2"), arrangement(date(2025, 2, 1), "V4")]
	assert review_regime(moves, IN_CARE) == RegimeSpan(SHORT_BREAKS, date(2025, 2, 1))


def test_the_regimes_codes_are_the_returns_codes():
	from iro_standards.standards.regimes import ADOPTION_PLACEMENTS, SHORT_BREAK_LEGAL_STATUSES

	assert all("short-term breaks" in LEGAL_STATUS[code] for code in SHORT_BREAK_LEGAL_STATUSES)
	assert all("adoption" in PLACEMENT_TYPE[code].lower() for code in ADOPTION_PLACEMENTS)


# The cycle follows the regime


def test_a_new_short_breaks_series_plans_its_first_review_three_months_on():
	cycle = ChildCycle(date(2025, 1, 15), regime=SHORT_BREAKS, regime_start=date(2025, 1, 15))
	assert plan_cycle(cycle) == (Step(Change.CREATE_REVIEW, on=date(2025, 4, 15), regime=SHORT_BREAKS),)


def test_placement_for_adoption_brings_the_open_review_forward_to_within_four_weeks():
	standard = ChildCycle(
		IN_CARE,
		held=[
			HeldReview("R1", date(2024, 6, 20)),
			HeldReview("R2", date(2024, 9, 10), has_progress_review=True),
		],
		open_review=OpenReview("R3", "R2"),
	)
	assert plan_cycle(standard) == ()
	placed = replace(standard, regime=ADOPTION, regime_start=PLACED_FOR_ADOPTION)
	assert plan_cycle(placed) == (
		Step(Change.MOVE_REVIEW, "R3", on=date(2024, 12, 2), follows="R2", regime=ADOPTION),
	)
	moved = replace(placed, open_review=OpenReview("R3", "R2", ADOPTION))
	assert plan_cycle(moved) == ()


def test_a_regime_deadline_on_a_weekend_is_planned_on_the_working_day_before():
	cycle = ChildCycle(IN_CARE, regime=ADOPTION, regime_start=date(2024, 11, 9))
	(step,) = plan_cycle(cycle)
	assert (step.on, step.on.weekday()) == (date(2024, 12, 6), 4)


@pytest.mark.parametrize(
	("code", "kind", "expected"),
	[("A4", "", True), ("", "Placed for Adoption", True), ("U4", "Foster Care", False), (None, None, False)],
)
def test_a_placement_for_adoption_is_known_by_its_code_or_the_apps_own_type(code, kind, expected):
	assert is_placed_for_adoption(code, kind) is expected
