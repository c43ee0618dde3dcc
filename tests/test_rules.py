from datetime import date, datetime

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from iro_standards.standards import (
	ENGLAND,
	WALES,
	ReviewHistory,
	ReviewKind,
	Timeliness,
	Timescales,
	WorkingCalendar,
	add_months,
	allocation_deadline,
	core_group_due,
	cp_progress_check_due,
	first_review_due,
	icpc_due,
	iro_allocation_due,
	looked_after_notification_due,
	next_review_due,
	pep_due,
	progress_review_due,
	rcpc_due,
	second_review_due,
	subsequent_review_due,
	timeliness,
)
from iro_standards.standards.rules import significant_change_decision_due


def test_first_review_due_with_a_date_alone_uses_england():
	assert first_review_due(date(2025, 1, 6)) == date(2025, 2, 3)


def test_first_review_for_a_child_entering_care_on_20_december():
	# 22-24 Dec, 29-31 Dec, 2 Jan, 5-9, 12-16 and 19-21 Jan 2026: the 20th working day is 21 Jan.
	assert first_review_due(date(2025, 12, 20)) == date(2026, 1, 21)


def test_first_review_respects_local_closures(christmas_shutdown):
	assert first_review_due(date(2025, 12, 20), calendar=christmas_shutdown) == date(2026, 1, 26)


def test_first_review_with_local_timescales():
	assert first_review_due(date(2025, 1, 6), timescales=replace_first(10)) == date(2025, 1, 20)


def replace_first(days: int) -> Timescales:
	return Timescales.for_jurisdiction("wales", first_review_working_days=days)


@pytest.mark.parametrize(
	("held", "expected"),
	[
		(date(2025, 1, 31), date(2025, 4, 30)),
		(date(2023, 11, 30), date(2024, 2, 29)),  # leap year
		(date(2024, 11, 30), date(2025, 2, 28)),
		(date(2025, 3, 15), date(2025, 6, 15)),
	],
)
def test_second_review_is_three_months_after_the_first(held, expected):
	assert second_review_due(held) == expected


@pytest.mark.parametrize(
	("held", "expected"),
	[
		(date(2023, 8, 31), date(2024, 2, 29)),
		(date(2024, 8, 31), date(2025, 2, 28)),
		(date(2025, 10, 31), date(2026, 4, 30)),
		(date(2025, 7, 1), date(2026, 1, 1)),  # a bank holiday is still the deadline in months
	],
)
def test_subsequent_review_is_six_months_after_the_previous(held, expected):
	assert subsequent_review_due(held) == expected


@given(
	start=st.dates(min_value=date(2000, 1, 1), max_value=date(2059, 12, 31)),
	months=st.integers(min_value=-36, max_value=36),
)
def test_add_months_clamps_like_relativedelta(start, months):
	assert add_months(start, months) == start + relativedelta(months=months)


class TestNextReviewDue:
	def test_no_review_yet_is_the_first_review(self):
		assert next_review_due(ReviewHistory(date(2025, 12, 20))) == (
			next_review_due(ReviewHistory(date(2025, 12, 20), ()))
		)
		result = next_review_due(ReviewHistory(date(2025, 12, 20)))
		assert (result.due, result.kind) == (date(2026, 1, 21), ReviewKind.FIRST)

	def test_after_the_first_review_the_second_is_three_months_later(self):
		result = next_review_due(ReviewHistory(date(2025, 12, 20), [date(2026, 1, 19)]))
		assert (result.due, result.kind) == (date(2026, 4, 19), ReviewKind.SECOND)

	def test_later_reviews_are_six_months_after_the_latest(self):
		history = ReviewHistory(date(2025, 12, 20), [date(2026, 1, 19), date(2026, 4, 14)])
		result = next_review_due(history)
		assert (result.due, result.kind) == (date(2026, 10, 14), ReviewKind.SUBSEQUENT)

	def test_a_review_brought_forward_restarts_the_clock(self):
		history = ReviewHistory(date(2025, 12, 20), [date(2026, 1, 19), date(2026, 4, 14), date(2026, 6, 2)])
		assert next_review_due(history).due == date(2026, 12, 2)

	def test_history_order_does_not_matter(self):
		history = ReviewHistory(date(2024, 1, 2), (date(2024, 8, 31), date(2024, 1, 25), date(2024, 4, 20)))
		assert next_review_due(history).due == date(2025, 2, 28)

	def test_a_brought_forward_first_review_is_still_the_first(self):
		result = next_review_due(ReviewHistory(date(2026, 3, 2), [date(2026, 3, 9)]))
		assert (result.due, result.kind) == (date(2026, 6, 9), ReviewKind.SECOND)

	def test_wales_timescales_and_calendar(self):
		result = next_review_due(ReviewHistory(date(2025, 12, 20)), timescales=WALES)
		assert result.due == date(2026, 1, 21)

	def test_a_review_held_before_the_episode_is_refused(self):
		with pytest.raises(ValueError, match=r"held review date \(2025-12-19\) is before episode_start"):
			next_review_due(ReviewHistory(date(2025, 12, 20), [date(2025, 12, 19)]))

	@pytest.mark.parametrize(
		("history", "message"),
		[
			(ReviewHistory(None), "episode_start is required"),
			(ReviewHistory(date(2025, 1, 1), [None]), "held_reviews is required"),
			(ReviewHistory(date(2025, 1, 1), ["2025-02-01"]), "held_reviews must be a date, not str"),
		],
	)
	def test_missing_dates_are_refused(self, history, message):
		with pytest.raises(ValueError, match=message):
			next_review_due(history)


def test_progress_review_is_the_mid_point():
	assert progress_review_due(date(2026, 1, 19), date(2026, 4, 19)) == date(2026, 3, 5)
	assert progress_review_due(date(2026, 4, 14), date(2026, 10, 14)) == date(2026, 7, 14)
	assert progress_review_due(date(2026, 1, 1), date(2026, 1, 1)) == date(2026, 1, 1)


def test_progress_review_refuses_a_next_review_before_the_last():
	with pytest.raises(ValueError, match=r"next_review_due .* is before last_review_held"):
		progress_review_due(date(2026, 4, 14), date(2026, 1, 14))
	with pytest.raises(ValueError, match="last_review_held is required"):
		progress_review_due(None, date(2026, 1, 14))


@pytest.mark.parametrize(
	("rule", "start", "expected"),
	[
		(pep_due, date(2025, 12, 20), date(2026, 1, 21)),
		(iro_allocation_due, date(2025, 12, 24), date(2025, 12, 31)),
		(icpc_due, date(2025, 4, 14), date(2025, 5, 8)),  # over Easter and the early May bank holiday
		(core_group_due, date(2025, 4, 14), date(2025, 4, 30)),
		(cp_progress_check_due, date(2025, 1, 31), date(2025, 2, 28)),
	],
)
def test_episode_and_conference_milestones(rule, start, expected):
	assert rule(start) == expected


@pytest.mark.parametrize(
	("rule", "field"),
	[
		(first_review_due, "became_looked_after"),
		(second_review_due, "first_review_held"),
		(subsequent_review_due, "previous_review_held"),
		(pep_due, "became_looked_after"),
		(iro_allocation_due, "notified"),
		(icpc_due, "strategy_discussion"),
		(core_group_due, "icpc_held"),
		(cp_progress_check_due, "icpc_held"),
	],
)
def test_every_rule_names_the_missing_date(rule, field):
	with pytest.raises(ValueError, match=f"{field} is required"):
		rule(None)
	with pytest.raises(ValueError, match=f"{field} must be a date, not datetime"):
		rule(datetime(2025, 1, 6, 10, 30))


def test_review_conferences():
	assert rcpc_due(date(2025, 11, 30), is_first=True) == date(2026, 2, 28)
	assert rcpc_due(date(2025, 8, 31), is_first=False) == date(2026, 2, 28)
	with pytest.raises(ValueError, match="previous_conference is required"):
		rcpc_due(None, is_first=True)


class TestTimeliness:
	def test_on_or_before_the_deadline_is_on_time(self):
		assert timeliness(date(2026, 1, 21), date(2026, 1, 21)) == Timeliness(True, 0, 0)
		assert timeliness(date(2026, 1, 2), date(2026, 1, 21)).on_time

	def test_late_counts_working_and_calendar_days(self):
		result = timeliness(date(2025, 12, 29), date(2025, 12, 24))
		assert (result.on_time, result.working_days_late, result.calendar_days_late) == (False, 1, 5)

	def test_with_a_local_calendar(self, christmas_shutdown):
		result = timeliness(date(2026, 1, 2), date(2025, 12, 24), calendar=christmas_shutdown)
		assert (result.working_days_late, result.calendar_days_late) == (1, 9)

	def test_missing_dates_are_refused(self):
		with pytest.raises(ValueError, match="held is required"):
			timeliness(None, date(2025, 12, 24))
		with pytest.raises(ValueError, match="due is required"):
			timeliness(date(2025, 12, 24), None)


def test_explicit_calendar_overrides_the_jurisdiction_default():
	calendar = WorkingCalendar("wales", extra_closures=[date(2025, 1, 7)])
	assert first_review_due(date(2025, 1, 6), calendar=calendar, timescales=ENGLAND) == date(2025, 2, 4)


def test_the_service_is_told_within_two_working_days_of_a_child_becoming_looked_after():
	assert looked_after_notification_due(date(2025, 12, 19)) == date(2025, 12, 23)


def test_the_iro_is_allocated_by_the_earlier_of_three_days_from_notice_and_five_from_care():
	became, late_notice = date(2025, 12, 19), date(2026, 1, 5)
	assert allocation_deadline(late_notice, became) == date(2025, 12, 30)
	assert allocation_deadline(late_notice, None) == date(2026, 1, 8)
	assert allocation_deadline(None, became) == date(2025, 12, 30)
	assert allocation_deadline(None, None) is None


def test_allocation_deadlines_follow_the_sites_timescales():
	local = Timescales(
		looked_after_notification_working_days=1, iro_allocation_after_looked_after_working_days=2
	)
	assert looked_after_notification_due(date(2025, 12, 19), timescales=local) == date(2025, 12, 22)
	assert allocation_deadline(None, date(2025, 12, 19), timescales=local) == date(2025, 12, 23)


def test_the_iro_decides_on_a_significant_change_within_five_working_days_of_its_record():
	assert significant_change_decision_due(date(2026, 12, 22)) == date(2026, 12, 31)
	local = Timescales(significant_change_decision_working_days=1)
	assert significant_change_decision_due(date(2026, 12, 24), timescales=local) == date(2026, 12, 29)
