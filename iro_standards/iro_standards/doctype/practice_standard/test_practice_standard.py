# Copyright (c) 2026, iro_standards contributors and Contributors
# See license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.install import after_migrate


class TestPracticeStandard(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()

	def test_the_default_set_is_installed_in_english_and_welsh(self):
		standards = frappe.get_all(
			"Practice Standard", filters={"active": 1}, fields=["code", "statement", "statement_cy"]
		)
		self.assertGreaterEqual(len(standards), 20)
		self.assertTrue(all(s.statement and s.statement_cy for s in standards))
		areas = set(frappe.get_all("Practice Standard", pluck="area"))
		self.assertTrue({"Participation", "Timeliness", "Monitoring", "Dispute Resolution"} <= areas)

	def test_a_sites_edit_survives_migrate(self):
		standard = frappe.get_doc("Practice Standard", "TIM-01")
		standard.statement = "Our own wording"
		standard.active = 0
		standard.save()
		after_migrate()
		self.assertEqual(
			frappe.db.get_value("Practice Standard", "TIM-01", ["statement", "active"]),
			("Our own wording", 0),
		)

	def test_a_standard_must_apply_to_something(self):
		standard = frappe.get_doc(
			{"doctype": "Practice Standard", "code": "LOCAL-1", "area": "Planning", "statement": "x"}
		)
		self.assertRaisesRegex(
			frappe.ValidationError, "applies to reviews, progress reviews or disputes", standard.insert
		)
