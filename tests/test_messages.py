"""The messages to authors in the author's language (generator/messages.py, ids in generator/strings_check.py):
the terminal's locale first, then the workbook's `language`, then English.

That every id has its Spanish with the same placeholders is tests/test_locales.py's (the ids are in
DEFAULTS); that no checking or build module words a message itself is tests/test_wording.py's. The
fields' descriptions quoted in hints are the model's (English) with `field.<Model>.<name>` in each table.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import workbook_language
from generator.field_errors import field_descriptions
from generator.messages import author_language, say, speaking
from generator.strings import LOCALES, locale_table
from generator.validate import validate_content

from .conftest import REPO

TABLES = sorted(LOCALES.glob("*.yml"))
SPANISH = {"LANG": "es_ES.UTF-8"}
NO_LANGUAGE = {"LANG": "C"}


@pytest.mark.parametrize(
    ("environ", "workbook", "expected"),
    [
        (SPANISH, "en", "es"),  # the terminal's language first
        ({"LANG": "es_MX.UTF-8"}, None, "es"),
        (NO_LANGUAGE, "en", "en"),
        (NO_LANGUAGE, "es", "es"),  # a terminal naming no language: the workbook's
        ({"LC_ALL": "C.UTF-8", "LANG": "es_ES.UTF-8"}, "en", "es"),  # C names no language: the next variable says
        ({"LANGUAGE": "fr:es", "LANG": "en_GB.UTF-8"}, "en", "es"),  # LANGUAGE lists several, the first with a table wins
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "es_ES.UTF-8"}, "es", "en"),  # LC_MESSAGES before LANG, as gettext reads them
        ({"LANGUAGE": "en", "LANG": "es_ES.UTF-8"}, "es", "en"),  # English for one run: LANGUAGE=en workbook check
        ({"LANG": "de_DE.UTF-8"}, "es-MX", "es"),  # no German table: the workbook's language, regional variant and all
        ({"LANG": "de_DE.UTF-8"}, "de", "en"),
        ({}, None, "en"),  # nothing known, or workbook.yml unreadable: English
    ],
)
def test_the_author_language(environ: dict[str, str], workbook: str | None, expected: str) -> None:
    assert author_language(environ, workbook) == expected


def test_the_workbook_language_is_read_when_the_file_can_be(project: Path) -> None:
    wb = project / "content" / "workbook.yml"
    assert workbook_language(project) == "en"
    wb.write_text(wb.read_text(encoding="utf-8").replace("language: en", "language: es"), encoding="utf-8")
    assert workbook_language(project) == "es"
    wb.write_text("title: [unclosed\n", encoding="utf-8")
    assert workbook_language(project) is None, "a broken workbook.yml: its problems are reported in English, not a traceback"
    levels = "abcdefghijkl"  # each level three times the one before: 3**11 values
    bomb = "".join(f"{c}: &{c} [*{p}, *{p}, *{p}]\n" for p, c in itertools.pairwise(levels))
    wb.write_text('language: es\na: &a ["x", "x"]\n' + bomb, encoding="utf-8")
    assert workbook_language(project) is None, "an alias bomb is refused by the loader's limits before it costs anything"
    wb.unlink()
    assert workbook_language(project) is None


def break_content(project: Path) -> None:
    """Three problems: a value of the wrong kind, and a field misspelt (unknown, and so the right one missing)."""
    wb = project / "content" / "workbook.yml"
    wb.write_text(wb.read_text(encoding="utf-8").replace("title: ", "title: 3 #", 1), encoding="utf-8")
    runway = project / "content" / "exercises" / "runway.yml"
    text = runway.read_text(encoding="utf-8")
    runway.write_text(text.replace("minutes:", "minutos:", 1), encoding="utf-8")


def check(project: Path, environ: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")} | environ
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "check"], capture_output=True, text=True, env=env, cwd=REPO
    )


def test_a_spanish_terminal_reads_the_problems_in_spanish(project: Path) -> None:
    break_content(project)

    run = check(project, SPANISH)

    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert "content/workbook.yml:1:8: title: se esperaba texto, pero se encontró el número `3`" in lines
    assert '    sugerencia: ponlo entre comillas: "3"' in lines
    assert "content/exercises/runway.yml:4:1: minutos: campo desconocido `minutos`" in lines
    assert "    sugerencia: ¿quisiste decir `minutes`?" in lines
    assert any(line.startswith("content/exercises/runway.yml:1:1: minutes: falta el campo obligatorio `minutes`") for line in lines)
    assert lines[-1] == "Hay 3 problemas en el contenido; corrígelos y comprueba de nuevo."
    assert "hint" not in run.stderr and "found" not in run.stderr


def test_a_terminal_naming_no_language_reads_the_workbooks(project: Path) -> None:
    break_content(project)

    english = check(project, NO_LANGUAGE)  # the mini workbook is `language: en`

    lines = english.stderr.splitlines()
    assert "content/workbook.yml:1:8: title: expected text, found the number `3`" in lines
    assert '    hint: put it in quotes: "3"' in lines
    assert lines[-1] == "3 problems found in the content; fix them and run again."

    wb = project / "content" / "workbook.yml"
    wb.write_text(wb.read_text(encoding="utf-8").replace("language: en", "language: es"), encoding="utf-8")
    assert check(project, NO_LANGUAGE).stderr.splitlines()[-1] == "Hay 3 problemas en el contenido; corrígelos y comprueba de nuevo."


def test_valid_content_and_a_refused_build_in_spanish(project: Path) -> None:
    assert check(project, SPANISH).stdout.strip() == "el contenido es válido"
    env = {k: v for k, v in os.environ.items() if k != "LANGUAGE"} | SPANISH
    run = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "build", "--no-pdf", "--site", str(project / "content")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 1
    assert "forma parte de las fuentes del proyecto" in run.stderr and "No se generó nada." in run.stderr


def test_one_problem_is_counted_in_the_singular(project: Path) -> None:
    wb = project / "content" / "workbook.yml"
    wb.write_text(wb.read_text(encoding="utf-8").replace("title: ", "title: 3 #", 1), encoding="utf-8")
    assert check(project, SPANISH).stderr.splitlines()[-1] == "Hay 1 problema en el contenido; corrígelo y comprueba de nuevo."
    assert check(project, NO_LANGUAGE).stderr.splitlines()[-1] == "1 problem found in the content; fix it and run again."


def test_band_limits_are_numbers_of_the_language(project: Path) -> None:
    """A gap between bands, in a pipeline spoken in Spanish: "3,5", and the field's place as in English."""
    runway = project / "content" / "exercises" / "runway.yml"
    text = runway.read_text(encoding="utf-8")
    assert "- {min: 3, label: Long" in text, "the fixture's bands, to break"
    runway.write_text(text.replace("- {min: 3, label: Long", "- {min: 3.5, label: Long"), encoding="utf-8")

    _, english = validate_content(project)
    with speaking("es"):
        _, spanish = validate_content(project)

    assert [(e.file, e.line, e.column, e.path) for e in english] == [(e.file, e.line, e.column, e.path) for e in spanish]
    [gap] = [e for e in spanish if "hueco" in e.message]
    assert gap.message == "hueco entre franjas: las puntuaciones de 3 a 3,5 no caen en ninguna franja"
    assert gap.hint.startswith("pon el `min` de la franja `Long` en 3 (")
    assert "gap between bands: scores from 3 up to 3.5 fall in no band" in [e.message for e in english]


def test_the_model_checks_speak_spanish_too(project: Path) -> None:
    """A validator of generator/model.py raises an id with its values: they are worded in the author's language."""
    wb = project / "content" / "workbook.yml"
    wb.write_text(wb.read_text(encoding="utf-8") + "paper: A5\ntheme:\n  primary: red\n", encoding="utf-8")
    with speaking("es"):
        _, errors = validate_content(project)
    assert [(e.path, e.message) for e in sorted(errors)] == [
        ("paper", "se esperaba 'a4' o 'letter', pero se encontró el texto `A5`"),  # pydantic's "or" too
        ("theme.primary", "se esperaba un color hexadecimal, como '#2f5d50'"),
    ]


def test_a_workbook_cannot_override_the_messages_to_authors(project: Path) -> None:
    """`strings:` changes what readers see; an id of a message to authors is unknown there."""
    wb = project / "content" / "workbook.yml"
    wb.write_text(wb.read_text(encoding="utf-8") + 'strings:\n  check.file-empty: "Nothing here"\n', encoding="utf-8")
    _, errors = validate_content(project)
    assert [(e.path, e.message) for e in errors] == [("strings.check.file-empty", "unknown string id `check.file-empty`")]


def test_the_help_speaks_the_terminals_language() -> None:
    env = {k: v for k, v in os.environ.items() if k != "LANGUAGE"} | SPANISH
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--help"], capture_output=True, text=True, env=env, cwd=REPO)
    assert run.returncode == 0
    top = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True, text=True, env=env, cwd=REPO)
    assert "comprueba el contenido sin generar el sitio" in top.stdout and "carpeta del proyecto" in top.stdout


def test_outside_the_command_messages_are_english() -> None:
    """A program calling the stages itself gets English unless it says otherwise (`speaking`)."""
    assert say("check.file-empty") == "the file is empty"
    with speaking("es"):
        assert say("check.file-empty") == "el archivo está vacío"
    assert say("check.file-empty") == "the file is empty"


# --- the fields' descriptions, quoted in hints ------------------------------------------------------------


@pytest.mark.parametrize("path", TABLES, ids=[p.stem for p in TABLES])
def test_a_table_describes_exactly_the_models_fields(path: Path) -> None:
    fields = field_descriptions()
    assert len(fields) > 50, "the scan sees the model"
    table = {k: v for k, v in locale_table(path.stem).items() if k.startswith("field.")}
    missing = sorted(fields.keys() - table.keys())
    extra = sorted(table.keys() - fields.keys())
    assert not missing, f"generator/locales/{path.name} lacks these fields' descriptions (translate them): {missing}"
    assert not extra, f"generator/locales/{path.name} describes fields generator/model.py does not have: {extra}"
    assert not [k for k in fields if table[k] == fields[k]], "a description left in English"


def test_a_missing_fields_hint_quotes_its_description_in_the_authors_language(project: Path) -> None:
    runway = project / "content" / "exercises" / "runway.yml"
    runway.write_text(runway.read_text(encoding="utf-8").replace("minutes:", "minutos:", 1), encoding="utf-8")
    _, english = validate_content(project)
    with speaking("es"):
        _, spanish = validate_content(project)
    assert "add `minutes:` (Time a reader or workshop needs.)" in [e.hint for e in english]
    assert "añade `minutes:` (El tiempo que necesita un lector o un taller.)" in [e.hint for e in spanish]
