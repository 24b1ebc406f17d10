"""Stage 2, validate (first step): read content/ file by file, each checked against its model.

A file that fails to load or to match its model is reported and set aside; the cross-file checks
then run on the files that passed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import ContentError
from .field_errors import describe, from_pydantic
from .load import Loaded, load_yaml


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
                f"expected a mapping of fields (`title: …`), found {describe(loaded.data)}",
                f"see the other files in {Path(display).parent.as_posix()}/ for the shape",
            )
        )
        return None, loaded
    try:
        return model.model_validate(loaded.data), loaded
    except ValidationError as exc:
        errors += [from_pydantic(e, loaded, model) for e in exc.errors()]
        return None, loaded


def check_folder(
    folder: Path, model: type[BaseModel], rel: Any, errors: list[ContentError]
) -> tuple[dict[str, tuple[Any, Loaded]], set[str]]:
    """The files that passed, by id, and the stems of those that did not."""
    out: dict[str, tuple[Any, Loaded]] = {}
    broken: set[str] = set()
    for path in sorted(folder.glob("*.y*ml")):
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
                    f"the id `{obj.id}` does not match the file name `{path.name}`",
                    f"rename the file to `{obj.id}{path.suffix}` or set `id: {path.stem}`",
                )
            )
            broken.add(path.stem)
            continue
        out[obj.id] = (obj, loaded)
    return out, broken
