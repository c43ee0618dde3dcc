# Copyright (c) 2026, iro_standards contributors and Contributors
# See license.txt

from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.tests.factories import make_looked_after_child, make_review


def make_contact(child: str, **values):
	return frappe.get_doc(
		{"doctype": "IRO Contact", "child": child, "iro": "Administrator", "kind": "Visit", **values}
	).insert()


class TestIROContact(FrappeTestCase):
	def setUp(self):
		self.child = make_looked_after_child(date(2025, 12, 20))

	def tearDown(self):
		frappe.db.rollback()

	def test_the_child_knowing_their_iro_is_derived_from_the_latest_contact(self):
		make_contact(self.child.name, contact_date=date(2026, 1, 9), child_knows_iro=1)
		make_contact(self.child.name, contact_date=date(2026, 1, 2), child_knows_iro=1)
		self.assertEqual(
			frappe.db.get_value(
				"Looked After Child", self.child.name, ["knows_iro", "knows_iro_confirmed_on"]
			),
			(1, date(2026, 1, 9)),
		)

	def test_a_future_date_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "cannot be in the future"):
			make_contact(self.child.name, contact_date=date(2099, 1, 1))

	def test_a_review_of_another_child_is_refused(self):
		other = make_looked_after_child(date(2025, 12, 20))
		review = make_review(other.name, date(2026, 1, 19))
		with self.assertRaisesRegex(frappe.ValidationError, "is about another child"):
			make_contact(
				self.child.name,
				contact_date=date(2026, 1, 9),
				kind="Before-Review Consultation",
				child_review=review.name,
			)
