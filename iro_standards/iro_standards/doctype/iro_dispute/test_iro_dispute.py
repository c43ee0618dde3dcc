# Copyright (c) 2026, iro_standards contributors and Contributors
# See license.txt

from datetime import date

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from iro_standards.iro_standards.doctype.iro_dispute.iro_dispute import respond_to_stage
from iro_standards.iro_standards.doctype.progress_review.test_progress_review import make_dispute
from iro_standards.standards import cached_calendar
from iro_standards.tests.factories import (
	hold_review,
	make_looked_after_child,
	make_user,
	workflow_switched_off,
)


class TestIRODispute(FrappeTestCase):
	def setUp(self):
		self.child = make_looked_after_child(date(2025, 12, 20))

	def tearDown(self):
		frappe.db.rollback()

	def test_a_new_dispute_starts_informally_with_its_response_due(self):
		dispute = make_dispute(self.child.name)
		self.assertRegex(dispute.name, r"^DR-\d{4}-\d{5}$")
		self.assertEqual((dispute.status, dispute.current_stage), ("Informal", "Informal"))
		self.assertEqual(dispute.stages[0].addressed_to, "Social worker / team manager")
		self.assertEqual(dispute.current_response_due, date(2026, 3, 13))

	def test_escalation_follows_the_configured_stages(self):
		dispute = make_dispute(self.child.name)
		dispute.escalate()
		today = getdate()
		self.assertEqual((dispute.status, dispute.current_stage), ("Formal 1", "Formal 1"))
		self.assertEqual(dispute.stages[0].outcome, "Escalated")
		self.assertEqual(dispute.current_response_due, cached_calendar("england").add_working_days(today, 5))
		for _stage in range(4):
			dispute.escalate()
		self.assertEqual((dispute.current_stage, dispute.current_response_due), ("Cafcass referral", None))
		self.assertRaisesRegex(frappe.ValidationError, "is the last stage", dispute.escalate)

	def test_without_the_workflow_a_dispute_may_start_formally_but_never_skips_a_stage(self):
		with workflow_switched_off("IRO Dispute"):
			dispute = make_dispute(
				self.child.name, stages=[{"stage": "Formal 1", "entered_on": date(2026, 3, 6)}]
			)
			self.assertEqual((dispute.status, dispute.current_response_due), ("Formal 1", date(2026, 3, 13)))
			dispute.append("stages", {"stage": "Formal 3", "entered_on": date(2026, 3, 16)})
			self.assertRaisesRegex(
				frappe.ValidationError, "after Formal 1 comes Formal 2, not Formal 3", dispute.save
			)

	def test_with_the_workflow_a_dispute_starts_at_its_first_state(self):
		with self.assertRaisesRegex(
			frappe.ValidationError, "transition not allowed from .*Informal.* to .*Formal 1"
		):
			make_dispute(self.child.name, stages=[{"stage": "Formal 1", "entered_on": date(2026, 3, 6)}])

	def test_an_unknown_stage_or_a_stage_dated_before_the_last_is_refused(self):
		with self.assertRaisesRegex(
			frappe.ValidationError, "Stage Formal 9 in row 1 is not one of the dispute stages"
		):
			make_dispute(self.child.name, stages=[{"stage": "Formal 9"}])
		dispute = make_dispute(self.child.name)
		dispute.append("stages", {"stage": "Formal 1", "entered_on": date(2026, 3, 1)})
		self.assertRaisesRegex(frappe.ValidationError, "cannot start on .*, before", dispute.save)

	def test_the_workflow_resolves_once_the_resolution_is_recorded(self):
		dispute = make_dispute(self.child.name)
		self.assertRaisesRegex(
			frappe.ValidationError,
			"Not a valid Workflow Action",
			apply_workflow,
			dispute.as_dict(),
			"Resolve",
		)
		frappe.clear_last_message()
		dispute.reload()
		dispute.update({"resolved_on": date(2026, 3, 10), "resolution": "Life story worker allocated"})
		dispute.save()
		self.assertEqual(dispute.status, "Informal")
		dispute = apply_workflow(dispute.as_dict(), "Resolve")
		self.assertEqual(
			(dispute.status, dispute.current_response_due, dispute.stages[0].outcome),
			("Resolved", None, "Resolved"),
		)
		self.assertRaisesRegex(frappe.ValidationError, "cannot be escalated", dispute.escalate)

	def test_without_the_workflow_the_resolution_fields_close_the_dispute(self):
		with workflow_switched_off("IRO Dispute"):
			dispute = make_dispute(self.child.name)
			dispute.resolved_on = date(2026, 3, 10)
			self.assertRaisesRegex(frappe.ValidationError, "Record the resolution", dispute.save)
			dispute.reload()
			dispute.update({"resolved_on": date(2026, 3, 10), "resolution": "Life story worker allocated"})
			dispute.save()
			self.assertEqual((dispute.status, dispute.current_response_due), ("Resolved", None))
			withdrawn = make_dispute(self.child.name, withdrawn=1, resolved_on=date(2026, 3, 9))
			self.assertEqual(withdrawn.status, "Withdrawn")

	def test_raised_from_a_review_recommendation_it_links_back(self):
		review = hold_review(
			self.child.name,
			date(2026, 1, 19),
			recommendations=[("Start therapy", "Health", date(2026, 2, 27))],
		)
		row = review.recommendations[0].name
		dispute = make_dispute(self.child.name, child_review=review.name, recommendation=row)
		self.assertEqual(dispute.recommendation_text, "Start therapy")
		self.assertEqual(
			frappe.get_all("IRO Dispute", {"child_review": review.name}, pluck="name"), [dispute.name]
		)

	def test_a_source_about_another_child_is_refused(self):
		other = make_looked_after_child(date(2025, 12, 20))
		review = hold_review(other.name, date(2026, 1, 19))
		with self.assertRaisesRegex(frappe.ValidationError, "is about another child"):
			make_dispute(self.child.name, child_review=review.name)


class TestStageResponses(FrappeTestCase):
	def setUp(self):
		self.child = make_looked_after_child(date(2025, 12, 20))
		self.asked = make_user("stage.asked@example.com", "IRO Manager")
		self.other = make_user("stage.other@example.com", "Head of Service")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_only_the_person_asked_or_a_writer_records_the_response(self):
		dispute = make_dispute(self.child.name, stages=[{"stage": "Informal", "asked": self.asked}])
		frappe.set_user(self.other)
		self.assertRaises(frappe.PermissionError, respond_to_stage, dispute.name, "No")
		frappe.set_user(self.asked)
		self.assertRaisesRegex(
			frappe.ValidationError, "Write the response", respond_to_stage, dispute.name, " "
		)
		respond_to_stage(dispute.name, "A school place is confirmed")
		frappe.set_user("Administrator")
		dispute.reload()
		self.assertEqual(
			(dispute.stages[0].response, dispute.stages[0].responded_on, dispute.current_response_due),
			("A school place is confirmed", getdate(), None),
		)

	def test_a_stage_addressed_to_a_team_manager_asks_the_childs_team_manager(self):
		team_manager = make_user("stage.tm@example.com", "Team Manager")
		child = make_looked_after_child(date(2025, 12, 20), team_manager=team_manager)
		dispute = make_dispute(child.name)
		self.assertEqual(dispute.stages[0].asked, team_manager)
		frappe.set_user(team_manager)
		respond_to_stage(dispute.name, "We will book the meeting")
		frappe.set_user("Administrator")
		dispute.reload()
		with workflow_switched_off("IRO Dispute"):
			dispute.escalate()
			dispute.escalate()
		self.assertEqual([row.asked for row in dispute.stages], [team_manager, team_manager, None])
		self.assertEqual(dispute.stages[0].response, "We will book the meeting")
