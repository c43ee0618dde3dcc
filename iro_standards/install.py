"""Install data: created when missing, never overwritten, so a site's own edits survive migrate."""

import frappe

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	add_default_dispute_stages,
)
from iro_standards.iro_standards.doctype.practice_standard.practice_standard import (
	add_default_practice_standards,
)
from iro_standards.iro_standards.workflow.installer import install_default_workflows

WELSH = {"language_code": "cy", "language_name": "Cymraeg"}
ROLES = ("IRO", "IRO Manager", "Safeguarding Admin", "Social Worker", "Team Manager", "Head of Service")


def after_install() -> None:
	ensure_install_data()


def after_migrate() -> None:
	ensure_install_data()


def ensure_install_data() -> None:
	ensure_roles()
	ensure_welsh_language()
	add_default_dispute_stages()
	add_default_practice_standards()
	install_default_workflows()


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
