from datetime import date

import pytest

from iro_standards.standards.stability import (
	Period,
	PlacementRow,
	Stay,
	is_unplanned,
	long_term_stability,
	many_placements,
	moves_between,
	placement_of,
	placements_during,
	stays_from,
)

BORN = date(2015, 6, 1)
MARCH_31 = date(2026, 3, 31)


def period(*starts, end=None, adoption_from=None):
	stays = tuple(
		Stay(day, placed_for_adoption=adoption_from is not None and day >= adoption_from) for day in starts
	)
	return Period(starts[0], end, stays)


def test_placements_during_a_year_count_the_one_in_force_at_its_start():
	periods = [period(date(2024, 1, 10), date(2025, 6, 1), date(2025, 11, 3))]
	assert placements_during(periods, date(2025, 4, 1), MARCH_31) == 3
	assert placements_during(periods, date(2025, 7, 1), MARCH_31) == 2


def test_a_placement_that_ended_the_day_before_the_year_is_not_counted():
	periods = [period(date(2024, 1, 10), date(2025, 4, 1))]
	assert placements_during(periods, date(2025, 4, 1), MARCH_31) == 1


def test_three_placements_in_the_twelve_months_to_a_day_count_only_for_a_child_looked_after_that_day():
	periods = [period(date(2025, 3, 1), date(2025, 7, 1), date(2026, 1, 5))]
	assert many_placements(periods, MARCH_31)
	assert not many_placements(periods, date(2027, 3, 31))
	ended = [period(date(2025, 3, 1), date(2025, 7, 1), date(2026, 1, 5), end=date(2026, 3, 1))]
	assert not many_placements(ended, MARCH_31)


def test_placements_in_two_periods_of_care_in_the_year_all_count():
	periods = [period(date(2025, 5, 1), end=date(2025, 8, 1)), period(date(2025, 12, 1), date(2026, 2, 1))]
	assert placements_during(periods, date(2025, 4, 1), MARCH_31) == 3
	assert many_placements(periods, MARCH_31)


def test_long_term_stability_counts_children_in_care_two_and_a_half_years_in_one_placement_for_two():
	assert long_term_stability(BORN, [period(date(2023, 9, 1))], MARCH_31) is True
	assert long_term_stability(BORN, [period(date(2023, 9, 1), date(2024, 3, 31))], MARCH_31) is True
	assert long_term_stability(BORN, [period(date(2023, 9, 1), date(2024, 4, 1))], MARCH_31) is False
	assert long_term_stability(BORN, [Period(date(2023, 9, 1), None, ())], MARCH_31) is False


def test_long_term_stability_leaves_out_children_in_care_under_two_and_a_half_years_or_over_sixteen():
	assert long_term_stability(BORN, [period(date(2023, 10, 1))], MARCH_31) is None
	assert long_term_stability(date(2010, 3, 31), [period(date(2020, 1, 1))], MARCH_31) is None
	assert long_term_stability(BORN, [period(date(2020, 1, 1), end=date(2025, 1, 1))], MARCH_31) is None


def test_a_child_placed_for_adoption_counts_their_placement_before_it():
	adopted = [period(date(2023, 1, 1), date(2023, 12, 1), date(2025, 9, 1), adoption_from=date(2025, 9, 1))]
	assert long_term_stability(BORN, adopted, MARCH_31) is True
	fostered = [period(date(2023, 1, 1), date(2023, 12, 1), date(2025, 9, 1))]
	assert long_term_stability(BORN, fostered, MARCH_31) is False
	recent = [period(date(2023, 1, 1), date(2024, 12, 1), date(2025, 9, 1), adoption_from=date(2025, 9, 1))]
	assert long_term_stability(BORN, recent, MARCH_31) is False


@pytest.mark.parametrize(
	("stay", "unplanned"),
	[
		(Stay(MARCH_31, reason="Carer Requested"), True),
		(Stay(MARCH_31, reason="Placement Breakdown"), True),
		(Stay(MARCH_31, reason_code="ALLEG"), True),
		(Stay(MARCH_31, reason="Change to the Care Plan", reason_code="CARPL"), False),
		(Stay(MARCH_31, reason="Child Requested"), False),
	],
)
def test_an_unplanned_ending_is_known_by_the_apps_reason_or_the_returns_code(stay, unplanned):
	assert is_unplanned(stay) is unplanned


def test_moves_are_the_changes_of_placement_in_a_time_not_first_placements():
	periods = [period(date(2025, 3, 1), date(2025, 7, 1), date(2026, 1, 5)), period(date(2026, 2, 1))]
	assert [stay.start for stay in moves_between(periods, date(2025, 4, 1), MARCH_31)] == [
		date(2025, 7, 1),
		date(2026, 1, 5),
	]


def test_dates_must_be_dates():
	with pytest.raises(ValueError):
		placements_during([], "2025-04-01", MARCH_31)


def row(day, kind="Foster Care", provider="Northfield", postcode="TW1 2QB", **values):
	return PlacementRow(day, placement_of(kind, provider, postcode), **values)


def test_a_row_that_keeps_the_placement_changes_the_legal_status_only():
	rows = [
		row(date(2025, 1, 6)),
		row(date(2025, 3, 1), postcode="tw1 2qb "),
		row(date(2025, 6, 2), kind="Children's Home", provider="Glan", reason="Carer Requested"),
		row(date(2025, 9, 1), kind="Placed for Adoption", provider="RAA", placed_for_adoption=True),
	]
	assert stays_from(list(reversed(rows))) == (
		Stay(date(2025, 1, 6)),
		Stay(date(2025, 6, 2), reason="Carer Requested"),
		Stay(date(2025, 9, 1), placed_for_adoption=True),
	)
