"""Checks on the workbook's content (content/), independent of rendering.

- The shipped content passes the generator's own validation (`workbook check`): every rule about
  files, ids and references lives there once, so this file does not restate it.
- No run of eight or more consecutive words from the source articles (../shared/seeds/) appears
  anywhere under content/: the workbook paraphrases, it does not copy. The articles' titles are
  the one exception, since crediting a source means naming it.
- Editorial rules the generator does not impose on forkers: every idea of every source is
  practised by at least one exercise, and every hand-written page opens with a heading.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from generator.model import Content
from generator.validate import validate_content

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
# The repository and shared/ are siblings, locally and in CI.
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
RUN = 8  # the shortest run of copied words that counts as copying


# --- helpers -----------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Lower-case words with punctuation, accents and apostrophes removed ("don't" -> "dont")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub("[\u2018\u2019'`\u00b4]", "", text)  # curly and straight apostrophes
    return re.findall(r"[a-z0-9]+", text)


def seed_files() -> list[Path]:
    # A missing seeds folder is a failure, not a skip: without it the copying check proves nothing.
    assert SEEDS.is_dir(), f"the source articles are missing: expected them in {SEEDS}"
    files = sorted(p for p in SEEDS.iterdir() if p.is_file())
    assert files, f"no source articles found in {SEEDS}"
    return files


@cache
def seed_runs() -> frozenset[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for path in seed_files():
        ws = words(path.read_text(encoding="utf-8"))
        runs.update(tuple(ws[i : i + RUN]) for i in range(len(ws) - RUN + 1))
    return frozenset(runs)


@cache
def seed_titles() -> tuple[tuple[str, ...], ...]:
    """Each article's title (its first non-empty line), as words."""
    titles = []
    for path in seed_files():
        first = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        titles.append(tuple(words(first)))
    return tuple(titles)


def segments(ws: list[str]) -> list[list[str]]:
    """Split a word list wherever an article's title appears, so a credited title is not copying."""
    out, start, i = [], 0, 0
    while i < len(ws):
        for title in seed_titles():
            if title and tuple(ws[i : i + len(title)]) == title:
                out.append(ws[start:i])
                i += len(title)
                start = i
                break
        else:
            i += 1
    out.append(ws[start:])
    return out


def copied_runs(text: str) -> list[str]:
    """Every run of RUN or more words of `text` that also appears in an article (longest first found)."""
    runs = seed_runs()
    found: list[str] = []
    for seg in segments(words(text)):
        i = 0
        while i + RUN <= len(seg):
            if tuple(seg[i : i + RUN]) in runs:
                j = i + RUN
                while j < len(seg) and tuple(seg[j - RUN + 1 : j + 1]) in runs:
                    j += 1
                found.append(" ".join(seg[i:j]))
                i = j
            else:
                i += 1
    return found


@cache
def content() -> Content:
    checked, errors = validate_content(ROOT)
    assert checked is not None, "\n".join(e.format() for e in errors)
    return checked


# --- (a) no copying ----------------------------------------------------------------------------


def test_seeds_are_present():
    assert len(seed_files()) >= 2
    assert len(seed_runs()) > 500


@pytest.mark.parametrize("path", sorted(p for p in CONTENT.rglob("*") if p.is_file()), ids=lambda p: str(p.relative_to(CONTENT)))
def test_no_run_of_eight_words_from_the_articles(path: Path):
    copied = copied_runs(path.read_text(encoding="utf-8"))
    assert not copied, f"{path.relative_to(ROOT)} repeats the articles word for word; paraphrase: " + " | ".join(copied)


def test_the_copy_check_catches_a_copied_sentence():
    """Guard against a check that can never fail: a sentence from each article, lightly disguised."""
    for path in seed_files():
        body = path.read_text(encoding="utf-8").splitlines()[1:]
        sentence = max((line for line in body if len(words(line)) >= 12), key=lambda line: len(words(line)))
        disguised = "Intro words here. " + sentence.upper().replace(",", " ;").replace("\u2019", "'") + " And more."
        assert copied_runs(disguised), f"copying a line from {path.name} went unnoticed"
    # ...while a title alone, or a short shared phrase, is fine.
    for title in seed_titles():
        assert not copied_runs("As the article " + " ".join(title) + " by its author argues")
    assert not copied_runs("career management is strategy")


# --- the generator's own checks, and editorial rules ---------------------------------------------


def test_the_shipped_content_passes_workbook_check() -> None:
    checked, errors = validate_content(ROOT)
    assert errors == [], "\n".join(e.format() for e in errors)
    assert checked is not None


def test_every_idea_is_practised_by_an_exercise() -> None:
    practised = {idea for ex in content().exercises.values() for idea in ex.ideas}
    orphans = [f"{s.id}: {idea.id}" for s in content().sources for idea in s.ideas if idea.id not in practised]
    assert not orphans, f"ideas no exercise practises: {orphans}"


def test_every_page_opens_with_a_heading() -> None:
    no_heading = [name for name, text in content().pages.items() if not text.startswith("# ")]
    assert not no_heading, f"pages that should start with a `# Heading`: {no_heading}"
