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


def start_preview(project: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start `workbook serve` on a free port. The engine binds the port itself, so another process
    can take it between our look-up and its bind: that attempt exits at once and another port is
    tried (three at most)."""
    for _ in range(3):
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "--root", str(project), "serve", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/"
        try:
            wait_until_up(url, proc)
            return proc, url
        except AssertionError:
            proc.terminate()
            proc.wait(timeout=20)
    raise AssertionError("workbook serve did not start on any of three free ports")


@pytest.fixture
def preview(project: Path) -> Iterator[str]:
    proc, url = start_preview(project)
    try:
        yield url
    finally:
        proc.terminate()  # serve.py stops the engine's server too (tested below)
        proc.wait(timeout=20)


def test_saving_an_exercise_reloads_the_open_tab(preview: str, project: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(preview + "exercises/runway/")
    heading = page.locator("h1")
    assert heading.inner_text().startswith("Runway")

    exercise = project / "content" / "exercises" / "runway.yml"
    exercise.write_text(exercise.read_text().replace("title: Runway", "title: Runway of savings"))

    # Bounded, not a timing assumption: re-render, engine rebuild and reload on a busy machine.
    heading.filter(has_text="Runway of savings").wait_for(timeout=90_000)


def test_stopping_the_preview_stops_the_engine_server(project: Path) -> None:
    proc, url = start_preview(project)
    proc.terminate()  # what a process manager or `kill` sends
    proc.wait(timeout=20)

    with pytest.raises(OSError):  # nothing answers any more: the engine's server did not outlive us
        urllib.request.urlopen(url, timeout=5)


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
