"""The path through the workbook, in headless Chromium on the real workbook: the home page's "continue
where you left off", results leading to My workbook, and the footer's Previous/Next along the path
workbook.yml gives (which the home page's steps recommend). Accessibility of the changed screens.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from ..conftest import REPO
from .test_transfer import fill_some, make_link
from .test_widget import ANSWERS, HIERARCHY, SCREENS, answer_hierarchy, no_sideways_scroll, on_screen, run_axe

# Set WORKBOOK_SHOTS to a folder to keep pictures of the changed screens, for a look by eye.
SHOTS = Path(os.environ.get("WORKBOOK_SHOTS", "/nonexistent"))
PATH = yaml.safe_load((REPO / "content" / "workbook.yml").read_text(encoding="utf-8"))["path"]
# The exercises themselves, not their translations beside them (`<id>.<language>.yml`).
EXERCISE_COUNT = len([p for p in (REPO / "content" / "exercises").glob("*.yml") if "." not in p.stem])


def test_continue_where_you_left_off_appears_only_once_something_is_saved(site_url: str, page: Page) -> None:
    page.clock.set_fixed_time(datetime(2026, 3, 1, 10, 0))
    page.goto(site_url)
    box = page.locator("[data-wb-continue]")
    expect(box).to_be_attached()
    expect(box).to_be_hidden()  # a first visit: nothing to continue

    page.goto(site_url + HIERARCHY)
    answer_hierarchy(page, ANSWERS)
    page.clock.set_fixed_time(datetime(2026, 3, 2, 18, 0))
    page.goto(site_url + "exercises/career-as-a-business/")
    page.locator("[name='offer']").fill("Data reports")
    page.goto(site_url)
    expect(box).to_be_visible()
    expect(box).to_contain_text("Continue where you left off: Your career as a business")
    expect(box).to_contain_text("last saved Mar 2, 2026.")
    expect(box).to_contain_text(f"You have started 2 of {EXERCISE_COUNT} exercises.")
    box.get_by_role("link", name=re.compile("^Your career as a business")).click()
    expect(page.locator("[name='offer']")).to_have_value("Data reports")
    page.goto(site_url)
    box.get_by_role("link", name="See all your answers and results in My workbook").click()
    expect(page.locator("[data-my-progress] table")).to_be_visible()


def test_continue_shows_after_instant_navigation_home(instant_site_url: str, page: Page) -> None:
    page.goto(instant_site_url + HIERARCHY)
    answer_hierarchy(page, ANSWERS[:3])
    page.locator("a.md-footer__link--prev").click()  # Who owns your job security?, then Home
    page.locator("a.md-footer__link--prev").click()
    expect(page.locator("[data-wb-continue]")).to_contain_text("Continue where you left off: The employment security hierarchy")


def test_an_assessments_result_leads_to_my_workbook(site_url: str, page: Page) -> None:
    page.goto(site_url + HIERARCHY)
    answer_hierarchy(page, ANSWERS)
    link = page.locator("[data-results]").get_by_role("link", name="My workbook")
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("[data-my-profile] .wb-tag")).to_have_count(1)


@pytest.mark.both_engines
def test_the_footer_leads_along_the_recommended_path_and_other_pages_keep_the_navigation(site_url: str, page: Page) -> None:
    expected = [f"exercises/{x}/" for x in PATH] + ["my-workbook/"]
    page.goto(site_url)
    visited = []
    while page.locator("a.md-footer__link--next").count() and len(visited) < len(expected):
        page.locator("a.md-footer__link--next").click()
        page.wait_for_load_state()
        visited.append(page.url.removeprefix(site_url).split("#")[0])
    assert visited == expected
    expect(page.locator("a.md-footer__link--next")).to_have_count(0)  # the path ends at My workbook
    expect(page.locator("a.md-footer__link--prev")).to_have_attribute("aria-label", "Previous: The quarterly check-in")
    page.goto(site_url + HIERARCHY)
    page.locator("a.md-footer__link--prev").click()
    expect(page).to_have_url(re.compile(re.escape(site_url + "exercises/who-owns-your-job-security/")))
    # A side step the home page mentions "along the way" keeps the chapters' order.
    page.goto(site_url + "exercises/risk-and-enterprise/")
    expect(page.locator("a.md-footer__link--next")).to_have_attribute("href", re.compile(r"career-as-a-business/$"))


@pytest.mark.parametrize(("scheme", "width"), SCREENS)
def test_axe_finds_no_wcag_violations_on_the_path_and_transfer_screens(
    site_url: str, page: Page, browser: object, scheme: str, width: int
) -> None:
    on_screen(page, scheme, width)
    fill_some(page, site_url)
    page.goto(site_url)
    expect(page.locator("[data-wb-continue]")).to_be_visible()
    assert run_axe(page) == []
    no_sideways_scroll(page)
    if SHOTS.is_dir():
        page.screenshot(path=str(SHOTS / f"home-{scheme}-{width}.png"))
    page.goto(site_url + "my-workbook/")
    link = make_link(page)
    expect(page.locator(".wb-link__qr")).to_be_visible()
    assert run_axe(page) == []
    no_sideways_scroll(page)
    if SHOTS.is_dir():
        page.locator("[data-my-transfer]").screenshot(path=str(SHOTS / f"transfer-{scheme}-{width}.png"))
    page.evaluate("localStorage.clear()")
    page.goto(site_url)
    page.goto(link)
    expect(page.locator(".wb-preview")).to_be_visible()
    assert run_axe(page) == []
    page.goto(site_url)
    page.goto(link[:-40])
    expect(page.get_by_role("alert")).to_be_visible()
    assert run_axe(page) == []
    no_sideways_scroll(page)
