"""The papers the PDFs are made in, and the one page their parts are laid out on for all of them.

Stage 5 (pdf) lays each part (a worksheet, an exercise's facilitator material, a pack's front) out
once, whatever paper it is printed on (pdf_write.py), on the layout page: as wide as the wider paper
and as tall as the taller, its text where every paper shows it. Each PDF then shows its own paper's
part of that page, centred (pdf_assemble.py): A4 loses a strip at each side, US Letter one at the
top and the bottom, neither any text. So nothing is laid out a second time for the other paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from .downloads import PAPERS, Paper

PAPER_MM: dict[Paper, tuple[float, float]] = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}  # width, height
# The least margins round the text on every paper, in mm: top, sides, bottom (as print.css gives a
# browser's printing).
MARGINS_MM = (14.0, 14.0, 16.0)
POINTS_PER_MM = 72 / 25.4  # PDF page boxes are in points


@dataclass(frozen=True)
class LayoutPage:
    """The page every part is laid out on, and its margins, in mm."""

    width: float
    height: float
    top: float
    side: float
    bottom: float

    def css(self) -> str:
        """Its @page rule, which every part's stylesheets end with (the cover's named page keeps no margin)."""
        return f"@page {{ size: {self.width:g}mm {self.height:g}mm; margin: {self.top:g}mm {self.side:g}mm {self.bottom:g}mm; }}"


def layout_page(papers: tuple[Paper, ...] = PAPERS, margins: tuple[float, float, float] = MARGINS_MM) -> LayoutPage:
    """The layout page for `papers`, on which each keeps at least `margins` (top, sides, bottom) round the text."""
    top, side, bottom = margins
    widths, heights = [PAPER_MM[p][0] for p in papers], [PAPER_MM[p][1] for p in papers]
    width, height = max(widths), max(heights)
    hidden = (height - min(heights)) / 2  # above and below what the shorter paper shows
    return LayoutPage(
        width=width,
        height=height,
        top=round(top + hidden, 2),
        side=round((width - min(widths)) / 2 + side, 2),
        bottom=round(bottom + hidden, 2),
    )


def paper_points(paper: Paper) -> tuple[float, float]:
    """The paper's width and height in points, as a PDF's page boxes give them (A4: 595.28 x 841.89)."""
    width, height = PAPER_MM[paper]
    return width * POINTS_PER_MM, height * POINTS_PER_MM
