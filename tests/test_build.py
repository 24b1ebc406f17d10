"""One real build into a temporary folder, and what a failed build must leave alone."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import Project, build


class Controls(HTMLParser):
    """Collects form controls, labels and links of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.links: list[str] = []
        self._label_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "label":
            self._label_depth += 1
            if a.get("for"):
                self.label_for.add(str(a["for"]))
        elif tag in ("input", "textarea", "select"):
            self.controls.append(a | {"_wrapped": "yes" if self._label_depth else None, "_tag": tag})
        elif tag == "a" and a.get("href"):
            self.links.append(str(a["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._label_depth -= 1


def parse(path: Path) -> Controls:
    parser = Controls()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture
def built(project: Path) -> Path:
    result = build(Project(project), pdf=False)  # the PDF packs have their own tests (test_pdf.py)
    assert result.ok, result.errors or result.failure
    return project / "site"


def test_build_writes_every_page(built: Path) -> None:
    for page in [
        "index.html",
        "about/index.html",
        "chapters/first/index.html",
        "exercises/all-types/index.html",
        "exercises/runway/index.html",
        "sources/an-article/index.html",
        "search/search_index.json",
    ]:
        assert (built / page).is_file(), page


def test_every_item_type_becomes_labelled_controls(built: Path) -> None:
    page = parse(built / "exercises" / "all-types" / "index.html")
    kinds = {(c["_tag"], c.get("type")) for c in page.controls if c.get("name")}
    assert {
        ("input", "radio"),
        ("input", "checkbox"),
        ("textarea", None),
        ("input", "number"),
        ("select", None),
        ("input", "text"),
    } <= kinds
    names = {c["name"] for c in page.controls if c.get("name")}
    assert {"agree", "disagree", "pick", "ticks", "notes", "count", "people.0.name", "people.2.circle"} <= names
    for control in page.controls:
        if control.get("name") is None:
            continue  # Material's own search box etc.
        labelled = control["_wrapped"] or control.get("aria-label") or control.get("id") in page.label_for
        assert labelled, control


def test_cross_links_between_ideas_exercises_and_sources(built: Path) -> None:
    exercise = (built / "exercises" / "all-types" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../sources/an-article/#first-idea"' in exercise
    assert "“An article” by A. Writer (A blog, 14 March 2011)" in exercise
    assert 'href="../runway/"' in exercise  # follow-up
    source = (built / "sources" / "an-article" / "index.html").read_text(encoding="utf-8")
    assert 'id="first-idea"' in source and 'href="../../exercises/all-types/"' in source
    assert 'href="../../exercises/runway/"' in source  # second idea -> runway


def test_site_uses_the_workbook_title_palette_and_no_remote_fonts(built: Path) -> None:
    home = (built / "index.html").read_text(encoding="utf-8")
    assert "<title>Mini workbook</title>" in home
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home
    assert re.search(r'<script[^>]+src="https?://', home) is None
    assert "--md-primary-fg-color: #2f5d50" in (built / "assets" / "workbook" / "site.bundle.css").read_text()


def test_invalid_content_keeps_the_last_good_site(built: Path, project: Path) -> None:
    before = (built / "index.html").read_bytes()
    bad = project / "content" / "exercises" / "runway.yml"
    bad.write_text(bad.read_text().replace("minutes: 5", "minutes: soon"))

    run = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "build", "--no-pdf"], capture_output=True, text=True)

    assert run.returncode == 1
    assert "content/exercises/runway.yml:4:10: minutes: expected a whole number, found the text `soon`" in run.stderr
    assert "Traceback" not in run.stderr
    assert (built / "index.html").read_bytes() == before
    assert not (project / "site.new").exists()


def test_broken_template_is_reported_not_a_traceback(built: Path, project: Path) -> None:
    template = project / "templates" / "pages" / "chapter.md.j2"
    template.write_text(template.read_text() + "\n{% for x in %}\n")

    run = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "build", "--no-pdf"], capture_output=True, text=True)

    assert run.returncode == 1
    assert "templates/pages/chapter.md.j2" in run.stderr and "template error" in run.stderr
    assert "Traceback" not in run.stderr
    assert (built / "index.html").is_file()


def test_check_reports_every_problem_at_once(project: Path) -> None:
    exercise = project / "content" / "exercises" / "runway.yml"
    exercise.write_text(exercise.read_text().replace("minutes: 5", "minutes: soon").replace("title: Runway", "titel: Runway"))

    run = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "check"], capture_output=True, text=True)

    assert run.returncode == 1
    assert "minutes: expected a whole number" in run.stderr
    assert "unknown field `titel`" in run.stderr and "did you mean `title`?" in run.stderr
    assert "3 problems found" in run.stderr  # plus the now-missing `title`


@pytest.mark.parametrize("target", [".", "content", "somewhere-with-files"])
def test_refuses_to_build_over_the_project_or_a_folder_that_is_not_a_site(project: Path, target: str) -> None:
    (project / "somewhere-with-files").mkdir()
    (project / "somewhere-with-files" / "notes.txt").write_text("mine")

    run = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "build", "--no-pdf", "--site", str(project / target)],
        capture_output=True,
        text=True,
        cwd=project,
    )

    assert run.returncode == 1 and "refusing to build into" in run.stderr
    assert "build failed" not in run.stderr  # a refusal, not an engine failure
    assert (project / "content" / "workbook.yml").is_file()
    assert (project / "somewhere-with-files" / "notes.txt").read_text() == "mine"


def test_a_refusal_is_a_typed_failure_and_builds_nothing(project: Path) -> None:
    result = build(Project(project, work_dir=project / "work"), site=project / "content", pdf=False)

    assert result.failure is not None and result.failure.stage == "refused"
    assert result.site is None and not (project / "work").exists()


def test_compiled_templates_live_under_the_work_folder_not_the_repository(project: Path, tmp_path: Path) -> None:
    work = tmp_path / "elsewhere"
    result = build(Project(project, work_dir=work), site=tmp_path / "site", pdf=False)

    assert result.ok, result.errors or result.failure
    assert any((work / "jinja-cache").iterdir())
    assert not (project / "build").exists()


def test_the_published_address_can_come_from_the_command_line(project: Path, tmp_path: Path) -> None:
    """The GitHub Pages workflow passes the address it publishes at (`make site SITE_URL=...`)."""
    base = [sys.executable, "-m", "generator", "--root", str(project), "build", "--no-pdf", "--work", str(tmp_path / "w")]
    run = subprocess.run(
        [*base, "--site", str(tmp_path / "site"), "--site-url", "https://me.github.io/book/"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert "https://me.github.io/book/exercises/runway/" in (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")

    bad = subprocess.run([*base, "--site", str(tmp_path / "other"), "--site-url", "javascript:alert(1)"], capture_output=True, text=True)
    assert bad.returncode == 1 and "--site-url" in bad.stderr and "site_url" in bad.stderr
    assert not (tmp_path / "other").exists()


def test_make_bench_still_runs_against_the_current_modules() -> None:
    """`make bench` is not part of `make test`; this keeps its imports from rotting when modules move."""
    import importlib

    for name in ("tests.bench", "tests.bench_pages", "tests.bench_pdf", "tests.bench_widget", "tests.bench_lighthouse"):
        module = importlib.import_module(name)
        assert callable(getattr(module, "main", None) or getattr(module, "run", None)), name


def test_the_lighthouse_bench_serves_the_site_gzipped_as_a_static_host_does(tmp_path: Path) -> None:
    """Lighthouse's figures mean something only if text arrives compressed, as from a real host."""
    import gzip
    import http.client
    import urllib.parse
    import urllib.request

    from tests.bench_lighthouse import serve_gzipped

    (tmp_path / "page").mkdir()
    html = "<!doctype html><title>t</title>" + "<p>words</p>" * 200
    (tmp_path / "page" / "index.html").write_text(html, encoding="utf-8")
    (tmp_path / "app.js").write_text("console.log(1);\n" * 100, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))

    def get(url: str, gzipped: bool = True) -> tuple[str | None, str | None, bytes]:
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzipped else {})
        with urllib.request.urlopen(request) as response:
            return response.headers["Content-Encoding"], response.headers["Content-Length"], response.read()

    with serve_gzipped(tmp_path) as base:
        encoding, length, body = get(base + "page/")
        assert encoding == "gzip" and int(length or 0) == len(body) < len(html)
        assert gzip.decompress(body).decode("utf-8") == html
        encoding, _, body = get(base + "app.js")
        assert encoding == "gzip" and gzip.decompress(body) == (tmp_path / "app.js").read_bytes()
        assert get(base + "photo.png")[0] is None  # images are compressed already
        assert get(base + "app.js", gzipped=False) == (None, str(len(body := (tmp_path / "app.js").read_bytes())), body)
        with urllib.request.urlopen(base + "page") as response:  # the folder without its slash: redirected, as before
            assert response.url == base + "page/"
        # Kept-alive connections, as from a real host: two files over one connection.
        connection = http.client.HTTPConnection(urllib.parse.urlsplit(base).netloc)
        for path in ("/app.js", "/page/"):
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            assert response.status == 200 and response.version == 11 and gzip.decompress(response.read())
        connection.close()
