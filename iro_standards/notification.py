"""Notifications on the app's records reach each person in their language, and the bell even where
e-mail is not set up.

Frappe sends a Notification's e-mail before its system notification, and an error from a site
with no outgoing account stops the bell as well (and logs an error each time). For the app's
DocTypes, the e-mail is left out until an outgoing account exists.

Each recipient gets the notification in their own language: Welsh speakers the Welsh form kept
on the Notification (Subject and Message (Welsh), plain text with the record's fields, editable in
the desk like the English form; when empty, the English form), others the English form. On a site in Wales, people
whose language is not known get both, Welsh first; in England, English. Notifications on other
DocTypes are Frappe's own.

The app's reminders (Days Before, Days After) never go out on a weekend, bank holiday or closure
day: the working day before sends them.
"""

from contextlib import contextmanager

import frappe
from frappe.email.doctype.email_account.email_account import EmailAccount
from frappe.email.doctype.notification.notification import Notification, get_context
from frappe.utils import add_days, getdate

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	engine_kwargs,
	in_wales,
)
from iro_standards.iro_standards.notification_texts import WELSH_FIELDS
from iro_standards.permissions import CHILD, CHILD_RECORDS
from iro_standards.standards.work import reminder_days_sent_on

APP_RECORDS = frozenset({CHILD, *CHILD_RECORDS})
WELSH = "cy"
BOTH = "both"


class BellWithoutEmailNotification(Notification):
	def get_documents_for_today(self):
		"""The app's reminders never go out on a day nobody works: a working day sends its own and
		those of the non-working days before the next working day."""
		if self.document_type not in APP_RECORDS:
			return super().get_documents_for_today()
		days = reminder_days_sent_on(reminder_day(), engine_kwargs()["calendar"])
		if not days:
			return []
		ahead = -self.days_in_advance if self.event == "Days After" else self.days_in_advance
		names = frappe.get_all(
			self.document_type,
			filters=[
				[self.date_changed, ">=", f"{add_days(days[0], ahead)} 00:00:00.000000"],
				[self.date_changed, "<=", f"{add_days(days[-1], ahead)} 23:59:59.000000"],
			],
			pluck="name",
		)
		documents = [frappe.get_doc(self.document_type, name) for name in names]
		return [
			doc
			for doc in documents
			if not self.condition or frappe.safe_eval(self.condition, None, get_context(doc))
		]

	def send_an_email(self, doc, context):
		if self.document_type in APP_RECORDS and not can_send_email(self.document_type):
			return
		self.in_each_recipients_language(doc, context, super().send_an_email)

	def create_system_notification(self, doc, context):
		self.in_each_recipients_language(doc, context, super().create_system_notification)

	def in_each_recipients_language(self, doc, context, send) -> None:
		if self.document_type not in APP_RECORDS:
			send(doc, context)
			return
		recipients, cc, bcc = self.get_list_of_recipients(doc, context)
		for language, people in recipients_by_language(recipients + cc + bcc).items():
			with self.written_for(language, people, context):
				send(doc, context)

	@contextmanager
	def written_for(self, language: str, people: list[str], context: dict):
		"""The notification as ``people`` read it, sent to them alone."""
		subject, message = self.subject, self.message
		self.subject = rendered_raw(self.text_in("subject", language, context))
		self.message = rendered_raw(self.text_in("message", language, context, separator="\n\n---\n\n"))
		self.get_list_of_recipients = lambda doc, context: (people, [], [])
		try:
			yield
		finally:
			self.subject, self.message = subject, message
			del self.get_list_of_recipients

	def text_in(self, fieldname: str, language: str, context: dict, separator: str = " / ") -> str:
		english = render_in("en", self.get(fieldname), context)
		welsh = render_in(WELSH, self.get(WELSH_FIELDS[fieldname]) or self.get(fieldname), context)
		if language == WELSH:
			return welsh
		if language == BOTH and in_wales() and welsh != english:
			return separator.join((welsh, english))
		return english


def recipients_by_language(recipients: list[str]) -> dict[str, list[str]]:
	"""Recipients grouped by the language they read: Welsh, English, or both when it is not known."""
	if not recipients:
		return {}
	users = frappe.get_all(
		"User",
		or_filters=[["User", "name", "in", recipients], ["User", "email", "in", recipients]],
		fields=["name", "email", "language"],
	)
	language_of = {}
	for user in users:
		language_of[user.name] = language_of[user.email] = user.language
	grouped = {}
	for recipient in dict.fromkeys(recipients):
		language = language_of.get(recipient)
		key = WELSH if language == WELSH else ("en" if language else BOTH)
		grouped.setdefault(key, []).append(recipient)
	return grouped


def render_in(language: str, template: str, context: dict) -> str:
	previous = frappe.local.lang
	frappe.local.lang = language
	try:
		return frappe.render_template(template or "", context)
	finally:
		frappe.local.lang = previous


def rendered_raw(text: str) -> str:
	"""Text already rendered, kept as it is when Frappe renders the notification again."""
	return "{% raw %}" + text.replace("{% endraw %}", "") + "{% endraw %}"


def can_send_email(doctype: str) -> bool:
	"""Whether the site has an account to send from (Frappe's stand-in for muted sites does not count)."""
	return bool(
		EmailAccount.find_one_by_filters(enable_outgoing=1, default_outgoing=1)
		or EmailAccount.find_one_by_filters(enable_outgoing=1, enable_incoming=1, append_to=doctype)
		or EmailAccount.find_from_config()
	)


def reminder_day():
	"""Today, as the daily reminders see it."""
	return getdate()
