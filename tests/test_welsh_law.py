import pytest

from iro_standards.standards import ENGLAND, WALES
from iro_standards.standards.timescales import stages_renamed_by_jurisdiction
from iro_standards.standards.welsh_law import in_welsh_law, in_welsh_law_cy


@pytest.mark.parametrize(
	("english", "welsh_law"),
	[
		("Looked After Child", "Child Looked After"),
		("a looked after child", "a child looked after"),
		("Looked After Children", "Children Looked After"),
		("Care Plan", "Care and Support Plan"),
		("Care Plan RAG and Child Journey", "Care and Support Plan RAG and Child Journey"),
		("Care plan rated {0}: {1}", "Care and support plan rated {0}: {1}"),
		("The care plan for {0} must be updated", "The care and support plan for {0} must be updated"),
		("care plans agreed", "care and support plans agreed"),
		("Record and Care Plan", "Record and Care and Support Plan"),
		("Director of children's services", "Director of Social Services"),
		("Referred to Cafcass", "Referred to Cafcass Cymru"),
		("Children's Guardian (Cafcass) Name", "Children's Guardian (Cafcass Cymru) Name"),
		(
			"First review within 20 working days. Reg. 33; IRO Handbook 2010.",
			"First review within 20 working days. "
			"Care Planning, Placement and Case Review (Wales) Regulations 2015, Part 6.",
		),
	],
)
def test_english_wording_takes_the_terms_of_welsh_law(english, welsh_law):
	assert in_welsh_law(english) == welsh_law


@pytest.mark.parametrize(
	"unchanged",
	[
		"Drift in Care Planning",
		"Cafcass Cymru referral",
		"Child Review",
		"England: the (England) Regulations 2010. Wales: the (Wales) Regulations 2015. Sets the Cafcass body.",
	],
)
def test_wording_that_is_already_welsh_law_or_names_wales_is_left_alone(unchanged):
	assert in_welsh_law(unchanged) == unchanged
	assert in_welsh_law_cy(unchanged) == unchanged


@pytest.mark.parametrize(
	("welsh", "welsh_law"),
	[
		("Cynllun gofal", "Cynllun gofal a chymorth"),
		("RAG y Cynllun Gofal", "RAG y Cynllun Gofal a Chymorth"),
		("Sgôr y Swyddog ar gynllun gofal y plentyn", "Sgôr y Swyddog ar gynllun gofal a chymorth y plentyn"),
		("ei chynllun gofal", "ei chynllun gofal a chymorth"),
		("fy nghynllun gofal", "fy nghynllun gofal a chymorth"),
		("cynlluniau gofal", "cynlluniau gofal a chymorth"),
		("Llithriant wrth gynllunio gofal", "Llithriant wrth gynllunio gofal"),
		("Cyfarwyddwr gwasanaethau plant", "Cyfarwyddwr Gwasanaethau Cymdeithasol"),
		("at Gyfarwyddwr gwasanaethau plant", "at Gyfarwyddwr Gwasanaethau Cymdeithasol"),
		("Atgyfeiriwyd at Cafcass", "Atgyfeiriwyd at Cafcass Cymru"),
		(
			"(diwrnod 0). Rheoliad 33; Llawlyfr y Swyddog Adolygu Annibynnol 2010.",
			"(diwrnod 0). Rheoliadau Cynllunio Gofal, Lleoli ac Adolygu Achosion (Cymru) 2015, Rhan 6.",
		),
	],
)
def test_welsh_wording_takes_the_terms_of_welsh_law(welsh, welsh_law):
	assert in_welsh_law_cy(welsh) == welsh_law


def test_applying_the_terms_twice_changes_nothing_more():
	for text in ("Care Plan RAG", "Referred to Cafcass", "Looked After Child"):
		assert in_welsh_law(in_welsh_law(text)) == in_welsh_law(text)
	assert in_welsh_law_cy(in_welsh_law_cy("y cynllun gofal")) == "y cynllun gofal a chymorth"


def test_the_top_formal_stage_goes_to_the_director_of_social_services_in_wales():
	assert WALES.dispute_stages[4].addressed_to == "Director of Social Services"
	assert ENGLAND.dispute_stages[4].addressed_to == "Director of children's services"


def test_going_to_wales_renames_the_stages_english_law_names_otherwise():
	renamed = stages_renamed_by_jurisdiction("england", "wales")
	assert {key: (stage.name, stage.addressed_to) for key, stage in renamed.items()} == {
		("Formal 4", "Director of children's services"): ("Formal 4", "Director of Social Services"),
		("Cafcass referral", "Cafcass"): ("Cafcass Cymru referral", "Cafcass Cymru"),
	}
	back = stages_renamed_by_jurisdiction("wales", "england")
	assert back[("Cafcass Cymru referral", "Cafcass Cymru")].name == "Cafcass referral"
	assert stages_renamed_by_jurisdiction("wales", "wales") == {}
