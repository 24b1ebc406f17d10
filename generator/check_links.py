"""Stage 2, validate: links in the content's Markdown lead to pages the build makes.

The engine's strict build fails on a link to a missing page, but names the generated page; this
finds the same links before anything is built, in the file and on the line where they were
written: hand-written pages, and the Markdown fields of workbook.yml, exercises and sources. A link
with an anchor must name one the page has: a heading of a hand-written page (as the `toc`
extension makes its id), or an idea of a source (`sources/<id>.md#<idea>`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import Any

from markdown.extensions.toc import slugify

from .errors import ContentError, Loc, did_you_mean, dotted
from .load import Loaded
from .messages import say
from .model import Exercise, Source, Workbook

LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def heading_ids(text: str) -> set[str]:
    """The ids the `toc` extension gives the headings of a Markdown page (an explicit `{#id}` wins)."""
    ids: set[str] = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, flags=re.M):
        explicit = re.search(r"\{\s*#([\w-]+)[^}]*\}\s*$", heading)
        ids.add(explicit.group(1) if explicit else slugify(re.sub(r"\{[^}]*\}\s*$", "", heading), "-"))
    return ids


def generated_pages(
    workbook: Workbook, sources: list[Source], exercise_ids: set[str], pages: dict[str, str], broken: set[str]
) -> dict[str, set[str] | None]:
    """Every page of the docs folder -> the anchors a link may name on it (None where the generator's
    templates make them, which are not checked). `broken`: pages of files that failed their own checks."""
    out: dict[str, set[str] | None] = {f"{p}.md": heading_ids(text) for p, text in pages.items()}
    out |= {"my-workbook.md": None, "facilitator-guide.md": None}
    out |= {f"exercises/{e}.md": None for e in exercise_ids}
    out |= {f"chapters/{c.id}.md": None for c in workbook.chapters}
    out |= {f"sources/{s.id}.md": {i.id for i in s.ideas} for s in sources}
    out |= dict.fromkeys(broken)
    return out


def link_problems(text: str, page: str, known: dict[str, set[str] | None]) -> Iterator[tuple[int, str, str]]:
    """(line within `text`, message, hint) for each Markdown link from `page` to a page that will not exist."""
    for match in LINK.finditer(text):
        target = match.group(1)
        if SCHEME.match(target) or target.startswith(("#", "/")):
            continue
        path, _, anchor = target.partition("#")
        if not path.endswith(".md"):
            continue  # images and files: the engine copies what is there
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        line = text.count("\n", 0, match.start()) + 1
        if resolved not in known:
            near = did_you_mean(resolved, known)
            yield line, say("check.link-no-page", target=target, resolved=resolved), near or say("check.link-no-page-hint")
        elif anchor and (ideas := known[resolved]) is not None and anchor not in ideas:
            yield line, say("check.link-no-anchor", target=target, anchor=anchor), did_you_mean(anchor, ideas)


def markdown_fields(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every text value in a file's data with its place (links only matter in Markdown, but a plain
    text field with a link in it would show the link as text, so every text is read)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from markdown_fields(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from markdown_fields(value, (*loc, i))
    elif isinstance(data, str):
        yield loc, data


def links_checks(
    workbook: Workbook,
    wb: Loaded,
    sources: dict[str, tuple[Source, Loaded]],
    exercises: dict[str, tuple[Exercise, Loaded]],
    pages: dict[str, str],
    page_files: dict[str, str],
    broken: set[str],
) -> list[ContentError]:
    """`page_files`: page id -> the file it was read from, as errors name it; `broken`: the pages of
    exercises and sources that failed their own checks (reported already, and still there)."""
    known = generated_pages(workbook, [s for s, _ in sources.values()], set(exercises), pages, broken)
    errors: list[ContentError] = []
    for page_id, text in pages.items():
        for line, message, hint in link_problems(text, f"{page_id}.md", known):
            errors.append(ContentError(page_files[page_id], line, 0, "", message, hint))
    files: list[tuple[Loaded, str]] = [(wb, "chapters/_.md")]
    files += [(loaded, f"exercises/{e}.md") for e, (_, loaded) in exercises.items()]
    files += [(loaded, f"sources/{s}.md") for s, (_, loaded) in sources.items()]
    for loaded, page in files:
        for loc, text in markdown_fields(loaded.data):
            for offset, message, hint in link_problems(text, page, known):
                line, column = loaded.position(loc)
                errors.append(ContentError(loaded.file, line + (offset - 1 if "\n" in text else 0), column, dotted(loc), message, hint))
    return errors
