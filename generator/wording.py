"""The words the build writes, in the language being built: `t(id, **vars)` and `tn(id, count, **vars)`
for templates and Python, numbers and dates formatted the language's way (Babel).

Pipeline position: render.py and pdf.py bind a `Wording` to each language they render (the
language's table, generator/strings.py + locales/<language>.yml, under workbook.yml's `strings:`)
and hand its functions to the templates. Plain text in, plain text out: a template escapes what it
shows, and a placeholder given as Markup (a link) keeps its markup while the wording is escaped.
"""

from __future__ import annotations

import datetime
import functools
import math
from collections.abc import Mapping

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import get_decimal_symbol, get_minus_sign_symbol
from markupsafe import Markup, escape

from .strings import PLACEHOLDER, effective

INF = math.inf


def fmt(x: float) -> str:
    """A number the machine's way, for attributes and as the start of `Wording.number`: "3.2", "5"."""
    return f"{x:g}"


@functools.cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):  # a language Babel does not know is written the English way
        return Locale.parse("en")


def display_name(language: str, in_locale: Locale | None = None) -> str:
    """A language's name in `in_locale` ("inglés"), or in itself ("español"): Babel's data, else the code."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
        return locale.get_display_name(in_locale or locale) or language
    except (UnknownLocaleError, ValueError):
        return language


class Wording:
    """One language's table and formats."""

    def __init__(self, language: str = "en", overrides: Mapping[str, str] | None = None) -> None:
        self.language = language
        self.table = effective(dict(overrides or {}), language)
        self.locale = _locale(language)
        # Looked up once: Babel reads them from its locale data on every call, and a page writes hundreds of numbers.
        self._minus, self._decimal = get_minus_sign_symbol(self.locale), get_decimal_symbol(self.locale)

    def t(self, key: str, /, **values: object) -> str:
        """The text of `key` with its {placeholders} filled; Markup when a value is Markup (then the text is escaped)."""
        text = self.table[key]  # a KeyError names an id missing from generator/strings_build.py
        if not any(isinstance(v, Markup) for v in values.values()):
            return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)
        parts = PLACEHOLDER.split(text)  # text, name, text, name, ..., text
        return Markup("").join(escape(p) if i % 2 == 0 else escape(values.get(p, "{" + p + "}")) for i, p in enumerate(parts))

    def plural_key(self, key: str, count: float) -> str:
        """`key.<category>` by the language's plural rule for `count` (`.one`, `.few`, `.many`...);
        `.other` when the table has no such form."""
        category = self.locale.plural_form(abs(count))
        return f"{key}.{category}" if f"{key}.{category}" in self.table else f"{key}.other"

    def tn(self, key: str, count: float, /, **values: object) -> str:
        """A counted phrase: the form of `key` for `count`, with `{count}` filled in (as a number of the language)."""
        return self.t(self.plural_key(key, count), count=self.number(count), **values)

    def number(self, x: float) -> str:
        """A score or count as the language writes it: "3.2" in English, "3,2" in Spanish; no grouping, as on a score key."""
        if x == INF:
            return self.t("number.no-limit")
        if x == -INF:
            return self.t("number.minus-infinity")
        return self.localise(fmt(x))

    def localise(self, text: str) -> str:
        """A number already written the machine's way ("-3.2", "72%") in the language's symbols."""
        return text.replace("-", self._minus).replace(".", self._decimal)

    def language_name(self, language: str) -> str:
        """Another language's name in this one ("inglés" on a Spanish page)."""
        return display_name(language, self.locale)

    def and_list(self, items: list[object]) -> str:
        """ "1, 2 and 3" in the language (`list.sep`, `list.and`)."""
        if any(isinstance(i, Markup) for i in items):  # parts already written as HTML keep their markup
            parts = [escape(i) for i in items]
            if len(parts) < 2:
                return Markup("").join(parts)
            return self.t("list.and", rest=escape(self.t("list.sep")).join(parts[:-1]), last=parts[-1])
        words = [str(i) for i in items]
        if len(words) < 2:
            return "".join(words)
        return self.t("list.and", rest=self.t("list.sep").join(words[:-1]), last=words[-1])

    def date(self, year: int, month: int, day: int | None = None) -> str:
        """A day or a month: "4 March 2011" / "March 2011" in English (the workbook's style), "4 de marzo de 2011" /
        "marzo de 2011" in Spanish: each language's own long date."""
        when = datetime.date(year, month, day or 1)
        if self.locale.language == "en":
            return format_date(when, "d MMMM y" if day else "MMMM y", locale=self.locale)
        if day:
            return format_date(when, "long", locale=self.locale)
        pattern = self.locale.datetime_skeletons.get("yMMMM")
        return format_date(when, str(pattern) if pattern is not None else "MMMM y", locale=self.locale)
