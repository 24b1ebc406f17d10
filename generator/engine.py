"""Stage 4, build: everything about the engine (MkDocs or Zensical) in one place.

Pipeline position: render -> **engine** -> pdf. `engine_config` derives the engine's config from
the forker's mkdocs.yml and the content; `engine_command` says how to run it; `ensure_engine`
installs Zensical on first use; `run_engine` runs it into a folder and says what went wrong.
The generator writes plain Markdown and assets, so either engine builds the same docs folder.
"""

from __future__ import annotations

import html
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .bundles import PRINT_CSS, SITE_CSS, SITE_SCRIPT, linked
from .messages import say
from .model import Content
from .wording import Wording

ENGINES = ("mkdocs", "zensical")
# Material prints a notice about MkDocs 2 on every build; the Zensical build works, so it is noise.
ENGINE_ENV = {"PYTHONUNBUFFERED": "1", "NO_MKDOCS_2_WARNING": "1"}
# Zensical, the Material team's successor engine, installed only when asked for. 0.0.73 is the
# newest release whose dependencies the package index serves (0.1.x needs zensical-ui).
ZENSICAL = "zensical==0.0.73"


def engine_config(
    content: Content,
    base_config: Path,
    docs_dir: Path,
    site_dir: Path,
    preview: bool = False,
    engine: str = "mkdocs",
    offline: bool = False,
    alternate: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """The forker's mkdocs.yml with what only the content knows filled in.

    `alternate`: the theme's language selector (languages.py), when the workbook is made in several.

    A preview leaves out site_url: the engine would otherwise serve under its path (/workbook/),
    not at the root address it prints. Zensical wants docs_dir and site_dir relative to, and
    inside, the config's folder, and its `classic` variant keeps Material's look.
    """
    config: dict[str, Any] = yaml.safe_load(base_config.read_text(encoding="utf-8")) or {}
    wb = content.workbook
    root = base_config.parent.resolve()
    # The engine's templates print these as HTML, in text and in attributes: escaped, quotes too.
    config["site_name"] = html.escape(wb.title)
    config["site_description"] = html.escape(wb.subtitle)
    config["site_author"] = html.escape(wb.author)
    config["copyright"] = html.escape(f"{wb.title} © {wb.author} · {wb.licence}")
    if wb.site_url and not preview:
        config["site_url"] = wb.site_url
    config["docs_dir"] = str(docs_dir.resolve())
    config["site_dir"] = str(site_dir.resolve())
    if engine == "zensical":
        config["docs_dir"] = docs_dir.name
        config["site_dir"] = site_dir.name
        config.setdefault("theme", {})["variant"] = "classic"
    config["nav"] = nav(content)
    theme = config.setdefault("theme", {})
    theme["language"] = wb.language
    # mkdocs.yml's own words, in the site's language: the colour toggle's and the headings' link titles.
    t = Wording(wb.language, wb.strings).t
    if "palette" in theme:
        theme["palette"] = named_toggles(theme["palette"], t)
    if "markdown_extensions" in config:
        config["markdown_extensions"] = titled_permalinks(config["markdown_extensions"], t("theme.permalink"))
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    if wb.theme.logo:
        theme["logo"] = f"assets/{Path(wb.theme.logo).name}"
    if offline:
        # Opened from disk: file URLs, the search index inlined by Material's offline plugin, and no
        # instant navigation (it fetches pages, which browsers refuse under file://).
        config["use_directory_urls"] = False
        plugins = config.setdefault("plugins", [])
        if "offline" not in plugins:
            plugins.append("offline")
        theme["features"] = [f for f in theme.get("features", []) if f != "navigation.instant"]
        # Search runs in a web worker, which file:// forbids; the plugin would fetch this shim from a
        # CDN unless one is configured, so the self-hosted copy is named here.
        config.setdefault("extra", {})["polyfills"] = ["assets/vendor/iframe-worker/shim.js"]
    config["extra_css"] = linked(config.get("extra_css"), [SITE_CSS, PRINT_CSS])
    config["extra_javascript"] = linked(config.get("extra_javascript"), [SITE_SCRIPT])
    if alternate:
        config.setdefault("extra", {})["alternate"] = alternate
        # keeps the selector on the page shown after instant navigation (the header is not redrawn)
        config["extra_javascript"].append("assets/workbook/languages.js")
    return config


# A palette entry's toggle names what it switches to: Material goes from each entry to the next
# (the last to the first). A scheme of the forker's own keeps the name mkdocs.yml gives it.
TOGGLE_TO = {"default": "theme.to-light", "slate": "theme.to-dark", None: "theme.to-system"}


def named_toggles(palette: Any, t: Callable[[str], str]) -> Any:
    """mkdocs.yml's `theme.palette`, each toggle named from the strings table (`theme.to-*`). A single
    scheme (a mapping, or a list of one) has no toggle and is left as it is."""
    if not isinstance(palette, list) or len(palette) < 2:
        return palette
    named: list[Any] = []
    for entry, following in zip(palette, palette[1:] + palette[:1], strict=True):
        key = TOGGLE_TO.get(following.get("scheme")) if isinstance(following, dict) else None
        if key and isinstance(entry, dict) and isinstance(entry.get("toggle"), dict):
            # the theme prints the name into attributes unescaped, as it does the site's name
            entry = entry | {"toggle": entry["toggle"] | {"name": html.escape(t(key))}}
        named.append(entry)
    return named


def titled_permalinks(extensions: Any, title: str) -> Any:
    """mkdocs.yml's `markdown_extensions` with the headings' permalinks titled in the site's language
    (`toc`'s `permalink_title`, "Permanent link" by default). Markdown escapes it itself."""
    if not isinstance(extensions, list):
        return extensions
    return [
        {**ext, "toc": {**ext["toc"], "permalink_title": title}}
        if isinstance(ext, dict) and isinstance(ext.get("toc"), dict) and ext["toc"].get("permalink")
        else ext
        for ext in extensions
    ]


def nav(content: Content) -> list[Any]:
    """The navigation. Its titles are plain text from the content, and the engine's templates print
    them as HTML, so they are escaped here (a title with markup in it shows the markup, never runs it)."""
    wb = content.workbook
    e = html.escape
    t = Wording(wb.language, wb.strings).t  # the workbook's language: each language site has its own
    out: list[Any] = [{e(t("nav.home")): "index.md"}]
    out += [{e(_heading(content.pages[p], p)): f"{p}.md"} for p in wb.pages]
    out.append({e(t("nav.my-workbook")): "my-workbook.md"})
    for chapter in wb.chapters:
        entries: list[Any] = [{e(t("nav.overview")): f"chapters/{chapter.id}.md"}]
        entries += [{e(content.exercises[x].title): f"exercises/{x}.md"} for x in chapter.exercises]
        out.append({e(chapter.title): entries})
    out.append({e(t("nav.sources")): [{e(s.title): f"sources/{s.id}.md"} for s in content.sources]})
    out.append({e(t("nav.facilitator-guide")): "facilitator-guide.md"})
    return out


def _heading(text: str, fallback: str) -> str:
    match = re.search(r"^#\s+(.+?)\s*#*\s*$", text, flags=re.M)
    return match.group(1) if match else fallback.replace("-", " ").capitalize()


def engine_command(engine: str, config: Path, serve: bool = False, address: str = "127.0.0.1:8000") -> list[str]:
    if engine == "mkdocs":
        verb = ["serve", "--dev-addr", address, "--livereload"] if serve else ["build", "--strict", "--clean"]
        return [sys.executable, "-m", "mkdocs", *verb, "--config-file", str(config)]
    if engine == "zensical" and not serve:
        return [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "--config-file", str(config)]
    raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")


def ensure_engine(engine: str, constraints: Path) -> str:
    """Install Zensical on first use (pinned by `constraints` when it exists); returns why that failed, or ""."""
    if engine != "zensical" or importlib.util.find_spec("zensical") is not None:
        return ""
    print(say("build.installing", package=ZENSICAL), file=sys.stderr, flush=True)
    pin = ["-c", str(constraints)] if constraints.is_file() else []
    run = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *pin, ZENSICAL], capture_output=True, text=True
    )
    if run.returncode != 0:
        return say("build.install-failed", package=ZENSICAL, output=run.stderr.strip())
    importlib.invalidate_caches()
    return ""


def engine_output(engine: str, work: Path, target: Path) -> Path:
    """Where the engine writes: Zensical only inside its config's folder (moved to `target` afterwards)."""
    return work / "zensical-site" if engine == "zensical" else target


def run_engine(engine: str, config: Path, target: Path, work: Path, root: Path) -> str:
    """Run the engine on `config` into `target`; returns its output when it failed, "" when it built.

    A failed run leaves no `target` behind, so a half-built site can never be swapped in.
    """
    out = engine_output(engine, work, target)
    run = subprocess.run(
        engine_command(engine, config),
        cwd=work if engine == "zensical" else root,
        capture_output=True,
        text=True,
        env=os.environ | ENGINE_ENV,
    )
    if run.returncode == 0 and out != target and (out / "index.html").is_file():
        shutil.move(str(out), str(target))
    if run.returncode != 0 or not (target / "index.html").is_file():
        shutil.rmtree(target, ignore_errors=True)
        return (run.stdout + run.stderr).strip() or say("build.engine-exit", engine=engine, code=run.returncode)
    return ""
