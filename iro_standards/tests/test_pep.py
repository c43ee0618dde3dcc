"""Personal education plans on a site: the first 20 working days after entering care, then one each
school term from the terms in the settings, for children of the configured ages."""

from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.standards import pep_due
from iro_standards.tasks import refresh_pep_due_dates
from iro_standards.tests.factories import make_looked_after_child

TERMS = (
	("Spring 2026", date(2026, 1, 5), date(2026, 3, 27)),
	("Summer 2026", date(2026, 4, 13), date(2026, 7, 22)),
	("Autumn 2026", date(2026, 9, 2), date(2026, 12, 18)),
)
START = date(2026, 1, 12)


class TestPersonalEducationPlans(FrappeTestCase):
	def setUp(self):
		settings = frappe.get_single("IRO Standards Settings")
		settings.school_terms = []
		for term, start, end in TERMS:
			settings.append("school_terms", {"term": term, "start_date": start, "end_date": end})
		settings.save()

	def tearDown(self):
		frappe.db.rollback()
		frappe.clear_document_cache("IRO Standards Settings", "IRO Standards Settings")

	def pep_due_of(self, child: str):
		return frappe.db.get_value("Looked After Child", child, "pep_due")

	def test_after_the_first_pep_one_is_due_each_school_term(self):
		child = make_looked_after_child(START, date_of_birth=date(2015, 6, 1))
		self.assertEqual(self.pep_due_of(child.name), pep_due(START))
		child.append("peps", {"held_on": date(2026, 2, 3)})
		child.save()
		self.assertEqual(self.pep_due_of(child.name), date(2026, 7, 22))
		child.append("peps", {"held_on": date(2026, 5, 6)})
		child.save()
		self.assertEqual(self.pep_due_of(child.name), date(2026, 12, 18))

	def test_an_infant_has_no_pep_date_until_the_term_after_reaching_the_pep_ages(self):
		toddler = make_looked_after_child(START, date_of_birth=date(2023, 6, 15))
		self.assertEqual(self.pep_due_of(toddler.name), date(2026, 12, 18))
		baby = make_looked_after_child(START, date_of_birth=date(2025, 8, 1))
		self.assertIsNone(self.pep_due_of(baby.name))

	def test_a_pep_in_the_future_is_refused(self):
		child = make_looked_after_child(START, date_of_birth=date(2015, 6, 1))
		child.append("peps", {"held_on": date(2099, 1, 1)})
		self.assertRaisesRegex(frappe.ValidationError, "cannot be in the future", child.save)

	def test_ages_the_wrong_way_round_are_refused(self):
		settings = frappe.get_single("IRO Standards Settings")
		settings.update({"pep_minimum_age": 12, "pep_maximum_age": 4})
		self.assertRaisesRegex(frappe.ValidationError, "cannot be more than", settings.save)

	def test_the_daily_job_moves_pep_dates_when_the_terms_change(self):
		"""The job commits: the terms and the child are removed again and the removal committed."""
		self.addCleanup(frappe.db.commit)
		child = make_looked_after_child(START, date_of_birth=date(2015, 6, 1))
		self.addCleanup(delete_child_and_records, child.name)
		child.append("peps", {"held_on": date(2026, 5, 6)})
		child.save()
		self.assertEqual(self.pep_due_of(child.name), date(2026, 12, 18))
		frappe.db.sql(
			"""update `tabIRO School Term` set end_date = '2026-12-11'
			where parent = 'IRO Standards Settings' and start_date = '2026-09-02'"""
		)
		frappe.clear_document_cache("IRO Standards Settings", "IRO Standards Settings")
		refresh_pep_due_dates()
		self.assertEqual(self.pep_due_of(child.name), date(2026, 12, 11))
		self.addCleanup(frappe.clear_document_cache, "IRO Standards Settings", "IRO Standards Settings")
		self.addCleanup(frappe.db.delete, "IRO School Term", {"parent": "IRO Standards Settings"})
