"""The REST API and whitelisted methods over real HTTP, logged in through /api/method/login."""

import json
from datetime import date

import frappe
from frappe.model.workflow import apply_workflow

from iro_standards.tests.factories import (
	hold_review,
	make_looked_after_child,
	make_review,
)
from iro_standards.tests.live_server import LiveServerTestCase


class TestRestApiOverHttp(LiveServerTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro_a = cls.make_login("http.iro.a@example.com", "IRO")
		cls.iro_b = cls.make_login("http.iro.b@example.com", "IRO")
		cls.team_manager = cls.make_login("http.tm@example.com", "Team Manager")
		cls.child_a = make_looked_after_child(
			date(2025, 12, 20), allocated_iro=cls.iro_a, iro_allocated_on=date(2025, 12, 22)
		)
		cls.child_b = make_looked_after_child(
			date(2025, 12, 20),
			allocated_iro=cls.iro_b,
			iro_allocated_on=date(2025, 12, 22),
			team_manager=cls.team_manager,
		)
		cls.review_a = make_review(cls.child_a.name, date(2026, 1, 19))
		cls.review_b = hold_review(
			cls.child_b.name,
			date(2026, 1, 19),
			recommendations=[("Update the care plan", "Social worker", date(2026, 2, 27))],
		)
		for action in ("Record Decisions", "Send to Team Manager"):
			cls.review_b = apply_workflow(cls.review_b.as_dict(), action)
		cls.attachment_b = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "care-plan.txt",
				"content": b"care plan",
				"is_private": 1,
				"attached_to_doctype": "Looked After Child",
				"attached_to_name": cls.child_b.name,
			}
		).insert()
		cls.serve(cls.child_a.name, cls.child_b.name)

	def test_resource_list_returns_only_allocated_children(self):
		response = self.get(
			self.session(self.iro_a),
			"/api/resource/Looked After Child",
			fields=json.dumps(["name"]),
			limit_page_length=0,
		)
		self.assertEqual(response.status_code, 200)
		self.assertEqual([row["name"] for row in response.json()["data"]], [self.child_a.name])

	def test_guessing_another_childs_name_is_refused(self):
		session = self.session(self.iro_a)
		self.assertEqual(
			self.get(session, f"/api/resource/Looked After Child/{self.child_b.name}").status_code, 403
		)
		self.assertEqual(
			self.get(session, f"/api/resource/Child Review/{self.review_b.name}").status_code, 403
		)
		self.assertEqual(
			self.get(session, f"/api/resource/Looked After Child/{self.child_a.name}").status_code, 200
		)

	def test_method_paths_respect_scoping(self):
		session = self.session(self.iro_a)
		listed = self.get(
			session, "/api/method/frappe.client.get_list", doctype="Child Review", fields='["child"]'
		)
		self.assertEqual({row["child"] for row in listed.json()["message"]}, {self.child_a.name})
		searched = self.get(
			session, "/api/method/frappe.desk.search.search_link", doctype="Looked After Child", txt=""
		)
		self.assertEqual({row["value"] for row in searched.json()["message"]}, {self.child_a.name})
		events = self.get(
			session,
			"/api/method/frappe.desk.calendar.get_events",
			doctype="Child Review",
			start="2025-01-01",
			end="2027-01-01",
			field_map=json.dumps({"start": "planned_date", "end": "planned_date", "title": "case_number"}),
		)
		self.assertEqual([event["name"] for event in events.json()["message"]], [self.review_a.name])
		report = self.get(
			session, "/api/method/frappe.desk.reportview.get", doctype="Looked After Child", fields='["name"]'
		)
		self.assertEqual(report.json()["message"]["values"], [[self.child_a.name]])
		found = self.get(
			session, "/api/method/frappe.utils.global_search.search", text=self.child_b.full_name
		)
		self.assertEqual(found.json()["message"], [])

	def test_another_childs_attachment_is_refused(self):
		session = self.session(self.iro_a)
		self.assertEqual(self.get(session, self.attachment_b.file_url).status_code, 403)
		self.assertEqual(self.get(self.session(self.iro_b), self.attachment_b.file_url).status_code, 200)

	def test_team_manager_agrees_through_the_workflow_and_another_iro_cannot(self):
		path = f"{self.base}/api/method/frappe.model.workflow.apply_workflow"
		payload = {
			"doc": json.dumps({"doctype": "Child Review", "name": self.review_b.name}),
			"action": "Agree",
		}
		refused = self.session(self.iro_a).post(path, data=payload, timeout=30)
		self.assertEqual(refused.status_code, 403)
		agreed = self.session(self.team_manager).post(path, data=payload, timeout=30)
		self.assertEqual(agreed.status_code, 200, agreed.text)
		frappe.db.rollback()
		self.assertEqual(
			frappe.db.get_value("Child Review", self.review_b.name, ["status", "tm_response"]),
			("Agreed", "Agreed"),
		)

	def test_team_manager_updates_comments_as_the_desk_sends_the_form(self):
		session = self.session(self.team_manager)
		doc = self.get(session, f"/api/resource/Child Review/{self.review_b.name}").json()["data"]
		doc["tm_comments"] = "Seen; the plan is right."
		saved = self.post(
			session, "/api/method/frappe.desk.form.save.savedocs", doc=json.dumps(doc), action="Update"
		)
		self.assertEqual(saved.status_code, 200, saved.text)
		frappe.db.rollback()
		self.assertEqual(
			frappe.db.get_value("Child Review", self.review_b.name, "tm_comments"), "Seen; the plan is right."
		)
		doc = self.get(session, f"/api/resource/Child Review/{self.review_b.name}").json()["data"]
		doc["planned_date"] = "2026-01-20"
		refused = self.post(
			session, "/api/method/frappe.desk.form.save.savedocs", doc=json.dumps(doc), action="Update"
		)
		self.assertEqual(refused.status_code, 403)
		frappe.db.rollback()
		self.assertEqual(
			str(frappe.db.get_value("Child Review", self.review_b.name, "planned_date")), "2026-01-19"
		)

	def test_guest_gets_nothing(self):
		guest = self.session(None)
		self.assertEqual(self.get(guest, "/api/resource/Looked After Child").status_code, 403)
		timescales = "/api/method/iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings.get_timescales"
		self.assertEqual(self.get(guest, timescales).status_code, 403)
		self.assertEqual(self.get(self.session(self.iro_a), timescales).status_code, 200)
