"""The shipped reminders are ordinary Notification records on the dates the engine stores."""

from datetime import timedelta

import frappe
from frappe.email.doctype.notification.notification import trigger_daily_alerts
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from iro_standards.install import add_default_notifications
from iro_standards.iro_standards.records import delete_child_and_records
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
		lead = (review.statutory_due - getdate()).days
		frappe.db.set_value("Notification", "IRO: Review Due", "days_in_advance", lead)
		logs_before = set(frappe.get_all("Notification Log", {"for_user": iro}, pluck="name"))
		emails_before = set(frappe.get_all("Email Queue", {"reference_name": review.name}, pluck="name"))

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
		frappe.get_doc(
			{
				"doctype": "Care Plan RAG Update",
				"child": child.name,
				"rated_on": getdate(),
				"care_plan_rag": "Red",
				"rag_narrative": "The placement is breaking down.",
			}
		).insert()
		self.assertTrue(
			frappe.db.exists(
				"Notification Log", {"for_user": social_worker, "document_type": "Care Plan RAG Update"}
			)
		)
		self.assertEqual(
			frappe.db.count("Error Log", {"method": "Failed to send Notification"}), errors_before
		)
		self.assertEqual(frappe.db.count("Email Queue"), emails_before)
