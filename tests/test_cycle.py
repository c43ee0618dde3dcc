import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from iro_standards.standards import WALES, first_review_due, progress_review_due
from iro_standards.standards.cycle import (
	Change,
	ChildCycle,
	HeldReview,
	OpenProgressReview,
	OpenReview,
	Reason,
	Step,
	plan_cycle,
)

START = date(2026, 1, 5)


def held(name: str, on: date, agreed_next: date | None = None, has_progress_review: bool = False):
	return HeldReview(name, on, agreed_next, has_progress_review)


def applied(cycle: ChildCycle, steps: tuple[Step, ...]) -> ChildCycle:
	"""The child's records after the steps, as the Frappe layer makes them."""
	for n, step in enumerate(steps):
		if step.change in (Change.CREATE_REVIEW, Change.MOVE_REVIEW):
			name = step.record or f"new-review-{n}"
			cycle = replace(cycle, open_review=OpenReview(name, step.follows, step.regime))
		elif step.change == Change.CANCEL_REVIEW:
			cycle = replace(cycle, open_review=None)
		elif step.change == Change.CREATE_PROGRESS_REVIEW:
			cycle = replace(cycle, open_progress_review=OpenProgressReview(f"new-progress-{n}", step.follows))
		else:
			cycle = replace(cycle, open_progress_review=None)
	return cycle


def test_a_child_never_looked_after_has_nothing_planned():
	assert plan_cycle(ChildCycle(None)) == ()


def test_a_new_episode_plans_the_first_review_on_its_statutory_date():
	steps = plan_cycle(ChildCycle(START))
	assert steps == (Step(Change.CREATE_REVIEW, on=first_review_due(START), follows=None),)


def test_the_first_review_follows_the_jurisdictions_calendar():
	(step,) = plan_cycle(ChildCycle(START), timescales=WALES)
	assert step.on == first_review_due(START, timescales=WALES)


def test_a_held_review_plans_the_next_on_the_agreed_date_and_the_progress_review_at_the_mid_point():
	first = held("R1", date(2026, 1, 30), agreed_next=date(2026, 4, 20))
	steps = plan_cycle(ChildCycle(START, held=[first]))
	assert steps == (
		Step(Change.CREATE_REVIEW, on=date(2026, 4, 20), follows="R1"),
		Step(
			Change.CREATE_PROGRESS_REVIEW,
			on=progress_review_due(first.held, date(2026, 4, 30)),
			follows="R1",
		),
	)


def test_an_agreed_date_beyond_the_statutory_limit_is_planned_on_the_limit():
	first = held("R1", date(2026, 1, 30), agreed_next=date(2026, 9, 1), has_progress_review=True)
	(step,) = plan_cycle(ChildCycle(START, held=[first]))
	assert step.on == date(2026, 4, 30)


def test_without_an_agreed_date_the_next_review_is_planned_on_its_statutory_date():
	first = held("R1", date(2026, 1, 30), has_progress_review=True)
	second = held("R2", date(2026, 4, 14), has_progress_review=True)
	(step,) = plan_cycle(ChildCycle(START, held=[second, first]))
	assert step == Step(Change.CREATE_REVIEW, on=date(2026, 10, 14), follows="R2")


def test_a_review_planned_after_an_earlier_review_moves_when_a_later_one_is_held():
	first = held("R1", date(2026, 1, 30), has_progress_review=True)
	second = held("R2", date(2026, 3, 2), agreed_next=date(2026, 8, 3), has_progress_review=True)
	cycle = ChildCycle(START, held=[first, second], open_review=OpenReview("P", "R1"))
	assert plan_cycle(cycle) == (Step(Change.MOVE_REVIEW, "P", on=date(2026, 8, 3), follows="R2"),)


def test_a_planned_review_moved_earlier_by_a_person_stays_where_they_put_it():
	first = held("R1", date(2026, 1, 30), has_progress_review=True)
	cycle = ChildCycle(START, held=[first], open_review=OpenReview("P", "R1"))
	assert plan_cycle(cycle) == ()


def test_no_review_is_planned_while_a_held_review_waits_to_be_submitted():
	first = held("R1", date(2026, 1, 30), has_progress_review=True)
	assert plan_cycle(ChildCycle(START, held=[first], recording=True)) == ()


def test_an_ended_episode_cancels_the_open_review_and_progress_review():
	first = held("R1", date(2026, 1, 30), has_progress_review=True)
	cycle = ChildCycle(
		START,
		episode_ended=date(2026, 2, 20),
		held=[first],
		open_review=OpenReview("P", "R1"),
		open_progress_review=OpenProgressReview("G", "R1"),
	)
	assert plan_cycle(cycle) == (
		Step(Change.CANCEL_REVIEW, "P", reason=Reason.EPISODE_ENDED),
		Step(Change.CANCEL_PROGRESS_REVIEW, "G", reason=Reason.EPISODE_ENDED),
	)
	assert plan_cycle(applied(cycle, plan_cycle(cycle))) == ()


def test_an_ended_episode_with_nothing_open_needs_nothing():
	assert plan_cycle(ChildCycle(START, episode_ended=date(2026, 2, 20))) == ()


def test_a_progress_review_overtaken_by_the_next_review_is_closed_as_missed_and_the_next_one_made():
	first = held("R1", date(2026, 1, 30), has_progress_review=True)
	second = held("R2", date(2026, 4, 20))
	cycle = ChildCycle(
		START,
		held=[first, second],
		open_review=OpenReview("P", "R2"),
		open_progress_review=OpenProgressReview("G", "R1"),
	)
	steps = plan_cycle(cycle)
	assert [(s.change, s.record, s.follows) for s in steps] == [
		(Change.CLOSE_PROGRESS_REVIEW_MISSED, "G", None),
		(Change.CREATE_PROGRESS_REVIEW, None, "R2"),
	]
	assert steps[0].reason == Reason.NEXT_REVIEW_HELD


def test_a_progress_review_of_a_cancelled_review_is_cancelled_even_when_scheduling_is_off():
	first = held("R1", date(2026, 1, 30), has_progress_review=True)
	cycle = ChildCycle(START, held=[first], open_progress_review=OpenProgressReview("G", "R2"))
	assert plan_cycle(cycle, create_missing=False) == (
		Step(Change.CANCEL_PROGRESS_REVIEW, "G", reason=Reason.REVIEW_CANCELLED),
	)


def test_a_progress_review_after_every_review_was_cancelled_is_cancelled():
	cycle = ChildCycle(
		START,
		open_review=OpenReview("P"),
		open_progress_review=OpenProgressReview("G", "R1"),
	)
	assert plan_cycle(cycle) == (Step(Change.CANCEL_PROGRESS_REVIEW, "G", reason=Reason.REVIEW_CANCELLED),)


def test_with_scheduling_off_nothing_is_created_or_moved():
	first = held("R1", date(2026, 1, 30))
	assert plan_cycle(ChildCycle(START), create_missing=False) == ()
	assert plan_cycle(ChildCycle(START, held=[first]), create_missing=False) == ()
	moved = ChildCycle(START, held=[first], open_review=OpenReview("P"))
	assert plan_cycle(moved, create_missing=False) == ()


def test_a_progress_review_already_made_for_the_last_review_is_not_made_again():
	first = held("R1", date(2026, 1, 30), has_progress_review=True)
	cycle = ChildCycle(START, held=[first], open_review=OpenReview("P", "R1"))
	assert plan_cycle(cycle) == ()
	open_one = ChildCycle(
		START,
		held=[held("R1", date(2026, 1, 30))],
		open_review=OpenReview("P", "R1"),
		open_progress_review=OpenProgressReview("G", "R1"),
	)
	assert plan_cycle(open_one) == ()


def random_cycle(rng: random.Random) -> ChildCycle:
	start = date(2020, 1, 1) + timedelta(days=rng.randrange(2000))
	reviews, day = [], start
	for n in range(rng.randrange(5)):
		day += timedelta(days=rng.randrange(10, 180))
		agreed = day + timedelta(days=rng.randrange(30, 250)) if rng.random() < 0.7 else None
		reviews.append(held(f"R{n}", day, agreed, rng.random() < 0.3))
	names = [review.name for review in reviews] + [None, "R-cancelled"]
	open_review = OpenReview("P", rng.choice(names)) if rng.random() < 0.6 else None
	progress = (
		OpenProgressReview("G", rng.choice([*names[:-2], "R-cancelled"])) if rng.random() < 0.5 else None
	)
	ended = day + timedelta(days=rng.randrange(1, 90)) if rng.random() < 0.2 else None
	rng.shuffle(reviews)
	return ChildCycle(start, ended, reviews, open_review, progress, recording=rng.random() < 0.1)


@pytest.mark.parametrize("create_missing", [True, False])
def test_planning_again_after_the_steps_finds_nothing_left_to_do(create_missing):
	rng = random.Random(11)
	for _ in range(3000):
		cycle = random_cycle(rng)
		after = applied(cycle, plan_cycle(cycle, create_missing=create_missing))
		assert plan_cycle(after, create_missing=create_missing) == (), cycle


def test_an_open_episode_always_ends_with_one_next_review_following_the_last_review_held():
	rng = random.Random(12)
	for _ in range(3000):
		cycle = random_cycle(rng)
		after = applied(cycle, plan_cycle(cycle))
		latest = max(cycle.held, key=lambda review: review.held, default=None)
		if cycle.episode_ended:
			assert after.open_review is None and after.open_progress_review is None
			continue
		if cycle.recording and cycle.open_review is None:
			assert after.open_review is None
			continue
		assert after.open_review is not None
		assert after.open_review.follows == (latest.name if latest else None)
		if after.open_progress_review:
			assert latest and after.open_progress_review.follows == latest.name


def test_a_statutory_date_on_a_weekend_is_planned_on_the_working_day_before():
	first = held("R1", date(2026, 1, 30), has_progress_review=True)
	second = held("R2", date(2026, 4, 17), has_progress_review=True)
	(step,) = plan_cycle(ChildCycle(START, held=[first, second]))
	assert step.on == date(2026, 10, 16)


def test_a_date_agreed_on_a_bank_holiday_is_planned_on_the_working_day_before():
	first = held("R1", date(2026, 1, 30), agreed_next=date(2026, 4, 6), has_progress_review=True)
	(step,) = plan_cycle(ChildCycle(START, held=[first]))
	assert step.on == date(2026, 4, 2)
