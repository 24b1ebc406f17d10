"""The widget's wording comes from the table workbook.yml can override (generator/strings.py):
a real build of the mini workbook with two strings changed, read back in Chromium."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from ..browser import serve_folder

STRINGS = """strings:
  widget.add-row: "Add <b>another</b> person"
  widget.remain.other: "Still {count} questions before your result."
"""


def test_overridden_strings_reach_the_widget_as_text(project: Path, tmp_path: Path, page: Page) -> None:
    from generator.build import Project, build

    wb = project / "content" / "workbook.yml"
    wb.write_text(wb.read_text(encoding="utf-8") + STRINGS, encoding="utf-8")
    site = tmp_path / "site"
    result = build(Project(project, work_dir=tmp_path / "build"), site=site, pdf=False)
    assert not result.errors, "\n".join(e.format() for e in result.errors)
    assert result.failure is None, result.failure

    with serve_folder(site) as url:
        page.goto(url + "exercises/all-types/")
        form = page.locator("form.wb-exercise[data-wb-ready]")
        expect(form).to_be_attached()
        # Overridden: the button's text, markup and all, as text (never parsed as HTML).
        add = form.locator(".wb-add-row")
        expect(add).to_have_text("Add <b>another</b> person")
        assert add.locator("b").count() == 0
        # Overridden, with its placeholder filled: the two likert items and the choice are unanswered.
        expect(form.locator("[data-status]")).to_have_text("Still 3 questions before your result.")
        form.locator("input[name='agree'][value='4']").check()
        expect(form.locator("[data-status]")).to_have_text("Still 2 questions before your result.")
        # Not overridden: the default wording.
        expect(form.get_by_role("button", name="Clear my answers")).to_be_visible()
        expect(form.locator(".wb-scores caption")).to_have_text("Your scores")
