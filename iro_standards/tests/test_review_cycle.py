"""The care-planning cycle on a real site: each child always has exactly one next review and, after
a review is held, one progress review; whatever order the saves arrive in."""

import threading
from datetime import date
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from pymysql.err import IntegrityError

from iro_standards.iro_standards import cards, cycle
from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.standards import (
	care_plan_update_due,
	first_review_due,
	informal_resolution_due,
	progress_review_due,
)
from iro_standards.tasks import daily, mark_overdue_care_plan_updates, mark_overdue_informal_resolutions
from iro_standards.tests.factories import (
	RECORDED_AT_EVERY_REVIEW,
	hold_review,
	make_episode,
	make_looked_after_child,
	make_user,
	reviews_booked_by_hand,
	workflow_switched_off,
)

START = date(2025, 12, 1)


def open_reviews(child: str) -> list:
	"""Every draft review of the child still to be held, however it was marked."""
	return frappe.get_all(
		"Child Review",
		filters={
			"child": child,
			"docstatus": 0,
			"held_date": ("is", "not set"),
			"status": ("in", ("Planned", "Adjourned")),
		},
		fields=["name", "planned_date", "reconvene_date", "previous_review", "allocated_iro", "status"],
	)


def open_progress_reviews(child: str) -> list:
	return frappe.get_all(
		"Progress Review",
		filters={"child": child, "status": ("not in", ("Completed", "Missed", "Cancelled"))},
		fields=["name", "child_review", "due_date"],
	)


class TestReviewCycle(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro = make_user("cycle.iro@example.com", "IRO")
		cls.next_iro = make_user("cycle.next.iro@example.com", "IRO")
		cls.social_worker = make_user("cycle.sw@example.com", "Social Worker")
		cls.team_manager = make_user("cycle.tm@example.com", "Team Manager")
		cls.manager = make_user("cycle.manager@example.com", "IRO Manager")
		frappe.db.commit()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def looked_after_child(self, start: date = START):
		return make_looked_after_child(
			start,
			allocated_iro=self.iro,
			iro_allocated_on=start,
			social_worker=self.social_worker,
			team_manager=self.team_manager,
			team="Cycle",
		)

	def the_daily_job_will_commit(self) -> None:
		"""The job commits as it goes: what the test made is removed and the removal committed."""
		self.addCleanup(frappe.db.commit)

	def the_open_review(self, child: str):
		(review,) = open_reviews(child)
		self.assertEqual(frappe.db.get_value("Child Review", review.name, "open_for_child"), child)
		return review

	def test_a_child_entering_care_has_their_first_review_planned_with_the_people_on_it(self):
		child = self.looked_after_child()
		review = self.the_open_review(child.name)
		self.assertEqual(review.planned_date, first_review_due(START))
		values = frappe.db.get_value(
			"Child Review", review.name, ["social_worker", "team_manager", "team", "episode"], as_dict=True
		)
		self.assertEqual(
			(review.allocated_iro, values.social_worker, values.team_manager, values.team, values.episode),
			(self.iro, self.social_worker, self.team_manager, "Cycle", child.current_episode),
		)
		self.assertEqual(open_progress_reviews(child.name), [])

	def test_a_journey_through_three_reviews_an_adjournment_a_reallocation_and_a_new_episode(self):
		child = self.looked_after_child()
		first = hold_review(child.name, date(2025, 12, 29), next_review_date=date(2026, 3, 20))
		second = self.the_open_review(child.name)
		self.assertEqual((second.planned_date, second.previous_review), (date(2026, 3, 20), first.name))
		(progress,) = open_progress_reviews(child.name)
		self.assertEqual(
			(progress.child_review, progress.due_date),
			(first.name, progress_review_due(date(2025, 12, 29), date(2026, 3, 29))),
		)

		adjourned = frappe.get_doc("Child Review", second.name)
		adjourned.update(
			{
				"adjourned_on": date(2026, 3, 20),
				"adjournment_reason": "Social worker ill",
				"reconvene_date": date(2026, 3, 27),
			}
		)
		adjourned.save()
		self.assertEqual(self.the_open_review(child.name).name, second.name)
		told = frappe.get_all(
			"Notification Log",
			{"document_name": second.name, "subject": ("like", "%adjourned%")},
			pluck="for_user",
		)
		self.assertEqual(sorted(told), sorted([self.iro, self.social_worker, self.team_manager]))

		held_second = hold_review(
			child.name,
			date(2026, 3, 27),
			planned_date=date(2026, 3, 20),
			permanence_plan_ratified="Yes",
			next_review_date=date(2026, 9, 1),
		)
		self.assertEqual(held_second.name, second.name)
		self.assertEqual(
			frappe.db.get_value("Progress Review", progress.name, ["status", "open_for_child"]),
			("Missed", None),
		)
		third = self.the_open_review(child.name)
		self.assertEqual((third.planned_date, third.previous_review), (date(2026, 9, 1), second.name))

		brought_forward = frappe.get_doc("Child Review", third.name)
		brought_forward.update(
			{
				"planned_date": date(2026, 5, 11),
				"brought_forward": 1,
				"brought_forward_reason": "Placement Change",
			}
		)
		brought_forward.save()
		self.assertEqual(self.the_open_review(child.name).planned_date, date(2026, 5, 11))

		frappe.get_doc("Looked After Child", child.name).update({"allocated_iro": self.next_iro}).save()
		self.assertEqual(self.the_open_review(child.name).allocated_iro, self.next_iro)
		self.assertEqual(
			frappe.db.get_value(
				"Progress Review", open_progress_reviews(child.name)[0].name, "allocated_iro"
			),
			self.next_iro,
		)

		held_third = hold_review(child.name, date(2026, 5, 11), next_review_date=date(2026, 11, 2))
		self.assertEqual(
			frappe.db.get_value("Child Review", held_third.name, ["review_kind", "counted_as"]),
			("Brought Forward", "Subsequent"),
		)
		fourth = self.the_open_review(child.name)
		self.assertEqual((fourth.planned_date, fourth.allocated_iro), (date(2026, 11, 2), self.next_iro))

		episode = frappe.get_doc("Care Episode", child.current_episode)
		episode.update({"end_date": date(2026, 6, 1), "end_reason": "Returned Home"})
		episode.save()
		self.assertEqual(open_reviews(child.name), [])
		self.assertEqual(open_progress_reviews(child.name), [])
		cancelled = frappe.db.get_value(
			"Child Review", fourth.name, ["status", "cancellation_reason"], as_dict=True
		)
		self.assertEqual(cancelled.status, "Cancelled")
		self.assertIn("ended on", cancelled.cancellation_reason)

		make_episode(child.name, date(2026, 8, 3))
		again = self.the_open_review(child.name)
		self.assertEqual(
			(again.planned_date, again.previous_review), (first_review_due(date(2026, 8, 3)), None)
		)

	def test_a_second_planned_review_is_refused_by_the_app_and_by_the_database(self):
		child = self.looked_after_child()
		planned = self.the_open_review(child.name)
		second = frappe.get_doc(
			{"doctype": "Child Review", "child": child.name, "planned_date": date(2026, 1, 5)}
		)
		self.assertRaisesRegex(
			frappe.ValidationError, f"already has an open review, {planned.name}", second.insert
		)
		with self.assertRaises(IntegrityError):
			frappe.db.sql(
				"""insert into `tabChild Review` (name, child, planned_date, open_for_child)
				values ('REV-TEST-SECOND', %s, '2026-01-05', %s)""",
				(child.name, child.name),
			)

	def test_a_cancelled_planned_review_is_replaced_by_the_one_the_child_needs(self):
		child = self.looked_after_child()
		planned = frappe.get_doc("Child Review", self.the_open_review(child.name).name)
		planned.status = "Cancelled"
		planned.save()
		replacement = self.the_open_review(child.name)
		self.assertNotEqual(replacement.name, planned.name)

	def test_the_daily_job_creates_what_is_missing_once(self):
		self.the_daily_job_will_commit()
		child = self.looked_after_child()
		self.addCleanup(delete_child_and_records, child.name)
		held = hold_review(child.name, date(2025, 12, 29))
		frappe.db.delete("Child Review", {"open_for_child": child.name})
		frappe.db.delete("Progress Review", {"child": child.name})
		daily()
		daily()
		self.assertEqual(self.the_open_review(child.name).previous_review, held.name)
		self.assertEqual([p.child_review for p in open_progress_reviews(child.name)], [held.name])

	def test_a_service_booking_by_hand_gets_no_records_but_still_sees_the_child_overdue(self):
		self.the_daily_job_will_commit()
		self.enterContext(reviews_booked_by_hand())
		child = self.looked_after_child()
		self.addCleanup(delete_child_and_records, child.name)
		self.assertEqual(open_reviews(child.name), [])
		overdue_before = cards.reviews_overdue()["value"]
		self.assertLess(
			frappe.db.get_value("Looked After Child", child.name, "next_review_due"), date.today()
		)
		daily()
		self.assertEqual(open_reviews(child.name), [])
		self.assertEqual(cards.reviews_overdue()["value"], overdue_before)
		todo = frappe.get_all(
			"ToDo",
			{"reference_type": "Looked After Child", "reference_name": child.name},
			pluck="allocated_to",
		)
		self.assertIn(self.manager, todo)

	def test_an_ended_episode_cancels_a_review_booked_by_hand(self):
		self.enterContext(reviews_booked_by_hand())
		child = self.looked_after_child()
		booked = frappe.get_doc(
			{"doctype": "Child Review", "child": child.name, "planned_date": date(2025, 12, 22)}
		).insert()
		episode = frappe.get_doc("Care Episode", child.current_episode)
		episode.update({"end_date": date(2025, 12, 15), "end_reason": "Returned Home"})
		episode.save()
		self.assertEqual(frappe.db.get_value("Child Review", booked.name, "status"), "Cancelled")


def answered_review(response: str, answered_on: date):
	"""A review held on 29 December 2025 whose team manager gave ``response`` on ``answered_on``."""
	child = make_looked_after_child(START)
	with workflow_switched_off("Child Review"):
		review = hold_review(child.name, date(2025, 12, 29))
		review.update(
			{
				"decisions_recorded_on": date(2025, 12, 30),
				"sent_to_tm_on": date(2025, 12, 30),
				"tm_response": response,
				"tm_response_on": answered_on,
			}
		)
		review.save()
	return review


class TestCarePlanUpdate(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()

	def test_due_ten_working_days_after_the_agreement_and_flagged_until_done(self):
		self.addCleanup(frappe.db.commit)
		review = answered_review("Agreed", date(2026, 1, 5))
		self.addCleanup(delete_child_and_records, review.child)
		self.assertEqual(review.care_plan_update_due, care_plan_update_due(date(2026, 1, 5)))
		mark_overdue_care_plan_updates(date(2026, 1, 20))
		self.assertEqual(frappe.db.get_value("Child Review", review.name, "care_plan_update_overdue"), 1)
		review.reload()
		with workflow_switched_off("Child Review"):
			review.care_plan_updated_on = date(2026, 1, 21)
			review.save()
		self.assertEqual(review.care_plan_update_overdue, 0)
		mark_overdue_care_plan_updates(date(2026, 1, 22))
		self.assertEqual(frappe.db.get_value("Child Review", review.name, "care_plan_update_overdue"), 0)

	def test_an_update_before_the_agreement_is_refused(self):
		review = answered_review("Agreed", date(2026, 1, 5))
		review.care_plan_updated_on = date(2026, 1, 2)
		with workflow_switched_off("Child Review"):
			self.assertRaisesRegex(frappe.ValidationError, "cannot be before the team manager", review.save)


class TestDisagreement(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()

	def test_resolved_informally_within_five_working_days_or_flagged(self):
		self.addCleanup(frappe.db.commit)
		review = answered_review("Disagreed", date(2026, 1, 5))
		self.addCleanup(delete_child_and_records, review.child)
		self.assertEqual(review.informal_resolution_due, informal_resolution_due(date(2026, 1, 5)))
		mark_overdue_informal_resolutions(date(2026, 1, 13))
		self.assertEqual(frappe.db.get_value("Child Review", review.name, "informal_resolution_overdue"), 1)
		review.reload()
		with workflow_switched_off("Child Review"):
			review.informal_resolution_on = date(2026, 1, 14)
			self.assertRaisesRegex(frappe.ValidationError, "Informal Resolution Outcome", review.save)
			review.reload()
			review.update(
				{
					"informal_resolution_on": date(2026, 1, 14),
					"informal_resolution_outcome": "Not Resolved",
					"dissent": "The team manager holds that the placement should continue.",
				}
			)
			review.save()
		self.assertEqual(review.informal_resolution_overdue, 0)

	def test_a_disagreement_resolved_informally_ends_in_agreement_and_the_steps_after_it_are_owed(self):
		review = answered_review("Disagreed", date(2026, 1, 5))
		self.assertEqual(review.status, "Disagreed")
		with workflow_switched_off("Child Review"):
			review.update(
				{"informal_resolution_on": date(2026, 1, 8), "informal_resolution_outcome": "Resolved"}
			)
			review.save()
		self.assertEqual(
			(review.status, review.tm_response, review.tm_response_on),
			("Agreed", "Agreed", date(2026, 1, 8)),
		)
		self.assertEqual(review.informal_resolution_outcome, "Resolved")
		self.assertEqual(review.care_plan_update_due, care_plan_update_due(date(2026, 1, 8)))

	def test_a_resolution_before_the_disagreement_is_refused(self):
		review = answered_review("Disagreed", date(2026, 1, 5))
		review.update({"informal_resolution_on": date(2026, 1, 2), "informal_resolution_outcome": "Resolved"})
		with workflow_switched_off("Child Review"):
			self.assertRaisesRegex(frappe.ValidationError, "cannot be before the team manager", review.save)


class TestReviewCycleConcurrency(FrappeTestCase):
	"""Two sessions scheduling the same child at the same moment, on their own connections."""

	def setUp(self):
		self.child = make_looked_after_child(START).name
		frappe.db.delete("Child Review", {"open_for_child": self.child})
		frappe.db.commit()
		self.addCleanup(frappe.db.commit)
		self.addCleanup(delete_child_and_records, self.child)

	def schedule_at_once(self, sessions: int = 2) -> list[BaseException]:
		return self.at_once([lambda: cycle.schedule_child(self.child)] * sessions)

	def at_once(self, actions: list) -> list[BaseException]:
		"""Each action in its own session and connection, started together, committed on success."""
		site, errors = frappe.local.site, []
		barrier = threading.Barrier(len(actions))

		def session(action):
			frappe.init(site=site)
			frappe.connect()
			try:
				barrier.wait()
				action()
				frappe.db.commit()
			except BaseException as error:
				errors.append(error)
			finally:
				frappe.destroy()

		threads = [threading.Thread(target=session, args=(action,)) for action in actions]
		for thread in threads:
			thread.start()
		for thread in threads:
			thread.join()
		return errors

	def test_two_saves_at_once_leave_one_next_review(self):
		self.assertEqual(self.schedule_at_once(), [])
		self.assertEqual(len(open_reviews(self.child)), 1)

	def test_without_the_lock_the_database_still_keeps_out_a_second_review(self):
		with patch.object(cycle, "lock_child", lambda child: None):
			self.assertEqual(self.schedule_at_once(), [])
		self.assertEqual(len(open_reviews(self.child)), 1)

	def test_two_users_submitting_the_same_review_at_once_leave_one_next_review(self):
		cycle.schedule_child(self.child)
		review = frappe.get_doc("Child Review", {"open_for_child": self.child})
		review.update(
			{
				"held_date": first_review_due(START),
				"participation_code": "PN1",
				"chair": "Administrator",
				"next_review_date": date(2026, 3, 2),
				**RECORDED_AT_EVERY_REVIEW,
			}
		)
		review.save()
		frappe.db.commit()

		def submit_as(user: str):
			def submit():
				frappe.set_user(user)
				frappe.get_doc("Child Review", review.name).submit()

			return submit

		manager = make_user("cycle.concurrent.manager@example.com", "IRO Manager")
		frappe.db.commit()
		errors = self.at_once([submit_as("Administrator"), submit_as(manager)])
		self.assertEqual(len(errors), 1, errors)
		self.assertEqual(frappe.db.get_value("Child Review", review.name, "docstatus"), 1)
		(following,) = open_reviews(self.child)
		self.assertEqual((following.previous_review, following.planned_date), (review.name, date(2026, 3, 2)))
		self.assertEqual(len(open_progress_reviews(self.child)), 1)
