"""`workbook new exercise|source <id>`: a valid, commented starting file that builds as it is.

A new exercise is also appended to a chapter in content/workbook.yml (an exercise in no chapter
would be unreachable, which the build rejects). That edit is made in the text, using the loader's
positions, so the forker's comments and layout in workbook.yml survive.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import ContentError
from .load import load_yaml
from .messages import say
from .model import ID_PATTERN
from .schema import modeline

EXERCISE = """{modeline}
# A new exercise. Every field is described in schemas/exercise.schema.json (your editor shows it)
# and in CUSTOMISING.md. Run `workbook check` after each change.
id: {id}
title: {title}
# worksheet, assessment, checklist or planner
kind: assessment
# Ids of ideas from content/sources/*.yml that this exercise practises.
ideas: [{idea}]
minutes: 10
introduction: |
  Why this exercise matters, in two or three sentences.
instructions: |
  What the reader does, step by step.
# Default labels of likert items, lowest first.
scale: [Strongly disagree, Disagree, Neither, Agree, Strongly agree]
items:
  - id: first-statement
    type: likert
    text: A statement the reader agrees or disagrees with.
    dimension: main
  - id: second-statement
    type: likert
    text: A statement where agreeing counts against the score.
    dimension: main
    reverse: true
  - id: note
    type: text
    text: What do you notice about your answers?
    lines: 3
scoring:
  dimensions:
    - id: main
      label: Main dimension
      aggregate: mean
      # Bands cover the reachable scores exactly: [min, max), the top band includes its max.
      bands:
        - min: 1
          max: 3
          label: Low
          text: What a low score means, and what to do next.
        - min: 3
          max: 5
          label: High
          text: What a high score means, and what to keep doing.
reflection:
  - A question to think about afterwards.
follow_ups: []
facilitator:
  notes: How to run this exercise with a group.
  prompts:
    - A question for group discussion.
"""

SOURCE = """{modeline}
# A source article. Summaries are in your own words: paraphrase, credit, copy no sentence.
id: {id}
title: {title}
author: The author's name
publication: The blog or publication
# YYYY, YYYY-MM or YYYY-MM-DD; leave empty if unknown.
date: ""
url: ""
summary: |
  What the article argues, in your own words.
ideas:
  - id: {id}-main-idea
    title: The article's main idea in a few words
    summary: |
      The idea, in your own words.
"""


def _title(identifier: str) -> str:
    return identifier.replace("-", " ").capitalize()


def new_source(root: Path, identifier: str) -> tuple[Path | None, list[ContentError]]:
    target = root / "content" / "sources" / f"{identifier}.yml"
    problem = _check_new(target, identifier, "source")
    if problem:
        return None, [problem]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(SOURCE.format(modeline=modeline("source", 2), id=identifier, title=_title(identifier)), encoding="utf-8")
    return target, []


def new_exercise(root: Path, identifier: str, chapter: str | None = None) -> tuple[Path | None, list[ContentError]]:
    target = root / "content" / "exercises" / f"{identifier}.yml"
    problem = _check_new(target, identifier, "exercise")
    if problem:
        return None, [problem]
    idea = _first_idea(root)
    if idea is None:
        return None, [ContentError("content/sources/", 0, 0, "", say("check.new-no-idea"), say("check.new-no-idea-hint"))]
    workbook_file = root / "content" / "workbook.yml"
    edited, error = add_to_chapter(workbook_file.read_text(encoding="utf-8"), workbook_file, identifier, chapter)
    if error:
        return None, [error]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        EXERCISE.format(modeline=modeline("exercise", 2), id=identifier, title=_title(identifier), idea=idea), encoding="utf-8"
    )
    workbook_file.write_text(edited, encoding="utf-8")
    return target, []


def _check_new(target: Path, identifier: str, kind: str) -> ContentError | None:
    shown = target.relative_to(target.parents[2]).as_posix()
    if not re.fullmatch(ID_PATTERN, identifier):
        suggestion = "-".join(re.sub(r"[^a-z0-9]+", " ", identifier.lower()).split()) or "my-exercise"
        return ContentError(shown, 0, 0, "", say("check.invalid-id", value=identifier), say("check.new-id-hint", example=suggestion))
    if target.exists():
        return ContentError(shown, 0, 0, "", say(f"check.new-{kind}-exists", id=identifier), say("check.new-exists-hint"))
    return None


def _first_idea(root: Path) -> str | None:
    for path in sorted((root / "content" / "sources").glob("*.yml")):
        loaded, _ = load_yaml(path, path.name)
        ideas = loaded.data.get("ideas") if loaded and isinstance(loaded.data, dict) else None
        if ideas and isinstance(ideas[0], dict) and ideas[0].get("id"):
            return str(ideas[0]["id"])
    return None


def add_to_chapter(text: str, path: Path, identifier: str, chapter: str | None) -> tuple[str, ContentError | None]:
    """Append `identifier` to a chapter's `exercises` list (the last chapter by default), in place."""
    shown = "content/workbook.yml"
    loaded, errors = load_yaml(path, shown)
    if loaded is None or not isinstance(loaded.data, dict) or not loaded.data.get("chapters"):
        return text, errors[0] if errors else ContentError(
            shown, 0, 0, "chapters", say("check.new-no-chapters"), say("check.new-no-chapters-hint")
        )
    chapters = loaded.data["chapters"]
    if not isinstance(chapters, list) or not all(isinstance(c, dict) for c in chapters):
        return text, ContentError(
            shown,
            *loaded.position(("chapters",)),
            "chapters",
            say("check.new-chapters-not-list"),
            say("check.new-chapters-not-list-hint"),
        )
    ids = [c.get("id") for c in chapters]
    index = len(chapters) - 1 if chapter is None else (ids.index(chapter) if chapter in ids else -1)
    if index < 0:
        return text, ContentError(
            shown,
            0,
            0,
            "chapters",
            say("check.new-no-chapter", chapter=chapter),
            say("check.one-of", choices=", ".join(f"`{i}`" for i in ids)),
        )
    entries = chapters[index].get("exercises") or []
    lines = text.splitlines(keepends=True)
    if not entries:
        line, _ = loaded.position(("chapters", index, "exercises"), key=True)
        lines[line - 1] = re.sub(r"exercises:.*", f"exercises: [{identifier}]", lines[line - 1].rstrip("\n")) + "\n"
        return "".join(lines), None
    line, column = loaded.position(("chapters", index, "exercises", len(entries) - 1))
    current = lines[line - 1]
    before = current[: column - 1]
    if before.rstrip().endswith("-"):  # block list: a new "- id" line under the last one
        lines[line - 1] = current if current.endswith("\n") else current + "\n"
        lines.insert(line, f"{before}{identifier}\n")
    else:  # flow list [a, "b"]: insert before the bracket that closes it (entries may be quoted)
        end = current.find("]", column - 1)
        if end < 0:
            return text, ContentError(
                shown,
                line,
                column,
                f"chapters[{index}].exercises",
                say("check.new-one-line"),
                say("check.new-one-line-hint", id=identifier),
            )
        lines[line - 1] = current[:end].rstrip() + f", {identifier}" + current[end:]
    return "".join(lines), None
