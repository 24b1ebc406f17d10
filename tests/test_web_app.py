"""The installable web app as the build writes it: manifest, icons, the tags linking them, and sw.js's
list of files (tests/e2e/test_web_app.py runs them in Chromium; tests/js/service-worker.test.js the worker)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from PIL import Image

from generator.build import Project, build
from generator.icons import ICONS, icon_png
from generator.palette import contrast
from generator.precache import WORKER, lunr_files, precache_list, url_of, version_of, worker_script
from generator.secure_pages import POLICY
from generator.validate import validate_content
from generator.web_app import MANIFEST, manifest

from .conftest import REPO

PRECACHE = re.compile(r"^self\.WorkbookPrecache = (\{.*?\});$", re.M | re.S)


@pytest.fixture(scope="module")
def served_and_offline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The mini workbook built as a served site (with PDFs, which the worker must leave out) and as the offline copy."""
    from .conftest import make_project

    tmp = tmp_path_factory.mktemp("web-app")
    root = make_project(tmp / "project")
    served = build(Project(root, work_dir=tmp / "build"), site=tmp / "site", pdf=True)
    offline = build(Project(root, work_dir=tmp / "build-offline"), site=tmp / "offline", pdf=False, offline=True)
    assert served.site and offline.site, (served.errors or served.failure, offline.errors or offline.failure)
    return served.site, offline.site


def listed(site: Path) -> dict[str, str]:
    match = PRECACHE.search((site / WORKER).read_text(encoding="utf-8"))
    assert match, "sw.js starts with the list of files"
    data = json.loads(match.group(1))
    assert data["version"] == version_of(data["files"])
    return dict(data["files"])


def file_of(address: str) -> str:
    """The file that answers a worker address (the inverse of url_of)."""
    path = unquote(address)
    return "index.html" if path == "./" else path + "index.html" if path.endswith("/") else path


# --- the manifest --------------------------------------------------------------------------------


def test_the_manifest_has_what_install_needs_from_workbook_yml() -> None:
    content, errors = validate_content(REPO)
    assert content is not None, errors
    m = manifest(content)
    wb = content.workbook
    assert (m["name"], m["short_name"], m["lang"], m["theme_color"]) == (wb.title, wb.short_name, wb.language, wb.theme.primary)
    assert m["display"] == "standalone"
    # Relative, so a site under /<repository>/ installs as that folder, not as the whole host.
    assert (m["start_url"], m["scope"]) == ("./", "./")
    assert all(not icon["src"].startswith(("/", "http")) for icon in m["icons"])
    sizes = {(icon["sizes"], icon["purpose"]) for icon in m["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes


def test_each_language_has_its_own_manifest_in_its_language() -> None:
    from generator.translations import for_language

    content, errors = validate_content(REPO)
    assert content is not None, errors
    m = manifest(for_language(content, "es"))
    assert (m["name"], m["short_name"], m["lang"]) == ("Tu carrera, en tus manos", "Tu carrera", "es")
    assert m["description"].startswith("Un cuaderno práctico")


def test_short_name_defaults_to_the_title(project: Path) -> None:
    wb = project / "content" / "workbook.yml"
    wb.write_text(re.sub(r"(?m)^short_name:.*\n", "", wb.read_text(encoding="utf-8")), encoding="utf-8")
    content, errors = validate_content(project)
    assert content is not None, errors
    assert manifest(content)["short_name"] == content.workbook.title


# --- icons ---------------------------------------------------------------------------------------


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    return image.convert("RGBA")


@pytest.mark.parametrize("icon", ICONS, ids=lambda i: i.path.rsplit("/", 1)[-1])
def test_icons_decode_at_their_size_in_the_theme_colour(icon: object) -> None:
    from generator.icons import Icon

    assert isinstance(icon, Icon)
    image = decoded(icon_png("#1f3a5f", "#b8860b", icon.size, icon.shape))
    assert image.size == (icon.size, icon.size)
    middle_of_top_edge = image.getpixel((icon.size // 2, 2))
    assert middle_of_top_edge == (0x1F, 0x3A, 0x5F, 255), "the tile is the primary colour"
    corner = image.getpixel((0, 0))
    assert corner[3] == (0 if icon.shape == "tile" else 255), "a tile has round corners; a full icon is opaque to the edge"


def test_the_maskable_icon_keeps_its_drawing_inside_the_safe_circle() -> None:
    """Launchers may cut a maskable icon to a circle of 80% of its width: everything outside is background."""
    size = 512
    image = decoded(icon_png("#2f5d50", "#c8702a", size, "full"))
    background = image.getpixel((0, 0))
    safe = 0.4 * size
    for x in range(0, size, 4):
        for y in range(0, size, 4):
            if (x - size / 2) ** 2 + (y - size / 2) ** 2 > safe**2:
                assert image.getpixel((x, y)) == background, (x, y)
    page = sum(1 for x in range(0, size, 4) for y in range(0, size, 4) if image.getpixel((x, y)) == (255, 255, 255, 255))
    assert page > (size // 4) ** 2 * 0.15, "the notebook's white page fills a good part of the middle"


def test_a_light_primary_colour_gets_a_dark_page_so_the_notebook_still_shows() -> None:
    gold = "#ffd700"
    image = decoded(icon_png(gold, "#c8702a", 192, "tile"))
    page = "#{:02x}{:02x}{:02x}".format(*image.getpixel((150, 96))[:3])  # the page, right of the writing lines
    assert contrast(page, gold) >= 3


def test_icons_are_the_same_bytes_every_build() -> None:
    assert icon_png("#2f5d50", "#c8702a", 192, "tile") == icon_png("#2f5d50", "#c8702a", 192, "tile")


# --- the built site ------------------------------------------------------------------------------


def test_every_page_links_the_manifest_and_icon_by_a_relative_address(served_and_offline: tuple[Path, Path]) -> None:
    site, _ = served_and_offline
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(site).as_posix()
        for rel_attr, target in ((r"manifest", MANIFEST), (r"apple-touch-icon", "assets/icons/apple-touch-icon.png")):
            links = re.findall(rf'<link rel="{rel_attr}" href="([^"]+)">', html)
            assert len(links) == 1, (rel, rel_attr)
            assert urljoin(f"https://host/sub/{rel}", links[0]) == f"https://host/sub/{target}", rel
        assert html.index('rel="manifest"') < html.index("</head>")
    assert (site / MANIFEST).is_file()
    assert json.loads((site / MANIFEST).read_text(encoding="utf-8"))["name"] == "Mini workbook"
    for icon in ICONS:
        assert decoded((site / icon.path).read_bytes()).size == (icon.size, icon.size)


def test_sw_js_lists_every_file_a_reader_needs_with_its_hash(served_and_offline: tuple[Path, Path]) -> None:
    import hashlib

    site, _ = served_and_offline
    files = listed(site)
    on_disk = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    wanted = {
        p
        for p in on_disk
        if not p.startswith(("downloads/", "assets/javascripts/lunr/")) and not p.endswith((".map", ".gz")) and p != WORKER
    }
    assert {file_of(a) for a in files} == wanted
    assert any(p.startswith("downloads/") and p.endswith(".pdf") for p in on_disk), "the build made PDFs, left out of the list"
    for address, digest in files.items():
        assert hashlib.sha256((site / file_of(address)).read_bytes()).hexdigest()[:16] == digest, address
    assert {"./", "exercises/all-types/", MANIFEST, "search/search_index.json", "assets/workbook/site.bundle.js"} <= set(files)


def test_the_offline_copy_has_no_worker_and_links_no_manifest(served_and_offline: tuple[Path, Path]) -> None:
    _, offline = served_and_offline
    assert not (offline / WORKER).exists()
    assert not (offline / MANIFEST).exists()
    assert not any('rel="manifest"' in p.read_text(encoding="utf-8") for p in offline.rglob("*.html"))


def test_any_changed_file_changes_sw_js(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text("home", encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text("page", encoding="utf-8")
    (tmp_path / "a" / "style.css").write_text("p {}", encoding="utf-8")
    before = worker_script(precache_list(tmp_path), "/* code */")
    (tmp_path / "a" / "style.css").write_text("p { color: red }", encoding="utf-8")
    after = worker_script(precache_list(tmp_path), "/* code */")
    assert before != after
    assert set(precache_list(tmp_path)) == {"./", "a/", "a/style.css"}


def test_addresses_are_the_ones_readers_use() -> None:
    assert url_of("index.html") == "./"
    assert url_of("exercises/x/index.html") == "exercises/x/"
    assert url_of("assets/a b.css") == "assets/a%20b.css"
    assert url_of("notindex.html") == "notindex.html"


def test_search_languages_decide_which_lunr_files_are_kept() -> None:
    assert lunr_files(["en"]) == set()
    assert lunr_files(["fr"]) == {"assets/javascripts/lunr/min/lunr.fr.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"}
    both = lunr_files(["en", "ja"])
    assert {"assets/javascripts/lunr/tinyseg.js", "assets/javascripts/lunr/min/lunr.multi.min.js"} <= both
    assert "assets/javascripts/lunr/wordcut.js" in lunr_files(["th"])


def test_the_policy_lets_the_site_load_its_own_manifest_and_worker() -> None:
    assert "manifest-src 'self'" in POLICY
    assert re.search(r"worker-src 'self'", POLICY)


def test_the_live_preview_serves_the_retiring_worker_and_a_build_does_not(project: Path, tmp_path: Path) -> None:
    """A site once opened at the preview's address (127.0.0.1:8000) left a worker there: the preview's sw.js removes it."""
    from generator.build import generate
    from generator.precache import RETIRE

    docs = tmp_path / "work" / "docs"
    _, errors, config = generate(Project(project, work_dir=tmp_path / "work"), tmp_path / "site", preview=True)
    assert config is not None, errors
    assert (docs / WORKER).read_bytes() == (REPO / "templates" / RETIRE).read_bytes()
    generate(Project(project, work_dir=tmp_path / "work"), tmp_path / "site")
    assert not (docs / WORKER).exists(), "a build writes its own sw.js after the engine"
