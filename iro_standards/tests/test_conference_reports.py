"""The child protection reports, cards, chart and the dual-role caseload over a known set of
conferences: exact figures, the same in every place, and nothing of another officer's children."""

from datetime import date
from unittest.mock import patch

import frappe
from frappe.desk.query_report import run
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days

from iro_standards.iro_standards import cards, figures
from iro_standards.iro_standards.doctype.child_protection_conference.test_child_protection_conference import (
	QUORATE,
	hold,
	invitees,
	request_icpc,
)
from iro_standards.tasks import warn_about_caseloads
from iro_standards.tests.factories import make_child, make_looked_after_child, make_user

PERIOD = {"from_date": "2026-01-01", "to_date": "2026-06-30"}


def review_conference(previous, held: date, outcome: str, **values):
	conference = frappe.get_doc(
		{
			"doctype": "Child Protection Conference",
			"child": previous.child,
			"conference_kind": "Review",
			"previous_conference": previous.name,
			"chair": previous.chair,
		}
	).insert()
	return hold(conference, held, outcome, **values)


class TestConferenceReports(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.chair = make_user("cpr.chair@example.com", "IRO")
		cls.other = make_user("cpr.other@example.com", "IRO")
		cls.manager = make_user("cpr.manager@example.com", "IRO Manager")
		frappe.db.commit()

	def setUp(self):
		frappe.set_user("Administrator")
		on_time = request_icpc(make_child(first_name="Ontime").name, chair=self.chair)
		self.on_time = hold(
			on_time, date(2026, 2, 20), "Plan", category_neglect=1, progress_check_on=date(2026, 3, 10)
		)
		late = request_icpc(
			make_child(first_name="Late").name, chair=self.chair, invitees=invitees(QUORATE[:2])
		)
		self.late = hold(
			late,
			date(2026, 2, 27),
			"Plan",
			category_neglect=1,
			category_sexual=1,
			proceed_decision="Proceed",
			decided_by=self.manager,
			decision_reason="Risk too high to wait",
			exceptional_report_on=date(2026, 3, 2),
		)
		self.ended = review_conference(
			self.on_time, date(2026, 5, 19), "Plan Ended", plan_end_reason="Safe at home"
		)
		earlier = make_child(first_name="Repeat", cp_chair=self.chair)
		first = hold(
			request_icpc(
				earlier.name,
				chair=self.chair,
				strategy_discussion=date(2024, 1, 8),
				conference_requested_on=date(2024, 1, 9),
			),
			date(2024, 1, 26),
			"Plan",
			category_physical=1,
		)
		review_conference(first, date(2024, 4, 20), "Plan Ended", plan_end_reason="Moved away")
		self.repeat = hold(
			request_icpc(earlier.name, chair=self.chair), date(2026, 2, 16), "Plan", category_emotional=1
		)
		self.elsewhere = hold(
			request_icpc(make_child(first_name="Elsewhere").name, chair=self.other),
			date(2026, 2, 18),
			"No Plan",
		)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		frappe.clear_document_cache("IRO Standards Settings", "IRO Standards Settings")

	def report(self, name: str, filters: dict | None = None) -> dict:
		return run(name, filters=filters or {})

	def test_conferences_by_chair_and_the_national_indicator(self):
		result = self.report("Child Protection Conferences", {**PERIOD, "iro": self.chair})
		(row,) = result["result"]
		self.assertEqual(
			{
				key: row[key]
				for key in (
					"initial_held",
					"initial_in_time",
					"review_held",
					"review_in_time",
					"quorate",
					"inquorate_held",
					"reports_in_time",
					"plans_started",
					"checks_in_time",
				)
			},
			{
				"initial_held": 3,
				"initial_in_time": 2,
				"review_held": 1,
				"review_in_time": 1,
				"quorate": 3,
				"inquorate_held": 1,
				"reports_in_time": 1,
				"plans_started": 3,
				"checks_in_time": 1,
			},
		)
		self.assertEqual(result["report_summary"][0]["value"], 66.7)

	def test_the_card_agrees_with_the_report_for_this_quarter(self):
		start, end = figures.this_quarter()
		request = {"strategy_discussion": add_days(start, 1), "conference_requested_on": add_days(start, 2)}
		late = request_icpc(make_child(first_name="Quarter").name, chair=self.chair, **request)
		hold(late, add_days(start, 40), "No Plan")
		report = self.report("Child Protection Conferences", {"from_date": start, "to_date": end})
		card = cards.initial_conferences_in_time_this_quarter()
		self.assertEqual(card["value"], report["report_summary"][0]["value"])
		self.assertEqual(card["value"], 0.0)
		self.assertEqual(card["route_options"], {"from_date": start, "to_date": end})

	def test_children_on_a_plan_by_category_duration_and_repeat(self):
		rows = {row["child"]: row for row in self.report("Children on a Child Protection Plan")["result"]}
		self.assertEqual(set(rows), {self.late.child, self.repeat.child})
		self.assertEqual(rows[self.repeat.child]["plan_number"], 2)
		self.assertEqual(rows[self.repeat.child]["repeat_within_window"], 1)
		self.assertEqual(rows[self.late.child]["categories"], "Neglect, Sexual abuse")
		chart = cards.children_on_a_plan_by_category()
		self.assertEqual(
			dict(zip(chart["labels"], chart["datasets"][0]["values"], strict=True)),
			{"Neglect": 1, "Physical abuse": 0, "Emotional abuse": 1, "Sexual abuse": 1},
		)
		self.assertEqual(cards.children_on_a_plan()["value"], 2)

	def test_a_plan_over_two_years_is_flagged(self):
		frappe.db.set_value("Looked After Child", self.late.child, "cp_plan_started", date(2024, 2, 1))
		rows = {row["child"]: row for row in self.report("Children on a Child Protection Plan")["result"]}
		self.assertEqual(rows[self.late.child]["long_plan"], 1)
		self.assertEqual(rows[self.repeat.child]["long_plan"], 0)

	def test_another_officer_sees_none_of_it(self):
		frappe.set_user(self.other)
		self.assertEqual(self.report("Children on a Child Protection Plan")["result"], [])
		rows = self.report("Child Protection Conferences", PERIOD)["result"]
		self.assertEqual([(row["chair"], row["initial_held"]) for row in rows], [(self.other, 1)])
		self.assertEqual(cards.children_on_a_plan()["value"], 0)
		self.assertFalse(frappe.has_permission("Child Protection Conference", doc=self.late.name))
		self.assertEqual(frappe.get_list("Child Protection Conference", filters={"chair": self.chair}), [])

	def test_a_dual_role_caseload_counts_both_halves_by_their_weights(self):
		for _ in range(2):
			make_looked_after_child(date(2026, 1, 5), allocated_iro=self.chair)
		frappe.db.set_single_value(
			"IRO Standards Settings",
			{"caseload_weight_cp_plan": 0.5, "caseload_maximum": 2, "caseload_minimum": 1},
		)
		frappe.clear_document_cache("IRO Standards Settings", "IRO Standards Settings")
		rows = {
			row["allocated_iro"]: row
			for row in self.report("IRO Caseload", {"iro": self.chair})["result"]
			if isinstance(row, dict)
		}
		self.assertEqual(
			(rows[self.chair]["children"], rows[self.chair]["on_plan"], rows[self.chair]["weighted"]),
			(2, 2, 3.0),
		)
		self.assertEqual(rows[self.chair]["band"], "Above range")
		with patch.object(frappe.db, "commit"):
			warn_about_caseloads(date(2026, 12, 6))
		self.assertTrue(
			frappe.db.exists(
				"Notification Log",
				{
					"for_user": self.manager,
					"document_name": self.chair,
					"subject": ("like", "%has 3 children%"),
				},
			)
		)
