# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

"""A significant change in a child's life (a placement move, a change of legal status or social
worker, a missing episode, ...): the IRO is told at once and decides, within the site's timescale,
whether the child's review is brought forward (England CPPCR 2010 reg 32; Wales CPPCR(W) 2015)."""

import frappe
from frappe import _
from frappe.utils import formatdate, getdate

from iro_standards.iro_standards.case_record import CaseRecord
from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import engine_kwargs
from iro_standards.iro_standards.validation import refuse_date_before, refuse_future_dates
from iro_standards.standards.conditions import SIGNIFICANT_CHANGE_DECISIONS
from iro_standards.standards.rules import significant_change_decision_due

BRING_FORWARD, NOT_NEEDED = SIGNIFICANT_CHANGE_DECISIONS
BROUGHT_FORWARD_REASON = "Significant Change or Event"


class SignificantChange(CaseRecord):
	def validate(self) -> None:
		refuse_future_dates(self, "occurred_on", "decided_on")
		self.allocated_iro = frappe.db.get_value("Looked After Child", self.child, "allocated_iro")
		self.recorded_by = self.recorded_by or frappe.session.user
		recorded = getdate(self.creation) if self.creation else getdate()
		self.decision_due = significant_change_decision_due(recorded, **engine_kwargs())
		self.record_the_decision()

	def record_the_decision(self) -> None:
		if not self.decision:
			self.decided_on = self.decided_by = self.child_review = None
			return
		if self.decision == NOT_NEEDED and not (self.decision_reason or "").strip():
			frappe.throw(
				_("Record why the review need not be brought forward."), title=_("Missing information")
			)
		self.decided_on = self.decided_on or getdate()
		refuse_date_before(self, "decided_on", self.occurred_on, _("the change"))
		if self.has_value_changed("decision"):
			self.decided_by = frappe.session.user
		self.decision_overdue = 0
		if self.decision == BRING_FORWARD and not self.child_review:
			self.child_review = frappe.db.get_value("Child Review", {"open_for_child": self.child})
			if not self.child_review:
				frappe.throw(
					_("The child has no planned review to bring forward: plan one first."),
					title=_("No review to bring forward"),
				)

	def on_update(self) -> None:
		if self.decision == BRING_FORWARD and self.has_value_changed("decision"):
			self.bring_the_review_forward()

	def bring_the_review_forward(self) -> None:
		review = frappe.get_doc("Child Review", self.child_review)
		review.update({"brought_forward": 1, "brought_forward_reason": BROUGHT_FORWARD_REASON})
		review.flags.ignore_permissions = True
		review.save()
		review.add_comment(
			"Info",
			_("Brought forward after the significant change of {0} ({1}): set the new date.").format(
				formatdate(self.occurred_on), self.name
			),
		)


def record_significant_change(
	child: str, change_type: str, occurred_on, description: str = "", unplanned=False
):
	"""Made by the app when it sees the change (a placement row, a new social worker): the IRO is
	told through the change's notification, whoever saved it."""
	doc = frappe.new_doc(
		"Significant Change",
		child=child,
		change_type=change_type,
		occurred_on=occurred_on,
		description=description,
		unplanned_ending=int(bool(unplanned)),
	)
	doc.flags.ignore_permissions = True
	doc.insert()
	return doc
