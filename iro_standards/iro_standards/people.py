"""The people allocated to a child: each field offers, and accepts, only holders of its role."""

import json

import frappe
from frappe import _

ROLE_OF_FIELD = {
	"allocated_iro": "IRO",
	"cp_chair": "IRO",
	"chair": "IRO",
	"social_worker": "Social Worker",
	"team_manager": "Team Manager",
}


def refuse_people_without_the_role(doc) -> None:
	"""A newly allocated person must hold the field's role (someone allocated before keeps their place)."""
	for fieldname, role in ROLE_OF_FIELD.items():
		user = doc.get(fieldname)
		if user and doc.has_value_changed(fieldname) and not holds_role(user, role):
			frappe.throw(
				_("{0} cannot be the child's {1}: they do not have the {2} role.").format(
					user, _(doc.meta.get_label(fieldname)), _(role)
				),
				title=_("Wrong person"),
			)


def holds_role(user: str, role: str) -> bool:
	return bool(
		frappe.db.exists("User", {"name": user, "enabled": 1})
		and frappe.db.exists("Has Role", {"parent": user, "parenttype": "User", "role": role})
	)


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def users_with_role(doctype, txt, searchfield, start, page_len, filters):
	"""Enabled users holding one of the allocation roles, matched on name or email."""
	role = filters.get("role") if isinstance(filters, dict) else None
	if role not in ROLE_OF_FIELD.values():
		frappe.throw(_("Choose people by one of the allocation roles."), frappe.PermissionError)
	user = frappe.qb.DocType("User")
	has_role = frappe.qb.DocType("Has Role")
	pattern = f"%{txt}%"
	return (
		frappe.qb.from_(user)
		.join(has_role)
		.on((has_role.parent == user.name) & (has_role.parenttype == "User"))
		.select(user.name, user.full_name)
		.where(has_role.role == role)
		.where(user.enabled == 1)
		.where((user.name.like(pattern)) | (user.full_name.like(pattern)))
		.orderby(user.full_name)
		.limit(page_len)
		.offset(start)
		.distinct()
	).run()


@frappe.whitelist(methods=["POST"])
def reallocate_children(children: list[str] | str, iro: str) -> int:
	"""Move children, each with all its open records, to another IRO as a single reallocation
	does: all of them or, if any one is refused, none."""
	if isinstance(children, str):
		try:
			children = json.loads(children)
		except ValueError:
			children = None
	if not isinstance(children, list) or not all(isinstance(child, str) for child in children):
		frappe.throw(_("Choose the children to reallocate."), title=_("Invalid value"))
	for name in children:
		child = frappe.get_doc("Looked After Child", name)
		child.check_permission("write")
		if not child.has_permlevel_access_to("allocated_iro", permission_type="write"):
			frappe.throw(_("Only an IRO manager can reallocate children."), frappe.PermissionError)
		child.allocated_iro = iro
		child.save()
	return len(children)
