from datetime import date

import pytest

from iro_standards.standards import pep_due
from iro_standards.standards.education import PepAges, SchoolTerm, next_pep_due

TERMS = (
	SchoolTerm(date(2026, 1, 5), date(2026, 3, 27)),
	SchoolTerm(date(2026, 4, 13), date(2026, 7, 22)),
	SchoolTerm(date(2026, 9, 2), date(2026, 12, 18)),
	SchoolTerm(date(2027, 1, 5), date(2027, 3, 26)),
)
START = date(2026, 1, 12)
AGED_TEN = date(2015, 6, 1)


def test_the_first_pep_is_due_twenty_working_days_after_becoming_looked_after():
	assert next_pep_due(START, AGED_TEN, [], TERMS) == pep_due(START)


@pytest.mark.parametrize(
	("held", "due"),
	[
		(date(2026, 2, 6), date(2026, 7, 22)),
		(date(2026, 4, 1), date(2026, 7, 22)),
		(date(2026, 5, 20), date(2026, 12, 18)),
		(date(2026, 8, 10), date(2026, 12, 18)),
	],
)
def test_after_a_pep_the_next_is_due_by_the_end_of_the_next_term(held, due):
	assert next_pep_due(START, AGED_TEN, [date(2026, 1, 30), held], TERMS) == due


def test_peps_before_the_episode_do_not_count():
	assert next_pep_due(START, AGED_TEN, [date(2025, 11, 3)], TERMS) == pep_due(START)


def test_no_term_configured_that_far_ahead_gives_no_date():
	assert next_pep_due(START, AGED_TEN, [date(2027, 2, 1)], TERMS) is None


def test_an_infant_has_no_pep_until_the_term_after_reaching_the_pep_ages():
	turns_three_in_june = date(2023, 6, 15)
	assert next_pep_due(START, turns_three_in_june, [], TERMS) == date(2026, 12, 18)
	assert next_pep_due(START, date(2025, 6, 1), [], TERMS) is None


def test_a_young_person_past_the_pep_ages_has_none():
	eighteen = date(2008, 1, 1)
	assert next_pep_due(START, eighteen, [], TERMS) is None
	turns_eighteen_in_summer = date(2008, 8, 1)
	assert next_pep_due(START, turns_eighteen_in_summer, [date(2026, 5, 1)], TERMS) is None


def test_the_ages_are_configurable_and_checked():
	assert next_pep_due(START, date(2023, 6, 15), [], TERMS, PepAges(minimum=2)) == pep_due(START)
	with pytest.raises(ValueError, match="PEP ages"):
		PepAges(minimum=10, maximum=5)
	with pytest.raises(ValueError, match="cannot end"):
		SchoolTerm(date(2026, 3, 1), date(2026, 2, 1))
