"""What letters and records to a child print with: the child's languages (the site's choice of
bilingual letters, Welsh first in Wales) and how to reach their IRO."""

import frappe

from iro_standards.iro_standards.doctype.iro_standards_settings.iro_standards_settings import in_wales
from iro_standards.standards.letters import letter_languages

SETTINGS = "IRO Standards Settings"
CHILD = "Looked After Child"


def languages_on_this_site(preferred: str | None) -> list[str]:
	bilingual = bool(frappe.get_cached_doc(SETTINGS).bilingual_letters)
	return letter_languages(preferred, bilingual, in_wales())


def letter_languages_for(child: str | None) -> list[str]:
	return languages_on_this_site(frappe.db.get_value(CHILD, child, "preferred_language") if child else None)


def iro_contact_details(user: str | None) -> dict:
	"""The IRO's name, email, telephone and photo, as their user profile holds them."""
	if not user:
		return {}
	details = frappe.db.get_value(
		"User", user, ["full_name", "email", "phone", "mobile_no", "user_image"], as_dict=True
	)
	if not details:
		return {}
	return {
		"name": details.full_name,
		"email": details.email,
		"phone": details.phone or details.mobile_no,
		"photo": details.user_image,
	}


def report_languages() -> list[str]:
	"""A service report prints in the reader's language, or in both when the site is bilingual."""
	return languages_on_this_site("Welsh" if frappe.local.lang == "cy" else "English")
