"""Stage 2, validate: the checks that span files.

Idea ids are unique across sources; every exercise sits in exactly one chapter; chapters, pages and
the logo that workbook.yml names exist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import ContentError, Loc, did_you_mean, dotted
from .load import Loaded
from .messages import say
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
                    say("check.idea-id-used", id=idea.id, file=idea_home[idea.id]),
                    say("check.idea-id-used-hint"),
                )
            else:
                idea_home[idea.id] = loaded.file

    # Chapters and pages in workbook.yml.
    placed: dict[str, str] = {}
    seen_chapters: set[str] = set()
    for c, chapter in enumerate(workbook.chapters):
        if chapter.id in seen_chapters:
            at(wb, ("chapters", c, "id"), say("check.chapter-id-twice", id=chapter.id), say("check.chapter-id-twice-hint"))
        seen_chapters.add(chapter.id)
        for e, eid in enumerate(chapter.exercises):
            if eid in broken_exercises:
                placed[eid] = chapter.id
            elif eid not in exercises:
                at(
                    wb,
                    ("chapters", c, "exercises", e),
                    say("check.no-exercise-file", id=eid),
                    did_you_mean(eid, exercises) or say("check.create-exercise-hint", id=eid),
                )
            elif eid in placed:
                at(
                    wb,
                    ("chapters", c, "exercises", e),
                    say("check.exercise-in-chapter", id=eid, chapter=placed[eid]),
                    say("check.exercise-in-chapter-hint"),
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
                    say("check.exercise-no-chapter", id=eid),
                    say("check.exercise-no-chapter-hint"),
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
                say("check.no-exercise", id=ref),
                did_you_mean(ref, exercises) or say("check.history-of-hint"),
            )
        elif exercises[ref][0].scoring is None:
            at(
                loaded,
                ("history_of",),
                say("check.history-unscored", id=ref),
                say("check.history-unscored-hint"),
            )
    if "index" not in pages:
        errors.append(
            ContentError(rel(content_dir / "pages" / "index.md"), 0, 0, "", say("check.home-missing"), say("check.home-missing-hint"))
        )
    for name in sorted(set(pages) & GENERATED_PAGES):
        errors.append(
            ContentError(
                rel(content_dir / "pages" / f"{name}.md"),
                0,
                0,
                "",
                say("check.page-generated", name=name),
                say("check.page-generated-hint"),
            )
        )
    listed: set[str] = set()
    for p, page in enumerate(workbook.pages):
        if page in listed:
            at(wb, ("pages", p), say("check.page-twice", page=page), say("check.page-twice-hint"))
            continue
        listed.add(page)
        if page == "index":
            at(wb, ("pages", p), say("check.page-index"), say("check.page-index-hint"))
        elif page not in pages:
            at(
                wb,
                ("pages", p),
                say("check.no-page", page=page),
                did_you_mean(page, [k for k in pages if k != "index"]) or say("check.no-page-hint", page=page),
            )
    on_path: set[str] = set()
    for i, eid in enumerate(workbook.path):
        if eid in on_path:
            at(wb, ("path", i), say("check.path-twice", id=eid), say("check.path-twice-hint"))
        elif eid not in exercises and eid not in broken_exercises:
            at(wb, ("path", i), say("check.no-exercise-file", id=eid), did_you_mean(eid, exercises) or say("check.path-remove-hint"))
        on_path.add(eid)
    if workbook.profile and workbook.profile not in broken_exercises:
        profile = exercises.get(workbook.profile)
        if profile is None:
            at(
                wb,
                ("profile",),
                say("check.no-exercise-file", id=workbook.profile),
                did_you_mean(workbook.profile, exercises) or say("check.profile-hint"),
            )
        elif profile[0].scoring is None:
            at(
                wb,
                ("profile",),
                say("check.profile-unscored", id=workbook.profile),
                say("check.profile-unscored-hint"),
            )
    logo = workbook.theme.logo
    if logo and not (content_dir / logo).resolve().is_relative_to(content_dir.resolve()):
        at(wb, ("theme", "logo"), say("check.logo-outside", logo=logo), say("check.logo-outside-hint"))
    elif logo and not (content_dir / logo).is_file():
        at(
            wb,
            ("theme", "logo"),
            say("check.no-logo", logo=logo),
            say("check.no-logo-hint"),
        )
    return errors
