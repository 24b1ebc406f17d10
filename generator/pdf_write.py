"""Stage 5, the writing half of pdf.py: documents (HTML parts) -> PDF files, with WeasyPrint.

Each part is laid out once and its pages reused by every PDF that holds it (a worksheet alone and in
both packs of its paper: `Document.copy`). The papers are laid out side by side in worker processes,
and a PDF whose inputs are all unchanged since the last build is copied from the cache in the work
folder instead. The PDFs are tagged PDF/UA-1 documents, with title and language, for screen readers.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from .downloads import Paper

SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
VARIANT = "pdf/ua-1"  # tagged (structure, reading order, alternative texts), with the document's title and language
# Every part is styled by these (under templates/), parsed once per process rather than once per part.
STYLESHEETS = ("packs/pack.css", "assets/workbook/print.css")
CACHE_VERSION = "1"  # bump when what goes into a PDF changes in a way the key below does not see


class PdfUnavailable(RuntimeError):
    """WeasyPrint (or the system libraries it loads) is missing; the message says what to do."""


def require_weasyprint() -> None:
    """Fail early, with the fix, when WeasyPrint cannot run here."""
    try:
        import weasyprint  # noqa: F401
    except (OSError, ImportError) as exc:  # OSError: cffi could not load Pango
        raise PdfUnavailable(
            f"The PDF packs need WeasyPrint and its system libraries, which are missing here ({exc}).\n"
            f"Install them (Debian/Ubuntu: apt-get install -y {SYSTEM_PACKAGES}; `make site` does this), "
            "or build the site without the PDF packs: `workbook build --no-pdf` (pages then do not link them)."
        ) from exc


@dataclass(frozen=True)
class Document:
    """One PDF: its parts (each a whole HTML document, laid out on its own), their pages in order.

    A worksheet is one part, shared by the single worksheet PDF and both packs of its paper, so it is
    laid out once. Each part counts its own pages ("Page 1 of 2" is of that worksheet), which is what
    lets the packs reuse them; the PDF's title is `title`, whatever its first part's.
    """

    path: str  # under downloads/, e.g. worksheets/network-map.pdf
    title: str
    parts: tuple[str, ...]
    paper: Paper = "a4"


@dataclass(frozen=True)
class Job:
    """What one worker lays out and writes: documents sharing parts (one paper's)."""

    documents: tuple[Document, ...]
    templates: Path
    downloads: Path


def write_pdfs(
    documents: list[Document], templates: Path, downloads: Path, cache: Path | None = None, workers: int | None = None
) -> list[Path]:
    """Every document as a PDF under `downloads`; stylesheets and images resolve against templates/.

    `cache`: a folder of earlier builds' PDFs, kept between builds (None: none).
    `workers`: processes to lay out in (default: one per paper, at most one per core).
    """
    require_weasyprint()
    keys = {doc.path: document_key(doc, templates) for doc in documents}
    todo = [doc for doc in documents if not (cache and restore(cache, keys[doc.path], downloads / doc.path))]
    papers = sorted({doc.paper for doc in todo})
    jobs = [Job(tuple(d for d in todo if d.paper == paper), templates.resolve(), downloads.resolve()) for paper in papers]
    workers = min(len(jobs), workers or _cores())
    if workers <= 1:
        fetched = [write_job(job) for job in jobs]
    else:
        # Spawned, not forked: a fork of a process with threads (a test's browser driver) may hang.
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
            fetched = list(pool.map(write_job, jobs))
    if cache:
        for job, files in zip(jobs, fetched, strict=True):
            for doc in job.documents:
                store(cache, keys[doc.path], downloads / doc.path, files)
        prune(cache, set(keys.values()))
    return [downloads / doc.path for doc in documents]


def write_job(job: Job) -> dict[str, str]:
    """Lay out each part of the job's documents once, write every document; returns the files read
    while doing so (path -> content hash), so the cache can tell when one of them changes."""
    from weasyprint import CSS, HTML

    fetcher, fetched = build_files_fetcher((job.templates, job.downloads.parent))
    base_url = str(job.templates) + "/"
    styles = [CSS(filename=str(job.templates / name), url_fetcher=fetcher) for name in STYLESHEETS]
    images: dict[str, Any] = {}  # one image cache for every part (the writing line, QR codes)
    laid_out: dict[str, Any] = {}
    for doc in job.documents:
        for part in doc.parts:
            if part not in laid_out:
                laid_out[part] = HTML(string=part, base_url=base_url, url_fetcher=fetcher).render(stylesheets=styles, cache=images)
        first = laid_out[doc.parts[0]]
        combined = first.copy([page for part in doc.parts for page in laid_out[part].pages])
        combined.metadata = copy.copy(first.metadata)  # shared with the part, which other PDFs reuse
        combined.metadata.title = doc.title
        target = job.downloads / doc.path
        target.parent.mkdir(parents=True, exist_ok=True)
        combined.write_pdf(target, pdf_variant=VARIANT)
    return {path: _digest(Path(path).read_bytes()) for path in sorted(fetched)}


def build_files_fetcher(allowed: tuple[Path, ...]) -> tuple[Any, set[str]]:
    """A URL fetcher for data: URIs and files of this build only (templates/, the site being printed):
    an address in someone's content must neither make the build call another host nor put a file
    from elsewhere on the machine into a PDF. WeasyPrint logs the refusal and leaves the image out.
    Also returns the set it adds every file it reads to."""
    from weasyprint.urls import URLFetcher

    roots = tuple(root.resolve() for root in allowed)
    fetched: set[str] = set()

    class BuildFilesOnly(URLFetcher):  # type: ignore[misc]  # WeasyPrint is untyped
        def fetch(self, url: str, headers: object = None) -> object:
            if url.startswith("file:"):
                path = _file_path(url)
                if not any(path.is_relative_to(root) for root in roots):
                    raise ValueError(f"not a file of this build: {url}")
                fetched.add(str(path))
            return super().fetch(url, headers)

    return BuildFilesOnly(allowed_protocols={"file", "data"}), fetched


# --- the cache: <work>/pdf-cache/<key>.pdf and <key>.json (the files it was made from) ------------


def document_key(doc: Document, templates: Path) -> str:
    """A hash of everything a PDF is made from but the files its parts fetch (those are in the entry)."""
    import weasyprint

    h = hashlib.sha256()
    for value in (CACHE_VERSION, weasyprint.__version__, VARIANT, doc.paper, doc.title, *doc.parts):
        h.update(value.encode("utf-8") + b"\0")
    for name in STYLESHEETS:
        h.update((templates / name).read_bytes() + b"\0")
    return h.hexdigest()


def restore(cache: Path, key: str, target: Path) -> bool:
    """Copy the cached PDF to `target` if it was made from the same inputs; False if there is none."""
    entry, pdf = cache / f"{key}.json", cache / f"{key}.pdf"
    try:
        files = json.loads(entry.read_text(encoding="utf-8"))
        if not pdf.is_file() or any(not Path(p).is_file() or _digest(Path(p).read_bytes()) != d for p, d in files.items()):
            return False
    except (OSError, ValueError, AttributeError):  # no entry, or a damaged one: make the PDF again
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pdf, target)
    return True


def store(cache: Path, key: str, made: Path, files: dict[str, str]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(made, cache / f"{key}.pdf")
    (cache / f"{key}.json").write_text(json.dumps(files, indent=0), encoding="utf-8")  # last: an entry is complete or absent


def prune(cache: Path, keep: set[str]) -> None:
    """Drop the entries this build did not use, so the cache holds one build's PDFs."""
    for path in cache.glob("*.*"):
        if path.stem not in keep and path.suffix in (".pdf", ".json"):
            path.unlink(missing_ok=True)


def _cores() -> int:
    """The cores this process may use (a container's share, not the host's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_path(url: str) -> Path:
    """The real path of a file: URL (links and `..` resolved, so they cannot lead elsewhere)."""
    from urllib.parse import unquote, urlparse

    return Path(unquote(urlparse(url).path)).resolve()
