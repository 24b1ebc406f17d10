// Unit tests of the My workbook page's pure logic (templates/assets/workbook/my-workbook-data.js):
// the quarterly reminder calendar, and validating and previewing an import. Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SOURCE = path.join(__dirname, "../../templates/assets/workbook/my-workbook-data.js");
const S = require(SOURCE);

test("runs as a classic script with no module and no DOM, defining globalThis.WorkbookData", () => {
  const src = fs.readFileSync(SOURCE, "utf8");
  const context = vm.createContext({});
  vm.runInContext(src, context);
  assert.equal(typeof context.WorkbookData.buildIcs, "function");
  assert.equal(globalThis.WorkbookData, S);
  assert.doesNotMatch(src.replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, ""), /\b(document|window|localStorage|innerHTML|eval)\b/);
});

// --- calendar reminder ---------------------------------------------------------------------------

const ICS_INPUT = {
  title: "Check-in: skills, network; runway",
  description: "Open My workbook\nand redo the hierarchy \\ profile.",
  start: new Date(2025, 0, 15, 14, 30), // local 15 January 2025
  uid: "checkin-1@workbook.example",
  now: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)),
};

test("buildIcs writes an RFC 5545 calendar with CRLF lines and a quarterly rule", () => {
  const ics = S.buildIcs(ICS_INPUT);
  assert.ok(ics.endsWith("END:VCALENDAR\r\n"));
  assert.doesNotMatch(ics, /[^\r]\n/); // every line break is CRLF
  const lines = ics.split("\r\n").slice(0, -1);
  assert.equal(lines[0], "BEGIN:VCALENDAR");
  for (const line of [
    "VERSION:2.0",
    "BEGIN:VEVENT",
    "UID:checkin-1@workbook.example",
    "DTSTAMP:20250102T030405Z",
    "DTSTART;VALUE=DATE:20250115",
    "RRULE:FREQ=MONTHLY;INTERVAL=3",
    "SUMMARY:Check-in: skills\\, network\\; runway",
    "DESCRIPTION:Open My workbook\\nand redo the hierarchy \\\\ profile.",
    "END:VEVENT",
  ]) assert.ok(lines.includes(line), line);
  assert.ok(lines.some((l) => l.startsWith("PRODID:")));
  assert.equal(lines.filter((l) => l.startsWith("BEGIN:")).length, lines.filter((l) => l.startsWith("END:")).length);
});

test("buildIcs folds long lines at 75 octets without splitting a UTF-8 character", () => {
  const title = "Révision trimestrielle — " + "é".repeat(60) + " 🙂 fin";
  const ics = S.buildIcs({ ...ICS_INPUT, title });
  for (const line of ics.split("\r\n")) assert.ok(Buffer.byteLength(line, "utf8") <= 75, line);
  const unfolded = ics.replace(/\r\n /g, "");
  assert.ok(unfolded.includes("\r\nSUMMARY:" + title + "\r\n"));
  assert.ok(!ics.includes("\uFFFD"));
});

test("foldLine: 75 octets fit on one line, the 76th moves to a continuation line", () => {
  assert.equal(S.foldLine("x".repeat(75)), "x".repeat(75));
  assert.equal(S.foldLine("x".repeat(76)), "x".repeat(75) + "\r\n x");
  // continuation lines hold 74 octets after their leading space
  assert.equal(S.foldLine("x".repeat(150)), "x".repeat(75) + "\r\n " + "x".repeat(74) + "\r\n x");
});

test("buildIcs moves a start on the 29th-31st to the 28th so no quarter is skipped", () => {
  assert.ok(S.buildIcs({ ...ICS_INPUT, start: new Date(2025, 4, 31) }).includes("DTSTART;VALUE=DATE:20250528\r\n"));
});

// --- export and import ---------------------------------------------------------------------------

const EXPORT = {
  format: S.EXPORT_FORMAT,
  version: 1,
  exercises: {
    "skills-audit": { version: "3f2a9c1e", answers: { q1: 4, q3: [0, 1], t: [{ a: 1, b: 2 }] } },
    runway: { version: "aa", answers: { savings: 9000 } },
  },
  checkins: [{ date: "2025-01-15T10:00:00Z", scores: { skills: 3.5 } }],
};

test("validateExport accepts a well-formed export", () => {
  assert.deepEqual(S.validateExport(EXPORT), { ok: true, errors: [] });
  assert.deepEqual(S.validateExport({ ...EXPORT, checkins: undefined }), { ok: true, errors: [] });
});

test("validateExport names every problem by its path", () => {
  for (const g of [null, 3, "x", [], true]) {
    const v = S.validateExport(g);
    assert.equal(v.ok, false);
    assert.deepEqual(v.errors, [{ path: "file", code: "not-export" }]);
  }
  const bad = {
    format: "other",
    version: 3,
    exercises: { "Bad Id": { answers: {} }, ok: { answers: [] }, v: { version: 3, answers: {} } },
    checkins: [{ date: "not a date" }, 5, { date: 2025 }],
  };
  const v = S.validateExport(bad);
  assert.equal(v.ok, false);
  assert.deepEqual(v.errors.map((e) => e.path), [
    "format", "version", "exercises.Bad Id", "exercises.ok.answers", "exercises.v.version", "checkins[0].date", "checkins[1].date", "checkins[2].date",
  ]);
  assert.deepEqual(v.errors.map((e) => e.code), ["format", "version", "exercise-id", "answers", "text", "date", "date", "date"]);
  assert.deepEqual(v.errors.slice(0, 2).map((e) => e.expected), [S.EXPORT_FORMAT, 2]);
  assert.deepEqual(S.validateExport({ format: S.EXPORT_FORMAT, version: 1 }).errors, [{ path: "exercises", code: "exercises" }]);
});

test("validateExport accepts version 2 with dated results, and names a malformed result", () => {
  const v2 = { format: S.EXPORT_FORMAT, version: 2, exercises: EXPORT.exercises, history: { runway: [{ date: "2026-01-05", saved: "x", scores: { a: 1 } }] } };
  assert.deepEqual(S.validateExport(v2), { ok: true, errors: [] });
  const bad = { ...v2, history: { runway: [{ date: "2026-13-45", scores: {} }, { date: "2026-01-05", scores: 3 }], "Bad Id": [], x: 4 } };
  assert.deepEqual(S.validateExport(bad).errors.map((e) => e.path + " " + e.code),
    ["history.runway[0].date date", "history.runway[1].scores scores", "history.Bad Id exercise-id", "history.x list"]);
  assert.deepEqual(S.validateExport({ ...v2, history: [] }).errors, [{ path: "history", code: "history" }]);
});

test("buildIcs with every: 0 is one all-day event on its own date, without a rule", () => {
  const ics = S.buildIcs({ ...ICS_INPUT, start: new Date(2025, 4, 31), every: 0 });
  assert.ok(ics.includes("\r\nDTSTART;VALUE=DATE:20250531\r\n"));
  assert.ok(!ics.includes("RRULE"));
  assert.ok(S.buildIcs({ ...ICS_INPUT, every: 6 }).includes("\r\nRRULE:FREQ=MONTHLY;INTERVAL=6\r\n"));
});

test("diffImport lists exercises added, changed and unchanged, ignoring key order", () => {
  const incoming = {
    ...EXPORT,
    exercises: {
      "skills-audit": { version: "3f2a9c1e", answers: { t: [{ b: 2, a: 1 }], q3: [0, 1], q1: 4 } }, // same, other key order
      runway: { version: "aa", answers: { savings: 12000 } },
      "new-one": { version: "b", answers: { x: 1 } },
    },
    checkins: [EXPORT.checkins[0], { date: "2025-04-15T10:00:00Z", scores: { skills: 4 } }],
  };
  assert.deepEqual(S.diffImport(EXPORT, incoming), { added: ["new-one"], changed: ["runway"], unchanged: ["skills-audit"], newCheckins: 1 });
  assert.deepEqual(S.diffImport({}, EXPORT), { added: ["skills-audit", "runway"], changed: [], unchanged: [], newCheckins: 1 });
  assert.deepEqual(S.diffImport(null, null), { added: [], changed: [], unchanged: [], newCheckins: 0 });
});
