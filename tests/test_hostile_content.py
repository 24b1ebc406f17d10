"""Hostile or sloppy content: every problem is a message with file and line, or the content is
accepted and safe. Golden cases of single mistakes are in tests/cases/bad/; here are the classes a
case file cannot express (links, big files, leftovers of editors), what the built site does with
markup in plain-text fields, and a property test that no document makes loading or validation raise.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import Project, build
from generator.load import MAX_BYTES
from generator.secure_pages import engine_scripts, policy_for, with_policy
from generator.validate import validate_content

from .conftest import make_project

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def test_editor_and_os_leftovers_are_skipped_with_a_note(project: Path) -> None:
    exercises = project / "content" / "exercises"
    (exercises / "._runway.yml").write_bytes(b"\x00\x05\x16\x07 macOS metadata")
    (exercises / ".#runway.yml").symlink_to("user@host.1234")  # Emacs's lock: a link to nowhere
    (exercises / "runway.yml~").write_text("not: read")

    content, errors = validate_content(project)

    assert errors == [] and content is not None
    assert sorted(n.file for n in content.notes) == ["content/exercises/.#runway.yml", "content/exercises/._runway.yml"]
    assert all("skipped" in n.message for n in content.notes)


@pytest.mark.parametrize("target", ["outside", "loop", "nowhere"])
def test_a_link_leading_out_of_the_project_or_nowhere_is_refused(project: Path, tmp_path: Path, target: str) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("# Private\n\nA file elsewhere on the machine.\n")
    link = project / "content" / "pages" / "leak.md"
    if target == "outside":
        link.symlink_to(secret)
    elif target == "loop":
        link.symlink_to(link)
    else:
        link.symlink_to(project / "content" / "pages" / "gone.md")

    content, errors = validate_content(project)

    assert content is None
    assert [e.file for e in errors] == ["content/pages/leak.md"]
    assert ("outside the project" if target == "outside" else "leads nowhere") in errors[0].message


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(project: Path) -> None:
    big = project / "content" / "exercises" / "runway.yml"
    with big.open("a", encoding="utf-8") as f:
        f.write("# " + "x" * MAX_BYTES + "\n")

    content, errors = validate_content(project)

    assert content is None and len(errors) == 1
    assert errors[0].file == "content/exercises/runway.yml" and "more than a content file may be" in errors[0].message


def test_markup_in_plain_text_fields_is_shown_never_run(project: Path, tmp_path: Path) -> None:
    """Titles, the author and chapter titles reach the navigation, the header, page titles and meta
    tags; in every one of them the markup must arrive as text."""
    wb = project / "content" / "workbook.yml"
    text = wb.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", f"title: 'Mine & {HOSTILE}'", text, count=1)
    text = re.sub(r"(?m)^author: .*$", f"author: 'Ann \"x\" {HOSTILE}'", text, count=1)
    text = text.replace("title: First chapter", f"title: 'Chapter {HOSTILE}'")
    wb.write_text(text, encoding="utf-8")
    runway = project / "content" / "exercises" / "runway.yml"
    runway.write_text(runway.read_text(encoding="utf-8").replace("title: Runway", f"title: 'Runway {HOSTILE}'"), encoding="utf-8")

    result = build(Project(project, work_dir=tmp_path / "work"), site=tmp_path / "site", pdf=False)

    assert result.ok, result.errors or result.failure
    for page in (tmp_path / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html, page
        assert "&amp;amp;" not in html and "&amp;lt;" not in html, f"{page}: escaped twice"
    home = (tmp_path / "site" / "exercises" / "runway" / "index.html").read_text(encoding="utf-8")
    assert "<title>Runway &lt;script&gt;alert(1)&lt;/script&gt;" in home


def test_every_page_carries_a_policy_of_self_and_the_engines_own_scripts(tmp_path: Path, project: Path) -> None:
    result = build(Project(project, work_dir=tmp_path / "work"), site=tmp_path / "site", pdf=False)
    assert result.ok, result.errors or result.failure
    pages = list((tmp_path / "site").rglob("*.html"))
    policies = set()
    for page in pages:
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page.read_text(encoding="utf-8"))
        assert len(found) == 1, page
        policies.add(found[0])
    assert len(policies) == 1  # one policy: instant navigation keeps the first page's
    (policy,) = policies
    assert "script-src 'self' 'sha256-" in policy and "unsafe-inline'" not in policy.split("style-src")[0]
    assert "unsafe-eval" not in policy


def test_the_search_dialog_gets_the_engine_s_own_search_label() -> None:
    from generator.secure_pages import mend

    page = (
        '<div class="md-search" data-md-component="search" role="dialog"><input type="text" class="md-search__input" aria-label="Buscar">'
    )
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Buscar">' in mend(page)


def test_the_print_stylesheet_never_holds_up_the_screen() -> None:
    from generator.secure_pages import mend

    page = '<link rel="stylesheet" href="../assets/workbook/print.css"><link rel="stylesheet" href="../assets/workbook/widget.css">'
    assert mend(page) == page.replace('print.css">', 'print.css" media="print">')


def test_a_script_in_the_content_is_never_given_a_hash() -> None:
    page = "<head><meta charset=utf-8><script>engine()</script></head><body><article><script>evil()</script>"
    page += "</article><script>other()</script></body>"
    assert engine_scripts(page) == ["engine()", "other()"]
    tricky = page.replace("<script>evil()</script>", "</article><script>evil()</script><article>")
    assert "evil()" not in engine_scripts(tricky)
    policy = policy_for([page])
    marked = with_policy(page, policy)
    assert marked.index("Content-Security-Policy") < marked.index("<script>")


# --- property: no document makes loading or validation raise --------------------------------------

KEYS = st.sampled_from(["id", "title", "items", "type", "scoring", "dimensions", "bands", "min", "max", "of", "better", "x"])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
)
DOCUMENTS = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5), max_leaves=30)
RAW = st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n\t \x00\x07\u00e9%@`,?")), max_size=200)


def assert_content_or_errors(project: Path) -> None:
    started = time.monotonic()
    content, errors = validate_content(project)
    assert (content is None) == bool(errors)
    assert all(e.file for e in errors)
    assert time.monotonic() - started < 10, "validation took too long"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(document=DOCUMENTS, where=st.sampled_from(["exercises/runway.yml", "sources/an-article.yml", "workbook.yml"]))
def test_generated_documents_give_content_or_errors_never_an_exception(project: Path, document: object, where: str) -> None:
    (project / "content" / where).write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    assert_content_or_errors(project)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=RAW, where=st.sampled_from(["exercises/runway.yml", "pages/about.md", "workbook.yml"]))
def test_arbitrary_text_gives_content_or_errors_never_an_exception(project: Path, text: str, where: str) -> None:
    (project / "content" / where).write_text(text, encoding="utf-8")
    assert_content_or_errors(project)


def test_the_property_tests_reach_the_loader(tmp_path: Path) -> None:
    """Guard: a project copy the property tests write into exists and validates as it is."""
    root = make_project(tmp_path / "p")
    content, errors = validate_content(root)
    assert content is not None and errors == []
    assert os.access(root / "content" / "workbook.yml", os.W_OK)
