# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

from collections import Counter

import frappe
from frappe import _

from iro_standards.iro_standards import figures

RAG_ORDER = {"Red": 0, "Amber": 1, "Green": 2}
NOT_YET_PART_OF_THE_JOURNEY = ("Due", "Cancelled")


def execute(filters=None):
	filters = frappe._dict(filters or {})
	if filters.child:
		return journey_columns(), child_journey(filters.child)
	labels = translated_labels()
	rows = [
		movement(child, case_number, ratings, labels)
		for child, (case_number, ratings) in ratings_by_child(filters)
	]
	latest = Counter(row["latest_rag"] for row in rows)
	moved = Counter(row["movement"] for row in rows)
	return columns(), rows, None, chart(latest, labels), summary(rows, moved, labels)


def ratings_by_child(filters) -> list[tuple[str, tuple[str, list[str]]]]:
	"""Each child (in name order) with their case number and care plan ratings in the period, oldest
	first: at the reviews held and between them."""
	reviews = frappe.get_list(
		"Child Review",
		filters=[*figures.held_review_filters(filters), ["care_plan_rag", "is", "set"]],
		fields=["child", "case_number", "care_plan_rag", "held_date as rated_on"],
		order_by="held_date asc",
		limit_page_length=0,
	)
	between = updates_between_reviews(filters)
	ratings = sorted(
		[(r.rated_on, 0, r) for r in reviews] + [(u.rated_on, 1, u) for u in between],
		key=lambda entry: entry[:2],
	)
	by_child = {}
	for _day, _order, rating in ratings:
		by_child.setdefault(rating.child, (rating.case_number, []))[1].append(rating.care_plan_rag)
	return sorted(by_child.items())


def updates_between_reviews(filters) -> list:
	"""Ratings the IROs gave between reviews in the period (a review-kind filter leaves them out)."""
	if filters.get("review_kind"):
		return []
	start, end = figures.period(filters)
	conditions = [["rated_on", "between", [start, end]]]
	if filters.get("iro"):
		conditions.append(["rated_by", "=", filters.iro])
	return frappe.get_list(
		"Care Plan RAG Update",
		filters=conditions,
		fields=["child", "case_number", "care_plan_rag", "rated_on"],
		limit_page_length=0,
	)


def translated_labels() -> dict[str, str]:
	return {
		"Red": _("Red"),
		"Amber": _("Amber"),
		"Green": _("Green"),
		"Improved": _("Improved"),
		"Worse": _("Worse"),
		"Same": _("Same"),
	}


def movement(child: str, case_number: str, ratings: list[str], labels: dict[str, str]) -> dict:
	first, latest = ratings[0], ratings[-1]
	change = RAG_ORDER[latest] - RAG_ORDER[first]
	return {
		"child": child,
		"case_number": case_number,
		"journey": " → ".join([labels[rating] for rating in ratings]),
		"first_rag": labels[first],
		"latest_rag": labels[latest],
		"movement": labels["Improved"] if change > 0 else (labels["Worse"] if change < 0 else labels["Same"]),
		"red_to_green": int(first == "Red" and latest == "Green"),
	}


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
		{"fieldname": "journey", "label": _("Ratings in Order"), "fieldtype": "Data", "width": 260},
		{"fieldname": "first_rag", "label": _("First"), "fieldtype": "Data", "width": 80},
		{"fieldname": "latest_rag", "label": _("Latest"), "fieldtype": "Data", "width": 80},
		{"fieldname": "movement", "label": _("Movement"), "fieldtype": "Data", "width": 100},
		{"fieldname": "red_to_green", "label": _("Red to Green"), "fieldtype": "Check", "width": 110},
	]


def chart(latest: Counter, labels: dict[str, str]) -> dict:
	return {
		"data": {
			"labels": [labels[rag] for rag in RAG_ORDER],
			"datasets": [
				{
					"name": _("Latest Rating"),
					"values": [latest[labels[rag]] for rag in RAG_ORDER],
				}
			],
		},
		"type": "bar",
		"colors": ["#2490ef"],
	}


def summary(rows: list[dict], moved: Counter, labels: dict[str, str]) -> list[dict]:
	return [
		{"value": len(rows), "label": _("Children Rated"), "datatype": "Int", "indicator": "blue"},
		{
			"value": moved[labels["Improved"]],
			"label": labels["Improved"],
			"datatype": "Int",
			"indicator": "green",
		},
		{
			"value": moved[labels["Worse"]],
			"label": labels["Worse"],
			"datatype": "Int",
			"indicator": "red",
		},
		{
			"value": sum(r["red_to_green"] for r in rows),
			"label": _("Red to Green"),
			"datatype": "Int",
			"indicator": "green",
		},
	]


def child_journey(child: str) -> list[dict]:
	"""Every review, rating between reviews, progress review and dispute of one child, in date order."""
	entries = [
		{
			"date": r.held_date,
			"record_type": "Child Review",
			"record": r.name,
			"what": _(r.review_kind or ""),
			"rag": _(r.care_plan_rag) if r.care_plan_rag else None,
			"status": _(r.status),
		}
		for r in frappe.get_list(
			"Child Review",
			filters={"child": child, "docstatus": 1},
			fields=["name", "held_date", "review_kind", "care_plan_rag", "status"],
		)
	]
	entries += [
		{
			"date": p.completed_on or p.due_date,
			"record_type": "Progress Review",
			"record": p.name,
			"what": _("Progress review"),
			"rag": _(p.overall_rag) if p.overall_rag else None,
			"status": _(p.status),
		}
		for p in frappe.get_list(
			"Progress Review",
			filters={"child": child, "status": ("not in", NOT_YET_PART_OF_THE_JOURNEY)},
			fields=["name", "completed_on", "due_date", "overall_rag", "status"],
		)
	]
	entries += [
		{
			"date": u.rated_on,
			"record_type": "Care Plan RAG Update",
			"record": u.name,
			"what": _("Rated between reviews"),
			"rag": _(u.care_plan_rag) if u.care_plan_rag else None,
			"status": "",
		}
		for u in frappe.get_list(
			"Care Plan RAG Update", filters={"child": child}, fields=["name", "rated_on", "care_plan_rag"]
		)
	]
	entries += [
		{
			"date": d.raised_on,
			"record_type": "IRO Dispute",
			"record": d.name,
			"what": _(d.category),
			"rag": None,
			"status": _(d.status),
		}
		for d in frappe.get_list(
			"IRO Dispute", filters={"child": child}, fields=["name", "raised_on", "category", "status"]
		)
	]
	return sorted(entries, key=lambda entry: (entry["date"], entry["record"]))


def journey_columns() -> list[dict]:
	return [
		{"fieldname": "date", "label": _("Date"), "fieldtype": "Date", "width": 110},
		{
			"fieldname": "record_type",
			"label": _("Record Type"),
			"fieldtype": "Link",
			"options": "DocType",
			"width": 140,
		},
		{
			"fieldname": "record",
			"label": _("Record"),
			"fieldtype": "Dynamic Link",
			"options": "record_type",
			"width": 160,
		},
		{"fieldname": "what", "label": _("What"), "fieldtype": "Data", "width": 200},
		{"fieldname": "rag", "label": _("RAG"), "fieldtype": "Data", "width": 80},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 160},
	]
