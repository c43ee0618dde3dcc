import ast
from pathlib import Path

import iro_standards.standards as standards

STANDARDS_DIR = Path(standards.__file__).parent


def imported_modules(path: Path) -> set[str]:
	tree = ast.parse(path.read_text())
	names = set()
	for node in ast.walk(tree):
		if isinstance(node, ast.Import):
			names.update(alias.name for alias in node.names)
		elif isinstance(node, ast.ImportFrom) and node.module:
			names.add(node.module)
	return names


def test_the_standards_layer_never_imports_frappe():
	offenders = {
		path.name: sorted(name for name in imported_modules(path) if name.split(".")[0] == "frappe")
		for path in STANDARDS_DIR.rglob("*.py")
	}
	assert {name: mods for name, mods in offenders.items() if mods} == {}
	assert len(offenders) >= 6


def test_the_public_api_is_exported():
	for name in ("WorkingCalendar", "Timescales", "next_review_due", "timeliness", "progress_review_due"):
		assert name in standards.__all__
		assert callable(getattr(standards, name))
