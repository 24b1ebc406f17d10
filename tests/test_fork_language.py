"""CUSTOMISING.md's "Add a language", done as a forker does it, on a copy of the repository.

A third language, French (`fr`): listed in `languages:`, an interface table copied from es.yml with
every line rewritten, one exercise translated; then the project's own command (`workbook build`, what
`make site` runs) builds it. The French site must have its pages, its theme language, selector and
hreflang links, its PDF packs and worksheets in French, and the widget's French wording in a real
browser, and no Python or template file may differ from the original's: the recipe needs none.

The table's texts are markers, `«id»` and the English text's placeholders, so any French interface
word on a page or in a PDF says which id it came from. The build makes three languages with their
PDFs, once for the module (40 to 95 seconds on two shared cores).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from generator.downloads import PARTICIPANT_PACK
from generator.strings import PLACEHOLDER
from generator.strings_build import BUILD

from .browser import serve_folder
from .conftest import REPO
from .pdftools import norm, pdf_text
from .test_languages import chrome_words, head_alternates, selector

LANGUAGE = "fr"
TRANSLATED = "career-as-a-business"  # the one exercise the fork translates
TRANSLATION = REPO / "tests" / "fixtures" / "translations" / f"{TRANSLATED}.fr.yml"
TITLE = "Votre carrière comme une entreprise : créneau, clients, preuves"
UNTRANSLATED = "who-owns-your-job-security"  # a scored assessment the fork leaves in English
# The forker's own virtual environment would hold the forked checkout; this one holds the original,
# so the copy goes first on the path (the files the build imports are then the copy's).
WORKBOOK = Path(sys.executable).parent / "workbook"
GUIDE = (REPO / "CUSTOMISING.md").read_text(encoding="utf-8")


def guide_steps() -> list[str]:
    """The numbered steps of CUSTOMISING.md's "Add a language", one string each."""
    section = GUIDE.split("### Add a language", 1)[1].split("\n#", 1)[0]
    return [" ".join(step.split()) for step in re.findall(r"^\d+\. (.*?)(?=^\d+\. |^\S|\Z)", section, flags=re.S | re.M)]


def marker(key: str, text: str) -> str:
    """The French text of `key` in the fork's table: the id in guillemets, then every placeholder the text has."""
    return f"«{key}»" + "".join(f" {{{name}}}" for name in dict.fromkeys(PLACEHOLDER.findall(text)))


def rewritten(spanish: str) -> str:
    """es.yml with every text rewritten (`id: "text"` lines) and its Spanish notes left out."""
    table = yaml.safe_load(spanish)
    lines = ["# The interface in French, for tests/test_fork_language.py: a marker per id."]
    lines += [f"{key}: {json.dumps(marker(key, text), ensure_ascii=False)}" for key, text in table.items()]
    return "\n".join(lines) + "\n"


def tracked(repo: Path) -> list[str]:
    run = subprocess.run(["git", "-C", str(repo), "ls-files", "-z"], capture_output=True, text=True, check=True)
    return [name for name in run.stdout.split("\0") if name and (repo / name).is_file()]


def fork_env(root: Path) -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}


def workbook(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(WORKBOOK), *args], cwd=root, env=fork_env(root), capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's tracked files with French added by the guide's steps, then built."""
    root = tmp_path_factory.mktemp("fork") / "workbook"
    for name in tracked(REPO):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, root / name)
    steps = guide_steps()
    assert len(steps) == 4, steps

    # 1. List the language in content/workbook.yml.
    assert "languages:" in steps[0] and "content/workbook.yml" in steps[0]
    workbook_yml = root / "content" / "workbook.yml"
    text = workbook_yml.read_text(encoding="utf-8")
    assert "\nlanguages: [en, es]\n" in text
    workbook_yml.write_text(text.replace("\nlanguages: [en, es]\n", f"\nlanguages: [en, es, {LANGUAGE}]\n"), encoding="utf-8")

    # 2. Copy es.yml to fr.yml and rewrite every line in French.
    assert "generator/locales/es.yml" in steps[1] and "generator/locales/<language>.yml" in steps[1]
    locales = root / "generator" / "locales"
    (locales / f"{LANGUAGE}.yml").write_text(rewritten((locales / "es.yml").read_text(encoding="utf-8")), encoding="utf-8")

    # 3. Translate a file beside its original.
    assert "content/exercises/<id>.<language>.yml" in steps[2]
    shutil.copy(TRANSLATION, root / "content" / "exercises" / f"{TRANSLATED}.{LANGUAGE}.yml")

    # 4. Check, then build with the project's command.
    assert "workbook check" in steps[3] and "make site" in steps[3]
    check = workbook(root, "check")
    assert check.returncode == 0, check.stderr
    assert f"note: content/exercises/{UNTRANSLATED}.fr.yml: no `fr` translation" in check.stderr, "a file to translate is a note"
    assert f"{TRANSLATED}.fr.yml: no `fr`" not in check.stderr
    assert "generator/locales/" not in check.stderr, "the table is complete: no id left in English"
    make_site = (REPO / "Makefile").read_text(encoding="utf-8").split("\nsite:", 1)[1].split("\n\n", 1)[0]
    assert "$(BIN)/workbook build" in make_site
    built = workbook(root, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    return root


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# --- the recipe changes content and the new table only ---------------------------------------------


def test_the_recipe_changes_no_python_or_template_file(fork: Path) -> None:
    outputs = ("site/", "build/")  # what the build writes (.gitignore'd)
    files = {p.relative_to(fork).as_posix() for p in fork.rglob("*") if p.is_file()}
    changed = sorted(
        name
        for name in files
        if not name.startswith(outputs) and (not (REPO / name).is_file() or (REPO / name).read_bytes() != (fork / name).read_bytes())
    )
    assert changed == [
        f"content/exercises/{TRANSLATED}.fr.yml",
        "content/workbook.yml",
        "generator/locales/fr.yml",
    ]


def test_the_new_table_passes_the_checks_es_yml_passes(fork: Path) -> None:
    """The fork's own tests/test_locales.py, run in the fork: every id, every placeholder, plain text."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/test_locales.py", "-v", "-p", "no:cacheprovider"],
        cwd=fork,
        env=fork_env(fork),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    for check in ("a_table_has_exactly_the_english_ids", "a_table_keeps_every_placeholder", "a_table_is_plain_text_in_one_flat_mapping"):
        assert f"test_{check}[fr] PASSED" in run.stdout, check


# --- the French site --------------------------------------------------------------------------------


def test_the_french_site_has_its_pages_in_french(fork: Path) -> None:
    site = fork / "site"
    page = read(site / f"fr/exercises/{TRANSLATED}/index.html")
    assert '<html lang="fr"' in page
    assert re.search(r"<h1[^>]*>Votre carrière comme une entreprise", page)
    assert f"<title>{TITLE}" in page.replace("&#39;", "'")
    assert "wb-untranslated" not in page, "a translated page has no notice"
    # the build's wording from the table, in the navigation and on the page
    assert "«nav.home»" in page and "«nav.my-workbook»" in page
    assert "«page.print-blank»" in page and "«page.instructions»" in page
    # Material's own labels in French (the theme language), mkdocs.yml's from the table
    assert "Aller au contenu" in page
    assert chrome_words(page) == {"toggles": {"«theme.to-dark»", "«theme.to-light»"}, "permalinks": {"«theme.permalink»"}}
    # an exercise left in English: the original's text, with the notice in French (Babel names English)
    english = read(site / f"fr/exercises/{UNTRANSLATED}/index.html")
    assert 'class="admonition note wb-untranslated" lang="fr"' in english
    assert "«page.untranslated» anglais" in english
    assert re.search(r'<article [^>]*lang="en"', english)


def test_every_language_links_the_french_site(fork: Path) -> None:
    site = fork / "site"
    path = f"exercises/{TRANSLATED}/index.html"
    french = read(site / "fr" / path)
    assert selector(french) == {"en": f"../../../exercises/{TRANSLATED}/", "es": f"../../../es/exercises/{TRANSLATED}/", "fr": "./"}
    assert selector(read(site / path))["fr"] == f"../../fr/exercises/{TRANSLATED}/"
    assert selector(read(site / "es" / path))["fr"] == f"../../../fr/exercises/{TRANSLATED}/"
    assert re.search(r'hreflang="fr" class="md-select__link">\s*Français\s*<', read(site / path))
    for page in (site / path, site / "es" / path, site / "fr" / path):
        links = head_alternates(read(page))
        resolved = {lang: page.parent.joinpath(href).resolve() for lang, href in links.items()}
        assert resolved == {"en": site.resolve(), "es": (site / "es").resolve(), "fr": (site / "fr").resolve()}, page


def test_the_french_site_has_its_own_search(fork: Path) -> None:
    index = json.loads(read(fork / "site/fr/search/search_index.json"))
    assert index["config"]["lang"] == ["fr"]
    assert any(doc["title"] == TITLE for doc in index["docs"])
    assert (fork / "site/assets/javascripts/lunr/min/lunr.fr.min.js").is_file() or (
        fork / "site/fr/assets/javascripts/lunr/min/lunr.fr.min.js"
    ).is_file(), "French word stemming"


def test_the_french_packs_and_worksheets_read_in_french(fork: Path) -> None:
    import pikepdf

    downloads, french = fork / "site" / "downloads", fork / "site" / "fr" / "downloads"
    assert {p.relative_to(french).as_posix() for p in french.rglob("*.pdf")} == {
        p.relative_to(downloads).as_posix() for p in downloads.rglob("*.pdf")
    }
    sheet = french / "worksheets" / f"{TRANSLATED}.pdf"
    text = norm(pdf_text(sheet))
    wanted = ("Votre carrière comme une entreprise", "Que proposez-vous ?", "«pack.instructions»", "«pack.reflect»", "«pack.page-of» 1 3")
    assert [norm(w) for w in wanted if norm(w) not in text] == []  # norm: as pdftotext reads them (no hyphens)
    english = [piece for piece in english_pieces() if piece in text]
    assert not english, "English interface wording in the French worksheet"
    assert "Instrucciones" not in text and "Reflexiona" not in text, "nor Spanish"
    with pikepdf.open(sheet) as pdf:
        assert str(pdf.Root.Lang) == "fr"
    pack = norm(pdf_text(french / PARTICIPANT_PACK))
    assert "Votre carrière comme une entreprise" in pack and "«pack." in pack
    assert "Your career as a business: niche, clients, evidence" not in pack, "its contents name the exercise in French"
    with pikepdf.open(french / PARTICIPANT_PACK) as pdf:
        assert str(pdf.Root.Lang) == "fr" and str(pdf.docinfo.get("/Title", "")).startswith("«pack.")
    # the French pages link the French packs
    page = read(fork / "site" / f"fr/exercises/{TRANSLATED}/index.html")
    link = re.search(r'href="([^"]+\.pdf)"[^>]*data-wb-download', page)
    assert link and (fork / f"site/fr/exercises/{TRANSLATED}" / link[1]).resolve() == sheet.resolve()


def english_pieces() -> list[str]:
    """Pieces of the build's English wording of two words or more (between placeholders and line breaks)."""
    pieces = (p.strip(" .,:;()") for text in BUILD.values() for p in re.split(r"\{\w+\}|\n|\*\*|\"", text))
    return sorted({p for p in pieces if len(re.findall(r"[^\W\d_]{2,}", p)) >= 2})


def test_the_offline_copy_holds_the_french_site(fork: Path) -> None:
    import zipfile

    with zipfile.ZipFile(fork / "site/downloads/workbook-offline.zip") as z:
        assert f"workbook-offline/fr/exercises/{TRANSLATED}.html" in z.namelist()


# --- the widget, in Chromium -------------------------------------------------------------------------


def test_the_widget_speaks_french(fork: Path, page: Page) -> None:
    with serve_folder(fork / "site") as url:
        page.goto(url + f"fr/exercises/{TRANSLATED}/")
        expect(page.get_by_role("button", name="«widget.clear»")).to_be_visible()
        expect(page.locator("form.wb-exercise")).to_contain_text("«widget.saving»")
        # an assessment left in English still has the French widget: its results table, counted in French
        page.goto(url + f"fr/exercises/{UNTRANSLATED}/")
        expect(page.get_by_role("button", name="«widget.clear»")).to_be_visible()
        expect(page.locator(".wb-scores caption")).to_have_text("«widget.scores-caption»")
        expect(page.locator(".wb-scores tbody")).to_contain_text("«widget.to-go.other»")
