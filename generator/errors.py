"""Content errors as data.

Every stage of the pipeline returns these instead of raising, so one run reports every problem
in the content, each with the place it was found and, where we can tell, the fix. The message and
the hint are worded when the error is made, in the author's language (generator/messages.py).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .messages import say, say_n

# Where a value sits in a file: ('items', 2, 'dimension').
Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class ContentError:
    file: str  # relative to the project root, e.g. content/exercises/runway.yml
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when unknown
    path: str  # the field, e.g. items[2].dimension; "" for the whole file
    message: str
    hint: str = ""

    def format(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        field = f" {self.path}:" if self.path else ""
        text = f"{where}:{field} {self.message}"
        if self.hint:
            text += "\n    " + say("check.hint", hint=self.hint)
        return text


# What the last line of a report says happens next: `workbook build`, `workbook check`, the live preview.
Outcome = Literal["build", "check", "preview"]


def format_report(errors: list[ContentError], outcome: Outcome = "build") -> str:
    lines = [e.format() for e in sorted(errors)]
    lines.append(say_n(f"check.report-{outcome}", len(errors)))
    return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest valid choice, or listing them when few and none is close."""
    options = sorted(set(choices))
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return say("check.did-you-mean", choice=close[0])
    if options and len(options) <= 12:
        return say("check.one-of", choices=", ".join(f"`{o}`" for o in options))
    return ""


def dotted(path: Loc) -> str:
    """('items', 2, 'dimension') -> 'items[2].dimension'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out
