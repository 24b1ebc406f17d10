"""Session plans (generator/plans.py): the sessions authored in content/sessions.yml, and plans
assembled from the exercises' minutes for the exercises no session names."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.model import Content, Session
from generator.plans import FORMATS, SessionFormat, SessionPlan, authored_plan, clock, plan_session, remainder_plans, session_plans
from generator.render import render_pages
from generator.validate import validate_content

from .conftest import make_project

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


def test_the_workbook_without_sessions_plans_every_exercise_in_both_formats(project: Path) -> None:
    # The mini fixture has no content/sessions.yml: it still validates, and every plan is automatic.
    content, errors = validate_content(project)
    assert content is not None, errors
    assert content.sessions == []
    plans = session_plans(list(content.exercises.values()), content.sessions)
    assert [p.minutes for p in plans] == [90, 210]
    for plan in plans:
        assert_well_formed(plan)
        assert plan.automatic
        # every exercise is either in the plan or named as left out, in reading order
        assert sorted(plan.exercises + plan.left_out) == sorted(content.exercises)
    guide = render_pages(content, project / "templates")["facilitator-guide.md"]
    assert "Assembled automatically from each exercise's timing" in guide
    assert "written for this workbook" not in guide


def session(sid: str, minutes: int, *slots: dict[str, object]) -> Session:
    return Session.model_validate({"id": sid, "title": sid.title(), "minutes": minutes, "slots": list(slots)})


def test_an_authored_session_is_timed_slot_after_slot_as_written() -> None:
    s = session(
        "intro",
        45,
        {"activity": "Welcome", "minutes": 5},
        {"exercise": "b", "minutes": 15, "note": "score privately"},
        {"discussion": "What moved?", "minutes": 20},
        {"activity": "Close", "minutes": 5},
    )
    plan = authored_plan(s, {"b": "Exercise B"})
    assert not plan.automatic and plan.left_out == () and plan.id == "intro"
    assert [(x.start, x.minutes, x.kind, x.title, x.note) for x in plan.slots] == [
        (0, 5, "activity", "Welcome", ""),
        (5, 15, "exercise", "Exercise B", "score privately"),
        (20, 20, "discussion", "What moved?", ""),
        (40, 5, "activity", "Close", ""),
    ]
    assert plan.exercises == ("b",)


def test_the_automatic_plan_covers_exactly_the_exercises_no_session_names() -> None:
    exercises = [Ex("a", 20), Ex("b", 15), Ex("c", 30, prompts=False), Ex("d", 10)]
    sessions = [
        session("one", 25, {"exercise": "b", "minutes": 15}, {"activity": "Close", "minutes": 10}),
        session("two", 10, {"exercise": "d", "minutes": 10}),
    ]
    plans = session_plans(exercises, sessions)
    assert [p.title for p in plans] == ["One", "Two", "Other exercises"]
    (rest,) = [p for p in plans if p.automatic]
    assert rest.exercises == ("a", "c") and rest.left_out == ()  # reading order, nothing dropped
    assert_well_formed(rest)
    # welcome 10 + a 20 + discussion 5 + c 30 + close 10 = 75, to the next quarter hour
    assert rest.minutes == 75
    every = {e.id for e in exercises}
    assert (
        session_plans(
            exercises, [session("all", 75, *({"exercise": e, "minutes": 15} for e in sorted(every)), {"activity": "x", "minutes": 15})]
        )[-1].automatic
        is False
    )


def test_many_unnamed_exercises_make_several_automatic_sessions_with_breaks() -> None:
    exercises = [Ex(f"e{i}", 40) for i in range(9)]
    plans = remainder_plans(exercises)
    assert [p.title for p in plans] == ["Other exercises, part 1", "Other exercises, part 2", "Other exercises, part 3"]
    assert [e for p in plans for e in p.exercises] == [e.id for e in exercises]
    for plan in plans:
        assert_well_formed(plan)
        assert plan.minutes % 15 == 0 and plan.minutes <= FORMATS[-1].minutes
        assert plan.left_out == ()
        assert [s.kind for s in plan.slots].count("break") == (1 if plan.minutes > 120 else 0)


def shipped() -> Content:
    content, errors = validate_content(REPO)
    assert content is not None, errors
    return content


def test_the_shipped_sessions_follow_the_facilitator_notes() -> None:
    content = shipped()
    assert content.sessions, "content/sessions.yml is read"
    plans = session_plans(list(content.exercises.values()), content.sessions)
    ninety = next(p for p in plans if p.minutes == 90)
    # Its notes call the hierarchy the central exercise: the 90-minute session has it, with the
    # 15 minutes to complete and score and the 10-minute group discussion the notes ask for.
    slots = list(ninety.slots)
    (i,) = [n for n, s in enumerate(slots) if s.exercise == "employment-security-hierarchy"]
    assert slots[i].minutes == 15
    assert slots[i + 1].kind == "discussion" and slots[i + 1].minutes == 10
    for plan in plans:
        assert sum(s.minutes for s in plan.slots) == plan.minutes
        for slot in plan.slots:
            if slot.exercise:
                # a slot never asks for more time than the exercise's own timing
                assert slot.minutes <= content.exercises[slot.exercise].minutes, (plan.title, slot.exercise)
    # every exercise is in an authored session, so no automatic plan is needed
    assert [p for p in plans if p.automatic] == []


def test_the_guide_page_shows_the_authored_sessions_in_order_with_their_minutes() -> None:
    content = shipped()
    guide = render_pages(content, REPO / "templates")["facilitator-guide.md"]
    plans = session_plans(list(content.exercises.values()), content.sessions)
    headings = [f"### {p.title} ({p.minutes} minutes)" for p in plans]
    assert [guide.index(h) for h in headings] == sorted(guide.index(h) for h in headings)
    for plan, heading in zip(plans, headings, strict=True):
        section = guide[guide.index(heading) :]
        section = section[: section.index("</table>")]
        rows = [f"<td>{clock(s.start)}</td><td>{s.minutes}</td>" for s in plan.slots]
        assert [section.index(r) for r in rows] == sorted(section.index(r) for r in rows), plan.title
        if plan.minutes == 90:
            assert "The employment security hierarchy</a>" in section
    assert "Every exercise is in at least one of them." in guide
    for ex in content.exercises.values():
        assert f'data-facilitator="{ex.id}"' in guide
        assert f"About {ex.minutes} minutes" in guide
        for prompt in ex.facilitator.prompts if ex.facilitator else []:
            assert prompt.split()[0] in guide
    assert "downloads/" not in guide  # no PDF links unless the packs are built


def test_the_guide_says_which_exercises_are_planned_automatically(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "content" / "sessions.yml").write_text(
        "sessions:\n  - id: runway-talk\n    title: Runway talk\n    minutes: 20\n"
        "    purpose: Money, privately.\n    slots:\n"
        "      - {exercise: runway, minutes: 5, note: Nobody shares figures.}\n"
        "      - {discussion: Needing a job or wanting one?, minutes: 15}\n",
        encoding="utf-8",
    )
    content, errors = validate_content(root)
    assert content is not None, errors
    guide = render_pages(content, root / "templates")["facilitator-guide.md"]
    authored = guide.index("### Runway talk (20 minutes)")
    automatic = guide.index("### Other exercises (")
    assert authored < automatic
    assert "Money, privately." in guide and "Nobody shares figures." in guide
    assert "in a plan assembled automatically from their timings" in guide
    rest = guide[automatic:]
    assert "Planned automatically from each exercise's timing" in rest
    assert "../exercises/all-types/" in rest[: rest.index("</table>")]
    assert "../exercises/runway/" not in rest[: rest.index("</table>")]


def test_the_facilitator_pack_shows_the_authored_sessions_in_order(tmp_path: Path) -> None:
    from generator.downloads import FACILITATOR_PACK
    from generator.pdf import pack_documents, write_pdfs

    from .pdftools import norm

    content = shipped()
    (pack,) = [d for d in pack_documents(content, REPO / "templates") if d.path == FACILITATOR_PACK]
    (written,) = write_pdfs([pack], REPO / "templates", tmp_path / "site" / "downloads")
    # -layout keeps each table row on its line (plain pdftotext reads a row's cells out of order)
    run = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(written), "-"], capture_output=True, text=True, check=True)
    text = norm(run.stdout)
    text = text[text.index("Session plans 4 sessions written") :]
    plans = session_plans(list(content.exercises.values()), content.sessions)
    headings = [norm(f"{p.title} ({p.minutes} minutes)") for p in plans]
    at = [text.index(h) for h in headings]
    assert at == sorted(at), "the sessions come in the file's order"
    for plan, start, end in zip(plans, at, [*at[1:], len(text)], strict=True):
        section = text[start:end]
        # each slot as a row: its start, its minutes and its title, in order
        rows = [section.index(f"{clock(s.start)} {s.minutes} {norm(s.title)}") for s in plan.slots]
        assert rows == sorted(rows), plan.title
        if plan.minutes == 90:
            assert "0:40 15 The employment security hierarchy" in section


def test_the_customising_guides_session_example_is_valid_as_written(tmp_path: Path) -> None:
    import re
    import shutil

    guide = (REPO / "CUSTOMISING.md").read_text(encoding="utf-8")
    (example,) = [b for b in re.findall(r"```yaml\n(.*?)```", guide, flags=re.S) if b.startswith("sessions:")]
    root = make_project(tmp_path / "fork", REPO / "content")
    shutil.copytree(REPO / "schemas", root / "schemas")
    (root / "content" / "sessions.yml").write_text(example, encoding="utf-8")
    (root / "content" / "sessions.es.yml").unlink()  # the shipped translation is of the shipped plans, as the guide says
    content, errors = validate_content(root)
    assert content is not None, errors
    plans = session_plans(list(content.exercises.values()), content.sessions)
    assert plans[0].title == "Lunchtime taster" and plans[0].slots[-1].end == 45
    # the other ten exercises are planned automatically, after it
    assert sorted(e for p in plans[1:] for e in p.exercises) == sorted(set(content.exercises) - set(plans[0].exercises))
    assert all(p.automatic for p in plans[1:])
