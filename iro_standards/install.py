"""Install data: created when missing, never overwritten, so a site's own edits survive migrate."""

import json

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	add_default_dispute_stages,
	in_wales,
)
from iro_standards.iro_standards.doctype.looked_after_child.looked_after_child import WORKS_IN_WELSH
from iro_standards.iro_standards.doctype.practice_standard.practice_standard import (
	add_default_practice_standards,
)
from iro_standards.iro_standards.notification_texts import DEFAULT_NOTIFICATIONS, WELSH_FIELDS, WELSH_SECTION
from iro_standards.iro_standards.welsh_law import (
	apply_welsh_law_terms,
	hide_england_only_links,
	revert_welsh_law_terms,
)
from iro_standards.iro_standards.workflow.installer import install_default_workflows

WELSH = {"language_code": "cy", "language_name": "Cymraeg"}
ROLES = ("IRO", "IRO Manager", "Safeguarding Admin", "Social Worker", "Team Manager", "Head of Service")
CASE_WORK_PROFILE = "IRO Case Work"
CASE_WORK_MODULES = ("IRO Standards", "Desk")


def after_install() -> None:
	ensure_install_data()
	hide_tracebacks_unless_testing()


def keep_case_roles_from_the_first_user(args: dict) -> None:
	"""Frappe's setup wizard gives the user it makes every role. The service's roles open children's
	files, put a person in the IRO picker and send them overdue work, so an administrator holds
	them only when someone gives them deliberately."""
	email = (args or {}).get("email")
	if not (email and frappe.db.exists("User", email)):
		return
	user = frappe.get_doc("User", email)
	user.remove_roles(*ROLES)
	frappe.msgprint(
		frappe._(
			"{0} holds none of the IRO service's roles: give them in the user's Roles to see children."
		).format(email),
		indicator="blue",
	)


def hide_tracebacks_unless_testing() -> None:
	"""A fresh site answers errors with full tracebacks to anyone; a site with the app does only
	where it is a test site (``allow_tests``)."""
	if not frappe.conf.allow_tests:
		frappe.db.set_single_value("System Settings", "allow_error_traceback", 0)


def after_migrate() -> None:
	ensure_install_data()
	if in_wales():
		apply_welsh_law_terms()
		hide_england_only_links()


def before_uninstall() -> None:
	"""Workflows and notifications on the app's DocTypes would point at DocTypes that are gone; the
	words of Welsh law and the Welsh fields of notifications go with the app."""
	doctypes = frappe.get_all("DocType", {"module": "IRO Standards"}, pluck="name")
	for doctype in ("Workflow", "Notification"):
		for name in frappe.get_all(doctype, {"document_type": ("in", doctypes)}, pluck="name"):
			frappe.delete_doc(doctype, name, ignore_permissions=True, force=True)
	revert_welsh_law_terms()
	for name in frappe.get_all(
		"Custom Field",
		{"dt": "Notification", "fieldname": ("in", (WELSH_SECTION, *WELSH_FIELDS.values()))},
		pluck="name",
	) + frappe.get_all("Custom Field", {"dt": "User", "fieldname": WORKS_IN_WELSH}, pluck="name"):
		frappe.delete_doc("Custom Field", name, ignore_permissions=True, force=True)
	for name in frappe.get_all(
		"Property Setter", {"module": "IRO Standards", "doc_type": "User"}, pluck="name"
	):
		frappe.delete_doc("Property Setter", name, ignore_permissions=True, force=True)


def ensure_install_data() -> None:
	ensure_roles()
	ensure_welsh_language()
	add_default_dispute_stages()
	add_default_practice_standards()
	install_default_workflows()
	add_welsh_notification_fields()
	add_iro_language_field()
	add_default_notifications()
	show_people_by_name()
	ensure_case_work_module_profile()


def ensure_case_work_module_profile() -> None:
	"""A Module Profile an admin gives to IROs, social workers and team managers: the desk shows
	them the IRO service and their own ToDos and notifications, not the site's Users, Website,
	Tools, Integrations and Build workspaces. Made once; the site's edits to it are kept."""
	if frappe.db.exists("Module Profile", CASE_WORK_PROFILE):
		return
	blocked = frappe.get_all("Module Def", filters={"name": ("not in", CASE_WORK_MODULES)}, pluck="name")
	frappe.get_doc(
		{
			"doctype": "Module Profile",
			"module_profile_name": CASE_WORK_PROFILE,
			"block_modules": [{"module": module} for module in sorted(blocked)],
		}
	).insert(ignore_permissions=True)


def show_people_by_name() -> None:
	"""Links to users (allocated IRO, chair, team manager...) show the person's name, not their
	e-mail, unless the site has decided otherwise for User in Customize Form."""
	if not frappe.db.exists(
		"Property Setter",
		{"doc_type": "User", "property": "show_title_field_in_link", "field_name": ("is", "not set")},
	):
		frappe.get_doc(
			{
				"doctype": "Property Setter",
				"doctype_or_field": "DocType",
				"doc_type": "User",
				"property": "show_title_field_in_link",
				"value": "1",
				"property_type": "Check",
				"module": "IRO Standards",
			}
		).insert(ignore_permissions=True)


def ensure_welsh_language() -> None:
	"""Welsh is not in Frappe's language list; councils in Wales must be able to choose it."""
	if not frappe.db.exists("Language", WELSH["language_code"]):
		frappe.get_doc({"doctype": "Language", "enabled": 1, **WELSH}).insert(ignore_permissions=True)


def ensure_roles() -> None:
	for role in ROLES:
		if not frappe.db.exists("Role", role):
			frappe.get_doc({"doctype": "Role", "role_name": role, "desk_access": 1}).insert(
				ignore_permissions=True
			)


def add_welsh_notification_fields() -> None:
	"""Each Notification keeps its Welsh subject and message beside the English ones.

	Only when missing: Frappe syncs the table after creating custom fields, and that commits."""
	fieldnames = (WELSH_SECTION, *WELSH_FIELDS.values())
	if frappe.db.count("Custom Field", {"dt": "Notification", "fieldname": ("in", fieldnames)}) == len(
		fieldnames
	):
		return
	create_custom_fields(
		{
			"Notification": [
				{
					"fieldname": WELSH_SECTION,
					"fieldtype": "Section Break",
					"label": "Welsh",
					"collapsible": 1,
					"insert_after": "message_examples",
				},
				{
					"fieldname": WELSH_FIELDS["subject"],
					"fieldtype": "Data",
					"label": "Subject (Welsh)",
					"insert_after": WELSH_SECTION,
					"description": "For recipients whose language is Welsh. When empty, they get the subject above in the app's Welsh.",
				},
				{
					"fieldname": WELSH_FIELDS["message"],
					"fieldtype": "Code",
					"options": "Jinja",
					"label": "Message (Welsh)",
					"insert_after": WELSH_FIELDS["subject"],
					"description": "For recipients whose language is Welsh. When empty, they get the message above in the app's Welsh.",
				},
			]
		},
		update=False,
	)


def add_iro_language_field() -> None:
	"""Each IRO records whether they work in Welsh, so a child who prefers Welsh can be matched
	(the Active Offer). Only when missing, as the Welsh notification fields."""
	if frappe.db.exists("Custom Field", {"dt": "User", "fieldname": WORKS_IN_WELSH}):
		return
	create_custom_fields(
		{
			"User": [
				{
					"fieldname": WORKS_IN_WELSH,
					"fieldtype": "Check",
					"label": "Works in Welsh",
					"insert_after": "language",
					"description": "For IROs: they chair reviews and speak with children in Welsh.",
				}
			]
		},
		update=False,
	)


def add_default_notifications() -> None:
	"""Reminders on the milestone dates the engine stores, editable and kept across migrate.

	They are site records, not standard ones, so an admin can change text, recipients, channel
	and lead time, or disable one, in the desk. The lead time starts from IRO Standards Settings.
	"""
	settings = frappe.get_single("IRO Standards Settings")
	for notification in json.loads(DEFAULT_NOTIFICATIONS.read_text()):
		if frappe.db.exists("Notification", notification["name"]):
			continue
		lead_time_setting = notification.pop("lead_time_setting")
		if lead_time_setting:
			notification["days_in_advance"] = settings.get(lead_time_setting)
		frappe.get_doc(
			{
				"doctype": "Notification",
				"channel": "Email",
				"send_system_notification": 1,
				"message_type": "Markdown",
				"enabled": 1,
				"is_standard": 0,
				**notification,
			}
		).insert(ignore_permissions=True)
