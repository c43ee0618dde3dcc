"""Record scoping: a child's records are seen by the people the child is allocated to.

IROs see the children allocated to them, social workers and team managers the children they
hold; service-wide roles see every child. Lists, reports, link searches, the REST API and the
calendar use the query conditions; forms, attachments and whitelisted methods use
``has_permission``. Both read the allocation fields, so reallocating a child moves access at once.
"""

import frappe

CHILD = "Looked After Child"
SERVICE_WIDE_ROLES = frozenset({"System Manager", "IRO Manager", "Head of Service", "Safeguarding Admin"})
ALLOCATION_FIELD_BY_ROLE = {
	"IRO": "allocated_iro",
	"Social Worker": "social_worker",
	"Team Manager": "team_manager",
}


def sees_every_child(user: str) -> bool:
	return user == "Administrator" or bool(SERVICE_WIDE_ROLES.intersection(frappe.get_roles(user)))


def allocation_fields(user: str) -> list[str]:
	roles = set(frappe.get_roles(user))
	return [field for role, field in ALLOCATION_FIELD_BY_ROLE.items() if role in roles]


def allocated_children_condition(user: str) -> str:
	"""SQL over `tabLooked After Child` matching the children ``user`` is allocated to."""
	fields = allocation_fields(user)
	if not fields:
		return "1 = 0"
	escaped = frappe.db.escape(user)
	return "(" + " or ".join(f"`tab{CHILD}`.`{field}` = {escaped}" for field in fields) + ")"


def child_query_conditions(user: str | None = None) -> str:
	user = user or frappe.session.user
	return "" if sees_every_child(user) else allocated_children_condition(user)


def linked_query_conditions(doctype: str, user: str | None) -> str:
	user = user or frappe.session.user
	if sees_every_child(user):
		return ""
	return (
		f"`tab{doctype}`.`child` in (select `tab{CHILD}`.`name` from `tab{CHILD}` "
		f"where {allocated_children_condition(user)})"
	)


def care_episode_query_conditions(user: str | None = None) -> str:
	return linked_query_conditions("Care Episode", user)


def child_review_query_conditions(user: str | None = None) -> str:
	return linked_query_conditions("Child Review", user)


def progress_review_query_conditions(user: str | None = None) -> str:
	return linked_query_conditions("Progress Review", user)


def iro_dispute_query_conditions(user: str | None = None) -> str:
	return linked_query_conditions("IRO Dispute", user)


def iro_contact_query_conditions(user: str | None = None) -> str:
	return linked_query_conditions("IRO Contact", user)


def is_allocated_to(child: str | None, user: str) -> bool:
	if not child:
		return False
	fields = allocation_fields(user)
	if not fields:
		return False
	allocated = frappe.db.get_value(CHILD, child, fields, as_dict=True) or {}
	return user in allocated.values()


def has_child_permission(doc, ptype: str = "read", user: str | None = None, **kwargs) -> bool | None:
	user = user or frappe.session.user
	if sees_every_child(user):
		return None
	return is_allocated_to(doc.name, user) if not doc.is_new() else False


def has_linked_permission(doc, ptype: str = "read", user: str | None = None, **kwargs) -> bool | None:
	user = user or frappe.session.user
	if sees_every_child(user):
		return None
	return is_allocated_to(doc.get("child"), user)
