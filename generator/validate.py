"""Stage 2, validate: loaded YAML -> the checked content model, or every problem found.

Pipeline position: load -> **validate** -> render -> build -> pdf. This module only orders the
checks: each file against its model (content_files.py, field_errors.py), then what spans files
(check_references.py), the wording overrides (check_strings.py), each exercise's ids, dimensions
and bands (check_exercise.py), the optional session plans (check_sessions.py), the translations
beside the originals (translations.py) and last the interface tables of the languages built
(check_locales.py). Problems are collected, never raised.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .check_exercise import exercise_checks
from .check_links import links_checks
from .check_locales import locale_checks
from .check_references import cross_checks
from .check_sessions import sessions_checks
from .check_strings import strings_checks
from .content_files import check_file, check_folder, content_paths, read_page
from .errors import ContentError
from .load import Loaded
from .messages import say
from .model import Content, Exercise, Session, Sessions, Source, Workbook
from .translations import check_translations


def validate_content(root: Path) -> tuple[Content | None, list[ContentError]]:
    """Load and check content/ under the project `root`."""
    content_dir = root / "content"
    errors: list[ContentError] = []

    def rel(p: Path) -> str:
        return p.relative_to(root).as_posix() if p.is_relative_to(root) else str(p)

    if not (content_dir / "workbook.yml").is_file():
        return None, [
            ContentError(
                rel(content_dir / "workbook.yml"),
                0,
                0,
                "",
                say("check.workbook-missing"),
                say("check.workbook-missing-hint"),
            )
        ]

    workbook, wb_loaded = check_file(content_dir / "workbook.yml", rel(content_dir / "workbook.yml"), Workbook, errors)
    notes: list[ContentError] = []
    sources, broken_sources = check_folder(content_dir / "sources", Source, rel, errors, root, notes)
    exercises, broken_exercises = check_folder(content_dir / "exercises", Exercise, rel, errors, root, notes)
    pages: dict[str, str] = {}
    page_files: dict[str, str] = {}
    for path in content_paths(content_dir / "pages", (".md",), root, rel, errors, notes):
        text = read_page(path, rel(path), errors)
        pages[path.stem] = text if text is not None else ""
        page_files[path.stem] = rel(path)

    sessions, sessions_loaded = _read_sessions(content_dir, rel, errors)

    if workbook is None or wb_loaded is None:
        return None, errors
    # A file that failed its own checks is still "there": references to it are not reported again.
    errors += cross_checks(workbook, wb_loaded, sources, exercises, pages, content_dir, rel, broken_exercises)
    errors += strings_checks(workbook, wb_loaded)
    broken = {f"exercises/{e}.md" for e in broken_exercises} | {f"sources/{s}.md" for s in broken_sources}
    errors += links_checks(workbook, wb_loaded, sources, exercises, pages, page_files, broken)
    # With a broken source the ideas are not all known, so unknown ideas are not reported.
    ideas = None if broken_sources else {idea.id for source, _ in sources.values() for idea in source.ideas}
    for exercise, loaded in exercises.values():
        errors += exercise_checks(exercise, loaded, ideas, set(exercises) | broken_exercises)
    if sessions is not None and sessions_loaded is not None:
        errors += sessions_checks(sessions, sessions_loaded, exercises, broken_exercises)
    # Translations are checked against originals that passed their own checks.
    translations, translation_errors, translation_notes = check_translations(
        content_dir,
        rel,
        root,
        (workbook, wb_loaded),
        sources,
        exercises,
        page_files,
        pages,
        (sessions, sessions_loaded) if sessions is not None and sessions_loaded is not None else None,
        frozenset(broken),
    )
    errors += translation_errors
    notes += translation_notes
    # The interface table of each language built (generator/locales/), as the tests check the shipped ones.
    table_errors, table_notes = locale_checks(workbook.languages, rel)
    errors += table_errors
    notes += table_notes
    if errors:
        return None, errors

    ordered = {eid: exercises[eid][0] for ch in workbook.chapters for eid in ch.exercises}
    assets = [content_dir / workbook.theme.logo] if workbook.theme.logo else []
    sources_ = [s for s, _ in sources.values()]
    plans: list[Session] = sessions.sessions if sessions else []
    return Content(root, workbook, sources_, ordered, pages, assets, notes, sessions=plans, translations=translations), []


def _read_sessions(content_dir: Path, rel: Callable[[Path], str], errors: list[ContentError]) -> tuple[Sessions | None, Loaded | None]:
    """content/sessions.yml, which is optional: without it every session plan is assembled automatically."""
    path = content_dir / "sessions.yml"
    misnamed = content_dir / "sessions.yaml"
    if misnamed.exists():
        # Only sessions.yml is read; a .yaml file would otherwise be ignored without a word.
        hint = say("check.sessions-yaml-both-hint" if path.exists() else "check.sessions-yaml-rename-hint")
        errors.append(ContentError(rel(misnamed), 0, 0, "", say("check.sessions-yaml"), hint))
    if not path.exists():
        return None, None
    sessions, loaded = check_file(path, rel(path), Sessions, errors)
    return sessions, loaded
