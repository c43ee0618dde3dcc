# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class IRODisputeStageTimescale(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		addressed_to: DF.Data | None
		level: DF.Literal["Informal", "Formal", "Referral"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		response_working_days: DF.Int
		stage: DF.Data
	# end: auto-generated types
	pass
