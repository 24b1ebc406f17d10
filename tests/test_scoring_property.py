"""Property: whatever a reader answers, scoring.js gives a score inside the range the build proved,
in a band; the lowest and highest possible answers reach exactly the ends of that range where the
range is exact (items only, no table a reader may leave short).

Runs over every exercise of the shipped workbook, of the test fixtures and of the shared scoring
cases: specs come from the generator, answers from Hypothesis, scores from scoring.js under node.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.spec import widget_spec
from generator.validate import validate_content

from .conftest import FIXTURES, REPO
from .node_scoring import Scorer
from .scoring_cases import cases


def all_specs() -> list[tuple[str, dict[str, Any]]]:
    specs: list[tuple[str, dict[str, Any]]] = []
    for root in [REPO, *(p.parent for p in sorted(FIXTURES.glob("*/content")))]:
        content, errors = validate_content(root)
        assert content is not None, [e.format() for e in errors]
        specs += [(f"{root.name}/{ex.id}", widget_spec(ex, {})) for ex in content.exercises.values() if ex.scoring]
    specs += [(f"case/{c.name}", c.spec) for c in cases()]
    return specs


SPECS = all_specs()


def bounded(low: float | None, high: float | None) -> st.SearchStrategy[float]:
    lo = -1e6 if low is None else low
    hi = 1e6 if high is None else high
    return st.floats(min_value=lo, max_value=hi, allow_nan=False, allow_infinity=False)


def item_answer(item: dict[str, Any]) -> st.SearchStrategy[Any]:
    kind = item["type"]
    if kind == "likert":
        return st.integers(item["min"], item["max"])
    if kind == "choice":
        return st.integers(0, len(item["values"]) - 1)
    if kind == "checklist":
        return st.lists(st.integers(0, len(item["values"]) - 1), unique=True)
    if kind == "number":
        return bounded(item["min"], item["max"])
    if kind == "table":
        cells = {
            c["id"]: st.integers(0, len(c["values"]) - 1) if c["type"] == "choice" else bounded(None, None)
            for c in item["columns"]
            if c["type"] != "text"
        }
        row = st.fixed_dictionaries({}, optional=cells)
        return st.lists(row, max_size=item["max_rows"])
    return st.just("free text")


@st.composite
def spec_and_answers(draw: st.DrawFn) -> tuple[str, dict[str, Any], dict[str, Any]]:
    name, spec = draw(st.sampled_from(SPECS))
    answers = draw(st.fixed_dictionaries({}, optional={it["id"]: item_answer(it) for it in spec["items"]}))
    return name, spec, answers


def entries(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [*result["dimensions"], *([result["overall"]] if result["overall"] else [])]


def spec_entry(spec: dict[str, Any], entry_id: str) -> dict[str, Any]:
    return spec["overall"] if entry_id == "_overall" else next(d for d in spec["dimensions"] if d["id"] == entry_id)


def assert_in_range_and_band(name: str, spec: dict[str, Any], result: dict[str, Any]) -> None:
    for e in entries(result):
        if e["score"] is None:
            continue
        low, high = spec_entry(spec, e["id"])["range"]
        assert (low is None or e["score"] >= low - 1e-6) and (high is None or e["score"] <= high + 1e-6), (name, e)
        if spec_entry(spec, e["id"])["bands"]:
            assert e["band"] is not None, (name, e["id"], e["score"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(spec_and_answers())
def test_any_answers_score_inside_the_proven_range_and_in_a_band(scorer: Scorer, case: tuple[str, dict[str, Any], dict[str, Any]]) -> None:
    name, spec, answers = case
    assert_in_range_and_band(name, spec, scorer.score(spec, answers)["result"])


def extreme_answers(spec: dict[str, Any], high: bool) -> dict[str, Any]:
    """Every item answered to give its lowest (or highest) contribution; tables filled to the cap at their
    best (or left empty); a distinct column with every option once."""
    out: dict[str, Any] = {}
    for it in spec["items"]:
        kind = it["type"]
        if kind == "likert":
            out[it["id"]] = it["max"] if high != it["reverse"] else it["min"]
        elif kind == "choice":
            pick = max if high else min
            out[it["id"]] = it["values"].index(pick(it["values"]))
        elif kind == "checklist":
            out[it["id"]] = list(range(len(it["values"]))) if high else []
        elif kind == "number":
            value = it["max"] if high else it["min"]
            out[it["id"]] = value if value is not None else (it["min"] if it["min"] is not None else 0)
        elif kind == "table" and high:
            rows: list[dict[str, Any]] = [{} for _ in range(it["max_rows"])]
            for c in it["columns"]:
                if c["type"] != "choice":
                    continue
                for r, row in enumerate(rows):
                    row[c["id"]] = r % len(c["values"]) if c["score"] == "distinct" else c["values"].index(max(c["values"]))
            out[it["id"]] = rows
    return out


def exact(spec: dict[str, Any], dim: dict[str, Any]) -> bool:
    """Whether the build's range is reached exactly by extreme answers: items only, no ratio or composite."""
    feeding = [it for it in spec["items"] if it.get("dimension") == dim["id"]]
    tables = [c for it in spec["items"] if it["type"] == "table" for c in it["columns"] if c["dimension"] == dim["id"]]
    return bool(feeding) and not tables and dim["aggregate"] in ("sum", "mean", "percentage") and not dim.get("of")


@pytest.mark.parametrize("name_spec", SPECS, ids=[n for n, _ in SPECS])
def test_the_lowest_and_highest_answers_reach_the_proven_range(scorer: Scorer, name_spec: tuple[str, dict[str, Any]]) -> None:
    name, spec = name_spec
    for high in (False, True):
        result = scorer.score(spec, extreme_answers(spec, high))["result"]
        assert_in_range_and_band(name, spec, result)
        for e in result["dimensions"]:
            d = spec_entry(spec, e["id"])
            bound = d["range"][1 if high else 0]
            if exact(spec, d) and bound is not None and e["complete"]:
                assert math.isclose(e["score"], bound, abs_tol=1e-6), (name, e["id"], "high" if high else "low", e["score"], bound)


def test_the_property_runs_over_every_scored_exercise() -> None:
    shipped = {p.stem for p in (REPO / "content" / "exercises").glob("*.yml")}
    names = {n.split("/", 1)[1] for n, _ in SPECS if n.startswith(f"{REPO.name}/")}
    assert names and names <= shipped
    assert any(n.startswith("case/") for n, _ in SPECS)
    assert Path(FIXTURES).is_dir()
