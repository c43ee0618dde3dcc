"""The engine's record conditions, applied to one document or, as a query, to a whole table."""

from datetime import date

from frappe.model.document import Document
from frappe.utils import getdate
from pypika.terms import Criterion

from iro_standards.standards.conditions import TODAY, Clause, Condition


def holds_for(condition: Condition, doc: Document, today: date | None = None) -> bool:
	return condition.matches({field: doc.get(field) for field in condition.fields}, getdate(today))


def criterion(condition: Condition, table, today: date) -> Criterion:
	return Criterion.all([clause_criterion(clause, table, today) for clause in condition.clauses])


def clause_criterion(clause: Clause, table, today: date) -> Criterion:
	column = table[clause.field]
	value = today if clause.value is TODAY else clause.value
	if clause.operator == "is null":
		return column.isnull()
	if clause.operator == "=":
		return column == value
	if clause.operator == "!=":
		return column.isnull() | (column != value)
	if clause.operator == "in":
		return column.isin(value)
	if clause.operator == "not in":
		return column.isnull() | column.notin(value)
	return column.notnull() & (column < value)
