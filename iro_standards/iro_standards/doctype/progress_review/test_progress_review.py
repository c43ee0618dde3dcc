# Copyright (c) 2026, iro_standards contributors and Contributors
# See license.txt

from datetime import date

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase

from iro_standards.tests.factories import (
	hold_review,
	make_looked_after_child,
	make_review,
	workflow_switched_off,
)


def make_dispute(child: str, **values):
	return frappe.get_doc(
		{
			"doctype": "IRO Dispute",
			"child": child,
			"category": "Drift in Care Planning",
			"issue": "Life story work not started",
			"desired_outcome": "Work starts this month",
			"raised_on": date(2026, 3, 6),
			**values,
		}
	).insert()


class TestProgressReview(FrappeTestCase):
	def setUp(self):
		self.child = make_looked_after_child(date(2025, 12, 20))
		self.review = hold_review(
			self.child.name,
			date(2026, 1, 19),
			recommendations=[
				("Start life story work", "Social worker", date(2026, 2, 27)),
				("Arrange sibling contact", "Team manager", date(2026, 2, 13)),
			],
		)

	def tearDown(self):
		frappe.db.rollback()

	def progress_review(self, **values):
		"""The progress review the cycle made after the review, with these values (not saved)."""
		progress = frappe.get_doc("Progress Review", {"child_review": self.review.name})
		progress.update(values)
		return progress

	def test_due_at_the_mid_point_with_the_open_recommendations(self):
		progress = self.progress_review().save()
		self.assertEqual((progress.child, progress.due_date), (self.child.name, date(2026, 3, 5)))
		self.assertEqual(
			[row.action for row in progress.recommendation_progress],
			["Start life story work", "Arrange sibling contact"],
		)
		self.assertEqual(progress.status, "Due")
		self.assertTrue(progress.standards)
		with workflow_switched_off("Progress Review"):
			progress.save()
			self.assertEqual(progress.status, "Overdue")

	def test_progress_is_recorded_on_the_review_recommendation(self):
		progress = self.progress_review(completed_on=date(2026, 3, 4), sw_dialogue_held=1).save()
		progress.recommendation_progress[0].progress = "Drifting"
		progress.recommendation_progress[0].evidence = "No sessions booked"
		progress.recommendation_progress[1].progress = "Done"
		progress.save()
		progress = apply_workflow(progress.as_dict(), "Complete")
		self.assertEqual(progress.status, "Completed")
		statuses = frappe.get_all(
			"Review Recommendation", {"parent": self.review.name}, ["status", "progress_note"], order_by="idx"
		)
		self.assertEqual(
			[(s.status, s.progress_note) for s in statuses],
			[("Drifting", "No sessions booked"), ("Done", None)],
		)

	def test_a_formal_concern_links_the_dispute_both_ways(self):
		progress = self.progress_review(concerns_raised="Formally")
		self.assertRaisesRegex(
			frappe.ValidationError, "Concerns raised formally need the dispute", progress.save
		)
		dispute = make_dispute(self.child.name, child_review=self.review.name)
		progress = self.progress_review(concerns_raised="Formally", iro_dispute=dispute.name).save()
		progress = apply_workflow(progress.as_dict(), "Raise Concern")
		self.assertEqual(progress.status, "Concern Raised")
		self.assertEqual(frappe.db.get_value("IRO Dispute", dispute.name, "progress_review"), progress.name)

	def test_a_dispute_about_another_child_is_refused(self):
		other = make_looked_after_child(date(2025, 12, 20))
		dispute = make_dispute(other.name)
		progress = self.progress_review(concerns_raised="Formally", iro_dispute=dispute.name)
		self.assertRaisesRegex(frappe.ValidationError, "is about another child", progress.save)

	def test_only_a_held_submitted_review_can_be_followed(self):
		draft = make_review(self.child.name, date(2026, 4, 14))
		progress = frappe.get_doc({"doctype": "Progress Review", "child_review": draft.name})
		self.assertRaisesRegex(frappe.ValidationError, "follows a held, submitted review", progress.insert)

	def test_completed_before_the_review_is_refused(self):
		progress = self.progress_review(completed_on=date(2026, 1, 2))
		self.assertRaisesRegex(
			frappe.ValidationError, "cannot be before the review it follows", progress.save
		)
