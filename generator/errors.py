"""Content errors as data.

Every stage of the pipeline returns these instead of raising, so one run reports every problem
in the content, each with the place it was found and, where we can tell, the fix.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

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
            text += f"\n    hint: {self.hint}"
        return text


def format_report(errors: list[ContentError]) -> str:
    lines = [e.format() for e in sorted(errors)]
    count = len(errors)
    lines.append(f"{count} problem{'s' if count != 1 else ''} found in the content; nothing was built.")
    return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest valid choice, or listing them when few and none is close."""
    options = sorted(set(choices))
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`?"
    if options and len(options) <= 12:
        return "expected one of: " + ", ".join(f"`{o}`" for o in options)
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
