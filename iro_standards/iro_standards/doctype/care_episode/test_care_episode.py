# Copyright (c) 2026, iro_standards contributors and Contributors
# See license.txt

from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.tests.factories import hold_review, make_child, make_episode


class TestCareEpisode(FrappeTestCase):
	def setUp(self):
		self.child = make_child()

	def tearDown(self):
		frappe.db.rollback()

	def assert_refused(self, message, **values):
		before = frappe.db.count("Care Episode")
		with self.assertRaisesRegex(frappe.ValidationError, message):
			make_episode(self.child.name, **values)
		frappe.clear_last_message()
		self.assertEqual(frappe.db.count("Care Episode"), before)

	def test_timescales_of_a_new_episode(self):
		episode = make_episode(self.child.name, date(2025, 12, 20))
		self.assertRegex(episode.name, r"^EPI-\d{4}-\d{5}$")
		self.assertEqual(
			(episode.is_open, episode.first_review_due, episode.pep_due),
			(1, date(2026, 1, 21), date(2026, 1, 21)),
		)

	def test_a_second_open_episode_is_refused(self):
		make_episode(self.child.name, date(2025, 1, 6))
		self.assert_refused("already has an open care episode", start_date=date(2025, 6, 1))

	def test_overlapping_episodes_are_refused(self):
		make_episode(
			self.child.name, date(2025, 1, 6), end_date=date(2025, 5, 30), end_reason="Returned Home"
		)
		self.assert_refused("overlaps the child's episode", start_date=date(2025, 5, 30))
		make_episode(self.child.name, date(2025, 6, 2))

	def test_dates_are_checked(self):
		self.assert_refused("cannot be in the future", start_date=date(2099, 1, 1))
		self.assert_refused(
			"cannot be before the date the child became looked after",
			start_date=date(2025, 6, 1),
			end_date=date(2025, 5, 1),
			end_reason="Adopted",
		)
		self.assert_refused(
			"Record why the child ceased", start_date=date(2025, 1, 6), end_date=date(2025, 5, 1)
		)

	def test_a_date_the_engine_cannot_count_is_refused_with_a_message(self):
		self.assert_refused(r"Became Looked After \(.*\) must fall between", start_date=date(1999, 6, 1))

	def test_an_episode_with_reviews_cannot_be_deleted(self):
		episode = make_episode(self.child.name, date(2025, 12, 20))
		hold_review(self.child.name, date(2026, 1, 19))
		self.assertRaisesRegex(
			frappe.ValidationError, "has reviews", frappe.delete_doc, "Care Episode", episode.name
		)


class TestPlacementHistory(FrappeTestCase):
	def setUp(self):
		self.child = make_child()
		self.episode = make_episode(
			self.child.name, date(2025, 12, 20), placement_type="Foster Care", placement_provider="Northfield"
		)

	def tearDown(self):
		frappe.db.rollback()

	def move(self, moved_on, placement_type="Children's Home", reason="Carer Requested"):
		self.episode.append(
			"placements",
			{"moved_on": moved_on, "placement_type": placement_type, "reason_for_change": reason},
		)
		self.episode.save()

	def test_an_episode_starts_its_history_from_its_first_placement(self):
		self.assertEqual(
			[(r.moved_on, r.placement_type, r.placement_provider) for r in self.episode.placements],
			[(date(2025, 12, 20), "Foster Care", "Northfield")],
		)

	def test_a_move_is_kept_as_history_and_becomes_the_current_placement(self):
		self.move(date(2026, 3, 2))
		self.episode.reload()
		self.assertEqual(
			[(r.moved_on, r.placement_type) for r in self.episode.placements],
			[(date(2025, 12, 20), "Foster Care"), (date(2026, 3, 2), "Children's Home")],
		)
		self.assertEqual(
			(self.episode.placement_type, self.episode.placement_provider, self.episode.placement_start),
			("Children's Home", None, date(2026, 3, 2)),
		)

	def test_a_move_needs_its_reason_and_a_date_within_the_episode(self):
		self.assertRaisesRegex(
			frappe.ValidationError, "record the reason for the move", self.move, date(2026, 3, 2), reason=None
		)
		self.episode.reload()
		self.assertRaisesRegex(frappe.ValidationError, "cannot be before", self.move, date(2025, 12, 1))

	def test_the_current_placement_is_not_overwritten_without_a_move(self):
		self.episode.placement_type = "Kinship Care"
		self.assertRaisesRegex(frappe.ValidationError, "Record a move in Placements", self.episode.save)
		self.assertEqual(
			frappe.db.get_value("Care Episode", self.episode.name, "placement_type"), "Foster Care"
		)
