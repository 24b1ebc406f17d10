"""Stage 2, validate: the session plans of content/sessions.yml against the rest of the workbook.

Pipeline position: validate (after each file matched its model) -> plans. A session's exercises
must exist, each at most once in that session; its slots must add up to its length; session ids are
unique. The file itself is optional: without it every plan is assembled automatically (plans.py).
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from .errors import ContentError, Loc, did_you_mean, dotted
from .load import Loaded
from .messages import say, say_n
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
                say("check.session-id-used", id=session.id, number=seen[session.id] + 1),
                say("check.session-id-used-hint"),
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
                    say("check.no-exercise-file", id=eid),
                    did_you_mean(eid, known) or say("check.create-exercise-slot-hint", id=eid),
                )
            elif eid in placed:
                at(
                    ("sessions", s, "slots", i, "exercise"),
                    say("check.slot-twice", id=eid, number=placed[eid] + 1),
                    say("check.slot-twice-hint"),
                )
            else:
                placed[eid] = i
        total = sum(slot.minutes for slot in session.slots)
        if total != session.minutes:
            gap = session.minutes - total
            fix = say_n("check.slots-add-hint", gap, total=total) if gap > 0 else say_n("check.slots-take-hint", -gap, total=total)
            at(("sessions", s, "minutes"), say("check.slots-sum", total=total, minutes=session.minutes), fix)
    return errors
