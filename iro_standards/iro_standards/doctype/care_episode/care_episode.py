# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import formatdate, getdate

from iro_standards.iro_standards.case_record import CaseRecord
from iro_standards.iro_standards.cycle import schedule_child
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import engine_kwargs
from iro_standards.iro_standards.doctype.looked_after_child.looked_after_child import (
	allocate_the_conference_chair,
	refresh_child_timescales,
)
from iro_standards.iro_standards.doctype.significant_change.significant_change import (
	record_significant_change,
)
from iro_standards.iro_standards.ssda903 import (
	fill_codes_from_plain_values,
	period_of,
	refuse_what_the_return_would_refuse,
)
from iro_standards.iro_standards.validation import (
	refuse_date_before,
	refuse_dates_outside_the_calendar,
	refuse_future_dates,
)
from iro_standards.standards import first_review_due, overlapping_period, pep_due
from iro_standards.standards.ssda903 import period_problems
from iro_standards.standards.stability import Stay, is_unplanned, placement_of


class CareEpisode(CaseRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from iro_standards.iro_standards.doctype.placement_move.placement_move import PlacementMove

		child: DF.Link
		child_name: DF.Data | None
		end_date: DF.Date | None
		end_reason: DF.Literal[
			"",
			"Returned Home",
			"Adopted",
			"Special Guardianship Order",
			"Child Arrangements Order",
			"Independent Living",
			"Age 18",
			"Transferred",
			"Other",
		]
		first_review_due: DF.Date | None
		is_open: DF.Check
		legal_status: DF.Literal[
			"",
			"Interim Care Order",
			"Full Care Order",
			"Placement Order",
			"Accommodated by Agreement (s20 / s76)",
			"Police Protection",
			"Emergency Protection Order",
			"Remanded",
			"Other",
		]
		naming_series: DF.Literal["EPI-.YYYY.-.#####"]
		pep_due: DF.Date | None
		placement_provider: DF.Data | None
		placement_start: DF.Date | None
		placements: DF.Table[PlacementMove]
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
		start_date: DF.Date
	# end: auto-generated types

	def validate(self) -> None:
		refuse_future_dates(self, "start_date", "end_date", "placement_start")
		refuse_dates_outside_the_calendar(self, "start_date", "end_date")
		refuse_date_before(self, "end_date", self.start_date, _("the date the child became looked after"))
		self.is_open = int(not self.end_date)
		if self.end_date and not self.end_reason:
			frappe.throw(_("Record why the child ceased to be looked after."), title=_("Missing information"))
		self.check_other_episodes()
		self.keep_placement_history()
		self.code_for_the_return()
		kwargs = engine_kwargs()
		self.first_review_due = first_review_due(getdate(self.start_date), **kwargs)
		self.pep_due = pep_due(getdate(self.start_date), **kwargs)

	def keep_placement_history(self) -> None:
		"""Placements is the history of the episode's placements; the fields above show the latest.
		An episode recorded with only the fields above starts its history from them."""
		if not self.placements:
			if self.placement_type:
				self.append(
					"placements",
					{
						"moved_on": self.placement_start or self.start_date,
						"placement_type": self.placement_type,
						"placement_provider": self.placement_provider,
					},
				)
			return
		self.refuse_overwriting_the_current_placement()
		self.placements.sort(key=lambda row: getdate(row.moved_on))
		for idx, row in enumerate(self.placements, 1):
			row.idx = idx
			refuse_future_dates(row, "moved_on")
			refuse_date_before(row, "moved_on", self.start_date, _("the date the child became looked after"))
			if self.end_date and getdate(row.moved_on) > getdate(self.end_date):
				frappe.throw(
					_("Placement row {0} starts after the episode ended.").format(idx),
					title=_("Invalid date"),
				)
			if idx > 1 and not row.reason_for_change and self.moved(self.placements[idx - 2], row):
				frappe.throw(
					_("Placement row {0}: record the reason for the move.").format(idx),
					title=_("Missing information"),
				)
		latest = self.placements[-1]
		self.placement_type = latest.placement_type
		self.placement_provider = latest.placement_provider
		self.placement_start = latest.moved_on

	@staticmethod
	def moved(earlier, row) -> bool:
		"""A row that keeps the placement records a change of legal status only."""
		return placement_of(
			row.placement_type, row.placement_provider, row.placement_postcode
		) != placement_of(earlier.placement_type, earlier.placement_provider, earlier.placement_postcode)

	def code_for_the_return(self) -> None:
		"""The SSDA903 codes: taken from the app's own wording where it is certain, then checked;
		a code still to record waits for the return's checks."""
		fill_codes_from_plain_values(self, {"legal_status_code": ("LS", "legal_status")})
		self.home_postcode = (self.home_postcode or "").strip().upper()
		for row in self.placements:
			fill_codes_from_plain_values(
				row,
				{
					"placement_code": ("PLACE", "placement_type"),
					"change_reason_code": ("REASON_PLACE_CHANGE", "reason_for_change"),
				},
			)
			row.placement_postcode = (row.placement_postcode or "").strip().upper()
			row.urn = (row.urn or "").strip().upper()
		if not self.end_date:
			self.ceased_reason_code = None
		refuse_what_the_return_would_refuse(
			period_problems(period_of(self.as_dict(), [row.as_dict() for row in self.placements]))
		)

	def refuse_overwriting_the_current_placement(self) -> None:
		before = self.get_doc_before_save()
		if not before or not before.placements or len(before.placements) != len(self.placements):
			return
		start = getdate(self.placement_start) if self.placement_start else None
		before_start = getdate(before.placement_start) if before.placement_start else None
		if (self.placement_type, self.placement_provider or "", start) != (
			before.placement_type,
			before.placement_provider or "",
			before_start,
		):
			frappe.throw(
				_("Record a move in {0} rather than changing the current placement.").format(
					_(self.meta.get_label("placements"))
				),
				title=_("Placement history"),
			)

	def check_other_episodes(self) -> None:
		"""A child has at most one open episode, and episodes never overlap."""
		others = frappe.get_all(
			"Care Episode",
			filters={"child": self.child, "name": ("!=", self.name)},
			fields=["name", "start_date", "end_date"],
		)
		if self.is_open and any(not other.end_date for other in others):
			frappe.throw(
				_("This child already has an open care episode. End it before starting a new one."),
				title=_("Episode already open"),
			)
		clash = overlapping_period(
			getdate(self.start_date),
			getdate(self.end_date) if self.end_date else None,
			[(getdate(o.start_date), getdate(o.end_date) if o.end_date else None) for o in others],
		)
		if clash:
			frappe.throw(
				_("This episode overlaps the child's episode from {0} to {1}.").format(
					formatdate(clash[0]), formatdate(clash[1]) if clash[1] else _("today")
				),
				title=_("Overlapping episodes"),
			)

	def after_insert(self) -> None:
		if self.is_open:
			allocate_the_conference_chair(self.child)

	def on_update(self) -> None:
		refresh_child_timescales(self.child)
		schedule_child(self.child)
		self.record_significant_changes()

	def record_significant_changes(self) -> None:
		"""Each placement row added to an open episode after it began is a move or a change of
		legal status the IRO is told of; a move out of a placement that ended unplanned says so."""
		before = self.get_doc_before_save()
		if not before or not self.is_open:
			return
		known = {row.name for row in before.placements}
		for index, row in enumerate(self.placements):
			if row.name in known or index == 0:
				continue
			moved = self.moved(self.placements[index - 1], row)
			record_significant_change(
				self.child,
				"Placement Move" if moved else "Change of Legal Status",
				row.moved_on,
				" ".join(
					filter(None, (_(row.placement_type or ""), row.placement_provider, row.legal_status_code))
				),
				unplanned=moved
				and is_unplanned(
					Stay(
						getdate(row.moved_on),
						reason=row.reason_for_change or "",
						reason_code=row.change_reason_code or "",
					)
				),
			)

	def on_trash(self) -> None:
		"""Reviews only planned go with the episode; held ones must be cancelled first."""
		if frappe.db.exists("Child Review", {"episode": self.name, "docstatus": 1}):
			frappe.throw(
				_("This episode has reviews. Cancel them before deleting it."), title=_("Episode in use")
			)
		for review in frappe.get_all("Child Review", {"episode": self.name, "docstatus": 0}, pluck="name"):
			frappe.delete_doc("Child Review", review, ignore_permissions=True)

	def after_delete(self) -> None:
		refresh_child_timescales(self.child)
		schedule_child(self.child)
