/* What only the pages that show history need (pure, no DOM; history.js is the core every page loads):
   carrying the old `_checkins` list over into dated results, merging an import's history, the next
   check-in date of the workbook's cadence, and when to suggest a backup. My workbook and the
   quarterly check-in load it. A classic script; node require()s it. */
(function (root) {
  "use strict";
  // Read when used: on a first visit the page's bundle runs before the site's, which holds history.js.
  const H = () => root.WorkbookHistory || (typeof require === "function" ? require("./history.js") : null);
  const isResult = (r) => H().isResult(r);
  const order = (a, b) => H().order(a, b);
  const localDay = (d) => H().localDay(d);
  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const isScores = (s) => isObj(s) && Object.values(s).every((x) => x === null || (typeof x === "number" && isFinite(x)));
  const pad = (n) => String(n).padStart(2, "0");

  // Key-order-independent JSON: the same result read from two places compares equal.
  const stable = (v) => Array.isArray(v) ? "[" + v.map(stable) + "]"
    : isObj(v) ? "{" + Object.keys(v).sort().map((k) => JSON.stringify(k) + ":" + stable(v[k])) + "}" : JSON.stringify(v);

  /** Results of both lists, nothing dropped: one copy of identical results; what the reader has comes
      first on a tie. Returns {results, added} (how many came from `incoming`). */
  function merge(current, incoming) {
    const seen = new Set(current.map(stable));
    const fresh = incoming.filter(isResult).filter((r) => !seen.has(stable(r)) && (seen.add(stable(r)), true));
    return { results: current.concat(fresh).sort(order), added: fresh.length };
  }

  /** The old check-ins ([{date: ISO, scores: {exercise id: {dimension: score}}}]) as dated results
      {exercise id: [result]}; a check-in whose date cannot be read is dated `today`; what cannot be
      a result at all (no scores) is returned in `aside`, for the caller to keep as it was. */
  function fromCheckins(list, today, now) {
    const byExercise = {};
    const aside = [];
    for (const c of Array.isArray(list) ? list : [list]) {
      const dated = isObj(c) && typeof c.date === "string" && !isNaN(Date.parse(c.date));
      const parts = isObj(c) && isObj(c.scores) ? Object.entries(c.scores) : [];
      const good = parts.filter(([id, s]) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) && isScores(s));
      if (good.length !== parts.length || !parts.length) aside.push(c);
      for (const [id, scores] of good) {
        const r = { date: dated ? localDay(new Date(c.date)) : today, saved: dated ? new Date(c.date).toISOString() : now, scores, from: "check-in" };
        if (!dated) r.undated = String(isObj(c) ? c.date : "");
        (byExercise[id] || (byExercise[id] = [])).push(r);
      }
    }
    for (const id of Object.keys(byExercise)) byExercise[id] = merge([], byExercise[id]).results;
    return { byExercise, aside };
  }

  /** `day` (YYYY-MM-DD) plus `months` calendar months; the 31st becomes the last day of a shorter month. */
  function addMonths(day, months) {
    const [, y, m, d] = H().DAY.exec(day).map(Number);
    const first = new Date(Date.UTC(y, m - 1 + months, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    return first.getUTCFullYear() + "-" + pad(first.getUTCMonth() + 1) + "-" + pad(Math.min(d, last));
  }

  /** The next check-in: `months` after the latest result's day, or null with no result. */
  const nextCheckin = (results, months) => (results.length ? addMonths(results[results.length - 1].date, months) : null);

  /** Whether to suggest a backup now: answers changed since the last backup (or there never was one), that
      backup (or, without one, the first answer) is a month old or more, and no suggestion was shown
      since the newest change or within the month. All times ISO strings; `now` a Date. */
  function backupDue({ lastBackup, shown, newest, first, now }) {
    if (!newest || (lastBackup && newest <= lastBackup)) return false;
    const since = lastBackup || first || newest;
    const monthAfter = (iso) => addMonths(localDay(new Date(iso)), 1);
    if (localDay(now) < monthAfter(since)) return false;
    return !shown || (shown < newest && localDay(now) >= monthAfter(shown));
  }

  const api = { stable, merge, fromCheckins, addMonths, nextCheckin, backupDue };
  root.WorkbookHistoryData = api;
  // Instant navigation runs a page's scripts in any order: the view waits for this file, so tell it.
  if (root.WorkbookHistoryView) root.WorkbookHistoryView.hydrate();
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis === "object" ? globalThis : this);
