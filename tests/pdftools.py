"""Reading PDFs back in tests: text (poppler's pdftotext), page images (pdftoppm + Pillow), and what
a printed worksheet must show of each exercise. Shared by test_pdf.py and test_print.py."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image

from generator.model import Checklist, Choice, Content, Exercise, Table
from generator.render import markdown_html
from generator.validate import validate_content

from .conftest import REPO


@cache
def content() -> Content:
    loaded, errors = validate_content(REPO)
    assert loaded is not None, errors
    return loaded


def norm(text: str) -> str:
    """Text as a reader sees it: no markup, one space between words, typographic quotes kept."""
    text = re.sub(r"</?(?:p|li|ul|ol|br|div|h\d|table|tr|td|th)\b[^>]*>", " ", text)  # blocks part words
    text = html.unescape(re.sub(r"<[^>]+>", "", text))  # inline tags do not
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", " ", text).strip()
    # A hyphen at the end of a line comes back from pdftotext as nothing ("15-minute" -> "15minute").
    return re.sub(r"(?<=\w)- ?(?=\w)", "", text)


def md_text(markdown: str) -> str:
    return norm(markdown_html(markdown))


def md_blocks(markdown: str) -> list[str]:
    """Each paragraph and list item of some Markdown, as plain text."""
    out = re.findall(r"<(p|li)>(.*?)</\1>", str(markdown_html(markdown)), flags=re.S)
    return [norm(body) for _, body in out if norm(body)]


@cache
def pdf_text(path: Path) -> str:
    assert shutil.which("pdftotext"), "pdftotext is missing: run `make test`, which installs poppler-utils"
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return norm(run.stdout)


def page_count(path: Path) -> int:
    assert shutil.which("pdfinfo"), "pdfinfo is missing: run `make test`, which installs poppler-utils"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, flags=re.M)
    assert match, info
    return int(match.group(1))


def page_image(path: Path, page: int, tmp: Path, dpi: int = 40) -> Image.Image:
    """One page as a greyscale image (pdftoppm), 1-based."""
    assert shutil.which("pdftoppm"), "pdftoppm is missing: run `make test`, which installs poppler-utils"
    out = tmp / f"{path.stem}-{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(path), str(out)], check=True
    )
    return Image.open(out.with_suffix(".png")).convert("L")


def dark_pixels(img: Image.Image, box: tuple[float, float, float, float], below: int = 200) -> int:
    """Pixels darker than `below` inside `box`, given as fractions (left, top, right, bottom) of the page."""
    w, h = img.size
    region = img.crop((int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h)))
    return sum(region.histogram()[:below])


def item_texts(ex: Exercise) -> list[str]:
    """What a printed worksheet must show of each item: prompt, options, column labels."""
    out = []
    for item in ex.items:
        out.append(md_text(item.text))
        if isinstance(item, (Choice, Checklist)):
            out += [md_text(o.label) for o in item.options]
        if isinstance(item, Table):
            out += [norm(c.label) for c in item.columns]
    return out


def facilitator_texts(ex: Exercise) -> list[str]:
    if not ex.facilitator:
        return []
    return md_blocks(ex.facilitator.notes) + [md_text(p) for p in ex.facilitator.prompts]


def key_texts(ex: Exercise) -> list[str]:
    """Band texts, as the scoring key prints them (hidden results never print)."""
    if not ex.scoring:
        return []
    bands = [b for d in ex.scoring.dimensions for b in d.bands]
    bands += ex.scoring.overall.bands if ex.scoring.overall else []
    return [t for b in bands for t in md_blocks(b.text)]


@dataclass(frozen=True)
class Word:
    """One word as poppler places it on a page, in points from the top left."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    def overlap(self, other: Word) -> float:
        """How much of the smaller of the two boxes the other covers (0 to 1)."""
        w = min(self.x1, other.x1) - max(self.x0, other.x0)
        h = min(self.y1, other.y1) - max(self.y0, other.y0)
        if w <= 0 or h <= 0:
            return 0.0
        smaller = min((self.x1 - self.x0) * (self.y1 - self.y0), (other.x1 - other.x0) * (other.y1 - other.y0))
        return w * h / smaller if smaller > 0 else 0.0


@cache
def page_words(path: Path) -> list[list[Word]]:
    """Every page's words with their boxes (pdftotext -bbox), in reading order."""
    assert shutil.which("pdftotext"), "pdftotext is missing: run `make test`, which installs poppler-utils"
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", str(path), "-"], capture_output=True, text=True, check=True)
    pages: list[list[Word]] = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", run.stdout, flags=re.S):
        pages.append(
            [
                Word(html.unescape(text), float(x0), float(y0), float(x1), float(y1))
                for x0, y0, x1, y1, text in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page
                )
            ]
        )
    return pages


def overlapping_words(path: Path, tolerance: float = 0.15) -> list[tuple[int, str, str]]:
    """Pairs of words printed over each other: (page, word, word). Words of neighbouring lines may
    touch by their font boxes, hence the tolerance (the share of the smaller box covered)."""
    found = []
    for number, words in enumerate(page_words(path), start=1):
        ordered = sorted(words, key=lambda w: w.y0)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if b.y0 >= a.y1:
                    break
                if a.overlap(b) > tolerance:
                    found.append((number, a.text, b.text))
    return found


def page_lines(path: Path) -> list[list[str]]:
    """Every page's lines of text, top to bottom (pdftotext -layout keeps one printed line a line)."""
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    pages = run.stdout.split("\f")[:-1]  # each page ends with a form feed
    return [[norm(line) for line in page.splitlines() if line.strip()] for page in pages]


def pdf_info(path: Path) -> dict[str, str]:
    """pdfinfo's fields (Title, Tagged, Pages, ...)."""
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines()) if value}


def page_size(path: Path, page: int) -> tuple[int, int]:
    """A page's width and height in points, rounded."""
    out = subprocess.run(["pdfinfo", "-f", str(page), "-l", str(page), str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(rf"^Page\s+{page} size:\s+([\d.]+) x ([\d.]+)", out, flags=re.M)
    assert match, out
    return round(float(match.group(1))), round(float(match.group(2)))


def pdf_objects(path: Path) -> list[bytes]:
    """The file's bytes and every compressed stream's (object streams hold the catalog, links, names)."""
    import zlib

    data = path.read_bytes()
    chunks = [data]
    for match in re.finditer(rb"/FlateDecode[^>]*>>\s*stream\r?\n", data):
        end = data.find(b"endstream", match.end())
        try:
            chunks.append(zlib.decompress(data[match.end() : end]))
        except zlib.error:
            continue
    return chunks


def catalog_language(path: Path) -> str:
    """The document's language (/Lang of the catalog)."""
    for chunk in pdf_objects(path):
        if b"/Catalog" in chunk:
            found = re.search(rb"/Lang\s*\(([^)]*)\)", chunk)
            if found:
                return found.group(1).decode("latin-1")
    return ""


def link_targets(path: Path) -> set[str]:
    """Names of the places the PDF's internal links lead to (/Dest of each link)."""
    return {m.decode("latin-1") for chunk in pdf_objects(path) for m in re.findall(rb"/Dest\s*\(([^)]*)\)", chunk)}
