"""A record of one child's file that links to another child's records (a looked-after parent, a
review it follows, a placement's episode), tried over real HTTP: a user links only to records they
may open, and a form never hands them the title of one they may not."""

import json

import frappe

from iro_standards.permissions import CHILD, CHILD_RECORDS, protected_doctypes
from iro_standards.tests.live_server import LiveServerTestCase
from iro_standards.tests.marked_records import make_marked_child_file

MARKER = "zqlinkmark"
OWN_MARKER = "zqownlinkmark"


def links_to_the_file() -> list[tuple[str, str, str]]:
	"""(DocType, field, linked DocType) of every link from a record of a child's file to another."""
	protected = protected_doctypes()
	return [
		(doctype, df.fieldname, df.options)
		for doctype in (CHILD, *CHILD_RECORDS)
		for df in frappe.get_meta(doctype).get_link_fields()
		if df.options in protected and not frappe.get_meta(doctype).istable
	]


class TestLinksBetweenFiles(LiveServerTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.make_scoped_logins("links")
		cls.victim = make_marked_child_file(MARKER, cls.victim_iro)
		cls.own = make_marked_child_file(OWN_MARKER, cls.attacker)
		cls.serve(cls.victim[CHILD][0], cls.own[CHILD][0])

	def snapshot(self) -> str:
		frappe.db.rollback()
		names = [name for names in (*self.victim.values(), *self.own.values()) for name in names]
		return frappe.as_json(
			{
				doctype: frappe.get_all(
					doctype, filters={"name": ("in", names)}, fields=["*"], order_by="name"
				)
				for doctype in protected_doctypes()
			}
		)

	def test_no_record_can_be_linked_to_another_childs_file_the_user_may_not_open(self):
		found = links_to_the_file()
		self.assertIn((CHILD, "looked_after_parent", CHILD), found)
		before = self.snapshot()
		session = self.session(self.attacker)
		linked, tried = [], 0
		for doctype, fieldname, target in found:
			own, victims = self.own.get(doctype), self.victim.get(target)
			if not (own and victims):
				continue
			tried += 1
			path = f"{self.base}/api/resource/{doctype}/{own[0]}"
			rest = session.put(path, json={fieldname: victims[0]}, timeout=30)
			doc = session.get(path, timeout=30).json()["data"]
			doc[fieldname] = victims[0]
			action = "Update" if doc.get("docstatus") == 1 else "Save"
			desk = self.call(session, doc, action)
			for answer in (rest, desk):
				if answer.status_code < 400 or MARKER in answer.text:
					linked.append(
						f"{doctype}.{fieldname} ({action}): {answer.status_code} {answer.text[:200]}"
					)
		self.assertGreaterEqual(tried, 5)
		self.assertEqual(linked, [], "\n".join(linked))
		self.assertEqual(self.snapshot(), before, "a record changed")

	def call(self, session, doc: dict, action: str):
		return session.post(
			f"{self.base}/api/method/frappe.desk.form.save.savedocs",
			data={"doc": json.dumps(doc), "action": action},
			timeout=30,
		)

	def test_a_link_a_manager_made_shows_the_record_but_not_the_childs_name(self):
		own, victim = self.own[CHILD][0], self.victim[CHILD][0]
		frappe.db.set_value(CHILD, own, "looked_after_parent", victim)
		frappe.db.commit()
		self.addCleanup(self.unlink, own)
		answer = self.get(
			self.session(self.attacker), "/api/method/frappe.desk.form.load.getdoc", doctype=CHILD, name=own
		)
		self.assertEqual(answer.status_code, 200, answer.text)
		self.assertEqual(answer.json()["_link_titles"][f"{CHILD}::{victim}"], victim)
		self.assertNotIn(MARKER, answer.text)
		seen_by_the_parents_iro = self.get(
			self.session(self.victim_iro),
			"/api/method/frappe.desk.form.load.getdoc",
			doctype=CHILD,
			name=victim,
		)
		self.assertIn(MARKER, seen_by_the_parents_iro.text)

	def test_the_user_still_saves_a_record_keeping_a_link_a_manager_made(self):
		own, victim = self.own[CHILD][0], self.victim[CHILD][0]
		frappe.db.set_value(CHILD, own, "looked_after_parent", victim)
		frappe.db.commit()
		self.addCleanup(self.unlink, own)
		answer = self.session(self.attacker).put(
			f"{self.base}/api/resource/{CHILD}/{own}", json={"communication_needs": "Makaton"}, timeout=30
		)
		self.assertEqual(answer.status_code, 200, answer.text)
		self.assertEqual(answer.json()["data"]["looked_after_parent"], victim)

	def unlink(self, child: str) -> None:
		frappe.db.rollback()
		frappe.db.set_value(CHILD, child, "looked_after_parent", None)
		frappe.db.commit()
