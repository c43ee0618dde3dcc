"""A child's whole file, every text in it carrying a marker, for tests that look for leaks."""

from datetime import date

import frappe
from frappe.desk.form.assign_to import add as assign
from frappe.model.workflow import apply_workflow

from iro_standards.tests.factories import follow, hold_review, make_looked_after_child, progress_review_after


def make_marked_child_file(marker: str, iro: str, **allocation) -> dict[str, list[str]]:
	"""A looked-after child allocated to ``iro`` with a record of every kind, each naming ``marker``.

	Returns the names of the records made, by DocType.
	"""
	child = make_looked_after_child(
		date(2025, 12, 20),
		first_name=f"{marker}first",
		last_name=f"{marker}last",
		case_number=f"{marker}-{frappe.generate_hash(length=6)}",
		preferred_name=f"{marker}preferred",
		communication_needs=f"{marker} needs",
		allocated_iro=iro,
		iro_allocated_on=date(2025, 12, 22),
		**allocation,
	)
	child.append("peps", {"held_on": date(2026, 1, 12), "notes": f"{marker} pep"})
	child.save()
	review = hold_review(
		child.name,
		date(2026, 1, 19),
		recommendations=[(f"{marker} recommendation", f"{marker} responsible", date(2026, 2, 27))],
		venue=f"{marker} venue",
		late_reason=f"{marker} late",
		rag_narrative=f"{marker} narrative",
		attendees=[{"attendee_name": f"{marker} attendee", "role": "Parent", "participation": "Attended"}],
	)
	if allocation.get("team_manager"):
		for action in ("Record Decisions", "Send to Team Manager"):
			review = apply_workflow(review.as_dict(), action)
	progress = progress_review_after(review.name, notes=f"{marker} progress")
	dispute = frappe.get_doc(
		{
			"doctype": "IRO Dispute",
			"child": child.name,
			"category": "Health",
			"issue": f"{marker} issue",
			"desired_outcome": f"{marker} outcome",
			"raised_on": date(2026, 2, 2),
		}
	).insert()
	contact = frappe.get_doc(
		{
			"doctype": "IRO Contact",
			"child": child.name,
			"iro": iro,
			"contact_date": date(2026, 1, 5),
			"kind": "Visit",
			"child_wants_raised": f"{marker} wishes",
		}
	).insert()
	rating = frappe.get_doc(
		{
			"doctype": "Care Plan RAG Update",
			"child": child.name,
			"rated_on": date(2026, 2, 3),
			"care_plan_rag": "Amber",
			"rag_narrative": f"{marker} rating",
		}
	).insert()
	conference = frappe.get_doc(
		{
			"doctype": "Child Protection Conference",
			"child": child.name,
			"conference_kind": "Initial",
			"chair": iro,
			"strategy_discussion": date(2026, 1, 5),
			"planned_date": date(2026, 1, 23),
			"held_date": date(2026, 1, 23),
			"venue": f"{marker} conference venue",
			"conference_reference": f"{marker}-joint",
			"outcome": "Plan",
			"category_neglect": 1,
			"dissenting_views": f"{marker} dissent",
			"invitees": [
				{
					"attendee_name": f"{marker} {agency}",
					"agency": agency,
					"attended": 1,
					"response": "Attending",
				}
				for agency in ("Children's social care", "Health", "Police")
			],
		}
	).insert()
	for action in ("Convene", "Hold"):
		conference = apply_workflow(conference.as_dict(), action)
	episode = frappe.get_doc("Care Episode", child.current_episode)
	episode.append(
		"placements",
		{
			"moved_on": date(2026, 2, 1),
			"placement_type": "Kinship Care",
			"placement_provider": f"{marker} provider",
			"reason_for_change": "Carer Requested",
			"notes": f"{marker} move",
		},
	)
	episode.save()
	change = frappe.get_doc("Significant Change", {"child": child.name})
	change.update({"decision": "Not Needed", "decision_reason": f"{marker} decision"})
	change.save()
	attach_marked_records(marker, iro, child.name)
	letter = frappe.get_doc("IRO Letter", {"child": child.name, "letter_kind": "Allocation"})
	letter.update({"iro_words": f"{marker} letter", "recipient_email": "marked.carer@example.com"})
	letter.save()
	names = {
		"Looked After Child": [child.name],
		"Care Episode": [child.current_episode],
		"Child Review": [review.name],
		"Progress Review": [progress.name],
		"IRO Dispute": [dispute.name],
		"IRO Contact": [contact.name],
		"Care Plan RAG Update": [rating.name],
		"Child Protection Conference": [conference.name],
		"IRO Letter": [letter.name],
		"Significant Change": [change.name],
	}
	names["PEP Meeting"] = [row.name for row in child.peps]
	names["IRO Allocation Period"] = [
		row.name for row in frappe.get_doc("Looked After Child", child.name).iro_allocations
	]
	names["Conference Invitee"] = [
		row.name for row in frappe.get_doc("Child Protection Conference", conference.name).invitees
	]
	names["Child Protection Plan"] = [
		row.name for row in frappe.get_doc("Looked After Child", child.name).cp_plans
	]
	names["Placement Move"] = [row.name for row in episode.placements]
	review = frappe.get_doc("Child Review", review.name)
	for table in ("attendees", "recommendations", "standards"):
		for row in review.get(table):
			names.setdefault(row.doctype, []).append(row.name)
	for row in frappe.get_doc("Progress Review", progress.name).recommendation_progress:
		names.setdefault(row.doctype, []).append(row.name)
	for row in frappe.get_doc("IRO Dispute", dispute.name).stages:
		names.setdefault(row.doctype, []).append(row.name)
	return names


def attach_marked_records(marker: str, iro: str, child: str) -> None:
	"""Frappe's own records pointing at the child: a private file, a comment, an assignment, a
	tag and a follow."""
	frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"{marker}-care-plan.txt",
			"content": f"{marker} care plan".encode(),
			"is_private": 1,
			"attached_to_doctype": "Looked After Child",
			"attached_to_name": child,
		}
	).insert()
	frappe.get_doc(
		{
			"doctype": "Comment",
			"comment_type": "Comment",
			"reference_doctype": "Looked After Child",
			"reference_name": child,
			"content": f"{marker} comment",
		}
	).insert(ignore_permissions=True)
	assign(
		{"doctype": "Looked After Child", "name": child, "assign_to": [iro], "description": f"{marker} todo"}
	)
	frappe.get_doc("Looked After Child", child).add_tag(f"{marker}tag")
	follow("Looked After Child", child, iro)
