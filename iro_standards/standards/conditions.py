"""Rules over a stored record, written once as data.

The same condition is evaluated on one record in a controller (``matches``) and turned into a
set-based query by the daily job, so the two cannot disagree. ``TODAY`` stands for the day the
rule is applied.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

TODAY = object()
OPERATORS = ("=", "!=", "in", "not in", "<", "is null")


@dataclass(frozen=True, slots=True)
class Clause:
	field: str
	operator: str
	value: Any = None

	def __post_init__(self) -> None:
		if self.operator not in OPERATORS:
			raise ValueError(f"operator must be one of {OPERATORS}, not {self.operator!r}")

	def holds(self, record: Mapping[str, Any], today: date) -> bool:
		actual = record.get(self.field)
		expected = today if self.value is TODAY else self.value
		if self.operator == "is null":
			return actual in (None, "")
		if self.operator == "=":
			return actual == expected
		if self.operator == "!=":
			return actual != expected
		if self.operator == "in":
			return actual in expected
		if self.operator == "not in":
			return actual not in expected
		if isinstance(actual, str) and actual:
			actual = date.fromisoformat(actual[:10])
		return isinstance(actual, date) and actual < expected


@dataclass(frozen=True, slots=True)
class Condition:
	"""All of its clauses hold."""

	name: str
	clauses: tuple[Clause, ...]

	def matches(self, record: Mapping[str, Any], today: date) -> bool:
		return all(clause.holds(record, today) for clause in self.clauses)

	@property
	def fields(self) -> tuple[str, ...]:
		return tuple(dict.fromkeys(clause.field for clause in self.clauses))


OPEN_REVIEW_STATES = ("Planned", "Adjourned")
CLOSED_DISPUTE_STATES = ("Resolved", "Withdrawn")

REVIEW_OVERDUE = Condition(
	"review overdue",
	(
		Clause("docstatus", "=", 0),
		Clause("status", "in", OPEN_REVIEW_STATES),
		Clause("held_date", "is null"),
		Clause("statutory_due", "<", TODAY),
	),
)
PROGRESS_REVIEW_OVERDUE = Condition(
	"progress review overdue",
	(
		Clause("completed_on", "is null"),
		Clause("concerns_raised", "!=", "Formally"),
		Clause("due_date", "<", TODAY),
	),
)
DISPUTE_RESPONSE_OVERDUE = Condition(
	"dispute response overdue",
	(
		Clause("status", "not in", CLOSED_DISPUTE_STATES),
		Clause("current_response_due", "<", TODAY),
	),
)
SIGNIFICANT_CHANGE_DECISIONS = ("Bring the Review Forward", "Not Needed")
SIGNIFICANT_CHANGE_DECISION_OVERDUE = Condition(
	"significant change decision overdue",
	(
		Clause("decision", "not in", SIGNIFICANT_CHANGE_DECISIONS),
		Clause("decision_due", "<", TODAY),
	),
)
CARE_PLAN_UPDATE_OVERDUE = Condition(
	"care plan update overdue",
	(
		Clause("docstatus", "=", 1),
		Clause("care_plan_updated_on", "is null"),
		Clause("care_plan_update_due", "<", TODAY),
	),
)
INFORMAL_RESOLUTION_OVERDUE = Condition(
	"informal resolution overdue",
	(
		Clause("docstatus", "=", 1),
		Clause("informal_resolution_on", "is null"),
		Clause("informal_resolution_due", "<", TODAY),
	),
)
