"""The scripts' wording table (generator/strings.py): defaults, overrides from workbook.yml, the
generated strings.js, and that the scripts ask only for ids the table has.

Bad overrides (unknown ids, placeholders dropped or added) are golden cases in tests/cases/bad/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.bundles import BUNDLES, MY_WORKBOOK_JS, SITE_JS
from generator.docs_folder import docs_files
from generator.strings import ASSET, DEFAULTS, MY_ASSET, effective, my_strings_js, placeholders, strings_js
from generator.strings_build import BUILD
from generator.strings_check import CHECK
from generator.validate import validate_content

from .conftest import REPO

# Every script the site ships (not the vendored ones): a new script is covered without editing this list.
SCRIPTS = sorted((REPO / "templates" / "assets" / "workbook").glob("*.js"))


def table_of(js: str) -> dict[str, str]:
    """The table a script sets (strings.js) or adds (my-strings.js), also when other code follows it (a bundle)."""
    match = re.search(r"globalThis\.WorkbookStrings = Object\.assign\(globalThis\.WorkbookStrings \|\| \{\}, (?=\{)", js)
    assert match, js[:200]
    table: dict[str, str] = json.JSONDecoder().raw_decode(js, match.end())[0]
    return table


def site_table(files: dict[str, bytes]) -> dict[str, str]:
    """What the scripts of the My workbook page read: the every-page bundle's table, then its own bundle's added to it."""
    return table_of(files[SITE_JS].decode("utf-8")) | table_of(files[MY_WORKBOOK_JS].decode("utf-8"))


def add_strings(root: Path, yaml_lines: str) -> None:
    wb = root / "content" / "workbook.yml"
    wb.write_text(wb.read_text(encoding="utf-8") + "strings:\n" + yaml_lines, encoding="utf-8")


def test_overrides_replace_only_their_own_ids() -> None:
    table = effective({"widget.clear": "Start again"})
    assert table["widget.clear"] == "Start again"
    assert {k: v for k, v in table.items() if k != "widget.clear"} == {k: v for k, v in DEFAULTS.items() if k != "widget.clear"}


def test_strings_js_is_a_classic_script_setting_the_effective_table() -> None:
    js = strings_js({"widget.add-row": "Add a “person”", "widget.remain.other": "{count} to go </script>", "my.backup-done": "x"})
    overrides = {
        "widget.add-row": "Add a “person”",
        "widget.remain.other": "{count} to go </script>",
        "my.backup-done": "Done: {exercises}, {results}.",
    }
    scripts = {k: v for k, v in effective(overrides).items() if k not in BUILD and k not in CHECK}
    assert table_of(js) | table_of(my_strings_js(overrides)) == scripts
    assert not any(k.startswith("my.") for k in table_of(js)), "an exercise page loads no My workbook wording"
    assert not set(table_of(js)) & set(BUILD), "the pages' and PDFs' wording is written at build time, never sent to the scripts"
    assert not (set(table_of(js)) | set(table_of(my_strings_js({})))) & set(CHECK), "the messages to authors are never sent to readers"


def test_counted_phrases_come_in_pairs_with_the_same_placeholders() -> None:
    for key in DEFAULTS:
        if key.endswith(".one"):
            other = key[: -len(".one")] + ".other"
            assert other in DEFAULTS, key
            # the build's counted phrases may show the things counted instead ("questions 1 and 2")
            assert placeholders(DEFAULTS[key]) == placeholders(DEFAULTS[other]) >= ({"count"} if key not in BUILD else set()), key
        if key.endswith(".other"):
            assert key[: -len(".other")] + ".one" in DEFAULTS, key


def test_the_scripts_ask_only_for_ids_the_table_has_and_use_every_one() -> None:
    literals: set[str] = set()
    for script in SCRIPTS:
        literals |= set(re.findall(r"\"((?:widget|my|app)\.[a-z0-9.-]+)\"", script.read_text(encoding="utf-8")))
    counted = {k.rsplit(".", 1)[0] for k in DEFAULTS if k.endswith((".one", ".other"))}
    prefixes = {lit for lit in literals if lit.endswith("-")}  # "widget.col-" + column
    for lit in literals - prefixes:
        assert lit in DEFAULTS or lit in counted, f"{lit} is used by a script but not in generator/strings.py"
    for key in DEFAULTS.keys() - BUILD.keys() - CHECK.keys():  # the build's own ids are the templates' (test_wording.py)
        base = key.rsplit(".", 1)[0] if key.endswith((".one", ".other")) else key
        assert base in literals or any(base.startswith(p) for p in prefixes), f"{key} is in the table but no script uses it"


def inline_wording(source: str) -> list[str]:
    """String literals in a script's code (comments removed) that read as words for a person:
    any quote style, including template literals, and a lone capitalised word as well as a phrase."""
    code = re.sub(r"/\*[\s\S]*?\*/|^\s*//.*|\s//\s.*", "", source, flags=re.M)
    literals = re.findall(r"\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`", code)
    texts = [next(part for part in parts if part) for parts in literals if any(parts)]
    texts = [t for t in texts if t != "use strict"]  # a directive, not wording
    words = [re.sub(r"\$\{[^}]*\}", " ", t) for t in texts]
    # A phrase is two plain words (not parts of hyphenated CSS classes); a word alone counts when capitalised.
    phrase, word = re.compile(r"(?<![\w-])[A-Za-z]{2,}\s+[a-z]{2,}(?![\w-])"), re.compile(r"[A-Z][a-z]+[.:!?]?")
    return [t for t, w in zip(texts, words, strict=True) if phrase.search(w) or word.fullmatch(w)]


def test_the_wording_guard_finds_words_in_every_quote_style() -> None:
    """Guard against a check that can never fail."""
    assert inline_wording('el.textContent = "Your score";') == ["Your score"]
    assert inline_wording("el.textContent = 'Saved';") == ["Saved"]
    assert inline_wording("el.textContent = `Answer ${n} more questions`;") == ["Answer ${n} more questions"]
    assert inline_wording('const key = "widget.clear"; // Not this comment') == []
    assert inline_wording('el.setAttribute("aria-live", "polite");') == []
    assert inline_wording('el.className = "md-button md-button--primary";') == []


def test_the_scripts_have_no_inline_wording_left() -> None:
    """Words in the scripts' code (not comments) would escape the table."""
    assert {"widget.js", "my-workbook.js", "my-workbook-data.js", "print.js", "scoring.js"} <= {s.name for s in SCRIPTS}
    for script in SCRIPTS:
        assert inline_wording(script.read_text(encoding="utf-8")) == [], script.name


def test_a_valid_override_builds_into_the_site_assets(project: Path) -> None:
    add_strings(project, '  widget.clear: Start again\n  widget.remain.other: "Still {count} to answer."\n')
    content, errors = validate_content(project)
    assert errors == [] and content is not None
    assert content.workbook.strings == {"widget.clear": "Start again", "widget.remain.other": "Still {count} to answer."}
    table = site_table(docs_files(content, project / "templates"))
    assert table["widget.clear"] == "Start again"
    assert table["widget.remain.other"] == "Still {count} to answer."
    assert table["widget.add-row"] == DEFAULTS["widget.add-row"]


def test_without_overrides_the_site_gets_the_defaults(project: Path) -> None:
    content, errors = validate_content(project)
    assert content is not None, errors
    scripts = {k: v for k, v in DEFAULTS.items() if k not in BUILD and k not in CHECK}
    assert site_table(docs_files(content, project / "templates")) == scripts


def test_strings_js_loads_before_the_scripts_that_read_it() -> None:
    assert BUNDLES[SITE_JS][0] == ASSET
    assert {"assets/workbook/widget.js", "assets/workbook/print.js"} <= set(BUNDLES[SITE_JS])
    assert BUNDLES[MY_WORKBOOK_JS][0] == MY_ASSET and "assets/workbook/my-workbook.js" in BUNDLES[MY_WORKBOOK_JS]


def test_the_schema_offers_every_string_id_with_its_default() -> None:
    """Every id a workbook may override; the messages to authors are not among them."""
    schema = json.loads((REPO / "schemas" / "workbook.schema.json").read_text(encoding="utf-8"))
    strings = schema["properties"]["strings"]
    assert strings["additionalProperties"] is False
    assert {k: v["default"] for k, v in strings["properties"].items()} == {k: v for k, v in DEFAULTS.items() if k not in CHECK}


def test_served_scripts_lose_whole_line_comments_only() -> None:
    from generator.docs_folder import strip_comment_lines

    js = '// why\nconst a = "http://x"; // kept: not a whole line\n/* block\n   more */\nconst re = /\\/\\//;\n/** one */ f();\n'
    assert strip_comment_lines(js, line_comments=True) == 'const a = "http://x"; // kept: not a whole line\nconst re = /\\/\\//;\n f();\n'
    css = "/* colours */\n.a { color: red; } /* kept */\n// not a CSS comment\n"
    assert strip_comment_lines(css, line_comments=False) == ".a { color: red; } /* kept */\n// not a CSS comment\n"


def test_every_served_script_still_parses(tmp_path: Path) -> None:
    import subprocess

    from generator.docs_folder import served

    for script in SCRIPTS:
        out = tmp_path / script.name
        out.write_bytes(served(f"workbook/{script.name}", script.read_bytes()))
        run = subprocess.run(["node", "--check", str(out)], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        assert not any(line.lstrip().startswith("//") for line in out.read_text().splitlines()), script.name
