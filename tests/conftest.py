"""Shared fixtures: a throwaway project made of the mini fixture's content and the real templates."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .node_scoring import Scorer

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"


def make_project(target: Path, content: Path = FIXTURES / "mini" / "content") -> Path:
    shutil.copytree(content, target / "content")
    shutil.copytree(REPO / "templates", target / "templates")
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture(autouse=True, scope="session")
def english_messages() -> Iterator[None]:
    """The tests read the `workbook` command's messages in English, whatever the terminal's locale
    (generator/messages.py would follow it): tests/test_messages.py sets the locale where it matters."""
    with pytest.MonkeyPatch.context() as patch:
        for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            patch.delenv(variable, raising=False)
        patch.setenv("LANG", "C.UTF-8")
        yield


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def scorer() -> Iterator[Scorer]:
    """scoring.js in one node process for the whole run (tests/node_scoring.py)."""
    s = Scorer()
    yield s
    s.close()


# --- real browser --------------------------------------------------------------------------------

from urllib.parse import urlparse  # noqa: E402

from .browser import CHROMIUM, CHROMIUM_ARGS, serve_folder  # noqa: E402

ENGINES = ("mkdocs", "zensical")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests of the built site run on MkDocs; those marked `both_engines` (a smoke subset: every
    page, scoring, saving, printing, PDF links, accessibility) run on Zensical too."""
    if "engine" in metafunc.fixturenames:
        both = metafunc.definition.get_closest_marker("both_engines") is not None
        metafunc.parametrize("engine", ENGINES if both else ENGINES[:1], indirect=True, scope="session")


@pytest.fixture(scope="session")
def engine(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", ENGINES[0]))


@pytest.fixture(scope="session")
def workbook_site(engine: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own workbook, built once per engine per test run into a temporary folder."""
    from generator.build import Project, build

    tmp = tmp_path_factory.mktemp(f"workbook-{engine}")
    result = build(Project(REPO, work_dir=tmp / "build"), site=tmp / "site", engine=engine)
    assert not result.errors, "\n".join(e.format() for e in result.errors)
    assert result.failure is None, result.failure
    return tmp / "site"


@pytest.fixture(scope="session")
def site_url(workbook_site: Path) -> Iterator[str]:
    with serve_folder(workbook_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).is_file(), f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class PageWatch:
    """What a page did that a test may forbid: console errors and requests to other hosts."""

    def __init__(self) -> None:
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser context and page; the test fails if the page logs an error or calls out."""
    context = browser.new_context()  # type: ignore[attr-defined]
    pg = context.new_page()
    watch = PageWatch()
    pg.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: watch.console_errors.append(str(e)))

    def on_request(request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        host = urlparse(url).hostname
        if url.startswith(("http:", "https:", "ws:", "wss:")) and host not in ("127.0.0.1", "localhost"):
            watch.foreign_requests.append(url)

    pg.on("request", on_request)
    pg.watch = watch  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert watch.foreign_requests == [], "the page contacted another host"
    assert watch.console_errors == [], "the page logged errors"
