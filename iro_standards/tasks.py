"""The daily job: what a date-based Notification cannot do.

Each step reads with set-based queries, writes only what is not already so, and commits as it
goes, so running it twice, or again after it was stopped half-way, gives nobody a second copy of
anything.
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as add_assignment
from frappe.model.workflow import apply_workflow
from frappe.query_builder.functions import Count
from frappe.utils import formatdate, getdate

from iro_standards.iro_standards.care_leavers import CARE_LEAVER_FIELDS, care_leaver_values
from iro_standards.iro_standards.conditions import criterion
from iro_standards.iro_standards.conferences import mark_overdue_conferences
from iro_standards.iro_standards.cycle import books_reviews_by_hand, schedule_child
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	engine_kwargs,
	pep_rules,
)
from iro_standards.iro_standards.doctype.looked_after_child.looked_after_child import refresh_child_timescales
from iro_standards.iro_standards.figures import weighted_caseloads
from iro_standards.iro_standards.workflow.states import FINISHED_STATES, workflow_is_active
from iro_standards.standards import CaseloadBand, caseload_band
from iro_standards.standards.care_leavers import ELIGIBLE_FROM_AGE, SUPPORT_UNTIL_AGE
from iro_standards.standards.conditions import (
	CARE_PLAN_UPDATE_OVERDUE,
	DISPUTE_RESPONSE_OVERDUE,
	INFORMAL_RESOLUTION_OVERDUE,
	PROGRESS_REVIEW_OVERDUE,
	REVIEW_OVERDUE,
	SIGNIFICANT_CHANGE_DECISION_OVERDUE,
)
from iro_standards.standards.dates import add_months
from iro_standards.standards.education import next_pep_due

BATCH_SIZE = 500


def daily(today: date | None = None) -> None:
	today = getdate(today)
	complete_review_cycles()
	refresh_pep_due_dates()
	refresh_care_leaver_dates(today)
	mark_overdue_reviews(today)
	mark_overdue_progress_reviews(today)
	mark_overdue_care_plan_updates(today)
	mark_overdue_informal_resolutions(today)
	mark_overdue_significant_change_decisions(today)
	mark_overdue_dispute_responses(today)
	mark_overdue_conferences(today)
	deem_silent_team_managers_agreed(today)
	assign_overdue_reviews_to_iro_managers(today)
	warn_about_caseloads(today)


def complete_review_cycles() -> None:
	"""Children whose records the cycle has not caught up with: open ones missing their planned
	review or the progress review of their last review, and ended ones with records still open."""
	for batch in batches(children_out_of_step()):
		for child in batch:
			with one_record(child):
				schedule_child(child)
		frappe.db.commit()


def batches(items: list) -> Iterator[list]:
	for batch_start in range(0, len(items), BATCH_SIZE):
		yield items[batch_start : batch_start + BATCH_SIZE]


def children_out_of_step() -> list[str]:
	ended = frappe.db.sql_list(
		"""select child.name from `tabLooked After Child` child
		where child.status != 'Looked After' and (
			exists (select 1 from `tabChild Review` r where r.open_for_child = child.name)
			or exists (select 1 from `tabProgress Review` p where p.open_for_child = child.name))"""
	)
	if books_reviews_by_hand():
		return ended
	without_planned_review = frappe.db.sql_list(
		"""select child.name from `tabLooked After Child` child
		left join `tabChild Review` planned on planned.open_for_child = child.name
		where child.status = 'Looked After' and planned.name is null
		and not exists (select 1 from `tabChild Review` recording where recording.child = child.name
			and recording.docstatus = 0 and recording.held_date is not null
			and recording.status != 'Cancelled')"""
	)
	without_progress_review = frappe.db.sql_list(
		"""select child.name from `tabLooked After Child` child
		join `tabChild Review` last_held on last_held.child = child.name
			and last_held.held_date = child.last_review_held and last_held.docstatus = 1
			and last_held.episode = child.current_episode
		left join `tabProgress Review` progress on progress.child_review = last_held.name
		where child.status = 'Looked After' and progress.name is null"""
	)
	return list(dict.fromkeys([*ended, *without_planned_review, *without_progress_review]))


def refresh_pep_due_dates() -> None:
	"""Each looked-after child's next PEP date, from this year's school terms: changed only where it
	moved (the terms are entered a year at a time)."""
	terms, ages = pep_rules()
	kwargs = engine_kwargs()
	children = frappe.get_all(
		"Looked After Child",
		filters={"status": "Looked After"},
		fields=["name", "date_of_birth", "became_looked_after", "pep_due"],
	)
	held = defaultdict(list)
	for row in frappe.get_all(
		"PEP Meeting", filters={"parenttype": "Looked After Child"}, fields=["parent", "held_on"]
	):
		held[row.parent].append(getdate(row.held_on))
	moved = []
	for child in children:
		if not (child.became_looked_after and child.date_of_birth):
			continue
		due = next_pep_due(
			getdate(child.became_looked_after),
			getdate(child.date_of_birth),
			held[child.name],
			terms,
			ages,
			**kwargs,
		)
		if due != (getdate(child.pep_due) if child.pep_due else None):
			moved.append((child.name, due))
	for batch in batches(moved):
		for name, due in batch:
			frappe.db.set_value("Looked After Child", name, "pep_due", due, update_modified=False)
		frappe.db.commit()


def refresh_care_leaver_dates(today: date) -> None:
	"""Young people who became eligible for leaving care support, or stopped being, since their
	record was last saved: changed only where the dates moved."""
	children = frappe.get_all(
		"Looked After Child",
		or_filters={
			"eligible_care_leaver_from": ("is", "set"),
			"date_of_birth": (
				"between",
				(add_months(today, -12 * SUPPORT_UNTIL_AGE), add_months(today, -12 * ELIGIBLE_FROM_AGE)),
			),
		},
		fields=["name", "date_of_birth", "pathway_plan_reviewed_on", *CARE_LEAVER_FIELDS],
	)
	for batch in batches(children):
		for child in batch:
			values = care_leaver_values(
				child.name, child.date_of_birth, child.pathway_plan_reviewed_on, today
			)
			if any(values[field] != (getdate(child[field]) if child[field] else None) for field in values):
				frappe.db.set_value("Looked After Child", child.name, values, update_modified=False)
		frappe.db.commit()


DEADLINE_FIELDTYPES = frozenset({"Date", "Check", "Int"})


def recompute_open_deadlines() -> None:
	"""After the site's working days or timescales change, every open record's deadlines as its own
	controller computes them, written only where they moved: no new version, no notification, a
	comment on the record saying why."""
	for doctype, finished in FINISHED_STATES.items():
		names = frappe.get_all(
			doctype, filters={"docstatus": ("<", 2), "status": ("not in", finished)}, pluck="name"
		)
		for batch in batches(names):
			for name in batch:
				with one_record(name):
					move_deadlines(doctype, name)
			frappe.db.commit()
	for batch in batches(frappe.get_all("Looked After Child", {"status": "Looked After"}, pluck="name")):
		for name in batch:
			refresh_child_timescales(name)
		frappe.db.commit()


def move_deadlines(doctype: str, name: str) -> None:
	doc = frappe.get_doc(doctype, name)
	doc._doc_before_save = frappe.get_doc(doctype, name)
	doc.run_method("before_update_after_submit" if doc.docstatus == 1 else "validate")
	moved = [*moved_values(doc, doc._doc_before_save)]
	for table in doc.meta.get_table_fields():
		earlier = {row.name: row for row in doc._doc_before_save.get(table.fieldname)}
		for row in doc.get(table.fieldname):
			if row.name in earlier:
				moved += moved_values(row, earlier[row.name])
	if moved:
		doc.add_comment(
			"Info",
			_("Deadlines recomputed for the site's working days and timescales: {0}.").format(
				", ".join(sorted({_(record.meta.get_label(field)) for record, field in moved}))
			),
		)


def moved_values(record, before) -> list[tuple]:
	"""The deadline fields of ``record`` that differ from ``before``, written to the database."""
	changed = {
		df.fieldname: record.get(df.fieldname)
		for df in record.meta.fields
		if df.fieldtype in DEADLINE_FIELDTYPES
		and str(record.get(df.fieldname) or "") != str(before.get(df.fieldname) or "")
	}
	if changed:
		record.db_set(changed, update_modified=False)
	return [(record, field) for field in changed]


def mark_overdue_reviews(today: date) -> None:
	flag_where(REVIEW_OVERDUE, "Child Review", "overdue", today)


def mark_overdue_care_plan_updates(today: date) -> None:
	flag_where(CARE_PLAN_UPDATE_OVERDUE, "Child Review", "care_plan_update_overdue", today)


def mark_overdue_significant_change_decisions(today: date) -> None:
	flag_where(SIGNIFICANT_CHANGE_DECISION_OVERDUE, "Significant Change", "decision_overdue", today)


def mark_overdue_informal_resolutions(today: date) -> None:
	flag_where(INFORMAL_RESOLUTION_OVERDUE, "Child Review", "informal_resolution_overdue", today)


def flag_where(condition, doctype: str, flag: str, today: date) -> None:
	"""Set the check ``flag`` on the records the condition holds for today, and clear it elsewhere."""
	table = frappe.qb.DocType(doctype)
	holds = criterion(condition, table, today)
	frappe.qb.update(table).set(table[flag], 1).where(holds & (table[flag] == 0)).run()
	frappe.qb.update(table).set(table[flag], 0).where((table[flag] == 1) & holds.negate()).run()
	frappe.db.commit()


def mark_overdue_progress_reviews(today: date) -> None:
	progress = frappe.qb.DocType("Progress Review")
	frappe.qb.update(progress).set(progress.status, "Overdue").where(
		(progress.status == "Due") & criterion(PROGRESS_REVIEW_OVERDUE, progress, today)
	).run()
	frappe.db.commit()


def mark_overdue_dispute_responses(today: date) -> None:
	flag_where(DISPUTE_RESPONSE_OVERDUE, "IRO Dispute", "response_overdue", today)


def deem_silent_team_managers_agreed(today: date) -> None:
	"""No response from the team manager by the deadline: the decisions are deemed agreed."""
	silent = frappe.get_all(
		"Child Review",
		filters={"docstatus": 1, "status": "With Team Manager", "tm_response_due": ("<", today)},
		fields=["name", "tm_response_due"],
		order_by="tm_response_due asc",
	)
	for batch in batches(silent):
		for review in batch:
			with one_record(review.name):
				deem_agreed(review.name, review.tm_response_due)
		frappe.db.commit()


@contextmanager
def one_record(name: str) -> Iterator[None]:
	"""A record that fails is logged and left for tomorrow; the others still go through."""
	frappe.db.savepoint("iro_daily_record")
	try:
		yield
	except Exception:
		frappe.db.rollback(save_point="iro_daily_record")
		frappe.log_error(title=_("IRO daily job could not process {0}").format(name))


def deem_agreed(review: str, response_due: date) -> None:
	doc = frappe.get_doc("Child Review", review)
	if workflow_is_active("Child Review"):
		doc = apply_workflow(doc.as_dict(), "Deem Agreed")
	else:
		doc.tm_response = "Deemed Agreed"
		doc.save(ignore_permissions=True)
	doc.add_comment(
		"Info",
		_("Deemed agreed: the team manager did not respond by {0}.").format(formatdate(response_due)),
	)


def assign_overdue_reviews_to_iro_managers(today: date) -> None:
	"""One ToDo per IRO manager for each child past their statutory review date: on the child's
	planned review, or on the child when no review is planned (a service booking by hand)."""
	managers = iro_managers()
	if not managers:
		return
	overdue = frappe.db.sql(
		"""select child.name as child, child.case_number, child.next_review_due as statutory_due,
			planned.name as review
		from `tabLooked After Child` child
		left join `tabChild Review` planned on planned.open_for_child = child.name
		where child.status = 'Looked After' and child.next_review_due < %s""",
		today,
		as_dict=True,
	)
	already = set(
		frappe.get_all(
			"ToDo",
			filters={
				"reference_type": ("in", ("Child Review", "Looked After Child")),
				"allocated_to": ("in", managers),
				"status": "Open",
			},
			fields=["reference_type", "reference_name", "allocated_to"],
			as_list=True,
		)
	)
	for batch in batches(overdue):
		for row in batch:
			reference = ("Child Review", row.review) if row.review else ("Looked After Child", row.child)
			unassigned = [manager for manager in managers if (*reference, manager) not in already]
			if unassigned:
				with one_record(reference[1]):
					assign_overdue_review(row, reference, unassigned, today)
		frappe.db.commit()


def assign_overdue_review(row, reference: tuple[str, str], managers: list[str], today: date) -> None:
	"""A ToDo with Frappe's own assignment notification (bell, and email where the user wants it)."""
	add_assignment(
		{
			"assign_to": managers,
			"doctype": reference[0],
			"name": reference[1],
			"description": _("Review for {0} passed its statutory date of {1} without being held.").format(
				row.case_number, formatdate(row.statutory_due)
			),
			"date": today,
			"priority": "High",
			"assigned_by": "Administrator",
		},
		ignore_permissions=True,
	)


def warn_about_caseloads(today: date) -> None:
	"""Tell the IRO managers, once a day, about each officer whose load (looked-after children and,
	for the dual role, children on a plan, each by its weight) is above the configured maximum."""
	timescales = engine_kwargs()["timescales"]
	child = frappe.qb.DocType("Looked After Child")
	loads = weighted_caseloads(
		children_by(child.allocated_iro, child.status == "Looked After"),
		children_by(child.cp_chair, child.on_cp_plan == 1),
	)
	managers = iro_managers()
	for officer, load in sorted(loads.items()):
		if caseload_band(load, timescales) != CaseloadBand.ABOVE:
			continue
		subject = _("Caseload on {0}: {1} has {2} children, above the maximum of {3}.").format(
			formatdate(today), officer, f"{load:g}", timescales.caseload_maximum
		)
		for manager in managers:
			if not frappe.db.exists("Notification Log", {"for_user": manager, "subject": subject}):
				frappe.get_doc(
					{
						"doctype": "Notification Log",
						"for_user": manager,
						"type": "Alert",
						"document_type": "User",
						"document_name": officer,
						"subject": subject,
						"from_user": "Administrator",
					}
				).insert(ignore_permissions=True)
	frappe.db.commit()


def children_by(officer_column, condition) -> dict[str, int]:
	"""Children counted by the officer in ``officer_column``, where ``condition`` holds."""
	child = frappe.qb.DocType("Looked After Child")
	rows = (
		frappe.qb.from_(child)
		.select(officer_column.as_("officer"), Count("*").as_("children"))
		.where(condition & officer_column.isnotnull())
		.groupby(officer_column)
		.run(as_dict=True)
	)
	return {row.officer: row.children for row in rows}


def iro_managers() -> list[str]:
	has_role = frappe.qb.DocType("Has Role")
	user = frappe.qb.DocType("User")
	return (
		frappe.qb.from_(has_role)
		.join(user)
		.on(user.name == has_role.parent)
		.select(user.name)
		.distinct()
		.where((has_role.role == "IRO Manager") & (has_role.parenttype == "User") & (user.enabled == 1))
		.orderby(user.name)
		.run(pluck=True)
	)
