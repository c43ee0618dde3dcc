"""The words of Welsh law: what the Social Services and Well-being (Wales) Act 2014 and its
regulations call what the app's English-law wording names otherwise, in English and in Welsh.

A string that already names Wales (such as the description of the jurisdiction setting, which
cites both laws) is left as it is.
"""

import re
from collections.abc import Callable

ENGLISH_REVIEW_CITATION = "Reg. 33; IRO Handbook 2010"
WELSH_REVIEW_CITATION = "Care Planning, Placement and Case Review (Wales) Regulations 2015, Part 6"
ENGLISH_REVIEW_CITATION_CY = "Rheoliad 33; Llawlyfr y Swyddog Adolygu Annibynnol 2010"
WELSH_REVIEW_CITATION_CY = "Rheoliadau Cynllunio Gofal, Lleoli ac Adolygu Achosion (Cymru) 2015, Rhan 6"

MINOR_WORDS = frozenset({"a", "and", "of"})


def _title(phrase: str) -> str:
	words = phrase.split(" ")
	return " ".join(
		word if index and word in MINOR_WORDS else word[:1].upper() + word[1:]
		for index, word in enumerate(words)
	)


def _in_the_case_of(found: str, replacement: str) -> str:
	"""``replacement`` written in the case ``found`` was written in (Title Case, Sentence, lower)."""
	words = [word for word in found.split(" ") if word.lower() not in MINOR_WORDS]
	if all(word[:1].isupper() for word in words):
		return _title(replacement)
	if found[:1].isupper():
		return replacement[:1].upper() + replacement[1:]
	return replacement


def _cased(replacement: str) -> Callable[[re.Match], str]:
	return lambda match: _in_the_case_of(match.group(0), replacement)


ENGLISH_TERMS: tuple[tuple[re.Pattern, Callable[[re.Match], str]], ...] = (
	(re.compile(r"\blooked after child\b", re.I), _cased("child looked after")),
	(re.compile(r"\blooked after children\b", re.I), _cased("children looked after")),
	(re.compile(r"\bcare plans\b", re.I), _cased("care and support plans")),
	(re.compile(r"\bcare plan\b", re.I), _cased("care and support plan")),
	(re.compile(r"\bdirector of children's services\b", re.I), lambda _: "Director of Social Services"),
	(re.compile(r"\bCafcass\b(?! Cymru)"), lambda _: "Cafcass Cymru"),
	(re.compile(re.escape(ENGLISH_REVIEW_CITATION)), lambda _: WELSH_REVIEW_CITATION),
)

WELSH_TERMS: tuple[tuple[re.Pattern, Callable[[re.Match], str]], ...] = (
	(
		re.compile(r"\b((?:c|g|ngh|ch)ynllun(?:iau)?) (gofal)\b(?! a chymorth)", re.I),
		lambda match: f"{match.group(0)} a {'Chymorth' if match.group(2)[0].isupper() else 'chymorth'}",
	),
	(
		re.compile(r"\b(c|g|ngh|ch)yfarwyddwr gwasanaethau plant\b", re.I),
		lambda match: f"{match.group(1)}yfarwyddwr Gwasanaethau Cymdeithasol",
	),
	(re.compile(r"\bCafcass\b(?! Cymru)"), lambda _: "Cafcass Cymru"),
	(re.compile(re.escape(ENGLISH_REVIEW_CITATION_CY)), lambda _: WELSH_REVIEW_CITATION_CY),
)


def _names_wales(text: str) -> bool:
	return bool(re.search(r"\b(Wales|Cymru)\b", text.replace("Cafcass Cymru", "")))


def _apply(terms: tuple[tuple[re.Pattern, Callable[[re.Match], str]], ...], text: str) -> str:
	if _names_wales(text):
		return text
	for pattern, replace in terms:
		text = pattern.sub(replace, text)
	return text


def in_welsh_law(text: str) -> str:
	"""English ``text`` in the words of Welsh law ("care plan" to "care and support plan", ...)."""
	return _apply(ENGLISH_TERMS, text)


def in_welsh_law_cy(text: str) -> str:
	"""Welsh ``text`` in the words of Welsh law ("cynllun gofal" to "cynllun gofal a chymorth", ...)."""
	return _apply(WELSH_TERMS, text)
