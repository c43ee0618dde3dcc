import html
import json
from datetime import date

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_field
from frappe.custom.doctype.property_setter.property_setter import make_property_setter
from frappe.model.workflow import WorkflowTransitionError, apply_workflow, get_transitions
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from iro_standards.install import after_migrate
from iro_standards.iro_standards.doctype.progress_review.test_progress_review import make_dispute
from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.iro_standards.report.dispute_resolution_tracker.dispute_resolution_tracker import (
	stages_reached,
)
from iro_standards.iro_standards.workflow.installer import (
	default_workflow,
	ensure_workflow_masters,
	restore_default_workflow,
)
from iro_standards.patches import add_shipped_review_workflow_rows, agree_resolved_disagreements
from iro_standards.tests.factories import (
	RECORDED_AT_EVERY_REVIEW,
	hold_review,
	make_looked_after_child,
	make_review,
	make_user,
)


class WorkflowTestCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro = make_user("flow.iro@example.com", "IRO")
		cls.admin = make_user("flow.admin@example.com", "Safeguarding Admin")
		cls.team_manager = make_user("flow.tm@example.com", "Team Manager")
		cls.other_team_manager = make_user("flow.tm2@example.com", "Team Manager")
		cls.social_worker = make_user("flow.sw@example.com", "Social Worker")
		cls.manager = make_user("flow.manager@example.com", "IRO Manager")
		frappe.db.commit()

	def setUp(self):
		self.child = make_looked_after_child(
			date(2025, 12, 20),
			allocated_iro=self.iro,
			iro_allocated_on=date(2025, 12, 22),
			team_manager=self.team_manager,
			social_worker=self.social_worker,
		)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def act(self, user: str, doc, action: str):
		frappe.set_user(user)
		try:
			return apply_workflow(frappe.get_doc(doc.doctype, doc.name).as_dict(), action)
		finally:
			frappe.set_user("Administrator")

	def assert_refused(self, user: str, doc, action: str, error=frappe.ValidationError):
		with self.assertRaises(error):
			self.act(user, doc, action)
		frappe.clear_last_message()


class TestChildReviewWorkflow(WorkflowTestCase):
	def test_a_review_from_planned_to_record_distributed(self):
		frappe.set_user(self.admin)
		review = make_review(self.child.name, date(2026, 1, 19))
		frappe.set_user("Administrator")
		self.assertEqual((review.status, review.docstatus), ("Planned", 0))
		self.assert_refused(self.iro, review, "Mark Held", WorkflowTransitionError)

		review.update(
			{
				"held_date": date(2026, 1, 19),
				"participation_code": "PN1",
				"chair": self.iro,
				"next_review_date": date(2026, 4, 10),
				**RECORDED_AT_EVERY_REVIEW,
			}
		)
		review.save()
		self.assert_refused(self.admin, review, "Mark Held", WorkflowTransitionError)
		review = self.act(self.iro, review, "Mark Held")
		self.assertEqual((review.status, review.docstatus), ("Held", 1))

		self.assert_refused(self.iro, review, "Record Decisions", WorkflowTransitionError)
		review.append(
			"recommendations",
			{"action": "Book PEP", "responsible": "Designated teacher", "due_by": date(2026, 2, 27)},
		)
		review.save()
		review = self.act(self.iro, review, "Record Decisions")
		self.assertEqual((review.status, review.decisions_recorded_on), ("Decisions Recorded", getdate()))

		self.assert_refused(self.team_manager, review, "Agree", WorkflowTransitionError)
		review = self.act(self.iro, review, "Send to Team Manager")
		self.assertEqual((review.status, review.sent_to_tm_on), ("With Team Manager", getdate()))
		self.assertTrue(review.tm_response_due > getdate())

		self.assert_refused(self.other_team_manager, review, "Agree", frappe.PermissionError)
		self.assert_refused(self.social_worker, review, "Agree", WorkflowTransitionError)
		review = self.act(self.team_manager, review, "Disagree")
		self.assertEqual(
			(review.status, review.tm_response, review.tm_response_on), ("Disagreed", "Disagreed", getdate())
		)

		review = self.act(self.iro, review, "Send to Team Manager")
		self.assertEqual((review.status, review.tm_response), ("With Team Manager", None))
		review = self.act(self.team_manager, review, "Agree")
		self.assertEqual((review.status, review.tm_response), ("Agreed", "Agreed"))

		self.assert_refused(self.team_manager, review, "Distribute Record", WorkflowTransitionError)
		review = self.act(self.admin, review, "Distribute Record")
		self.assertEqual((review.status, review.record_distributed_on), ("Record Distributed", getdate()))
		self.assertEqual(
			frappe.db.get_value("Looked After Child", self.child.name, "last_review_held"), date(2026, 1, 19)
		)
		self.assert_the_record_prints_by_default_with_the_response_and_distribution(review)

	def assert_the_record_prints_by_default_with_the_response_and_distribution(self, review):
		self.assertEqual(frappe.get_meta("Child Review").default_print_format, "Record of Review")
		printed = html.unescape(frappe.get_print("Child Review", review.name))
		self.assertIn("Record of Review", printed)
		self.assertIn("Team Manager's Response", printed)
		for person in (self.iro, self.social_worker, self.team_manager):
			self.assertIn(frappe.db.get_value("User", person, "full_name"), printed)
		self.assertIn(f"Record distributed on {frappe.utils.formatdate(getdate())}.", printed)

	def test_a_disagreement_resolved_informally_moves_the_review_on_to_agreed(self):
		review = self.disagreed_review()
		self.assert_refused(self.iro, review, "Agree After Resolution")
		self.assertEqual(frappe.db.get_value("Child Review", review.name, "status"), "Disagreed")

		frappe.set_user(self.iro)
		review = frappe.get_doc("Child Review", review.name)
		review.update({"informal_resolution_on": getdate(), "informal_resolution_outcome": "Resolved"})
		review.save()
		frappe.set_user("Administrator")
		self.assertEqual(
			(review.status, review.tm_response, review.tm_response_on, review.informal_resolution_outcome),
			("Agreed", "Agreed", getdate(), "Resolved"),
		)
		self.assertTrue(review.care_plan_update_due > getdate())
		self.assertIn("Distribute Record", [t.action for t in self.transitions(self.admin, review)])

	def test_a_disagreement_not_resolved_stays_with_the_iro(self):
		review = self.disagreed_review()
		frappe.set_user(self.iro)
		review = frappe.get_doc("Child Review", review.name)
		review.update({"informal_resolution_on": getdate(), "informal_resolution_outcome": "Not Resolved"})
		review.save()
		frappe.set_user("Administrator")
		self.assertEqual((review.status, review.tm_response), ("Disagreed", "Disagreed"))
		self.assert_refused(self.iro, review, "Agree After Resolution")

	def test_a_site_from_before_the_new_rows_gets_them_and_its_stuck_reviews_move_on(self):
		self.addCleanup(frappe.clear_document_cache, "Workflow", "Child Review")
		review = self.disagreed_review()
		review.db_set(
			{"informal_resolution_on": getdate(), "informal_resolution_outcome": "Resolved"},
			update_modified=False,
		)
		workflow = frappe.get_doc("Workflow", "Child Review")
		workflow.transitions = [t for t in workflow.transitions if t.action != "Agree After Resolution"]
		workflow.states = [
			s
			for s in workflow.states
			if s.allow_edit != "IRO Manager" or s.state not in add_shipped_review_workflow_rows.MANAGER_EDITS
		]
		workflow.send_email_alert = 1
		workflow.save()
		for _run in range(2):
			add_shipped_review_workflow_rows.execute()
			agree_resolved_disagreements.execute()
		workflow.reload()
		self.assertEqual(workflow.send_email_alert, 1)
		self.assertEqual(
			sorted(t.allowed for t in workflow.transitions if t.action == "Agree After Resolution"),
			["IRO", "IRO Manager"],
		)
		self.assertEqual(
			sorted(s.state for s in workflow.states if s.allow_edit == "IRO Manager"),
			sorted(
				["Cancelled", "Cancelled for Correction", *add_shipped_review_workflow_rows.MANAGER_EDITS]
			),
		)
		self.assertEqual(
			frappe.db.get_value("Child Review", review.name, ["status", "tm_response", "tm_response_on"]),
			("Agreed", "Agreed", getdate()),
		)

	def test_an_iro_manager_records_a_review_for_an_absent_iro(self):
		review = make_review(self.child.name, date(2026, 1, 19))
		frappe.set_user(self.manager)
		try:
			review = frappe.get_doc("Child Review", review.name)
			review.update(
				{
					"held_date": date(2026, 1, 19),
					"participation_code": "PN1",
					"next_review_date": date(2026, 4, 10),
					**RECORDED_AT_EVERY_REVIEW,
				}
			)
			review.save()
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(review.chair, self.iro)
		review = self.act(self.manager, review, "Mark Held")
		self.assertEqual((review.status, review.docstatus, review.chair), ("Held", 1, self.iro))

	def test_a_state_and_transition_added_in_the_desk_can_be_used_at_once(self):
		self.addCleanup(frappe.clear_cache, doctype="Child Review")
		self.addCleanup(frappe.clear_document_cache, "Workflow", "Child Review")
		workflow = frappe.get_doc("Workflow", "Child Review")
		workflow.append("states", {"state": "Awaiting Interpreter", "doc_status": "0", "allow_edit": "IRO"})
		workflow.append(
			"transitions",
			{
				"state": "Planned",
				"action": "Wait for Interpreter",
				"next_state": "Awaiting Interpreter",
				"allowed": "IRO",
				"allow_self_approval": 1,
			},
		)
		ensure_workflow_masters(workflow.as_dict())
		workflow.save()
		self.assertIn(
			"Awaiting Interpreter", frappe.get_meta("Child Review").get_field("status").options.split("\n")
		)
		review = self.act(self.iro, make_review(self.child.name, date(2026, 1, 19)), "Wait for Interpreter")
		self.assertEqual(frappe.db.get_value("Child Review", review.name, "status"), "Awaiting Interpreter")

	def disagreed_review(self):
		review = hold_review(
			self.child.name,
			date(2026, 1, 19),
			chair=self.iro,
			recommendations=[("Book PEP", "Designated teacher", date(2026, 2, 27))],
		)
		for user, action in (
			(self.iro, "Record Decisions"),
			(self.iro, "Send to Team Manager"),
			(self.team_manager, "Disagree"),
		):
			review = self.act(user, review, action)
		self.assertEqual(review.status, "Disagreed")
		return review

	def transitions(self, user: str, review):
		frappe.set_user(user)
		try:
			return get_transitions(frappe.get_doc("Child Review", review.name))
		finally:
			frappe.set_user("Administrator")

	def test_a_planned_review_is_adjourned_reconvened_or_cancelled(self):
		review = make_review(self.child.name, date(2026, 1, 19))
		self.assert_refused(self.iro, review, "Adjourn", WorkflowTransitionError)
		review.update(
			{
				"adjourned_on": date(2026, 1, 19),
				"adjournment_reason": "Interpreter absent",
				"reconvene_date": date(2026, 1, 26),
			}
		)
		review.save()
		review = self.act(self.iro, review, "Adjourn")
		self.assertEqual(review.status, "Adjourned")
		review = self.act(self.admin, review, "Reconvene")
		self.assertEqual(review.status, "Planned")
		self.assert_refused(self.iro, review, "Cancel Review", WorkflowTransitionError)
		review = self.act(self.admin, review, "Cancel Review")
		self.assertEqual((review.status, review.docstatus), ("Cancelled", 0))

	def test_only_an_iro_manager_cancels_a_held_review_for_correction(self):
		review = hold_review(self.child.name, date(2026, 1, 19))
		self.assert_refused(self.iro, review, "Cancel for Correction", WorkflowTransitionError)
		review = self.act(self.manager, review, "Cancel for Correction")
		self.assertEqual((review.status, review.docstatus), ("Cancelled for Correction", 2))


class TestProgressReviewWorkflow(WorkflowTestCase):
	def test_completed_or_concern_raised(self):
		review = hold_review(self.child.name, date(2026, 1, 19))
		progress = frappe.get_doc("Progress Review", {"child_review": review.name})
		self.assertEqual(progress.status, "Due")
		self.assert_refused(self.iro, progress, "Complete", WorkflowTransitionError)
		progress.completed_on = date(2026, 3, 5)
		progress.save()
		self.assert_refused(self.team_manager, progress, "Complete", WorkflowTransitionError)
		progress = self.act(self.iro, progress, "Complete")
		self.assertEqual(progress.status, "Completed")


class TestDisputeWorkflow(WorkflowTestCase):
	def test_escalating_through_every_stage_records_each_and_its_deadline(self):
		dispute = frappe.get_doc(
			{
				"doctype": "IRO Dispute",
				"child": self.child.name,
				"category": "Education",
				"issue": "No school place",
				"desired_outcome": "A school place",
				"raised_on": date(2026, 3, 2),
			}
		).insert()
		self.assertEqual(dispute.status, "Informal")
		self.assert_refused(self.social_worker, dispute, "Escalate", WorkflowTransitionError)
		self.assert_refused(self.other_team_manager, dispute, "Escalate", frappe.PermissionError)
		for expected in ("Formal 1", "Formal 2", "Formal 3", "Formal 4", "Cafcass referral"):
			dispute = self.act(self.iro, dispute, "Escalate")
			self.assertEqual(
				(dispute.status, dispute.current_stage, dispute.stages[-1].stage),
				(expected, expected, expected),
			)
			self.assertEqual(dispute.stages[-1].entered_on, getdate())
		self.assertEqual([row.outcome for row in dispute.stages[:-1]], ["Escalated"] * 5)
		self.assertEqual(
			dispute.stages[1].response_due,
			frappe.get_doc("IRO Standards Settings").to_calendar().add_working_days(getdate(), 5),
		)
		self.assert_refused(self.iro, dispute, "Escalate", WorkflowTransitionError)
		dispute.update({"resolved_on": getdate(), "resolution": "Place agreed at court"})
		dispute.save()
		dispute = self.act(self.iro, dispute, "Resolve")
		self.assertEqual((dispute.status, dispute.current_response_due), ("Resolved", None))


class TestDisputeStagesChangedInTheSettings(WorkflowTestCase):
	def setUp(self):
		super().setUp()
		self.addCleanup(self.forget_cached_settings_and_workflow)

	@staticmethod
	def forget_cached_settings_and_workflow():
		frappe.clear_document_cache("IRO Standards Settings", "IRO Standards Settings")
		frappe.cache.hdel("workflow", "IRO Dispute")
		frappe.clear_cache(doctype="IRO Dispute")

	def raise_dispute(self):
		return make_dispute(self.child.name, raised_on=date(2026, 3, 2))

	def change_stages(self, change):
		settings = frappe.get_doc("IRO Standards Settings")
		change(settings)
		settings.save()
		frappe.cache.hdel("workflow", "IRO Dispute")

	def escalations(self) -> set[tuple[str, str]]:
		workflow = frappe.get_doc("Workflow", "IRO Dispute")
		return {(t.state, t.next_state) for t in workflow.transitions if t.action == "Escalate"}

	def test_a_renamed_stage_is_renamed_on_disputes_and_the_workflow_escalates_through_it(self):
		dispute = self.raise_dispute()
		for _stage in range(2):
			dispute = self.act(self.iro, dispute, "Escalate")
		self.assertEqual(dispute.status, "Formal 2")

		self.change_stages(lambda s: s.dispute_stages[2].update({"stage": "Service manager review"}))

		dispute.reload()
		self.assertEqual(
			(dispute.status, dispute.current_stage, dispute.stages[-1].stage),
			("Service manager review", "Service manager review", "Service manager review"),
		)
		states = [row.state for row in frappe.get_doc("Workflow", "IRO Dispute").states]
		self.assertIn("Service manager review", states)
		self.assertNotIn("Formal 2", states)
		self.assertTrue(
			{("Formal 1", "Service manager review"), ("Service manager review", "Formal 3")}
			<= self.escalations()
		)
		dispute = self.act(self.iro, dispute, "Escalate")
		self.assertEqual([row.stage for row in dispute.stages][-2:], ["Service manager review", "Formal 3"])

	def test_an_added_stage_joins_the_escalation_and_closes_like_the_others(self):
		def add_mediation(settings):
			settings.append(
				"dispute_stages",
				{
					"stage": "Mediation",
					"level": "Formal",
					"addressed_to": "Mediator",
					"response_working_days": 5,
				},
			)
			rows = settings.dispute_stages
			settings.dispute_stages = [*rows[:2], rows[-1], *rows[2:-1]]
			for idx, row in enumerate(settings.dispute_stages, 1):
				row.idx = idx

		self.change_stages(add_mediation)

		escalations = self.escalations()
		self.assertTrue({("Formal 1", "Mediation"), ("Mediation", "Formal 2")} <= escalations)
		self.assertNotIn(("Formal 1", "Formal 2"), escalations)
		resolve = {
			t.allowed
			for t in frappe.get_doc("Workflow", "IRO Dispute").transitions
			if t.state == "Mediation" and t.action == "Resolve"
		}
		self.assertEqual(resolve, {"IRO", "IRO Manager"})
		dispute = self.raise_dispute()
		for expected in ("Formal 1", "Mediation", "Formal 2"):
			dispute = self.act(self.iro, dispute, "Escalate")
			self.assertEqual(dispute.current_stage, expected)

	def test_a_stage_disputes_reached_cannot_be_removed(self):
		dispute = self.act(self.iro, self.raise_dispute(), "Escalate")
		self.assertEqual(dispute.status, "Formal 1")
		settings = frappe.get_doc("IRO Standards Settings")
		settings.dispute_stages = [row for row in settings.dispute_stages if row.stage != "Formal 1"]
		self.assertRaisesRegex(
			frappe.ValidationError,
			"Dispute stage Formal 1 cannot be removed: disputes have reached it",
			settings.save,
		)

	def test_levels_rise_from_informal_to_referral(self):
		settings = frappe.get_doc("IRO Standards Settings")
		settings.dispute_stages[3].level = "Informal"
		self.assertRaisesRegex(
			frappe.ValidationError,
			"Dispute stage Formal 3 cannot come after a stage of a higher level",
			settings.save,
		)

	def test_the_escalation_funnel_counts_stages_by_their_level_not_their_name(self):
		def rename(settings):
			settings.dispute_stages[0].stage = "Conversation"
			settings.dispute_stages[-1].stage = "Court"

		self.change_stages(rename)
		filters = frappe._dict(from_date=date(2026, 3, 1), to_date=date(2026, 3, 31))
		before = stages_reached(filters)
		self.raise_dispute()
		escalated = self.raise_dispute()
		for _stage in range(5):
			escalated = self.act(self.iro, escalated, "Escalate")
		self.assertEqual(escalated.current_stage, "Court")
		reached = stages_reached(filters)
		self.assertEqual(
			{level: reached[level] - before[level] for level in reached},
			{"Informal": 2, "Formal": 1, "Referral": 1},
		)


class TestFormsCustomisedWithoutCode(WorkflowTestCase):
	def test_a_field_made_mandatory_later_does_not_strand_submitted_reviews(self):
		review = hold_review(
			self.child.name,
			date(2026, 1, 19),
			recommendations=[("Book PEP", "Designated teacher", date(2026, 2, 27))],
		)
		self.assertFalse(review.venue)
		make_property_setter("Child Review", "venue", "reqd", 1, "Check")
		self.addCleanup(frappe.clear_cache, doctype="Child Review")
		self.addCleanup(frappe.clear_document_cache, "Workflow", "Child Review")

		for action, state in (
			("Record Decisions", "Decisions Recorded"),
			("Send to Team Manager", "With Team Manager"),
		):
			review = self.act(self.iro, review, action)
			self.assertEqual(review.status, state)
		review = self.act(self.team_manager, review, "Agree")
		self.assertEqual((review.status, review.venue), ("Agreed", None))

		planned = frappe.get_doc("Child Review", {"open_for_child": self.child.name})
		self.assertRaisesRegex(frappe.MandatoryError, "venue", planned.save)

	def test_a_renamed_label_and_a_reordered_form_keep_the_journey_in_the_sites_words(self):
		fieldnames = [df.fieldname for df in frappe.get_meta("Child Review").fields]
		make_property_setter("Child Review", "held_date", "label", "Date of the Meeting", "Data")
		make_property_setter(
			"Child Review", None, "field_order", json.dumps(fieldnames[::-1]), "Data", for_doctype=True
		)
		self.addCleanup(frappe.clear_cache, doctype="Child Review")
		self.addCleanup(frappe.clear_document_cache, "Workflow", "Child Review")
		frappe.clear_cache(doctype="Child Review")

		review = make_review(self.child.name, date(2026, 1, 19))
		self.assertEqual(review.status, "Planned")
		review.held_date = date(2099, 1, 19)
		self.assertRaisesRegex(
			frappe.ValidationError, r"Date of the Meeting \(.*\) cannot be in the future", review.save
		)
		review.reload()
		review.update(
			{
				"held_date": date(2026, 1, 19),
				"participation_code": "PN1",
				"chair": self.iro,
				"next_review_date": date(2026, 4, 10),
				**RECORDED_AT_EVERY_REVIEW,
			}
		)
		review.save()
		self.assertEqual(self.act(self.iro, review, "Mark Held").status, "Held")


class TestCustomFieldAddedWithoutCode(WorkflowTestCase):
	"""Adding a field alters the table, which commits, so what this test makes is removed again."""

	def test_a_custom_field_goes_through_the_review_journey(self):
		self.addCleanup(frappe.db.commit)
		self.addCleanup(frappe.clear_cache, doctype="Child Review")
		self.addCleanup(frappe.clear_document_cache, "Workflow", "Child Review")
		self.addCleanup(frappe.db.sql_ddl, "alter table `tabChild Review` drop column `panel_reference`")
		self.addCleanup(frappe.delete_doc, "Custom Field", "Child Review-panel_reference", force=True)
		self.addCleanup(delete_child_and_records, self.child.name)
		create_custom_field(
			"Child Review",
			{
				"fieldname": "panel_reference",
				"label": "Panel Reference",
				"fieldtype": "Data",
				"insert_after": "venue",
				"allow_on_submit": 1,
			},
		)
		review = hold_review(
			self.child.name,
			date(2026, 1, 19),
			recommendations=[("Book PEP", "Designated teacher", date(2026, 2, 27))],
			panel_reference="P-17",
		)
		review = self.act(self.iro, review, "Record Decisions")
		self.assertEqual((review.status, review.panel_reference), ("Decisions Recorded", "P-17"))
		review.panel_reference = "P-18"
		review.save()
		self.assertEqual(frappe.db.get_value("Child Review", review.name, "panel_reference"), "P-18")


class TestShippedWorkflows(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_all_three_are_installed_and_active(self):
		for name in ("Child Review", "Progress Review", "IRO Dispute"):
			self.assertEqual(
				frappe.db.get_value("Workflow", name, ["is_active", "workflow_state_field"]), (1, "status")
			)

	def test_a_sites_edit_survives_migrate_and_can_be_restored(self):
		workflow = frappe.get_doc("Workflow", "Child Review")
		shipped = len(workflow.transitions)
		workflow.transitions = [t for t in workflow.transitions if t.action != "Deem Agreed"]
		workflow.save()
		after_migrate()
		self.assertEqual(len(frappe.get_doc("Workflow", "Child Review").transitions), shipped - 1)

		frappe.set_user(make_user("flow.restorer@example.com", "IRO"))
		self.assertRaises(frappe.PermissionError, restore_default_workflow, "Child Review")
		frappe.set_user(make_user("flow.restorer.manager@example.com", "IRO Manager"))
		restore_default_workflow("Child Review")
		self.assertEqual(len(frappe.get_doc("Workflow", "Child Review").transitions), shipped)
		self.assertRaisesRegex(
			frappe.ValidationError, "is not a workflow shipped", restore_default_workflow, "ToDo"
		)

	def test_the_dispute_workflow_follows_the_configured_stages(self):
		states = [state["state"] for state in default_workflow("IRO Dispute")["states"]]
		self.assertEqual(
			states,
			[
				"Informal",
				"Formal 1",
				"Formal 2",
				"Formal 3",
				"Formal 4",
				"Cafcass referral",
				"Resolved",
				"Withdrawn",
			],
		)
