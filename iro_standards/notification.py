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
"""

from contextlib import contextmanager

import frappe
from frappe.email.doctype.email_account.email_account import EmailAccount
from frappe.email.doctype.notification.notification import Notification

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import in_wales
from iro_standards.iro_standards.notification_texts import WELSH_FIELDS
from iro_standards.permissions import CHILD, CHILD_RECORDS

APP_RECORDS = frozenset({CHILD, *CHILD_RECORDS})
WELSH = "cy"
BOTH = "both"


class BellWithoutEmailNotification(Notification):
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
