"""The installable web app in Chromium: install criteria, the service worker, offline, updates, the policy.

Each site here is the real workbook built as GitHub Pages serves a project site: under a sub-path
(/workbook/) with its `site_url` set to that address, so Material's instant navigation is on too.
The worker is checked against a server that is really stopped (not an emulated offline mode, which
need not cover a worker's own requests), and an update is a real second build, published in place
of the first as a host does.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from generator.build import Project, build
from generator.icons import ICONS
from generator.precache import RETIRE, WORKER, precache_list, version_of
from generator.strings import DEFAULTS

from ..browser import CHROMIUM, CHROMIUM_ARGS, serve_folder, wait_until
from ..conftest import REPO, make_project
from .test_widget import SCREENS, on_screen, run_axe

SUB_PATH = "workbook/"
CONTROLLED = "navigator.serviceWorker.controller !== null"
# Every refusal by the page's Content-Security-Policy, recorded from before the first script runs.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""
READY = DEFAULTS["app.update-ready"]
# How long a new version may take to be found and installed after a page load: a bound on a shared,
# busy test machine, not a timing assumption (it is usually under a second).
NEW_VERSION_MS = 20_000


def precache_version(site: Path) -> str:
    return version_of(precache_list(site))


@dataclass
class Builds:
    """Two builds of the real workbook, the second with a changed home page, and one server showing either."""

    base: str  # the site's address, ending in /workbook/
    folder: Path  # what the server serves: /workbook/ in it is a link to one of the builds
    first: Path
    second: Path

    def publish(self, site: Path) -> None:
        """Serve `site` from now on, as a host does after a deploy."""
        link = self.folder / SUB_PATH.rstrip("/")
        link.unlink(missing_ok=True)
        link.symlink_to(site)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Builds]:
    tmp = tmp_path_factory.mktemp("web-app")
    root = make_project(tmp / "project", content=REPO / "content")
    folder = tmp / "served"
    folder.mkdir()
    with serve_folder(folder) as url:
        served = Builds(url + SUB_PATH, folder, tmp / "first", tmp / "second")
        workbook_yml = root / "content" / "workbook.yml"
        text = re.sub(r"(?m)^site_url:.*$", f'site_url: "{served.base}"', workbook_yml.read_text(encoding="utf-8"))
        workbook_yml.write_text(text, encoding="utf-8")
        for site in (served.first, served.second):
            result = build(Project(root, work_dir=tmp / "build"), site=site, pdf=False)
            assert result.ok, result.errors or result.failure
            home = root / "content" / "pages" / "index.md"
            home.write_text(home.read_text(encoding="utf-8") + "\n\nNew in the second build.\n", encoding="utf-8")
        served.publish(served.first)
        yield served


@pytest.fixture
def web_app(builds: Builds) -> Builds:
    """The first build published: every test starts from it (each in a browser context of its own)."""
    builds.publish(builds.first)
    return builds


def installed(page: Page) -> None:
    """Wait until the worker has kept the whole site and controls the page (it activates only after that)."""
    wait_until(page, CONTROLLED)


def test_the_site_meets_the_install_criteria_and_its_icons_decode_at_their_sizes(web_app: Builds, browser: Any) -> None:
    # A persistent profile: Chromium never offers to install from a private (incognito) context. It is
    # launched by the session's Playwright (a second sync Playwright in one process is refused).
    with tempfile.TemporaryDirectory() as profile:
        context = browser.browser_type.launch_persistent_context(profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = context.new_page()
            page.goto(web_app.base + "how-to-use/")
            installed(page)
            cdp = context.new_cdp_session(page)
            assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
            parsed = cdp.send("Page.getAppManifest")
            assert parsed["url"] == web_app.base + "manifest.webmanifest"
            assert parsed["errors"] == []
            manifest = page.evaluate("async (url) => (await fetch(url)).json()", parsed["url"])
            assert manifest["name"] == "Own Your Career" and manifest["short_name"] == "Your Career"
            assert page.evaluate(
                "([m, base]) => [new URL(m.start_url, base).href, new URL(m.scope, base).href]", [manifest, parsed["url"]]
            ) == [
                web_app.base,
                web_app.base,
            ]
            assert manifest["theme_color"] == "#2f5d50"
            assert page.locator('meta[name="theme-color"]').get_attribute("content") == manifest["theme_color"]
            touch = page.locator('link[rel="apple-touch-icon"]').evaluate("l => l.href")
            icons = [(icon["src"], icon["sizes"]) for icon in manifest["icons"]] + [(touch, "180x180")]
            assert len(icons) == len(ICONS)
            for src, sizes in icons:
                decoded = page.evaluate(
                    "async ([src, base]) => { const b = await createImageBitmap(await (await fetch(new URL(src, base))).blob());"
                    " return `${b.width}x${b.height}`; }",
                    [src, parsed["url"]],
                )
                assert decoded == sizes, src
        finally:
            context.close()


def test_a_worker_controls_the_page_after_the_first_load_and_the_policy_holds(web_app: Builds, page: Page) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(web_app.base)
    installed(page)
    registration = page.evaluate("navigator.serviceWorker.ready.then((r) => [r.scope, r.active.scriptURL])")
    assert registration == [web_app.base, web_app.base + "sw.js"], "the worker's scope is the site, under its sub-path"
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert "manifest-src 'self'" in policy and "worker-src 'self'" in policy
    # Instant navigation (Material fetches the next page) is answered by the worker too.
    page.get_by_role("link", name="My workbook").first.click()
    expect(page).to_have_url(web_app.base + "my-workbook/")
    expect(page.locator("h1")).to_contain_text("My workbook")
    assert page.evaluate("window.__violations") == []
    assert page.evaluate("document.querySelectorAll('.wb-update').length") == 1, "one notice region, whatever the navigation"


def test_a_page_never_visited_opens_with_the_server_stopped(web_app: Builds, page: Page) -> None:
    # A server of its own (a new address, so a new origin for the browser), stopped half-way.
    with serve_folder(web_app.folder) as url:
        base = url + SUB_PATH
        page.goto(base)
        installed(page)
    # The server is gone: everything below comes from the worker's cache.
    page.goto(base + "exercises/employment-security-hierarchy/?print=no")
    expect(page.locator("h1")).to_contain_text("The employment security hierarchy")
    expect(page.locator("form.wb-exercise[data-wb-ready]")).to_have_count(1)  # the scripts came too
    first = page.locator("form.wb-exercise input[type=radio][value='4']").first
    first.check()
    expect(first).to_be_checked()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", "the styles came too"
    page.goto(base + "how-to-use")  # a folder without its slash: redirected, as the server would
    expect(page).to_have_url(base + "how-to-use/")
    page.locator(".md-search__input").focus()
    page.keyboard.type("runway")
    expect(page.locator(".md-search-result__item").first).to_be_visible()  # the search index too


def saved_answers(page: Page) -> dict[str, Any]:
    """Everything the workbook keeps in localStorage, as stored."""
    return page.evaluate(  # type: ignore[no-any-return]
        "Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('workbook:')).map((k) => [k, localStorage[k]]))"
    )


def test_a_new_build_is_announced_and_the_answers_survive_the_update(web_app: Builds, page: Page) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(web_app.base + "exercises/who-owns-your-job-security/")
    installed(page)
    radios = page.locator("form.wb-exercise input[type=radio][value='2']")
    for i in range(3):
        radios.nth(i).check()
    before = saved_answers(page)
    assert len(before) == 1
    notice = page.locator(".wb-update [role=status]")
    expect(notice).to_be_empty()  # the live region is there from the start, silent

    web_app.publish(web_app.second)
    page.reload()
    expect(notice).to_have_text(READY, timeout=NEW_VERSION_MS)
    expect(page.get_by_role("button", name=DEFAULTS["app.update-reload"])).to_be_visible()
    for i in range(3):
        expect(radios.nth(i)).to_be_checked()

    # "Not now": the notice goes; the new version waits and is offered again on the next load.
    page.get_by_role("button", name=DEFAULTS["app.update-later"]).click()
    expect(notice).to_be_empty()
    expect(page.get_by_role("button", name=DEFAULTS["app.update-reload"])).to_be_hidden()
    page.reload()
    expect(notice).to_have_text(READY, timeout=NEW_VERSION_MS)

    with page.expect_event("load"):  # a full load: Material's scroll tracking changes the URL's fragment meanwhile
        page.get_by_role("button", name=DEFAULTS["app.update-reload"]).click()
    installed(page)
    expect(page.locator("form.wb-exercise[data-wb-ready]")).to_have_count(1)
    for i in range(3):
        expect(radios.nth(i)).to_be_checked()
    assert saved_answers(page) == before, "an update never touches the saved answers"
    expect(notice).to_be_empty()
    caches = page.evaluate("caches.keys()")
    assert len(caches) == 1, "the old version's cache is gone"
    assert caches[0] == "workbook-precache:" + web_app.base + ":" + precache_version(web_app.second)
    page.get_by_role("link", name="Home").first.click()
    expect(page.get_by_text("New in the second build.")).to_be_visible()
    assert page.evaluate("window.__violations") == []


def test_the_update_notice_is_accessible_on_every_screen(web_app: Builds, page: Page) -> None:
    page.goto(web_app.base + "exercises/network-map/")
    installed(page)
    web_app.publish(web_app.second)
    notice = page.locator(".wb-update")
    for scheme, width in SCREENS:
        on_screen(page, scheme, width)
        page.reload()  # the new version keeps waiting (a reload does not let it in), so it is offered again
        expect(notice.get_by_role("status")).to_have_text(READY, timeout=NEW_VERSION_MS)
        assert run_axe(page) == [], (scheme, width)
        box = notice.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, ("the notice fits the screen", scheme, width)
        reload = notice.get_by_role("button", name=DEFAULTS["app.update-reload"])
        reload.focus()
        expect(reload).to_be_focused()


def test_publishing_the_retiring_worker_takes_the_offline_copy_away_and_keeps_the_answers(
    web_app: Builds, page: Page, tmp_path: Path
) -> None:
    """The way to take the worker off a site (or off the live preview's address): deleting sw.js would not."""
    page.goto(web_app.base + "exercises/who-owns-your-job-security/")
    installed(page)
    page.locator("form.wb-exercise input[type=radio][value='2']").first.check()
    before = saved_answers(page)
    retired = tmp_path / "retired"
    shutil.copytree(web_app.first, retired)
    shutil.copy(REPO / "templates" / RETIRE, retired / WORKER)
    web_app.publish(retired)
    loads: list[str] = []
    page.on("load", lambda p: loads.append(p.url))
    page.reload()
    # The reload shows the kept copy; the retiring worker then deletes it and loads the page again from the server.
    deadline = time.monotonic() + 30
    while len(loads) < 2:
        assert time.monotonic() < deadline, "the page was not loaded again from the server"
        page.wait_for_timeout(50)  # the polling interval, not a timing assumption
    wait_until(page, "navigator.serviceWorker.controller === null")
    wait_until(page, "navigator.serviceWorker.getRegistrations().then((r) => r.length === 0)")
    assert page.evaluate("caches.keys()") == []
    expect(page.locator("form.wb-exercise input[type=radio][value='2']").first).to_be_checked()
    assert saved_answers(page) == before


@pytest.mark.both_engines
def test_each_engines_build_opens_offline(workbook_site: Path, engine: str, page: Page) -> None:
    """The session's build of each engine (served at the host's root): install, stop the server, read on."""
    with serve_folder(workbook_site) as url:
        page.goto(url + "how-to-use/")
        installed(page)
    page.goto(url + "exercises/financial-runway/")
    expect(page.locator("h1")).to_contain_text("runway")
    expect(page.locator("form.wb-exercise[data-wb-ready]")).to_have_count(1)
