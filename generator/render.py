"""Stage 3, render: checked content -> a docs folder of plain Markdown + HTML + assets.

Pure in the sense that matters: `render_pages` returns {relative path: text} and writes nothing;
`write_docs` puts those files (and the static assets) on disk. The engine config is derived from
the forker's mkdocs.yml plus what only the content knows (title, nav, palette).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown as md
import segno
import yaml
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import spec as scoring
from .links import Links
from .model import Exercise, Likert, Source, Workbook
from .plans import clock, session_plans
from .strings import ASSET as STRINGS_ASSET
from .strings import strings_js
from .validate import Content

MKDOCS_LINKS = Links()  # the default engine's link style
MARKDOWN_EXTENSIONS = ["extra", "sane_lists", "smarty"]


# One converter, reset between texts: building a Markdown instance costs ~5x a conversion, and a
# worksheet converts dozens of short texts (the generator's time budget is 10% of the engine's).
_CONVERTER = md.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")


@functools.lru_cache(maxsize=4096)
def _convert(text: str) -> str:
    return _CONVERTER.reset().convert(text)


def markdown_html(text: str) -> Markup:
    """Block Markdown -> HTML, for prose embedded inside the worksheet's HTML."""
    return Markup(_convert(text))


def markdown_inline(text: str) -> Markup:
    """One paragraph of Markdown -> inline HTML (no <p>), for labels and legends."""
    html = _convert(text).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def environment(templates: Path) -> Environment:
    # Compiled templates are cached beside the generated docs (checked against the source, so an
    # edited template recompiles): compiling is the largest fixed cost of a small build.
    cache = templates.parent / "build" / "jinja-cache"
    cache.mkdir(parents=True, exist_ok=True)
    env = Environment(
        loader=FileSystemLoader(templates),
        bytecode_cache=FileSystemBytecodeCache(str(cache)),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_html
    env.filters["md_inline"] = markdown_inline
    env.filters["score"] = scoring.fmt
    return env


def credit(source: Source) -> str:
    """'Title' by Author (Publication, March 2011) — the one place a citation is worded."""
    who = source.author
    where = ", ".join(p for p in (source.publication, _date(source.date)) if p)
    text = f"“{source.title}”"
    if who:
        text += f" by {who}"
    if where:
        text += f" ({where})" if who else f", {where}"
    return text


def _date(value: str) -> str:
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    parts = value.split("-") if value else []
    if len(parts) >= 2:
        day = f"{int(parts[2])} " if len(parts) == 3 else ""
        return f"{day}{months[int(parts[1]) - 1]} {parts[0]}"
    return value


def _compact(html: str) -> str:
    """Drop blank lines: Markdown ends a raw HTML block at one, which would break the form."""
    return "\n".join(line for line in html.splitlines() if line.strip())


# The PDF packs (written by generator/pdf.py) under the site; pages link them only when they are built.
DOWNLOADS = "downloads"
PARTICIPANT_PACK = "participant-pack.pdf"
FACILITATOR_PACK = "facilitator-pack.pdf"


def worksheet_pdf(exercise_id: str) -> str:
    return f"worksheets/{exercise_id}.pdf"


def exercise_url(site_url: str, exercise_id: str) -> str:
    return site_url.rstrip("/") + f"/exercises/{exercise_id}/"


def qr_svg(url: str) -> Markup:
    """A QR code of `url` as inline SVG (made at build time; printed worksheets link back with it)."""
    code = segno.make(url, error="m")
    return Markup(code.svg_inline(scale=1, border=2, omitsize=True, svgclass="wb-qr", lineclass=None))


def in_order(content: Content) -> list[Exercise]:
    """Every exercise in reading order (chapter by chapter)."""
    return [content.exercises[e] for chapter in content.workbook.chapters for e in chapter.exercises]


def facilitator_partials(env: Environment, content: Content, href: Callable[[str], str]) -> Callable[..., Markup]:
    """Renders templates/packs/{plan,notes}.html.j2, the facilitator material the guide page and the pack share."""
    titles = {e.id: e.title for e in content.exercises.values()}

    def render_partial(name: str, **context: Any) -> Markup:
        return Markup(_compact(env.get_template(name).render(titles=titles, clock=clock, href=href, **context)))

    return render_partial


def exercise_urls(content: Content, links: Links, page_md: str) -> dict[str, tuple[str, str]]:
    """Exercise id -> (title, link to its page from `page_md`), for follow-ups and My workbook."""
    return {eid: (ex.title, links.page(page_md, f"exercises/{eid}.md")) for eid, ex in content.exercises.items()}


def render_pages(content: Content, templates: Path, pdf: bool = False, links: Links = MKDOCS_LINKS) -> dict[str, str]:
    """Every generated page, keyed by its path under the docs folder.

    `pdf`: the PDF packs are built too, so the pages link them (never a link to a missing file).
    `links`: how the engine resolves links in raw HTML and scripts (see generator/links.py).
    """
    env = environment(templates)
    wb = content.workbook
    ex_urls = exercise_urls(content, links, "exercises/_.md")
    idea_source = {idea.id: (s, idea) for s in content.sources for idea in s.ideas}
    practised_by: dict[str, list[Exercise]] = {i: [] for i in idea_source}
    for ex in content.exercises.values():
        for idea in ex.ideas:
            practised_by[idea].append(ex)
    chapters = {c.id: c for c in wb.chapters}

    pages: dict[str, str] = {}
    for page_id, text in content.pages.items():
        pages[f"{page_id}.md"] = text
    for chapter in wb.chapters:
        pages[f"chapters/{chapter.id}.md"] = env.get_template("pages/chapter.md.j2").render(
            workbook=wb, chapter=chapter, exercises=[content.exercises[e] for e in chapter.exercises]
        )
    for source in content.sources:
        pages[f"sources/{source.id}.md"] = env.get_template("pages/source.md.j2").render(
            workbook=wb, source=source, credit=credit(source), practised_by=practised_by
        )
    for ex in content.exercises.values():
        form = render_form(env, wb, ex, ex_urls)
        sources_used = sorted({idea_source[i][0].id: idea_source[i][0] for i in ex.ideas}.values(), key=lambda s: s.id)
        pages[f"exercises/{ex.id}.md"] = env.get_template("pages/exercise.md.j2").render(
            workbook=wb,
            exercise=ex,
            form=form,
            chapter=chapters[content.chapter_of(ex.id)],
            ideas=[idea_source[i] for i in ex.ideas],
            sources=sources_used,
            credit=credit,
            follow_ups=[content.exercises[f] for f in ex.follow_ups],
            pdf_href=links.file(f"exercises/{ex.id}.md", f"{DOWNLOADS}/{worksheet_pdf(ex.id)}") if pdf else "",
        )
    # Links to the packs are raw HTML: the engine checks Markdown links, and the PDFs come after it.
    if pdf and "index.md" in pages:
        pages["index.md"] = (
            pages["index.md"].rstrip("\n")
            + "\n\n"
            + env.get_template("pages/downloads.md.j2").render(
                workbook=wb, prefix=links.file("index.md", f"{DOWNLOADS}/"), participant=PARTICIPANT_PACK, facilitator=FACILITATOR_PACK
            )
        )
    my_urls = exercise_urls(content, links, "my-workbook.md")
    pages["my-workbook.md"] = env.get_template("pages/my-workbook.md.j2").render(
        exercises_json=Markup(_script_json([scoring.widget_spec(ex, my_urls) | {"url": my_urls[ex.id][1]} for ex in in_order(content)])),
        assets=links.file("my-workbook.md", "assets/workbook/"),
    )
    pages["facilitator-guide.md"] = env.get_template("pages/facilitator-guide.md.j2").render(
        workbook=wb,
        exercises=in_order(content),
        plans=session_plans(in_order(content)),
        render_partial=facilitator_partials(env, content, href=lambda eid: links.page("facilitator-guide.md", f"exercises/{eid}.md")),
        facilitator_pdf=links.file("facilitator-guide.md", f"{DOWNLOADS}/{FACILITATOR_PACK}") if pdf else "",
        participant_pdf=links.file("facilitator-guide.md", f"{DOWNLOADS}/{PARTICIPANT_PACK}") if pdf else "",
    )
    return pages


def render_form(env: Environment, wb: Workbook, ex: Exercise, ex_urls: dict[str, tuple[str, str]], *, key: bool = True) -> Markup:
    """One exercise's worksheet form, as a single raw HTML block (the site and the PDF packs share it).

    `key`: include the scoring key (the participant pack leaves it out).
    """
    spec = scoring.widget_spec(ex, ex_urls)
    html = env.get_template("worksheet/form.html.j2").render(
        workbook=wb,
        exercise=ex,
        spec=spec,
        spec_json=Markup(_script_json(spec)),
        show_key=key,
        qr=qr_svg(exercise_url(wb.site_url, ex.id)) if wb.site_url else "",
        scale_of=lambda item: scoring.likert_scale(item, ex) if isinstance(item, Likert) else [],
    )
    return Markup(_compact(html))


def _script_json(data: Any) -> str:
    # `</` could close the <script> element early; \u003c keeps the JSON identical once parsed.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def nav(content: Content) -> list[Any]:
    wb = content.workbook
    out: list[Any] = [{"Home": "index.md"}]
    out += [{_heading(content.pages[p], p): f"{p}.md"} for p in wb.pages]
    out.append({"My workbook": "my-workbook.md"})
    for chapter in wb.chapters:
        entries: list[Any] = [{"Overview": f"chapters/{chapter.id}.md"}]
        entries += [{content.exercises[e].title: f"exercises/{e}.md"} for e in chapter.exercises]
        out.append({chapter.title: entries})
    out.append({"Sources": [{s.title: f"sources/{s.id}.md"} for s in content.sources]})
    out.append({"Facilitator guide": "facilitator-guide.md"})
    return out


def _heading(text: str, fallback: str) -> str:
    match = re.search(r"^#\s+(.+?)\s*#*\s*$", text, flags=re.M)
    return match.group(1) if match else fallback.replace("-", " ").capitalize()


def theme_css(content: Content) -> str:
    t = content.workbook.theme
    return (
        "/* Generated from content/workbook.yml (theme): edit the colours there. */\n"
        ':root, [data-md-color-scheme="default"] {\n'
        f"  --md-primary-fg-color: {t.primary};\n  --md-primary-fg-color--dark: {t.primary};\n"
        f"  --md-accent-fg-color: {t.accent};\n  --wb-accent: {t.accent};\n}}\n"
        '[data-md-color-scheme="slate"] {\n'
        f"  --md-primary-fg-color: {t.primary};\n  --md-accent-fg-color: {t.accent};\n  --wb-accent: {t.accent};\n}}\n"
    )


def engine_config(
    content: Content,
    base_config: Path,
    docs_dir: Path,
    site_dir: Path,
    preview: bool = False,
    engine: str = "mkdocs",
    offline: bool = False,
) -> dict[str, Any]:
    """The forker's mkdocs.yml with what only the content knows filled in.

    A preview leaves out site_url: the engine would otherwise serve under its path (/workbook/),
    not at the root address it prints. Zensical wants docs_dir and site_dir relative to, and
    inside, the config's folder, and its `classic` variant keeps Material's look.
    """
    config: dict[str, Any] = yaml.safe_load(base_config.read_text(encoding="utf-8")) or {}
    wb = content.workbook
    root = base_config.parent.resolve()
    config["site_name"] = wb.title
    config["site_description"] = wb.subtitle
    config["site_author"] = wb.author
    config["copyright"] = f"{wb.title} © {wb.author} · {wb.licence}"
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
    css = config.setdefault("extra_css", [])
    if "assets/stylesheets/theme.css" not in css:
        css.insert(0, "assets/stylesheets/theme.css")
    return config


def docs_files(content: Content, templates: Path, pdf: bool = False, links: Links = MKDOCS_LINKS) -> dict[str, bytes]:
    """Every file of the docs folder: rendered pages, the static assets, the theme colours and the scripts' wording."""
    files = {path: text.encode("utf-8") for path, text in render_pages(content, templates, pdf, links).items()}
    assets = templates / "assets"
    for asset in sorted(p for p in assets.rglob("*") if p.is_file()):
        files[f"assets/{asset.relative_to(assets).as_posix()}"] = asset.read_bytes()
    files["assets/stylesheets/theme.css"] = theme_css(content).encode("utf-8")
    files[STRINGS_ASSET] = strings_js(content.workbook.strings).encode("utf-8")
    for asset in content.assets:
        files[f"assets/{asset.name}"] = asset.read_bytes()
    return files


def sync_folder(folder: Path, files: dict[str, bytes]) -> int:
    """Make `folder` hold exactly `files`, touching only what changed (so live preview reloads once)."""
    changed = 0
    for rel_path, data in files.items():
        target = folder / rel_path
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed += 1
    if folder.exists():
        for stale in sorted(folder.rglob("*"), reverse=True):
            rel_path = stale.relative_to(folder).as_posix()
            if stale.is_file() and rel_path not in files:
                stale.unlink()
                changed += 1
            elif stale.is_dir() and not any(stale.iterdir()):
                stale.rmdir()
    return changed


def write_docs(
    content: Content,
    templates: Path,
    base_config: Path,
    out: Path,
    site_dir: Path,
    preview: bool = False,
    pdf: bool = False,
    engine: str = "mkdocs",
    offline: bool = False,
) -> Path:
    """Render into `out`/docs and write the engine config beside it; returns the config's path.

    `pdf`: the build makes the PDF packs afterwards, so pages may link them.
    """
    docs = out / "docs"
    links = Links("offline" if offline else "zensical" if engine == "zensical" else "mkdocs")
    sync_folder(docs, docs_files(content, templates, pdf, links))
    config = engine_config(content, base_config, docs, site_dir, preview, engine, offline)
    text = "# Generated by `workbook build` from mkdocs.yml and content/: do not edit.\n" + yaml.safe_dump(
        config, sort_keys=False, allow_unicode=True
    )
    config_path = out / "mkdocs.yml"
    if not config_path.is_file() or config_path.read_text(encoding="utf-8") != text:
        config_path.write_text(text, encoding="utf-8")
    return config_path
