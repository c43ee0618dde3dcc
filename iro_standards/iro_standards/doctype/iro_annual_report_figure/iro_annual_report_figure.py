# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class IROAnnualReportFigure(Document):
	pass
