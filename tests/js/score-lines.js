// Scores answers with scoring.js for the Python tests (tests/test_scoring_property.py): one JSON
// request per line on stdin, {spec, answers}, one JSON result per line on stdout (with the printed
// scoring grid's figures, `sheet`). Test-only.
"use strict";

const readline = require("node:readline");
const S = require("../../templates/assets/workbook/scoring.js");

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const { spec, answers } = JSON.parse(line);
  const r = S.scoreExercise(spec, answers);
  process.stdout.write(JSON.stringify({ result: r, weakest: S.weakestDimension(r), sheet: S.sheetFigures(spec, answers) }) + "\n");
});
