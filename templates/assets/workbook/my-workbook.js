/* My workbook page: gathers what this browser saved for the workbook (widget.js owns the storage and
   the scoring glue; my-workbook-data.js the calendar and export checks). Progress, the latest
   employment security profile, check-ins and their change, a reminder, export, import, clear all.
   Loaded only by this page; text from storage or a file goes in through textContent. */
(function () {
  "use strict";
  // Instant navigation runs this file again each time the page is shown: hydrate, do not re-subscribe.
  if (globalThis.WorkbookMy) return void globalThis.WorkbookMy.hydrate();
  const doc = document;
  const S = globalThis.WorkbookScoring;
  const W = globalThis.WorkbookWidget;
  const D = () => globalThis.WorkbookData; // loaded beside this file; only needed on a click
  const CHECKINS = W.PREFIX + "_checkins";
  const { el, t, tn, parts, countKey } = W;
  const $ = (sel) => doc.querySelector(sel);
  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const day = (iso, time) => {
    const d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toLocaleString(undefined, time ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" });
  };
  const signed = (x, agg) => (Math.abs(x) < 0.05 ? t("my.no-change") : (x > 0 ? "+" : "−") + S.formatScore(Math.abs(x), agg));
  /** The change from one check-in to the next, and whether that is better or worse for this area. */
  const moved = (before, after, d) => {
    const way = S.change(before, after, d.better);
    if (way == null) return "—";
    return way === "same" ? t("my.no-change") : t("my.change-" + way, { change: signed(after - before, d.aggregate) });
  };

  let specs = [];
  let byId = {};

  /** Every saved exercise {id: {version, saved, answers}}; ids of unreadable entries in .unreadable. */
  function saved() {
    const out = {};
    const unreadable = [];
    for (const k of W.keys()) {
      const id = k.slice(W.PREFIX.length);
      if (k === CHECKINS || id === "probe" || id.startsWith("_aside:")) continue;
      const v = W.read(k);
      if (isObj(v) && isObj(v.answers)) out[id] = v;
      else unreadable.push(id);
    }
    Object.defineProperty(out, "unreadable", { value: unreadable });
    return out;
  }
  /** Every stored check-in, well-formed or not (what a new one is added to: a bad entry is never dropped).
      A stored value that is not a list is set aside first, so it is kept too. */
  function storedCheckins() {
    const v = W.read(CHECKINS);
    if (v != null && !Array.isArray(v)) W.setAside(CHECKINS);
    return Array.isArray(v) ? v : [];
  }
  /** Saved values that could not be read, kept for the reader to download: [{key, id, text}]. */
  function unreadable(all) {
    const out = all.unreadable.map((id) => ({ key: W.keyOf(id), id }));
    for (const k of W.keys()) if (k.startsWith(W.PREFIX + "_aside:")) out.push({ key: k, id: k.slice(W.PREFIX.length + 7).split(":")[0] });
    return out;
  }
  /** Check-ins, oldest first, keeping only well-formed ones (for showing; storedCheckins for writing). */
  function checkins() {
    const v = W.read(CHECKINS);
    return (Array.isArray(v) ? v : []).filter((c) => isObj(c) && typeof c.date === "string" && !isNaN(Date.parse(c.date)) && isObj(c.scores))
      .sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  }
  const scoreOf = (spec, entry) => S.scoreExercise(spec, S.reconcile(spec, entry && entry.answers));
  const filled = (v) => (Array.isArray(v) ? v.some(filled) : isObj(v) ? Object.keys(v).length > 0 : v !== undefined && v !== "");
  const bandLabel = S.bandLabel;
  const scoreText = (d) => (d.score == null ? (d.complete ? t("my.cannot-work-out") : tn("widget.to-go", d.missing)) : S.formatScore(d.score, d.aggregate));

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
      const b = el("button", { type: "button", class: "md-button wb-button" }, t("my.aside-download", { exercise: byId[k.id] ? byId[k.id].title : k.id }));
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

  function renderCheckins(list) {
    const box = $("[data-my-history]");
    if (!list.length) return box.replaceChildren(el("p", null, t("my.no-checkins")));
    const out = [el("p", null, tn("my.checkins", list.length, { date: day(list[list.length - 1].date, true) }))];
    for (const spec of specs) {
      const mine = list.filter((c) => isObj(c.scores[spec.id]));
      if (!mine.length) continue;
      const shown = mine.slice(-6);
      const dims = W.grouped((spec.dimensions || []).map((d) => ({ id: d.id, label: d.label, range: d.range, aggregate: d.aggregate, better: d.better, of: d.of || [] })))
        .concat(spec.overall ? [{ id: "_overall", label: spec.overall.label || t("my.overall"), range: spec.overall.range, aggregate: spec.overall.aggregate, better: spec.overall.better }] : []);
      const val = (c, id) => (typeof c.scores[spec.id][id] === "number" ? c.scores[spec.id][id] : null);
      const last = shown[shown.length - 1];
      const prev = shown.length > 1 ? shown[shown.length - 2] : null;
      const fmt = (x, d) => (x == null ? "—" : S.formatScore(x, d.aggregate));
      out.push(el("h3", null, spec.title));
      if (prev) {
        out.push(W.chart(dims.filter((d) => d.id !== "_overall").map((d) => ({
          label: d.label, score: val(last, d.id), from: val(prev, d.id), lo: d.range[0], hi: d.range[1] == null ? Math.max(val(last, d.id) || 1, val(prev, d.id) || 1) : d.range[1],
          text: fmt(val(prev, d.id), d) + " → " + fmt(val(last, d.id), d) }))),
        el("p", { class: "wb-chart__legend" }, el("span", { class: "wb-chart__key", "aria-hidden": "true" }), t("my.chart-legend")));
      }
      out.push(table(t(prev ? "my.checkins-caption-change" : "my.checkins-caption"),
        // The change comes first after the area: on a phone it is what fits without scrolling.
        [t("my.col-area"), ...(prev ? [t("my.col-change")] : []), ...shown.map((c) => day(c.date, true))],
        dims.map((d) => [d.label, ...(prev ? [moved(val(prev, d.id), val(last, d.id), d)] : []), ...shown.map((c) => fmt(val(c, d.id), d))])));
    }
    box.replaceChildren(...out);
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
    renderCheckins(checkins());
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

  function saveCheckin() {
    const all = saved();
    const scores = {};
    for (const spec of specs) {
      if (!(spec.dimensions || []).length || !all[spec.id]) continue;
      const r = scoreOf(spec, all[spec.id]);
      if (r.missingCount) continue;
      const s = (scores[spec.id] = {});
      for (const d of r.dimensions) s[d.id] = d.score;
      if (r.overall) s._overall = r.overall.score;
    }
    const n = Object.keys(scores).length;
    if (!n) return say(t("my.checkin-none"));
    const ok = W.write(CHECKINS, storedCheckins().concat([{ date: new Date().toISOString(), scores }]));
    render();
    say(ok ? tn("my.checkin-saved", n) : t("my.checkin-failed"));
  }

  function reminder() {
    const start = new Date();
    start.setMonth(start.getMonth() + 3);
    const title = t("my.ics-title", { workbook: doc.title.split(" - ").pop() });
    const file = t("my.ics-file");
    const ics = D().buildIcs({
      title, start, now: new Date(),
      description: t("my.ics-description", { url: location.href }),
      uid: Date.now().toString(36) + Math.random().toString(36).slice(2) + "@" + (location.hostname || "workbook"),
    });
    download(file, "text/calendar", ics);
    say(t("my.ics-done", { file }));
  }

  /** The backup: what the export file holds, and what a transfer link carries (transfer.js). */
  function exportData(all = saved()) {
    const data = { format: D().EXPORT_FORMAT, version: 1, exported: new Date().toISOString(), exercises: {}, checkins: checkins() };
    for (const id of Object.keys(all)) data.exercises[id] = all[id];
    return data;
  }

  function exportAll() {
    const all = saved();
    const data = exportData(all);
    download(t("my.export-file", { date: data.exported.slice(0, 10) }), "application/json", JSON.stringify(data, null, 2) + "\n");
    const left = unreadable(all).map((k) => (byId[k.id] ? byId[k.id].title : k.id));
    const badCheckins = storedCheckins().length - data.checkins.length;
    if (badCheckins > 0) left.push(tn("my.n-bad-checkins", badCheckins));
    say(counts("my.exported", Object.keys(all).length, data.checkins.length) + (left.length ? " " + t("my.export-left-out", { items: left.join(", ") }) : ""));
  }

  const counts = (key, exercises, checkins) => t(key, { exercises: tn("my.n-exercises", exercises), checkins: tn("my.n-checkins", checkins) });
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
      const incoming = { exercises: {}, checkins: data.checkins || [] };
      for (const id of Object.keys(data.exercises)) if (byId[id]) incoming.exercises[id] = data.exercises[id];
      const current = { exercises: saved(), checkins: checkins() };
      const dates = new Set(current.checkins.map((c) => c.date));
      const fresh = incoming.checkins.filter((c) => isObj(c.scores) && !dates.has(c.date));
      const d = D().diffImport(current, incoming);
      if (!d.added.length && !d.changed.length && !fresh.length) return done(t("my.import-nothing", { file: file.name }));
      const li = (key, ids) => (ids.length ? el("li", null, t(key, { count: ids.length, exercises: titles(ids) })) : null);
      const heading = el("h3", { tabindex: "-1" }, t("my.import-heading"));
      const go = el("button", { type: "button", class: "md-button md-button--primary wb-button" }, t("my.import-go"));
      const stop = el("button", { type: "button", class: "md-button wb-button" }, t("my.import-cancel"));
      box.replaceChildren(el("div", { class: "wb-preview" }, heading,
        el("p", null, typeof data.exported === "string" ? t("my.import-intro-dated", { file: file.name, date: day(data.exported, true) })
          : t("my.import-intro", { file: file.name })),
        el("ul", null, li("my.import-added", d.added), li("my.import-changed", d.changed),
          li("my.import-unchanged", d.unchanged), fresh.length ? el("li", null, t("my.import-checkins", { count: fresh.length })) : null,
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
        if (fresh.length) ok = W.write(CHECKINS, storedCheckins().concat(fresh)) && ok;
        render();
        done(ok ? counts("my.imported", d.added.length + d.changed.length, fresh.length) : t("my.import-failed"));
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
    // my-strings.js may not have run yet (instant navigation runs scripts in any order): it calls hydrate.
    if (!root || !("my.answered" in W.STR)) return;
    root.setAttribute("data-wb-ready", "");
    const holder = root.querySelector("template[data-wb-exercises]");
    try { specs = JSON.parse(holder.content.querySelector("script").textContent); } catch (e) { specs = []; }
    // No prototype: an id such as `constructor` in an imported file is not taken for an exercise.
    byId = Object.assign(Object.create(null), Object.fromEntries(specs.map((s) => [s.id, s])));
    for (const box of doc.querySelectorAll(".wb-my[hidden]")) box.hidden = false;
    $("[data-my-status]").setAttribute("tabindex", "-1");
    if (!W.usable()) say(t("my.not-saving"));
    $("[data-my-checkin]").addEventListener("click", saveCheckin);
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
