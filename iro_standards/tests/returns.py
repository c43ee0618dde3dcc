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
from iro_standards.iro_standards.ssda903 import check_return, download_return
from iro_standards.standards.ssda903 import collection_year_of
from iro_standards.tests.browser.seed import ensure_demo

MANAGER = "Morgan Vale"
# What a person codes an uncoded placement as, by the app's own placement type.
CODES_BY_PLACEMENT_TYPE = {"Foster Care": ("U6", "XXXXXXX")}


def export_demo_returns(folder: str) -> None:
	ensure_demo()
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
