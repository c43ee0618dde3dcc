# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

from iro_standards.iro_standards.case_record import CaseRow


class PlacementMove(CaseRow):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		moved_on: DF.Date
		notes: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		placement_provider: DF.Data | None
		placement_type: DF.Literal[
			"",
			"Foster Care",
			"Kinship Care",
			"Children's Home",
			"Placed With Parents",
			"Semi-Independent",
			"Residential School",
			"Secure Unit",
			"Other",
		]
		reason_for_change: DF.Literal[
			"",
			"Change to the Care Plan",
			"Carer Requested",
			"Provision Closed",
			"Allegation or Concern",
			"Child Requested",
			"Other",
		]
	# end: auto-generated types

	pass
