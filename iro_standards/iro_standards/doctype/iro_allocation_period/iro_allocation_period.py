# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

from iro_standards.iro_standards.case_record import CaseRow


class IROAllocationPeriod(CaseRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		allocated_from: DF.Date | None
		allocated_until: DF.Date | None
		iro: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types

	pass
