"""Frappe methods found to read a record without the record's permissions, attacked over HTTP
as an IRO the child is not allocated to: a Kanban board's card order, a record's followers and
the print preview of a record sent unsaved."""

import json
from datetime import date

import frappe

from iro_standards.tests.factories import hold_review, make_looked_after_child
from iro_standards.tests.live_server import LiveServerTestCase

SECRET = "Side-door secret words"


class TestFrappeSideDoors(LiveServerTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro = cls.make_login("side.door.iro@example.com", "IRO")
		cls.other = cls.make_login("side.door.other@example.com", "IRO")
		cls.child = make_looked_after_child(date(2025, 5, 1), first_name="Sidedoor", allocated_iro=cls.iro)
		cls.review = hold_review(cls.child.name, date(2025, 5, 28), chair=cls.iro).name
		cls.letter = frappe.get_value("IRO Letter", {"child": cls.child.name, "letter_kind": "Allocation"})
		frappe.db.set_value("IRO Letter", cls.letter, "iro_words", SECRET)
		frappe.get_doc(
			{
				"doctype": "Document Follow",
				"ref_doctype": "IRO Letter",
				"ref_docname": cls.letter,
				"user": cls.iro,
			}
		).insert(ignore_permissions=True)
		cls.own = make_looked_after_child(date(2025, 5, 1), first_name="Ownchild", allocated_iro=cls.other)
		cls.serve(cls.child.name, cls.own.name)

	@classmethod
	def tearDownClass(cls):
		frappe.db.delete("Kanban Board", {"owner": cls.other})
		frappe.db.delete("Document Follow", {"ref_docname": cls.letter})
		frappe.db.commit()
		super().tearDownClass()

	def hidden(self, name: str) -> str:
		return name[:1] + "\u200b" + name[1:]

	def test_a_kanban_board_cannot_tell_whether_a_guess_about_a_card_is_right(self):
		session = self.session(self.other)
		board = session.post(
			f"{self.base}/api/resource/Kanban Board",
			json={
				"kanban_board_name": "side door board",
				"reference_doctype": "IRO Letter",
				"field_name": "iro_words",
				"private": 1,
				"columns": [{"column_name": "x"}],
			},
			timeout=30,
		)
		self.assertEqual(board.status_code, 200, board.text[:300])
		answers = set()
		for card in (self.letter, self.hidden(self.letter)):
			for guess in (SECRET, "wrong guess"):
				response = self.post(
					session,
					"/api/method/frappe.desk.doctype.kanban_board.kanban_board.update_order",
					board_name="side door board",
					order=json.dumps({guess: [card]}),
				)
				answers.add(response.status_code)
				self.assertNotIn(self.letter, response.text.replace(card, ""))
		self.assertEqual(answers, {403})
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value("IRO Letter", self.letter, "iro_words"), SECRET)

	def test_a_records_followers_are_listed_only_to_who_may_read_it(self):
		for name in (self.letter, self.hidden(self.letter)):
			response = self.get(
				self.session(self.other),
				"/api/method/frappe.desk.form.document_follow.get_follow_users",
				doctype="IRO Letter",
				doc_name=name,
			)
			self.assertEqual(response.status_code, 403)
			self.assertNotIn(self.iro, response.text)
		mine = self.get(
			self.session(self.iro),
			"/api/method/frappe.desk.form.document_follow.get_follow_users",
			doctype="IRO Letter",
			doc_name=self.letter,
		)
		self.assertIn(self.iro, mine.text)

	def test_a_print_preview_of_an_unsaved_record_cannot_reach_another_childs_review(self):
		held = frappe.utils.formatdate(date(2025, 5, 28))
		for review in (self.review, self.hidden(self.review)):
			response = self.post(
				self.session(self.other),
				"/api/method/frappe.www.printview.get_html_and_style",
				doc=json.dumps(
					{
						"doctype": "IRO Letter",
						"child": self.own.name,
						"letter_kind": "After Review",
						"child_review": review,
						"iro": self.other,
					}
				),
				print_format="Letter to the Child",
			)
			self.assertIn(response.status_code, (403, 417), response.text[:300])
			self.assertNotIn(held, response.text)
