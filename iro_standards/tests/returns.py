"""The demo service's SSDA903 returns for CI's DfE validator step (`bench execute`). As the demo's
IRO manager: each complete collection year the site holds is run through SSDA903 Checks and
downloaded through the app's own export as found ("export anyway"); the placements the checks ask
to code are coded as a person would; each year is downloaded again, now refused by the app if any
problem remains. Written to FOLDER/as-found/YEAR and FOLDER/coded/YEAR, with metadata.json naming
the local authority and the children the checks named."""

import io
import json
import zipfile
from pathlib import Path

import frappe
from frappe.utils import getdate

from iro_standards import demo
from iro_standards.iro_standards.records import delete_child_and_records
from iro_standards.iro_standards.ssda903 import check_return, download_return
from iro_standards.standards.ssda903 import collection_year_of
from iro_standards.tests.browser.seed import ensure_demo
from iro_standards.tests.ssda903_years import YearGenerator

MANAGER = "Morgan Vale"
# What a person codes an uncoded placement as, by the app's own placement type.
CODES_BY_PLACEMENT_TYPE = {"Foster Care": ("U6", "XXXXXXX")}


def export_demo_returns(folder: str) -> None:
	ensure_demo()
	an_english_service()
	frappe.db.commit()
	years = complete_years_held()
	named = {}
	frappe.set_user(demo.email_of(MANAGER))
	try:
		for year in years:
			problems = check_return(year)
			named[year] = sorted({problem["case_number"] for problem in problems})
			write_return(Path(folder) / "as-found" / str(year), year, with_problems=1)
			code_the_placements_named(problems)
		for year in years:
			write_return(Path(folder) / "coded" / str(year), year, with_problems=0)
	finally:
		frappe.set_user("Administrator")
	metadata = {
		"local_authority": frappe.db.get_single_value("IRO Standards Settings", "local_authority_code"),
		"years": years,
		"named_by_the_checks": named,
	}
	(Path(folder) / "metadata.json").write_text(json.dumps(metadata))
	print(json.dumps(metadata))


def an_english_service() -> None:
	"""The SSDA903 return is England's: a site the Welsh walk left in Wales goes back to England,
	with the demo's English local authority."""
	settings = frappe.get_single("IRO Standards Settings")
	if settings.jurisdiction != "England":
		settings.jurisdiction = "England"
		settings.local_authority_code, settings.local_authority_name, _postcodes = demo.DEMO_AREAS["england"]
		settings.save()


def complete_years_held() -> list[int]:
	"""From the year of the earliest care episode to the last year that has ended."""
	first = frappe.db.get_value("Care Episode", {}, "min(start_date)")
	if not first:
		return []
	return list(range(collection_year_of(getdate(first)), collection_year_of(getdate())))


def code_the_placements_named(problems: list[dict]) -> None:
	for problem in problems:
		if problem["reference_doctype"] != "Care Episode" or not problem["row"]:
			continue
		episode = frappe.get_doc("Care Episode", problem["reference_name"])
		row = episode.placements[problem["row"] - 1]
		if not row.placement_code and row.placement_type in CODES_BY_PLACEMENT_TYPE:
			row.placement_code, row.urn = CODES_BY_PLACEMENT_TYPE[row.placement_type]
			episode.save()
	frappe.db.commit()


def write_return(folder: Path, year: int, with_problems: int) -> None:
	frappe.local.response = frappe._dict()
	download_return(year, with_problems=with_problems)
	folder.mkdir(parents=True, exist_ok=True)
	with zipfile.ZipFile(io.BytesIO(frappe.local.response.filecontent)) as archive:
		archive.extractall(folder)


GENERATED_PREFIX = "GEN-"
PLAIN_PLACEMENTS = {"U": "Foster Care", "K2": "Children's Home", "K3": "Semi-Independent", "Z": "Other"}
PLAIN_LEGAL_STATUSES = {
	"C1": "Interim Care Order",
	"C2": "Full Care Order",
	"V2": "Accommodated by Agreement (s20 / s76)",
}


def export_generated_returns(folder: str, seed: int = 1, children: int = 60) -> None:
	"""Children of the last complete collection year from the pure suite's generator (moves,
	changes of legal status, endings, histories going on past the year), written through the site's
	DocTypes, then the year exported through the app's own download, refused by the app if it finds
	any problem; the generated children are removed again."""
	year = collection_year_of(getdate()) - 1
	postcodes = list(demo.DEMO_AREAS["england"][2])
	for child in YearGenerator(seed, year, postcodes).children(children):
		write_generated_child(child)
	frappe.db.commit()
	frappe.set_user(demo.email_of(MANAGER))
	try:
		for state in ("as-found", "coded"):
			write_return(Path(folder) / state / str(year), year, with_problems=0)
	finally:
		frappe.set_user("Administrator")
		for name in frappe.get_all(
			"Looked After Child", {"case_number": ("like", f"{GENERATED_PREFIX}%")}, pluck="name"
		):
			delete_child_and_records(name)
		frappe.db.commit()
	metadata = {
		"local_authority": frappe.db.get_single_value("IRO Standards Settings", "local_authority_code"),
		"years": [year],
		"named_by_the_checks": {year: []},
	}
	(Path(folder) / "metadata.json").write_text(json.dumps(metadata))
	print(json.dumps(metadata))


def write_generated_child(child) -> None:
	record = frappe.get_doc(
		{
			"doctype": "Looked After Child",
			"first_name": "Generated",
			"last_name": child.child_id,
			"case_number": f"{GENERATED_PREFIX}{child.child_id}",
			"date_of_birth": child.date_of_birth,
			"sex_code": child.sex,
			"ethnicity_code": child.ethnicity,
			"upn": child.upn,
		}
	).insert()
	for period in child.periods:
		first = period.lines[0]
		episode = frappe.get_doc(
			{
				"doctype": "Care Episode",
				"child": record.name,
				"start_date": period.start,
				"legal_status": PLAIN_LEGAL_STATUSES[first.legal_status],
				"legal_status_code": first.legal_status,
				"category_of_need": period.category_of_need,
				"home_postcode": period.home_postcode,
				"placements": [placement_row(line) for line in period.lines],
			}
		).insert()
		if period.end:
			episode.update(
				{"end_date": period.end, "end_reason": "Other", "ceased_reason_code": period.ceased_reason}
			)
			episode.save()


def placement_row(line) -> dict:
	return {
		"moved_on": line.start,
		"placement_type": PLAIN_PLACEMENTS.get(line.placement) or PLAIN_PLACEMENTS[line.placement[0]],
		"legal_status_code": line.legal_status,
		"placement_code": line.placement,
		"provider_code": line.provider or None,
		"placement_postcode": line.postcode,
		"urn": line.urn,
		"change_reason_code": line.change_reason or None,
		"reason_for_change": "Change to the Care Plan" if line.change_reason else None,
	}
