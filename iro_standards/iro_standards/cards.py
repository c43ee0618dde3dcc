"""Number card methods for the IRO Service workspace: each returns a figure from ``figures``."""

import frappe

from iro_standards.iro_standards import figures


def card(value, fieldtype: str = "Int") -> dict:
	return {"value": value, "fieldtype": fieldtype}


@frappe.whitelist()
def reviews_overdue(filters: str | None = None) -> dict:
	return card(figures.reviews_overdue())


@frappe.whitelist()
def reviews_due_soon(filters: str | None = None) -> dict:
	return card(figures.reviews_due_soon())


@frappe.whitelist()
def in_timescale_this_quarter(filters: str | None = None) -> dict:
	return card(figures.in_timescale_percentage(), "Percent")


@frappe.whitelist()
def open_disputes(filters: str | None = None) -> dict:
	return card(figures.open_disputes())


@frappe.whitelist()
def progress_reviews_overdue(filters: str | None = None) -> dict:
	return card(figures.progress_reviews_overdue())
