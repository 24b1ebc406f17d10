"""CUSTOMISING.md works as written: its commands and YAML, applied to a copy of the repository."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from generator.build import Project, build

from .conftest import REPO

GUIDE = (REPO / "CUSTOMISING.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", GUIDE, flags=re.S)


def copy_of_repository(target: Path) -> Path:
    for name in ("content", "templates", "schemas"):
        shutil.copytree(REPO / name, target / name)
    for name in ("mkdocs.yml", "constraints.txt"):
        shutil.copy2(REPO / name, target / name)
    return target


def test_the_guide_works_as_written(tmp_path: Path) -> None:
    root = copy_of_repository(tmp_path / "fork")
    workbook_yml = root / "content" / "workbook.yml"

    # Scaffold an exercise into a chapter, with the guide's own command.
    command = next(line for b in blocks("sh") for line in b.splitlines() if "workbook new exercise" in line)
    args = shlex.split(command.split("#")[0])[1:]  # drop the path of the `workbook` command
    run = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    new_id, chapter = args[2], args[args.index("--chapter") + 1]

    # Change the palette and the widget's wording as the guide shows (its logo file is an example).
    theme = yaml.safe_load(next(b for b in blocks("yaml") if "\ntheme:" in b))["theme"]
    theme.pop("logo")
    strings_block = next(b for b in blocks("yaml") if b.startswith("strings:"))
    strings = yaml.safe_load(strings_block)["strings"]
    workbook_yml.write_text(workbook_yml.read_text() + yaml.safe_dump({"theme": theme}) + strings_block)

    result = build(Project(root), pdf=False)
    assert result.ok, result.errors or result.failure
    site = root / "site"

    assert (site / "exercises" / new_id / "index.html").is_file()
    assert f'href="../../exercises/{new_id}/"' in (site / "chapters" / chapter / "index.html").read_text()
    palette = (site / "assets" / "workbook" / "site.bundle.css").read_text()
    assert f"--md-primary-fg-color: {theme['primary']}" in palette and f"--md-accent-fg-color: {theme['accent']}" in palette
    script = (site / "assets" / "workbook" / "site.bundle.js").read_text()
    opening = "globalThis.WorkbookStrings = Object.assign(globalThis.WorkbookStrings || {}, "
    start = script.index(opening) + len(opening)
    effective, _ = json.JSONDecoder().raw_decode(script, start)
    assert strings and all(effective[key] == text for key, text in strings.items())
