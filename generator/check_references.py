"""Stage 2, validate: the checks that span files.

Idea ids are unique across sources; every exercise sits in exactly one chapter; chapters, pages and
the logo that workbook.yml names exist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import ContentError, Loc, did_you_mean, dotted
from .load import Loaded
from .model import Exercise, Source, Workbook

# Pages the generator writes itself (besides chapters/, exercises/ and sources/, which are folders).
GENERATED_PAGES = frozenset({"my-workbook", "facilitator-guide"})


def cross_checks(
    workbook: Workbook,
    wb: Loaded,
    sources: dict[str, tuple[Source, Loaded]],
    exercises: dict[str, tuple[Exercise, Loaded]],
    pages: dict[str, str],
    content_dir: Path,
    rel: Any,
    broken_exercises: set[str],
) -> list[ContentError]:
    errors: list[ContentError] = []

    def at(loaded: Loaded, loc: Loc, message: str, hint: str = "") -> None:
        errors.append(ContentError(loaded.file, *loaded.position(loc), dotted(loc), message, hint))

    # Ideas: unique across all sources.
    idea_home: dict[str, str] = {}
    for _sid, (source, loaded) in sources.items():
        for i, idea in enumerate(source.ideas):
            if idea.id in idea_home:
                at(
                    loaded,
                    ("ideas", i, "id"),
                    f"the idea id `{idea.id}` is already used in {idea_home[idea.id]}",
                    "give each idea its own id",
                )
            else:
                idea_home[idea.id] = loaded.file

    # Chapters and pages in workbook.yml.
    placed: dict[str, str] = {}
    seen_chapters: set[str] = set()
    for c, chapter in enumerate(workbook.chapters):
        if chapter.id in seen_chapters:
            at(wb, ("chapters", c, "id"), f"the chapter id `{chapter.id}` is used twice", "give each chapter its own id")
        seen_chapters.add(chapter.id)
        for e, eid in enumerate(chapter.exercises):
            if eid in broken_exercises:
                placed[eid] = chapter.id
            elif eid not in exercises:
                at(
                    wb,
                    ("chapters", c, "exercises", e),
                    f"no exercise `{eid}` in content/exercises/",
                    did_you_mean(eid, exercises) or f"create content/exercises/{eid}.yml or remove this line",
                )
            elif eid in placed:
                at(
                    wb,
                    ("chapters", c, "exercises", e),
                    f"the exercise `{eid}` is already in chapter `{placed[eid]}`",
                    "list each exercise in one chapter only",
                )
            else:
                placed[eid] = chapter.id
    for eid, (_, loaded) in exercises.items():
        if eid not in placed:
            errors.append(
                ContentError(
                    loaded.file,
                    1,
                    1,
                    "",
                    f"the exercise `{eid}` is in no chapter, so readers could not find it",
                    "add its id to a chapter's `exercises` in content/workbook.yml",
                )
            )
    for ex, loaded in exercises.values():
        ref = ex.history_of
        if ref is None or ref in broken_exercises:
            continue
        if ref not in exercises:
            at(
                loaded,
                ("history_of",),
                f"no exercise `{ref}`",
                did_you_mean(ref, exercises) or "name a scored exercise, or remove the line",
            )
        elif exercises[ref][0].scoring is None:
            at(
                loaded,
                ("history_of",),
                f"the exercise `{ref}` has no `scoring`, so it has no results to show",
                "name an exercise with scored dimensions, or remove the line",
            )
    if "index" not in pages:
        errors.append(
            ContentError(rel(content_dir / "pages" / "index.md"), 0, 0, "", "the home page is missing", "write content/pages/index.md")
        )
    for name in sorted(set(pages) & GENERATED_PAGES):
        errors.append(
            ContentError(
                rel(content_dir / "pages" / f"{name}.md"),
                0,
                0,
                "",
                f"`{name}` is a page the workbook makes itself, so this page would replace it",
                "rename the file (and its entry in `pages`)",
            )
        )
    listed: set[str] = set()
    for p, page in enumerate(workbook.pages):
        if page in listed:
            at(wb, ("pages", p), f"the page `{page}` is listed twice", "list each page once")
            continue
        listed.add(page)
        if page == "index":
            at(wb, ("pages", p), "`index` is the home page and is always first", "remove it from `pages`")
        elif page not in pages:
            at(
                wb,
                ("pages", p),
                f"no page `{page}.md` in content/pages/",
                did_you_mean(page, [k for k in pages if k != "index"]) or f"create content/pages/{page}.md",
            )
    on_path: set[str] = set()
    for i, eid in enumerate(workbook.path):
        if eid in on_path:
            at(wb, ("path", i), f"the exercise `{eid}` is on the path twice", "list each exercise once")
        elif eid not in exercises and eid not in broken_exercises:
            at(wb, ("path", i), f"no exercise `{eid}` in content/exercises/", did_you_mean(eid, exercises) or "remove it from `path`")
        on_path.add(eid)
    if workbook.profile and workbook.profile not in broken_exercises:
        profile = exercises.get(workbook.profile)
        if profile is None:
            at(
                wb,
                ("profile",),
                f"no exercise `{workbook.profile}` in content/exercises/",
                did_you_mean(workbook.profile, exercises) or "name a scored exercise, or remove `profile`",
            )
        elif profile[0].scoring is None:
            at(
                wb,
                ("profile",),
                f"the exercise `{workbook.profile}` has no `scoring`, so it cannot be a profile",
                "name an exercise with scored dimensions, or remove `profile`",
            )
    logo = workbook.theme.logo
    if logo and not (content_dir / logo).resolve().is_relative_to(content_dir.resolve()):
        at(wb, ("theme", "logo"), f"`{logo}` leads out of content/ (a link)", "copy the image itself into content/")
    elif logo and not (content_dir / logo).is_file():
        at(
            wb,
            ("theme", "logo"),
            f"no file `{logo}` in content/",
            "put the image under content/ and give its path relative to content/",
        )
    return errors
