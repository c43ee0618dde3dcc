# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

# import frappe
from iro_standards.iro_standards.case_record import CaseRow


class ReviewAttendee(CaseRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		alternative_contribution: DF.SmallText | None
		attendee_name: DF.Data
		exclusion_reason: DF.SmallText | None
		language_of_choice: DF.Literal["", "English", "Welsh"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		participation: DF.Literal["Attended", "Contributed Another Way", "Excluded", "Did Not Attend"]
		role: DF.Literal[
			"Child",
			"Parent",
			"Carer",
			"Social Worker",
			"Team Manager",
			"Advocate",
			"Interpreter",
			"Teacher",
			"Health",
			"Other",
		]
		spoke_welsh: DF.Check
		welsh_offered: DF.Check
	# end: auto-generated types
	pass
