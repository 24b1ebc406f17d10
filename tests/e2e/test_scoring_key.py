"""The scoring key on screen ("How this is scored", templates/worksheet/key.html.j2), opened: its
question-numbered rules and worked example read well in both schemes and on a phone, axe clean."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .test_widget import SCREENS, no_sideways_scroll, on_screen, run_axe


@pytest.mark.parametrize(("scheme", "width"), SCREENS)
@pytest.mark.parametrize("exercise", ["employment-security-hierarchy", "network-map", "financial-runway"])
def test_the_opened_key_is_accessible_and_fits_the_screen(site_url: str, page: Page, exercise: str, scheme: str, width: int) -> None:
    on_screen(page, scheme, width)
    page.goto(site_url + f"exercises/{exercise}/")
    expect(page.locator("form.wb-exercise[data-wb-ready]")).to_be_attached()
    page.locator(".wb-key summary").click()
    example = page.locator(".wb-key__example")
    expect(example).to_be_visible()
    expect(example.locator(".wb-key__score").first).to_be_visible()
    assert run_axe(page) == []
    no_sideways_scroll(page)
