"""Working days for England and Wales: weekends, bank holidays and local closure days."""

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

import holidays

from iro_standards.standards.dates import require_date

FIRST_SUPPORTED_DATE = date(2000, 1, 1)
LAST_SUPPORTED_DATE = date(2060, 12, 31)
# Dates a user may enter: a year inside the table, so every deadline computed from them fits in it.
EARLIEST_INPUT_DATE = date(2001, 1, 1)
LATEST_INPUT_DATE = date(2059, 12, 31)
JURISDICTION_SUBDIVISIONS = {"england": "ENG", "wales": "WLS"}
SATURDAY = 5


def bank_holidays(jurisdiction: str) -> frozenset[date]:
	"""The bank holidays (including substitute days) of ``jurisdiction`` over the supported range."""
	subdivision = JURISDICTION_SUBDIVISIONS.get(jurisdiction)
	if subdivision is None:
		known = ", ".join(sorted(JURISDICTION_SUBDIVISIONS))
		raise ValueError(f"jurisdiction must be one of {known}, not {jurisdiction!r}")
	years = range(FIRST_SUPPORTED_DATE.year, LAST_SUPPORTED_DATE.year + 1)
	return frozenset(holidays.country_holidays("GB", subdiv=subdivision, years=years))


class WorkingCalendar:
	"""Working days between 2000-01-01 and 2060-12-31, answered in constant time.

	Two tables are built once: the ordinal of every working day, in order, and for every
	calendar day the number of working days on or before it. Counting, testing and adding
	working days are then array look-ups.
	"""

	__slots__ = ("_base", "_count_on_or_before", "_working_ordinals", "extra_closures", "jurisdiction")

	def __init__(self, jurisdiction: str = "england", extra_closures: Iterable[date] = ()) -> None:
		self.jurisdiction = jurisdiction
		self.extra_closures = frozenset(require_date(d, "extra_closures") for d in extra_closures)
		closed = {d.toordinal() for d in bank_holidays(jurisdiction) | self.extra_closures}
		self._base = FIRST_SUPPORTED_DATE.toordinal()
		self._working_ordinals: list[int] = []
		self._count_on_or_before: list[int] = []
		for ordinal in range(self._base, LAST_SUPPORTED_DATE.toordinal() + 1):
			if (ordinal + 6) % 7 < SATURDAY and ordinal not in closed:
				self._working_ordinals.append(ordinal)
			self._count_on_or_before.append(len(self._working_ordinals))

	def _offset(self, day: date, field: str) -> int:
		require_date(day, field)
		if not FIRST_SUPPORTED_DATE <= day <= LAST_SUPPORTED_DATE:
			raise ValueError(
				f"{field} ({day.isoformat()}) is outside the supported range "
				f"{FIRST_SUPPORTED_DATE.isoformat()} to {LAST_SUPPORTED_DATE.isoformat()}"
			)
		return day.toordinal() - self._base

	def _count_before(self, offset: int) -> int:
		return self._count_on_or_before[offset - 1] if offset else 0

	def is_working_day(self, day: date) -> bool:
		offset = self._offset(day, "day")
		return self._count_on_or_before[offset] != self._count_before(offset)

	def working_day_on_or_before(self, day: date) -> date:
		"""``day`` if it is a working day, else the last working day before it."""
		count = self._count_on_or_before[self._offset(day, "day")]
		if not count:
			raise ValueError(f"no working day on or before {day.isoformat()} in the supported range")
		return date.fromordinal(self._working_ordinals[count - 1])

	def add_working_days(self, start: date, days: int) -> date:
		"""The ``days``-th working day after ``start`` (before it when ``days`` is negative).

		``start`` itself is day 0 and is never counted, so ``add_working_days(d, 0)`` is ``d``.
		"""
		offset = self._offset(start, "start")
		if not days:
			return start
		if days > 0:
			index = self._count_on_or_before[offset] + days - 1
		else:
			index = self._count_before(offset) + days
		if not 0 <= index < len(self._working_ordinals):
			raise ValueError(f"adding {days} working days to {start.isoformat()} leaves the supported range")
		return date.fromordinal(self._working_ordinals[index])

	def working_days_between(self, start: date, end: date) -> int:
		"""Working days after ``start`` up to and including ``end``; negative when ``end`` is earlier.

		For an earlier ``end`` it counts the working days from ``end`` up to but excluding ``start``,
		so that ``working_days_between(d, add_working_days(d, n)) == n`` for every ``n``.
		"""
		start_offset = self._offset(start, "start")
		end_offset = self._offset(end, "end")
		if end_offset >= start_offset:
			return self._count_on_or_before[end_offset] - self._count_on_or_before[start_offset]
		return self._count_before(end_offset) - self._count_before(start_offset)

	def __repr__(self) -> str:
		return f"WorkingCalendar({self.jurisdiction!r}, extra_closures={len(self.extra_closures)} days)"


@lru_cache(maxsize=32)
def cached_calendar(
	jurisdiction: str = "england", extra_closures: frozenset[date] = frozenset()
) -> WorkingCalendar:
	"""One shared calendar per jurisdiction and set of closure days."""
	return WorkingCalendar(jurisdiction, extra_closures)
