"""Every user-facing string of the app has a Welsh form (Welsh Language Standards)."""

import csv
import json
import re
from pathlib import Path

from iro_standards.standards import PARTICIPATION_CODES, ReviewKind
from iro_standards.standards.ssda903 import CODE_SETS
from iro_standards.standards.timescales import default_dispute_stages

APP = Path(__file__).resolve().parent.parent / "iro_standards"
PYTHON_STRING = re.compile(r'\b_\(\s*"((?:[^"\\]|\\.)*)"')
JS_STRING = re.compile(r'\b__\(\s*"((?:[^"\\]|\\.)*)"')
JINJA_STRING = re.compile(r"\b_\('((?:[^'\\]|\\.)*)'\)")
NOT_TRANSLATED = re.compile(r"^(PN\d|[A-Z]+-\..*)$")
SSDA903_CODES = {code for codes in CODE_SETS.values() for code in codes}
PROBLEM_MESSAGE = re.compile(r'(?:Problem|missing_value)\(\s*[\w.]+,\s*"((?:[^"\\]|\\.)*)"')


def welsh() -> dict[str, str]:
	with open(APP / "translations" / "cy.csv", newline="") as file:
		return {row[0]: row[1] for row in csv.reader(file)}


def source_strings() -> set[str]:
	strings = set()
	for path in APP.rglob("*.py"):
		if "standards" not in path.parts and "tests" not in path.parts and "benchmarks" not in path.parts:
			strings |= set(PYTHON_STRING.findall(path.read_text()))
	for path in APP.rglob("*.js"):
		strings |= set(JS_STRING.findall(path.read_text()))
	for notification in json.loads((APP / "iro_standards" / "default_notifications.json").read_text()):
		for template in (notification["subject"], notification["message"]):
			strings |= {text.replace("\\'", "'") for text in JINJA_STRING.findall(template)}
	return strings | engine_values()


def engine_values() -> set[str]:
	"""Values of the pure engine that users read: participation meanings, review kinds, default
	stages, the SSDA903 codes' meanings and the return's problems."""
	stages = [*default_dispute_stages("england"), *default_dispute_stages("wales")]
	problems = PROBLEM_MESSAGE.findall((APP / "standards" / "ssda903.py").read_text())
	return {
		*problems,
		*(meaning for codes in CODE_SETS.values() for meaning in codes.values()),
		*PARTICIPATION_CODES.values(),
		*(kind.value for kind in ReviewKind),
		*(stage.name for stage in stages),
		*(stage.addressed_to for stage in stages),
	}


def doctype_labels() -> set[str]:
	labels = set()
	for folder in (APP / "iro_standards" / "doctype").iterdir():
		path = folder / f"{folder.name}.json"
		if not path.exists():
			continue
		doctype = json.loads(path.read_text())
		labels.add(doctype["name"])
		for field in doctype.get("fields", []):
			labels.add(field.get("label") or "")
			labels.add(field.get("description") or "")
			if field.get("fieldtype") == "Select":
				labels |= set((field.get("options") or "").split("\n"))
	return {
		label for label in labels if label and not NOT_TRANSLATED.match(label) and label not in SSDA903_CODES
	}


def test_every_message_label_and_help_text_has_a_welsh_form():
	missing = sorted((source_strings() | doctype_labels()) - set(welsh()))
	assert missing == []


def test_welsh_keeps_every_placeholder():
	for english, cymraeg in welsh().items():
		assert sorted(re.findall(r"\{\d\}", english)) == sorted(re.findall(r"\{\d\}", cymraeg)), english
		assert (cymraeg.strip() and cymraeg != english) or english in {
			"RAG",
			"PDF",
			"Cafcass",
			"Cafcass Cymru",
			"Cafcass referral",
		}, english


def glossary() -> list[dict[str, str]]:
	with open(APP / "translations" / "glossary.csv", newline="") as file:
		return list(csv.DictReader(file))


def test_welsh_follows_the_glossary():
	"""Every string using a glossary term uses its Welsh term and none of the forms to avoid."""
	departures = []
	for term in glossary():
		english = re.compile(rf"\b{re.escape(term['english'])}s?\b", re.IGNORECASE)
		for source, cymraeg in welsh().items():
			if not english.search(source):
				continue
			text = cymraeg.lower()
			uses_the_term = any(form.lower() in text for form in term["cymraeg"].split("|"))
			avoided = [form for form in term["not"].split("|") if form and form.lower() in text]
			if not uses_the_term or avoided:
				departures.append((term["english"], source, cymraeg))
	assert departures == []


def test_no_welsh_string_starts_with_the_colloquial_ddim():
	assert [cymraeg for cymraeg in welsh().values() if cymraeg.startswith("Ddim ")] == []


def test_the_chosen_desk_strings_have_welsh_forms():
	chosen = [
		line
		for line in (APP / "translations" / "desk_strings.txt").read_text().splitlines()
		if line and not line.startswith("#")
	]
	assert len(chosen) > 100
	assert [string for string in chosen if string not in welsh()] == []
