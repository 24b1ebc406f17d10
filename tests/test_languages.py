"""One site per language (generator/languages.py, build.py): the original at the root, each other
language in its folder, linked by the theme's language selector, with a notice on pages that fell
back to the original, and a failed build of any language leaving the last good site in place.

The mini fixture made bilingual: only `all-types` is translated, so everything else shows the
English text in the Spanish site (with the notice), the session plans of the facilitator guide included.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page

from generator import build as build_module
from generator.build import Project, build
from generator.downloads import FACILITATOR_PACK, PARTICIPANT_PACK
from generator.engine import named_toggles, titled_permalinks
from generator.languages import alternate, counterpart_href, language_name, language_sites, relink, root_href, untranslated_pages
from generator.plans import clock, session_plans
from generator.translations import for_language
from generator.validate import validate_content
from generator.wording import Wording

from .conftest import make_project
from .test_translations import FIXTURE, SESSIONS, with_languages


def bilingual(root: Path) -> Path:
    with_languages(root)
    shutil.copy(FIXTURE, root / "content" / "exercises" / "all-types.es.yml")
    shutil.copy(SESSIONS, root / "content" / "sessions.yml")  # without sessions.es.yml
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = bilingual(make_project(tmp_path_factory.mktemp("languages") / "project"))
    result = build(Project(root), pdf=False, offline_zip=True)
    assert result.ok, result.errors or result.failure
    return root / "site"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def selector(page: str) -> dict[str, str]:
    """The language selector's links: language -> href."""
    return {m[2]: m[1] for m in re.finditer(r'<a href="([^"]*)" hreflang="([^"]+)" class="md-select__link">', page)}


def head_alternates(page: str) -> dict[str, str]:
    head = page[: page.index("</head>")]
    return {m[2]: m[1] for m in re.finditer(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]+)">', head)}


# --- the built sites -----------------------------------------------------------------------------------


def test_each_language_is_a_site_of_its_own_in_its_language(built: Path) -> None:
    english, spanish = read(built / "exercises/all-types/index.html"), read(built / "es/exercises/all-types/index.html")
    assert '<html lang="en"' in english and '<html lang="es"' in spanish
    assert "<title>Todos los tipos - " in spanish
    assert re.search(r"<h1[^>]*>Todos los tipos", spanish)
    # its own search index, in its language
    index = json.loads(read(built / "es/search/search_index.json"))
    assert index["config"]["lang"] == ["es"]
    assert any(doc["title"] == "Todos los tipos" for doc in index["docs"])
    assert not any(doc["location"].startswith("es/") for doc in json.loads(read(built / "search/search_index.json"))["docs"])
    # the scripts' wording, in Spanish
    assert '"widget.clear": "Borrar mis respuestas"' in read(built / "es/assets/workbook/site.bundle.js")
    assert '"widget.clear": "Clear my answers"' in read(built / "assets/workbook/site.bundle.js")
    assert "page.untranslated" not in read(built / "es/assets/workbook/site.bundle.js"), "the scripts never show the page notice"


def chrome_words(page: str) -> dict[str, set[str]]:
    """What the theme's controls set up in mkdocs.yml say: the colour toggle's labels and the headings' link titles."""
    toggles = set(re.findall(r'<label class="md-header__button md-icon" title="([^"]*)" for="__palette_\d"', page))
    permalinks = set(re.findall(r'<a class="headerlink" href="#[^"]*" title="([^"]*)"', page))
    return {"toggles": toggles, "permalinks": permalinks}


def test_the_theme_controls_from_mkdocs_yml_speak_the_page_language(built: Path) -> None:
    english, spanish = read(built / "exercises/all-types/index.html"), read(built / "es/exercises/all-types/index.html")
    assert chrome_words(english) == {"toggles": {"Switch to dark mode", "Switch to light mode"}, "permalinks": {"Permanent link"}}
    assert chrome_words(spanish) == {"toggles": {"Cambiar al modo oscuro", "Cambiar al modo claro"}, "permalinks": {"Enlace permanente"}}
    # the light scheme's toggle leads to the dark one, and the other way round
    assert re.search(r'title="Cambiar al modo oscuro" for="__palette_1"', spanish)
    assert re.search(r'title="Cambiar al modo claro" for="__palette_0"', spanish)
    # nothing else the engine writes from mkdocs.yml or workbook.yml stays English on the Spanish page
    chrome = re.sub(r"<article\b.*?</article>", "", spanish, flags=re.S)
    assert not re.search(r"Switch to|Permanent link|Made with", chrome)


def test_the_selector_links_each_page_to_its_counterpart_both_ways(built: Path) -> None:
    english, spanish = read(built / "exercises/all-types/index.html"), read(built / "es/exercises/all-types/index.html")
    assert selector(english) == {"en": "./", "es": "../../es/exercises/all-types/"}
    assert selector(spanish) == {"en": "../../../exercises/all-types/", "es": "./"}
    assert re.search(r'hreflang="es" class="md-select__link">\s*Español\s*<', english)
    # every page, home included, links a page that exists
    for page in [*built.glob("**/index.html")]:
        for href in selector(read(page)).values():
            assert (page.parent / href / "index.html").resolve().is_file(), (page, href)
    assert selector(read(built / "index.html")) == {"en": "./", "es": "es/"}
    assert selector(read(built / "es/index.html")) == {"en": "../", "es": "./"}


def test_each_page_head_names_every_language_with_hreflang(built: Path) -> None:
    for page in ("exercises/all-types/index.html", "es/exercises/all-types/index.html", "index.html", "es/index.html"):
        links = head_alternates(read(built / page))
        assert set(links) == {"en", "es"}, page
        resolved = {lang: (built / page).parent.joinpath(href).resolve() for lang, href in links.items()}
        assert resolved == {"en": built.resolve(), "es": (built / "es").resolve()}, page


def test_answers_are_the_same_in_every_language(built: Path) -> None:
    """Keyed by exercise and item id under the workbook's root: the versions, ids and names agree."""

    def form(page: str) -> tuple[str, list[str]]:
        version = re.search(r'data-version="([^"]+)"', page)
        assert version
        return version[1], sorted(set(re.findall(r'\bname="([^"]+)"', page[page.index("<form") :])))

    for exercise in ("all-types", "runway"):
        assert form(read(built / f"exercises/{exercise}/index.html")) == form(read(built / f"es/exercises/{exercise}/index.html"))
    # widget.js keys answers under the page's `data-wb-home`: the original's site, from either language
    for page in ("exercises/all-types/index.html", "es/exercises/all-types/index.html", "es/index.html"):
        home = re.search(r'<html [^>]*data-wb-home="([^"]+)"', read(built / page))
        assert home and (built / page).parent.joinpath(home[1]).resolve() == built.resolve(), page


def test_a_page_without_a_translation_says_so_in_the_page_language(built: Path) -> None:
    runway = read(built / "es/exercises/runway/index.html")
    assert 'class="admonition note wb-untranslated" lang="es"' in runway
    assert "Esta página aún no está traducida: se muestra en inglés." in runway
    assert re.search(r'<article [^>]*lang="en"', runway), "the English text is marked as English"
    assert "wb-untranslated" not in read(built / "es/exercises/all-types/index.html")
    assert "wb-untranslated" in read(built / "es/about/index.html")
    assert "wb-untranslated" in read(built / "es/chapters/first/index.html"), "no workbook.es.yml: the chapters are English"
    guide = read(built / "es/facilitator-guide/index.html")
    assert "Esta página aún no está traducida" not in guide, "only the plans are English: the rest of the guide is Spanish"
    assert "Los planes de sesión aún no están traducidos: se muestran en inglés." in guide, "no sessions.es.yml: the plans are English"
    assert re.search(r'<div class="wb-plan" data-plan="[a-z-]+" lang="en">', guide), "the English plans are marked up as English"
    assert not re.search(r'<div class="wb-plan" data-plan="automatic" lang=', guide), "an automatic plan is in the page's words"
    assert "Lunchtime taster (30 minutos)" in guide and "What did the scores say?" in guide
    assert "Todos los tipos</a>" in guide, "an exercise slot takes the exercise's translated title"
    assert not any("wb-untranslated" in read(p) for p in built.glob("*/**/*.html") if "es" not in p.relative_to(built).parts[:1])


def test_the_guide_says_which_exercises_notes_are_shown_untranslated(built: Path) -> None:
    guide = read(built / "es/facilitator-guide/index.html")
    notice = "Este ejercicio aún no está traducido: sus notas se muestran en inglés."
    # runway has no Spanish file: its notes are English, said so above them and marked up as English.
    assert re.search(re.escape(notice) + r'</p>\s*<div class="wb-facilitator" data-facilitator="runway">', guide), "above its notes"
    runway = guide[guide.index('data-facilitator="runway"') :]
    runway = runway[: runway.index("<h3")] if "<h3" in runway else runway
    # The page's own words (minutes, kind) stay Spanish; the exercise's own text is marked up as English.
    assert re.search(r"\d+ minutos", runway)
    assert re.search(r'<a href="[^"]*runway/" lang="en">Runway', runway), "its title is the original's"
    # all-types is translated: no notice, no language of its own.
    assert re.search(r'<div class="wb-facilitator" data-facilitator="all-types">', guide)
    assert guide.count(notice) == 1
    assert notice not in read(built / "facilitator-guide/index.html")
    assert "not yet translated" not in read(built / "facilitator-guide/index.html")


def test_the_offline_copy_holds_every_language_with_file_links(built: Path) -> None:
    import zipfile

    with zipfile.ZipFile(built / "downloads/workbook-offline.zip") as z:
        names = set(z.namelist())
        assert "workbook-offline/es/exercises/all-types.html" in names
        page = z.read("workbook-offline/exercises/all-types.html").decode("utf-8")
        spanish = z.read("workbook-offline/es/exercises/runway.html").decode("utf-8")
    assert selector(page) == {"en": "all-types.html", "es": "../es/exercises/all-types.html"}
    assert '<link rel="alternate"' not in page, "from disk, Material would ask for sitemap.xml beside each, refused under file://"
    assert re.search(r'<html [^>]*data-wb-home="\.\./"', page)
    assert "Esta página aún no está traducida" in spanish


# --- the same under Zensical ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def zensical_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = bilingual(make_project(tmp_path_factory.mktemp("languages-zensical") / "project"))
    result = build(Project(root), engine="zensical", pdf=False)
    assert result.ok, result.errors or result.failure
    return root / "site"


def test_under_zensical_each_language_is_a_site_of_its_own_in_its_language(zensical_built: Path) -> None:
    built = zensical_built
    english, spanish = read(built / "exercises/all-types/index.html"), read(built / "es/exercises/all-types/index.html")
    assert '<html lang="en"' in english and '<html lang="es"' in spanish
    assert re.search(r"<h1[^>]*>Todos los tipos", spanish)
    # the theme's own labels in the site's language, and mkdocs.yml's from the strings tables
    assert 'aria-label="Seleccionar idioma"' in spanish and "Saltar a contenido" in spanish
    assert chrome_words(spanish) == {"toggles": {"Cambiar al modo oscuro", "Cambiar al modo claro"}, "permalinks": {"Enlace permanente"}}
    # the language selector and the head's hreflang links, as with MkDocs
    assert selector(spanish) == {"en": "../../../exercises/all-types/", "es": "./"}
    assert selector(english) == {"en": "./", "es": "../../es/exercises/all-types/"}
    links = head_alternates(spanish)
    assert {lang: (built / "es/exercises/all-types").joinpath(href).resolve() for lang, href in links.items()} == {
        "en": built.resolve(),
        "es": (built / "es").resolve(),
    }
    # its own search index (Zensical's search.json), in its language, holding its own pages only
    index = json.loads(read(built / "es/search.json"))
    assert index["config"]["lang"] == ["es"]
    assert any(item["title"] == "Todos los tipos" for item in index["items"])
    assert not any(item["location"].startswith("es/") for item in json.loads(read(built / "search.json"))["items"])
    # the scripts' wording, and the notice on a page without a translation
    assert '"widget.clear": "Borrar mis respuestas"' in read(built / "es/assets/workbook/site.bundle.js")
    assert "Esta página aún no está traducida: se muestra en inglés." in read(built / "es/exercises/runway/index.html")


def test_under_zensical_the_spanish_search_finds_the_spanish_pages(zensical_built: Path, page: Page) -> None:
    from playwright.sync_api import expect

    from .browser import serve_folder

    with serve_folder(zensical_built) as url:
        page.goto(url + "es/")
        page.locator(".md-search__button").click()
        page.keyboard.type("tipos")
        results = page.get_by_role("option")  # Zensical's search dialog (in a shadow root, which locators enter)
        expect(results.first).to_contain_text("Todos los tipos")
        hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
        assert hrefs and all(h.startswith(url + "es/") for h in hrefs), hrefs


# --- a failed build leaves the last good site --------------------------------------------------------


def test_a_failure_in_any_language_keeps_the_last_good_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = bilingual(make_project(tmp_path / "project"))
    assert build(Project(root, work_dir=tmp_path / "work"), pdf=False, offline_zip=False).ok
    site = root / "site"
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert "es/exercises/all-types/index.html" in before

    # The Spanish site's engine run fails, after the English one succeeded.
    real = build_module.run_engine

    def failing(engine: str, config: Path, target: Path, work: Path, project_root: Path) -> str:
        return "the engine broke on the Spanish site" if target.name == "es" else real(engine, config, target, work, project_root)

    monkeypatch.setattr(build_module, "run_engine", failing)
    result = build(Project(root, work_dir=tmp_path / "work"), pdf=False, offline_zip=False)
    assert result.failure is not None and result.failure.stage == "engine"
    monkeypatch.undo()

    # A translation that breaks the structure: a content error, nothing built.
    translation = root / "content" / "exercises" / "all-types.es.yml"
    translation.write_text(read(translation).replace("id: agree", "id: agreed"), encoding="utf-8")
    result = build(Project(root, work_dir=tmp_path / "work"), pdf=False, offline_zip=False)
    assert result.errors and result.errors[0].file == "content/exercises/all-types.es.yml"

    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not (tmp_path / "project" / "site.new").exists()


# --- the pure parts ------------------------------------------------------------------------------------


def test_language_sites_put_the_original_at_the_root(tmp_path: Path) -> None:
    root = bilingual(make_project(tmp_path / "project"))
    content, errors = validate_content(root)
    assert content is not None, errors
    sites = language_sites(content)
    assert [(s.language, s.folder) for s in sites] == [("en", ""), ("es", "es")]
    assert sites[1].content.workbook.site_url == "https://example.org/mini/es/", "QR codes lead to the Spanish pages"
    assert sites[1].content.exercises["all-types"].title == "Todos los tipos"
    assert untranslated_pages(sites[1].content) >= {
        "exercises/runway/index.html",
        "about/index.html",
        "chapters/first/index.html",
    }
    assert "exercises/all-types/index.html" not in untranslated_pages(sites[1].content)
    assert "facilitator-guide/index.html" not in untranslated_pages(sites[1].content), "the plans say so themselves"
    assert untranslated_pages(sites[1].content, directory_urls=False) >= {"exercises/runway.html", "about.html"}
    english, spanish = {"name": "English", "lang": "en"}, {"name": "Español", "lang": "es"}
    assert alternate(sites, sites[0]) == [english | {"link": "./"}, spanish | {"link": "es/"}]
    assert alternate(sites, sites[1]) == [english | {"link": "../"}, spanish | {"link": "../es/"}]
    assert alternate(sites[:1], sites[0]) == [], "one language: no selector"


def test_language_names_are_their_own() -> None:
    assert [language_name(x) for x in ("en", "es", "pt-BR", "fr")] == ["English", "Español", "Português (Brasil)", "Français"]


def test_counterparts_and_roots_are_relative_to_the_page() -> None:
    def exists(path: str) -> bool:
        return path != "es/only-english/index.html"

    assert counterpart_href("exercises/x/index.html", "", "es", exists, True) == "../../es/exercises/x/"
    assert counterpart_href("es/exercises/x/index.html", "es", "", exists, True) == "../../../exercises/x/"
    assert counterpart_href("index.html", "", "es", exists, True) == "es/"
    assert counterpart_href("es/index.html", "es", "es", exists, True) == "./"
    assert counterpart_href("only-english/index.html", "", "es", exists, True) is None
    assert root_href("only-english/index.html", "es", True) == "../es/"
    assert counterpart_href("exercises/x.html", "", "es", exists, False) == "../es/exercises/x.html"
    assert root_href("es/exercises/x.html", "", False) == "../../index.html"


def test_each_toggle_is_named_for_the_scheme_it_leads_to() -> None:
    def t(key: str) -> str:
        return f"<{key}>"

    light, dark, system = (
        {"scheme": "default", "toggle": {"name": "x"}},
        {"scheme": "slate", "toggle": {"name": "y"}},
        {"toggle": {"name": "z"}},
    )
    assert [e["toggle"]["name"] for e in named_toggles([light, dark], t)] == ["&lt;theme.to-dark&gt;", "&lt;theme.to-light&gt;"]
    # Material's three-way palette: the device's setting, light, dark, and back
    assert [e["toggle"]["name"] for e in named_toggles([system, light, dark], t)] == [
        "&lt;theme.to-light&gt;",
        "&lt;theme.to-dark&gt;",
        "&lt;theme.to-system&gt;",
    ]
    mine = {"scheme": "sepia", "toggle": {"name": "Sepia, please"}}
    assert named_toggles([light, mine], t)[0]["toggle"]["name"] == "x", "a scheme of the forker's own keeps mkdocs.yml's name"
    assert named_toggles({"scheme": "slate"}, t) == {"scheme": "slate"}, "one scheme: no toggle"
    toc = {"toc": {"permalink": True}}
    assert titled_permalinks(["admonition", toc, {"toc": {}}], "P") == [
        "admonition",
        {"toc": {"permalink": True, "permalink_title": "P"}},
        {"toc": {}},
    ]


def test_relink_changes_only_the_selector_and_adds_the_notice() -> None:
    page = (
        '<head><link rel="alternate" href="../" hreflang="en"></head><article class="md-content__inner md-typeset"><h1>T</h1>'
        '<a href="../" hreflang="en" class="md-select__link">English</a><a href="x" hreflang="en">other</a>'
    )
    out = relink(page, {"en": "../../a/"}, notice="<div>N</div>", original="en")
    assert '<a href="../../a/" hreflang="en" class="md-select__link">' in out
    assert '<link rel="alternate" href="../" hreflang="en">' in out and '<a href="x" hreflang="en">' in out
    assert '<article class="md-content__inner md-typeset" lang="en"><div>N</div><h1>T</h1>' in out


# --- the real workbook, built once per session with its packs (conftest's `workbook_site`) -------------


def test_the_spanish_site_has_its_own_packs_and_pages_link_them(workbook_site: Path) -> None:
    from .pdftools import norm, pdf_text

    spanish = workbook_site / "es" / "downloads"
    found = {p.relative_to(spanish).as_posix() for p in spanish.rglob("*.pdf")}
    english = {p.relative_to(workbook_site / "downloads").as_posix() for p in (workbook_site / "downloads").rglob("*.pdf")}
    assert found == english and PARTICIPANT_PACK in found
    pack = norm(pdf_text(spanish / PARTICIPANT_PACK))
    assert "Mapa de contactos" in pack and "Network map: who knows your work" not in pack
    page = read(workbook_site / "es/exercises/network-map/index.html")
    link = re.search(r'href="([^"]+\.pdf)"[^>]*data-wb-download', page)
    assert link and (workbook_site / "es/exercises/network-map" / link[1]).resolve() == (spanish / "worksheets/network-map.pdf").resolve()


def test_the_spanish_guide_and_facilitator_pack_show_the_spanish_session_plans(workbook_site: Path) -> None:
    """content/sessions.es.yml on the Spanish facilitator guide page and in the Spanish facilitator pack:
    each session's title and purpose, each slot at its start and minutes with its Spanish text and note."""
    from .pdftools import content, norm

    english = content()
    spanish = for_language(english, "es")
    plans = session_plans(list(spanish.exercises.values()), spanish.sessions, Wording("es"))
    authored = [p for p in plans if not p.automatic]
    assert len(authored) == len(english.sessions) == 4

    guide = read(workbook_site / "es/facilitator-guide/index.html")
    assert "wb-untranslated" not in guide
    for plan, original in zip(authored, english.sessions, strict=True):
        section = guide[guide.index(f'data-plan="{plan.id}"') :]
        section = norm(section[: section.index("</table>")])
        assert norm(plan.purpose) in section and norm(original.purpose) not in section
        rows = [section.index(norm(f"{clock(s.start)} {s.minutes} {s.title}")) for s in plan.slots]
        assert rows == sorted(rows), plan.id
        assert all(norm(s.note) in section for s in plan.slots)
        assert not [t for s in original.slots if (t := s.activity or s.discussion) and norm(t) in section], "no English slot"

    # -layout keeps each table row on its line (plain pdftotext reads a row's cells out of order)
    run = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(workbook_site / "es/downloads" / FACILITATOR_PACK), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    text = norm(run.stdout)
    headings = [text.index(norm(f"{p.title} ({p.minutes} minutos)")) for p in authored]
    assert headings == sorted(headings), "the sessions in the file's order"
    for plan, start, end in zip(authored, headings, [*headings[1:], len(text)], strict=True):
        section = text[start:end]
        # a long title wraps inside its cell: its first words share the row with the start and the minutes
        rows = [section.index(norm(f"{clock(s.start)} {s.minutes} {' '.join(s.title.split()[:3])}")) for s in plan.slots]
        assert rows == sorted(rows), plan.id
    assert not [s.title for s in english.sessions if s.title in text], "no English session title"
