"""The PDF packs (generator/pdf.py), read back as text (pdftotext) and as page images (pdftoppm).

The real workbook is built once per test session (conftest's `workbook_site`, packs included); the
mini fixture, which sets `site_url`, is built once here to check the QR codes.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator import build as build_stage
from generator.build import Project, build
from generator.render import qr_svg

from .conftest import REPO, make_project
from .pdftools import content, dark_pixels, facilitator_texts, item_texts, key_texts, norm, page_count, page_image, pdf_text


@pytest.fixture(scope="session")
def downloads(workbook_site: Path) -> Path:
    return workbook_site / "downloads"


# --- what is built and linked ------------------------------------------------------------------


def test_every_pdf_is_built(downloads: Path) -> None:
    expected = {"participant-pack.pdf", "facilitator-pack.pdf"} | {f"worksheets/{e}.pdf" for e in content().exercises}
    found = {p.relative_to(downloads).as_posix() for p in downloads.rglob("*.pdf")}
    assert found == expected
    for rel in found:
        assert (downloads / rel).read_bytes().startswith(b"%PDF-"), rel


@pytest.mark.both_engines
def test_home_and_exercise_pages_link_existing_pdfs(workbook_site: Path) -> None:
    home = (workbook_site / "index.html").read_text(encoding="utf-8")
    for pack in ("participant-pack.pdf", "facilitator-pack.pdf"):
        assert f'href="downloads/{pack}"' in home
    for ex in content().exercises:
        page = (workbook_site / "exercises" / ex / "index.html").read_text(encoding="utf-8")
        link = re.search(r'<a [^>]*href="([^"]+)"[^>]*>Download this worksheet \(PDF\)</a>', page)
        assert link, ex
        target = (workbook_site / "exercises" / ex / link.group(1)).resolve()
        assert target == (workbook_site / "downloads" / "worksheets" / f"{ex}.pdf").resolve() and target.is_file()
    guide = (workbook_site / "facilitator-guide" / "index.html").read_text(encoding="utf-8")
    assert 'href="../downloads/facilitator-pack.pdf"' in guide


# --- text of the packs -------------------------------------------------------------------------


def test_both_packs_hold_every_item_of_every_exercise(downloads: Path) -> None:
    for pack in ("participant-pack.pdf", "facilitator-pack.pdf"):
        text = pdf_text(downloads / pack)
        missing = [(e.id, t) for e in content().exercises.values() for t in item_texts(e) if t not in text]
        assert missing == [], f"{pack} lacks these items"


def test_each_worksheet_pdf_holds_its_exercise_only(downloads: Path) -> None:
    exercises = content().exercises
    for ex in exercises.values():
        text = pdf_text(downloads / "worksheets" / f"{ex.id}.pdf")
        assert norm(ex.title) in text and norm(ex.id) in text
        assert [t for t in item_texts(ex) if t not in text] == [], ex.id
        assert [t for t in facilitator_texts(ex) + key_texts(ex) if t in text] == [], f"{ex.id}: facilitator material"
        others = [o.title for o in exercises.values() if o.id != ex.id and norm(o.title) in text and o.title not in ex.title]
        assert len(others) <= 2, f"{ex.id} seems to hold other worksheets: {others}"  # "Where next" may name some


def test_participant_pack_has_no_facilitator_material(downloads: Path) -> None:
    text = pdf_text(downloads / "participant-pack.pdf")
    leaked = [(e.id, t) for e in content().exercises.values() for t in facilitator_texts(e) + key_texts(e) if t in text]
    assert leaked == []
    assert "For the facilitator" not in text and "Session plans" not in text and "Discussion prompts" not in text


def test_facilitator_pack_has_every_note_prompt_key_and_plan(downloads: Path) -> None:
    from generator.plans import session_plans

    text = pdf_text(downloads / "facilitator-pack.pdf")
    assert all(e.facilitator for e in content().exercises.values()), "every exercise has facilitator notes"
    missing = [(e.id, t) for e in content().exercises.values() for t in facilitator_texts(e) + key_texts(e) if t not in text]
    assert missing == []
    for ex in content().exercises.values():
        assert f"For the facilitator: {norm(ex.title)}" in text
        assert f"About {ex.minutes} minutes" in text
    for plan in session_plans(list(content().exercises.values()), content().sessions):
        assert norm(plan.title) in text
        for slot in plan.slots:
            assert norm(slot.title) in text


def test_pack_cover_and_contents(downloads: Path) -> None:
    text = pdf_text(downloads / "participant-pack.pdf")
    wb = content().workbook
    assert f"{wb.title} {wb.subtitle}" in text[:200]
    contents = text[text.index("Contents") :]
    for ex in content().exercises.values():
        # the contents list each worksheet with the page it starts on
        assert re.search(re.escape(norm(ex.title)) + r"[ .]*\d+", contents), ex.id


# --- pages as images ---------------------------------------------------------------------------


def test_pages_have_content_where_expected(downloads: Path, tmp_path: Path) -> None:
    pack = downloads / "participant-pack.pdf"
    cover = page_image(pack, 1, tmp_path)
    assert dark_pixels(cover, (0, 0, 1, 0.3), below=120) > 0.5 * cover.width * cover.height * 0.3 * 0.5, (
        "the cover's upper part is a band in the theme colour"
    )
    assert dark_pixels(cover, (0.1, 0.45, 0.9, 0.55)) > 0, "the cover says what the pack holds"

    sheet = downloads / "worksheets" / "who-owns-your-job-security.pdf"
    first = page_image(sheet, 1, tmp_path)
    assert dark_pixels(first, (0.05, 0.03, 0.5, 0.08)) > 0, "running header (workbook title) at the top left"
    assert dark_pixels(first, (0.05, 0.08, 0.6, 0.14)) > 0, "the sheet's printed header under it"
    assert dark_pixels(first, (0.4, 0.95, 0.6, 0.99)) > 0, "page number at the bottom centre"
    assert dark_pixels(first, (0.8, 0.07, 0.93, 0.115)) == 0, "no QR code without site_url"
    for page in range(1, page_count(pack) + 1):
        img = page_image(pack, page, tmp_path, dpi=20)
        if page == 1:
            continue  # the cover's band runs to the edges on purpose
        assert dark_pixels(img, (0, 0, 0.04, 1)) == 0 and dark_pixels(img, (0.96, 0, 1, 1)) == 0, (
            f"page {page}: something spills into the side margins"
        )


# --- QR codes, no-pdf builds and failures --------------------------------------------------------


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("mini-pdf"))
    result = build(Project(root, work_dir=root / "build"), site=root / "site")
    assert result.ok, result.errors or result.failure
    return root / "site"


def test_qr_code_links_printed_worksheets_to_their_page(mini_site: Path, tmp_path: Path) -> None:
    page = (mini_site / "exercises" / "runway" / "index.html").read_text(encoding="utf-8")
    expected = str(qr_svg("https://example.org/mini/exercises/runway/"))
    assert expected in page, "the page carries the QR code of its own address"
    first = page_image(mini_site / "downloads" / "worksheets" / "runway.pdf", 1, tmp_path, dpi=60)
    assert dark_pixels(first, (0.8, 0.07, 0.93, 0.115)) > 50, "the QR code prints at the top right"


def test_no_pdf_build_links_no_pdf(project: Path) -> None:
    result = build(Project(project), pdf=False)
    assert result.site and result.ok, result.errors or result.failure
    assert not (result.site / "downloads").exists()
    for page in result.site.rglob("*.html"):
        assert "downloads/" not in page.read_text(encoding="utf-8"), page


def test_a_pdf_failure_keeps_the_last_good_site(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = build(Project(project), pdf=False).site
    assert site is not None
    before = sorted(p.relative_to(site) for p in site.rglob("*"))

    def broken(*args: object) -> None:
        raise RuntimeError("no room on the device")

    monkeypatch.setattr(build_stage, "build_pdfs", broken)
    result = build(Project(project))
    assert result.failure and result.failure.stage == "pdf" and "no room on the device" in result.failure.message
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert not site.with_name("site.new").exists()


def test_missing_system_libraries_are_reported_with_the_fix(project: Path, tmp_path: Path) -> None:
    # A stand-in for WeasyPrint that fails the way it does when Pango is not installed.
    fake = tmp_path / "fake" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("last good")
    run = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "build"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": f"{fake.parent}:{REPO}", "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 1
    assert "libpango-1.0-0" in run.stderr and "apt-get install" in run.stderr and "--no-pdf" in run.stderr
    assert "Traceback" not in run.stderr
    assert (project / "site" / "index.html").read_text() == "last good"


def test_the_pdf_maker_embeds_files_of_the_build_only(tmp_path: Path) -> None:
    """An image address in content must not put a file from elsewhere on the machine into a PDF."""
    from PIL import Image

    from generator.pdf import Document, write_pdfs

    site = tmp_path / "site"
    inside = site / "assets" / "inside.png"
    inside.parent.mkdir(parents=True)
    outside = tmp_path / "elsewhere" / "private.png"
    outside.parent.mkdir()
    for path in (inside, outside):
        Image.new("RGB", (40, 40), "red").save(path)
    sneaky = f"file://{site}/assets/../../elsewhere/private.png"  # climbs out of the build

    def images(html: str) -> int:
        (pdf,) = write_pdfs([Document("x.pdf", "x", html)], REPO / "templates", site / "downloads")
        listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
        return len(listing.strip().splitlines()) - 2  # two header lines

    assert images(f'<img src="file://{inside}">') == 1
    assert images(f'<img src="file://{outside}">') == 0
    assert images(f'<img src="{sneaky}">') == 0
