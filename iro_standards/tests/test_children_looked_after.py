"""The profile of the children looked after, for a period and in the annual report: those looked
after during it, those who started and stopped, and those on its last day by age group, sex,
ethnicity, legal status and placement type, as far as the reader may see."""

from datetime import date

import frappe
from frappe.desk.query_report import run as run_report
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.annual_report import period_filters
from iro_standards.tests.factories import annual_report_figures, make_child, make_episode, make_user

TEAM = "Profile Team"
YEAR = 2025


def profile(**filters) -> tuple[dict, dict]:
	result = run_report(
		"Children Looked After",
		filters={**period_filters(date(YEAR, 4, 1), date(YEAR + 1, 3, 31)), "team": TEAM, **filters},
	)
	rows = {row["measure"]: row["children"] for row in result["result"]}
	return rows, {item["label"]: item["value"] for item in result["report_summary"]}


class TestChildrenLookedAfter(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.iro = make_user("profile.iro@example.com", "IRO")
		girl = make_child(
			date_of_birth=date(2010, 6, 1),
			sex_code="F",
			ethnicity_code="WBRI",
			team=TEAM,
			allocated_iro=self.iro,
			iro_allocated_on=date(2025, 5, 2),
		)
		make_episode(girl.name, date(2025, 5, 1))
		baby = make_child(date_of_birth=date(2025, 9, 1), sex_code="M", team=TEAM)
		make_episode(baby.name, date(2025, 10, 1), placement_type="Children's Home")
		for start, end in ((date(2025, 6, 1), date(2025, 12, 1)), (date(2024, 1, 1), date(2025, 3, 1))):
			episode = make_episode(make_child(team=TEAM).name, start)
			episode.update({"end_date": end, "end_reason": "Returned Home"})
			episode.save()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_the_children_on_the_last_day_by_each_part_of_their_profile(self):
		rows, summary = profile()
		self.assertEqual(
			rows,
			{
				"Age: 10 to 15": 1,
				"Age: Under 1": 1,
				"Ethnicity: Not recorded": 1,
				"Ethnicity: WBRI": 1,
				"Legal Status: Interim Care Order": 2,
				"Placement Type: Children's Home": 1,
				"Placement Type: Foster Care": 1,
				"Sex: Female": 1,
				"Sex: Male": 1,
			},
		)
		self.assertEqual(
			summary,
			{
				"Looked After During the Period": 3,
				"Looked After at the End": 2,
				"Started Being Looked After": 3,
				"Stopped Being Looked After": 1,
			},
		)

	def test_the_profile_reads_in_order_the_ages_youngest_first(self):
		result = run_report(
			"Children Looked After",
			filters={**period_filters(date(YEAR, 4, 1), date(YEAR + 1, 3, 31)), "team": TEAM},
		)
		measures = [row["measure"] for row in result["result"]]
		self.assertEqual(measures[:4], ["Age: Under 1", "Age: 10 to 15", "Sex: Female", "Sex: Male"])
		self.assertEqual(measures[-1], "Placement Type: Foster Care")

	def test_an_iro_sees_the_profile_of_their_own_children_only(self):
		frappe.set_user(self.iro)
		rows, summary = profile()
		self.assertEqual(summary["Looked After at the End"], 1)
		self.assertEqual(rows["Sex: Female"], 1)
		self.assertNotIn("Sex: Male", rows)

	def test_the_annual_report_carries_the_profile_for_the_year(self):
		figures = annual_report_figures(YEAR, TEAM, "Children Looked After")
		self.assertEqual(figures["Age: Under 1"], (1, 0))
		self.assertEqual(figures["Looked After During the Period"], (3, 1))

	def test_a_period_needs_both_dates_in_order(self):
		with self.assertRaisesRegex(frappe.ValidationError, "Choose a period"):
			run_report("Children Looked After", filters={"from_date": "2026-01-02", "to_date": "2026-01-01"})
		frappe.clear_last_message()
