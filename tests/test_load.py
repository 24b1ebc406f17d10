"""Loading YAML: positions kept, duplicate keys caught, dates left as written."""

from __future__ import annotations

from pathlib import Path

from generator.load import load_yaml


def test_positions_of_keys_and_values(tmp_path: Path) -> None:
    f = tmp_path / "x.yml"
    f.write_text("title: A\nitems:\n  - id: one\n    text: B\n")
    loaded, errors = load_yaml(f, "x.yml")
    assert errors == [] and loaded is not None
    assert loaded.position(("items", 0, "text")) == (4, 11)
    assert loaded.position(("items", 0, "text"), key=True) == (4, 5)
    assert loaded.position(("items", 0, "missing")) == (3, 5)  # falls back to the parent mapping


def test_dates_stay_text_and_anchors_resolve(tmp_path: Path) -> None:
    f = tmp_path / "x.yml"
    f.write_text("date: 2011-03-14\nscale: &s [a, b]\nagain: *s\n")
    loaded, _ = load_yaml(f, "x.yml")
    assert loaded is not None
    assert loaded.data == {"date": "2011-03-14", "scale": ["a", "b"], "again": ["a", "b"]}


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    f = tmp_path / "x.yml"
    f.write_bytes("\ufefftitle: A\n".encode())
    loaded, errors = load_yaml(f, "x.yml")
    assert errors == [] and loaded is not None and loaded.data == {"title": "A"}
