"""Benchmark of the timescale engine: ``python -m iro_standards.standards.bench [--calls N]``.

Times ``next_review_due`` over random review histories and ``add_working_days`` over random
dates and counts; the inputs are built before the clock starts. Target: 1,000,000 of each in
2 seconds or less.
"""

import argparse
import random
import time
from datetime import date, timedelta

from iro_standards.standards import ReviewHistory, WorkingCalendar, cached_calendar, next_review_due


def random_histories(count: int, rng: random.Random) -> list[ReviewHistory]:
	histories = []
	for _ in range(count):
		start = date(2005, 1, 1) + timedelta(days=rng.randrange(18 * 365))
		held, day = [], start
		for _ in range(rng.randrange(8)):
			day += timedelta(days=rng.randrange(14, 183))
			held.append(day)
		histories.append(ReviewHistory(start, tuple(held)))
	return histories


def time_next_review_due(histories: list[ReviewHistory], calendar: WorkingCalendar) -> float:
	started = time.perf_counter()
	for history in histories:
		next_review_due(history, calendar=calendar)
	return time.perf_counter() - started


def time_add_working_days(starts: list[date], counts: list[int], calendar: WorkingCalendar) -> float:
	add_working_days = calendar.add_working_days
	started = time.perf_counter()
	for start, days in zip(starts, counts, strict=True):
		add_working_days(start, days)
	return time.perf_counter() - started


def main() -> None:
	parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	parser.add_argument("--calls", type=int, default=1_000_000)
	parser.add_argument("--seed", type=int, default=20)
	args = parser.parse_args()
	rng = random.Random(args.seed)
	started = time.perf_counter()
	calendar = cached_calendar("england")
	print(f"calendar built in {time.perf_counter() - started:.3f} s")
	histories = random_histories(args.calls, rng)
	starts = [date(2001, 1, 1) + timedelta(days=rng.randrange(57 * 365)) for _ in range(args.calls)]
	counts = [rng.randrange(-60, 61) for _ in range(args.calls)]
	review_seconds = time_next_review_due(histories, calendar)
	working_seconds = time_add_working_days(starts, counts, calendar)
	print(f"next_review_due   x {args.calls:,}: {review_seconds:.3f} s (target <= 2 s)")
	print(f"add_working_days  x {args.calls:,}: {working_seconds:.3f} s (target <= 2 s)")


if __name__ == "__main__":
	main()
