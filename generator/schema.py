"""JSON Schema for the content files, derived from the model (generator/model.py).

Committed under schemas/ and named in each content file's first line, so editors with the YAML
language server complete fields and flag mistakes as authors type. The build's own validation
stays the authority (it also checks what spans files: references, band coverage).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import KIND_OF_FILE as SCHEMAS

FOLDER = "schemas"


def schema_for(kind: str) -> dict[str, Any]:
    model = SCHEMAS[kind]
    schema: dict[str, Any] = model.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{kind}.schema.json", **schema}


def schema_text(kind: str) -> str:
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"


def write_schemas(root: Path) -> list[Path]:
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    written = []
    for kind in SCHEMAS:
        path = folder / f"{kind}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written


def modeline(kind: str, depth: int) -> str:
    """The editor hint a content file starts with; `depth` = folders between it and the root."""
    return f"# yaml-language-server: $schema={'../' * depth}{FOLDER}/{kind}.schema.json"
