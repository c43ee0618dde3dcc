"""The app's print formats, present and future: each prints only its own saved record the reader
may print, reads other records only through permission-checked helpers, and escapes what it prints."""

import json
import re
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "iro_standards"
PRINT_FORMATS = sorted(APP.glob("*/print_format/*/*.json"))
OUTPUT = re.compile(r"\{\{(.*?)\}\}", re.S)
SAFE_OUTPUT = re.compile(r"\|\s*(e|safe_html)\s*$|^\s*lang\s*$|\|\s*(round\(\d\)|format\(.*\))\s*$")
NUMBER_OUTPUT = re.compile(r"^\s*\"%g\"\s*\|\s*format\(|^\s*\(?\s*doc\.reporting_year")


def template(path: Path) -> dict:
	return json.loads(path.read_text())


def test_there_are_print_formats_to_check() -> None:
	assert len(PRINT_FORMATS) >= 3


@pytest.mark.parametrize("path", PRINT_FORMATS, ids=lambda path: path.stem)
def test_each_starts_by_taking_its_own_saved_record(path: Path) -> None:
	definition = template(path)
	first_line = definition["html"].splitlines()[0]
	assert first_line == f'{{% set doc = printable(doc, "{definition["doc_type"]}") %}}'


@pytest.mark.parametrize("path", PRINT_FORMATS, ids=lambda path: path.stem)
def test_each_reads_other_records_only_through_checked_helpers(path: Path) -> None:
	html = template(path)["html"]
	assert "frappe.db.get_value" not in html
	assert "frappe.get_doc" not in html
	assert "frappe.get_all" not in html
	assert "frappe.db.sql" not in html


@pytest.mark.parametrize("path", PRINT_FORMATS, ids=lambda path: path.stem)
def test_each_escapes_what_it_prints(path: Path) -> None:
	unescaped = [
		expression.strip()
		for expression in OUTPUT.findall(template(path)["html"])
		if not SAFE_OUTPUT.search(expression) and not NUMBER_OUTPUT.search(expression)
	]
	assert unescaped == []
