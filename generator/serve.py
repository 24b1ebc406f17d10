"""`workbook serve`: live preview for authors.

The engine's own server watches the generated docs folder and reloads the browser; this loop
watches what authors edit (content/, templates/, mkdocs.yml) and re-renders into that folder.
Polling the modification times keeps it dependency-free and works on every file system.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from .build import Project, generate
from .engine import ENGINE_ENV, engine_command
from .errors import format_report
from .messages import say

POLL_SECONDS = 0.3


def snapshot(project: Project) -> dict[Path, tuple[int, int]]:
    """Modification time and size of every file an author edits."""
    files = [project.base_config] + [p for top in ("content", "templates") for p in (project.root / top).rglob("*")]
    seen = {}
    for path in files:
        try:
            if path.is_file():
                info = path.stat()
                seen[path] = (info.st_mtime_ns, info.st_size)
        except OSError:  # an editor's swap file, gone between listing and reading
            continue
    return seen


def regenerate(project: Project, site_dir: Path) -> bool:
    """Re-render after an edit; on invalid content or a broken template report it and keep the last good pages."""
    _, errors, config = generate(project, site_dir, preview=True)
    if config is None:
        print(format_report(errors, "preview"), file=sys.stderr, flush=True)
        return False
    print(say("cli.regenerated"), flush=True)
    return True


def serve(project: Project, port: int = 8000) -> int:
    # A folder of its own, so a `make site` meanwhile does not rewrite the pages being previewed.
    project = Project(project.root, work_dir=project.work / "preview")
    site_dir = project.work / "site"
    _, errors, config = generate(project, site_dir, preview=True)
    if config is None:
        print(format_report(errors), file=sys.stderr)
        return 1
    # A plain `kill` (SIGTERM) must stop the engine's server too: turn it into the same clean exit as Ctrl-C.
    signal.signal(signal.SIGTERM, _interrupt)
    engine = subprocess.Popen(
        engine_command("mkdocs", config, serve=True, address=f"127.0.0.1:{port}"), cwd=project.root, env=os.environ | ENGINE_ENV
    )
    seen = snapshot(project)
    try:
        while engine.poll() is None:
            time.sleep(POLL_SECONDS)
            now = snapshot(project)
            if now != seen:
                seen = now
                regenerate(project, site_dir)
    except KeyboardInterrupt:
        pass
    finally:
        engine.terminate()
        engine.wait(timeout=10)
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
