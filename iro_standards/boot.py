"""What the desk needs at login: deadlines coloured the way the engine does, and the workspace
each role starts its day on."""

import frappe
from frappe.utils import getdate

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	engine_kwargs,
	in_wales,
)
from iro_standards.iro_standards.ssda903 import code_meanings
from iro_standards.standards import due_soon_until

CASEWORK_ROLES = ("IRO", "Team Manager", "Social Worker")
SERVICE_ROLES = ("IRO Manager", "Head of Service", "Safeguarding Admin")


def boot_session(bootinfo) -> None:
	if frappe.session.user == "Guest":
		return
	settings = frappe.get_cached_doc("IRO Standards Settings")
	last_due_soon_day = due_soon_until(
		getdate(), settings.due_soon_working_days, calendar=engine_kwargs()["calendar"]
	)
	bootinfo.iro_standards = {
		"due_soon_until": str(last_due_soon_day),
		"school_terms_set": bool(settings.school_terms),
		"in_wales": in_wales(),
		"ssda903": code_meanings(),
	}
	land_on_the_roles_workspace(bootinfo)


def land_on_the_roles_workspace(bootinfo) -> None:
	"""Managers start on the service's figures, caseworkers on their own work; a workspace the
	user chose as their default wins."""
	user = bootinfo.get("user")
	if user is None or user.get("default_workspace"):
		return
	workspace = starting_workspace(set(frappe.get_roles()))
	if workspace and frappe.db.exists("Workspace", workspace):
		user.default_workspace = {"name": workspace, "public": 1, "title": workspace}


def starting_workspace(roles: set[str]) -> str | None:
	if roles.intersection(SERVICE_ROLES):
		return "IRO Service"
	if roles.intersection(CASEWORK_ROLES):
		return "My Work"
	return None
