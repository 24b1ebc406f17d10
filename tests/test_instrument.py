"""A published instrument scores exactly as its key says: the IPIP 50-item Big-Five Factor Markers
(tests/fixtures/instruments/ipip-big-five-50.yml), public domain, ipip.ori.org.

The key below is transcribed from the published scoring key, independently of the fixture's YAML,
so a wrong `reverse:` or `dimension:` in the fixture (or a fault in the build or the widget) fails.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from generator.check_exercise import exercise_checks
from generator.load import load_yaml
from generator.model import Exercise
from generator.spec import widget_spec

from .conftest import FIXTURES
from .node_scoring import Scorer

FIXTURE = FIXTURES / "instruments" / "ipip-big-five-50.yml"
# Published key: item numbers per factor; "-" items are scored 6 minus the answer; a factor is the sum.
KEY = {
    "extraversion": "1 6- 11 16- 21 26- 31 36- 41 46-",
    "agreeableness": "2- 7 12- 17 22- 27 32- 37 42 47",
    "conscientiousness": "3 8- 13 18- 23 28- 33 38- 43 48",
    "emotional-stability": "4- 9 14- 19 24- 29- 34- 39- 44- 49-",
    "intellect": "5 10- 15 20- 25 30- 35 40 45 50",
}


def published_scores(answers: dict[int, int]) -> dict[str, int]:
    out = {}
    for factor, items in KEY.items():
        out[factor] = sum(6 - answers[int(i[:-1])] if i.endswith("-") else answers[int(i)] for i in items.split())
    return out


@pytest.fixture(scope="module")
def spec() -> dict[str, object]:
    loaded, errors = load_yaml(FIXTURE, str(FIXTURE.relative_to(Path(__file__).parents[1])))
    assert loaded is not None, errors
    exercise = Exercise.model_validate(loaded.data)
    assert exercise_checks(exercise, loaded, None, {exercise.id}) == []
    return widget_spec(exercise, {})


def test_the_build_proves_each_factor_runs_from_10_to_50(spec: dict[str, object]) -> None:
    assert {d["id"]: d["range"] for d in spec["dimensions"]} == {f: [10, 50] for f in KEY}  # type: ignore[attr-defined, index]


def test_the_widget_reproduces_the_published_key_exactly(spec: dict[str, object], scorer: Scorer) -> None:
    rng = random.Random(1992)
    answer_sets = [{n: 1 for n in range(1, 51)}, {n: 5 for n in range(1, 51)}, {n: 3 for n in range(1, 51)}]
    answer_sets += [{n: rng.randint(1, 5) for n in range(1, 51)} for _ in range(40)]
    for answers in answer_sets:
        result = scorer.score(spec, {f"q{n}": v for n, v in answers.items()})["result"]
        got = {d["id"]: d["score"] for d in result["dimensions"]}
        assert got == published_scores(answers)
