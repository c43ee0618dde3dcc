"""Benchmark of the eleven reports against the bare SQL aggregate each needs, on seeded data.

    bench --site SITE execute iro_standards.benchmarks.reports.run --kwargs "{'children': 100000}"

Seeds N children with ten held reviews each (one million for 100,000 children), a progress
review, practice-standard checks on this quarter's reviews and disputes for some, and a held child
protection conference each (a third of them on a plan, some a repeat plan); then runs each
report for this quarter as Administrator and times it beside the bare SQL that reads the same
columns and rows (or the same aggregate). Target: each report within 2x of its bare SQL and at
most 3 s. Deletes what it seeded. Run it on a test site. ``reviews_per_child`` (default 10) seeds
fewer reviews, to measure the child protection reports quickly on 100,000 conferences.
"""

import random
import time
from datetime import date

import frappe
from frappe.desk.query_report import run as run_report
from frappe.utils import add_days, getdate

from iro_standards.benchmarks import refuse_sites_without_tests
from iro_standards.benchmarks.scheduler import PREFIX, cleanup, ensure_user
from iro_standards.iro_standards.conference_figures import CONFERENCE_COUNTS
from iro_standards.iro_standards.figures import this_quarter

REVIEWS_PER_CHILD = 10
SEEDED_IRO = "bench.iro.7@example.com"
RAGS = ("Red", "Amber", "Green")
HELD_IN_PERIOD = "docstatus = 1 and held_date between %(start)s and %(end)s"
BARE_QUERIES = {
	"Review Timeliness": [
		f"""select date_format(held_date, '%%Y-%%m'), count(*), sum(held_in_timescale)
		from `tabChild Review` where {HELD_IN_PERIOD} group by 1"""
	],
	"Reviews Due and Overdue": [
		"""select name, case_number, allocated_iro, team, next_review_kind, next_review_due,
		progress_review_due, pep_due from `tabLooked After Child` where status = 'Looked After'
		order by next_review_due""",
		"""select name, child, planned_date, consultation_due, consultation_held_on, invitations_due,
		invitations_sent_on, sw_report_due, sw_report_received_on from `tabChild Review`
		where docstatus = 0 and status in ('Planned', 'Adjourned') order by planned_date""",
	],
	"IRO Caseload": [
		"""select allocated_iro, count(*), sum(allocated_in_time) from `tabLooked After Child`
		where status = 'Looked After' group by allocated_iro""",
		"""select cp_chair, count(*) from `tabLooked After Child`
		where on_cp_plan = 1 and cp_chair is not null group by cp_chair""",
		"""select sibling_group, allocated_iro from `tabLooked After Child`
		where status = 'Looked After' and sibling_group is not null""",
	],
	"Dispute Resolution Tracker": [
		"""select name, case_number, team, category, status, current_stage, raised_on, resolved_on,
		current_response_due, response_overdue from `tabIRO Dispute`
		where raised_on between %(start)s and %(end)s order by raised_on""",
		"""select d.name, s.stage from `tabIRO Dispute` d left join `tabIRO Dispute Stage` s on s.parent = d.name
		where d.raised_on between %(start)s and %(end)s""",
	],
	"Participation": [
		f"""select participation_code, age_at_review, count(*), sum(child_chaired), sum(spoken_to_privately)
		from `tabChild Review` where {HELD_IN_PERIOD} group by 1, 2""",
		"""select count(*), sum(knows_iro) from `tabLooked After Child` where status = 'Looked After'""",
	],
	"Care Plan RAG and Child Journey": [
		f"""select child, case_number, care_plan_rag from `tabChild Review`
		where {HELD_IN_PERIOD} and care_plan_rag is not null and care_plan_rag != ''
		order by held_date"""
	],
	"Practice Standards Compliance": [
		"""select r.chair, s.practice_standard, s.outcome, count(*) from `tabChild Review` r
		join `tabPractice Standard Check` s on s.parent = r.name
		where r.docstatus = 1 and r.held_date between %(start)s and %(end)s group by 1, 2, 3""",
		"""select p.completed_by, s.practice_standard, s.outcome, count(*) from `tabProgress Review` p
		join `tabPractice Standard Check` s on s.parent = p.name
		where p.completed_on between %(start)s and %(end)s group by 1, 2, 3""",
	],
	"Permanence and Progress": [
		f"""select chair, permanence_plan_ratified, count(*) from `tabChild Review`
		where {HELD_IN_PERIOD} and counted_as = 'Second' group by 1, 2""",
		"""select allocated_iro, due_date, completed_on from `tabProgress Review` where due_date between %(start)s and %(end)s""",
		"""select r.chair, m.status, count(*) from `tabChild Review` r join `tabReview Recommendation` m on m.parent = r.name
		where r.docstatus = 1 and r.held_date between %(start)s and %(end)s group by 1, 2""",
	],
	"Child Protection Conferences": [
		f"""select chair, {", ".join(CONFERENCE_COUNTS.values())} from `tabChild Protection Conference`
		where {HELD_IN_PERIOD} group by chair"""
	],
	"Children on a Child Protection Plan": [
		"""select name, case_number, cp_chair, cp_categories, cp_plan_started from `tabLooked After Child`
		where on_cp_plan = 1 and cp_plan_started is not null order by name""",
		"""select parent, count(*), max(plan_ended) from `tabChild Protection Plan`
		where parenttype = 'Looked After Child' and plan_ended is not null group by parent""",
	],
	"Decision Recording": [
		f"""select chair, tm_response, count(*), sum(decisions_recorded_on <= decisions_due),
		sum(record_distributed_on <= record_distribution_due) from `tabChild Review` where {HELD_IN_PERIOD} group by 1, 2"""
	],
}


def run(
	children: int = 100_000, seed: int = 20, repeats: int = 3, reviews_per_child: int = REVIEWS_PER_CHILD
) -> list[dict]:
	refuse_sites_without_tests()
	rng = random.Random(seed)
	delete_seeded()
	started = time.perf_counter()
	seed_data(children, getdate(), rng, reviews_per_child)
	print(
		f"seeded {children:,} children, {children:,} conferences and {children * reviews_per_child:,} reviews "
		f"in {time.perf_counter() - started:.1f} s"
	)
	results = measure(repeats)
	delete_seeded()
	return results


def delete_seeded() -> None:
	frappe.db.delete("Practice Standard Check", {"parent": ("like", f"{PREFIX}%")})
	cleanup()


def measure(repeats: int = 3) -> list[dict]:
	"""Time each report for this quarter beside the bare SQL it needs, best of ``repeats``; then as
	one seeded IRO, whose reports are narrowed by the record permissions."""
	start, end = this_quarter()
	filters = {"from_date": str(start), "to_date": str(end)}
	iro = ensure_user(SEEDED_IRO, "IRO")
	results = []
	for report, bare_queries in BARE_QUERIES.items():
		report_seconds = best_of(
			repeats, lambda report=report: run_report(report, filters=filters, ignore_prepared_report=True)
		)
		bare_seconds = best_of(
			repeats,
			lambda queries=bare_queries: [
				frappe.db.sql(query, {"start": start, "end": end}) for query in queries
			],
		)
		frappe.set_user(iro)
		try:
			iro_seconds = best_of(
				repeats,
				lambda report=report: run_report(report, filters=filters, ignore_prepared_report=True),
			)
		finally:
			frappe.set_user("Administrator")
		results.append(
			{
				"report": report,
				"report_seconds": round(report_seconds, 3),
				"bare_sql_seconds": round(bare_seconds, 3),
				"ratio": round(report_seconds / bare_seconds, 2) if bare_seconds else None,
				"as_iro_seconds": round(iro_seconds, 3),
			}
		)
	print(f"{'report':<34}{'report s':>10}{'bare SQL s':>12}{'ratio':>8}{'as an IRO s':>13}")
	for row in results:
		print(
			f"{row['report']:<34}{row['report_seconds']:>10}{row['bare_sql_seconds']:>12}"
			f"{row['ratio']:>8}{row['as_iro_seconds']:>13}"
		)
	return results


def best_of(repeats: int, call) -> float:
	timings = []
	for _ in range(repeats):
		started = time.perf_counter()
		call()
		timings.append(time.perf_counter() - started)
	return min(timings)


def seed_data(
	count: int, today: date, rng: random.Random, reviews_per_child: int = REVIEWS_PER_CHILD
) -> None:
	quarter_start, _ = this_quarter(today)
	standards = frappe.get_all("Practice Standard", {"applies_to_review": 1}, ["name", "area"], limit=5)
	now = frappe.utils.now()
	base = {"owner": "Administrator", "modified_by": "Administrator", "creation": now, "modified": now}
	rows = {
		"Looked After Child": [],
		"Child Review": [],
		"Progress Review": [],
		"IRO Dispute": [],
		"Practice Standard Check": [],
		"Child Protection Conference": [],
		"Child Protection Plan": [],
	}
	for n in range(count):
		child, iro = f"{PREFIX}C{n:07d}", f"bench.iro.{n % 1500}@example.com"
		start = add_days(today, -(20 + 182 * (reviews_per_child - 1)) - rng.randrange(0, 150))
		held = [add_days(start, 20 + 182 * k - rng.randrange(0, 10)) for k in range(reviews_per_child)]
		on_plan = n % 3 == 0
		plan_started = add_days(today, -rng.randrange(10, 900))
		rows["Looked After Child"].append(
			{
				"cp_chair": iro if on_plan else None,
				"on_cp_plan": int(on_plan),
				"cp_categories": "Neglect, Emotional abuse" if on_plan else None,
				"cp_plan_started": plan_started if on_plan else None,
				"name": child,
				"first_name": "Bench",
				"last_name": str(n),
				"case_number": f"{PREFIX}{n}",
				"date_of_birth": "2012-01-01",
				"status": "Looked After",
				"allocated_iro": iro,
				"team": f"Team {n % 12}",
				"allocated_in_time": n % 7 != 0,
				"next_review_due": add_days(held[-1], 182),
			}
		)
		for k, held_on in enumerate(held):
			review = f"{PREFIX}R{n:07d}{k:02d}"
			rows["Child Review"].append(
				{
					"name": review,
					"child": child,
					"chair": iro,
					"team": f"Team {n % 12}",
					"docstatus": 1,
					"status": "Record Distributed",
					"review_kind": ("First", "Second")[k] if k < 2 else "Subsequent",
					"counted_as": ("First", "Second")[k] if k < 2 else "Subsequent",
					"planned_date": held_on,
					"held_date": held_on,
					"statutory_due": add_days(held_on, rng.randrange(-5, 15)),
					"held_in_timescale": rng.random() < 0.9,
					"participation_code": f"PN{rng.randrange(1, 8)}",
					"age_at_review": 8 + k // 2,
					"care_plan_rag": rng.choice(RAGS),
					"permanence_plan_ratified": "Yes" if k == 1 else None,
					"decisions_due": add_days(held_on, 5),
					"decisions_recorded_on": add_days(held_on, rng.randrange(1, 8)),
					"tm_response": "Agreed",
				}
			)
			if held_on >= quarter_start:
				rows["Practice Standard Check"] += [
					{
						"name": f"{review}-{i}",
						"parent": review,
						"parenttype": "Child Review",
						"parentfield": "standards",
						"idx": i + 1,
						"practice_standard": s.name,
						"area": s.area,
						"outcome": rng.choice(("Met", "Met", "Not Met")),
					}
					for i, s in enumerate(standards)
				]
		rows["Progress Review"].append(
			{
				"name": f"{PREFIX}G{n:07d}",
				"child": child,
				"child_review": f"{PREFIX}R{n:07d}{reviews_per_child - 1:02d}",
				"allocated_iro": iro,
				"due_date": add_days(held[-1], 91),
				"status": "Due",
			}
		)
		rows["Child Protection Conference"].append(seeded_conference(n, child, iro, today, rng))
		if on_plan:
			plans = [(add_days(plan_started, -700), add_days(plan_started, -300))] if n % 9 == 0 else []
			plans.append((plan_started, None))
			rows["Child Protection Plan"] += [
				{
					"name": f"{PREFIX}L{n:07d}{i}",
					"parent": child,
					"parenttype": "Looked After Child",
					"parentfield": "cp_plans",
					"idx": i + 1,
					"plan_started": started,
					"plan_ended": ended,
					"categories": "Neglect",
				}
				for i, (started, ended) in enumerate(plans)
			]
		if n % 20 == 0:
			rows["IRO Dispute"].append(
				{
					"name": f"{PREFIX}D{n:07d}",
					"child": child,
					"raised_by": "Administrator",
					"raised_on": add_days(today, -rng.randrange(0, 80)),
					"category": "Other",
					"issue": "Benchmark",
					"desired_outcome": "Benchmark",
					"status": "Informal",
					"current_stage": "Informal",
				}
			)
	for doctype, doctype_rows in rows.items():
		if doctype_rows:
			fields = [*doctype_rows[0], *base]
			frappe.db.bulk_insert(
				doctype, fields, [(*row.values(), *base.values()) for row in doctype_rows], chunk_size=10_000
			)
	frappe.db.commit()


def seeded_conference(n: int, child: str, iro: str, today: date, rng: random.Random) -> dict:
	"""A held conference: initial or review, on time or late, quorate or not, over two years."""
	held = add_days(today, -rng.randrange(0, 730))
	initial = n % 2 == 0
	quorate = rng.random() < 0.9
	return {
		"name": f"{PREFIX}P{n:07d}",
		"child": child,
		"conference_kind": "Initial" if initial else "Review",
		"chair": iro,
		"docstatus": 1,
		"status": "Held",
		"strategy_discussion": add_days(held, -21) if initial else None,
		"conference_due": add_days(held, rng.randrange(-5, 10)),
		"planned_date": held,
		"held_date": held,
		"quorate": int(quorate),
		"outcome": ("Plan" if n % 3 == 0 else "No Plan") if initial else "Plan Continues",
		"exceptional_report_due": None if quorate else add_days(held, 6),
		"exceptional_report_on": None if quorate else add_days(held, rng.randrange(2, 9)),
		"progress_check_due": add_days(held, 30),
		"progress_check_on": add_days(held, rng.randrange(10, 40)),
	}
