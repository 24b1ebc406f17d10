"""The messages the project writes to authors (`workbook check`, build errors and notes, the command's
own lines), in the author's language.

Pipeline position: every stage that finds a problem words it with `say(id, **values)` when it makes
the ContentError (or a build failure), so errors stay plain data with their text in them. The ids
and their English are in generator/strings_check.py, other languages in generator/locales/<lang>.yml,
like the readers' wording. Which language: the `workbook` command decides once per run
(`author_language`, from the environment and cli.workbook_language) and speaks it (`speaking`);
code that calls the stages directly (the tests, a program embedding them) gets English unless it
says otherwise.

Why not the workbook's `language`? An author runs the command in a terminal whose locale says which
language they read, as every gettext program assumes; the workbook's language is the next best
guess, for a terminal that says nothing (C/POSIX).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator, Mapping
from contextvars import ContextVar

from babel.numbers import format_decimal

from .strings import languages_with_tables, locale_table
from .wording import Wording

# The variables a gettext program reads for the language of its messages, in the order it reads them.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
# Locales that name no language: the program's own (English) messages.
NO_LANGUAGE = frozenset({"", "C", "POSIX"})

_SPOKEN: ContextVar[str] = ContextVar("author_language", default="en")


def locale_language(value: str) -> str:
    """`es_ES.UTF-8` -> `es`, `pt_BR` -> `pt`, `C.UTF-8` -> "" (a locale naming no language)."""
    name = value.split(".")[0].split("@")[0]
    return "" if name in NO_LANGUAGE else name.split("_")[0].split("-")[0].lower()


def author_language(environ: Mapping[str, str], workbook_language: str | None) -> str:
    """The language of the author's messages: the first locale variable (LANGUAGE may list several,
    `es:en`) naming a language with a strings table; else the workbook's `language` when it has one;
    else English. Pure."""
    tables = set(languages_with_tables())
    for variable in LOCALE_VARIABLES:
        for value in environ.get(variable, "").split(":"):
            language = locale_language(value)
            if language in tables:
                return language
    base = (workbook_language or "").split("-")[0]
    return base if base in tables else "en"


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """Within the block, `say` words messages in `language`."""
    token = _SPOKEN.set(language)
    try:
        yield
    finally:
        _SPOKEN.reset(token)


def spoken() -> str:
    return _SPOKEN.get()


@functools.cache
def _wording(language: str) -> Wording:
    return Wording(language)  # the project's own table: a workbook's `strings:` overrides the readers' words only


def say(key: str, /, **values: object) -> str:
    """The message `key` (an id of generator/strings_check.py) in the author's language, placeholders filled."""
    return str(_wording(spoken()).t(key, **values))


def say_n(key: str, count: float, /, **values: object) -> str:
    """A counted message: the form of `key` for `count` ("1 problem", "3 problems")."""
    return str(_wording(spoken()).tn(key, count, **values))


def number(x: float) -> str:
    """A score or bound as the author's language writes it ("2.5" / "2,5"; "no limit" for infinity)."""
    return _wording(spoken()).number(x)


def whole(n: int) -> str:
    """A large whole number with the language's grouping ("1,048,576" / "1.048.576")."""
    return str(format_decimal(n, locale=_wording(spoken()).locale, group_separator=True))


def and_list(items: list[object]) -> str:
    """ "`a`, `b` and `c`" in the author's language."""
    return str(_wording(spoken()).and_list(items))


def described(key: str, english: str) -> str:
    """A field's description quoted in a hint: generator/model.py's English (also the JSON Schema's, which
    editors show), or the author's language's `field.<Model>.<name>` where its locale table gives one."""
    return locale_table(spoken()).get(key, english) if english else ""
