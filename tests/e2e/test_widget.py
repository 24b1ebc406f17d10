"""The scoring widget and the My workbook page in headless Chromium, on the real workbook.

Every test runs in a fresh browser context through the shared `page` fixture, which fails the test
on any console error or any request to a host other than 127.0.0.1. Expected scores are worked out
by hand in the comments. No sleeps: Playwright's `expect` waits for what the page should show.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ..browser import serve_folder, wait_until
from ..conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Rules outside the WCAG tags that Lighthouse's accessibility score counts too.
AXE_RULES = ["aria-dialog-name"]
# Translations (`<id>.es.yml`) are not exercises of their own.
EXERCISES = sorted(p.stem for p in (REPO / "content" / "exercises").glob("*.yml") if "." not in p.stem)
HIERARCHY = "exercises/employment-security-hierarchy/"
PROFILE_ID = "employment-security-hierarchy"
KEY = "workbook:v1:/:"  # widget.js: format version, the site's root path, then the exercise id
XSS = "<img src=x onerror=alert(1)>"

# The hierarchy's 20 items in page order (4 a level; the 4th of each level is reverse-scored).
HIERARCHY_ITEMS = [
    "skills-in-demand",
    "skills-recent-learning",
    "skills-other-industries",
    "skills-going-stale",
    "results-concrete",
    "results-manager-view",
    "results-written-record",
    "results-struggle-to-say",
    "network-would-tell-me",
    "network-recent-contact",
    "network-other-fields",
    "network-all-inside",
    "search-cv-ready",
    "search-interview-ready",
    "search-hidden-openings",
    "search-offer-unsure",
    "money-months-saved",
    "money-can-say-no",
    "money-costs-in-hand",
    "money-one-month-crisis",
]
# Answers 1..5 per item, and what they score (reverse: 6 - answer):
#   job skills    5 4 4 2 -> 5 + 4 + 4 + 4 = 17 / 4 = 4.25 -> "4.3", Solid (3.75 and up)
#   performance   3 3 2 4 -> 3 + 3 + 2 + 2 = 10 / 4 = 2.5  -> "2.5", Building (2.5 is where Building starts)
#   network       1 2 1 5 -> 1 + 2 + 1 + 1 =  5 / 4 = 1.25 -> "1.3", A weak point: the weakest level
#   job search    4 4 3 2 -> 4 + 4 + 3 + 4 = 15 / 4 = 3.75 -> "3.8", Solid (3.75 is where Solid starts)
#   finances      3 3 4 3 -> 3 + 3 + 4 + 3 = 13 / 4 = 3.25 -> "3.3", Building
#   overall: mean of the five = (4.25 + 2.5 + 1.25 + 3.75 + 3.25) / 5 = 15 / 5 = 3.0, Partly protected
ANSWERS = [5, 4, 4, 2, 3, 3, 2, 4, 1, 2, 1, 5, 4, 4, 3, 2, 3, 3, 4, 3]
EXPECTED = [
    ("job-skills", "Job skills", "4.3 of 5", "Solid", 2),
    ("performance", "Job performance and results", "2.5 of 5", "Building", 1),
    ("network", "Business network", "1.3 of 5", "A weak point", 0),
    ("job-search", "Job search skills", "3.8 of 5", "Solid", 2),
    ("finances", "Finances", "3.3 of 5", "Building", 1),
    ("_overall", "Employment security", "3.0 of 5", "Partly protected", 1),
]

RECORD_EVENTS = """
window.__events = [];
for (const name of ["workbook:restored", "workbook:scored", "workbook:cleared"])
  document.addEventListener(name, (e) => window.__events.push({name, exercise: e.detail.exercise}));
window.__dialogs = 0;
"""


# --- helpers -------------------------------------------------------------------------------------


def saved(page: Page) -> dict[str, Any]:
    """Everything the workbook keeps in this browser, parsed."""
    return page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('workbook:'))"
        ".map((k) => [k, JSON.parse(localStorage.getItem(k))]))"
    )


def answer_hierarchy(page: Page, answers: list[int]) -> None:
    """Pick answers with the mouse (the keyboard test does it the other way)."""
    for item, value in zip(HIERARCHY_ITEMS, answers, strict=False):
        page.locator(f"input[name='{item}'][value='{value}']").check()


def at(path: str) -> re.Pattern[str]:
    """A page's URL; Material's anchor tracking may add the heading in view as a fragment."""
    return re.compile(re.escape(path) + r"(#.*)?$")


def status(page: Page):  # type: ignore[no-untyped-def]
    return page.locator("form.wb-exercise [data-status]")


def fill_everything(page: Page) -> None:
    """Answer every control of the page's form at once (for checks that only need results shown)."""
    page.evaluate("""() => {
      const form = document.querySelector("form.wb-exercise");
      const seen = new Set();
      for (const c of form.elements) {
        if (c.type === "radio") { if (!seen.has(c.name)) { seen.add(c.name); c.checked = true; } }
        else if (c.type === "checkbox") c.checked = true;
        else if (c.type === "number") c.value = c.min || "2";
        else if (c.tagName === "SELECT") c.selectedIndex = 1;
        else if (c.tagName === "TEXTAREA" || c.type === "text") c.value = "Some words";
      }
      form.dispatchEvent(new Event("change", {bubbles: true}));
    }""")


def run_axe(page: Page) -> list[dict[str, Any]]:
    # Axe's target-size rule counts a control under the fixed header as overlapped; that depends on
    # where the test last scrolled (Zensical's header differs from Material's), so check at rest.
    page.evaluate("window.scrollTo(0, 0)")
    # A CSS transition caught half-way (Material fades the header title in) reads as low contrast.
    wait_until(page, "document.getAnimations().every((a) => a.playState !== 'running')")
    if not page.evaluate("typeof axe !== 'undefined'"):
        # Through the DevTools protocol: the page's own policy (rightly) refuses an inline <script>.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        "async ([tags, rules]) => [...(await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations,"
        " ...(await axe.run(document, {runOnly: {type: 'rule', values: rules}})).violations]"
        ".map((v) => ({id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' '))}))",
        [AXE_TAGS, AXE_RULES],
    )
    return violations  # type: ignore[no-any-return]


# --- scoring, by keyboard alone --------------------------------------------------------------------


@pytest.mark.both_engines
def test_keyboard_only_assessment_scores_and_bands_as_computed_by_hand(site_url: str, page: Page) -> None:
    page.add_init_script(RECORD_EVENTS)
    page.goto(site_url + HIERARCHY)
    expect(status(page)).to_have_text("20 answers remain before your full result.")
    # Tab from the top of the page to the first answer: no mouse, no programmatic focus.
    for _ in range(300):
        if page.evaluate("document.activeElement.name") == HIERARCHY_ITEMS[0]:
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the first answer")
    for n, (item, value) in enumerate(zip(HIERARCHY_ITEMS, ANSWERS, strict=False)):
        # Tabbing into an unanswered group focuses its first point; Space picks it, arrows move on.
        assert page.evaluate("[document.activeElement.name, document.activeElement.value]") == [item, "1"]
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("", "none"), "the focused control shows no focus ring"
        page.keyboard.press("Space")
        for _ in range(value - 1):
            page.keyboard.press("ArrowRight")
        expect(page.locator(f"input[name='{item}'][value='{value}']")).to_be_checked()
        if n == 6:
            expect(status(page)).to_have_text("13 answers remain before your full result.")
        page.keyboard.press("Tab")

    expect(status(page)).to_have_text("Employment security: 3.0, Partly protected. Weakest area: Business network.")
    rows = page.locator(".wb-scores tbody tr")
    expect(rows).to_have_count(len(EXPECTED))
    for row, (dim, label, score, band, band_index) in zip(rows.all(), EXPECTED, strict=False):
        expect(row.locator("th")).to_contain_text(label)
        expect(row.locator("td")).to_have_text([score, band])
        visible = page.locator(f".wb-band[data-dimension='{dim}']:not([hidden])")
        expect(visible).to_have_count(1)
        expect(visible).to_have_attribute("data-band", str(band_index))
    # The weakest level is highlighted (not by colour alone) and links to the exercise that builds it.
    expect(page.locator(".wb-scores tr.wb-weakest th")).to_have_text("Business network start here")
    expect(page.locator(".wb-result.wb-weakest")).to_have_attribute("data-result", "network")
    expect(page.locator(".wb-next a")).to_have_text(["Network map: who knows your work"])
    expect(page.locator(".wb-next a")).to_have_attribute("href", "../network-map/")
    # The chart draws one bar per level; the result lives in a polite live region.
    expect(page.locator(".wb-chart .wb-chart__bar")).to_have_count(5)
    expect(status(page)).to_have_attribute("aria-live", "polite")
    scored = page.evaluate("window.__events.filter((e) => e.name === 'workbook:scored').length")
    assert scored >= 20  # at least one per answer
    # Saved as it went, under a versioned key.
    stored = saved(page)[KEY + PROFILE_ID]
    assert stored["version"] == page.locator("form.wb-exercise").get_attribute("data-version")
    assert stored["answers"] == dict(zip(HIERARCHY_ITEMS, ANSWERS, strict=False))


def test_scores_shown_while_answering_never_mislead(site_url: str, page: Page) -> None:
    page.goto(site_url + HIERARCHY)
    answer_hierarchy(page, ANSWERS[:4])  # job skills complete, the rest not
    expect(status(page)).to_have_text("16 answers remain before your full result.")
    expect(page.locator(".wb-scores tbody tr").first.locator("td")).to_have_text(["4.3 of 5", "Solid"])
    expect(page.locator(".wb-scores tbody tr").nth(1).locator("td")).to_have_text(["4 answers to go", ""])
    expect(page.locator(".wb-scores tbody tr").last.locator("td")).to_have_text(["16 answers to go", ""])
    expect(page.locator(".wb-band[data-dimension='_overall']:not([hidden])")).to_have_count(0)


# --- saving and restoring --------------------------------------------------------------------------


@pytest.mark.both_engines
def test_answers_of_every_type_survive_a_reload(site_url: str, page: Page) -> None:
    page.add_init_script(RECORD_EVENTS)
    page.goto(site_url + "exercises/ninety-day-plan/")
    page.locator("input[name='focus-level'][value='2']").check()
    page.locator("textarea[name='development']").fill("Learn SQL.\nThen teach it.")
    page.locator("input[name='hours']").fill("6")
    page.locator("input[name='support'][value='1']").check()
    page.locator("input[name='actions.0.action']").fill("Book a course")
    page.locator("select[name='actions.0.level']").select_option("3")
    page.locator("input[name='actions.7.action']").fill("Coffee with Sam")  # the last of eight rows

    page.reload()
    expect(page.locator("input[name='focus-level'][value='2']")).to_be_checked()
    expect(page.locator("textarea[name='development']")).to_have_value("Learn SQL.\nThen teach it.")
    expect(page.locator("input[name='hours']")).to_have_value("6")
    expect(page.locator("input[name='support'][value='1']")).to_be_checked()
    expect(page.locator("input[name='support'][value='0']")).not_to_be_checked()
    expect(page.locator("input[name='actions.0.action']")).to_have_value("Book a course")
    expect(page.locator("select[name='actions.0.level']")).to_have_value("3")
    expect(page.locator("input[name='actions.7.action']")).to_have_value("Coffee with Sam")
    events = page.evaluate("window.__events")
    assert {"name": "workbook:restored", "exercise": "ninety-day-plan"} in events


def test_a_table_grows_up_to_max_rows_and_no_further(site_url: str, page: Page) -> None:
    page.goto(site_url + "exercises/results-log/")
    table = page.locator("table.wb-table")
    assert (table.get_attribute("data-rows"), table.get_attribute("data-max-rows")) == ("5", "50")
    add = page.get_by_role("button", name="Add a row")
    add.click()
    expect(page.locator("input[name='log.5.when']")).to_be_focused()
    expect(page.locator("input[name='log.5.when']")).to_have_attribute("aria-label", "When, row 6")
    page.locator("input[name='log.5.when']").fill("March")
    page.reload()
    expect(page.locator("input[name='log.5.when']")).to_have_value("March")  # the added row comes back
    for _ in range(44):
        add.click()
    expect(table.locator("tbody tr")).to_have_count(50)
    expect(add).to_be_disabled()
    names = page.evaluate("[...document.querySelectorAll('table.wb-table tbody tr')].map((r) => r.querySelector('input').name)")
    assert names == [f"log.{n}.when" for n in range(50)]
    # A table printed with as many rows as it may hold (the 90-day plan's eight actions), and fixed
    # tables (row labels), get no button.
    for exercise in ("ninety-day-plan", "strategy-or-tactic"):
        page.goto(site_url + f"exercises/{exercise}/")
        expect(page.locator("form.wb-exercise[data-wb-ready]")).to_be_attached()
        expect(page.get_by_role("button", name="Add a row")).to_have_count(0)


def test_navigating_away_and_back_restores_answers_with_instant_navigation(instant_site_url: str, page: Page) -> None:
    page.goto(instant_site_url + HIERARCHY)
    answer_hierarchy(page, ANSWERS[:5])
    expect(status(page)).to_have_text("15 answers remain before your full result.")
    page.evaluate("window.__sameDocument = true")
    # Away to another worksheet by a link, answer there, then back with the browser's Back button.
    page.locator(".md-content a[href$='/strategy-or-tactic/']").first.click()
    expect(page).to_have_url(at("exercises/strategy-or-tactic/"))
    assert page.evaluate("window.__sameDocument") is True, "Material's instant navigation was not used"
    expect(page.locator("form.wb-exercise[data-exercise='strategy-or-tactic'][data-wb-ready]")).to_be_attached()
    page.locator("textarea[name='option-a-name'], input[name='option-a-name']").fill("Stay and lead the team")
    page.go_back()
    expect(page).to_have_url(at(HIERARCHY))
    assert page.evaluate("window.__sameDocument") is True
    expect(status(page)).to_have_text("15 answers remain before your full result.")
    for item, value in zip(HIERARCHY_ITEMS[:5], ANSWERS[:5], strict=False):
        expect(page.locator(f"input[name='{item}'][value='{value}']")).to_be_checked()
    # Forward again by a link: the other worksheet is restored too, and My workbook works in place.
    page.go_forward()
    expect(page).to_have_url(at("exercises/strategy-or-tactic/"))
    expect(page.locator("[name='option-a-name']")).to_have_value("Stay and lead the team")
    page.locator("nav.md-nav a[href$='my-workbook/']").first.click()
    expect(page).to_have_url(at("my-workbook/"))
    assert page.evaluate("window.__sameDocument") is True
    expect(page.locator("[data-my-progress] tr", has_text="employment security hierarchy")).to_contain_text("5 of 20 answered")


def test_clear_my_answers_asks_first(site_url: str, page: Page) -> None:
    page.add_init_script(RECORD_EVENTS)
    page.goto(site_url + HIERARCHY)
    answer_hierarchy(page, ANSWERS)
    clear = page.get_by_role("button", name="Clear my answers")
    page.once("dialog", lambda d: d.dismiss())
    clear.click()
    expect(page.locator(f"input[name='{HIERARCHY_ITEMS[0]}'][value='5']")).to_be_checked()
    assert KEY + PROFILE_ID in saved(page)

    messages: list[str] = []
    page.once("dialog", lambda d: (messages.append(d.message), d.accept()))
    clear.click()
    expect(page.locator(".wb-save")).to_have_text("Your answers to this exercise were cleared.")
    assert "The employment security hierarchy" in messages[0]
    expect(page.locator(".wb-exercise input[type=radio]:checked")).to_have_count(0)
    expect(status(page)).to_have_text("20 answers remain before your full result.")
    assert set(saved(page)) == {KEY + "_history:" + PROFILE_ID}, "the answers are gone; the dated result is kept"
    page.reload()
    expect(page.locator(".wb-exercise input[type=radio]:checked")).to_have_count(0)


# --- My workbook: export, clear, import --------------------------------------------------------------


def export_file(page: Page, tmp_path: Path, name: str = "export.json") -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name="Download a backup (.json)").click()
    target = tmp_path / name
    info.value.save_as(target)
    return target


def test_export_clear_import_round_trip_gives_back_the_same_answers(site_url: str, page: Page, tmp_path: Path) -> None:
    page.goto(site_url + HIERARCHY)
    answer_hierarchy(page, ANSWERS)
    page.goto(site_url + "exercises/career-as-a-business/")
    page.locator("[name='offer']").fill("Plain-English data reports")
    page.goto(site_url + "my-workbook/")
    before = saved(page)
    assert set(before) == {KEY + PROFILE_ID, KEY + "career-as-a-business", KEY + "_history:" + PROFILE_ID}

    exported = export_file(page, tmp_path)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "career-workbook" and data["version"] == 2
    assert data["exercises"][PROFILE_ID]["answers"] == dict(zip(HIERARCHY_ITEMS, ANSWERS, strict=False))
    assert data["history"][PROFILE_ID][0]["scores"]["_overall"] == 3

    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Clear all my answers").click()
    expect(page.locator("[data-my-status]")).to_have_text("All your answers and dated results were cleared.")
    assert saved(page) == {}
    expect(page.locator("[data-my-profile]")).to_contain_text("You have not started")

    page.locator("[data-my-import]").set_input_files(exported)
    preview = page.locator(".wb-preview")
    expect(preview).to_contain_text("Added, new to this browser (2)")
    expect(preview).to_contain_text("Dated results new to this browser: 1")
    assert saved(page) == {}, "nothing is written before the reader confirms"
    page.get_by_role("button", name="Import these answers").click()
    expect(page.locator("[data-my-status]")).to_have_text("Imported 2 exercises and 1 dated result.")
    assert saved(page) == before
    expect(page.locator("[data-my-profile] .wb-tag")).to_have_count(1)

    page.goto(site_url + HIERARCHY)
    expect(status(page)).to_have_text("Employment security: 3.0, Partly protected. Weakest area: Business network.")
    page.goto(site_url + "exercises/career-as-a-business/")
    expect(page.locator("[name='offer']")).to_have_value("Plain-English data reports")


def test_import_previews_changes_and_never_overwrites_silently(site_url: str, page: Page, tmp_path: Path) -> None:
    page.goto(site_url + HIERARCHY)
    answer_hierarchy(page, ANSWERS)
    page.goto(site_url + "my-workbook/")
    exported = json.loads(export_file(page, tmp_path).read_text(encoding="utf-8"))
    before = saved(page)

    changed = json.loads(json.dumps(exported))
    changed["exercises"][PROFILE_ID]["answers"]["skills-in-demand"] = 1
    changed["exercises"]["not-in-this-workbook"] = {"answers": {"x": 1}}
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(changed), encoding="utf-8")
    page.locator("[data-my-import]").set_input_files(path)
    preview = page.locator(".wb-preview")
    expect(preview).to_contain_text("Replaced: what you saved here is overwritten (1): The employment security hierarchy")
    expect(preview).to_contain_text("Not in this workbook, skipped: not-in-this-workbook")
    expect(page.get_by_role("heading", name="Before you import")).to_be_focused()
    page.get_by_role("button", name="Cancel").click()
    expect(page.locator("[data-my-status]")).to_have_text("Import cancelled: nothing was changed.")
    expect(preview).to_have_count(0)
    assert saved(page) == before

    # The same file again is nothing new.
    same = tmp_path / "same.json"
    same.write_text(json.dumps(exported), encoding="utf-8")
    page.locator("[data-my-import]").set_input_files(same)
    expect(page.locator("[data-my-status]")).to_contain_text("Nothing to import")

    # A file that is not an export is refused, with every problem named, and changes nothing.
    for name, text, problem in [
        ("notes.json", "{not json", "file: not JSON"),
        ("other.json", json.dumps({"format": "x", "version": 1, "exercises": {}}), "format: expected"),
        (
            "bad.json",
            json.dumps({"format": "career-workbook", "version": 1, "exercises": {PROFILE_ID: {"answers": []}}}),
            f"exercises.{PROFILE_ID}.answers: expected the answers",
        ),
    ]:
        bad = tmp_path / name
        bad.write_text(text, encoding="utf-8")
        page.locator("[data-my-import]").set_input_files(bad)
        expect(page.get_by_role("alert")).to_contain_text(problem)
        assert saved(page) == before


# --- storage that misbehaves -------------------------------------------------------------------------


def test_a_corrupt_stored_value_is_set_aside_and_offered_as_a_file(site_url: str, page: Page, tmp_path: Path) -> None:
    page.goto(site_url + HIERARCHY)
    page.evaluate("(k) => localStorage.setItem(k, '{not json')", KEY + PROFILE_ID)
    page.reload()
    expect(page.locator(".wb-save")).to_contain_text("could not be read: they are kept aside")
    answer_hierarchy(page, ANSWERS)
    expect(status(page)).to_contain_text("Employment security: 3.0")
    stored = page.evaluate("() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]))")
    assert json.loads(stored[KEY + PROFILE_ID])["answers"] == dict(zip(HIERARCHY_ITEMS, ANSWERS, strict=False))
    aside = [k for k in stored if k.startswith(KEY + "_aside:" + PROFILE_ID + ":")]
    assert len(aside) == 1 and stored[aside[0]] == "{not json", "the unreadable value is kept, unchanged"
    # Well-formed JSON of the wrong shape is set aside too; the form starts empty each time.
    for junk in ["[1, 2]", '"text"', '{"answers": 7}']:
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY + PROFILE_ID, junk])
        page.reload()
        expect(status(page)).to_have_text("20 answers remain before your full result.")
    kept = page.evaluate(
        "(p) => Object.keys(localStorage).filter((k) => k.startsWith(p)).map((k) => localStorage.getItem(k))", KEY + "_aside:"
    )
    assert sorted(kept) == sorted(["{not json", "[1, 2]", '"text"', '{"answers": 7}'])
    # My workbook offers each as a file, as it was.
    page.goto(site_url + "my-workbook/")
    buttons = page.get_by_role("button", name="Download what was saved for “The employment security hierarchy”")
    expect(buttons).to_have_count(4)
    with page.expect_download() as info:
        buttons.first.click()
    info.value.save_as(tmp_path / "kept.txt")
    assert (tmp_path / "kept.txt").read_text(encoding="utf-8") in kept


def test_two_tabs_on_one_exercise_never_lose_answers(site_url: str, browser: Any) -> None:
    context = browser.new_context()
    try:
        first, second = context.new_page(), context.new_page()
        for tab in (first, second):
            tab.goto(site_url + HIERARCHY)
        first.locator(f"input[name='{HIERARCHY_ITEMS[0]}'][value='4']").check()
        # The other tab hears of it (the storage event) and shows it, so it never writes over it.
        expect(second.locator(f"input[name='{HIERARCHY_ITEMS[0]}'][value='4']")).to_be_checked()
        expect(second.locator(".wb-save")).to_have_text("Updated with the answers saved in another tab.")
        second.locator(f"input[name='{HIERARCHY_ITEMS[1]}'][value='2']").check()
        expect(first.locator(f"input[name='{HIERARCHY_ITEMS[1]}'][value='2']")).to_be_checked()
        stored = json.loads(first.evaluate("(k) => localStorage.getItem(k)", KEY + PROFILE_ID))
        assert stored["answers"] == {HIERARCHY_ITEMS[0]: 4, HIERARCHY_ITEMS[1]: 2}
        # Clearing in one tab is not undone by the other.
        first.once("dialog", lambda d: d.accept())
        first.get_by_role("button", name="Clear my answers").click()
        expect(second.locator(f"input[name='{HIERARCHY_ITEMS[0]}'][value='4']")).not_to_be_checked()
        expect(second.locator(".wb-save")).to_have_text("Cleared in another tab.")
        second.locator(f"input[name='{HIERARCHY_ITEMS[2]}'][value='3']").check()
        stored = json.loads(first.evaluate("(k) => localStorage.getItem(k)", KEY + PROFILE_ID))
        assert stored["answers"] == {HIERARCHY_ITEMS[2]: 3}
    finally:
        context.close()


def test_import_never_writes_an_id_that_is_not_an_exercise(site_url: str, page: Page, tmp_path: Path) -> None:
    page.goto(site_url + "my-workbook/")
    data = {
        "format": "career-workbook",
        "version": 1,
        "exercises": {"constructor": {"answers": {"x": 1}}, "to-string": {"answers": {}}, PROFILE_ID: {"answers": {HIERARCHY_ITEMS[0]: 5}}},
    }
    (tmp_path / "odd.json").write_text(json.dumps(data), encoding="utf-8")
    page.locator("[data-my-import]").set_input_files(tmp_path / "odd.json")
    expect(page.locator(".wb-preview")).to_contain_text("Not in this workbook, skipped: constructor, to-string")
    page.get_by_role("button", name="Import these answers").click()
    expect(page.locator("[data-my-status]")).to_have_text("Imported 1 exercise and 0 dated results.")
    assert set(saved(page)) == {KEY + PROFILE_ID}


def test_answers_of_an_older_version_are_kept_where_they_still_fit(site_url: str, page: Page) -> None:
    page.goto(site_url + HIERARCHY)
    old = {
        "version": "older",
        "saved": "2025-01-01T00:00:00Z",
        "answers": {"skills-in-demand": 4, "skills-recent-learning": 9, "an-item-since-removed": 2},
    }
    page.evaluate("([k, v]) => localStorage.setItem(k, JSON.stringify(v))", [KEY + PROFILE_ID, old])
    page.reload()
    expect(page.locator("input[name='skills-in-demand'][value='4']")).to_be_checked()
    expect(page.locator("input[name='skills-recent-learning']:checked")).to_have_count(0)
    expect(page.locator(".wb-save")).to_have_text(
        "This exercise has changed since you saved it: 2 answers that no longer fit were dropped."
    )
    # The storage event of the write before the reload can reach the reloaded page: it is its own.
    page.evaluate("(k) => dispatchEvent(new StorageEvent('storage', {key: k, newValue: localStorage.getItem(k)}))", KEY + PROFILE_ID)
    dropped = "This exercise has changed since you saved it: 2 answers that no longer fit were dropped."
    expect(page.locator(".wb-save")).to_have_text(dropped)
    # Nothing is rewritten until the reader changes something: an author who restores an item gets
    # its saved answers back.
    assert saved(page)[KEY + PROFILE_ID] == old

    page.locator("input[name='skills-recent-learning'][value='2']").check()
    stored = saved(page)[KEY + PROFILE_ID]
    assert stored["answers"] == {"skills-in-demand": 4, "skills-recent-learning": 2}
    assert stored["version"] == page.locator("form.wb-exercise").get_attribute("data-version")


def scores_but_warns_nothing_is_kept(page: Page, site_url: str) -> None:
    """Storage refuses: the page still scores, and both pages say answers will not be kept."""
    page.goto(site_url + HIERARCHY)
    expect(page.locator(".wb-save")).to_contain_text("answers will be lost when you leave the page")
    answer_hierarchy(page, ANSWERS)
    expect(status(page)).to_have_text("Employment security: 3.0, Partly protected. Weakest area: Business network.")
    page.goto(site_url + "my-workbook/")
    expect(page.locator("[data-my-status]")).to_contain_text("storage is blocked or full")


def test_full_storage_still_scores_and_says_answers_will_not_be_kept(site_url: str, page: Page) -> None:
    page.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    scores_but_warns_nothing_is_kept(page, site_url)


def test_blocked_storage_still_scores_and_says_answers_will_not_be_kept(site_url: str, browser: Any) -> None:
    # As when a browser blocks site data: even reading window.localStorage throws. Material's own
    # inline scripts read it without a guard and throw too, so this test cannot use the `page`
    # fixture; it checks instead that no error comes from the workbook's own scripts.
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(f"{e.message}\n{e.stack}"))
    page.on("console", lambda m: errors.append(f"{m.text}\n{m.location.get('url', '')}") if m.type == "error" else None)
    try:
        scores_but_warns_nothing_is_kept(page, site_url)
        expect(page.locator("[data-my-progress] tr")).to_have_count(len(EXERCISES) + 1)
        assert [e for e in errors if "assets/workbook/" in e] == []
    finally:
        context.close()


# --- security ----------------------------------------------------------------------------------------


def test_typed_markup_stays_inert_text(site_url: str, page: Page, tmp_path: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "exercises/career-as-a-business/")
    page.locator("[name='offer']").fill(XSS)
    page.reload()
    expect(page.locator("[name='offer']")).to_have_value(XSS)
    page.goto(site_url + "exercises/network-map/")
    page.locator("[name='contacts.0.name']").fill(XSS)
    page.reload()
    expect(page.locator("[name='contacts.0.name']")).to_have_value(XSS)

    page.goto(site_url + "my-workbook/")
    exported = json.loads(export_file(page, tmp_path).read_text(encoding="utf-8"))
    assert exported["exercises"]["career-as-a-business"]["answers"]["offer"] == XSS
    # Markup in an imported file (an exercise id, a date) is shown as text in the error list.
    bad = tmp_path / "evil.json"
    bad.write_text(
        json.dumps({"format": "career-workbook", "version": 1, "exercises": {XSS: {"answers": {}}}, "checkins": [{"date": XSS}]}),
        encoding="utf-8",
    )
    page.locator("[data-my-import]").set_input_files(bad)
    expect(page.get_by_role("alert")).to_contain_text(f"exercises.{XSS}: not an exercise id")
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []
    assert not [u for u in requests if u.rstrip("/").endswith("/x")]


def test_no_eval_new_function_or_inner_html_in_the_widget() -> None:
    assets = REPO / "templates" / "assets" / "workbook"
    for name in ("scoring.js", "widget.js", "my-workbook.js", "my-workbook-data.js", "history.js", "history-data.js", "history-view.js"):
        code = re.sub(r"/\*[\s\S]*?\*/|//.*", "", (assets / name).read_text(encoding="utf-8"))
        assert not re.search(r"\beval\(|new Function|innerHTML|outerHTML|insertAdjacentHTML|document\.write|\bon[a-z]+\s*=", code), name


def test_widget_stays_within_its_size_budget() -> None:
    from ..bench_widget import widget_gzipped

    assert widget_gzipped() <= 12 * 1024, "scoring.js + widget.js + widget.css + strings.js must stay within 12 KB gzipped"


def test_the_site_works_under_a_strict_content_security_policy(instant_site: tuple[str, Path, str], page: Page) -> None:
    url, _, policy = instant_site
    page.add_init_script(
        "window.__violations = []; document.addEventListener('securitypolicyviolation',"
        " (e) => window.__violations.push([e.violatedDirective, e.blockedURI, e.sample].join(' ')));"
    )
    response = page.goto(url + HIERARCHY)
    assert response is not None and response.headers["content-security-policy"] == policy
    assert "unsafe" not in policy
    answer_hierarchy(page, ANSWERS)
    expect(status(page)).to_contain_text("Employment security: 3.0")
    assert page.evaluate("window.__violations") == []
    for ex in EXERCISES:
        page.goto(url + f"exercises/{ex}/")
        expect(page.locator("form.wb-exercise[data-wb-ready]")).to_be_attached()
        fill_everything(page)
        assert page.evaluate("window.__violations") == [], ex
    page.goto(url + "my-workbook/")
    expect(page.locator("[data-my-history]")).to_contain_text("1 result kept")
    assert page.evaluate("window.__violations") == []
    # Instant navigation puts Material's inline scripts back into the page: their hashes still hold.
    page.locator("nav.md-nav a[href$='employment-security-hierarchy/']").first.click()
    expect(page).to_have_url(at(HIERARCHY))
    expect(status(page)).to_contain_text("Employment security")
    page.locator("nav.md-nav a[href$='my-workbook/']").first.click()
    expect(page).to_have_url(at("my-workbook/"))
    expect(page.locator("[data-my-history]")).to_contain_text("1 result kept")
    assert page.evaluate("window.__violations") == []


# --- accessibility ---------------------------------------------------------------------------------


# Every screen: both colour schemes, a phone and a desktop.
SCREENS = [("light", 1280), ("dark", 1280), ("light", 390), ("dark", 390)]


def on_screen(page: Page, scheme: str, width: int) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.set_viewport_size({"width": width, "height": 900})


def no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"


@pytest.mark.parametrize(("scheme", "width"), SCREENS)
@pytest.mark.parametrize("exercise", EXERCISES)
def test_axe_finds_no_wcag_violations_on_an_exercise_page_before_and_after_results(
    site_url: str, page: Page, exercise: str, scheme: str, width: int
) -> None:
    on_screen(page, scheme, width)
    page.goto(site_url + f"exercises/{exercise}/")
    expect(page.locator("form.wb-exercise[data-wb-ready]")).to_be_attached()
    assert run_axe(page) == []
    fill_everything(page)
    if page.locator("[data-results]").count():
        expect(page.locator("[data-results] [data-status]")).not_to_contain_text("remain")
        expect(page.locator(".wb-scores tbody tr").first).to_be_visible()
    add_row = page.get_by_role("button", name="Add a row")
    if add_row.count():
        add_row.first.click()
    assert run_axe(page) == []
    no_sideways_scroll(page)


@pytest.mark.parametrize(("scheme", "width"), SCREENS)
def test_axe_finds_no_wcag_violations_on_the_facilitator_guide_and_home(site_url: str, page: Page, scheme: str, width: int) -> None:
    on_screen(page, scheme, width)
    for path in ["facilitator-guide/", ""]:
        page.goto(site_url + path)
        assert run_axe(page) == []
        no_sideways_scroll(page)


def test_results_text_is_at_least_12_px_on_a_phone(site_url: str, page: Page) -> None:
    on_screen(page, "light", 390)
    page.goto(site_url + HIERARCHY)
    answer_hierarchy(page, ANSWERS)
    expect(status(page)).to_contain_text("Employment security: 3.0")
    sizes = page.evaluate("""() => [...document.querySelectorAll("[data-results] *")]
      .filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
      .filter((e) => e.getClientRects().length)
      .map((e) => [e.className || e.tagName, parseFloat(getComputedStyle(e).fontSize)])""")
    assert sizes and [s for s in sizes if s[1] < 12] == []
    labels = page.locator(".wb-chart__label")
    expect(labels).to_have_count(5)
    for label in labels.all():  # each label fits its line: nothing cut off
        assert label.evaluate("(e) => e.scrollWidth <= e.clientWidth")
    no_sideways_scroll(page)


@pytest.mark.both_engines
@pytest.mark.parametrize(("scheme", "width"), [SCREENS[0], SCREENS[3]])
def test_axe_finds_no_wcag_violations_on_my_workbook(site_url: str, page: Page, tmp_path: Path, scheme: str, width: int) -> None:
    on_screen(page, scheme, width)
    page.goto(site_url + "my-workbook/")
    assert run_axe(page) == []
    for exercise in EXERCISES:
        page.goto(site_url + f"exercises/{exercise}/")
        fill_everything(page)
    page.goto(site_url + "my-workbook/")
    expect(page.locator("[data-my-history] .wb-history-chart").first).to_be_visible()
    exported = export_file(page, tmp_path)
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["exercises"][PROFILE_ID]["answers"]["skills-in-demand"] = 5  # fill_everything picked 1
    exported.write_text(json.dumps(data), encoding="utf-8")
    page.locator("[data-my-import]").set_input_files(exported)
    expect(page.locator(".wb-preview")).to_be_visible()
    assert run_axe(page) == []
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    page.locator("[data-my-import]").set_input_files(broken)
    expect(page.get_by_role("alert")).to_be_visible()
    assert run_axe(page) == []
    no_sideways_scroll(page)


# --- one change, one update; the direction of a dimension ---------------------------------------------

COUNT_WRITES = """
window.__writes = 0;
window.__results = 0;
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (k, v) {
  // The answers, and apart from them the dated result a complete assessment keeps (history.js).
  if (String(k).includes(":_history:")) window.__results++;
  else if (String(k).startsWith("workbook:")) window.__writes++;
  return setItem.call(this, k, v);
};
"""
WHO_OWNS = "exercises/who-owns-your-job-security/"


def counts(page: Page) -> tuple[int, int]:
    scored, writes = page.evaluate("[window.__events.filter((e) => e.name === 'workbook:scored').length, window.__writes]")
    return (scored, writes)


def test_one_change_of_an_answer_is_one_event_one_save(site_url: str, page: Page) -> None:
    page.add_init_script(RECORD_EVENTS + COUNT_WRITES)
    page.goto(site_url + WHO_OWNS)
    before = counts(page)
    page.locator("input[name='income-follows-employer'][value='2']").check()  # a radio: input and change both fire
    expect(page.locator("input[name='income-follows-employer'][value='2']")).to_be_checked()
    assert counts(page) == (before[0] + 1, before[1] + 1)

    page.goto(site_url + "exercises/network-map/")
    before = counts(page)
    page.locator("select[name='contacts.0.circle']").select_option(index=1)
    assert counts(page) == (before[0] + 1, before[1] + 1)
    page.locator("textarea[name='this-month']").press_sequentially("ab")  # two keystrokes, two changes
    page.locator("select[name='contacts.0.circle']").focus()  # leaving the field fires `change`: no repeat
    assert counts(page) == (before[0] + 3, before[1] + 3)
    # The network map is never incomplete (a table is an answer), so each change also updates today's result once.
    assert page.evaluate("window.__results") == 3


def test_advice_follows_which_way_is_good(site_url: str, page: Page) -> None:
    """'Tied to your employer' is better low: at its best (1 of 5) it is never the weakest area."""
    page.goto(site_url + WHO_OWNS)
    employer = ["income-follows-employer", "growth-follows-employer", "pay-out-of-my-hands", "promotion-waits-on-manager"]
    for item in employer:
        page.locator(f"input[name='{item}'][value='1']").check()
    page.locator("input[name='blocked-route-elsewhere'][value='5']").check()  # reversed: counts 1
    for item in ["offer-outside", "skills-wanted-elsewhere", "known-outside", "would-leave-for-better", "no-growth-of-my-own"]:
        page.locator(f"input[name='{item}'][value='3']").check()
    rows = page.locator(".wb-scores tbody tr")
    expect(rows.first.locator("th")).to_contain_text("Tied to your employer (lower is better)")
    expect(rows.first.locator("td").first).to_have_text("1.0 of 5")
    expect(page.locator(".wb-scores tr.wb-weakest th")).to_contain_text("Held by you")
    expect(status(page)).not_to_contain_text("Weakest area: Tied to your employer")


def test_the_shipped_policy_stops_script_in_content_but_not_the_site(browser: Any, tmp_path: Path) -> None:
    """A title and a Markdown page carrying script: the page shows the markup as text or drops the
    script (the policy in every page refuses it), while the forker's plain HTML and the widget work."""
    from generator.build import Project, build

    from ..conftest import make_project

    root = make_project(tmp_path / "project")
    runway = root / "content" / "exercises" / "runway.yml"
    runway.write_text(runway.read_text().replace("title: Runway", "title: 'Runway <script>alert(1)</script>'"))
    (root / "content" / "pages" / "about.md").write_text(
        "# About\n\nA forker's <span class='forker'>own HTML</span>.\n\n<script>alert(2)</script>\n\n<img src=x onerror=alert(3)>\n"
    )
    result = build(Project(root, work_dir=tmp_path / "work"), site=tmp_path / "site", pdf=False)
    assert result.ok, result.errors or result.failure
    context = browser.new_context()
    dialogs: list[str] = []
    blocked: list[str] = []  # the path of each page that had something refused by the policy
    try:
        with serve_folder(tmp_path / "site") as url:
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("console", lambda m: blocked.append(page.url.removeprefix(url)) if "Content Security Policy" in m.text else None)
            for path in ["", "about/", "exercises/runway/", "exercises/all-types/", "my-workbook/"]:
                page.goto(url + path)
                expect(page.locator("h1").first).to_be_visible()
            expect(page.locator(".forker")).to_have_count(0)  # on the last page visited
            page.goto(url + "about/")
            expect(page.locator(".forker")).to_have_text("own HTML")
            page.goto(url + "exercises/runway/")
            expect(page.locator("h1")).to_contain_text("Runway <script>alert(1)</script>")
            expect(page.locator("form.wb-exercise[data-wb-ready]")).to_have_count(1)  # the widget runs
    finally:
        context.close()
    assert dialogs == []
    assert blocked and set(blocked) == {"about/"}, "only the injected script and handler were refused"


def test_after_the_last_answer_a_visible_cue_leads_to_the_result_without_moving_focus(site_url: str, page: Page) -> None:
    on_screen(page, "light", 390)
    page.goto(site_url + HIERARCHY)
    cue = page.get_by_role("link", name="Your result is ready: see it")
    for item, value in list(zip(HIERARCHY_ITEMS, ANSWERS, strict=True))[1:]:
        page.locator(f"input[name='{item}'][value='{value}']").check()
    expect(cue).to_be_hidden()  # not before the last answer
    # The last answer given is the first question, far above the result.
    first = page.locator(f"input[name='{HIERARCHY_ITEMS[0]}'][value='{ANSWERS[0]}']")
    first.focus()
    page.keyboard.press("Space")
    expect(status(page)).to_contain_text("Employment security")  # announced, as before
    expect(cue).to_be_visible()
    assert page.evaluate("document.activeElement.name") == HIERARCHY_ITEMS[0], "focus stays on the answer"
    box = cue.bounding_box()
    assert box and box["y"] + box["height"] <= 900 and box["y"] > 600, "at the foot of the screen"
    cue.click()
    expect(page.locator(".wb-results h2, .wb-results [id$='-results-title']").first).to_be_in_viewport()
    expect(cue).to_be_hidden()


STUB_PERSIST = """
window.__persistCalls = 0;
const granted = %s;
Object.defineProperty(navigator, "storage", { configurable: true, value: {
  persist: () => { window.__persistCalls++; return Promise.resolve(granted); },
  persisted: () => Promise.resolve(granted),
} });
"""


@pytest.mark.parametrize("granted", [True, False])
def test_the_first_save_asks_the_browser_to_keep_the_answers_and_my_workbook_says_so(site_url: str, page: Page, granted: bool) -> None:
    page.add_init_script(STUB_PERSIST % ("true" if granted else "false"))
    page.goto(site_url + HIERARCHY)
    assert page.evaluate("window.__persistCalls") == 0, "nothing is asked before anything is saved"
    answer_hierarchy(page, ANSWERS[:3])
    expect(status(page)).to_contain_text("17 answers remain")
    assert page.evaluate("window.__persistCalls") == 1, "asked once, at the first save"
    page.goto(site_url + "my-workbook/")
    expected = "has agreed to keep your answers" if granted else "may clear your answers"
    expect(page.locator("[data-my-persist]")).to_contain_text(expected)
