"""Stage 2, validate (first step): read content/ file by file, each checked against its model.

A file that fails to load or to match its model is reported and set aside; the cross-file checks
then run on the files that passed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .errors import ContentError
from .field_errors import describe, from_pydantic
from .load import Loaded, load_yaml, read_text, shape_problems
from .messages import say


def check_file(path: Path, display: str, model: type[BaseModel], errors: list[ContentError]) -> tuple[Any, Loaded | None]:
    loaded, load_errors = load_yaml(path, display)
    errors += load_errors
    if loaded is None:
        return None, None
    if not isinstance(loaded.data, dict):
        errors.append(
            ContentError(
                display,
                1,
                1,
                "",
                say("check.not-mapping", found=describe(loaded.data)),
                say("check.not-mapping-hint", folder=Path(display).parent.as_posix()),
            )
        )
        return None, loaded
    try:
        return model.model_validate(loaded.data), loaded
    except ValidationError as exc:
        errors += [from_pydantic(e, loaded, model) for e in exc.errors()]
        return None, loaded


YAML_SUFFIXES = (".yml", ".yaml")
# A translation is named after its original with the language before the suffix: `network-map.es.yml`.
TRANSLATED_STEM = re.compile(r"^(?P<stem>[^.]+)\.(?P<language>[a-z]{2}(?:-[A-Z]{2})?)$")


def split_language(stem: str) -> tuple[str, str | None]:
    """`network-map.es` -> (`network-map`, `es`); a stem without a language -> (stem, None)."""
    match = TRANSLATED_STEM.match(stem)
    return (match["stem"], match["language"]) if match else (stem, None)


def content_paths(
    folder: Path,
    suffixes: tuple[str, ...],
    root: Path,
    rel: Any,
    errors: list[ContentError],
    notes: list[ContentError],
    *,
    translations: bool = False,
) -> list[Path]:
    """The files of `folder` that are content: the originals, or with `translations` the translations
    beside them (translations.py). Hidden files (editor locks and swap files, macOS metadata) are
    skipped with a note; a folder, a link leading out of the project or nowhere, or a second file for
    one id (`x.yml` beside `x.yaml`) is refused with an error. Never one silently chosen."""
    paths: list[Path] = []
    stems: dict[str, str] = {}
    inside = root.resolve()
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.suffix not in suffixes:
            continue  # `x.yml~` backups and other files are not read
        if (split_language(path.stem)[1] is not None) != translations:
            continue
        where = rel(path)
        if path.name.startswith("."):
            notes.append(ContentError(where, 0, 0, "", say("check.hidden-file"), say("check.delete-it-hint")))
            continue
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                errors.append(ContentError(where, 0, 0, "", say("check.link-nowhere"), say("check.link-nowhere-hint")))
                continue
            if not target.is_relative_to(inside):
                errors.append(ContentError(where, 0, 0, "", say("check.link-outside", target=target), say("check.link-outside-hint")))
                continue
        if path.is_dir():
            errors.append(ContentError(where, 0, 0, "", say("check.folder-as-file"), say("check.folder-as-file-hint")))
            continue
        if not path.is_file():
            errors.append(ContentError(where, 0, 0, "", say("check.not-regular"), say("check.not-regular-hint")))
            continue
        if path.stem in stems:
            errors.append(
                ContentError(
                    where,
                    0,
                    0,
                    "",
                    say("check.same-stem", other=stems[path.stem], stem=path.stem),
                    say("check.keep-one-hint"),
                )
            )
            continue
        stems[path.stem] = path.name
        paths.append(path)
    return paths


def check_folder(
    folder: Path, model: type[BaseModel], rel: Any, errors: list[ContentError], root: Path, notes: list[ContentError]
) -> tuple[dict[str, tuple[Any, Loaded]], set[str]]:
    """The files that passed, by id, and the stems of those that did not."""
    out: dict[str, tuple[Any, Loaded]] = {}
    broken: set[str] = set()
    for path in content_paths(folder, YAML_SUFFIXES, root, rel, errors, notes):
        obj, loaded = check_file(path, rel(path), model, errors)
        if obj is None or loaded is None:
            broken.add(path.stem)
            continue
        if obj.id != path.stem:
            line, col = loaded.position(("id",))
            errors.append(
                ContentError(
                    loaded.file,
                    line,
                    col,
                    "id",
                    say("check.id-file-mismatch", id=obj.id, file=path.name),
                    say("check.id-file-mismatch-hint", id=obj.id, suffix=path.suffix, stem=path.stem),
                )
            )
            broken.add(path.stem)
            continue
        out[obj.id] = (obj, loaded)
    return out, broken


def read_page(path: Path, display: str, errors: list[ContentError]) -> str | None:
    """A hand-written page as text: UTF-8, within the size limit, its front matter (if any) valid YAML."""
    text, problems = read_text(path, display)
    if text is None:
        errors += problems
        return None
    match = re.match(r"---\r?\n(.*?\r?\n)---\r?\n", text, re.S)
    if match:
        front = match.group(1)
        try:
            # Lines of the front matter are counted from the file's first line (the opening `---`).
            problems = [replace(e, line=e.line + 1) for e in shape_problems(front, display)]
            data = None if problems else yaml.safe_load(front)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark
            problems = [
                ContentError(
                    display,
                    (mark.line + 2) if mark else 1,
                    (mark.column + 1) if mark else 1,
                    "",
                    say("check.front-matter-yaml", problem=exc.problem),
                    say("check.front-matter-yaml-hint"),
                )
            ]
        if not problems and data is not None and not isinstance(data, dict):
            problems = [ContentError(display, 2, 1, "", say("check.front-matter-shape"), say("check.front-matter-shape-hint"))]
        if problems:
            errors += problems
            return None
    return text
