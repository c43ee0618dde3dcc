from datetime import date

import pytest

from iro_standards.standards import (
	ENGLAND,
	WALES,
	adjournment_limit,
	care_plan_update_due,
	child_contact_due,
	consultation_due,
	decisions_due,
	dispute_response_due,
	informal_resolution_due,
	invitations_due,
	record_distribution_due,
	sw_report_due,
	tm_response_due,
)

REVIEW = date(2026, 1, 21)  # a Wednesday, 20 working days after a child entered care on 20 Dec 2025


@pytest.mark.parametrize(
	("rule", "expected"),
	[
		(child_contact_due, date(2026, 1, 11)),
		(consultation_due, date(2025, 12, 30)),  # counts back over New Year's Day
		(invitations_due, date(2026, 1, 7)),
		(adjournment_limit, date(2026, 2, 18)),
		(decisions_due, date(2026, 1, 26)),
		(tm_response_due, date(2026, 1, 28)),
		(informal_resolution_due, date(2026, 1, 28)),
		(record_distribution_due, date(2026, 2, 18)),
		(care_plan_update_due, date(2026, 2, 4)),
	],
)
def test_review_process_deadlines(rule, expected):
	assert rule(REVIEW) == expected


def test_social_worker_report_is_due_sooner_before_later_reviews():
	assert sw_report_due(REVIEW, is_first_review=True) == date(2026, 1, 16)
	assert sw_report_due(REVIEW, is_first_review=False) == date(2026, 1, 14)


def test_deadlines_before_christmas_skip_the_holiday(christmas_shutdown):
	assert invitations_due(date(2026, 1, 5)) == date(2025, 12, 17)
	assert invitations_due(date(2026, 1, 5), calendar=christmas_shutdown) == date(2025, 12, 12)


@pytest.mark.parametrize(
	("stage", "expected"),
	[
		("Informal", date(2026, 1, 28)),
		("Formal 3", date(2026, 2, 4)),
		("Cafcass referral", None),
	],
)
def test_dispute_response_due_by_stage(stage, expected):
	assert dispute_response_due(REVIEW, stage) == expected


def test_dispute_stages_follow_the_jurisdiction():
	assert dispute_response_due(REVIEW, "Cafcass Cymru referral", timescales=WALES) is None
	with pytest.raises(ValueError, match="'Cafcass Cymru referral' is not one of the configured stages"):
		dispute_response_due(REVIEW, "Cafcass Cymru referral", timescales=ENGLAND)
	with pytest.raises(ValueError, match="stage_entered is required"):
		dispute_response_due(None, "Informal")


@pytest.mark.parametrize(
	("rule", "field"),
	[
		(child_contact_due, "review_date"),
		(consultation_due, "review_date"),
		(invitations_due, "review_date"),
		(adjournment_limit, "original_date"),
		(decisions_due, "held"),
		(tm_response_due, "sent_to_team_manager"),
		(informal_resolution_due, "disagreed"),
		(record_distribution_due, "held"),
		(care_plan_update_due, "team_manager_agreed"),
	],
)
def test_process_rules_name_the_missing_date(rule, field):
	with pytest.raises(ValueError, match=f"{field} is required"):
		rule(None)
