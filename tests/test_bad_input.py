"""Golden cases of bad content: each file in tests/cases/bad/ changes the mini workbook and lists
the exact errors the build must report (file:line:column: field: message, and the hint).

Adding a case is adding a file:
    description: what is wrong
    files: {path: new text}                 # or {path: {text: ..., encoding: latin-1}}
    replace: {path: [[old, new], ...]}      # edit an existing file
    delete: [path, ...]
    errors: ["<formatted first line, exactly>", ...]
    hints: ["<text the hint must contain>", ...]   # optional, same order as errors
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.validate import validate_content

from .conftest import make_project

CASES = sorted((Path(__file__).parent / "cases" / "bad").glob("*.yml"))


def apply_case(root: Path, case: dict) -> None:
    for rel, new in (case.get("files") or {}).items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(new, dict):
            target.write_bytes(new["text"].encode(new["encoding"]))
        else:
            target.write_text(new, encoding="utf-8")
    for rel, edits in (case.get("replace") or {}).items():
        target = root / rel
        text = target.read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, f"case edits {rel}, but {old!r} is not in it"
            text = text.replace(old, new, 1)
        target.write_text(text, encoding="utf-8")
    for rel in case.get("delete") or []:
        (root / rel).unlink()


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_bad_input_is_reported(case_file: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    root = make_project(tmp_path / "p")
    apply_case(root, case)

    content, errors = validate_content(root)

    assert content is None
    got = [e.format().splitlines()[0] for e in sorted(errors)]
    assert got == case["errors"]
    hints = case.get("hints") or []
    assert len(hints) <= len(errors), "the case lists more hints than errors"
    for error, hint in zip(sorted(errors), hints, strict=False):
        assert hint in error.hint
