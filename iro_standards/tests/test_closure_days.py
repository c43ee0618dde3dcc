"""A closure day added in the settings moves the deadlines of what is open, and says what stays."""

from datetime import date
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards import tasks
from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.tests.factories import hold_review, make_looked_after_child, make_review, raise_dispute

SETTINGS = "IRO Standards Settings"


class TestANewClosureDay(FrappeTestCase):
	def setUp(self):
		self.children = [make_looked_after_child(date(2025, 12, 20)) for _ in range(2)]
		self.review = make_review(self.children[0].name, date(2026, 1, 19))
		self.held = hold_review(self.children[1].name, date(2026, 1, 19))
		self.dispute = raise_dispute(self.children[1].name, date(2026, 2, 2))
		frappe.db.commit()

	def tearDown(self):
		frappe.db.rollback()
		settings = frappe.get_doc(SETTINGS)
		settings.closure_days = [row for row in settings.closure_days if row.description != "Test closure"]
		settings.save()
		for child in self.children:
			delete_child_and_records(child.name)
		frappe.db.commit()

	def close_on(self, *days: date) -> list:
		settings = frappe.get_doc(SETTINGS)
		for day in days:
			settings.append("closure_days", {"closure_date": day, "description": "Test closure"})
		with patch("frappe.enqueue") as enqueue:
			settings.save()
		frappe.db.commit()
		return [call.args[0] for call in enqueue.call_args_list]

	def test_open_deadlines_move_past_the_new_closure_day_and_say_why(self):
		response_due = self.dispute.current_response_due
		invitations_due = self.review.invitations_due
		record_due = self.held.record_distribution_due
		enqueued = self.close_on(response_due, invitations_due, record_due)
		self.assertIn("iro_standards.tasks.recompute_open_deadlines", enqueued)
		self.assertIn(
			"being recomputed", " ".join(frappe.parse_json(m)["message"] for m in frappe.message_log)
		)
		frappe.clear_messages()

		tasks.recompute_open_deadlines()

		calendar = frappe.get_doc(SETTINGS).to_calendar()
		self.dispute.reload()
		self.assertEqual(self.dispute.current_response_due, calendar.add_working_days(response_due, 1))
		self.assertEqual(self.dispute.stages[-1].response_due, self.dispute.current_response_due)
		self.review.reload()
		self.assertEqual(self.review.invitations_due, calendar.add_working_days(invitations_due, -1))
		self.assertEqual(
			frappe.db.get_value("Child Review", self.held.name, "record_distribution_due"), record_due
		)
		for doctype, name in (("IRO Dispute", self.dispute.name), ("Child Review", self.review.name)):
			self.assertTrue(
				frappe.db.exists(
					"Comment",
					{
						"reference_doctype": doctype,
						"reference_name": name,
						"content": ("like", "Deadlines recomputed%"),
					},
				)
			)

	def test_a_second_run_moves_nothing_and_comments_nothing(self):
		self.close_on(self.dispute.current_response_due)
		tasks.recompute_open_deadlines()
		comments = frappe.db.count("Comment", {"content": ("like", "Deadlines recomputed%")})
		modified = frappe.db.get_value("IRO Dispute", self.dispute.name, "modified")
		tasks.recompute_open_deadlines()
		self.assertEqual(frappe.db.count("Comment", {"content": ("like", "Deadlines recomputed%")}), comments)
		self.assertEqual(frappe.db.get_value("IRO Dispute", self.dispute.name, "modified"), modified)

	def test_saving_the_settings_without_a_new_working_day_enqueues_nothing(self):
		settings = frappe.get_doc(SETTINGS)
		with patch("frappe.enqueue") as enqueue:
			settings.save()
		self.assertNotIn(
			"iro_standards.tasks.recompute_open_deadlines", [call.args[0] for call in enqueue.call_args_list]
		)
