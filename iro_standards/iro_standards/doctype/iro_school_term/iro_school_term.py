# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class IROSchoolTerm(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		end_date: DF.Date
		start_date: DF.Date
		term: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types

	pass
