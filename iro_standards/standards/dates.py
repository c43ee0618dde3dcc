"""Date helpers shared by the timescale rules: input checks and month arithmetic."""

from calendar import monthrange
from datetime import date


def require_date(value: object, field: str) -> date:
	"""Return ``value`` if it is exactly a date (not a datetime), else raise a ValueError naming ``field``."""
	if type(value) is date:
		return value
	if value is None:
		raise ValueError(f"{field} is required")
	raise ValueError(f"{field} must be a date, not {type(value).__name__}")


def require_not_before(value: date, earliest: date, field: str, earliest_field: str) -> None:
	"""Raise a ValueError naming both fields when ``value`` falls before ``earliest``."""
	if value < earliest:
		raise ValueError(f"{field} ({value.isoformat()}) is before {earliest_field} ({earliest.isoformat()})")


def add_months(start: date, months: int) -> date:
	"""Add calendar months, clamping to the last day of a shorter month (31 Aug + 6 = 28/29 Feb)."""
	years, month_index = divmod(start.month - 1 + months, 12)
	year = start.year + years
	month = month_index + 1
	return date(year, month, min(start.day, monthrange(year, month)[1]))


def add_days(start: date, days: int) -> date:
	return date.fromordinal(start.toordinal() + days)
