"""`workbook serve`: saving a content file shows up in the open browser tab by itself."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    """Poll until the server answers (bounded); fails at once if it exits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, "workbook serve exited early"
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)  # polling interval while the server starts, not a timing assumption
    raise AssertionError(f"{url} did not come up")


@pytest.fixture
def preview(project: Path) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(project), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_until_up(url, proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_saving_an_exercise_reloads_the_open_tab(preview: str, project: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(preview + "exercises/runway/")
    heading = page.locator("h1")
    assert heading.inner_text().startswith("Runway")

    exercise = project / "content" / "exercises" / "runway.yml"
    exercise.write_text(exercise.read_text().replace("title: Runway", "title: Runway of savings"))

    heading.filter(has_text="Runway of savings").wait_for(timeout=15_000)


def test_invalid_edit_keeps_the_last_good_preview(project: Path, tmp_path: Path) -> None:
    from generator.build import Project, generate
    from generator.serve import regenerate

    proj = Project(project, work_dir=tmp_path / "work")
    generate(proj, tmp_path / "site")
    page = tmp_path / "work" / "docs" / "exercises" / "runway.md"
    before = page.read_text()
    exercise = project / "content" / "exercises" / "runway.yml"
    exercise.write_text(exercise.read_text().replace("minutes: 5", "minutes: soon").replace("title: Runway", "title: Changed"))

    assert regenerate(proj, tmp_path / "site") is False
    assert page.read_text() == before

    exercise.write_text(exercise.read_text().replace("minutes: soon", "minutes: 5"))
    assert regenerate(proj, tmp_path / "site") is True
    assert "# Changed" in page.read_text()

    template = project / "templates" / "pages" / "exercise.md.j2"
    template.write_text(template.read_text() + "{% if %}")  # a typo while editing a template
    assert regenerate(proj, tmp_path / "site") is False
    assert "# Changed" in page.read_text()
