# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _

from iro_standards.writes import AppDocument


class SSDA903Export(AppDocument):
	def before_insert(self) -> None:
		if not self.flags.logged_by_the_export:
			frappe.throw(
				_("An export is logged by exporting the return; it cannot be recorded by hand."),
				frappe.PermissionError,
			)
