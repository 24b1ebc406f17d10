"""Translations beside the originals (generator/translations.py, check_translation.py): a valid one
merges into the workbook of its language; a missing one is a note and falls back to the original.

Translations that change the structure or leave text out are golden cases in tests/cases/bad/
(translation-*.yml, languages-*.yml, workbook-translation-*.yml).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.docs_folder import docs_files
from generator.model import Content
from generator.translations import for_language
from generator.validate import validate_content

from .conftest import REPO, make_project

FIXTURE = Path(__file__).parent / "fixtures" / "translations" / "all-types.es.yml"
SESSIONS = Path(__file__).parent / "fixtures" / "translations" / "sessions.yml"  # plans for the mini workbook
SESSIONS_ES = SESSIONS.with_name("sessions.es.yml")  # their text in Spanish, without the minutes


def with_languages(root: Path, languages: str = "[en, es]") -> Path:
    wb = root / "content" / "workbook.yml"
    wb.write_text(wb.read_text(encoding="utf-8").replace("language: en\n", f"language: en\nlanguages: {languages}\n"), encoding="utf-8")
    return root


def valid(root: Path) -> Content:
    content, errors = validate_content(root)
    assert not errors, "\n".join(e.format() for e in errors)
    assert content is not None
    return content


def test_a_translation_gives_the_text_and_keeps_the_structure(tmp_path: Path) -> None:
    root = with_languages(make_project(tmp_path / "p"))
    shutil.copy(FIXTURE, root / "content" / "exercises" / "all-types.es.yml")
    content = valid(root)

    spanish = for_language(content, "es")
    original, translated = content.exercises["all-types"], spanish.exercises["all-types"]
    assert translated.title == "Todos los tipos"
    assert translated.scale[0] == "Muy en desacuerdo"
    assert translated.scoring and translated.scoring.overall and translated.scoring.overall.label == "En conjunto"
    assert original.scoring is not None
    # Whatever a reader's answers are keyed and scored by is the original's.
    assert [(i.id, i.type) for i in translated.items] == [(i.id, i.type) for i in original.items]
    for ours, theirs in zip(translated.scoring.dimensions, original.scoring.dimensions, strict=True):
        assert [(b.min, b.max) for b in ours.bands] == [(b.min, b.max) for b in theirs.bands]
    # The original is untouched, and stays the content of its own language.
    assert content.exercises["all-types"].title == "All item types"
    assert for_language(content, "en") is content


def test_a_missing_translation_is_a_note_and_falls_back_to_the_original(tmp_path: Path) -> None:
    root = with_languages(make_project(tmp_path / "p"))
    shutil.copy(FIXTURE, root / "content" / "exercises" / "all-types.es.yml")
    content = valid(root)

    notes = {n.file: n.message for n in content.notes}
    assert "content/exercises/runway.es.yml" in notes
    assert "content/exercises/all-types.es.yml" not in notes
    assert "shows content/exercises/runway.yml untranslated" in notes["content/exercises/runway.es.yml"]
    assert {"content/workbook.es.yml", "content/pages/about.es.md", "content/sources/an-article.es.yml"} <= set(notes)

    spanish = for_language(content, "es")
    assert spanish.exercises["runway"] is content.exercises["runway"]
    assert spanish.untranslated == {"workbook", "exercises/runway", "pages/about", "pages/index", "sources/an-article"}
    assert spanish.workbook.language == "es", "the fallback is still the Spanish site"
    assert spanish.workbook.title == content.workbook.title


def test_translated_pages_and_workbook_are_merged(tmp_path: Path) -> None:
    root = with_languages(make_project(tmp_path / "p"))
    (root / "content" / "pages" / "about.es.md").write_text("# Acerca de\n\nEste cuaderno.\n", encoding="utf-8")
    wb = (root / "content" / "workbook.yml").read_text(encoding="utf-8")
    wb = wb.replace("title: Mini workbook", "title: Mini cuaderno").replace("title: First chapter", "title: Primer capítulo")
    wb = wb.replace("language: en\nlanguages: [en, es]\n", "language: es\nstrings:\n  widget.clear: Borrar mis respuestas\n")
    (root / "content" / "workbook.es.yml").write_text(wb, encoding="utf-8")
    content = valid(root)

    spanish = for_language(content, "es")
    assert spanish.pages["about"].startswith("# Acerca de")
    assert spanish.pages["index"] == content.pages["index"]
    assert spanish.workbook.title == "Mini cuaderno"
    assert spanish.workbook.chapters[0].title == "Primer capítulo"
    assert spanish.workbook.language == "es"
    assert spanish.workbook.strings == {"widget.clear": "Borrar mis respuestas"}
    assert "workbook" not in spanish.untranslated and "pages/about" not in spanish.untranslated


def test_an_exercise_that_fails_its_checks_is_reported_once_not_through_every_page_linking_to_it(tmp_path: Path) -> None:
    root = with_languages(make_project(tmp_path / "p"))
    runway = root / "content" / "exercises" / "runway.yml"
    runway.write_text(runway.read_text(encoding="utf-8").replace("minutes:", "minutos:", 1), encoding="utf-8")
    link = "See [the runway](exercises/runway.md).\n"
    about = root / "content" / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + link, encoding="utf-8")
    (root / "content" / "pages" / "about.es.md").write_text("# Acerca de\n\n" + link, encoding="utf-8")
    _, errors = validate_content(root)
    assert errors, "the broken exercise is reported"
    assert {e.file for e in errors} == {"content/exercises/runway.yml"}


def test_a_sessions_translation_gives_the_text_and_the_original_the_timings(tmp_path: Path) -> None:
    root = with_languages(make_project(tmp_path / "p"))
    shutil.copy(SESSIONS, root / "content" / "sessions.yml")
    shutil.copy(SESSIONS_ES, root / "content" / "sessions.es.yml")
    content = valid(root)

    spanish = for_language(content, "es")
    assert "sessions" not in spanish.untranslated
    assert "content/sessions.es.yml" not in {n.file for n in content.notes}
    taster, money = spanish.sessions
    assert (taster.title, taster.purpose) == ("Degustación a la hora del almuerzo", "Un primer vistazo a cada tipo de pregunta.")
    assert [s.activity or s.discussion or s.note for s in taster.slots] == [
        "Bienvenida",
        "Cada persona responde en privado.",
        "¿Qué dijeron las puntuaciones?",
        "",
    ]
    assert money.slots[0].note == "Nadie comparte cifras." and money.slots[1].discussion == "¿Necesitas un empleo o lo quieres?"
    # The workshop is the same in every language: the translation leaves the minutes out, the original gives them.
    for ours, theirs in zip(spanish.sessions, content.sessions, strict=True):
        assert (ours.id, ours.minutes) == (theirs.id, theirs.minutes)
        assert [(s.kind, s.exercise, s.minutes) for s in ours.slots] == [(s.kind, s.exercise, s.minutes) for s in theirs.slots]
    assert content.sessions[0].title == "Lunchtime taster", "the original is untouched"


def test_a_missing_sessions_translation_is_a_note_and_the_plans_fall_back(tmp_path: Path) -> None:
    root = with_languages(make_project(tmp_path / "p"))
    shutil.copy(SESSIONS, root / "content" / "sessions.yml")
    content = valid(root)

    notes = {n.file: n.message for n in content.notes}
    assert notes["content/sessions.es.yml"] == "no `es` translation: the `es` site shows content/sessions.yml untranslated, with a notice"
    spanish = for_language(content, "es")
    assert spanish.sessions is content.sessions
    assert "sessions" in spanish.untranslated
    run = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "check"], capture_output=True, text=True)
    assert run.returncode == 0 and "note: content/sessions.es.yml: no `es` translation" in run.stderr, run.stderr


def test_without_session_plans_there_is_nothing_to_translate(tmp_path: Path) -> None:
    content = valid(with_languages(make_project(tmp_path / "p")))

    assert "content/sessions.es.yml" not in {n.file for n in content.notes}
    assert "sessions" not in for_language(content, "es").untranslated, "the automatic plans are worded by the strings tables"


def test_a_language_not_listed_is_skipped_with_a_note(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    shutil.copy(FIXTURE, root / "content" / "exercises" / "all-types.es.yml")
    content = valid(root)

    assert [(n.file, n.message) for n in content.notes] == [
        ("content/exercises/all-types.es.yml", "skipped: `es` is not in `languages` (en)")
    ]
    assert content.translations == {}
    with pytest.raises(ValueError, match="`es` is not one of the workbook's languages"):
        for_language(content, "es")


def test_translations_are_not_taken_for_new_exercises_or_pages(tmp_path: Path) -> None:
    root = with_languages(make_project(tmp_path / "p"))
    shutil.copy(FIXTURE, root / "content" / "exercises" / "all-types.es.yml")
    (root / "content" / "pages" / "about.es.md").write_text("# Acerca de\n", encoding="utf-8")
    content = valid(root)

    assert list(content.exercises) == ["all-types", "runway"]
    assert sorted(content.pages) == ["about", "index"]


def test_the_shipped_workbook_is_complete_in_spanish() -> None:
    content = valid(REPO)

    assert "es" in content.workbook.languages
    assert not [n.format() for n in content.notes if "translation" in n.message], "every file has its Spanish translation"
    spanish = for_language(content, "es")
    assert spanish.untranslated == frozenset()
    assert spanish.workbook.language == "es"
    for eid, exercise in content.exercises.items():
        translated = spanish.exercises[eid]
        assert translated.title != exercise.title, eid
        assert [(i.id, i.type) for i in translated.items] == [(i.id, i.type) for i in exercise.items], eid
    for page, text in content.pages.items():
        assert spanish.pages[page] != text, page
    assert content.sessions, "the shipped workbook has session plans"
    for ours, theirs in zip(spanish.sessions, content.sessions, strict=True):
        assert ours.title != theirs.title and ours.purpose != theirs.purpose, theirs.id
        assert [(s.exercise, s.minutes) for s in ours.slots] == [(s.exercise, s.minutes) for s in theirs.slots], theirs.id
    about = spanish.pages["about-the-sources"]
    assert "inglés" in about, "the Spanish page says the sources are in English"
    for source in content.sources:
        assert source.title in about or source.title in " ".join(s.title for s in spanish.sources)
        assert next(s for s in spanish.sources if s.id == source.id).title == source.title, "credited by the English title"


def test_workbook_check_prints_the_missing_translations_as_notes(tmp_path: Path) -> None:
    root = with_languages(make_project(tmp_path / "p"))
    shutil.copy(FIXTURE, root / "content" / "exercises" / "all-types.es.yml")

    run = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "check"], capture_output=True, text=True)

    assert run.returncode == 0, run.stderr
    assert "content is valid" in run.stdout
    assert "note: content/exercises/runway.es.yml: no `es` translation" in run.stderr
    assert "all-types.es.yml" not in run.stderr


def test_the_renderer_takes_the_spanish_content_as_it_is() -> None:
    """for_language gives the model objects render already reads: the Spanish pages render, with the
    Spanish text, and each form's spec (ids, values, bounds) is the English one's."""
    content = valid(REPO)
    english = docs_files(content, REPO / "templates")
    spanish = docs_files(for_language(content, "es"), REPO / "templates")

    assert sorted(spanish) == sorted(english), "the same pages, under the same names"
    page = spanish["exercises/network-map.md"].decode("utf-8")
    assert "Mapa de contactos" in page and "Fuera de mi empleador, en mi sector" in page
    assert "Outside my employer" not in page
    for name in english:
        if name.startswith("exercises/") and name.endswith(".md"):
            assert _same_scoring(spec_of(spanish[name]), spec_of(english[name])), name


def spec_of(page: bytes) -> dict[str, object]:
    match = re.search(r'<script type="application/json" class="wb-spec">(.*?)</script>', page.decode("utf-8"), re.S)
    assert match, "every exercise page carries its spec"
    data = json.loads(match.group(1))
    assert isinstance(data, dict)
    return data


TEXT_KEYS = {"title", "label"}  # what a spec holds as wording; ids, types, numbers and urls are structure


def _same_scoring(a: object, b: object, key: str = "") -> bool:
    """Equal apart from the wording: same keys, ids, types, numbers and list lengths."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same_scoring(a[k], b[k], k) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_scoring(x, y, key) for x, y in zip(a, b, strict=True))
    if key in TEXT_KEYS and isinstance(a, str) and isinstance(b, str):
        return True
    return a == b
