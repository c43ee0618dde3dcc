import html
from datetime import date

import frappe
from frappe import _
from frappe.tests.utils import FrappeTestCase

from iro_standards.tests.factories import hold_review, make_child, make_looked_after_child


class TestWelsh(FrappeTestCase):
	def setUp(self):
		frappe.local.lang = "cy"

	def tearDown(self):
		frappe.local.lang = "en"
		frappe.db.rollback()

	def test_labels_and_messages_are_in_welsh(self):
		self.assertEqual(_("Looked After Child"), "Plentyn sy'n derbyn gofal")
		self.assertEqual(_("Review due: {0}").format("LA-1"), "Adolygiad yn ddyledus: LA-1")

	def test_a_validation_error_reaches_a_welsh_user_in_welsh(self):
		with self.assertRaisesRegex(frappe.ValidationError, r"Ni all Dyddiad geni \(.*\) fod yn y dyfodol\."):
			make_child(date_of_birth=date(2099, 1, 1))

	def test_the_record_of_review_prints_in_the_childs_language_whoever_prints_it(self):
		child = make_looked_after_child(date(2025, 12, 20))
		review = hold_review(
			child.name,
			date(2026, 1, 19),
			recommendations=[("Book a dentist", "Carer", date(2026, 2, 27))],
			wishes_and_feelings="I want to stay at my school",
			knows_how_to_contact_iro="Yes",
		)
		english = html.unescape(frappe.get_print("Child Review", review.name, "Record of Review"))
		self.assertIn("Record of Review", english)
		self.assertIn("The Child's Wishes and Feelings", english)
		self.assertIn("I want to stay at my school", english)
		self.assertIn("Book a dentist", english)
		self.assertIn(child.case_number, english)
		self.assertNotIn("Cofnod o'r adolygiad", english)
		frappe.db.set_value("Looked After Child", child.name, "preferred_language", "Welsh")
		frappe.local.lang = "en"
		welsh = html.unescape(frappe.get_print("Child Review", review.name, "Record of Review"))
		self.assertIn("Cofnod o'r adolygiad", welsh)
		self.assertIn("Penderfyniadau ac argymhellion", welsh)
		self.assertIn("Dymuniadau a theimladau y plentyn", welsh)
		self.assertIn("Book a dentist", welsh)
		self.assertNotIn("Record of Review", welsh)
