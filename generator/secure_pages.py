"""Stage 4, build (after the engine): every HTML page gets the site's Content-Security-Policy.

Pipeline position: render -> engine -> **secure pages** -> pdf. The policy is a `<meta http-equiv>`
tag (a static host sets no headers for us): scripts only from the site itself and the hashes of the
engine's own inline scripts; no 'unsafe-inline', so a script that slipped into content does not run.
Only scripts outside the page's `<article>` (the content) are hashed, whatever the content holds.
The same pass mends two things of the engine's pages: text it escaped a second time (plain-text
fields are escaped before the engine sees them, engine.py, and a few of its templates escape them
again); its search dialog, which has no accessible name: it gets the engine's own (translated)
label of the search field; and the print stylesheet, linked like any other by the engine's config:
marked `media="print"`, so the screen never waits for it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
DOUBLE_ESCAPED = re.compile(r"&amp;(amp|lt|gt|quot|#x27|#39|#34);")
# Everything else the site needs comes from itself; styles may be inline (the engine's templates
# set style attributes), images may be data: URIs (icons), and nothing may be framed or posted away.
POLICY = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'"
)


def engine_scripts(page: str) -> list[str]:
    """Bodies of the inline executable scripts outside the content (before the first `<article`, after the last `</article>`)."""
    start, end = page.find("<article"), page.rfind("</article>")
    outside = page if start < 0 or end < 0 else page[:start] + page[end:]
    return [m["body"] for m in SCRIPT.finditer(outside) if "src=" not in m["attrs"] and "application/json" not in m["attrs"]]


def sha256(body: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"


def policy_for(pages: list[str]) -> str:
    """One policy for the whole site: instant navigation keeps the first page's policy while it swaps pages."""
    hashes = sorted({sha256(body) for page in pages for body in engine_scripts(page)})
    return POLICY.format(hashes="".join(" " + h for h in hashes))


PRINT_CSS = re.compile(r'(<link rel="stylesheet" href="[^"]*assets/workbook/print\.css")>')
SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')
SEARCH_LABEL = re.compile(r'<input[^>]*class="md-search__input"[^>]*aria-label="([^"]+)"')


def mend(page: str) -> str:
    page = DOUBLE_ESCAPED.sub(r"&\1;", page)
    page = PRINT_CSS.sub(r'\1 media="print">', page)
    label = SEARCH_LABEL.search(page)
    if label:
        page = SEARCH_DIALOG.sub(lambda m: f'{m.group(1)} aria-label="{label.group(1)}">', page, count=1)
    return page


def with_policy(page: str, policy: str) -> str:
    """The page with the policy as the first thing in its head (it must come before any script), mended."""
    page = mend(page)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    charset = re.search(r"<meta charset=[^>]*>", page, re.I)
    if charset:
        return page[: charset.end()] + tag + page[charset.end() :]
    head = re.search(r"<head[^>]*>", page, re.I)
    return page[: head.end()] + tag + page[head.end() :] if head else page


def secure_pages(site: Path) -> str:
    """Put the policy into every HTML page under `site`; returns the policy."""
    files = sorted(site.rglob("*.html"))
    pages = [f.read_text(encoding="utf-8") for f in files]
    policy = policy_for(pages)
    for path, page in zip(files, pages, strict=True):
        path.write_text(with_policy(page, policy), encoding="utf-8")
    return policy


def mend_pages(site: Path) -> None:
    """Only mend the text (the offline copy, opened from disk, carries no policy)."""
    for path in site.rglob("*.html"):
        path.write_text(mend(path.read_text(encoding="utf-8")), encoding="utf-8")
