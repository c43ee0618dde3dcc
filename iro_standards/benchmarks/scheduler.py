"""Benchmark of the daily job against a naive per-document version, on seeded data.

    bench --site SITE execute iro_standards.benchmarks.scheduler.run --kwargs "{'children': 100000}"

Seeds N open children with an episode, a held review, a planned review, a progress review and,
for some, a dispute, in bulk; one child in 200 lacks its planned review and one in 200 its
progress review, for the job to create. Runs the daily job and the naive version (a ``get_doc``
per child and per record, and the cycle planned for every child; kept only here) over the same
data, prints times, query counts and what was created, and deletes everything it seeded. It
refuses a site without ``allow_tests``.
"""

import random
import time
from contextlib import contextmanager
from datetime import date

import frappe
from frappe.utils import add_days, getdate

from iro_standards import tasks
from iro_standards.benchmarks import refuse_sites_without_tests
from iro_standards.iro_standards.cycle import schedule_child
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	engine_kwargs,
	pep_rules,
)
from iro_standards.iro_standards.workflow.states import OPEN_REVIEW_STATES
from iro_standards.standards.education import next_pep_due

PREFIX = "BENCH-"
BORN = date(2012, 1, 1)
SEEDED = (
	"Looked After Child",
	"Care Episode",
	"Child Review",
	"Progress Review",
	"IRO Dispute",
	"ToDo",
	"Child Protection Conference",
	"Child Protection Plan",
)


def run(children: int = 100_000, naive_sample: int = 5_000, seed: int = 20) -> dict:
	refuse_sites_without_tests()
	rng = random.Random(seed)
	today = getdate()
	frappe.flags.in_benchmark = True
	cleanup()
	ensure_user("bench.manager@example.com", "IRO Manager")
	started = time.perf_counter()
	seed_children(children, today, rng)
	print(f"seeded {children:,} children in {time.perf_counter() - started:.1f} s")

	records_before = created_records()
	with counted_queries() as fast_queries:
		started = time.perf_counter()
		tasks.daily(today)
		fast_seconds = time.perf_counter() - started
	created = {doctype: count - records_before[doctype] for doctype, count in created_records().items()}
	with counted_queries() as repeat_queries:
		started = time.perf_counter()
		tasks.daily(today)
		repeat_seconds = time.perf_counter() - started

	sample = frappe.get_all(
		"Looked After Child", {"name": ("like", f"{PREFIX}%")}, pluck="name", limit=naive_sample
	)
	with counted_queries() as naive_queries:
		started = time.perf_counter()
		naive_daily(sample, today)
		naive_seconds = time.perf_counter() - started
	naive_per_child = naive_seconds / max(len(sample), 1)
	naive_estimate = naive_per_child * children

	result = {
		"children": children,
		"daily_job_seconds": round(fast_seconds, 2),
		"daily_job_queries": fast_queries[0],
		"reviews_created": created["Child Review"],
		"progress_reviews_created": created["Progress Review"],
		"second_run_seconds": round(repeat_seconds, 2),
		"second_run_queries": repeat_queries[0],
		"naive_sample_children": len(sample),
		"naive_sample_seconds": round(naive_seconds, 2),
		"naive_sample_queries": naive_queries[0],
		"naive_estimated_seconds_for_all": round(naive_estimate, 1),
		"speed_up": round(naive_estimate / fast_seconds, 1) if fast_seconds else None,
	}
	for key, value in result.items():
		print(f"{key:>34}: {value}")
	cleanup()
	frappe.db.commit()
	return result


def created_records() -> dict[str, int]:
	return {
		doctype: frappe.db.count(doctype, {"child": ("like", f"{PREFIX}%")})
		for doctype in ("Child Review", "Progress Review")
	}


def ensure_user(email: str, role: str) -> str:
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{"doctype": "User", "email": email, "first_name": "Bench", "send_welcome_email": 0}
		).insert(ignore_permissions=True)
		user.add_roles(role)
	frappe.db.commit()
	return email


def seed_children(count: int, today: date, rng: random.Random) -> None:
	terms, ages = pep_rules()
	kwargs = engine_kwargs()

	def pep_of(start: date, born: date) -> date | None:
		"""The PEP date the app stores for a child with no PEP meeting recorded yet."""
		return next_pep_due(getdate(start), getdate(born), [], terms, ages, **kwargs)

	"""About one child in a thousand has a review newly overdue and one a silent team manager today."""
	rows = {doctype: [] for doctype in SEEDED if doctype != "ToDo"}
	for n in range(count):
		for doctype, row in seed_child(n, today, rng, pep_of):
			rows[doctype].append(row)
	now = frappe.utils.now()
	base = {"owner": "Administrator", "modified_by": "Administrator", "creation": now, "modified": now}
	rows["User"] = [
		{"name": iro, "email": iro, "first_name": "Bench", "enabled": 1, "user_type": "System User"}
		for iro in sorted({row["allocated_iro"] for row in rows["Looked After Child"]})
		if not frappe.db.exists("User", iro)
	]
	for doctype, doctype_rows in rows.items():
		if not doctype_rows:
			continue
		fields = [*doctype_rows[0], *base]
		values = [(*row.values(), *base.values()) for row in doctype_rows]
		frappe.db.bulk_insert(doctype, fields, values, chunk_size=5000)
	frappe.db.commit()


def seed_child(n: int, today: date, rng: random.Random, pep_of):
	child, episode, held = f"{PREFIX}C{n:07d}", f"{PREFIX}E{n:07d}", f"{PREFIX}H{n:07d}"
	start = add_days(today, -rng.randrange(200, 2000))
	last_held = add_days(today, -rng.randrange(20, 170))
	next_due = add_days(last_held, 182)
	yield (
		"Looked After Child",
		{
			"name": child,
			"first_name": "Bench",
			"last_name": f"Child {n}",
			"full_name": f"Bench Child {n}",
			"case_number": f"{PREFIX}{n}",
			"date_of_birth": BORN,
			"status": "Looked After",
			"allocated_iro": f"bench.iro.{n % 1500}@example.com",
			"became_looked_after": start,
			"last_review_held": last_held,
			"next_review_due": next_due,
			"current_episode": episode,
			"pep_due": pep_of(start, BORN),
		},
	)
	yield "Care Episode", {"name": episode, "child": child, "start_date": start, "is_open": 1}
	yield "Child Review", review_row(held, child, episode, last_held, "Record Distributed", sent=last_held)
	planned_due = add_days(today, -1) if n % 1000 == 0 else next_due
	if n % 200 != 2:
		planned = review_row(f"{PREFIX}P{n:07d}", child, episode, planned_due, "Planned")
		yield "Child Review", {**planned, "open_for_child": child, "previous_review": held}
	if n % 1000 == 1:
		sent = add_days(today, -8)
		silent = review_row(
			f"{PREFIX}T{n:07d}", child, episode, add_days(sent, -2), "With Team Manager", sent=sent
		)
		yield "Child Review", {**silent, "tm_response_due": add_days(today, -1)}
	if n % 200 != 3:
		yield (
			"Progress Review",
			{
				"name": f"{PREFIX}G{n:07d}",
				"child_review": held,
				"child": child,
				"due_date": add_days(last_held, 91),
				"status": "Due",
				"open_for_child": child,
			},
		)
	if n % 20 == 0:
		yield (
			"IRO Dispute",
			{
				"name": f"{PREFIX}D{n:07d}",
				"child": child,
				"raised_by": "Administrator",
				"raised_on": add_days(today, -10),
				"category": "Other",
				"issue": "Benchmark",
				"desired_outcome": "Benchmark",
				"status": "Informal",
				"current_stage": "Informal",
				"current_response_due": add_days(today, rng.randrange(-5, 5)),
			},
		)


def review_row(name: str, child: str, episode: str, on: date, status: str, sent: date | None = None) -> dict:
	held = sent is not None
	return {
		"name": name,
		"child": child,
		"episode": episode,
		"planned_date": on,
		"held_date": on if held else None,
		"statutory_due": on,
		"docstatus": int(held),
		"status": status,
		"decisions_recorded_on": on if held else None,
		"sent_to_tm_on": sent,
		"tm_response_due": None,
		"next_review_date": add_days(on, 182) if held else None,
		"overdue": 0,
		"open_for_child": None,
		"previous_review": None,
	}


def naive_daily(children: list[str], today: date) -> None:
	"""What the job would be with a document load per child and per record."""
	for name in children:
		schedule_child(name)
		child = frappe.get_doc("Looked After Child", name)
		for review_name in frappe.get_all("Child Review", {"child": child.name}, pluck="name"):
			review = frappe.get_doc("Child Review", review_name)
			is_overdue = int(
				review.docstatus == 0
				and review.status in OPEN_REVIEW_STATES
				and getdate(review.statutory_due) < today
			)
			if review.overdue != is_overdue:
				review.db_set("overdue", is_overdue, update_modified=False)
		for progress_name in frappe.get_all("Progress Review", {"child": child.name}, pluck="name"):
			progress = frappe.get_doc("Progress Review", progress_name)
			if progress.status == "Due" and getdate(progress.due_date) < today:
				progress.db_set("status", "Overdue", update_modified=False)
		for dispute_name in frappe.get_all("IRO Dispute", {"child": child.name}, pluck="name"):
			dispute = frappe.get_doc("IRO Dispute", dispute_name)
			late = int(bool(dispute.current_response_due and getdate(dispute.current_response_due) < today))
			if dispute.response_overdue != late:
				dispute.db_set("response_overdue", late, update_modified=False)
	frappe.db.rollback()


@contextmanager
def counted_queries():
	count = [0]
	original = frappe.db.sql

	def counting_sql(*args, **kwargs):
		count[0] += 1
		return original(*args, **kwargs)

	frappe.db.sql = counting_sql
	try:
		yield count
	finally:
		frappe.db.sql = original


def cleanup() -> None:
	remove_records_the_job_created()
	for doctype in SEEDED:
		field = "reference_name" if doctype == "ToDo" else "name"
		frappe.db.delete(doctype, {field: ("like", f"{PREFIX}%")})
	frappe.db.delete("Comment", {"reference_name": ("like", f"{PREFIX}%")})
	frappe.db.delete("Version", {"docname": ("like", f"{PREFIX}%")})
	frappe.db.delete("Notification Log", {"document_name": ("like", "bench.iro.%")})
	frappe.db.delete("User", {"name": ("like", "bench.iro.%")})
	frappe.db.commit()


def remove_records_the_job_created() -> None:
	"""Reviews and progress reviews the cycle created for seeded children, with their rows."""
	for doctype in ("Child Review", "Progress Review"):
		created = frappe.get_all(
			doctype,
			{"child": ("like", f"{PREFIX}%"), "name": ("not like", f"{PREFIX}%")},
			pluck="name",
		)
		for batch in tasks.batches(created):
			for table in ("Practice Standard Check", "Recommendation Progress"):
				frappe.db.delete(table, {"parenttype": doctype, "parent": ("in", batch)})
			for related, field in (("ToDo", "reference_name"), ("Notification Log", "document_name")):
				frappe.db.delete(related, {field: ("in", batch)})
			frappe.db.delete(doctype, {"name": ("in", batch)})
