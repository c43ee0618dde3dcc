"""Each class of attack on a child's records, tried by an IRO who is not allocated to the child.

The sweep in test_adversarial covers every method and path; these name each class and its
particular door, so a regression says what broke.
"""

import json
from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.overrides import get_count, get_link_title, toggle_like, validate_link
from iro_standards.patches.sanitise_stored_text import execute as sanitise_stored_text
from iro_standards.permissions import may_access_child
from iro_standards.tests.factories import (
	RECORDED_AT_EVERY_REVIEW,
	follow,
	hold_review,
	make_child,
	make_looked_after_child,
	make_user,
)
from iro_standards.tests.live_server import LiveServerTestCase


def dispute_of(child: str, **values):
	return frappe.get_doc(
		{
			"doctype": "IRO Dispute",
			"child": child,
			"category": "Health",
			"issue": "issue",
			"desired_outcome": "outcome",
			"raised_on": date(2026, 2, 2),
			**values,
		}
	).insert()


class TwoChildrenTestCase(FrappeTestCase):
	"""IRO A holds child A; IRO B holds child B, with a held review and one recommendation."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro_a = make_user("doors.iro.a@example.com", "IRO")
		cls.iro_b = make_user("doors.iro.b@example.com", "IRO")
		cls.worker = make_user("doors.sw@example.com", "Social Worker")
		cls.desk_user = make_user("doors.desk@example.com", "Blogger")
		frappe.db.commit()

	def setUp(self):
		frappe.set_user("Administrator")
		self.child_a = make_looked_after_child(date(2025, 12, 20), allocated_iro=self.iro_a).name
		self.child_b = make_looked_after_child(date(2025, 12, 20), allocated_iro=self.iro_b).name
		self.review_b = hold_review(
			self.child_b, date(2026, 1, 19), recommendations=[("Book a dentist", "Carer", date(2026, 2, 27))]
		)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()


class TestTheAppsOwnDoors(TwoChildrenTestCase):
	def setUp(self):
		super().setUp()
		self.dispute_b = dispute_of(self.child_b)

	def test_re_pointing_a_record_at_ones_own_child_does_not_take_it_over(self):
		frappe.set_user(self.iro_a)
		dispute = frappe.get_doc("IRO Dispute", self.dispute_b.name)
		dispute.child = self.child_a
		self.assertRaises(frappe.PermissionError, dispute.save)
		self.assertRaises(
			frappe.PermissionError,
			frappe.client.set_value,
			"IRO Dispute",
			self.dispute_b.name,
			"child",
			self.child_a,
		)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("IRO Dispute", self.dispute_b.name, "child"), self.child_b)

	def test_the_link_to_the_child_cannot_move_once_set(self):
		dispute = frappe.get_doc("IRO Dispute", self.dispute_b.name)
		dispute.child = self.child_a
		self.assertRaises(frappe.CannotChangeConstantError, dispute.save)

	def test_a_progress_review_of_another_childs_review_is_refused(self):
		frappe.set_user(self.iro_a)
		progress = frappe.get_doc(
			{"doctype": "Progress Review", "child": self.child_a, "child_review": self.review_b.name}
		)
		self.assertRaises(frappe.PermissionError, progress.insert)

	def test_recommendation_rows_of_another_review_are_refused(self):
		review_a = hold_review(self.child_a, date(2026, 1, 20))
		other_row = self.review_b.recommendations[0].name
		progress = frappe.get_doc(
			{
				"doctype": "Progress Review",
				"child_review": review_a.name,
				"recommendation_progress": [{"recommendation": other_row, "progress": "Drifting"}],
			}
		)
		self.assertRaisesRegex(frappe.ValidationError, "not made at review", progress.insert)
		self.assertEqual(frappe.db.get_value("Review Recommendation", other_row, "status"), "Open")
		dispute = frappe.get_doc(
			{
				"doctype": "IRO Dispute",
				"child": self.child_a,
				"child_review": review_a.name,
				"recommendation": other_row,
				"category": "Health",
				"issue": "issue",
				"desired_outcome": "outcome",
				"raised_on": date(2026, 2, 2),
			}
		)
		self.assertRaisesRegex(frappe.ValidationError, "one made at the review", dispute.insert)

	def test_a_link_to_another_childs_record_is_refused_whoever_saves(self):
		contact = frappe.get_doc(
			{
				"doctype": "IRO Contact",
				"child": self.child_a,
				"iro": self.iro_a,
				"contact_date": date(2026, 1, 5),
				"kind": "Visit",
				"child_review": self.review_b.name,
			}
		)
		self.assertRaises(frappe.ValidationError, contact.insert)

	def test_text_sent_with_a_submit_is_sanitised(self):
		review = frappe.get_doc(
			{
				"doctype": "Child Review",
				"child": self.child_a,
				"planned_date": date(2026, 1, 19),
				"held_date": date(2026, 1, 19),
				"participation_code": "PN1",
				"chair": "Administrator",
				"late_reason": "late",
				**RECORDED_AT_EVERY_REVIEW,
				"venue": '<img src=x onerror="alert(1)">',
				"rag_narrative": '["<img src=x onerror=alert(2)>"]',
				"attendees": [
					{
						"attendee_name": "<script>alert(3)</script>",
						"role": "Parent",
						"participation": "Attended",
					}
				],
			}
		)
		review.insert()
		review.venue = "<svg onload=alert(4)>"
		review.next_review_date = review.next_review_limit
		review.submit()
		stored = frappe.db.get_value("Child Review", review.name, ["venue", "rag_narrative"], as_dict=True)
		attendee = frappe.db.get_value("Review Attendee", {"parent": review.name}, "attendee_name")
		for value in (*stored.values(), attendee):
			self.assertNotIn("onerror", value)
			self.assertNotIn("onload", value)
			self.assertNotIn("<script", value)

	def test_text_stored_before_sanitising_is_sanitised_by_the_patch(self):
		review = hold_review(self.child_a, date(2026, 1, 20))
		frappe.db.set_value("Child Review", review.name, "venue", "Hall <img src=x onerror=alert(1)>")
		frappe.get_doc(
			{
				"doctype": "Review Attendee",
				"parent": review.name,
				"parenttype": "Child Review",
				"parentfield": "attendees",
				"attendee_name": "Mum",
				"role": "Parent",
				"participation": "Attended",
			}
		).db_insert()
		frappe.db.set_value("Review Attendee", {"parent": review.name}, "attendee_name", "<svg onload=x>Mum")
		sanitise_stored_text()
		self.assertEqual(frappe.db.get_value("Child Review", review.name, "venue"), 'Hall <img src="x">')
		self.assertNotIn(
			"onload", frappe.db.get_value("Review Attendee", {"parent": review.name}, "attendee_name")
		)

	def test_the_record_of_review_escapes_what_it_prints(self):
		review = hold_review(self.child_a, date(2026, 1, 20))
		frappe.db.set_value("Child Review", review.name, "venue", "<b>bold</b>")
		printed = frappe.get_print("Child Review", review.name, "Record of Review")
		self.assertIn("&lt;b&gt;bold&lt;/b&gt;", printed)
		self.assertNotIn("<b>bold</b>", printed)

	def test_only_allocating_roles_set_the_fields_that_grant_access(self):
		frappe.set_user(self.iro_a)
		child = frappe.get_doc("Looked After Child", self.child_a)
		child.social_worker = self.worker
		child.team_manager = self.worker
		child.save()
		frappe.set_user("Administrator")
		self.assertEqual(
			frappe.db.get_value("Looked After Child", self.child_a, ["social_worker", "team_manager"]),
			(None, None),
		)
		self.assertFalse(may_access_child(self.child_a, self.worker))

	def test_another_childs_name_is_not_told(self):
		frappe.set_user(self.iro_a)
		self.assertEqual(get_link_title("Looked After Child", self.child_b), self.child_b)
		self.assertNotEqual(get_link_title("Looked After Child", self.child_a), self.child_a)
		self.assertEqual(validate_link("Looked After Child", self.child_b), {})
		self.assertEqual(validate_link("Looked After Child", self.child_a).name, self.child_a)

	def test_the_sibling_message_names_only_siblings_one_may_see(self):
		frappe.db.set_value("Looked After Child", self.child_b, "sibling_group", "SIB-1")
		frappe.set_user(self.iro_a)
		child = frappe.get_doc("Looked After Child", self.child_a)
		child.sibling_group = "SIB-1"
		child.flags.ignore_permissions = True
		with self.assertRaises(frappe.ValidationError) as refused:
			child.save()
		case_b = frappe.db.get_value("Looked After Child", self.child_b, "case_number")
		self.assertNotIn(case_b, str(refused.exception))
		self.assertNotIn(self.iro_b, str(refused.exception))
		self.assertIn("1 sibling(s) you are not allocated to", str(refused.exception))


class TestFrappesGenericDoors(TwoChildrenTestCase):
	def test_table_rows_follow_their_parent(self):
		row = self.review_b.recommendations[0].name
		frappe.set_user(self.iro_a)
		self.assertRaises(
			frappe.PermissionError, frappe.client.get, "Review Recommendation", row, parent="Child Review"
		)
		listed = frappe.client.get_list(
			"Review Recommendation", fields=["name"], parent="Child Review", limit_page_length=0
		)
		self.assertNotIn(row, [r.name for r in listed])
		self.assertEqual(
			frappe.client.get_value("Review Recommendation", "action", {"name": row}, parent="Child Review"),
			{},
		)

	def test_counts_only_count_what_one_may_see(self):
		frappe.set_user(self.desk_user)
		self.assertRaises(frappe.PermissionError, get_count, "Looked After Child", {"name": self.child_b})
		frappe.set_user(self.iro_a)
		self.assertEqual(get_count("Looked After Child", {"name": self.child_b}), 0)
		self.assertEqual(
			get_count("Review Recommendation", {"action": ("like", "Book%")}, parent="Child Review"), 0
		)
		self.assertEqual(get_count("Looked After Child", {"name": self.child_a}), 1)

	def test_nothing_can_be_attached_to_followed_tagged_or_liked_on_another_childs_record(self):
		frappe.set_user(self.iro_a)
		for record in (
			{"doctype": "Comment", "comment_type": "Comment", "content": "x"},
			{"doctype": "Document Follow", "user": self.iro_a},
			{"doctype": "ToDo", "description": "x", "allocated_to": self.iro_a},
		):
			fields = {
				"Comment": ("reference_doctype", "reference_name"),
				"Document Follow": ("ref_doctype", "ref_docname"),
				"ToDo": ("reference_type", "reference_name"),
			}[record["doctype"]]
			record.update(dict(zip(fields, ("Looked After Child", self.child_b), strict=True)))
			self.assertRaises(frappe.PermissionError, frappe.get_doc(record).insert, ignore_permissions=True)
		self.assertRaises(frappe.PermissionError, toggle_like, "Looked After Child", self.child_b, "Yes")
		self.assertIsNone(frappe.db.get_value("Looked After Child", self.child_b, "_liked_by"))

	def test_a_file_record_cannot_borrow_another_childs_private_file(self):
		private = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "plan.txt",
				"content": b"care plan",
				"is_private": 1,
				"attached_to_doctype": "Looked After Child",
				"attached_to_name": self.child_b,
			}
		).insert()
		frappe.set_user(self.iro_a)
		borrowed = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "mine.txt",
				"file_url": private.file_url,
				"is_private": 1,
				"attached_to_doctype": "Looked After Child",
				"attached_to_name": self.child_a,
			}
		)
		self.assertRaises(frappe.PermissionError, borrowed.insert)
		listed = frappe.get_list("File", filters={"name": private.name}, pluck="name")
		self.assertEqual(listed, [])

	def test_a_reallocated_iro_stops_following_the_child(self):
		frappe.set_user(self.iro_a)
		follow("Looked After Child", self.child_a, self.iro_a)
		self.assertTrue(
			frappe.db.exists("Document Follow", {"ref_docname": self.child_a, "user": self.iro_a})
		)
		frappe.set_user("Administrator")
		child = frappe.get_doc("Looked After Child", self.child_a)
		child.allocated_iro = self.iro_b
		child.save()
		self.assertFalse(
			frappe.db.exists("Document Follow", {"ref_docname": self.child_a, "user": self.iro_a})
		)

	def test_a_childs_records_cannot_be_shared(self):
		frappe.set_user(self.iro_b)
		self.assertRaises(
			frappe.PermissionError, frappe.share.add, "Looked After Child", self.child_b, self.iro_a
		)


class TestBadInputOverHttp(LiveServerTestCase):
	"""Bad input gets a clear 4xx with a translated message, and nothing is written."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.manager = cls.make_login("badinput.manager@example.com", "IRO Manager")
		cls.child = make_child().name
		cls.serve(cls.child)

	def refused(self, method: str, path: str, payload=None, **params) -> dict:
		session = self.session(self.manager)
		response = session.request(method, f"{self.base}{path}", json=payload, params=params, timeout=30)
		self.assertGreaterEqual(response.status_code, 400, response.text)
		self.assertLess(response.status_code, 500, response.text)
		messages = json.loads(response.json().get("_server_messages", "[]"))
		self.assertTrue(messages, response.text)
		self.assertIn(response.json().get("exc_type"), ("ValidationError", "MandatoryError"), response.text)
		return response.json()

	def new_child(self, **values) -> dict:
		return {
			"first_name": "Bad",
			"last_name": "Input",
			"case_number": "BAD-1",
			"date_of_birth": "2015-01-01",
			**values,
		}

	def test_impossible_dates_are_refused(self):
		for value in ("0000-00-00", "1899-12-31", 20150101, True, {"year": 2015}, "31/01/2015"):
			self.refused("POST", "/api/resource/Looked After Child", self.new_child(date_of_birth=value))
		self.assertFalse(frappe.db.exists("Looked After Child", {"case_number": "BAD-1"}))

	def test_text_longer_than_its_column_and_tables_that_are_not_lists_are_refused(self):
		self.refused(
			"POST", "/api/resource/Looked After Child", self.new_child(communication_needs="x" * 70000)
		)
		episode = {"child": self.child, "start_date": "2025-12-20", "legal_status": "Interim Care Order"}
		self.refused("POST", "/api/resource/Care Episode", {**episode, "start_date": "0000-00-00"})
		review = {"child": self.child, "planned_date": "2026-01-19"}
		self.refused("POST", "/api/resource/Child Review", {**review, "attendees": "everyone"})
		self.refused("POST", "/api/resource/Child Review", {**review, "attendees": ["everyone"]})
		self.assertFalse(frappe.db.exists("Child Review", {"child": self.child}))

	def test_a_missing_choice_is_not_filled_in(self):
		make_looked_after_child_episode = {
			"child": self.child,
			"start_date": "2025-12-20",
			"legal_status": "Interim Care Order",
		}
		frappe.set_user("Administrator")
		episode = frappe.get_doc({"doctype": "Care Episode", **make_looked_after_child_episode}).insert()
		frappe.db.commit()
		try:
			review = {
				"child": self.child,
				"planned_date": "2026-01-19",
				"held_date": "2026-01-19",
				"attendees": [{"attendee_name": "Parent", "role": "Parent"}],
			}
			self.refused("POST", "/api/resource/Child Review", review)
		finally:
			frappe.delete_doc("Care Episode", episode.name, force=True)
			frappe.db.commit()

	def test_list_arguments_a_database_cannot_take_are_refused(self):
		self.refused("GET", "/api/resource/Looked After Child", limit_page_length=-1)
		nested = json.dumps([[[[[["name", "=", "x"]]]]]])
		self.refused("GET", "/api/resource/Looked After Child", filters=nested)
		child_field = json.dumps([["Looked After Child", "first_name", "like", "S%"]])
		self.refused("GET", "/api/resource/Care Episode", filters=child_field)
		self.refused(
			"GET", "/api/resource/Care Episode", fields=json.dumps(["`tabLooked After Child`.first_name"])
		)


class TestWhetherARecordExistsIsNotTold(LiveServerTestCase):
	"""The doors a red-team found: a record one may not access, and one that does not exist,
	get the same answer on every API version, through the app's own methods, and however the
	request is written."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.attacker = cls.make_login("exists.iro.a@example.com", "IRO")
		cls.holder = cls.make_login("exists.iro.b@example.com", "IRO")
		cls.child = make_looked_after_child(date(2025, 12, 20), allocated_iro=cls.holder).name
		cls.dispute = dispute_of(cls.child).name
		cls.serve(cls.child)

	def absent(self, name: str) -> str:
		return name.rsplit("-", 1)[0] + "-99999"

	def assertSameAnswer(self, ask, name: str, written=lambda name: name):
		found, missing = ask(written(name)), ask(written(self.absent(name)))
		self.assertEqual(
			(found.status_code, found.text.replace(written(name), "<name>")),
			(missing.status_code, missing.text.replace(written(self.absent(name)), "<name>")),
		)

	def test_names_written_the_way_the_database_still_matches(self):
		attacker = self.session(self.attacker)
		guest = self.session(None)
		fullwidth = str.maketrans("CHILD", "ＣＨＩＬＤ")
		for written in (
			lambda name: f"{name} ",
			lambda name: f"  {name}",
			str.lower,
			lambda name: name.translate(fullwidth),
			lambda name: name.replace("C", "Ç").replace("-", "\u2010"),
		):
			self.assertSameAnswer(
				lambda name: self.get(
					attacker,
					"/api/method/frappe.desk.form.load.getdoc",
					doctype="Looked After Child",
					name=name,
				),
				self.child,
				written,
			)
			self.assertSameAnswer(
				lambda name: self.get(guest, "/printview", doctype="Looked After Child", name=name),
				self.child,
				written,
			)

	def test_methods_that_read_the_record_before_any_check(self):
		attacker = self.session(self.attacker)
		padded = lambda name: f"{name} "  # noqa: E731
		self.assertSameAnswer(
			lambda name: self.get(
				attacker,
				"/api/method/frappe.desk.form.utils.get_next",
				doctype="Looked After Child",
				value=name,
				prev=0,
				sort_field="first_name",
				sort_order="asc",
			),
			self.child,
			padded,
		)
		self.assertSameAnswer(
			lambda name: self.post(
				attacker,
				"/api/method/frappe.desk.doctype.tag.tag.add_tag",
				tag="SAFEGUARDING",
				dt="Looked After Child",
				dn=name,
			),
			self.child,
			padded,
		)
		frappe.db.rollback()
		self.assertFalse(frappe.db.get_value("Looked After Child", self.child, "_user_tags"))

	def test_any_argument_naming_a_record(self):
		guest = self.session(None)
		self.assertSameAnswer(
			lambda name: self.get(guest, "/api/method/ping", x="Looked After Child", y=name), self.child
		)
		attacker = self.session(self.attacker)
		self.assertSameAnswer(
			lambda name: self.get(
				attacker,
				"/api/method/frappe.client.get_count",
				doctype="Looked After Child",
				filters=json.dumps([["name", "=", name]]),
			),
			self.child,
		)

	def test_the_second_api_version(self):
		attacker = self.session(self.attacker)
		self.assertSameAnswer(
			lambda name: self.get(attacker, f"/api/v2/document/Looked After Child/{name}"), self.child
		)

	def test_the_apps_own_methods(self):
		attacker = self.session(self.attacker)
		method = "/api/method/iro_standards.iro_standards.doctype.iro_dispute.iro_dispute.respond_to_stage"
		self.assertSameAnswer(
			lambda name: self.post(attacker, method, dispute=name, response="x"), self.dispute
		)

	def test_a_doctype_written_with_json_escapes(self):
		attacker = self.session(self.attacker)
		self.assertSameAnswer(
			lambda name: attacker.post(
				f"{self.base}/api/method/frappe.model.workflow.get_transitions",
				data={"doc": '{"doctype": "Looked After Chil\\u0064", "name": "' + name + '"}'},
				timeout=30,
			),
			self.child,
		)


class TestTheCyclesDoorsOverHttp(LiveServerTestCase):
	"""What the care-planning cycle added, tried over HTTP by an IRO not allocated to child B: a
	planned review, a rating between reviews and a PEP meeting for B, and links from the
	attacker's own records to B's."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.attacker = cls.make_login("cycle.doors.iro.a@example.com", "IRO")
		cls.holder = cls.make_login("cycle.doors.iro.b@example.com", "IRO")
		cls.child_a = make_looked_after_child(date(2025, 12, 20), allocated_iro=cls.attacker).name
		cls.child_b = make_looked_after_child(date(2025, 12, 20), allocated_iro=cls.holder).name
		cls.held_b = hold_review(cls.child_b, date(2026, 1, 19)).name
		cls.planned_b = frappe.db.get_value("Child Review", {"open_for_child": cls.child_b})
		cls.serve(cls.child_a, cls.child_b)

	def assertRefusedWithoutTelling(self, response, *secrets: str) -> None:
		self.assertIn(response.status_code, (403, 404, 417), response.text)
		for secret in secrets:
			self.assertNotIn(secret, response.text)

	def records_of_b(self) -> dict:
		return {
			doctype: frappe.db.count(doctype, {"child": self.child_b})
			for doctype in ("Child Review", "Progress Review", "Care Plan RAG Update")
		} | {"PEP Meeting": frappe.db.count("PEP Meeting", {"parent": self.child_b})}

	def test_nothing_is_planned_rated_or_recorded_for_another_child(self):
		attacker = self.session(self.attacker)
		before = self.records_of_b()
		review = attacker.post(
			f"{self.base}/api/resource/Child Review",
			json={"child": self.child_b, "planned_date": "2026-04-01"},
			timeout=30,
		)
		self.assertRefusedWithoutTelling(review, self.planned_b, self.held_b)
		rating = attacker.post(
			f"{self.base}/api/resource/Care Plan RAG Update",
			json={
				"child": self.child_b,
				"rated_on": "2026-02-02",
				"care_plan_rag": "Red",
				"rag_narrative": "x",
			},
			timeout=30,
		)
		self.assertRefusedWithoutTelling(rating, self.planned_b)
		pep = attacker.put(
			f"{self.base}/api/resource/Looked After Child/{self.child_b}",
			json={"peps": [{"held_on": "2026-02-02", "notes": "x"}]},
			timeout=30,
		)
		self.assertRefusedWithoutTelling(pep)
		frappe.db.rollback()
		self.assertEqual(self.records_of_b(), before)

	def test_no_placement_move_is_recorded_on_another_childs_episode(self):
		episode_b = frappe.db.get_value("Care Episode", {"child": self.child_b})
		moves_before = frappe.db.count("Placement Move", {"parent": episode_b})
		move = {"moved_on": "2026-02-01", "placement_type": "Secure Unit", "reason_for_change": "Other"}
		response = self.session(self.attacker).put(
			f"{self.base}/api/resource/Care Episode/{episode_b}",
			json={"placements": [move]},
			timeout=30,
		)
		self.assertRefusedWithoutTelling(response, self.child_b)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count("Placement Move", {"parent": episode_b}), moves_before)

	def test_ones_own_records_cannot_point_at_another_childs(self):
		attacker = self.session(self.attacker)
		planned_a = frappe.db.get_value("Child Review", {"open_for_child": self.child_a})
		review = attacker.put(
			f"{self.base}/api/resource/Child Review/{planned_a}",
			json={"previous_review": self.held_b, "open_for_child": self.child_b},
			timeout=30,
		)
		frappe.db.rollback()
		stored = frappe.db.get_value(
			"Child Review", planned_a, ["previous_review", "open_for_child"], as_dict=True
		)
		self.assertEqual((stored.previous_review, stored.open_for_child), (None, self.child_a), review.text)
		self.assertNotIn(self.planned_b, review.text)
		progress = attacker.post(
			f"{self.base}/api/resource/Progress Review",
			json={"child_review": self.held_b},
			timeout=30,
		)
		self.assertRefusedWithoutTelling(progress, self.planned_b)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count("Progress Review", {"child_review": self.held_b}), 1)
