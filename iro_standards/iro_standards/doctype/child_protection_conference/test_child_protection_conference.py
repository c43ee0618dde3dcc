from datetime import date
from unittest.mock import patch

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.report.iro_caseload.iro_caseload import execute as caseload
from iro_standards.patches import number_the_icpc_timeline_from_day_1
from iro_standards.tasks import daily
from iro_standards.tests.factories import make_child, make_looked_after_child, make_user

STRATEGY = date(2026, 2, 2)
QUORATE = (
	("Ann Social", "Children's social care"),
	("Dr Health", "Health"),
	("PC Police", "Police"),
)


def invitees(people=QUORATE, *, attended=True, response="Attending") -> list[dict]:
	return [
		{"attendee_name": name, "agency": agency, "response": response, "attended": int(attended)}
		for name, agency in people
	]


def request_icpc(child: str, **values):
	return frappe.get_doc(
		{
			"doctype": "Child Protection Conference",
			"child": child,
			"conference_kind": "Initial",
			"strategy_discussion": STRATEGY,
			"conference_requested_on": date(2026, 2, 3),
			**values,
		}
	).insert()


def act(conference, action: str):
	return frappe.get_doc(apply_workflow(conference.as_dict(), action))


def hold(conference, held: date, outcome: str, **values):
	"""Convene (when not yet convened), record the meeting and hold it: the workflow submits it."""
	conference.update(
		{"planned_date": conference.planned_date or held, "held_date": held, "outcome": outcome}
	)
	if not conference.invitees:
		conference.set("invitees", invitees())
	conference.update(values)
	conference.save()
	if conference.status == "Requested":
		conference = act(conference, "Convene")
	return act(conference, "Hold")


def child_protection(child: str) -> dict:
	return frappe.db.get_value(
		"Looked After Child",
		child,
		[
			"status",
			"on_cp_plan",
			"cp_plan_started",
			"cp_plan_ended",
			"cp_categories",
			"cp_end_reason",
			"next_cp_conference_due",
			"cp_chair",
		],
		as_dict=True,
	)


class TestChildProtectionConference(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.chair = make_user("cp.chair@example.com", "IRO")
		cls.manager = make_user("cp.manager@example.com", "IRO Manager")
		cls.social_worker = make_user("cp.sw@example.com", "Social Worker")
		frappe.db.commit()

	def tearDown(self):
		frappe.db.rollback()

	def test_journey_from_strategy_discussion_to_the_plan_ending(self):
		child = make_child(social_worker=self.social_worker)
		first = request_icpc(child.name, chair=self.chair)
		self.assertEqual(first.status, "Requested")
		self.assertEqual(
			(first.request_due, first.convening_form_due, first.date_and_chair_due, first.invitations_due),
			(date(2026, 2, 2), date(2026, 2, 4), date(2026, 2, 5), date(2026, 2, 6)),
		)
		self.assertEqual(first.conference_due, date(2026, 2, 23))
		self.assertEqual(child_protection(child.name).cp_chair, self.chair)

		first.update(
			{
				"planned_date": date(2026, 2, 20),
				"invitees": invitees(QUORATE[:2], attended=False),
				"quoracy_first_checked_on": date(2026, 2, 16),
			}
		)
		first.save()
		self.assertEqual(first.quoracy_first_check_due, date(2026, 2, 16))
		self.assertEqual(first.proceed_decision_due, date(2026, 2, 17))
		self.assertFalse(first.expected_quorate)
		first = act(first, "Convene")
		self.assertEqual(first.status, "Convened")

		first.update(
			{
				"proceed_decision": "Reschedule",
				"decided_by": self.manager,
				"decision_reason": "Police and health cannot attend",
			}
		)
		first.save()
		first = act(first, "Reschedule")
		self.assertEqual(first.status, "Rescheduled")
		second = frappe.get_doc("Child Protection Conference", {"rescheduled_from": first.name})
		self.assertEqual(
			(second.status, second.strategy_discussion, second.conference_due),
			("Requested", STRATEGY, date(2026, 2, 23)),
		)
		self.assertEqual([row.response for row in second.invitees], ["No Response", "No Response"])

		second.set("invitees", invitees())
		second = hold(second, date(2026, 2, 25), "Plan", category_neglect=1, category_emotional=1)
		self.assertEqual((second.docstatus, second.status, second.quorate), (1, "Held", 1))
		self.assertEqual(second.core_group_due, date(2026, 3, 11))
		self.assertEqual(second.progress_check_due, date(2026, 3, 25))
		self.assertEqual(second.next_conference_due, date(2026, 5, 25))
		self.assertIsNone(second.exceptional_report_due)
		status = child_protection(child.name)
		self.assertEqual(
			(status.on_cp_plan, status.cp_plan_started, status.cp_categories),
			(1, date(2026, 2, 25), "Neglect, Emotional abuse"),
		)
		self.assertEqual(status.status, "Not Yet Looked After")

		self.assertTrue(second.overdue)
		second.update({"core_group_met_on": date(2026, 3, 10), "progress_check_on": date(2026, 3, 20)})
		second.save()
		self.assertFalse(second.overdue)

		review = frappe.get_doc(
			{
				"doctype": "Child Protection Conference",
				"child": child.name,
				"conference_kind": "Review",
				"previous_conference": second.name,
				"chair": self.chair,
			}
		).insert()
		self.assertEqual(review.conference_due, date(2026, 5, 25))
		review = hold(
			review,
			date(2026, 5, 20),
			"Plan Ended",
			plan_end_reason="Risk reduced: parents engaged with the plan",
		)
		self.assertIsNone(review.next_conference_due)
		status = child_protection(child.name)
		self.assertEqual(
			(status.on_cp_plan, status.cp_plan_ended, status.cp_end_reason),
			(0, date(2026, 5, 20), "Risk reduced: parents engaged with the plan"),
		)
		plans = frappe.get_doc("Looked After Child", child.name).cp_plans
		self.assertEqual(
			[(p.plan_started, p.plan_ended, p.started_at, p.ended_at) for p in plans],
			[(date(2026, 2, 25), date(2026, 5, 20), second.name, review.name)],
		)

		review.cancel()
		self.assertEqual(child_protection(child.name).on_cp_plan, 1)

	def test_siblings_conferenced_together_keep_their_own_outcomes(self):
		older = make_child(first_name="Older", sibling_group="CP-SIBS")
		younger = make_child(first_name="Younger", sibling_group="CP-SIBS")
		for child, outcome, category in ((older, "Plan", {"category_physical": 1}), (younger, "No Plan", {})):
			conference = request_icpc(child.name, chair=self.chair, conference_reference="JOINT-1")
			hold(conference, date(2026, 2, 20), outcome, **category)
		self.assertEqual(child_protection(older.name).on_cp_plan, 1)
		self.assertEqual(child_protection(younger.name).on_cp_plan, 0)
		joint = frappe.get_all(
			"Child Protection Conference",
			{"conference_reference": "JOINT-1"},
			pluck="outcome",
			order_by="outcome",
		)
		self.assertEqual(joint, ["No Plan", "Plan"])

	def test_an_inquorate_conference_held_needs_a_decision_and_owes_a_report(self):
		child = make_child()
		conference = request_icpc(child.name, chair=self.chair, invitees=invitees(QUORATE[:2]))
		with self.assertRaisesRegex(frappe.ValidationError, "not quorate"):
			hold(conference, date(2026, 2, 20), "No Plan")
		conference.reload()
		conference.update(
			{
				"proceed_decision": "Proceed",
				"decided_by": self.manager,
				"decision_reason": "Risk too high to wait",
			}
		)
		conference = hold(conference, date(2026, 2, 20), "No Plan")
		self.assertEqual((conference.quorate, conference.exceptional_report_due), (0, date(2026, 2, 26)))
		self.assertIn("Exceptional Report Due", conference.overdue_steps)

	def test_bad_conferences_are_refused_before_anything_is_written(self):
		child = make_child()
		count = frappe.db.count("Child Protection Conference")
		cases = [
			({"strategy_discussion": None}, "Strategy Discussion"),
			({"chair": self.social_worker}, "IRO role"),
			({"planned_date": date(2026, 1, 5)}, "cannot be before"),
			({"conference_requested_on": date(2027, 1, 5)}, "cannot be in the future"),
			(
				{"held_date": date(2026, 2, 20), "outcome": "Plan Ended", "plan_end_reason": "x"},
				"not an outcome",
			),
			({"held_date": date(2026, 2, 20), "outcome": "Plan"}, "at least one category"),
			({"invitees": [{"attendee_name": "A parent", "agency": "Family", "excluded": 1}]}, "excluded"),
		]
		for values, message in cases:
			with self.subTest(values=values), self.assertRaisesRegex(frappe.ValidationError, message):
				request_icpc(child.name, **values)
		with self.assertRaisesRegex(frappe.ValidationError, "Follows Conference"):
			frappe.get_doc(
				{"doctype": "Child Protection Conference", "child": child.name, "conference_kind": "Review"}
			).insert()
		for kind in ("Emergency", "initial"):
			with self.assertRaisesRegex(frappe.ValidationError, "must be Initial or Review"):
				request_icpc(child.name, conference_kind=kind)
		other = hold(request_icpc(make_child().name, chair=self.chair), date(2026, 2, 20), "No Plan")
		for previous in (other.name, "CPC-2026-99999"):
			with self.assertRaisesRegex(
				frappe.ValidationError, "must be a conference of this child|Could not find"
			):
				frappe.get_doc(
					{
						"doctype": "Child Protection Conference",
						"child": child.name,
						"conference_kind": "Review",
						"previous_conference": previous,
					}
				).insert()
		no_plan = hold(request_icpc(child.name, chair=self.chair), date(2026, 2, 20), "No Plan")
		with self.assertRaisesRegex(frappe.ValidationError, "Nothing to review|did not"):
			frappe.get_doc(
				{
					"doctype": "Child Protection Conference",
					"child": child.name,
					"conference_kind": "Review",
					"previous_conference": no_plan.name,
				}
			).insert()
		self.assertEqual(frappe.db.count("Child Protection Conference"), count + 2)

	def test_an_open_conference_from_before_day_1_numbering_takes_the_new_dates(self):
		conference = request_icpc(make_child().name, chair=self.chair)
		conference.db_set({"convening_form_due": date(2026, 2, 5), "invitations_due": date(2026, 2, 9)})
		number_the_icpc_timeline_from_day_1.execute()
		self.assertEqual(
			frappe.db.get_value(
				"Child Protection Conference", conference.name, ["convening_form_due", "invitations_due"]
			),
			(date(2026, 2, 4), date(2026, 2, 6)),
		)
		self.assertTrue(
			frappe.db.exists(
				"Comment", {"reference_name": conference.name, "content": ("like", "Deadlines recomputed%")}
			)
		)

	def test_the_daily_job_flags_overdue_steps_and_clears_them(self):
		child = make_child()
		conference = request_icpc(child.name, chair=self.chair)
		frappe.db.set_value(
			"Child Protection Conference", conference.name, {"overdue": 0, "overdue_steps": None}
		)
		with patch.object(frappe.db, "commit"):
			daily(date(2026, 2, 10))
		flagged = frappe.db.get_value(
			"Child Protection Conference", conference.name, ["overdue", "overdue_steps"], as_dict=True
		)
		self.assertEqual(flagged.overdue, 1)
		self.assertEqual(flagged.overdue_steps, "Convening Form Due, Date and Chair Due, Invitations Due")
		with patch.object(frappe.db, "commit"):
			daily(date(2026, 2, 4))
		self.assertEqual(frappe.db.get_value("Child Protection Conference", conference.name, "overdue"), 0)

	def test_children_only_on_a_plan_stay_out_of_the_looked_after_figures(self):
		iro = make_user("cp.dual@example.com", "IRO")
		make_looked_after_child(date(2026, 1, 5), allocated_iro=iro)
		on_plan_only = make_child(cp_chair=iro)
		hold(request_icpc(on_plan_only.name, chair=iro), date(2026, 2, 20), "Plan", category_neglect=1)
		rows = {row["allocated_iro"]: row for row in caseload({"iro": iro})[1]}
		self.assertEqual(rows[iro]["children"], 1)

	def test_a_review_conference_brought_forward_restarts_the_clock(self):
		child = make_child()
		initial = hold(
			request_icpc(child.name, chair=self.chair), date(2026, 2, 20), "Plan", category_neglect=1
		)
		values = {"doctype": "Child Protection Conference", "child": child.name, "conference_kind": "Review"}
		review = frappe.get_doc({**values, "previous_conference": initial.name, "brought_forward": 1})
		with self.assertRaisesRegex(frappe.ValidationError, "Significant Change"):
			review.insert()
		review.brought_forward_reason = "The baby's father returned to the home."
		review.insert()
		self.assertEqual(review.chair, self.chair)
		review = hold(review, date(2026, 3, 16), "Plan Continues", category_physical=1)
		self.assertEqual(review.next_conference_due, date(2026, 9, 16))
		self.assertEqual(child_protection(child.name).next_cp_conference_due, date(2026, 9, 16))
		self.assertEqual(child_protection(child.name).cp_categories, "Physical abuse")

	def test_what_follows_a_conference_stays_owed_after_its_report_is_distributed(self):
		conference = hold(
			request_icpc(make_child().name, chair=self.chair), date(2026, 2, 20), "Plan", category_neglect=1
		)
		conference.update({"report_distributed_on": date(2026, 2, 27), "core_group_met_on": date(2026, 3, 2)})
		conference.save()
		conference = act(conference, "Distribute Report")
		self.assertEqual(conference.status, "Report Distributed")
		with patch.object(frappe.db, "commit"):
			daily(date(2026, 3, 25))
		self.assertEqual(
			frappe.db.get_value("Child Protection Conference", conference.name, "overdue_steps"),
			"Progress Check Due",
		)
		conference.reload()
		conference.progress_check_on = date(2026, 3, 19)
		conference.save()
		with patch.object(frappe.db, "commit"):
			daily(date(2026, 3, 25))
		self.assertEqual(frappe.db.get_value("Child Protection Conference", conference.name, "overdue"), 0)
