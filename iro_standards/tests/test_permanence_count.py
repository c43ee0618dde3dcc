"""A second review brought forward is still the second review for the permanence figures."""

from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.report.permanence_and_progress.permanence_and_progress import execute
from iro_standards.patches.count_brought_forward_reviews import execute as count_brought_forward_reviews
from iro_standards.tests.factories import hold_review, make_looked_after_child, make_user


class TestPermanenceCountsBroughtForwardSecondReviews(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()

	def make_second_review_brought_forward(self):
		chair = make_user("permanence.iro@example.com", "IRO")
		child = make_looked_after_child(date(2025, 12, 20), allocated_iro=chair)
		hold_review(child.name, date(2026, 1, 19), chair=chair)
		return hold_review(
			child.name,
			date(2026, 3, 2),
			chair=chair,
			brought_forward=1,
			brought_forward_reason="Placement Change",
			permanence_plan_ratified="Yes",
		)

	def test_the_permanence_report_counts_it(self):
		second = self.make_second_review_brought_forward()
		self.assertEqual((second.review_kind, second.counted_as), ("Brought Forward", "Second"))
		_columns, rows, *_ = execute({"from_date": date(2026, 1, 1), "to_date": date(2026, 3, 31)})
		row = next(r for r in rows if r["iro"] == second.chair)
		self.assertEqual((row["second_reviews"], row["permanence_ratified"]), (1, 1))

	def test_the_patch_counts_reviews_recorded_before(self):
		second = self.make_second_review_brought_forward()
		frappe.db.set_value("Child Review", second.name, "counted_as", None)
		count_brought_forward_reviews()
		self.assertEqual(frappe.db.get_value("Child Review", second.name, "counted_as"), "Second")
