# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt


import frappe
from frappe import _

from iro_standards.iro_standards import figures
from iro_standards.standards import PARTICIPATION_CODES

AGE_BANDS = ((0, 3, "0-3"), (4, 9, "4-9"), (10, 15, "10-15"), (16, 200, "16+"))
TAKING_PART = ("Attended", "Contributed Another Way")


def execute(filters=None):
	filters = frappe._dict(filters or {})
	review_filters = figures.held_review_filters(filters)
	counts = frappe.get_list(
		"Child Review",
		filters=review_filters,
		fields=[
			"participation_code",
			"age_at_review",
			"count(name) as reviews",
			"sum(child_chaired) as chaired",
			"sum(spoken_to_privately) as spoken_to",
		],
		group_by="participation_code, age_at_review",
		order_by="participation_code asc",
	)
	rows = participation_rows(counts)
	parents = parents_taking_part(review_filters)
	return columns(), rows, None, chart(rows), summary(counts, rows, parents)


def parents_taking_part(review_filters: list) -> tuple[int, int]:
	"""Of the reviews held, those a parent took part in (attended or contributed another way) and
	those a parent was excluded from."""
	reviews = frappe.get_list("Child Review", filters=review_filters, pluck="name", limit_page_length=0)
	parents = frappe.get_all(
		"Review Attendee",
		filters={"parenttype": "Child Review", "parent": ("in", reviews or [""]), "role": "Parent"},
		fields=["parent", "participation"],
	)
	took_part = {row.parent for row in parents if row.participation in TAKING_PART}
	excluded = {row.parent for row in parents if row.participation == "Excluded"}
	return len(took_part), len(excluded)


def age_band(age: int | None) -> str:
	return next(label for low, high, label in AGE_BANDS if low <= (age or 0) <= high)


def participation_rows(counts: list) -> list[dict]:
	by_code = figures.counters()
	for row in counts:
		by_code[row.participation_code][age_band(row.age_at_review)] += row.reviews
	total = sum(row.reviews for row in counts)
	rows = []
	for code, meaning in PARTICIPATION_CODES.items():
		bands = by_code.get(code, {})
		reviews = sum(bands.values())
		rows.append(
			{
				"participation_code": code,
				"meaning": _(meaning),
				**{band_field(label): bands.get(label, 0) for _low, _high, label in AGE_BANDS},
				"reviews": reviews,
				"share": figures.percentage(reviews, total),
			}
		)
	return rows


def band_field(label: str) -> str:
	return "age_" + label.replace("-", "_").replace("+", "_plus")


def columns() -> list[dict]:
	return [
		{"fieldname": "participation_code", "label": _("Code"), "fieldtype": "Data", "width": 70},
		{"fieldname": "meaning", "label": _("Meaning"), "fieldtype": "Data", "width": 320},
		*(
			{
				"fieldname": band_field(label),
				"label": _("Age {0}").format(label),
				"fieldtype": "Int",
				"width": 90,
			}
			for _low, _high, label in AGE_BANDS
		),
		{"fieldname": "reviews", "label": _("Reviews"), "fieldtype": "Int", "width": 90},
		{"fieldname": "share", "label": _("Share"), "fieldtype": "Percent", "width": 90},
	]


def chart(rows: list[dict]) -> dict:
	return {
		"data": {
			"labels": [row["participation_code"] for row in rows],
			"datasets": [{"name": _("Reviews"), "values": [row["reviews"] for row in rows]}],
		},
		"type": "bar",
	}


def summary(counts: list, rows: list[dict], parents: tuple[int, int]) -> list[dict]:
	held = sum(row["reviews"] for row in rows)
	chaired = sum(int(row.chaired or 0) for row in counts)
	spoken_to = sum(int(row.spoken_to or 0) for row in counts)
	knows = frappe.get_list(
		"Looked After Child",
		filters=[["status", "=", "Looked After"]],
		fields=["count(name) as children", "sum(knows_iro) as knows_iro"],
	)[0]
	return [
		{"value": held, "label": _("Reviews Held"), "datatype": "Int", "indicator": "blue"},
		{
			"value": chaired,
			"label": _("Child Chaired"),
			"datatype": "Int",
			"indicator": "green",
		},
		{
			"value": spoken_to,
			"label": _("Spoken To Privately"),
			"datatype": "Int",
			"indicator": "green",
		},
		{
			"value": figures.percentage(knows.knows_iro or 0, knows.children),
			"label": _("Children Who Know Their IRO"),
			"datatype": "Percent",
			"indicator": "blue",
		},
		{
			"value": figures.percentage(parents[0], held),
			"label": _("Reviews a Parent Took Part In"),
			"datatype": "Percent",
			"indicator": "green",
		},
		{
			"value": parents[1],
			"label": _("Reviews a Parent Was Excluded From"),
			"datatype": "Int",
			"indicator": "orange",
		},
	]
