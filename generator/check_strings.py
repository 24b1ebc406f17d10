"""Stage 2, validate: `strings:` in workbook.yml, the overrides of the interface wording."""

from __future__ import annotations

from .errors import ContentError, Loc, did_you_mean, dotted
from .load import Loaded
from .messages import say
from .model import Workbook
from .strings import DEFAULTS as STRINGS
from .strings import default_of, defaults_for, overridable, placeholders, plural_variant


def strings_checks(workbook: Workbook, wb: Loaded) -> list[ContentError]:
    """Overrides of the scripts' wording: known ids only, each keeping its default's placeholders."""
    errors: list[ContentError] = []
    for key, text in workbook.strings.items():
        loc: Loc = ("strings", key)
        default = default_of(key)
        if default is None or not overridable(key):  # the messages to authors are not the readers' words
            hint = did_you_mean(key, filter(overridable, STRINGS)) or say("check.string-unknown-hint")
            errors.append(ContentError(wb.file, *wb.position(loc, key=True), dotted(loc), say("check.string-unknown", id=key), hint))
            continue
        problem = _placeholder_problem(
            _braces(placeholders(default) - placeholders(text)), _braces(placeholders(text) - placeholders(default))
        )
        if problem:
            # the default as the workbook's language has it: what the override replaces
            local = defaults_for(workbook.language)
            shown = local.get(key) or local.get(plural_variant(key) or "", default)
            errors.append(
                ContentError(wb.file, *wb.position(loc), dotted(loc), problem, say("check.string-placeholders-hint", default=shown))
            )
    return errors


def _placeholder_problem(missing: str, extra: str) -> str:
    """What is wrong with an override's placeholders ("" when nothing): some left out, some it may not have, or both."""
    if missing and extra:
        return say("check.string-both", missing=missing, extra=extra)
    if missing:
        return say("check.string-leaves-out", missing=missing)
    return say("check.string-extra", extra=extra) if extra else ""


def _braces(names: set[str]) -> str:
    return ", ".join(f"`{{{n}}}`" for n in sorted(names))
