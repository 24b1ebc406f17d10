"""Relative links between generated pages and files, for each way the site is built (pure).

Pages are written as Markdown, and Markdown links (`exercises/a.md`) are resolved by the engine.
Links inside raw HTML and links the widget follows at run time are not, and the engines differ:
- MkDocs leaves raw HTML alone; with directory URLs, exercises/a.md is served at exercises/a/,
  so a link is relative to that folder.
- Zensical rewrites raw-HTML links to files (not to pages) as if they were Markdown links,
  relative to the source .md; links to pages stay as written (directory URLs).
- An offline copy (opened from disk) uses file URLs: exercises/a.md becomes exercises/a.html.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Literal

Style = Literal["mkdocs", "zensical", "offline"]


def _served_folder(page_md: str, directory_urls: bool) -> str:
    """The folder a browser resolves relative links against when showing `page_md`."""
    if not directory_urls:
        return posixpath.dirname(page_md)
    stem = page_md.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return posixpath.dirname(stem)
    return stem


def _relative(target: str, base: str) -> str:
    rel = posixpath.relpath(target or ".", base or ".")
    return rel + "/" if target.endswith("/") and not rel.endswith("/") else rel


@dataclass(frozen=True)
class Links:
    style: Style = "mkdocs"

    @property
    def directory_urls(self) -> bool:
        return self.style != "offline"

    def page_path(self, target_md: str) -> str:
        """Where `target_md` is served, from the site's root."""
        if not self.directory_urls:
            return target_md.removesuffix(".md") + ".html"
        folder = _served_folder(target_md, True)
        return folder + "/" if folder else "./"

    def page(self, page_md: str, target_md: str) -> str:
        """A link from one page to another, in raw HTML or followed by a script."""
        return _relative(self.page_path(target_md), _served_folder(page_md, self.directory_urls))

    def file(self, page_md: str, target: str) -> str:
        """A link from a page's raw HTML to a file of the site (an asset, a PDF)."""
        base = posixpath.dirname(page_md) if self.style == "zensical" else _served_folder(page_md, self.directory_urls)
        return _relative(target, base)
