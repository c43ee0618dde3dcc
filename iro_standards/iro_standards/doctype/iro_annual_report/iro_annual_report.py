# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import now_datetime

from iro_standards.iro_standards.annual_report import figure_rows, year_figures
from iro_standards.iro_standards.ssda903 import year_bounds


class IROAnnualReport(Document):
	def validate(self) -> None:
		self.period_start, self.period_end = year_bounds(self.reporting_year)

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
		self.save()


@frappe.whitelist(methods=["POST"])
def generate_figures(name: str) -> None:
	frappe.get_doc("IRO Annual Report", name).generate_figures()
