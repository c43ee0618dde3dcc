"""Each IRO's caseload over a period: from the allocation history the app keeps on every change of
IRO and the days each child was looked after, the average number of children an IRO held on the
period's days and the number they held on its last day."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from iro_standards.standards.dates import require_date


@dataclass(frozen=True)
class Allocation:
	"""An IRO's allocation to a child, from ``start`` to ``until`` inclusive (None while it lasts)."""

	iro: str
	start: date
	until: date | None = None


@dataclass(frozen=True)
class Caseload:
	average: float
	at_the_end: int


def shared_days(span: tuple[date, date], episode: tuple[date, date | None]) -> int:
	"""The days a span shares with an episode (inclusive; an open episode runs on)."""
	start = max(span[0], episode[0])
	last = span[1] if episode[1] is None else min(span[1], episode[1])
	return max((last - start).days + 1, 0)


def caseloads_over(
	period: tuple[date, date],
	allocations: dict[str, Iterable[Allocation]],
	looked_after: dict[str, Iterable[tuple[date, date | None]]],
) -> dict[str, Caseload]:
	"""Each IRO who held a looked-after child on any day of ``period`` (inclusive), keyed by the
	child for ``allocations`` (the child's allocation history) and ``looked_after`` (its care
	episodes, inclusive, an open one still going)."""
	start, end = require_date(period[0], "start"), require_date(period[1], "end")
	if end < start:
		raise ValueError("the period ends before it starts")
	days_held: dict[str, int] = defaultdict(int)
	at_the_end: dict[str, int] = defaultdict(int)
	for child, held in allocations.items():
		episodes = list(looked_after.get(child, ()))
		for allocation in held:
			span = (max(allocation.start, start), min(allocation.until or end, end))
			for episode in episodes:
				days = shared_days(span, episode)
				if days:
					days_held[allocation.iro] += days
					if span[1] == end and episode[0] <= end and (episode[1] is None or episode[1] >= end):
						at_the_end[allocation.iro] += 1
	length = (end - start).days + 1
	return {
		iro: Caseload(round(days / length, 1), at_the_end[iro]) for iro, days in sorted(days_held.items())
	}


def changes_of_iro(
	period: tuple[date, date], allocations: dict[str, Iterable[Allocation]]
) -> tuple[int, int]:
	"""How many times a child's IRO changed during ``period`` (an allocation that began in it after
	an earlier one), and how many children that happened to: the continuity the IRO Handbook asks
	the annual report to show."""
	start, end = require_date(period[0], "start"), require_date(period[1], "end")
	changes = children = 0
	for held in allocations.values():
		later = [allocation for allocation in list(held)[1:] if start <= allocation.start <= end]
		changes += len(later)
		children += bool(later)
	return changes, children


def caseload_per_full_time_iro(average: float, hours_a_week: float, full_time_hours: float) -> float:
	"""An IRO's average caseload scaled to a full-time post: 30 children on 18.5 of 37 hours is 60."""
	if hours_a_week <= 0 or full_time_hours <= 0:
		raise ValueError("hours must be greater than zero")
	return round(average * full_time_hours / hours_a_week, 1)
