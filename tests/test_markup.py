"""The Nu HTML checker (vnu-jar, run with the machine's Java) finds no error in the markup the
project writes, on every page of the built workbook.

Two kinds of error come from Material's own templates, not from this project, and are left out by
their exact shape (named here so nothing else hides behind them): `autocomplete` on its hidden
drawer and search toggles (checkboxes), and an empty `tabindex` on its navigation section labels.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from .conftest import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MATERIALS_OWN = [
    re.compile(r'<input class="md-toggle" data-md-toggle="[a-z]+" type="checkbox" id="__[a-z]+" autocomplete="off">'),
    re.compile(r'<label class="md-nav__link" for="__nav_[\d_]+" id="__nav_[\d_]+_label" tabindex="">'),
]


def nu_errors(site: Path) -> list[dict[str, object]]:
    assert VNU.is_file(), "vnu.jar is missing: run `make test`, which installs the test-only Node packages"
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(site)], capture_output=True, text=True
    )
    messages: list[dict[str, object]] = json.loads(run.stderr or '{"messages": []}')["messages"]
    return messages


def test_the_nu_checker_finds_no_error_in_the_markup_we_write(workbook_site: Path) -> None:
    errors = nu_errors(workbook_site)
    ours = [e for e in errors if not any(p.search(str(e.get("extract", ""))) for p in MATERIALS_OWN)]
    assert [f"{str(e['url']).rsplit('/site/', 1)[-1]}:{e.get('lastLine')}: {e['message']}" for e in ours] == []


def test_the_check_can_fail(tmp_path: Path) -> None:
    """Guard: the checker runs and reports a real error in a page."""
    (tmp_path / "bad.html").write_text("<!DOCTYPE html><html lang=en><title>x</title><select><option></option></select>", encoding="utf-8")
    assert any("option" in str(e["message"]) for e in nu_errors(tmp_path))
