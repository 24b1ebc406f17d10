"""`make bench`, pages: bytes over the wire for a page, beside a stock Material page built in the same run.

What a reader's browser downloads to show a page, each file gzipped as a static host sends it: the
HTML, and every stylesheet and script it links (the site's own and Material's). Render-blocking
requests are the stylesheets without `media="print"` (Material's scripts and ours come at the end
of the body).
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from .conftest import REPO

PAGES = (("home page", ""), ("an assessment", "exercises/employment-security-hierarchy"), ("My workbook", "my-workbook"))
LINKS = re.compile(r'<link rel="stylesheet" href="([^"]+)"([^>]*)>|<script src="([^"]+)"([^>]*)>')


def page_weight(site: Path, page: str) -> tuple[int, int, int, int, int]:
    """(bytes gzipped in all, of it the project's own CSS and JS, requests, render-blocking requests,
    of the requests the project's own)."""
    html_path = site / page / "index.html"
    html = html_path.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode("utf-8"), compresslevel=9))
    own = requests = blocking = own_requests = 0
    for match in LINKS.finditer(html):
        href, attrs = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        if href.startswith(("http:", "https:")):
            continue
        size = len(gzip.compress((html_path.parent / href.split("?")[0]).resolve().read_bytes(), compresslevel=9))
        total += size
        requests += 1
        mine = "assets/workbook/" in href or "assets/stylesheets/theme.css" in href
        own += size if mine else 0
        own_requests += 1 if mine else 0
        blocking += 1 if match.group(1) and 'media="print"' not in attrs else 0
    return total, own, requests, blocking, own_requests


def stock_material(target: Path) -> Path:
    """A stock Material for MkDocs site: one page, the same theme settings the workbook starts from."""
    (target / "docs").mkdir(parents=True)
    (target / "docs" / "index.md").write_text("# A stock page\n\nSome text.\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text("site_name: Stock\ntheme:\n  name: material\n  font: false\nplugins: [search]\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(target / "mkdocs.yml")], check=True, capture_output=True)
    return target / "site"


def run() -> list[tuple[str, str]]:
    from generator.build import Project, build

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        result = build(Project(REPO, work_dir=Path(tmp) / "build"), site=Path(tmp) / "site", pdf=False)
        assert result.ok, result.errors or result.failure
        stock = page_weight(stock_material(Path(tmp) / "stock"), "")
        rows.append(("stock Material page", f"{stock[0] / 1024:.1f} KiB gzipped, {stock[2]} requests ({stock[3]} render-blocking)"))
        for label, page in PAGES:
            total, own, requests, blocking, own_requests = page_weight(Path(tmp) / "site", page)
            rows.append(
                (
                    label,
                    f"{total / 1024:.1f} KiB gzipped (x{total / stock[0]:.2f} the stock page; the project's own CSS and JS "
                    f"{own / 1024:.1f} KiB in {own_requests} requests), {requests} requests ({blocking} render-blocking)",
                )
            )
    return rows
