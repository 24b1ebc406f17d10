"""The build's half of the shared scoring cases (tests/scoring_cases.py says the format): each case's
exercise passes the build's checks, its spec carries the ranges the build proves, and every expected
score lies in that range and in the band the case names. node scores the same cases with scoring.js
(tests/js/scoring-cases.test.js), so the two sides cannot drift."""

from __future__ import annotations

import math
from typing import Any

import pytest

from generator.spec import dimension_ranges, overall_of, overall_range

from .scoring_cases import Case, cases

CASES = cases()


def spec_range(case: Case, key: str) -> list[float | None]:
    spec = case.spec
    entry = spec["overall"] if key == "_overall" else next(d for d in spec["dimensions"] if d["id"] == key)
    return list(entry["range"])


def band_label(case: Case, key: str, score: float) -> str | None:
    """The band holding `score`: [min, max), the top band also holding its max (ARCHITECTURE.md)."""
    spec = case.spec
    bands: list[dict[str, Any]] = (spec["overall"] if key == "_overall" else next(d for d in spec["dimensions"] if d["id"] == key))["bands"]
    for i, b in enumerate(bands):
        top = math.inf if b["max"] is None else b["max"]
        if b["min"] <= score < top or (i == len(bands) - 1 and score == top):
            return str(b["label"])
    return None


def test_there_are_cases_of_every_kind() -> None:
    """What the issue asks the cases to cover, checked on what the cases hold (a new case counts)."""
    kinds: set[str] = set()
    for case in CASES:
        for item in case.exercise.items:
            kinds.add(item.type)
            if getattr(item, "reverse", False):
                kinds.add("reverse")
            if getattr(item, "weight", 1.0) != 1.0:
                kinds.add("weight")
            for column in getattr(item, "columns", []):
                kinds.add(f"column-{column.score}")
            if item.type == "table":
                kinds.add("fixed-rows" if item.row_labels else "growable-rows")  # type: ignore[union-attr]
        for dim in case.exercise.scoring.dimensions if case.exercise.scoring else []:
            kinds.add(f"aggregate-{dim.aggregate}")
            kinds.add(f"better-{dim.better}")
            if dim.of:
                kinds.add("built-from-dimensions")
        if case.exercise.scoring and case.exercise.scoring.overall:
            kinds.add(f"overall-{case.exercise.scoring.overall.aggregate}")
        for answers in case.data["answers"]:
            for expected in answers["expect"].values():
                if expected.get("reason"):
                    kinds.add(f"reason-{expected['reason']}")
                if expected.get("complete") is False:
                    kinds.add("missing")
    wanted = {"likert", "choice", "checklist", "number", "table", "reverse", "weight", "column-each", "column-distinct"}
    wanted |= {"fixed-rows", "growable-rows", "better-lower", "built-from-dimensions", "missing", "reason-zero-denominator"}
    wanted |= {f"aggregate-{a}" for a in ("sum", "mean", "percentage", "ratio", "min")}
    wanted |= {f"overall-{a}" for a in ("mean", "sum", "min", "difference")}
    assert wanted - kinds == set()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_build_accepts_the_case_and_proves_its_ranges(case: Case) -> None:
    assert [e.format() for e in case.errors] == []
    ranges = dimension_ranges(case.exercise)
    for key, expected in (case.data.get("ranges") or {}).items():
        got = spec_range(case, key)
        assert got == [None if x is None else float(x) for x in expected], key
        if key != "_overall":
            assert [None if math.isinf(x) else x for x in ranges[key]] == got
    if case.exercise.scoring and case.exercise.scoring.overall:
        low, high = overall_range(case.exercise.scoring.overall, ranges, overall_of(case.exercise))
        assert spec_range(case, "_overall") == [None if math.isinf(x) else x for x in (low, high)]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_expected_score_lies_in_the_proven_range_and_its_band(case: Case) -> None:
    for n, answers in enumerate(case.data["answers"]):
        for key, expected in answers["expect"].items():
            score = expected.get("score")
            if score is None:
                assert expected.get("band") is None, f"answer set {n}, {key}: a band without a score"
                continue
            low, high = spec_range(case, key)
            assert (low is None or score >= low - 1e-9) and (high is None or score <= high + 1e-9), f"answer set {n}, {key}"
            if "band" in expected:
                assert band_label(case, key, score) == expected["band"], f"answer set {n}, {key}"
