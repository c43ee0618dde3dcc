from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.report.care_plan_rag_and_child_journey.care_plan_rag_and_child_journey import (
	execute,
)
from iro_standards.tests.factories import (
	hold_review,
	make_child,
	make_looked_after_child,
	make_outgoing_email_account,
	make_user,
)


def rate(child: str, rag: str, on: date, narrative: str = "Placement plan agreed"):
	return frappe.get_doc(
		{
			"doctype": "Care Plan RAG Update",
			"child": child,
			"rated_on": on,
			"care_plan_rag": rag,
			"rag_narrative": narrative,
		}
	).insert()


class TestCarePlanRAGUpdate(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.social_worker = make_user("rag.sw@example.com", "Social Worker")
		cls.team_manager = make_user("rag.tm@example.com", "Team Manager")
		make_outgoing_email_account()
		frappe.db.commit()

	def tearDown(self):
		frappe.db.rollback()

	def test_a_rating_between_reviews_becomes_the_childs_rating_and_joins_the_journey(self):
		child = make_looked_after_child(
			date(2025, 12, 1), social_worker=self.social_worker, team_manager=self.team_manager
		)
		hold_review(child.name, date(2025, 12, 29), care_plan_rag="Red", rag_narrative="No plan")
		update = rate(child.name, "Amber", date(2026, 2, 2))
		self.assertEqual(update.previous_rag, "Red")
		self.assertEqual(frappe.db.get_value("Looked After Child", child.name, "current_rag"), "Amber")
		told = frappe.get_all(
			"Notification Log", {"document_name": update.name}, pluck="for_user", order_by="for_user"
		)
		self.assertEqual(told, sorted([self.social_worker, self.team_manager]))
		hold_review(child.name, date(2026, 3, 20), care_plan_rag="Green", rag_narrative="Settled")
		self.assertEqual(frappe.db.get_value("Looked After Child", child.name, "current_rag"), "Green")
		journey = execute({"child": child.name})[1]
		self.assertEqual(
			[(row["record_type"], row["rag"]) for row in journey if row["rag"]],
			[("Child Review", "Red"), ("Care Plan RAG Update", "Amber"), ("Child Review", "Green")],
		)
		_columns, rows, *_ = execute({"from_date": "2025-10-01", "to_date": "2026-12-31"})
		(row,) = [r for r in rows if r["child"] == child.name]
		self.assertEqual((row["journey"], row["movement"]), ("Red → Amber → Green", "Improved"))

	def test_a_rating_outside_the_current_episode_or_in_the_future_is_refused(self):
		child = make_looked_after_child(date(2025, 12, 1))
		self.assertRaisesRegex(
			frappe.ValidationError, "was not looked after on", rate, child.name, "Red", date(2025, 11, 1)
		)
		self.assertRaisesRegex(
			frappe.ValidationError, "cannot be in the future", rate, child.name, "Red", date(2099, 1, 1)
		)
		never = make_child()
		self.assertRaisesRegex(
			frappe.ValidationError, "was not looked after on", rate, never.name, "Red", date(2026, 1, 5)
		)

	def test_who_rated_when_and_from_what_cannot_be_rewritten(self):
		child = make_looked_after_child(date(2025, 12, 1))
		update = rate(child.name, "Amber", date(2026, 2, 2))
		for field, value in (
			("rated_by", "Guest"),
			("previous_rag", "Green"),
			("rated_on", date(2026, 2, 3)),
		):
			update.reload()
			update.set(field, value)
			self.assertRaises(frappe.CannotChangeConstantError, update.save)
