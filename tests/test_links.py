"""Links in raw HTML and in scripts, as each engine serves them (generator/links.py)."""

from __future__ import annotations

import pytest

from generator.links import Links


@pytest.mark.parametrize(
    ("style", "page", "target", "expected"),
    [
        ("mkdocs", "exercises/a.md", "exercises/b.md", "../b/"),
        ("mkdocs", "index.md", "exercises/b.md", "exercises/b/"),
        ("mkdocs", "my-workbook.md", "index.md", "../"),
        ("zensical", "exercises/a.md", "exercises/b.md", "../b/"),
        ("offline", "exercises/a.md", "exercises/b.md", "b.html"),
        ("offline", "my-workbook.md", "exercises/b.md", "exercises/b.html"),
        ("offline", "exercises/a.md", "index.md", "../index.html"),
    ],
)
def test_page_links(style: str, page: str, target: str, expected: str) -> None:
    assert Links(style).page(page, target) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("style", "page", "target", "expected"),
    [
        ("mkdocs", "exercises/a.md", "downloads/worksheets/a.pdf", "../../downloads/worksheets/a.pdf"),
        ("mkdocs", "my-workbook.md", "assets/workbook/x.js", "../assets/workbook/x.js"),
        ("mkdocs", "index.md", "downloads/p.pdf", "downloads/p.pdf"),
        # Zensical rewrites these as Markdown links, relative to the source file.
        ("zensical", "exercises/a.md", "downloads/worksheets/a.pdf", "../downloads/worksheets/a.pdf"),
        ("zensical", "my-workbook.md", "assets/workbook/x.js", "assets/workbook/x.js"),
        ("offline", "exercises/a.md", "downloads/worksheets/a.pdf", "../downloads/worksheets/a.pdf"),
    ],
)
def test_file_links(style: str, page: str, target: str, expected: str) -> None:
    assert Links(style).file(page, target) == expected  # type: ignore[arg-type]
