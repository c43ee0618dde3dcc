"""The IRO annual report's figures: the headline figures of the service's reports for the year and
the year before, service-wide and by team, read through the same reports (and so the same
permission-aware queries) a manager opens in the desk."""

from collections import Counter
from datetime import date

import frappe
from frappe import _
from frappe.desk.query_report import run as run_report

from iro_standards.iro_standards.ssda903 import year_bounds

ANNUAL_REPORTS = (
	"Review Timeliness",
	"Participation",
	"Permanence and Progress",
	"Decision Recording",
	"Dispute Resolution Tracker",
	"Care Plan RAG and Child Journey",
	"IRO Caseload",
	"Children Looked After",
)
# Reports with no team filter: for the whole service only. The Active Offer: for a site in Wales.
SERVICE_WIDE_REPORTS = (
	"Practice Standards Compliance",
	"Child Protection Conferences",
	"Children on a Child Protection Plan",
)
WALES_REPORTS = ("Welsh Active Offer",)
SERVICE_WIDE = ""
AGE_BAND = " · "
BREAKDOWN = ": "
BREAKDOWN_FIELDS = (("Stage", "current_stage"), ("Category", "category"), ("Outcome", "status"))
AVERAGE_DAYS = "Average working days to end"
PERCENT = "%"
WORKING_DAYS = "working days"


def period_filters(start: date, end: date, team: str = SERVICE_WIDE) -> dict:
	filters = {"from_date": str(start), "to_date": str(end)}
	if team:
		filters["team"] = team
	return filters


def headline_figures(report: str, filters: dict) -> list[dict]:
	"""The report's own summary figures, as the desk shows them above the report, and the
	breakdowns its rows hold (participation by code and age band, disputes by stage, category
	and outcome with the time they took)."""
	result = run_report(report, filters=filters, ignore_prepared_report=True)
	figures = [
		{
			"measure": item.get("label"),
			"value": item.get("value") or 0,
			"unit": PERCENT if item.get("datatype") == "Percent" else "",
		}
		for item in result.get("report_summary") or []
		if isinstance(item.get("value") or 0, int | float)
	]
	breakdown = BREAKDOWNS.get(report)
	rows = [row for row in result.get("result") or [] if isinstance(row, dict)]
	return figures + (breakdown(rows, result.get("columns") or []) if breakdown else [])


def participation_by_code_and_age(rows: list[dict], columns: list) -> list[dict]:
	bands = [c for c in columns if isinstance(c, dict) and c.get("fieldname", "").startswith("age_")]
	return [
		{
			"measure": f"{row['participation_code']}{AGE_BAND}{band['label']}",
			"value": row.get(band["fieldname"]) or 0,
		}
		for row in rows
		if row.get("participation_code")
		for band in bands
	]


def disputes_by_stage_category_and_outcome(rows: list[dict], _columns: list) -> list[dict]:
	counted = Counter()
	for dispute in rows:
		for label, fieldname in BREAKDOWN_FIELDS:
			counted[f"{label}{BREAKDOWN}{dispute.get(fieldname) or '-'}"] += 1
	ended = [
		d["age_working_days"] for d in rows if d.get("resolved_on") and d.get("age_working_days") is not None
	]
	figures = [{"measure": measure, "value": count} for measure, count in sorted(counted.items())]
	if ended:
		figures.append(
			{"measure": AVERAGE_DAYS, "value": round(sum(ended) / len(ended), 1), "unit": WORKING_DAYS}
		)
	return figures


def profile_of_the_children(rows: list[dict], _columns: list) -> list[dict]:
	return [{"measure": row["measure"], "value": row["children"]} for row in rows if row.get("measure")]


BREAKDOWNS = {
	"Children Looked After": profile_of_the_children,
	"Participation": participation_by_code_and_age,
	"Dispute Resolution Tracker": disputes_by_stage_category_and_outcome,
}


def teams() -> list[str]:
	return sorted(
		team
		for team in frappe.get_list("Looked After Child", fields=["team"], distinct=True, pluck="team")
		if team
	)


def year_figures(year_starting: int) -> dict[str, dict[str, list[dict]]]:
	"""{team ("" for the whole service): {report: headline figures}} for the reporting year, the
	measures named in English so the report prints in any language."""
	start, end = year_bounds(year_starting)
	reader_language, frappe.local.lang = frappe.local.lang, "en"
	try:
		return {
			team: {
				report: headline_figures(report, period_filters(start, end, team))
				for report in reports_for(team)
			}
			for team in [SERVICE_WIDE, *teams()]
		}
	finally:
		frappe.local.lang = reader_language


def reports_for(team: str) -> tuple[str, ...]:
	in_wales = frappe.db.get_single_value("IRO Standards Settings", "jurisdiction") == "Wales"
	return (
		*ANNUAL_REPORTS,
		*(WALES_REPORTS if in_wales else ()),
		*(() if team else SERVICE_WIDE_REPORTS),
	)


def figure_rows(this_year: dict, previous_year: dict) -> list[dict]:
	"""One row per team, report and measure, this year beside the previous year."""
	rows = []
	for team, reports in this_year.items():
		for report, figures in reports.items():
			before = {f["measure"]: f["value"] for f in previous_year.get(team, {}).get(report, [])}
			rows.extend(
				{
					"report": report,
					"measure": figure["measure"],
					"unit": figure.get("unit") or "",
					"team": team,
					"this_year": figure["value"],
					"previous_year": before.get(figure["measure"], 0),
				}
				for figure in figures
			)
	return rows


def translated_measure(measure: str, lang: str) -> str:
	"""A measure kept in English, in ``lang``: a breakdown's parts are translated one by one."""
	if AGE_BAND in measure:
		code, band = measure.split(AGE_BAND, 1)
		return f"{code}{AGE_BAND}{_('Age {0}', lang).format(band.removeprefix('Age '))}"
	if BREAKDOWN in measure:
		label, value = measure.split(BREAKDOWN, 1)
		return f"{_(label, lang)}{BREAKDOWN}{_(value, lang)}"
	return _(measure, lang)
