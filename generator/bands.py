"""Stage 2, validate: whether a dimension's bands cover the scores it can reach, exactly once.

spec.py computes the reachable range; `band_problems` says what is wrong with the bands over it (a gap,
an overlap, a band no score reaches, a band out of order), each with the fix, worded in the author's
language (messages.py). Pure functions.
"""

from __future__ import annotations

import itertools

from .messages import number, say
from .model import Band
from .wording import INF


def band_problems(bands: list[Band], low: float, high: float) -> list[tuple[int | None, str, str]]:
    """Why these bands do not cover [low, high] exactly once: (band index or None, message, hint)."""
    if not bands:
        return []
    out: list[tuple[int | None, str, str]] = []
    for i, b in enumerate(bands):
        if b.max is not None and b.max <= b.min:
            message = say("check.band-ends-early", label=b.label, max=number(b.max), min=number(b.min))
            out.append((i, message, say("check.band-ends-early-hint")))
        if b.max is None and i != len(bands) - 1:
            out.append((i, say("check.band-open-not-last", label=b.label), say("check.band-open-not-last-hint")))
    if out:
        return out
    for i, (a, b) in enumerate(itertools.pairwise(bands)):
        assert a.max is not None
        if b.min < a.min:
            out.append((i + 1, say("check.band-order", label=b.label, previous=a.label), say("check.band-order-hint")))
        elif b.min > a.max:
            message = say("check.band-gap", low=number(a.max), high=number(b.min))
            out.append((i + 1, message, say("check.band-gap-hint", label=b.label, value=number(a.max))))
        elif b.min < a.max:
            message = say("check.band-overlap", previous=a.label, max=number(a.max), label=b.label, min=number(b.min))
            out.append((i + 1, message, say("check.band-min-hint", label=b.label, value=number(a.max))))
    if out:
        return out
    first, last = bands[0], bands[-1]
    span = {"low": number(low), "high": number(high)}
    for i, b in enumerate(bands):
        top = b.max if b.max is not None else INF
        # Half-open bands: one ending at the lowest score holds nothing; the top band includes its
        # max, so it may start at the highest score (e.g. "all three circles" of a 0-3 count).
        is_last = i == len(bands) - 1
        if b.min > high or (b.min == high and not is_last) or (top <= low and low < high):
            message = say("check.band-unreachable", label=b.label, min=number(b.min), max=number(top), **span)
            out.append((i, message, say("check.band-unreachable-hint")))
    if out:
        return out
    if first.min > low:
        out.append(
            (0, say("check.band-below", min=number(first.min), **span), say("check.band-min-hint", label=first.label, value=span["low"]))
        )
    last_top = last.max if last.max is not None else INF
    if last_top < high:
        hint = (
            say("check.band-above-open-hint", label=last.label) if high == INF else say("check.band-above-hint", label=last.label, **span)
        )
        out.append((len(bands) - 1, say("check.band-above", max=number(last_top), **span), hint))
    return out
