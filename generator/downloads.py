"""Where the downloads live under the built site: the PDF packs, single worksheets and the offline copy.

Render links these paths, pdf.py writes them and build.py zips the offline copy into them; the names
are stated once, here.
"""

from __future__ import annotations

from typing import Literal

DOWNLOADS = "downloads"
Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")  # every pack is made in each; readers see the `paper.<paper>` string's name
PackKind = Literal["participant", "facilitator"]


def pack_pdf(kind: PackKind, paper: Paper) -> str:
    """e.g. participant-pack-a4.pdf, facilitator-pack-letter.pdf"""
    return f"{kind}-pack-{paper}.pdf"


PARTICIPANT_PACK = pack_pdf("participant", "a4")  # what a page links when it names one pack (the A4 one)
FACILITATOR_PACK = pack_pdf("facilitator", "a4")


def worksheet_pdf(exercise_id: str) -> str:
    return f"worksheets/{exercise_id}.pdf"


OFFLINE_ZIP = "workbook-offline.zip"  # the whole site, to open from disk
