"""Stage 2, validate: `strings:` in workbook.yml, the overrides of the interface wording."""

from __future__ import annotations

from .errors import ContentError, Loc, did_you_mean, dotted
from .load import Loaded
from .model import Workbook
from .strings import DEFAULTS as STRINGS
from .strings import default_of, placeholders


def strings_checks(workbook: Workbook, wb: Loaded) -> list[ContentError]:
    """Overrides of the scripts' wording: known ids only, each keeping its default's placeholders."""
    errors: list[ContentError] = []
    for key, text in workbook.strings.items():
        loc: Loc = ("strings", key)
        default = default_of(key)
        if default is None:
            errors.append(
                ContentError(
                    wb.file,
                    *wb.position(loc, key=True),
                    dotted(loc),
                    f"unknown string id `{key}`",
                    did_you_mean(key, STRINGS)
                    or "the ids are listed, with their default text, in generator/strings.py (the scripts') "
                    "and generator/strings_build.py (the pages' and PDFs')",
                )
            )
            continue
        wanted, given = placeholders(default), placeholders(text)
        problems = [f"leaves out {_braces(wanted - given)}"] if wanted - given else []
        problems += [f"has {_braces(given - wanted)}, which this string does not fill"] if given - wanted else []
        if problems:
            errors.append(
                ContentError(
                    wb.file,
                    *wb.position(loc),
                    dotted(loc),
                    "the text " + " and ".join(problems),
                    f"keep the placeholders of the default text, `{default}`",
                )
            )
    return errors


def _braces(names: set[str]) -> str:
    return ", ".join(f"`{{{n}}}`" for n in sorted(names))
