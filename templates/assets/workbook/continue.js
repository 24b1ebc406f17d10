/* Home page: "continue where you left off". Shown only when this browser holds answers: the exercise
   saved last (a link back to it) and how many of the workbook's exercises are started. Reads storage
   through widget.js (loaded on every page before this); `summary` is the pure part, tested in node.
   Text goes in through textContent. */
(function (root) {
  "use strict";
  // Instant navigation runs this file again each time the home page is shown: show, do not re-subscribe.
  if (root.WorkbookContinue && root.WorkbookContinue.show) return void root.WorkbookContinue.show();

  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const started = (v) => isObj(v) && isObj(v.answers) && Object.keys(v.answers).length > 0;

  /** {last: {exercise, saved}, started, total} from the path's exercises [{id, title, url}] and what
      `read(id)` finds saved for each; null when nothing is started. An entry without a readable date
      counts as started but is never "last" while one with a date exists. */
  function summary(exercises, read) {
    let last = null;
    let count = 0;
    for (const exercise of exercises) {
      const v = read(exercise.id);
      if (!started(v)) continue;
      count++;
      const time = Date.parse(v.saved);
      const at = isNaN(time) ? -Infinity : time;
      if (!last || at > last.at) last = { exercise, saved: isNaN(time) ? null : v.saved, at };
    }
    return count ? { last: { exercise: last.exercise, saved: last.saved }, started: count, total: exercises.length } : null;
  }

  root.WorkbookContinue = { summary };
  if (typeof module === "object" && module.exports) module.exports = root.WorkbookContinue;
  if (typeof document === "undefined") return;
  const doc = document;

  function show() {
    const W = globalThis.WorkbookWidget;
    const box = doc.querySelector("[data-wb-continue]:not([data-wb-ready])");
    if (!box || !W) return;
    box.setAttribute("data-wb-ready", "");
    let exercises;
    try { exercises = JSON.parse(box.querySelector("template").content.querySelector("script").textContent); } catch (e) { return; }
    const s = summary(exercises, (id) => W.read(W.keyOf(id)));
    if (!s) return; // nothing saved in this browser: the home page stays as it is
    const { el, parts, tn } = W;
    const link = el("a", { href: s.last.exercise.url }, s.last.exercise.title);
    const date = s.last.saved && new Date(s.last.saved).toLocaleDateString(doc.documentElement.lang || undefined, { dateStyle: "medium" });
    box.querySelector("[data-wb-continue-text]").replaceChildren(
      el("p", null, ...parts(date ? "widget.continue-last-dated" : "widget.continue-last", { exercise: link, date })),
      el("p", null, tn("widget.continue-started", s.started, { total: s.total })));
    box.hidden = false;
  }
  root.WorkbookContinue.show = show;

  // Material's instant navigation swaps pages without a load event; document$ emits for each page.
  const d$ = globalThis.document$;
  if (d$ && typeof d$.subscribe === "function") d$.subscribe(show);
  else if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", show);
  else show();
})(typeof globalThis === "object" ? globalThis : this);
