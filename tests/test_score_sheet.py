"""Sheets a participant scores with a pen (generator/score_sheet.py, worked_example.py, templates/worksheet/grid.html.j2
and key.html.j2), for every shipped exercise, the instrument fixtures and the scoring cases.

The printed sheet (its HTML, and the text of its single-sheet PDF) names every question that counts
by number, says how each reversed one is turned round as the spec scores it, has a box for every
score and the overall result, and every band label. The facilitator's key names no internal id, and
its worked example is scored again here by scoring.js: the same scores, bands, totals and boxes.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.check_exercise import exercise_checks
from generator.load import load_yaml
from generator.model import Choice, Content, Exercise, Likert, Table, Workbook
from generator.pdf import pack_documents, write_pdfs
from generator.render import environment, history_of, render_form
from generator.score_sheet import OVERALL, rows
from generator.spec import widget_spec

from .conftest import FIXTURES, REPO
from .node_scoring import Scorer
from .pdftools import content, norm, pdf_text
from .scoring_cases import cases

ENV = environment(REPO / "templates")


def fixture_exercises() -> list[Exercise]:
    out = []
    for path in [
        FIXTURES / "instruments" / "ipip-big-five-50.yml",
        *sorted(p for p in (FIXTURES / "mini" / "content" / "exercises").glob("*.yml") if "." not in p.stem),
    ]:
        loaded, errors = load_yaml(path, path.name)
        assert loaded is not None, errors
        exercise = Exercise.model_validate(loaded.data)
        assert exercise_checks(exercise, loaded, None, {exercise.id, "runway", "all-types"}) == []
        out.append(exercise)
    return out


SHIPPED = [e for e in content().exercises.values() if e.scoring]
FIXTURES_SCORED = [e for e in fixture_exercises() if e.scoring]
CASES = [c.exercise for c in cases()]
ALL = SHIPPED + FIXTURES_SCORED + CASES


def ids(exercises: list[Exercise]) -> list[str]:
    return [e.id for e in exercises]


def participant_html(ex: Exercise) -> str:
    return str(render_form(ENV, content().workbook, ex, {}, key=False))


def key_html(ex: Exercise) -> str:
    return ENV.get_template("worksheet/key.html.j2").render(exercise=ex, spec=widget_spec(ex, {}))


def grid_text(page: str) -> str:
    match = re.search(r'<section class="wb-grid.*?</section>', page, flags=re.S)
    assert match, "the sheet has a scoring grid"
    return norm(match.group(0))


def reversed_on_paper(text: str) -> dict[int, int]:
    """Question number -> the number its answer is taken from, as the sheet says it."""
    out: dict[int, int] = {}
    for numbers, point in re.findall(r"Questions? ([\d, and]+?) (?:is|are) reversed: each counts (\d+) minus your answer", text):
        for n in re.findall(r"\d+", numbers):
            out[int(n)] = int(point)
    return out


def expected_reversed(ex: Exercise) -> dict[int, int]:
    spec_items = {i["id"]: i for i in widget_spec(ex, {})["items"]}
    return {
        n: spec_items[i.id]["min"] + spec_items[i.id]["max"]
        for n, i in enumerate(ex.items, start=1)
        if isinstance(i, Likert) and i.reverse and i.dimension
    }


def what_the_sheet_must_say(ex: Exercise) -> list[str]:
    """Each question that counts (by number), and every band label."""
    out = []
    for row in rows(ex):
        out += [f"Q{t.number}" for t in row.terms]
        if row.ratio:
            out += [f"Q{row.ratio[0].number}", f"Q{row.ratio[1].number}", "divided by"]
        out += [norm(b.label) for b in row.bands]
    return out


@pytest.mark.parametrize("ex", ALL, ids=ids(ALL))
def test_the_printed_sheet_holds_its_scoring(ex: Exercise) -> None:
    page = participant_html(ex)
    text = grid_text(page)
    assert [s for s in what_the_sheet_must_say(ex) if s not in text] == []
    assert reversed_on_paper(text) == expected_reversed(ex)
    assert ex.scoring
    for d in ex.scoring.dimensions:
        assert f'data-wb-fill="s:{d.id}"' in page, f"a box for {d.id}"
    if ex.scoring.overall:
        assert f'data-wb-fill="s:{OVERALL}"' in page
    # What each answer counts, where a score adds it up.
    for item in ex.items:
        if isinstance(item, Likert) and item.dimension:
            part = page[page.index(f'data-item="{item.id}"') :]
            part = part[: part.index("</li>")]
            values = re.findall(r'class="wb-print-only wb-value"[^>]*>(\d+)<', part)
            assert values == [str(v) for v in range(1, len(item.scale or ex.scale) + 1)], item.id
        if isinstance(item, Choice) and item.dimension and any(o.value is not None for o in item.options):
            part = page[page.index(f'data-item="{item.id}"') :]
            assert all(f"({o.value:g})" in norm(part[: part.index("</li>")]) for o in item.options if o.value is not None), item.id


def test_scored_table_columns_ask_for_the_numbers_the_score_adds() -> None:
    """strategy-or-tactic: the matrix is scored -2 to +2, so the sheet asks for those numbers, not words."""
    ex = content().exercises["strategy-or-tactic"]
    text = norm(participant_html(ex))
    assert "Option A, Option B, Option C: write the number of your answer: -2 Sets it back a lot; -1 Sets it back; 0 No real change" in text


def test_table_rows_follow_the_instructions() -> None:
    exercises = content().exercises
    assert "fifteen to twenty" in exercises["network-map"].instructions
    table = exercises["network-map"].items[0]
    assert isinstance(table, Table) and table.rows >= 15
    plan = next(i for i in exercises["ninety-day-plan"].items if isinstance(i, Table))
    assert "up to eight" in exercises["ninety-day-plan"].instructions and plan.rows == 8


def test_the_skills_table_gives_words_room_to_be_written() -> None:
    page = participant_html(content().exercises["transferable-skills"])
    widths = [float(w) for w in re.findall(r'<col style="--wb-col: ([\d.]+)%">', page)]
    assert len(widths) == 4 and widths[0] >= 25, widths  # the skill's name: at least a quarter of the row
    assert widths[3] < widths[0], "the level, a word from four, is narrower than the skill"


# --- the single-sheet PDFs ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sheet_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The single-sheet PDF of every shipped scored exercise and of the fixtures, made as the build makes them."""
    out: dict[str, Path] = {}
    shipped = content()
    wb = Workbook.model_validate(
        {
            "title": "Fixtures",
            "author": "Tests",
            "licence": "CC0",
            "chapters": [{"id": "c", "title": "C", "exercises": ids(FIXTURES_SCORED)}],
        }
    )
    fixtures = Content(REPO, wb, [], {e.id: e for e in FIXTURES_SCORED}, {})
    downloads = tmp_path_factory.mktemp("sheets") / "downloads"
    for whole, wanted in ((shipped, SHIPPED), (fixtures, FIXTURES_SCORED)):
        docs = [d for d in pack_documents(whole, REPO / "templates") if d.path in {f"worksheets/{e.id}.pdf" for e in wanted}]
        for path in write_pdfs(docs, REPO / "templates", downloads):
            out[path.stem] = path
    return out


PDF_EXERCISES = SHIPPED + FIXTURES_SCORED


@pytest.mark.parametrize("ex", PDF_EXERCISES, ids=ids(PDF_EXERCISES))
def test_the_sheet_pdf_holds_its_scoring(ex: Exercise, sheet_pdfs: dict[str, Path]) -> None:
    text = pdf_text(sheet_pdfs[ex.id])
    assert "Score it yourself" in text
    assert [s for s in what_the_sheet_must_say(ex) if s not in text] == []
    assert reversed_on_paper(text) == expected_reversed(ex)
    for n, _ in enumerate(ex.fill_in):
        assert norm({"name": "Name:", "date": "Date:", "next-check-in": "Next check-in:"}[ex.fill_in[n]]) in text


# --- the facilitator's key ---------------------------------------------------------------------


def visible(markup: str) -> str:
    return norm(re.sub(r"<[^>]+>", " ", markup))


def participant_words(ex: Exercise) -> str:
    words = [ex.title, ex.introduction, ex.instructions, *ex.scale, *ex.reflection]
    for item in ex.items:
        words += [item.text, item.help, *(getattr(item, "scale", None) or [])]
        words += [o.label for o in getattr(item, "options", [])]
        if isinstance(item, Table):
            words += item.row_labels + [c.label for c in item.columns] + [o.label for c in item.columns for o in c.options]
    if ex.scoring:
        parts = [*ex.scoring.dimensions, *([ex.scoring.overall] if ex.scoring.overall else [])]
        words += [p.label for p in parts] + [b.label + " " + b.text for p in parts for b in p.bands]
    return norm(" ".join(words)).lower()


def internal_ids(ex: Exercise) -> set[str]:
    out = {i.id for i in ex.items} | {c.id for i in ex.items if isinstance(i, Table) for c in i.columns}
    return out | ({d.id for d in ex.scoring.dimensions} if ex.scoring else set())


def mentions(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, flags=re.I) is not None


@pytest.mark.parametrize("ex", ALL, ids=ids(ALL))
def test_the_key_names_no_internal_id(ex: Exercise) -> None:
    said = visible(key_html(ex))
    words = participant_words(ex)
    leaked = sorted(i for i in internal_ids(ex) if mentions(said, i) and not mentions(words, i))
    assert leaked == []
    assert "_overall" not in said


def worked_example(markup: str) -> tuple[dict[str, Any], list[dict[str, str]]]:
    match = re.search(r'data-example="([^"]*)"', markup)
    assert match, "the key has a worked example"
    answers = json.loads(html.unescape(match.group(1)))
    worked = []
    for attrs, body in re.findall(r"<li (data-worked=[^>]*)>(.*?)</li>", markup, flags=re.S):
        entry = dict(re.findall(r'data-(\w+)="([^"]*)"', attrs))
        band = re.search(r'<em class="wb-key__band">(.*?)</em>', body)
        entry["band"] = html.unescape(band.group(1)) if band else ""
        entry["steps"] = json.dumps([(float(v), float(w)) for v, w in re.findall(r'data-value="([^"]*)" data-weight="([^"]*)"', body)])
        worked.append(entry)
    return answers, worked


@pytest.mark.parametrize("ex", ALL, ids=ids(ALL))
def test_on_paper_the_example_answers_stand_in_lists_side_by_side_each_read_down(ex: Exercise) -> None:
    """The facilitator pack lays the worked example's answers out as columns without CSS columns
    (which WeasyPrint balances at great cost): ANSWER_COLUMNS lists side by side, as even as they can
    be, which read one after the other give every answer once, in the site's order."""
    from generator.pdf import ANSWER_COLUMNS

    def lists(markup: str) -> list[list[int]]:
        found = re.findall(r'<ul class="wb-key__answers">(.*?)</ul>', markup, flags=re.S)
        return [[int(n) for n in re.findall(r'data-question="(\d+)"', body)] for body in found]

    (on_site,) = lists(key_html(ex))
    on_paper = lists(ENV.get_template("worksheet/key.html.j2").render(exercise=ex, spec=widget_spec(ex, {}), answer_columns=ANSWER_COLUMNS))
    assert [n for column in on_paper for n in column] == on_site
    assert len(on_paper) == min(ANSWER_COLUMNS, len(on_site)) and all(on_paper)
    assert max(map(len, on_paper)) - min(map(len, on_paper)) <= 1


@pytest.mark.parametrize("ex", ALL, ids=ids(ALL))
def test_the_worked_example_scores_as_the_widget_does(ex: Exercise, scorer: Scorer) -> None:
    spec = widget_spec(ex, {})
    answers, worked = worked_example(key_html(ex))
    scored = scorer.score(spec, answers)
    result, boxes = scored["result"], scored["sheet"]["boxes"]
    assert result["missingCount"] == 0, "the example answers every question that counts"
    entries = {d["id"]: d for d in result["dimensions"]} | ({OVERALL: result["overall"]} if result["overall"] else {})
    assert [w["worked"] for w in worked] == list(entries), "one worked line per score, in the widget's order"
    bands = {d["id"]: d["bands"] for d in spec["dimensions"]} | ({OVERALL: spec["overall"]["bands"]} if spec["overall"] else {})
    for w in worked:
        entry = entries[w["worked"]]
        assert w["score"] == boxes.get(f"s:{entry['id']}", ""), f"{w['worked']}: the score the widget shows"
        assert w["band"] == ("" if entry["band"] is None else bands[entry["id"]][entry["band"]]["label"]), w["worked"]
        steps = json.loads(w["steps"])
        if steps:  # the arithmetic on the page adds up to the total the grid's box holds
            assert sum(v * weight for v, weight in steps) == pytest.approx(float(w["total"]))
            assert float(boxes[f"t:{entry['id']}"]) == pytest.approx(float(w["total"])), w["worked"]


def test_every_reflection_prompt_has_writing_lines_on_the_page_and_in_the_packs() -> None:
    from generator.render import render_pages

    shipped = content()
    pages = render_pages(shipped, REPO / "templates")
    docs = {d.path: "".join(d.parts) for d in pack_documents(shipped, REPO / "templates")}
    for ex in shipped.exercises.values():
        assert ex.reflection, ex.id
        page = pages[f"exercises/{ex.id}.md"]
        reflect = page[page.index("## Reflect") :]
        assert reflect.count('class="wb-print-only wb-write"') == len(ex.reflection), ex.id
        sheet = docs[f"worksheets/{ex.id}.pdf"]
        assert sheet[sheet.index('class="wb-reflect"') :].count('class="wb-write"') == len(ex.reflection), ex.id


# --- a sheet that looks back on another assessment (`history_of`): its results, to copy in -------

LOOK_BACK = [e for e in content().exercises.values() if e.history_of]


def paper_rows(page: str) -> list[tuple[str, int, int]]:
    """The paper table's rows: (label, how many cells to write in, how many of them hold text)."""
    match = re.search(r'<div class="wb-print-only wb-history-paper".*?</div>', page, flags=re.S)
    assert match, "the sheet has a table to copy the results into"
    out = []
    for row in re.findall(r"<tr>(.*?)</tr>", match.group(0).split("<tbody>")[1], flags=re.S):
        label = visible(re.search(r"<th[^>]*>(.*?)</th>", row, flags=re.S).group(1))  # type: ignore[union-attr]
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        out.append((label, len(cells), sum(1 for c in cells if c.strip())))
    return out


def looked_back_on(ex: Exercise, overall: bool = True) -> Exercise:
    of = content().exercises[ex.history_of or ""]
    assert of.scoring
    return of if overall else of.model_copy(update={"scoring": of.scoring.model_copy(update={"overall": None})})


@pytest.mark.parametrize("overall", [True, False], ids=["with-overall", "without-overall"])
@pytest.mark.parametrize("ex", LOOK_BACK, ids=ids(LOOK_BACK))
def test_a_look_back_sheet_has_each_score_to_copy_last_time_and_this_time(ex: Exercise, overall: bool) -> None:
    of = looked_back_on(ex, overall)
    assert of.scoring
    page = str(render_form(ENV, content().workbook, ex, {}, key=False, history=of))
    labels = ["Date", *(d.label for d in of.scoring.dimensions), *([of.scoring.overall.label] if of.scoring.overall else [])]
    assert paper_rows(page) == [(norm(label), 2, 0) for label in labels], "a blank pair of cells for each score"
    assert norm(f"Your results in {of.title}, last time and this time") in visible(page)


def test_only_a_look_back_sheet_has_the_table() -> None:
    assert LOOK_BACK, "the shipped workbook has a check-in"
    for ex in content().exercises.values():
        page = str(render_form(ENV, content().workbook, ex, {}, key=False, history=history_of(content(), ex)))
        assert ("wb-history-paper" in page) == (ex in LOOK_BACK), ex.id


@pytest.mark.parametrize("ex", LOOK_BACK, ids=ids(LOOK_BACK))
def test_the_look_back_sheet_pdf_has_the_table(ex: Exercise, sheet_pdfs: dict[str, Path]) -> None:
    of = looked_back_on(ex)
    assert of.scoring and ex in SHIPPED
    text = pdf_text(sheet_pdfs[ex.id])
    wanted = [f"Your results in {of.title}, last time and this time", "Last time", "This time"]
    wanted += [d.label for d in of.scoring.dimensions] + ([of.scoring.overall.label] if of.scoring.overall else [])
    assert [w for w in wanted if norm(w) not in text] == []
