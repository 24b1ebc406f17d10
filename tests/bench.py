"""`make bench`: speed and size figures, measured side by side in one run.

Absolute seconds vary with the machine; the ratios (generator / engine, time per exercise at
several sizes) are what to compare between runs. Targets: the generator costs at most 10% of the
engine's build time and grows linearly with the number of exercises.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from generator.docs_folder import write_docs
from generator.engine import engine_command
from generator.validate import validate_content

REPO = Path(__file__).resolve().parents[1]


def synthetic_project(target: Path, exercises: int) -> Path:
    """The real workbook plus `exercises` copies of its exercises in an extra chapter."""
    shutil.copytree(REPO / "content", target / "content")
    shutil.copytree(REPO / "templates", target / "templates")
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    # Translations (`<id>.es.yml`) are not exercises of their own.
    originals = sorted(p for p in (REPO / "content" / "exercises").glob("*.yml") if "." not in p.stem)
    ids = []
    for n in range(exercises):
        source = originals[n % len(originals)]
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        data["id"] = f"copy-{n:03d}-{data['id']}"
        data["title"] = f"{data['title']} (copy {n})"
        data["follow_ups"] = []
        for dim in (data.get("scoring") or {}).get("dimensions", []):
            dim["follow_ups"] = []
        (target / "content" / "exercises" / f"{data['id']}.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        ids.append(data["id"])
    if ids:
        wb_file = target / "content" / "workbook.yml"
        wb = yaml.safe_load(wb_file.read_text(encoding="utf-8"))
        wb["chapters"].append({"id": "synthetic", "title": "Synthetic", "exercises": ids})
        wb.pop("languages", None)  # the translations have no synthetic chapter: build the original language only
        wb_file.write_text(yaml.safe_dump(wb, sort_keys=False), encoding="utf-8")
    return target


def time_generator(root: Path, work: Path, repeat: int = 3) -> tuple[float, float, int]:
    """Validate + render + write into a fresh docs folder: the first run (templates compiled, as
    on a first build) and the best of the later ones (compiled templates cached, as on every
    build after it)."""
    times = []
    count = 0
    shutil.rmtree(root / "build", ignore_errors=True)
    for _ in range(repeat):
        shutil.rmtree(work / "docs", ignore_errors=True)
        start = time.perf_counter()
        content, errors = validate_content(root)
        assert content is not None, errors
        write_docs(content, root / "templates", root / "mkdocs.yml", work, work / "site")
        times.append(time.perf_counter() - start)
        count = len(content.exercises)
    return times[0], min(times[1:]), count


def _time_check() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "--root", str(REPO), "check"], check=True, capture_output=True)
    return time.perf_counter() - start


def time_engine(root: Path, work: Path) -> float:
    start = time.perf_counter()
    subprocess.run(engine_command("mkdocs", work / "mkdocs.yml"), cwd=root, check=True, capture_output=True)
    return time.perf_counter() - start


def generator_figures() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        per_exercise: list[tuple[int, float]] = []
        for label, extra in (("workbook", 0), ("synthetic", 75), ("synthetic", 150), ("synthetic", 300)):
            root = synthetic_project(Path(tmp) / f"p{extra}", extra)
            work = root / "build"
            cold, gen, count = time_generator(root, work)
            per_exercise.append((count, gen))
            if extra in (0, 300):
                engine = time_engine(root, work)
                name = f"{label} ({count} exercises)"
                rows += [
                    (f"{name}: generator, first build", f"{cold * 1000:.0f} ms ({cold / engine:.1%} of the engine)"),
                    (f"{name}: generator, later builds", f"{gen * 1000:.0f} ms"),
                    (f"{name}: engine (mkdocs build)", f"{engine:.2f} s"),
                    (f"{name}: generator / engine", f"{gen / engine:.1%} (target <= 10%)"),
                ]
            else:
                rows.append((f"synthetic ({count} exercises): generator", f"{gen * 1000:.0f} ms"))
        check = min(_time_check() for _ in range(3))
        rows.append(("`workbook check` on this workbook (a new process)", f"{check * 1000:.0f} ms (target < 1 s)"))
        base_n, base_t = per_exercise[1]
        for n, t in per_exercise[2:]:
            rows.append(
                (f"generator growth {base_n} -> {n} exercises", f"x{t / base_t:.2f} time for x{n / base_n:.2f} exercises (linear = equal)")
            )
    return rows


def main() -> None:
    from . import bench_lighthouse, bench_pages, bench_pdf, bench_widget

    sections = [
        ("Generator and engine", generator_figures),
        ("Widget", bench_widget.run),
        ("Pages over the wire", bench_pages.run),
        ("Lighthouse, mobile preset, site served gzipped", bench_lighthouse.run),
        ("PDF packs", bench_pdf.run),
    ]
    for title, measure in sections:
        rows = measure()
        width = max(len(label) for label, _ in rows)
        print(f"\n{title}")
        for label, value in rows:
            print(f"  {label:<{width}}  {value}")


if __name__ == "__main__":
    main()
