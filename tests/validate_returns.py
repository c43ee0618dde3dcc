"""The DfE's SSDA903 validator over the returns CI exported from the demo service
(`iro_standards/tests/returns.py`): each year as found must be refused only on children the app's
SSDA903 Checks named, and each year once coded must pass with no error. Prints every failure by
rule with its first rows; exits 1 on anything else.

    python tests/validate_returns.py FOLDER
"""

import json
import sys
from pathlib import Path

from dfe_validator import real_failures


def main(folder: Path) -> int:
	metadata = json.loads((folder / "metadata.json").read_text())
	if not metadata["years"]:
		print("no complete collection year to validate")
		return 1
	wrong = 0
	for year in metadata["years"]:
		named = set(metadata["named_by_the_checks"][str(year)])
		as_found = refused(folder / "as-found" / str(year), year, metadata["local_authority"])
		unnamed = {row["CHILD"] for rows in as_found.values() for _table, row in rows} - named
		print(f"{label(year)} as found: the app's checks named {len(named)} children; {report(as_found)}")
		if unnamed:
			print(f"  refused on children the app's checks did not name: {sorted(unnamed)}")
			wrong += len(unnamed)
		coded = refused(folder / "coded" / str(year), year, metadata["local_authority"])
		print(f"{label(year)} coded as the checks asked: {report(coded)}")
		wrong += sum(len(rows) for rows in coded.values())
	return 1 if wrong else 0


def refused(folder: Path, year: int, local_authority: str) -> dict:
	files = {path.name: path.read_text() for path in sorted(folder.glob("*.csv"))}
	print(
		f"  {folder}: " + ", ".join(f"{name} {text.count(chr(10)) - 1} rows" for name, text in files.items())
	)
	return real_failures(files, year, local_authority)


def report(found: dict) -> str:
	lines = [f"the DfE's validator refused {sum(len(rows) for rows in found.values())} rows"]
	lines += [f"\n  {rule} ({len(rows)} rows), first: {rows[:2]}" for rule, rows in sorted(found.items())]
	return "".join(lines)


def label(year: int) -> str:
	return f"{year}/{(year + 1) % 100:02d}"


if __name__ == "__main__":
	sys.exit(main(Path(sys.argv[1])))
