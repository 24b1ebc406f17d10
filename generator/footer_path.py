"""Stage 4, build (after the engine): the footer's Previous and Next follow the path the home page recommends.

Pipeline position: engine -> **footer path** -> secure pages. Both engines link a page's footer to its
neighbours in the navigation, which is grouped by chapter (with overviews between them); `path:` in
workbook.yml is the order the home page recommends. On the pages of the path (Home, its exercises, My
workbook) the footer links are pointed at the path's neighbours; every other page keeps the engine's.
Engine-neutral: MkDocs and Zensical print the same footer markup, so no theme override is needed. The
live preview (`workbook serve`) runs the engine alone, so there the footer follows the navigation.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .links import Links
from .model import Content
from .wording import Wording

HOME, MY_WORKBOOK = "index.md", "my-workbook.md"
# The engine's footer link (Material's partials/footer.html, which Zensical's classic variant shares).
LINK = re.compile(
    r'<a href="(?P<href>[^"]*)" class="md-footer__link md-footer__link--(?P<way>prev|next)" '
    r'aria-label="(?P<label>[^"]*)">(?P<body>.*?)</a>',
    re.S,
)
TITLE = re.compile(r'(<div class="md-ellipsis">)(.*?)(</div>)', re.S)


def path_pages(content: Content) -> list[str]:
    """The path as pages: Home, the exercises of `path` (default: every exercise in chapter order), My workbook."""
    wb = content.workbook
    ids = wb.path or [x for chapter in wb.chapters for x in chapter.exercises]
    return [HOME, *(f"exercises/{x}.md" for x in ids), MY_WORKBOOK]


def page_titles(content: Content, language: str | None = None) -> dict[str, str]:
    """What the navigation (engine.nav) calls each page of the path, as the engine prints it (escaped once):
    Home and My workbook in `language` (`nav.` strings; None: the workbook's)."""
    words = Wording(language or content.workbook.language, content.workbook.strings)
    titles = {HOME: words.t("nav.home"), MY_WORKBOOK: words.t("nav.my-workbook")}
    titles |= {f"exercises/{x}.md": ex.title for x, ex in content.exercises.items()}
    return {page: html.escape(title) for page, title in titles.items()}


def neighbours(pages: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Each page's (previous, next) on the path; None at its ends."""
    return {p: (pages[i - 1] if i else None, pages[i + 1] if i + 1 < len(pages) else None) for i, p in enumerate(pages)}


def follow_path(page: str, previous: tuple[str, str] | None, following: tuple[str, str] | None) -> str:
    """`page` (HTML) with its footer links pointed at `previous` and `following` ((href, title) or None: no link)."""

    def point(m: re.Match[str]) -> str:
        target = previous if m["way"] == "prev" else following
        if target is None:
            return ""
        href, title = target
        direction = m["label"].split(": ", 1)[0]  # the engine's own word for it, in the page's language
        body = TITLE.sub(lambda t: f"{t[1]}\n{title}\n{t[3]}", m["body"], count=1)
        return f'<a href="{href}" class="md-footer__link md-footer__link--{m["way"]}" aria-label="{direction}: {title}">{body}</a>'

    return LINK.sub(point, page)


def built_file(site: Path, page_md: str, links: Links) -> Path:
    served = links.page_path(page_md)
    return site / (served if served.endswith(".html") else served.removeprefix("./") + "index.html")


def footer_path(site: Path, content: Content, links: Links, language: str | None = None) -> None:
    """Point the footer of every page of the path, under `site`, at its neighbours on the path (titles in `language`)."""
    titles = page_titles(content, language)
    for page_md, (before, after) in neighbours(path_pages(content)).items():
        target = built_file(site, page_md, links)
        if not target.is_file():
            continue
        text = target.read_text(encoding="utf-8")
        ends = [(links.page(page_md, other), titles[other]) if other else None for other in (before, after)]
        changed = follow_path(text, ends[0], ends[1])
        if changed != text:
            target.write_text(changed, encoding="utf-8")
