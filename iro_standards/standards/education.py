"""Personal education plans: the first within 20 working days of becoming looked after, then one
in each school term, for a child of the ages the service plans PEPs for."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from iro_standards.standards.compliance import age_in_years
from iro_standards.standards.dates import require_date
from iro_standards.standards.rules import pep_due
from iro_standards.standards.timescales import Timescales
from iro_standards.standards.working_calendar import WorkingCalendar

PEP_MINIMUM_AGE = 3
PEP_MAXIMUM_AGE = 17


@dataclass(frozen=True, slots=True)
class SchoolTerm:
	start: date
	end: date

	def __post_init__(self) -> None:
		require_date(self.start, "start")
		require_date(self.end, "end")
		if self.end < self.start:
			raise ValueError(f"a school term cannot end ({self.end}) before it starts ({self.start})")


@dataclass(frozen=True, slots=True)
class PepAges:
	"""The ages, in whole years and inclusive, at which a child has a PEP."""

	minimum: int = PEP_MINIMUM_AGE
	maximum: int = PEP_MAXIMUM_AGE

	def __post_init__(self) -> None:
		if not 0 <= self.minimum <= self.maximum:
			raise ValueError(f"PEP ages must run from 0 upwards, not {self.minimum} to {self.maximum}")

	def include(self, date_of_birth: date, on: date) -> bool:
		return self.minimum <= age_in_years(date_of_birth, on) <= self.maximum


def next_pep_due(
	became_looked_after: date,
	date_of_birth: date,
	peps_held: Sequence[date],
	terms: Sequence[SchoolTerm],
	ages: PepAges = PepAges(),
	*,
	calendar: WorkingCalendar | None = None,
	timescales: Timescales | None = None,
) -> date | None:
	"""When the child's next PEP is due, or None when no PEP is due (outside the ages, or no school
	term configured that far ahead).

	The first is due 20 working days after becoming looked after, or, for a child younger than the
	PEP ages then, by the end of the first term that starts once they reach them. After a PEP, the
	next is due by the end of the first term that starts after it.
	"""
	held = [day for day in peps_held if day >= require_date(became_looked_after, "became_looked_after")]
	if held:
		return term_end_after(max(held), date_of_birth, terms, ages)
	first = pep_due(became_looked_after, calendar=calendar, timescales=timescales)
	if ages.include(date_of_birth, first):
		return first
	if age_in_years(date_of_birth, first) > ages.maximum:
		return None
	return term_end_after(first, date_of_birth, terms, ages)


def term_end_after(day: date, date_of_birth: date, terms: Sequence[SchoolTerm], ages: PepAges) -> date | None:
	"""The end of the first term that starts after ``day`` and in which the child is of PEP age."""
	for term in sorted(terms, key=lambda term: term.start):
		if term.start > day and ages.include(date_of_birth, term.start):
			return term.end
		if term.start > day and age_in_years(date_of_birth, term.start) > ages.maximum:
			return None
	return None
