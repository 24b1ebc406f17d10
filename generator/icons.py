"""Stage 4, build (after the engine): the web app's home-screen icons, drawn from the palette.

Pipeline position: engine -> secure pages -> **web app** (web_app.py asks for these) -> pdf.
The icon is the favicon's notebook (a page, its margin line, three writing lines) on a tile of the
workbook's primary colour, so a forker who changes the colours gets matching icons without drawing
any. Drawn with Pillow (already installed for WeasyPrint) rather than rasterising favicon.svg: no
SVG renderer is needed, and shapes need no font, so any title in any script works. Pure: colours
and a size in, PNG bytes out; the same input always gives the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

from PIL import Image, ImageColor, ImageDraw

from .palette import DARK_PAGE, LIGHT_PAGE, contrast, readable

SUPERSAMPLE = 4  # drawn this much larger, then scaled down: smooth edges without an anti-aliasing renderer
NON_TEXT = 3.0  # WCAG 1.4.11: the notebook's lines are graphics that must read against the page

# How an icon fills its square. "tile": a rounded tile, transparent corners (what most launchers
# show as it is). "full": opaque to the edges, for launchers that cut their own shape: a maskable
# icon (Android keeps a circle of 80% of the width, so the drawing stays inside it) and Apple's
# touch icon (iOS rounds the corners itself and shows transparency as black).
Shape = Literal["tile", "full"]


@dataclass(frozen=True)
class Icon:
    """One icon file of the web app: where it goes, its size, and how it fills its square."""

    path: str  # under the site root
    size: int
    shape: Shape
    purpose: str  # the manifest's `purpose`: "any", or "maskable"; "" for a file the manifest does not list


ICONS = (
    Icon("assets/icons/icon-192.png", 192, "tile", "any"),
    Icon("assets/icons/icon-512.png", 512, "tile", "any"),
    Icon("assets/icons/icon-maskable-512.png", 512, "full", "maskable"),
    Icon("assets/icons/apple-touch-icon.png", 180, "full", ""),
)


def icon_png(primary: str, accent: str, size: int, shape: Shape) -> bytes:
    """The notebook icon as PNG bytes, `size` pixels square."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    tile = _rgb(primary)
    if shape == "tile":
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(big * 0.18), fill=tile)
        drawing = 0.72  # share of the width the notebook spans
    else:
        draw.rectangle((0, 0, big - 1, big - 1), fill=tile)
        drawing = 0.56  # inside the maskable safe circle (80% wide), with room to spare
    _notebook(draw, big, drawing, primary, accent)
    out = io.BytesIO()
    image.resize((size, size), Image.Resampling.LANCZOS).save(out, "PNG", optimize=True)
    return out.getvalue()


def _notebook(draw: ImageDraw.ImageDraw, big: int, drawing: float, primary: str, accent: str) -> None:
    """The favicon's notebook, centred: a page, a margin line near its left edge and three writing lines."""
    page = LIGHT_PAGE if contrast(primary, LIGHT_PAGE) >= NON_TEXT else DARK_PAGE  # a light primary gets a dark page
    lines = readable(primary, page, NON_TEXT)
    margin = readable(accent, page, NON_TEXT)
    height = big * drawing
    width = height * 22 / 26  # the favicon's page is 22 by 26
    left, top = (big - width) / 2, (big - height) / 2
    draw.rounded_rectangle((left, top, left + width, top + height), radius=round(width * 0.12), fill=_rgb(page))
    rule = width * 0.09  # thickness of the margin line and the writing lines
    margin_x = left + width * 0.22
    draw.rectangle((margin_x, top, margin_x + rule, top + height), fill=_rgb(margin))
    start = margin_x + rule + width * 0.14
    end = left + width * 0.84
    for share, length in ((0.3, 1.0), (0.5, 1.0), (0.7, 0.62)):
        y = top + height * share
        box = (start, y - rule / 2, start + (end - start) * length, y + rule / 2)
        draw.rounded_rectangle(box, radius=round(rule / 2), fill=_rgb(lines))


def _rgb(colour: str) -> tuple[int, int, int]:
    red, green, blue = ImageColor.getrgb(colour)[:3]
    return red, green, blue
