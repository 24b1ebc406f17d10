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
  const PROFILE = "employment-security-hierarchy";
  const CHECKINS = W.PREFIX + "_checkins";
  const { el, plural } = W;
  const $ = (sel) => doc.querySelector(sel);
  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const day = (iso, time) => {
    const d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toLocaleString(undefined, time ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" });
  };
  const urlOf = (id) => "../exercises/" + id + "/";
  const signed = (x, agg) => (Math.abs(x) < 0.05 ? "no change" : (x > 0 ? "+" : "−") + S.formatScore(Math.abs(x), agg));

  let specs = [];
  let byId = {};

  /** Every saved exercise {id: {version, saved, answers}}; ids of unreadable entries in .unreadable. */
  function saved() {
    const out = {};
    const unreadable = [];
    for (const k of W.keys()) {
      const id = k.slice(W.PREFIX.length);
      if (k === CHECKINS || id === "probe") continue;
      const v = W.read(k);
      if (isObj(v) && isObj(v.answers)) out[id] = v;
      else unreadable.push(id);
    }
    Object.defineProperty(out, "unreadable", { value: unreadable });
    return out;
  }
  /** Check-ins, oldest first, keeping only well-formed ones. */
  function checkins() {
    const v = W.read(CHECKINS);
    return (Array.isArray(v) ? v : []).filter((c) => isObj(c) && typeof c.date === "string" && !isNaN(Date.parse(c.date)) && isObj(c.scores))
      .sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  }
  const scoreOf = (spec, entry) => S.scoreExercise(spec, S.reconcile(spec, entry && entry.answers));
  const filled = (v) => (Array.isArray(v) ? v.some(filled) : isObj(v) ? Object.keys(v).length > 0 : v !== undefined && v !== "");
  const bandLabel = (spec, d) => {
    const src = d.id === "_overall" ? spec.overall : (spec.dimensions || []).find((x) => x.id === d.id);
    return d.band == null || !src ? "" : (src.bands[d.band] || {}).label || "";
  };
  const scoreText = (d) => (d.score == null ? (d.complete ? "cannot be worked out" : plural(d.missing, "answer", "answers") + " to go") : S.formatScore(d.score, d.aggregate));

  function table(caption, head, rows) {
    return el("div", { class: "wb-table-wrap" }, el("table", null, el("caption", null, caption),
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
        result = r.missingCount ? plural(r.missingCount, "answer remains", "answers remain")
          : shown.map((d) => d.label + " " + scoreText(d) + (bandLabel(spec, d) ? " (" + bandLabel(spec, d) + ")" : "")).join("; ");
      }
      return [el("a", { href: urlOf(spec.id) }, spec.title),
        el("span", null, el("progress", { max: n, value: done, "aria-hidden": "true" }), done + " of " + n + " answered"),
        result, all.unreadable.includes(spec.id) ? "could not be read" : entry && entry.saved ? day(entry.saved) : entry ? "saved" : "not started",
        // print.js prints a page opened with ?print=answers once the widget has restored its answers.
        entry ? el("a", { href: urlOf(spec.id) + "?print=answers" }, "Print with my answers") : ""];
    });
    $("[data-my-progress]").replaceChildren(table("Every exercise", ["Exercise", "Progress", "Result", "Last saved", "Print"], rows));
  }

  function renderProfile(all) {
    const box = $("[data-my-profile]");
    const spec = byId[PROFILE];
    if (!spec) return box.replaceChildren(el("p", null, "This workbook has no employment security assessment."));
    const entry = all[PROFILE];
    const link = el("a", { href: urlOf(PROFILE) }, spec.title);
    if (!entry) return box.replaceChildren(el("p", null, "You have not started ", link, " yet."));
    const r = scoreOf(spec, entry);
    if (r.missingCount) return box.replaceChildren(el("p", null, plural(r.missingCount, "answer remains", "answers remain") + " in ", link, " before your profile can be shown."));
    const weak = S.weakestDimension(r);
    const dims = r.dimensions.concat(r.overall ? [r.overall] : []);
    box.replaceChildren(
      el("p", null, "From ", link, entry.saved ? ", last saved " + day(entry.saved) + "." : "."),
      W.chart(r.dimensions.map((d) => ({ label: d.label, score: d.score, lo: d.range[0], hi: d.range[1], text: scoreText(d), strong: d.id === weak }))),
      table("Your latest profile", ["Level", "Score", "Result"], dims.map((d) => [
        d.id === weak ? el("span", null, d.label, " ", el("span", { class: "wb-tag" }, "weakest")) : d.label, scoreText(d), bandLabel(spec, d)])));
  }

  function renderCheckins(list) {
    const box = $("[data-my-history]");
    if (!list.length) return box.replaceChildren(el("p", null, "No check-ins saved yet."));
    const parts = [el("p", null, plural(list.length, "check-in", "check-ins") + " saved, the latest on " + day(list[list.length - 1].date, true) + ".")];
    for (const spec of specs) {
      const mine = list.filter((c) => isObj(c.scores[spec.id]));
      if (!mine.length) continue;
      const shown = mine.slice(-6);
      const dims = (spec.dimensions || []).map((d) => ({ id: d.id, label: d.label, range: d.range, aggregate: d.aggregate }))
        .concat(spec.overall ? [{ id: "_overall", label: spec.overall.label || "Overall", range: spec.overall.range, aggregate: spec.overall.aggregate }] : []);
      const val = (c, id) => (typeof c.scores[spec.id][id] === "number" ? c.scores[spec.id][id] : null);
      const last = shown[shown.length - 1];
      const prev = shown.length > 1 ? shown[shown.length - 2] : null;
      const fmt = (x, d) => (x == null ? "—" : S.formatScore(x, d.aggregate));
      parts.push(el("h3", null, spec.title));
      if (prev) {
        parts.push(W.chart(dims.filter((d) => d.id !== "_overall").map((d) => ({
          label: d.label, score: val(last, d.id), from: val(prev, d.id), lo: d.range[0], hi: d.range[1] == null ? Math.max(val(last, d.id) || 1, val(prev, d.id) || 1) : d.range[1],
          text: fmt(val(prev, d.id), d) + " → " + fmt(val(last, d.id), d) }))));
      }
      parts.push(table("Scores at each check-in" + (prev ? ", and the change since the one before the latest" : ""),
        ["Area", ...shown.map((c) => day(c.date, true)), ...(prev ? ["Change"] : [])],
        dims.map((d) => [d.label, ...shown.map((c) => fmt(val(c, d.id), d)),
          ...(prev ? [val(last, d.id) == null || val(prev, d.id) == null ? "—" : signed(val(last, d.id) - val(prev, d.id), d.aggregate)] : [])])));
    }
    box.replaceChildren(...parts);
  }

  function render() {
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
    if (!n) return say("Finish at least one assessment before saving a check-in: a check-in records complete scores only.");
    const ok = W.write(CHECKINS, checkins().concat([{ date: new Date().toISOString(), scores }]));
    render();
    say(ok ? "Check-in saved with the scores of " + plural(n, "assessment", "assessments") + "." : "The check-in could not be saved: this browser is not keeping data (storage is blocked or full).");
  }

  function reminder() {
    const start = new Date();
    start.setMonth(start.getMonth() + 3);
    const title = "Career check-in: " + (doc.title.split(" - ").pop() || "workbook");
    const ics = D().buildIcs({
      title, start, now: new Date(),
      description: "Redo the assessments, then save a check-in on the My workbook page: " + location.href,
      uid: Date.now().toString(36) + Math.random().toString(36).slice(2) + "@" + (location.hostname || "workbook"),
    });
    download("career-check-in.ics", "text/calendar", ics);
    say("Reminder downloaded: open career-check-in.ics to add a check-in every three months to your calendar.");
  }

  function exportAll() {
    const all = saved();
    const data = { format: D().EXPORT_FORMAT, version: 1, exported: new Date().toISOString(), exercises: {}, checkins: checkins() };
    for (const id of Object.keys(all)) data.exercises[id] = all[id];
    download("my-workbook-" + data.exported.slice(0, 10) + ".json", "application/json", JSON.stringify(data, null, 2) + "\n");
    say("Exported " + plural(Object.keys(all).length, "exercise", "exercises") + " and " + plural(data.checkins.length, "check-in", "check-ins") + ".");
  }

  const titles = (ids) => ids.map((id) => (byId[id] ? byId[id].title : id)).join(", ");

  function preview(file) {
    const box = $("[data-my-preview]");
    const input = $("[data-my-import]");
    const done = (text) => { box.replaceChildren(); input.value = ""; say(text); };
    file.text().then((text) => {
      let data;
      try { data = JSON.parse(text); } catch (e) { data = undefined; }
      const v = data === undefined ? { ok: false, errors: ["file: not JSON; choose a file exported from My workbook"] } : D().validateExport(data);
      if (!v.ok) {
        input.value = "";
        return box.replaceChildren(el("div", { class: "wb-errors", role: "alert" },
          el("p", null, "“" + file.name + "” cannot be imported, and nothing was changed:"), el("ul", null, ...v.errors.map((e) => el("li", null, e)))));
      }
      const unknown = Object.keys(data.exercises).filter((id) => !byId[id]);
      const incoming = { exercises: {}, checkins: data.checkins || [] };
      for (const id of Object.keys(data.exercises)) if (byId[id]) incoming.exercises[id] = data.exercises[id];
      const current = { exercises: saved(), checkins: checkins() };
      const dates = new Set(current.checkins.map((c) => c.date));
      const fresh = incoming.checkins.filter((c) => isObj(c.scores) && !dates.has(c.date));
      const d = D().diffImport(current, incoming);
      if (!d.added.length && !d.changed.length && !fresh.length) return done("Nothing to import: “" + file.name + "” holds nothing you do not already have.");
      const li = (label, ids) => (ids.length ? el("li", null, label + " (" + ids.length + "): " + titles(ids)) : null);
      const heading = el("h3", { tabindex: "-1" }, "Before you import");
      const go = el("button", { type: "button", class: "md-button md-button--primary wb-button" }, "Import these answers");
      const stop = el("button", { type: "button", class: "md-button wb-button" }, "Cancel");
      box.replaceChildren(el("div", { class: "wb-preview" }, heading,
        el("p", null, "“" + file.name + "”" + (typeof data.exported === "string" ? ", exported " + day(data.exported, true) : "") + ", would make these changes:"),
        el("ul", null, li("Added, new to this browser", d.added), li("Replaced: what you saved here is overwritten", d.changed),
          li("Unchanged", d.unchanged), fresh.length ? el("li", null, "New check-ins: " + fresh.length) : null,
          unknown.length ? el("li", null, "Not in this workbook, skipped: " + unknown.join(", ")) : null),
        el("p", null, "Exercises not in the file keep what you saved."), el("div", { class: "wb-actions" }, go, stop)));
      heading.focus();
      stop.addEventListener("click", () => done("Import cancelled: nothing was changed."));
      go.addEventListener("click", () => {
        let ok = true;
        for (const id of d.added.concat(d.changed)) {
          const e = incoming.exercises[id];
          ok = W.write(W.keyOf(id), { version: e.version, saved: e.saved || data.exported || new Date().toISOString(), answers: e.answers }) && ok;
        }
        if (fresh.length) ok = W.write(CHECKINS, current.checkins.concat(fresh)) && ok;
        render();
        done(ok ? "Imported " + plural(d.added.length + d.changed.length, "exercise", "exercises") + " and " + plural(fresh.length, "check-in", "check-ins") + "."
          : "The import could not be saved completely: this browser is not keeping data (storage is blocked or full).");
        $("[data-my-status]").focus();
      });
    }, () => done("“" + file.name + "” could not be read; nothing was changed."));
  }

  function clearAll() {
    if (!globalThis.confirm("Clear every answer and check-in this browser holds for the workbook? This cannot be undone.")) return;
    for (const k of W.keys()) W.remove(k);
    render();
    say("All your answers and check-ins were cleared.");
  }

  function hydrate() {
    const root = doc.querySelector("[data-wb-my]:not([data-wb-ready])");
    if (!root) return;
    root.setAttribute("data-wb-ready", "");
    const holder = root.querySelector("template[data-wb-exercises]");
    try { specs = JSON.parse(holder.content.querySelector("script").textContent); } catch (e) { specs = []; }
    byId = Object.fromEntries(specs.map((s) => [s.id, s]));
    for (const box of doc.querySelectorAll(".wb-my[hidden]")) box.hidden = false;
    $("[data-my-status]").setAttribute("tabindex", "-1");
    if (!W.usable()) say("This browser is not letting the workbook keep anything (storage is blocked or full): nothing saved can be shown, and check-ins and imports cannot be kept.");
    $("[data-my-checkin]").addEventListener("click", saveCheckin);
    $("[data-my-ics]").addEventListener("click", reminder);
    $("[data-my-export]").addEventListener("click", exportAll);
    $("[data-my-clear]").addEventListener("click", clearAll);
    $("[data-my-import]").addEventListener("change", (e) => { if (e.target.files[0]) preview(e.target.files[0]); });
    render();
  }

  globalThis.WorkbookMy = { hydrate };
  const d$ = globalThis.document$;
  if (d$ && typeof d$.subscribe === "function") d$.subscribe(hydrate);
  else if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", hydrate);
  else hydrate();
})();
