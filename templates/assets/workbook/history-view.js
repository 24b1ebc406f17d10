/* Dated results on screen (DOM glue; the logic is in history.js and history-data.js). For an
   assessment: a chart of every dimension over time, a table saying the same (the chart is hidden from
   screen readers), the change since the result before, and the next check-in date. Also carries old
   `_checkins` over into dated results, and keeps the backup date and its once-a-period reminder.
   Used by My workbook (my-workbook.js calls it) and by an exercise page with `history_of` (the
   quarterly check-in), whose panel it fills itself. Text goes in through textContent. */
(function start() {
  "use strict";
  // Opened directly, the page's own bundle comes before the site's (widget.js) and both are deferred:
  // start once the site's has run, which is before DOMContentLoaded.
  if (!globalThis.WorkbookWidget) return void document.addEventListener("DOMContentLoaded", start, { once: true });
  if (globalThis.WorkbookHistoryView) return void globalThis.WorkbookHistoryView.hydrate();
  const doc = document;
  const W = globalThis.WorkbookWidget;
  const S = globalThis.WorkbookScoring;
  const H = globalThis.WorkbookHistory;
  const HD = () => globalThis.WorkbookHistoryData; // beside this file; read when used (any load order)
  const { el, t, tn } = W;
  const CHECKINS = W.PREFIX + "_checkins";
  const BACKUP = W.PREFIX + "_backup";
  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const num = (v) => (typeof v === "number" && isFinite(v) ? v : null);
  // A YYYY-MM-DD day in the reader's words; noon keeps it on its day whatever the time zone rules.
  const dayText = (ymd) => new Date(ymd + "T12:00:00").toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "medium" });

  /** The dated results kept for exercise `id`, oldest first (only the readable ones). */
  const resultsOf = (id) => H.readResults(W.read(W.historyKey(id)) || null).results;

  /** Old check-ins become dated results, once: none dropped. Check-ins that cannot be results are kept
      aside as they were (My workbook offers them as a file); `_checkins` goes only when all is written. */
  function migrate() {
    const raw = W.read(CHECKINS);
    if (raw === null) return;
    if (raw === undefined) return void W.setAside(CHECKINS);
    const now = new Date();
    const { byExercise, aside } = HD().fromCheckins(raw, H.localDay(now), now.toISOString());
    let ok = true;
    for (const id of Object.keys(byExercise)) {
      const key = W.historyKey(id);
      const value = W.read(key);
      const got = value === undefined ? { results: [], unreadable: true } : H.readResults(value);
      if (got.unreadable) ok = W.setAside(key) && ok;
      ok = W.write(key, H.stored(HD().merge(got.results, byExercise[id]).results)) && ok;
    }
    if (aside.length) ok = W.write(W.PREFIX + "_aside:_checkins:" + now.toISOString(), aside) && ok;
    if (ok) W.remove(CHECKINS);
  }

  /** The rows of an assessment's history: its dimensions (parts under their whole), then the overall. */
  function rows(spec) {
    const ds = W.grouped((spec.dimensions || []).map((d) => ({ id: d.id, label: d.label, range: d.range, aggregate: d.aggregate, better: d.better, of: d.of || [] })));
    return spec.overall ? ds.concat([{ id: "_overall", label: spec.overall.label || t("my.overall"), range: spec.overall.range, aggregate: spec.overall.aggregate, better: spec.overall.better }]) : ds;
  }
  const fmt = (x, d) => (x == null ? "—" : S.formatScore(x, d.aggregate, document.documentElement.lang || undefined));
  /** The change from one result to the next, worded by whether it is better or worse for this area. */
  function moved(before, after, d) {
    const way = S.change(before, after, d.better);
    if (way == null) return "—";
    if (way === "same") return t("my.no-change");
    const x = after - before;
    return t("my.change-" + way, { change: (x > 0 ? "+" : "−") + S.formatScore(Math.abs(x), d.aggregate, document.documentElement.lang || undefined) });
  }

  /** One small line chart a dimension: HTML label and value (their text keeps its size on a phone), an
      SVG line without text between them, stretched to the width; x is the date, y the score. */
  function chart(spec, results) {
    const t0 = Date.parse(results[0].date);
    const span = Date.parse(results[results.length - 1].date) - t0;
    const x = (r) => (span ? 3 + (94 * (Date.parse(r.date) - t0)) / span : 50);
    const box = el("div", { class: "wb-history-chart", "aria-hidden": "true" });
    for (const d of rows(spec)) {
      const vals = results.map((r) => num(r.scores[d.id]));
      const seen = vals.filter((v) => v != null);
      let [lo, hi] = [num((d.range || [])[0]), num((d.range || [])[1])];
      if (lo == null) lo = Math.min(0, ...seen);
      if (hi == null || hi <= lo) hi = Math.max(lo + 1, ...seen);
      const y = (v) => 27 - (24 * (Math.min(Math.max(v, lo), hi) - lo)) / (hi - lo);
      let line = "";
      let dots = "";
      vals.forEach((v, i) => {
        if (v == null) return;
        const p = x(results[i]).toFixed(2) + " " + y(v).toFixed(2);
        line += (line && vals[i - 1] != null ? " L" : " M") + p;
        dots += " M" + p + " h0";
      });
      const svg = el("svg:svg", { viewBox: "0 0 100 30", preserveAspectRatio: "none", class: "wb-history-chart__plot", focusable: "false" },
        el("svg:path", { class: "wb-history-chart__axis", d: "M0 29.5 H100" }),
        line ? el("svg:path", { class: "wb-history-chart__line", d: line.trim() }) : null,
        dots ? el("svg:path", { class: "wb-history-chart__dots", d: dots.trim() }) : null);
      const last = vals[vals.length - 1];
      const prev = vals.length > 1 ? vals[vals.length - 2] : null;
      box.append(el("div", { class: "wb-history-chart__row" + (d.part ? " wb-chart__row--part" : "") },
        el("span", { class: "wb-history-chart__label" }, d.label), svg,
        el("span", { class: "wb-history-chart__value" }, fmt(last, d), prev != null && last != null ? el("span", { class: "wb-history-chart__change" }, moved(prev, last, d)) : null)));
    }
    box.append(el("p", { class: "wb-history-chart__dates" }, results.length > 1
      ? t("my.history-span", { first: dayText(results[0].date), last: dayText(results[results.length - 1].date) })
      : dayText(results[0].date)));
    return box;
  }

  /** A table in a wrapper that scrolls on its own on a phone (a focusable region named by its caption). */
  function table(caption, head, body) {
    return el("div", { class: "wb-table-wrap", tabindex: "0", role: "region", "aria-label": caption }, el("table", { class: "wb-history-table" }, el("caption", null, caption),
      el("thead", null, el("tr", null, ...head.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", null, ...body.map((cells) => el("tr", null, ...cells.map((c, i) => (i ? el("td", null, c) : el("th", { scope: "row" }, c))))))));
  }

  /** Every result's scores a column (oldest first), and the change since the one before the latest. */
  function resultsTable(spec, results) {
    const two = results.length > 1;
    const [prev, last] = [results[results.length - 2], results[results.length - 1]];
    return table(t(two ? "my.history-caption-change" : "my.history-caption", { exercise: spec.title }),
      [t("my.col-area"), ...(two ? [t("my.col-change")] : []), ...results.map((r) => dayText(r.date))],
      rows(spec).map((d) => [d.label, ...(two ? [moved(num(prev.scores[d.id]), num(last.scores[d.id]), d)] : []), ...results.map((r) => fmt(num(r.scores[d.id]), d))]));
  }

  const nextText = (results, months) => t("my.next-checkin", { date: dayText(HD().nextCheckin(results, months)) });

  /** My workbook's history of one assessment: summary, chart, table, next check-in. */
  function section(spec, results, months) {
    return [el("h3", null, spec.title),
      el("p", null, tn("my.results", results.length, { date: dayText(results[results.length - 1].date) })),
      chart(spec, results), resultsTable(spec, results), el("p", { class: "wb-history__next" }, nextText(results, months))];
  }

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el("a", { href: url, download: name, hidden: "" });
    doc.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000); // revoking at once can cancel the download
  }

  /** A calendar file for `day` (YYYY-MM-DD); repeating every `every` months, or once when 0. */
  function reminder(day, every, myWorkbook) {
    const [y, m, d] = day.split("-").map(Number);
    const title = t("my.ics-title", { workbook: doc.title.split(" - ").pop() });
    const ics = globalThis.WorkbookData.buildIcs({
      title, start: new Date(y, m - 1, d), now: new Date(), every,
      description: t("my.ics-description", { url: new URL(myWorkbook || location.href, location.href).href }),
      uid: Date.now().toString(36) + Math.random().toString(36).slice(2) + "@" + (location.hostname || "workbook"),
    });
    download(t("my.ics-file"), "text/calendar", ics);
    return t("my.ics-done", { file: t("my.ics-file"), date: dayText(day) });
  }

  // --- backups: the date of the last one, and a reminder shown once a period -------------------------
  const backupState = () => { const v = W.read(BACKUP); return isObj(v) ? v : {}; };
  const setBackup = (change) => W.write(BACKUP, Object.assign({ v: 1 }, backupState(), change));
  /** The reader downloaded a backup now. */
  const noteBackup = () => setBackup({ last: new Date().toISOString() });
  /** When anything was first and last saved: exercises' saves and results. */
  function changeTimes() {
    const times = [];
    for (const k of W.keys()) {
      const id = k.slice(W.PREFIX.length);
      if (id === "probe" || id.startsWith("_aside:") || id === "_backup") continue;
      const v = W.read(k);
      if (id.startsWith("_history:")) times.push(...H.readResults(v || null).results.map((r) => r.saved));
      else if (isObj(v) && typeof v.saved === "string") times.push(v.saved);
    }
    const ok = times.filter((s) => typeof s === "string" && !isNaN(Date.parse(s))).map((s) => new Date(s).toISOString()).sort();
    return { first: ok[0] || null, newest: ok[ok.length - 1] || null };
  }
  /** The reminder to back up, when it is due (then it counts as shown), or null. */
  function backupNotice(backupHref) {
    const state = backupState();
    const due = HD().backupDue(Object.assign({ lastBackup: state.last || null, shown: state.shown || null, now: new Date() }, changeTimes()));
    if (!due || !setBackup({ shown: new Date().toISOString() })) return null;
    const text = state.last ? t("my.backup-due", { date: dayText(H.localDay(new Date(state.last))) }) : t("my.backup-never");
    const close = el("button", { type: "button", class: "md-button wb-button" }, t("my.backup-dismiss"));
    const box = el("div", { class: "wb-backup-notice", role: "note" }, el("p", null, text, " ", backupHref ? el("a", { href: backupHref }, t("my.backup-link")) : null), close);
    // Focus would fall to the top of the page with the button gone: it goes to the section's heading or status.
    close.addEventListener("click", () => {
      const to = box.closest("[data-wb-history]") ? box.closest("[data-wb-history]").querySelector("h2") : doc.querySelector("[data-my-status]");
      box.remove();
      if (to) { to.setAttribute("tabindex", "-1"); to.focus(); }
    });
    return box;
  }

  /** The worksheet's paper copy of them (form.html.j2, `data-wb-history-paper`), last time and this
      time, so printing with answers prints them filled in; blank printing hides what is written. */
  function fillPaper(spec, prev, last) {
    const byId = new Map(rows(spec).map((d) => [d.id, d]));
    for (const cell of doc.querySelectorAll('[data-wb-history-paper="' + CSS.escape(spec.id) + '"] [data-wb-history-fill]')) {
      const [id, when] = cell.getAttribute("data-wb-history-fill").split(":");
      const r = when === "this" ? last : prev;
      cell.textContent = !r ? "" : id === "_date" ? dayText(r.date) : byId.has(id) ? fmt(num(r.scores[id]), byId.get(id)) : "";
    }
  }

  // --- an exercise page's panel (`history_of`): last time beside this time ----------------------------
  function panel(box) {
    let spec;
    try { spec = JSON.parse(box.querySelector("template[data-wb-history-spec]").content.querySelector("script").textContent); } catch (e) { return; }
    box.setAttribute("data-wb-ready", "");
    migrate();
    const body = box.querySelector("[data-wb-history-body]");
    const months = +box.dataset.checkinMonths || 3;
    const link = el("a", { href: spec.url }, spec.title);
    const results = resultsOf(spec.id);
    const out = [];
    const notice = backupNotice(box.dataset.myWorkbook ? box.dataset.myWorkbook + "#wb-backup" : "");
    if (notice) out.push(notice);
    if (!results.length) out.push(el("p", null, ...W.parts("my.panel-none", { exercise: link })));
    else {
      const [prev, last] = [results[results.length - 2], results[results.length - 1]];
      fillPaper(spec, prev, last);
      const today = H.localDay(new Date());
      out.push(el("p", null, ...W.parts(last.date === today ? "my.panel-today" : "my.panel-retake", { exercise: link, date: dayText(last.date) })));
      const shown = prev ? [prev, last] : [last];
      out.push(table(t(prev ? "my.panel-caption" : "my.panel-caption-first"),
        [t("my.col-area"), ...shown.map((r) => (r === last ? t("my.col-this-time", { date: dayText(r.date) }) : t("my.col-last-time", { date: dayText(r.date) }))), ...(prev ? [t("my.col-change")] : [])],
        rows(spec).map((d) => [d.label, ...shown.map((r) => fmt(num(r.scores[d.id]), d)), ...(prev ? [moved(num(prev.scores[d.id]), num(last.scores[d.id]), d)] : [])])));
      if (results.length > 1) out.push(chart(spec, results));
      const next = HD().nextCheckin(results, months);
      const say = el("p", { role: "status" });
      const ics = el("button", { type: "button", class: "md-button wb-button" }, t("my.ics-next"));
      ics.addEventListener("click", () => { say.textContent = reminder(next, 0, box.dataset.myWorkbook); });
      out.push(el("p", { class: "wb-history__next" }, nextText(results, months)), el("div", { class: "wb-actions" }, ics), say);
    }
    body.replaceChildren(...out);
    box.hidden = false;
  }

  function hydrate() {
    // Its wording (my-strings.js) comes first in the same bundle (generator/bundles.py); never hydrate without it.
    if (!("my.results.one" in W.STR) || !HD() || !globalThis.WorkbookData) return;
    for (const box of doc.querySelectorAll("[data-wb-history]:not([data-wb-ready])")) panel(box);
    if (globalThis.WorkbookMy) globalThis.WorkbookMy.hydrate(); // My workbook waits for this file too
  }

  const today = () => H.localDay(new Date());
  globalThis.WorkbookHistoryView = { hydrate, migrate, resultsOf, section, reminder, noteBackup, backupState, backupNotice, dayText, today };
  const d$ = globalThis.document$;
  if (d$ && typeof d$.subscribe === "function") d$.subscribe(hydrate);
  else if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", hydrate);
  else hydrate();
})();
