# Copyright (c) 2026, iro_standards contributors and contributors
# See license.txt

"""Significant changes on a real site: made when a move or a new social worker is recorded, the IRO
told at once, their decision recorded and chased like every other step."""

from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import engine_kwargs
from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.iro_standards.report.my_work.my_work import execute as my_work
from iro_standards.standards.rules import significant_change_decision_due
from iro_standards.tasks import mark_overdue_significant_change_decisions
from iro_standards.tests.factories import hold_review, make_child, make_episode, make_user

IN_CARE = date(2026, 3, 2)


class TestSignificantChange(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro = make_user("change.iro@example.com", "IRO")
		cls.other_iro = make_user("change.other@example.com", "IRO")
		cls.social_worker = make_user("change.sw@example.com", "Social Worker")
		cls.next_social_worker = make_user("change.sw2@example.com", "Social Worker")
		frappe.db.commit()

	def setUp(self):
		self.child = make_child(
			allocated_iro=self.iro, iro_allocated_on=IN_CARE, social_worker=self.social_worker
		)
		self.episode = make_episode(
			self.child.name,
			IN_CARE,
			placements=[
				{"moved_on": IN_CARE, "placement_type": "Foster Care", "placement_provider": "Northfield"}
			],
		)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def changes(self) -> list:
		return frappe.get_all(
			"Significant Change",
			filters={"child": self.child.name},
			fields=[
				"name",
				"change_type",
				"occurred_on",
				"unplanned_ending",
				"allocated_iro",
				"decision_due",
			],
			order_by="occurred_on",
		)

	def move(self, day, reason="Carer Requested", **row):
		self.episode.reload()
		self.episode.append(
			"placements",
			{
				"moved_on": day,
				"placement_type": "Children's Home",
				"placement_provider": "Glan",
				"reason_for_change": reason,
				**row,
			},
		)
		self.episode.save()

	def test_becoming_looked_after_is_not_a_change_but_each_move_is(self):
		self.assertEqual(self.changes(), [])
		self.move(date(2026, 6, 1))
		(change,) = self.changes()
		self.assertEqual(
			(change.change_type, getdate(change.occurred_on), change.unplanned_ending, change.allocated_iro),
			("Placement Move", date(2026, 6, 1), 1, self.iro),
		)
		self.assertEqual(
			getdate(change.decision_due), significant_change_decision_due(getdate(), **engine_kwargs())
		)
		bell = frappe.get_all(
			"Notification Log", {"for_user": self.iro, "document_name": change.name}, pluck="subject"
		)
		self.assertEqual(bell, [f"Significant change: {self.child.case_number}"])

	def test_a_planned_move_is_not_an_unplanned_ending_and_a_legal_status_row_is_its_own_change(self):
		self.move(date(2026, 6, 1), reason="Change to the Care Plan")
		self.episode.reload()
		self.episode.append(
			"placements",
			{
				"moved_on": date(2026, 7, 1),
				"placement_type": "Children's Home",
				"placement_provider": "Glan",
				"legal_status_code": "C2",
			},
		)
		self.episode.save()
		self.assertEqual(
			[(c.change_type, c.unplanned_ending) for c in self.changes()],
			[("Placement Move", 0), ("Change of Legal Status", 0)],
		)

	def test_a_new_social_worker_is_a_change_the_iro_decides_on(self):
		self.child.reload()
		self.child.social_worker = self.next_social_worker
		self.child.save()
		(change,) = self.changes()
		self.assertEqual(change.change_type, "Change of Social Worker")

	def decide(self, change: str, user: str, **values):
		frappe.set_user(user)
		try:
			doc = frappe.get_doc("Significant Change", change)
			doc.update(values)
			doc.save()
			return doc
		finally:
			frappe.set_user("Administrator")

	def test_not_bringing_the_review_forward_needs_a_reason(self):
		self.move(date(2026, 6, 1))
		(change,) = self.changes()
		self.assertRaisesRegex(
			frappe.ValidationError, "Record why", self.decide, change.name, self.iro, decision="Not Needed"
		)
		decided = self.decide(
			change.name, self.iro, decision="Not Needed", decision_reason="A planned move to her sister."
		)
		self.assertEqual((decided.decided_by, getdate(decided.decided_on)), (self.iro, getdate()))

	def test_bringing_the_review_forward_marks_the_planned_review(self):
		hold_review(self.child.name, date(2026, 3, 27))
		self.move(date(2026, 6, 1))
		(change,) = self.changes()
		decided = self.decide(change.name, self.iro, decision="Bring the Review Forward")
		review = frappe.get_doc("Child Review", decided.child_review)
		self.assertEqual(
			(
				review.open_for_child,
				review.brought_forward,
				review.brought_forward_reason,
				review.review_kind,
			),
			(self.child.name, 1, "Significant Change or Event", "Brought Forward"),
		)

	def test_only_the_iro_side_records_the_decision(self):
		self.move(date(2026, 6, 1))
		(change,) = self.changes()
		self.decide(change.name, self.social_worker, decision="Not Needed", decision_reason="Mine to decide?")
		self.assertFalse(frappe.db.get_value("Significant Change", change.name, "decision"))

	def test_an_undecided_change_is_overdue_after_its_due_date_and_listed_in_my_work(self):
		self.addCleanup(frappe.db.commit)
		self.addCleanup(delete_child_and_records, self.child.name)
		self.move(date(2026, 6, 1))
		(change,) = self.changes()
		mark_overdue_significant_change_decisions(add_days(change.decision_due, 1))
		self.assertEqual(frappe.db.get_value("Significant Change", change.name, "decision_overdue"), 1)
		frappe.set_user(self.iro)
		work = [(row["what"], row["reference_name"]) for row in my_work({})[1]]
		frappe.set_user(self.other_iro)
		others = [row["reference_name"] for row in my_work({})[1]]
		frappe.set_user("Administrator")
		self.assertIn(("Decide whether to bring the review forward: Placement Move", change.name), work)
		self.assertNotIn(change.name, others)
		self.decide(change.name, self.iro, decision="Not Needed", decision_reason="Planned.")
		mark_overdue_significant_change_decisions(add_days(change.decision_due, 1))
		self.assertEqual(frappe.db.get_value("Significant Change", change.name, "decision_overdue"), 0)

	def test_an_undecided_change_follows_the_child_to_a_new_iro(self):
		self.move(date(2026, 6, 1))
		self.child.reload()
		self.child.allocated_iro = self.other_iro
		self.child.save()
		self.assertEqual([c.allocated_iro for c in self.changes()], [self.other_iro])
