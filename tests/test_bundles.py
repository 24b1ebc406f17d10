"""The project's own CSS and JS joined into few files (generator/bundles.py): what the docs folder
holds, what the engine's config links, and what a built page asks the server for."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.build import Project, build
from generator.bundles import (
    BUNDLES,
    CHECKIN_JS,
    HISTORY_CSS,
    MY_WORKBOOK_JS,
    PRINT_CSS,
    SERVED_ALONE,
    SITE_CSS,
    SITE_JS,
    SITE_SCRIPT,
    bundled,
    linked,
)
from generator.docs_folder import docs_files, served
from generator.engine import engine_config
from generator.validate import validate_content

from .conftest import REPO

PARTS = {part for parts in BUNDLES.values() for part in parts}
ASSET_LINK = re.compile(r'<link rel="stylesheet" href="(?:\.\./)*(assets/[^"]+)"([^>]*)>|<script src="(?:\.\./)*(assets/[^"]+)"')


def test_a_bundle_is_its_parts_in_order_and_the_parts_are_not_served_alone() -> None:
    files = {part: f"/* {n} */ x{n}".encode() for n, part in enumerate(sorted(PARTS))} | {"index.md": b"# Home\n"}
    out = bundled(files)
    assert not PARTS & set(out)
    assert set(out) == {"index.md", *BUNDLES}
    # Each part under a comment naming it; scripts also end in `;`, so one that ends without a
    # semicolon cannot run into the next one's first line.
    for path, parts in BUNDLES.items():
        end = "\n;\n" if path.endswith(".js") else "\n"
        assert out[path].decode("utf-8") == "".join(f"/* {part} */\n{files[part].decode()}{end}" for part in parts), path


def test_a_part_the_docs_folder_lacks_fails_with_its_name() -> None:
    files = {part: b"x" for part in PARTS if part != "assets/workbook/widget.js"}
    with pytest.raises(KeyError, match=re.escape("assets/workbook/widget.js")):
        bundled(files)


def test_every_source_stylesheet_and_script_is_in_a_bundle_or_served_on_its_own_on_purpose() -> None:
    """A new file under templates/assets/workbook/ that nothing links would be dead weight or a missing feature."""
    folder = REPO / "templates" / "assets" / "workbook"
    sources = {f"assets/workbook/{p.name}" for p in folder.iterdir() if p.suffix in (".css", ".js")}
    assert sources - PARTS == SERVED_ALONE


def test_the_engine_links_the_bundles_first_and_drops_parts_an_older_fork_lists(tmp_path: Path) -> None:
    assert linked(None, [SITE_SCRIPT]) == [SITE_SCRIPT]
    module = {"path": "assets/m.mjs", "type": "module"}
    old = ["assets/workbook/strings.js", {"path": "assets/workbook/widget.js"}, "assets/mine.js", module, SITE_JS]
    assert linked(old, [SITE_SCRIPT]) == [SITE_SCRIPT, "assets/mine.js", module]
    assert linked(["assets/mine.css", SITE_CSS], [SITE_CSS, PRINT_CSS]) == [SITE_CSS, PRINT_CSS, "assets/mine.css"]

    content, errors = validate_content(REPO)
    assert content is not None, errors
    base = tmp_path / "mkdocs.yml"
    base.write_text(
        (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("extra_css: []", "extra_css: [assets/workbook/widget.css, assets/x.css]"),
        encoding="utf-8",
    )
    config = engine_config(content, base, tmp_path / "docs", tmp_path / "site")
    assert config["extra_css"] == [SITE_CSS, PRINT_CSS, "assets/x.css"]
    assert config["extra_javascript"] == [{"path": SITE_JS, "defer": True}]


def test_the_docs_folder_serves_each_part_as_the_site_would_have_served_it_alone() -> None:
    content, errors = validate_content(REPO)
    assert content is not None, errors
    files = docs_files(content, REPO / "templates")
    widget = (REPO / "templates" / "assets" / "workbook" / "widget.js").read_bytes()
    assert served("workbook/widget.js", widget) in files[SITE_JS]
    assert b"globalThis.WorkbookStrings = Object.assign(globalThis.WorkbookStrings || {}, {" in files[SITE_JS]
    assert b"--md-primary-fg-color" in files[SITE_CSS]  # the theme's colours, generated
    assert files[PRINT_CSS] == served("workbook/print.css", (REPO / "templates" / "assets" / "workbook" / "print.css").read_bytes())


def test_a_built_page_asks_for_one_stylesheet_and_one_script_of_the_project(tmp_path: Path) -> None:
    result = build(Project(REPO, work_dir=tmp_path / "build"), site=tmp_path / "site", pdf=False)
    assert result.ok, result.errors or result.failure
    site = tmp_path / "site"
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 10
    content, _ = validate_content(REPO)
    assert content is not None
    # A page with its own bundle: My workbook, and an exercise that shows another's history.
    own = {"my-workbook/index.html": MY_WORKBOOK_JS, "index.html": "assets/workbook/continue.js"}
    own |= {f"exercises/{ex.id}/index.html": CHECKIN_JS for ex in content.exercises.values() if ex.history_of}
    assert len(own) > 1
    for page in pages:
        html = page.read_text(encoding="utf-8")
        links = [(m[1], m[2]) for m in ASSET_LINK.finditer(html) if m[1] and "/workbook/" in m[1]]
        scripts = [m[3] for m in ASSET_LINK.finditer(html) if m[3] and "/workbook/" in m[3]]
        name = page.relative_to(site).as_posix()
        for language in content.workbook.languages:  # each other language is a site in its own folder
            name = name.removeprefix(f"{language}/") if language != content.workbook.language else name
        assert links == [
            (SITE_CSS, ""),
            (PRINT_CSS, ' media="print"'),
            *([(HISTORY_CSS, "")] if name in own and name != "index.html" else []),
        ], name
        mine = [own[name]] if name in own else []
        # the language selector's helper, on every page of a workbook in several languages
        several = ["assets/workbook/languages.js"] if len(content.workbook.languages) > 1 else []
        assert sorted(scripts) == sorted([SITE_JS, *several, *mine]), name
    for path in BUNDLES:
        assert (site / path).is_file()
        if path.endswith(".js"):
            check = subprocess.run(["node", "--check", str(site / path)], capture_output=True, text=True)
            assert check.returncode == 0, check.stderr
    assert not [p for p in PARTS if (site / p).exists()]
    # The forker's mkdocs.yml names none of the project's own files: bundles.py is the one list.
    listed = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert not PARTS & {str(x) for x in [*listed.get("extra_css", []), *listed.get("extra_javascript", [])]}
