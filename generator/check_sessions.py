"""Stage 2, validate: the session plans of content/sessions.yml against the rest of the workbook.

Pipeline position: validate (after each file matched its model) -> plans. A session's exercises
must exist, each at most once in that session; its slots must add up to its length; session ids are
unique. The file itself is optional: without it every plan is assembled automatically (plans.py).
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from .errors import ContentError, Loc, did_you_mean, dotted
from .load import Loaded
from .model import Sessions

FILE = "sessions.yml"


def sessions_checks(sessions: Sessions, loaded: Loaded, exercises: Iterable[str], broken_exercises: Container[str]) -> list[ContentError]:
    errors: list[ContentError] = []
    known = sorted(exercises)

    def at(loc: Loc, message: str, hint: str, *, key: bool = False) -> None:
        errors.append(ContentError(loaded.file, *loaded.position(loc, key=key), dotted(loc), message, hint))

    seen: dict[str, int] = {}
    for s, session in enumerate(sessions.sessions):
        if session.id in seen:
            at(
                ("sessions", s, "id"),
                f"the session id `{session.id}` is already used by session {seen[session.id] + 1}",
                "give each session its own id",
            )
        else:
            seen[session.id] = s
        placed: dict[str, int] = {}
        for i, slot in enumerate(session.slots):
            eid = slot.exercise
            if eid is None or eid in broken_exercises:  # a broken file is reported on its own
                continue
            if eid not in known:
                at(
                    ("sessions", s, "slots", i, "exercise"),
                    f"no exercise `{eid}` in content/exercises/",
                    did_you_mean(eid, known) or f"create content/exercises/{eid}.yml or remove this slot",
                )
            elif eid in placed:
                at(
                    ("sessions", s, "slots", i, "exercise"),
                    f"`{eid}` is already slot {placed[eid] + 1} of this session",
                    "list each exercise once per session and give that slot all its minutes; "
                    "for a second part, add a `discussion` or `activity` slot",
                )
            else:
                placed[eid] = i
        total = sum(slot.minutes for slot in session.slots)
        if total != session.minutes:
            gap = session.minutes - total
            fix = f"add {gap} minutes to a slot" if gap > 0 else f"take {-gap} minutes from the slots"
            at(
                ("sessions", s, "minutes"),
                f"the slots add up to {total} minutes, but the session is {session.minutes} minutes long",
                f"{fix}, or set `minutes: {total}`",
            )
    return errors
