"""Stage 4, build: one site per language of `workbook.languages`, linked by the theme's language selector.

Pipeline position: validate -> **language sites** -> render -> engine -> pdf, once per language.
The content's own language (`workbook.language`) is the site at the root; every other language is a
site of its own in a folder named for it (`es/`), built from `translations.for_language`, so it has
its own theme language, search index, script wording, PDF packs and (in the offline copy) pages.
Every language has every page (a missing translation shows the original's text with a notice), so a
page's counterpart in another language sits at the same path under that language's folder.

Answers are keyed by exercise id under the workbook's root (each page's `data-wb-home`, the way to
the original's site, which widget.js reads), so a reader who switches language keeps them.
Pure apart from `link_counterparts`, which rewrites the built pages.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .model import Content
from .translations import for_language
from .wording import Wording, display_name


@dataclass(frozen=True)
class LanguageSite:
    """One language's site: its language, its folder under the site ("" for the root) and its content."""

    language: str
    folder: str
    content: Content


def language_sites(content: Content) -> list[LanguageSite]:
    """The sites to build, the content's own language (at the root) first, then `languages` in order.

    Each other language's `site_url` gains its folder, so its canonical addresses, sitemap and the QR
    codes on its printed worksheets lead to its own pages."""
    wb = content.workbook
    sites = [LanguageSite(wb.language, "", content)]
    for language in wb.languages:
        if language == wb.language:
            continue
        merged = for_language(content, language)
        if wb.site_url:
            address = wb.site_url.rstrip("/") + f"/{language}/"
            merged = replace(merged, workbook=merged.workbook.model_copy(update={"site_url": address}))
        sites.append(LanguageSite(language, language, merged))
    return sites


def language_name(language: str) -> str:
    """The language's name in itself, as a language selector shows it ("Español")."""
    name = display_name(language)
    return name[:1].upper() + name[1:]


def alternate(sites: list[LanguageSite], current: LanguageSite) -> list[dict[str, str]]:
    """The theme's `extra.alternate` for `current`'s site: each language's root, relative to `current`'s root
    (the theme makes it relative to each page, so the site works under any path and from disk).

    The theme writes these into every page's head (`<link rel="alternate" hreflang>`) and into its
    selector; only the selector's links are then pointed at the page's counterparts
    (`link_counterparts`). The head's stay at the homes: Material's script fetches `sitemap.xml`
    beside each of them, which a page's address would turn into a missing file on every page."""
    if len(sites) < 2:
        return []
    up = "../" if current.folder else ""
    return [
        {
            "name": html.escape(language_name(site.language)),
            "link": (up + (f"{site.folder}/" if site.folder else "")) or "./",
            "lang": site.language,
        }
        for site in sites
    ]


# --- the notice on a page shown in the original's language -------------------------------------------


def untranslated_pages(content: Content, directory_urls: bool = True) -> set[str]:
    """The built pages (paths under the language's site) whose text is the original's: the
    `untranslated` files of a merged language."""
    pages: set[str] = set()
    for name in content.untranslated:
        kind, _, key = name.partition("/")
        if kind == "workbook":
            pages |= {f"chapters/{chapter.id}" for chapter in content.workbook.chapters}
        elif kind == "pages":
            pages.add(key)
        elif kind in ("exercises", "sources"):
            pages.add(f"{kind}/{key}")
        # "sessions" (the authored plans) has its notice above the plans (templates/packs/plans-intro.html.j2)
    if directory_urls:
        return {"index.html" if p == "index" else f"{p}/index.html" for p in pages}
    return {f"{p}.html" for p in pages}


def notice_html(content: Content, original: str) -> str:
    """The notice, in the page's language, that the text below is in `original`'s language."""
    language = content.workbook.language
    wording = Wording(language, content.workbook.strings)
    text = html.escape(wording.t("page.untranslated", language=wording.language_name(original)))
    return f'<div class="admonition note wb-untranslated" lang="{html.escape(language)}" role="note"><p>{text}</p></div>'


# --- after the engines: each page's selector links its counterpart -------------------------------------

SELECTOR_LINK = re.compile(r'<a\b(?=[^>]*class="md-select__link")[^>]*>')
ARTICLE = re.compile(r"<article\b[^>]*>")
HREF = re.compile(r'\bhref="[^"]*"')
HREFLANG = re.compile(r'\bhreflang="([^"]+)"')


def counterpart_href(page: str, folder: str, other: str, exists: Any, directory_urls: bool) -> str | None:
    """The link from `page` (a file path in `folder`'s site) to the same page in `other`'s site, relative
    to the page's own folder; None when that site has no such page. Paths are relative to the whole site."""
    inside = posixpath.relpath(page, folder) if folder else page
    target = posixpath.join(other, inside) if other else inside
    if not exists(target):
        return None
    if directory_urls and posixpath.basename(target) == "index.html":
        target = posixpath.dirname(target) + "/"
    start = posixpath.dirname(page) or "."
    if target.endswith("/"):
        rel = posixpath.relpath(target.rstrip("/") or ".", start)
        return "./" if rel == "." else rel + "/"
    return posixpath.relpath(target, start)


def root_href(page: str, folder: str, directory_urls: bool) -> str:
    """The link from `page` to the home page of `folder`'s site."""
    start = posixpath.dirname(page) or "."
    if not directory_urls:
        return posixpath.relpath(posixpath.join(folder, "index.html") if folder else "index.html", start)
    rel = posixpath.relpath(folder or ".", start)
    return "./" if rel == "." else rel + "/"


HTML_TAG = re.compile(r"<html\b[^>]*")
HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def relink(text: str, hrefs: dict[str, str], notice: str = "", original: str = "", home: str = "", offline: bool = False) -> str:
    """A page with its selector's links set to `hrefs` (by language); with a `notice`, the page shows
    the original's text for want of a translation: the notice opens its content, which is marked as
    being in `original`'s language (screen readers then read it with the right voice)."""

    def swap(match: re.Match[str]) -> str:
        tag = match.group(0)
        language = HREFLANG.search(tag)
        if language is None or language.group(1) not in hrefs:
            return tag
        return HREF.sub(f'href="{html.escape(hrefs[language.group(1)])}"', tag, count=1)

    text = SELECTOR_LINK.sub(swap, text)
    if home:  # where widget.js keeps answers: under the original's site, the same in every language
        text = HTML_TAG.sub(lambda m: m.group(0) + f' data-wb-home="{html.escape(home)}"', text, count=1)
    if offline:  # opened from disk, Material's script would ask for each home's sitemap.xml, which file:// refuses
        text = HEAD_ALTERNATE.sub("", text)
    if notice:
        text = ARTICLE.sub(lambda m: m.group(0)[:-1] + f' lang="{html.escape(original)}">' + notice, text, count=1)
    return text


def link_counterparts(site: Path, sites: list[LanguageSite], directory_urls: bool = True) -> None:
    """Point every page's language selector at the same page in each other language (its root when
    the page has no counterpart there), so switching language keeps the reader's place, script or not."""
    if len(sites) < 2:
        return
    folders = {s.folder for s in sites if s.folder}
    original = sites[0].language

    def exists(rel_path: str) -> bool:
        return (site / rel_path).is_file()

    for current in sites:
        root = site_folder(site, current)
        untranslated = untranslated_pages(current.content, directory_urls)
        notice = notice_html(current.content, original) if untranslated else ""
        for path in sorted(root.rglob("*.html")):
            rel_path = path.relative_to(site).as_posix()
            if not current.folder and rel_path.split("/", 1)[0] in folders:
                continue  # another language's page
            hrefs = {
                other.language: counterpart_href(rel_path, current.folder, other.folder, exists, directory_urls)
                or root_href(rel_path, other.folder, directory_urls)
                for other in sites
            }
            text = path.read_text(encoding="utf-8")
            inside = path.relative_to(root).as_posix()
            home = root_href(rel_path, "", directory_urls=True)
            changed = relink(text, hrefs, notice if inside in untranslated else "", original, home=home, offline=not directory_urls)
            if changed != text:
                path.write_text(changed, encoding="utf-8")


def site_folder(site: Path, current: LanguageSite) -> Path:
    """Where `current`'s site goes inside the whole site."""
    return site / current.folder if current.folder else site
