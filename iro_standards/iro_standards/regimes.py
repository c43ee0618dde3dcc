"""The review regime of a child's episode on a site, read from its legal status and placements
and decided by the engine (:mod:`iro_standards.standards.regimes`)."""

from datetime import date

import frappe
from frappe.utils import getdate

from iro_standards.standards.regimes import Arrangement, RegimeSpan, is_placed_for_adoption, review_regime
from iro_standards.standards.rules import ReviewHistory


def episode_regime(episode: str | None, episode_start: date) -> RegimeSpan:
	"""The regime in force at the episode's latest arrangement (the standard one without an episode)."""
	if not episode:
		return review_regime((), episode_start)
	legal_status = frappe.db.get_value("Care Episode", episode, "legal_status_code") or ""
	rows = frappe.get_all(
		"Placement Move",
		filters={"parent": episode, "parenttype": "Care Episode"},
		fields=["moved_on", "legal_status_code", "placement_code", "placement_type", "same_carer"],
		order_by="moved_on asc, idx asc",
	)
	return review_regime(arrangements_of(legal_status, rows, episode_start), episode_start)


def arrangements_of(legal_status: str, rows: list[dict], episode_start: date) -> list[Arrangement]:
	if not rows:
		return [Arrangement(episode_start, legal_status)]
	arrangements = []
	for row in rows:
		legal_status = row.legal_status_code or legal_status
		arrangements.append(
			Arrangement(
				getdate(row.moved_on),
				legal_status,
				placed_for_adoption=is_placed_for_adoption(row.placement_code, row.placement_type),
				same_carer=bool(row.same_carer),
			)
		)
	return arrangements


def review_history(episode: str | None, episode_start: date, held: list[date]) -> ReviewHistory:
	span = episode_regime(episode, episode_start)
	return ReviewHistory(episode_start, held, span.regime, span.since)
