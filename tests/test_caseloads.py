from datetime import date

import pytest

from iro_standards.standards.caseloads import (
	Allocation,
	Caseload,
	caseload_per_full_time_iro,
	caseloads_over,
	changes_of_iro,
)
from iro_standards.standards.compliance import profile_age_band

YEAR = (date(2025, 4, 1), date(2026, 3, 31))
ALL_YEAR = [(date(2024, 1, 1), None)]


def test_a_child_held_all_year_counts_one_on_average_and_at_the_end():
	assert caseloads_over(YEAR, {"c1": [Allocation("ada", date(2024, 1, 1))]}, {"c1": ALL_YEAR}) == {
		"ada": Caseload(1.0, 1)
	}


def test_a_child_reallocated_during_the_year_counts_for_each_iro_by_the_days_they_held_it():
	history = [
		Allocation("ada", date(2024, 1, 1), until=date(2025, 9, 30)),
		Allocation("ben", date(2025, 10, 1)),
	]
	loads = caseloads_over(YEAR, {"c1": history}, {"c1": ALL_YEAR})
	assert loads == {"ada": Caseload(0.5, 0), "ben": Caseload(0.5, 1)}


def test_an_iro_who_joined_mid_year_averages_over_the_whole_year():
	allocations = {f"c{n}": [Allocation("cai", date(2026, 1, 1))] for n in range(4)}
	looked_after = {child: ALL_YEAR for child in allocations}
	assert caseloads_over(YEAR, allocations, looked_after) == {"cai": Caseload(1.0, 4)}


def test_only_the_days_a_child_was_looked_after_count():
	allocations = {"c1": [Allocation("ada", date(2024, 1, 1))], "c2": [Allocation("ada", date(2024, 1, 1))]}
	looked_after = {
		"c1": [(date(2024, 1, 1), date(2025, 6, 30)), (date(2026, 1, 1), None)],
		"c2": [(date(2026, 4, 1), None)],
	}
	assert caseloads_over(YEAR, allocations, looked_after) == {"ada": Caseload(0.5, 1)}


def test_an_allocation_outside_the_period_or_a_child_never_looked_after_counts_nothing():
	allocations = {
		"c1": [Allocation("ada", date(2023, 1, 1), until=date(2024, 12, 31))],
		"c2": [Allocation("ben", date(2025, 5, 1))],
		"c3": [Allocation("cai", date(2026, 4, 2))],
	}
	assert caseloads_over(YEAR, allocations, {"c1": ALL_YEAR, "c3": ALL_YEAR}) == {}


def test_a_period_must_be_dates_in_order():
	with pytest.raises(ValueError, match="ends before it starts"):
		caseloads_over((date(2026, 1, 2), date(2026, 1, 1)), {}, {})
	with pytest.raises(ValueError, match="start"):
		caseloads_over(("2025-04-01", date(2026, 1, 1)), {}, {})


def test_each_change_of_iro_in_the_period_is_counted_with_the_children_it_happened_to():
	allocations = {
		"c1": [
			Allocation("ada", date(2024, 1, 1), date(2025, 6, 30)),
			Allocation("ben", date(2025, 7, 1), date(2025, 9, 30)),
			Allocation("cai", date(2025, 10, 1)),
		],
		"c2": [Allocation("ada", date(2025, 5, 1))],
		"c3": [Allocation("ada", date(2023, 1, 1), date(2025, 3, 31)), Allocation("ben", date(2025, 4, 1))],
		"c4": [Allocation("ada", date(2023, 1, 1), date(2024, 3, 31)), Allocation("ben", date(2024, 4, 1))],
	}
	assert changes_of_iro(YEAR, allocations) == (3, 2)


def test_a_caseload_scales_to_a_full_time_post():
	assert caseload_per_full_time_iro(30, 18.5, 37) == 60.0
	assert caseload_per_full_time_iro(52.4, 37, 37) == 52.4
	with pytest.raises(ValueError, match="greater than zero"):
		caseload_per_full_time_iro(30, 0, 37)


@pytest.mark.parametrize(
	("age", "band"),
	[
		(0, "Under 1"),
		(1, "1 to 4"),
		(4, "1 to 4"),
		(5, "5 to 9"),
		(10, "10 to 15"),
		(15, "10 to 15"),
		(16, "16 and over"),
		(17, "16 and over"),
	],
)
def test_a_child_is_counted_in_the_dfes_age_groups(age, band):
	assert profile_age_band(age) == band


def test_an_age_below_zero_has_no_group():
	with pytest.raises(ValueError, match="negative"):
		profile_age_band(-1)
