"""Scoring maths shared by validation and rendering (pure functions, no I/O). The proof that bands
cover the range computed here is in bands.py.

`reachable` computes the lowest and highest score a dimension can take, which validation uses to
prove the bands cover it; `widget_spec` turns an exercise into the JSON the browser widget scores
with (see ARCHITECTURE.md for the rules both sides follow).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .model import Checklist, Choice, Column, Dimension, Exercise, Likert, Number, Option, Overall, Table
from .wording import INF


@dataclass(frozen=True)
class Part:
    """One thing that feeds a dimension: its value lies in [low, high]; `repeats` rows of it may exist."""

    low: float
    high: float
    weight: float = 1.0
    max_repeats: int = 1  # table rows: anywhere from 0 (or the fixed count) to this many
    fixed: bool = True  # False when the number of repeats varies (tables a reader grows)


def likert_scale(item: Likert, exercise: Exercise) -> list[str]:
    return item.scale or exercise.scale


def option_values(options: Sequence[Option], default_index: bool = False) -> list[float]:
    """Option scores; an unscored checklist option counts 1, an unscored choice its position."""
    return [o.value if o.value is not None else (float(i) if default_index else 1.0) for i, o in enumerate(options)]


def item_bounds(item: Likert | Choice | Checklist | Number, exercise: Exercise) -> tuple[float, float]:
    """The lowest and highest value one answer to `item` contributes (a reversed likert answer too)."""
    if isinstance(item, Likert):
        return (1.0, float(len(likert_scale(item, exercise))))
    if isinstance(item, Choice):
        values = option_values(item.options, default_index=True)
        return (min(values), max(values))
    if isinstance(item, Checklist):
        return (0.0, sum(option_values(item.options)))  # values are 0 or more (model.Checklist)
    return (item.min if item.min is not None else -INF, item.max if item.max is not None else INF)


def column_bounds(column: Column) -> tuple[float, float]:
    """What one row of a table column contributes; for `distinct`, the count of different options."""
    if column.score == "distinct":
        return (0.0, float(len(column.options)))
    if column.type == "choice":
        values = option_values(column.options, default_index=True)
        return (min(values), max(values))
    return (-INF, INF)  # numbers typed into a table have no declared bounds


def table_rows(table: Table) -> int:
    """How many rows a reader can fill: the labelled rows, or up to `max_rows`."""
    return len(table.row_labels) or table.max_rows


def _column_part(column: Column, table: Table) -> Part:
    low, high = column_bounds(column)
    if column.score == "distinct":
        return Part(low, high, 1.0)
    # Any row may be left blank, labelled or not: a blank row contributes nothing (it is absent).
    return Part(low, high, 1.0, table_rows(table), fixed=False)


def parts(exercise: Exercise, dimension_id: str) -> list[Part]:
    """Everything that feeds one dimension, with its bounds."""
    out: list[Part] = []
    for item in exercise.items:
        if isinstance(item, Table):
            out += [_column_part(c, item) for c in item.columns if c.dimension == dimension_id]
        elif isinstance(item, (Likert, Choice, Checklist, Number)) and item.dimension == dimension_id:
            out.append(Part(*item_bounds(item, exercise), item.weight))
    return out


def _times(a: float, b: float) -> float:
    return 0.0 if a == 0 or b == 0 else a * b  # 0 * inf is 0 here: no rows contribute nothing


def _sum_bounds(p: Part) -> tuple[float, float]:
    low, high = _times(p.weight * p.low, p.max_repeats), _times(p.weight * p.high, p.max_repeats)
    if not p.fixed:  # a table may be left empty, which adds nothing
        low, high = min(low, 0.0), max(high, 0.0)
    return (low, high)


def dimension_ranges(exercise: Exercise) -> dict[str, tuple[float, float]]:
    """Every dimension's reachable range, built-from dimensions after the dimensions they combine."""
    dims = {d.id: d for d in exercise.scoring.dimensions} if exercise.scoring else {}
    out: dict[str, tuple[float, float]] = {}

    def of(d: Dimension, seen: frozenset[str]) -> tuple[float, float]:
        if d.id not in out:
            if d.of:  # validation rejects cycles and unknown ids; here they only must not recurse forever
                children = {c: of(dims[c], seen | {d.id}) for c in d.of if c in dims and c not in seen | {d.id}}
                out[d.id] = combined_range(d.aggregate, d.of, children)
            else:
                out[d.id] = dimension_range(exercise, d)
        return out[d.id]

    for d in dims.values():
        of(d, frozenset())
    return out


def dimension_range(exercise: Exercise, dimension: Dimension) -> tuple[float, float]:
    """The range of a dimension fed by items (see `dimension_ranges` for one built from dimensions)."""
    if dimension.of:
        return dimension_ranges(exercise)[dimension.id]
    if dimension.aggregate == "percentage":
        return (0.0, 100.0)
    if dimension.aggregate == "ratio":
        num = _number(exercise, dimension.numerator)
        den = _number(exercise, dimension.denominator)
        return ratio_range(num, den)
    ps = parts(exercise, dimension.id)
    if not ps:
        return (0.0, 0.0)
    if dimension.aggregate == "sum":
        bounds = [_sum_bounds(p) for p in ps]
        return (sum(b[0] for b in bounds), sum(b[1] for b in bounds))
    # mean: with a fixed set of parts the extremes are the weighted means of the bounds; when rows
    # come and go any single part's bound can dominate, so take the widest.
    if all(p.fixed for p in ps):
        total = sum(p.weight * p.max_repeats for p in ps)
        return (sum(p.weight * p.max_repeats * p.low for p in ps) / total, sum(p.weight * p.max_repeats * p.high for p in ps) / total)
    return (min(p.low for p in ps), max(p.high for p in ps))


def _number(exercise: Exercise, item_id: str | None) -> tuple[float, float]:
    for item in exercise.items:
        if item.id == item_id and isinstance(item, Number):
            return (item.min if item.min is not None else -INF, item.max if item.max is not None else INF)
    return (-INF, INF)


def ratio_range(num: tuple[float, float], den: tuple[float, float]) -> tuple[float, float]:
    """Bounds of num/den, counting a zero denominator as 'no score' rather than infinite."""
    (nlo, nhi), (dlo, dhi) = num, den
    if nlo >= 0 and dlo >= 0:
        low = 0.0 if dhi == INF or dhi == 0 else nlo / dhi
        high = INF if dlo == 0 or nhi == INF else nhi / dlo
        return (low, high)
    return (-INF, INF)


def combined_range(aggregate: str, of: list[str], ranges: dict[str, tuple[float, float]]) -> tuple[float, float]:
    """Range of the mean, sum, lowest (`min`) or first-minus-second (`difference`) of dimension scores."""
    rs = [ranges[i] for i in of if i in ranges]
    if not rs:
        return (0.0, 0.0)
    lows, highs = [r[0] for r in rs], [r[1] for r in rs]
    if aggregate == "mean":
        return (sum(lows) / len(rs), sum(highs) / len(rs))
    if aggregate == "sum":
        return (sum(lows), sum(highs))
    if aggregate == "min":
        return (min(lows), min(highs))
    (alo, ahi), (blo, bhi) = rs[0], rs[1] if len(rs) > 1 else (0.0, 0.0)
    return (alo - bhi, ahi - blo)


def overall_of(exercise: Exercise) -> list[str]:
    """The dimensions the overall score combines: those named in `of`, or every dimension that is not
    itself part of another (so a facet is not counted twice, once alone and once in its domain)."""
    if not exercise.scoring:
        return []
    if exercise.scoring.overall and exercise.scoring.overall.of:
        return exercise.scoring.overall.of
    parts_of_others = {c for d in exercise.scoring.dimensions for c in d.of}
    return [d.id for d in exercise.scoring.dimensions if d.id not in parts_of_others]


def overall_range(overall: Overall, ranges: dict[str, tuple[float, float]], of: list[str] | None = None) -> tuple[float, float]:
    return combined_range(overall.aggregate, of or overall.of or list(ranges), ranges)


def _json_number(x: float) -> float | None:
    return None if math.isinf(x) else x


def _bounds_json(low: float, high: float) -> dict[str, float | None]:
    return {"low": _json_number(low), "high": _json_number(high)}


def widget_spec(exercise: Exercise, urls: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """The scoring spec the widget reads; `urls` maps exercise id -> (title, relative url).

    Every bound the widget needs (each answer's `low`/`high`, each table's row cap, each dimension's
    `range`) is computed here, once, from the same functions that prove the bands; the widget
    derives none of them.
    """
    items: list[dict[str, Any]] = []
    for item in exercise.items:
        base: dict[str, Any] = {"id": item.id, "type": item.type}
        if isinstance(item, (Likert, Choice, Checklist, Number)):
            base |= {"dimension": item.dimension, "weight": item.weight} | _bounds_json(*item_bounds(item, exercise))
        if isinstance(item, Likert):
            base |= {"reverse": item.reverse, "min": 1, "max": len(likert_scale(item, exercise))}
        elif isinstance(item, Choice):
            base |= {"values": option_values(item.options, default_index=True)}
        elif isinstance(item, Checklist):
            base |= {"values": option_values(item.options)}
        elif isinstance(item, Number):
            base |= {"min": item.min, "max": item.max}
        elif isinstance(item, Table):
            base |= {
                "rows": len(item.row_labels) or item.rows,
                "fixed_rows": bool(item.row_labels),
                "max_rows": table_rows(item),
                "columns": [
                    {
                        "id": c.id,
                        "type": c.type,
                        "values": option_values(c.options, default_index=True) if c.type == "choice" else None,
                        "dimension": c.dimension,
                        "score": c.score,
                        "weight": 1,
                    }
                    | _bounds_json(*column_bounds(c))
                    for c in item.columns
                ],
            }
        items.append(base)

    spec: dict[str, Any] = {"id": exercise.id, "title": exercise.title, "items": items, "dimensions": [], "overall": None}
    if exercise.scoring:
        ranges = dimension_ranges(exercise)
        for d in exercise.scoring.dimensions:
            spec["dimensions"].append(
                {
                    "id": d.id,
                    "label": d.label,
                    "aggregate": d.aggregate,
                    "numerator": d.numerator,
                    "denominator": d.denominator,
                    "of": d.of,
                    "better": d.better,
                    "range": [_json_number(x) for x in ranges[d.id]],
                    "bands": [{"min": b.min, "max": b.max, "label": b.label} for b in d.bands],
                    "follow_ups": [{"id": f, "title": urls[f][0], "url": urls[f][1]} for f in d.follow_ups if f in urls],
                }
            )
        if exercise.scoring.overall:
            o = exercise.scoring.overall
            spec["overall"] = {
                "label": o.label,
                "aggregate": o.aggregate,
                "of": overall_of(exercise),
                "better": o.better,
                "range": [_json_number(x) for x in overall_range(o, ranges, overall_of(exercise))],
                "bands": [{"min": b.min, "max": b.max, "label": b.label} for b in o.bands],
            }
    # The version changes whenever what answers mean changes, so the widget can reconcile old saves.
    # Titles and URLs of follow-ups differ between pages and mean nothing for answers: leave them out.
    # So do labels: a translation (or a reworded label) keeps the version, and readers' answers with it.
    scoring_maths = [{k: _unlabelled(v) for k, v in d.items() if k not in ("follow_ups", "label")} for d in spec["dimensions"]]
    fingerprint = json.dumps({"items": items, "scoring": scoring_maths}, sort_keys=True)
    spec["version"] = hashlib.sha256(fingerprint.encode()).hexdigest()[:10]
    return spec


def _unlabelled(value: Any) -> Any:
    """Bands without their labels, for the version's fingerprint."""
    if isinstance(value, list):
        return [{k: v for k, v in b.items() if k != "label"} if isinstance(b, dict) else b for b in value]
    return value
