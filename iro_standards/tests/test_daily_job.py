"""The daily job over a prepared set of children, at a fixed date, run twice."""

from datetime import date
from unittest.mock import patch

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase

from iro_standards import tasks
from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.tests.factories import (
	hold_review,
	make_looked_after_child,
	make_outgoing_email_account,
	make_review,
	make_user,
	progress_review_after,
	raise_dispute,
)

TODAY = date(2026, 3, 2)


class TestDailyJob(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro = make_user("daily.iro@example.com", "IRO")
		make_user("daily.manager@example.com", "IRO Manager")
		cls.managers = tasks.iro_managers()
		make_outgoing_email_account()
		cls.children = []
		frappe.db.commit()

	def setUp(self):
		self.original_caseload = frappe.db.get_value(
			"IRO Standards Settings", None, ["caseload_minimum", "caseload_maximum"], as_dict=True
		)
		frappe.db.set_single_value("IRO Standards Settings", {"caseload_minimum": 1, "caseload_maximum": 1})
		self.unheld = make_review(self.child(date(2025, 12, 20)), date(2026, 1, 19))
		self.silent = self.review_with_team_manager(self.child(date(2025, 12, 20)), sent=date(2026, 2, 2))
		self.answered = self.review_with_team_manager(self.child(date(2025, 12, 20)), sent=date(2026, 2, 26))
		midpoint_passed = hold_review(self.child(date(2025, 12, 1)), date(2026, 1, 5))
		self.progress = progress_review_after(midpoint_passed.name)
		self.dispute = raise_dispute(midpoint_passed.child, date(2026, 2, 2))
		frappe.db.commit()

	def tearDown(self):
		frappe.db.rollback()
		frappe.db.set_single_value("IRO Standards Settings", self.original_caseload)
		for child in self.children:
			for doctype in ("IRO Dispute", "Progress Review"):
				for name in frappe.get_all(doctype, {"child": child}, pluck="name"):
					frappe.delete_doc(doctype, name, force=True, delete_permanently=True)
			delete_child_and_records(child)
		frappe.db.delete("ToDo", {"reference_type": "Child Review", "allocated_to": ("in", self.managers)})
		frappe.db.delete("Notification Log", {"document_type": "User", "document_name": self.iro})
		frappe.db.commit()
		self.children.clear()

	def child(self, start: date) -> str:
		child = make_looked_after_child(start, allocated_iro=self.iro, iro_allocated_on=start)
		self.children.append(child.name)
		return child.name

	def review_with_team_manager(self, child: str, sent: date):
		review = hold_review(
			child, date(2026, 1, 19), recommendations=[("Book dentist", "Carer", date(2026, 2, 27))]
		)
		review = apply_workflow(review.as_dict(), "Record Decisions")
		review = apply_workflow(review.as_dict(), "Send to Team Manager")
		review.db_set("sent_to_tm_on", sent)
		review.db_set("tm_response_due", tasks_calendar().add_working_days(sent, 5))
		return review

	def review_names(self) -> list[str]:
		return frappe.get_all("Child Review", {"child": ("in", self.children)}, pluck="name")

	def emails_about_the_unheld_review(self) -> list[str]:
		"""Assignment emails carry no reference, only the review's name in their text."""
		return frappe.get_all("Email Queue", {"message": ("like", f"%{self.unheld.name}%")}, pluck="name")

	def outputs(self) -> dict:
		return {
			"todos": sorted(
				frappe.get_all(
					"ToDo",
					{
						"reference_type": "Child Review",
						"reference_name": ("in", self.review_names()),
						"allocated_to": ("in", self.managers),
					},
					["reference_name", "allocated_to"],
					as_list=True,
				)
			),
			"caseload_alerts": sorted(
				frappe.get_all(
					"Notification Log", {"document_type": "User", "document_name": self.iro}, pluck="for_user"
				)
			),
			"deemed_comments": frappe.db.count(
				"Comment",
				{
					"reference_name": ("in", [self.silent.name, self.answered.name]),
					"comment_type": "Info",
					"content": ("like", "Deemed agreed:%"),
				},
			),
			"review_states": {
				name: frappe.db.get_value("Child Review", name, ["status", "tm_response", "overdue"])
				for name in (self.unheld.name, self.silent.name, self.answered.name)
			},
			"progress": frappe.db.get_value("Progress Review", self.progress.name, "status"),
			"dispute_overdue": frappe.db.get_value("IRO Dispute", self.dispute.name, "response_overdue"),
			"email_queue": len(self.emails_about_the_unheld_review()),
			"notification_logs": frappe.db.count(
				"Notification Log", {"document_name": ("in", [self.iro, *self.review_names()])}
			),
		}

	def test_the_job_does_exactly_its_work_once(self):
		before = self.outputs()
		tasks.daily(TODAY)
		first = self.outputs()
		self.assertEqual(first["todos"], sorted((self.unheld.name, manager) for manager in self.managers))
		self.assertEqual(first["caseload_alerts"], sorted(self.managers))
		self.assertEqual(first["deemed_comments"], 1)
		self.assertEqual(
			first["review_states"],
			{
				self.unheld.name: ("Planned", "", 1),
				self.silent.name: ("Deemed Agreed", "Deemed Agreed", 0),
				self.answered.name: ("With Team Manager", "", 0),
			},
		)
		self.assertEqual((first["progress"], first["dispute_overdue"]), ("Overdue", 1))
		assignment_logs = len(self.managers)
		self.assertEqual(
			first["notification_logs"] - before["notification_logs"], len(self.managers) + assignment_logs
		)
		self.assertEqual(first["email_queue"] - before["email_queue"], len(self.managers))
		queued = self.emails_about_the_unheld_review()
		recipients = frappe.get_all("Email Queue Recipient", {"parent": ("in", queued)}, pluck="recipient")
		self.assertEqual(sorted(recipients), sorted(self.managers))

		tasks.daily(TODAY)
		self.assertEqual(self.outputs(), first)

	def test_a_run_stopped_half_way_finishes_on_the_next_run_without_repeats(self):
		self.answered.db_set("tm_response_due", date(2026, 2, 27))
		frappe.db.commit()
		real_deem_agreed = tasks.deem_agreed
		calls = []

		def dies_on_the_second(review, response_due):
			calls.append(review)
			if len(calls) == 2:
				raise SystemExit("worker killed")
			real_deem_agreed(review, response_due)

		with patch.object(tasks, "deem_agreed", dies_on_the_second), self.assertRaises(SystemExit):
			tasks.daily(TODAY)
		frappe.db.rollback()
		self.assertEqual(self.outputs()["review_states"][self.silent.name][0], "With Team Manager")

		tasks.daily(TODAY)
		tasks.daily(TODAY)
		result = self.outputs()
		self.assertEqual(result["deemed_comments"], 2)
		self.assertEqual(result["review_states"][self.answered.name][:2], ("Deemed Agreed", "Deemed Agreed"))
		self.assertEqual(len(result["todos"]), len(self.managers))


def tasks_calendar():
	return frappe.get_doc("IRO Standards Settings").to_calendar()
