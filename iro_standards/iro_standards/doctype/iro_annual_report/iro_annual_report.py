# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import formatdate, get_datetime, getdate, now_datetime

from iro_standards.iro_standards.annual_report import figure_rows, year_figures
from iro_standards.iro_standards.ssda903 import year_bounds
from iro_standards.writes import AppDocument


class IROAnnualReport(AppDocument):
	def validate(self) -> None:
		self.period_start, self.period_end = year_bounds(self.reporting_year)
		self.refuse_presenting_before_the_year_ends()
		if not self.flags.generating and taken_figures_of(self) != taken_figures_of(
			self.get_doc_before_save()
		):
			frappe.throw(
				_("The figures are taken only by Generate Figures, from the year's reports."),
				title=_("Figures not generated"),
			)

	def before_update_after_submit(self) -> None:
		self.refuse_presenting_before_the_year_ends()

	def refuse_presenting_before_the_year_ends(self) -> None:
		if self.presented_on and getdate(self.presented_on) <= getdate(self.period_end):
			frappe.throw(
				_("A report on the year is presented after the year ends, on {0}.").format(
					formatdate(self.period_end)
				),
				title=_("Invalid date"),
			)

	def before_submit(self) -> None:
		if not self.figures_generated_on:
			frappe.throw(_("Generate the figures before the report is approved."), title=_("No figures"))

	def generate_figures(self) -> None:
		"""Take the year's figures and the previous year's, as the reports give them today."""
		self.check_permission("write")
		if self.docstatus != 0 or self.status != "Draft":
			frappe.throw(
				_("Figures are generated only while the report is a draft."), title=_("Report not a draft")
			)
		this_year = year_figures(self.reporting_year)
		previous_year = year_figures(self.reporting_year - 1)
		self.snapshot = frappe.as_json({"this_year": this_year, "previous_year": previous_year})
		self.set("figures", figure_rows(this_year, previous_year))
		self.figures_generated_on = now_datetime()
		self.figures_generated_by = frappe.session.user
		self.flags.generating = True
		try:
			self.save()
		finally:
			self.flags.generating = False


def taken_figures_of(report: Document | None) -> tuple:
	"""What Generate Figures wrote: the snapshot, when and by whom, and each figure."""
	if report is None:
		return ("", "", "", ())
	return (
		str(report.snapshot or ""),
		str(get_datetime(report.figures_generated_on)) if report.figures_generated_on else "",
		report.figures_generated_by or "",
		tuple((f.report, f.measure, f.team or "", f.this_year, f.previous_year) for f in report.figures),
	)


@frappe.whitelist(methods=["POST"])
def generate_figures(name: str) -> None:
	frappe.get_doc("IRO Annual Report", name).generate_figures()
