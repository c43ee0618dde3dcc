"""Child protection conferences over real HTTP as the chair and as another IRO: the chair reads
and records, the other officer sees nothing of the child and writes nothing."""

import json
from datetime import date

import frappe

from iro_standards.iro_standards.doctype.child_protection_conference.test_child_protection_conference import (
	hold,
	request_icpc,
)
from iro_standards.tests.factories import make_child
from iro_standards.tests.live_server import LiveServerTestCase


class TestConferencesOverHttp(LiveServerTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.chair = cls.make_login("http.cp.chair@example.com", "IRO")
		cls.other = cls.make_login("http.cp.other@example.com", "IRO")
		cls.child = make_child(first_name="Conferenced")
		cls.mine = make_child(first_name="Othersown", allocated_iro=cls.other)
		cls.held = hold(
			request_icpc(cls.child.name, chair=cls.chair), date(2026, 2, 20), "Plan", category_neglect=1
		)
		cls.planned = request_icpc(
			cls.child.name,
			chair=cls.chair,
			strategy_discussion=date(2026, 11, 2),
			conference_requested_on=date(2026, 11, 3),
		)
		cls.serve(cls.child.name, cls.mine.name)

	def stored(self) -> dict:
		return {
			name: frappe.db.get_value(
				"Child Protection Conference", name, ["modified", "planned_date", "chair"]
			)
			for name in (self.held.name, self.planned.name)
		}

	def test_the_chair_reads_the_conference_and_the_child(self):
		session = self.session(self.chair)
		listed = self.get(
			session,
			"/api/resource/Child Protection Conference",
			fields=json.dumps(["name"]),
			limit_page_length=0,
		)
		self.assertEqual(
			sorted(row["name"] for row in listed.json()["data"]), sorted([self.held.name, self.planned.name])
		)
		child = self.get(session, f"/api/resource/Looked After Child/{self.child.name}").json()["data"]
		self.assertEqual(
			(child["on_cp_plan"], [p["started_at"] for p in child["cp_plans"]]), (1, [self.held.name])
		)

	def test_another_iro_sees_nothing_and_writes_nothing(self):
		before = self.stored()
		session = self.session(self.other)
		listed = self.get(
			session,
			"/api/resource/Child Protection Conference",
			fields=json.dumps(["name", "child"]),
			limit_page_length=0,
		)
		self.assertEqual(listed.json()["data"], [])
		self.assertEqual(
			self.get(session, f"/api/resource/Child Protection Conference/{self.held.name}").status_code, 403
		)
		self.assertEqual(
			self.get(session, f"/api/resource/Looked After Child/{self.child.name}").status_code, 403
		)
		counted = self.get(
			session, "/api/method/frappe.client.get_count", doctype="Child Protection Conference"
		)
		self.assertEqual(counted.json()["message"], 0)
		put = session.put(
			f"{self.base}/api/resource/Child Protection Conference/{self.planned.name}",
			json={"planned_date": "2026-11-20"},
			timeout=30,
		)
		self.assertEqual(put.status_code, 403)
		moved = session.post(
			f"{self.base}/api/resource/Child Protection Conference",
			json={
				"child": self.mine.name,
				"conference_kind": "Review",
				"previous_conference": self.held.name,
			},
			timeout=30,
		)
		self.assertIn(moved.status_code, (403, 417))
		self.assertNotIn("Conferenced", moved.text)
		forged = session.post(
			f"{self.base}/api/resource/Child Protection Conference",
			json={
				"child": self.mine.name,
				"conference_kind": "Initial",
				"strategy_discussion": "2026-11-02",
				"chair": self.other,
			},
			timeout=30,
		)
		self.assertEqual(forged.status_code, 200, forged.text)
		self.assertIsNone(forged.json()["data"].get("chair"))
		frappe.db.rollback()
		self.assertEqual(self.stored(), before)
		self.assertEqual(frappe.db.get_value("Looked After Child", self.mine.name, "cp_chair"), None)
