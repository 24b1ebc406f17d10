"""Stage 2, validate: loaded YAML -> the checked content model, or every problem found.

First each file is checked against its model (generator/model.py); then the checks that need
several files at once: ids unique, references resolve, scored items name declared dimensions and
bands cover every reachable score exactly once. Problems are collected, never raised.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import spec as scoring
from .errors import ContentError, did_you_mean, dotted
from .load import Loaded, load_yaml
from .model import ITEM_TYPES, Choice, Exercise, Number, Source, Table, Workbook
from .strings import DEFAULTS as STRINGS
from .strings import placeholders

Loc = tuple[str | int, ...]


@dataclass
class Content:
    """Everything the renderer needs, already checked."""

    root: Path
    workbook: Workbook
    sources: list[Source]
    exercises: dict[str, Exercise]  # in reading order (chapter by chapter)
    pages: dict[str, str]  # page id (file stem) -> Markdown
    assets: list[Path] = field(default_factory=list)  # extra files under content/ (e.g. the logo)

    def chapter_of(self, exercise_id: str) -> str:
        return next(c.id for c in self.workbook.chapters if exercise_id in c.exercises)


def validate_content(root: Path) -> tuple[Content | None, list[ContentError]]:
    """Load and check content/ under the project `root`."""
    content_dir = root / "content"
    errors: list[ContentError] = []

    def rel(p: Path) -> str:
        return p.relative_to(root).as_posix() if p.is_relative_to(root) else str(p)

    if not (content_dir / "workbook.yml").is_file():
        return None, [
            ContentError(
                rel(content_dir / "workbook.yml"),
                0,
                0,
                "",
                "the file is missing",
                "every workbook needs content/workbook.yml with its title and chapters",
            )
        ]

    workbook, wb_loaded = _check_file(content_dir / "workbook.yml", rel(content_dir / "workbook.yml"), Workbook, errors)
    sources, broken_sources = _check_folder(content_dir / "sources", Source, rel, errors)
    exercises, broken_exercises = _check_folder(content_dir / "exercises", Exercise, rel, errors)
    pages = {p.stem: p.read_text(encoding="utf-8", errors="replace") for p in sorted((content_dir / "pages").glob("*.md"))}

    if workbook is None or wb_loaded is None:
        return None, errors
    # A file that failed its own checks is still "there": references to it are not reported again.
    errors += _cross_checks(
        workbook, wb_loaded, sources, exercises, pages, content_dir, rel, broken_exercises, complete_ideas=not broken_sources
    )
    if errors:
        return None, errors

    ordered = {eid: exercises[eid][0] for ch in workbook.chapters for eid in ch.exercises}
    assets = [content_dir / workbook.theme.logo] if workbook.theme.logo else []
    return Content(root, workbook, [s for s, _ in sources.values()], ordered, pages, assets), []


# --- one file -----------------------------------------------------------------------------------


def _check_file(path: Path, display: str, model: type[BaseModel], errors: list[ContentError]) -> tuple[Any, Loaded | None]:
    loaded, load_errors = load_yaml(path, display)
    errors += load_errors
    if loaded is None:
        return None, None
    if not isinstance(loaded.data, dict):
        errors.append(
            ContentError(
                display,
                1,
                1,
                "",
                f"expected a mapping of fields (`title: …`), found {_describe(loaded.data)}",
                f"see the other files in {Path(display).parent.as_posix()}/ for the shape",
            )
        )
        return None, loaded
    try:
        return model.model_validate(loaded.data), loaded
    except ValidationError as exc:
        errors += [_from_pydantic(e, loaded, model) for e in exc.errors()]
        return None, loaded


def _check_folder(
    folder: Path, model: type[BaseModel], rel: Any, errors: list[ContentError]
) -> tuple[dict[str, tuple[Any, Loaded]], set[str]]:
    """The files that passed, by id, and the stems of those that did not."""
    out: dict[str, tuple[Any, Loaded]] = {}
    broken: set[str] = set()
    for path in sorted(folder.glob("*.y*ml")):
        obj, loaded = _check_file(path, rel(path), model, errors)
        if obj is None or loaded is None:
            broken.add(path.stem)
            continue
        if obj.id != path.stem:
            line, col = loaded.position(("id",))
            errors.append(
                ContentError(
                    loaded.file,
                    line,
                    col,
                    "id",
                    f"the id `{obj.id}` does not match the file name `{path.name}`",
                    f"rename the file to `{obj.id}{path.suffix}` or set `id: {path.stem}`",
                )
            )
            broken.add(path.stem)
            continue
        out[obj.id] = (obj, loaded)
    return out, broken


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


def _from_pydantic(err: Any, loaded: Loaded, root_model: type[BaseModel]) -> ContentError:
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
            loaded.file, line, col, path, f"expected one of {expected}, found {_describe(found)}", did_you_mean(str(found), choices)
        )
    if kind == "string_pattern_mismatch":
        if loc and (
            str(loc[-1]) in ("id", "ideas", "exercises", "follow_ups", "dimension", "of", "numerator", "denominator")
            or isinstance(loc[-1], int)
        ):
            suggestion = "-".join("".join(ch if ch.isalnum() else " " for ch in str(found).lower()).split())
            return ContentError(
                loaded.file,
                line,
                col,
                path,
                f"`{found}` is not a valid id",
                f"ids are lower-case words joined by hyphens, e.g. `{suggestion or 'job-skills'}`",
            )
        return ContentError(
            loaded.file,
            line,
            col,
            path,
            f"{_describe(found)} is not in the expected form",
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
    expected = {
        "string_type": "text",
        "int_type": "a whole number",
        "int_parsing": "a whole number",
        "int_from_float": "a whole number",
        "float_type": "a number",
        "float_parsing": "a number",
        "bool_type": "true or false",
        "bool_parsing": "true or false",
        "list_type": "a list (lines starting with `- `)",
        "model_type": "a mapping of fields",
        "model_attributes_type": "a mapping of fields",
        "dict_type": "a mapping of fields",
    }.get(kind)
    if expected:
        hint = ""
        if kind == "string_type" and isinstance(found, (int, float, bool)):
            hint = f'put it in quotes: "{found}"'
        elif kind == "list_type" and isinstance(found, str):
            hint = f"write it as a list: [{found}]"
        return ContentError(loaded.file, line, col, path, f"expected {expected}, found {_describe(found)}", hint)
    message = str(err["msg"])
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
    return ContentError(loaded.file, line, col, path, message[0].lower() + message[1:], "")


def _describe(value: Any) -> str:
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


# --- across files -------------------------------------------------------------------------------


def _cross_checks(
    workbook: Workbook,
    wb: Loaded,
    sources: dict[str, tuple[Source, Loaded]],
    exercises: dict[str, tuple[Exercise, Loaded]],
    pages: dict[str, str],
    content_dir: Path,
    rel: Any,
    broken_exercises: set[str],
    complete_ideas: bool,
) -> list[ContentError]:
    errors: list[ContentError] = []

    def at(loaded: Loaded, loc: Loc, message: str, hint: str = "") -> None:
        errors.append(ContentError(loaded.file, *loaded.position(loc), dotted(loc), message, hint))

    # Ideas: unique across all sources.
    idea_home: dict[str, str] = {}
    for _sid, (source, loaded) in sources.items():
        for i, idea in enumerate(source.ideas):
            if idea.id in idea_home:
                at(
                    loaded,
                    ("ideas", i, "id"),
                    f"the idea id `{idea.id}` is already used in {idea_home[idea.id]}",
                    "give each idea its own id",
                )
            else:
                idea_home[idea.id] = loaded.file

    # Chapters and pages in workbook.yml.
    placed: dict[str, str] = {}
    seen_chapters: set[str] = set()
    for c, chapter in enumerate(workbook.chapters):
        if chapter.id in seen_chapters:
            at(wb, ("chapters", c, "id"), f"the chapter id `{chapter.id}` is used twice", "give each chapter its own id")
        seen_chapters.add(chapter.id)
        for e, eid in enumerate(chapter.exercises):
            if eid in broken_exercises:
                placed[eid] = chapter.id
            elif eid not in exercises:
                at(
                    wb,
                    ("chapters", c, "exercises", e),
                    f"no exercise `{eid}` in content/exercises/",
                    did_you_mean(eid, exercises) or f"create content/exercises/{eid}.yml or remove this line",
                )
            elif eid in placed:
                at(
                    wb,
                    ("chapters", c, "exercises", e),
                    f"the exercise `{eid}` is already in chapter `{placed[eid]}`",
                    "list each exercise in one chapter only",
                )
            else:
                placed[eid] = chapter.id
    for eid, (_, loaded) in exercises.items():
        if eid not in placed:
            errors.append(
                ContentError(
                    loaded.file,
                    1,
                    1,
                    "",
                    f"the exercise `{eid}` is in no chapter, so readers could not find it",
                    "add its id to a chapter's `exercises` in content/workbook.yml",
                )
            )
    if "index" not in pages:
        errors.append(
            ContentError(rel(content_dir / "pages" / "index.md"), 0, 0, "", "the home page is missing", "write content/pages/index.md")
        )
    for p, page in enumerate(workbook.pages):
        if page == "index":
            at(wb, ("pages", p), "`index` is the home page and is always first", "remove it from `pages`")
        elif page not in pages:
            at(
                wb,
                ("pages", p),
                f"no page `{page}.md` in content/pages/",
                did_you_mean(page, [k for k in pages if k != "index"]) or f"create content/pages/{page}.md",
            )
    if workbook.theme.logo and not (content_dir / workbook.theme.logo).is_file():
        at(
            wb,
            ("theme", "logo"),
            f"no file `{workbook.theme.logo}` in content/",
            "put the image under content/ and give its path relative to content/",
        )
    errors += _strings_checks(workbook, wb)

    for exercise, loaded in exercises.values():
        errors += _exercise_checks(exercise, loaded, set(idea_home) if complete_ideas else None, set(exercises) | broken_exercises)
    return errors


def _strings_checks(workbook: Workbook, wb: Loaded) -> list[ContentError]:
    """Overrides of the scripts' wording: known ids only, each keeping its default's placeholders."""
    errors: list[ContentError] = []
    for key, text in workbook.strings.items():
        loc: Loc = ("strings", key)
        if key not in STRINGS:
            errors.append(
                ContentError(
                    wb.file,
                    *wb.position(loc, key=True),
                    dotted(loc),
                    f"unknown string id `{key}`",
                    did_you_mean(key, STRINGS) or "the ids are listed, with their default text, in generator/strings.py",
                )
            )
            continue
        wanted, given = placeholders(STRINGS[key]), placeholders(text)
        problems = [f"leaves out {_braces(wanted - given)}"] if wanted - given else []
        problems += [f"has {_braces(given - wanted)}, which this string does not fill"] if given - wanted else []
        if problems:
            errors.append(
                ContentError(
                    wb.file,
                    *wb.position(loc),
                    dotted(loc),
                    "the text " + " and ".join(problems),
                    f"keep the placeholders of the default text, `{STRINGS[key]}`",
                )
            )
    return errors


def _braces(names: set[str]) -> str:
    return ", ".join(f"`{{{n}}}`" for n in sorted(names))


def _exercise_checks(ex: Exercise, loaded: Loaded, ideas: set[str] | None, exercise_ids: set[str]) -> list[ContentError]:
    """Checks within one exercise; `ideas` is None when a source file is broken (so ideas are unknown)."""
    errors: list[ContentError] = []

    def at(loc: Loc, message: str, hint: str = "") -> None:
        errors.append(ContentError(loaded.file, *loaded.position(loc), dotted(loc), message, hint))

    for i, idea in enumerate(ex.ideas):
        if ideas is not None and idea not in ideas:
            at(
                ("ideas", i),
                f"no idea `{idea}` in any source",
                did_you_mean(idea, ideas) or "add it to a file in content/sources/ or fix the id",
            )
    for i, ref in enumerate(ex.follow_ups):
        if ref not in exercise_ids:
            at(("follow_ups", i), f"no exercise `{ref}`", did_you_mean(ref, exercise_ids) or "fix the id or remove the line")
        elif ref == ex.id:
            at(("follow_ups", i), "an exercise cannot follow up on itself", "remove the line")

    item_ids: dict[str, int] = {}
    for i, item in enumerate(ex.items):
        if item.id in item_ids:
            at(("items", i, "id"), f"the item id `{item.id}` is already used by items[{item_ids[item.id]}]", "give each item its own id")
        item_ids.setdefault(item.id, i)
        if isinstance(item, Table):
            cols: set[str] = set()
            for c, col in enumerate(item.columns):
                if col.id in cols:
                    at(
                        ("items", i, "columns", c, "id"),
                        f"the column id `{col.id}` is used twice in this table",
                        "give each column its own id",
                    )
                cols.add(col.id)

    dims = {d.id for d in ex.scoring.dimensions} if ex.scoring else set()
    scored_dims: set[str] = set()
    for i, item in enumerate(ex.items):
        targets: list[tuple[Loc, str]] = []
        if isinstance(item, Table):
            targets = [(("items", i, "columns", c, "dimension"), col.dimension) for c, col in enumerate(item.columns) if col.dimension]
        else:
            item_dim: str | None = getattr(item, "dimension", None)
            if item_dim:
                targets = [(("items", i, "dimension"), item_dim)]
        for target_loc, dim_id in targets:
            if not ex.scoring:
                at(
                    target_loc,
                    f"the item counts towards `{dim_id}`, but the exercise has no `scoring`",
                    "add a `scoring:` section declaring the dimension, or remove this line",
                )
            elif dim_id not in dims:
                at(
                    target_loc,
                    f"no dimension `{dim_id}` is declared in `scoring.dimensions`",
                    did_you_mean(dim_id, dims) or "declare it under scoring.dimensions",
                )
            else:
                scored_dims.add(dim_id)
        if isinstance(item, Choice) and item.dimension and any(o.value is None for o in item.options):
            missing = next(n for n, o in enumerate(item.options) if o.value is None)
            at(
                ("items", i, "options", missing),
                "a scored choice needs a `value` on every option",
                "add `value:` (its score) to each option",
            )

    if not ex.scoring:
        return errors
    dim_ids: set[str] = set()
    numbers = {item.id for item in ex.items if isinstance(item, Number)}
    for d, dim in enumerate(ex.scoring.dimensions):
        loc: Loc = ("scoring", "dimensions", d)
        if dim.id in dim_ids:
            at((*loc, "id"), f"the dimension id `{dim.id}` is used twice", "give each dimension its own id")
        dim_ids.add(dim.id)
        for f, ref in enumerate(dim.follow_ups):
            if ref not in exercise_ids:
                at((*loc, "follow_ups", f), f"no exercise `{ref}`", did_you_mean(ref, exercise_ids) or "fix the id or remove the line")
        if dim.aggregate == "ratio":
            for part in ("numerator", "denominator"):
                ref = getattr(dim, part)
                if ref not in numbers:
                    at(
                        (*loc, part),
                        f"`{ref}` is not a number item of this exercise",
                        did_you_mean(ref, numbers) or "a ratio divides two `type: number` items",
                    )
            if not {dim.numerator, dim.denominator} <= numbers:
                continue
        elif dim.id not in scored_dims:
            at(
                (*loc, "id"),
                f"no item counts towards the dimension `{dim.id}`",
                "set `dimension: " + dim.id + "` on its items, or remove the dimension",
            )
            continue
        unbounded_column = any(
            isinstance(item, Table) and any(c.dimension == dim.id and c.type == "number" for c in item.columns) for item in ex.items
        )
        if dim.aggregate == "percentage" and unbounded_column:
            at(
                (*loc, "aggregate"),
                "a percentage cannot include a table's number column (it has no upper limit)",
                "use `sum` or `mean`, or a `choice` column",
            )
            continue
        if dim.aggregate == "percentage" and any(
            isinstance(item, Number) and getattr(item, "dimension", None) == dim.id and (item.min is None or item.max is None)
            for item in ex.items
        ):
            at(
                (*loc, "aggregate"),
                "a percentage needs every number item in it to have `min` and `max`",
                "add `min:` and `max:` to those items, or use `sum`",
            )
            continue
        low, high = scoring.dimension_range(ex, dim)
        for band, message, hint in scoring.band_problems(dim.bands, low, high):
            at(loc + (("bands", band) if band is not None else ("bands",)), message, hint)

    overall = ex.scoring.overall
    if overall:
        for o, ref in enumerate(overall.of):
            if ref not in dim_ids:
                at(("scoring", "overall", "of", o), f"no dimension `{ref}`", did_you_mean(ref, dim_ids))
        chosen = overall.of or list(dim_ids)
        if overall.aggregate == "difference" and len(chosen) != 2:
            at(
                ("scoring", "overall", "of"),
                "`difference` needs exactly two dimensions in `of`",
                "write `of: [first, second]`: the score is first minus second",
            )
        elif not errors:
            ranges = {dim.id: scoring.dimension_range(ex, dim) for dim in ex.scoring.dimensions}
            low, high = scoring.overall_range(overall, ranges)
            for band, message, hint in scoring.band_problems(overall.bands, low, high):
                at(("scoring", "overall") + (("bands", band) if band is not None else ("bands",)), message, hint)
    return errors
