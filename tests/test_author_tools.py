"""Tools for forkers: the JSON Schema editors use, and `workbook new` scaffolding."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.schema import SCHEMAS, modeline, schema_text
from generator.validate import validate_content

from .conftest import REPO


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_committed_schema_matches_the_model(kind: str) -> None:
    committed = (REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), "run `workbook schema` and commit schemas/"


def test_every_content_file_names_its_schema() -> None:
    files = [(REPO / "content" / "workbook.yml", "workbook", 1)]
    files += [(p, "source", 2) for p in (REPO / "content" / "sources").glob("*.yml")]
    files += [(p, "exercise", 2) for p in (REPO / "content" / "exercises").glob("*.yml")]
    files += [(REPO / "content" / "sessions.yml", "sessions", 1)]
    for path, kind, depth in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(kind, depth), path
        schema_path = (path.parent / first.split("$schema=")[1]).resolve()
        assert json.loads(schema_path.read_text())["$id"] == f"{kind}.schema.json"


def workbook(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(project), *args], capture_output=True, text=True)


def test_new_exercise_is_valid_and_placed_in_the_last_chapter(project: Path) -> None:
    before = (project / "content" / "workbook.yml").read_text()

    run = workbook(project, "new", "exercise", "my-values")

    assert run.returncode == 0, run.stderr
    created = project / "content" / "exercises" / "my-values.yml"
    assert created.read_text().startswith(modeline("exercise", 2))
    content, errors = validate_content(project)
    assert errors == [] and content is not None
    assert content.workbook.chapters[-1].exercises[-1] == "my-values"
    after = (project / "content" / "workbook.yml").read_text()
    assert after.replace(", my-values]", "]") == before  # only the list entry was added


def test_new_exercise_into_a_block_list_keeps_comments(project: Path) -> None:
    wb = project / "content" / "workbook.yml"
    wb.write_text(
        wb.read_text().replace(
            "    exercises: [all-types, runway]\n", "    # in reading order\n    exercises:\n      - all-types\n      - runway"
        )
    )

    assert workbook(project, "new", "exercise", "next-steps", "--chapter", "first").returncode == 0

    text = wb.read_text()
    assert "    # in reading order\n" in text and text.endswith("      - runway\n      - next-steps\n")
    assert validate_content(project)[1] == []


def test_new_source_is_valid(project: Path) -> None:
    assert workbook(project, "new", "source", "another-article").returncode == 0
    assert validate_content(project)[1] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("new", "exercise", "My Values"),
            "`My Values` is not a valid id\n    hint: use lower-case words joined by hyphens, e.g. `my-values`",
        ),
        (("new", "exercise", "runway"), "the exercise `runway` exists already"),
        (("new", "exercise", "x", "--chapter", "nope"), "no chapter `nope`"),
    ],
)
def test_new_refuses_with_a_reason(project: Path, args: tuple[str, ...], message: str) -> None:
    run = workbook(project, *args)
    assert run.returncode == 1
    assert message in run.stderr
    assert not (project / "content" / "exercises" / "x.yml").exists()


def test_new_exercise_into_a_quoted_flow_list(project: Path) -> None:
    wb = project / "content" / "workbook.yml"
    wb.write_text(wb.read_text().replace("exercises: [all-types, runway]", 'exercises: ["all-types", "runway"]'))

    assert workbook(project, "new", "exercise", "new-one").returncode == 0

    assert 'exercises: ["all-types", "runway", new-one]' in wb.read_text()
    assert validate_content(project)[1] == []
