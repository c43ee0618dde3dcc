from datetime import date

import pytest

from iro_standards.standards import WorkingCalendar
from iro_standards.standards.work import (
	contact_due,
	contact_falls_in_the_list,
	letter_due,
	reminder_days_sent_on,
	work_horizon,
)


@pytest.mark.parametrize(
	("today", "weeks", "horizon"),
	[
		(date(2026, 11, 30), 1, date(2026, 12, 6)),  # a Monday: to Sunday
		(date(2026, 12, 6), 1, date(2026, 12, 6)),  # a Sunday: that day
		(date(2026, 11, 30), 5, date(2027, 1, 3)),  # this week and the next four
	],
)
def test_the_work_list_runs_to_the_end_of_a_week(today, weeks, horizon):
	assert work_horizon(today, weeks) == horizon


@pytest.mark.parametrize("weeks", [0, -1, 2.5, True])
def test_the_work_list_looks_at_least_a_week_ahead(weeks):
	with pytest.raises(ValueError, match="weeks must be a whole number of at least 1"):
		work_horizon(date(2026, 11, 30), weeks)


def test_a_contact_is_due_a_gap_after_the_last_one_or_at_once():
	today = date(2026, 11, 30)
	assert contact_due(date(2026, 9, 1), 90, today) == date(2026, 11, 30)
	assert contact_due(None, 90, today) == today
	with pytest.raises(ValueError, match="gap_days must be at least 1"):
		contact_due(date(2026, 9, 1), 0, today)


def test_overdue_contacts_and_those_due_within_a_week_are_listed():
	today = date(2026, 11, 30)
	assert contact_falls_in_the_list(date(2026, 10, 1), today)
	assert contact_falls_in_the_list(date(2026, 12, 7), today)
	assert not contact_falls_in_the_list(date(2026, 12, 8), today)


def test_a_letter_is_due_a_working_week_after_it_is_drafted():
	assert letter_due(date(2026, 12, 7)) == date(2026, 12, 14)
	assert letter_due(date(2026, 12, 22)) == date(2026, 12, 31)  # over Christmas and Boxing Day
	closed = WorkingCalendar("england", [date(2026, 12, 9)])
	assert letter_due(date(2026, 12, 7), closed) == date(2026, 12, 15)
	with pytest.raises(ValueError, match="drafted must be a date"):
		letter_due("2026-12-07")


def test_a_reminder_due_on_a_weekend_goes_out_on_the_friday_before():
	friday = date(2026, 12, 4)
	assert reminder_days_sent_on(friday) == [friday, date(2026, 12, 5), date(2026, 12, 6)]
	assert reminder_days_sent_on(date(2026, 12, 5)) == []
	assert reminder_days_sent_on(date(2026, 12, 6)) == []


def test_the_day_before_christmas_sends_the_bank_holidays_and_the_weekend_after_it():
	assert reminder_days_sent_on(date(2026, 12, 24)) == [
		date(2026, 12, 24),
		date(2026, 12, 25),
		date(2026, 12, 26),
		date(2026, 12, 27),
		date(2026, 12, 28),
	]


def test_a_mid_week_working_day_sends_only_its_own_reminders():
	assert reminder_days_sent_on(date(2026, 12, 8)) == [date(2026, 12, 8)]
