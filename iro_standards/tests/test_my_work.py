from datetime import timedelta

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from iro_standards.boot import land_on_the_roles_workspace, starting_workspace
from iro_standards.iro_standards.cards import overdue_in_my_work
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import engine_kwargs
from iro_standards.iro_standards.report.my_work.my_work import execute
from iro_standards.standards.dates import add_months
from iro_standards.standards.work import letter_due
from iro_standards.tests.factories import (
	hold_review,
	make_child,
	make_looked_after_child,
	make_review,
	make_user,
)


class TestMyWork(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro = make_user("mywork.iro@example.com", "IRO")
		cls.other_iro = make_user("mywork.other@example.com", "IRO")
		cls.team_manager = make_user("mywork.tm@example.com", "Team Manager")
		cls.manager = make_user("mywork.manager@example.com", "IRO Manager")
		frappe.db.commit()

	def setUp(self):
		self.today = getdate()
		self.child = make_looked_after_child(
			self.today - timedelta(days=200),
			allocated_iro=self.iro,
			iro_allocated_on=self.today - timedelta(days=200),
			team_manager=self.team_manager,
		)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def work(self, viewer: str, **filters) -> list[tuple[str, str, int]]:
		frappe.set_user(viewer)
		try:
			_columns, rows, *_rest = execute(filters)
		finally:
			frappe.set_user("Administrator")
		return [(row["what"], row["reference_name"], row["days_left"]) for row in rows]

	def test_an_iro_sees_what_they_owe_soonest_first_with_the_days_left(self):
		held = self.today - timedelta(days=30)
		review = hold_review(self.child.name, held, planned_date=held)
		progress = frappe.db.get_value("Progress Review", {"child_review": review.name}, ["name", "due_date"])
		planned = frappe.db.get_value("Child Review", {"open_for_child": self.child.name}, "name")

		work = self.work(self.iro, weeks_ahead=52)

		self.assertEqual([days for _what, _name, days in work], sorted(days for _what, _name, days in work))
		self.assertIn(
			("Record the decisions", review.name, (getdate(review.decisions_due) - self.today).days), work
		)
		self.assertIn(
			("Complete the progress review", progress[0], (getdate(progress[1]) - self.today).days), work
		)
		self.assertIn("Contact the child", [what for what, name, _days in work if name == self.child.name])
		self.assertIn(planned, [name for _what, name, _days in work])
		self.assertNotIn(planned, [name for _what, name, _days in self.work(self.iro, weeks_ahead=1)])

	def test_a_recent_contact_takes_the_child_off_the_list(self):
		frappe.get_doc(
			{
				"doctype": "IRO Contact",
				"child": self.child.name,
				"iro": self.iro,
				"contact_date": self.today - timedelta(days=3),
				"kind": "Visit",
			}
		).insert()
		self.assertNotIn(self.child.name, [name for _what, name, _days in self.work(self.iro)])

	def test_a_team_manager_sees_the_reviews_and_dispute_stages_waiting_for_them(self):
		review = hold_review(
			self.child.name,
			self.today - timedelta(days=10),
			recommendations=[("Update the care plan", "Social worker", self.today + timedelta(days=30))],
		)
		for action in ("Record Decisions", "Send to Team Manager"):
			review = apply_workflow(review.as_dict(), action)
		dispute = frappe.get_doc(
			{
				"doctype": "IRO Dispute",
				"child": self.child.name,
				"category": "Education",
				"issue": "No school place",
				"desired_outcome": "A school place",
				"raised_on": self.today,
				"stages": [{"stage": "Informal", "entered_on": self.today, "asked": self.team_manager}],
			}
		).insert()

		work = self.work(self.team_manager)

		self.assertIn(
			(
				"Respond to the review's decisions",
				review.name,
				(getdate(review.tm_response_due) - self.today).days,
			),
			work,
		)
		self.assertIn(
			(
				"Respond to the dispute (Informal)",
				dispute.name,
				(getdate(dispute.current_response_due) - self.today).days,
			),
			work,
		)

	def test_a_conference_chair_sees_each_step_owed_and_the_overdue_card_counts_the_late_ones(self):
		child = make_child(cp_chair=self.iro)
		conference = frappe.get_doc(
			{
				"doctype": "Child Protection Conference",
				"child": child.name,
				"conference_kind": "Initial",
				"strategy_discussion": self.today - timedelta(days=30),
				"conference_requested_on": self.today - timedelta(days=29),
			}
		).insert()
		self.assertEqual(conference.chair, self.iro)
		work = self.work(self.iro)
		owed = [(what, days) for what, name, days in work if name == conference.name]
		self.assertIn(
			(
				"Child protection conference: Convening Form Due",
				(getdate(conference.convening_form_due) - self.today).days,
			),
			owed,
		)
		self.assertTrue(all(days < 0 for _what, days in owed))
		self.assertNotIn(conference.name, [name for _what, name, _days in self.work(self.other_iro)])
		frappe.set_user(self.iro)
		try:
			late = overdue_in_my_work()["value"]
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(late, sum(1 for _what, _name, days in work if days < 0))
		self.assertGreaterEqual(late, len(owed))

	def test_a_social_worker_sees_their_report_and_the_decisions_to_act_on(self):
		social_worker = make_user("mywork.sw@example.com", "Social Worker")
		self.child.reload()
		self.child.social_worker = social_worker
		self.child.save()
		held = hold_review(
			self.child.name,
			self.today - timedelta(days=60),
			recommendations=[("Book the dentist", "Carer", self.today + timedelta(days=20))],
		)
		planned = make_review(self.child.name, self.today + timedelta(days=14))
		work = self.work(social_worker)
		self.assertIn(
			(
				"Send your report for the review",
				planned.name,
				(getdate(planned.sw_report_due) - self.today).days,
			),
			work,
		)
		self.assertIn(("Act on the review's decision: Book the dentist", held.name, 20), work)
		self.assertNotIn(planned.name, [name for _what, name, _days in self.work(self.other_iro)])
		later = hold_review(
			self.child.name,
			self.today - timedelta(days=1),
			recommendations=[("Visit the new school", "Social worker", self.today + timedelta(days=10))],
		)
		decisions = [(what, name) for what, name, _days in self.work(social_worker) if "decision" in what]
		self.assertEqual(decisions, [("Act on the review's decision: Visit the new school", later.name)])

	def test_a_care_leavers_pathway_plan_review_is_owed_by_the_social_worker_and_watched_by_the_iro(self):
		social_worker = make_user("mywork.sw@example.com", "Social Worker")
		sixteenth = add_months(self.today, -2)
		young_person = make_looked_after_child(
			add_months(sixteenth, -36),
			date_of_birth=add_months(sixteenth, -192),
			allocated_iro=self.iro,
			iro_allocated_on=add_months(sixteenth, -36),
			social_worker=social_worker,
		)
		due = add_months(sixteenth, 3)
		self.assertEqual(getdate(young_person.pathway_plan_review_due), due)
		days_left = (due - self.today).days
		self.assertIn(
			("Check the pathway plan is reviewed", young_person.name, days_left), self.work(self.iro)
		)
		self.assertIn(
			("Review the pathway plan with the young person", young_person.name, days_left),
			self.work(social_worker),
		)
		self.assertNotIn(young_person.name, [name for _what, name, _days in self.work(self.other_iro)])
		young_person.pathway_plan_reviewed_on = self.today
		young_person.save()
		self.assertNotIn(
			("Check the pathway plan is reviewed", young_person.name),
			[(what, name) for what, name, _days in self.work(self.iro)],
		)

	def test_an_iro_is_asked_to_send_the_letters_drafted_for_them(self):
		letter = frappe.db.get_value(
			"IRO Letter",
			{"child": self.child.name, "letter_kind": "Allocation"},
			["name", "creation"],
			as_dict=True,
		)
		due = letter_due(getdate(letter.creation), engine_kwargs()["calendar"])
		self.assertIn(
			("Write and send your letter to the child", letter.name, (due - self.today).days),
			self.work(self.iro),
		)
		self.assertNotIn(letter.name, [name for _what, name, _days in self.work(self.other_iro)])
		frappe.db.set_value("IRO Letter", letter.name, "status", "Sent")
		self.assertNotIn(letter.name, [name for _what, name, _days in self.work(self.iro)])

	def test_only_a_manager_sees_someone_elses_work(self):
		hold_review(self.child.name, self.today - timedelta(days=30))
		self.assertEqual(self.work(self.other_iro), [])
		self.assertRaises(frappe.PermissionError, self.work, self.other_iro, user=self.iro)
		self.assertEqual(self.work(self.manager, user=self.iro), self.work(self.iro))
		self.assertRaisesRegex(
			frappe.ValidationError, "between 1 and 52", self.work, self.iro, weeks_ahead=60
		)
		self.assertRaisesRegex(
			frappe.ValidationError, "between 1 and 52", self.work, self.iro, weeks_ahead="soon"
		)


class TestLanding(FrappeTestCase):
	def test_each_role_starts_on_its_workspace_unless_the_user_chose_one(self):
		self.assertEqual(starting_workspace({"IRO"}), "My Work")
		self.assertEqual(starting_workspace({"Team Manager", "Social Worker"}), "My Work")
		self.assertEqual(starting_workspace({"IRO", "IRO Manager"}), "IRO Service")
		self.assertEqual(starting_workspace({"Head of Service"}), "IRO Service")
		self.assertIsNone(starting_workspace({"Accounts User"}))

		frappe.set_user(make_user("mywork.landing@example.com", "IRO"))
		self.addCleanup(frappe.set_user, "Administrator")
		boot = frappe._dict(user=frappe._dict())
		land_on_the_roles_workspace(boot)
		self.assertEqual(boot.user.default_workspace["name"], "My Work")
		chosen = frappe._dict(
			user=frappe._dict(default_workspace={"name": "Users", "public": 1, "title": "Users"})
		)
		land_on_the_roles_workspace(chosen)
		self.assertEqual(chosen.user.default_workspace["name"], "Users")
