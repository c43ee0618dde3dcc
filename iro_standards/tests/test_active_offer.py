"""The Active Offer: Welsh offered without being asked for, recorded, prompted in Wales, reported."""

from datetime import date, timedelta

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from iro_standards.iro_standards.report.welsh_active_offer.welsh_active_offer import execute
from iro_standards.tests.factories import hold_review, make_looked_after_child, make_review

TEAM = "Active Offer Test Team"


class TestActiveOffer(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()
		frappe.clear_document_cache("IRO Standards Settings", "IRO Standards Settings")

	def test_an_offer_records_when_and_by_whom_and_cannot_be_in_the_future(self):
		child = make_looked_after_child(date(2025, 12, 20), welsh_offered=1)
		self.assertEqual((child.welsh_offered_on, child.welsh_offered_by), (getdate(), "Administrator"))
		child.welsh_offered_on = getdate() + timedelta(days=3)
		self.assertRaisesRegex(frappe.ValidationError, "cannot be in the future", child.save)
		child.reload()
		child.welsh_offered = 0
		child.save()
		self.assertEqual((child.welsh_offered_on, child.welsh_offered_by), (None, None))

	def test_in_wales_the_first_review_reminds_of_an_offer_not_recorded(self):
		frappe.db.set_single_value("IRO Standards Settings", "jurisdiction", "Wales")
		frappe.clear_document_cache("IRO Standards Settings", "IRO Standards Settings")
		child = make_looked_after_child(date(2025, 12, 20))
		frappe.clear_messages()
		hold_review(child.name, date(2026, 1, 19))
		self.assertIn("The Active Offer is not recorded", str(frappe.message_log))

		offered = make_looked_after_child(date(2025, 12, 20), welsh_offered=1)
		frappe.clear_messages()
		hold_review(offered.name, date(2026, 1, 19))
		self.assertNotIn("The Active Offer is not recorded", str(frappe.message_log))

	def test_a_review_flags_the_interpreter_or_translation_its_people_need(self):
		child = make_looked_after_child(date(2025, 12, 20))
		parent = {
			"attendee_name": "Rhiannon",
			"role": "Parent",
			"participation": "Attended",
			"language_of_choice": "Welsh",
		}
		carer = {
			"attendee_name": "Sam",
			"role": "Carer",
			"participation": "Attended",
			"language_of_choice": "English",
		}
		frappe.clear_messages()
		review = make_review(child.name, date(2026, 1, 19), attendees=[parent, carer])
		self.assertEqual(review.translation_needed, 1)
		self.assertIn("needs an interpreter or translation", str(frappe.message_log))

		frappe.clear_messages()
		review.interpreter_arranged = 1
		review.save()
		self.assertNotIn("needs an interpreter or translation", str(frappe.message_log))

		review.attendees = []
		review.append("attendees", {**carer, "needs_interpreter": 1})
		self.assertEqual(review.save().translation_needed, 1)
		review.attendees[0].needs_interpreter = 0
		self.assertEqual(review.save().translation_needed, 0)
		frappe.db.set_value("Looked After Child", child.name, "interpreter_needed", 1)
		self.assertEqual(review.save().translation_needed, 1)

	def test_the_report_counts_offers_made_and_taken_up_by_team(self):
		make_looked_after_child(date(2025, 12, 20), team=TEAM, welsh_offered=1, preferred_language="Welsh")
		make_looked_after_child(date(2025, 12, 20), team=TEAM, welsh_offered=1)
		child = make_looked_after_child(date(2025, 12, 20), team=TEAM)
		hold_review(
			child.name,
			date(2026, 1, 19),
			attendees=[
				{
					"attendee_name": "Mam",
					"role": "Parent",
					"participation": "Attended",
					"welsh_offered": 1,
					"language_of_choice": "Welsh",
					"spoke_welsh": 1,
				}
			],
		)
		_columns, rows, _message, _chart, summary = execute(
			{"team": TEAM, "from_date": date(2026, 1, 1), "to_date": date(2026, 1, 31)}
		)
		self.assertEqual(
			rows,
			[{"team": TEAM, "children": 3, "offered": 2, "percent_offered": 66.7, "chose_welsh": 1}],
		)
		by_label = {item["label"]: item["value"] for item in summary}
		self.assertEqual(by_label["Attendees Who Spoke Welsh"], 1)
		self.assertEqual(by_label["Attendees Offered Welsh"], 1)
