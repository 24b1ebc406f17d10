// Unit tests of the widget's pure scoring logic (templates/assets/workbook/scoring.js).
// Run: node --test tests/js/   Every expected value is worked out by hand in the comment next to it.
// The scoring maths on specs the generator writes is in the shared cases (tests/cases/scoring/,
// scoring-cases.test.js); these are the functions' own behaviours on hand-made input.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SOURCE = path.join(__dirname, "../../templates/assets/workbook/scoring.js");
const S = require(SOURCE);

// --- small spec builders (the shape generator/spec.py writes, see ARCHITECTURE.md) ---------------

const likert = (id, dimension, extra = {}) => ({ id, type: "likert", dimension, weight: 1, reverse: false, min: 1, max: 5, ...extra });
const number = (id, dimension, extra = {}) => ({ id, type: "number", dimension, weight: 1, min: 0, max: null, ...extra });
const dim = (id, aggregate = "mean", extra = {}) => ({
  id, label: id.toUpperCase(), aggregate, numerator: null, denominator: null, range: [1, 5], bands: [], follow_ups: [], ...extra,
});
const spec = (items, dimensions, overall = null) => ({ id: "ex", version: "v1", title: "Ex", items, dimensions, overall });
const dimension = (result, id) => result.dimensions.find((d) => d.id === id);

// --- loading -------------------------------------------------------------------------------------

test("runs as a classic script with no module and no DOM, defining globalThis.WorkbookScoring", () => {
  const src = fs.readFileSync(SOURCE, "utf8");
  const context = vm.createContext({});
  vm.runInContext(src, context);
  assert.equal(typeof context.WorkbookScoring.scoreExercise, "function");
  assert.equal(globalThis.WorkbookScoring, S);
  assert.doesNotMatch(src.replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, ""), /\b(document|window|localStorage|innerHTML|eval)\b/);
});

// --- likert: reverse and weights -----------------------------------------------------------------


test("reverse uses the item's own min and max (a 0..3 scale)", () => {
  const items = [likert("q", "d", { reverse: true, min: 0, max: 3 })];
  // 0 + 3 - 1 = 2
  assert.equal(dimension(S.scoreExercise(spec(items, [dim("d")]), { q: 1 }), "d").score, 2);
});

test("weights change a mean: heavier items pull harder", () => {
  const items = [likert("a", "d", { weight: 3 }), likert("b", "d", { weight: 1 })];
  // (3*5 + 1*1) / 4 = 16 / 4 = 4   (unweighted would be 3)
  assert.equal(dimension(S.scoreExercise(spec(items, [dim("d")]), { a: 5, b: 1 }), "d").score, 4);
});


// --- missing answers -----------------------------------------------------------------------------


test("once every answer is given the score appears", () => {
  const items = [likert("q1", "a"), likert("q2", "a"), { id: "c", type: "checklist", dimension: "a", weight: 1, values: [2, 2] }];
  const r = S.scoreExercise(spec(items, [dim("a", "sum")]), { q1: 5, q2: 4 });
  // 5 + 4 + checklist with nothing ticked (0) = 9
  assert.equal(dimension(r, "a").score, 9);
  assert.equal(dimension(r, "a").complete, true);
  assert.equal(dimension(r, "a").missing, 0);
  assert.equal(r.missingCount, 0);
  assert.equal(r.overall, null);
});

test("out-of-range or wrongly typed answers count as missing, not as scores", () => {
  const r = S.scoreExercise(spec([likert("q", "a")], [dim("a")]), { q: "5" });
  assert.equal(dimension(r, "a").missing, 1);
  assert.equal(dimension(S.scoreExercise(spec([likert("q", "a")], [dim("a")]), { q: 9 }), "a").missing, 1);
});

// --- bands ---------------------------------------------------------------------------------------

const BANDS = [
  { min: 1, max: 2.5, label: "Weak" },
  { min: 2.5, max: 4, label: "Fair" },
  { min: 4, max: 5, label: "Strong" },
];

test("band boundaries are half-open: a score exactly at a boundary belongs to the band starting there", () => {
  assert.equal(S.bandFor(BANDS, 1), 0);
  assert.equal(S.bandFor(BANDS, 2.49), 0);
  assert.equal(S.bandFor(BANDS, 2.5), 1);
  assert.equal(S.bandFor(BANDS, 4), 2);
});

test("the top band includes its max; beyond it, or below the first, there is no band", () => {
  assert.equal(S.bandFor(BANDS, 5), 2);
  assert.equal(S.bandFor(BANDS, 5.01), null);
  assert.equal(S.bandFor(BANDS, 0.99), null);
  assert.equal(S.bandFor(BANDS, null), null);
  assert.equal(S.bandFor([], 3), null);
});

test("floating point drift does not move a score out of the band starting at 2.5", () => {
  assert.equal(S.bandFor(BANDS, 2.5 - 1e-12), 1);
  // (0.1*1 + 0.3*3) / (0.1 + 0.3) is exactly 2.5 by hand, but 2.4999999999999996 in floats
  const items = [likert("a", "d", { weight: 0.1 }), likert("b", "d", { weight: 0.3 })];
  const d = dimension(S.scoreExercise(spec(items, [dim("d", "mean", { bands: BANDS })]), { a: 1, b: 3 }), "d");
  assert.equal(d.score, 2.5);
  assert.equal(d.band, 1);
});

test("max: null makes the top band unbounded", () => {
  const bands = [{ min: 0, max: 3, label: "Short" }, { min: 3, max: null, label: "Long" }];
  assert.equal(S.bandFor(bands, 3), 1);
  assert.equal(S.bandFor(bands, 1e9), 1);
  assert.equal(S.bandFor(bands, 2.999), 0);
});

test("bands declared top first still include the top max", () => {
  const bands = [{ min: 4, max: 5, label: "Strong" }, { min: 1, max: 4, label: "Weak" }];
  assert.equal(S.bandFor(bands, 5), 0);
  assert.equal(S.bandFor(bands, 4), 0);
  assert.equal(S.bandFor(bands, 3.9), 1);
});

test("a scored dimension reports its band index", () => {
  const r = S.scoreExercise(spec([likert("q", "d")], [dim("d", "mean", { bands: BANDS })]), { q: 5 });
  assert.equal(dimension(r, "d").band, 2); // 5 is Strong's max
});

// --- ratio ---------------------------------------------------------------------------------------

const RUNWAY = spec(
  [number("savings", null), number("spend", null)],
  [dim("runway", "ratio", { numerator: "savings", denominator: "spend", range: [0, 24], bands: [{ min: 0, max: 3, label: "Short" }, { min: 3, max: null, label: "OK" }] })],
);

test("ratio divides the numerator item by the denominator item", () => {
  const d = dimension(S.scoreExercise(RUNWAY, { savings: 9000, spend: 2000 }), "runway");
  assert.equal(d.score, 4.5); // 9000 / 2000
  assert.equal(d.band, 1);
  assert.equal(S.formatScore(d.score, "ratio"), "4.5");
});

test("ratio with a zero denominator is undefined, never Infinity or NaN", () => {
  const d = dimension(S.scoreExercise(RUNWAY, { savings: 9000, spend: 0 }), "runway");
  assert.equal(d.score, null);
  assert.equal(d.complete, true);
  assert.equal(d.undefinedReason, "zero-denominator");
  assert.equal(d.band, null);
  const zero = dimension(S.scoreExercise(RUNWAY, { savings: 0, spend: 0 }), "runway");
  assert.equal(zero.score, null);
});

test("ratio with an unanswered item is missing, counted once even when filed under the dimension", () => {
  assert.equal(dimension(S.scoreExercise(RUNWAY, { savings: 10 }), "runway").missing, 1);
  const filed = spec([number("savings", "runway"), number("spend", "runway")], RUNWAY.dimensions);
  const r = S.scoreExercise(filed, {});
  assert.equal(dimension(r, "runway").missing, 2);
  assert.equal(r.missingCount, 2);
});

test("an overall over an undefined ratio is undefined too", () => {
  const s = { ...RUNWAY, overall: { label: "All", aggregate: "mean", of: [], range: null, bands: [] } };
  const r = S.scoreExercise(s, { savings: 5, spend: 0 });
  assert.equal(r.overall.score, null);
  assert.equal(r.overall.complete, true);
  assert.equal(r.overall.undefinedReason, "undefined-dimension");
});

// --- checklist -----------------------------------------------------------------------------------


// --- tables --------------------------------------------------------------------------------------





// --- overall -------------------------------------------------------------------------------------

const PUSH_PULL = (aggregate, of) => spec(
  [likert("a", "pull"), likert("b", "push"), likert("c", "push")],
  [dim("pull", "sum"), dim("push", "sum")],
  { label: "Net", aggregate, of, range: null, bands: [{ min: -10, max: 0, label: "Stay" }, { min: 0, max: 10, label: "Move" }] },
);
const PP_ANSWERS = { a: 3, b: 4, c: 3 }; // pull = 3, push = 4 + 3 = 7

test("overall difference is the first of `of` minus the second", () => {
  const r = S.scoreExercise(PUSH_PULL("difference", ["push", "pull"]), PP_ANSWERS);
  assert.equal(r.overall.score, 4); // 7 - 3
  assert.equal(r.overall.band, 1);
  assert.equal(r.overall.id, "_overall");
  assert.equal(S.scoreExercise(PUSH_PULL("difference", ["pull", "push"]), PP_ANSWERS).overall.score, -4); // 3 - 7
});

test("overall mean, sum and min over dimension scores; `of` empty means all", () => {
  assert.equal(S.scoreExercise(PUSH_PULL("mean", []), PP_ANSWERS).overall.score, 5); // (3 + 7) / 2
  assert.equal(S.scoreExercise(PUSH_PULL("sum", []), PP_ANSWERS).overall.score, 10); // 3 + 7
  assert.equal(S.scoreExercise(PUSH_PULL("min", ["push", "pull"]), PP_ANSWERS).overall.score, 3);
  assert.equal(S.scoreExercise(PUSH_PULL("mean", ["push"]), PP_ANSWERS).overall.score, 7);
});

test("overall is incomplete when one of its dimensions is, and counts only its own dimensions", () => {
  const r = S.scoreExercise(PUSH_PULL("mean", ["pull"]), { b: 4 });
  assert.equal(r.overall.complete, false);
  assert.equal(r.overall.missing, 1); // a (pull); c is push's
  assert.equal(r.missingCount, 2); // a and c
});

// --- weakest dimension ---------------------------------------------------------------------------



test("weakest dimension skips incomplete and undefined dimensions; null when none is complete", () => {
  const result = {
    dimensions: [
      { id: "a", score: null, complete: false, range: [1, 5] },
      { id: "b", score: null, complete: true, range: [0, 10], undefinedReason: "zero-denominator" },
      { id: "c", score: 4, complete: true, range: [1, 5] },
    ],
  };
  assert.equal(S.weakestDimension(result), "c");
  assert.equal(S.weakestDimension({ dimensions: [result.dimensions[0]] }), null);
  assert.equal(S.weakestDimension({ dimensions: [] }), null);
});

// --- reconcile -----------------------------------------------------------------------------------

const V2 = spec(
  [
    likert("q1", "d"),
    { id: "q2", type: "choice", dimension: "d", weight: 1, values: [0, 1, 2] },
    { id: "q3", type: "checklist", dimension: "d", weight: 1, values: [1, 1] },
    number("q4", "d", { min: 0, max: 100 }),
    { id: "q5", type: "text" },
    { id: "q6", type: "table", rows: 2, fixed_rows: false, max_rows: 3,
      columns: [{ id: "a", type: "choice", values: [1, 2], dimension: null, score: "each" }, { id: "b", type: "number", dimension: null, score: "each" }] },
  ],
  [dim("d")],
);

test("reconcile keeps answers that still fit and drops the rest", () => {
  const saved = {
    q1: 7, // the scale is 1..5 now
    q2: 2,
    q3: [0, 5, 0, "1", 1], // 5 no longer exists, "1" is a string, 0 repeated
    q4: "12", // a string, not a number
    q5: "hello",
    q6: [{ a: 1, b: 3, gone: "x" }, "garbage", { a: 9, b: "4" }, { a: 0 }], // 4 rows, max_rows 3
    removed: 3, // an item deleted from the exercise
  };
  assert.deepEqual(S.reconcile(V2, saved), { q2: 2, q3: [0, 1], q5: "hello", q6: [{ a: 1, b: 3 }, {}, {}] });
});

test("reconcile checks ranges and integers", () => {
  assert.deepEqual(S.reconcile(V2, { q1: 3.5, q2: -1, q4: 100 }), { q4: 100 });
  assert.deepEqual(S.reconcile(V2, { q1: 1, q2: 0, q4: 100.5 }), { q1: 1, q2: 0 });
  assert.deepEqual(S.reconcile(V2, { q4: Infinity, q1: NaN }), {});
});

test("reconcile: a number item with null bounds takes any finite number, negatives included", () => {
  const s = spec([number("n", "d", { min: null, max: null }), number("m", "d", { min: -10, max: null })], [dim("d", "sum")]);
  assert.deepEqual(S.reconcile(s, { n: -5000.5, m: -11 }), { n: -5000.5 });
  assert.equal(dimension(S.scoreExercise(s, { n: -3, m: -10 }), "d").score, -13); // -3 + -10
});

test("reconcile never throws on garbage of any JSON type", () => {
  const garbage = [null, undefined, 42, "text", true, [], [1, 2], { q1: {} }, { q3: "0,1", q6: { 0: { a: 1 } } }, { q6: [null, 7, [1]] }];
  for (const g of garbage) {
    const out = S.reconcile(V2, g);
    assert.equal(typeof out, "object");
  }
  assert.deepEqual(S.reconcile(V2, { q6: [null, 7, [1]] }), { q6: [{}, {}, {}] });
  assert.deepEqual(S.reconcile(null, { q1: 1 }), {});
  assert.deepEqual(S.reconcile({ items: "nope" }, { q1: 1 }), {});
});

test("reconcile ignores inherited and __proto__ keys", () => {
  const saved = JSON.parse('{"__proto__": {"q1": 3, "polluted": true}, "q5": "ok"}');
  assert.deepEqual(S.reconcile(V2, saved), { q5: "ok" });
  assert.equal({}.polluted, undefined);
});

test("scoring garbage answers gives missing counts, not a crash", () => {
  const r = S.scoreExercise(V2, "not an object");
  assert.equal(dimension(r, "d").missing, 3); // q1, q2, q4
});

// --- form entries --------------------------------------------------------------------------------

test("answersFromEntries reads FormData names: item, and item.row.column for tables", () => {
  const entries = [
    ["q1", "4"], ["q2", "0"], ["q3", "0"], ["q3", "1"], ["q4", ""], ["q5", "hi <b>"],
    ["q6.1.a", "1"], ["q6.1.b", "2.5"], ["q6.0.a", ""], ["q6.9.a", "1"], ["q6.x.a", "1"], ["q6.0.zz", "1"],
    ["unknown", "1"], ["q1.extra", "2"], // only table controls have dotted names
  ];
  const out = S.answersFromEntries(V2, entries);
  assert.deepEqual(out, { q1: 4, q2: 0, q3: [0, 1], q5: "hi <b>", q6: [{}, { a: 1, b: 2.5 }] });
});

test("answersFromEntries drops values that do not fit (a radio value from an old page)", () => {
  assert.deepEqual(S.answersFromEntries(V2, [["q1", "9"], ["q2", "abc"], ["q4", "50"]]), { q4: 50 });
  assert.deepEqual(S.answersFromEntries(V2, []), {});
});

// --- formatting ----------------------------------------------------------------------------------

test("formatScore: percentage whole with %, mean and ratio one decimal, sum whole when whole", () => {
  assert.equal(S.formatScore(72.4, "percentage"), "72%");
  assert.equal(S.formatScore(66.666667, "percentage"), "67%");
  assert.equal(S.formatScore(4.5, "ratio"), "4.5");
  assert.equal(S.formatScore(4.04, "ratio"), "4.0");
  assert.equal(S.formatScore(3, "mean"), "3.0");
  assert.equal(S.formatScore(3.25, "mean"), "3.3");
  assert.equal(S.formatScore(12, "sum"), "12");
  assert.equal(S.formatScore(-4, "difference"), "-4");
  assert.equal(S.formatScore(0.5, "sum"), "0.5");
  assert.equal(S.formatScore(null, "mean"), "");
});

test("formatScore in the page's language: the same digits, the language's decimal sign and percent", () => {
  for (const [score, aggregate] of [[72.4, "percentage"], [4.5, "ratio"], [3, "mean"], [12, "sum"], [-4, "difference"], [12345, "sum"]]) {
    assert.equal(S.formatScore(score, aggregate, "en"), S.formatScore(score, aggregate), "English pages show what they always did");
  }
  assert.equal(S.formatScore(3.25, "mean", "es"), "3,3");
  assert.equal(S.formatScore(4.04, "ratio", "es"), "4,0");
  assert.equal(S.formatScore(12345, "sum", "es"), "12345", "a score is never grouped");
  assert.match(S.formatScore(72.4, "percentage", "es"), /^72\s%$/u, "Spanish writes a space before %");
  assert.equal(S.formatScore(2.5, "mean", "de-DE"), "2,5");
  assert.equal(S.formatScore(2.5, "mean", "xx-invalid-tag-"), S.formatScore(2.5, "mean", undefined) || "2.5");
});

test("ids that are also Object.prototype names (constructor) behave like any other id", () => {
  const s = spec([likert("constructor", "constructor"), number("n", null), number("d", null)],
    [dim("constructor"), dim("r", "ratio", { numerator: "n", denominator: "constructor" })]);
  assert.equal(S.scoreExercise(s, {}).missingCount, 2); // "constructor" (in both dimensions) and n
  assert.deepEqual(S.answersFromEntries(s, [["constructor", "2"]]), { constructor: 2 });
  // 2 answered: constructor dimension mean 2; ratio n / constructor = 6 / 2 = 3
  const r = S.scoreExercise(s, { constructor: 2, n: 6 });
  assert.deepEqual(r.dimensions.map((d) => d.score), [2, 3]);
});

test("bandLabel names the band of a dimension or of the overall score, and nothing without one", () => {
  const spec = {
    dimensions: [{ id: "a", bands: [{ label: "Low" }, { label: "High" }] }, { id: "b", bands: [] }],
    overall: { bands: [{ label: "Starting" }] },
  };
  assert.equal(S.bandLabel(spec, { id: "a", band: 1 }), "High");
  assert.equal(S.bandLabel(spec, { id: "_overall", band: 0 }), "Starting");
  assert.equal(S.bandLabel(spec, { id: "a", band: null }), "");
  assert.equal(S.bandLabel(spec, { id: "b", band: 0 }), "");
  assert.equal(S.bandLabel({ dimensions: [] }, { id: "_overall", band: 0 }), "");
});
