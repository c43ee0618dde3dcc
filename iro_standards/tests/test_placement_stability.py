"""The Placement Stability report on a real site: the DfE's measures from the placements recorded
on the children's episodes, a year before beside them, and only the children the reader may see."""

from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.report.placement_stability.placement_stability import execute
from iro_standards.tests.factories import make_child, make_episode, make_user

MARCH_31 = date(2026, 3, 31)


def placement(day, kind="Foster Care", provider="Northfield Fostering", reason=""):
	return {
		"moved_on": day,
		"placement_type": kind,
		"placement_provider": provider,
		"reason_for_change": reason,
	}


class TestPlacementStability(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro = make_user("stability.iro@example.com", "IRO")
		cls.other_iro = make_user("stability.other@example.com", "IRO")
		frappe.db.commit()

	def setUp(self):
		moving = make_child(allocated_iro=self.iro, team="Stability", date_of_birth=date(2014, 2, 1))
		make_episode(
			moving.name,
			date(2025, 1, 6),
			placements=[
				placement(date(2025, 1, 6)),
				placement(
					date(2025, 6, 2),
					provider="Glan-y-Môr Home",
					kind="Children's Home",
					reason="Carer Requested",
				),
				placement(date(2025, 11, 3), provider="Family and Friends", reason="Change to the Care Plan"),
			],
		)
		settled = make_child(allocated_iro=self.iro, team="Stability", date_of_birth=date(2015, 6, 1))
		make_episode(settled.name, date(2022, 1, 10), placements=[placement(date(2022, 1, 10))])

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def rows_for(self, user: str, **filters) -> dict:
		frappe.set_user(user)
		try:
			return {
				row["group"]: row for row in execute({"on_date": MARCH_31, "team": "Stability", **filters})[1]
			}
		finally:
			frappe.set_user("Administrator")

	def test_each_measure_on_the_day_and_a_year_before(self):
		row = self.rows_for(self.iro)[self.iro]
		self.assertEqual(
			{
				key: row[key]
				for key in ("children", "many_placements", "long_term_pct", "moves_per_child", "unplanned")
			},
			{
				"children": 2,
				"many_placements": 1,
				"long_term_pct": 100.0,
				"moves_per_child": 1.0,
				"unplanned": 1,
			},
		)
		self.assertEqual(
			(
				row["children_before"],
				row["many_placements_before"],
				row["moves_per_child_before"],
				row["unplanned_before"],
			),
			(2, 0, 0.0, 0),
		)

	def test_by_age_band_and_by_team(self):
		by_age = self.rows_for(self.iro, group_by="Age Band")
		self.assertEqual(
			{band: row["children"] for band, row in by_age.items()}, {"10 to 15": 2, "5 to 9": None}
		)
		self.assertEqual(by_age["5 to 9"]["children_before"], 1)
		self.assertEqual(self.rows_for(self.iro, group_by="Team")["Stability"]["many_placements"], 1)

	def test_an_iro_sees_only_the_children_allocated_to_them(self):
		self.assertEqual(self.rows_for(self.other_iro), {})

	def test_a_grouping_the_report_does_not_know_is_refused(self):
		self.assertRaisesRegex(
			frappe.ValidationError, "Group By must be one of", self.rows_for, self.iro, group_by="Name"
		)
