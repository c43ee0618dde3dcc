"""Practice standard checks recorded before they kept the Welsh statement get it from their standard,
so that a Welsh reader sees each check in Welsh."""

import frappe


def execute() -> None:
	frappe.db.sql(
		"""
		update `tabPractice Standard Check` checks
		join `tabPractice Standard` standards on standards.name = checks.practice_standard
		set checks.statement_cy = standards.statement_cy
		where ifnull(checks.statement_cy, '') = ''
		"""
	)
