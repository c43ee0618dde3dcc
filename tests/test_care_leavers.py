from datetime import date

import pytest

from iro_standards.standards import Timescales
from iro_standards.standards.care_leavers import (
	birthday,
	eligible_from,
	pathway_plan_due,
	thirteenth_week_since_fourteen,
)

BORN = date(2010, 3, 10)
SIXTEEN = date(2026, 3, 10)


def test_a_birthday_on_29_february_falls_on_28_february_in_other_years():
	assert birthday(date(2012, 2, 29), 14) == date(2026, 2, 28)
	assert birthday(date(2012, 2, 29), 16) == date(2028, 2, 29)


def test_only_time_in_care_since_the_fourteenth_birthday_counts_towards_thirteen_weeks():
	assert thirteenth_week_since_fourteen(BORN, [(date(2023, 1, 1), None)], date(2026, 12, 7)) == date(
		2024, 6, 8
	)


def test_weeks_in_separate_periods_of_care_add_up():
	periods = [(date(2024, 4, 1), date(2024, 5, 31)), (date(2026, 9, 1), None)]
	assert thirteenth_week_since_fourteen(BORN, periods, date(2026, 12, 7)) == date(2026, 9, 30)


def test_a_child_in_care_since_before_fourteen_is_eligible_on_their_sixteenth_birthday():
	assert eligible_from(BORN, [(date(2023, 1, 1), None)], date(2026, 12, 7)) == SIXTEEN


def test_a_child_is_not_eligible_before_sixteen():
	assert eligible_from(BORN, [(date(2023, 1, 1), None)], date(2026, 3, 9)) is None


def test_a_child_who_came_into_care_at_sixteen_is_eligible_after_thirteen_weeks():
	periods = [(date(2026, 10, 1), None)]
	assert eligible_from(BORN, periods, date(2026, 12, 7)) is None
	assert eligible_from(BORN, periods, date(2027, 1, 5)) == date(2026, 12, 30)


def test_an_earlier_period_before_fourteen_counts_only_from_the_birthday():
	periods = [(date(2023, 1, 1), date(2024, 4, 1)), (date(2026, 5, 1), None)]
	assert eligible_from(BORN, periods, date(2026, 12, 7)) == date(2026, 7, 7)


def test_a_child_who_returns_to_care_with_thirteen_weeks_already_is_eligible_on_return():
	periods = [(date(2024, 4, 1), date(2025, 4, 1)), (date(2026, 9, 1), None)]
	assert eligible_from(BORN, periods, date(2026, 12, 7)) == date(2026, 9, 1)


def test_a_young_person_no_longer_looked_after_or_eighteen_is_not_an_eligible_child():
	assert eligible_from(BORN, [(date(2023, 1, 1), date(2026, 6, 1))], date(2026, 12, 7)) is None
	assert eligible_from(BORN, [(date(2023, 1, 1), None)], date(2028, 3, 10)) is None
	assert eligible_from(BORN, [(date(2023, 1, 1), None)], date(2028, 3, 9)) == SIXTEEN


def test_the_first_pathway_plan_is_due_three_months_after_becoming_eligible():
	assert pathway_plan_due(SIXTEEN, None) == date(2026, 6, 10)


def test_a_pathway_plan_review_before_eligibility_does_not_count():
	assert pathway_plan_due(SIXTEEN, date(2026, 1, 5)) == date(2026, 6, 10)


def test_the_pathway_plan_is_then_reviewed_at_least_every_six_months():
	assert pathway_plan_due(SIXTEEN, date(2026, 5, 1)) == date(2026, 11, 1)
	assert pathway_plan_due(SIXTEEN, date(2026, 8, 31)) == date(2027, 2, 28)


def test_the_pathway_plan_timescales_are_the_sites():
	local = Timescales(pathway_plan_first_months=1, pathway_plan_review_months=4)
	assert pathway_plan_due(SIXTEEN, None, local) == date(2026, 4, 10)
	assert pathway_plan_due(SIXTEEN, date(2026, 5, 1), local) == date(2026, 9, 1)


def test_dates_must_be_dates():
	with pytest.raises(ValueError):
		pathway_plan_due("2026-03-10", None)
	with pytest.raises(ValueError):
		eligible_from(BORN, [], "today")


def test_a_period_of_care_wholly_before_fourteen_counts_for_nothing():
	periods = [(date(2022, 1, 1), date(2023, 6, 1)), (date(2026, 10, 1), None)]
	assert eligible_from(BORN, periods, date(2027, 1, 5)) == date(2026, 12, 30)
