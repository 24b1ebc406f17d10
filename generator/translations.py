"""Stage 2, validate: the translations beside the original content, and the workbook in a language.

A translation sits beside its original, named with the language before the suffix:
`exercises/network-map.es.yml`, `sources/<id>.es.yml`, `pages/how-to-use.es.md`, `workbook.es.yml`,
`sessions.es.yml`.
Beside the original, a translator sees at a glance what is translated and what is not, a file and
its translation sort together, and the file keeps its suffix (and its schema line), so editors check
it like any other content file. The simplest translation is a copy of the original with the text
rewritten; check_translation.py proves it kept the structure.

Languages other than `language` are built only when listed in workbook.yml's `languages`. For each,
a missing translation of a whole file is a note (the original's text is used, and `Content.untranslated`
says so, for a notice on the page); a translation of a language not listed is a note and is skipped.
`for_language` gives the merged content of one language: the model objects every later stage reads.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .check_links import links_checks
from .check_strings import strings_checks
from .check_translation import overlay
from .content_files import YAML_SUFFIXES, content_paths, read_page, split_language
from .errors import ContentError, did_you_mean
from .field_errors import from_pydantic
from .load import Loaded, load_yaml
from .messages import say
from .model import Content, Exercise, Sessions, Source, Translation, Workbook


def translation_file(original: str, language: str) -> str:
    """content/exercises/x.yml -> content/exercises/x.es.yml (names as errors show them)."""
    stem, dot, suffix = original.rpartition(".")
    return f"{stem}.{language}.{suffix}" if dot else f"{original}.{language}"


Originals = dict[str, tuple[Any, Loaded]]


def check_translations(
    content_dir: Path,
    rel: Any,
    root: Path,
    workbook: tuple[Workbook, Loaded],
    sources: Originals,
    exercises: Originals,
    page_files: dict[str, str],
    pages: dict[str, str],
    sessions: tuple[Sessions, Loaded] | None = None,
    broken: frozenset[str] = frozenset(),
) -> tuple[dict[str, Translation], list[ContentError], list[ContentError]]:
    """Every translation checked against its original: the merged translations by language, the
    errors, and the notes (missing translations, languages not built, hidden files). `sessions`:
    content/sessions.yml when there is one and it passed its checks. `broken`: the pages of originals
    that failed their own checks (reported already): links to them are not reported again."""
    errors: list[ContentError] = []
    notes: list[ContentError] = []
    wb, wb_loaded = workbook
    errors += _languages_checks(wb, wb_loaded)
    wanted = [lang for lang in wb.languages if lang != wb.language]
    found: dict[str, Translation] = {lang: Translation(lang, None, {}, {}, {}) for lang in wanted}
    loaded_by_file: dict[str, tuple[Any, Loaded]] = {}

    def accept(path: Path, original: str | None, kind_of: str, language: str | None) -> bool:
        """Whether `path`, a translation into `language` of `original`, is one to read."""
        where = rel(path)
        if original is None:
            errors.append(ContentError(where, 0, 0, "", say("check.tr-no-original"), _original_hint(path, kind_of)))
            return False
        if language == wb.language:
            errors.append(
                ContentError(
                    where,
                    0,
                    0,
                    "",
                    say("check.tr-own-language", language=language, file=original),
                    say("check.tr-own-language-hint"),
                )
            )
            return False
        if language not in found:
            listed = ", ".join(wb.languages or [wb.language])
            notes.append(
                ContentError(
                    where,
                    0,
                    0,
                    "",
                    say("check.tr-skipped", language=language, listed=listed),
                    say("check.tr-skipped-hint", language=language),
                )
            )
            return False
        return True

    def read(path: Path, kind: str, original: Loaded, model: type[BaseModel], language: str) -> Any:
        loaded, problems = load_yaml(path, rel(path))
        errors.extend(problems)
        if loaded is None:
            return None
        if not isinstance(loaded.data, dict):
            errors.append(ContentError(loaded.file, 1, 1, "", say("check.tr-not-mapping"), say("check.tr-not-mapping-hint")))
            return None
        data = dict(loaded.data)
        extra: dict[str, Any] = {}
        if kind == "workbook":
            # The translation's own wording overrides, and its language, are not the original's.
            extra = {"language": language, "strings": data.pop("strings", {})}
            given = data.pop("language", language)
            if given != language:
                line, column = loaded.position(("language",))
                errors.append(
                    ContentError(
                        loaded.file,
                        line,
                        column,
                        "language",
                        say("check.tr-language-differs", given=given, language=language),
                        say("check.tr-language-differs-hint", language=language),
                    )
                )
        merged, problems = overlay(original, replace(loaded, data=data), kind, language)
        errors.extend(problems)
        if problems:
            return None
        try:
            obj = model.model_validate({**merged, **extra})
        except ValidationError as exc:
            errors.extend(from_pydantic(e, loaded, model) for e in exc.errors())
            return None
        if isinstance(obj, Workbook):
            errors.extend(strings_checks(obj, loaded))
        loaded_by_file[loaded.file] = (obj, loaded)
        return obj

    wb_file = content_dir / "workbook.yml"
    # content/ itself holds two originals that are translated: workbook.yml and sessions.yml (optional).
    sessions_broken = sessions is None and (content_dir / "sessions.yml").exists()  # reported already
    for path in content_paths(content_dir, YAML_SUFFIXES, root, rel, errors, notes, translations=True):
        stem, language = split_language(path.stem)
        if stem == "workbook" and language and accept(path, wb_loaded.file, "workbook", language):
            found[language].workbook = read(path, "workbook", wb_loaded, Workbook, language)
        elif stem == "sessions" and language and not sessions_broken and accept(path, sessions and sessions[1].file, "sessions", language):
            plans = read(path, "sessions", sessions[1], Sessions, language) if sessions else None
            if plans is not None:
                found[language].sessions = plans.sessions
    for folder, originals, model, kind in (("sources", sources, Source, "source"), ("exercises", exercises, Exercise, "exercise")):
        for path in content_paths(content_dir / folder, YAML_SUFFIXES, root, rel, errors, notes, translations=True):
            stem, language = split_language(path.stem)
            original = originals.get(stem)
            if original is None and any((path.parent / f"{stem}{suffix}").exists() for suffix in YAML_SUFFIXES):
                continue  # the original failed its own checks, reported already
            if language and accept(path, original[1].file if original else None, kind, language) and original:
                obj = read(path, kind, original[1], model, language)
                if obj is not None:
                    getattr(found[language], folder)[stem] = obj
    for path in content_paths(content_dir / "pages", (".md",), root, rel, errors, notes, translations=True):
        stem, language = split_language(path.stem)
        if language and accept(path, page_files.get(stem), "page", language):
            text = read_page(path, rel(path), errors)
            if text is not None:
                found[language].pages[stem] = text

    for translation in found.values():
        notes += _missing_notes(translation, rel(wb_file), sources, exercises, page_files, sessions)
        errors += _links_checks(translation, workbook, sources, exercises, pages, page_files, loaded_by_file, broken)
    return found, errors, notes


def _original_hint(path: Path, kind: str) -> str:
    """Which original a misnamed translation may have meant, as the translation's file name."""
    stem, language = split_language(path.stem)
    if kind == "workbook":
        return say("check.tr-name-workbook-hint", language=language)
    if kind == "sessions":
        return say("check.tr-sessions-first-hint")
    originals = [p.stem for p in sorted(path.parent.iterdir()) if p.suffix == path.suffix and split_language(p.stem)[1] is None]
    names = [f"{o}.{language}{path.suffix}" for o in originals]
    close = did_you_mean(f"{stem}.{language}{path.suffix}", names)
    return say("check.tr-name-close-hint", close=close) if close else say("check.tr-name-hint")


def _languages_checks(wb: Workbook, loaded: Loaded) -> list[ContentError]:
    """`languages`: no language twice, and the content's own `language` among them."""
    errors: list[ContentError] = []
    seen: set[str] = set()
    for i, language in enumerate(wb.languages):
        if language in seen:
            line, column = loaded.position(("languages", i))
            errors.append(
                ContentError(
                    loaded.file,
                    line,
                    column,
                    f"languages[{i}]",
                    say("check.language-twice", language=language),
                    say("check.language-twice-hint"),
                )
            )
        seen.add(language)
    if wb.languages and wb.language not in seen:
        line, column = loaded.position(("languages",))
        errors.append(
            ContentError(
                loaded.file,
                line,
                column,
                "languages",
                say("check.language-not-listed", language=wb.language),
                say("check.language-not-listed-hint", language=wb.language),
            )
        )
    return errors


def _missing_notes(
    translation: Translation,
    wb_file: str,
    sources: Originals,
    exercises: Originals,
    page_files: dict[str, str],
    sessions: tuple[Sessions, Loaded] | None,
) -> list[ContentError]:
    language = translation.language
    missing = [wb_file] if translation.workbook is None else []
    missing += [sessions[1].file] if sessions and translation.sessions is None else []
    missing += [loaded.file for key, (_, loaded) in sources.items() if key not in translation.sources]
    missing += [loaded.file for key, (_, loaded) in exercises.items() if key not in translation.exercises]
    missing += [file for key, file in page_files.items() if key not in translation.pages]
    return [
        ContentError(
            translation_file(original, language),
            0,
            0,
            "",
            say("check.tr-missing", language=language, file=original),
            say("check.tr-missing-hint", file=original),
        )
        for original in sorted(missing)
    ]


def _links_checks(
    translation: Translation,
    workbook: tuple[Workbook, Loaded],
    sources: Originals,
    exercises: Originals,
    pages: dict[str, str],
    page_files: dict[str, str],
    loaded_by_file: dict[str, tuple[Any, Loaded]],
    broken: frozenset[str],
) -> list[ContentError]:
    """Links in the translated Markdown, against the pages of that language (its headings have
    their own anchors); only the translations' own problems are reported, the originals' are already."""
    language = translation.language

    def pick(files: Originals, folder: str) -> Originals:
        return {key: loaded_by_file.get(translation_file(loaded.file, language), (obj, loaded)) for key, (obj, loaded) in files.items()}

    wb = loaded_by_file.get(translation_file(workbook[1].file, language), workbook)
    translated_pages = {key: translation.pages.get(key, text) for key, text in pages.items()}
    files = {key: translation_file(file, language) if key in translation.pages else file for key, file in page_files.items()}
    problems = links_checks(wb[0], wb[1], pick(sources, "sources"), pick(exercises, "exercises"), translated_pages, files, set(broken))
    mine = set(loaded_by_file) | {files[key] for key in translation.pages}
    return [e for e in problems if e.file in mine]


def for_language(content: Content, language: str) -> Content:
    """The workbook in `language`: each file's translation where there is one, the original's text
    elsewhere (named in `untranslated`, for the page's notice). Pure; the original for its own language."""
    if language == content.workbook.language:
        return content
    if language not in content.translations:
        listed = ", ".join(content.workbook.languages or [content.workbook.language])
        raise ValueError(f"`{language}` is not one of the workbook's languages ({listed})")
    tr = content.translations[language]
    untranslated = {"workbook"} if tr.workbook is None else set()
    untranslated |= {f"sources/{s.id}" for s in content.sources if s.id not in tr.sources}
    untranslated |= {f"exercises/{e}" for e in content.exercises if e not in tr.exercises}
    untranslated |= {f"pages/{p}" for p in content.pages if p not in tr.pages}
    untranslated |= {"sessions"} if content.sessions and tr.sessions is None else set()
    return replace(
        content,
        workbook=tr.workbook or content.workbook.model_copy(update={"language": language, "strings": {}}),
        sources=[tr.sources.get(s.id, s) for s in content.sources],
        exercises={eid: tr.exercises.get(eid, exercise) for eid, exercise in content.exercises.items()},
        pages={pid: tr.pages.get(pid, text) for pid, text in content.pages.items()},
        sessions=content.sessions if tr.sessions is None else tr.sessions,
        untranslated=frozenset(untranslated),
        original_language=content.workbook.language,
        translations={},
    )
