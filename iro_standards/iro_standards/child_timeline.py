"""The child's file on the child's timeline: episodes, reviews, contacts, disputes, ratings, child
protection conferences and significant changes with the IRO's decisions, each on its own date and
linking to its record (``additional_timeline_content``). Frappe asks for it only for a child the reader was just allowed
to open (``get_docinfo``); it is given only to a reader whose roles may read children and whose
caseload holds this child (the answer that check has just kept). Each kind of record is then read
for that child alone, if the reader's roles may read that kind: the timeline shows what the reader
may open, without the list permission machinery once per kind."""

import frappe
from frappe import _
from frappe.permissions import get_role_permissions
from frappe.utils import escape_html, formatdate, getdate

from iro_standards.permissions import may_access_child


def child_file_events(doctype: str, docname: str) -> list[dict]:
	if not (frappe.has_permission(doctype, "read") and may_access_child(docname)):
		return []
	events = [
		*episode_events(docname),
		*review_events(docname),
		*contact_events(docname),
		*dispute_events(docname),
		*rating_events(docname),
		*conference_events(docname),
		*significant_change_events(docname),
	]
	return sorted(events, key=lambda event: event["creation"], reverse=True)


def records_of(
	doctype: str, child: str, fields: list[str], docstatus: tuple[int, ...] = (0, 1, 2)
) -> list[frappe._dict]:
	"""The child's records of ``doctype``, when the reader's roles may read that DocType, read with
	one query each (the reader may open the child, checked once above)."""
	if doctype not in kinds_the_reader_may_read():
		return []
	table = frappe.qb.DocType(doctype)
	return (
		frappe.qb.from_(table)
		.select(*(table[field] for field in fields))
		.where((table.child == child) & table.docstatus.isin(docstatus))
		.run(as_dict=True)
	)


TIMELINE_KINDS = (
	"Care Episode",
	"Child Review",
	"IRO Contact",
	"IRO Dispute",
	"Care Plan RAG Update",
	"Child Protection Conference",
	"Significant Change",
)


def kinds_the_reader_may_read() -> list[str]:
	"""The kinds of record on the timeline that the reader's roles may read. Kept in the cache under
	the site's metadata version and the reader's roles, so a form open reads no other DocType's
	metadata, and a change of role permissions (which resets the version) or of the reader's roles
	is seen at once (``forget_readable_kinds``)."""
	roles = ",".join(sorted(frappe.get_roles()))
	key = f"iro_standards:timeline_kinds:{frappe.cache.get_value('metadata_version')}:{roles}"
	kinds = frappe.cache.get_value(key)
	if kinds is None:
		kinds = [kind for kind in TIMELINE_KINDS if get_role_permissions(frappe.get_meta(kind)).get("read")]
		frappe.cache.set_value(key, kinds, expires_in_sec=24 * 3600)
	return kinds


def forget_readable_kinds(doc=None, method=None) -> None:
	"""On a change to a Custom DocPerm: Frappe resets the version as it saves, before the change is
	committed; it is reset again once the change is committed or rolled back, so no answer read in
	between is kept."""
	frappe.db.after_commit.add(frappe.reset_metadata_version)
	frappe.db.after_rollback.add(frappe.reset_metadata_version)


def event(on, doctype: str, name: str, text: str, icon: str) -> dict:
	day = getdate(on)
	link = f'<a href="/app/{frappe.scrub(doctype).replace("_", "-")}/{escape_html(name)}">{escape_html(name)}</a>'
	return {
		"creation": f"{day.isoformat()} 00:00:00",
		"icon": icon,
		"content": f"<b>{escape_html(formatdate(day))}</b> · {escape_html(text)} · {link}",
	}


def episode_events(child: str) -> list[dict]:
	events = []
	episodes = records_of("Care Episode", child, ["name", "start_date", "end_date"])
	for episode in episodes:
		events.append(
			event(episode.start_date, "Care Episode", episode.name, _("Became looked after"), "organization")
		)
		if episode.end_date:
			events.append(
				event(
					episode.end_date,
					"Care Episode",
					episode.name,
					_("Stopped being looked after"),
					"organization",
				)
			)
	return events + placement_events([episode.name for episode in episodes])


def placement_events(episodes: list[str]) -> list[dict]:
	"""The moves of the episodes the reader may see (rows follow their episode's permission)."""
	if not episodes:
		return []
	return [
		event(
			move.moved_on,
			"Care Episode",
			move.parent,
			_("Placed: {0}").format(
				" · ".join(filter(None, (_(move.placement_type), move.placement_provider)))
			),
			"organization",
		)
		for move in frappe.get_all(
			"Placement Move",
			filters={"parent": ("in", episodes), "parenttype": "Care Episode"},
			fields=["parent", "moved_on", "placement_type", "placement_provider"],
		)
	]


def review_events(child: str) -> list[dict]:
	events = []
	for review in records_of(
		"Child Review",
		child,
		["name", "held_date", "planned_date", "review_kind", "status", "docstatus"],
		docstatus=(0, 1),
	):
		kind = _(review.review_kind or "Subsequent")
		if review.held_date:
			text = _("{0} review held ({1})").format(kind, _(review.status))
			events.append(event(review.held_date, "Child Review", review.name, text, "calendar"))
		elif review.status in ("Planned", "Adjourned"):
			text = _("{0} review planned").format(kind)
			events.append(event(review.planned_date, "Child Review", review.name, text, "calendar"))
	return events


def contact_events(child: str) -> list[dict]:
	return [
		event(
			contact.contact_date,
			"IRO Contact",
			contact.name,
			_("IRO contact: {0}").format(_(contact.kind)),
			"users",
		)
		for contact in records_of("IRO Contact", child, ["name", "contact_date", "kind"])
	]


def dispute_events(child: str) -> list[dict]:
	events = []
	for dispute in records_of(
		"IRO Dispute", child, ["name", "raised_on", "resolved_on", "category", "status"]
	):
		text = _("Dispute raised: {0}").format(_(dispute.category))
		events.append(event(dispute.raised_on, "IRO Dispute", dispute.name, text, "criticize"))
		if dispute.resolved_on:
			text = _("Dispute ended: {0}").format(_(dispute.status))
			events.append(event(dispute.resolved_on, "IRO Dispute", dispute.name, text, "criticize"))
	return events


def rating_events(child: str) -> list[dict]:
	return [
		event(
			rating.rated_on,
			"Care Plan RAG Update",
			rating.name,
			_("Care plan rated {0}").format(_(rating.care_plan_rag)),
			"star",
		)
		for rating in records_of("Care Plan RAG Update", child, ["name", "rated_on", "care_plan_rag"])
	]


def conference_events(child: str) -> list[dict]:
	return [
		event(
			conference.held_date,
			"Child Protection Conference",
			conference.name,
			_("{0} child protection conference: {1}").format(
				_(conference.conference_kind), _(conference.outcome)
			),
			"users",
		)
		for conference in records_of(
			"Child Protection Conference",
			child,
			["name", "held_date", "conference_kind", "outcome"],
			docstatus=(1,),
		)
	]


def significant_change_events(child: str) -> list[dict]:
	"""Each significant change, and the IRO's decision on it on the day it was made."""
	events = []
	for change in records_of(
		"Significant Change", child, ["name", "occurred_on", "change_type", "decision", "decided_on"]
	):
		text = _("Significant change: {0}").format(_(change.change_type))
		events.append(event(change.occurred_on, "Significant Change", change.name, text, "alert"))
		if change.decided_on:
			text = _("IRO's decision on the change: {0}").format(_(change.decision))
			events.append(event(change.decided_on, "Significant Change", change.name, text, "check"))
	return events
