"""Printing a scored worksheet with answers, in real Chromium: the scoring grid (grid.html.j2) is
filled in by print.js with the very numbers the widget shows on screen, and the band of each score
is marked; printing blank leaves every box empty."""

from __future__ import annotations

from typing import Any

from .pdftools import content

MM = 96 / 25.4


def open_exercise(page: Any, site_url: str, exercise: str) -> None:
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    response = page.goto(f"{site_url}exercises/{exercise}/")
    assert response is not None and response.ok
    page.wait_for_selector("form.wb-exercise[data-wb-ready]")


def widget_scores(page: Any, labels: list[str]) -> dict[str, tuple[str, str]]:
    """Score table on screen: area label -> (score text, band label); a row's heading may carry a tag after the label."""
    rows = page.locator(".wb-scores tbody tr")
    out = {}
    for i in range(rows.count()):
        cells = rows.nth(i).locator("th, td")
        heading = (cells.nth(0).text_content() or "").strip()
        label = max((x for x in labels if heading.startswith(x)), key=len)
        out[label] = ((cells.nth(1).text_content() or "").strip(), (cells.nth(2).text_content() or "").strip())
    return out


def box(page: Any, fill: str) -> str:
    return (page.locator(f'[data-wb-fill="{fill}"]').first.text_content() or "").strip()


def marked_band(page: Any, row: str) -> str:
    """The label of the band row whose circle print.js filled, in the grid row of `row`."""
    marked = page.locator(f'[data-grid-row="{row}"] tr:has(.wb-box--checked) th')
    assert marked.count() == 1, f"{row}: one band marked"
    return (marked.text_content() or "").strip()


def test_printing_with_answers_fills_the_grid_with_the_widgets_numbers(site_url: str, page: Any) -> None:
    ex = content().exercises["who-owns-your-job-security"]
    assert ex.scoring and ex.scoring.overall
    open_exercise(page, site_url, ex.id)
    chosen = [4, 2, 5, 3, 2, 4, 4, 1, 5, 2]
    for item, value in zip(ex.items, chosen, strict=True):
        page.locator(f'[data-item="{item.id}"] .wb-scale__point').nth(value - 1).click()
    shown = widget_scores(page, [d.label for d in [*ex.scoring.dimensions, ex.scoring.overall]])
    page.emulate_media(media="print")
    grid = page.locator(".wb-grid")
    assert grid.is_visible(), "the scoring grid prints"
    # Each answer's box holds what it counts: a reversed one turned round (6 minus the answer).
    for item, value in zip(ex.items, chosen, strict=True):
        counts = 6 - value if getattr(item, "reverse", False) else value
        assert box(page, f"a:{item.id}") == str(counts), item.id
    for d in [*ex.scoring.dimensions, ex.scoring.overall]:
        did = getattr(d, "id", "_overall")
        score, band = shown[d.label]
        written = box(page, f"s:{did}")
        assert written and score.startswith(written), f"{d.label}: the grid says {written}, the screen {score}"
        assert marked_band(page, did) == band
    fill = page.locator('[data-wb-fill="s:employer"]').first
    assert fill.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    height = fill.bounding_box()
    assert height and height["height"] >= 7 * MM, "a box a pen can write in"

    # Printing blank: the same boxes print empty, no band is marked.
    page.locator("[data-wb-print=blank]").evaluate("button => button.click()")
    assert fill.evaluate("e => getComputedStyle(e).color") == "rgba(0, 0, 0, 0)"
    circle = page.locator('[data-grid-row="employer"] .wb-box--checked')
    assert circle.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 255, 255)"


def test_a_ratio_and_a_table_print_the_arithmetic_with_the_readers_numbers(site_url: str, page: Any) -> None:
    open_exercise(page, site_url, "financial-runway")
    page.locator("[name=savings]").fill("4500")
    page.locator("[name=monthly-costs]").fill("1500")
    (score, band) = widget_scores(page, ["Months of runway"])["Months of runway"]
    page.emulate_media(media="print")
    assert (box(page, "a:savings"), box(page, "a:monthly-costs"), box(page, "s:runway")) == ("4500", "1500", "3.0")
    assert score.startswith("3.0") and marked_band(page, "runway") == band == "Room to breathe"

    page.emulate_media(media="screen")
    open_exercise(page, site_url, "network-map")
    circles, last = page.locator("select[name$='.circle']"), page.locator("select[name$='.last-contact']")
    for row, (circle, when) in enumerate([(0, 0), (2, 3), (0, 1)]):
        circles.nth(row).select_option(index=circle + 1)
        last.nth(row).select_option(index=when + 1)
    shown = widget_scores(page, ["Reach", "Freshness"])
    page.emulate_media(media="print")
    # Freshness: 3 + 0 + 2 = 5 over 3 rows; reach: two different circles.
    assert (box(page, "a:contacts.last-contact"), box(page, "n:freshness"), box(page, "s:freshness")) == ("5", "3", "1.7")
    assert shown["Freshness"][0].startswith("1.7") and box(page, "s:reach") == "2" and shown["Reach"][0].startswith("2")


def test_columns_and_lines_are_sized_for_handwriting(site_url: str, page: Any) -> None:
    open_exercise(page, site_url, "transferable-skills")
    page.emulate_media(media="print")
    heads = page.locator("[data-item=skills] thead th")
    widths = [heads.nth(i).bounding_box()["width"] for i in range(heads.count())]
    assert widths[0] >= 40 * MM, f"the skill's column is {widths[0] / MM:.0f} mm wide"
    lines = page.locator(".wb-write")
    assert lines.count() == len(content().exercises["transferable-skills"].reflection)
    for i in range(lines.count()):
        box = lines.nth(i).bounding_box()
        assert box and box["height"] >= 3 * 8 * MM - 1, "three writing lines under each reflection prompt"

    page.emulate_media(media="screen")
    open_exercise(page, site_url, "employment-security-hierarchy")
    assert not page.locator(".wb-fill-in").is_visible() and not page.locator(".wb-grid").is_visible(), "paper only"
    page.emulate_media(media="print")
    said = page.locator(".wb-fill-in").text_content() or ""
    assert "Name:" in said and "Date:" in said and "Next check-in:" in said
