"""The care-planning cycle on a site: one child's episode and records read, planned by the engine
(:mod:`iro_standards.standards.cycle`) and put right in the caller's transaction.

Every path that changes what a child should have open (an episode saved, a review held or
cancelled, a planned review cancelled, the daily job) calls ``schedule_child``. The child's row is
locked first, so two saves for one child take turns; a unique column on the open review and the
open progress review (``open_for_child``) keeps a second open record out of the database even
when they do not.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import frappe
from frappe import _
from frappe.utils import formatdate, getdate

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import (
	SETTINGS,
	engine_kwargs,
)
from iro_standards.iro_standards.doctype.looked_after_child.looked_after_child import current_episode
from iro_standards.iro_standards.regimes import episode_regime
from iro_standards.standards.cycle import (
	Change,
	ChildCycle,
	HeldReview,
	OpenProgressReview,
	OpenReview,
	Reason,
	Step,
	plan_cycle,
)
from iro_standards.standards.regimes import Regime


class OpenRecordExists(frappe.ValidationError):
	pass


def schedule_child(child: str) -> None:
	"""Create, move, cancel or close the child's open review and progress review as the cycle needs."""
	lock_child(child)
	cycle = read_cycle(child)
	steps = plan_cycle(cycle, create_missing=not books_reviews_by_hand(), **engine_kwargs())
	for step in steps:
		if frappe.flags.in_import and step.change == Change.CREATE_PROGRESS_REVIEW:
			continue
		with one_step(child, step):
			APPLY[step.change](child, step, cycle)


def books_reviews_by_hand() -> bool:
	return bool(frappe.db.get_single_value(SETTINGS, "book_reviews_by_hand"))


def lock_child(child: str) -> None:
	frappe.db.sql("select name from `tabLooked After Child` where name = %s for update", child)


def read_cycle(child: str) -> ChildCycle:
	episode = current_episode(child)
	if not episode:
		return ChildCycle(None)
	held = frappe.get_all(
		"Child Review",
		filters={"episode": episode.name, "docstatus": 1, "held_date": ("is", "set")},
		fields=["name", "held_date", "next_review_date"],
	)
	followed = set(
		frappe.get_all(
			"Progress Review", filters={"child_review": ("in", [r.name for r in held])}, pluck="child_review"
		)
		if held
		else ()
	)
	start = getdate(episode.start_date)
	regime = episode_regime(episode.name, start)
	return ChildCycle(
		start,
		date_or_none(episode.end_date),
		[
			HeldReview(r.name, getdate(r.held_date), date_or_none(r.next_review_date), r.name in followed)
			for r in held
		],
		open_review(child),
		open_progress_review(child),
		recording=bool(
			frappe.db.exists(
				"Child Review",
				{"child": child, "docstatus": 0, "held_date": ("is", "set"), "status": ("!=", "Cancelled")},
			)
		),
		regime=regime.regime,
		regime_start=regime.since,
	)


def date_or_none(value):
	return getdate(value) if value else None


def open_review(child: str) -> OpenReview | None:
	review = frappe.db.get_value(
		"Child Review", {"open_for_child": child}, ["name", "previous_review", "review_regime"], as_dict=True
	)
	if not review:
		return None
	return OpenReview(
		review.name, review.previous_review or None, Regime(review.review_regime or Regime.STANDARD)
	)


def open_progress_review(child: str) -> OpenProgressReview | None:
	progress = frappe.db.get_value(
		"Progress Review", {"open_for_child": child}, ["name", "child_review"], as_dict=True
	)
	return OpenProgressReview(progress.name, progress.child_review) if progress else None


@contextmanager
def one_step(child: str, step: Step) -> Iterator[None]:
	"""A step that fails is logged for the daily job to retry; it never undoes the save that
	asked for it. A record another save created first is left as that save made it."""
	frappe.db.savepoint("iro_cycle_step")
	try:
		yield
	except OpenRecordExists:
		frappe.db.rollback(save_point="iro_cycle_step")
	except Exception:
		frappe.db.rollback(save_point="iro_cycle_step")
		frappe.log_error(
			title=_("The review cycle of child {0} could not be updated").format(child),
			reference_doctype="Looked After Child",
			reference_name=child,
		)


def create_review(child: str, step: Step, cycle: ChildCycle) -> None:
	insert_as_the_system(frappe.new_doc("Child Review", child=child, planned_date=step.on))


def move_review(child: str, step: Step, cycle: ChildCycle) -> None:
	review = frappe.get_doc("Child Review", step.record)
	review.planned_date = step.on
	review.previous_review = step.follows
	review.flags.ignore_permissions = True
	review.flags.ignore_mandatory = True
	review.save()


def cancel_review(child: str, step: Step, cycle: ChildCycle) -> None:
	reason = reason_text(step, cycle)
	frappe.db.set_value(
		"Child Review",
		step.record,
		{"status": "Cancelled", "open_for_child": None, "cancellation_reason": reason},
	)
	frappe.get_doc("Child Review", step.record).add_comment("Info", reason)


def create_progress_review(child: str, step: Step, cycle: ChildCycle) -> None:
	insert_as_the_system(frappe.new_doc("Progress Review", child_review=step.follows))


def close_progress_review(status: str):
	def close(child: str, step: Step, cycle: ChildCycle) -> None:
		reason = reason_text(step, cycle)
		frappe.db.set_value(
			"Progress Review",
			step.record,
			{"status": status, "open_for_child": None, "closed_reason": reason},
		)
		frappe.get_doc("Progress Review", step.record).add_comment("Info", reason)

	return close


def insert_as_the_system(doc) -> None:
	"""Created for the cycle, whoever's save asked for it; a custom mandatory field waits for the
	person who fills the record in. ``doc`` comes from ``frappe.new_doc``, so it has its defaults
	even inside a Data Import, where Frappe sets none on insert."""
	doc.flags.ignore_permissions = True
	doc.flags.ignore_mandatory = True
	doc.flags.quiet_if_already_open = True
	doc.insert()


def reason_text(step: Step, cycle: ChildCycle) -> str:
	if step.reason == Reason.EPISODE_ENDED:
		return _("The care episode ended on {0}.").format(formatdate(cycle.episode_ended))
	if step.reason == Reason.REVIEW_CANCELLED:
		return _("The review this followed, {0}, was cancelled.").format(cycle.open_progress_review.follows)
	latest = max(cycle.held, key=lambda review: review.held)
	return _("The next review was held on {0} before this was completed.").format(formatdate(latest.held))


APPLY = {
	Change.CREATE_REVIEW: create_review,
	Change.MOVE_REVIEW: move_review,
	Change.CANCEL_REVIEW: cancel_review,
	Change.CREATE_PROGRESS_REVIEW: create_progress_review,
	Change.CLOSE_PROGRESS_REVIEW_MISSED: close_progress_review("Missed"),
	Change.CANCEL_PROGRESS_REVIEW: close_progress_review("Cancelled"),
}


def refuse_second_open_record(doc, existing: str | None = None) -> None:
	"""One open review and one open progress review per child: the message names the open one."""
	if doc.flags.quiet_if_already_open:
		raise OpenRecordExists
	existing = existing or frappe.db.get_value(doc.doctype, {"open_for_child": doc.open_for_child}, "name")
	message = (
		_("This child already has an open review, {0}. Open it to change its date or bring it forward.")
		if doc.doctype == "Child Review"
		else _("This child already has an open progress review, {0}.")
	)
	frappe.throw(message.format(existing), OpenRecordExists, title=_("Already planned"))


def check_one_open_record(doc) -> None:
	if not doc.open_for_child:
		return
	existing = frappe.db.get_value(
		doc.doctype, {"open_for_child": doc.open_for_child, "name": ("!=", doc.name)}, "name"
	)
	if existing:
		refuse_second_open_record(doc, existing)
