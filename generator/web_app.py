"""Stage 4, build (after the engine): the installable web app: manifest, icons, and the tags that link them.

Pipeline position: engine -> secure pages -> **web app** -> precache (sw.js) -> pdf. Readers who add
the workbook to a home screen get its name, colours and icons; Safari does not erase the answers of
an installed web app after seven days without a visit, as it does for a site in a tab.
Every address is relative (to the manifest, or to the page), so the site works under any sub-path,
such as GitHub Pages' /<repository>/. The tags are added to the engine's pages here rather than in
a theme override, so MkDocs and Zensical builds get the same. Only served builds get any of this:
the offline copy opened from disk (file://) cannot use a manifest or a service worker.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .icons import ICONS, icon_png
from .model import Content
from .palette import LIGHT_PAGE

MANIFEST = "manifest.webmanifest"
APPLE_TOUCH_ICON = next(i for i in ICONS if not i.purpose)
NOT_FOUND = "404.html"  # served at any depth, so a relative link from it cannot be right; it links nothing


def manifest(content: Content) -> dict[str, Any]:
    """The web app manifest: what a browser needs to offer "Install" or "Add to Home Screen"."""
    wb = content.workbook
    return {
        "name": wb.title,
        "short_name": wb.short_name or wb.title,
        "description": wb.subtitle,
        "lang": wb.language,
        "start_url": "./",  # relative to the manifest, which sits at the site root
        "scope": "./",
        "display": "standalone",
        "theme_color": wb.theme.primary,  # the header's colour, as in theme.css
        "background_color": LIGHT_PAGE,  # the splash screen, before the first page paints
        "icons": [{"src": i.path, "sizes": f"{i.size}x{i.size}", "type": "image/png", "purpose": i.purpose} for i in ICONS if i.purpose],
    }


def head_tags(depth: int) -> str:
    """What every page's head gets: `depth` is how many folders down the page lies from the site root.
    (The theme-color meta tag is the engine's: Material sets it to the header's colour.)"""
    up = "../" * depth
    return f'<link rel="manifest" href="{up}{MANIFEST}"><link rel="apple-touch-icon" href="{up}{APPLE_TOUCH_ICON.path}">'


def with_tags(page: str, tags: str) -> str:
    """`page` with `tags` at the end of its head (once: a page that has a manifest link is left alone)."""
    if 'rel="manifest"' in page:
        return page
    end = re.search(r"</head>", page, re.I)
    return page[: end.start()] + tags + page[end.start() :] if end else page


def add_web_app(site: Path, content: Content) -> None:
    """Write the manifest and icons into `site` and link them from every page."""
    theme = content.workbook.theme
    (site / MANIFEST).write_text(json.dumps(manifest(content), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for icon in ICONS:
        target = site / icon.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(icon_png(theme.primary, theme.accent, icon.size, icon.shape))
    for path in sorted(site.rglob("*.html")):
        rel_path = path.relative_to(site)
        if rel_path.as_posix() == NOT_FOUND:
            continue
        page = path.read_text(encoding="utf-8")
        path.write_text(with_tags(page, head_tags(len(rel_path.parts) - 1)), encoding="utf-8")
