"""Stage 5, pdf: the workshop packs, rendered from the same worksheet templates, into <site>/downloads/.

Pipeline position: load -> validate -> render -> build (engine) -> **pdf**. build.py calls this on the
fresh site folder before swapping it in, so a failure here leaves the last good site/ in place.
`pack_documents` is pure (content -> HTML per PDF, testable without WeasyPrint); `write_pdfs` hands
the HTML to WeasyPrint. The packs use templates/packs/*.j2 around the very form the site shows,
styled by the site's own print.css plus templates/packs/pack.css.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .downloads import DOWNLOADS, FACILITATOR_PACK, PARTICIPANT_PACK, worksheet_pdf
from .model import Content
from .plans import session_plans
from .render import Worksheets

SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"


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
    path: str  # under downloads/, e.g. worksheets/network-map.pdf
    title: str
    html: str


def pack_documents(content: Content, templates: Path, cache_dir: Path | None = None) -> list[Document]:
    """The HTML of every PDF: the participant pack, the facilitator pack, and one per exercise."""
    sheets = Worksheets(content, templates, cache_dir)
    wb = content.workbook
    exercises = list(content.exercises.values())

    def sheet(ex_id: str, facilitator: bool) -> dict[str, object]:
        ex = content.exercises[ex_id]
        key = sheets.template("worksheet/key.html.j2").render(exercise=ex, spec=sheets.spec(ex)) if facilitator and ex.scoring else ""
        return {
            "exercise": ex,
            "chapter": content.chapter_of(ex_id),
            "form": sheets.form(ex, key=False),
            "key": Markup(key),
            "url": sheets.page_url(ex_id),
        }

    partial = sheets.partials(href=lambda eid: f"#ex-{eid}")
    plans = session_plans(exercises, content.sessions)
    docs = []
    for kind, path in (("participant", PARTICIPANT_PACK), ("facilitator", FACILITATOR_PACK)):
        facilitator = kind == "facilitator"
        title = f"{wb.title}: {'facilitator' if facilitator else 'participant'} pack"
        html = sheets.template("packs/pack.html.j2").render(
            workbook=wb,
            kind=kind,
            title=title,
            plans=plans,
            exercises=exercises,
            sheets=[sheet(e.id, facilitator) for e in exercises],
            render_partial=partial,
            chapters=wb.chapters,
        )
        docs.append(Document(path, title, html))
    for ex in exercises:
        title = f"{wb.title}: {ex.title}"
        html = sheets.template("packs/worksheet.html.j2").render(
            workbook=wb,
            kind="worksheet",
            title=title,
            sheet=sheet(ex.id, False),
            render_partial=partial,
        )
        docs.append(Document(worksheet_pdf(ex.id), title, html))
    return docs


def write_pdfs(documents: list[Document], templates: Path, downloads: Path) -> list[Path]:
    """Turn each document into a PDF under `downloads`; stylesheets resolve against templates/.

    One process, one document after another: layout is CPU-bound, but worker processes (spawned)
    would re-import the caller's main module, which `python -m generator` and test runners do not
    guard, and the build machine is often busy with the tests' browser anyway.
    """
    require_weasyprint()
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    base_url = str(templates.resolve()) + "/"
    allowed = (templates.resolve(), downloads.parent.resolve())

    class BuildFilesOnly(URLFetcher):  # type: ignore[misc]  # WeasyPrint is untyped
        """data: URIs and files of this build only (templates/, the site being printed): an address in
        someone's content must neither make the build call another host nor put a file from elsewhere
        on the machine into a PDF. WeasyPrint logs the refusal and leaves the image out."""

        def fetch(self, url: str, headers: object = None) -> object:
            if url.startswith("file:") and not any(_file_path(url).is_relative_to(root) for root in allowed):
                raise ValueError(f"not a file of this build: {url}")
            return super().fetch(url, headers)

    local_only = BuildFilesOnly(allowed_protocols={"file", "data"})
    written = []
    for doc in documents:
        target = downloads / doc.path
        target.parent.mkdir(parents=True, exist_ok=True)
        HTML(string=doc.html, base_url=base_url, url_fetcher=local_only).write_pdf(target)
        written.append(target)
    return written


def build_pdfs(content: Content, templates: Path, site: Path, cache_dir: Path | None = None) -> list[Path]:
    """Stage entry point: every PDF into `site`/downloads/ (`cache_dir`: compiled templates, see render.environment)."""
    return write_pdfs(pack_documents(content, templates, cache_dir), templates, site / DOWNLOADS)


def _file_path(url: str) -> Path:
    """The real path of a file: URL (links and `..` resolved, so they cannot lead elsewhere)."""
    from urllib.parse import unquote, urlparse

    return Path(unquote(urlparse(url).path)).resolve()
