"""Printing exercise pages from the browser (print.css, print.js) in real Chromium.

`window.print` is replaced in these pages by a recorder: it notes what would be printed (blank or
with answers, what the form shows under print media) instead of opening a dialog.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build import Project, build
from generator.model import Likert, Table, Text

from .browser import serve_folder, wait_until
from .conftest import REPO, make_project
from .pdftools import content, dark_pixels, item_texts, page_count, page_image, pdf_text

KNOWN = "who-owns-your-job-security"  # ten likert items: the first page takes the introduction and four
# At most this many pages: the layout may settle a line differently with another Chromium or font
# build, but the worksheet must never spread over more sheets than this. (The questions, their
# scoring grid, the results box and the reflection prompts with writing lines.)
KNOWN_PAGES = {"A4": 5, "Letter": 5}
MM = 96 / 25.4  # CSS pixels per millimetre

RECORD_PRINT = """
window.__printed = [];
window.print = () => {
  const area = document.querySelector("form.wb-exercise textarea, form.wb-exercise input.wb-lines");
  const box = document.querySelector("form.wb-exercise input:checked + .wb-box");
  const results = document.querySelector("form.wb-exercise .wb-results");
  window.__printed.push({
    blank: document.documentElement.classList.contains("wb-print-blank"),
    search: location.search,
    text: area ? area.value : null,
    textColour: area ? getComputedStyle(area).color : null,
    box: box ? getComputedStyle(box).backgroundColor : null,
    results: results ? getComputedStyle(results).display : null,
  });
};
"""


def open_exercise(page, site_url: str, exercise: str, query: str = "") -> None:  # type: ignore[no-untyped-def]
    page.add_init_script(RECORD_PRINT)
    response = page.goto(f"{site_url}exercises/{exercise}/{query}")
    assert response is not None and response.ok
    page.wait_for_selector("form.wb-exercise[data-wb-ready]")  # the widget has restored and scored


def test_print_shows_the_worksheet_and_nothing_else(site_url: str, page) -> None:  # type: ignore[no-untyped-def]
    ex = content().exercises[KNOWN]
    open_exercise(page, site_url, KNOWN)
    assert page.locator("[data-wb-print]").first.is_visible(), "the print buttons show on screen"
    assert not page.locator(".wb-print-header").is_visible(), "the printed header is hidden on screen"
    page.emulate_media(media="print")
    for chrome in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".md-search",
        "[data-wb-print]",
        "[data-wb-download]",
        ".wb-bar",
        ".wb-key",
    ):
        for i in range(page.locator(chrome).count()):
            assert not page.locator(chrome).nth(i).is_visible(), f"{chrome} prints"
    header = page.locator(".wb-print-header")
    assert header.is_visible()
    said = header.text_content() or ""
    assert content().workbook.title in said and ex.title in said and ex.id in said
    items = page.locator("form.wb-exercise [data-item]")
    assert items.count() == len(ex.items)
    for i, item in enumerate(ex.items):
        assert items.nth(i).is_visible(), item.id
        if isinstance(item, Likert):
            labels = items.nth(i).locator(".wb-scale__label")
            assert labels.count() == len(ex.scale) and all(labels.nth(j).is_visible() for j in range(labels.count()))
    boxes = page.locator("form.wb-exercise .wb-box")
    radios = page.locator("form.wb-exercise input[type=radio], form.wb-exercise input[type=checkbox]")
    assert boxes.count() == radios.count() > 0
    assert all(boxes.nth(i).is_visible() for i in range(boxes.count())), "every choice has an empty circle or box"
    assert not radios.first.is_visible(), "the native controls give way to the printed boxes"


def test_writing_lines_and_table_rows_follow_the_yaml(site_url: str, page) -> None:  # type: ignore[no-untyped-def]
    for ex in content().exercises.values():
        texts = [i for i in ex.items if isinstance(i, Text)]
        tables = [i for i in ex.items if isinstance(i, Table)]
        if not (texts or tables):
            continue
        open_exercise(page, site_url, ex.id)
        page.emulate_media(media="print")
        for item in texts:
            box = page.locator(f"[data-item='{item.id}'] .wb-lines").bounding_box()
            assert box and abs(box["height"] - item.lines * 8 * MM) < 2, f"{ex.id}.{item.id}: {item.lines} lines"
        for item in tables:
            rows = page.locator(f"[data-item='{item.id}'] tbody tr")
            assert rows.count() == (len(item.row_labels) or item.rows), f"{ex.id}.{item.id}"
            for r in range(rows.count()):
                box = rows.nth(r).bounding_box()
                assert box and box["height"] >= 9 * MM - 1, f"{ex.id}.{item.id} row {r} is too short to write in"
        page.emulate_media(media="screen")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_known_exercise_prints_on_the_expected_pages(site_url: str, page, paper: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ex = content().exercises[KNOWN]
    open_exercise(page, site_url, KNOWN)
    page.emulate_media(media="print")
    pdf = tmp_path / f"{KNOWN}-{paper}.pdf"
    page.pdf(path=str(pdf), format=paper)
    pages = page_count(pdf)
    assert 1 <= pages <= KNOWN_PAGES[paper]
    text = pdf_text(pdf)
    assert [t for t in item_texts(ex) if t not in text] == []
    assert "Print blank" not in text and "Download this worksheet" not in text and "Clear my answers" not in text
    for number in range(1, pages + 1):
        img = page_image(pdf, number, tmp_path)
        assert dark_pixels(img, (0, 0, 1, 1)) > 0, f"page {number} is blank"
        # Nothing runs into the side margins (14 mm on every paper size).
        assert dark_pixels(img, (0, 0, 0.05, 1)) == 0 and dark_pixels(img, (0.95, 0, 1, 1)) == 0, f"page {number}"
    first = page_image(pdf, 1, tmp_path)
    assert dark_pixels(first, (0.05, 0.03, 0.6, 0.1)) > 0, "the printed header opens the first page"


def fill_some_answers(page) -> str:  # type: ignore[no-untyped-def]
    page.locator("form.wb-exercise .wb-option, form.wb-exercise .wb-scale__point").first.click()
    words = "Clients who need clear reports"
    page.locator("form.wb-exercise textarea").first.fill(words)
    return words


@pytest.mark.both_engines
def test_print_blank_hides_answers_and_print_with_answers_shows_them(site_url: str, page) -> None:  # type: ignore[no-untyped-def]
    open_exercise(page, site_url, "career-as-a-business")
    words = fill_some_answers(page)
    assert page.get_by_role("button", name="Print blank").is_visible()
    assert page.get_by_role("button", name="Print with my answers").is_visible()
    blank_button, answers_button = page.locator("[data-wb-print=blank]"), page.locator("[data-wb-print=answers]")
    page.emulate_media(media="print")  # so the recorder sees what paper would show (the buttons do not print)
    blank_button.evaluate("button => button.click()")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    answers_button.evaluate("button => button.click()")
    blank, answers = page.evaluate("window.__printed")
    assert blank["blank"] is True and blank["textColour"] == "rgba(0, 0, 0, 0)"
    assert blank["box"] == "rgb(255, 255, 255)", "blank: the chosen option's circle stays empty"
    assert answers["blank"] is False and answers["text"] == words and answers["textColour"] == "rgb(0, 0, 0)"
    assert answers["box"] == "rgb(0, 0, 0)", "the chosen option is filled in"
    assert not page.evaluate("document.documentElement.classList.contains('wb-print-blank')")

    # A scored exercise: its results print with the answers, never on a blank sheet.
    page.emulate_media(media="screen")
    open_exercise(page, site_url, KNOWN)
    page.locator("form.wb-exercise .wb-scale__point").first.click()
    page.emulate_media(media="print")
    page.locator("[data-wb-print=blank]").evaluate("button => button.click()")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.locator("[data-wb-print=answers]").evaluate("button => button.click()")
    blank, answers = page.evaluate("window.__printed")
    assert blank["results"] == "none" and answers["results"] != "none"


def test_a_print_answers_link_prints_once_answers_are_restored(site_url: str, page) -> None:  # type: ignore[no-untyped-def]
    open_exercise(page, site_url, "career-as-a-business")
    words = fill_some_answers(page)
    open_exercise(page, site_url, "career-as-a-business", "?print=answers")  # as My workbook links it
    wait_until(page, "window.__printed.length > 0")
    (printed,) = page.evaluate("window.__printed")
    assert printed["blank"] is False and printed["text"] == words
    assert printed["search"] == "", "the link's ?print=answers is dropped, so a reload does not print again"
    assert re.search(r"/exercises/career-as-a-business/$", page.url)


def test_a_print_answers_link_followed_by_instant_navigation(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """As from My workbook: Material follows the link without a page load (only when site_url is set)."""
    root = make_project(tmp_path / "project", REPO / "content")
    config = root / "content" / "workbook.yml"
    # The server holds its port from before the build (the address goes into site_url) to the end.
    with serve_folder(tmp_path / "site") as url:
        config.write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: {url}", config.read_text()))
        result = build(Project(root), site=tmp_path / "site", pdf=False)
        assert result.site is not None, result.errors or result.failure
        print_answers_after_instant_navigation(browser, url)


def print_answers_after_instant_navigation(browser, url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        open_exercise(page, url, "career-as-a-business")
        words = fill_some_answers(page)
        page.goto(url)
        page.evaluate("""() => {
          const a = Object.assign(document.createElement("a"), {id: "wb-test-link", textContent: "Print",
            href: "exercises/career-as-a-business/?print=answers"});
          document.querySelector("article").append(a);
          window.__sameDocument = true;
        }""")
        page.click("#wb-test-link")
        wait_until(page, "window.__printed && window.__printed.length > 0")
        assert page.evaluate("window.__sameDocument === true"), "Material's instant navigation followed the link"
        (printed,) = page.evaluate("window.__printed")
        assert printed["blank"] is False and printed["text"] == words and printed["search"] == ""
        assert errors == []
    finally:
        context.close()
