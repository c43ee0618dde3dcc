"""Caseloads over a year, for the annual report: read from the allocation history the app keeps on
every change of IRO, so this year and last year are each their own, with a child reallocated
during the year and an IRO who joined mid-year."""

from datetime import date
from unittest.mock import patch

import frappe
from frappe.desk.query_report import run as run_report
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.annual_report import period_filters
from iro_standards.iro_standards.doctype.looked_after_child import looked_after_child
from iro_standards.patches import start_allocation_history
from iro_standards.tests.factories import (
	annual_report_figures,
	make_episode,
	make_looked_after_child,
	make_user,
)

TEAM = "Caseload Year Team"
YEAR = 2025


def history(child: str) -> list[tuple]:
	return [
		(row.iro, row.allocated_from, row.allocated_until)
		for row in frappe.get_doc("Looked After Child", child).iro_allocations
	]


def caseloads(year: int) -> tuple[dict, dict]:
	result = run_report(
		"IRO Caseload", filters={**period_filters(date(year, 4, 1), date(year + 1, 3, 31)), "team": TEAM}
	)
	rows = {row["allocated_iro"]: (row["average"], row["at_the_end"]) for row in result["result"]}
	return rows, {item["label"]: item["value"] for item in result["report_summary"]}


class TestCaseloadsOverTheYear(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.ada, self.ben, self.cai = (
			make_user(f"caseload.{name}@example.com", "IRO") for name in ("ada", "ben", "cai")
		)
		self.moved = make_looked_after_child(
			date(2024, 6, 3), allocated_iro=self.ada, iro_allocated_on=date(2024, 6, 5), team=TEAM
		)
		with patch.object(looked_after_child, "nowdate", return_value="2025-10-01"):
			child = frappe.get_doc("Looked After Child", self.moved.name)
			child.allocated_iro = self.ben
			child.save()
		self.joined = make_looked_after_child(
			date(2025, 12, 1), allocated_iro=self.cai, iro_allocated_on=date(2026, 1, 5), team=TEAM
		)
		left = make_looked_after_child(
			date(2026, 1, 10), allocated_iro=self.cai, iro_allocated_on=date(2026, 1, 12), team=TEAM
		)
		episode = frappe.get_doc("Care Episode", {"child": left.name})
		episode.update({"end_date": date(2026, 2, 10), "end_reason": "Returned Home"})
		episode.save()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_each_change_of_iro_is_kept_and_no_client_rewrites_it(self):
		self.assertEqual(
			history(self.moved.name),
			[(self.ada, date(2024, 6, 5), date(2025, 9, 30)), (self.ben, date(2025, 10, 1), None)],
		)
		for rewrite in (
			lambda child: child.iro_allocations[0].update({"iro": self.cai}),
			lambda child: child.iro_allocations[0].update({"allocated_until": date(2026, 3, 1)}),
			lambda child: child.append(
				"iro_allocations", {"iro": self.cai, "allocated_from": date(2024, 1, 1)}
			),
			lambda child: child.set("iro_allocations", []),
		):
			child = frappe.get_doc("Looked After Child", self.moved.name)
			rewrite(child)
			self.assertRaisesRegex(frappe.ValidationError, "kept by the app", child.save)
		frappe.clear_last_message()
		self.assertEqual(len(history(self.moved.name)), 2)

		child = frappe.get_doc("Looked After Child", self.moved.name)
		child.allocated_iro = None
		child.save()
		self.assertEqual(history(self.moved.name)[-1][2], frappe.utils.add_days(frappe.utils.getdate(), -1))

	def test_the_years_caseloads_are_each_years_own(self):
		this_year, summary = caseloads(YEAR)
		# 183 and 182 of 365 days; Cai held one child 86 days and another 30, from January
		self.assertEqual(this_year, {self.ada: (0.5, 0), self.ben: (0.5, 1), self.cai: (0.3, 1)})
		self.assertEqual((summary["IROs"], summary["Children"], summary["Average Caseload"]), (3, 2, 0.4))
		last_year, summary = caseloads(YEAR - 1)
		self.assertEqual(last_year, {self.ada: (0.8, 1)})
		self.assertEqual((summary["IROs"], summary["Children"]), (1, 1))

	def test_the_annual_report_shows_the_year_beside_the_year_before(self):
		figures = annual_report_figures(YEAR, TEAM, "IRO Caseload")
		self.assertEqual(figures["IROs"], (3, 1))
		self.assertEqual(figures["Children"], (2, 1))
		self.assertEqual(figures["Average Caseload"], (0.4, 0.8))
		self.assertEqual(figures["Changes of IRO"], (1, 0))
		self.assertEqual(figures["Children Whose IRO Changed"], (1, 0))

	def test_a_part_time_iros_caseload_is_scaled_to_a_full_time_post(self):
		settings = frappe.get_single("IRO Standards Settings")
		settings.append("iro_hours", {"iro": self.cai, "hours_a_week": 18.5})
		settings.save()
		result = run_report(
			"IRO Caseload", filters={**period_filters(date(YEAR, 4, 1), date(YEAR + 1, 3, 31)), "team": TEAM}
		)
		rows = {
			row["allocated_iro"]: (row["hours_a_week"], row["per_full_time_iro"]) for row in result["result"]
		}
		self.assertEqual(rows, {self.ada: (37, 0.5), self.ben: (37, 0.5), self.cai: (18.5, 0.6)})
		summary = {item["label"]: item["value"] for item in result["report_summary"]}
		# 1.3 children on average over 2.5 full-time posts
		self.assertEqual(summary["Caseload per Full-Time IRO"], 0.5)

	def test_contracted_hours_must_be_positive_and_listed_once(self):
		for rows, full_time, message in (
			([(self.cai, 0)], 37, "Row 1: the hours a week must be greater than zero"),
			([(self.cai, 20), (self.cai, 18)], 37, "Row 2: caseload.cai@example.com is listed twice"),
			([], 0, "Full-Time Hours a Week must be greater than zero"),
		):
			settings = frappe.get_single("IRO Standards Settings")
			settings.full_time_hours = full_time
			for iro, hours in rows:
				settings.append("iro_hours", {"iro": iro, "hours_a_week": hours})
			self.assertRaisesRegex(frappe.ValidationError, message, settings.save)
		frappe.clear_last_message()

	def test_a_period_needs_both_dates_in_order(self):
		for filters in ({"from_date": "2026-01-01"}, {"from_date": "2026-01-02", "to_date": "2026-01-01"}):
			with self.assertRaisesRegex(frappe.ValidationError, "Choose a period"):
				run_report("IRO Caseload", filters=filters)
		frappe.clear_last_message()


class TestAChildWithoutEpisodes(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()

	def test_an_allocated_child_never_looked_after_counts_nowhere(self):
		iro = make_user("caseload.dee@example.com", "IRO")
		child = make_looked_after_child(
			date(2025, 5, 1), allocated_iro=iro, iro_allocated_on=date(2025, 5, 2), team=TEAM
		)
		frappe.db.delete("Care Episode", {"child": child.name})
		self.assertEqual(caseloads(YEAR)[0], {})
		make_episode(child.name, date(2025, 5, 1))
		self.assertIn(iro, caseloads(YEAR)[0])

	def test_children_allocated_before_the_history_existed_start_it_from_their_allocation(self):
		iro = make_user("caseload.eve@example.com", "IRO")
		child = make_looked_after_child(
			date(2025, 5, 1), allocated_iro=iro, iro_allocated_on=date(2025, 5, 6)
		)
		unallocated = make_looked_after_child(date(2025, 5, 1))
		frappe.db.delete("IRO Allocation Period", {"parent": ("in", [child.name, unallocated.name])})
		start_allocation_history.execute()
		start_allocation_history.execute()
		self.assertEqual(history(child.name), [(iro, date(2025, 5, 6), None)])
		self.assertEqual(history(unallocated.name), [])
