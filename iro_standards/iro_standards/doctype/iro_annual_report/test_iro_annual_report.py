# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

"""The IRO annual report: its figures are the reports' own, for the year beside the year before,
kept as a snapshot that later changes do not touch; it goes to the head of service for approval
and prints as a PDF in English and Welsh. An IRO cannot read it or make it."""

import html
import json
from collections import Counter
from datetime import date

import frappe
from frappe.desk.query_report import run as run_report
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.annual_report import (
	ANNUAL_REPORTS,
	SERVICE_WIDE_REPORTS,
	headline_figures,
	period_filters,
)
from iro_standards.tests.factories import hold_review, make_looked_after_child, make_user
from iro_standards.tests.live_server import LiveServerTestCase, pdf_of

YEAR = 2025
REPORT = "IRO Annual Report"


def make_report(**values):
	frappe.db.delete(REPORT, {"reporting_year": YEAR})
	return frappe.get_doc({"doctype": REPORT, "reporting_year": YEAR, **values}).insert()


def service_figures(report) -> dict[tuple[str, str], tuple[float, float]]:
	return {
		(row.report, row.measure): (row.this_year, row.previous_year)
		for row in report.figures
		if not row.team
	}


class TestIROAnnualReport(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.child = make_looked_after_child(date(2025, 5, 1), team="Annual Team East")
		hold_review(self.child.name, date(2025, 5, 28), participation_code="PN1")
		frappe.get_doc(
			{
				"doctype": "IRO Dispute",
				"child": self.child.name,
				"category": "Health",
				"issue": "Dental care",
				"desired_outcome": "Registered with a dentist",
				"raised_on": date(2025, 6, 2),
			}
		).insert()
		earlier = make_looked_after_child(date(2024, 6, 3), team="Annual Team East")
		hold_review(earlier.name, date(2024, 7, 1), participation_code="PN5")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_the_figures_are_the_reports_own_for_the_year_and_the_year_before(self):
		report = make_report()
		report.generate_figures()
		figures = service_figures(report)
		for year, column in ((2025, 0), (2024, 1)):
			filters = period_filters(date(year, 4, 1), date(year + 1, 3, 31))
			for name in ANNUAL_REPORTS:
				for figure in headline_figures(name, filters):
					with self.subTest(report=name, measure=figure["measure"], year=year):
						self.assertEqual(figures[(name, figure["measure"])][column], figure["value"])
		summary = run_report("Participation", filters=period_filters(date(2025, 4, 1), date(2026, 3, 31)))
		shown = {item["label"]: item["value"] for item in summary["report_summary"]}
		self.assertTrue(shown)
		for measure, value in shown.items():
			self.assertEqual(figures[("Participation", measure)][0], value or 0)
		self.assertTrue(any(row.team == "Annual Team East" for row in report.figures))
		self.assertGreaterEqual(figures[("Participation", "PN1 · Age 10-15")][0], 1)
		self.assertGreaterEqual(figures[("Participation", "PN5 · Age 10-15")][1], 1)
		self.assertGreaterEqual(figures[("Dispute Resolution Tracker", "Category: Health")][0], 1)
		self.assertGreaterEqual(figures[("Review Timeliness", "Children Reviewed")][0], 1)

	def test_child_protection_and_practice_standards_are_service_wide_and_the_active_offer_is_welsh(self):
		report = make_report()
		report.generate_figures()
		reports = {(row.report, bool(row.team)) for row in report.figures}
		for name in SERVICE_WIDE_REPORTS:
			self.assertIn((name, False), reports)
			self.assertNotIn((name, True), reports)
		self.assertNotIn("Welsh Active Offer", {name for name, _team in reports})

		settings = frappe.get_single("IRO Standards Settings")
		settings.jurisdiction = "Wales"
		settings.save()
		report.generate_figures()
		reports = {(row.report, bool(row.team)) for row in report.figures}
		self.assertTrue({("Welsh Active Offer", False), ("Welsh Active Offer", True)} <= reports)

	def test_the_snapshot_stays_as_generated_when_the_records_change(self):
		report = make_report()
		report.generate_figures()
		taken = (report.snapshot, service_figures(report))
		later = make_looked_after_child(date(2025, 6, 2), team="Annual Team East")
		hold_review(later.name, date(2025, 6, 30))
		report.reload()
		self.assertEqual((report.snapshot, service_figures(report)), taken)
		self.assertIn("this_year", json.loads(report.snapshot))

	def test_figures_cannot_be_written_by_hand(self):
		report = make_report()
		report.generate_figures()
		report.reload()
		report.figures[0].this_year = 999
		with self.assertRaisesRegex(frappe.ValidationError, "Generate Figures"):
			report.save()
		report.reload()
		report.snapshot = "{}"
		with self.assertRaisesRegex(frappe.ValidationError, "Generate Figures"):
			report.save()
		with self.assertRaisesRegex(frappe.ValidationError, "Generate Figures"):
			frappe.get_doc(
				{
					"doctype": REPORT,
					"reporting_year": 2019,
					"figures": [{"report": "Participation", "measure": "Reviews Held", "this_year": 5}],
				}
			).insert()
		report.reload()
		report.themes = "<p>Edited narrative</p>"
		report.save()
		self.assertNotEqual(
			frappe.db.get_value("IRO Annual Report Figure", {"parent": report.name, "idx": 1}, "this_year"),
			999,
		)

	def test_the_head_of_service_approves_and_then_the_figures_are_fixed(self):
		manager = make_user("annual.manager@example.com", "IRO Manager")
		head = make_user("annual.head@example.com", "Head of Service")
		frappe.set_user(manager)
		report = make_report(themes="<p>Participation rose.</p>")
		with self.assertRaises(frappe.ValidationError):
			apply_workflow(report, "Send for Approval")
		report.generate_figures()
		report = apply_workflow(report.as_dict(), "Send for Approval")
		with self.assertRaises(frappe.ValidationError):
			apply_workflow(report, "Approve")
		frappe.set_user(head)
		report = apply_workflow(report, "Approve")
		self.assertEqual((report.status, report.docstatus), ("Approved", 1))
		with self.assertRaisesRegex(frappe.ValidationError, "draft"):
			frappe.get_doc(REPORT, report.name).generate_figures()
		approved = frappe.get_doc(REPORT, report.name)
		approved.update({"presented_to": "Corporate Parenting Board", "presented_on": date(2026, 1, 5)})
		self.assertRaisesRegex(frappe.ValidationError, "after the year ends", approved.save)
		approved.reload()
		approved.update({"presented_to": "Corporate Parenting Board", "presented_on": date(2026, 7, 9)})
		approved.save()
		self.assertEqual(frappe.db.get_value(REPORT, report.name, "presented_on"), date(2026, 7, 9))

	def test_resources_and_the_board_it_went_to_are_recorded_and_printed(self):
		report = make_report(
			funded_iro_posts=8,
			filled_iro_posts=6.5,
			agency_iros=2,
			resources_narrative="<p>Two posts covered by agency IROs.</p>",
			presented_to="Corporate Parenting Board",
		)
		report.presented_on = date(2026, 3, 31)
		self.assertRaisesRegex(frappe.ValidationError, "after the year ends", report.save)
		frappe.clear_last_message()
		report.reload()
		report.presented_on = date(2026, 6, 18)
		report.save()
		english = html.unescape(frappe.get_print(REPORT, report.name, "IRO Annual Report"))
		self.assertIn("Funded IRO Posts (Full-Time Equivalent)</td><td>8</td>", english)
		self.assertIn("Filled IRO Posts (Full-Time Equivalent)</td><td>6.5</td>", english)
		self.assertIn("Two posts covered by agency IROs.", english)
		self.assertIn(
			f"Presented to Corporate Parenting Board · {frappe.utils.formatdate(date(2026, 6, 18))}", english
		)
		self.assertNotIn("Business Support Posts", english)
		frappe.local.lang = "cy"
		try:
			welsh = html.unescape(frappe.get_print(REPORT, report.name, "IRO Annual Report"))
		finally:
			frappe.local.lang = "en"
		self.assertIn("Swyddi SAA a Ariennir (Cyfwerth ag Amser Llawn)", welsh)
		self.assertIn("Cyflwynwyd i Corporate Parenting Board", welsh)

	def test_it_prints_with_its_charts_as_a_pdf_in_english_and_in_welsh(self):
		report = make_report(priorities="<p>Every child knows their IRO.</p>")
		report.generate_figures()
		english = html.unescape(frappe.get_print(REPORT, report.name, "IRO Annual Report"))
		self.assertIn("Every child knows their IRO.", english)
		self.assertIn("Review Timeliness", english)
		self.assertIn("background: #2c5f8a", english)
		self.assertIn("Figures are numbers of records unless marked % or working days", english)
		percentages = [row for row in report.figures if not row.team and row.unit == "%" and row.this_year]
		self.assertTrue(percentages)
		self.assertIn(f"<td>{percentages[0].this_year:g}%</td>", english)
		service = [row for row in report.figures if not row.team]
		named_once = Counter(row.measure for row in service)
		left_out = [
			r.measure for r in service if not (r.this_year or r.previous_year) and named_once[r.measure] == 1
		]
		self.assertTrue(left_out)
		for measure in left_out:
			self.assertNotIn(f"<td>{measure}</td>", english, measure)
		frappe.local.lang = "cy"
		try:
			welsh = html.unescape(frappe.get_print(REPORT, report.name, "IRO Annual Report"))
		finally:
			frappe.local.lang = "en"
		self.assertIn(frappe._("Review Timeliness", "cy"), welsh)
		self.assertIn("PN1 · " + frappe._("Age {0}", "cy").format("10-15"), welsh)
		self.assertNotIn(">Review Timeliness<", welsh)
		pdf = pdf_of(REPORT, report.name, "IRO Annual Report")
		self.assertTrue(pdf.startswith(b"%PDF"))


class TestAnnualReportOverHttp(LiveServerTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro = cls.make_login("http.annual.iro@example.com", "IRO")
		frappe.db.delete(REPORT, {"reporting_year": YEAR})
		cls.report = frappe.get_doc(
			{"doctype": REPORT, "reporting_year": YEAR, "themes": "secret themes"}
		).insert()
		cls.serve()

	@classmethod
	def tearDownClass(cls):
		frappe.db.delete(REPORT, {"name": cls.report.name})
		frappe.db.commit()
		super().tearDownClass()

	def test_an_iro_can_neither_read_nor_generate_nor_make_the_report(self):
		session = self.session(self.iro)
		for path in (f"/api/resource/{REPORT}/{self.report.name}", f"/api/resource/{REPORT}"):
			response = self.get(session, path)
			self.assertEqual(response.status_code, 403, path)
			self.assertNotIn("secret themes", response.text)
		printed = self.get(session, "/printview", doctype=REPORT, name=self.report.name, format=REPORT)
		self.assertNotIn("secret themes", printed.text)
		generated = self.post(
			session,
			"/api/method/iro_standards.iro_standards.doctype.iro_annual_report.iro_annual_report.generate_figures",
			name=self.report.name,
		)
		self.assertEqual(generated.status_code, 403)
		created = session.post(
			f"{self.base}/api/resource/{REPORT}", json={"reporting_year": 2019}, timeout=30
		)
		self.assertEqual(created.status_code, 403)
		frappe.db.rollback()
		self.assertIsNone(frappe.db.get_value(REPORT, self.report.name, "figures_generated_on"))
		self.assertFalse(frappe.db.exists(REPORT, {"reporting_year": 2019}))
