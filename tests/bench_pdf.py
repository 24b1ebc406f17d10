"""Benchmark figures for the PDF packs: the full build (site + PDFs) against the site-only build
(`--no-pdf`), on a first build and on a rebuild with one exercise changed.

`run()` returns (label, value) rows for `make bench`; `python -m tests.bench_pdf` prints them alone.
Absolute seconds vary with the machine (and with what else runs on it); compare the ratios.
Targets (issue 12): the full build at most 4 times the site-only build on a first build, at most 2
times on that rebuild (which lays out again only the changed exercise's parts, pdf_write.py).
"""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from generator.build import PDF_CACHE, Project, build

REPO = Path(__file__).resolve().parents[1]
CHANGED = "content/exercises/network-map.yml"  # the exercise edited between the two builds


def _pages(pdf: Path) -> int:
    """Page count from poppler's pdfinfo (WeasyPrint compresses its page tree); 0 if it is missing."""
    if not shutil.which("pdfinfo"):
        return 0
    match = re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout, re.M)
    return int(match.group(1)) if match else 0


def _cpu() -> float:
    """Processor seconds of this process and its finished children (the engine, the PDF workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed_build(root: Path, work: Path, site: Path, pdf: bool) -> tuple[float, float, dict[str, float]]:
    """Wall-clock and processor seconds of one build: on a busy machine the second is the steadier."""
    start, cpu = time.perf_counter(), _cpu()
    result = build(Project(root, work_dir=work), site=site, pdf=pdf)
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    assert result.ok and result.site is not None, result.errors or result.failure
    return seconds, cpu, result.seconds


def _change_one_exercise(root: Path) -> None:
    """A reader-visible edit, as an author makes one: a sentence more in one exercise's instructions."""
    path = root / CHANGED
    text = path.read_text(encoding="utf-8")
    new = text.replace("instructions: |\n", "instructions: |\n  Take your time over this map.\n", 1)
    assert new != text, f"{CHANGED} has no block `instructions:` to edit"
    path.write_text(new, encoding="utf-8")


def _load() -> str:
    """The machine's 1-minute load average: other work on the machine stretches the wall-clock figures."""
    return Path("/proc/loadavg").read_text(encoding="utf-8").split()[0] if Path("/proc/loadavg").is_file() else "n/a"


def run() -> list[tuple[str, str]]:
    load_before = _load()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        root = tmp / "project"
        for folder in ("content", "templates"):
            shutil.copytree(REPO / folder, root / folder)
        shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
        # Each kind of build keeps its own work folder (compiled templates; the PDF cache), as on a real machine.
        site_first, site_first_cpu, _ = _timed_build(root, tmp / "work-site", tmp / "site-only", pdf=False)
        full_first, full_first_cpu, stages = _timed_build(root, tmp / "work-full", tmp / "site", pdf=True)
        pdfs = sorted((tmp / "site" / "downloads").rglob("*.pdf"))
        pages = sum(_pages(p) for p in pdfs)
        size = sum(p.stat().st_size for p in pdfs)
        packs = {p.name: _pages(p) for p in pdfs if p.parent.name == "downloads"}
        # Every language's cache (the original's under work-full/, the others' under work-full/languages/).
        parts = sorted((tmp / "work-full").rglob(f"{PDF_CACHE}/*.pdf"))
        part_pages = sum(_pages(p) for p in parts)
        _change_one_exercise(root)
        changed_since = time.time()
        site_again, site_again_cpu, _ = _timed_build(root, tmp / "work-site", tmp / "site-only", pdf=False)
        full_again, full_again_cpu, stages_again = _timed_build(root, tmp / "work-full", tmp / "site", pdf=True)
        cached = list((tmp / "work-full").rglob(f"{PDF_CACHE}/*.pdf"))
        relaid = sum(1 for part in cached if part.stat().st_mtime >= changed_since)
    pdf_cpu = full_first_cpu - site_first_cpu
    return [
        ("first build: site only (--no-pdf)", f"{site_first:.2f} s ({site_first_cpu:.2f} s of processor)"),
        ("first build: site and PDFs", f"{full_first:.2f} s ({full_first_cpu:.2f} s of processor)"),
        (
            "first build: full / site only",
            f"x{full_first / site_first:.1f} (target <= x4; processor x{full_first_cpu / site_first_cpu:.1f})",
        ),
        ("rebuild, one exercise changed: site only", f"{site_again:.2f} s ({site_again_cpu:.2f} s of processor)"),
        (
            "rebuild, one exercise changed: site and PDFs",
            f"{full_again:.2f} s ({full_again_cpu:.2f} s of processor; waits {stages_again['pdf']:.2f} s for the PDFs)",
        ),
        (
            "rebuild, one exercise changed: full / site only",
            f"x{full_again / site_again:.1f} (target <= x2; processor x{full_again_cpu / site_again_cpu:.1f})",
        ),
        ("rebuild, one exercise changed: parts laid out again", f"{relaid} of {len(cached)}"),
        ("PDF files / pages / size", f"{len(pdfs)} files, {pages} pages, {size / 1e6:.1f} MB"),
        ("parts laid out (each once, for both papers) / their pages", f"{len(parts)} parts, {part_pages} pages"),
        (
            "PDFs' processor time per part / per page laid out",
            f"{pdf_cpu / len(parts) * 1000:.0f} ms / {pdf_cpu / part_pages * 1000:.0f} ms (full minus site-only, first build)"
            if part_pages
            else "n/a (pdfinfo missing)",
        ),
        (
            "time the build waits for the PDFs beyond the sites (first build)",
            f"{stages['pdf']:.2f} s (planning, then waiting and assembling)",
        ),
        (
            "machine load (1-minute average), before / after",
            f"{load_before} / {_load()} (on 2 cores, above ~0.5 the wall-clock ratios are stretched)",
        ),
        ("packs' pages", ", ".join(f"{name.removesuffix('.pdf')} {n}" for name, n in sorted(packs.items()))),
    ]


def main() -> None:
    rows = run()
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
