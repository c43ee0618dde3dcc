# Copyright (c) 2026, iro_standards contributors and Contributors
# See license.txt

from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	SETTINGS,
	get_site_calendar,
	get_site_timescales,
	get_timescales,
)
from iro_standards.standards import first_review_due
from iro_standards.tests.factories import make_user


class TestIROStandardsSettings(FrappeTestCase):
	def settings(self):
		return frappe.get_doc(SETTINGS)

	def assert_refused(self, settings, message):
		with self.assertRaisesRegex(frappe.ValidationError, message):
			settings.save()
		frappe.clear_last_message()
		self.assertEqual(self.settings().as_dict(), self.before)

	def setUp(self):
		self.before = self.settings().as_dict()

	def tearDown(self):
		frappe.db.rollback()
		frappe.clear_cache()

	def test_install_created_the_briefs_defaults(self):
		timescales = get_site_timescales()
		self.assertEqual(timescales.first_review_working_days, 20)
		self.assertEqual(timescales.subsequent_review_months, 6)
		self.assertEqual(
			[(s.name, s.response_working_days) for s in timescales.dispute_stages],
			[
				("Informal", 5),
				("Formal 1", 5),
				("Formal 2", 5),
				("Formal 3", 10),
				("Formal 4", 10),
				("Cafcass referral", None),
			],
		)

	def test_the_iro_manager_runs_the_service_settings_and_an_iro_only_reads_them(self):
		manager = make_user("settings.manager@example.com", "IRO Manager")
		iro = make_user("settings.iro@example.com", "IRO")
		frappe.set_user(manager)
		try:
			settings = self.settings()
			settings.icpc_working_days = 14
			settings.save()
			self.assertEqual(get_site_timescales().icpc_working_days, 14)
			frappe.set_user(iro)
			self.assertTrue(frappe.has_permission(SETTINGS, "read"))
			settings = self.settings()
			settings.icpc_working_days = 13
			with self.assertRaises(frappe.PermissionError):
				settings.save()
		finally:
			frappe.set_user("Administrator")

	def test_zero_or_negative_timescale_is_refused_naming_the_field(self):
		for value in (0, -3):
			settings = self.settings()
			settings.first_review_working_days = value
			self.assert_refused(
				settings, "First Review \\(Working Days\\) must be a whole number greater than zero"
			)

	def test_the_message_follows_a_label_renamed_in_customize_form(self):
		frappe.make_property_setter(
			{
				"doctype": SETTINGS,
				"fieldname": "second_review_months",
				"property": "label",
				"value": "Months to Second Review",
			}
		)
		settings = self.settings()
		settings.second_review_months = 0
		self.assert_refused(settings, "Months to Second Review must be a whole number greater than zero")

	def test_negative_reminder_lead_time_is_refused(self):
		settings = self.settings()
		settings.review_reminder_days_before = -1
		self.assert_refused(settings, "Review Reminder \\(Days Before\\) cannot be negative")

	def test_inverted_caseload_range_is_refused(self):
		settings = self.settings()
		settings.caseload_minimum = 80
		self.assert_refused(
			settings, "Caseload Minimum \\(80\\) cannot be greater than Caseload Maximum \\(70\\)"
		)

	def test_closure_day_listed_twice_is_refused(self):
		settings = self.settings()
		settings.append("closure_days", {"closure_date": "2025-12-29", "description": "Shutdown"})
		settings.append("closure_days", {"closure_date": "2025-12-30", "description": "Shutdown"})
		settings.append("closure_days", {"closure_date": "2025-12-29", "description": "Again"})
		self.assert_refused(settings, "Closure day .* is listed twice, in rows 1 and 3")

	def test_dispute_stage_problems_are_refused(self):
		settings = self.settings()
		settings.dispute_stages[1].response_working_days = -1
		self.assert_refused(settings, "Row 2: the response timescale of stage Formal 1 cannot be negative")
		settings = self.settings()
		settings.dispute_stages[2].stage = "Formal 1"
		self.assert_refused(settings, "Dispute stage Formal 1 is listed twice, in rows 2 and 3")
		settings = self.settings()
		settings.dispute_stages = []
		self.assert_refused(settings, "List at least one dispute resolution stage")

	def test_the_local_authority_is_known_by_the_ons_code_of_a_council_in_the_jurisdiction(self):
		settings = self.settings()
		settings.local_authority_code = "W06000015"
		self.assert_refused(
			settings, "W06000015 is not the ONS code of a council in England, such as E09000027"
		)
		settings = self.settings()
		settings.local_authority_code = "E0900002"
		self.assert_refused(settings, "E0900002 is not the ONS code")
		settings = self.settings()
		settings.update(
			{"local_authority_code": " e09000027 ", "local_authority_name": "Richmond upon Thames"}
		)
		settings.save()
		self.assertEqual(self.settings().local_authority_code, "E09000027")
		settings.jurisdiction = "Wales"
		self.assertRaisesRegex(
			frappe.ValidationError, "not the ONS code of a council in Wales", settings.save
		)
		frappe.db.rollback()

	def test_saved_settings_drive_the_engine(self):
		settings = self.settings()
		settings.jurisdiction = "Wales"
		settings.first_review_working_days = 15
		settings.append("closure_days", {"closure_date": "2026-01-02", "description": "Council closed"})
		settings.save()
		timescales, calendar = get_site_timescales(), get_site_calendar()
		self.assertEqual((timescales.jurisdiction, timescales.first_review_working_days), ("wales", 15))
		self.assertFalse(calendar.is_working_day(date(2026, 1, 2)))
		# 22-24 and 29-31 Dec, 2 Jan closed, then 5-9 and 12-15 Jan: the 15th working day
		due = first_review_due(date(2025, 12, 20), calendar=calendar, timescales=timescales)
		self.assertEqual(due, date(2026, 1, 15))

	def test_get_timescales_returns_the_site_values(self):
		result = get_timescales()
		self.assertEqual(result["first_review_working_days"], 20)
		self.assertEqual(result["dispute_stages"][0]["name"], "Informal")

	def test_get_timescales_needs_read_permission(self):
		frappe.set_user("Guest")
		try:
			self.assertRaises(frappe.PermissionError, get_timescales)
		finally:
			frappe.set_user("Administrator")
