"""The words of Welsh law on a site whose jurisdiction is Wales.

What a user reads is overridden with Frappe's own label overrides, Translation records (in
English and in Welsh, listed and editable under Translation), and the shipped practice
standards and Welsh notification texts take the same words. Going back to England removes exactly what was added
and is unchanged since; a Translation or a standard the site edited is never touched.
"""

import json

import frappe
from frappe.modules.import_file import import_file_by_path
from frappe.translate import get_translations_from_csv
from frappe.utils import is_html

from iro_standards.iro_standards.doctype.practice_standard.practice_standard import DEFAULT_STANDARDS
from iro_standards.iro_standards.notification_texts import DEFAULT_NOTIFICATIONS, WELSH_FIELDS
from iro_standards.standards.welsh_law import in_welsh_law, in_welsh_law_cy

APP = "iro_standards"


def english_languages() -> tuple[str, ...]:
	"""English and each English of the site (English (United Kingdom) is en-GB): Frappe reads a
	site's own translations for the user's language only, not for the language it derives from."""
	variants = frappe.get_all("Language", filters={"name": ("like", "en-%"), "enabled": 1}, pluck="name")
	return ("en", *sorted(variants))


def welsh_law_overrides() -> dict[tuple[str, str], str]:
	"""(language, source text) to its wording in Welsh law, for each of the app's strings it changes."""
	overrides = {}
	english = english_languages()
	for source, welsh in get_translations_from_csv("cy", APP).items():
		if is_html(source):
			continue
		if (wording := in_welsh_law(source)) != source:
			overrides.update({(language, source): wording for language in english})
		if (cymraeg := in_welsh_law_cy(welsh)) != welsh:
			overrides[("cy", source)] = cymraeg
	return overrides


WORKSPACE = "IRO Service"
ENGLAND_ONLY_LINKS = ("SSDA903 Checks", "SSDA903 Export")


def follow_jurisdiction(jurisdiction: str) -> None:
	"""Apply the words of Welsh law in Wales, and take them away again in England; the workspace
	offers England's SSDA903 return only in England."""
	if jurisdiction == "Wales":
		apply_welsh_law_terms()
		hide_england_only_links()
	else:
		revert_welsh_law_terms()
		restore_the_shipped_workspace()
	frappe.clear_cache()


def hide_england_only_links() -> None:
	"""Written to the database, not through the Workspace, so a site in developer mode does not
	export the Welsh layout over the shipped file."""
	links = frappe.get_all(
		"Workspace Link",
		filters={"parent": WORKSPACE, "parenttype": "Workspace"},
		fields=["name", "type", "link_to", "link_count"],
		order_by="idx",
	)
	card = None
	for link in links:
		if link.type == "Card Break":
			card = link
		elif link.link_to in ENGLAND_ONLY_LINKS:
			frappe.db.delete("Workspace Link", link.name)
			if card and card.link_count:
				card.link_count -= 1
				frappe.db.set_value("Workspace Link", card.name, "link_count", card.link_count)


def restore_the_shipped_workspace() -> None:
	if not frappe.db.exists("Workspace Link", {"parent": WORKSPACE, "link_to": ENGLAND_ONLY_LINKS[0]}):
		path = frappe.get_module_path("IRO Standards", "workspace", "iro_service", "iro_service.json")
		import_file_by_path(path, force=True)


def apply_welsh_law_terms() -> None:
	existing = {(row.language, row.source_text) for row in site_translations()}
	for (language, source), text in welsh_law_overrides().items():
		if (language, source) not in existing:
			frappe.get_doc(
				{
					"doctype": "Translation",
					"language": language,
					"source_text": source,
					"translated_text": text,
				}
			).insert(ignore_permissions=True)
	for doctype, name, wording in shipped_wording():
		replace_shipped(doctype, name, wording, welsh_law_wording(wording))


def revert_welsh_law_terms() -> None:
	overrides = welsh_law_overrides()
	for row in site_translations():
		if overrides.get((row.language, row.source_text)) == row.translated_text:
			frappe.delete_doc("Translation", row.name, ignore_permissions=True)
	for doctype, name, wording in shipped_wording():
		replace_shipped(doctype, name, welsh_law_wording(wording), wording)


def site_translations() -> list[frappe._dict]:
	return frappe.get_all(
		"Translation",
		filters={"language": ("in", (*english_languages(), "cy")), "context": ("is", "not set")},
		fields=["name", "language", "source_text", "translated_text"],
	)


def shipped_wording() -> list[tuple[str, str, dict]]:
	"""The practice standards' statements and the notifications' English and Welsh forms as the app
	ships them."""
	standards = [
		(
			"Practice Standard",
			row["code"],
			{"statement": row["statement"], "statement_cy": row["statement_cy"]},
		)
		for row in json.loads(DEFAULT_STANDARDS.read_text())
	]
	notifications = [
		(
			"Notification",
			row["name"],
			{field: row[field] for field in (*WELSH_FIELDS, *WELSH_FIELDS.values())},
		)
		for row in json.loads(DEFAULT_NOTIFICATIONS.read_text())
	]
	return standards + notifications


def welsh_law_wording(wording: dict) -> dict:
	"""Each text in the words of Welsh law: fields ending in _cy are Welsh."""
	return {
		fieldname: in_welsh_law_cy(text) if fieldname.endswith("_cy") else in_welsh_law(text)
		for fieldname, text in wording.items()
	}


def replace_shipped(doctype: str, name: str, current: dict, replacement: dict) -> None:
	"""Give record ``name`` the ``replacement`` of each text still worded as ``current`` (fields the
	site does not have yet, such as Notification's Welsh ones before install ends, are left out)."""
	current = {field: text for field, text in current.items() if frappe.get_meta(doctype).has_field(field)}
	stored = current and frappe.db.get_value(doctype, name, list(current), as_dict=True)
	if not stored:
		return
	for fieldname, text in current.items():
		if stored[fieldname] == text and replacement[fieldname] != text:
			frappe.db.set_value(doctype, name, fieldname, replacement[fieldname])
