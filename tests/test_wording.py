"""Every word a reader sees comes from the strings tables (generator/strings.py, strings_build.py and
generator/locales/<language>.yml): templates and the modules that write pages and PDFs hold no
interface wording of their own, and a workbook built in Spanish shows no English interface words.

The scripts are checked the same way by tests/test_strings.py (`inline_wording`).
"""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from generator.strings import DEFAULTS, defaults_for
from generator.strings_build import BUILD
from generator.wording import Wording

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = sorted((REPO / "templates").rglob("*.j2"))

# Text that may stand in a template outside `t(...)`, each for a reason: Markdown and MkDocs syntax
# (admonition types, attribute lists, front matter keys) and symbols that are no language's words.
TEMPLATE_ALLOWED = {
    "!!! abstract": "an admonition's type (Material), not shown",
    "!!! note": "an admonition's type (Material), not shown",
    "title:": "front matter key",
    "description:": "front matter key",
}
# String literals inside Jinja expressions that read as letters but are not wording.
EXPRESSION_ALLOWED = {"A4": "a CSS page size (`@page { size: A4 }`), not shown"}
# Attributes whose value a reader hears or sees.
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "label", "aria-description")


def template_wording(source: str) -> list[str]:
    """The words a template writes itself: text nodes and read attributes outside Jinja, and string
    literals inside Jinja expressions that read as words (ids, classes and paths do not)."""
    source = re.sub(r"\{#.*?#\}", "", source, flags=re.S)
    found: list[str] = []
    for expression in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", source, flags=re.S):
        for literal in re.findall(r"\"([^\"]*)\"|'([^']*)'", expression):
            text = next((part for part in literal if part), "").strip()
            if text.startswith("<") or re.search(r"/|\.md\b", text):  # markup or a link put together in an expression
                continue
            if re.search(r"[^\W\d_]{2,}", text) and not re.fullmatch(r"[a-z0-9_.:#/{}\[\]*-]*", text) and text not in EXPRESSION_ALLOWED:
                found.append(text)
    outside = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", source, flags=re.S)
    outside = re.sub(r"<(style|script)\b[^>]*>.*?</\1>", " ", outside, flags=re.S)
    for name, value in re.findall(r"\s(" + "|".join(READ_ATTRIBUTES) + r")=\"([^\"]*)\"", outside):
        if re.search(r"[^\W\d_]{2,}", value):
            found.append(f'{name}="{value}"')
    text = re.sub(r"<[^>]*>", " ", outside)
    text = re.sub(r"\{:[^}]*\}|\{ #[\w-]+ \}", " ", text)  # Markdown attribute lists
    for allowed in TEMPLATE_ALLOWED:
        text = text.replace(allowed, " ")
    text = re.sub(r"\S*(?:/|\.md\b)\S*", " ", text)  # link targets and paths: ](../exercises/ .md)
    found += [w for w in re.findall(r"[^\W\d_][^\s<>]*(?:\s+[^\W\d_][^\s<>]*)*", text) if re.search(r"[^\W\d_]{2,}", w)]
    return found


@pytest.mark.parametrize("path", TEMPLATES, ids=[str(p.relative_to(REPO / "templates")) for p in TEMPLATES])
def test_a_template_holds_no_wording_of_its_own(path: Path) -> None:
    assert not template_wording(path.read_text(encoding="utf-8")), (
        f"{path.relative_to(REPO)} writes words a reader sees: give each an id in generator/strings_build.py "
        "(with its Spanish in generator/locales/es.yml) and write {{ t(id) }}"
    )


def test_the_template_scan_finds_wording() -> None:
    """The scan itself: it must catch text, a read attribute and a word inside an expression."""
    assert template_wording("<p>Your results</p>") == ["Your results"]
    assert template_wording('<input aria-label="Add a row">') == ['aria-label="Add a row"']
    assert template_wording('{{ "Reflect" if x }}') == ["Reflect"]
    assert template_wording('## {{ t("page.reflect") }}\n<p class="wb-x">{{ t("sheet.results") }}</p> {# a comment #}') == []


# The modules that write what a reader sees: pages, PDFs, plans, the scoring key, the footer.
READER_MODULES = ["render.py", "plans.py", "pdf.py", "worked_example.py", "score_sheet.py", "downloads.py", "footer_path.py", "wording.py"]
PYTHON_ALLOWED = {
    ("wording.py", "yMMMM"): "a CLDR date skeleton (year and month in full), not shown",
}


def python_wording(source: str) -> list[str]:
    """String constants (not docstrings) that read as words: two words, or one capitalised word.
    Markup and regular expressions (they hold `<` or `\\`) are not wording."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    exported = {
        id(element)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and any(isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets)
        for element in ast.walk(node.value)
    }
    in_fstrings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings | exported:
            text = node.value
            if any(c in text for c in '<\\"='):  # markup, an attribute's fragment, a regular expression
                continue
            if re.search(r"[^\W\d_]{2,}\s+[^\W\d_]{2,}", text) or (re.fullmatch(r"[^\W\d_][^\W\d_]+", text) and not text.islower()):
                found.append(text)
            elif id(node) in in_fstrings and re.search(r"(?:^|\s)[^\W\d_]{2,}", text) and not re.search(r"[/.]", text):
                found.append(text)  # a word put into a sentence by an f-string: f"{title}: {kind} pack"
    return found


@pytest.mark.parametrize("name", READER_MODULES)
def test_a_module_that_writes_pages_holds_no_wording_of_its_own(name: str) -> None:
    found = [w for w in python_wording((REPO / "generator" / name).read_text(encoding="utf-8")) if (name, w) not in PYTHON_ALLOWED]
    assert not found, f"generator/{name} writes words a reader sees: give each an id in generator/strings_build.py and use Wording.t"


def test_the_python_scan_finds_wording() -> None:
    assert python_wording('def f():\n    """Docs are fine."""\n    return f"{a}: participant pack"\n') == [": participant pack"]
    assert python_wording('x = "Break"\ny = "welcome"\nz = t("plan.break")\n') == ["Break"]
    assert python_wording('p = f"{a}/{b}.md"\nk = f"{key}.other"\nn = f"{x}, part {n}"\n') == [", part "]


# --- the wording of a language ----------------------------------------------------------------------


def test_numbers_dates_and_plurals_follow_the_language() -> None:
    en, es = Wording("en"), Wording("es")
    assert (en.number(3.2), es.number(3.2), es.number(-1.5)) == ("3.2", "3,2", "-1,5")
    assert (en.number(float("inf")), es.number(float("inf"))) == ("no limit", "sin límite")
    assert (en.date(2011, 3, 14), es.date(2011, 3, 14)) == ("14 March 2011", "14 de marzo de 2011")
    assert (en.date(2011, 3), es.date(2011, 3)) == ("March 2011", "marzo de 2011")
    assert (en.and_list([1, 2, 3]), es.and_list([1, 2, 3]), es.and_list([4])) == ("1, 2 and 3", "1, 2 y 3", "4")
    assert en.tn("pack.cover-about-participant", 1).startswith("1 worksheet,")
    assert es.tn("pack.cover-about-participant", 12).startswith("12 hojas de trabajo")


def test_a_language_with_more_plural_forms_uses_them() -> None:
    """Russian has `few` and `many`: a table (or an override) giving them is used, `.other` otherwise."""
    ru = Wording("ru", {"page.my-history-intro.few": "{count} месяца", "page.my-history-intro.many": "{count} месяцев"})
    assert (ru.tn("page.my-history-intro", 3), ru.tn("page.my-history-intro", 5)) == ("3 месяца", "5 месяцев")
    assert ru.tn("page.my-history-intro", 1.5) == ru.t("page.my-history-intro.other", count="1,5")


def test_markup_values_keep_their_markup_and_the_wording_is_escaped() -> None:
    from markupsafe import Markup

    words = Wording("en", {"sheet.results-my": "Results & more: {link}."})
    assert words.t("sheet.results-my", link=Markup('<a href="x">My workbook</a>')) == 'Results &amp; more: <a href="x">My workbook</a>.'
    assert words.t("sheet.results-my", link="<b>") == "Results & more: <b>.", "plain values stay plain: the template escapes"


SAME_IN_SPANISH = {"sheet.box-total": "“total” is the Spanish word too"}


def test_every_build_id_has_spanish_that_differs_where_english_would_show() -> None:
    """Spanish ships complete (tests/test_locales.py checks the ids); here: no build id left in English by mistake."""
    spanish = defaults_for("es")
    same = [
        k
        for k in BUILD
        if spanish[k] == DEFAULTS[k] and re.search(r"[^\W\d_]{3,}", PLACEHOLDER_FREE(DEFAULTS[k])) and k not in SAME_IN_SPANISH
    ]
    assert same == [], f"these read the same in Spanish as in English: {same}"


def PLACEHOLDER_FREE(text: str) -> str:
    return re.sub(r"\{\w+\}", "", text)


# --- a workbook built in Spanish ----------------------------------------------------------------------


def english_fragments() -> dict[str, str]:
    """Pieces of every interface text the build writes, in English, that Spanish says differently: each
    piece between placeholders and line breaks with at least two words (one word is too often a name)."""
    spanish = defaults_for("es")
    out: dict[str, str] = {}
    for key in BUILD:
        if spanish[key] == DEFAULTS[key]:
            continue
        for piece in re.split(r"\{\w+\}|\n|\*\*|\"", DEFAULTS[key]):
            piece = piece.strip(" .,:;()")
            if len(re.findall(r"[^\W\d_]{2,}", piece)) >= 2 and piece not in spanish[key]:
                out[piece] = key
    return out


def visible_text(html_or_markdown: str) -> str:
    from tests.pdftools import norm

    return norm(re.sub(r"<(script|template|style)\b.*?</\1>", " ", html_or_markdown, flags=re.S))


@pytest.fixture(scope="module")
def spanish() -> tuple[dict[str, str], list[object], Path]:
    from generator.pdf import pack_documents
    from generator.render import render_pages
    from generator.translations import for_language
    from generator.validate import validate_content

    content, errors = validate_content(REPO)
    assert content is not None, errors
    # content/sessions.yml has no Spanish translation yet (content, not interface): leave the authored
    # sessions out, so the plans are the automatic ones, worded entirely by the tables.
    es = dataclasses.replace(for_language(content, "es"), sessions=[])
    return render_pages(es, REPO / "templates", pdf=True, language="es"), list(pack_documents(es, REPO / "templates", language="es")), REPO


def test_a_spanish_build_shows_no_english_interface_wording(spanish: tuple[dict[str, str], list[object], Path]) -> None:
    pages, docs, _ = spanish
    fragments = english_fragments()
    assert len(fragments) > 100, "the check covers the build's wording"
    scored = next(p for p in pages if p.startswith("exercises/") and "data-results" in pages[p])
    sample = {
        p: pages[p]
        for p in (
            scored,
            "my-workbook.md",
            "facilitator-guide.md",
            "index.md",
            "chapters/" + next(p.split("/")[1] for p in pages if p.startswith("chapters/")),
        )
    }
    facilitator = next(d for d in docs if getattr(d, "path", "").startswith("facilitator-pack-a4"))
    sample |= {f"facilitator pack part {i}": part for i, part in enumerate(getattr(facilitator, "parts", ()))}
    found = {name: sorted({f for f in fragments if f in visible_text(text)}) for name, text in sample.items()}
    assert not {name: f for name, f in found.items() if f}, (
        "English interface wording on the Spanish pages (fragment -> id in strings_build.py)"
    )
    assert "Mi cuaderno" in sample["my-workbook.md"] and "Guía del facilitador" in sample["facilitator-guide.md"]
    assert "Instrucciones" in sample[scored] and "Cómo se puntúa" in sample[scored]
    assert '<html lang="es">' in facilitator.parts[0] and "dosier del facilitador" in facilitator.title


def test_a_spanish_worksheet_pdf_reads_in_spanish(spanish: tuple[dict[str, str], list[object], Path], tmp_path: Path) -> None:
    from generator.pdf_write import write_pdfs
    from tests.pdftools import pdf_text

    _, docs, repo = spanish
    sheet = next(d for d in docs if d.path.startswith("worksheets/") and "Puntúalo tú" in d.parts[0])
    [pdf] = write_pdfs([sheet], repo / "templates", tmp_path)
    text = " ".join(pdf_text(pdf).split())
    assert "Puntúalo tú" in text and "Instrucciones" in text
    fragments = english_fragments()
    assert not sorted({f for f in fragments if f in text}), "English interface wording in the Spanish worksheet PDF"
    assert re.search(r"\d,\d", sheet.parts[0]) or "," not in text, "decimals are written with a comma"


# --- overriding the build's wording in workbook.yml ----------------------------------------------------


def test_overrides_of_the_pages_wording_are_checked_and_used(project: Path) -> None:
    from generator.render import render_pages
    from generator.validate import validate_content

    wb = project / "content" / "workbook.yml"
    text = wb.read_text(encoding="utf-8")
    lines = len(text.splitlines())
    wb.write_text(
        text
        + "strings:\n"
        + '  page.reflect: "Think it over"\n'  # valid
        + '  page.reflct: "Typo"\n'  # unknown id
        + '  page.exercise-meta: "{minutes} min"\n'  # leaves out {chapter} and {id}
        + '  page.my-history-intro.few: "{count} Monate"\n',  # a plural form English lacks: accepted
        encoding="utf-8",
    )
    content, errors = validate_content(project)
    found = {(e.line, e.path): e.message + " | " + e.hint for e in errors}
    assert (lines + 3, "strings.page.reflct") in found and "page.reflect" in found[(lines + 3, "strings.page.reflct")]
    assert (lines + 4, "strings.page.exercise-meta") in found
    assert "`{chapter}`, `{id}`" in found[(lines + 4, "strings.page.exercise-meta")]
    assert len(errors) == 2, errors

    wb.write_text(text + 'strings:\n  page.reflect: "Think it over"\n', encoding="utf-8")
    content, errors = validate_content(project)
    assert content is not None and errors == []
    pages = render_pages(content, project / "templates")
    reflecting = [p for p, t in pages.items() if "## Think it over" in t]
    assert reflecting and not any("## Reflect\n" in pages[p] for p in reflecting)
