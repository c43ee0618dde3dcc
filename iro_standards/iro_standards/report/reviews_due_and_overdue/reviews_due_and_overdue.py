# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

from datetime import date

import frappe
from frappe import _
from frappe.utils import getdate

from iro_standards.iro_standards.workflow.states import OPEN_REVIEW_STATES

MILESTONES = (
	("consultation_due", "consultation_held_on", "Consultation"),
	("invitations_due", "invitations_sent_on", "Invitations"),
	("sw_report_due", "sw_report_received_on", "Social worker report"),
)
from iro_standards.iro_standards.names import people_by_name


@people_by_name
def execute(filters=None):
	filters = frappe._dict(filters or {})
	today = getdate()
	rows = open_children(filters, today)
	planned = planned_reviews(filters)
	for row in rows:
		row.days_to_go = (row.next_review_due - today).days if row.next_review_due else None
		row.next_review_kind = _(row.next_review_kind) if row.next_review_kind else None
		add_planned_review(row, planned.get(row.child), today)
	return columns(), rows, None, None, summary(rows)


def open_children(filters, today: date) -> list:
	conditions = [["status", "=", "Looked After"]]
	if filters.iro:
		conditions.append(["allocated_iro", "=", filters.iro])
	if filters.team:
		conditions.append(["team", "=", filters.team])
	if filters.only_overdue:
		conditions.append(["next_review_due", "<", today])
	return frappe.get_list(
		"Looked After Child",
		filters=conditions,
		fields=[
			"name as child",
			"case_number",
			"allocated_iro",
			"team",
			"next_review_kind",
			"next_review_due",
			"progress_review_due",
			"pep_due",
		],
		order_by="next_review_due asc",
		limit_page_length=0,
	)


def planned_reviews(filters) -> dict:
	"""Each child's next open (planned or adjourned) review, narrowed like the children are."""
	conditions = [["docstatus", "=", 0], ["status", "in", OPEN_REVIEW_STATES]]
	if filters.iro:
		conditions.append(["allocated_iro", "=", filters.iro])
	if filters.team:
		conditions.append(["team", "=", filters.team])
	fields = ["name", "child", "planned_date", *(f for milestone in MILESTONES for f in milestone[:2])]
	earliest_first = frappe.get_list(
		"Child Review", filters=conditions, fields=fields, order_by="planned_date asc", limit_page_length=0
	)
	planned = {}
	for review in earliest_first:
		planned.setdefault(review.child, review)
	return planned


def add_planned_review(row, review, today: date) -> None:
	row.planned_review = review.name if review else None
	row.planned_date = review.planned_date if review else None
	row.milestones_missed = ", ".join(
		_(label)
		for due_field, done_field, label in MILESTONES
		if review and review.get(due_field) and review.get(due_field) < today and not review.get(done_field)
	)


def columns() -> list[dict]:
	return [
		{
			"fieldname": "child",
			"label": _("Child"),
			"fieldtype": "Link",
			"options": "Looked After Child",
			"width": 130,
		},
		{"fieldname": "case_number", "label": _("Case Number"), "fieldtype": "Data", "width": 110},
		{
			"fieldname": "allocated_iro",
			"label": _("IRO"),
			"fieldtype": "Link",
			"options": "User",
			"width": 170,
		},
		{"fieldname": "team", "label": _("Team"), "fieldtype": "Data", "width": 100},
		{"fieldname": "next_review_kind", "label": _("Next Review"), "fieldtype": "Data", "width": 100},
		{"fieldname": "next_review_due", "label": _("Statutory Due"), "fieldtype": "Date", "width": 110},
		{"fieldname": "days_to_go", "label": _("Days to Go"), "fieldtype": "Int", "width": 90},
		{
			"fieldname": "planned_review",
			"label": _("Planned Review"),
			"fieldtype": "Link",
			"options": "Child Review",
			"width": 150,
		},
		{"fieldname": "planned_date", "label": _("Planned For"), "fieldtype": "Date", "width": 110},
		{
			"fieldname": "progress_review_due",
			"label": _("Progress Review Due"),
			"fieldtype": "Date",
			"width": 140,
		},
		{"fieldname": "pep_due", "label": _("PEP Due"), "fieldtype": "Date", "width": 110},
		{
			"fieldname": "milestones_missed",
			"label": _("Preparation Not Done"),
			"fieldtype": "Data",
			"width": 260,
		},
	]


def summary(rows: list[dict]) -> list[dict]:
	overdue = sum(1 for row in rows if row.days_to_go is not None and row.days_to_go < 0)
	missed = sum(1 for row in rows if row.milestones_missed)
	return [
		{"value": len(rows), "label": _("Children"), "datatype": "Int", "indicator": "blue"},
		{"value": overdue, "label": _("Reviews Overdue"), "datatype": "Int", "indicator": "red"},
		{"value": missed, "label": _("Preparation Behind"), "datatype": "Int", "indicator": "orange"},
	]
