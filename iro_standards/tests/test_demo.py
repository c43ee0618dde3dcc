from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils.password import check_password

from iro_standards import demo
from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.tests.factories import make_looked_after_child, make_user

CHILD_RECORDS = ("Care Episode", "Child Review", "Progress Review", "IRO Contact", "IRO Dispute")


class TestDemoService(FrappeTestCase):
	def setUp(self):
		self.site_child = make_looked_after_child(date(2026, 1, 5)).name
		frappe.db.commit()
		self.addCleanup(frappe.db.commit)
		self.addCleanup(delete_child_and_records, self.site_child)
		self.addCleanup(demo.clear)

	def assert_children_on_other_clocks(self, children: list[str]) -> None:
		records = frappe.get_all(
			"Looked After Child",
			filters={"name": ("in", children)},
			fields=[
				"name",
				"review_regime",
				"eligible_care_leaver_from",
				"personal_adviser",
				"looked_after_parent",
				"allocated_iro",
			],
		)
		regimes = [record.review_regime for record in records]
		self.assertIn("Short Breaks", regimes)
		self.assertIn("Placed for Adoption", regimes)
		leaver = next(record for record in records if record.personal_adviser)
		self.assertTrue(leaver.eligible_care_leaver_from)
		baby = next(record for record in records if record.looked_after_parent)
		mother = frappe.db.get_value(
			"Looked After Child", baby.looked_after_parent, ["is_mother", "allocated_iro"]
		)
		self.assertEqual(mother[0], 1)
		self.assertNotEqual(mother[1], baby.allocated_iro)

	def test_make_builds_a_service_people_can_sign_in_to_and_clear_removes_exactly_it(self):
		demo.make(children=6, seed=7)

		settings = frappe.get_single("IRO Standards Settings")
		self.assertEqual(settings.advocacy_service, demo.DEMO_ADVOCACY)
		terms = [(row.term, row.start_date, row.end_date) for row in settings.school_terms]
		self.assertEqual(len(terms), 9)
		self.assertTrue(all(term.startswith("Demo: ") for term, _start, _end in terms))
		code, _name, area_postcodes = demo.DEMO_AREAS["england"]
		self.assertEqual(settings.local_authority_code, code)

		children = demo.demo_children()
		self.assertEqual(len(children), 6 + len(demo.OTHER_CLOCKS))
		with_peps = frappe.get_all(
			"PEP Meeting", {"parenttype": "Looked After Child", "parent": ("in", children)}, pluck="parent"
		)
		self.assertTrue(with_peps)
		for child in set(with_peps):
			due = frappe.db.get_value("Looked After Child", child, "pep_due")
			self.assertTrue(
				due is None or due >= frappe.utils.add_days(frappe.utils.getdate(), -200), (child, due)
			)
		self.assertEqual(
			sorted(frappe.get_all("Looked After Child", {"name": ("in", children)}, pluck="case_number")),
			[f"DEMO-{n:04d}" for n in range(1, 7 + len(demo.OTHER_CLOCKS))],
		)
		self.assert_children_on_other_clocks(children)
		self.assertGreater(frappe.db.count("Child Review", {"child": ("in", children), "docstatus": 1}), 6)
		self.assertEqual(frappe.db.count("Care Episode", {"child": ("in", children)}), len(children))
		moves = {"parenttype": "Care Episode", "parent": ("in", demo_episodes(children))}
		postcodes = frappe.get_all("Placement Move", filters=moves, pluck="placement_postcode", distinct=True)
		self.assertTrue(set(filter(None, postcodes)) <= set(area_postcodes), postcodes)
		for move in frappe.get_all(
			"Placement Move", filters={**moves, "placement_code": "K3"}, fields=["parent", "moved_on"]
		):
			child = frappe.db.get_value("Care Episode", move.parent, "child")
			born = frappe.db.get_value("Looked After Child", child, "date_of_birth")
			self.assertGreaterEqual(frappe.utils.date_diff(move.moved_on, born), 16 * 365)
		users = demo.demo_users()
		self.assertEqual(len(users), 21)
		roles = {role for user in users for role in frappe.get_roles(user)}
		self.assertTrue(
			{"IRO", "IRO Manager", "Team Manager", "Social Worker", "Safeguarding Admin"} <= roles
		)
		self.assertEqual(check_password(demo.DEMO_ADMIN, demo.DEMO_PASSWORD), demo.DEMO_ADMIN)
		for doctype in demo.WORKFLOW_DOCTYPES:
			self.assertTrue(frappe.db.get_value("Workflow", {"document_type": doctype}, "is_active"))
		self.assertRaisesRegex(frappe.ValidationError, "already on this site", demo.make, children=1)

		demo.clear()

		self.assertEqual(demo.demo_users(), [])
		for doctype in CHILD_RECORDS:
			self.assertEqual(frappe.db.count(doctype, {"child": ("in", children)}), 0, doctype)
		self.assertFalse(frappe.db.exists("Looked After Child", {"name": ("in", children)}))
		self.assertTrue(frappe.db.exists("Looked After Child", self.site_child))
		self.assertTrue(frappe.db.exists("Care Episode", {"child": self.site_child}))
		settings.reload()
		self.assertEqual((settings.school_terms, settings.advocacy_service), ([], None))
		self.assertIsNone(settings.local_authority_code)

	def test_only_a_system_manager_builds_or_clears_it(self):
		frappe.set_user(make_user("demo.iro@example.com", "IRO"))
		self.addCleanup(frappe.set_user, "Administrator")
		self.assertRaises(frappe.PermissionError, demo.make, children=1)
		self.assertRaises(frappe.PermissionError, demo.clear)


def demo_episodes(children: list[str]) -> list[str]:
	return frappe.get_all("Care Episode", {"child": ("in", children)}, pluck="name")
