"""What falls into a person's work list: the weeks it looks ahead, when a child is next due a
contact from their IRO, and when a drafted letter to the child should be sent."""

from datetime import date, timedelta

from iro_standards.standards.dates import require_date
from iro_standards.standards.working_calendar import WorkingCalendar, cached_calendar

CONTACT_SOON_DAYS = 7
LETTER_WORKING_DAYS = 5


def work_horizon(today: date, weeks: int) -> date:
	"""The last day of the work list: the end (Sunday) of this week and the ``weeks - 1`` after it."""
	require_date(today, "today")
	if isinstance(weeks, bool) or not isinstance(weeks, int) or weeks < 1:
		raise ValueError(f"weeks must be a whole number of at least 1, not {weeks!r}")
	return today + timedelta(days=(6 - today.weekday()) + 7 * (weeks - 1))


def contact_due(since: date | None, gap_days: int, today: date) -> date:
	"""When the child is next due a contact: ``gap_days`` after the last one (or the allocation);
	today when there has been neither."""
	require_date(today, "today")
	if gap_days < 1:
		raise ValueError(f"gap_days must be at least 1, not {gap_days!r}")
	return since + timedelta(days=gap_days) if since else today


def contact_falls_in_the_list(due: date, today: date) -> bool:
	"""Overdue contacts, and those due within the coming week, are listed."""
	return due <= today + timedelta(days=CONTACT_SOON_DAYS)


def reminder_days_sent_on(today: date, calendar: WorkingCalendar | None = None) -> list[date]:
	"""The days whose reminders go out today: none on a day nobody works; on a working day, its own
	and those of the non-working days up to the next working day (Friday sends the weekend's)."""
	calendar = calendar or cached_calendar()
	require_date(today, "today")
	if not calendar.is_working_day(today):
		return []
	days = [today]
	while not calendar.is_working_day(day := days[-1] + timedelta(days=1)):
		days.append(day)
	return days


def letter_due(drafted: date, calendar: WorkingCalendar | None = None) -> date:
	"""A letter to the child is sent within a working week of being drafted (on the allocation, or
	once the review is held)."""
	return (calendar or cached_calendar()).add_working_days(
		require_date(drafted, "drafted"), LETTER_WORKING_DAYS
	)
