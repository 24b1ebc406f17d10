"""Moving the workbook to another device by link, in headless Chromium on the real workbook.

One browser context makes the link; a fresh context (another device: empty storage) opens it, sees the
import preview and accepts it. The QR code drawn on the page is read back by jsQR (a test-only
package) from the page's own pixels. A damaged link writes nothing and says why.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from ..browser import wait_until
from ..conftest import REPO
from .test_widget import ANSWERS, KEY, PROFILE_ID, answer_hierarchy, saved

JSQR = REPO / "node_modules" / "jsqr" / "dist" / "jsQR.js"
MY = "my-workbook/"

# Rasterise the page's QR code (its SVG, as a data: image, which the site's policy allows) and read it.
READ_QR = """async () => {
  const svg = document.querySelector(".wb-link__qr");
  const img = new Image();
  img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(svg));
  await img.decode();
  const n = svg.viewBox.baseVal.width * 4;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = n;
  const ctx = canvas.getContext("2d");
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(img, 0, 0, n, n);
  const found = jsQR(ctx.getImageData(0, 0, n, n).data, n, n);
  return found && found.data;
}"""

WATCH_POLICY = (
    "window.__violations = []; document.addEventListener('securitypolicyviolation',"
    " (e) => window.__violations.push([e.violatedDirective, e.blockedURI, e.sample].join(' ')));"
)


def make_link(page: Page) -> str:
    page.get_by_role("button", name="Make a transfer link").click()
    field = page.get_by_role("textbox", name="Your transfer link")
    expect(field).to_be_focused()
    return str(field.input_value())


def fill_some(page: Page, url: str) -> None:
    page.goto(url + "exercises/employment-security-hierarchy/")
    answer_hierarchy(page, ANSWERS)
    page.goto(url + "exercises/career-as-a-business/")
    page.locator("[name='offer']").fill("Plain-English data reports, “quoted” & <b>kept as text</b>")
    page.goto(url + MY)
    # the completed hierarchy is kept as today's result: the link must carry it too
    expect(page.locator("[data-my-history]")).to_contain_text("1 result kept")


def fresh_page(browser: Any) -> Page:
    context = browser.new_context()
    page: Page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors  # type: ignore[attr-defined]
    return page


def test_a_transfer_link_carries_everything_to_a_fresh_browser_only_after_yes(site_url: str, page: Page, browser: Any) -> None:
    fill_some(page, site_url)
    before = saved(page)
    assert set(before) == {KEY + PROFILE_ID, KEY + "career-as-a-business", KEY + "_history:" + PROFILE_ID}
    link = make_link(page)
    assert link.startswith(site_url + MY + "#transfer=1.")
    expect(page.locator(".wb-link__warning")).to_contain_text("This link holds your answers.")
    expect(page.get_by_role("img", name="QR code of your transfer link")).to_be_visible()
    page.evaluate(JSQR.read_text(encoding="utf-8"))
    assert page.evaluate(READ_QR) == link, "the QR code on screen reads back as the link"

    other = fresh_page(browser)
    try:
        other.goto(link)
        preview = other.locator(".wb-preview")
        expect(preview).to_contain_text("“the transfer link”, exported")
        expect(preview).to_contain_text("Added, new to this browser (2)")
        expect(preview).to_contain_text("Dated results new to this browser: 1")
        expect(other.get_by_role("heading", name="Before you import")).to_be_focused()
        assert other.evaluate("location.hash") == "", "the answers leave the address bar at once"
        assert saved(other) == {}, "nothing is written before the reader says yes"
        other.get_by_role("button", name="Import these answers").click()
        expect(other.locator("[data-my-status]")).to_have_text("Imported 2 exercises and 1 dated result.")
        assert saved(other) == before
        other.goto(site_url + "exercises/career-as-a-business/")
        expect(other.locator("[name='offer']")).to_have_value("Plain-English data reports, “quoted” & <b>kept as text</b>")
        assert other.errors == []  # type: ignore[attr-defined]
    finally:
        other.context.close()


def test_a_link_opened_and_cancelled_writes_nothing(site_url: str, page: Page, browser: Any) -> None:
    fill_some(page, site_url)
    link = make_link(page)
    other = fresh_page(browser)
    try:
        other.goto(link)
        other.get_by_role("button", name="Cancel").click()
        expect(other.locator("[data-my-status]")).to_have_text("Import cancelled: nothing was changed.")
        assert saved(other) == {}
        other.reload()  # the link is gone from the address: a reload offers nothing again
        expect(other.locator("[data-my-progress] table")).to_be_visible()
        expect(other.locator(".wb-preview")).to_have_count(0)
    finally:
        other.context.close()


def test_a_damaged_or_newer_link_says_so_and_writes_nothing(site_url: str, page: Page) -> None:
    fill_some(page, site_url)
    link = make_link(page)
    page.evaluate("localStorage.clear()")
    cases = [
        (link[: len(link) * 2 // 3], "incomplete or was changed"),
        (link.replace("#transfer=1.", "#transfer=1.!!"), "incomplete or was changed"),
        (link.replace("#transfer=1.", "#transfer=7."), "newer version of the workbook"),
    ]
    for bad, why in cases:
        page.goto(site_url)  # a new document each time, as a link opened from elsewhere is
        page.goto(bad)
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("cannot be read, and nothing was changed")
        expect(alert).to_contain_text(why)
        assert page.evaluate("location.hash") == ""
        assert saved(page) == {}


def test_a_link_of_a_file_that_is_not_a_backup_is_refused_by_the_import_checks(site_url: str, page: Page) -> None:
    page.goto(site_url + MY)
    wait_until(page, "!!globalThis.WorkbookTransferLink")
    bad = page.evaluate("WorkbookTransferLink.encodeLink({format: 'something-else', version: 1, exercises: {}}, location.href)")
    page.goto(site_url)
    page.goto(bad)
    expect(page.get_by_role("alert")).to_contain_text("format: expected career-workbook")
    assert saved(page) == {}


def test_too_many_answers_for_a_qr_code_still_give_a_link(site_url: str, page: Page) -> None:
    page.goto(site_url + "exercises/career-as-a-business/")
    # Text that does not compress: a link far beyond a QR code's 2953 bytes.
    page.evaluate("""() => {
      let s = "", x = 1;
      for (let i = 0; i < 6000; i++) { x = (x * 48271) % 2147483647; s += String.fromCharCode(33 + (x % 90)); }
      const f = document.querySelector("[name='offer']"); f.value = s; f.dispatchEvent(new Event("input", {bubbles: true}));
    }""")
    page.goto(site_url + MY)
    link = make_link(page)
    assert len(link) > 2953
    expect(page.locator(".wb-link")).to_contain_text("too long for a QR code")
    expect(page.locator(".wb-link__qr")).to_have_count(0)


def test_nothing_saved_gives_no_link(site_url: str, page: Page) -> None:
    page.goto(site_url + MY)
    page.get_by_role("button", name="Make a transfer link").click()
    expect(page.locator("[data-my-status]")).to_contain_text("There is nothing to carry yet")
    expect(page.locator(".wb-link")).to_have_count(0)


def test_the_transfer_link_works_under_the_strict_policy(instant_site: tuple[str, Path, str], page: Page, browser: Any) -> None:
    url, _, policy = instant_site
    page.add_init_script(WATCH_POLICY)
    fill_some(page, url)
    link = make_link(page)
    expect(page.locator(".wb-link__qr")).to_be_visible()
    assert page.evaluate("window.__violations") == []
    other = fresh_page(browser)
    try:
        other.add_init_script(WATCH_POLICY)
        response = other.goto(link)
        assert response is not None and response.headers["content-security-policy"] == policy
        other.get_by_role("button", name="Import these answers").click()
        expect(other.locator("[data-my-status]")).to_contain_text("Imported 2 exercises")
        assert other.evaluate("window.__violations") == []
        assert other.errors == []  # type: ignore[attr-defined]
    finally:
        other.context.close()
