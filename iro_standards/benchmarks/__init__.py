"""Benchmarks run with ``bench execute`` on a test site: they seed, measure and delete their data."""

import frappe
from frappe import _


def refuse_sites_without_tests() -> None:
	"""Benchmarks write and delete tens of thousands of rows: only on a site that allows tests."""
	if not frappe.conf.allow_tests:
		frappe.throw(
			_("Benchmarks run only on a test site: set allow_tests in its site_config.json first."),
			title=_("Not a test site"),
		)
