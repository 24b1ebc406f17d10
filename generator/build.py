"""Stage 4, build: render the docs folder, run the engine into a fresh folder, then swap it in.

The last good site/ is only replaced once the new one is complete: invalid content stops before
anything is written, and an engine failure leaves site/ as it was. Stage 5 (pdf.py) writes the PDF
packs into the fresh folder before the swap, so a PDF failure leaves site/ as it was too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError

from .errors import ContentError
from .pdf import PdfUnavailable, build_pdfs, require_weasyprint
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
    pdf_failed: str = ""  # why the PDF packs could not be made (the site was not replaced)
    site: Path | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # per stage: "site" (render + engine), "pdf"


class EngineError(RuntimeError):
    pass


def generate(project: Project, site_dir: Path, preview: bool = False, pdf: bool = False
             ) -> tuple[Content | None, list[ContentError], Path | None]:
    """Validate and render; returns the engine config path (None when the content is invalid).

    `pdf`: the PDF packs will be built, so pages link them.
    """
    content, errors = validate_content(project.root)
    if content is None:
        return None, errors, None
    try:
        config = write_docs(content, project.templates, project.base_config, project.work, site_dir, preview, pdf=pdf)
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


def build(project: Project, site: Path | None = None, engine: str = "mkdocs", pdf: bool = True) -> BuildResult:
    """`pdf`: also make the PDF packs (stage 5); without them pages do not link any PDF."""
    site = (site or project.root / "site").resolve()
    if pdf:
        try:  # before anything is built: a missing library is a set-up problem with a known fix
            require_weasyprint()
        except PdfUnavailable as exc:
            return BuildResult(pdf_failed=str(exc))
    started = time.perf_counter()
    fresh = site.with_name(site.name + ".new")
    if fresh.exists():
        shutil.rmtree(fresh)
    content, errors, config = generate(project, fresh, pdf=pdf)
    if config is None:
        return BuildResult(errors=errors)
    run = subprocess.run(engine_command(engine, config), cwd=project.root, capture_output=True, text=True,
                         env=os.environ | {"PYTHONUNBUFFERED": "1"})
    if run.returncode != 0 or not (fresh / "index.html").is_file():
        shutil.rmtree(fresh, ignore_errors=True)
        return BuildResult(engine_failed=(run.stdout + run.stderr).strip() or f"{engine} exited with {run.returncode}")
    seconds = {"site": time.perf_counter() - started}
    if pdf and content is not None:
        started = time.perf_counter()
        try:
            build_pdfs(content, project.templates, fresh)
        except TemplateError as exc:
            shutil.rmtree(fresh, ignore_errors=True)
            return BuildResult(errors=[template_error(exc, project)])
        except Exception as exc:  # WeasyPrint's own errors have no common base class
            shutil.rmtree(fresh, ignore_errors=True)
            return BuildResult(pdf_failed=f"making the PDF packs failed: {type(exc).__name__}: {exc}")
        seconds["pdf"] = time.perf_counter() - started
    _swap(fresh, site)
    return BuildResult(site=site, seconds=seconds)


def _swap(fresh: Path, site: Path) -> None:
    """Replace `site` by `fresh` with two renames, so there is always a complete site on disk."""
    old = site.with_name(site.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
