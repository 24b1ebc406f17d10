"""Session plans for workshops: the sessions authored in content/sessions.yml, and plans assembled
from the exercises' minutes for what no session names (pure: no files, no templates).

Pipeline position: validate -> **plans** -> render (the facilitator guide page) and pdf (the
facilitator pack). Both show the same plans because both call `session_plans`.

An authored session is shown as written: its slots in order, each starting where the one before
ended (validation has checked they add up to the session's length). Without content/sessions.yml
every exercise is planned automatically in two formats (`FORMATS`); with it, only the exercises no
session names are, in sessions just long enough for them (`remainder_plans`).

An automatic plan opens with a welcome, takes exercises in the workbook's reading order while they
fit (an exercise that does not fit is left out and the next one is tried), adds a discussion after
each exercise that has discussion prompts, puts a break (if any) at the boundary nearest the middle,
and gives the time left over to the close, so the session ends on time.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from .model import Session
from .wording import Wording


class Timed(Protocol):
    """What planning needs from an exercise (generator.model.Exercise fits)."""

    id: str
    title: str
    minutes: int

    @property
    def facilitator(self) -> object | None: ...


@dataclass(frozen=True)
class SessionFormat:
    title: str
    minutes: int
    break_minutes: int = 0  # one break, placed near the middle; 0 for none
    welcome: int = 10
    close: int = 10  # the least time for the close; spare minutes are added to it
    discussion: int = 5  # after each exercise that has discussion prompts


def formats(words: Wording) -> tuple[SessionFormat, ...]:
    """The formats the guide and the pack show: a 90-minute session and a half day (3½ hours), named in the language."""
    return (
        SessionFormat(words.t("plan.format-session"), 90),
        SessionFormat(words.t("plan.format-half-day"), 210, break_minutes=15),
    )


FORMATS = formats(Wording())


@dataclass(frozen=True)
class Slot:
    start: int  # minutes from the start of the session
    minutes: int
    title: str
    kind: str  # "welcome", "exercise", "discussion", "break", "close", or "activity" (authored)
    exercise: str | None = None  # the exercise id, for "exercise" and (automatic) "discussion" slots
    note: str = ""  # how to run it (authored slots only)

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class SessionPlan:
    title: str
    minutes: int
    slots: tuple[Slot, ...]
    left_out: tuple[str, ...]  # ids of exercises that did not fit, in reading order
    automatic: bool = True  # assembled here, not authored in content/sessions.yml
    purpose: str = ""
    id: str = ""  # the authored session's id (for anchors); "" for automatic plans

    @property
    def exercises(self) -> tuple[str, ...]:
        return tuple(s.exercise for s in self.slots if s.kind == "exercise" and s.exercise)


def clock(minutes: int) -> str:
    """Minutes from the start as h:mm, e.g. 75 -> '1:15'."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def _has_prompts(exercise: Timed) -> bool:
    return bool(getattr(exercise.facilitator, "prompts", None))


def plan_session(exercises: Sequence[Timed], fmt: SessionFormat, wording: Wording | None = None) -> SessionPlan:
    """One session of `fmt.minutes`, filled with exercises in reading order (first fit); its slots
    named in `wording`'s language (`plan.` ids; None: English)."""
    words = wording or Wording()
    budget = fmt.minutes - fmt.welcome - fmt.close - fmt.break_minutes
    chosen: list[Timed] = []
    left_out: list[str] = []
    for ex in exercises:
        need = ex.minutes + (fmt.discussion if _has_prompts(ex) else 0)
        if need <= budget:
            chosen.append(ex)
            budget -= need
        else:
            left_out.append(ex.id)

    blocks: list[list[tuple[int, str, str, str | None]]] = []  # per exercise: its slots (minutes, title, kind, id)
    for ex in chosen:
        block: list[tuple[int, str, str, str | None]] = [(ex.minutes, ex.title, "exercise", ex.id)]
        if _has_prompts(ex):
            block.append((fmt.discussion, words.t("plan.discussion", exercise=ex.title), "discussion", ex.id))
        blocks.append(block)

    break_after = -1  # index of the block the break follows
    if fmt.break_minutes and len(blocks) > 1:
        middle = fmt.minutes / 2
        ends: list[int] = []
        t = fmt.welcome
        for block in blocks[:-1]:
            t += sum(m for m, *_ in block)
            ends.append(t)
        break_after = min(range(len(ends)), key=lambda i: abs(ends[i] + fmt.break_minutes / 2 - middle))

    slots: list[Slot] = []
    t = 0

    def add(minutes: int, title: str, kind: str, exercise: str | None = None) -> None:
        nonlocal t
        slots.append(Slot(t, minutes, title, kind, exercise))
        t += minutes

    add(fmt.welcome, words.t("plan.welcome"), "welcome")
    for i, block in enumerate(blocks):
        for minutes, title, kind, ex_id in block:
            add(minutes, title, kind, ex_id)
        if i == break_after:
            add(fmt.break_minutes, words.t("plan.break"), "break")
    add(fmt.minutes - t, words.t("plan.close"), "close")
    return SessionPlan(fmt.title, fmt.minutes, tuple(slots), tuple(left_out))


def authored_plan(session: Session, titles: Mapping[str, str]) -> SessionPlan:
    """An authored session as a plan: its slots in order, timed from the start (titles: exercise id -> title)."""
    slots: list[Slot] = []
    t = 0
    for slot in session.slots:
        title = titles[slot.exercise] if slot.exercise else (slot.discussion or slot.activity or "")
        slots.append(Slot(t, slot.minutes, title, slot.kind, slot.exercise, slot.note))
        t += slot.minutes
    return SessionPlan(session.title, session.minutes, tuple(slots), (), automatic=False, purpose=session.purpose, id=session.id)


LONGEST = FORMATS[-1]  # the longest automatic session; more exercises than it holds make several
BREAK_AFTER = 120  # a session longer than this gets a break
ROUND_TO = 15  # automatic sessions last a whole number of quarter hours


def _need(exercise: Timed, fmt: SessionFormat) -> int:
    return exercise.minutes + (fmt.discussion if _has_prompts(exercise) else 0)


def remainder_plans(exercises: Sequence[Timed], wording: Wording | None = None) -> list[SessionPlan]:
    """Plans for the exercises no authored session names, in reading order: sessions just long enough
    for them (to the next quarter hour), several when they outgrow the longest format."""
    words = wording or Wording()
    base = LONGEST
    room = base.minutes - base.welcome - base.close - base.break_minutes
    parts: list[list[Timed]] = []
    for ex in exercises:
        if parts and sum(_need(e, base) for e in parts[-1]) + _need(ex, base) <= room:
            parts[-1].append(ex)
        else:
            parts.append([ex])
    plans = []
    for n, part in enumerate(parts, start=1):
        length = base.welcome + sum(_need(e, base) for e in part) + base.close
        pause = base.break_minutes if length > BREAK_AFTER and len(part) > 1 else 0
        minutes = math.ceil((length + pause) / ROUND_TO) * ROUND_TO
        title = words.t("plan.other-exercises-part", part=n) if len(parts) > 1 else words.t("plan.other-exercises")
        plans.append(plan_session(part, SessionFormat(title, minutes, break_minutes=pause), words))
    return plans


def session_plans(exercises: Sequence[Timed], sessions: Sequence[Session] = (), wording: Wording | None = None) -> list[SessionPlan]:
    """The plans the guide and the pack show: the authored sessions, then automatic plans for the
    exercises none of them names; with no authored sessions, every exercise in each of `formats`.
    `wording`: the language of the automatic plans' titles and slots (None: English)."""
    words = wording or Wording()
    if not sessions:
        return [plan_session(exercises, fmt, words) for fmt in formats(words)]
    titles = {ex.id: ex.title for ex in exercises}
    named = {slot.exercise for session in sessions for slot in session.slots if slot.exercise}
    rest = [ex for ex in exercises if ex.id not in named]
    return [authored_plan(s, titles) for s in sessions] + (remainder_plans(rest, words) if rest else [])
