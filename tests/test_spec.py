"""The scoring maths the build relies on: reachable ranges and band coverage (pure functions)."""

from __future__ import annotations

import itertools
import math

import pytest

from generator.bands import band_problems
from generator.model import Band, Exercise
from generator.spec import dimension_range, overall_range, ratio_range, widget_spec


def exercise(items: list[dict], dimensions: list[dict], overall: dict | None = None) -> Exercise:
    return Exercise.model_validate(
        {
            "id": "x",
            "title": "X",
            "ideas": ["i"],
            "minutes": 1,
            "introduction": "I",
            "instructions": "I",
            "items": items,
            "scoring": {"dimensions": dimensions, "overall": overall},
        }
    )


def bands(*edges: float | None) -> list[Band]:
    return [Band(min=lo, max=hi, label=f"b{i}", text="t") for i, (lo, hi) in enumerate(itertools.pairwise(edges))]  # type: ignore[arg-type]


def likert(i: str, dim: str, weight: float = 1, points: int = 5) -> dict:
    return {"id": i, "type": "likert", "text": "t", "dimension": dim, "weight": weight, "scale": [str(n) for n in range(points)]}


def test_mean_sum_and_percentage_ranges() -> None:
    ex = exercise(
        [likert("a", "d"), likert("b", "d", weight=3), likert("c", "s", points=4), likert("e", "s")],
        [{"id": "d", "label": "D"}, {"id": "s", "label": "S", "aggregate": "sum"}],
    )
    assert dimension_range(ex, ex.scoring.dimensions[0]) == (1, 5)  # type: ignore[union-attr]
    assert dimension_range(ex, ex.scoring.dimensions[1]) == (2, 9)  # type: ignore[union-attr]


def test_checklist_sum_counts_option_values() -> None:
    ex = exercise(
        [{"id": "c", "type": "checklist", "text": "t", "dimension": "d", "options": [{"label": "a"}, {"label": "b", "value": 3}]}],
        [{"id": "d", "label": "D", "aggregate": "sum"}],
    )
    assert dimension_range(ex, ex.scoring.dimensions[0]) == (0, 4)  # type: ignore[union-attr]


def test_table_distinct_and_growing_rows() -> None:
    table = {
        "id": "t",
        "type": "table",
        "text": "t",
        "rows": 2,
        "max_rows": 4,
        "columns": [
            {
                "id": "c",
                "label": "C",
                "type": "choice",
                "options": [{"label": "x"}, {"label": "y"}, {"label": "z"}],
                "dimension": "reach",
                "score": "distinct",
            },
            {
                "id": "f",
                "label": "F",
                "type": "choice",
                "options": [{"label": "old", "value": 0}, {"label": "new", "value": 2}],
                "dimension": "fresh",
            },
        ],
    }
    ex = exercise([table], [{"id": "reach", "label": "R", "aggregate": "sum"}, {"id": "fresh", "label": "F", "aggregate": "sum"}])
    assert dimension_range(ex, ex.scoring.dimensions[0]) == (0, 3)  # type: ignore[union-attr]
    assert dimension_range(ex, ex.scoring.dimensions[1]) == (0, 8)  # type: ignore[union-attr]


def test_ratio_range_with_zero_denominator_is_open_above() -> None:
    assert ratio_range((0, math.inf), (0, math.inf)) == (0, math.inf)
    assert ratio_range((0, 100), (10, 20)) == (0, 10)
    assert ratio_range((-5, 5), (1, 2)) == (-math.inf, math.inf)


def test_overall_difference_and_min() -> None:
    from generator.model import Overall

    ranges = {"self": (1.0, 5.0), "employer": (1.0, 5.0)}
    assert overall_range(Overall(aggregate="difference", of=["self", "employer"]), ranges) == (-4, 4)
    assert overall_range(Overall(aggregate="min"), {"a": (0.0, 10.0), "b": (1.0, 5.0)}) == (0, 5)


@pytest.mark.parametrize(
    ("edges", "expected"),
    [  # bands as edges: (1, 2.5, 4) -> [1, 2.5), [2.5, 4]
        ((1, 2.5, 4, 5), []),
        ((1, 3, None), []),  # open top band covers everything above
        ((0, 2, 5), []),  # starting below the lowest score is fine while it overlaps
    ],
)
def test_band_coverage_accepts_exact_partitions(edges: tuple, expected: list) -> None:
    assert band_problems(bands(*edges), 1, 5) == expected


def test_band_gap_overlap_and_uncovered_ends() -> None:
    gap = [Band(min=1, max=2, label="a", text="t"), Band(min=3, max=5, label="b", text="t")]
    assert "gap between bands: scores from 2 up to 3" in band_problems(gap, 1, 5)[0][1]
    overlap = [Band(min=1, max=3, label="a", text="t"), Band(min=2, max=5, label="b", text="t")]
    assert "bands overlap" in band_problems(overlap, 1, 5)[0][1]
    assert "scores above 4 fall in no band" in band_problems(bands(1, 2, 4), 1, 5)[0][1]
    assert "scores from 1 up to 2 fall in no band" in band_problems(bands(2, 5), 1, 5)[0][1]
    unbounded = band_problems(bands(0, 3, 6), 0, math.inf)
    assert "leave `max` empty" in unbounded[0][2]


def test_top_band_may_hold_just_the_highest_score() -> None:
    assert band_problems([Band(min=0, max=3, label="some", text="t"), Band(min=3, label="all", text="t")], 0, 3) == []
    beyond = [Band(min=0, max=3, label="a", text="t"), Band(min=3, max=4, label="b", text="t"), Band(min=4, label="c", text="t")]
    problems = [p[1] for p in band_problems(beyond, 0, 3)]
    assert problems[0].startswith("band `b` (3 to 4) can never be reached") and "band `c` (4 to no limit)" in problems[1]


def test_spec_version_changes_when_items_change() -> None:
    one = exercise([likert("a", "d")], [{"id": "d", "label": "D"}])
    two = exercise([likert("a", "d"), likert("b", "d")], [{"id": "d", "label": "D"}])
    assert widget_spec(one, {})["version"] != widget_spec(two, {})["version"]
    assert widget_spec(one, {})["version"] == widget_spec(exercise([likert("a", "d")], [{"id": "d", "label": "D"}]), {})["version"]


def test_spec_version_keeps_through_a_change_of_wording() -> None:
    """A translation, or a reworded label, is not a change of what answers mean."""
    one = exercise([likert("a", "d")], [{"id": "d", "label": "D"}])
    reworded = exercise([likert("a", "d")], [{"id": "d", "label": "Dimensión"}])
    assert widget_spec(one, {})["version"] == widget_spec(reworded, {})["version"]
