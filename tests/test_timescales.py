from dataclasses import FrozenInstanceError, replace

import pytest

from iro_standards.standards import ENGLAND, WALES, DisputeStage, Timescales
from iro_standards.standards.timescales import duration_field_names


def test_england_defaults_follow_the_brief():
	assert ENGLAND.first_review_working_days == 20
	assert ENGLAND.second_review_months == 3
	assert ENGLAND.subsequent_review_months == 6
	assert ENGLAND.iro_allocation_working_days == 3
	assert [(s.name, s.response_working_days) for s in ENGLAND.dispute_stages] == [
		("Informal", 5),
		("Formal 1", 5),
		("Formal 2", 5),
		("Formal 3", 10),
		("Formal 4", 10),
		("Cafcass referral", None),
	]


def test_wales_has_the_same_intervals_and_refers_to_cafcass_cymru():
	assert {name: getattr(WALES, name) for name in duration_field_names()} == {
		name: getattr(ENGLAND, name) for name in duration_field_names()
	}
	assert WALES.jurisdiction == "wales"
	assert WALES.dispute_stages[-1].name == "Cafcass Cymru referral"


def test_every_value_can_be_overridden():
	local = Timescales.for_jurisdiction("england", first_review_working_days=15, caseload_maximum=60)
	assert (local.first_review_working_days, local.caseload_maximum) == (15, 60)
	assert replace(ENGLAND, second_review_months=2).second_review_months == 2


def test_timescales_are_frozen():
	with pytest.raises(FrozenInstanceError):
		ENGLAND.first_review_working_days = 10


@pytest.mark.parametrize(
	("overrides", "message"),
	[
		(
			{"first_review_working_days": 0},
			"first_review_working_days must be a positive whole number, not 0",
		),
		({"subsequent_review_months": -6}, "subsequent_review_months must be a positive whole number"),
		({"pep_working_days": 2.5}, "pep_working_days must be a positive whole number, not 2.5"),
		({"tm_response_working_days": True}, "tm_response_working_days must be a positive whole number"),
		({"caseload_minimum": 80}, "caseload_minimum must not be greater than caseload_maximum"),
		({"dispute_stages": ()}, "dispute_stages must list at least one stage"),
		({"jurisdiction": "scotland"}, "jurisdiction must be one of england, wales"),
		(
			{
				"dispute_stages": (
					DisputeStage("Formal 1", "Team manager", 5, "Formal"),
					DisputeStage("Chat", "Social worker", 5, "Informal"),
				)
			},
			"dispute stage 'Chat' \\(Informal\\) cannot follow a stage of a higher level",
		),
	],
)
def test_invalid_timescales_are_refused(overrides, message):
	with pytest.raises(ValueError, match=message):
		Timescales(**overrides)


@pytest.mark.parametrize(
	("stage", "message"),
	[
		(("", "Team manager", 5), "dispute stage name is required"),
		(
			("Formal 1", "Team manager", 0),
			"response_working_days of dispute stage 'Formal 1' must be positive",
		),
		(
			("Formal 1", "Team manager", 5, "formal"),
			"level of dispute stage 'Formal 1' must be one of Informal, Formal, Referral, not 'formal'",
		),
	],
)
def test_invalid_dispute_stages_are_refused(stage, message):
	with pytest.raises(ValueError, match=message):
		DisputeStage(*stage)


def test_dispute_stages_rise_in_level_from_informal_to_referral():
	assert [stage.level for stage in ENGLAND.dispute_stages] == [
		"Informal",
		"Formal",
		"Formal",
		"Formal",
		"Formal",
		"Referral",
	]
	assert WALES.dispute_stages[-1].level == "Referral"
	same_level = (DisputeStage("A", "", 5, "Formal"), DisputeStage("B", "", 5, "Formal"))
	assert Timescales(dispute_stages=same_level).next_dispute_stage("A").name == "B"


def test_dispute_stages_escalate_in_order():
	assert ENGLAND.next_dispute_stage("Informal").name == "Formal 1"
	assert ENGLAND.next_dispute_stage("Formal 4").name == "Cafcass referral"
	assert ENGLAND.next_dispute_stage("Cafcass referral") is None
	with pytest.raises(ValueError, match="dispute stage 'Formal 9' is not one of the configured stages"):
		ENGLAND.dispute_stage("Formal 9")
