"""Stage 3, render: checked content -> the pages of the docs folder, as plain Markdown + HTML.

Pipeline position: validate -> **render** -> docs folder -> engine -> pdf. Pure in the sense that
matters: `render_pages` returns {relative path: text} and writes nothing (docs_folder.py writes).
`Worksheets` is what the PDF packs (pdf.py) take from here: the same forms, spec and partials.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown as md
import segno
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup

from . import palette, score_sheet, worked_example
from . import spec as scoring
from .bundles import CHECKIN_JS, HISTORY_CSS, MY_WORKBOOK_JS
from .downloads import DOWNLOADS, PAPERS, PackKind, pack_pdf, worksheet_pdf
from .links import Links
from .model import Column, Content, Exercise, Likert, Source, Workbook
from .plans import clock, session_plans
from .wording import Wording, fmt

MKDOCS_LINKS = Links()  # the default engine's link style
MARKDOWN_EXTENSIONS = ["extra", "sane_lists", "smarty"]


# One converter, reset between texts: building a Markdown instance costs ~5x a conversion, and a
# worksheet converts dozens of short texts (the generator's time budget is 10% of the engine's).
_CONVERTER = md.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")


@functools.lru_cache(maxsize=4096)
def _convert(text: str) -> str:
    return _CONVERTER.reset().convert(text)


def markdown_html(text: str) -> Markup:
    """Block Markdown -> HTML, for prose embedded inside the worksheet's HTML."""
    return Markup(_convert(text))


def markdown_inline(text: str) -> Markup:
    """One paragraph of Markdown -> inline HTML (no <p>), for labels and legends."""
    html = _convert(text).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def plain_text(text: str) -> Markup:
    """A plain-text field (a title, a label) inside generated Markdown: shown as the characters
    typed. HTML is escaped (so markup in a title never runs) and so are the Markdown characters that
    would otherwise turn it into a link, code or emphasis."""
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False)))


def environment(templates: Path, cache_dir: Path | None = None, wording: Wording | None = None) -> Environment:
    """The Jinja2 environment of templates/, with the filters the templates use.

    `wording`: the language the templates write in: `t(id, **vars)`, `tn(id, count, **vars)` and the
    `score` filter (numbers) come from it. None: English with no overrides.

    `cache_dir`: where compiled templates are kept between builds (under the work folder; checked
    against the source, so an edited template recompiles): compiling is the largest fixed cost of a
    small build. None compiles afresh.
    """
    cache = None
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        cache = FileSystemBytecodeCache(str(cache_dir))
    env = Environment(
        loader=FileSystemLoader(templates),
        bytecode_cache=cache,
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_html
    env.filters["md_inline"] = markdown_inline
    env.filters["text"] = plain_text
    env.filters["prose"] = prose
    words = wording or Wording()
    env.filters["score"] = words.number  # a number a reader sees, written the language's way
    env.filters["plain_number"] = fmt  # a number a browser reads (an attribute): always "3.2"
    env.globals["and_list"] = words.and_list
    env.globals["language_name"] = words.language_name  # another language's name in this one
    env.globals["t"] = words.t
    env.globals["tn"] = words.tn
    env.globals["language"] = words.language
    env.globals["wording"] = words
    env.filters["column_weight"] = column_weight
    env.filters["signed"] = functools.partial(signed, wording=words)
    # The key (key.html.j2) works its rows and example out itself, wherever it is rendered from.
    env.globals["score_rows"] = score_sheet.rows
    env.globals["worked_example"] = worked_example.worked_example
    return env


def prose(text: str) -> Markup:
    """Wording shown as an element's text (never in an attribute): escaped, but with its apostrophes
    and quotation marks kept as typed, as they were when the words were written in the template."""
    return text if isinstance(text, Markup) else Markup(html.escape(str(text), quote=False))


def signed(x: float, wording: Wording | None = None) -> str:
    """A number inside a sum, a negative one in brackets with a true minus sign (U+2212): "3 + (-1)"."""
    number = (wording or Wording()).number
    return f"(\u2212{number(-x)})" if x < 0 else number(x)


def column_weight(column: Column) -> float:
    """A table column's share of the printed width: room to write words, less for a number."""
    if column.type == "text":
        return 3.0
    if column.type == "choice" and not column.dimension:  # a word from the options
        return max(1.4, min(2.4, max(len(o.label) for o in column.options) / 8))
    return 1.3  # a number (scored choices are written as their number)


def credit(source: Source, wording: Wording | None = None) -> str:
    """'Title' by Author (Publication, March 2011) — the one place a citation is worded (`source.*` ids)."""
    words = wording or Wording()
    who = source.author
    where = ", ".join(p for p in (source.publication, _date(source.date, words)) if p)
    text = words.t("source.title", title=source.title)
    if who:
        text = words.t("source.by", title=text, author=who)
    if where:
        text = words.t("source.where" if who else "source.where-no-author", credit=text, where=where)
    return text


def _date(value: str, words: Wording) -> str:
    """A source's date, YYYY-MM or YYYY-MM-DD, written out in the language; anything else as given."""
    parts = value.split("-") if value else []
    if len(parts) >= 2:
        return words.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else None)
    return value


def _compact(html: str) -> str:
    """Drop blank lines: Markdown ends a raw HTML block at one, which would break the form."""
    return "\n".join(line for line in html.splitlines() if line.strip())


def exercise_url(site_url: str, exercise_id: str) -> str:
    return site_url.rstrip("/") + f"/exercises/{exercise_id}/"


def qr_svg(url: str) -> Markup:
    """A QR code of `url` as inline SVG (made at build time; printed worksheets link back with it)."""
    code = segno.make(url, error="m")
    return Markup(code.svg_inline(scale=1, border=2, omitsize=True, svgclass="wb-qr", lineclass=None))


def _plans_shown_in(content: Content) -> str:
    """The original's language when the authored session plans are shown in it for want of a translation, else ""."""
    return content.original_language if "sessions" in content.untranslated else ""


def facilitator_partials(env: Environment, content: Content, href: Callable[[str], str]) -> Callable[..., Markup]:
    """Renders templates/packs/{plans-intro,plan,notes}.html.j2, the facilitator material the guide page and the pack share."""
    titles = {e.id: e.title for e in content.exercises.values()}
    # An exercise shown in the original's language for want of a translation: its notes say so, and are marked up in it.
    shown_in = {eid: content.original_language for eid in content.exercises if f"exercises/{eid}" in content.untranslated}
    plans_in = _plans_shown_in(content)

    def render_partial(name: str, **context: Any) -> Markup:
        html = env.get_template(name).render(titles=titles, clock=clock, href=href, shown_in=shown_in, plans_shown_in=plans_in, **context)
        return Markup(_compact(html))

    return render_partial


def exercise_urls(content: Content, links: Links, page_md: str) -> dict[str, tuple[str, str]]:
    """Exercise id -> (title, link to its page from `page_md`), for follow-ups and My workbook."""
    return {eid: (ex.title, links.page(page_md, f"exercises/{eid}.md")) for eid, ex in content.exercises.items()}


def render_pages(
    content: Content,
    templates: Path,
    pdf: bool = False,
    links: Links = MKDOCS_LINKS,
    cache_dir: Path | None = None,
    language: str | None = None,
) -> dict[str, str]:
    """Every generated page, keyed by its path under the docs folder.

    `pdf`: the PDF packs are built too, so the pages link them (never a link to a missing file).
    `links`: how the engine resolves links in raw HTML and scripts (see generator/links.py).
    `cache_dir`: compiled templates kept between builds (see `environment`).
    `language`: the language of the interface wording (generator/strings.py's tables); None: the workbook's.
    """
    wb = content.workbook
    words = Wording(language or wb.language, wb.strings)
    env = environment(templates, cache_dir, words)
    ex_urls = exercise_urls(content, links, "exercises/_.md")
    idea_source = {idea.id: (s, idea) for s in content.sources for idea in s.ideas}
    practised_by: dict[str, list[Exercise]] = {i: [] for i in idea_source}
    for ex in content.exercises.values():
        for idea in ex.ideas:
            practised_by[idea].append(ex)

    pages: dict[str, str] = {}
    for page_id, text in content.pages.items():
        pages[f"{page_id}.md"] = text
    for chapter in wb.chapters:
        pages[f"chapters/{chapter.id}.md"] = env.get_template("pages/chapter.md.j2").render(
            workbook=wb, chapter=chapter, exercises=[content.exercises[e] for e in chapter.exercises]
        )
    for source in content.sources:
        pages[f"sources/{source.id}.md"] = env.get_template("pages/source.md.j2").render(
            workbook=wb, source=source, credit=credit(source, words), practised_by=practised_by
        )
    for ex in content.exercises.values():
        form = render_form(
            env, wb, ex, ex_urls, my_href=links.page(f"exercises/{ex.id}.md", "my-workbook.md"), history=history_of(content, ex)
        )
        sources_used = sorted({idea_source[i][0].id: idea_source[i][0] for i in ex.ideas}.values(), key=lambda s: s.id)
        pages[f"exercises/{ex.id}.md"] = env.get_template("pages/exercise.md.j2").render(
            workbook=wb,
            exercise=ex,
            form=form,
            chapter=content.chapter_of(ex.id),
            ideas=[idea_source[i] for i in ex.ideas],
            sources=sources_used,
            credit=lambda source: credit(source, words),
            follow_ups=[content.exercises[f] for f in ex.follow_ups],
            pdf_href=links.file(f"exercises/{ex.id}.md", f"{DOWNLOADS}/{worksheet_pdf(ex.id)}") if pdf else "",
            history=_history_panel(content, ex, links, ex_urls),
        )
    if "index.md" in pages:
        pages["index.md"] = under_first_heading(pages["index.md"], continue_block(env, content, links))
    # Links to the packs are raw HTML: the engine checks Markdown links, and the PDFs come after it.
    if pdf and "index.md" in pages:
        pages["index.md"] = (
            pages["index.md"].rstrip("\n")
            + "\n\n"
            + env.get_template("pages/downloads.md.j2").render(workbook=wb, packs=pack_links(links, "index.md"))
        )
    exercises = list(content.exercises.values())  # in reading order
    my_urls = exercise_urls(content, links, "my-workbook.md")
    pages["my-workbook.md"] = env.get_template("pages/my-workbook.md.j2").render(
        exercises_json=Markup(
            _script_json([scoring.widget_spec(ex, my_urls) | {"url": my_urls[ex.id][1]} for ex in content.exercises.values()])
        ),
        assets=links.file("my-workbook.md", "assets/workbook/"),
        script=links.file("my-workbook.md", MY_WORKBOOK_JS),
        style=links.file("my-workbook.md", HISTORY_CSS),
        profile=content.exercises.get(wb.profile) if wb.profile else None,
        checkin_months=wb.checkin_months,
    )
    pages["facilitator-guide.md"] = env.get_template("pages/facilitator-guide.md.j2").render(
        workbook=wb,
        exercises=exercises,
        plans=session_plans(exercises, content.sessions, words),
        render_partial=facilitator_partials(env, content, href=lambda eid: links.page("facilitator-guide.md", f"exercises/{eid}.md")),
        packs=pack_links(links, "facilitator-guide.md") if pdf else {},
    )
    return pages


def _history_panel(content: Content, ex: Exercise, links: Links, ex_urls: dict[str, tuple[str, str]]) -> dict[str, Any] | None:
    """What an exercise page needs to show another assessment's dated results (`history_of`), or None."""
    if ex.history_of is None:
        return None
    of = content.exercises[ex.history_of]
    page = f"exercises/{ex.id}.md"
    return {
        "id": of.id,
        "spec_json": Markup(_script_json(scoring.widget_spec(of, ex_urls) | {"url": ex_urls[of.id][1]})),
        "months": content.workbook.checkin_months,
        "script": links.file(page, CHECKIN_JS),
        "style": links.file(page, HISTORY_CSS),
        "my_workbook": links.page(page, "my-workbook.md"),
    }


def pack_links(links: Links, page_md: str) -> dict[PackKind, list[tuple[str, str]]]:
    """Each pack's (paper, link from `page_md`), in every paper it is made in (templates name it with `paper.<paper>`)."""
    kinds: tuple[PackKind, ...] = ("participant", "facilitator")
    return {kind: [(paper, links.file(page_md, f"{DOWNLOADS}/{pack_pdf(kind, paper)}")) for paper in PAPERS] for kind in kinds}


def continue_block(env: Environment, content: Content, links: Links) -> str:
    """The home page's "continue where you left off" (templates/pages/continue.html.j2), for continue.js."""
    urls = exercise_urls(content, links, "index.md")
    exercises = [{"id": eid, "title": urls[eid][0], "url": urls[eid][1]} for eid in content.exercises]
    return _compact(
        env.get_template("pages/continue.html.j2").render(
            exercises_json=Markup(_script_json(exercises)),
            my_href=links.page("index.md", "my-workbook.md"),
            script=links.file("index.md", "assets/workbook/continue.js"),
        )
    )


def under_first_heading(markdown: str, block: str) -> str:
    """`markdown` with a raw HTML `block` after its first `# ` heading (at the top when it has none),
    set apart by blank lines so Markdown keeps it as one HTML block."""
    lines = markdown.split("\n")
    # Front matter (between `---` lines at the top) is the engine's, and its `# ` lines are comments.
    top = next((i + 1 for i in range(1, len(lines)) if lines[i].rstrip() == "---"), 0) if lines[0].rstrip() == "---" else 0
    at = next((i + 1 for i in range(top, len(lines)) if re.match(r"#\s", lines[i])), top)
    return "\n".join([*lines[:at], "", block, "", *lines[at:]])


def history_of(content: Content, ex: Exercise) -> Exercise | None:
    """The assessment whose dated results an exercise looks back on (`history_of`), or None."""
    return content.exercises.get(ex.history_of) if ex.history_of else None


def render_form(
    env: Environment,
    wb: Workbook,
    ex: Exercise,
    ex_urls: dict[str, tuple[str, str]],
    *,
    key: bool = True,
    my_href: str = "",
    history: Exercise | None = None,
) -> Markup:
    """One exercise's worksheet form, as a single raw HTML block (the site and the PDF packs share it).

    `key`: include the scoring key (the participant pack leaves it out). `my_href`: the link from the
    results to My workbook (the site's pages; paper has none). `history`: the assessment an exercise
    with `history_of` looks back on; paper gets a table to copy its results into, last time and this time.
    """
    spec = scoring.widget_spec(ex, ex_urls)
    html = env.get_template("worksheet/form.html.j2").render(
        workbook=wb,
        exercise=ex,
        spec=spec,
        spec_json=Markup(_script_json(spec)),
        show_key=key,
        my_href=my_href,
        history=history,
        qr=qr_svg(exercise_url(wb.site_url, ex.id)) if wb.site_url else "",
        scale_of=lambda item: scoring.likert_scale(item, ex) if isinstance(item, Likert) else [],
        option_values=scoring.option_values,
    )
    return Markup(_compact(html))


def _script_json(data: Any) -> str:
    # `</` could close the <script> element early; \u003c keeps the JSON identical once parsed.
    # allow_nan=False: validation refuses NaN and infinities, and JSON could not carry them anyway.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).replace("<", "\\u003c")


def theme_css(content: Content) -> str:
    t = content.workbook.theme
    return palette.theme_css(t.primary, t.accent)


class Worksheets:
    """What the PDF packs take from rendering: templates, each exercise's form and spec, and the
    facilitator partials, exactly as the site renders them."""

    def __init__(self, content: Content, templates: Path, cache_dir: Path | None = None, language: str | None = None) -> None:
        self.content = content
        self.wording = Wording(language or content.workbook.language, content.workbook.strings)
        self._env = environment(templates, cache_dir, self.wording)
        self._urls = exercise_urls(content, MKDOCS_LINKS, "exercises/_.md")

    def template(self, name: str) -> Template:
        return self._env.get_template(name)

    def form(self, exercise: Exercise, *, key: bool) -> Markup:
        return render_form(self._env, self.content.workbook, exercise, self._urls, key=key, history=history_of(self.content, exercise))

    def spec(self, exercise: Exercise) -> dict[str, Any]:
        return scoring.widget_spec(exercise, self._urls)

    def page_url(self, exercise_id: str) -> str:
        """The exercise's public address ("" without `site_url`), for the QR code and the link on paper."""
        site_url = self.content.workbook.site_url
        return exercise_url(site_url, exercise_id) if site_url else ""

    def partials(self, href: Callable[[str], str]) -> Callable[..., Markup]:
        return facilitator_partials(self._env, self.content, href)
