# Copyright (c) 2026, iro_standards contributors and Contributors
# See license.txt

from datetime import date

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase

from iro_standards.tests.factories import (
	RECORDED_AT_EVERY_REVIEW,
	hold_review,
	make_child,
	make_episode,
	make_looked_after_child,
	make_review,
	make_user,
	reviews_booked_by_hand,
)


def child_dates(child: str) -> dict:
	return frappe.db.get_value(
		"Looked After Child",
		child,
		["status", "next_review_due", "next_review_kind", "progress_review_due", "last_review_held"],
		as_dict=True,
	)


class TestChildReviewJourney(FrappeTestCase):
	def test_a_year_in_care_from_20_december(self):
		child = make_looked_after_child(date(2025, 12, 20))
		self.assertEqual(
			child_dates(child.name),
			{
				"status": "Looked After",
				"next_review_due": date(2026, 1, 21),
				"next_review_kind": "First",
				"progress_review_due": None,
				"last_review_held": None,
			},
		)

		first = hold_review(child.name, date(2026, 1, 19))
		self.assertEqual(
			(first.review_kind, first.statutory_due, first.held_in_timescale), ("First", date(2026, 1, 21), 1)
		)
		self.assertEqual(first.next_review_limit, date(2026, 4, 19))
		self.assertEqual(
			child_dates(child.name),
			{
				"status": "Looked After",
				"next_review_due": date(2026, 4, 19),
				"next_review_kind": "Second",
				"progress_review_due": date(2026, 3, 5),
				"last_review_held": date(2026, 1, 19),
			},
		)

		second = hold_review(child.name, date(2026, 4, 14), permanence_plan_ratified="Yes")
		self.assertEqual((second.review_kind, second.statutory_due), ("Second", date(2026, 4, 19)))
		self.assertEqual(child_dates(child.name).next_review_due, date(2026, 10, 14))

		moved = hold_review(
			child.name, date(2026, 6, 2), brought_forward=1, brought_forward_reason="Placement Change"
		)
		self.assertEqual((moved.review_kind, moved.statutory_due), ("Brought Forward", date(2026, 10, 14)))
		self.assertEqual(child_dates(child.name).next_review_due, date(2026, 12, 2))
		self.assertEqual(child_dates(child.name).progress_review_due, date(2026, 9, 1))
		self.assertEqual(
			frappe.db.get_value("Looked After Child", child.name, "permanence_plan_ratified"), "Yes"
		)

		episode = frappe.get_doc("Care Episode", child.current_episode)
		episode.end_date, episode.end_reason = date(2026, 8, 1), "Returned Home"
		episode.save()
		self.assertEqual(child_dates(child.name).status, "Ceased")
		self.assertIsNone(child_dates(child.name).next_review_due)

		make_episode(child.name, date(2026, 9, 14))
		self.assertEqual(
			child_dates(child.name),
			{
				"status": "Looked After",
				"next_review_due": date(2026, 10, 12),
				"next_review_kind": "First",
				"progress_review_due": None,
				"last_review_held": None,
			},
		)

	def test_a_late_review_records_how_late(self):
		child = make_looked_after_child(date(2025, 12, 20))
		review = hold_review(child.name, date(2026, 1, 26), late_reason="Child in hospital")
		self.assertEqual((review.held_in_timescale, review.working_days_late), (0, 3))

	def test_preparation_and_recording_deadlines_come_from_the_engine(self):
		child = make_looked_after_child(date(2025, 12, 20))
		review = make_review(child.name, date(2026, 1, 21))
		self.assertEqual(
			(review.child_contact_due, review.consultation_due, review.invitations_due, review.sw_report_due),
			(date(2026, 1, 11), date(2025, 12, 30), date(2026, 1, 7), date(2026, 1, 16)),
		)
		review.held_date = date(2026, 1, 21)
		review.sent_to_tm_on = date(2026, 1, 23)
		review.save()
		self.assertEqual(
			(review.decisions_due, review.tm_response_due, review.record_distribution_due),
			(date(2026, 1, 26), date(2026, 1, 30), date(2026, 2, 18)),
		)

	def test_adjournment_within_the_maximum_is_kept(self):
		child = make_looked_after_child(date(2025, 12, 20))
		review = make_review(child.name, date(2026, 1, 19))
		review.update(
			{
				"adjourned_on": date(2026, 1, 19),
				"adjournment_reason": "No report",
				"reconvene_date": date(2026, 2, 16),
			}
		)
		review.save()
		review = apply_workflow(review.as_dict(), "Adjourn")
		self.assertEqual((review.status, review.adjournment_limit), ("Adjourned", date(2026, 2, 16)))


class TestChildReviewValidation(FrappeTestCase):
	"""One review's own rules, with the cycle off so that each test makes the review it checks."""

	def setUp(self):
		self.enterContext(reviews_booked_by_hand())
		self.child = make_looked_after_child(date(2025, 12, 20), date_of_birth=date(2014, 5, 17))

	def assert_refused(self, doc, message, method="save"):
		reviews_before = frappe.db.count("Child Review")
		with self.assertRaisesRegex(frappe.ValidationError, message):
			getattr(doc, method)()
		frappe.clear_last_message()
		if doc.is_new():
			self.assertEqual(frappe.db.count("Child Review"), reviews_before)

	def new_review(self, **values):
		return frappe.get_doc(
			{"doctype": "Child Review", "child": self.child.name, "planned_date": date(2026, 1, 19), **values}
		)

	def test_a_review_for_a_child_who_is_not_looked_after_is_refused(self):
		never = make_child()
		review = frappe.get_doc(
			{"doctype": "Child Review", "child": never.name, "planned_date": date(2026, 1, 19)}
		)
		self.assert_refused(review, "was not looked after on", "insert")

	def test_a_review_held_before_the_episode_is_refused(self):
		self.assert_refused(
			self.new_review(planned_date=date(2025, 12, 1)), "was not looked after on", "insert"
		)

	def test_a_planned_date_the_engine_cannot_count_is_refused(self):
		self.assert_refused(
			self.new_review(planned_date=date(2070, 1, 1)), "Planned Date .* must fall between", "insert"
		)

	def test_a_held_date_in_the_future_is_refused(self):
		self.assert_refused(
			self.new_review(held_date=date(2099, 1, 1)), "Held On .* cannot be in the future", "insert"
		)

	def test_a_participation_code_outside_pn0_to_pn7_is_refused(self):
		self.assert_refused(
			self.new_review(participation_code="PN9"), "PN9 is not a participation code", "insert"
		)

	def test_pn0_is_only_for_a_child_under_four(self):
		self.assert_refused(
			self.new_review(participation_code="PN0"), "PN0 is only for a child under 4", "insert"
		)
		baby = make_looked_after_child(date(2025, 12, 20), date_of_birth=date(2024, 6, 1))
		review = frappe.get_doc(
			{
				"doctype": "Child Review",
				"child": baby.name,
				"planned_date": date(2026, 1, 19),
				"participation_code": "PN1",
			}
		)
		self.assert_refused(review, "under 4 at the review, so the participation code is PN0", "insert")

	def test_a_recommendation_without_an_owner_or_a_date_is_refused(self):
		review = self.new_review(held_date=date(2026, 1, 19))
		review.append(
			"recommendations", {"action": "Arrange contact with brother", "due_by": date(2026, 2, 1)}
		)
		self.assert_refused(review, "Recommendation 1 is not SMART: it needs Who", "insert")
		review.recommendations[0].responsible = "Social worker"
		review.recommendations[0].due_by = None
		self.assert_refused(review, "Recommendation 1 is not SMART: it needs By When", "insert")

	def test_an_excluded_attendee_needs_a_reason_and_another_way_to_contribute(self):
		review = self.new_review()
		review.append(
			"attendees",
			{
				"attendee_name": "Parent A",
				"role": "Parent",
				"participation": "Excluded",
				"exclusion_reason": "Risk",
			},
		)
		self.assert_refused(review, "Parent A was excluded", "insert")

	def test_the_next_review_date_is_agreed_at_submission_within_the_statutory_limit(self):
		review = self.new_review(held_date=date(2026, 1, 19), next_review_date=date(2026, 5, 1))
		self.assert_refused(review, "after the statutory limit", "insert")
		review.next_review_date = None
		review.update({"participation_code": "PN1", "chair": "Administrator", **RECORDED_AT_EVERY_REVIEW})
		review.insert()
		self.assertEqual(review.next_review_limit, date(2026, 4, 19))
		self.assertRaisesRegex(frappe.ValidationError, "Next Review Date Agreed is required", review.submit)
		review.reload()
		review.next_review_date = date(2026, 4, 19)
		review.submit()
		self.assertEqual(review.docstatus, 1)

	def test_an_adjournment_beyond_the_maximum_is_refused(self):
		review = self.new_review(
			adjourned_on=date(2026, 1, 19), adjournment_reason="No report", reconvene_date=date(2026, 2, 17)
		)
		self.assert_refused(review, "reconvene by", "insert")

	def test_the_second_review_must_answer_permanence(self):
		hold_review(self.child.name, date(2026, 1, 19))
		review = make_review(
			self.child.name,
			date(2026, 4, 14),
			held_date=date(2026, 4, 14),
			participation_code="PN1",
			chair="Administrator",
			next_review_date=date(2026, 10, 1),
		)
		self.assert_refused(review, "permanence plan was ratified", "submit")

	def test_a_late_review_needs_its_reason_before_submission(self):
		review = make_review(
			self.child.name,
			date(2026, 1, 26),
			held_date=date(2026, 1, 26),
			participation_code="PN1",
			chair="Administrator",
			next_review_date=date(2026, 4, 20),
		)
		self.assert_refused(review, "held 3 working days after its statutory date", "submit")

	def test_a_team_manager_response_needs_the_date_it_was_sent(self):
		review = self.new_review(
			held_date=date(2026, 1, 19), tm_response="Agreed", tm_response_on=date(2026, 1, 20)
		)
		self.assert_refused(review, "sent to the team manager", "insert")

	def test_a_standard_not_met_needs_a_note(self):
		review = self.new_review()
		review.insert()
		self.assertTrue(review.standards)
		review.standards[0].outcome = "Not Met"
		self.assert_refused(review, "was not met: record what happened")

	def test_the_same_review_cannot_be_recorded_twice(self):
		hold_review(self.child.name, date(2026, 1, 19))
		self.assert_refused(self.new_review(held_date=date(2026, 1, 19)), "already recorded", "insert")


class TestSubmittedReview(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()
		frappe.clear_cache(doctype="IRO Standards Settings")

	def test_a_held_review_is_immutable_and_corrected_by_cancel_and_amend(self):
		child = make_looked_after_child(date(2025, 12, 20))
		review = hold_review(child.name, date(2026, 1, 19))
		review.held_date = date(2026, 1, 20)
		self.assertRaises(frappe.UpdateAfterSubmitError, review.save)
		frappe.clear_last_message()

		review.reload()
		review.cancel()
		self.assertEqual(child_dates(child.name).next_review_kind, "First")
		amended = frappe.copy_doc(review, ignore_no_copy=False)
		amended.amended_from = review.name
		amended.docstatus = 0
		self.assertFalse(amended.status)
		amended.held_date = date(2026, 1, 20)
		amended.insert()
		amended.submit()
		self.assertEqual(amended.name, f"{review.name}-1")
		self.assertEqual(
			frappe.db.get_value("Child Review", review.name, ["docstatus", "status"]),
			(2, "Cancelled for Correction"),
		)
		self.assertEqual(child_dates(child.name).last_review_held, date(2026, 1, 20))

	def test_decisions_and_distribution_are_recorded_after_submission(self):
		child = make_looked_after_child(date(2025, 12, 20))
		review = hold_review(
			child.name,
			date(2026, 1, 19),
			recommendations=[("Update PEP", "Designated teacher", date(2026, 3, 1))],
		)
		review.sent_to_tm_on = date(2026, 1, 21)
		review.record_distributed_on = date(2026, 2, 2)
		review.save()
		self.assertEqual(review.tm_response_due, date(2026, 1, 28))
		review.record_distributed_on = date(2099, 1, 1)
		self.assertRaisesRegex(frappe.ValidationError, "cannot be in the future", review.save)

	def test_a_private_conversation_before_the_review_is_derived_from_contacts(self):
		child = make_looked_after_child(date(2025, 12, 20))
		review = make_review(child.name, date(2026, 1, 19))
		self.assertEqual(review.spoken_to_privately, 0)
		frappe.get_doc(
			{
				"doctype": "IRO Contact",
				"child": child.name,
				"iro": "Administrator",
				"contact_date": date(2026, 1, 9),
				"kind": "Visit",
				"spoken_to_privately": 1,
			}
		).insert()
		self.assertEqual(frappe.db.get_value("Child Review", review.name, "spoken_to_privately"), 1)
		later = make_review(child.name, date(2026, 1, 20))
		self.assertEqual(later.spoken_to_privately, 1)

	def test_a_contact_and_a_review_use_the_same_window_for_speaking_alone(self):
		child = make_looked_after_child(date(2025, 12, 20))
		hold_review(child.name, date(2026, 1, 19))
		next_review = make_review(child.name, date(2026, 7, 10))

		def contact_on(day: date) -> None:
			frappe.get_doc(
				{
					"doctype": "IRO Contact",
					"child": child.name,
					"iro": "Administrator",
					"contact_date": day,
					"kind": "Visit",
					"spoken_to_privately": 1,
				}
			).insert()

		contact_on(date(2026, 1, 5))
		self.assertEqual(frappe.db.get_value("Child Review", next_review.name, "spoken_to_privately"), 0)
		next_review.reload().save()
		self.assertEqual(next_review.spoken_to_privately, 0)
		contact_on(date(2026, 3, 2))
		self.assertEqual(frappe.db.get_value("Child Review", next_review.name, "spoken_to_privately"), 1)

	def test_changing_a_timescale_later_does_not_block_recording_on_a_held_review(self):
		child = make_looked_after_child(date(2025, 12, 20))
		review = hold_review(child.name, date(2026, 1, 19))
		settings = frappe.get_doc("IRO Standards Settings")
		settings.record_distribution_working_days = 15
		settings.save()
		review.reload()
		review.record_distributed_on = date(2026, 2, 2)
		review.save()
		self.assertEqual(review.record_distribution_due, date(2026, 2, 16))


class TestSameDayWarning(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_planning_a_review_on_the_day_of_another_of_the_iros_reviews_warns(self):
		iro = make_user("sameday.iro@example.com", "IRO")
		social_worker = make_user("sameday.sw@example.com", "Social Worker")
		first = make_looked_after_child(date(2025, 12, 20), allocated_iro=iro)
		second = make_looked_after_child(date(2025, 12, 22), allocated_iro=iro, social_worker=social_worker)
		make_review(first.name, date(2026, 1, 19))
		frappe.clear_messages()
		make_review(second.name, date(2026, 1, 19))
		self.assertIn(
			f"The IRO already has a review planned on {frappe.utils.formatdate(date(2026, 1, 19))}: {first.case_number}.",
			[frappe.parse_json(m)["message"] for m in frappe.message_log],
		)
		frappe.clear_messages()
		make_review(second.name, date(2026, 1, 20))
		self.assertEqual(frappe.message_log, [])


class TestReviewDatesKeepTheCycleInOrder(FrappeTestCase):
	def setUp(self):
		self.enterContext(reviews_booked_by_hand())

	def tearDown(self):
		frappe.db.rollback()

	def messages(self) -> list[str]:
		return [frappe.parse_json(m)["message"] for m in frappe.message_log]

	def test_a_review_held_before_the_last_held_review_is_refused_and_nothing_moves(self):
		child = make_looked_after_child(date(2025, 12, 20))
		first = hold_review(child.name, date(2026, 1, 19))
		second = hold_review(child.name, date(2026, 4, 14), permanence_plan_ratified="Yes")
		earlier = frappe.get_doc(
			{
				"doctype": "Child Review",
				"child": child.name,
				"planned_date": date(2026, 3, 2),
				"held_date": date(2026, 3, 2),
			}
		)
		reviews_before = frappe.db.count("Child Review", {"child": child.name})
		with self.assertRaisesRegex(frappe.ValidationError, "is before the child's last held review"):
			earlier.insert()
		frappe.clear_last_message()
		self.assertEqual(frappe.db.count("Child Review", {"child": child.name}), reviews_before)
		self.assertEqual(frappe.db.get_value("Child Review", second.name, "previous_review"), first.name)
		self.assertEqual(child_dates(child.name).last_review_held, date(2026, 4, 14))

	def test_a_next_review_date_already_past_is_refused_while_a_later_one_is_in_timescale(self):
		today = frappe.utils.getdate()
		child = make_looked_after_child(frappe.utils.add_days(today, -40))
		review = make_review(
			child.name,
			frappe.utils.add_days(today, -3),
			held_date=frappe.utils.add_days(today, -3),
			participation_code="PN1",
			chair="Administrator",
			late_reason="Test",
		)
		review.next_review_date = frappe.utils.add_days(today, -1)
		with self.assertRaisesRegex(frappe.ValidationError, "has passed. Choose a date from today"):
			review.save()
		frappe.clear_last_message()
		review.reload()
		review.next_review_date = today
		review.save()
		self.assertEqual(review.next_review_date, today)

	def test_a_next_review_agreed_at_a_review_recorded_after_its_limit_is_kept_and_flagged(self):
		child = make_looked_after_child(date(2025, 12, 20))
		frappe.clear_messages()
		review = hold_review(child.name, date(2026, 1, 19), next_review_date=date(2026, 4, 10))
		self.assertEqual(review.next_review_date, date(2026, 4, 10))
		self.assertIn(
			f"The next review was due by {frappe.utils.formatdate(date(2026, 4, 19))}, which has passed: it will be overdue from the start.",
			self.messages(),
		)

	def test_planning_after_the_statutory_date_or_on_a_closed_day_warns(self):
		child = make_looked_after_child(date(2025, 12, 20))
		frappe.clear_messages()
		review = make_review(child.name, date(2026, 1, 24))
		self.assertEqual(review.statutory_due, date(2026, 1, 21))
		self.assertIn(
			f"Planned Date ({frappe.utils.formatdate(date(2026, 1, 24))}) is after the statutory date of {frappe.utils.formatdate(date(2026, 1, 21))}: the review will be late.",
			self.messages(),
		)
		self.assertIn(
			f"Planned Date ({frappe.utils.formatdate(date(2026, 1, 24))}) is not a working day: a weekend, a bank holiday or a closure day.",
			self.messages(),
		)
		frappe.clear_messages()
		review.planned_date = date(2026, 1, 20)
		review.save()
		self.assertEqual(self.messages(), [])


class TestWhatEveryReviewRecords(FrappeTestCase):
	def setUp(self):
		self.child = make_looked_after_child(date(2025, 12, 22))

	def tearDown(self):
		frappe.db.rollback()
		frappe.clear_document_cache("IRO Standards Settings", "IRO Standards Settings")

	def held(self, **values):
		review = make_review(
			self.child.name,
			date(2026, 1, 19),
			held_date=date(2026, 1, 19),
			participation_code="PN1",
			chair="Administrator",
			**values,
		)
		review.next_review_date = review.next_review_limit
		return review

	def test_a_review_is_not_recorded_held_without_the_rating_the_conversation_and_the_iro_contact(self):
		answers = {}
		for fieldname, answer, label in (
			("care_plan_rag", "Amber", "Care Plan RAG Rating"),
			(
				"not_spoken_privately_reason",
				"The child wanted their carer there.",
				"Why the Child Was Not Spoken To Privately",
			),
			("knows_how_to_contact_iro", "No", "Child Knows How to Contact Their IRO"),
		):
			review = self.held(**answers)
			self.assertRaisesRegex(frappe.ValidationError, f"{label} is required", review.submit)
			frappe.clear_messages()
			answers[fieldname] = answer
		review = self.held(**answers)
		review.submit()
		self.assertEqual(review.docstatus, 1)

	def test_a_child_spoken_to_privately_needs_no_reason(self):
		review = self.held(care_plan_rag="Green", spoken_to_privately=1, knows_how_to_contact_iro="Yes")
		review.submit()
		self.assertEqual(review.docstatus, 1)

	def test_a_child_under_four_is_asked_only_for_the_rating(self):
		baby = make_looked_after_child(date(2025, 12, 22), date_of_birth=date(2024, 6, 1))
		review = make_review(
			baby.name,
			date(2026, 1, 19),
			held_date=date(2026, 1, 19),
			participation_code="PN0",
			chair="Administrator",
			care_plan_rag="Green",
		)
		review.next_review_date = review.next_review_limit
		review.submit()
		self.assertEqual(review.docstatus, 1)

	def test_the_site_can_switch_each_question_off(self):
		settings = frappe.get_single("IRO Standards Settings")
		settings.update(
			{
				"require_rag_rating": 0,
				"require_private_conversation": 0,
				"require_knows_how_to_contact_iro": 0,
			}
		)
		settings.save()
		review = self.held()
		review.submit()
		self.assertEqual(review.docstatus, 1)

	def test_the_form_is_told_what_the_site_asks(self):
		review = self.held()
		review.run_method("onload")
		self.assertEqual(
			review.get_onload().asked_at_every_review,
			{"care_plan_rag": 1, "not_spoken_privately_reason": 1, "knows_how_to_contact_iro": 1},
		)
