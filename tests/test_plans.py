"""Session plans (generator/plans.py): pure functions from the exercises' minutes to timed slots."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.plans import FORMATS, SessionFormat, SessionPlan, clock, plan_session, session_plans
from generator.render import render_pages
from generator.validate import validate_content

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Notes:
    prompts: list[str]


@dataclass
class Ex:
    id: str
    minutes: int
    prompts: bool = True

    @property
    def title(self) -> str:
        return self.id.capitalize()

    @property
    def facilitator(self) -> Notes | None:
        return Notes(["What surprised you?"]) if self.prompts else None


def assert_well_formed(plan: SessionPlan) -> None:
    """Slots follow each other without gap or overlap, open with a welcome and end on time."""
    assert plan.slots[0].kind == "welcome" and plan.slots[0].start == 0
    assert plan.slots[-1].kind == "close"
    for before, after in zip(plan.slots, plan.slots[1:], strict=False):
        assert after.start == before.end
    assert plan.slots[-1].end == plan.minutes
    assert all(slot.minutes > 0 for slot in plan.slots)


def test_ninety_minutes_take_exercises_in_order_while_they_fit() -> None:
    exercises = [Ex("a", 20), Ex("b", 30), Ex("c", 40), Ex("d", 5), Ex("e", 5)]
    plan = plan_session(exercises, SessionFormat("90", 90))
    assert_well_formed(plan)
    # 90 - welcome 10 - close 10 = 70: a (20+5) and b (30+5) fit, c (40+5) does not, d (5+5) does,
    # and then e (5+5) does not: nothing is squeezed in.
    assert plan.exercises == ("a", "b", "d")
    assert plan.left_out == ("c", "e")
    assert [(s.kind, s.minutes) for s in plan.slots] == [
        ("welcome", 10),
        ("exercise", 20),
        ("discussion", 5),
        ("exercise", 30),
        ("discussion", 5),
        ("exercise", 5),
        ("discussion", 5),
        ("close", 10),
    ]


def test_an_exercise_without_prompts_gets_no_discussion() -> None:
    plan = plan_session([Ex("quiet", 20, prompts=False), Ex("talk", 20)], SessionFormat("x", 90))
    assert [s.kind for s in plan.slots] == ["welcome", "exercise", "exercise", "discussion", "close"]


def test_the_break_sits_at_the_boundary_nearest_the_middle() -> None:
    exercises = [Ex(f"e{i}", 25) for i in range(8)]
    plan = plan_session(exercises, SessionFormat("half day", 210, break_minutes=15))
    assert_well_formed(plan)
    (pause,) = [s for s in plan.slots if s.kind == "break"]
    assert abs(pause.start + pause.minutes / 2 - 105) <= 15  # within one block of the middle
    assert plan.exercises == tuple(f"e{i}" for i in range(5))  # 210 - 10 - 10 - 15 = 175 = 5 x 30 + 25 spare


def test_an_exercise_longer_than_the_session_is_left_out() -> None:
    plan = plan_session([Ex("long", 120), Ex("short", 10)], SessionFormat("90", 90))
    assert plan.exercises == ("short",) and plan.left_out == ("long",)
    assert_well_formed(plan)


def test_no_exercises_makes_a_welcome_and_a_close() -> None:
    plan = plan_session([], FORMATS[1])
    assert [s.kind for s in plan.slots] == ["welcome", "close"]
    assert_well_formed(plan)


@pytest.mark.parametrize(("minutes", "text"), [(0, "0:00"), (5, "0:05"), (75, "1:15"), (210, "3:30")])
def test_clock(minutes: int, text: str) -> None:
    assert clock(minutes) == text


def test_the_workbook_has_a_ninety_minute_and_a_half_day_plan() -> None:
    content, errors = validate_content(REPO)
    assert content is not None, errors
    plans = session_plans(list(content.exercises.values()))
    assert [p.minutes for p in plans] == [90, 210]
    for plan in plans:
        assert_well_formed(plan)
        assert plan.exercises, plan.title
        # every exercise is either in the plan or named as left out, in reading order
        assert sorted(plan.exercises + plan.left_out) == sorted(content.exercises)
        used = sum(content.exercises[e].minutes for e in plan.exercises)
        assert used <= plan.minutes - 20


def test_the_guide_page_shows_the_same_plans_and_every_exercises_notes() -> None:
    content, errors = validate_content(REPO)
    assert content is not None, errors
    guide = render_pages(content, REPO / "templates")["facilitator-guide.md"]
    for plan in session_plans(list(content.exercises.values())):
        assert f"### {plan.title}" in guide
        for slot in plan.slots:
            assert f"<td>{clock(slot.start)}</td><td>{slot.minutes}</td>" in guide
    for ex in content.exercises.values():
        assert f'data-facilitator="{ex.id}"' in guide
        assert f"About {ex.minutes} minutes" in guide
        for prompt in ex.facilitator.prompts if ex.facilitator else []:
            assert prompt.split()[0] in guide
    assert "downloads/" not in guide  # no PDF links unless the packs are built
