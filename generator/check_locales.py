"""Stage 2, validate: the interface table (generator/locales/<language>.yml) of each language the
workbook is built in, checked as tests/test_locales.py checks the shipped ones.

A forker who adds a language writes that table by hand; `workbook check` then says, with the line,
which id is misspelt or which placeholder was lost, rather than the site showing a sentence with a
hole in it. Ids the table does not give yet are a note: they show in English until translated.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .check_strings import _braces, _placeholder_problem
from .errors import ContentError, did_you_mean
from .field_errors import field_descriptions
from .load import load_yaml
from .messages import say, say_n
from .strings import DEFAULTS, LOCALES, default_of, placeholders, table_file

SHOWN_MISSING = 5  # ids named in the note about untranslated ids; the rest are counted


def locale_checks(
    languages: list[str], rel: Callable[[Path], str], locales: Path = LOCALES
) -> tuple[list[ContentError], list[ContentError]]:
    """The errors and notes of the tables of `languages` (English needs none: its texts are the defaults)."""
    errors: list[ContentError] = []
    notes: list[ContentError] = []
    for language in dict.fromkeys(languages):
        if language.split("-")[0] == "en":
            continue
        path = table_file(language, locales)
        if path is None:
            where = rel(locales / f"{language.split('-')[0]}.yml")
            message = say("check.locale-none", language=language)
            notes.append(ContentError(where, 0, 0, "", message, say("check.locale-how-hint", name=language.split("-")[0])))
            continue
        found, problems = table_checks(path, rel(path))
        errors += problems
        missing = [key for key in DEFAULTS if key not in found]
        if found and missing:
            named = ", ".join(f"`{key}`" for key in missing[:SHOWN_MISSING])
            if len(missing) > SHOWN_MISSING:
                named = say("check.locale-and-more", named=named, count=len(missing) - SHOWN_MISSING)
            message = say_n("check.locale-missing", len(missing), named=named)
            notes.append(ContentError(rel(path), 0, 0, "", message, say("check.locale-missing-hint")))
    return errors, notes


def table_checks(path: Path, display: str) -> tuple[set[str], list[ContentError]]:
    """One table's ids, and its problems: an id no English text has, a placeholder left out or added,
    a text that is not one (a number, a list, nothing)."""
    loaded, errors = load_yaml(path, display)
    if loaded is None:
        return set(), errors
    if not isinstance(loaded.data, dict):
        message = say("check.locale-not-mapping")
        return set(), [ContentError(display, 1, 1, "", message, say("check.locale-how-hint", name=path.stem))]
    fields = field_descriptions()  # `field.<Model>.<name>`: the model's descriptions quoted in hints
    for key, text in loaded.data.items():
        key = str(key)
        default = fields.get(key) or default_of(key)
        if default is None:
            hint = did_you_mean(key, [*DEFAULTS, *fields]) or say("check.locale-unknown-hint")
            errors.append(ContentError(display, *loaded.position((key,), key=True), key, say("check.string-unknown", id=key), hint))
            continue
        if not isinstance(text, str) or not text.strip():
            errors.append(
                ContentError(display, *loaded.position((key,)), key, say("check.locale-not-text"), say("check.locale-quote-hint"))
            )
            continue
        wanted, given = placeholders(default), placeholders(text)
        problem = _placeholder_problem(_braces(wanted - given), _braces(given - wanted))
        if problem:
            errors.append(
                ContentError(display, *loaded.position((key,)), key, problem, say("check.string-placeholders-hint", default=default))
            )
    return {str(key) for key in loaded.data}, errors
