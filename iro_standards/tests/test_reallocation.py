"""Reallocating a child moves every open record with it, at once, and tells the people concerned."""

from datetime import date, timedelta

import frappe
from frappe.email.doctype.notification.notification import trigger_daily_alerts
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from iro_standards.iro_standards.people import reallocate_children
from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.tests.factories import (
	hold_review,
	make_looked_after_child,
	make_review,
	make_user,
	progress_review_after,
)


class TestReallocation(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.old_iro = make_user("realloc.old.iro@example.com", "IRO")
		cls.new_iro = make_user("realloc.new.iro@example.com", "IRO")
		cls.old_tm = make_user("realloc.old.tm@example.com", "Team Manager")
		cls.new_tm = make_user("realloc.new.tm@example.com", "Team Manager")
		cls.old_sw = make_user("realloc.old.sw@example.com", "Social Worker")
		cls.new_sw = make_user("realloc.new.sw@example.com", "Social Worker")
		frappe.db.commit()

	def setUp(self):
		frappe.set_user("Administrator")
		self.child = make_looked_after_child(
			date(2025, 12, 20),
			allocated_iro=self.old_iro,
			team_manager=self.old_tm,
			social_worker=self.old_sw,
			team="North",
		)
		self.held = hold_review(self.child.name, date(2026, 1, 19))
		frappe.db.set_value("Child Review", self.held.name, "status", "Record Distributed")
		self.second = hold_review(self.child.name, date(2026, 3, 2))
		self.progress = progress_review_after(self.second.name)
		self.dispute = frappe.get_doc(
			{
				"doctype": "IRO Dispute",
				"child": self.child.name,
				"category": "Health",
				"issue": "issue",
				"desired_outcome": "outcome",
				"raised_on": date(2026, 3, 3),
			}
		).insert()
		self.planned = make_review(self.child.name, getdate() + timedelta(days=7))

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def reallocate(self, **values) -> None:
		child = frappe.get_doc("Looked After Child", self.child.name)
		child.update(values)
		child.save()

	def allocation_of(self, doctype: str, name: str) -> tuple:
		fields = [
			f
			for f in ("allocated_iro", "team_manager", "social_worker", "team")
			if frappe.get_meta(doctype).has_field(f)
		]
		return tuple(frappe.db.get_value(doctype, name, fields))

	def test_open_records_move_and_finished_ones_stay_as_history(self):
		self.reallocate(
			allocated_iro=self.new_iro, team_manager=self.new_tm, social_worker=self.new_sw, team="South"
		)
		moved = (self.new_iro, self.new_tm, self.new_sw, "South")
		self.assertEqual(self.allocation_of("Child Review", self.planned.name), moved)
		self.assertEqual(self.allocation_of("Child Review", self.second.name), moved)
		self.assertEqual(self.allocation_of("Progress Review", self.progress.name), moved[:3])
		self.assertEqual(self.allocation_of("IRO Dispute", self.dispute.name), moved)
		self.assertEqual(
			self.allocation_of("Child Review", self.held.name),
			(self.old_iro, self.old_tm, self.old_sw, "North"),
		)

	def test_the_previous_iro_gets_no_reminder_and_no_list_row(self):
		self.addCleanup(frappe.db.commit)
		self.addCleanup(delete_child_and_records, self.child.name)
		lead_before = frappe.db.get_value("Notification", "IRO: Review Due", "days_in_advance")
		self.addCleanup(
			frappe.db.set_value, "Notification", "IRO: Review Due", "days_in_advance", lead_before
		)
		lead = (getdate(self.planned.statutory_due) - getdate()).days
		frappe.db.set_value("Notification", "IRO: Review Due", "days_in_advance", lead)
		self.reallocate(allocated_iro=self.new_iro)
		trigger_daily_alerts()
		reminded = frappe.get_all(
			"Notification Log",
			{"document_name": self.planned.name, "subject": ("like", "%due%")},
			pluck="for_user",
		)
		self.assertIn(self.new_iro, reminded)
		self.assertNotIn(self.old_iro, reminded)
		frappe.set_user(self.old_iro)
		for doctype in ("Child Review", "Progress Review", "IRO Dispute"):
			self.assertEqual(frappe.get_list(doctype, {"child": self.child.name}), [], doctype)

	def test_the_new_iro_is_told_and_the_iro_hears_of_a_new_social_worker(self):
		self.reallocate(allocated_iro=self.new_iro)
		told = frappe.get_all(
			"Notification Log", {"document_name": self.child.name, "for_user": self.new_iro}, pluck="subject"
		)
		self.assertTrue(any(self.child.case_number in subject for subject in told), told)
		self.reallocate(social_worker=self.new_sw)
		heard = frappe.get_all(
			"Notification Log", {"document_name": self.child.name, "for_user": self.new_iro}, pluck="subject"
		)
		self.assertTrue(any("Social worker changed" in subject for subject in heard), heard)
		self.assertFalse(
			frappe.db.exists("Notification Log", {"document_name": self.child.name, "for_user": self.old_iro})
		)


class TestBulkReallocation(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.old_iro = make_user("bulk.old.iro@example.com", "IRO")
		cls.new_iro = make_user("bulk.new.iro@example.com", "IRO")
		cls.manager = make_user("bulk.manager@example.com", "IRO Manager")
		cls.social_worker = make_user("bulk.sw@example.com", "Social Worker")
		frappe.db.commit()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def caseload(self, count: int) -> list[str]:
		children = [
			make_looked_after_child(date(2025, 12, 20), allocated_iro=self.old_iro).name for _ in range(count)
		]
		for child in children:
			make_review(child, getdate() + timedelta(days=10))
		return children

	def test_a_manager_moves_a_caseload_with_every_open_record(self):
		children = self.caseload(3)
		frappe.set_user(self.manager)
		self.assertEqual(reallocate_children(children, self.new_iro), 3)
		frappe.set_user("Administrator")
		self.assertEqual(
			set(frappe.get_all("Looked After Child", {"name": ("in", children)}, pluck="allocated_iro")),
			{self.new_iro},
		)
		self.assertEqual(
			set(
				frappe.get_all(
					"Child Review", {"child": ("in", children), "docstatus": 0}, pluck="allocated_iro"
				)
			),
			{self.new_iro},
		)

	def test_refused_for_a_non_iro_and_for_those_who_may_not_reallocate(self):
		children = self.caseload(2)
		frappe.set_user(self.manager)
		self.assertRaisesRegex(
			frappe.ValidationError,
			"do not have the IRO role",
			reallocate_children,
			children,
			self.social_worker,
		)
		self.assertEqual(
			set(frappe.get_all("Looked After Child", {"name": ("in", children)}, pluck="allocated_iro")),
			{self.old_iro},
		)
		frappe.set_user(self.old_iro)
		self.assertRaises(frappe.PermissionError, reallocate_children, children, self.new_iro)
		frappe.set_user("Administrator")
		self.assertRaisesRegex(
			frappe.ValidationError, "Choose the children", reallocate_children, "{}", self.new_iro
		)
