"""The widget's figures for `make bench`: its gzipped size, and how long it takes to hydrate a
100-item assessment in Chromium (the `workbook:hydrate` performance measure widget.js records).

Targets (issue 3): scoring.js + widget.js + widget.css at most 12 KB gzipped (with strings.js, the
generated wording every page loads too); hydration under 30 ms.
Run alone with `.venv/bin/python -m tests.bench_widget`.
"""

from __future__ import annotations

import gzip
import re
import statistics
import tempfile
from pathlib import Path

import yaml

from .browser import CHROMIUM, CHROMIUM_ARGS, serve_folder
from .conftest import REPO, make_project

ASSETS = REPO / "templates" / "assets" / "workbook"
WIDGET = ["scoring.js", "widget.js", "widget.css"]  # the widget of issue 3's target, on every page
# Also on every page since issue 13, outside that target: keeping each completed result, dated.
EVERY_PAGE_TOO = ["history.js"]
MY_WORKBOOK = ["my-workbook-data.js", "history-data.js", "history-view.js", "my-workbook.js"]  # loaded by the My workbook page only
BENCH_ID = "bench-hundred-items"
ITEMS = 100
LOADS = 7


def gzipped(names: list[str]) -> int:
    """Bytes on the wire: each file as the site serves it (docs_folder.served), gzipped on its own, summed."""
    from generator.docs_folder import served

    return sum(len(gzip.compress(served(f"workbook/{n}", (ASSETS / n).read_bytes()), compresslevel=9)) for n in names)


def strings_gzipped() -> int:
    """assets/workbook/strings.js as the generator writes it with the default wording (every page loads it)."""
    from generator.strings import strings_js

    return len(gzip.compress(strings_js({}).encode("utf-8"), compresslevel=9))


def widget_gzipped() -> int:
    """What an exercise page loads for the widget: WIDGET plus the generated strings.js."""
    return gzipped(WIDGET) + strings_gzipped()


def hundred_item_project(target: Path) -> Path:
    """The real workbook plus one assessment of 100 likert items over five dimensions."""
    root = make_project(target, content=REPO / "content")
    source = yaml.safe_load((REPO / "content" / "exercises" / "employment-security-hierarchy.yml").read_text(encoding="utf-8"))
    dims = [d["id"] for d in source["scoring"]["dimensions"]]
    source.update(id=BENCH_ID, title="A hundred statements", follow_ups=[])
    source["items"] = [
        {
            "id": f"s{n:03d}",
            "type": "likert",
            "text": f"Statement number {n + 1}.",
            "dimension": dims[n % len(dims)],
            **({"reverse": True} if n % 7 == 0 else {}),
        }
        for n in range(ITEMS)
    ]
    for d in source["scoring"]["dimensions"]:
        d["follow_ups"] = []
    (root / "content" / "exercises" / f"{BENCH_ID}.yml").write_text(yaml.safe_dump(source, sort_keys=False), encoding="utf-8")
    wb_file = root / "content" / "workbook.yml"
    wb = yaml.safe_load(wb_file.read_text(encoding="utf-8"))
    wb["chapters"].append({"id": "bench", "title": "Bench", "exercises": [BENCH_ID]})
    wb.pop("languages", None)  # the translations have no bench chapter: build the original language only
    wb_file.write_text(yaml.safe_dump(wb, sort_keys=False), encoding="utf-8")
    return root


def hydration_ms(site: Path) -> tuple[float, float]:
    """Median `workbook:hydrate` duration over LOADS page loads: with nothing saved, and with all 100 answers saved."""
    from playwright.sync_api import sync_playwright

    def measure(page: object) -> float:
        page.goto(url + f"exercises/{BENCH_ID}/")  # type: ignore[attr-defined]
        page.wait_for_selector("form.wb-exercise[data-wb-ready]", state="attached")  # type: ignore[attr-defined]
        return float(page.evaluate("performance.getEntriesByName('workbook:hydrate').at(-1).duration"))  # type: ignore[attr-defined]

    with serve_folder(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        measure(page)  # warm the HTTP and code caches once
        empty = statistics.median(measure(page) for _ in range(LOADS))
        page.evaluate("""() => {
          const form = document.querySelector("form.wb-exercise");
          for (const item of form.querySelectorAll(".wb-item")) item.querySelector("input[value='4']").checked = true;
          form.dispatchEvent(new Event("change"));
        }""")
        full = statistics.median(measure(page) for _ in range(LOADS))
        status = page.locator("[data-status]").text_content() or ""
        assert "remain" not in status and re.search(r"\d", status), f"the answers were not restored: {status!r}"
        browser.close()
    return empty, full


def run() -> list[tuple[str, str]]:
    from generator.build import Project, build

    widget = widget_gzipped()
    extra = gzipped(MY_WORKBOOK)
    figures = [
        ("widget size, gzipped (" + " + ".join(WIDGET) + " + strings.js)", f"{widget / 1024:.1f} KiB ({widget} B; target <= 12 KB)"),
        ("every page also loads, gzipped (" + " + ".join(EVERY_PAGE_TOO) + ")", f"{gzipped(EVERY_PAGE_TOO) / 1024:.1f} KiB"),
        ("My workbook page adds, gzipped", f"{extra / 1024:.1f} KiB ({extra} B)"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        root = hundred_item_project(Path(tmp) / "project")
        result = build(Project(root, work_dir=Path(tmp) / "build"), site=Path(tmp) / "site", pdf=False)
        assert result.ok, result
        empty, full = hydration_ms(Path(tmp) / "site")
    figures += [
        (f"widget hydration, {ITEMS}-item assessment, nothing saved (median of {LOADS})", f"{empty:.1f} ms (target < 30 ms)"),
        (f"widget hydration, {ITEMS}-item assessment, {ITEMS} answers restored (median of {LOADS})", f"{full:.1f} ms (target < 30 ms)"),
    ]
    return figures


if __name__ == "__main__":
    rows = run()
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
