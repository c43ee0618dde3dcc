"""Each overdue rule has one definition: per record (controllers) and as a query (daily job) they
agree on many generated records, including the ones that used to disagree."""

import random
from datetime import date, timedelta

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.conditions import criterion, holds_for
from iro_standards.standards.conditions import (
	CARE_PLAN_UPDATE_OVERDUE,
	DISPUTE_RESPONSE_OVERDUE,
	INFORMAL_RESOLUTION_OVERDUE,
	PROGRESS_REVIEW_OVERDUE,
	REVIEW_OVERDUE,
)

TODAY = date(2026, 11, 23)
CASES = 400
CHOICES = {
	"docstatus": (0, 1, 2),
	"status": (
		"Planned",
		"Adjourned",
		"Held",
		"Record Distributed",
		"Due",
		"Overdue",
		"Formal",
		"Resolved",
		"Withdrawn",
	),
	"concerns_raised": ("None", "Informally", "Formally", None),
}


def some_date(rng: random.Random) -> date | None:
	return rng.choice(
		(None, TODAY, TODAY - timedelta(days=rng.randint(1, 90)), TODAY + timedelta(days=rng.randint(1, 90)))
	)


class TestOneDefinitionPerRule(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()

	def agree(self, doctype: str, condition) -> None:
		rng = random.Random(doctype)
		expected = set()
		for number in range(CASES):
			values = {
				field: rng.choice(CHOICES[field]) if field in CHOICES else some_date(rng)
				for field in condition.fields
			}
			name = f"ONE-DEFINITION-{number}"
			frappe.db.sql(
				f"insert into `tab{doctype}` (`name`, {', '.join(f'`{f}`' for f in values)}) "
				f"values (%s, {', '.join(['%s'] * len(values))})",
				(name, *values.values()),
			)
			doc = frappe.get_doc({"doctype": doctype, "name": name, **values})
			if holds_for(condition, doc, TODAY):
				expected.add(name)
		table = frappe.qb.DocType(doctype)
		queried = set(
			frappe.qb.from_(table)
			.select(table.name)
			.where(table.name.like("ONE-DEFINITION-%") & criterion(condition, table, TODAY))
			.run(pluck=True)
		)
		self.assertEqual(queried, expected)
		self.assertTrue(0 < len(expected) < CASES)

	def test_review_overdue(self):
		self.agree("Child Review", REVIEW_OVERDUE)

	def test_progress_review_overdue(self):
		self.agree("Progress Review", PROGRESS_REVIEW_OVERDUE)

	def test_dispute_response_overdue(self):
		self.agree("IRO Dispute", DISPUTE_RESPONSE_OVERDUE)

	def test_care_plan_update_overdue(self):
		self.agree("Child Review", CARE_PLAN_UPDATE_OVERDUE)

	def test_informal_resolution_overdue(self):
		self.agree("Child Review", INFORMAL_RESOLUTION_OVERDUE)
