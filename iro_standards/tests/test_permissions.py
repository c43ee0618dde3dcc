from datetime import date

import frappe
from frappe.desk.search import search_link
from frappe.tests.utils import FrappeTestCase

from iro_standards.permissions import forget_child_access, may_access_child
from iro_standards.tests.factories import (
	hold_review,
	make_looked_after_child,
	make_user,
	progress_review_after,
)

CASE_DOCTYPES = (
	"Looked After Child",
	"Care Episode",
	"Child Review",
	"Progress Review",
	"IRO Dispute",
	"IRO Contact",
)


def children_of_record(doctype: str) -> set[str]:
	field = "name" if doctype == "Looked After Child" else "child"
	return set(frappe.get_list(doctype, pluck=field))


class TestRecordScoping(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro_a = make_user("scope.iro.a@example.com", "IRO")
		cls.iro_b = make_user("scope.iro.b@example.com", "IRO")
		cls.social_worker = make_user("scope.sw@example.com", "Social Worker")
		cls.team_manager = make_user("scope.tm@example.com", "Team Manager")
		cls.head = make_user("scope.hos@example.com", "Head of Service")
		cls.admin = make_user("scope.admin@example.com", "Safeguarding Admin")
		frappe.db.commit()

	def setUp(self):
		self.child_a = self.make_child_with_records(self.iro_a, social_worker=self.social_worker)
		self.child_b = self.make_child_with_records(self.iro_b, team_manager=self.team_manager)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def make_child_with_records(self, iro: str, **allocation) -> str:
		child = make_looked_after_child(
			date(2025, 12, 20), allocated_iro=iro, iro_allocated_on=date(2025, 12, 22), **allocation
		)
		review = hold_review(child.name, date(2026, 1, 19))
		progress_review_after(review.name)
		frappe.get_doc(
			{
				"doctype": "IRO Dispute",
				"child": child.name,
				"category": "Health",
				"issue": "x",
				"desired_outcome": "y",
				"raised_on": date(2026, 2, 2),
			}
		).insert()
		frappe.get_doc(
			{
				"doctype": "IRO Contact",
				"child": child.name,
				"iro": iro,
				"contact_date": date(2026, 1, 9),
				"kind": "Visit",
			}
		).insert()
		return child.name

	def test_each_iro_lists_only_their_own_childrens_records(self):
		for user, own in ((self.iro_a, self.child_a), (self.iro_b, self.child_b)):
			frappe.set_user(user)
			for doctype in CASE_DOCTYPES:
				self.assertEqual(children_of_record(doctype), {own}, f"{user} listing {doctype}")

	def test_an_iro_cannot_open_another_iros_records(self):
		frappe.set_user(self.iro_a)
		for doctype in CASE_DOCTYPES:
			field = "name" if doctype == "Looked After Child" else "child"
			theirs = frappe.db.get_value(doctype, {field: self.child_b})
			mine = frappe.db.get_value(doctype, {field: self.child_a})
			self.assertFalse(frappe.has_permission(doctype, "read", theirs), doctype)
			self.assertTrue(frappe.has_permission(doctype, "read", mine), doctype)
			self.assertRaises(
				frappe.PermissionError, frappe.get_doc(doctype, theirs).check_permission, "read"
			)

	def test_link_search_shows_only_allocated_children(self):
		frappe.set_user(self.iro_a)
		results = search_link("Looked After Child", "", page_length=100)
		self.assertEqual({r["value"] for r in results}, {self.child_a})

	def test_reallocating_a_child_moves_access_at_once(self):
		frappe.db.set_value("Looked After Child", self.child_b, "allocated_iro", self.iro_a)
		frappe.set_user(self.iro_a)
		self.assertEqual(children_of_record("Child Review"), {self.child_a, self.child_b})
		frappe.set_user(self.iro_b)
		self.assertEqual(children_of_record("Child Review"), set())
		self.assertFalse(frappe.has_permission("Looked After Child", "read", self.child_b))

	def test_social_workers_and_team_managers_see_the_children_they_hold(self):
		frappe.set_user(self.social_worker)
		self.assertEqual(children_of_record("Child Review"), {self.child_a})
		frappe.set_user(self.team_manager)
		self.assertEqual(children_of_record("Looked After Child"), {self.child_b})

	def test_service_wide_roles_see_every_child_and_head_of_service_cannot_write(self):
		for user in (self.head, self.admin):
			frappe.set_user(user)
			self.assertTrue({self.child_a, self.child_b} <= children_of_record("Looked After Child"))
		frappe.set_user(self.head)
		self.assertFalse(frappe.has_permission("Looked After Child", "write", self.child_a))

	def test_a_team_manager_cannot_change_a_recommendation(self):
		review = frappe.get_doc("Child Review", {"child": self.child_b, "docstatus": 1})
		review.append(
			"recommendations", {"action": "Life story", "responsible": "SW", "due_by": date(2026, 3, 1)}
		)
		review.save()
		frappe.set_user(self.team_manager)
		review = frappe.get_doc("Child Review", review.name)
		review.recommendations[0].action = "Nothing"
		review.save()
		self.assertEqual(
			frappe.db.get_value("Review Recommendation", review.recommendations[0].name, "action"),
			"Life story",
		)
		review.reload()
		review.venue = "Team manager's office"
		self.assertRaisesRegex(
			frappe.PermissionError, "can only respond to the decisions, not change Venue", review.save
		)

	def test_safeguarding_admin_cannot_edit_the_iros_judgements(self):
		frappe.set_user(self.admin)
		review = frappe.get_doc("Child Review", {"child": self.child_a, "docstatus": 1})
		draft = frappe.get_doc("Child Review", {"open_for_child": self.child_a})
		draft.update({"care_plan_rag": "Red", "rag_narrative": "x"})
		draft.save()
		self.assertFalse(draft.care_plan_rag)
		review.record_distributed_on = date(2026, 2, 2)
		review.save()
		self.assertEqual(
			str(frappe.db.get_value("Child Review", review.name, "record_distributed_on")), "2026-02-02"
		)

	def test_guest_sees_nothing(self):
		frappe.set_user("Guest")
		for doctype in CASE_DOCTYPES:
			self.assertRaises(frappe.PermissionError, frappe.get_list, doctype)


class TestAGetRequestAsksOncePerChild(FrappeTestCase):
	"""A form opened checks the same child several times; a GET request asks the database once, and
	forgets the answer when the child is written or the transaction ends."""

	def setUp(self):
		self.iro = make_user("cache.iro@example.com", "IRO")
		self.other = make_user("cache.other@example.com", "IRO")
		self.child = make_looked_after_child(date(2025, 12, 20), allocated_iro=self.iro)
		frappe.local.request = frappe._dict(method="GET")
		self.addCleanup(delattr, frappe.local, "request")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		forget_child_access()

	def test_reallocating_the_child_is_seen_at_once(self):
		self.assertTrue(may_access_child(self.child.name, self.iro))
		self.assertEqual(frappe.local.iro_child_access, {(self.iro, self.child.name): True})
		self.child.reload()
		self.child.allocated_iro = self.other
		self.child.save()
		self.assertFalse(may_access_child(self.child.name, self.iro))
		self.assertTrue(may_access_child(self.child.name, self.other))

	def test_the_answers_go_with_the_transaction(self):
		self.assertTrue(may_access_child(self.child.name, self.iro))
		frappe.db.rollback()
		self.assertIsNone(frappe.local.iro_child_access)
		self.assertFalse(frappe.db.exists("Looked After Child", self.child.name))
		self.assertFalse(may_access_child(self.child.name, self.iro))

	def test_a_post_request_asks_the_database_every_time(self):
		frappe.local.request = frappe._dict(method="POST")
		forget_child_access()
		self.assertTrue(may_access_child(self.child.name, self.iro))
		self.assertIsNone(frappe.local.iro_child_access)
