# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

# import frappe
from iro_standards.iro_standards.case_record import CaseRow


class IRODisputeStage(CaseRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		addressed_to: DF.Data | None
		asked: DF.Link | None
		entered_on: DF.Date
		outcome: DF.Literal["", "Resolved", "Escalated", "Withdrawn"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		responded_on: DF.Date | None
		response: DF.SmallText | None
		response_due: DF.Date | None
		stage: DF.Data
	# end: auto-generated types
	pass
