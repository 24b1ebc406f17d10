"""The key's worked example: one plausible set of answers, worked through to its bands.

Pipeline position: score sheet -> **worked example** -> render (templates/worksheet/key.html.j2).
Pure. The answers are made up from the exercise (so a forker's instrument gets one too), listed by
question number in the participant's words, and scored row by row of score_sheet.rows by the rules
of scoring.js (ARCHITECTURE.md); tests/test_score_sheet.py scores them again with scoring.js itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

from .model import Checklist, Choice, Exercise, Likert, Number, Option, Table
from .score_sheet import OVERALL, BandLine, Row, rows, term_bounds
from .spec import likert_scale, option_values
from .wording import Wording, fmt

LIKERT_PATTERN = [4, 2, 5, 3, 4, 3, 2, 4, 5, 3, 4, 2]  # on a five-point scale; other scales are stretched
CHOICE_PATTERN = [2, 1, 2, 0, 1, 3, 2]
COLUMN_PATTERN = [3, 1, 4, 2, 3, 0, 4, 1]


@dataclass(frozen=True)
class Answer:
    number: int
    text: str  # the answer as the participant's words: the scale label, option labels, the number
    value: str  # what it counts on the grid ("" when it only feeds a ratio)


@dataclass(frozen=True)
class Step:
    """One term of the arithmetic: a question's value (turned round when reversed)."""

    number: int
    value: float
    answer: float | None = None  # a reversed likert answer as given
    reverse_from: float | None = None
    weight: float = 1.0
    column: str = ""
    low: float = 0.0  # what this answer could count at least and at most (a percentage's span)
    high: float = 0.0


@dataclass(frozen=True)
class Worked:
    id: str
    label: str
    aggregate: str
    steps: list[Step]
    total: float
    count: float  # what a mean divides by
    parts: list[tuple[str, float | None]]  # built-from and overall: (label, score) combined
    score: float | None
    text: str  # the score as the widget shows it
    band: str
    span: tuple[float, float] = (0.0, 0.0)  # a percentage: the least and most these answers could add up to


@dataclass
class Example:
    answers: dict[str, Any]  # as the widget stores them (ARCHITECTURE.md)
    listed: list[Answer] = field(default_factory=list)
    worked: list[Worked] = field(default_factory=list)


def _clamp(x: float, lo: float | None, hi: float | None) -> float:
    return max(lo if lo is not None else -math.inf, min(hi if hi is not None else math.inf, x))


def _on_step(x: float, item: Number) -> float:
    base = item.min or 0.0
    return base + round((x - base) / item.step) * item.step


def example_answers(exercise: Exercise) -> dict[str, Any]:
    """A plausible, varied set of answers to every item that feeds a score."""
    scoring = exercise.scoring
    if not scoring:
        return {}
    dims = {d.id for d in scoring.dimensions}
    ratios = [(d.numerator, d.denominator) for d in scoring.dimensions if d.aggregate == "ratio" and d.numerator and d.denominator]
    numbers = {i.id: i for i in exercise.items if isinstance(i, Number)}
    answers: dict[str, Any] = {}
    for n, (num, den) in enumerate(ratios):
        if den in numbers and den not in answers:
            d_item = numbers[den]
            answers[den] = _clamp(_on_step(40 * d_item.step, d_item), d_item.min, d_item.max) or d_item.step
        if num in numbers and num not in answers:
            n_item = numbers[num]
            answers[num] = _clamp(_on_step((2.5 + n) * answers.get(den or "", 1), n_item), n_item.min, n_item.max)
    for i, item in enumerate(exercise.items):
        if item.id in answers:
            continue
        if isinstance(item, Likert) and item.dimension in dims:
            points = len(likert_scale(item, exercise))
            answers[item.id] = 1 + round((LIKERT_PATTERN[i % len(LIKERT_PATTERN)] - 1) * (points - 1) / 4)
        elif isinstance(item, Choice) and item.dimension in dims:
            answers[item.id] = CHOICE_PATTERN[i % len(CHOICE_PATTERN)] % len(item.options)
        elif isinstance(item, Checklist) and item.dimension in dims:
            answers[item.id] = [j for j in range(len(item.options)) if (i + j) % 3 != 2]
        elif isinstance(item, Number) and item.dimension in dims:
            lo, hi = item.min, item.max
            mid = (lo + hi) / 2 if lo is not None and hi is not None else (lo or 0) + 10 * item.step
            answers[item.id] = _clamp(_on_step(mid, item), lo, hi)
        elif isinstance(item, Table) and any(c.dimension in dims for c in item.columns):
            count = len(item.row_labels) or min(item.rows, 4)
            table = []
            for r in range(count):
                row: dict[str, Any] = {}
                for c_index, c in enumerate(item.columns):
                    if c.dimension not in dims:
                        continue
                    if c.type == "choice":
                        row[c.id] = COLUMN_PATTERN[(r + 2 * c_index) % len(COLUMN_PATTERN)] % len(c.options)
                    else:
                        row[c.id] = float(r + 2)
                table.append(row)
            answers[item.id] = table
    return {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in answers.items()}


def _num(x: float) -> str:
    return fmt(round(x, 6) + 0.0)


def format_score(score: float | None, aggregate: str) -> str:
    """A score as the widget shows it (scoring.js `formatScore`): percentage "72%", a mean or ratio one decimal."""
    if score is None or not math.isfinite(score):
        return ""
    if aggregate == "percentage":
        return f"{math.floor(score + 0.5)}%"
    r = math.floor(score * 10 + 0.5) / 10
    return f"{r:.1f}" if aggregate in ("mean", "ratio") or not r.is_integer() else str(int(r))


def band_label(bands: list[BandLine], score: float | None) -> str:
    """The band holding `score` (scoring.js `bandFor`): [min, max), the top band's max included."""
    if score is None or not math.isfinite(score):
        return ""
    s = round(score, 6)
    top = ""
    for b in bands:
        hi = math.inf if b.max is None else round(b.max, 6)
        if round(b.min, 6) <= s < hi:
            return b.label
        if s == hi and not top:
            top = b.label
    return top


def _options_text(options: list[Option], chosen: list[int], words: Wording) -> str:
    return "; ".join(options[j].label for j in chosen) or words.t("sheet.example-none")


def worked_example(exercise: Exercise, wording: Wording | None = None) -> Example:
    """The example answers listed by question number in the participant's words, and every score
    worked out from them, step by step, as the grid asks the participant to.

    `wording`: the language the answers are written in (`sheet.example-*` ids, its numbers); the
    numbers the key's attributes carry stay the machine's."""
    words = wording or Wording()
    answers = example_answers(exercise)
    example = Example(answers)
    items = {i.id: i for i in exercise.items}
    number = {i.id: n for n, i in enumerate(exercise.items, start=1)}
    for item_id, value in answers.items():
        item = items[item_id]
        if isinstance(item, Likert):
            text, shown = f"{likert_scale(item, exercise)[value - 1]}", str(value)
        elif isinstance(item, Choice):
            text, shown = item.options[value].label, _num(option_values(item.options, default_index=True)[value])
        elif isinstance(item, Checklist):
            values = option_values(item.options)
            ticked = _options_text(item.options, value, words)
            text, shown = words.t("sheet.example-ticked", options=ticked), _num(sum(values[j] for j in value))
        elif isinstance(item, Number):
            text, shown = f"{words.localise(_num(value))}{' ' + item.unit if item.unit else ''}", _num(value)
        else:
            assert isinstance(item, Table)
            labels = item.row_labels or [words.t("widget.row-name", number=r + 1) for r in range(len(value))]
            cells = []
            for r, row in enumerate(value):
                said = [
                    f"{c.label}: {c.options[row[c.id]].label if c.type == 'choice' else words.localise(_num(row[c.id]))}"
                    for c in item.columns
                    if c.id in row
                ]
                cells.append(f"{labels[r]}: " + ", ".join(said))
            text, shown = "; ".join(cells), ""
        example.listed.append(Answer(number[item_id], text, shown))
    example.listed.sort(key=lambda a: a.number)
    scores: dict[str, float | None] = {}
    for row in rows(exercise):
        example.worked.append(_work(row, exercise, answers, scores))
    return example


def _steps(row: Row, exercise: Exercise, answers: dict[str, Any]) -> list[Step]:
    items = {i.id: i for i in exercise.items}
    steps: list[Step] = []
    for t, (low, high) in zip(row.terms, term_bounds(exercise, row.terms), strict=True):
        first = len(steps)
        item_id, _, column = t.box.partition(".")
        item = items[item_id]
        given: Any = answers.get(item_id)
        if isinstance(item, Table):
            col = next(c for c in item.columns if c.id == column)
            values = option_values(col.options, default_index=True) if col.type == "choice" else []
            got = [r[column] for r in given or [] if column in r]
            if t.kind == "distinct":
                steps.append(Step(t.number, float(len(set(got))), column=t.column))
            else:
                steps += [Step(t.number, values[g] if values else float(g), column=t.column) for g in got]
        elif isinstance(item, Likert):
            value = float(t.reverse_from - given) if t.reverse_from is not None else float(given)
            steps.append(Step(t.number, value, float(given), t.reverse_from, t.weight))
        elif isinstance(item, Choice):
            steps.append(Step(t.number, option_values(item.options, default_index=True)[given], weight=t.weight))
        elif isinstance(item, Checklist):
            values = option_values(item.options)
            steps.append(Step(t.number, sum(values[j] for j in given or []), weight=t.weight))
        else:
            steps.append(Step(t.number, float(given), weight=t.weight))
        steps[first:] = [replace(step, low=low, high=high) for step in steps[first:]]
    return steps


def _work(row: Row, exercise: Exercise, answers: dict[str, Any], scores: dict[str, float | None]) -> Worked:
    steps = _steps(row, exercise, answers)
    total = sum(s.weight * s.value for s in steps)
    count = sum(s.weight for s in steps)
    parts = [(label, scores.get(i)) for i, label in row.of]
    score: float | None
    span = (0.0, 0.0)
    if row.of or row.id == OVERALL:
        values = [p for _, p in parts]
        if any(v is None for v in values) or not values:
            score = None
        elif row.aggregate == "sum":
            score = sum(v for v in values if v is not None)
        elif row.aggregate == "min":
            score = min(v for v in values if v is not None)
        elif row.aggregate == "difference":
            score = values[0] - values[1] if len(values) > 1 and values[0] is not None and values[1] is not None else None
        else:
            score = sum(v for v in values if v is not None) / len(values)
    elif row.aggregate == "ratio":
        assert row.ratio
        num, den = (answers.get(t.box) for t in row.ratio)
        steps = [Step(t.number, float(v)) for t, v in zip(row.ratio, (num, den), strict=True) if v is not None]
        score = num / den if num is not None and den else None
    elif row.aggregate == "sum":
        score = total
    elif row.aggregate == "percentage":  # of what the answers given could span (rows of a table come and go)
        span = low, high = sum(s.weight * s.low for s in steps), sum(s.weight * s.high for s in steps)
        score = 100 * (total - low) / (high - low) if high > low and steps else None
    else:
        score = total / count if count else None
    if score is not None:
        score = round(score, 6) + 0.0
    scores[row.id] = score
    return Worked(
        row.id,
        row.label,
        row.aggregate,
        steps,
        total,
        count,
        parts,
        score,
        format_score(score, row.aggregate),
        band_label(row.bands, score),
        span,
    )
