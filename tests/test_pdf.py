"""The PDF packs (generator/pdf.py), read back as text (pdftotext) and as page images (pdftoppm).

The real workbook is built once per test session (conftest's `workbook_site`, packs included); the
mini fixture, which sets `site_url`, is built once here to check the QR codes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import build as build_stage
from generator.build import Project, build
from generator.paper import layout_page
from generator.render import qr_svg

from .conftest import REPO, make_project
from .pdftools import (
    catalog_language,
    content,
    dark_pixels,
    facilitator_texts,
    item_texts,
    key_texts,
    link_targets,
    norm,
    overlapping_words,
    page_count,
    page_image,
    page_lines,
    page_size,
    pdf_info,
    pdf_text,
)

PAPERS = ("a4", "letter")
PACKS = [f"{kind}-pack-{paper}.pdf" for kind in ("participant", "facilitator") for paper in PAPERS]
PARTICIPANT = [f"participant-pack-{paper}.pdf" for paper in PAPERS]
FACILITATOR = [f"facilitator-pack-{paper}.pdf" for paper in PAPERS]


@pytest.fixture(scope="session")
def downloads(workbook_site: Path) -> Path:
    return workbook_site / "downloads"


def every_pdf(downloads: Path) -> list[Path]:
    return sorted(downloads.rglob("*.pdf"))


# --- what is built and linked ------------------------------------------------------------------


def test_every_pdf_is_built(downloads: Path) -> None:
    expected = set(PACKS) | {f"worksheets/{e}.pdf" for e in content().exercises}
    found = {p.relative_to(downloads).as_posix() for p in downloads.rglob("*.pdf")}
    assert found == expected
    for rel in found:
        assert (downloads / rel).read_bytes().startswith(b"%PDF-"), rel


@pytest.mark.both_engines
def test_home_and_exercise_pages_link_existing_pdfs(workbook_site: Path) -> None:
    home = (workbook_site / "index.html").read_text(encoding="utf-8")
    guide = (workbook_site / "facilitator-guide" / "index.html").read_text(encoding="utf-8")
    for kind in ("Participant", "Facilitator"):
        for paper, name in (("a4", "A4"), ("letter", "US Letter")):
            pack = f"{kind.lower()}-pack-{paper}.pdf"
            assert (workbook_site / "downloads" / pack).is_file()
            # each paper its own link, named so that it makes sense read out of context
            assert re.search(rf'<a [^>]*href="downloads/{pack}"[^>]*>{kind} pack, {name} \(PDF\)</a>', home), pack
            assert re.search(rf'<a [^>]*href="../downloads/{pack}"[^>]*>{kind} pack, {name} \(PDF\)</a>', guide), pack
    for ex in content().exercises:
        page = (workbook_site / "exercises" / ex / "index.html").read_text(encoding="utf-8")
        link = re.search(r'<a [^>]*href="([^"]+)"[^>]*>Download this worksheet \(PDF\)</a>', page)
        assert link, ex
        target = (workbook_site / "exercises" / ex / link.group(1)).resolve()
        assert target == (workbook_site / "downloads" / "worksheets" / f"{ex}.pdf").resolve() and target.is_file()


# --- text of the packs -------------------------------------------------------------------------


def test_both_packs_hold_every_item_of_every_exercise(downloads: Path) -> None:
    for pack in PACKS:
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


@pytest.mark.parametrize("pack", PARTICIPANT)
def test_participant_pack_has_no_facilitator_material(downloads: Path, pack: str) -> None:
    text = pdf_text(downloads / pack)
    leaked = [(e.id, t) for e in content().exercises.values() for t in facilitator_texts(e) + key_texts(e) if t in text]
    assert leaked == []
    assert "For the facilitator" not in text and "Session plans" not in text and "Discussion prompts" not in text


@pytest.mark.parametrize("pack", FACILITATOR)
def test_facilitator_pack_has_every_note_prompt_key_and_plan(downloads: Path, pack: str) -> None:
    from generator.plans import session_plans

    text = pdf_text(downloads / pack)
    assert all(e.facilitator for e in content().exercises.values()), "every exercise has facilitator notes"
    missing = [(e.id, t) for e in content().exercises.values() for t in facilitator_texts(e) + key_texts(e) if t not in text]
    assert missing == []
    for ex in content().exercises.values():
        assert f"For the facilitator: {norm(ex.title)}" in text
        assert f"About {ex.minutes} minutes" in text
        # each exercise's notes follow its worksheet
        assert text.index(norm(ex.title)) < text.index(f"For the facilitator: {norm(ex.title)}")
    for plan in session_plans(list(content().exercises.values()), content().sessions):
        assert norm(plan.title) in text
        for slot in plan.slots:
            assert norm(slot.title) in text


@pytest.mark.parametrize("pack", PACKS)
def test_pack_cover_and_contents(downloads: Path, pack: str) -> None:
    text = pdf_text(downloads / pack)
    wb = content().workbook
    kind = "Participant" if pack.startswith("participant") else "Facilitator"
    # the cover's words come back as words (spaced capitals once came back as "PARTIC IPANT PAC K")
    assert text.startswith(f"{kind.upper()} PACK {wb.title} {wb.subtitle}")
    contents = text[text.index("Contents") :]
    for chapter in wb.chapters:
        for ex_id in chapter.exercises:
            assert norm(content().exercises[ex_id].title) in contents, ex_id
    # each contents entry links its worksheet, though each worksheet is laid out on its own
    assert link_targets(downloads / pack) >= {f"ex-{ex_id}" for ex_id in content().exercises}
    # in the order of the workbook, each worksheet where the contents say
    starts = [text.index(f"{norm(ex.title)} About {ex.minutes} minutes") for ex in content().exercises.values()]
    assert starts == sorted(starts)


# --- clean layout: nothing over anything, headings with what they introduce, words as words ----


def test_nothing_is_printed_over_anything_else(downloads: Path) -> None:
    """Word boxes (pdftotext -bbox) of every PDF: no word drawn over another one."""
    found = {pdf.relative_to(downloads).as_posix(): overlapping_words(pdf) for pdf in every_pdf(downloads)}
    assert {name: pairs[:5] for name, pairs in found.items() if pairs} == {}


def test_the_overlap_check_finds_words_printed_over_each_other(tmp_path: Path) -> None:
    from generator.pdf import Document, write_pdfs

    html = '<html lang="en"><p>Name of the thing</p><p style="margin-top: -1.2em; margin-left: 2em">Circle line</p></html>'
    (pdf,) = write_pdfs([Document("x.pdf", "x", (html,))], REPO / "templates", tmp_path / "downloads", workers=1)
    assert overlapping_words(pdf) != []


def headings(html: str) -> set[str]:
    return {norm(h) for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html, flags=re.S)}


def other_lines(html: str) -> set[str]:
    """Texts that are not headings (a contents entry may read like the sheet title it lists)."""
    return {norm(t) for t in re.findall(r"<(li|a|p|td|th)\b[^>]*>(.*?)</\1>", html, flags=re.S) for t in [t[1]]}


def test_no_heading_is_left_alone_at_the_foot_of_a_page(downloads: Path) -> None:
    from generator.pdf import pack_documents

    alone = []
    for doc in pack_documents(content(), REPO / "templates"):
        titles = set().union(*(headings(part) for part in doc.parts)) - set().union(*(other_lines(part) for part in doc.parts))
        for number, lines in enumerate(page_lines(downloads / doc.path), start=1):
            body = [line for line in lines if not re.fullmatch(r"Page \d+ of \d+", line)]
            if body and body[-1] in titles:
                alone.append((doc.path, number, body[-1]))
    assert alone == []


def test_a_heading_at_the_foot_of_a_page_goes_over_with_its_text(tmp_path: Path) -> None:
    from generator.pdf import Document, write_pdfs

    def pages(heading_style: str) -> list[list[str]]:
        # room for the heading and a line or two, not for the three lines a paragraph keeps together (orphans)
        page = layout_page()
        filler = f'<div style="height: {page.height - page.top - page.bottom - 27:g}mm"></div>'
        html = (
            # the footer's words are the page's data (base.html.j2 writes them from the strings tables)
            '<html lang="en"><body class="wb-pack" data-page-before="Page " data-page-middle=" of " data-page-after="">'
            f'<div class="md-typeset">{filler}<h2 style="{heading_style}">Alone heading</h2>'
            f"<p>{'Some words to write on a page. ' * 40}</p></div></body></html>"
        )
        (pdf,) = write_pdfs([Document(f"{len(heading_style)}.pdf", "x", (html,))], REPO / "templates", tmp_path, workers=1)
        return page_lines(pdf)

    assert pages("break-after: auto")[0] == ["Alone heading", "Page 1 of 2"], "without the rule, the heading ends the first page"
    kept = pages("")
    assert "Alone heading" not in kept[0] and kept[1][0] == "Alone heading"


def test_a_long_table_repeats_its_headings_below_the_running_header(tmp_path: Path) -> None:
    from generator.pdf import Document, write_pdfs

    rows = "".join(f"<tr><td>row {n}</td><td></td></tr>" for n in range(40))
    html = (
        '<html lang="en"><body class="wb-pack"><div class="md-typeset"><section class="wb-sheet" data-book="The book">'
        '<h1 class="wb-sheet__title">Long sheet</h1><table class="wb-table"><thead><tr><th>Contact name</th>'
        f"<th>Next step</th></tr></thead><tbody>{rows}</tbody></table></section></div></body></html>"
    )
    (pdf,) = write_pdfs([Document("x.pdf", "x", (html,))], REPO / "templates", tmp_path / "downloads", workers=1)
    pages = page_lines(pdf)
    assert len(pages) >= 2
    for lines in pages:
        assert lines[0] == "The book Long sheet", "running header first"
        assert "Contact name Next step" in lines[1:3], "the table's headings under it"
    assert overlapping_words(pdf) == []


# --- packs: accessible, both papers ---------------------------------------------------------------


def test_every_pdf_is_tagged_with_title_and_language(downloads: Path) -> None:
    wb = content().workbook
    for pdf in every_pdf(downloads):
        info = pdf_info(pdf)
        assert info["Tagged"] == "yes", pdf.name
        assert info["Title"].startswith(f"{wb.title}: "), pdf.name
        assert catalog_language(pdf) == wb.language, pdf.name
        meta = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert 'pdfuaid:part="1"' in meta, f"{pdf.name} does not claim PDF/UA-1"
        structure = subprocess.run(["pdfinfo", "-struct", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^\s+H1\b", structure, flags=re.M), f"{pdf.name}: headings are not tagged"
    titles = {pdf_info(downloads / pack)["Title"] for pack in PACKS}
    assert titles == {f"{wb.title}: participant pack", f"{wb.title}: facilitator pack"}


def test_packs_come_in_a4_and_us_letter_and_worksheets_in_the_workbooks_paper(downloads: Path) -> None:
    sizes = {"a4": (595, 842), "letter": (612, 792)}
    for pack in PACKS:
        paper = pack.removesuffix(".pdf").rsplit("-", 1)[1]
        assert {page_size(downloads / pack, n) for n in range(1, page_count(downloads / pack) + 1)} == {sizes[paper]}, pack
    assert content().workbook.paper == "a4"
    for ex in content().exercises:
        assert page_size(downloads / "worksheets" / f"{ex}.pdf", 1) == sizes["a4"]


def test_each_part_is_laid_out_once_for_both_papers_each_showing_its_own_paper(downloads: Path) -> None:
    """The A4 and the US Letter pack hold the very same laid-out pages (the same lines on each), each
    PDF's every page box cut to its paper about the layout page's centre, as printers and readers see it."""
    import pikepdf

    from generator.paper import paper_points

    boxes = ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox")
    for kind in ("participant", "facilitator"):
        a4, letter = downloads / f"{kind}-pack-a4.pdf", downloads / f"{kind}-pack-letter.pdf"
        assert page_lines(a4) == page_lines(letter), kind
        centres = set()
        for path, paper in ((a4, "a4"), (letter, "letter")):
            with pikepdf.open(path) as pdf:
                for page in pdf.pages:
                    (box,) = {tuple(round(float(v), 2) for v in page.obj[name]) for name in boxes}
                    x0, y0, x1, y1 = box
                    assert (round(x1 - x0, 2), round(y1 - y0, 2)) == tuple(round(v, 2) for v in paper_points(paper)), (path.name, box)
                    centres.add((round((x0 + x1) / 2, 1), round((y0 + y1) / 2, 1)))
        assert len(centres) == 1, f"{kind}: both papers are centred on one layout page"


def words_beyond_the_page(pdf: Path, tmp: Path, room: float = 100) -> list[tuple[int, str]]:
    """The words of a PDF drawn wholly or partly outside its pages as shown: read (pdftotext -bbox) from
    a copy whose pages show `room` points more on every side, since pdftotext leaves out the words of
    a page that lie wholly outside it."""
    import pikepdf

    wider = tmp / f"wider-{pdf.name}"
    with pikepdf.open(pdf) as doc:
        for page in doc.pages:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            page.obj.MediaBox = page.obj.CropBox = pikepdf.Array([x0 - room, y0 - room, x1 + room, y1 + room])
        doc.save(wider)
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", str(wider), "-"], capture_output=True, text=True, check=True)
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', run.stdout, flags=re.S)
    assert len(pages) == page_count(pdf), pdf.name
    beyond = []
    for number, (width, height, words) in enumerate(pages, start=1):
        right, bottom = float(width) - room, float(height) - room
        for x0, y0, x1, y1, text in re.findall(r'xMin="(-?[\d.]+)" yMin="(-?[\d.]+)" xMax="(-?[\d.]+)" yMax="(-?[\d.]+)">(.*?)<', words):
            if float(x0) < room or float(y0) < room or float(x1) > right or float(y1) > bottom:
                beyond.append((number, text))
    return beyond


def test_no_word_is_cut_off_by_its_paper(downloads: Path, tmp_path: Path) -> None:
    """Every word of every PDF lies inside its page as shown, on either paper."""
    found = {pdf.relative_to(downloads).as_posix(): words_beyond_the_page(pdf, tmp_path) for pdf in every_pdf(downloads)}
    assert {name: words[:5] for name, words in found.items() if words} == {}


def test_the_cut_off_check_finds_words_beyond_the_page(downloads: Path, tmp_path: Path) -> None:
    import pikepdf

    cut = tmp_path / "cut.pdf"
    with pikepdf.open(downloads / "participant-pack-letter.pdf") as doc:
        x0, y0, x1, y1 = (float(v) for v in doc.pages[2].mediabox)
        doc.pages[2].obj.MediaBox = doc.pages[2].obj.CropBox = pikepdf.Array([x0, y0, x1, y1 - 40])  # the running header's strip
        doc.save(cut)
    assert {number for number, _ in words_beyond_the_page(cut, tmp_path)} == {3}


def test_the_layout_page_holds_both_papers_with_their_margins() -> None:
    """Each paper, centred on the layout page, shows the whole text area with at least the margins
    print.css gives (14 mm, 16 mm at the foot); the text is as wide as A4's and as tall as Letter's."""
    from generator.paper import MARGINS_MM, PAPER_MM
    from generator.pdf_assemble import paper_box

    page = layout_page()
    top, side, bottom = MARGINS_MM
    text = (page.side, page.bottom, page.width - page.side, page.height - page.top)  # left, foot, right, head (y up, as in a PDF)
    for paper, (width, height) in PAPER_MM.items():
        left, foot, right, head = paper_box([0, 0, page.width, page.height], (width, height))
        assert left >= 0 and foot >= 0 and right <= page.width and head <= page.height, paper
        margins = (text[0] - left, text[1] - foot, right - text[2], head - text[3])
        assert all(m >= least - 0.01 for m, least in zip(margins, (side, bottom, side, top), strict=True)), (paper, margins)
    assert round(page.width - 2 * page.side, 2) == PAPER_MM["a4"][0] - 2 * side
    assert round(page.height - page.top - page.bottom, 2) == round(PAPER_MM["letter"][1] - top - bottom, 2)


# --- pages as images ---------------------------------------------------------------------------


def test_the_cover_runs_to_the_edges_of_both_papers(downloads: Path, tmp_path: Path) -> None:
    """The cover is laid out once for both papers too: on each its band in the theme colour is one
    block from the top edge across to both sides, none of it cut to a white strip."""
    for paper in PAPERS:
        cover = page_image(downloads / f"participant-pack-{paper}.pdf", 1, tmp_path)
        w, h = cover.size
        assert dark_pixels(cover, (0, 0, 1, 0.02), below=120) == w * int(0.02 * h), (paper, "the top edge")
        for x in (0, w - 1):
            dark = [cover.getpixel((x, y)) < 120 for y in range(h)]  # type: ignore[operator]
            band = dark.index(False)
            assert band > 0.25 * h and not any(dark[band:]), (paper, x, band, "one block down each side")


def test_pages_have_content_where_expected(downloads: Path, tmp_path: Path) -> None:
    pack = downloads / "participant-pack-a4.pdf"
    cover = page_image(pack, 1, tmp_path)
    assert dark_pixels(cover, (0, 0, 1, 0.3), below=120) > 0.5 * cover.width * cover.height * 0.3 * 0.5, (
        "the cover's upper part is a band in the theme colour"
    )
    assert dark_pixels(cover, (0.1, 0.45, 0.9, 0.55)) > 0, "the cover says what the pack holds"

    sheet = downloads / "worksheets" / "who-owns-your-job-security.pdf"
    first = page_image(sheet, 1, tmp_path)
    assert dark_pixels(first, (0.05, 0.03, 0.5, 0.08)) > 0, "running header (workbook title) at the top left"
    assert dark_pixels(first, (0.05, 0.08, 0.6, 0.14)) > 0, "the sheet's printed header under it"
    assert dark_pixels(first, (0.4, 0.92, 0.6, 0.99)) > 0, "page number at the bottom centre"
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

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no room on the device")

    monkeypatch.setattr(build_stage, "plan_pdfs", broken)
    result = build(Project(project))
    assert result.failure and result.failure.stage == "pdf" and "no room on the device" in result.failure.message
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert not site.with_name("site.new").exists()


def test_a_part_failing_in_the_background_keeps_the_last_good_site(project: Path, tmp_path: Path) -> None:
    """A part laid out while the sites build fails (here: its PDF's place in the cache is a folder, which
    fails the same way on a worker process or the thread): the build says so and keeps the old site."""
    work = tmp_path / "work"
    first = build(Project(project, work_dir=work))
    assert first.ok and first.site is not None, first.failure or first.errors
    site = first.site
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    cached = [p for p in work.rglob("*.pdf") if p.parent.name == "pdf-cache"]
    assert cached, "the first build kept its parts"
    for part in cached:
        part.unlink()
        part.with_suffix(".json").unlink(missing_ok=True)
        part.mkdir()
    result = build(Project(project, work_dir=work))
    assert result.failure and result.failure.stage == "pdf" and "IsADirectoryError" in result.failure.message
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
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
        (pdf,) = write_pdfs([Document("x.pdf", "x", (html,))], REPO / "templates", site / "downloads", workers=1)
        listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
        return len(listing.strip().splitlines()) - 2  # two header lines

    assert images(f'<img src="file://{inside}">') == 1
    assert images(f'<img src="file://{outside}">') == 0
    assert images(f'<img src="{sneaky}">') == 0


# --- speed: each part laid out once, unchanged PDFs kept ---------------------------------------------


def test_each_part_is_laid_out_once_for_every_pdf_that_holds_it(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from weasyprint import HTML

    from generator.pdf import pack_documents, write_pdfs
    from generator.validate import validate_content

    loaded, errors = validate_content(project)
    assert loaded is not None, errors
    docs = pack_documents(loaded, project / "templates")
    parts = {part for doc in docs for part in doc.parts}
    sheet = next(d for d in docs if d.path == "worksheets/runway.pdf")
    assert all(sheet.parts[0] in d.parts for d in docs if "pack" in d.path), "the packs, in both papers, reuse the sheet"
    letter = {d.path.replace("-letter", "-a4"): d.parts for d in docs if d.paper == "letter"}
    assert letter == {d.path: d.parts for d in docs if d.path in letter}, "the Letter packs are the A4 packs' very parts"

    laid_out: list[HTML] = []
    real = HTML.render

    def counting(self: HTML, *args: object, **kwargs: object) -> object:
        laid_out.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(HTML, "render", counting)
    written = write_pdfs(docs, project / "templates", tmp_path / "downloads", workers=1)
    assert len(laid_out) == len(parts) < sum(len(d.parts) for d in docs)
    assert all(p.is_file() for p in written)
    for pack in PACKS:
        pages = page_count(tmp_path / "downloads" / pack)
        assert pages > 2 + len(loaded.exercises), pack
    # the single worksheet's pages are the very pages the pack holds
    single = pdf_text(tmp_path / "downloads" / "worksheets" / "runway.pdf")
    assert single in pdf_text(tmp_path / "downloads" / "participant-pack-a4.pdf")


def test_unchanged_parts_are_kept_between_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from generator import pdf_write
    from generator.pdf import Document, write_pdfs

    site = tmp_path / "site"
    image = site / "assets" / "dot.png"
    image.parent.mkdir(parents=True)
    Image.new("RGB", (20, 20), "red").save(image)
    made: list[str] = []
    real = pdf_write.lay_out_part

    def counting(part: pdf_write.Part) -> None:
        made.append("a" if "<p>Picture" not in part.html else "b")
        real(part)

    monkeypatch.setattr(pdf_write, "lay_out_part", counting)
    cache = tmp_path / "cache"

    def build(a: str) -> list[str]:
        made.clear()
        shutil.rmtree(site / "downloads", ignore_errors=True)  # every build writes into a fresh site
        docs = [
            Document("a.pdf", "A", (f'<html lang="en"><p>{a}</p></html>',)),
            Document("b.pdf", "B", (f'<html lang="en"><p>Picture</p><img src="file://{image}" alt="a dot"></html>',)),
        ]
        written = write_pdfs(docs, REPO / "templates", site / "downloads", cache=cache, workers=1)
        assert [p.read_bytes()[:5] for p in written] == [b"%PDF-"] * 2
        return sorted(made)

    assert build("First words") == ["a", "b"]
    assert build("First words") == [], "nothing changed: both parts come from the cache"
    assert "First words" in pdf_text(site / "downloads" / "a.pdf")
    assert build("Other words") == ["a"], "only the changed part is laid out again"
    Image.new("RGB", (20, 20), "blue").save(image)
    assert build("Other words") == ["b"], "a file a part shows changed: that part is laid out again"
    assert len(list(cache.glob("*.pdf"))) == 2, "the cache keeps this build's parts only"
    for entry in cache.glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert build("Other words") == ["a", "b"], "a damaged cache is ignored, not trusted"
    for part in cache.glob("*.pdf"):
        part.write_bytes(part.read_bytes()[:200])  # cut short, its entry intact
    assert build("Other words") == ["a", "b"], "a damaged part is laid out again"
    fresh = subprocess.run(["pdftotext", str(site / "downloads" / "a.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "Other words" in fresh  # (pdf_text keeps what it read of this path the first time)


def test_a_changed_exercise_lays_out_its_own_parts_only(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import pdf_write
    from generator.pdf import pack_documents, write_pdfs
    from generator.validate import validate_content

    laid_out: list[str] = []
    real = pdf_write.lay_out_part

    def counting(part: pdf_write.Part) -> None:
        laid_out.append(part.html)
        real(part)

    monkeypatch.setattr(pdf_write, "lay_out_part", counting)

    def build(folder: str) -> tuple[set[str], str]:
        laid_out.clear()
        loaded, errors = validate_content(project)
        assert loaded is not None, errors
        docs = pack_documents(loaded, project / "templates")
        write_pdfs(docs, project / "templates", tmp_path / folder / "downloads", cache=tmp_path / "cache", workers=1)
        return {part for doc in docs for part in doc.parts}, pdf_text(tmp_path / folder / "downloads" / "facilitator-pack-a4.pdf")

    before, _ = build("first")
    assert len(laid_out) == len(before)
    runway = project / "content" / "exercises" / "runway.yml"
    text = runway.read_text(encoding="utf-8")
    runway.write_text(text.replace("Fill in the numbers.", "Fill in the numbers. Take your time over this runway.", 1), encoding="utf-8")
    after, pack = build("second")
    changed = after - before
    assert 0 < len(changed) < len(after) and all("Take your time over this runway." in part for part in changed)
    assert sorted(laid_out) == sorted(changed), "only the parts that changed are laid out again, once for both papers"
    assert "Take your time over this runway." in pack
    _, again = build("third")
    assert laid_out == [], "nothing changed: every part from the cache"
    assert again == pack, "a pack put together from cached parts reads as the one laid out"


def test_a_pack_is_one_tagged_document_whose_links_land_on_their_worksheet(project: Path, tmp_path: Path) -> None:
    import pikepdf

    from generator.pdf import pack_documents, write_pdfs
    from generator.validate import validate_content

    loaded, errors = validate_content(project)
    assert loaded is not None, errors
    write_pdfs(pack_documents(loaded, project / "templates"), project / "templates", tmp_path / "downloads", workers=2)
    path = tmp_path / "downloads" / "facilitator-pack-letter.pdf"
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        dests = {str(name): pages[dest[0].objgen] for name, dest in pikepdf.NameTree(pdf.Root.Names.Dests).items()}
        links = [str(a.Dest) for page in pdf.pages for a in page.obj.get("/Annots", []) if "/Dest" in a]
        # the contents (in the front part) lead to each worksheet (a part of its own), on its first page
        for ex in loaded.exercises.values():
            first = dests[f"ex-{ex.id}"]
            assert f"ex-{ex.id}" in links
            page = subprocess.run(["pdftotext", "-f", str(first), "-l", str(first), str(path), "-"], capture_output=True, text=True).stdout
            assert norm(ex.title) in norm(page) and "Contents" not in page, ex.id
        assert set(links) <= set(dests), "every internal link has its destination"
        assert not [a for page in pdf.pages for a in page.obj.get("/Annots", []) if "x-workbook-part:" in str(a.get("/A", ""))]
        # one structure tree: a Document holding every part, whose ParentTree keys are unique and all used
        tree = pdf.Root.StructTreeRoot
        (document,) = tree.K
        assert document.S == "/Document" and len(document.K) == len(
            {p for d in pack_documents(loaded, project / "templates") if d.path == path.name for p in d.parts}
        )
        nums = tree.ParentTree.Nums
        keys = [int(k) for k in nums[::2]]
        assert len(keys) == len(set(keys)) and int(tree.ParentTreeNextKey) > max(keys)
        used = [int(p.obj.StructParents) for p in pdf.pages] + [int(a.StructParent) for p in pdf.pages for a in p.obj.get("/Annots", [])]
        assert sorted(used) == sorted(keys)
        for page in pdf.pages:  # each page's marked content belongs to elements on that very page
            entry = nums[2 * keys.index(int(page.obj.StructParents)) + 1]
            assert {e.Pg.objgen for e in entry if isinstance(e, pikepdf.Dictionary)} == {page.obj.objgen}
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
        assert all(any(ex.title in t for t in titles) for ex in loaded.exercises.values()), titles


def test_the_workbook_names_the_paper_of_single_worksheets(project: Path, tmp_path: Path) -> None:
    from generator.pdf import pack_documents, write_pdfs
    from generator.validate import validate_content

    wb_file = project / "content" / "workbook.yml"
    wb_file.write_text(wb_file.read_text(encoding="utf-8") + "paper: letter\n", encoding="utf-8")
    loaded, errors = validate_content(project)
    assert loaded is not None, errors
    docs = pack_documents(loaded, project / "templates")
    assert {d.path: d.paper for d in docs if d.path.startswith("worksheets/")} == {
        "worksheets/all-types.pdf": "letter",
        "worksheets/runway.pdf": "letter",
    }
    assert sorted((d.path, d.paper) for d in docs if "pack" in d.path) == sorted(
        (f"{kind}-pack-{paper}.pdf", paper) for kind in ("participant", "facilitator") for paper in PAPERS
    )
    sheet = next(d for d in docs if d.path == "worksheets/runway.pdf")
    (pdf,) = write_pdfs([sheet], project / "templates", tmp_path, workers=1)
    assert page_size(pdf, 1) == (612, 792)


def test_the_build_lays_the_pdfs_out_while_the_engine_runs(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every part is queued before the first engine run (which leaves the build's process idle), and
    the PDFs come out whole."""
    from generator import pdf_write

    events: list[str] = []
    real_start, real_engine = pdf_write.Layouts.start, build_stage.run_engine

    def start(self: pdf_write.Layouts, parts: list[pdf_write.Part]) -> None:
        events.append(f"queue {len(parts)}")
        real_start(self, parts)

    def engine(*args: object, **kwargs: object) -> str:
        events.append("engine")
        return real_engine(*args, **kwargs)

    monkeypatch.setattr(pdf_write.Layouts, "start", start)
    monkeypatch.setattr(build_stage, "run_engine", engine)
    result = build(Project(project))
    assert result.site and result.ok, result.errors or result.failure
    first_engine = events.index("engine")
    assert events[:first_engine] and all(e.startswith("queue") for e in events[:first_engine]), events
    assert sum(int(e.split()[1]) for e in events[:first_engine]) > 0
    assert all(page_count(result.site / "downloads" / pack) > 2 for pack in PACKS)


def test_workers_are_forked_only_while_no_other_thread_runs() -> None:
    """A fork copies one thread only: a lock another thread held stays locked in the child, which may
    hang. So with a thread running (a test's browser driver), workers are spawned."""
    import threading

    from generator.pdf_write import start_method

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert start_method() == "spawn"
    finally:
        release.set()
        other.join()


def test_a_failure_in_a_worker_process_reaches_the_build(tmp_path: Path) -> None:
    from generator.pdf import Document, write_pdfs
    from generator.pdf_write import part_key

    cache = tmp_path / "cache"
    docs = [Document(f"{paper}.pdf", paper, (f'<html lang="en"><p>Words on {paper}</p></html>',), paper) for paper in PAPERS]
    (cache / f"{part_key(docs[0].parts[0], REPO / 'templates')}.pdf").mkdir(parents=True)  # where the A4 worker must write
    with pytest.raises(IsADirectoryError):
        write_pdfs(docs, REPO / "templates", tmp_path / "downloads", cache=cache, workers=2)
