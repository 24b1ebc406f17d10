"""Stage 4, build: render the docs folder, run the engine into a fresh folder, then swap it in.

The last good site/ is only replaced once the new one is complete: invalid content stops before
anything is written, and an engine failure leaves site/ as it was. Stage 5 (pdf.py) writes the PDF
packs into the fresh folder before the swap, so a PDF failure leaves site/ as it was too.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError

from .errors import ContentError
from .pdf import PdfUnavailable, build_pdfs, require_weasyprint
from .render import DOWNLOADS, write_docs
from .validate import Content, validate_content

ENGINES = ("mkdocs", "zensical")
# Material prints a notice about MkDocs 2 on every build; the Zensical build works, so it is noise.
ENGINE_ENV = {"PYTHONUNBUFFERED": "1", "NO_MKDOCS_2_WARNING": "1"}
# Zensical, the Material team's successor engine, installed only when asked for. 0.0.73 is the
# newest release whose dependencies the package index serves (0.1.x needs zensical-ui).
ZENSICAL = "zensical==0.0.73"
OFFLINE_ZIP = "workbook-offline.zip"  # in downloads/: the whole site, to open from disk


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


def generate(
    project: Project,
    site_dir: Path,
    preview: bool = False,
    pdf: bool = False,
    engine: str = "mkdocs",
    offline: bool = False,
    content: Content | None = None,
) -> tuple[Content | None, list[ContentError], Path | None]:
    """Validate and render; returns the engine config path (None when the content is invalid).

    `pdf`: the PDF packs will be built, so pages link them.
    `content`: already validated (a second rendering of one build), so it is not read again.
    """
    if content is None:
        content, errors = validate_content(project.root)
        if content is None:
            return None, errors, None
    try:
        config = write_docs(
            content, project.templates, project.base_config, project.work, site_dir, preview, pdf=pdf, engine=engine, offline=offline
        )
    except TemplateError as exc:  # a forker's template edit: say where, not a traceback
        return None, [template_error(exc, project)], None
    return content, [], config


def template_error(exc: TemplateError, project: Project) -> ContentError:
    name = getattr(exc, "filename", None) or getattr(exc, "name", None) or "templates/"
    shown = (
        Path(name).relative_to(project.root).as_posix()
        if Path(name).is_absolute() and Path(name).is_relative_to(project.root)
        else f"templates/{name}"
    )
    return ContentError(
        shown,
        getattr(exc, "lineno", 0) or 0,
        0,
        "",
        f"template error: {exc.message or exc}",
        "fix the template (Jinja2 syntax); `git diff templates/` shows what changed",
    )


def engine_command(engine: str, config: Path, serve: bool = False, address: str = "127.0.0.1:8000") -> list[str]:
    if engine == "mkdocs":
        verb = ["serve", "--dev-addr", address, "--livereload"] if serve else ["build", "--strict", "--clean"]
        return [sys.executable, "-m", "mkdocs", *verb, "--config-file", str(config)]
    if engine == "zensical" and not serve:
        return [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "--config-file", str(config)]
    raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")


def ensure_engine(engine: str, project: Project) -> str:
    """Install Zensical on first use; returns why that failed ("" when the engine is there)."""
    if engine != "zensical" or importlib.util.find_spec("zensical") is not None:
        return ""
    print(f"installing {ZENSICAL} (asked for by --engine zensical)", file=sys.stderr, flush=True)
    constraints = project.root / "constraints.txt"
    pin = ["-c", str(constraints)] if constraints.is_file() else []
    run = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *pin, ZENSICAL], capture_output=True, text=True
    )
    if run.returncode != 0:
        return (
            f"could not install {ZENSICAL}:\n{run.stderr.strip()}\n"
            f"Install it yourself (`pip install {ZENSICAL}`) or build with the default engine."
        )
    importlib.invalidate_caches()
    return ""


def build(
    project: Project, site: Path | None = None, engine: str = "mkdocs", pdf: bool = True, offline: bool = False, offline_zip: bool = False
) -> BuildResult:
    """Build the site into `site` (default site/), replacing it only when everything succeeded.

    `pdf`: also make the PDF packs (stage 5); without them pages do not link any PDF.
    `offline`: build a copy that works opened from disk (file://) instead of served.
    `offline_zip`: also put a zip of such a copy into downloads/, for workshops without a network.
    """
    site = (site or project.root / "site").resolve()
    refusal = unsafe_site(site, project.root.resolve())
    if refusal:
        return BuildResult(engine_failed=refusal)
    if pdf:
        try:  # before anything is built: a missing library is a set-up problem with a known fix
            require_weasyprint()
        except PdfUnavailable as exc:
            return BuildResult(pdf_failed=str(exc))
    missing = ensure_engine(engine, project)
    if missing:
        return BuildResult(engine_failed=missing)
    started = time.perf_counter()
    fresh = site.with_name(site.name + ".new")
    content, failed = run_engine(project, engine, fresh, pdf=pdf, offline=offline)
    if failed.errors or failed.engine_failed:
        return failed
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
    if offline_zip and not offline:
        started = time.perf_counter()
        copy = project.work / "offline-site"
        _, failed = run_engine(project, "mkdocs", copy, pdf=pdf, offline=True, content=content)
        if failed.errors or failed.engine_failed:
            shutil.rmtree(fresh, ignore_errors=True)
            return failed
        if pdf:  # the same packs, so a workshop without a network can print too
            shutil.copytree(fresh / DOWNLOADS, copy / DOWNLOADS, dirs_exist_ok=True)
        zip_folder(copy, fresh / DOWNLOADS / OFFLINE_ZIP, top=OFFLINE_ZIP.removesuffix(".zip"))
        shutil.rmtree(copy, ignore_errors=True)
        seconds["offline"] = time.perf_counter() - started
    _swap(fresh, site)
    return BuildResult(site=site, seconds=seconds)


def unsafe_site(site: Path, root: Path) -> str:
    """Why `site` must not be replaced by a build ("" when it may): the swap deletes what was there."""
    if site == root or root.is_relative_to(site):
        return f"refusing to build into {site}: it holds the project itself. Choose an empty folder or site/."
    if any(site == root / name or site.is_relative_to(root / name) for name in ("content", "templates", "generator", "tests", ".git")):
        return f"refusing to build into {site}: it is part of the project's sources. Choose an empty folder or site/."
    if site.is_dir() and any(site.iterdir()) and not (site / "index.html").is_file():
        return f"refusing to build into {site}: it is not empty and holds no previous build. Choose an empty folder or site/."
    return ""


def run_engine(
    project: Project, engine: str, target: Path, pdf: bool, offline: bool, content: Content | None = None
) -> tuple[Content | None, BuildResult]:
    """Generate the docs and run the engine into `target`; the result carries what went wrong.

    `content`: the model the site was built from, so a second copy (offline) matches it exactly.
    """
    # Zensical writes only inside the config's folder; its output is moved to `target` afterwards.
    engine_out = project.work / "zensical-site" if engine == "zensical" else target
    for folder in {target, engine_out}:
        if folder.exists():
            shutil.rmtree(folder)
    content, errors, config = generate(project, engine_out, pdf=pdf, engine=engine, offline=offline, content=content)
    if config is None:
        return None, BuildResult(errors=errors)
    run = subprocess.run(
        engine_command(engine, config),
        cwd=project.work if engine == "zensical" else project.root,
        capture_output=True,
        text=True,
        env=os.environ | ENGINE_ENV,
    )
    if run.returncode == 0 and engine_out != target and (engine_out / "index.html").is_file():
        shutil.move(str(engine_out), str(target))
    if run.returncode != 0 or not (target / "index.html").is_file():
        shutil.rmtree(target, ignore_errors=True)
        return None, BuildResult(engine_failed=(run.stdout + run.stderr).strip() or f"{engine} exited with {run.returncode}")
    return content, BuildResult()


def zip_folder(folder: Path, archive: Path, top: str) -> None:
    """Zip `folder`'s contents under one top folder `top` (what unzipping creates)."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                z.write(path, f"{top}/{path.relative_to(folder).as_posix()}")


def _swap(fresh: Path, site: Path) -> None:
    """Replace `site` by `fresh` with two renames, so there is always a complete site on disk."""
    old = site.with_name(site.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
