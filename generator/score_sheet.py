"""Scoring on paper: the grid a participant fills in with a pen.

Pipeline position: spec -> **score sheet** -> render (templates/worksheet/grid.html.j2 and
key.html.j2). Pure functions of an exercise, with the bounds of generator/spec.py: which questions
feed which score (by their number on the sheet, never an id), how a reversed answer is turned round
(computed from the item's own scale), what a mean divides by, a percentage's span, a ratio's two
questions. worked_example.py works one set of answers through the same rows for the key.

Box ids (`data-wb-fill` in the grid; print.js fills them from `WorkbookScoring.sheetFigures`):
`a:<item>` or `a:<item>.<column>` an answer's (or a column's) value, `t:<dimension>` a total,
`n:<dimension>` how many values a mean divides by when rows vary, `s:<dimension>` or `s:_overall`
the score as the widget shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import Checklist, Choice, Exercise, Likert, Number, Table
from .spec import column_bounds, item_bounds, option_values, overall_of

OVERALL = "_overall"


@dataclass(frozen=True)
class Term:
    """One box of a score's row: an answer, or a table column, that feeds it."""

    box: str  # `<item>` or `<item>.<column>`
    number: int  # the question's number on the sheet
    kind: str  # likert, choice, checklist, number, each (a column's filled rows), distinct (a column's different choices)
    weight: float
    reverse_from: float | None  # a reversed answer counts this minus the answer ("6 minus your answer")
    column: str = ""  # a table column's label
    text: str = ""  # a ratio's part: the question's wording
    counts_ticks: bool = False  # a checklist whose options all score 1: its value is the number of ticks


@dataclass(frozen=True)
class BandLine:
    min: float
    max: float | None
    label: str
    next: str
    last: bool


@dataclass(frozen=True)
class Row:
    """How one score is worked out on paper: a dimension, or the overall result (`id` "_overall")."""

    id: str
    label: str
    aggregate: str
    terms: list[Term]
    of: list[tuple[str, str]]  # (id, label) of the scores a built-from dimension or the overall combines
    divisor: float | None  # a mean: the total weight when it is fixed; None when it is the rows filled
    span: tuple[float, float] | None  # a percentage: the lowest and highest total; None when it depends on the rows filled
    ratio: tuple[Term, Term] | None  # numerator, denominator
    bands: list[BandLine]


def _terms(exercise: Exercise, dimension: str) -> list[Term]:
    out: list[Term] = []
    for number, item in enumerate(exercise.items, start=1):
        if isinstance(item, Table):
            for c in item.columns:
                if c.dimension == dimension:
                    kind = "distinct" if c.score == "distinct" else "each"
                    out.append(Term(f"{item.id}.{c.id}", number, kind, 1.0, None, c.label))
        elif isinstance(item, (Likert, Choice, Checklist, Number)) and item.dimension == dimension:
            low, high = item_bounds(item, exercise)
            reverse = low + high if isinstance(item, Likert) and item.reverse else None
            ticks = isinstance(item, Checklist) and all(v == 1 for v in option_values(item.options))
            out.append(Term(item.id, number, item.type, item.weight, reverse, counts_ticks=ticks))
    return out


def _bands(bands: list[Any]) -> list[BandLine]:
    return [BandLine(b.min, b.max, b.label, b.next, i == len(bands) - 1) for i, b in enumerate(bands)]


def _term_of(exercise: Exercise, item_id: str | None) -> Term:
    number, item = next((n, i) for n, i in enumerate(exercise.items, start=1) if i.id == item_id)
    return Term(item.id, number, item.type, 1.0, None, text=item.text)


def rows(exercise: Exercise) -> list[Row]:
    """Every score of the exercise in the order the widget lists them, then the overall result."""
    if not exercise.scoring:
        return []
    labels = {d.id: d.label for d in exercise.scoring.dimensions}
    out: list[Row] = []
    for d in exercise.scoring.dimensions:
        terms = [] if d.of else _terms(exercise, d.id)
        fixed = all(t.kind not in ("each",) for t in terms)
        divisor = sum(t.weight for t in terms) if d.aggregate == "mean" and fixed and not d.of else None
        span: tuple[float, float] | None = (0.0, 0.0)
        if d.aggregate == "percentage" and not fixed:
            span = None
        elif d.aggregate == "percentage":
            bounds = term_bounds(exercise, terms)
            span = (
                sum(t.weight * lo for t, (lo, _) in zip(terms, bounds, strict=True)),
                sum(t.weight * hi for t, (_, hi) in zip(terms, bounds, strict=True)),
            )
        ratio = (_term_of(exercise, d.numerator), _term_of(exercise, d.denominator)) if d.aggregate == "ratio" else None
        out.append(
            Row(d.id, d.label, d.aggregate, terms, [(c, labels[c]) for c in d.of if c in labels], divisor, span, ratio, _bands(d.bands))
        )
    o = exercise.scoring.overall
    if o:
        of = [(c, labels[c]) for c in overall_of(exercise) if c in labels]
        out.append(Row(OVERALL, o.label, o.aggregate, [], of, None, (0.0, 0.0), None, _bands(o.bands)))
    return out


def term_bounds(exercise: Exercise, terms: list[Term]) -> list[tuple[float, float]]:
    """What one answer (one row, for a table column) of each term can count, lowest and highest."""
    items = {i.id: i for i in exercise.items}
    out = []
    for t in terms:
        item_id, _, column = t.box.partition(".")
        item = items[item_id]
        if isinstance(item, Table):
            out.append(column_bounds(next(c for c in item.columns if c.id == column)))
        else:
            assert isinstance(item, (Likert, Choice, Checklist, Number))
            out.append(item_bounds(item, exercise))
    return out
