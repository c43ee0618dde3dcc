"""The allocation rules of the practice standards' first review process chart, on a real site."""

from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from iro_standards.iro_standards.report.iro_caseload.iro_caseload import execute
from iro_standards.tests.factories import make_child, make_episode, make_user


class TestAllocationRules(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro = make_user("allocation.iro@example.com", "IRO")
		cls.other_iro = make_user("allocation.other@example.com", "IRO")
		frappe.db.commit()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def looked_after(self, **values):
		child = make_child(**values)
		make_episode(child.name, date(2025, 12, 19))
		return child.reload()

	def test_a_looked_after_parent_and_their_child_are_refused_the_same_iro(self):
		mother = self.looked_after(allocated_iro=self.iro, date_of_birth=date(2009, 4, 1), is_mother=1)
		baby = self.looked_after(date_of_birth=date(2025, 11, 30), looked_after_parent=mother.name)
		baby.allocated_iro = self.iro
		with self.assertRaisesRegex(frappe.ValidationError, "separate IROs"):
			baby.save()
		self.assertIsNone(frappe.db.get_value("Looked After Child", baby.name, "allocated_iro"))
		baby.reload()
		baby.allocated_iro = self.iro
		baby.same_iro_as_parent_reason = "The mother asked for one IRO for both of them"
		baby.save()
		self.assertEqual(frappe.db.get_value("Looked After Child", baby.name, "allocated_iro"), self.iro)

	def test_the_parents_iro_cannot_be_changed_to_their_childs_without_the_reason(self):
		mother = self.looked_after(allocated_iro=self.iro, date_of_birth=date(2009, 4, 1))
		self.looked_after(allocated_iro=self.other_iro, looked_after_parent=mother.name)
		mother.allocated_iro = self.other_iro
		with self.assertRaisesRegex(frappe.ValidationError, "separate IROs"):
			mother.save()
		self.assertEqual(frappe.db.get_value("Looked After Child", mother.name, "allocated_iro"), self.iro)

	def test_a_child_cannot_be_their_own_parent(self):
		child = self.looked_after()
		child.looked_after_parent = child.name
		self.assertRaisesRegex(frappe.ValidationError, "own looked-after parent", child.save)

	def test_notification_and_allocation_are_measured_from_becoming_looked_after(self):
		child = self.looked_after(iro_notified_on=date(2025, 12, 23))
		self.assertEqual(
			(getdate(child.looked_after_notification_due), child.notified_in_time),
			(date(2025, 12, 23), 1),
		)
		self.assertEqual(getdate(child.iro_allocation_due), date(2025, 12, 30))
		child.update({"allocated_iro": self.iro, "iro_allocated_on": date(2025, 12, 31)})
		child.save()
		self.assertEqual(child.allocated_in_time, 0)
		child.iro_allocated_on = date(2025, 12, 30)
		child.save()
		self.assertEqual(child.allocated_in_time, 1)

	def test_a_late_notification_is_flagged_and_the_five_day_limit_still_holds(self):
		child = self.looked_after(iro_notified_on=date(2026, 1, 5))
		self.assertEqual(child.notified_in_time, 0)
		self.assertEqual(getdate(child.iro_allocation_due), date(2025, 12, 30))

	def welsh_warnings(self) -> list[str]:
		return [message for message in frappe.get_message_log() if "work in Welsh" in str(message)]

	def test_allocating_a_child_who_prefers_welsh_to_an_iro_without_welsh_warns(self):
		child = self.looked_after(preferred_language="Welsh")
		frappe.clear_messages()
		child.allocated_iro = self.iro
		child.save()
		self.assertEqual(len(self.welsh_warnings()), 1)
		frappe.db.set_value("User", self.other_iro, "iro_works_in_welsh", 1)
		frappe.clear_messages()
		child.allocated_iro = self.other_iro
		child.save()
		self.assertEqual(self.welsh_warnings(), [])

	def test_a_child_on_a_protection_plan_who_becomes_looked_after_gets_their_chair_as_iro(self):
		child = make_child(cp_chair=self.iro)
		frappe.db.set_value("Looked After Child", child.name, "on_cp_plan", 1)
		make_episode(child.name, date(2025, 12, 19))
		child.reload()
		self.assertEqual((child.allocated_iro, getdate(child.iro_allocated_on)), (self.iro, getdate()))
		self.assertTrue(
			frappe.db.exists(
				"Comment",
				{"reference_name": child.name, "content": ("like", "%conference chair%dual role%")},
			)
		)
		review = frappe.db.get_value("Child Review", {"open_for_child": child.name}, "allocated_iro")
		self.assertEqual(review, self.iro)

	def test_a_child_not_on_a_plan_or_already_allocated_keeps_their_allocation(self):
		not_on_plan = make_child(cp_chair=self.iro)
		make_episode(not_on_plan.name, date(2025, 12, 19))
		self.assertIsNone(frappe.db.get_value("Looked After Child", not_on_plan.name, "allocated_iro"))
		allocated = make_child(cp_chair=self.iro, allocated_iro=self.other_iro)
		frappe.db.set_value("Looked After Child", allocated.name, "on_cp_plan", 1)
		make_episode(allocated.name, date(2025, 12, 19))
		self.assertEqual(
			frappe.db.get_value("Looked After Child", allocated.name, "allocated_iro"), self.other_iro
		)

	def test_the_caseload_report_counts_late_notifications_and_allocations_by_iro(self):
		on_time = self.looked_after(allocated_iro=self.iro, iro_notified_on=date(2025, 12, 22))
		on_time.iro_allocated_on = date(2025, 12, 23)
		on_time.save()
		late = self.looked_after(allocated_iro=self.iro, iro_notified_on=date(2026, 1, 5))
		late.iro_allocated_on = date(2026, 1, 6)
		late.save()
		(row,) = execute({"iro": self.iro})[1]
		self.assertEqual((row["late_notifications"], row["late_allocations"]), (1, 1))
