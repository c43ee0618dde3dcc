"""Benchmark of the SSDA903 checks and export on seeded data, beside the bare SQL they read.

    bench --site SITE execute iro_standards.benchmarks.ssda903.run --kwargs "{'children': 100000}"

Seeds N children with their 903 header codes, a care episode each (a third with a move and a
change of legal status), and ten held reviews each over five years (one million for 100,000
children); then, for the last full collection year, times the checks (every problem the app can
see) and the export (the three files zipped), best of ``repeats``, beside the four bare queries
that read the same rows; and the IRO annual report's figures for that year (seven reports). Deletes what it seeded unless ``delete_after`` is false (on a site made
for the benchmark, dropping the site is quicker). Run it on a test site.
"""

import random
import time
from datetime import date

import frappe
from frappe.utils import add_days, getdate

from iro_standards.benchmarks import refuse_sites_without_tests
from iro_standards.benchmarks.reports import best_of
from iro_standards.iro_standards.annual_report import year_figures
from iro_standards.iro_standards.ssda903 import children_of_the_year, zipped
from iro_standards.standards import age_in_years
from iro_standards.standards.ssda903 import build_return, collection_year, collection_year_of, return_problems

PREFIX = "B903-"
REVIEWS_PER_CHILD = 10
SEEDED = ("Looked After Child", "Care Episode", "Placement Move", "Child Review")
POSTCODES = ("CF10 1EP", "CF11 9LJ", "CF14 3UZ", "CF23 5HF", "CF24 0DE", "CF3 0EF")
BARE_QUERIES = (
	"""select name, child, start_date, end_date, legal_status_code, category_of_need, home_postcode,
	ceased_reason_code from `tabCare Episode`
	where start_date <= %(end)s and (end_date is null or end_date >= %(start)s)""",
	"""select move.parent, move.idx, move.moved_on, move.legal_status_code, move.placement_code,
	move.provider_code, move.placement_postcode, move.urn, move.change_reason_code, move.same_carer
	from `tabPlacement Move` move join `tabCare Episode` episode on episode.name = move.parent
	where episode.start_date <= %(end)s and (episode.end_date is null or episode.end_date >= %(start)s)""",
	"""select child.name, child.case_number, child.date_of_birth, child.sex_code, child.ethnicity_code,
	child.upn, child.is_mother, child.mothers_child_born from `tabLooked After Child` child
	where exists (select 1 from `tabCare Episode` episode where episode.child = child.name
		and episode.start_date <= %(end)s and (episode.end_date is null or episode.end_date >= %(start)s))""",
	"""select name, child, held_date, participation_code from `tabChild Review`
	where docstatus = 1 and held_date between %(start)s and %(end)s""",
)


def run(children: int = 100_000, seed: int = 20, repeats: int = 3, delete_after: bool = True) -> dict:
	refuse_sites_without_tests()
	delete_seeded()
	today = getdate()
	started = time.perf_counter()
	seed_data(children, today, random.Random(seed))
	print(
		f"seeded {children:,} children and {children * REVIEWS_PER_CHILD:,} reviews in {time.perf_counter() - started:.1f} s"
	)
	results = measure(collection_year_of(today) - 1, repeats)
	print(results)
	if delete_after:
		delete_seeded()
	return results


def measure(year_starting: int, repeats: int) -> dict:
	start, end = collection_year(year_starting)
	children = children_of_the_year(year_starting)
	built = build_return(children, year_starting)

	def check():
		return return_problems(children_of_the_year(year_starting), year_starting)

	def export():
		return zipped(build_return(children_of_the_year(year_starting), year_starting))

	def bare():
		for query in BARE_QUERIES:
			frappe.db.sql(query, {"start": start, "end": end})

	bare_seconds = best_of(repeats, bare)
	return {
		"collection_year": year_starting,
		"children": len(built.header),
		"episodes": len(built.episodes),
		"reviews": len(built.reviews),
		"problems": len(check()),
		"checks_s": round(best_of(repeats, check), 2),
		"export_s": round(best_of(repeats, export), 2),
		"bare_sql_s": round(bare_seconds, 2),
		"annual_report_figures_s": round(best_of(1, lambda: year_figures(year_starting)), 2),
	}


def seed_data(count: int, today: date, rng: random.Random) -> None:
	now = frappe.utils.now()
	base = {"owner": "Administrator", "modified_by": "Administrator", "creation": now, "modified": now}
	rows = {doctype: [] for doctype in SEEDED}
	for n in range(count):
		for doctype, row in seeded_child(n, today, rng):
			rows[doctype].append(row)
	for doctype, doctype_rows in rows.items():
		fields = [*doctype_rows[0], *base]
		frappe.db.bulk_insert(
			doctype, fields, [(*row.values(), *base.values()) for row in doctype_rows], chunk_size=10_000
		)
	frappe.db.commit()


def seeded_child(n: int, today: date, rng: random.Random):
	child, episode = f"{PREFIX}C{n:07d}", f"{PREFIX}E{n:07d}"
	start = add_days(today, -(20 + 182 * (REVIEWS_PER_CHILD - 1)) - rng.randrange(0, 150))
	born = add_days(start, -rng.randrange(200, 4000))
	home = rng.choice(POSTCODES)
	yield (
		"Looked After Child",
		{
			"name": child,
			"first_name": "Bench",
			"last_name": str(n),
			"case_number": f"{PREFIX}{n}",
			"date_of_birth": born,
			"status": "Looked After",
			"sex_code": rng.choice("MF"),
			"ethnicity_code": rng.choice(("WBRI", "WOTH", "MWBC", "AIND", "BAFR")),
			"upn": f"A{n:012d}",
		},
	)
	yield (
		"Care Episode",
		{
			"name": episode,
			"child": child,
			"start_date": start,
			"is_open": 1,
			"legal_status_code": "C1",
			"category_of_need": "N1",
			"home_postcode": home,
		},
	)
	moves = [start] + ([add_days(start, 400)] if n % 3 == 0 else [])
	for idx, moved_on in enumerate(moves, 1):
		yield (
			"Placement Move",
			{
				"name": f"{episode}-{idx}",
				"parent": episode,
				"parenttype": "Care Episode",
				"parentfield": "placements",
				"idx": idx,
				"moved_on": moved_on,
				"placement_type": "Foster Care",
				"placement_code": "U4" if idx == 1 else "U6",
				"provider_code": "PR1",
				"placement_postcode": POSTCODES[(POSTCODES.index(home) + idx) % len(POSTCODES)],
				"urn": "XXXXXXX",
				"legal_status_code": "C2" if idx > 1 else None,
				"reason_for_change": "Change to the Care Plan" if idx > 1 else None,
				"change_reason_code": "CARPL" if idx > 1 else None,
			},
		)
	for k in range(REVIEWS_PER_CHILD):
		held = add_days(start, 20 + 182 * k - rng.randrange(0, 10))
		yield (
			"Child Review",
			{
				"name": f"{PREFIX}R{n:07d}{k:02d}",
				"child": child,
				"episode": episode,
				"docstatus": 1,
				"status": "Record Distributed",
				"planned_date": held,
				"held_date": held,
				"participation_code": "PN0" if age_in_years(born, held) < 4 else f"PN{1 + k % 7}",
			},
		)


def delete_seeded() -> None:
	for doctype in SEEDED:
		field = "parent" if doctype == "Placement Move" else "name"
		frappe.db.delete(doctype, {field: ("like", f"{PREFIX}%")})
	frappe.db.commit()
