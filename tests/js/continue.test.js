// Unit tests of the home page's "continue where you left off" (templates/assets/workbook/continue.js):
// which exercise was touched last, and how many are started. Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const C = require(path.join(__dirname, "../../templates/assets/workbook/continue.js"));
const EXERCISES = ["a", "b", "c", "d"].map((id) => ({ id, title: id.toUpperCase(), url: "exercises/" + id + "/" }));
const from = (saved) => (id) => (id in saved ? saved[id] : null);

test("nothing saved, or only empty or unreadable entries: nothing to show", () => {
  assert.equal(C.summary(EXERCISES, from({})), null);
  assert.equal(C.summary(EXERCISES, from({ a: { answers: {} }, b: undefined, c: "text", d: { answers: [1] } })), null);
});

test("the exercise saved last is the one to continue, and every started one counts", () => {
  const s = C.summary(EXERCISES, from({
    a: { saved: "2026-03-01T10:00:00Z", answers: { q: 1 } },
    c: { saved: "2026-03-02T08:00:00Z", answers: { t: "x" } },
    d: { saved: "2026-02-01T10:00:00Z", answers: { q: 2 } },
  }));
  assert.deepEqual(s, { last: { exercise: EXERCISES[2], saved: "2026-03-02T08:00:00Z" }, started: 3, total: 4 });
});

test("an entry without a readable date counts as started but is last only when no other has a date", () => {
  const undated = C.summary(EXERCISES, from({ b: { answers: { q: 1 } }, d: { saved: "soon", answers: { q: 1 } } }));
  assert.equal(undated.started, 2);
  assert.equal(undated.last.saved, null);
  const mixed = C.summary(EXERCISES, from({ b: { answers: { q: 1 } }, d: { saved: "2026-01-01T00:00:00Z", answers: { q: 1 } } }));
  assert.equal(mixed.last.exercise.id, "d");
});
