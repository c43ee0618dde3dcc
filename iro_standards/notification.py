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
		if self.document_type in APP_RECORDS and not EmailAccount.find_outgoing(
			match_by_doctype=self.document_type
		):
			return
		super().send_an_email(doc, context)
