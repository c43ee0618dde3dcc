"""Frappe's generic methods that read records without the permission hooks, each made to read
through them. Only these, because no hook reaches them (``override_whitelisted_methods``)."""

import frappe
from frappe import _
from frappe.client import validate_link as frappe_validate_link
from frappe.desk.doctype.dashboard_chart.dashboard_chart import get as frappe_dashboard_chart
from frappe.desk.doctype.kanban_board.kanban_board import update_order as frappe_update_kanban_order
from frappe.desk.doctype.tag.tag import add_tag as frappe_add_tag
from frappe.desk.doctype.tag.tag import add_tags as frappe_add_tags
from frappe.desk.doctype.tag.tag import remove_tag as frappe_remove_tag
from frappe.desk.form.document_follow import get_follow_users as frappe_get_follow_users
from frappe.desk.form.linked_with import get_submitted_linked_docs as frappe_submitted_linked_docs
from frappe.desk.form.utils import get_next as frappe_get_next
from frappe.desk.like import toggle_like as frappe_toggle_like
from frappe.desk.listview import get_group_by_count as frappe_group_by_count
from frappe.desk.search import get_link_title as frappe_link_title
from frappe.model.db_query import check_parent_permission
from frappe.utils import get_safe_filters

from iro_standards.permissions import may_access_record, protected_doctypes


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug=False, cache=False, parent: str | None = None) -> int:
	"""frappe.client.get_count, counted through the list permissions (Frappe counts every row)."""
	if frappe.is_table(doctype):
		check_parent_permission(parent, doctype)
	rows = frappe.get_list(
		doctype,
		filters=get_safe_filters(filters),
		fields=["count(*) as total"],
		parent_doctype=parent,
		order_by=None,
		limit_page_length=1,
	)
	return rows[0].total if rows else 0


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	"""The list sidebar's counts; for assignees Frappe reads the records without permissions."""
	if field != "assigned_to":
		return frappe_group_by_count(doctype, current_filters, field)
	readable = frappe.get_list(
		doctype,
		filters=frappe.parse_json(current_filters),
		fields=[f"`tab{doctype}`.`name`"],
		order_by=None,
		limit_page_length=0,
		run=False,
	)
	return frappe.db.sql(
		f"""select `allocated_to` as name, count(*) as count from `tabToDo`
		where `status` != 'Cancelled' and `reference_type` = %s and `reference_name` in ({readable})
		group by `allocated_to` order by count desc limit 50""",
		doctype,
		as_dict=True,
	)


@frappe.whitelist()
def get_dashboard_chart(chart_name=None, chart=None, **kwargs):
	"""Heatmap charts read with ``frappe.get_all``: not over the records of a child's file."""
	config = (
		frappe.get_doc("Dashboard Chart", chart_name)
		if chart_name
		else frappe._dict(frappe.parse_json(chart))
	)
	if config.get("type") == "Heatmap" and config.get("document_type") in protected_doctypes():
		frappe.throw(_("Heatmap charts cannot count children's records."), frappe.PermissionError)
	return frappe_dashboard_chart(chart_name=chart_name, chart=chart, **kwargs)


@frappe.whitelist()
def get_submitted_linked_docs(doctype: str, name: str) -> dict:
	frappe.has_permission(doctype, doc=name, throw=True)
	return frappe_submitted_linked_docs(doctype, name)


@frappe.whitelist()
def validate_link(doctype: str, docname: str, fields=None):
	"""A record the user may not access looks the same as one that does not exist."""
	if doctype in protected_doctypes() and not may_access_record(doctype, docname):
		return frappe._dict()
	return frappe_validate_link(doctype, docname, fields)


@frappe.whitelist()
def get_link_title(doctype: str, docname: str):
	"""A child's name is shown only to those who may access the child."""
	if doctype in protected_doctypes() and not may_access_record(doctype, docname):
		return docname
	return frappe_link_title(doctype, docname)


@frappe.whitelist()
def toggle_like(doctype: str, name: str, add=False) -> None:
	"""Frappe writes the like on the record before any check: only on a record one may read."""
	frappe.has_permission(doctype, "read", doc=name, throw=True)
	frappe_toggle_like(doctype, name, add)


@frappe.whitelist()
def get_next(doctype: str, value: str, prev, filters=None, sort_order="desc", sort_field="modified"):
	"""The form's next/previous arrows: Frappe reads the record it starts from without a check."""
	frappe.has_permission(doctype, "read", doc=value, throw=True)
	return frappe_get_next(doctype, value, prev, filters, sort_order, sort_field)


@frappe.whitelist()
def add_tag(tag: str, dt: str, dn: str, color=None):
	"""Frappe reads and rewrites the record's tags before any check."""
	frappe.has_permission(dt, "write", doc=dn, throw=True)
	return frappe_add_tag(tag, dt, dn, color)


@frappe.whitelist()
def add_tags(tags, dt: str, docs, color=None):
	for dn in frappe.parse_json(docs):
		frappe.has_permission(dt, "write", doc=dn, throw=True)
	return frappe_add_tags(tags, dt, docs, color)


@frappe.whitelist()
def remove_tag(tag: str, dt: str, dn: str):
	frappe.has_permission(dt, "write", doc=dn, throw=True)
	return frappe_remove_tag(tag, dt, dn)


@frappe.whitelist()
def update_kanban_order(board_name, order):
	"""Frappe reads each card's column before any check: only cards one may write."""
	doctype = frappe.db.get_value("Kanban Board", board_name, "reference_doctype")
	for cards in frappe.parse_json(order).values():
		for card in cards:
			frappe.has_permission(doctype, "write", doc=card, throw=True)
	return frappe_update_kanban_order(board_name, order)


@frappe.whitelist()
def get_follow_users(doctype, doc_name):
	"""Frappe lists a record's followers without reading the record."""
	frappe.has_permission(doctype, "read", doc=doc_name, throw=True)
	return frappe_get_follow_users(doctype, doc_name)
