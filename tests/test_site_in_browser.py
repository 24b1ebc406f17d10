"""The built workbook in real Chromium: every page loads without errors or outside requests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.both_engines
def test_every_page_loads_cleanly(workbook_site: Path, site_url: str, page) -> None:  # type: ignore[no-untyped-def]
    pages = sorted(p.parent.relative_to(workbook_site).as_posix() for p in workbook_site.rglob("index.html"))
    assert len(pages) > 5
    for rel in pages:
        url = site_url + ("" if rel == "." else rel + "/")
        response = page.goto(url)
        assert response is not None and response.ok, url
        assert page.locator("h1").count() >= 1, url
