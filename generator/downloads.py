"""Where the downloads live under the built site: the PDF packs, single worksheets and the offline copy.

Render links these paths, pdf.py writes them and build.py zips the offline copy into them; the names
are stated once, here.
"""

from __future__ import annotations

DOWNLOADS = "downloads"
PARTICIPANT_PACK = "participant-pack.pdf"
FACILITATOR_PACK = "facilitator-pack.pdf"


def worksheet_pdf(exercise_id: str) -> str:
    return f"worksheets/{exercise_id}.pdf"


OFFLINE_ZIP = "workbook-offline.zip"  # the whole site, to open from disk
