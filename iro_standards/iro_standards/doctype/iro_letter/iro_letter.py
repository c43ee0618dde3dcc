# Copyright (c) 2026, iro_standards contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import today

from iro_standards.iro_standards.case_record import CaseRecord
from iro_standards.iro_standards.letters import letter_languages_for
from iro_standards.iro_standards.people import holds_role

SETTINGS = "IRO Standards Settings"
PRINT_FORMAT = "Letter to the Child"
AFTER_REVIEW = "After Review"
ALLOCATION = "Allocation"


SENT_FIELDS = ("status", "sent_on", "sent_how", "sent_by")
WRITTEN_FIELDS = ("iro", "iro_words", "recipient_email", "child_review")


class IROLetter(CaseRecord):
	def validate(self) -> None:
		if self.letter_kind == AFTER_REVIEW and not self.child_review:
			frappe.throw(_("Choose the review the letter follows."), title=_("Missing information"))
		if self.letter_kind == ALLOCATION:
			self.child_review = None
		if self.has_value_changed("iro") and not holds_role(self.iro, "IRO"):
			frappe.throw(
				_("{0} cannot sign the letter: they do not have the IRO role.").format(self.iro),
				title=_("Wrong person"),
			)
		self.refuse_a_sending_not_made()

	def refuse_a_sending_not_made(self) -> None:
		"""A letter is stamped sent only by emailing it or producing it for posting, and then stays as sent."""
		if self.flags.stamping:
			return
		before = self.get_doc_before_save() or frappe._dict(status="Draft")
		if any(str(self.get(f) or "") != str(before.get(f) or "") for f in SENT_FIELDS):
			frappe.throw(
				_("A letter is marked sent only by emailing it or printing it for posting."),
				title=_("Letter not sent"),
			)
		if before.status == "Sent" and any(self.has_value_changed(f) for f in WRITTEN_FIELDS):
			frappe.throw(_("A letter that has been sent cannot be changed."), title=_("Letter sent"))

	def refuse_unless_ready_to_send(self) -> None:
		self.check_permission("write")
		if self.status == "Sent":
			frappe.throw(
				_("This letter was sent on {0}.").format(frappe.format(self.sent_on, "Date")),
				title=_("Letter sent"),
			)
		if self.letter_kind == AFTER_REVIEW and not (self.iro_words or "").strip():
			frappe.throw(
				_("Write to the child in your own words before the letter is sent."),
				title=_("Missing information"),
			)

	def stamp_sent(self, how: str) -> None:
		self.update({"status": "Sent", "sent_on": today(), "sent_how": how, "sent_by": frappe.session.user})
		self.flags.stamping = True
		try:
			self.save(ignore_permissions=True)
		finally:
			self.flags.stamping = False
		if self.letter_kind == ALLOCATION:
			frappe.db.set_value(
				"Looked After Child", self.child, "iro_letter_sent_on", self.sent_on, update_modified=False
			)


def in_the_childs_languages(letter: IROLetter, text: str) -> str:
	"""``text`` in each of the child's letter languages, in order ("Welsh / English")."""
	return " / ".join(_(text, lang) for lang in letter_languages_for(letter.child))


def subject_of(letter: IROLetter) -> str:
	if letter.letter_kind == ALLOCATION:
		return in_the_childs_languages(letter, "Your Independent Reviewing Officer")
	return in_the_childs_languages(letter, "After your review")


@frappe.whitelist(methods=["POST"])
def send_by_email(name: str) -> None:
	"""Email the letter as a PDF to the child or carer, where the site sends letters by email."""
	letter = frappe.get_doc("IRO Letter", name)
	letter.refuse_unless_ready_to_send()
	if not frappe.get_cached_doc(SETTINGS).letters_by_email:
		frappe.throw(
			_("This site sends letters by post. Print the letter instead."), title=_("Letters by post")
		)
	if not letter.recipient_email:
		frappe.throw(_("Record the email of the child or carer first."), title=_("Missing information"))
	frappe.sendmail(
		recipients=[letter.recipient_email],
		subject=subject_of(letter),
		message=in_the_childs_languages(letter, "Please find your letter attached."),
		attachments=[frappe.attach_print("IRO Letter", letter.name, print_format=PRINT_FORMAT)],
		reference_doctype="IRO Letter",
		reference_name=letter.name,
	)
	letter.stamp_sent("Email")


@frappe.whitelist(methods=["POST"])
def print_for_post(name: str) -> None:
	"""The letter as a PDF to print and post; producing it for posting is what stamps it sent."""
	letter = frappe.get_doc("IRO Letter", name)
	letter.refuse_unless_ready_to_send()
	pdf = frappe.get_print("IRO Letter", letter.name, PRINT_FORMAT, as_pdf=True)
	letter.stamp_sent("Post")
	frappe.local.response.filename = f"{letter.name}.pdf"
	frappe.local.response.filecontent = pdf
	frappe.local.response.type = "pdf"


def draft_letter(child: str, kind: str, iros: tuple[str | None, ...], review: str | None = None) -> None:
	"""A draft letter for the first of ``iros`` who is an IRO to complete and send; one per
	allocation and per review."""
	iro = next((user for user in iros if user and holds_role(user, "IRO")), None)
	if not iro:
		return
	filters = {"child": child, "letter_kind": kind, "iro": iro, "status": "Draft"}
	if review:
		filters = {"child": child, "letter_kind": kind, "child_review": review}
	if frappe.db.exists("IRO Letter", filters):
		return
	frappe.new_doc("IRO Letter", child=child, letter_kind=kind, iro=iro, child_review=review).insert(
		ignore_permissions=True
	)


def letter_on_allocation(child) -> None:
	if child.has_value_changed("allocated_iro") and child.allocated_iro:
		draft_letter(child.name, ALLOCATION, (child.allocated_iro,))


def letter_after_review(review) -> None:
	draft_letter(review.child, AFTER_REVIEW, (review.chair, review.allocated_iro), review.name)
