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

from . import model as model_module
from .errors import ContentError, Loc, did_you_mean, dotted
from .load import Loaded
from .messages import and_list, described, number, say, say_n
from .model import ITEM_TYPES, PROBLEM


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
    """The field's description, as a hint: the model's English (the JSON Schema's too), or its translation."""
    if model is None or name not in model.model_fields:
        return ""
    return described(field_key(model, name), model.model_fields[name].description or "")


def field_descriptions() -> dict[str, str]:
    """Every described field of the content model, by its id in the locale tables, with its English description."""
    out: dict[str, str] = {}
    for cls in vars(model_module).values():
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__ == model_module.__name__:
            out |= {field_key(cls, name): info.description for name, info in cls.model_fields.items() if info.description}
    return out


def field_key(model: type[BaseModel], name: str) -> str:
    """The id of a field's description in a locale table: `field.<the class that declares it>.<name>`."""
    owner = next((c for c in model.__mro__ if name in getattr(c, "__annotations__", {})), model)
    return f"field.{owner.__name__}.{name}"


def from_pydantic(err: Any, loaded: Loaded, root_model: type[BaseModel]) -> ContentError:
    raw_loc: Loc = tuple(err["loc"])
    full_loc = raw_loc
    loc = _strip_tags(raw_loc, loaded.data)
    kind = err["type"]
    found = err.get("input")
    ctx = err.get("ctx", {})
    line, col = loaded.position(loc)
    path = dotted(loc)

    def error(message: str, hint: str = "") -> ContentError:
        return ContentError(loaded.file, line, col, path, message, hint)

    def field_help() -> str:
        return _field_help(_model_at(root_model, full_loc[:-1]), str(loc[-1]))

    if kind == "missing":
        parent, name = loc[:-1], str(loc[-1])
        line, col = loaded.position(parent)
        help_ = _field_help(_model_at(root_model, full_loc[:-1]), name)
        hint = say("check.field-missing-help-hint", name=name, help=help_) if help_ else say("check.field-missing-hint", name=name)
        return error(say("check.field-missing", name=name), hint)
    if kind == "extra_forbidden":
        name = str(loc[-1])
        line, col = loaded.position(loc, key=True)
        owner = _model_at(root_model, full_loc[:-1])
        allowed = list(owner.model_fields) if owner else []
        return error(say("check.field-unknown", name=name), did_you_mean(name, allowed) or say("check.remove-it-hint"))
    if kind == "union_tag_invalid":
        given = ctx.get("tag", found)
        line, col = loaded.position((*loc, "type"))
        path = dotted((*loc, "type"))
        return error(say("check.item-type-unknown", type=given), did_you_mean(str(given), ITEM_TYPES))
    if kind == "union_tag_not_found":
        return error(say("check.item-type-missing"), say("check.item-type-missing-hint", types=", ".join(ITEM_TYPES)))
    if kind == "literal_error":
        # pydantic lists the choices in English ("'a', 'b' or 'c'"): the list is joined again in the author's language
        choices = [c.strip(" '") for c in str(ctx.get("expected", "")).replace(" or ", ", ").split(",") if c.strip()]
        quoted = [f"'{c}'" for c in choices]
        expected = say("check.or-list", rest=", ".join(quoted[:-1]), last=quoted[-1]) if len(quoted) > 1 else "".join(quoted)
        return error(say("check.expected-one-of", expected=expected, found=describe(found)), did_you_mean(str(found), choices))
    if kind == "string_pattern_mismatch":
        if loc and (str(loc[-1]) in ID_FIELDS or isinstance(loc[-1], int)):
            return error(say("check.invalid-id", value=found), say("check.invalid-id-hint", example=id_like(str(found)) or "job-skills"))
        return error(say("check.wrong-form", found=describe(found)), field_help())
    if kind in ("too_short", "too_long"):
        if kind == "too_short" and isinstance(found, list) and not found:
            minimum = ctx.get("min_length", 1)
            return error(say("check.field-empty", name=loc[-1]), say_n("check.give-at-least", minimum))
        if kind == "too_short" and not isinstance(found, list):
            return error(say("check.field-empty", name=loc[-1]), say("check.text-empty-hint"))
        limit = ctx.get("min_length" if kind == "too_short" else "max_length", 0)
        return error(say_n(f"check.list-{kind.replace('_', '-')}", limit, actual=ctx.get("actual_length", "")))
    if kind in ("string_too_short", "string_too_long"):
        limit = ctx.get("min_length" if kind == "string_too_short" else "max_length", 0)
        return error(say_n(f"check.text-{kind.removeprefix('string_').replace('_', '-')}", limit))
    if kind in _BOUNDS:
        bound = next(iter(ctx.values()), "")
        shown = number(bound) if isinstance(bound, int | float) and not isinstance(bound, bool) else bound  # "0,5" in Spanish
        return error(say(_BOUNDS[kind], bound=shown, found=describe(found)), field_help())
    kind_expected = _EXPECTED.get(kind)
    if kind_expected:
        hint = ""
        if kind == "string_type" and isinstance(found, bool):
            hint = say("check.bool-text-hint")
        elif kind == "string_type" and isinstance(found, (int, float)):
            hint = say("check.quote-it-hint", value=found)
        elif kind == "list_type" and isinstance(found, str):
            hint = say("check.as-list-hint", value=found)
        elif kind == "finite_number":
            hint = say("check.infinite-hint")
        return error(say("check.expected", expected=say(kind_expected), found=describe(found)), hint)
    return error(pydantic_message(err))


# Fields whose values are ids: a value not in the id form gets the rule and an example.
ID_FIELDS = ("id", "ideas", "exercises", "exercise", "follow_ups", "history_of", "dimension", "of", "numerator", "denominator")

# Pydantic's error types for numbers out of range -> the message that words the bound.
_BOUNDS = {
    "greater_than_equal": "check.bound-ge",
    "greater_than": "check.bound-gt",
    "less_than_equal": "check.bound-le",
    "less_than": "check.bound-lt",
}

# Pydantic's error types for a value of the wrong kind -> the kind expected.
_EXPECTED = {
    "string_type": "check.kind-text",
    "int_type": "check.kind-whole",
    "int_parsing": "check.kind-whole",
    "int_from_float": "check.kind-whole",
    "float_type": "check.kind-number",
    "float_parsing": "check.kind-number",
    "finite_number": "check.kind-finite",
    "bool_type": "check.kind-bool",
    "bool_parsing": "check.kind-bool",
    "list_type": "check.kind-list",
    "model_type": "check.kind-mapping",
    "model_attributes_type": "check.kind-mapping",
    "dict_type": "check.kind-mapping",
}


def pydantic_message(err: Any) -> str:
    """The message of an error no rule above rewrites: a model validator's problem (model.py's `problem`,
    an id and its values) in the author's language; anything else in pydantic's own (English) words."""
    if err["type"] == PROBLEM:
        values = {k: _value(v) for k, v in err.get("ctx", {}).items()}
        return say(str(err["msg"]), **values)
    message = str(err["msg"]).removeprefix("Value error, ")
    return message[0].lower() + message[1:]


def _value(value: Any) -> str:
    """A value filled into a message: numbers as the author's language writes them, lists joined as a list."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number(value)
    if isinstance(value, list):
        return and_list(value)
    return str(value)


def describe(value: Any) -> str:
    if value is None:
        return say("check.value-nothing")
    if isinstance(value, bool):
        return say("check.value-bool", value=str(value).lower())
    if isinstance(value, (int, float)):
        return say("check.value-number", value=value)
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return say("check.value-text", value=short)
    if isinstance(value, list):
        return say("check.value-list")
    if isinstance(value, dict):
        return say("check.value-mapping")
    return type(value).__name__


def id_like(text: str) -> str:
    """`text` as an id (accents dropped, other characters as hyphens), or "" when nothing is left."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return "-".join(re.sub(r"[^a-z0-9]+", " ", plain).split())
