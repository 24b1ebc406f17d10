"""Stage 5, pdf: the workshop packs, rendered from the same worksheet templates, into <site>/downloads/.

Pipeline position: load -> validate -> render -> build (engine) -> **pdf**. build.py plans every
language's PDFs first (`plan_pdfs`), has their parts laid out in the background while it builds the
sites (pdf_write.Layouts), then puts them together (`finish`) into the fresh site folder before
swapping it in, so a failure here leaves the last good site/ in place.
`pack_documents` is pure (content -> the HTML parts of every PDF, testable without WeasyPrint);
`write_pdfs` (pdf_write.py) hands them to WeasyPrint. The packs use templates/packs/*.j2 around the very form the site shows,
styled by the site's own print.css plus templates/packs/pack.css.
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from .downloads import DOWNLOADS, PAPERS, PackKind, pack_pdf, worksheet_pdf
from .model import Content
from .pdf_write import Batch, Document, Layouts, PdfUnavailable, finish, plan, require_weasyprint, write_pdfs
from .plans import session_plans
from .render import Worksheets

ANSWER_COLUMNS = 3  # the key's worked example: its answers in this many lists side by side (key.html.j2)

__all__ = ["Batch", "Document", "Layouts", "PdfUnavailable", "finish", "pack_documents", "plan_pdfs", "require_weasyprint", "write_pdfs"]


def pack_documents(content: Content, templates: Path, cache_dir: Path | None = None, language: str | None = None) -> list[Document]:
    """Every PDF: the participant and facilitator packs in each paper, and one per exercise in the workbook's paper.
    `language`: the language of their interface wording (generator/strings.py's tables); None: the workbook's."""
    sheets = Worksheets(content, templates, cache_dir, language)
    t = sheets.wording.t
    wb = content.workbook
    exercises = list(content.exercises.values())
    partial = sheets.partials(href=lambda eid: f"#ex-{eid}")
    plans = session_plans(exercises, content.sessions, sheets.wording)

    def sheet(ex_id: str, facilitator: bool) -> dict[str, object]:
        ex = content.exercises[ex_id]
        key = (
            sheets.template("worksheet/key.html.j2").render(exercise=ex, spec=sheets.spec(ex), answer_columns=ANSWER_COLUMNS)
            if facilitator and ex.scoring
            else ""
        )
        header, form = split_print_header(sheets.form(ex, key=False))
        return {
            "exercise": ex,
            "chapter": content.chapter_of(ex_id),
            "header": header,
            "form": form,
            "key": Markup(key),
            "url": sheets.page_url(ex_id),
        }

    def page(template: str, kind: str, title: str, **context: object) -> str:
        return sheets.template(template).render(workbook=wb, kind=kind, title=title, render_partial=partial, **context)

    def parts(template: str, kind: str, facilitator: bool) -> dict[str, str]:
        """Each exercise's part of one kind: its worksheet, or its facilitator material."""
        return {
            ex.id: page(template, kind, t("pack.title-exercise", workbook=wb.title, title=ex.title), sheet=sheet(ex.id, facilitator))
            for ex in exercises
        }

    # Each part is laid out once, for every paper (paper.LayoutPage).
    worksheets = parts("packs/worksheet.html.j2", "worksheet", False)
    notes = parts("packs/facilitator.html.j2", "facilitator", True)
    kinds: tuple[PackKind, ...] = ("participant", "facilitator")
    packs = {}
    for kind in kinds:
        title = t(f"pack.title-{kind}", workbook=wb.title)
        front = page(
            "packs/pack.html.j2",
            kind,
            title,
            plans=plans,
            exercises=exercises,
            chapters=wb.chapters,
            content=content,
        )
        body = [part for ex in exercises for part in (worksheets[ex.id], *([notes[ex.id]] if kind == "facilitator" else []))]
        packs[kind] = (title, (front, *body))
    docs = [Document(pack_pdf(kind, paper), *packs[kind], paper) for paper in PAPERS for kind in kinds]
    docs += [
        Document(worksheet_pdf(ex.id), t("pack.title-exercise", workbook=wb.title, title=ex.title), (worksheets[ex.id],), wb.paper)
        for ex in exercises
    ]
    return docs


PRINT_HEADER = re.compile(r'<header class="wb-print-header[" ].*?</header>', flags=re.S)


def split_print_header(form: Markup) -> tuple[Markup, Markup]:
    """The form's printed sheet header, and the form without it.

    print.css draws the header absolutely at the top of the sheet. WeasyPrint places an absolute box
    on the page of its place in the flow, so when the form starts on a later page than the sheet
    (a long first item), the header landed on that page, over the form's first lines. The packs put
    it first in the sheet instead, where it always starts the sheet's first page.
    """
    match = PRINT_HEADER.search(form)
    if not match:
        return Markup(""), form
    return Markup(match.group(0)), Markup(form[: match.start()] + form[match.end() :])


def plan_pdfs(
    content: Content,
    templates: Path,
    site: Path,
    cache_dir: Path | None,
    pdf_cache: Path,
    language: str | None = None,
) -> Batch:
    """Stage entry point: every PDF of one site, planned (`site`/downloads/ is where they go; `cache_dir`:
    compiled templates, see render.environment; `pdf_cache`: PDFs of earlier builds' parts, see
    pdf_write; `language`: see pack_documents). The build lays the batch's parts out (`Layouts`) while
    it builds the sites, then puts the PDFs together (`finish`)."""
    return plan(pack_documents(content, templates, cache_dir, language), templates, site / DOWNLOADS, pdf_cache)
