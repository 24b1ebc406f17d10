"""The workbook in two languages, in Chromium: a reader answers in English, switches to Spanish with
the theme's language selector, and finds the same answers scored the same; the Spanish pages are
accessible on every screen. The shared `page` fixture fails a test on any console error (a missing
file included) or any request to another host.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .test_widget import (
    ANSWERS,
    EXPECTED,
    HIERARCHY,
    HIERARCHY_ITEMS,
    KEY,
    PROFILE_ID,
    SCREENS,
    answer_hierarchy,
    on_screen,
    run_axe,
    saved,
)


def switch_language(page: Page, name: str) -> None:
    """Open the header's language menu and pick `name`, as a reader does."""
    # Material's selector looks the page up in the sitemap it fetches after load: until then it sends
    # the reader to the other language's home, so a reader (and this test) waits for the page to settle.
    page.wait_for_load_state("networkidle")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name=name, exact=True).click()


def scores(page: Page) -> list[list[str]]:
    """The figures of the results table's score column ("4.3 of 5", "4,3 de 5"), written with a point."""
    cells = page.locator(".wb-scores tbody tr td:first-of-type").all_inner_texts()
    return [re.findall(r"\d+(?:\.\d+)?", cell.replace(",", ".")) for cell in cells]


def test_answers_survive_switching_language(site_url: str, page: Page) -> None:
    page.goto(site_url + HIERARCHY)
    answer_hierarchy(page, ANSWERS)
    expect(page.locator(".wb-scores tbody tr")).to_have_count(len(EXPECTED))
    english = scores(page)
    assert english[-1] == ["3.0", "5"], "overall: 3.0 of 5 (worked out in test_widget.py)"
    version = page.locator("form.wb-exercise").get_attribute("data-version")

    switch_language(page, "Español")
    expect(page).to_have_url(site_url + "es/" + HIERARCHY)
    assert page.evaluate("document.documentElement.lang") == "es"
    expect(page.locator("form.wb-exercise")).to_have_attribute("data-version", str(version))
    # The same answers, put back in the Spanish form, and scored the same.
    for item, value in zip(HIERARCHY_ITEMS, ANSWERS, strict=True):
        expect(page.locator(f"input[name='{item}'][value='{value}']")).to_be_checked()
    expect(page.locator(".wb-scores tbody tr")).to_have_count(len(EXPECTED))
    assert scores(page) == english
    expect(page.get_by_role("button", name="Borrar mis respuestas")).to_be_visible()
    # One entry for both languages, under the workbook's root (the answers, and the dated results).
    assert sorted(k for k in saved(page) if k.endswith(PROFILE_ID)) == sorted([KEY + PROFILE_ID, KEY + "_history:" + PROFILE_ID])

    # An answer changed in Spanish is the English page's answer too, and back.
    page.locator(f"input[name='{HIERARCHY_ITEMS[0]}'][value='1']").check()
    switch_language(page, "English")
    expect(page).to_have_url(site_url + HIERARCHY)
    expect(page.locator(f"input[name='{HIERARCHY_ITEMS[0]}'][value='1']")).to_be_checked()


def test_the_selector_keeps_the_reader_on_the_same_page(site_url: str, page: Page) -> None:
    for path in ("", "how-to-use/", "sources/career-management-is-strategy/", "my-workbook/"):
        page.goto(site_url + path)
        switch_language(page, "Español")
        expect(page).to_have_url(site_url + "es/" + path)
        switch_language(page, "English")
        expect(page).to_have_url(site_url + path)


@pytest.mark.parametrize(("scheme", "width"), SCREENS)
def test_axe_finds_no_violations_on_a_spanish_exercise_page(site_url: str, page: Page, scheme: str, width: int) -> None:
    on_screen(page, scheme, width)
    page.goto(site_url + "es/" + HIERARCHY)
    expect(page.locator("form.wb-exercise[data-wb-ready]")).to_be_attached()
    assert run_axe(page) == []
    answer_hierarchy(page, ANSWERS)
    expect(page.locator(".wb-scores tbody tr")).to_have_count(len(EXPECTED))
    assert run_axe(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"


def test_after_instant_navigation_the_selector_leads_to_the_page_shown(instant_site_url: str, page: Page) -> None:
    """Material swaps the content and keeps the header (and so the selector's links) of the first page:
    languages.js points the chosen link at the page now shown."""
    page.goto(instant_site_url + HIERARCHY)
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-content a[href$='/strategy-or-tactic/']").first.click()
    # navigation.tracking puts the heading in view into the fragment
    expect(page).to_have_url(re.compile(re.escape(instant_site_url + "exercises/strategy-or-tactic/") + "(#.*)?$"))
    assert page.evaluate("window.__sameDocument") is True, "Material's instant navigation was not used"
    switch_language(page, "Español")
    expect(page).to_have_url(re.compile(re.escape(instant_site_url + "es/exercises/strategy-or-tactic/") + "(#.*)?$"))
    expect(page.locator("h1")).to_contain_text("Estrategia")
