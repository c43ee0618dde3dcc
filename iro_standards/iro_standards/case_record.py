"""What every record of a child's file checks on every save path, before anything is written.

Whatever a client sends (REST, desk, Data Import, a whitelisted method): each value has its
field's type, dates are real calendar dates, text fits its column and is sanitised even when it
arrives with a submit, and every record it links to belongs to the same child.
"""

import frappe
from frappe import _
from frappe.model.base_document import BaseDocument
from frappe.model.document import Document

from iro_standards.permissions import CHILD, CHILD_RECORDS, child_of_record
from iro_standards.writes import AppDocument, check_values, field_label, sanitise_text


class CaseRecord(AppDocument):
	checks_values_first = True

	def run_before_save_methods(self) -> None:
		for record in (self, *self.get_all_children()):
			check_values(record)
			sanitise_text(record)
		super().run_before_save_methods()
		keep_links_with_the_child(self)

	def _get_missing_mandatory_fields(self) -> list[tuple[str, str]]:
		"""A submitted record is held only to the mandatory fields that can still be filled, so a
		field made mandatory later (Customize Form) never strands work already submitted."""
		missing = super()._get_missing_mandatory_fields()
		if self._action != "update_after_submit":
			return missing
		return [
			(fieldname, message) for fieldname, message in missing if can_change_after_submit(self, fieldname)
		]


def can_change_after_submit(record: BaseDocument, fieldname: str) -> bool:
	df = record.meta.get_field(fieldname)
	return not df or bool(df.allow_on_submit)


def keep_links_with_the_child(doc: Document) -> None:
	"""Every record of a child's file that this record links to, in its fields or its rows, is
	about the same child. Only the child's own record names another child (a looked-after parent):
	who may set that link is the guards' concern."""
	child = doc.name if doc.doctype == CHILD else doc.get("child")
	for record in (doc, *doc.get_all_children()):
		for df in record.meta.get_link_fields():
			value = record.get(df.fieldname)
			if not value or df.options not in (CHILD, *CHILD_RECORDS):
				continue
			if record is doc and doc.doctype == CHILD and df.options == CHILD:
				continue
			if child_of_record(df.options, value) != child:
				frappe.throw(
					_("{0} {1} in {2} is not a record of this child.").format(
						_(df.options), value, field_label(record, df.fieldname)
					),
					title=_("Wrong record"),
				)


class CaseRow(Document):
	"""A table row of a child's file. Frappe checks a row loaded on its own against its parent
	DocType only; a row is readable and writable exactly as its parent record is."""

	def has_permission(self, permtype="read", *, debug=False, user=None) -> bool:
		if self.flags.ignore_permissions:
			return True
		parent = self.get("parent_doc") or self.parent
		return bool(
			self.parenttype
			and parent
			and frappe.has_permission(self.parenttype, permtype, doc=parent, user=user)
		)
