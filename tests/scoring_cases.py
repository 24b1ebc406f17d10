"""The shared golden cases of scoring (tests/cases/scoring/*.yml), read once for both test runners.

Each case is an exercise as a forker writes it (`text` of items and the exercise's own prose may be
left out), what the build must prove (`ranges`, optional), and answer sets with the score, band and
completeness expected per dimension (and `_overall`). pytest builds each case's spec through the
generator and checks what the build proves; `node --test tests/js/scoring-cases.test.js` asks this
module for the same specs (`python -m tests.scoring_cases`) and scores every answer set with
scoring.js. Adding a case is adding a file:

    description: what the case shows
    exercise: {items: [...], scoring: {...}}
    ranges: {dimension id: [low, high]}             # optional; null for no limit
    answers:
      - description: optional
        given: {item id: answer}                     # as the widget stores answers
        expect: {dimension id: {score: 4, band: High, complete: true, missing: 0, reason: zero-denominator}}
        weakest: dimension id or null                # optional
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.check_exercise import exercise_checks
from generator.errors import ContentError
from generator.load import Loaded
from generator.model import Exercise
from generator.spec import widget_spec

CASES = Path(__file__).parent / "cases" / "scoring"


@dataclass(frozen=True)
class Case:
    name: str
    data: dict[str, Any]
    exercise: Exercise
    errors: list[ContentError]  # what the build says of the exercise (a case must have none)

    @property
    def spec(self) -> dict[str, Any]:
        return widget_spec(self.exercise, {})


def exercise_of(name: str, raw: dict[str, Any]) -> dict[str, Any]:
    """The case's exercise with the prose the scoring does not read filled in (item and band texts too)."""
    data = {"id": name, "title": name, "ideas": ["case"], "minutes": 5, "introduction": ".", "instructions": ".", **raw}
    data["items"] = [{"text": item.get("id", "item"), **item} for item in raw.get("items", [])]
    scoring = data.get("scoring") or {}
    for part in [*scoring.get("dimensions", []), *([scoring["overall"]] if scoring.get("overall") else [])]:
        part["bands"] = [{"text": band.get("label", "band"), **band} for band in part.get("bands", [])]
    return data


def load_case(path: Path) -> Case:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw = exercise_of(path.stem, data["exercise"])
    exercise = Exercise.model_validate(raw)
    errors = exercise_checks(exercise, Loaded(path.name, raw), None, {exercise.id})
    return Case(path.stem, data, exercise, errors)


def cases() -> list[Case]:
    return [load_case(p) for p in sorted(CASES.glob("*.yml"))]


def for_node() -> list[dict[str, Any]]:
    return [{"name": c.name, "spec": c.spec, "answers": c.data["answers"]} for c in cases()]


if __name__ == "__main__":
    json.dump(for_node(), sys.stdout)
