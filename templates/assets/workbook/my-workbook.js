/* My workbook page: gathers what this browser saved for the workbook (widget.js owns the storage and
   the scoring glue; my-workbook-data.js the calendar and export checks; history-view.js the dated
   results). Progress, the latest profile, each assessment's history, a reminder, backup (export),
   import, clear all.
   Loaded only by this page; text from storage or a file goes in through textContent. */
(function start() {
  "use strict";
  // Opened directly, this page's script comes before the site's (widget.js) and both are deferred:
  // start once the site's has run, which is before DOMContentLoaded.
  if (!globalThis.WorkbookWidget) return void document.addEventListener("DOMContentLoaded", start, { once: true });
  // Instant navigation runs this file again each time the page is shown: hydrate, do not re-subscribe.
  if (globalThis.WorkbookMy) return void globalThis.WorkbookMy.hydrate();
  const doc = document;
  const S = globalThis.WorkbookScoring;
  const W = globalThis.WorkbookWidget;
  const D = () => globalThis.WorkbookData; // loaded beside this file; only needed on a click
  const V = () => globalThis.WorkbookHistoryView; // history-view.js, loaded beside this file
  const HD = () => globalThis.WorkbookHistoryData;
  const { el, t, tn, parts, countKey } = W;
  const $ = (sel) => doc.querySelector(sel);
  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const day = (iso, time) => {
    const d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toLocaleString(document.documentElement.lang || undefined, time ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" });
  };

  let specs = [];
  let byId = {};
  let months = 3; // workbook.yml's checkin_months, from the page

  /** Every saved exercise {id: {version, saved, answers}}; ids of unreadable entries in .unreadable. */
  function saved() {
    const out = {};
    const unreadable = [];
    for (const k of W.keys()) {
      const id = k.slice(W.PREFIX.length);
      if (id === "probe" || id.startsWith("_")) continue; // _history:, _backup, _aside: (exercise ids never start so)
      const v = W.read(k);
      if (isObj(v) && isObj(v.answers)) out[id] = v;
      else unreadable.push(id);
    }
    Object.defineProperty(out, "unreadable", { value: unreadable });
    return out;
  }
  /** Saved values that could not be read, kept for the reader to download: [{key, id, text}]. */
  function unreadable(all) {
    const out = all.unreadable.map((id) => ({ key: W.keyOf(id), id }));
    // `_aside:<what>:<ISO time>`; <what> is an exercise id, `_history:<id>` or `_checkins`.
    for (const k of W.keys()) if (k.startsWith(W.PREFIX + "_aside:")) out.push({ key: k, id: k.slice(W.PREFIX.length + 7).replace(/:[^:]*:[^:]*:[^:]*$/, "").replace(/^_history:/, "") });
    return out;
  }
  /** Every assessment's kept results {id: [result]}, only those with some. */
  function histories() {
    const out = {};
    for (const spec of specs) {
      const r = (spec.dimensions || []).length ? V().resultsOf(spec.id) : [];
      if (r.length) out[spec.id] = r;
    }
    return out;
  }
  const scoreOf = (spec, entry) => S.scoreExercise(spec, S.reconcile(spec, entry && entry.answers));
  const filled = (v) => (Array.isArray(v) ? v.some(filled) : isObj(v) ? Object.keys(v).length > 0 : v !== undefined && v !== "");
  const bandLabel = S.bandLabel;
  const scoreText = (d) => (d.score == null ? (d.complete ? t("my.cannot-work-out") : tn("widget.to-go", d.missing)) : S.formatScore(d.score, d.aggregate, document.documentElement.lang || undefined));

  /** A table in a wrapper that scrolls on its own when it is wider than a phone: a keyboard can reach
      and scroll it (it is a focusable region named by the caption), and the page never scrolls sideways. */
  function table(caption, head, rows) {
    return el("div", { class: "wb-table-wrap", tabindex: "0", role: "region", "aria-label": caption }, el("table", null, el("caption", null, caption),
      el("thead", null, el("tr", null, ...head.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", null, ...rows.map((cells) => el("tr", null, ...cells.map((c, i) => (i ? el("td", null, c) : el("th", { scope: "row" }, c))))))));
  }

  function renderProgress(all) {
    const rows = specs.map((spec) => {
      const entry = all[spec.id];
      const answers = S.reconcile(spec, entry && entry.answers);
      const done = spec.items.filter((it) => filled(answers[it.id])).length;
      const n = spec.items.length;
      let result = "";
      if ((spec.dimensions || []).length && entry) {
        const r = scoreOf(spec, entry);
        const shown = r.overall ? [r.overall] : r.dimensions;
        result = r.missingCount ? tn("my.remain", r.missingCount)
          : shown.map((d) => t(bandLabel(spec, d) ? "my.result-band" : "my.result", { label: d.label, score: scoreText(d), band: bandLabel(spec, d) })).join("; ");
      }
      return [el("a", { href: spec.url }, spec.title),
        el("span", null, el("progress", { max: n, value: done, "aria-hidden": "true" }), t("my.answered", { done, total: n })),
        result, all.unreadable.includes(spec.id) ? t("my.unreadable") : entry && entry.saved ? day(entry.saved) : t(entry ? "my.saved" : "my.not-started"),
        // print.js prints a page opened with ?print=answers once the widget has restored its answers.
        entry ? el("a", { href: spec.url + "?print=answers" }, t("my.print-answers")) : ""];
    });
    const kept = unreadable(all);
    $("[data-my-progress]").replaceChildren(table(t("my.progress-caption"),
      ["exercise", "progress", "result", "saved", "print"].map((c) => t("my.col-" + c)), rows),
    ...(kept.length ? [el("p", null, t("my.aside")), el("ul", null, ...kept.map((k) => {
      const b = el("button", { type: "button", class: "md-button wb-button" }, k.id === "_checkins" ? t("my.aside-checkins")
        : t("my.aside-download", { exercise: byId[k.id] ? byId[k.id].title : k.id }));
      b.addEventListener("click", () => { try { download(k.id + ".txt", "text/plain", String(localStorage.getItem(k.key))); } catch (e) { say(t("my.not-saving")); } });
      return el("li", null, b);
    }))] : []));
  }

  function renderProfile(all) {
    const box = $("[data-my-profile]");
    if (!box) return; // workbook.yml names no profile exercise
    const spec = byId[box.dataset.profile];
    if (!spec) return box.replaceChildren(el("p", null, t("my.no-profile")));
    const entry = all[spec.id];
    const link = el("a", { href: spec.url }, spec.title);
    if (!entry) return box.replaceChildren(el("p", null, ...parts("my.profile-not-started", { exercise: link })));
    const r = scoreOf(spec, entry);
    if (r.missingCount) return box.replaceChildren(el("p", null, ...parts(countKey("my.profile-remain", r.missingCount), { count: r.missingCount, exercise: link })));
    const weak = S.weakestDimension(r);
    const dims = W.grouped(r.dimensions).concat(r.overall ? [r.overall] : []);
    box.replaceChildren(
      el("p", null, ...parts(entry.saved ? "my.profile-from-saved" : "my.profile-from", { exercise: link, date: entry.saved && day(entry.saved) })),
      W.chart(W.grouped(r.dimensions).map((d) => ({ label: d.label, score: d.score, lo: d.range[0], hi: d.range[1], text: scoreText(d), strong: d.id === weak }))),
      table(t("my.profile-caption"), ["level", "score", "result"].map((c) => t("my.col-" + c)), dims.map((d) => [
        d.id === weak ? el("span", null, d.label, " ", el("span", { class: "wb-tag" }, t("my.tag-weakest"))) : d.label, scoreText(d), bandLabel(spec, d)])));
  }

  /** Each assessment's dated results: chart, table, change, next check-in (history-view.js draws them). */
  function renderHistory(all) {
    const box = $("[data-my-history]");
    const ids = Object.keys(all);
    if (!ids.length) return box.replaceChildren(el("p", null, t("my.no-history")));
    box.replaceChildren(...specs.filter((s) => all[s.id]).flatMap((s) => V().section(s, all[s.id], months)));
  }

  /** When the last backup was downloaded, and (once a period) a reminder when answers are newer. */
  function renderBackup() {
    const last = V().backupState().last;
    $("[data-my-backup-date]").textContent = last ? t("my.backup-last", { date: day(last) }) : t("my.backup-none");
  }

  /** Whether this browser has agreed to keep the answers (navigator.storage.persisted). */
  function renderPersistence() {
    const box = $("[data-my-persist]");
    const st = globalThis.navigator && navigator.storage;
    if (!box || !st || !st.persisted) return;
    st.persisted().then((kept) => { box.textContent = t(kept ? "my.protected" : "my.not-protected"); }, () => {});
  }

  function render() {
    renderPersistence();
    const all = saved();
    renderProgress(all);
    renderProfile(all);
    renderHistory(histories());
    renderBackup();
  }

  const say = (text) => { $("[data-my-status]").textContent = text; };

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el("a", { href: url, download: name, hidden: "" });
    doc.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000); // revoking at once can cancel the download
  }

  /** A calendar reminder repeating at the workbook's cadence, from the next check-in (the profile's, else the soonest). */
  function reminder() {
    const all = histories();
    const next = Object.values(all).map((r) => HD().nextCheckin(r, months)).sort();
    const profile = $("[data-my-profile]");
    const mine = profile && all[profile.dataset.profile] ? HD().nextCheckin(all[profile.dataset.profile], months) : next[0];
    say(V().reminder(mine || HD().addMonths(V().today(), months), months, location.href));
  }

  /** The backup: what the export file holds, and what a transfer link carries (transfer.js). */
  function exportData(all = saved()) {
    const data = { format: D().EXPORT_FORMAT, version: 2, exported: new Date().toISOString(), exercises: {}, history: histories() };
    for (const id of Object.keys(all)) data.exercises[id] = all[id];
    return data;
  }

  function exportAll() {
    const all = saved();
    const data = exportData(all);
    download(t("my.export-file", { date: V().today() }), "application/json", JSON.stringify(data, null, 2) + "\n");
    V().noteBackup();
    renderBackup();
    const left = unreadable(all).map((k) => (k.id === "_checkins" ? t("my.aside-checkins") : byId[k.id] ? byId[k.id].title : k.id));
    const n = Object.values(data.history).reduce((sum, r) => sum + r.length, 0);
    say(counts("my.backup-done", Object.keys(all).length, n) + (left.length ? " " + t("my.export-left-out", { items: left.join(", ") }) : ""));
  }

  const counts = (key, exercises, results) => t(key, { exercises: tn("my.n-exercises", exercises), results: tn("my.n-results", results) });
  const titles = (ids) => ids.map((id) => (byId[id] ? byId[id].title : id)).join(", ");

  function preview(file) {
    const box = $("[data-my-preview]");
    const input = $("[data-my-import]");
    const done = (text) => { box.replaceChildren(); input.value = ""; say(text); };
    file.text().then((text) => {
      let data;
      try { data = JSON.parse(text); } catch (e) { data = undefined; }
      const v = data === undefined ? { ok: false, errors: [{ path: "file", code: "not-json" }] } : D().validateExport(data);
      if (!v.ok) {
        input.value = "";
        return box.replaceChildren(el("div", { class: "wb-errors", role: "alert" },
          el("p", null, t("my.import-invalid", { file: file.name })), el("ul", null, ...v.errors.map((e) => el("li", null, e.path + ": " + t("my.import-error-" + e.code, { expected: String(e.expected) }))))));
      }
      const unknown = Object.keys(data.exercises).filter((id) => !byId[id]);
      const incoming = { exercises: {} };
      for (const id of Object.keys(data.exercises)) if (byId[id]) incoming.exercises[id] = data.exercises[id];
      // Dated results: a version 2 file's history, and a version 1 file's check-ins carried over.
      const theirs = HD().fromCheckins(data.checkins || [], V().today(), new Date().toISOString()).byExercise;
      for (const [id, list] of Object.entries(isObj(data.history) ? data.history : {})) theirs[id] = (theirs[id] || []).concat(Array.isArray(list) ? list : []);
      const merged = {};
      let freshCount = 0;
      for (const id of Object.keys(theirs)) {
        if (!byId[id]) continue;
        const m = HD().merge(V().resultsOf(id), theirs[id]);
        if (m.added) [merged[id], freshCount] = [m.results, freshCount + m.added];
      }
      const fresh = { length: freshCount };
      const d = D().diffImport({ exercises: saved() }, incoming);
      if (!d.added.length && !d.changed.length && !fresh.length) return done(t("my.import-nothing", { file: file.name }));
      const li = (key, ids) => (ids.length ? el("li", null, t(key, { count: ids.length, exercises: titles(ids) })) : null);
      const heading = el("h3", { tabindex: "-1" }, t("my.import-heading"));
      const go = el("button", { type: "button", class: "md-button md-button--primary wb-button" }, t("my.import-go"));
      const stop = el("button", { type: "button", class: "md-button wb-button" }, t("my.import-cancel"));
      box.replaceChildren(el("div", { class: "wb-preview" }, heading,
        el("p", null, typeof data.exported === "string" ? t("my.import-intro-dated", { file: file.name, date: day(data.exported, true) })
          : t("my.import-intro", { file: file.name })),
        el("ul", null, li("my.import-added", d.added), li("my.import-changed", d.changed),
          li("my.import-unchanged", d.unchanged), fresh.length ? el("li", null, t("my.import-results", { count: fresh.length })) : null,
          unknown.length ? el("li", null, t("my.import-unknown", { ids: unknown.join(", ") })) : null),
        el("p", null, t("my.import-rest")), el("div", { class: "wb-actions" }, go, stop)));
      heading.focus();
      stop.addEventListener("click", () => done(t("my.import-cancelled")));
      go.addEventListener("click", () => {
        let ok = true;
        for (const id of d.added.concat(d.changed)) {
          const e = incoming.exercises[id];
          ok = W.write(W.keyOf(id), { version: e.version, saved: e.saved || data.exported || new Date().toISOString(), answers: e.answers }) && ok;
        }
        for (const id of Object.keys(merged)) ok = W.write(W.historyKey(id), globalThis.WorkbookHistory.stored(merged[id])) && ok;
        render();
        done(ok ? counts("my.imported-results", d.added.length + d.changed.length, fresh.length) : t("my.import-failed"));
        $("[data-my-status]").focus();
      });
    }, () => done(t("my.import-unreadable", { file: file.name })));
  }

  function clearAll() {
    if (!globalThis.confirm(t("my.confirm-clear"))) return;
    for (const k of W.keys()) W.remove(k);
    render();
    say(t("my.cleared"));
  }

  function hydrate() {
    const root = doc.querySelector("[data-wb-my]:not([data-wb-ready])");
    // Its wording (my-strings.js) and the history view run first in the same bundle (generator/bundles.py);
    // the view may still be waiting for the site's script: it calls hydrate when it starts.
    if (!root || !("my.answered" in W.STR) || !V() || !HD()) return;
    root.setAttribute("data-wb-ready", "");
    const holder = root.querySelector("template[data-wb-exercises]");
    try { specs = JSON.parse(holder.content.querySelector("script").textContent); } catch (e) { specs = []; }
    // No prototype: an id such as `constructor` in an imported file is not taken for an exercise.
    byId = Object.assign(Object.create(null), Object.fromEntries(specs.map((s) => [s.id, s])));
    for (const box of doc.querySelectorAll(".wb-my[hidden]")) box.hidden = false;
    $("[data-my-status]").setAttribute("tabindex", "-1");
    months = +root.dataset.checkinMonths || 3;
    if (!W.usable()) say(t("my.not-saving"));
    V().migrate();
    const notice = V().backupNotice("#wb-backup");
    if (notice) $("[data-my-backup-notice]").replaceChildren(notice);
    $("[data-my-ics]").addEventListener("click", reminder);
    $("[data-my-export]").addEventListener("click", exportAll);
    $("[data-my-clear]").addEventListener("click", clearAll);
    $("[data-my-import]").addEventListener("change", (e) => { if (e.target.files[0]) preview(e.target.files[0]); });
    render();
    // The transfer link's glue (transfer.js) starts once this page is ready; it may have loaded first.
    if (globalThis.WorkbookTransfer) globalThis.WorkbookTransfer.hydrate();
  }

  // preview({name, text()}) takes a File, or the text a transfer link carried.
  globalThis.WorkbookMy = { hydrate, exportData, preview };
  const d$ = globalThis.document$;
  if (d$ && typeof d$.subscribe === "function") d$.subscribe(hydrate);
  else if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", hydrate);
  else hydrate();
})();
