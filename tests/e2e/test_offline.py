"""The offline copy works opened straight from disk (file://): pages, search, the widget, saving."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.build import OFFLINE_ZIP, Project, build

from ..browser import wait_until
from ..conftest import REPO


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("offline")
    result = build(Project(REPO, work_dir=tmp / "build"), site=tmp / "site", pdf=False, offline=True)
    assert result.site is not None, result.errors or result.failure
    return result.site


def test_pages_link_as_files_and_open_from_disk(offline_site: Path, page: Page) -> None:
    page.goto((offline_site / "index.html").as_uri())
    page.get_by_role("link", name="The employment security hierarchy").first.click()
    expect(page).to_have_url((offline_site / "exercises" / "employment-security-hierarchy.html").as_uri())
    expect(page.locator("h1")).to_contain_text("The employment security hierarchy")


def test_search_works_from_disk(offline_site: Path, page: Page) -> None:
    page.goto((offline_site / "index.html").as_uri())
    page.locator(".md-search__input").focus()
    page.keyboard.type("runway")
    result = page.locator(".md-search-result__item").first
    expect(result).to_be_visible()
    expect(page.locator(".md-search-result__list")).to_contain_text("runway", ignore_case=True)


def test_widget_scores_and_saves_from_disk(offline_site: Path, page: Page) -> None:
    url = (offline_site / "exercises" / "who-owns-your-job-security.html").as_uri()
    page.goto(url)
    form = page.locator("form.wb-exercise")
    names = form.locator("input[type=radio]").evaluate_all("els => [...new Set(els.map(e => e.name))]")
    for name in names:
        form.locator(f"input[name='{name}'][value='3']").check()
    expect(page.locator("[data-results]")).to_be_visible()
    expect(page.locator("[data-status]")).not_to_be_empty()

    page.reload()
    for name in names:
        expect(form.locator(f"input[name='{name}'][value='3']")).to_be_checked()

    page.goto((offline_site / "my-workbook.html").as_uri())
    link = page.get_by_role("link", name="Who owns your job security?").first
    expect(link).to_have_attribute("href", "exercises/who-owns-your-job-security.html")


def test_the_offline_copy_registers_no_service_worker_and_still_works(offline_site: Path, page: Page) -> None:
    """From disk a worker cannot run: web-app.js finds no manifest link and does nothing (no error either)."""
    page.goto((offline_site / "exercises" / "who-owns-your-job-security.html").as_uri())
    wait_until(page, "document.readyState === 'complete' && globalThis.WorkbookApp !== undefined")
    expect(page.locator("form.wb-exercise[data-wb-ready]")).to_have_count(1)
    assert page.locator('link[rel="manifest"]').count() == 0
    assert page.evaluate("!('serviceWorker' in navigator) || navigator.serviceWorker.controller === null")
    assert page.locator(".wb-update").count() == 0
    assert not (offline_site / "sw.js").exists() and not (offline_site / "manifest.webmanifest").exists()


def test_the_site_carries_a_zip_of_the_offline_copy(project: Path) -> None:
    result = build(Project(project), pdf=False, offline_zip=True)
    assert result.site is not None
    with zipfile.ZipFile(result.site / "downloads" / OFFLINE_ZIP) as z:
        names = set(z.namelist())
    top = OFFLINE_ZIP.removesuffix(".zip")
    assert {f"{top}/index.html", f"{top}/exercises/all-types.html", f"{top}/assets/workbook/site.bundle.js"} <= names
    assert not any(n.endswith("/index.html") and n.count("/") > 1 for n in names)  # file URLs, not folders
    assert f"{top}/sw.js" not in names  # no service worker where none can run
