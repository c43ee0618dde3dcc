import pytest

from iro_standards.standards.letters import letter_languages


@pytest.mark.parametrize(
	("preferred", "bilingual", "in_wales", "expected"),
	[
		("English", False, False, ["en"]),
		("Welsh", False, False, ["cy"]),
		("Welsh", False, True, ["cy"]),
		("English", False, True, ["en"]),
		(None, False, True, ["en"]),
		("English", True, True, ["cy", "en"]),
		("Welsh", True, False, ["en", "cy"]),
	],
)
def test_a_letter_is_in_the_childs_language_or_both_welsh_first_in_wales(
	preferred, bilingual, in_wales, expected
):
	assert letter_languages(preferred, bilingual, in_wales) == expected
