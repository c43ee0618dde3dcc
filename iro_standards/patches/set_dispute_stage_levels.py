"""Stages configured before stages had a level get the one their shipped name meant."""

import frappe


def execute() -> None:
	stages = frappe.qb.DocType("IRO Dispute Stage Timescale")
	for level, pattern in (("Informal", "informal%"), ("Referral", "%referral%")):
		(
			frappe.qb.update(stages)
			.set(stages.level, level)
			.where(stages.stage.like(pattern))
			.where(stages.parenttype == "IRO Standards Settings")
		).run()
	frappe.clear_document_cache("IRO Standards Settings", "IRO Standards Settings")
