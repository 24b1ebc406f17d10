"""Stage 4, build: render the docs folder, run the engine into a fresh folder, then swap it in.

Pipeline position: load -> validate -> render -> **build** (engine.py) -> pdf. The last good site/
is only replaced once the new one is complete: invalid content stops before anything is written,
and an engine failure leaves site/ as it was. Stage 5 (pdf.py) writes the PDF packs into the fresh
folder before the swap, so a PDF failure leaves site/ as it was too.
"""

from __future__ import annotations

import shutil
import time
import zipfile
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from jinja2 import TemplateError
from pydantic import ValidationError

from .docs_folder import JINJA_CACHE, write_docs
from .downloads import DOWNLOADS, OFFLINE_ZIP
from .engine import ENGINES, engine_output, ensure_engine, run_engine
from .errors import ContentError
from .field_errors import pydantic_message
from .footer_path import footer_path
from .languages import LanguageSite, alternate, language_sites, link_counterparts, site_folder
from .links import Links
from .messages import say
from .model import Content, Workbook
from .pdf import Batch, Layouts, PdfUnavailable, finish, plan_pdfs, require_weasyprint
from .precache import write_worker
from .secure_pages import mend_pages, secure_pages
from .validate import validate_content
from .web_app import add_web_app

PDF_CACHE = "pdf-cache"  # under the work folder: PDFs of the last build, reused where nothing they show changed

__all__ = ["ENGINES", "OFFLINE_ZIP", "BuildFailure", "BuildResult", "Project", "build", "generate"]


@dataclass
class Project:
    """Where things are; every path derives from the project root."""

    root: Path
    work_dir: Path | None = None  # where generated docs go; default build/ (tests use a temporary one)
    site_url: str | None = None  # the published address, when the publisher knows it better than workbook.yml

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def base_config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def work(self) -> Path:
        return self.work_dir or self.root / "build"

    @property
    def jinja_cache(self) -> Path:
        return self.work / JINJA_CACHE


# What stopped a build, besides content errors (which are a list of their own):
# refused: the output folder may not be replaced; setup: a missing program or library, with the fix;
# engine: MkDocs or Zensical failed (its output); pdf: making the PDF packs failed.
Stage = Literal["refused", "setup", "engine", "pdf"]


@dataclass(frozen=True)
class BuildFailure:
    stage: Stage
    message: str


@dataclass
class BuildResult:
    errors: list[ContentError] = field(default_factory=list)
    failure: BuildFailure | None = None
    site: Path | None = None
    notes: list[ContentError] = field(default_factory=list)  # files skipped (see Content.notes)
    seconds: dict[str, float] = field(default_factory=dict)  # per stage: "site" (render + engine), "pdf", "offline"

    @property
    def ok(self) -> bool:
        return not self.errors and self.failure is None


def generate(
    project: Project,
    site_dir: Path,
    preview: bool = False,
    pdf: bool = False,
    engine: str = "mkdocs",
    offline: bool = False,
    content: Content | None = None,
    alternate: list[dict[str, str]] | None = None,
) -> tuple[Content | None, list[ContentError], Path | None]:
    """Validate and render; returns the engine config path (None when the content is invalid).

    `pdf`: the PDF packs will be built, so pages link them.
    `content`: already validated (a second rendering of one build, or one language), so it is not read again.
    `alternate`: the language selector's entries, when the workbook is made in several languages.
    """
    if content is None:
        content, errors = checked_content(project)
        if content is None:
            return None, errors, None
    try:
        config = write_docs(
            content,
            project.templates,
            project.base_config,
            project.work,
            site_dir,
            preview,
            pdf=pdf,
            engine=engine,
            offline=offline,
            alternate=alternate,
        )
    except TemplateError as exc:  # a forker's template edit: say where, not a traceback
        return None, [template_error(exc, project)], None
    return content, [], config


def checked_content(project: Project) -> tuple[Content | None, list[ContentError]]:
    """The validated content, with `--site-url` applied when given."""
    content, errors = validate_content(project.root)
    if content is None or project.site_url is None:
        return content, errors
    return with_site_url(content, project.site_url)


def with_site_url(content: Content, site_url: str) -> tuple[Content | None, list[ContentError]]:
    """The content with `site_url` given on the command line (`--site-url`), checked as workbook.yml's is."""
    try:
        workbook = Workbook.model_validate(content.workbook.model_dump() | {"site_url": site_url})
    except ValidationError as exc:
        message = pydantic_message(exc.errors()[0])
        return None, [ContentError("--site-url", 0, 0, "site_url", message, say("build.site-url-hint"))]
    return replace(content, workbook=workbook), []


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
        say("build.template-error", error=exc.message or exc),
        say("build.template-error-hint"),
    )


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
        return BuildResult(failure=BuildFailure("refused", refusal))
    if pdf:
        try:  # before anything is built: a missing library is a set-up problem with a known fix
            require_weasyprint()
        except PdfUnavailable as exc:
            return BuildResult(failure=BuildFailure("setup", str(exc)))
    missing = ensure_engine(engine, project.root / "constraints.txt")
    if missing:
        return BuildResult(failure=BuildFailure("setup", missing))
    fresh = site.with_name(site.name + ".new")
    content, errors = checked_content(project)
    if content is None:
        return BuildResult(errors=errors)
    # Every language into the fresh folder (the original at its root, the others in theirs), then one swap.
    sites = language_sites(content)
    seconds: dict[str, float] = {}
    failed = sites_into(project, engine, fresh, sites, pdf=pdf, offline=offline, seconds=seconds)
    if failed is None and offline_zip and not offline:
        started = time.perf_counter()
        copy = project.work / "offline-site"
        failed = sites_into(project, "mkdocs", copy, sites, pdf=False, offline=True, links_pdf=pdf)
        if failed is None:
            if pdf:  # the same packs, so a workshop without a network can print too
                for each in sites:
                    shutil.copytree(site_folder(fresh, each) / DOWNLOADS, site_folder(copy, each) / DOWNLOADS, dirs_exist_ok=True)
            zip_folder(copy, fresh / DOWNLOADS / OFFLINE_ZIP, top=OFFLINE_ZIP.removesuffix(".zip"))
        shutil.rmtree(copy, ignore_errors=True)
        seconds["offline"] = time.perf_counter() - started
    if failed is not None:
        shutil.rmtree(fresh, ignore_errors=True)
        return failed
    _swap(fresh, site)
    return BuildResult(site=site, notes=content.notes, seconds=seconds)


def sites_into(
    project: Project,
    engine: str,
    target: Path,
    sites: list[LanguageSite],
    pdf: bool,
    offline: bool,
    links_pdf: bool | None = None,
    seconds: dict[str, float] | None = None,
) -> BuildResult | None:
    """Build every language's site into `target` (the first at its root, the others in their folders),
    with its PDF packs when `pdf`, then link each page to its counterparts; None when all went well.

    `links_pdf`: pages link the packs (default `pdf`; the offline copy links the packs it is given).
    `seconds`: filled with the time spent per stage ("site", "pdf"), all languages together.
    """
    timing = seconds if seconds is not None else {}
    with ExitStack() as stack:
        # The PDFs' parts are laid out in the background from the start, while the sites are rendered and
        # the engine runs (it leaves this process idle), then put together once every site is there.
        started = time.perf_counter()
        batches: list[Batch] = []
        layouts = None
        if pdf:
            try:
                for each in sites:
                    work = language_project(project, each)
                    batches.append(
                        plan_pdfs(each.content, project.templates, site_folder(target, each), work.jinja_cache, work.work / PDF_CACHE)
                    )
                layouts = stack.enter_context(Layouts(sum(len(batch.todo) for batch in batches)))
                for batch in batches:
                    layouts.start(batch.todo)
            except TemplateError as exc:
                return BuildResult(errors=[template_error(exc, project)])
            except Exception as exc:  # WeasyPrint's own errors have no common base class
                return BuildResult(failure=BuildFailure("pdf", say("build.pdf-failed", error=f"{type(exc).__name__}: {exc}")))
            timing["pdf"] = time.perf_counter() - started
        for each in sites:
            started = time.perf_counter()
            out = site_folder(target, each)
            chosen = pdf if links_pdf is None else links_pdf
            content, failed = site_into(
                language_project(project, each),
                engine,
                out,
                pdf=chosen,
                offline=offline,
                content=each.content,
                alternate=alternate(sites, each),
            )
            if content is None:
                return failed
            # Here `out` is one language's complete site: whatever is made per site (a service worker, whose
            # scope and precache list are that folder's) belongs here, with `each.folder` saying which.
            timing["site"] = timing.get("site", 0.0) + time.perf_counter() - started
        if layouts is not None:
            started = time.perf_counter()
            try:
                for batch in batches:
                    finish(batch, layouts)
            except Exception as exc:
                return BuildResult(failure=BuildFailure("pdf", say("build.pdf-failed", error=f"{type(exc).__name__}: {exc}")))
            timing["pdf"] = timing.get("pdf", 0.0) + time.perf_counter() - started
    link_counterparts(target, sites, directory_urls=not offline)
    if not offline:  # from disk no worker can run
        # Last, as each file now is: each language's worker lists its own folder, the root's (written
        # after the others) every language's, so a reader can switch language offline.
        for each in reversed(sites):
            write_worker(site_folder(target, each), project.templates)
    return None


def language_project(project: Project, each: LanguageSite) -> Project:
    """The project as one language's site is built: each language has a work folder of its own (its
    docs, engine config, compiled templates and PDF cache); the original language uses the project's."""
    return project if not each.folder else replace(project, work_dir=project.work / "languages" / each.folder)


def unsafe_site(site: Path, root: Path) -> str:
    """Why `site` must not be replaced by a build ("" when it may): the swap deletes what was there."""
    if site == root or root.is_relative_to(site):
        return say("build.refused-project", site=site)
    if any(site == root / name or site.is_relative_to(root / name) for name in ("content", "templates", "generator", "tests", ".git")):
        return say("build.refused-sources", site=site)
    if site.is_dir() and any(site.iterdir()) and not (site / "index.html").is_file():
        return say("build.refused-not-empty", site=site)
    return ""


def site_into(
    project: Project,
    engine: str,
    target: Path,
    pdf: bool,
    offline: bool,
    content: Content | None = None,
    alternate: list[dict[str, str]] | None = None,
) -> tuple[Content | None, BuildResult]:
    """Generate the docs and run the engine into `target`; on failure the result says what went wrong.

    `content`: the model the site was built from, so a second copy (offline) matches it exactly.
    `alternate`: the language selector's entries (languages.py).
    """
    for folder in {target, engine_output(engine, project.work, target)}:
        if folder.exists():
            shutil.rmtree(folder)
    content, errors, config = generate(
        project, engine_output(engine, project.work, target), pdf=pdf, engine=engine, offline=offline, content=content, alternate=alternate
    )
    if config is None or content is None:
        return None, BuildResult(errors=errors)
    failed = run_engine(engine, config, target, project.work, project.root)
    if failed:
        return None, BuildResult(failure=BuildFailure("engine", failed))
    if content is not None:
        footer_path(target, content, Links("offline" if offline else "zensical" if engine == "zensical" else "mkdocs"))
    if not offline:  # from disk (file://) a policy of 'self' would block the site's own scripts, and no worker can run
        secure_pages(target)
        add_web_app(target, content)  # sites_into writes the worker once every language is there
    else:
        mend_pages(target)
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
