// print.js writes the scoring grid's figures in the page's language (the printed key beside them is
// written that way by the build): the same digits, the language's decimal sign and percent.
// print.js is DOM glue run as a classic script, so its one pure function is read from its source.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const source = fs.readFileSync(path.join(__dirname, "../../templates/assets/workbook/print.js"), "utf8");
const body = source.match(/function localFigure[\s\S]*?\n  }\n/)[0];

function localFigureIn(lang) {
  return new Function("document", "return (" + body + ");")({ documentElement: { lang } });
}

test("an English page prints the figures as scoring.js gives them", () => {
  const f = localFigureIn("en");
  for (const text of ["3.2", "12", "-4", "72%", "4.0", ""]) assert.equal(f(text), text);
});

test("a Spanish page prints a decimal comma and a spaced percent, never grouping", () => {
  const f = localFigureIn("es");
  assert.deepEqual(["3.2", "4.0", "12345", "-4"].map(f), ["3,2", "4,0", "12345", "-4"]);
  assert.match(f("72%"), /^72\s%$/u);
  assert.equal(f("not a number"), "not a number");
});

test("a page without a language keeps the figures as they are", () => {
  assert.equal(localFigureIn("")("3.2"), "3.2");
});
