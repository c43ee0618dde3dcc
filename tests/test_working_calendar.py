from datetime import date, datetime, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iro_standards.standards import WorkingCalendar, cached_calendar
from iro_standards.standards.working_calendar import bank_holidays

ENGLAND_HOLIDAYS = holidays.country_holidays("GB", subdiv="ENG", years=range(2000, 2061))
dates = st.dates(min_value=date(2002, 1, 1), max_value=date(2058, 12, 31))
day_counts = st.integers(min_value=-400, max_value=400).filter(bool)


def naive_is_working_day(day: date) -> bool:
	return day.weekday() < 5 and day not in ENGLAND_HOLIDAYS


def naive_add_working_days(start: date, days: int) -> date:
	step = timedelta(days=1 if days > 0 else -1)
	day, remaining = start, abs(days)
	while remaining:
		day += step
		remaining -= naive_is_working_day(day)
	return day


@pytest.mark.parametrize(
	("start", "days", "expected"),
	[
		(date(2025, 12, 19), 1, date(2025, 12, 22)),  # Friday to Monday
		(date(2025, 12, 24), 1, date(2025, 12, 29)),  # over Christmas Day and Boxing Day
		(date(2020, 12, 24), 1, date(2020, 12, 29)),  # Boxing Day on a Saturday, substitute Monday 28th
		(date(2025, 4, 17), 1, date(2025, 4, 22)),  # over Good Friday and Easter Monday
		(date(2022, 9, 16), 1, date(2022, 9, 20)),  # the Queen's state funeral, Monday 19 Sep 2022
		(date(2023, 5, 5), 1, date(2023, 5, 9)),  # the King's coronation bank holiday, Monday 8 May 2023
		(date(2025, 12, 20), 0, date(2025, 12, 20)),  # day 0 is the start, even on a weekend
		(date(2025, 12, 29), -1, date(2025, 12, 24)),  # backwards over Christmas
		(date(2025, 12, 27), -1, date(2025, 12, 24)),  # backwards from a Saturday
		(date(2025, 4, 1), 20, date(2025, 5, 1)),  # 20 working days over Easter
	],
)
def test_add_working_days_hand_worked(england, start, days, expected):
	assert england.add_working_days(start, days) == expected


def test_extra_closures_are_not_working_days(christmas_shutdown, england):
	assert christmas_shutdown.add_working_days(date(2025, 12, 24), 1) == date(2026, 1, 2)
	assert england.is_working_day(date(2025, 12, 30))
	assert not christmas_shutdown.is_working_day(date(2025, 12, 30))
	assert christmas_shutdown.working_days_between(date(2025, 12, 24), date(2026, 1, 2)) == 1


@pytest.mark.parametrize(
	("start", "end", "expected"),
	[
		(date(2025, 12, 19), date(2025, 12, 29), 4),
		(date(2025, 12, 29), date(2025, 12, 19), -4),
		(date(2025, 12, 20), date(2025, 12, 21), 0),
		(date(2025, 12, 22), date(2025, 12, 22), 0),
		(date(2000, 1, 1), date(2000, 1, 4), 1),  # New Year's Day substitute on Monday 3rd
		(date(2000, 1, 4), date(2000, 1, 1), 0),
		(date(2000, 1, 5), date(2000, 1, 1), -1),
	],
)
def test_working_days_between_hand_worked(england, start, end, expected):
	assert england.working_days_between(start, end) == expected


def test_wales_has_the_same_bank_holidays_as_england_today():
	assert bank_holidays("wales") == bank_holidays("england")
	assert date(2025, 8, 25) in bank_holidays("wales")


def test_unknown_jurisdiction_is_refused():
	with pytest.raises(ValueError, match="jurisdiction must be one of england, wales"):
		WorkingCalendar("scotland")


@pytest.mark.parametrize(
	("call", "message"),
	[
		(lambda c: c.is_working_day(None), "day is required"),
		(lambda c: c.is_working_day(datetime(2025, 1, 6, 9, 0)), "day must be a date, not datetime"),
		(lambda c: c.add_working_days("2025-01-06", 1), "start must be a date, not str"),
		(lambda c: c.add_working_days(date(1999, 12, 31), 1), "start .* outside the supported range"),
		(lambda c: c.working_days_between(date(2025, 1, 6), date(2061, 1, 1)), "end .* outside"),
		(lambda c: c.add_working_days(date(2060, 12, 30), 5), "leaves the supported range"),
		(lambda c: c.add_working_days(date(2000, 1, 5), -5), "leaves the supported range"),
		(lambda c: WorkingCalendar(extra_closures=[None]), "extra_closures is required"),
	],
)
def test_bad_input_raises_value_error_naming_the_field(england, call, message):
	with pytest.raises(ValueError, match=message):
		call(england)


def test_supported_range_edges(england):
	assert england.add_working_days(date(2000, 1, 1), 1) == date(2000, 1, 4)
	assert england.add_working_days(date(2060, 12, 31), -1) == date(2060, 12, 30)
	assert not england.is_working_day(date(2000, 1, 1))


def test_cached_calendar_is_shared():
	assert cached_calendar("england") is cached_calendar("england")
	assert cached_calendar("wales").jurisdiction == "wales"
	assert repr(cached_calendar("wales")) == "WorkingCalendar('wales', extra_closures=0 days)"


@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)))
def test_is_working_day_matches_weekends_and_bank_holidays(england, day):
	assert england.is_working_day(day) == naive_is_working_day(day)


@given(start=dates, days=st.integers(min_value=-60, max_value=60).filter(bool))
def test_add_working_days_matches_counting_day_by_day(england, start, days):
	assert england.add_working_days(start, days) == naive_add_working_days(start, days)


@given(start=dates, days=day_counts)
def test_add_working_days_lands_on_a_working_day(england, start, days):
	assert england.is_working_day(england.add_working_days(start, days))


@given(start=dates, days=day_counts)
def test_working_days_between_inverts_add_working_days(england, start, days):
	assert england.working_days_between(start, england.add_working_days(start, days)) == days


@given(start=dates, fewer=day_counts, more=day_counts)
def test_add_working_days_is_monotonic_in_the_count(england, start, fewer, more):
	fewer, more = sorted((fewer, more))
	assert england.add_working_days(start, fewer) <= england.add_working_days(start, more)


@given(earlier=dates, later=dates, days=day_counts)
def test_add_working_days_is_monotonic_in_the_start(england, earlier, later, days):
	earlier, later = sorted((earlier, later))
	assert england.add_working_days(earlier, days) <= england.add_working_days(later, days)


@given(start=dates, end=dates)
def test_working_days_between_counts_the_days_after_start_up_to_end(england, start, end):
	start, end = sorted((start, end))
	after_start = (start + timedelta(days=i) for i in range(1, (end - start).days + 1))
	assert england.working_days_between(start, end) == sum(map(naive_is_working_day, after_start))


@given(start=dates, end=dates)
def test_working_days_between_backwards_counts_from_end_up_to_start(england, start, end):
	end, start = sorted((start, end))
	from_end = (end + timedelta(days=i) for i in range((start - end).days))
	assert england.working_days_between(start, end) == -sum(map(naive_is_working_day, from_end))


@pytest.mark.parametrize(
	("day", "expected"),
	[
		(date(2026, 10, 14), date(2026, 10, 14)),  # a Wednesday stays
		(date(2026, 10, 17), date(2026, 10, 16)),  # Saturday to Friday
		(date(2026, 10, 18), date(2026, 10, 16)),  # Sunday to Friday
		(date(2026, 4, 6), date(2026, 4, 2)),  # Easter Monday, over Good Friday, to Thursday
		(date(2025, 12, 28), date(2025, 12, 24)),  # over Christmas Day and Boxing Day
	],
)
def test_working_day_on_or_before_hand_worked(england, day, expected):
	assert england.working_day_on_or_before(day) == expected


def test_working_day_on_or_before_skips_local_closures(christmas_shutdown):
	assert christmas_shutdown.working_day_on_or_before(date(2026, 1, 1)) == date(2025, 12, 24)


def test_no_working_day_before_the_first_supported_day_is_refused(england):
	with pytest.raises(ValueError, match="no working day on or before 2000-01-02"):
		england.working_day_on_or_before(date(2000, 1, 2))


@given(day=dates)
def test_working_day_on_or_before_is_the_nearest_working_day_not_after(england, day):
	found = england.working_day_on_or_before(day)
	assert found <= day and naive_is_working_day(found)
	assert not any(naive_is_working_day(found + timedelta(days=n)) for n in range(1, (day - found).days + 1))
