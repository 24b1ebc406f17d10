"""Benchmark figures for the PDF packs: their build time beside the site's, measured in one build.

`run()` returns (label, value) rows for `make bench`; `python -m tests.bench_pdf` prints them alone.
Absolute seconds vary with the machine; compare the ratio between runs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.build import Project, build

REPO = Path(__file__).resolve().parents[1]


def _pages(pdf: Path) -> int:
    """Page count from poppler's pdfinfo (WeasyPrint compresses its page tree); 0 if it is missing."""
    if not shutil.which("pdfinfo"):
        return 0
    match = re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout, re.M)
    return int(match.group(1)) if match else 0


def run() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        result = build(Project(REPO, work_dir=Path(tmp) / "build"), site=Path(tmp) / "site")
        assert result.site is not None, result.errors or result.failure
        site_s, pdf_s = result.seconds["site"], result.seconds["pdf"]
        pdfs = sorted((result.site / "downloads").rglob("*.pdf"))
        pages = sum(_pages(p) for p in pdfs)
        size = sum(p.stat().st_size for p in pdfs)
        packs = {p.name: _pages(p) for p in pdfs if p.parent.name == "downloads"}
    return [
        ("site build (validate + render + mkdocs)", f"{site_s:.2f} s"),
        ("PDF packs build (WeasyPrint)", f"{pdf_s:.2f} s"),
        ("PDF packs / site build", f"x{pdf_s / site_s:.1f}"),
        ("PDF files / pages / size", f"{len(pdfs)} files, {pages} pages, {size / 1e6:.1f} MB"),
        ("PDF time per page", f"{pdf_s / pages * 1000:.0f} ms" if pages else "n/a (pdfinfo missing)"),
        ("participant / facilitator pack pages", f"{packs.get('participant-pack.pdf', 0)} / {packs.get('facilitator-pack.pdf', 0)}"),
    ]


def main() -> None:
    rows = run()
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
