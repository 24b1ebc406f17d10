"""The interface wording in other languages (generator/locales/*.yml): every table has exactly the
English ids of generator/strings.py, each with the English text's placeholders.

When an id is added to strings.py, this test names it for every language still to translate.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.strings import DEFAULTS, LOCALES, default_of, defaults_for, languages_with_tables, locale_table, placeholders, plural_variant

TABLES = sorted(LOCALES.glob("*.yml"))


def test_spanish_ships() -> None:
    assert "es" in languages_with_tables()


@pytest.mark.parametrize("path", TABLES, ids=[p.stem for p in TABLES])
def test_a_table_has_exactly_the_english_ids(path: Path) -> None:
    language = path.stem
    table = locale_table(language)
    missing = [k for k in DEFAULTS if k not in table]
    # `.few`, `.many`: the language's own forms; `field.`: the model's descriptions (tests/test_messages.py checks those)
    extra = sorted(k for k in set(table) - set(DEFAULTS) if not plural_variant(k) and not k.startswith("field."))
    assert not missing, f"generator/locales/{language}.yml lacks (translate them): {missing}"
    assert not extra, f"generator/locales/{language}.yml has ids strings.py does not (remove or rename them): {extra}"


@pytest.mark.parametrize("path", TABLES, ids=[p.stem for p in TABLES])
def test_a_table_keeps_every_placeholder(path: Path) -> None:
    language = path.stem
    wrong = {
        key: (sorted(placeholders(default_of(key) or "")), sorted(placeholders(text)))
        for key, text in locale_table(language).items()
        if default_of(key) is not None and placeholders(text) != placeholders(default_of(key) or "")
    }
    assert not wrong, f"generator/locales/{language}.yml: id -> (English placeholders, these): {wrong}"


@pytest.mark.parametrize("path", TABLES, ids=[p.stem for p in TABLES])
def test_a_table_is_plain_text_in_one_flat_mapping(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert all(isinstance(v, str) and v.strip() for v in data.values()), "every text is a non-empty string (quote it in YAML)"


def test_defaults_for_a_language() -> None:
    spanish = defaults_for("es")
    assert spanish["widget.clear"] == "Borrar mis respuestas"
    assert defaults_for("es-MX") == spanish, "a regional variant without its own table takes the language's"
    assert defaults_for("en") == DEFAULTS
    # A code no language has, so a fork that adds a table (fr.yml, say) keeps this test true.
    assert defaults_for("zz") == DEFAULTS, "a language without a table shows the English texts"
    assert set(spanish) == set(DEFAULTS)


def test_strings_js_in_spanish_keeps_the_overrides() -> None:
    from generator.strings import effective

    table = effective({"widget.add-row": "Añadir un contacto"}, "es")
    assert table["widget.add-row"] == "Añadir un contacto"
    assert table["widget.clear"] == "Borrar mis respuestas"


# --- `workbook check` holds a forker's table to the same checks (generator/check_locales.py) ------------


def test_workbook_check_reports_a_new_table_with_its_lines(tmp_path: Path) -> None:
    from generator.check_locales import locale_checks

    locales = tmp_path / "generator" / "locales"
    locales.mkdir(parents=True)
    lines = (LOCALES / "es.yml").read_text(encoding="utf-8").splitlines()
    at = {line.split(":", 1)[0]: n for n, line in enumerate(lines)}
    lines[at["widget.clear"]] = 'widget.claer: "Effacer mes réponses"'  # a typo in an id
    lines[at["widget.confirm-clear"]] = 'widget.confirm-clear: "Tout effacer ?"'  # {title} left out
    lines[at["widget.add-row"]] = "widget.add-row: 3"  # not a text
    (locales / "fr.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def rel(path: Path) -> str:
        return path.relative_to(tmp_path).as_posix()

    errors, notes = locale_checks(["en", "fr", "de-CH"], rel, locales)
    found = {(e.file, e.line, e.path): f"{e.message} | {e.hint}" for e in errors}
    assert set(found) == {
        ("generator/locales/fr.yml", at["widget.clear"] + 1, "widget.claer"),
        ("generator/locales/fr.yml", at["widget.confirm-clear"] + 1, "widget.confirm-clear"),
        ("generator/locales/fr.yml", at["widget.add-row"] + 1, "widget.add-row"),
    }
    assert "did you mean `widget.clear`?" in found[("generator/locales/fr.yml", at["widget.clear"] + 1, "widget.claer")]
    assert "leaves out `{title}`" in found[("generator/locales/fr.yml", at["widget.confirm-clear"] + 1, "widget.confirm-clear")]
    [missing, no_table] = notes
    assert (
        missing.file == "generator/locales/fr.yml"
        and "`widget.clear`" in missing.message
        and "1 id has no text here and shows in English" in missing.message
    )
    assert no_table.file == "generator/locales/de.yml" and "`de-CH`" in no_table.message
    assert "copy generator/locales/es.yml" in no_table.hint


def test_the_shipped_tables_pass_workbook_check() -> None:
    from generator.check_locales import locale_checks

    assert locale_checks(languages_with_tables(), str) == ([], [])
