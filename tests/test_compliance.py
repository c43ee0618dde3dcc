from datetime import date

import pytest

from iro_standards.standards import (
	PARTICIPATION_CODES,
	CaseloadBand,
	ReviewHistory,
	ReviewKind,
	Timescales,
	age_in_years,
	caseload_band,
	child_timescales,
	due_soon_until,
	meeting_needs_translation,
	overlapping_period,
	participation_code_fits_age,
	private_conversation_window,
)


@pytest.mark.parametrize(
	("born", "on", "age"),
	[
		(date(2020, 3, 15), date(2024, 3, 14), 3),
		(date(2020, 3, 15), date(2024, 3, 15), 4),
		(date(2020, 2, 29), date(2024, 2, 28), 3),
		(date(2020, 2, 29), date(2024, 2, 29), 4),
	],
)
def test_age_in_years(born, on, age):
	assert age_in_years(born, on) == age


def test_participation_codes_are_pn0_to_pn7():
	assert list(PARTICIPATION_CODES) == [f"PN{n}" for n in range(8)]


@pytest.mark.parametrize(
	("code", "born", "fits"),
	[
		("PN0", date(2023, 1, 10), True),  # 3 on the review day
		("PN1", date(2023, 1, 10), False),
		("PN0", date(2022, 1, 10), False),  # 4 on the review day
		("PN7", date(2022, 1, 10), True),
	],
)
def test_pn0_is_for_and_only_for_children_under_four(code, born, fits):
	assert participation_code_fits_age(code, born, date(2026, 1, 10)) is fits


def test_an_unknown_participation_code_is_refused():
	with pytest.raises(ValueError, match="participation code must be one of PN0 to PN7, not 'PN8'"):
		participation_code_fits_age("PN8", date(2015, 1, 1), date(2026, 1, 1))


class TestOverlappingPeriod:
	episodes = ((date(2024, 1, 1), date(2024, 6, 30)), (date(2025, 1, 1), None))

	@pytest.mark.parametrize(
		("start", "end", "expected"),
		[
			(date(2024, 7, 1), date(2024, 12, 31), None),
			(date(2024, 6, 30), date(2024, 8, 1), (date(2024, 1, 1), date(2024, 6, 30))),
			(date(2023, 6, 1), date(2024, 1, 1), (date(2024, 1, 1), date(2024, 6, 30))),
			(date(2024, 8, 1), None, (date(2025, 1, 1), None)),
			(date(2026, 1, 1), date(2026, 2, 1), (date(2025, 1, 1), None)),
			(date(2023, 1, 1), date(2023, 12, 31), None),
		],
	)
	def test_overlaps(self, start, end, expected):
		assert overlapping_period(start, end, self.episodes) == expected

	def test_start_is_required(self):
		with pytest.raises(ValueError, match="start is required"):
			overlapping_period(None, None, [])


class TestChildTimescales:
	def test_before_any_review_there_is_no_progress_review(self):
		result = child_timescales(ReviewHistory(date(2025, 12, 20)))
		assert (result.next_review.due, result.next_review.kind) == (date(2026, 1, 21), ReviewKind.FIRST)
		assert (result.progress_review_due, result.last_review_held) == (None, None)

	def test_after_a_review_the_progress_review_is_the_mid_point(self):
		result = child_timescales(ReviewHistory(date(2025, 12, 20), [date(2026, 1, 19)]))
		assert result.next_review.due == date(2026, 4, 19)
		assert result.progress_review_due == date(2026, 3, 5)
		assert result.last_review_held == date(2026, 1, 19)


class TestDueSoonWindow:
	today = date(2026, 1, 19)  # a Monday

	def test_the_window_counts_working_days(self):
		assert due_soon_until(self.today, 10) == date(2026, 2, 2)
		assert due_soon_until(self.today, 2) == date(2026, 1, 21)
		assert due_soon_until(date(2025, 12, 19), 3) == date(2025, 12, 24)

	def test_today_is_required(self):
		with pytest.raises(ValueError, match="today is required"):
			due_soon_until(None, 10)


@pytest.mark.parametrize(
	("children", "band"),
	[
		(49, CaseloadBand.BELOW),
		(50, CaseloadBand.WITHIN),
		(70, CaseloadBand.WITHIN),
		(71, CaseloadBand.ABOVE),
	],
)
def test_caseload_band_against_the_handbook_range(children, band):
	assert caseload_band(children) == band


def test_caseload_band_follows_the_configured_range():
	local = Timescales(caseload_minimum=40, caseload_maximum=55)
	assert caseload_band(56, local) == CaseloadBand.ABOVE
	assert caseload_band(45, local) == CaseloadBand.WITHIN


def test_the_window_for_speaking_to_the_child_alone_runs_from_the_last_review_before():
	start = date(2025, 12, 20)
	assert private_conversation_window(start, [], date(2026, 1, 19)) == (start, date(2026, 1, 19))
	held = [date(2026, 1, 19), date(2026, 7, 10)]
	assert private_conversation_window(start, held, date(2026, 7, 1)) == (date(2026, 1, 19), date(2026, 7, 1))
	assert private_conversation_window(start, held, date(2027, 1, 1)) == (date(2026, 7, 10), date(2027, 1, 1))


@pytest.mark.parametrize(
	("languages", "asked_for", "needed"),
	[
		(["English", "English", ""], False, False),
		(["Welsh", "Welsh"], False, False),
		(["Welsh", "English"], False, True),
		(["", "Welsh", None], False, False),
		([], True, True),
		(["English"], True, True),
	],
)
def test_a_meeting_needs_translation_when_asked_for_or_when_languages_differ(languages, asked_for, needed):
	assert meeting_needs_translation(languages, asked_for) is needed
