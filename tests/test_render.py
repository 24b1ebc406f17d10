"""Golden files: one rendered worksheet per item type (tests/cases/render/<type>.yml -> .html).

Run with WORKBOOK_UPDATE_GOLDEN=1 to rewrite the .html files after an intended template change,
then read the diff before committing it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from generator.check_exercise import exercise_checks
from generator.load import load_yaml
from generator.model import ITEM_TYPES, Exercise, Workbook
from generator.render import credit, environment, render_form

from .conftest import REPO

CASES = Path(__file__).parent / "cases" / "render"
WORKBOOK = Workbook.model_validate(
    {"title": "Golden", "author": "Tests", "licence": "CC0", "chapters": [{"id": "c", "title": "C", "exercises": ["x"]}]}
)


def render_case(item_type: str) -> tuple[Exercise, str]:
    loaded, errors = load_yaml(CASES / f"{item_type}.yml", f"{item_type}.yml")
    assert loaded is not None and not errors
    exercise = Exercise.model_validate(loaded.data)
    assert exercise_checks(exercise, loaded, None, {exercise.id}) == []
    return exercise, str(render_form(environment(REPO / "templates"), WORKBOOK, exercise, {}))


@pytest.mark.parametrize("item_type", ITEM_TYPES)
def test_rendered_worksheet_matches_golden_file(item_type: str) -> None:
    _, html = render_case(item_type)
    golden = CASES / f"{item_type}.html"
    if os.environ.get("WORKBOOK_UPDATE_GOLDEN"):
        golden.write_text(html + "\n", encoding="utf-8")
    assert html + "\n" == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("item_type", ITEM_TYPES)
def test_every_control_has_a_label(item_type: str) -> None:
    _, html = render_case(item_type)
    ids = set(re.findall(r'<label[^>]* for="([^"]+)"', html))
    for control in re.findall(r"<(?:input|textarea|select)\b[^>]*>", html):
        named = 'aria-label="' in control or (re.search(r'id="([^"]+)"', control) and re.search(r'id="([^"]+)"', control).group(1) in ids)  # type: ignore[union-attr]
        wrapped = 'type="radio"' in control or 'type="checkbox"' in control  # inside their <label>
        assert named or wrapped, control
    assert html.count("<fieldset") == html.count("<legend")


def test_spec_travels_as_inert_json() -> None:
    exercise, html = render_case("choice")
    raw = re.search(r'<script type="application/json" class="wb-spec">(.*?)</script>', html, re.S)
    assert raw is not None
    spec = json.loads(raw.group(1))
    assert spec["id"] == exercise.id
    assert spec["items"][0]["values"] == [0, 2, 3]
    assert "<b>" not in raw.group(1)  # a label's markup cannot close the script element
    assert "onerror" not in html and "onclick" not in html


def test_credit_names_title_author_publication_and_date() -> None:
    from generator.model import Source

    source = Source.model_validate(
        {
            "id": "s",
            "title": "T",
            "author": "A",
            "publication": "B",
            "date": "2011-03",
            "summary": "S",
            "ideas": [{"id": "i", "title": "I", "summary": "S"}],
        }
    )
    assert credit(source) == "“T” by A (B, March 2011)"
