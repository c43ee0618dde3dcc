"""Care leavers: when a looked-after young person becomes eligible for leaving care support, and
when their pathway plan is due (Children (Leaving Care) Act 2000; Care Leavers (England)
Regulations 2010; Social Services and Well-being (Wales) Act 2014 Part 6).

An *eligible* child is 16 or 17, looked after, and has been looked after for at least 13 weeks
in all since the age of 14. From then they have a personal adviser and a pathway plan, reviewed
at least every 6 months (with the looked-after review while they are looked after).
"""

from collections.abc import Sequence
from datetime import date, timedelta

from iro_standards.standards.dates import add_months, require_date
from iro_standards.standards.timescales import ENGLAND, Timescales

ELIGIBLE_FROM_AGE = 16
SUPPORT_UNTIL_AGE = 18
COUNTED_FROM_AGE = 14
WEEKS_LOOKED_AFTER = 13

Period = tuple[date, date | None]


def birthday(date_of_birth: date, age: int) -> date:
	"""The day a child turns ``age`` (29 February birthdays fall on 28 February)."""
	return add_months(require_date(date_of_birth, "date_of_birth"), 12 * age)


def thirteenth_week_since_fourteen(
	date_of_birth: date, periods: Sequence[Period], today: date
) -> date | None:
	"""The day the child completes 13 weeks looked after since turning 14, if they have by ``today``."""
	counted_from = birthday(date_of_birth, COUNTED_FROM_AGE)
	days_needed = 7 * WEEKS_LOOKED_AFTER
	for start, end in sorted(periods):
		first = max(start, counted_from)
		last = min(end or today, today)
		if last < first:
			continue
		days = (last - first).days + 1
		if days >= days_needed:
			return first + timedelta(days=days_needed - 1)
		days_needed -= days
	return None


def eligible_from(date_of_birth: date, periods: Sequence[Period], today: date) -> date | None:
	"""The day the child, looked after today, became eligible; None when they are not eligible."""
	require_date(today, "today")
	current = [(start, end) for start, end in periods if start <= today and (end is None or end >= today)]
	if not current:
		return None
	completed = thirteenth_week_since_fourteen(date_of_birth, periods, today)
	if completed is None:
		return None
	eligible = max(birthday(date_of_birth, ELIGIBLE_FROM_AGE), completed, current[0][0])
	if eligible > today or today >= birthday(date_of_birth, SUPPORT_UNTIL_AGE):
		return None
	return eligible


def pathway_plan_due(eligible: date, last_reviewed: date | None, timescales: Timescales = ENGLAND) -> date:
	"""The first pathway plan within 3 months of becoming eligible, then reviewed at least every 6
	months; a review before the child became eligible does not count."""
	require_date(eligible, "eligible")
	if last_reviewed is None or require_date(last_reviewed, "last_reviewed") < eligible:
		return add_months(eligible, timescales.pathway_plan_first_months)
	return add_months(last_reviewed, timescales.pathway_plan_review_months)
