"""Frappe's generic methods that read records without the permission hooks, each made to read
through them. Only these, because no hook reaches them (``override_whitelisted_methods``)."""

import inspect
import json

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
from frappe.desk.search import search_link as frappe_search_link
from frappe.desk.search import search_widget as frappe_search_widget
from frappe.model.db_query import check_parent_permission
from frappe.utils import cint, get_safe_filters
from frappe.utils.goal import get_monthly_goal_graph_data as frappe_goal_graph_data
from frappe.www.printview import get_html_and_style as frappe_get_html_and_style

from iro_standards.guards import raise_not_permitted
from iro_standards.iro_standards.names import full_names
from iro_standards.permissions import may_access_record, protected_doctypes, query_conditions

SEARCH_ARGUMENTS = 6


def json_argument(value, name: str, kind: type | tuple[type, ...]):
	"""An argument that must arrive as JSON of ``kind``, refused with a clear message otherwise."""
	if isinstance(value, str):
		try:
			value = json.loads(value)
		except ValueError:
			value = None
	if not isinstance(value, kind):
		message = _("{0} must be a list.") if kind is list else _("{0} must be a set of names and values.")
		frappe.throw(message.format(name), title=_("Invalid request"))
	return value


def refuse_rows(doctype: str) -> None:
	"""Likes and tags are kept on a record, never on one of its table rows."""
	if frappe.db.get_value("DocType", doctype, "istable"):
		frappe.throw(_("{0} rows cannot be liked or tagged.").format(_(doctype)), title=_("Invalid request"))


def refuse_what_is_not_a_search(query: str | None) -> None:
	if query and not takes_search_arguments(query):
		frappe.throw(_("{0} is not a search.").format(query), title=_("Invalid request"))


def takes_search_arguments(query: str) -> bool:
	"""Whether a whitelisted method named as a link search's query takes what a search passes it
	(doctype, txt, searchfield, start, page length, filters)."""
	try:
		parameters = list(inspect.signature(frappe.get_attr(query)).parameters.values())
	except (ImportError, AttributeError, ValueError, TypeError, frappe.AppNotInstalledError):
		frappe.clear_last_message()
		return False
	if any(parameter.kind is inspect.Parameter.VAR_POSITIONAL for parameter in parameters):
		return True
	positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
	return sum(parameter.kind in positional for parameter in parameters) >= SEARCH_ARGUMENTS


def existing_doctype(doctype: str) -> str:
	if not frappe.db.exists("DocType", doctype):
		frappe.throw(
			_("{0} is not a document type of this site.").format(doctype), title=_("Invalid request")
		)
	return doctype


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
	"""The list sidebar's counts, each person with their name as ``title`` (the sidebar shows it);
	for assignees Frappe reads the records without permissions."""
	existing_doctype(doctype)
	filters = json_argument(current_filters, "current_filters", (list, dict))
	if field != "assigned_to":
		if not frappe.get_meta(doctype).has_field(field) and field not in frappe.model.default_fields:
			frappe.throw(
				_("{0} is not a field of {1}.").format(field, _(doctype)), title=_("Invalid request")
			)
		return with_people_named(doctype, field, frappe_group_by_count(doctype, current_filters, field))
	return with_people_named(doctype, field, assignee_counts(doctype, filters))


PEOPLE_FIELDS = frozenset({"assigned_to", "owner", "modified_by"})


def with_people_named(doctype: str, field: str, counts: list[dict]) -> list[dict]:
	df = frappe.get_meta(doctype).get_field(field)
	if field in PEOPLE_FIELDS or (df and df.fieldtype == "Link" and df.options == "User"):
		names = full_names(row["name"] for row in counts)
		for row in counts:
			row["title"] = names.get(row["name"])
	return counts


def assignee_counts(doctype: str, filters) -> list[dict]:
	readable = frappe.get_list(
		doctype,
		filters=filters,
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
	if kwargs.get("filters"):
		for condition in json_argument(kwargs["filters"], "filters", list):
			json_argument(condition, "filters", list)
	if chart_name:
		if not isinstance(chart_name, str) or not frappe.db.exists("Dashboard Chart", chart_name):
			frappe.throw(_("There is no such chart."), frappe.DoesNotExistError)
		config = frappe.get_doc("Dashboard Chart", chart_name)
	else:
		config = frappe._dict(json_argument(chart, "chart", dict))
	if config.get("chart_type") == "Custom" or not config.get("document_type"):
		frappe.throw(
			_("This chart is drawn by its own source, not counted from records."), title=_("Invalid request")
		)
	if config.get("type") == "Heatmap" and config.get("document_type") in protected_doctypes():
		frappe.throw(_("Heatmap charts cannot count children's records."), frappe.PermissionError)
	return frappe_dashboard_chart(chart_name=chart_name, chart=chart, **kwargs)


@frappe.whitelist()
def get_submitted_linked_docs(doctype: str, name: str) -> dict:
	"""Only the linked records the user may read (Frappe lists every one it finds)."""
	frappe.has_permission(doctype, doc=name, throw=True)
	found = frappe_submitted_linked_docs(doctype, name)
	docs = [
		linked
		for linked in found["docs"]
		if frappe.has_permission(linked["doctype"], "read", doc=linked["name"])
	]
	return {"docs": docs, "count": len(docs)}


def user_permissions_flag(doctype: str, ignore_user_permissions) -> bool:
	"""Frappe turns "ignore user permissions" into "ignore every permission" for a link search;
	where the app's permission query narrows the DocType, the flag cannot skip it."""
	if cint(ignore_user_permissions) and query_conditions(frappe.session.user, doctype):
		return False
	return bool(cint(ignore_user_permissions))


@frappe.whitelist()
def search_link(
	doctype: str,
	txt: str,
	query: str | None = None,
	filters: str | dict | list | None = None,
	page_length: int = 10,
	searchfield: str | None = None,
	reference_doctype: str | None = None,
	ignore_user_permissions: bool = False,
):
	refuse_what_is_not_a_search(query)
	return frappe_search_link(
		doctype,
		txt,
		query,
		filters,
		page_length,
		searchfield,
		reference_doctype,
		user_permissions_flag(doctype, ignore_user_permissions),
	)


@frappe.whitelist()
def search_widget(
	doctype: str,
	txt: str,
	query: str | None = None,
	searchfield: str | None = None,
	start: int = 0,
	page_length: int = 10,
	filters: str | dict | list | None = None,
	filter_fields=None,
	as_dict: bool = False,
	reference_doctype: str | None = None,
	ignore_user_permissions: bool = False,
):
	refuse_what_is_not_a_search(query)
	return frappe_search_widget(
		doctype,
		txt,
		query,
		searchfield,
		start,
		page_length,
		filters,
		filter_fields,
		as_dict,
		reference_doctype,
		user_permissions_flag(doctype, ignore_user_permissions),
	)


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
	refuse_rows(doctype)
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
	refuse_rows(dt)
	frappe.has_permission(dt, "write", doc=dn, throw=True)
	return frappe_add_tag(tag, dt, dn, color)


@frappe.whitelist()
def add_tags(tags, dt: str, docs, color=None):
	names = json_argument(docs, "docs", list)
	words = json_argument(tags, "tags", list)
	existing_doctype(dt)
	refuse_rows(dt)
	for dn in names:
		frappe.has_permission(dt, "write", doc=dn, throw=True)
	return frappe_add_tags(words, dt, names, color)


@frappe.whitelist()
def remove_tag(tag: str, dt: str, dn: str):
	refuse_rows(dt)
	frappe.has_permission(dt, "write", doc=dn, throw=True)
	return frappe_remove_tag(tag, dt, dn)


@frappe.whitelist()
def update_kanban_order(board_name: str, order):
	"""Frappe reads each card's column before any check: only cards one may write."""
	doctype = frappe.db.get_value("Kanban Board", board_name, "reference_doctype")
	if not doctype:
		frappe.throw(_("There is no such Kanban board."), frappe.DoesNotExistError)
	columns = json_argument(order, "order", dict)
	for cards in columns.values():
		for card in json_argument(cards, "order", list):
			frappe.has_permission(doctype, "write", doc=card, throw=True)
	return frappe_update_kanban_order(board_name, json.dumps(columns))


@frappe.whitelist()
def get_follow_users(doctype, doc_name):
	"""Frappe lists a record's followers without reading the record."""
	frappe.has_permission(doctype, "read", doc=doc_name, throw=True)
	return frappe_get_follow_users(doctype, doc_name)


@frappe.whitelist()
def get_html_and_style(
	doc: str,
	name: str | None = None,
	print_format: str | None = None,
	no_letterhead: bool | None = None,
	letterhead: str | None = None,
	trigger_print: bool = False,
	style: str | None = None,
	settings: str | None = None,
):
	"""Print preview: a document sent unsaved must be a document of a DocType of the site."""
	if not isinstance(name, str):
		unsaved = json_argument(doc, "doc", dict)
		existing_doctype(str(unsaved.get("doctype") or ""))
	if settings:
		json_argument(settings, "settings", dict)
	return frappe_get_html_and_style(
		doc, name, print_format, no_letterhead, letterhead, trigger_print, style, settings
	)


@frappe.whitelist()
def get_workflow_state_count(doctype: str, workflow_state_field: str, states) -> list[dict]:
	"""The list sidebar's workflow state counts, counted through the list permissions (Frappe
	counts every record, grouped by any column the caller names)."""
	existing_doctype(doctype)
	frappe.has_permission(doctype, "read", throw=True)
	workflow = frappe.get_all(
		"Workflow", {"document_type": doctype, "is_active": 1}, pluck="workflow_state_field", limit=1
	)
	if workflow_state_field not in workflow:
		frappe.throw(
			_("{0} is not the workflow state field of {1}.").format(workflow_state_field, _(doctype)),
			title=_("Invalid request"),
		)
	rows = frappe.get_list(
		doctype,
		fields=[workflow_state_field, "count(*) as count"],
		filters={workflow_state_field: ["not in", json_argument(states, "states", list)]},
		group_by=workflow_state_field,
		order_by=None,
	)
	return [row for row in rows if row[workflow_state_field]]


@frappe.whitelist()
def get_tagged_docs(doctype: str, tag: str) -> list:
	"""Records with a tag, read through the list permissions (Frappe reads every record)."""
	existing_doctype(doctype)
	frappe.has_permission(doctype, "read", throw=True)
	return frappe.get_list(doctype, filters={"_user_tags": ("like", tag)}, fields=["name"], as_list=True)


@frappe.whitelist()
def get_monthly_goal_graph_data(goal_doctype: str, aggregation: str = "sum", **kwargs) -> dict:
	"""Frappe's goal graph aggregates any field of the goal DocType under the caller's filters with
	no permission query: never over a DocType the app's scoping narrows."""
	if query_conditions(frappe.session.user, existing_doctype(goal_doctype)):
		raise_not_permitted()
	if aggregation not in ("sum", "count", "avg"):
		frappe.throw(_("{0} is not a sum, count or average.").format(aggregation), title=_("Invalid request"))
	return frappe_goal_graph_data(goal_doctype=goal_doctype, aggregation=aggregation, **kwargs)
