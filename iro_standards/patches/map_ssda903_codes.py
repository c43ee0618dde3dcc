"""Records made before the SSDA903 codes take the code their own wording certainly means (a full
care order is C2). Wording that could mean several codes ("Foster Care" is U4, U5 or U6) stays
empty: the SSDA903 Checks report lists each such record for a person to code."""

import frappe

from iro_standards.standards.ssda903 import ETHNICITY, PLAIN_VALUE_CODES

CODE_FIELDS = (
	("Care Episode", "legal_status_code", "legal_status", "LS"),
	("Placement Move", "placement_code", "placement_type", "PLACE"),
	("Placement Move", "change_reason_code", "reason_for_change", "REASON_PLACE_CHANGE"),
	("Looked After Child", "sex_code", "gender", "SEX"),
)


def execute() -> None:
	for doctype, code_field, plain_field, code_set in CODE_FIELDS:
		for plain, code in PLAIN_VALUE_CODES[code_set].items():
			fill(doctype, code_field, code, {plain_field: plain})
	for code in ETHNICITY:
		fill("Looked After Child", "ethnicity_code", code, {"ethnicity": code})
	left = frappe.db.count("Care Episode", {"legal_status_code": ("is", "not set")}) + frappe.db.count(
		"Placement Move", {"placement_code": ("is", "not set")}
	)
	if left:
		print(
			f"SSDA903: {left} episodes and placements need a code a person must choose: see SSDA903 Checks."
		)


def fill(doctype: str, code_field: str, code: str, where: dict) -> None:
	table = frappe.qb.DocType(doctype)
	query = frappe.qb.update(table).set(table[code_field], code)
	for field, value in where.items():
		query = query.where(table[field] == value)
	query.where(table[code_field].isnull() | (table[code_field] == "")).run()
