"""Each report over a known data set: exact rows and totals, and what a restricted IRO sees."""

import json
from datetime import date

import frappe
from frappe.desk.query_report import run
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate

from iro_standards.iro_standards import cards, figures
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	get_site_timescales,
)
from iro_standards.overrides import get_group_by_count
from iro_standards.standards import add_months
from iro_standards.tests.factories import (
	hold_review,
	make_looked_after_child,
	make_review,
	make_user,
	workflow_switched_off,
)

PERIOD = {"from_date": "2026-01-01", "to_date": "2026-03-31"}
# The IRO Caseload report without a period: today's caseloads.
TODAY = {"from_date": None, "to_date": None}
TEAM = "Report Test Team"


class TestReports(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro_a = make_user("report.iro.a@example.com", "IRO")
		cls.iro_b = make_user("report.iro.b@example.com", "IRO")
		frappe.db.commit()

	def setUp(self):
		self.c1 = self.child(self.iro_a, date(2025, 12, 20), sibling_group="RT-SIBS")
		self.c2 = self.child(self.iro_a, date(2025, 12, 20), date_of_birth=date(2023, 6, 1))
		self.c3 = self.child(
			self.iro_b, date(2025, 10, 1), sibling_group="RT-SIBS", different_iro_reason="Placed apart"
		)
		self.r1 = hold_review(
			self.c1,
			date(2026, 1, 19),
			chair=self.iro_a,
			care_plan_rag="Red",
			rag_narrative="No placement plan",
			recommendations=[
				("Placement plan", "SW", date(2026, 2, 20)),
				("Health check", "Nurse", date(2026, 2, 27)),
			],
		)
		self.r1.update(
			{"decisions_recorded_on": date(2026, 1, 22), "record_distributed_on": date(2026, 2, 20)}
		)
		self.r1.save()
		self.r2 = hold_review(
			self.c2,
			date(2026, 1, 26),
			chair=self.iro_a,
			participation_code="PN0",
			care_plan_rag="Amber",
			rag_narrative="x",
		)
		hold_review(self.c3, date(2025, 10, 29), chair=self.iro_b, care_plan_rag="Red", rag_narrative="x")
		self.r3 = hold_review(
			self.c3,
			date(2026, 1, 20),
			chair=self.iro_b,
			care_plan_rag="Green",
			rag_narrative="x",
			permanence_plan_ratified="Yes",
		)
		self.planned = make_review(self.c2, date(2026, 4, 20))
		frappe.get_doc(
			{
				"doctype": "IRO Dispute",
				"child": self.c1,
				"category": "Health",
				"issue": "x",
				"desired_outcome": "y",
				"raised_on": date(2026, 2, 2),
			}
		).insert()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def child(self, iro: str, start: date, **values) -> str:
		return make_looked_after_child(
			start, allocated_iro=iro, iro_allocated_on=start, team=TEAM, **values
		).name

	def report(self, name: str, **filters) -> dict:
		return run(name, filters={**PERIOD, "team": TEAM, **filters})

	def test_review_timeliness_by_iro(self):
		result = self.report("Review Timeliness", group_by="IRO")
		self.assertEqual(
			[
				(r["grouping"], r["held"], r["in_timescale"], r["late"], r["percent_in_timescale"])
				for r in result["result"]
			],
			[(self.iro_a, 2, 1, 1, 50.0), (self.iro_b, 1, 1, 0, 100.0)],
		)
		self.assertEqual(
			[(s["label"], s["value"]) for s in result["report_summary"]],
			[("Children Reviewed", 3), ("Reviews Held", 3), ("In Timescale", 66.7), ("Late", 1)],
		)
		late = self.report("Review Timeliness", show_late_reviews=1)["result"]
		self.assertEqual([(r["name"], r["working_days_late"]) for r in late], [(self.r2.name, 3)])

	def test_people_are_named_in_the_desks_cells_the_charts_and_an_export(self):
		names = {user: frappe.db.get_value("User", user, "full_name") for user in (self.iro_a, self.iro_b)}
		frappe.local.response.pop("_link_titles", None)
		caseload = self.report("IRO Caseload", **TODAY)
		self.assertEqual(
			{user: frappe.local.response["_link_titles"][f"User::{user}"] for user in names}, names
		)
		self.assertEqual(caseload["chart"]["data"]["labels"], [names[self.iro_a], names[self.iro_b]])
		by_iro = self.report("Review Timeliness", group_by="IRO")
		self.assertEqual(by_iro["chart"]["data"]["labels"], [names[self.iro_a], names[self.iro_b]])
		self.assertEqual([r["grouping"] for r in by_iro["result"]], [self.iro_a, self.iro_b])
		frappe.form_dict.file_format_type = "CSV"
		self.addCleanup(frappe.form_dict.pop, "file_format_type", None)
		exported = self.report("IRO Caseload", **TODAY)["result"]
		self.assertEqual([r["allocated_iro"] for r in exported], [names[self.iro_a], names[self.iro_b]])

	def test_the_list_sidebar_counts_name_each_person(self):
		names = {user: frappe.db.get_value("User", user, "full_name") for user in (self.iro_a, self.iro_b)}
		counts = get_group_by_count("Looked After Child", json.dumps([["team", "=", TEAM]]), "allocated_iro")
		self.assertEqual({row["name"]: row["title"] for row in counts}, names)
		frappe.set_user(self.iro_a)
		mine = get_group_by_count("Looked After Child", "[]", "allocated_iro")
		self.assertEqual([(row["name"], row["title"]) for row in mine], [(self.iro_a, names[self.iro_a])])

	def test_a_restricted_iro_sees_only_their_children_in_every_report(self):
		frappe.set_user(self.iro_a)
		timeliness = self.report("Review Timeliness", group_by="IRO")["result"]
		self.assertEqual([r["grouping"] for r in timeliness], [self.iro_a])
		due = self.report("Reviews Due and Overdue")["result"]
		self.assertEqual({r["child"] for r in due}, {self.c1, self.c2})
		caseload = self.report("IRO Caseload", **TODAY)["result"]
		self.assertEqual([(r["allocated_iro"], r["children"]) for r in caseload], [(self.iro_a, 2)])
		journey = self.report("Care Plan RAG and Child Journey")["result"]
		self.assertEqual({r["child"] for r in journey}, {self.c1, self.c2})
		self.assertEqual(self.report("Care Plan RAG and Child Journey", child=self.c3)["result"], [])
		decisions = self.report("Decision Recording")["result"]
		self.assertEqual([r["iro"] for r in decisions], [self.iro_a])

	def test_participation_by_code_and_age_band(self):
		rows = {r["participation_code"]: r for r in self.report("Participation")["result"]}
		self.assertEqual((rows["PN0"]["age_0_3"], rows["PN0"]["reviews"]), (1, 1))
		self.assertEqual((rows["PN1"]["age_10_15"], rows["PN1"]["reviews"]), (2, 2))
		self.assertEqual(sum(r["reviews"] for r in rows.values()), 3)

	def test_participation_of_parents(self):
		parent = {"attendee_name": "Parent", "role": "Parent"}
		hold_review(
			self.child(self.iro_a, date(2026, 1, 5)),
			date(2026, 2, 10),
			chair=self.iro_a,
			care_plan_rag="Green",
			rag_narrative="x",
			attendees=[{**parent, "participation": "Contributed Another Way"}],
		)
		hold_review(
			self.child(self.iro_a, date(2026, 1, 5)),
			date(2026, 2, 11),
			chair=self.iro_a,
			care_plan_rag="Green",
			rag_narrative="x",
			attendees=[
				{
					**parent,
					"participation": "Excluded",
					"exclusion_reason": "Risk to the child",
					"alternative_contribution": "Wrote to the IRO",
				},
				{"attendee_name": "Carer", "role": "Carer", "participation": "Attended"},
			],
		)
		summary = {item["label"]: item["value"] for item in self.report("Participation")["report_summary"]}
		self.assertEqual(summary["Reviews Held"], 5)
		self.assertEqual(summary["Reviews a Parent Took Part In"], 20.0)
		self.assertEqual(summary["Reviews a Parent Was Excluded From"], 1)

	def test_care_plan_rag_movement_and_journey(self):
		rows = {
			r["child"]: r
			for r in self.report("Care Plan RAG and Child Journey", from_date="2025-10-01")["result"]
		}
		self.assertEqual(
			(rows[self.c3]["journey"], rows[self.c3]["movement"], rows[self.c3]["red_to_green"]),
			("Red → Green", "Improved", 1),
		)
		journey = self.report("Care Plan RAG and Child Journey", child=self.c1)["result"]
		self.assertEqual(
			[(r["record_type"], r["rag"]) for r in journey], [("Child Review", "Red"), ("IRO Dispute", None)]
		)

	def test_decision_recording_and_permanence(self):
		rows = {r["iro"]: r for r in self.report("Decision Recording")["result"]}
		self.assertEqual(
			(
				rows[self.iro_a]["held"],
				rows[self.iro_a]["decisions_in_time"],
				rows[self.iro_a]["distributed_in_time"],
			),
			(2, 1, 0),
		)
		permanence = {r["iro"]: r for r in self.report("Permanence and Progress")["result"]}
		self.assertEqual(
			(permanence[self.iro_b]["second_reviews"], permanence[self.iro_b]["percent_permanence"]),
			(1, 100.0),
		)
		self.assertEqual(permanence[self.iro_a]["open"], 2)

	def test_caseload_and_split_siblings(self):
		rows = {r["allocated_iro"]: r for r in self.report("IRO Caseload", **TODAY)["result"]}
		self.assertEqual((rows[self.iro_a]["children"], rows[self.iro_a]["split_sibling_groups"]), (2, 1))
		self.assertEqual((rows[self.iro_b]["children"], rows[self.iro_b]["band"]), (1, "Below range"))

	def test_dispute_tracker_and_due_report(self):
		disputes = self.report("Dispute Resolution Tracker")
		self.assertEqual(
			[(r["case_number"], r["current_stage"]) for r in disputes["result"]],
			[(frappe.db.get_value("Looked After Child", self.c1, "case_number"), "Informal")],
		)
		self.assertEqual(disputes["chart"]["data"]["datasets"][0]["values"], [1, 0, 0])
		due = {r["child"]: r for r in self.report("Reviews Due and Overdue")["result"]}
		self.assertEqual(due[self.c2]["planned_review"], self.planned.name)
		self.assertEqual(due[self.c1]["next_review_kind"], "Second")

	def test_practice_standards_compliance(self):
		self.r1.standards[0].outcome = "Not Met"
		self.r1.standards[0].note = "Child not seen"
		self.r1.standards[1].outcome = "Met"
		self.r1.save()
		rows = self.report("Practice Standards Compliance", group_by="Standard")["result"]
		by_standard = {r["grouping"]: r for r in rows}
		self.assertEqual(by_standard[self.r1.standards[0].practice_standard]["not_met"], 1)
		self.assertEqual(by_standard[self.r1.standards[1].practice_standard]["met"], 1)
		never_assessed = [r for r in rows if not (r["met"] or r["not_met"])]
		self.assertTrue(never_assessed)
		self.assertEqual({r["percent_met"] for r in never_assessed}, {None})
		self.assertEqual(by_standard[self.r1.standards[1].practice_standard]["percent_met"], 100.0)

	def test_cards_charts_and_reports_agree(self):
		self.assertEqual(cards.in_timescale_this_quarter()["value"], figures.in_timescale_percentage())
		summary = self.report("Review Timeliness")["report_summary"]
		in_timescale = next(s["value"] for s in summary if s["label"] == "In Timescale")
		self.assertEqual(in_timescale, figures.in_timescale_percentage({**PERIOD, "team": TEAM}))
		due_report = run("Reviews Due and Overdue", filters={})["report_summary"]
		self.assertEqual(cards.reviews_overdue()["value"], due_report[1]["value"])
		self.assertEqual(
			cards.open_disputes()["value"],
			len(frappe.get_list("IRO Dispute", {"status": ["not in", ["Resolved", "Withdrawn"]]})),
		)
		chart = cards.timeliness_by_month()
		start = add_months(date.today().replace(day=1), -11)
		months = figures.review_timeliness({"from_date": start, "to_date": date.today()}, "Month")
		self.assertEqual(chart["labels"], [cards.month_label(row["grouping"]) for row in months])
		self.assertEqual(cards.month_label("2026-11"), "Nov")
		frappe.local.lang = "cy"
		try:
			self.assertEqual(cards.month_label("2026-07"), "Gor")
		finally:
			frappe.local.lang = "en"
		self.assertEqual(chart["datasets"][0]["values"], [row["percent_in_timescale"] for row in months])
		frappe.set_user(self.iro_b)
		self.assertEqual(cards.open_disputes()["value"], 0)
		self.assertEqual(cards.open_disputes_by_stage()["datasets"][0]["values"], [])
		frappe.set_user("Guest")
		self.assertRaises(frappe.PermissionError, cards.reviews_overdue)

	def test_open_disputes_by_stage_follow_the_escalation_in_the_readers_language(self):
		chart = cards.open_disputes_by_stage()
		self.assertEqual(sum(chart["datasets"][0]["values"]), cards.open_disputes()["value"])
		stages = [stage.name for stage in get_site_timescales().dispute_stages]
		counted = list(figures.open_disputes_by_stage())
		self.assertIn("Informal", counted)
		self.assertEqual(
			counted, sorted(counted, key=lambda s: stages.index(s) if s in stages else len(stages))
		)
		frappe.local.lang = "cy"
		try:
			self.assertIn("Anffurfiol", cards.open_disputes_by_stage()["labels"])
		finally:
			frappe.local.lang = "en"

	def test_every_card_drills_down_to_the_records_it_counts(self):
		for method in (
			cards.reviews_overdue,
			cards.reviews_due_soon,
			cards.open_disputes,
			cards.progress_reviews_overdue,
		):
			data = method()
			filters = [[field, *condition] for field, condition in data["route_options"].items()]
			listed = frappe.get_list(data["route"][1], filters=filters, limit_page_length=0)
			self.assertEqual(len(listed), data["value"], method.__name__)
		self.assertGreater(cards.reviews_overdue()["value"], 0)
		self.assertEqual(cards.in_timescale_this_quarter()["route"], ["query-report", "Review Timeliness"])

	def test_due_report_counts_days_to_go_and_lists_preparation_not_done(self):
		recent = self.child(self.iro_a, add_days(getdate(), -3))
		due = {r["child"]: r for r in self.report("Reviews Due and Overdue")["result"]}
		self.assertGreater(due[recent]["days_to_go"], 0)
		self.assertEqual(due[self.c1]["days_to_go"], (due[self.c1]["next_review_due"] - getdate()).days)
		self.assertEqual(due[self.c2]["milestones_missed"], "Consultation, Invitations, Social worker report")
		self.planned.invitations_sent_on = self.planned.invitations_due
		self.planned.save()
		due = {r["child"]: r for r in self.report("Reviews Due and Overdue")["result"]}
		self.assertEqual(due[self.c2]["milestones_missed"], "Consultation, Social worker report")
		overdue = self.report("Reviews Due and Overdue", only_overdue=1)
		self.assertEqual({r["child"] for r in overdue["result"]}, {self.c1, self.c2, self.c3})
		self.assertEqual(overdue["report_summary"][1]["value"], 3)

	def test_care_plan_rag_rows_in_child_order_with_chart_and_summary(self):
		result = self.report("Care Plan RAG and Child Journey", from_date="2025-10-01")
		self.assertEqual([r["child"] for r in result["result"]], sorted([self.c1, self.c2, self.c3]))
		self.assertEqual(result["chart"]["data"]["datasets"][0]["values"], [1, 1, 1])
		self.assertEqual([s["value"] for s in result["report_summary"]], [3, 1, 0, 1])

	def test_dispute_funnel_counts_each_dispute_once_at_every_level_it_reached(self):
		dispute = frappe.get_doc(
			{
				"doctype": "IRO Dispute",
				"child": self.c3,
				"category": "Education",
				"issue": "x",
				"desired_outcome": "y",
				"raised_on": date(2026, 3, 2),
			}
		).insert()
		with workflow_switched_off("IRO Dispute"):
			for stage in ("Formal 1", "Formal 2", "Formal 3", "Formal 4", "Cafcass referral"):
				dispute.status = stage
				dispute.save()
		disputes = self.report("Dispute Resolution Tracker")
		self.assertEqual(disputes["chart"]["data"]["datasets"][0]["values"], [2, 1, 1])
		self.assertEqual([s["value"] for s in disputes["report_summary"]], [2, 2, 1, 1])
