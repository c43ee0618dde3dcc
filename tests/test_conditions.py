from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iro_standards.standards.conditions import (
	DISPUTE_RESPONSE_OVERDUE,
	PROGRESS_REVIEW_OVERDUE,
	REVIEW_OVERDUE,
	SIGNIFICANT_CHANGE_DECISION_OVERDUE,
	TODAY,
	Clause,
	Condition,
)

DAY = date(2026, 11, 23)


@pytest.mark.parametrize(
	("clause", "record", "expected"),
	[
		(Clause("a", "=", 1), {"a": 1}, True),
		(Clause("a", "=", 1), {"a": 2}, False),
		(Clause("a", "!=", "x"), {}, True),
		(Clause("a", "!=", "x"), {"a": "x"}, False),
		(Clause("a", "in", ("x", "y")), {"a": "y"}, True),
		(Clause("a", "in", ("x", "y")), {}, False),
		(Clause("a", "not in", ("x",)), {}, True),
		(Clause("a", "not in", ("x",)), {"a": "x"}, False),
		(Clause("a", "is null"), {"a": ""}, True),
		(Clause("a", "is null"), {"a": date(2026, 1, 1)}, False),
		(Clause("a", "<", TODAY), {"a": date(2026, 11, 22)}, True),
		(Clause("a", "<", TODAY), {"a": "2026-11-22"}, True),
		(Clause("a", "<", TODAY), {"a": "2026-11-23 09:00:00"}, False),
		(Clause("a", "<", TODAY), {"a": None}, False),
		(Clause("a", "<", TODAY), {"a": ""}, False),
		(Clause("a", "<", date(2026, 1, 1)), {"a": date(2025, 12, 31)}, True),
	],
)
def test_each_operator(clause, record, expected):
	assert clause.holds(record, DAY) is expected


def test_an_unknown_operator_is_refused():
	with pytest.raises(ValueError, match="operator"):
		Clause("a", ">=", 1)


def test_a_condition_needs_every_clause_and_lists_its_fields_once():
	condition = Condition("x", (Clause("a", "=", 1), Clause("a", "!=", 2), Clause("b", "is null")))
	assert condition.fields == ("a", "b")
	assert condition.matches({"a": 1}, DAY)
	assert not condition.matches({"a": 1, "b": "x"}, DAY)


def test_a_review_held_but_still_planned_is_not_overdue():
	planned = {"docstatus": 0, "status": "Planned", "statutory_due": date(2026, 11, 1)}
	assert REVIEW_OVERDUE.matches(planned, DAY)
	assert not REVIEW_OVERDUE.matches({**planned, "held_date": date(2026, 10, 30)}, DAY)
	assert not REVIEW_OVERDUE.matches({**planned, "docstatus": 1}, DAY)


@given(
	completed=st.none() | st.dates(),
	concerns=st.sampled_from(("None", "Informally", "Formally")),
	due=st.dates(),
)
def test_a_progress_review_is_overdue_only_when_open_and_past_due(completed, concerns, due):
	record = {"completed_on": completed, "concerns_raised": concerns, "due_date": due}
	expected = completed is None and concerns != "Formally" and due < DAY
	assert PROGRESS_REVIEW_OVERDUE.matches(record, DAY) is expected


def test_a_closed_dispute_is_never_overdue():
	late = {"status": "Formal", "current_response_due": date(2026, 11, 1)}
	assert DISPUTE_RESPONSE_OVERDUE.matches(late, DAY)
	assert not DISPUTE_RESPONSE_OVERDUE.matches({**late, "status": "Resolved"}, DAY)


def test_a_significant_change_is_overdue_until_the_iro_decides():
	undecided = {"decision": "", "decision_due": date(2026, 11, 20)}
	assert SIGNIFICANT_CHANGE_DECISION_OVERDUE.matches(undecided, DAY)
	assert not SIGNIFICANT_CHANGE_DECISION_OVERDUE.matches({**undecided, "decision": "Not Needed"}, DAY)
	assert not SIGNIFICANT_CHANGE_DECISION_OVERDUE.matches({**undecided, "decision_due": DAY}, DAY)
