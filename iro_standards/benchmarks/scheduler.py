"""Benchmark of the daily job against a naive per-document version, on seeded data.

    bench --site SITE execute iro_standards.benchmarks.scheduler.run --kwargs "{'children': 100000}"

Seeds N open children with an episode, a held review, a planned review, a progress review and,
for some, a dispute, in bulk; runs the daily job and the naive version (a ``get_doc`` per child
and per record, kept only here) over the same data, prints times and query counts, and deletes
everything it seeded. Run it on a test site.
"""

import random
import time
from contextlib import contextmanager
from datetime import date, timedelta

import frappe
from frappe.utils import add_days, getdate

from iro_standards import tasks

PREFIX = "BENCH-"
SEEDED = ("Looked After Child", "Care Episode", "Child Review", "Progress Review", "IRO Dispute", "ToDo")


def run(children: int = 100_000, naive_sample: int = 5_000, seed: int = 20) -> dict:
	rng = random.Random(seed)
	today = getdate()
	frappe.flags.in_benchmark = True
	cleanup()
	ensure_manager()
	started = time.perf_counter()
	seed_children(children, today, rng)
	print(f"seeded {children:,} children in {time.perf_counter() - started:.1f} s")

	with counted_queries() as fast_queries:
		started = time.perf_counter()
		tasks.daily(today)
		fast_seconds = time.perf_counter() - started
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


def ensure_manager() -> None:
	if not frappe.db.exists("User", "bench.manager@example.com"):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": "bench.manager@example.com",
				"first_name": "Bench",
				"send_welcome_email": 0,
			}
		).insert(ignore_permissions=True)
		user.add_roles("IRO Manager")
	frappe.db.commit()


def seed_children(count: int, today: date, rng: random.Random) -> None:
	"""About one child in a thousand has a review newly overdue and one a silent team manager today."""
	now = frappe.utils.now()
	base = {"owner": "Administrator", "modified_by": "Administrator", "creation": now, "modified": now}
	children, episodes, reviews, progress, disputes = [], [], [], [], []
	for n in range(count):
		child, episode = f"{PREFIX}C{n:07d}", f"{PREFIX}E{n:07d}"
		iro = f"bench.iro.{n % 1500}@example.com"
		start = add_days(today, -rng.randrange(30, 2000))
		last_held = add_days(today, -rng.randrange(20, 170))
		due_next = add_days(last_held, 182)
		children.append(
			(
				child,
				"Bench",
				f"Child {n}",
				f"Bench Child {n}",
				f"{PREFIX}{n}",
				"2012-01-01",
				"Looked After",
				iro,
				start,
				last_held,
				due_next,
			)
		)
		episodes.append((episode, child, start, 1, 0))
		reviews.append(
			(
				f"{PREFIX}H{n:07d}",
				child,
				episode,
				last_held,
				last_held,
				add_days(last_held, -1),
				1,
				"Record Distributed",
				None,
				0,
			)
		)
		overdue = n % 1000 == 0
		planned_due = add_days(today, -1) if overdue else due_next
		reviews.append(
			(f"{PREFIX}P{n:07d}", child, episode, planned_due, None, planned_due, 0, "Planned", None, 0)
		)
		if n % 1000 == 1:
			reviews.append(
				(
					f"{PREFIX}T{n:07d}",
					child,
					episode,
					last_held,
					last_held,
					add_days(last_held, -1),
					1,
					"With Team Manager",
					add_days(today, -1),
					0,
				)
			)
		progress.append((f"{PREFIX}G{n:07d}", f"{PREFIX}H{n:07d}", child, add_days(last_held, 91), "Due"))
		if n % 20 == 0:
			disputes.append(
				(
					f"{PREFIX}D{n:07d}",
					child,
					"Administrator",
					add_days(today, -10),
					"Other",
					"Bench",
					"Bench",
					"Informal",
					"Informal",
					add_days(today, rng.randrange(-5, 5)),
				)
			)
	insert(
		"Looked After Child",
		[
			"name",
			"first_name",
			"last_name",
			"full_name",
			"case_number",
			"date_of_birth",
			"status",
			"allocated_iro",
			"became_looked_after",
			"last_review_held",
			"next_review_due",
		],
		children,
		base,
	)
	insert("Care Episode", ["name", "child", "start_date", "is_open", "docstatus"], episodes, base)
	insert(
		"Child Review",
		[
			"name",
			"child",
			"episode",
			"planned_date",
			"held_date",
			"statutory_due",
			"docstatus",
			"status",
			"tm_response_due",
			"overdue",
		],
		reviews,
		base,
	)
	insert("Progress Review", ["name", "child_review", "child", "due_date", "status"], progress, base)
	insert(
		"IRO Dispute",
		[
			"name",
			"child",
			"raised_by",
			"raised_on",
			"category",
			"issue",
			"desired_outcome",
			"status",
			"current_stage",
			"current_response_due",
		],
		disputes,
		base,
	)
	frappe.db.commit()


def insert(doctype: str, fields: list[str], rows: list[tuple], base: dict) -> None:
	frappe.db.bulk_insert(
		doctype, [*fields, *base], [(*row, *base.values()) for row in rows], chunk_size=5000
	)


def naive_daily(children: list[str], today: date) -> None:
	"""What the job would be with a document load per child and per record."""
	for name in children:
		child = frappe.get_doc("Looked After Child", name)
		for review_name in frappe.get_all("Child Review", {"child": child.name}, pluck="name"):
			review = frappe.get_doc("Child Review", review_name)
			is_overdue = int(
				review.docstatus == 0
				and review.status in tasks.OPEN_REVIEW_STATES
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
	for doctype in SEEDED:
		field = "reference_name" if doctype == "ToDo" else "name"
		frappe.db.delete(doctype, {field: ("like", f"{PREFIX}%")})
	frappe.db.delete("Comment", {"reference_name": ("like", f"{PREFIX}%")})
	frappe.db.delete("Version", {"docname": ("like", f"{PREFIX}%")})
	frappe.db.delete("Notification Log", {"document_name": ("like", "bench.iro.%")})
	frappe.db.commit()
