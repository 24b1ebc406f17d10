"""`make bench`, Lighthouse: performance and accessibility scores, beside a stock Material page.

Lighthouse (the npm package, pinned in package.json) drives Debian's Chromium with its mobile
preset (simulated slow 4G and a 4x slower CPU) against the built site, served the way a static
host serves it: text files gzipped. It runs once per page (it is slow) and never in `make test`.
Targets (issue 14): performance >= 0.95 and within 0.03 of the stock page; accessibility 1.00.
A score under target prints the audits that cost it, so the cause is in the bench output; the
full reports stay in build/lighthouse/. On a busy machine (other builds running) the CPU-bound
metric, Total Blocking Time, swings widely between runs: the stock page, measured in the same run,
is the control, and each row shows Lighthouse's own index of the machine's speed.

Nothing leaves the machine: the site is on 127.0.0.1, Chromium starts with the flags that stop
its own calls home (tests/browser.py), and Lighthouse is told not to report errors anywhere.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from .browser import CHROMIUM, CHROMIUM_ARGS, QuietHandler, serve_with
from .conftest import REPO

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
REPORTS = REPO / "build" / "lighthouse"  # each run's full JSON report, for the audits behind a score (not committed)
CATEGORIES = ("performance", "accessibility")
PERFORMANCE_TARGET, PERFORMANCE_MARGIN, ACCESSIBILITY_TARGET = 0.95, 0.03, 1.0
# What a static host (GitHub Pages, Netlify, nginx's defaults) compresses: text, never images.
GZIP_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
METRICS = (
    ("FCP", "first-contentful-paint"),
    ("LCP", "largest-contentful-paint"),
    ("TBT", "total-blocking-time"),
    ("CLS", "cumulative-layout-shift"),
    ("SI", "speed-index"),
)
PAGES = (("home page", ""), ("an assessment", "exercises/employment-security-hierarchy/"))


class GzipHandler(QuietHandler):
    """Static files as a static host sends them: over kept-alive connections, text gzipped when the
    browser accepts it (once per file, as hosts keep compressed copies), with its length."""

    protocol_version = "HTTP/1.1"  # keep-alive: Lighthouse would otherwise count a new connection per file

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # which redirects to the folder's address with its slash
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not (path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(GZIP_TYPES)):
            return super().send_head()
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@functools.lru_cache(maxsize=512)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    """`path` gzipped (`mtime_ns` in the key, so a changed file is compressed again)."""
    return gzip.compress(path.read_bytes(), compresslevel=9)


@contextmanager
def serve_gzipped(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a free port, gzipping text; yields the base URL (ending in /)."""
    with serve_with(GzipHandler, folder) as url:
        yield url


@dataclass(frozen=True)
class Scores:
    performance: float
    accessibility: float
    # The audits that cost points: (category, title, score, what Lighthouse measured)
    losses: tuple[tuple[str, str, float, str], ...]
    # The measured metrics behind the performance score, as Lighthouse shows them ("FCP 1.2 s", ...)
    metrics: str
    # Requests the page made to any host but the site's own (the privacy promise: none)
    elsewhere: tuple[str, ...] = ()


def lighthouse(url: str, out: Path) -> Scores:
    """One Lighthouse run (mobile preset) on `url`; its JSON report is kept at `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", f"--chrome-flags={flags}", "--quiet"]
    command += [f"--only-categories={','.join(CATEGORIES)}", "--no-enable-error-reporting"]
    run = subprocess.run(command, env=os.environ | {"CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=600)
    if run.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lighthouse failed on {url}:\n{run.stderr.strip()[-2000:]}")
    return scores(json.loads(out.read_text(encoding="utf-8")))


def scores(report: dict[str, object]) -> Scores:
    """The two category scores of a Lighthouse report and the scored audits that lost points in them."""
    categories: dict[str, dict[str, object]] = report["categories"]  # type: ignore[assignment]
    audits: dict[str, dict[str, object]] = report["audits"]  # type: ignore[assignment]
    losses = []
    for category in CATEGORIES:
        for ref in categories[category]["auditRefs"]:  # type: ignore[attr-defined]
            audit = audits[ref["id"]]
            score = audit.get("score")
            if ref["weight"] and isinstance(score, (int, float)) and score < 1:
                losses.append((category, str(audit["title"]), float(score), str(audit.get("displayValue") or "")))
    return Scores(
        performance=float(categories["performance"]["score"]),  # type: ignore[arg-type]
        accessibility=float(categories["accessibility"]["score"]),  # type: ignore[arg-type]
        losses=tuple(losses),
        metrics=", ".join(f"{short} {audits[key].get('displayValue', '?')}" for short, key in METRICS)
        # Lighthouse's measure of the machine's speed during the run: a busy machine scores lower
        # (typical desktops are 1000-2500); compare pages measured at similar figures.
        + f"; machine benchmark index {report['environment']['benchmarkIndex']:.0f}",  # type: ignore[index]
        elsewhere=elsewhere(report),
    )


def elsewhere(report: dict[str, object]) -> tuple[str, ...]:
    """The URLs of the page's requests that went to another host than the page's own."""
    origin = urlsplit(str(report["finalDisplayedUrl"])).netloc
    requests = report["audits"]["network-requests"]["details"]["items"]  # type: ignore[index]
    urls = (str(r["url"]) for r in requests)
    return tuple(u for u in urls if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != origin)


def verdict(page: Scores, stock: Scores) -> str:
    """What the targets say of a page's scores ("" when it meets them)."""
    missed = []
    if page.performance < PERFORMANCE_TARGET or page.performance < stock.performance - PERFORMANCE_MARGIN:
        missed.append(f"performance under {PERFORMANCE_TARGET:.2f} or more than {PERFORMANCE_MARGIN:.2f} below the stock page")
    if page.accessibility < ACCESSIBILITY_TARGET:
        missed.append(f"accessibility under {ACCESSIBILITY_TARGET:.2f}")
    return "; ".join(missed)


def run() -> list[tuple[str, str]]:
    from generator.build import Project, build

    from .bench_pages import stock_material

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        result = build(Project(REPO, work_dir=Path(tmp) / "build"), site=site, pdf=False)
        assert result.ok, result.errors or result.failure
        stock_site = stock_material(Path(tmp) / "stock")
        with serve_gzipped(stock_site) as stock_url:
            stock = lighthouse(stock_url, REPORTS / "stock.json")
        rows.append(("stock Material page", f"performance {stock.performance:.2f}, accessibility {stock.accessibility:.2f}"))
        rows.append(("  measured", stock.metrics))
        with serve_gzipped(site) as base:
            for label, page in PAGES:
                got = lighthouse(base + page, REPORTS / f"{page.strip('/').replace('/', '-') or 'home'}.json")
                missed = verdict(got, stock)
                rows.append(
                    (
                        label,
                        f"performance {got.performance:.2f} ({got.performance - stock.performance:+.2f} the stock page), "
                        f"accessibility {got.accessibility:.2f}: " + (f"MISSED: {missed}" if missed else "targets met"),
                    )
                )
                rows.append(("  measured", got.metrics))
                rows += [("  REQUEST TO ANOTHER HOST", url) for url in got.elsewhere]
                rows += [(f"  lost in {cat}", f"{title}: {score:.2f} {shown}".rstrip()) for cat, title, score, shown in got.losses]
    rows.append(("full reports", str(REPORTS)))
    rows.append(
        ("targets", f"performance >= {PERFORMANCE_TARGET:.2f} and within {PERFORMANCE_MARGIN:.2f} of the stock page; accessibility 1.00")
    )
    return rows


if __name__ == "__main__":
    for label, value in run():
        print(f"{label}: {value}")
