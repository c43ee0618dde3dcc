# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class IROClosureDay(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		closure_date: DF.Date
		description: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types
	pass
