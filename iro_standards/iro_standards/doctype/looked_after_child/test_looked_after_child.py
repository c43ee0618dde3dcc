# Copyright (c) 2026, iro_standards contributors and Contributors
# See license.txt

from datetime import date

import frappe
from frappe.desk.form.load import get_docinfo, getdoc
from frappe.permissions import setup_custom_perms
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.child_timeline import child_file_events
from iro_standards.iro_standards.people import users_with_role
from iro_standards.permissions import CHILD
from iro_standards.tests.factories import hold_review, make_child, make_looked_after_child, make_user


class TestLookedAfterChild(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro_a = make_user("iro.a@example.com", "IRO")
		cls.iro_b = make_user("iro.b@example.com", "IRO")
		frappe.db.commit()

	def tearDown(self):
		frappe.db.rollback()
		frappe.clear_cache(doctype="Looked After Child")

	def test_name_title_and_status_before_any_episode(self):
		child = make_child(first_name=" Megan ", last_name="Jones")
		self.assertRegex(child.name, r"^CHILD-\d{5}$")
		self.assertEqual((child.full_name, child.status), ("Megan Jones", "Not Yet Looked After"))

	def test_case_number_is_unique(self):
		make_child(case_number="LA-1001")
		self.assertRaises(frappe.UniqueValidationError, make_child, case_number="LA-1001")

	def test_date_of_birth_in_the_future_is_refused_and_nothing_is_saved(self):
		before = frappe.db.count("Looked After Child")
		with self.assertRaisesRegex(frappe.ValidationError, "Date of Birth .* cannot be in the future"):
			make_child(date_of_birth=date(2099, 1, 1))
		self.assertEqual(frappe.db.count("Looked After Child"), before)

	def test_iro_allocation_within_three_working_days(self):
		child = make_child(
			allocated_iro=self.iro_a, iro_notified_on=date(2025, 12, 24), iro_allocated_on=date(2025, 12, 31)
		)
		self.assertEqual((child.iro_allocation_due, child.allocated_in_time), (date(2025, 12, 31), 1))
		child.iro_allocated_on = date(2026, 1, 2)
		child.save()
		self.assertEqual(child.allocated_in_time, 0)
		child.iro_allocated_on = date(2025, 12, 23)
		self.assertRaisesRegex(
			frappe.ValidationError, "cannot be before the date the service was notified", child.save
		)

	def test_siblings_share_an_iro_unless_a_reason_is_recorded(self):
		make_child(sibling_group="SG-7", allocated_iro=self.iro_a, iro_allocated_on=date(2026, 1, 5))
		with self.assertRaisesRegex(frappe.ValidationError, "Siblings in group SG-7 have a different IRO"):
			make_child(sibling_group="SG-7", allocated_iro=self.iro_b, iro_allocated_on=date(2026, 1, 5))
		same = make_child(sibling_group="SG-7", allocated_iro=self.iro_a, iro_allocated_on=date(2026, 1, 5))
		self.assertTrue(same.name)
		different = make_child(
			sibling_group="SG-7",
			allocated_iro=self.iro_b,
			iro_allocated_on=date(2026, 1, 5),
			different_iro_reason="Sibling placed out of area with a local IRO",
		)
		self.assertEqual(different.allocated_iro, self.iro_b)

	def test_a_label_renamed_in_customize_form_is_used_in_the_message(self):
		frappe.make_property_setter(
			{
				"doctype": "Looked After Child",
				"fieldname": "different_iro_reason",
				"property": "label",
				"value": "Why Not the Siblings' IRO",
			}
		)
		make_child(sibling_group="SG-8", allocated_iro=self.iro_a, iro_allocated_on=date(2026, 1, 5))
		with self.assertRaisesRegex(frappe.ValidationError, "Why Not the Siblings' IRO"):
			make_child(sibling_group="SG-8", allocated_iro=self.iro_b, iro_allocated_on=date(2026, 1, 5))

	def test_a_custom_field_does_not_break_saving(self):
		"""Adding and dropping a column commits (DDL), so this test removes what it made."""
		frappe.get_doc(
			{
				"doctype": "Custom Field",
				"dt": "Looked After Child",
				"fieldname": "school",
				"label": "School",
				"fieldtype": "Data",
				"insert_after": "first_name",
			}
		).insert()
		child = make_child(school="Ysgol Gymraeg")
		self.assertEqual(frappe.db.get_value("Looked After Child", child.name, "school"), "Ysgol Gymraeg")
		frappe.delete_doc("Looked After Child", child.name, delete_permanently=True)
		frappe.db.delete("Custom Field", {"dt": "Looked After Child", "fieldname": "school"})
		frappe.db.sql_ddl("alter table `tabLooked After Child` drop column `school`")

	def test_only_a_system_manager_can_delete_and_the_deletion_is_kept(self):
		manager = make_user("iro.manager@example.com", "IRO Manager")
		child = make_child()
		frappe.set_user(manager)
		try:
			self.assertRaises(frappe.PermissionError, frappe.delete_doc, "Looked After Child", child.name)
		finally:
			frappe.set_user("Administrator")
		frappe.delete_doc("Looked After Child", child.name)
		self.assertTrue(
			frappe.db.exists(
				"Deleted Document", {"deleted_doctype": "Looked After Child", "deleted_name": child.name}
			)
		)


class TestAllocatedPeople(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro = make_user("people.iro@example.com", "IRO")
		cls.social_worker = make_user("people.sw@example.com", "Social Worker")
		cls.team_manager = make_user("people.tm@example.com", "Team Manager")
		frappe.db.commit()

	def tearDown(self):
		frappe.db.rollback()

	def test_each_field_accepts_only_holders_of_its_role(self):
		self.assertRaisesRegex(
			frappe.ValidationError,
			"people.sw@example.com cannot be the child's Allocated IRO: they do not have the IRO role",
			make_child,
			allocated_iro=self.social_worker,
		)
		self.assertRaisesRegex(
			frappe.ValidationError, "do not have the Team Manager role", make_child, team_manager=self.iro
		)
		child = make_child(
			allocated_iro=self.iro, social_worker=self.social_worker, team_manager=self.team_manager
		)
		self.assertEqual(child.allocated_iro, self.iro)

	def test_someone_allocated_before_losing_the_role_keeps_their_place_until_reallocated(self):
		child = make_child(allocated_iro=self.iro)
		frappe.get_doc("User", self.iro).remove_roles("IRO")
		self.addCleanup(lambda: frappe.get_doc("User", self.iro).add_roles("IRO"))
		child.preferred_name = "Sam"
		child.save()
		child.allocated_iro = self.social_worker
		self.assertRaises(frappe.ValidationError, child.save)

	def test_the_picker_offers_only_holders_of_the_role(self):
		offered = [row[0] for row in users_with_role("User", "people.", "name", 0, 20, {"role": "IRO"})]
		self.assertIn(self.iro, offered)
		self.assertNotIn(self.social_worker, offered)
		self.assertRaises(
			frappe.PermissionError, users_with_role, "User", "", "name", 0, 20, {"role": "System Manager"}
		)


class TestChildTimeline(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_the_childs_file_is_on_the_childs_timeline_newest_first_as_far_as_the_reader_may_see(self):
		iro = make_user("timeline.iro@example.com", "IRO")
		child = make_looked_after_child(date(2025, 12, 20), allocated_iro=iro)
		review = hold_review(child.name, date(2026, 1, 19))
		visited(child.name, iro)

		frappe.set_user(iro)
		docinfo_events = get_docinfo_events(child.name)
		self.assertEqual(docinfo_events, sorted(docinfo_events, key=lambda e: e["creation"], reverse=True))
		contents = [e["content"] for e in docinfo_events]
		self.assertTrue(any("Became looked after" in c for c in contents))
		self.assertTrue(any("Placed: Foster Care" in c for c in contents))
		self.assertTrue(any("First review held" in c and review.name in c for c in contents))
		self.assertTrue(any("IRO contact: Visit" in c for c in contents))
		self.assertIn("2026-01-19 00:00:00", [e["creation"] for e in docinfo_events])

		frappe.set_user(make_user("timeline.other@example.com", "IRO"))
		self.assertEqual(child_file_events("Looked After Child", child.name), [])

	def test_a_kind_of_record_the_readers_roles_stop_reading_leaves_the_timeline_at_once(self):
		iro = make_user("timeline.iro@example.com", "IRO")
		child = make_looked_after_child(date(2025, 12, 20), allocated_iro=iro)
		visited(child.name, iro)
		frappe.set_user(iro)
		self.assertTrue(any("IRO contact" in e["content"] for e in child_file_events(CHILD, child.name)))

		frappe.set_user("Administrator")
		setup_custom_perms("IRO Contact")
		for rule in frappe.get_all("Custom DocPerm", {"parent": "IRO Contact", "role": "IRO"}, pluck="name"):
			frappe.get_doc("Custom DocPerm", rule).update({"read": 0, "write": 0, "create": 0}).save()

		frappe.set_user(iro)
		contents = [e["content"] for e in child_file_events(CHILD, child.name)]
		self.assertFalse(any("IRO contact" in c for c in contents))
		self.assertTrue(any("Became looked after" in c for c in contents))


class TestWhoOpenedTheChildsFile(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_opening_the_form_records_the_reader_and_a_refused_reader_leaves_nothing(self):
		iro = make_user("viewer.iro@example.com", "IRO")
		outsider = make_user("viewer.other@example.com", "IRO")
		child = make_child(allocated_iro=iro).name
		views = {"reference_doctype": CHILD, "reference_name": child}

		frappe.set_user(iro)
		getdoc(CHILD, child)
		frappe.set_user(outsider)
		self.assertRaises(frappe.PermissionError, getdoc, CHILD, child)

		frappe.set_user("Administrator")
		self.assertEqual(frappe.get_all("View Log", filters=views, pluck="viewed_by"), [iro])


def visited(child: str, iro: str) -> None:
	"""An IRO contact: the IRO visited the child on 10 January 2026."""
	frappe.get_doc(
		{
			"doctype": "IRO Contact",
			"child": child,
			"iro": iro,
			"contact_date": date(2026, 1, 10),
			"kind": "Visit",
		}
	).insert()


def get_docinfo_events(child: str) -> list[dict]:
	get_docinfo(frappe.get_doc("Looked After Child", child))
	return frappe.response["docinfo"]["additional_timeline_content"]
