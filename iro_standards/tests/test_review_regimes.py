"""Every child on the right clock, on a real site: short breaks, placement for adoption and care
leavers' pathway plans, from the records a social worker keeps."""

from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate

from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.tasks import mark_overdue_reviews, refresh_care_leaver_dates
from iro_standards.tests.factories import hold_review, make_child, make_episode, make_user

IN_CARE = date(2025, 6, 2)


class TestReviewRegimes(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro = make_user("regimes.iro@example.com", "IRO")
		frappe.db.commit()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def child(self, **values):
		return make_child(allocated_iro=self.iro, iro_allocated_on=IN_CARE, **values)

	def open_review(self, child: str):
		return frappe.get_doc("Child Review", {"open_for_child": child})

	def test_a_short_breaks_child_is_first_reviewed_three_months_after_the_first_break(self):
		child = self.child()
		make_episode(child.name, IN_CARE, legal_status_code="V4", legal_status="Other")
		review = self.open_review(child.name)
		self.assertEqual(review.review_regime, "Short Breaks")
		self.assertEqual(getdate(review.statutory_due), date(2025, 9, 2))
		self.assertEqual(getdate(review.planned_date), date(2025, 9, 2))
		child.reload()
		self.assertEqual(
			(child.review_regime, getdate(child.next_review_due)), ("Short Breaks", date(2025, 9, 2))
		)

	def test_a_short_breaks_child_is_not_overdue_after_twenty_working_days(self):
		self.addCleanup(frappe.db.commit)
		child = self.child()
		self.addCleanup(delete_child_and_records, child.name)
		make_episode(child.name, IN_CARE, legal_status_code="V4", legal_status="Other")
		mark_overdue_reviews(date(2025, 8, 1))
		self.assertEqual(self.open_review(child.name).overdue, 0)
		mark_overdue_reviews(date(2025, 9, 3))
		self.assertEqual(self.open_review(child.name).overdue, 1)

	def test_then_a_short_breaks_child_is_reviewed_every_six_months(self):
		child = self.child()
		make_episode(child.name, IN_CARE, legal_status_code="V4", legal_status="Other")
		first = hold_review(child.name, date(2025, 8, 20))
		self.assertEqual(getdate(first.next_review_limit), date(2026, 2, 20))

	def place_for_adoption(self, episode, on: date, **row):
		episode.append(
			"placements",
			{
				"moved_on": on,
				"placement_type": "Placed for Adoption",
				"reason_for_change": "Change to the Care Plan",
				**row,
			},
		)
		episode.save()

	def test_placement_for_adoption_brings_the_next_review_to_within_four_weeks(self):
		child = self.child()
		episode = make_episode(child.name, IN_CARE)
		hold_review(child.name, date(2025, 6, 25))
		before = self.open_review(child.name)
		self.assertEqual(getdate(before.statutory_due), date(2025, 9, 25))
		self.place_for_adoption(episode, date(2025, 8, 4))
		after = self.open_review(child.name)
		self.assertEqual(after.name, before.name)
		self.assertEqual(after.review_regime, "Placed for Adoption")
		self.assertEqual(getdate(after.statutory_due), date(2025, 9, 1))
		self.assertEqual(getdate(after.planned_date), date(2025, 9, 1))
		child.reload()
		self.assertEqual(
			(child.review_regime, getdate(child.review_regime_since), getdate(child.next_review_due)),
			("Placed for Adoption", date(2025, 8, 4), date(2025, 9, 1)),
		)

	def test_after_placement_for_adoption_the_second_review_is_within_three_months(self):
		child = self.child()
		episode = make_episode(child.name, IN_CARE)
		self.place_for_adoption(episode, date(2025, 8, 4), placement_code="A3")
		first = hold_review(child.name, date(2025, 8, 29))
		self.assertEqual((first.counted_as, first.review_regime), ("First", "Placed for Adoption"))
		self.assertEqual(getdate(first.next_review_limit), date(2025, 11, 29))
		second = hold_review(child.name, date(2025, 11, 20))
		self.assertEqual(getdate(second.next_review_limit), date(2026, 5, 20))

	def test_a_disrupted_adoptive_placement_returns_the_child_to_the_standard_cycle(self):
		child = self.child()
		episode = make_episode(child.name, IN_CARE)
		hold_review(child.name, date(2025, 6, 25))
		self.place_for_adoption(episode, date(2025, 8, 4))
		episode.append(
			"placements",
			{
				"moved_on": date(2025, 8, 20),
				"placement_type": "Foster Care",
				"reason_for_change": "Carer Requested",
			},
		)
		episode.save()
		review = self.open_review(child.name)
		self.assertEqual(review.review_regime, "Standard")
		self.assertEqual(getdate(review.statutory_due), date(2025, 9, 25))

	def test_the_sites_regime_timescales_apply(self):
		settings = frappe.get_single("IRO Standards Settings")
		settings.adoption_first_review_weeks = 2
		settings.save()
		child = self.child()
		episode = make_episode(child.name, IN_CARE)
		self.place_for_adoption(episode, date(2025, 8, 4))
		self.assertEqual(getdate(self.open_review(child.name).statutory_due), date(2025, 8, 18))


class TestCareLeavers(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def care_leaver(self):
		child = make_child(date_of_birth=date(2010, 3, 10))
		make_episode(child.name, date(2023, 1, 2))
		return child.reload()

	def test_an_eligible_child_has_a_pathway_plan_due_three_months_after_turning_sixteen(self):
		child = self.care_leaver()
		self.assertEqual(getdate(child.eligible_care_leaver_from), date(2026, 3, 10))
		self.assertEqual(getdate(child.pathway_plan_review_due), date(2026, 6, 10))

	def test_a_younger_child_has_no_pathway_plan(self):
		child = make_child(date_of_birth=date(2012, 3, 10))
		make_episode(child.name, date(2023, 1, 2))
		child.reload()
		self.assertIsNone(child.eligible_care_leaver_from)
		self.assertIsNone(child.pathway_plan_review_due)

	def test_a_pathway_plan_reviewed_outside_a_review_is_next_due_six_months_on(self):
		child = self.care_leaver()
		child.pathway_plan_reviewed_on = date(2026, 8, 31)
		child.personal_adviser = "Dana Adviser"
		child.save()
		self.assertEqual(getdate(child.pathway_plan_review_due), date(2027, 2, 28))

	def test_a_review_that_reviewed_the_pathway_plan_moves_its_date(self):
		child = self.care_leaver()
		review = hold_review(
			child.name, date(2026, 5, 4), pathway_plan_reviewed=1, pathway_plan_needs="Housing"
		)
		self.assertEqual(review.care_leaver, 1)
		child.reload()
		self.assertEqual(getdate(child.pathway_plan_review_due), date(2026, 11, 4))

	def test_a_review_of_a_child_not_eligible_does_not_count_as_a_pathway_review(self):
		child = make_child(date_of_birth=date(2012, 3, 10))
		make_episode(child.name, date(2023, 1, 2))
		review = hold_review(child.name, date(2023, 1, 20), pathway_plan_reviewed=1)
		self.assertEqual((review.care_leaver, review.pathway_plan_reviewed), (0, 0))

	def test_a_pathway_review_date_in_the_future_is_refused(self):
		child = self.care_leaver()
		child.pathway_plan_reviewed_on = add_days(getdate(), 3)
		self.assertRaises(frappe.ValidationError, child.save)
		self.assertIsNone(frappe.db.get_value("Looked After Child", child.name, "pathway_plan_reviewed_on"))

	def test_the_daily_job_finds_a_child_who_turned_sixteen(self):
		self.addCleanup(frappe.db.commit)
		child = self.care_leaver()
		self.addCleanup(delete_child_and_records, child.name)
		frappe.db.set_value(
			"Looked After Child",
			child.name,
			{"eligible_care_leaver_from": None, "pathway_plan_review_due": None},
		)
		refresh_care_leaver_dates(getdate())
		self.assertEqual(
			frappe.db.get_value("Looked After Child", child.name, "pathway_plan_review_due"),
			date(2026, 6, 10),
		)


class TestDaysNobodyWorks(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		frappe.clear_document_cache("IRO Standards Settings", "IRO Standards Settings")

	def test_a_statutory_date_on_a_saturday_shows_the_friday_beside_it_and_is_never_extended(self):
		child = make_child()
		make_episode(child.name, date(2026, 2, 9))
		hold_review(child.name, date(2026, 3, 6))
		review = frappe.get_doc("Child Review", {"open_for_child": child.name})
		self.assertEqual(
			(getdate(review.statutory_due), getdate(review.statutory_due_working_day)),
			(date(2026, 6, 6), date(2026, 6, 5)),
		)

	def test_a_next_review_agreed_for_a_sunday_warns(self):
		child = make_child()
		make_episode(child.name, date(2026, 2, 9))
		frappe.clear_messages()
		hold_review(child.name, date(2026, 3, 6), next_review_date=date(2026, 5, 31))
		warnings = [
			str(message) for message in frappe.get_message_log() if "not a working day" in str(message)
		]
		self.assertEqual(len(warnings), 1)
		self.assertIn("Next Review Date Agreed", warnings[0])

	def test_deadlines_counted_in_days_fall_on_a_working_day_where_the_site_asks(self):
		child = make_child()
		make_episode(child.name, date(2026, 2, 9))
		held = hold_review(child.name, date(2026, 3, 2))
		self.assertEqual(getdate(held.decisions_due), date(2026, 3, 7))
		settings = frappe.get_single("IRO Standards Settings")
		settings.practice_deadlines_on_working_days = 1
		settings.save()
		later = make_child()
		make_episode(later.name, date(2026, 2, 9))
		self.assertEqual(getdate(hold_review(later.name, date(2026, 3, 2)).decisions_due), date(2026, 3, 6))
