// The printed scoring grid's figures (scoring.js `sheetFigures`): what print.js writes into the boxes
// of a sheet printed with answers. Box ids are named in generator/score_sheet.py. Every expected
// value is worked out by hand in the comment next to it.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../templates/assets/workbook/scoring.js");

const likert = (id, dimension, extra = {}) => ({ id, type: "likert", dimension, weight: 1, reverse: false, min: 1, max: 5, low: 1, high: 5, ...extra });
const dim = (id, aggregate, extra = {}) => ({ id, label: id, aggregate, numerator: null, denominator: null, of: [], range: [1, 5], bands: [], ...extra });
const bands = [{ min: 1, max: 3, label: "Low" }, { min: 3, max: 5, label: "High" }];

test("answers (a reversed one turned round), the total and the mean as the widget shows it, and the band", () => {
  const spec = { items: [likert("a", "d"), likert("b", "d", { reverse: true }), likert("c", "d", { weight: 2 })],
    dimensions: [dim("d", "mean", { bands })], overall: null };
  const { boxes, bands: marked } = S.sheetFigures(spec, { a: 4, b: 2, c: 3 });
  // b reversed: 6 - 2 = 4; total 4 + 4 + 2 × 3 = 14 over weight 4; mean 3.5, shown "3.5"; band High (index 1)
  assert.deepEqual(boxes, { "a:a": "4", "a:b": "4", "a:c": "3", "t:d": "14", "n:d": "4", "s:d": "3.5" });
  assert.deepEqual(marked, { d: 1 });
});

test("a table column: its rows added up, how many rows count, the distinct count", () => {
  const table = { id: "t", type: "table", rows: 3, fixed_rows: false, max_rows: 5, columns: [
    { id: "when", type: "choice", values: [3, 2, 1, 0], dimension: "fresh", score: "each", weight: 1, low: 0, high: 3 },
    { id: "circle", type: "choice", values: [1, 2, 3], dimension: "reach", score: "distinct", weight: 1, low: 0, high: 3 }] };
  const spec = { items: [table], dimensions: [dim("fresh", "mean", { range: [0, 3] }), dim("reach", "sum", { range: [0, 3] })], overall: null };
  const answers = { t: [{ when: 0, circle: 0 }, { when: 2, circle: 0 }, { when: 1, circle: 2 }] };
  const { boxes } = S.sheetFigures(spec, answers);
  // freshness 3 + 1 + 2 = 6 over 3 rows = 2.0; reach: circles 1 and 3, two different
  assert.equal(boxes["a:t.when"], "6");
  assert.equal(boxes["n:fresh"], "3");
  assert.equal(boxes["s:fresh"], "2.0");
  assert.equal(boxes["a:t.circle"], "2");
  assert.equal(boxes["s:reach"], "2");
});

test("a ratio's two numbers and its quotient; the overall; nothing for what is unanswered", () => {
  const num = (id) => ({ id, type: "number", dimension: null, weight: 1, min: 0, max: null, low: 0, high: null });
  const spec = { items: [num("savings"), num("costs"), likert("x", "other")],
    dimensions: [dim("runway", "ratio", { numerator: "savings", denominator: "costs", range: [0, null] }), dim("other", "mean")],
    overall: { label: "All", aggregate: "sum", of: ["runway"], range: [0, null], bands: [] } };
  const { boxes } = S.sheetFigures(spec, { savings: 5000, costs: 2000 });
  // 5000 / 2000 = 2.5, shown "2.5"; the overall is the sum of runway alone: 2.5; "other" unanswered: no boxes
  assert.deepEqual(boxes, { "a:savings": "5000", "a:costs": "2000", "s:runway": "2.5", "s:_overall": "2.5" });
});
