# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

"""Letters to the child: drafted on allocation and after each review, written in the child's
language (both, Welsh first, when the site asks for bilingual letters), and stamped sent only by
emailing them or producing them for posting."""

import html
from datetime import date
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase

from iro_standards.iro_standards.doctype.iro_letter.iro_letter import (
	print_for_post,
	send_by_email,
	subject_of,
)
from iro_standards.tests.factories import hold_review, make_looked_after_child, make_user
from iro_standards.tests.live_server import LiveServerTestCase, static_files_served

SETTINGS = "IRO Standards Settings"
LETTERS = "iro_standards.iro_standards.doctype.iro_letter.iro_letter"


def letters_of(child: str, kind: str) -> list:
	return frappe.get_all(
		"IRO Letter", {"child": child, "letter_kind": kind}, ["name", "iro", "status", "child_review"]
	)


def printed(letter: str) -> str:
	return html.unescape(frappe.get_print("IRO Letter", letter, "Letter to the Child"))


class TestIROLetter(FrappeTestCase):
	def setUp(self):
		self.iro = make_user("letter.iro@example.com", "IRO")
		frappe.db.set_value(
			"User",
			self.iro,
			{
				"first_name": "Rhian",
				"last_name": "Llythyr",
				"full_name": "Rhian Llythyr",
				"phone": "029 2000 0000",
			},
		)
		frappe.db.set_single_value(SETTINGS, {"bilingual_letters": 0, "letters_by_email": 0})
		frappe.db.set_single_value(SETTINGS, "advocacy_service", "Call Tros Gynnal Plant on 0808 000 0000.")
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		self.child = make_looked_after_child(
			date(2025, 12, 20),
			first_name="Seren",
			allocated_iro=self.iro,
			iro_allocated_on=date(2025, 12, 22),
		)

	def tearDown(self):
		frappe.db.rollback()
		frappe.clear_document_cache(SETTINGS, SETTINGS)

	def test_allocating_an_iro_drafts_a_letter_that_introduces_them_and_the_right_to_an_advocate(self):
		(letter,) = letters_of(self.child.name, "Allocation")
		self.assertEqual((letter.iro, letter.status), (self.iro, "Draft"))
		text = printed(letter.name)
		self.assertIn("Dear Seren,", text)
		self.assertIn("My name is Rhian Llythyr", text)
		self.assertIn("029 2000 0000", text)
		self.assertIn("Call Tros Gynnal Plant on 0808 000 0000.", text)

	def test_a_new_iro_gets_a_new_letter_and_saving_again_makes_no_second(self):
		other = make_user("letter.other@example.com", "IRO")
		self.child.reload().save()
		self.child.allocated_iro = other
		self.child.save()
		self.assertEqual(
			sorted(l.iro for l in letters_of(self.child.name, "Allocation")), sorted([self.iro, other])
		)

	def test_a_held_review_drafts_a_letter_that_waits_for_the_iros_own_words(self):
		review = hold_review(self.child.name, date(2026, 1, 19), chair=self.iro)
		(letter,) = letters_of(self.child.name, "After Review")
		self.assertEqual(letter.child_review, review.name)
		with self.assertRaisesRegex(frappe.ValidationError, "own words"):
			print_for_post(letter.name)
		self.assertEqual(frappe.db.get_value("IRO Letter", letter.name, "status"), "Draft")
		frappe.db.set_value("IRO Letter", letter.name, "iro_words", "You will stay with Nia and Dai.")
		text = printed(letter.name)
		self.assertIn("You will stay with Nia and Dai.", text)
		self.assertIn("Thank you for your review on", text)

	def test_the_iros_paragraphs_print_apart_and_their_own_greeting_replaces_the_letters(self):
		review = hold_review(self.child.name, date(2026, 1, 19), chair=self.iro)
		(letter,) = letters_of(self.child.name, "After Review")
		frappe.db.set_value(
			"IRO Letter",
			letter.name,
			"iro_words",
			"Dear Seren,\r\nYou will stay with Nia.\n\nWe will meet in May.",
		)
		text = printed(letter.name)
		self.assertEqual(text.count("Dear Seren,"), 1)
		self.assertIn("<p>Dear Seren,</p>", text)
		self.assertIn('<p class="iro-words">You will stay with Nia.</p>', text)
		self.assertIn('<p class="iro-words">We will meet in May.</p>', text)
		self.assertEqual(review.name, letter.child_review)
		frappe.db.set_value("Looked After Child", self.child.name, "preferred_language", "Welsh")
		welsh = printed(letter.name)
		self.assertEqual(welsh.count("Dear Seren,"), 1)
		self.assertNotIn("Annwyl Seren,", welsh)

	def test_printing_for_posting_stamps_the_letter_and_the_child_and_a_pdf_renders(self):
		(letter,) = letters_of(self.child.name, "Allocation")
		with static_files_served():
			print_for_post(letter.name)
		self.assertTrue(frappe.local.response.filecontent.startswith(b"%PDF"))
		sent = frappe.db.get_value("IRO Letter", letter.name, ["status", "sent_how", "sent_on"], as_dict=True)
		self.assertEqual(
			(sent.status, sent.sent_how, str(sent.sent_on)), ("Sent", "Post", frappe.utils.today())
		)
		self.assertEqual(
			str(frappe.db.get_value("Looked After Child", self.child.name, "iro_letter_sent_on")),
			frappe.utils.today(),
		)
		with self.assertRaisesRegex(frappe.ValidationError, "was sent"):
			print_for_post(letter.name)

	def test_email_goes_only_where_the_site_allows_and_an_address_is_recorded(self):
		(letter,) = letters_of(self.child.name, "Allocation")
		with self.assertRaisesRegex(frappe.ValidationError, "by post"):
			send_by_email(letter.name)
		frappe.db.set_single_value(SETTINGS, "letters_by_email", 1)
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		with self.assertRaisesRegex(frappe.ValidationError, "email of the child or carer"):
			send_by_email(letter.name)
		frappe.db.set_value("IRO Letter", letter.name, "recipient_email", "seren.carer@example.com")
		with patch("frappe.sendmail") as sendmail, static_files_served():
			send_by_email(letter.name)
		self.assertEqual(sendmail.call_args.kwargs["recipients"], ["seren.carer@example.com"])
		self.assertEqual(sendmail.call_args.kwargs["subject"], "Your Independent Reviewing Officer")
		frappe.db.set_value("Looked After Child", self.child.name, "preferred_language", "Welsh")
		self.assertEqual(
			subject_of(frappe.get_doc("IRO Letter", letter.name)), "Dy Swyddog Adolygu Annibynnol"
		)
		self.assertEqual(frappe.db.get_value("IRO Letter", letter.name, "sent_how"), "Email")

	def test_a_letter_cannot_be_marked_sent_by_hand_nor_signed_by_someone_not_an_iro(self):
		(name,) = [letter.name for letter in letters_of(self.child.name, "Allocation")]
		letter = frappe.get_doc("IRO Letter", name)
		letter.update({"status": "Sent", "sent_on": date(2026, 1, 2)})
		with self.assertRaisesRegex(frappe.ValidationError, "marked sent only"):
			letter.save()
		letter.reload()
		letter.iro = make_user("letter.not.an.iro@example.com", "Social Worker")
		with self.assertRaisesRegex(frappe.ValidationError, "IRO role"):
			letter.save()
		child = frappe.get_doc("Looked After Child", self.child.name)
		child.iro_letter_sent_on = date(2026, 1, 2)
		with self.assertRaisesRegex(frappe.ValidationError, "set by sending the letter"):
			child.save()
		self.assertEqual(frappe.db.get_value("IRO Letter", name, "status"), "Draft")
		self.assertIsNone(frappe.db.get_value("Looked After Child", self.child.name, "iro_letter_sent_on"))

	def test_a_sent_letter_cannot_be_rewritten(self):
		(name,) = [letter.name for letter in letters_of(self.child.name, "Allocation")]
		with static_files_served():
			print_for_post(name)
		letter = frappe.get_doc("IRO Letter", name)
		letter.iro_words = "Changed after posting"
		with self.assertRaisesRegex(frappe.ValidationError, "cannot be changed"):
			letter.save()

	def test_the_letter_is_in_welsh_for_a_welsh_speaker_and_in_both_welsh_first_in_wales(self):
		frappe.db.set_value("Looked After Child", self.child.name, "preferred_language", "Welsh")
		(letter,) = letters_of(self.child.name, "Allocation")
		welsh = printed(letter.name)
		self.assertIn("Annwyl Seren,", welsh)
		self.assertNotIn("Dear Seren,", welsh)
		frappe.db.set_single_value(SETTINGS, {"bilingual_letters": 1, "jurisdiction": "Wales"})
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		both = printed(letter.name)
		self.assertLess(both.index("Annwyl Seren,"), both.index("Dear Seren,"))


class TestLettersOverHttp(LiveServerTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.iro = cls.make_login("http.letter.iro@example.com", "IRO")
		cls.other = cls.make_login("http.letter.other@example.com", "IRO")
		cls.child = make_looked_after_child(date(2025, 12, 20), first_name="Lowri", allocated_iro=cls.iro)
		cls.letter = letters_of(cls.child.name, "Allocation")[0].name
		frappe.db.set_value("IRO Letter", cls.letter, "iro_words", "Lowri's secret words")
		cls.serve(cls.child.name)

	def stored(self) -> tuple:
		frappe.db.rollback()
		return frappe.db.get_value("IRO Letter", self.letter, ["status", "sent_on", "iro_words", "modified"])

	def test_another_iro_can_neither_read_print_nor_send_the_letter(self):
		before = self.stored()
		session = self.session(self.other)
		for path, params in (
			(f"/api/resource/IRO Letter/{self.letter}", {}),
			("/printview", {"doctype": "IRO Letter", "name": self.letter, "format": "Letter to the Child"}),
			(
				"/api/method/frappe.utils.print_format.download_pdf",
				{"doctype": "IRO Letter", "name": self.letter, "format": "Letter to the Child"},
			),
		):
			response = self.get(session, path, **params)
			self.assertNotIn("secret words", response.text, path)
			self.assertIn(response.status_code, (403, 404), path)
		for method in ("print_for_post", "send_by_email"):
			response = self.post(session, f"/api/method/{LETTERS}.{method}", name=self.letter)
			self.assertEqual(response.status_code, 403, method)
			self.assertNotIn("secret words", response.text)
		self.assertEqual(self.get(session, "/api/resource/IRO Letter").json()["data"], [])
		self.assertEqual(self.stored(), before)

	def test_the_childs_iro_prints_the_letter_for_posting(self):
		response = self.post(
			self.session(self.iro), f"/api/method/{LETTERS}.print_for_post", name=self.letter
		)
		self.assertEqual(response.status_code, 200, response.text[:300])
		self.assertTrue(response.content.startswith(b"%PDF"))
		self.assertEqual(self.stored()[0], "Sent")
