# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

# import frappe
from iro_standards.iro_standards.case_record import CaseRow


class PracticeStandardCheck(CaseRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		area: DF.Data | None
		note: DF.SmallText | None
		outcome: DF.Literal["", "Met", "Not Met", "Not Applicable"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		practice_standard: DF.Link
		statement: DF.SmallText | None
	# end: auto-generated types
	pass
