"""Stage 5, the writing half of pdf.py: documents (HTML parts) -> PDF files, with WeasyPrint.

Each part (a worksheet, an exercise's facilitator material, a pack's front) is laid out alone, once
for both papers (paper.py), into a PDF of its own, kept in the cache between builds under a hash of
everything it is made from; the PDFs people download are put together from those part PDFs by
pdf_assemble.py. So a rebuild with one exercise changed lays out that exercise's parts only. Parts are laid out in the background while
the build renders the sites (`Layouts`: on worker processes, one per core). The PDFs are tagged
PDF/UA-1 documents, with title and language, for screen readers.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import threading
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pikepdf

from .downloads import Paper
from .messages import say
from .paper import layout_page, paper_points
from .pdf_assemble import PART_LINK, assemble

SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
VARIANT = "pdf/ua-1"  # tagged (structure, reading order, alternative texts), with the document's title and language
# Every part is styled by these (under templates/), parsed once per process rather than once per part,
# then by PAGE: the layout page, the same for every paper (paper.py). Last, so that its margins win
# over print.css's (a browser's printing); pack.css's cover, a named page, keeps none all the same.
STYLESHEETS = ("packs/pack.css", "assets/workbook/print.css")
PAGE = layout_page().css()
CACHE_VERSION = "3"  # bump when what goes into a PDF changes in a way the key below does not see


class PdfUnavailable(RuntimeError):
    """WeasyPrint (or the system libraries it loads) is missing; the message says what to do."""


def require_weasyprint() -> None:
    """Fail early, with the fix, when WeasyPrint cannot run here."""
    try:
        import weasyprint  # noqa: F401
    except (OSError, ImportError) as exc:  # OSError: cffi could not load Pango
        raise PdfUnavailable(say("build.no-weasyprint", error=exc, packages=SYSTEM_PACKAGES)) from exc


@dataclass(frozen=True)
class Document:
    """One PDF: its parts (each a whole HTML document, laid out on its own), their pages in order.

    A worksheet is one part, shared by the single worksheet PDF and the packs in both papers, so it is
    laid out once: on the layout page (paper.LayoutPage), of which each PDF shows its `paper`. Each part
    counts its own pages ("Page 1 of 2" is of that worksheet), which is what lets the packs reuse
    them; the PDF's title is `title`, whatever its first part's.
    """

    path: str  # under downloads/, e.g. worksheets/network-map.pdf
    title: str
    parts: tuple[str, ...]
    paper: Paper = "a4"


@dataclass(frozen=True)
class Part:
    """One part to lay out: its HTML, where its PDF goes, and the folders it may read."""

    key: str
    html: str
    pdf: Path
    templates: Path
    site: Path


def write_pdfs(
    documents: list[Document], templates: Path, downloads: Path, cache: Path | None = None, workers: int | None = None
) -> list[Path]:
    """Every document as a PDF under `downloads`; stylesheets and images resolve against templates/.

    `cache`: a folder of earlier builds' part PDFs, kept between builds (None: none).
    `workers`: processes to lay out in (default: see `Layouts`; 1: a thread of this process).
    The build does the same in steps (plan, `Layouts`, finish), so that parts are laid out while
    the sites are built.
    """
    with tempfile.TemporaryDirectory(prefix="workbook-parts-") as scratch:
        batch = plan(documents, templates, downloads, cache or Path(scratch), keep=cache is not None)
        with Layouts(len(batch.todo), workers) as layouts:
            layouts.start(batch.todo)
            return finish(batch, layouts)


@dataclass(frozen=True)
class Batch:
    """One site's PDFs, planned: each of their parts once, and the parts the cache cannot give (`todo`,
    the longest first, so that no core is left with a long one at the end)."""

    documents: list[Document]
    downloads: Path
    parts: dict[str, Part]  # by HTML, as documents name them
    todo: list[Part]
    folder: Path  # where the parts' PDFs are
    keep: bool  # the folder is the cache: it keeps this build's parts only


def plan(documents: list[Document], templates: Path, downloads: Path, folder: Path, keep: bool = True) -> Batch:
    """The parts of `documents`, each laid out into `folder` unless a fresh copy is there already (when
    `keep`: a cache kept between builds; otherwise a scratch folder, where nothing is trusted)."""
    require_weasyprint()
    _TOOLS.clear()  # stylesheets and images read by an earlier build in this process may have changed since
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    keys = {part: part_key(part, templates) for doc in documents for part in doc.parts}
    by_key = {key: Part(key, html, folder / f"{key}.pdf", templates.resolve(), downloads.resolve().parent) for html, key in keys.items()}
    todo = [part for part in by_key.values() if not (keep and is_fresh(folder, part.key))]
    parts = {name: by_key[key] for name, key in keys.items()}
    return Batch(documents, downloads, parts, sorted(todo, key=lambda part: -len(part.html)), folder, keep)


def finish(batch: Batch, layouts: Layouts) -> list[Path]:
    """Once its parts are laid out, each document of `batch` put together into its PDF."""
    layouts.wait(batch.todo)
    for doc in batch.documents:
        doc_parts = [batch.parts[part] for part in doc.parts]
        paper = paper_points(doc.paper)
        try:
            assemble([part.pdf for part in doc_parts], doc.title, batch.downloads / doc.path, paper)
        except pikepdf.PdfError:  # a cached part damaged since it was made: lay the document's parts out again
            if not batch.keep:
                raise
            layouts.again([part for part in doc_parts if part not in batch.todo])
            assemble([part.pdf for part in doc_parts], doc.title, batch.downloads / doc.path, paper)
    if batch.keep:
        prune(batch.folder, {part.key for part in batch.parts.values()})
    return [batch.downloads / doc.path for doc in batch.documents]


# A worker process costs about as much as laying out four parts (it imports WeasyPrint and parses the
# stylesheets), so a rebuild that lays out a few parts does it on a thread of the build's own process.
PARTS_PER_WORKER = 4


class Layouts:
    """Parts laid out in the background, in the order given, while the build goes on (it renders the
    sites and waits for the engine meanwhile).

    On worker processes, one per core, when there are parts enough to repay starting them; otherwise
    on one thread of this process, which lays out while the build waits for the engine. `count`: the
    parts there will be; `workers`: processes to use instead (1: the thread).
    """

    def __init__(self, count: int, workers: int | None = None) -> None:
        workers = min(count, workers or min(_cores(), count // PARTS_PER_WORKER))
        self._pool: Executor = (
            ProcessPoolExecutor(max_workers=workers, mp_context=get_context(start_method()))
            if workers > 1
            else ThreadPoolExecutor(max_workers=1)
        )
        # By where the part's PDF goes: the same key in two caches (two languages' work folders) is two layouts.
        self._started: dict[Path, Future[None]] = {}

    def __enter__(self) -> Layouts:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def start(self, parts: list[Part]) -> None:
        """Queue each part (once), after those already queued."""
        for part in parts:
            if part.pdf not in self._started:
                self._started[part.pdf] = self._pool.submit(_lay_out, part)

    def again(self, parts: list[Part]) -> None:
        """Lay these parts out once more, now (on the same processes or thread: one process never lays
        out two parts at once, as they share its stylesheets and font configuration)."""
        for future in [self._pool.submit(_lay_out, part) for part in parts]:
            future.result()

    def wait(self, parts: list[Part]) -> None:
        """Return once these parts are laid out; a part's failure is raised here."""
        for part in parts:
            self._started[part.pdf].result()


def start_method() -> str:
    """How to start worker processes: forked where that is safe, so that each starts with WeasyPrint
    imported (spawned, a worker spends about half a second importing it and finding its libraries);
    spawned on other systems and in a process running other threads (a test's browser driver), whose
    fork may hang on a lock one of them held."""
    if sys.platform != "linux":
        return "spawn"
    try:
        threads = len(os.listdir("/proc/self/task"))  # native threads too, not only Python's
    except OSError:
        threads = threading.active_count()
    return "fork" if threads == 1 else "spawn"


def _lay_out(part: Part) -> None:
    lay_out_part(part)  # looked up when called, so that a test may count the parts laid out


def lay_out_part(part: Part) -> None:
    """Lay one part out with WeasyPrint into part.pdf; its entry (the files it read) is written last,
    so an entry is complete or absent."""
    from weasyprint import HTML

    part.pdf.with_suffix(".json").unlink(missing_ok=True)  # the entry is written last, when the PDF is whole
    tools = _tools(part.templates, part.site)
    tools.fetched.clear()
    tools.images.used.clear()
    html = cross_part_links(part.html)
    document = HTML(string=html, base_url=str(part.templates) + "/", url_fetcher=tools.fetcher).render(
        stylesheets=tools.styles, cache=tools.images, font_config=tools.fonts
    )
    document.write_pdf(part.pdf, pdf_variant=VARIANT)
    files = sorted(tools.style_files | tools.fetched | tools.images.used)
    entry = {path: _digest(Path(path).read_bytes()) for path in files}
    part.pdf.with_suffix(".json").write_text(json.dumps(entry, indent=0), encoding="utf-8")


ANCHOR = re.compile(r'\bid="([^"]+)"')
INTERNAL_LINK = re.compile(r'href="#([^"]+)"')


def cross_part_links(html: str) -> str:
    """The part with each link to an anchor it lacks (one in another part of the PDF) turned into a
    PART_LINK address, which WeasyPrint keeps and pdf_assemble points at that anchor."""
    ids = set(ANCHOR.findall(html))
    return INTERNAL_LINK.sub(lambda m: m.group(0) if m.group(1) in ids else f'href="{PART_LINK}{m.group(1)}"', html)


class _RecordingImages(dict[str, Any]):
    """WeasyPrint's image cache, shared by every part a process lays out, which notes the files of the
    images a part takes from it (it then does not fetch them again, but depends on them all the same)."""

    def __init__(self) -> None:
        super().__init__()
        self.used: set[str] = set()

    def __contains__(self, key: object) -> bool:
        found = super().__contains__(key)
        if found and isinstance(key, str) and key.startswith("file:"):
            self.used.add(str(_file_path(key)))
        return found


@dataclass
class _Tools:
    fetcher: Any
    fetched: set[str]
    styles: list[Any]
    style_files: set[str]
    images: _RecordingImages
    # One font configuration for every part: WeasyPrint otherwise loads Fontconfig's configuration and
    # makes a new Pango font map for each document, losing the fonts and shapes Pango keeps (~12% of
    # a part's time). Fonts the stylesheets declare (@font-face) go into it once, as they are parsed.
    fonts: Any


_TOOLS: dict[tuple[Path, Path], _Tools] = {}  # per process: the stylesheets are parsed once, not per part


def _tools(templates: Path, site: Path) -> _Tools:
    if (templates, site) not in _TOOLS:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        fetcher, fetched = build_files_fetcher((templates, site))
        fonts = FontConfiguration()
        styles = [CSS(filename=str(templates / name), url_fetcher=fetcher, font_config=fonts) for name in STYLESHEETS]
        styles.append(CSS(string=PAGE, font_config=fonts))
        _TOOLS[(templates, site)] = _Tools(fetcher, fetched, styles, set(fetched), _RecordingImages(), fonts)
    return _TOOLS[(templates, site)]


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


# --- the cache: <work>/pdf-cache/<key>.pdf (a part) and <key>.json (the files it was made from) ------


def part_key(html: str, templates: Path) -> str:
    """A hash of everything a part's PDF is made from but the files it fetches (those are in its entry).
    Not the paper: a part is laid out once for every paper (paper.LayoutPage)."""
    import weasyprint

    h = hashlib.sha256()
    for value in (CACHE_VERSION, weasyprint.__version__, VARIANT, PAGE, html):
        h.update(value.encode("utf-8") + b"\0")
    for name in STYLESHEETS:
        h.update((templates / name).read_bytes() + b"\0")
    return h.hexdigest()


def is_fresh(cache: Path, key: str) -> bool:
    """Whether the cache holds the part's PDF, made from files that are all unchanged."""
    entry, pdf = cache / f"{key}.json", cache / f"{key}.pdf"
    try:
        files = json.loads(entry.read_text(encoding="utf-8"))
        return pdf.is_file() and all(Path(p).is_file() and _digest(Path(p).read_bytes()) == d for p, d in files.items())
    except (OSError, ValueError, AttributeError):  # no entry, or a damaged one: lay the part out again
        return False


def prune(cache: Path, keep: set[str]) -> None:
    """Drop the entries this build did not use, so the cache holds one build's parts."""
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
