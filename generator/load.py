"""Stage 1, load: read one YAML file into plain data, remembering where every value came from.

PyYAML's composer gives nodes with positions; we build the Python values ourselves so that every
key and value keeps its line and column (for error messages) and so that a key written twice is
reported instead of silently overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, dotted

Path_ = tuple[str | int, ...]

# libyaml's parser (shipped in PyYAML's wheels) keeps positions too and is ~10x faster; the
# pure-Python one is the fallback where PyYAML was built without it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALARS = yaml.constructor.SafeConstructor()  # turns scalar nodes into Python values


@dataclass
class Loaded:
    file: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # path -> (line, column) of the value
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # path -> (line, column) of the key

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The nearest known position of `path`, walking up to its parent if needed."""
        table = self.keys if key else self.values
        for cut in range(len(path), -1, -1):
            where = table.get(path[:cut]) or self.values.get(path[:cut])
            if where:
                return where
        return (1, 1)


def load_yaml(path: Path, display: str) -> tuple[Loaded | None, list[ContentError]]:
    """Parse `path`; `display` is the name errors show (relative to the project)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [ContentError(display, 0, 0, "", f"cannot read the file: {exc.strerror}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            ContentError(
                display,
                line,
                column,
                "",
                f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be decoded)",
                'save the file as UTF-8 in your editor ("Save with encoding" / "Reopen with encoding")',
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [ContentError(display, 1, 1, "", "the file is empty", "fill it in, or delete it if it is not needed")]

    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(display, text, exc)]
    if node is None:  # only directives or document markers: nothing to read
        return None, [ContentError(display, 1, 1, "", "the file is empty", "fill it in, or delete it if it is not needed")]
    loaded = Loaded(display, None)
    errors: list[ContentError] = []
    loaded.data = _build(node, (), loaded, errors)
    _SCALARS.constructed_objects.clear()  # its per-document cache would otherwise grow
    return (None if errors else loaded), errors


def _syntax_error(display: str, text: str, exc: yaml.MarkedYAMLError) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or "invalid YAML").strip()
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in problem or "'\\t'" in problem or ("\t" in bad_line[: max(column, 1)] and "\t" in bad_line):
        return ContentError(
            display, line, column, "", "a tab is used for indentation", "YAML indents with spaces only: replace the tab with spaces"
        )
    hint = "check the indentation and the punctuation (`:` after keys, `- ` before list entries)"
    if "mapping values are not allowed" in problem:
        hint = 'a value that contains `: ` must be quoted, e.g. title: "Results: what counts"'
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        hint = "this line's indentation does not line up with the lines around it"
    elif "found unexpected end of stream" in problem or "found unexpected end" in problem:
        hint = "a quote or bracket is opened and never closed"
    return ContentError(display, line, column, "", f"YAML syntax error: {problem}", hint)


def _build(node: yaml.Node, path: Path_, loaded: Loaded, errors: list[ContentError]) -> Any:
    loaded.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                errors.append(
                    ContentError(
                        loaded.file,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        dotted(path),
                        "a key must be a plain word",
                    )
                )
                continue
            key = str(key_node.value)
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in out:
                first = loaded.keys[(*path, key)]
                errors.append(
                    ContentError(
                        loaded.file,
                        *where,
                        dotted((*path, key)),
                        f"`{key}` is given twice (first on line {first[0]})",
                        "keep one of them: the second would silently replace the first",
                    )
                )
                continue
            loaded.keys[(*path, key)] = where
            out[key] = _build(value_node, (*path, key), loaded, errors)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, (*path, i), loaded, errors) for i, child in enumerate(node.value)]
    # Dates stay as the text the author wrote; everything else resolves as YAML 1.1 says.
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value
    return _SCALARS.construct_object(node)
