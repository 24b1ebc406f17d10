"""Reading PDFs back in tests: text (poppler's pdftotext), page images (pdftoppm + Pillow), and what
a printed worksheet must show of each exercise. Shared by test_pdf.py and test_print.py."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
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
