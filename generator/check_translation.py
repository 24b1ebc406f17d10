"""Stage 2, validate: a translation keeps its original's structure and gives all of its text.

A translation (`network-map.es.yml` beside `network-map.yml`) is read as plain data and laid over
its original: the fields listed in TEXT come from the translation, every other value from the
original. Answers are keyed by exercise and item id, so a translation that changed an id, an item
type, an option's value, a band's bounds or the length of a list would score the same answers
differently in another language: each such change is an error, as is a text field the original has
and the translation lacks (the reader would meet English in the middle of Spanish).

Pure: plain data in, merged data and ContentErrors out. translations.py finds the files and turns
the merged data into model objects.
"""

from __future__ import annotations

from typing import Any

from .errors import ContentError, Loc, dotted
from .load import Loaded
from .messages import say, say_n

# Where text sits in each kind of file; "*" stands for any position in a list. Everything else is
# structure: ids, types, values, bounds, references, dates and the sources' credits (an article is
# credited by its title as published, so a source's `title`, `author` and `publication` stay).
TEXT: dict[str, frozenset[tuple[str, ...]]] = {
    "workbook": frozenset(
        {
            ("title",),
            ("subtitle",),
            ("short_name",),  # under the icon of the installed app, in the language's own manifest
            ("author",),
            ("licence",),
            ("chapters", "*", "title"),
            ("chapters", "*", "introduction"),
        }
    ),
    "source": frozenset({("summary",), ("ideas", "*", "title"), ("ideas", "*", "summary")}),
    "exercise": frozenset(
        {
            ("title",),
            ("introduction",),
            ("instructions",),
            ("scale", "*"),
            ("items", "*", "text"),
            ("items", "*", "help"),
            ("items", "*", "unit"),
            ("items", "*", "scale", "*"),
            ("items", "*", "options", "*", "label"),
            ("items", "*", "row_labels", "*"),
            ("items", "*", "columns", "*", "label"),
            ("items", "*", "columns", "*", "options", "*", "label"),
            ("scoring", "dimensions", "*", "label"),
            ("scoring", "dimensions", "*", "bands", "*", "label"),
            ("scoring", "dimensions", "*", "bands", "*", "text"),
            ("scoring", "dimensions", "*", "bands", "*", "next"),
            ("scoring", "overall", "label"),
            ("scoring", "overall", "bands", "*", "label"),
            ("scoring", "overall", "bands", "*", "text"),
            ("scoring", "overall", "bands", "*", "next"),
            ("reflection", "*"),
            ("facilitator", "notes"),
            ("facilitator", "prompts", "*"),
        }
    ),
    # Session plans: the minutes, the exercises named and the order of sessions and slots are the
    # original's, so every language runs the same workshop; an exercise slot's title is the exercise's.
    "sessions": frozenset(
        {
            ("sessions", "*", "title"),
            ("sessions", "*", "purpose"),
            ("sessions", "*", "slots", "*", "activity"),
            ("sessions", "*", "slots", "*", "discussion"),
            ("sessions", "*", "slots", "*", "note"),
        }
    ),
}

# Text the model fills in, in English, when the original leaves it out: a translation may give it
# (and must, where the page would show it), with as many entries as the default has.
DEFAULTED: dict[str, dict[tuple[str, ...], Any]] = {
    "exercise": {
        ("scale",): ["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"],
        ("scoring", "overall", "label"): "Overall",
    },
}


def _pattern(loc: Loc) -> tuple[str, ...]:
    return tuple("*" if isinstance(part, int) else part for part in loc)


def _is_text(kind: str, loc: Loc) -> bool:
    return _pattern(loc) in TEXT[kind]


def _holds_text(kind: str, loc: Loc) -> bool:
    """Whether any text field lies at or under `loc`."""
    pattern = _pattern(loc)
    return any(t[: len(pattern)] == pattern for t in TEXT[kind])


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, (dict, list)):
        return say("check.value-mapping") if isinstance(value, dict) else say("check.value-list-of", count=len(value))
    if value is None:
        return say("check.value-nothing")
    return f"`{value}`"


def _same(a: Any, b: Any) -> bool:
    # 1 and 1.0 are the same value; true and 1 are not.
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return bool(a == b)


def overlay(original: Loaded, translation: Loaded, kind: str, language: str) -> tuple[Any, list[ContentError]]:
    """The original's data with the translation's text laid over it, and every structural change or
    missing text, placed in the translation's file."""
    errors: list[ContentError] = []

    def where(loc: Loc) -> str:
        line, _ = original.position(loc)
        return f"{original.file}:{line}"

    def error(loc: Loc, message: str, hint: str, *, key: bool = False, at: Loc | None = None) -> None:
        # A field that is missing is placed where its parent is, as pydantic's "missing" errors are.
        place = translation.position(loc if at is None else at, key=key)
        errors.append(ContentError(translation.file, *place, dotted(loc), message, hint))

    def missing(loc: Loc) -> None:
        name = dotted(loc[-1:]) if isinstance(loc[-1], str) else dotted(loc)
        error(
            loc,
            say("check.tr-leaves-out", field=dotted(loc), where=where(loc)),
            say("check.tr-leaves-out-hint", name=name, language=language),
            at=loc[:-1],
        )

    def merge(orig: Any, trans: Any, loc: Loc) -> Any:
        if isinstance(orig, dict) and isinstance(trans, dict):
            out: dict[str, Any] = {}
            for key, value in orig.items():
                here = (*loc, key)
                if key in trans:
                    out[key] = merge(value, trans[key], here)
                elif _holds_text(kind, here):
                    missing(here)
                    out[key] = value
                else:
                    out[key] = value  # structure the translation need not repeat
            for key, value in trans.items():
                here = (*loc, key)
                if key in orig:
                    continue
                default = DEFAULTED.get(kind, {}).get(_pattern(here))
                if default is not None:
                    out[key] = merge(default, value, here)
                else:
                    error(
                        here,
                        say("check.tr-not-in-original", key=key, file=original.file),
                        say("check.tr-not-in-original-hint"),
                        key=True,
                    )
            return out
        if isinstance(orig, list) and isinstance(trans, list):
            if len(orig) != len(trans):
                error(
                    loc,
                    say_n("check.tr-entries", len(trans), original=len(orig), where=where(loc)),
                    say("check.tr-entries-hint"),
                )
                return orig
            return [merge(o, t, (*loc, i)) for i, (o, t) in enumerate(zip(orig, trans, strict=True))]
        if _is_text(kind, loc) and not isinstance(orig, (dict, list)):
            return trans
        if isinstance(orig, (dict, list)) or isinstance(trans, (dict, list)) or not _same(orig, trans):
            error(
                loc,
                say("check.tr-changed", given=_shown(trans), original=_shown(orig), where=where(loc)),
                say("check.tr-changed-hint"),
            )
        return orig

    merged = merge(original.data, translation.data, ())
    for loc, default in DEFAULTED.get(kind, {}).items():
        if _needs(kind, original.data, loc) and _get(translation.data, loc) is None:
            shown = ", ".join(f"`{d}`" for d in default) if isinstance(default, list) else f"`{default}`"
            error(
                loc,
                say("check.tr-default-shown", field=loc[-1], default=shown),
                say("check.tr-default-labels-hint", field=loc[-1], language=language, count=len(default))
                if isinstance(default, list)
                else say("check.tr-default-hint", field=loc[-1], language=language),
                at=loc[:-1],
            )
    return merged, errors


def _get(data: Any, loc: Loc) -> Any:
    for part in loc:
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def _needs(kind: str, data: Any, loc: tuple[str, ...]) -> bool:
    """Whether the page shows the English default at `loc` (the original leaves it out, and uses it)."""
    if kind != "exercise" or not isinstance(data, dict) or _get(data, loc) is not None:
        return False
    if loc == ("scale",):
        items = data.get("items")
        return isinstance(items, list) and any(isinstance(i, dict) and i.get("type") == "likert" and "scale" not in i for i in items)
    return isinstance(_get(data, loc[:-1]), dict)
