"""Stage 2, validate: pydantic's validation errors -> ContentErrors an author can act on.

Each error names the field as the author wrote it (`items[2].scale`, not pydantic's tagged path),
with its line and column, what was found, and a hint: the field's own description, the closest
valid choice, or how to write the value.
"""

from __future__ import annotations

import re
import types
import typing
import unicodedata
from typing import Any

from pydantic import BaseModel

from .errors import ContentError, Loc, did_you_mean, dotted
from .load import Loaded
from .model import ITEM_TYPES


def _strip_tags(loc: Loc, data: Any) -> Loc:
    """Pydantic puts the union member's tag into error paths (items.2.likert.scale); drop it."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part not in node and part in ITEM_TYPES and node.get("type") == part:
            continue
        out.append(part)
        node = (
            node.get(part)
            if isinstance(node, dict)
            else (node[part] if isinstance(node, list) and isinstance(part, int) and part < len(node) else None)
        )
    return tuple(out)


def _model_at(model: Any, loc: Loc) -> type[BaseModel] | None:
    """The model class that owns the field at `loc` (for did-you-mean on unknown keys)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current, part)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any, part: str | int) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if isinstance(part, str) and part in annotation.model_fields:
            return annotation.model_fields[part].annotation
        return None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _unwrap(args[0], part)
    if origin in (list, tuple) and isinstance(part, int):
        return args[0]
    if origin in (typing.Union, types.UnionType):
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        if isinstance(part, str):
            for m in models:  # a tag: pick the member whose `type` literal matches
                tag = m.model_fields.get("type")
                if tag is not None and part in typing.get_args(tag.annotation):
                    return m
            for m in models:
                if part in m.model_fields:
                    return m.model_fields[part].annotation
        for a in args:
            if a is not type(None):
                found = _unwrap(a, part)
                if found is not None:
                    return found
    return None


def _field_help(model: type[BaseModel] | None, name: str) -> str:
    if model is None or name not in model.model_fields:
        return ""
    return model.model_fields[name].description or ""


def from_pydantic(err: Any, loaded: Loaded, root_model: type[BaseModel]) -> ContentError:
    raw_loc: Loc = tuple(err["loc"])
    full_loc = raw_loc
    loc = _strip_tags(raw_loc, loaded.data)
    kind = err["type"]
    found = err.get("input")
    line, col = loaded.position(loc)
    path = dotted(loc)

    if kind == "missing":
        parent, name = loc[:-1], str(loc[-1])
        line, col = loaded.position(parent)
        help_ = _field_help(_model_at(root_model, full_loc[:-1]), name)
        return ContentError(
            loaded.file, line, col, path, f"the required field `{name}` is missing", f"add `{name}:`" + (f" ({help_})" if help_ else "")
        )
    if kind == "extra_forbidden":
        name = str(loc[-1])
        line, col = loaded.position(loc, key=True)
        owner = _model_at(root_model, full_loc[:-1])
        allowed = list(owner.model_fields) if owner else []
        return ContentError(loaded.file, line, col, path, f"unknown field `{name}`", did_you_mean(name, allowed) or "remove it")
    if kind == "union_tag_invalid":
        given = err.get("ctx", {}).get("tag", found)
        line, col = loaded.position((*loc, "type"))
        return ContentError(
            loaded.file, line, col, dotted((*loc, "type")), f"unknown item type `{given}`", did_you_mean(str(given), ITEM_TYPES)
        )
    if kind == "union_tag_not_found":
        return ContentError(loaded.file, line, col, path, "the item has no `type`", "add `type:` with one of: " + ", ".join(ITEM_TYPES))
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",") if c.strip()]
        return ContentError(
            loaded.file, line, col, path, f"expected one of {expected}, found {describe(found)}", did_you_mean(str(found), choices)
        )
    if kind == "string_pattern_mismatch":
        if loc and (
            str(loc[-1])
            in ("id", "ideas", "exercises", "exercise", "follow_ups", "history_of", "dimension", "of", "numerator", "denominator")
            or isinstance(loc[-1], int)
        ):
            suggestion = id_like(str(found))
            rule = "ids are lower-case letters a-z and digits, in words joined by hyphens (no spaces or accents)"
            return ContentError(
                loaded.file,
                line,
                col,
                path,
                f"`{found}` is not a valid id",
                f"{rule}, e.g. `{suggestion}`" if suggestion else rule + ", e.g. `job-skills`",
            )
        return ContentError(
            loaded.file,
            line,
            col,
            path,
            f"{describe(found)} is not in the expected form",
            _field_help(_model_at(root_model, full_loc[:-1]), str(loc[-1])),
        )
    if kind in ("too_short", "too_long"):
        what = "list" if isinstance(found, list) else "text"
        minimum = err.get("ctx", {}).get("min_length")
        if kind == "too_short" and isinstance(found, list) and not found:
            return ContentError(
                loaded.file, line, col, path, f"`{loc[-1]}` is empty", f"give at least {minimum} entr{'y' if minimum == 1 else 'ies'}"
            )
        if kind == "too_short" and what == "text":
            return ContentError(loaded.file, line, col, path, f"`{loc[-1]}` is empty", "write something here or remove the field")
        return ContentError(loaded.file, line, col, path, err["msg"].replace("List", "list"), "")
    if kind in _BOUNDS:
        bound = next(iter(err.get("ctx", {}).values()), "")
        return ContentError(
            loaded.file,
            line,
            col,
            path,
            f"expected {_BOUNDS[kind]} {bound}, found {describe(found)}",
            _field_help(_model_at(root_model, full_loc[:-1]), str(loc[-1])),
        )
    expected = {
        "string_type": "text",
        "int_type": "a whole number",
        "int_parsing": "a whole number",
        "int_from_float": "a whole number",
        "float_type": "a number",
        "float_parsing": "a number",
        "finite_number": "a finite number",
        "bool_type": "true or false",
        "bool_parsing": "true or false",
        "list_type": "a list (lines starting with `- `)",
        "model_type": "a mapping of fields",
        "model_attributes_type": "a mapping of fields",
        "dict_type": "a mapping of fields",
    }.get(kind)
    if expected:
        hint = ""
        if kind == "string_type" and isinstance(found, bool):
            hint = "YAML reads unquoted yes, no, on, off, true and false as true or false: put the text in quotes"
        elif kind == "string_type" and isinstance(found, (int, float)):
            hint = f'put it in quotes: "{found}"'
        elif kind == "list_type" and isinstance(found, str):
            hint = f"write it as a list: [{found}]"
        elif kind == "finite_number":
            hint = "YAML reads `.inf` and `.nan` as numbers; to leave a band or a number open-ended, leave its `max` out"
        return ContentError(loaded.file, line, col, path, f"expected {expected}, found {describe(found)}", hint)
    message = str(err["msg"])
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
    return ContentError(loaded.file, line, col, path, message[0].lower() + message[1:], "")


# Pydantic's error types for numbers out of range -> how the message words the bound.
_BOUNDS = {"greater_than_equal": "at least", "greater_than": "more than", "less_than_equal": "at most", "less_than": "less than"}


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}` (true/false)"
    if isinstance(value, (int, float)):
        return f"the number `{value}`"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"the text `{short}`"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def id_like(text: str) -> str:
    """`text` as an id (accents dropped, other characters as hyphens), or "" when nothing is left."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return "-".join(re.sub(r"[^a-z0-9]+", " ", plain).split())
