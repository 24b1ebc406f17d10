/* Dated results (pure, no DOM): every completed assessment is kept as a result of the reader's local
   date, one a day, under `<prefix>_history:<exercise id>` as {v: 1, results: [{date, saved, version?,
   answers?, scores, from?}]} (oldest first). widget.js records them on every page, so this file stays
   small; history-data.js has what only the pages showing history need. A classic script; node
   require()s it. */
(function (root) {
  "use strict";

  const FORMAT = 1;
  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
  const pad = (n) => String(n).padStart(2, "0");

  /** The reader's local calendar date of `d` as YYYY-MM-DD (a result belongs to the day the reader saw). */
  const localDay = (d) => d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  const isDay = (s) => typeof s === "string" && DAY.test(s) && !isNaN(Date.parse(s + "T00:00:00Z"));
  const isScores = (s) => isObj(s) && Object.values(s).every((x) => x === null || (typeof x === "number" && isFinite(x)));
  const isResult = (r) => isObj(r) && isDay(r.date) && isScores(r.scores);
  const order = (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : String(a.saved || "") < String(b.saved || "") ? -1 : 0);

  /** The well-formed results of a stored value, oldest first, and whether the value held anything else
      (then the caller sets the value aside before writing, so nothing unreadable is written over). */
  function readResults(value) {
    if (value == null) return { results: [], unreadable: false };
    const list = isObj(value) && Array.isArray(value.results) ? value.results : null;
    if (!list || value.v !== FORMAT) return { results: [], unreadable: true };
    const results = list.filter(isResult).sort(order);
    return { results, unreadable: results.length !== list.length };
  }
  const stored = (results) => ({ v: FORMAT, results });

  /** Scores of a scoring.js result: {dimension id: score or null, _overall: score}. */
  function scoresOf(result) {
    const out = {};
    for (const d of (result && result.dimensions) || []) out[d.id] = d.score == null ? null : d.score;
    if (result && result.overall) out._overall = result.overall.score == null ? null : result.overall.score;
    return out;
  }

  /** `results` with `entry` as the result of its day: the same day's result is updated (the latest of
      that day when an import or old check-ins left several), any other day's is kept. */
  function record(results, entry) {
    const out = results.slice();
    let at = -1;
    for (let i = 0; i < out.length; i++) if (out[i].date === entry.date) at = i;
    if (at >= 0) out[at] = entry;
    else out.push(entry);
    return out.sort(order);
  }

  const api = { FORMAT, DAY, localDay, isDay, isResult, order, readResults, stored, scoresOf, record };
  root.WorkbookHistory = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis === "object" ? globalThis : this);
