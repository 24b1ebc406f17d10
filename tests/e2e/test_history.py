"""Dated results in headless Chromium, with a controlled clock: retaking keeps every day's result,
My workbook charts them with the change and the next check-in, old check-ins are carried over, the
quarterly check-in shows last time beside this time and offers the next reminder, backups remind once.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from ..conftest import REPO
from .test_widget import (
    ANSWERS,
    HIERARCHY,
    KEY,
    PROFILE_ID,
    SCREENS,
    answer_hierarchy,
    export_file,
    no_sideways_scroll,
    on_screen,
    run_axe,
    saved,
    status,
)

CHECK_IN = "exercises/quarterly-check-in/"
HISTORY = KEY + "_history:" + PROFILE_ID


def results(page: Page) -> list[tuple[str, float]]:
    return [(r["date"], r["scores"]["_overall"]) for r in saved(page)[HISTORY]["results"]]


def two_results(page: Page, site_url: str) -> None:
    """Overall 3.0 on 5 January 2026, then 3.2 on 7 April (network-would-tell-me 1 -> 5: network 1.25 -> 2.25)."""
    page.clock.set_fixed_time("2026-01-05T10:00:00")
    page.goto(site_url + HIERARCHY)
    answer_hierarchy(page, ANSWERS)
    page.clock.set_fixed_time("2026-04-07T09:00:00")
    page.goto(site_url + HIERARCHY)
    page.locator("input[name='network-would-tell-me'][value='5']").check()
    expect(status(page)).to_contain_text("Employment security: 3.2")


def test_a_retake_on_a_later_day_keeps_both_results_and_a_same_day_change_updates(site_url: str, page: Page) -> None:
    page.clock.set_fixed_time("2026-01-05T10:00:00")
    page.goto(site_url + HIERARCHY)
    answer_hierarchy(page, ANSWERS[:19])
    assert HISTORY not in saved(page), "an incomplete assessment is no result"
    answer_hierarchy(page, ANSWERS)
    assert results(page) == [("2026-01-05", 3)]
    # The same day: the day's result follows the change.
    page.locator("input[name='network-would-tell-me'][value='5']").check()
    assert results(page) == [("2026-01-05", 3.2)]
    page.locator("input[name='network-would-tell-me'][value='1']").check()
    assert results(page) == [("2026-01-05", 3)]
    # Late that evening is still the same local day.
    page.clock.set_fixed_time("2026-01-05T23:50:00")
    page.reload()
    page.locator("input[name='skills-in-demand'][value='5']").check()
    assert len(results(page)) == 1
    # A later day: a second result; the first is kept with its answers.
    page.clock.set_fixed_time("2026-04-07T09:00:00")
    page.reload()
    page.locator("input[name='network-would-tell-me'][value='5']").check()
    assert results(page) == [("2026-01-05", 3), ("2026-04-07", 3.2)]
    first = saved(page)[HISTORY]["results"][0]
    assert first["answers"]["network-would-tell-me"] == 1 and first["version"]
    # Clearing the answers keeps the results.
    messages: list[str] = []
    page.once("dialog", lambda d: (messages.append(d.message), d.accept()))
    page.get_by_role("button", name="Clear my answers").click()
    expect(status(page)).to_have_text("20 answers remain before your full result.")
    assert results(page) == [("2026-01-05", 3), ("2026-04-07", 3.2)]
    assert messages and messages[0].endswith("The results you completed stay in My workbook.")


def test_my_workbook_charts_every_dimension_with_the_change_and_the_next_check_in(site_url: str, page: Page) -> None:
    two_results(page, site_url)
    page.goto(site_url + "my-workbook/")
    history = page.locator("[data-my-history]")
    expect(history).to_contain_text("2 results kept, the latest from Apr 7, 2026.")
    table = history.locator("table").first
    expect(table.locator("thead th")).to_have_text(["Area", "Change", "Jan 5, 2026", "Apr 7, 2026"])
    expect(table.locator("tr", has_text="Business network").locator("td")).to_have_text(["+1.0, improved", "1.3", "2.3"])
    expect(table.locator("tr", has_text="Employment security").locator("td")).to_have_text(["+0.2, improved", "3.0", "3.2"])
    expect(table.locator("tr", has_text="Finances").locator("td").first).to_have_text("no change")
    # One chart row a dimension and the overall, each a line through both results.
    chart = history.locator(".wb-history-chart").first
    expect(chart.locator(".wb-history-chart__row")).to_have_count(6)
    expect(chart.locator(".wb-history-chart__line")).to_have_count(6)
    assert chart.locator(".wb-history-chart__dots").first.get_attribute("d").count("h0") == 2  # type: ignore[union-attr]
    expect(chart).to_have_attribute("aria-hidden", "true")  # the table says the same to a screen reader
    expect(history).to_contain_text("Next check-in: Jul 7, 2026.")


@pytest.mark.both_engines
def test_the_check_in_shows_last_time_beside_this_time_and_offers_the_next_reminder(site_url: str, page: Page, tmp_path: Path) -> None:
    page.clock.set_fixed_time("2026-04-07T09:00:00")
    page.goto(site_url + CHECK_IN)
    panel = page.locator("[data-wb-history]")
    expect(panel).to_contain_text("No result of The employment security hierarchy is kept in this browser yet")
    two_results(page, site_url)
    page.goto(site_url + CHECK_IN)
    expect(panel).to_contain_text("from today is kept, beside the one before")
    table = panel.locator("table")
    expect(table.locator("thead th")).to_have_text(["Area", "Before (Jan 5, 2026)", "Latest (Apr 7, 2026)", "Change"])
    expect(table.locator("tr", has_text="Business network").locator("td")).to_have_text(["1.3", "2.3", "+1.0, improved"])
    expect(panel).to_contain_text("Next check-in: Jul 7, 2026.")
    assert page.locator("[name^='scores.']").count() == 0, "no numbers to copy by hand"

    with page.expect_download() as info:
        page.get_by_role("button", name="Add the next check-in to my calendar (.ics)").click()
    info.value.save_as(tmp_path / "next.ics")
    ics = (tmp_path / "next.ics").read_bytes().decode("utf-8")
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert "\n" not in ics.replace("\r\n", "")
    lines = ics.replace("\r\n ", "").split("\r\n")
    assert "DTSTART;VALUE=DATE:20260707" in lines
    assert any(re.fullmatch(r"UID:\S+@127\.0\.0\.1", x) for x in lines)
    assert any(re.fullmatch(r"DTSTAMP:20260407T\d{6}Z", x) for x in lines)
    assert not any(x.startswith("RRULE") for x in lines), "the next check-in, once"
    assert "SUMMARY:Career check-in: Own Your Career" in lines
    expect(panel.get_by_role("status")).to_contain_text("add your check-in on Jul 7, 2026")


def test_the_printed_check_in_has_the_results_to_copy_filled_with_answers_and_empty_blank(site_url: str, page: Page) -> None:
    hierarchy = yaml.safe_load((REPO / "content/exercises/employment-security-hierarchy.yml").read_text(encoding="utf-8"))
    labels = ["Date", *(d["label"] for d in hierarchy["scoring"]["dimensions"]), hierarchy["scoring"]["overall"]["label"]]
    page.clock.set_fixed_time("2026-04-07T09:00:00")
    page.goto(site_url + CHECK_IN)
    paper = page.locator("[data-wb-history-paper]")
    expect(paper).to_be_hidden()  # on screen the panel shows the results
    page.emulate_media(media="print")
    expect(paper).to_be_visible()
    expect(page.locator("[data-wb-history]")).to_be_hidden()
    expect(paper.locator("tbody th")).to_have_text(labels)
    expect(paper.locator("td")).to_have_text([""] * 2 * len(labels))  # nothing kept yet: room to write them
    page.emulate_media(media="screen")
    two_results(page, site_url)
    page.goto(site_url + CHECK_IN)
    page.emulate_media(media="print")
    expect(paper.locator("tr", has_text="Date").locator("td")).to_have_text(["Jan 5, 2026", "Apr 7, 2026"])
    expect(paper.locator("tr", has_text="Business network").locator("td")).to_have_text(["1.3", "2.3"])
    expect(paper.locator("tr", has_text="Employment security").locator("td")).to_have_text(["3.0", "3.2"])
    # "Print blank" prints none of what was written.
    page.evaluate("document.documentElement.classList.add('wb-print-blank')")
    colours = paper.locator("td").evaluate_all("cells => cells.map((c) => getComputedStyle(c).color)")
    assert set(colours) == {"rgba(0, 0, 0, 0)"}


def test_old_check_ins_are_carried_over_and_none_is_dropped(site_url: str, page: Page, tmp_path: Path) -> None:
    page.clock.set_fixed_time("2026-04-07T09:00:00")
    page.goto(site_url + "my-workbook/")
    old = [
        {"date": "2025-10-01T08:00:00.000Z", "scores": {PROFILE_ID: {"network": 1.25, "_overall": 3}}},
        {"date": "2026-01-05T08:00:00.000Z", "scores": {PROFILE_ID: {"network": 2.25, "_overall": 3.2}}},
        {"date": "soon", "scores": {PROFILE_ID: {"network": 3, "_overall": 3.4}}},
        {"date": "2026-02-01T08:00:00.000Z", "scores": 3},
        "junk",
    ]
    page.evaluate("([k, v]) => localStorage.setItem(k, JSON.stringify(v))", [KEY + "_checkins", old])
    page.reload()
    expect(page.locator("[data-my-history]")).to_contain_text("3 results kept")
    stored = saved(page)
    assert KEY + "_checkins" not in stored
    assert [(r["date"], r["scores"]["_overall"]) for r in stored[HISTORY]["results"]] == [
        ("2025-10-01", 3),
        ("2026-01-05", 3.2),
        ("2026-04-07", 3.4),  # its date could not be read: kept as today's
    ]
    aside = [v for k, v in stored.items() if k.startswith(KEY + "_aside:_checkins:")]
    assert aside == [[old[3], "junk"]]
    expect(page.get_by_role("button", name="Download the check-ins that could not be carried over")).to_be_visible()
    # Reloading carries nothing over twice.
    page.reload()
    expect(page.locator("[data-my-history]")).to_contain_text("3 results kept")
    # A backup holds the history; an older export with check-ins still imports, as dated results.
    data = json.loads(export_file(page, tmp_path).read_text(encoding="utf-8"))
    assert data["version"] == 2 and len(data["history"][PROFILE_ID]) == 3
    v1 = {
        "format": "career-workbook",
        "version": 1,
        "exercises": {},
        "checkins": [{"date": "2025-07-01T08:00:00.000Z", "scores": {PROFILE_ID: {"_overall": 2}}}],
    }
    (tmp_path / "v1.json").write_text(json.dumps(v1), encoding="utf-8")
    page.locator("[data-my-import]").set_input_files(tmp_path / "v1.json")
    expect(page.locator(".wb-preview")).to_contain_text("Dated results new to this browser: 1")
    page.get_by_role("button", name="Import these answers").click()
    expect(page.locator("[data-my-history]")).to_contain_text("4 results kept")


def test_backup_shows_its_date_and_the_reminder_comes_once_a_period(site_url: str, page: Page, tmp_path: Path) -> None:
    page.clock.set_fixed_time("2026-01-05T10:00:00")
    page.goto(site_url + HIERARCHY)
    answer_hierarchy(page, ANSWERS)
    page.goto(site_url + "my-workbook/")
    expect(page.locator("[data-my-backup-date]")).to_have_text("No backup downloaded from this browser yet.")
    expect(page.locator(".wb-backup-notice")).to_have_count(0)  # not within the first month
    export_file(page, tmp_path)
    expect(page.locator("[data-my-backup-date]")).to_have_text("Last backup downloaded from this browser: Jan 5, 2026.")
    # A month on, nothing new since the backup: no reminder.
    page.clock.set_fixed_time("2026-02-10T10:00:00")
    page.reload()
    expect(page.locator("[data-my-history]")).to_contain_text("1 result kept")
    expect(page.locator(".wb-backup-notice")).to_have_count(0)
    # Newer answers and a backup over a month old: said once, on the check-in or on My workbook.
    page.goto(site_url + HIERARCHY)
    page.locator("input[name='network-would-tell-me'][value='5']").check()
    page.goto(site_url + CHECK_IN)
    notice = page.locator(".wb-backup-notice")
    expect(notice).to_contain_text("Your answers have changed since your last backup, on Jan 5, 2026.")
    notice.get_by_role("button", name="Not now").click()
    expect(notice).to_have_count(0)
    expect(page.get_by_role("heading", name="Your results, last time and this time")).to_be_focused()
    page.goto(site_url + "my-workbook/")
    expect(page.locator("[data-my-history]")).to_contain_text("2 results kept")
    expect(page.locator(".wb-backup-notice")).to_have_count(0), "shown once, not again on the next page"
    # A month later, with newer answers again, it comes back once.
    page.clock.set_fixed_time("2026-03-12T10:00:00")
    page.goto(site_url + HIERARCHY)
    page.locator("input[name='network-would-tell-me'][value='4']").check()
    page.goto(site_url + "my-workbook/")
    expect(page.locator(".wb-backup-notice")).to_have_count(1)
    page.reload()
    expect(page.locator("[data-my-history]")).to_contain_text("3 results kept")
    expect(page.locator(".wb-backup-notice")).to_have_count(0)


@pytest.mark.parametrize(("scheme", "width"), SCREENS)
def test_axe_finds_no_violations_on_history_screens(site_url: str, page: Page, scheme: str, width: int, tmp_path: Path) -> None:
    on_screen(page, scheme, width)
    two_results(page, site_url)
    page.clock.set_fixed_time("2026-06-01T09:00:00")  # a backup reminder is due: it is on screen too
    for path, shown in [("my-workbook/", "[data-my-history] .wb-history-chart"), (CHECK_IN, "[data-wb-history] table")]:
        page.goto(site_url + path)
        expect(page.locator(shown).first).to_be_visible()
        assert run_axe(page) == []
        no_sideways_scroll(page)
        if width == 390:
            sizes = page.evaluate("""() => [...document.querySelectorAll(".wb-history-chart *, [data-wb-history] *, [data-my-history] *")]
              .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && e.getClientRects().length)
              .map((e) => [e.className || e.tagName, parseFloat(getComputedStyle(e).fontSize)])""")
            assert sizes and [s for s in sizes if s[1] < 12] == []


def test_history_shows_after_instant_navigation_under_the_strict_policy(instant_site: tuple[str, Path, str], page: Page) -> None:
    """Instant navigation runs a page's scripts in any order, and the site's policy holds throughout."""
    from .test_widget import at

    url, _, _ = instant_site
    page.add_init_script(
        "window.__violations = []; document.addEventListener('securitypolicyviolation',"
        " (e) => window.__violations.push([e.violatedDirective, e.blockedURI].join(' ')));"
    )
    page.goto(url + HIERARCHY)
    answer_hierarchy(page, ANSWERS)
    page.evaluate("window.__sameDocument = true")
    page.locator("nav a[href$='quarterly-check-in/']").first.click()
    expect(page).to_have_url(at(CHECK_IN))
    expect(page.locator("[data-wb-history] table")).to_be_visible()
    expect(page.locator("[data-wb-history]")).to_contain_text("from today is kept")
    page.locator("nav a[href$='my-workbook/']").first.click()
    expect(page).to_have_url(at("my-workbook/"))
    expect(page.locator("[data-my-history] .wb-history-chart")).to_be_visible()
    page.go_back()
    expect(page).to_have_url(at(CHECK_IN))
    expect(page.locator("[data-wb-history] table")).to_be_visible()
    assert page.evaluate("window.__sameDocument") is True, "Material's instant navigation was not used"
    assert page.evaluate("window.__violations") == []
