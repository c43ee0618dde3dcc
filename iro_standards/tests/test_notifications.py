"""The shipped reminders are ordinary Notification records on the dates the engine stores."""

import json
from datetime import timedelta
from unittest.mock import patch

import frappe
from frappe.email.doctype.notification.notification import trigger_daily_alerts
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from iro_standards.install import add_default_notifications
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import engine_kwargs
from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.patches import make_notification_texts_plain
from iro_standards.tests.factories import (
	make_looked_after_child,
	make_outgoing_email_account,
	make_review,
	make_user,
)

SHIPPED = (
	"IRO: Review Due",
	"IRO: Invitations Due",
	"IRO: Social Worker Report Due",
	"IRO: Decisions Due",
	"IRO: Team Manager Response Due",
	"IRO: Record Distribution Due",
	"IRO: Progress Review Due",
	"IRO: Dispute Response Due",
	"IRO: Pathway Plan Review Due",
)


class TestShippedNotifications(FrappeTestCase):
	created_child = None

	def tearDown(self):
		frappe.db.rollback()
		if self.created_child:
			delete_child_and_records(self.created_child)
			frappe.db.commit()

	def test_all_are_installed_as_editable_site_records(self):
		for name in SHIPPED:
			notification = frappe.get_doc("Notification", name)
			self.assertEqual((notification.enabled, notification.is_standard), (1, 0), name)
			self.assertIn(notification.event, ("Days Before", "Days After"))
			self.assertIn("case_number", notification.subject)
			self.assertNotIn("child_name", notification.subject + notification.message)

	def test_each_is_listed_and_reworded_as_plain_text_in_english_and_welsh(self):
		for name in frappe.get_all("Notification", {"name": ("like", "IRO: %")}, pluck="name"):
			notification = frappe.get_doc("Notification", name)
			for text in (notification.subject, notification.iro_subject_cy):
				self.assertNotRegex(text, r"_\(['\"]", name)
				self.assertTrue(text.split("{{")[0].strip(), name)

	def test_a_site_from_before_gets_plain_texts_unless_it_reworded_them(self):
		before = json.loads(make_notification_texts_plain.BEFORE.read_text())
		frappe.db.set_value("Notification", "IRO: Review Due", before["IRO: Review Due"])
		frappe.db.set_value("Notification", "IRO: Decisions Due", "subject", "Our own words {{ doc.name }}")
		make_notification_texts_plain.execute()
		self.assertEqual(
			frappe.db.get_value("Notification", "IRO: Review Due", "subject"),
			"Review due: {{ doc.case_number }}",
		)
		self.assertEqual(
			frappe.db.get_value("Notification", "IRO: Decisions Due", "subject"),
			"Our own words {{ doc.name }}",
		)

	def test_a_sites_edit_or_disabling_survives_migrate(self):
		frappe.db.set_value("Notification", "IRO: Review Due", {"enabled": 0, "days_in_advance": 15})
		frappe.db.delete("Notification", {"name": "IRO: Decisions Due"})
		add_default_notifications()
		self.assertEqual(
			frappe.db.get_value("Notification", "IRO: Review Due", ["enabled", "days_in_advance"]), (0, 15)
		)
		self.assertTrue(frappe.db.exists("Notification", "IRO: Decisions Due"))

	def test_the_review_due_reminder_reaches_the_iro_on_the_stored_date(self):
		make_outgoing_email_account()
		iro = make_user("notify.iro@example.com", "IRO")
		child = make_looked_after_child(
			getdate() - timedelta(days=5), allocated_iro=iro, iro_allocated_on=getdate() - timedelta(days=5)
		)
		review = make_review(child.name, getdate() + timedelta(days=7))
		sent_on = engine_kwargs()["calendar"].working_day_on_or_before(getdate())
		lead = (review.statutory_due - sent_on).days
		frappe.db.set_value("Notification", "IRO: Review Due", "days_in_advance", lead)
		logs_before = set(frappe.get_all("Notification Log", {"for_user": iro}, pluck="name"))
		emails_before = set(frappe.get_all("Email Queue", {"reference_name": review.name}, pluck="name"))

		with patch("iro_standards.notification.reminder_day", return_value=sent_on):
			trigger_daily_alerts()

		new_logs = frappe.get_all(
			"Notification Log",
			{"for_user": iro, "name": ("not in", logs_before or [""]), "document_name": ("like", "REV-%")},
			["subject", "document_type", "document_name"],
		)
		self.created_child = child.name
		self.assertEqual(
			[(log.document_type, log.document_name) for log in new_logs], [("Child Review", review.name)]
		)
		self.assertIn(child.case_number, new_logs[0].subject)
		self.assertNotIn(child.full_name, new_logs[0].subject)
		queued = frappe.get_all(
			"Email Queue",
			{"reference_name": review.name, "name": ("not in", emails_before or [""])},
			["name", "message"],
		)
		self.assertEqual(len(queued), 1)
		recipients = frappe.get_all("Email Queue Recipient", {"parent": queued[0].name}, pluck="recipient")
		self.assertIn(iro, recipients)
		self.assertIn(child.case_number, queued[0].message)


class TestRemindersOnWorkingDays(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()

	def reminders_to(self, iro: str, review: str, today) -> list[str]:
		with patch("iro_standards.notification.reminder_day", return_value=today):
			trigger_daily_alerts()
		return frappe.get_all("Notification Log", {"for_user": iro, "document_name": review}, pluck="subject")

	def test_a_reminder_falling_on_a_saturday_goes_out_on_the_friday_and_not_again(self):
		self.addCleanup(frappe.db.commit)
		iro = make_user("notify.weekend@example.com", "IRO")
		child = make_looked_after_child(
			getdate() - timedelta(days=5), allocated_iro=iro, iro_allocated_on=getdate() - timedelta(days=5)
		)
		self.addCleanup(delete_child_and_records, child.name)
		review = make_review(child.name, getdate() + timedelta(days=7))
		calendar = engine_kwargs()["calendar"]
		saturday = getdate(review.statutory_due) - timedelta(
			days=(getdate(review.statutory_due).weekday() - 5) % 7
		)
		while not calendar.is_working_day(saturday - timedelta(days=1)):
			saturday -= timedelta(days=7)
		lead = (getdate(review.statutory_due) - saturday).days
		frappe.db.set_value("Notification", "IRO: Review Due", "days_in_advance", lead)
		self.assertEqual(self.reminders_to(iro, review.name, saturday), [])
		self.assertEqual(
			self.reminders_to(iro, review.name, saturday - timedelta(days=1)),
			[f"Review due: {child.case_number}"],
		)
		self.assertEqual(len(self.reminders_to(iro, review.name, saturday + timedelta(days=1))), 1)


def rate_care_plan_red(child: str) -> None:
	frappe.get_doc(
		{
			"doctype": "Care Plan RAG Update",
			"child": child,
			"rated_on": getdate(),
			"care_plan_rag": "Red",
			"rag_narrative": "The placement is breaking down.",
		}
	).insert()


class TestBellWithoutEmail(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()

	def test_the_bell_rings_on_a_site_without_outgoing_email(self):
		frappe.db.set_value("Email Account", {"enable_outgoing": 1}, "enable_outgoing", 0)
		frappe.conf.pop("mail_server", None)
		social_worker = make_user("bell.sw@example.com", "Social Worker")
		child = make_looked_after_child(
			getdate() - timedelta(days=90),
			social_worker=social_worker,
			allocated_iro=make_user("bell.iro@example.com", "IRO"),
		)
		errors_before = frappe.db.count("Error Log", {"method": "Failed to send Notification"})
		emails_before = frappe.db.count("Email Queue")
		rate_care_plan_red(child.name)
		self.assertTrue(
			frappe.db.exists(
				"Notification Log", {"for_user": social_worker, "document_type": "Care Plan RAG Update"}
			)
		)
		self.assertEqual(
			frappe.db.count("Error Log", {"method": "Failed to send Notification"}), errors_before
		)
		self.assertEqual(frappe.db.count("Email Queue"), emails_before)

	def test_the_social_worker_is_told_which_iro_was_allocated(self):
		social_worker = make_user("bell.sw@example.com", "Social Worker")
		iro = make_user("bell.iro@example.com", "IRO")
		child = make_looked_after_child(getdate() - timedelta(days=10), social_worker=social_worker)
		self.assertFalse(
			frappe.db.exists("Notification Log", {"for_user": social_worker, "document_name": child.name})
		)
		child.allocated_iro = iro
		child.iro_allocated_on = getdate()
		child.save()
		told = frappe.get_all(
			"Notification Log", {"for_user": social_worker, "document_name": child.name}, pluck="subject"
		)
		self.assertEqual(told, [f"IRO allocated: {child.case_number}"])


class TestNotificationsInTheRecipientsLanguage(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()
		frappe.clear_document_cache("IRO Standards Settings", "IRO Standards Settings")

	def rate_care_plan(self, social_worker: str, team_manager: str) -> str:
		make_outgoing_email_account()
		child = make_looked_after_child(
			getdate() - timedelta(days=90), social_worker=social_worker, team_manager=team_manager
		)
		rate_care_plan_red(child.name)
		return child.case_number

	def bell(self, user: str) -> str:
		return frappe.db.get_value(
			"Notification Log", {"for_user": user, "document_type": "Care Plan RAG Update"}, "subject"
		)

	def email_to(self, user: str) -> frappe._dict:
		queued = frappe.get_all(
			"Email Queue Recipient", {"recipient": user}, pluck="parent", order_by="creation desc", limit=1
		)
		return frappe.db.get_value("Email Queue", queued[0], ["message"], as_dict=True)

	def test_a_welsh_speaker_reads_welsh_and_an_english_speaker_english(self):
		welsh = make_user("notify.cy@example.com", "Social Worker")
		english = make_user("notify.en@example.com", "Team Manager")
		frappe.db.set_value("User", welsh, "language", "cy")
		frappe.db.set_value("User", english, "language", "en")
		case_number = self.rate_care_plan(welsh, english)
		self.assertEqual(self.bell(welsh), f"Sgoriwyd y cynllun gofal yn Coch: {case_number}")
		self.assertEqual(self.bell(english), f"Care plan rated Red: {case_number}")
		self.assertIn("Agor", self.email_to(welsh).message)
		self.assertNotIn("The IRO rated", self.email_to(welsh).message)
		self.assertIn("The IRO rated", self.email_to(english).message)

	def test_the_english_form_is_plain_text_an_admin_rewords(self):
		frappe.db.set_value(
			"Notification",
			"IRO: Care Plan Rated Between Reviews",
			"subject",
			"New rating for {{ doc.case_number }}: {{ doc.care_plan_rag }}",
		)
		english = make_user("notify.en@example.com", "Team Manager")
		frappe.db.set_value("User", english, "language", "en")
		case_number = self.rate_care_plan(make_user("notify.cy@example.com", "Social Worker"), english)
		self.assertEqual(self.bell(english), f"New rating for {case_number}: Red")

	def test_the_welsh_form_is_a_site_record_an_admin_edits(self):
		frappe.db.set_value(
			"Notification",
			"IRO: Care Plan Rated Between Reviews",
			"iro_subject_cy",
			"Sgôr newydd i gynllun {{ doc.case_number }}",
		)
		welsh = make_user("notify.cy@example.com", "Social Worker")
		frappe.db.set_value("User", welsh, "language", "cy")
		case_number = self.rate_care_plan(welsh, make_user("notify.en@example.com", "Team Manager"))
		self.assertEqual(self.bell(welsh), f"Sgôr newydd i gynllun {case_number}")

	def test_in_wales_a_person_whose_language_is_not_known_reads_welsh_first_then_english(self):
		frappe.db.set_single_value("IRO Standards Settings", "jurisdiction", "Wales")
		frappe.clear_document_cache("IRO Standards Settings", "IRO Standards Settings")
		unknown = make_user("notify.unknown@example.com", "Social Worker")
		frappe.db.set_value("User", unknown, "language", "")
		case_number = self.rate_care_plan(unknown, make_user("notify.en@example.com", "Team Manager"))
		self.assertEqual(
			self.bell(unknown),
			f"Sgoriwyd y cynllun gofal yn Coch: {case_number} / Care plan rated Red: {case_number}",
		)
		message = self.email_to(unknown).message
		self.assertLess(message.index("Sgoriodd"), message.index("The IRO rated"))
