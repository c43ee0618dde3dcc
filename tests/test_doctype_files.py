"""The DocType files load in the desk: each field declared once and placed once on the form."""

import json
from collections import Counter
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "iro_standards"
DOCTYPE_FILES = sorted(path for path in APP.glob("*/doctype/*/*.json") if path.stem == path.parent.name)


@pytest.mark.parametrize("path", DOCTYPE_FILES, ids=lambda path: path.stem)
def test_each_field_is_declared_once_and_in_the_field_order(path: Path) -> None:
	definition = json.loads(path.read_text())
	fieldnames = [field["fieldname"] for field in definition["fields"]]
	assert [name for name, count in Counter(fieldnames).items() if count > 1] == []
	assert sorted(definition["field_order"]) == sorted(fieldnames)
