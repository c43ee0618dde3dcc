# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

# import frappe
from iro_standards.iro_standards.case_record import CaseRow


class RecommendationProgress(CaseRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		action: DF.SmallText | None
		due_by: DF.Date | None
		evidence: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		progress: DF.Literal["", "On Track", "Done", "At Risk", "Drifting"]
		recommendation: DF.Data | None
		responsible: DF.Data | None
	# end: auto-generated types
	pass
