// The widget's half of the shared scoring cases (tests/cases/scoring/*.yml; the format is in
// tests/scoring_cases.py): the specs come from the generator itself, and scoring.js must give every
// expected score, band, completeness and weakest area. Run by `make test` after the Python set-up.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const S = require("../../templates/assets/workbook/scoring.js");

const ROOT = path.join(__dirname, "../..");
const PYTHON = process.env.WORKBOOK_PYTHON || path.join(ROOT, ".venv/bin/python");
const CASES = JSON.parse(execFileSync(PYTHON, ["-m", "tests.scoring_cases"], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 }));

test("there are at least thirty shared cases", () => {
  assert.ok(CASES.length >= 30, `${CASES.length} cases`);
});

for (const c of CASES) {
  test(`case ${c.name}`, () => {
    c.answers.forEach((a, n) => {
      const r = S.scoreExercise(c.spec, a.given || {});
      const where = `${c.name}, answer set ${n}${a.description ? ` (${a.description})` : ""}`;
      for (const [key, want] of Object.entries(a.expect)) {
        const got = key === "_overall" ? r.overall : r.dimensions.find((d) => d.id === key);
        assert.ok(got, `${where}: no result for ${key}`);
        if ("score" in want) assert.equal(got.score, want.score === null ? null : Math.round(want.score * 1e6) / 1e6, `${where}: ${key} score`);
        if ("band" in want) assert.equal(S.bandLabel(c.spec, got) || null, want.band, `${where}: ${key} band`);
        assert.equal(got.complete, "complete" in want ? want.complete : true, `${where}: ${key} complete`);
        if ("missing" in want) assert.equal(got.missing, want.missing, `${where}: ${key} missing`);
        if ("reason" in want) assert.equal(got.undefinedReason, want.reason, `${where}: ${key} reason`);
      }
      if ("weakest" in a) assert.equal(S.weakestDimension(r), a.weakest, `${where}: weakest`);
    });
  });
}
