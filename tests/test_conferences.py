from datetime import date

import pytest

from iro_standards.standards import ENGLAND, Timescales, WorkingCalendar
from iro_standards.standards.conferences import (
	INITIAL,
	REVIEW,
	STEP_FIELDS,
	HeldConference,
	Plan,
	PlanHistory,
	Repeat,
	conference_steps,
	icpc_steps,
	is_long_plan,
	is_quorate,
	outcome_fits_kind,
	overdue_steps,
	plan_duration_days,
	plan_history,
	quoracy_steps,
	rcpc_preparation_steps,
	repeat_after,
	repeat_of,
	steps_owed_by,
	weighted_caseload,
)

STRATEGY = date(2026, 2, 2)  # a Monday with no bank holiday for three weeks
ICPC = date(2026, 2, 23)
RCPC = date(2026, 6, 4)  # a Thursday after the May bank holidays (4 and 25 May 2026)


def test_initial_conference_steps_number_the_strategy_discussion_day_1():
	assert icpc_steps(STRATEGY) == {
		"request_due": date(2026, 2, 2),  # Day 1, the strategy discussion's own day
		"convening_form_due": date(2026, 2, 4),  # Day 3
		"date_and_chair_due": date(2026, 2, 5),  # Day 4
		"invitations_due": date(2026, 2, 6),  # Day 5
		"conference_due": date(2026, 2, 23),  # within 15 working days of the discussion
	}


def test_the_timeline_runs_over_a_weekend_and_a_bank_holiday():
	thursday_before_easter = date(2026, 4, 2)  # Good Friday and Easter Monday follow
	assert icpc_steps(thursday_before_easter) == {
		"request_due": date(2026, 4, 2),
		"convening_form_due": date(2026, 4, 8),
		"date_and_chair_due": date(2026, 4, 9),
		"invitations_due": date(2026, 4, 10),
		"conference_due": date(2026, 4, 27),
	}


def test_review_conference_preparation_counts_back_over_bank_holidays():
	assert rcpc_preparation_steps(RCPC) == {
		"sw_contact_due": date(2026, 5, 6),
		"follow_up_due": date(2026, 5, 13),
		"invitations_due": date(2026, 5, 15),
	}


@pytest.mark.parametrize(("kind", "decision"), [(INITIAL, date(2026, 6, 1)), (REVIEW, date(2026, 6, 2))])
def test_quoracy_steps_and_the_managers_decision_depend_on_the_kind(kind, decision):
	assert quoracy_steps(RCPC, kind) == {
		"quoracy_first_check_due": date(2026, 5, 29),
		"quoracy_final_check_due": date(2026, 6, 1),
		"proceed_decision_due": decision,
		"confirmation_due": date(2026, 6, 3),
	}


def test_every_step_is_configurable():
	timescales = Timescales(
		icpc_invitations_working_days=2, rcpc_invitations_working_days_before=10, icpc_working_days=10
	)
	steps = icpc_steps(STRATEGY, timescales=timescales)
	assert steps["invitations_due"] == date(2026, 2, 3)
	assert steps["conference_due"] == date(2026, 2, 16)
	assert rcpc_preparation_steps(RCPC, timescales=timescales)["invitations_due"] == date(2026, 5, 20)


def test_local_closure_days_move_the_steps():
	closed = WorkingCalendar("england", extra_closures=[date(2026, 2, 3)])
	assert icpc_steps(STRATEGY, calendar=closed)["convening_form_due"] == date(2026, 2, 5)


def test_an_initial_conference_known_only_by_its_strategy_discussion():
	steps = conference_steps(INITIAL, strategy_discussion=STRATEGY)
	assert set(steps) == set(STEP_FIELDS)
	assert steps["conference_due"] == date(2026, 2, 23)
	assert steps["quoracy_first_check_due"] is None
	assert steps["sw_contact_due"] is None
	assert steps["core_group_due"] is None


def test_a_planned_initial_conference_has_its_quoracy_checks_but_no_review_preparation():
	steps = conference_steps(INITIAL, strategy_discussion=STRATEGY, planned=ICPC)
	assert steps["quoracy_first_check_due"] == date(2026, 2, 17)
	assert steps["proceed_decision_due"] == date(2026, 2, 18)
	assert steps["sw_contact_due"] is None


def test_an_initial_conference_that_starts_a_plan():
	steps = conference_steps(
		INITIAL, strategy_discussion=STRATEGY, planned=ICPC, held=ICPC, plan_started=True
	)
	assert steps["core_group_due"] == date(2026, 3, 9)
	assert steps["progress_check_due"] == date(2026, 3, 23)
	assert steps["next_conference_due"] == date(2026, 5, 23)
	assert steps["exceptional_report_due"] is None


def test_an_inquorate_conference_held_owes_the_exceptional_reasons_report():
	steps = conference_steps(INITIAL, strategy_discussion=STRATEGY, held=ICPC, inquorate=True)
	assert steps["exceptional_report_due"] == date(2026, 2, 27)
	assert steps["next_conference_due"] is None
	assert steps["core_group_due"] is None


def test_review_conferences_follow_three_then_six_months():
	first = conference_steps(REVIEW, previous_conference=ICPC, first_review=True)
	assert first["conference_due"] == date(2026, 5, 23)
	later = conference_steps(REVIEW, previous_conference=RCPC, planned=date(2026, 12, 3))
	assert later["conference_due"] == date(2026, 12, 4)
	assert later["invitations_due"] == date(2026, 11, 16)


def test_a_review_conference_that_keeps_the_plan_sets_the_next_at_six_months_and_no_core_group():
	steps = conference_steps(
		REVIEW, previous_conference=ICPC, first_review=True, held=RCPC, plan_started=True
	)
	assert steps["next_conference_due"] == date(2026, 12, 4)
	assert steps["core_group_due"] is None
	assert steps["progress_check_due"] is None


def test_steps_refuse_what_they_cannot_count_from():
	with pytest.raises(ValueError, match="strategy_discussion is required"):
		conference_steps(INITIAL)
	with pytest.raises(ValueError, match="previous_conference is required"):
		conference_steps(REVIEW)
	with pytest.raises(ValueError, match="conference kind"):
		conference_steps("Emergency", strategy_discussion=STRATEGY)
	with pytest.raises(ValueError, match=r"held .* is before strategy_discussion"):
		conference_steps(INITIAL, strategy_discussion=STRATEGY, held=date(2026, 1, 30))
	with pytest.raises(ValueError, match=r"held .* is before previous_conference"):
		conference_steps(REVIEW, previous_conference=ICPC, held=date(2026, 2, 20))


@pytest.mark.parametrize(
	("agencies", "quorate"),
	[
		(["Children's social care", "Health", "Police"], True),
		([" children's SOCIAL care ", "health", "Education"], True),
		(["Children's social care", "Health", "Health"], False),
		(["Health", "Police", "Education"], False),
		(["Children's social care", "Police", "", "  "], False),
		([], False),
	],
)
def test_quoracy_is_social_care_and_two_other_agencies(agencies, quorate):
	assert is_quorate(agencies) is quorate


def test_the_quorum_rule_is_configurable():
	assert is_quorate(["Social Services", "Police"], lead_agency="Social services", other_agencies=1)
	assert not is_quorate(["Social Services", "Police"], lead_agency="Social services")
	assert is_quorate(["Children's social care", "Police"], timescales=Timescales(quorum_other_agencies=1))


def test_plan_durations_and_the_two_year_flag():
	plan = Plan(date(2024, 2, 29))
	assert plan_duration_days(plan, date(2024, 3, 1)) == 1
	assert not is_long_plan(plan, date(2026, 2, 27))
	assert is_long_plan(plan, date(2026, 2, 28))
	ended = Plan(date(2024, 1, 10), date(2024, 7, 10))
	assert plan_duration_days(ended, date(2030, 1, 1)) == 182
	assert not is_long_plan(ended, date(2030, 1, 1))
	assert plan_duration_days(Plan(date(2026, 5, 1)), date(2026, 4, 1)) == 0


def test_a_plan_cannot_end_before_it_starts():
	with pytest.raises(ValueError, match=r"ended .* is before started"):
		Plan(date(2026, 5, 1), date(2026, 4, 30))
	with pytest.raises(ValueError, match="started must be a date"):
		Plan("2026-05-01")


def test_repeat_plans():
	first = Plan(date(2020, 1, 6), date(2021, 3, 1))
	second = Plan(date(2023, 3, 1), date(2024, 1, 1))
	third = Plan(date(2024, 6, 1))
	assert repeat_of(first, [first, second, third]) == Repeat(False, False)
	assert repeat_of(second, [first, second, third]) == Repeat(True, True)
	assert repeat_of(third, [first, second, third]) == Repeat(True, True)
	late = Plan(date(2023, 3, 2))
	assert repeat_of(late, [first]) == Repeat(True, False)
	assert repeat_of(third, [Plan(date(2020, 1, 1))]) == Repeat(False, False)
	assert repeat_of(late, [first], timescales=Timescales(repeat_plan_years=3)) == Repeat(True, True)


def test_weighted_caseload():
	assert weighted_caseload(40, 20, looked_after_weight=1, plan_weight=0.5) == 50
	assert weighted_caseload(0, 0, looked_after_weight=1, plan_weight=1) == 0
	with pytest.raises(ValueError, match="negative"):
		weighted_caseload(-1, 0, looked_after_weight=1, plan_weight=1)
	with pytest.raises(ValueError, match="weights"):
		weighted_caseload(1, 0, looked_after_weight=1, plan_weight=-0.5)


def test_defaults_are_the_practice_standards():
	assert (ENGLAND.icpc_request_working_days, ENGLAND.icpc_invitations_working_days) == (1, 5)
	assert (ENGLAND.rcpc_sw_contact_working_days_before, ENGLAND.rcpc_invitations_working_days_before) == (
		20,
		13,
	)
	assert ENGLAND.quorum_other_agencies == 2


def test_overdue_steps_before_the_conference():
	steps = conference_steps(INITIAL, strategy_discussion=STRATEGY, planned=ICPC)
	done = {"conference_requested_on": date(2026, 2, 3)}
	assert overdue_steps(steps, done, date(2026, 2, 3)) == []
	assert overdue_steps(steps, done, date(2026, 2, 10)) == [
		"convening_form_due",
		"date_and_chair_due",
		"invitations_due",
	]
	assert "conference_due" in overdue_steps(steps, done, date(2026, 2, 24))


def test_once_held_only_what_follows_the_conference_is_owed():
	steps = conference_steps(
		INITIAL, strategy_discussion=STRATEGY, held=ICPC, plan_started=True, inquorate=True
	)
	done = {"held_date": ICPC, "exceptional_report_on": date(2026, 2, 26)}
	assert overdue_steps(steps, done, date(2026, 3, 24)) == ["core_group_due", "progress_check_due"]
	assert (
		overdue_steps(steps, done | {"core_group_met_on": ICPC, "progress_check_on": ICPC}, date(2027, 1, 1))
		== []
	)
	with pytest.raises(ValueError, match="today must be a date"):
		overdue_steps(steps, done, "2026-03-24")


def test_steps_owed_by_a_day_include_those_due_that_day_and_the_overdue():
	steps = conference_steps(INITIAL, strategy_discussion=STRATEGY, planned=ICPC)
	done = {"conference_requested_on": date(2026, 2, 3)}
	due_on = steps["convening_form_due"]
	assert "convening_form_due" in steps_owed_by(steps, done, due_on)
	assert "convening_form_due" not in overdue_steps(steps, done, due_on)
	assert steps_owed_by(steps, done, due_on) == ["convening_form_due"]
	assert steps_owed_by(steps, done, ICPC) == [
		"convening_form_due",
		"date_and_chair_due",
		"invitations_due",
		"quoracy_first_check_due",
		"quoracy_final_check_due",
		"confirmation_due",
		"conference_due",
	]
	assert "proceed_decision_due" in steps_owed_by(steps, done, ICPC, inquorate_on_responses=True)
	with pytest.raises(ValueError, match="by must be a date"):
		steps_owed_by(steps, done, "2026-02-23")


def held(name, kind, day, outcome, categories=(), reason=""):
	return HeldConference(name, kind, day, outcome, tuple(categories), reason)


def test_outcomes_fit_the_kind_of_conference():
	assert outcome_fits_kind(INITIAL, "Plan") and outcome_fits_kind(INITIAL, "No Plan")
	assert not outcome_fits_kind(INITIAL, "Plan Ended")
	assert outcome_fits_kind(REVIEW, "Plan Ended") and not outcome_fits_kind(REVIEW, "Plan")
	with pytest.raises(ValueError, match="conference kind"):
		outcome_fits_kind("Strategy", "Plan")


def test_a_plan_starts_at_an_initial_conference_and_ends_at_a_review():
	history = plan_history(
		[
			held("C3", REVIEW, date(2026, 9, 1), "Plan Ended", reason="Risk reduced"),
			held("C1", INITIAL, date(2026, 2, 23), "Plan", ["Neglect"]),
			held("C2", REVIEW, date(2026, 5, 20), "Plan Continues", ["Neglect", "Emotional abuse"]),
		]
	)
	assert history == [
		PlanHistory(
			date(2026, 2, 23),
			("Neglect", "Emotional abuse"),
			"C1",
			ended=date(2026, 9, 1),
			ended_at="C3",
			end_reason="Risk reduced",
		)
	]


def test_plans_ignore_outcomes_with_nothing_to_change():
	history = plan_history(
		[
			held("A", REVIEW, date(2025, 1, 1), "Plan Ended"),
			held("B", REVIEW, date(2025, 2, 1), "Plan Continues", ["Neglect"]),
			held("C", INITIAL, date(2025, 3, 1), "No Plan"),
			held("D", INITIAL, date(2025, 4, 1), "Plan", ["Physical abuse"]),
			held("E", INITIAL, date(2025, 5, 1), "Plan", ["Sexual abuse"]),
			held("F", REVIEW, date(2025, 6, 1), "Plan Continues"),
			held("G", REVIEW, date(2025, 7, 1), "Plan Ended"),
			held("H", INITIAL, date(2026, 1, 5), "Plan", ["Neglect"]),
		]
	)
	assert [(p.started_at, p.categories, p.ended_at) for p in history] == [
		("D", ("Physical abuse",), "G"),
		("H", ("Neglect",), None),
	]


def test_the_managers_decision_is_owed_only_while_the_responses_are_inquorate():
	steps = conference_steps(REVIEW, previous_conference=ICPC, first_review=True, planned=RCPC)
	done = {"sw_contacted_on": date(2026, 5, 6), "quoracy_first_checked_on": date(2026, 5, 29)}
	today = date(2026, 6, 3)
	assert "proceed_decision_due" not in overdue_steps(steps, done, today)
	assert "proceed_decision_due" in overdue_steps(steps, done, today, inquorate_on_responses=True)
	decided = done | {"proceed_decision": "Proceed"}
	assert "proceed_decision_due" not in overdue_steps(steps, decided, today, inquorate_on_responses=True)
	assert "follow_up_due" in overdue_steps(steps, done, today)
	assert "follow_up_due" not in overdue_steps(
		steps, done | {"invitations_sent_on": date(2026, 5, 15)}, today
	)


def test_a_repeat_is_counted_from_the_end_of_the_last_plan():
	assert repeat_after(date(2026, 1, 5), None) == Repeat(False, False)
	assert repeat_after(date(2026, 1, 5), date(2024, 1, 5)) == Repeat(True, True)
	assert repeat_after(date(2026, 1, 6), date(2024, 1, 5)) == Repeat(True, False)
	with pytest.raises(ValueError, match="last_ended must be a date"):
		repeat_after(date(2026, 1, 6), "2024-01-05")
