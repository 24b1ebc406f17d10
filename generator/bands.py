"""Stage 2, validate: whether a dimension's bands cover the scores it can reach, exactly once.

spec.py computes the reachable range; `band_problems` says what is wrong with the bands over it (a gap,
an overlap, a band no score reaches, a band out of order), each with the fix. Pure functions.
"""

from __future__ import annotations

import itertools
import math

from .model import Band

INF = math.inf


def band_problems(bands: list[Band], low: float, high: float) -> list[tuple[int | None, str, str]]:
    """Why these bands do not cover [low, high] exactly once: (band index or None, message, hint)."""
    if not bands:
        return []
    out: list[tuple[int | None, str, str]] = []
    for i, b in enumerate(bands):
        if b.max is not None and b.max <= b.min:
            out.append((i, f"band `{b.label}` ends ({b.max:g}) where it starts or before ({b.min:g})", "make `max` larger than `min`"))
        if b.max is None and i != len(bands) - 1:
            out.append(
                (
                    i,
                    f"band `{b.label}` has no `max` but is not the last band",
                    "only the top band may be open-ended; list bands from lowest to highest",
                )
            )
    if out:
        return out
    for i, (a, b) in enumerate(itertools.pairwise(bands)):
        assert a.max is not None
        if b.min < a.min:
            out.append((i + 1, f"band `{b.label}` starts below band `{a.label}`", "list bands from the lowest score to the highest"))
        elif b.min > a.max:
            out.append(
                (
                    i + 1,
                    f"gap between bands: scores from {fmt(a.max)} up to {fmt(b.min)} fall in no band",
                    f"set `min` of band `{b.label}` to {fmt(a.max)} (bands are [min, max): each starts where the last ended)",
                )
            )
        elif b.min < a.max:
            out.append(
                (
                    i + 1,
                    f"bands overlap: `{a.label}` runs to {fmt(a.max)} but `{b.label}` starts at {fmt(b.min)}",
                    f"set `min` of band `{b.label}` to {fmt(a.max)}",
                )
            )
    if out:
        return out
    first, last = bands[0], bands[-1]
    span = f"scores run from {fmt(low)} to {fmt(high)}"
    for i, b in enumerate(bands):
        top = b.max if b.max is not None else INF
        # Half-open bands: one ending at the lowest score holds nothing; the top band includes its
        # max, so it may start at the highest score (e.g. "all three circles" of a 0-3 count).
        is_last = i == len(bands) - 1
        if b.min > high or (b.min == high and not is_last) or (top <= low and low < high):
            out.append(
                (
                    i,
                    f"band `{b.label}` ({fmt(b.min)} to {fmt(top)}) can never be reached: {span}",
                    "remove it, or change its limits to lie within the reachable scores",
                )
            )
    if out:
        return out
    if first.min > low:
        out.append(
            (
                0,
                f"scores from {fmt(low)} up to {fmt(first.min)} fall in no band ({span})",
                f"set `min` of band `{first.label}` to {fmt(low)}",
            )
        )
    last_top = last.max if last.max is not None else INF
    if last_top < high:
        fix = "leave `max` empty (no upper limit)" if high == INF else f"set it to {fmt(high)}"
        out.append((len(bands) - 1, f"scores above {fmt(last_top)} fall in no band ({span})", f"raise `max` of band `{last.label}`: {fix}"))
    return out


def fmt(x: float) -> str:
    if x == INF:
        return "no limit"
    if x == -INF:
        return "minus infinity"
    return f"{x:g}"
