// Unit tests of dated results (templates/assets/workbook/history.js, every page) and of what the
// pages showing history add (history-data.js): one result a day, old check-ins carried over, imports
// merged without loss, the next check-in date and when to suggest a backup. Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const DIR = path.join(__dirname, "../../templates/assets/workbook");
const H = require(path.join(DIR, "history.js"));
const D = require(path.join(DIR, "history-data.js"));

test("both run as classic scripts with no DOM, history-data.js after history.js", () => {
  const context = vm.createContext({});
  for (const name of ["history.js", "history-data.js"]) {
    const src = fs.readFileSync(path.join(DIR, name), "utf8");
    vm.runInContext(src, context);
    assert.doesNotMatch(src.replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, ""), /\b(document|window|localStorage|innerHTML|eval)\b/);
  }
  assert.equal(typeof context.WorkbookHistory.record, "function");
  assert.equal(typeof context.WorkbookHistoryData.fromCheckins, "function");
});

test("localDay is the reader's calendar date, not the UTC one", () => {
  assert.equal(H.localDay(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
  assert.equal(H.localDay(new Date(2026, 11, 31, 0, 1)), "2026-12-31");
});

const result = (date, overall, extra) => ({ date, saved: date + "T10:00:00.000Z", scores: { a: overall, _overall: overall }, ...extra });

test("record: a later day adds a result, the same day updates that day's, earlier days are kept", () => {
  let list = H.record([], result("2026-01-05", 2));
  list = H.record(list, result("2026-01-05", 3)); // same day: updated
  assert.deepEqual(list.map((r) => [r.date, r.scores._overall]), [["2026-01-05", 3]]);
  list = H.record(list, result("2026-04-07", 4)); // later day: added
  assert.deepEqual(list.map((r) => [r.date, r.scores._overall]), [["2026-01-05", 3], ["2026-04-07", 4]]);
  list = H.record(list, result("2026-02-01", 1)); // a clock set back: put in its place, nothing replaced
  assert.deepEqual(list.map((r) => r.date), ["2026-01-05", "2026-02-01", "2026-04-07"]);
  // Two results of one day (left by old check-ins): the latest of them is that day's.
  const two = [result("2026-01-05", 1), { ...result("2026-01-05", 2), saved: "2026-01-05T12:00:00.000Z" }];
  assert.deepEqual(H.record(two, result("2026-01-05", 5)).map((r) => r.scores._overall), [1, 5]);
});

test("readResults keeps well-formed results in date order and says when anything else was there", () => {
  assert.deepEqual(H.readResults(null), { results: [], unreadable: false });
  for (const bad of [7, "x", [], { results: 3 }, { v: 2, results: [] }]) assert.equal(H.readResults(bad).unreadable, true, JSON.stringify(bad));
  const got = H.readResults({ v: 1, results: [result("2026-03-01", 2), { date: "soon", scores: {} }, result("2026-01-01", 1)] });
  assert.deepEqual(got.results.map((r) => r.date), ["2026-01-01", "2026-03-01"]);
  assert.equal(got.unreadable, true);
  assert.deepEqual(H.stored(got.results), { v: 1, results: got.results });
});

test("scoresOf keeps every dimension's score and the overall, null where none", () => {
  const r = { dimensions: [{ id: "x", score: 2.5 }, { id: "y", score: null }], overall: { score: 3 } };
  assert.deepEqual(H.scoresOf(r), { x: 2.5, y: null, _overall: 3 });
  assert.deepEqual(H.scoresOf({ dimensions: [{ id: "x", score: 1 }], overall: null }), { x: 1 });
});

test("fromCheckins turns every old check-in into dated results and drops none", () => {
  const list = [
    { date: "2025-03-01T09:00:00.000Z", scores: { hierarchy: { skills: 3, _overall: 3 }, runway: { months: 4 } } },
    { date: "2025-06-01T09:00:00.000Z", scores: { hierarchy: { skills: 4, _overall: 3.5 } } },
    { date: "not a date", scores: { hierarchy: { skills: 2 } } }, // kept, dated today
    { date: "2025-07-01T09:00:00.000Z", scores: 3 }, // no scores: aside
    "junk", // aside
    { date: "2025-08-01T09:00:00.000Z", scores: { hierarchy: { skills: "high" }, runway: { months: 6 } } }, // half usable
  ];
  const { byExercise, aside } = D.fromCheckins(list, "2026-12-02", "2026-12-02T08:00:00.000Z");
  assert.deepEqual(byExercise.hierarchy.map((r) => [r.date, r.scores.skills]), [
    [H.localDay(new Date("2025-03-01T09:00:00.000Z")), 3],
    [H.localDay(new Date("2025-06-01T09:00:00.000Z")), 4],
    ["2026-12-02", 2],
  ]);
  assert.equal(byExercise.hierarchy[2].undated, "not a date");
  assert.deepEqual(byExercise.runway.map((r) => r.scores.months), [4, 6]);
  assert.ok(byExercise.runway.every((r) => r.from === "check-in"));
  assert.deepEqual(aside, [list[3], "junk", list[5]]);
  assert.deepEqual(D.fromCheckins("junk", "2026-12-02", "x").aside, ["junk"]);
});

test("merge keeps one copy of what both hold and everything else, in date order", () => {
  const mine = [result("2026-01-05", 3), result("2026-04-07", 4)];
  const file = [{ ...result("2026-04-07", 4), scores: { _overall: 4, a: 4 } }, result("2026-04-07", 2), result("2025-10-01", 1), { date: 5 }];
  const { results, added } = D.merge(mine, file);
  assert.equal(added, 2);
  assert.deepEqual(results.map((r) => [r.date, r.scores._overall]), [["2025-10-01", 1], ["2026-01-05", 3], ["2026-04-07", 4], ["2026-04-07", 2]]);
  assert.equal(D.merge(results, results).added, 0);
});

test("addMonths and nextCheckin follow the calendar; a 31st becomes the month's last day", () => {
  assert.equal(D.addMonths("2026-01-15", 3), "2026-04-15");
  assert.equal(D.addMonths("2025-11-30", 3), "2026-02-28");
  assert.equal(D.addMonths("2024-11-30", 3), "2025-02-28");
  assert.equal(D.addMonths("2023-11-29", 3), "2024-02-29");
  assert.equal(D.addMonths("2026-10-31", 2), "2026-12-31");
  assert.equal(D.addMonths("2026-12-01", 1), "2027-01-01");
  assert.equal(D.nextCheckin([], 3), null);
  assert.equal(D.nextCheckin([result("2026-01-05", 1), result("2026-05-20", 2)], 6), "2026-11-20");
});

test("backupDue: only for answers newer than a backup a month old, and once a period", () => {
  const now = new Date(2026, 5, 15, 12); // 15 June 2026, local
  const iso = (y, m, d) => new Date(y, m - 1, d, 12).toISOString();
  const base = { lastBackup: iso(2026, 5, 1), shown: null, newest: iso(2026, 6, 10), first: iso(2026, 1, 1), now };
  assert.equal(D.backupDue(base), true);
  assert.equal(D.backupDue({ ...base, newest: iso(2026, 4, 30) }), false, "nothing new since the backup");
  assert.equal(D.backupDue({ ...base, lastBackup: iso(2026, 5, 20) }), false, "the backup is not a month old");
  assert.equal(D.backupDue({ ...base, newest: null }), false, "nothing saved at all");
  // Never backed up: a month after the first answer.
  assert.equal(D.backupDue({ ...base, lastBackup: null, first: iso(2026, 6, 1) }), false);
  assert.equal(D.backupDue({ ...base, lastBackup: null, first: iso(2026, 5, 10) }), true);
  // Shown once: not again until there is something newer and another month has passed.
  assert.equal(D.backupDue({ ...base, shown: iso(2026, 6, 12) }), false);
  assert.equal(D.backupDue({ ...base, shown: iso(2026, 5, 10) }), true);
  assert.equal(D.backupDue({ ...base, shown: iso(2026, 5, 10), newest: iso(2026, 5, 9), lastBackup: iso(2026, 5, 1) }), false);
});
