"""What the desk needs at login to colour deadlines the way the engine does."""

import frappe
from frappe.utils import getdate

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import engine_kwargs
from iro_standards.standards import due_soon_until


def boot_session(bootinfo) -> None:
	if frappe.session.user == "Guest":
		return
	window = frappe.get_cached_doc("IRO Standards Settings").due_soon_working_days
	last_due_soon_day = due_soon_until(getdate(), window, calendar=engine_kwargs()["calendar"])
	bootinfo.iro_standards = {"due_soon_until": str(last_due_soon_day)}
