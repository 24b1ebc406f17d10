"""The footer's Previous and Next follow workbook.yml's `path` (generator/footer_path.py), and `path` is checked."""

from __future__ import annotations

from pathlib import Path

from generator.footer_path import follow_path, neighbours, page_titles, path_pages
from generator.validate import validate_content

from .conftest import REPO

# The engine's footer as Material (and Zensical's classic variant) prints it, icons shortened.
FOOTER = """<nav class="md-footer__inner md-grid" aria-label="Footer" >
<a href="../chapter/" class="md-footer__link md-footer__link--prev" aria-label="Previous: Overview">
<div class="md-footer__button md-icon"><svg/></div>
<div class="md-footer__title"><span class="md-footer__direction">Previous</span>
<div class="md-ellipsis">
Overview
</div></div></a>
<a href="../other/" class="md-footer__link md-footer__link--next" aria-label="Next: Other">
<div class="md-footer__title"><span class="md-footer__direction">Next</span>
<div class="md-ellipsis">
Other
</div></div>
<div class="md-footer__button md-icon"><svg/></div></a>
</nav>"""


def test_the_shipped_path_is_the_one_the_home_page_recommends() -> None:
    content, errors = validate_content(REPO)
    assert content is not None and not errors
    pages = path_pages(content)
    assert pages[0] == "index.md" and pages[-1] == "my-workbook.md"
    # The home page's numbered steps link the path's exercises in the same order.
    home = (REPO / "content" / "pages" / "index.md").read_text(encoding="utf-8")
    steps = home.split("## The path through the workbook", 1)[1].split("Along the way", 1)[0]
    linked = [p for p in pages if p != "index.md" and f"({p})" in steps]
    order = sorted(linked, key=lambda p: steps.index(f"({p})"))
    assert order == pages[1:], "the footer's path and the home page's steps must agree"


def test_without_a_path_the_chapters_order_is_used(project: Path) -> None:
    content, errors = validate_content(project)
    assert content is not None and not errors
    assert path_pages(content) == ["index.md", "exercises/all-types.md", "exercises/runway.md", "my-workbook.md"]


def test_each_page_of_the_path_has_its_neighbours_and_the_ends_have_one() -> None:
    assert neighbours(["a", "b", "c"]) == {"a": (None, "b"), "b": ("a", "c"), "c": ("b", None)}


def test_the_footer_links_are_pointed_along_the_path_keeping_the_engines_words() -> None:
    page = follow_path(FOOTER, ("../../", "Home"), ("../b/", "Risk &amp; &lt;reward&gt;"))
    assert '<a href="../../" class="md-footer__link md-footer__link--prev" aria-label="Previous: Home">' in page
    assert '<a href="../b/" class="md-footer__link md-footer__link--next" aria-label="Next: Risk &amp; &lt;reward&gt;">' in page
    assert "\nHome\n" in page and "\nRisk &amp; &lt;reward&gt;\n" in page
    assert "Overview" not in page and "Other" not in page
    assert page.count("<svg/>") == 2, "the icons stay"


def test_at_the_end_of_the_path_the_link_beyond_it_goes() -> None:
    page = follow_path(FOOTER, ("../q/", "Check-in"), None)
    assert "md-footer__link--next" not in page
    assert 'aria-label="Previous: Check-in"' in page


def test_titles_are_escaped_once_as_the_engine_prints_them(project: Path) -> None:
    content, _ = validate_content(project)
    assert content is not None
    assert page_titles(content)["index.md"] == "Home"
    assert all("<" not in t for t in page_titles(content).values())


def test_a_path_naming_a_missing_or_repeated_exercise_is_an_error_with_its_line(project: Path) -> None:
    yml = project / "content" / "workbook.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "path: [runway, all-typo, runway]\n", encoding="utf-8")
    content, errors = validate_content(project)
    assert content is None
    found = {(e.path, e.message) for e in errors}
    assert ("path[1]", "no exercise `all-typo` in content/exercises/") in found
    assert ("path[2]", "the exercise `runway` is on the path twice") in found
    assert all(e.line == 13 for e in errors if e.path.startswith("path")), [e.format() for e in errors]
    assert any("all-types" in e.hint for e in errors), "it suggests the nearest id"
