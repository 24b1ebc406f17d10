"""Stage 2, validate: the checks within one exercise.

Item and column ids are unique; ideas and follow-ups resolve; every scored item names a declared
dimension; and the bands of every dimension and of the overall score cover the range the widget
can reach (generator/spec.py computes it) with no gap or overlap.
"""

from __future__ import annotations

from collections.abc import Callable

from . import spec as scoring
from .bands import band_problems
from .errors import ContentError, Loc, did_you_mean, dotted
from .load import Loaded
from .messages import say
from .model import Choice, Dimension, Exercise, Number, Table


def exercise_checks(ex: Exercise, loaded: Loaded, ideas: set[str] | None, exercise_ids: set[str]) -> list[ContentError]:
    """Checks within one exercise; `ideas` is None when a source file is broken (so ideas are unknown)."""
    errors: list[ContentError] = []

    def at(loc: Loc, message: str, hint: str = "") -> None:
        errors.append(ContentError(loaded.file, *loaded.position(loc), dotted(loc), message, hint))

    for i, idea in enumerate(ex.ideas):
        if ideas is not None and idea not in ideas:
            at(
                ("ideas", i),
                say("check.no-idea", id=idea),
                did_you_mean(idea, ideas) or say("check.no-idea-hint"),
            )
    for i, ref in enumerate(ex.follow_ups):
        if ref not in exercise_ids:
            at(("follow_ups", i), say("check.no-exercise", id=ref), did_you_mean(ref, exercise_ids) or say("check.fix-or-remove-hint"))
        elif ref == ex.id:
            at(("follow_ups", i), say("check.follows-itself"), say("check.remove-line-hint"))

    item_ids: dict[str, int] = {}
    for i, item in enumerate(ex.items):
        if item.id in item_ids:
            at(("items", i, "id"), say("check.item-id-used", id=item.id, index=item_ids[item.id]), say("check.item-id-used-hint"))
        item_ids.setdefault(item.id, i)
        if isinstance(item, Table):
            cols: set[str] = set()
            for c, col in enumerate(item.columns):
                if col.id in cols:
                    at(
                        ("items", i, "columns", c, "id"),
                        say("check.column-id-twice", id=col.id),
                        say("check.column-id-twice-hint"),
                    )
                cols.add(col.id)

    dims = {d.id for d in ex.scoring.dimensions} if ex.scoring else set()
    composites = {d.id: d.of for d in ex.scoring.dimensions if d.of} if ex.scoring else {}
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
                    say("check.no-scoring", dimension=dim_id),
                    say("check.no-scoring-hint"),
                )
            elif dim_id not in dims:
                at(
                    target_loc,
                    say("check.no-dimension-declared", dimension=dim_id),
                    did_you_mean(dim_id, dims) or say("check.no-dimension-declared-hint"),
                )
            elif dim_id in composites:
                at(
                    target_loc,
                    say("check.composite-target", dimension=dim_id),
                    say("check.composite-target-hint", parts=", ".join(f"`{c}`" for c in composites[dim_id])),
                )
            else:
                scored_dims.add(dim_id)
        if isinstance(item, Choice) and item.dimension and any(o.value is None for o in item.options):
            missing = next(n for n, o in enumerate(item.options) if o.value is None)
            at(
                ("items", i, "options", missing),
                say("check.choice-values"),
                say("check.choice-values-hint"),
            )

    if not ex.scoring:
        return errors
    dim_ids: set[str] = set()
    numbers = {item.id for item in ex.items if isinstance(item, Number)}
    for d, dim in enumerate(ex.scoring.dimensions):
        loc: Loc = ("scoring", "dimensions", d)
        if dim.id in dim_ids:
            at((*loc, "id"), say("check.dimension-id-twice", id=dim.id), say("check.dimension-id-twice-hint"))
        dim_ids.add(dim.id)
        for f, ref in enumerate(dim.follow_ups):
            if ref not in exercise_ids:
                at(
                    (*loc, "follow_ups", f),
                    say("check.no-exercise", id=ref),
                    did_you_mean(ref, exercise_ids) or say("check.fix-or-remove-hint"),
                )
        if dim.of:
            composite_checks(ex, d, dim, at)
            continue
        if dim.aggregate == "ratio":
            for part in ("numerator", "denominator"):
                ref = getattr(dim, part)
                if ref not in numbers:
                    at(
                        (*loc, part),
                        say("check.ratio-not-number", id=ref),
                        did_you_mean(ref, numbers) or say("check.ratio-not-number-hint"),
                    )
            if not {dim.numerator, dim.denominator} <= numbers:
                continue
        elif dim.id not in scored_dims:
            at(
                (*loc, "id"),
                say("check.dimension-unused", id=dim.id),
                say("check.dimension-unused-hint", id=dim.id),
            )
            continue
        unbounded_column = any(
            isinstance(item, Table) and any(c.dimension == dim.id and c.type == "number" for c in item.columns) for item in ex.items
        )
        if dim.aggregate == "percentage" and unbounded_column:
            at(
                (*loc, "aggregate"),
                say("check.percentage-table"),
                say("check.percentage-table-hint"),
            )
            continue
        if dim.aggregate == "percentage" and any(
            isinstance(item, Number) and getattr(item, "dimension", None) == dim.id and (item.min is None or item.max is None)
            for item in ex.items
        ):
            at(
                (*loc, "aggregate"),
                say("check.percentage-bounds"),
                say("check.percentage-bounds-hint"),
            )
            continue
        low, high = scoring.dimension_range(ex, dim)
        for band, message, hint in band_problems(dim.bands, low, high):
            at(loc + (("bands", band) if band is not None else ("bands",)), message, hint)

    if not errors:  # dimensions built from dimensions: their range comes from the others' ranges
        ranges = scoring.dimension_ranges(ex)
        for d, dim in enumerate(ex.scoring.dimensions):
            if dim.of:
                for band, message, hint in band_problems(dim.bands, *ranges[dim.id]):
                    at(("scoring", "dimensions", d) + (("bands", band) if band is not None else ("bands",)), message, hint)

    overall = ex.scoring.overall
    if overall:
        for o, ref in enumerate(overall.of):
            if ref not in dim_ids:
                at(("scoring", "overall", "of", o), say("check.no-dimension", id=ref), did_you_mean(ref, dim_ids))
        chosen = scoring.overall_of(ex)
        if overall.aggregate == "difference" and len(chosen) != 2:
            at(
                ("scoring", "overall", "of"),
                say("check.difference-two"),
                say("check.difference-two-hint"),
            )
        elif not errors:
            low, high = scoring.overall_range(overall, scoring.dimension_ranges(ex), chosen)
            for band, message, hint in band_problems(overall.bands, low, high):
                at(("scoring", "overall") + (("bands", band) if band is not None else ("bands",)), message, hint)
    return errors


def composite_checks(ex: Exercise, d: int, dim: Dimension, at: Callable[[Loc, str, str], None]) -> None:
    """A dimension built from others: they exist, agree on which way is good, and never lead back to it."""
    assert ex.scoring is not None
    declared = {x.id: x for x in ex.scoring.dimensions}
    loc: Loc = ("scoring", "dimensions", d)
    for i, ref in enumerate(dim.of):
        part = declared.get(ref)
        if part is None:
            at((*loc, "of", i), say("check.no-dimension", id=ref), did_you_mean(ref, [x for x in declared if x != dim.id]) or "")
        elif ref == dim.id:
            at((*loc, "of", i), say("check.built-from-itself"), say("check.remove-line-hint"))
        elif part.better != dim.better:
            at(
                (*loc, "of", i),
                say("check.better-mismatch", part=ref, part_better=part.better, id=dim.id, better=dim.better),
                say("check.better-mismatch-hint"),
            )
        elif dim.id in _reaches(ref, declared):
            at((*loc, "of", i), say("check.composite-loop", part=ref, id=dim.id), say("check.composite-loop-hint"))


def _reaches(start: str, declared: dict[str, Dimension]) -> set[str]:
    """Every dimension `start` is built from, directly or through others."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        current = todo.pop()
        for ref in declared[current].of:
            if ref in declared and ref not in seen:
                seen.add(ref)
                todo.append(ref)
    return seen
