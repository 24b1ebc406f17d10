"""Stage 4, build: render the docs folder, run the engine into a fresh folder, then swap it in.

The last good site/ is only replaced once the new one is complete: invalid content stops before
anything is written, and an engine failure leaves site/ as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError

from .errors import ContentError
from .render import write_docs
from .validate import Content, validate_content

ENGINES = ("mkdocs",)


@dataclass
class Project:
    """Where things are; every path derives from the project root."""

    root: Path
    work_dir: Path | None = None  # where generated docs go; default build/ (tests use a temporary one)

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def base_config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def work(self) -> Path:
        return self.work_dir or self.root / "build"


@dataclass
class BuildResult:
    errors: list[ContentError] = field(default_factory=list)
    engine_failed: str = ""  # the engine's output when it failed
    site: Path | None = None


class EngineError(RuntimeError):
    pass


def generate(project: Project, site_dir: Path) -> tuple[Content | None, list[ContentError], Path | None]:
    """Validate and render; returns the engine config path (None when the content is invalid)."""
    content, errors = validate_content(project.root)
    if content is None:
        return None, errors, None
    try:
        config = write_docs(content, project.templates, project.base_config, project.work, site_dir)
    except TemplateError as exc:  # a forker's template edit: say where, not a traceback
        return None, [template_error(exc, project)], None
    return content, [], config


def template_error(exc: TemplateError, project: Project) -> ContentError:
    name = getattr(exc, "filename", None) or getattr(exc, "name", None) or "templates/"
    shown = Path(name).relative_to(project.root).as_posix() if Path(name).is_absolute() and Path(name).is_relative_to(project.root) else f"templates/{name}"
    return ContentError(shown, getattr(exc, "lineno", 0) or 0, 0, "", f"template error: {exc.message or exc}",
                        "fix the template (Jinja2 syntax); `git diff templates/` shows what changed")


def engine_command(engine: str, config: Path, serve: bool = False, address: str = "127.0.0.1:8000") -> list[str]:
    if engine == "mkdocs":
        verb = ["serve", "--dev-addr", address, "--livereload"] if serve else ["build", "--strict", "--clean"]
        return [sys.executable, "-m", "mkdocs", *verb, "--config-file", str(config)]
    raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")


def build(project: Project, site: Path | None = None, engine: str = "mkdocs") -> BuildResult:
    site = (site or project.root / "site").resolve()
    fresh = site.with_name(site.name + ".new")
    if fresh.exists():
        shutil.rmtree(fresh)
    content, errors, config = generate(project, fresh)
    if config is None:
        return BuildResult(errors=errors)
    run = subprocess.run(engine_command(engine, config), cwd=project.root, capture_output=True, text=True,
                         env=os.environ | {"PYTHONUNBUFFERED": "1"})
    if run.returncode != 0 or not (fresh / "index.html").is_file():
        shutil.rmtree(fresh, ignore_errors=True)
        return BuildResult(engine_failed=(run.stdout + run.stderr).strip() or f"{engine} exited with {run.returncode}")
    _swap(fresh, site)
    return BuildResult(site=site)


def _swap(fresh: Path, site: Path) -> None:
    """Replace `site` by `fresh` with two renames, so there is always a complete site on disk."""
    old = site.with_name(site.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
