"""Which languages a letter or record to a child is written in, and in what order."""

WELSH = "cy"
ENGLISH = "en"
LANGUAGE_OF_PREFERENCE = {"Welsh": WELSH, "English": ENGLISH}


def letter_languages(preferred: str | None, bilingual: bool, in_wales: bool) -> list[str]:
	"""The child's own language; both when the site sends bilingual letters, Welsh first in Wales."""
	if bilingual:
		return [WELSH, ENGLISH] if in_wales else [ENGLISH, WELSH]
	return [LANGUAGE_OF_PREFERENCE.get(preferred or "", ENGLISH)]
