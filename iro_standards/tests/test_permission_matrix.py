"""Each role against each case DocType: read, write, create, delete and submit, own child and another's."""

from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.tests.factories import (
	hold_review,
	make_looked_after_child,
	make_review,
	make_user,
	progress_review_after,
)

PTYPES = {"r": "read", "w": "write", "c": "create", "d": "delete", "s": "submit"}
DOCTYPES = (
	"Looked After Child",
	"Care Episode",
	"Child Review",
	"Progress Review",
	"IRO Dispute",
	"IRO Contact",
	"Care Plan RAG Update",
	"IRO Letter",
	"Significant Change",
)
# what each role may do to a record of a child it may see, in DOCTYPES order
EXPECTED = {
	"System Manager": ("rwcd", "rwcd", "rwcds", "rwcd", "rwcd", "rwcd", "rwcd", "rwcd", "rwcd"),
	"IRO Manager": ("rwc", "rwc", "rwcs", "rwc", "rwc", "rwc", "rwc", "rwc", "rwc"),
	"IRO": ("rw", "r", "rwcs", "rwc", "rwc", "rwc", "rwc", "rwc", "rwc"),
	"Safeguarding Admin": ("rwc", "rwc", "rwcs", "r", "r", "r", "r", "r", "r"),
	"Social Worker": ("r", "r", "r", "r", "r", "r", "r", "r", "rwc"),
	"Team Manager": ("r", "r", "rws", "r", "r", "r", "r", "r", "rwc"),
	"Head of Service": ("r", "r", "r", "r", "r", "r", "r", "r", "r"),
}
SCOPED_ROLES = ("IRO", "Social Worker", "Team Manager")


class TestPermissionMatrix(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.users = {role: make_user(f"matrix.{frappe.scrub(role)}@example.com", role) for role in EXPECTED}
		cls.other_iro = make_user("matrix.other_iro@example.com", "IRO")
		frappe.db.commit()

	def setUp(self):
		self.own = self.child_with_records(
			allocated_iro=self.users["IRO"],
			social_worker=self.users["Social Worker"],
			team_manager=self.users["Team Manager"],
		)
		self.other = self.child_with_records(allocated_iro=self.other_iro)

	def tearDown(self):
		frappe.db.rollback()

	def child_with_records(self, **allocation) -> dict:
		child = make_looked_after_child(date(2025, 12, 20), iro_allocated_on=date(2025, 12, 22), **allocation)
		review = hold_review(child.name, date(2026, 1, 19))
		records = {
			"Looked After Child": child,
			"Care Episode": frappe.get_doc("Care Episode", child.current_episode),
			"Child Review": make_review(child.name, date(2026, 4, 14)),
			"Progress Review": progress_review_after(review.name),
			"IRO Dispute": frappe.get_doc(
				{
					"doctype": "IRO Dispute",
					"child": child.name,
					"category": "Health",
					"issue": "Dental care",
					"desired_outcome": "Registered with a dentist",
					"raised_on": date(2026, 2, 2),
				}
			).insert(),
			"IRO Contact": frappe.get_doc(
				{
					"doctype": "IRO Contact",
					"child": child.name,
					"iro": "Administrator",
					"contact_date": date(2026, 1, 9),
					"kind": "Call",
				}
			).insert(),
			"Care Plan RAG Update": frappe.get_doc(
				{
					"doctype": "Care Plan RAG Update",
					"child": child.name,
					"rated_on": date(2026, 2, 3),
					"care_plan_rag": "Amber",
					"rag_narrative": "Placement plan late",
				}
			).insert(),
			"IRO Letter": frappe.get_doc("IRO Letter", {"child": child.name, "letter_kind": "Allocation"}),
			"Significant Change": frappe.get_doc(
				{
					"doctype": "Significant Change",
					"child": child.name,
					"change_type": "Missing From Placement",
					"occurred_on": date(2026, 2, 4),
				}
			).insert(),
		}
		return records

	def allowed(self, user: str, doctype: str, doc) -> str:
		return "".join(
			letter
			for letter, ptype in PTYPES.items()
			if frappe.has_permission(doctype, ptype, doc, user=user)
		)

	def test_each_role_on_a_record_it_may_see(self):
		for role, expected in EXPECTED.items():
			for doctype, letters in zip(DOCTYPES, expected, strict=True):
				with self.subTest(role=role, doctype=doctype):
					self.assertEqual(self.allowed(self.users[role], doctype, self.own[doctype]), letters)

	def test_scoped_roles_can_do_nothing_to_another_childs_records(self):
		for role in SCOPED_ROLES:
			for doctype in DOCTYPES:
				with self.subTest(role=role, doctype=doctype):
					self.assertEqual(self.allowed(self.users[role], doctype, self.other[doctype]), "")

	def test_service_wide_roles_are_not_scoped(self):
		for role in ("IRO Manager", "Safeguarding Admin", "Head of Service"):
			for doctype in DOCTYPES:
				with self.subTest(role=role, doctype=doctype):
					self.assertIn("r", self.allowed(self.users[role], doctype, self.other[doctype]))

	def test_guest_can_do_nothing(self):
		for doctype in DOCTYPES:
			self.assertEqual(self.allowed("Guest", doctype, self.own[doctype]), "")

	def test_only_the_iro_manager_allocates(self):
		child = self.own["Looked After Child"]
		for role, can_allocate in (("IRO Manager", True), ("IRO", False), ("Safeguarding Admin", False)):
			with self.subTest(role=role):
				frappe.set_user(self.users[role])
				try:
					doc = frappe.get_doc("Looked After Child", child.name)
					self.assertEqual(
						doc.has_permlevel_access_to("allocated_iro", permission_type="write"), can_allocate
					)
				finally:
					frappe.set_user("Administrator")
