"""Stage 1, load: read one YAML file into plain data, remembering where every value came from.

PyYAML's composer gives nodes with positions; we build the Python values ourselves so that every
key and value keeps its line and column (for error messages) and so that a key written twice is
reported instead of silently overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, dotted
from .messages import say, whole

Path_ = tuple[str | int, ...]

# libyaml's parser (shipped in PyYAML's wheels) keeps positions too and is ~10x faster; the
# pure-Python one is the fallback where PyYAML was built without it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALARS = yaml.constructor.SafeConstructor()  # turns scalar nodes into Python values

# Limits on what one content file may hold (documented in CUSTOMISING.md, "Limits"). Content files
# are a few kilobytes; these only stop a mistaken or hostile file before it costs memory or time.
MAX_BYTES = 1024 * 1024  # file size
MAX_DEPTH = 40  # lists and mappings inside each other
MAX_ALIASES = 100  # `*name` references to `&name` anchors
MAX_NODES = 50_000  # values once every alias is expanded (an "alias bomb" multiplies them)
# Control characters other than tab, newline and carriage return: never typed, often pasted.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\ufffe\uffff]")


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
    text, unreadable = read_text(path, display)
    if text is None:
        return None, unreadable
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [empty(display)]

    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        return None, [
            ContentError(
                display,
                line,
                column,
                "",
                say("check.control-character", code=f"{ord(control.group()):04X}"),
                say("check.control-character-hint"),
            )
        ]
    try:
        shape = shape_problems(text, display)
        if shape:
            return None, shape
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(display, text, exc)]
    if node is None:  # only directives or document markers: nothing to read
        return None, [empty(display)]
    loaded = Loaded(display, None)
    errors: list[ContentError] = []
    loaded.data = _build(node, (), loaded, errors)
    _SCALARS.constructed_objects.clear()  # its per-document cache would otherwise grow
    return (None if errors else loaded), errors


def empty(display: str) -> ContentError:
    return ContentError(display, 1, 1, "", say("check.file-empty"), say("check.file-empty-hint"))


def read_text(path: Path, display: str) -> tuple[str | None, list[ContentError]]:
    """A content file's text (byte-order mark dropped), or why it cannot be read: missing, over
    MAX_BYTES, or not UTF-8 (with the line and column of the first byte that is not)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [too_big(display, size)]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [ContentError(display, 0, 0, "", say("check.unreadable", reason=exc.strerror or exc))]
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            ContentError(
                display,
                line,
                column,
                "",
                say("check.not-utf8", byte=f"{raw[exc.start]:02x}"),
                say("check.not-utf8-hint"),
            )
        ]


def too_big(display: str, size: int) -> ContentError:
    return ContentError(
        display,
        0,
        0,
        "",
        say("check.too-big", size=whole(size), limit=whole(MAX_BYTES)),
        say("check.too-big-hint"),
    )


def shape_problems(text: str, display: str) -> list[ContentError]:
    """What YAML allows but content must not hold, found on the parser's events before anything is
    built (libyaml's parser is iterative, so deep nesting cannot crash it here): tags, more than one
    document, nesting deeper than MAX_DEPTH, aliases beyond MAX_ALIASES or expanding past MAX_NODES,
    and an alias inside its own anchor (a loop)."""

    def at(event: yaml.Event, key: str, **values: object) -> list[ContentError]:
        """The problem `key` (and its hint, `key`-hint) where `event` starts."""
        mark = event.start_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return [ContentError(display, line, column, "", say(key, **values), say(f"{key}-hint"))]

    size: dict[str, int] = {}  # anchor -> values it stands for
    open_: list[tuple[str | None, int]] = []  # collections being read: (anchor, values so far)
    total = aliases = documents = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                return at(event, "check.two-documents")
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        if tag and not (all(implicit) if isinstance(implicit, tuple) else implicit):
            written = str(tag).replace("tag:yaml.org,2002:", "!!")
            return at(event, "check.yaml-tag", tag=written)
        count = 1
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                return at(event, "check.too-many-aliases", limit=MAX_ALIASES)
            if any(anchor == event.anchor for anchor, _ in open_):
                return at(event, "check.alias-loop", anchor=event.anchor)
            count = size.get(str(event.anchor), 1)
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
            if isinstance(event, yaml.ScalarEvent) and event.anchor:
                size[event.anchor] = 1
            if open_:
                open_[-1] = (open_[-1][0], open_[-1][1] + count)
            total += count
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            open_.append((event.anchor, 1))
            total += 1
            if len(open_) > MAX_DEPTH:
                return at(event, "check.too-deep", limit=MAX_DEPTH)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            anchor, inner = open_.pop()
            if anchor:
                size[anchor] = inner
            if open_:
                open_[-1] = (open_[-1][0], open_[-1][1] + inner)
        if total > MAX_NODES:
            return at(event, "check.too-many-values", limit=whole(MAX_NODES))
    return []


def _syntax_error(display: str, text: str, exc: yaml.MarkedYAMLError) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or say("check.yaml-invalid")).strip()
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in problem or "'\\t'" in problem or ("\t" in bad_line[: max(column, 1)] and "\t" in bad_line):
        return ContentError(display, line, column, "", say("check.tab"), say("check.tab-hint"))
    # PyYAML's problem, in its own (English) words, names the fix: the hint says it in the author's language.
    hint = "check.yaml-syntax-hint"
    if "mapping values are not allowed" in problem:
        hint = "check.yaml-colon-hint"
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        hint = "check.yaml-indent-hint"
    elif "found unexpected end of stream" in problem or "found unexpected end" in problem:
        hint = "check.yaml-unclosed-hint"
    return ContentError(display, line, column, "", say("check.yaml-syntax", problem=problem), say(hint))


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
                        say("check.key-not-plain"),
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
                        say("check.key-twice", key=key, line=first[0]),
                        say("check.key-twice-hint"),
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
    if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and ":" in node.value:
        hint = say("check.base-60-hint", value=node.value)
        return _refuse(node, path, loaded, errors, say("check.base-60", value=node.value), hint)
    try:
        return _SCALARS.construct_object(node)
    except (ValueError, OverflowError, yaml.YAMLError):  # e.g. an integer of thousands of digits
        short = node.value if len(node.value) <= 20 else node.value[:17] + "..."
        return _refuse(node, path, loaded, errors, say("check.unreadable-value", value=short), say("check.unreadable-value-hint"))


def _refuse(node: yaml.Node, path: Path_, loaded: Loaded, errors: list[ContentError], message: str, hint: str) -> None:
    """Report a value that cannot be taken as written; it reads as nothing."""
    errors.append(ContentError(loaded.file, node.start_mark.line + 1, node.start_mark.column + 1, dotted(path), message, hint))
