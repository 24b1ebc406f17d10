"""Checks on the workbook's content (content/), independent of rendering.

- No run of eight or more consecutive words from the source articles (../shared/seeds/) appears
  anywhere under content/: the workbook paraphrases, it does not copy. The articles' titles are
  the one exception, since crediting a source means naming it.
- Every idea of every source is practised by at least one exercise.
- Every reference resolves: chapter exercises, follow-ups, dimension follow-ups, ideas, pages,
  and the links the hand-written pages make; every exercise sits in exactly one chapter.
- Every file validates against its model in generator/model.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

from generator.model import Exercise, Source, Table, Workbook

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
# The repository and shared/ are siblings, locally and in CI.
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
RUN = 8  # the shortest run of copied words that counts as copying

EXERCISE_FILES = sorted((CONTENT / "exercises").glob("*.yml"))
SOURCE_FILES = sorted((CONTENT / "sources").glob("*.yml"))
PAGE_FILES = sorted((CONTENT / "pages").glob("*.md"))


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


def load(path: Path):
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def workbook() -> Workbook:
    return Workbook.model_validate(load(CONTENT / "workbook.yml"))


@cache
def exercises() -> dict[str, Exercise]:
    return {p.stem: Exercise.model_validate(load(p)) for p in EXERCISE_FILES}


@cache
def sources() -> dict[str, Source]:
    return {p.stem: Source.model_validate(load(p)) for p in SOURCE_FILES}


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


# --- (d) every file validates against its model ------------------------------------------------


def test_workbook_validates():
    wb = workbook()
    assert wb.title and wb.chapters


@pytest.mark.parametrize("path", SOURCE_FILES, ids=lambda p: p.name)
def test_source_validates(path: Path):
    source = Source.model_validate(load(path))
    assert source.id == path.stem, f"{path.name}: `id` must match the file name"
    ids = [idea.id for idea in source.ideas]
    assert len(ids) == len(set(ids)), f"{path.name}: duplicate idea ids"


@pytest.mark.parametrize("path", EXERCISE_FILES, ids=lambda p: p.name)
def test_exercise_validates(path: Path):
    ex = Exercise.model_validate(load(path))
    assert ex.id == path.stem, f"{path.name}: `id` must match the file name"
    item_ids = [item.id for item in ex.items]
    assert len(item_ids) == len(set(item_ids)), f"{path.name}: duplicate item ids"
    declared = {d.id for d in ex.scoring.dimensions} if ex.scoring else set()
    used: set[str] = set()
    for item in ex.items:
        if isinstance(item, Table):
            used |= {c.dimension for c in item.columns if c.dimension}
            assert not item.row_labels or len(item.row_labels) <= item.max_rows
        elif getattr(item, "dimension", None):
            used.add(item.dimension)
    assert used <= declared, f"{path.name}: items name undeclared dimensions {sorted(used - declared)}"
    dimensions = ex.scoring.dimensions if ex.scoring else []
    ratio_items = {i for d in dimensions for i in (d.numerator, d.denominator) if i}
    assert ratio_items <= set(item_ids), f"{path.name}: ratio refers to missing items {sorted(ratio_items - set(item_ids))}"
    fed = used | {d.id for d in dimensions if d.aggregate == "ratio"}
    assert declared <= fed, f"{path.name}: dimensions no item feeds: {sorted(declared - fed)}"
    if ex.scoring and ex.scoring.overall:
        assert set(ex.scoring.overall.of) <= declared, f"{path.name}: overall combines undeclared dimensions"


def test_pages_exist_and_start_with_a_heading():
    names = {p.stem for p in PAGE_FILES}
    assert "index" in names, "content/pages/index.md (the home page) is missing"
    missing = [p for p in workbook().pages if p not in names]
    assert not missing, f"workbook.yml lists pages with no file in content/pages/: {missing}"
    for page in PAGE_FILES:
        assert page.read_text(encoding="utf-8").startswith("# "), f"{page.name} should start with a `# Heading`"


# --- (b) every idea is practised ---------------------------------------------------------------


def test_idea_ids_are_unique_across_sources():
    counts = Counter(idea.id for s in sources().values() for idea in s.ideas)
    assert not [i for i, n in counts.items() if n > 1], f"idea ids used twice: {[i for i, n in counts.items() if n > 1]}"


def test_every_idea_is_practised_by_an_exercise():
    practised = {idea for ex in exercises().values() for idea in ex.ideas}
    orphans = [f"{s.id}: {idea.id}" for s in sources().values() for idea in s.ideas if idea.id not in practised]
    assert not orphans, f"ideas no exercise practises: {orphans}"


def test_every_idea_reference_resolves():
    known = {idea.id for s in sources().values() for idea in s.ideas}
    bad = [f"{ex.id}: {i}" for ex in exercises().values() for i in ex.ideas if i not in known]
    assert not bad, f"exercises name unknown ideas: {bad}"


# --- (c) every exercise reference resolves -----------------------------------------------------


def test_chapters_reference_real_exercises_and_hold_each_exactly_once():
    known = set(exercises())
    placed = Counter(e for chapter in workbook().chapters for e in chapter.exercises)
    assert not set(placed) - known, f"chapters list unknown exercises: {sorted(set(placed) - known)}"
    assert not known - set(placed), f"exercises in no chapter: {sorted(known - set(placed))}"
    assert not [e for e, n in placed.items() if n > 1], f"exercises in more than one chapter: {[e for e, n in placed.items() if n > 1]}"
    chapter_ids = [c.id for c in workbook().chapters]
    assert len(chapter_ids) == len(set(chapter_ids)), "duplicate chapter ids"


def test_follow_ups_resolve():
    known = set(exercises())
    bad = []
    for ex in exercises().values():
        bad += [f"{ex.id} -> {f}" for f in ex.follow_ups if f not in known or f == ex.id]
        for d in ex.scoring.dimensions if ex.scoring else []:
            bad += [f"{ex.id}/{d.id} -> {f}" for f in d.follow_ups if f not in known]
    assert not bad, f"follow-ups that do not resolve: {bad}"


def test_links_in_pages_resolve():
    targets = {
        "exercises": set(exercises()),
        "sources": set(sources()),
        "chapters": {c.id for c in workbook().chapters},
        "": {p.stem for p in PAGE_FILES},
    }
    bad = []
    for page in PAGE_FILES:
        for link in re.findall(r"\]\(([^)#\s]+)", page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", link):
                continue  # an absolute address
            folder, _, name = link.rpartition("/")
            if not name.endswith(".md") or name[:-3] not in targets.get(folder, set()):
                bad.append(f"{page.name}: {link}")
    assert not bad, f"links to pages that do not exist: {bad}"
