"""Notifications installed before they had Welsh forms get the shipped ones, where the site has not
written its own."""

import json

import frappe

from iro_standards.install import add_welsh_notification_fields
from iro_standards.iro_standards.notification_texts import DEFAULT_NOTIFICATIONS, WELSH_FIELDS


def execute() -> None:
	add_welsh_notification_fields()
	frappe.clear_cache(doctype="Notification")
	for shipped in json.loads(DEFAULT_NOTIFICATIONS.read_text()):
		for fieldname in WELSH_FIELDS.values():
			if frappe.db.exists("Notification", shipped["name"]) and not frappe.db.get_value(
				"Notification", shipped["name"], fieldname
			):
				frappe.db.set_value(
					"Notification", shipped["name"], fieldname, shipped[fieldname], update_modified=False
				)
