from datetime import date

import frappe
from frappe import _
from frappe.tests.utils import FrappeTestCase

from iro_standards.tests.factories import make_child


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
