"""Notifications on the app's records reach the bell even where e-mail is not set up.

Frappe sends a Notification's e-mail before its system notification, and an error from a site
with no outgoing account stops the bell as well (and logs an error each time). For the app's
DocTypes, the e-mail is left out until an outgoing account exists; everything else is Frappe's.
"""

from frappe.email.doctype.email_account.email_account import EmailAccount
from frappe.email.doctype.notification.notification import Notification

from iro_standards.permissions import CHILD, CHILD_RECORDS

APP_RECORDS = frozenset({CHILD, *CHILD_RECORDS})


class BellWithoutEmailNotification(Notification):
	def send_an_email(self, doc, context):
		if self.document_type in APP_RECORDS and not can_send_email(self.document_type):
			return
		super().send_an_email(doc, context)


def can_send_email(doctype: str) -> bool:
	"""Whether the site has an account to send from (Frappe's stand-in for muted sites does not count)."""
	return bool(
		EmailAccount.find_one_by_filters(enable_outgoing=1, default_outgoing=1)
		or EmailAccount.find_one_by_filters(enable_outgoing=1, enable_incoming=1, append_to=doctype)
		or EmailAccount.find_from_config()
	)
