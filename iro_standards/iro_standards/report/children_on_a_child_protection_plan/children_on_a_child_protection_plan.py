# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

from frappe import _

from iro_standards.iro_standards.conference_figures import children_on_a_plan, plans_by_category
from iro_standards.iro_standards.names import people_by_name


@people_by_name
def execute(filters=None):
	rows = children_on_a_plan(filters)
	by_category = plans_by_category(rows)
	return columns(), rows, None, chart(by_category), summary(rows, by_category)


def columns() -> list[dict]:
	return [
		{
			"fieldname": "child",
			"label": _("Child"),
			"fieldtype": "Link",
			"options": "Looked After Child",
			"width": 140,
		},
		{"fieldname": "case_number", "label": _("Case Number"), "fieldtype": "Data", "width": 120},
		{
			"fieldname": "chair",
			"label": _("Conference Chair"),
			"fieldtype": "Link",
			"options": "User",
			"width": 180,
		},
		{"fieldname": "categories", "label": _("Categories"), "fieldtype": "Data", "width": 220},
		{"fieldname": "plan_started", "label": _("Plan Started"), "fieldtype": "Date", "width": 110},
		{"fieldname": "days_on_plan", "label": _("Days on the Plan"), "fieldtype": "Int", "width": 110},
		{"fieldname": "long_plan", "label": _("Two Years or More"), "fieldtype": "Check", "width": 120},
		{"fieldname": "plan_number", "label": _("Plan Number"), "fieldtype": "Int", "width": 100},
		{
			"fieldname": "repeat_within_window",
			"label": _("Repeat Within Two Years"),
			"fieldtype": "Check",
			"width": 150,
		},
	]


def chart(by_category: dict[str, int]) -> dict:
	return {
		"data": {
			"labels": [_(category) for category in by_category],
			"datasets": [{"name": _("Children on a Plan"), "values": list(by_category.values())}],
		},
		"type": "bar",
		"colors": ["#7575ff"],
	}


def summary(rows: list[dict], by_category: dict[str, int]) -> list[dict]:
	return [
		{"value": len(rows), "label": _("Children on a Plan"), "datatype": "Int", "indicator": "blue"},
		{
			"value": sum(row["long_plan"] for row in rows),
			"label": _("Two Years or More"),
			"datatype": "Int",
			"indicator": "red",
		},
		{
			"value": sum(row["plan_number"] > 1 for row in rows),
			"label": _("Second or Later Plan"),
			"datatype": "Int",
			"indicator": "orange",
		},
		{
			"value": sum(row["repeat_within_window"] for row in rows),
			"label": _("Repeat Within Two Years"),
			"datatype": "Int",
			"indicator": "orange",
		},
	]
