/* Worksheet widget: the DOM glue that scores, saves and explains the generated forms. Reads only the
   markup described in ARCHITECTURE.md ("The contract between generator and widget"); the maths is in
   scoring.js. Classic script, no dependencies; text goes in through textContent, never as HTML. */
(function () {
  "use strict";
  const S = globalThis.WorkbookScoring;
  const H = globalThis.WorkbookHistory;
  const doc = document;
  // Keys carry a format version and the workbook's root path: two workbooks on one origin keep apart.
  // A workbook in several languages is one site per language, each in a folder of the original's;
  // every page names the way to the original's site (`data-wb-home`): keyed under it, answers are
  // the same in every language (the exercise and item ids are).
  const home = doc.documentElement.getAttribute("data-wb-home");
  const root = (home && new URL(home, location.href).pathname) || (globalThis.__md_scope && globalThis.__md_scope.pathname) || "/";
  const PREFIX = "workbook:v1:" + root + ":";
  const keyOf = (id) => PREFIX + id;
  const historyKey = (id) => PREFIX + "_history:" + id;

  // --- storage: localStorage may be missing, blocked (even reading it throws) or full -----------
  function storage() {
    try { return globalThis.localStorage || null; } catch (e) { return null; }
  }
  /** The parsed value; null when absent; undefined when unreadable (blocked or corrupt). */
  function read(key) {
    try {
      const s = storage().getItem(key);
      return s == null ? null : JSON.parse(s);
    } catch (e) { return undefined; }
  }
  function write(key, value) {
    try { storage().setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
  }
  function remove(key) {
    try { storage().removeItem(key); return true; } catch (e) { return false; }
  }
  /** Move an unreadable value to `<prefix>_aside:<id>:<time>` (never lost; My workbook offers it as a file). */
  function setAside(key) {
    try {
      const s = storage();
      s.setItem(PREFIX + "_aside:" + key.slice(PREFIX.length) + ":" + new Date().toISOString(), s.getItem(key));
      s.removeItem(key);
      return true;
    } catch (e) { return false; }
  }
  /** Ask the browser, once a page, to keep this site's storage (not to clear it for space, or after
      Safari's seven days without a visit, for an installed site): answers are meant to last years. */
  let asked = false;
  function keep() {
    if (asked) return;
    asked = true;
    try { if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {}); } catch (e) { /* not offered */ }
  }
  function usable() {
    return write(PREFIX + "probe", 1) && remove(PREFIX + "probe");
  }
  /** Every key of this workbook, or [] when storage is blocked. */
  function keys() {
    try {
      const s = storage();
      const out = [];
      for (let i = 0; i < s.length; i++) if (s.key(i).startsWith(PREFIX)) out.push(s.key(i));
      return out;
    } catch (e) { return []; }
  }

  // --- small DOM helpers (strings are appended as text nodes, never parsed) ---------------------
  function el(tag, attrs, ...kids) {
    const e = tag.startsWith("svg:") ? doc.createElementNS("http://www.w3.org/2000/svg", tag.slice(4)) : doc.createElement(tag);
    for (const k in attrs || {}) if (attrs[k] != null) e.setAttribute(k, attrs[k]);
    e.append(...kids.filter((k) => k != null));
    return e;
  }
  const emit = (target, name, detail) => target.dispatchEvent(new CustomEvent("workbook:" + name, { bubbles: true, detail }));
  // Wording: strings.js (generated from generator/strings.py and workbook.yml's `strings:`) sets the table.
  const STR = globalThis.WorkbookStrings || {};
  // Numbers in the page's language (scoring.js formatScore with Intl): "3,2" on a Spanish page.
  const LANG = doc.documentElement.lang || undefined;
  let rules;
  try { rules = new Intl.PluralRules(doc.documentElement.lang || undefined); } catch (e) { rules = new Intl.PluralRules(); }
  /** The wording `key` split around its {name} placeholders, filled from `vars`: strings or nodes for el(), never HTML. */
  const parts = (key, vars) => String(STR[key] == null ? key : STR[key]).split(/\{(\w+)\}/)
    .map((p, i) => (i % 2 ? (vars && vars[p] != null ? vars[p] : "{" + p + "}") : p));
  const t = (key, vars) => parts(key, vars).join("");
  /** `key` + "." + the page language's plural category for `n` ("one", "few", "many"...), ".other" when the table lacks it. */
  const countKey = (key, n) => (key + "." + rules.select(n) in STR ? key + "." + rules.select(n) : key + ".other");
  const tn = (key, n, vars) => t(countKey(key, n), Object.assign({ count: n }, vars));
  const setText = (e, text) => { if (e.textContent !== text) e.textContent = text; };

  /** A horizontal bar per row {label, score, lo, hi, text, from?, strong?, part?}; aria-hidden: a table says
      the same. Built of HTML, so its text keeps its size and wraps on a phone (an SVG scaled down shrinks it). */
  function chart(rows) {
    const box = el("div", { class: "wb-chart", "aria-hidden": "true" });
    for (const r of rows) {
      const hi = r.hi > r.lo ? r.hi : r.lo + 1;
      const at = (v) => ((Math.min(Math.max(v, r.lo), hi) - r.lo) / (hi - r.lo)) * 100;
      const track = el("span", { class: "wb-chart__track" });
      if (r.score != null) {
        const [a, b] = [at(Math.min(Math.max(0, r.lo), hi)), at(r.score)];
        const bar = el("span", { class: "wb-chart__bar" });
        Object.assign(bar.style, { left: Math.min(a, b) + "%", width: Math.max(Math.abs(b - a), 1) + "%" });
        track.append(bar);
        if (r.from != null) {
          const from = el("span", { class: "wb-chart__from" });
          from.style.left = at(r.from) + "%";
          track.append(from);
        }
      }
      const cls = "wb-chart__row" + (r.strong ? " wb-chart__row--weakest" : "") + (r.part ? " wb-chart__row--part" : "");
      box.append(el("div", { class: cls }, el("span", { class: "wb-chart__label" }, r.label), track, el("span", { class: "wb-chart__value" }, r.text)));
    }
    return box;
  }

  const REASONS = { "zero-denominator": "widget.zero-denominator", "no-answers": "widget.no-answers" };

  /** Results with each built-from dimension's parts right after it (marked `part`): facets under their domain. */
  function grouped(dimensions) {
    const byId = new Map(dimensions.map((d) => [d.id, d]));
    const partOf = new Set(dimensions.flatMap((d) => d.of || []));
    const out = [];
    const seen = new Set();
    const visit = (d, part) => {
      if (seen.has(d.id)) return;
      seen.add(d.id);
      out.push(part ? Object.assign({}, d, { part: true }) : d);
      for (const id of d.of || []) if (byId.has(id)) visit(byId.get(id), true);
    };
    for (const d of dimensions) if (!partOf.has(d.id)) visit(d, false);
    for (const d of dimensions) visit(d, true); // a loop (the build rejects it) still shows
    return out;
  }
  const rangeOf = (d) => (d.range || [0, null]);

  /** One exercise form: restore, listen, score, save. */
  function hydrate(form) {
    if (form.hasAttribute("data-wb-ready")) return;
    form.setAttribute("data-wb-ready", "");
    const holder = form.querySelector("template[data-wb-spec]");
    const specEl = (holder && holder.content.querySelector(".wb-spec")) || form.querySelector("script.wb-spec");
    let spec;
    try { spec = JSON.parse(specEl.textContent); } catch (e) { return; }
    const id = form.dataset.exercise;
    const version = form.dataset.version;
    const key = keyOf(id);
    const title = spec.title || id;
    const dims = spec.dimensions || [];
    const specDim = Object.fromEntries(dims.map((d) => [d.id, d]).concat([["_overall", spec.overall || {}]]));

    // Toolbar: where answers are kept, and the clear button.
    const note = el("p", { class: "wb-save", role: "status" });
    const clear = el("button", { type: "button", class: "md-button wb-button" }, t("widget.clear"));
    const bar = el("div", { class: "wb-bar" }, clear, note);
    const items = form.querySelector(".wb-items");
    (items || form).after(bar);

    // Tables that may grow get an "Add a row" button inside their fieldset.
    const tables = [...form.querySelectorAll("table.wb-table")];
    for (const table of tables) {
      const max = +table.dataset.maxRows || 0;
      if (max <= rowsOf(table).length) continue;
      const add = el("button", { type: "button", class: "md-button wb-button wb-add-row" }, t("widget.add-row"));
      table.wbAdd = add;
      add.addEventListener("click", () => {
        const row = addRow(table);
        if (row) row.querySelector("input, select").focus();
      });
      (table.closest(".wb-table-wrap") || table).after(add);
    }

    // Results: un-hidden now, so its live region is in the accessibility tree before anything changes.
    const results = form.querySelector("[data-results]");
    let status, tbody, chartBox, next, bands;
    if (results && dims.length) {
      results.hidden = false;
      status = results.querySelector("[data-status]");
      tbody = el("tbody");
      const table = el("table", { class: "wb-scores" },
        el("caption", null, t("widget.scores-caption")),
        el("thead", null, el("tr", null, ...["area", "score", "result"].map((c) => el("th", { scope: "col" }, t("widget.col-" + c))))),
        tbody);
      chartBox = el("div", { class: "wb-chart-box" });
      next = el("div", { class: "wb-next" });
      (status || results.firstElementChild).after(chartBox, el("div", { class: "wb-table-wrap" }, table), next);
      bands = [...results.querySelectorAll(".wb-band[data-dimension]")];
    }
    // After the last answer the result is announced (status) and, when it is out of sight, a link
    // to it appears at the foot of the screen: the reader follows it or not; focus stays put.
    const heading = results && results.getAttribute("aria-labelledby");
    const cue = heading ? el("a", { class: "wb-cue md-button md-button--primary", href: "#" + heading, hidden: "" }, t("widget.see-result")) : null;
    if (cue) {
      form.append(cue);
      cue.addEventListener("click", () => { cue.hidden = true; });
      if (globalThis.IntersectionObserver) new IntersectionObserver((seen) => { if (seen.some((e) => e.isIntersecting)) cue.hidden = true; }).observe(results);
    }
    let missingBefore = -1;

    function render(answers) {
      if (!tbody) return;
      const r = S.scoreExercise(spec, answers);
      const weak = dims.length > 1 && !r.missingCount ? S.weakestDimension(r) : null; // only once all are in
      const all = grouped(r.dimensions).concat(r.overall ? [r.overall] : []);
      const ups = (weak && specDim[weak].follow_ups) || [];
      const bandLabel = (d) => S.bandLabel(spec, d);
      const scoreText = (d) => {
        if (!d.complete) return tn("widget.to-go", d.missing);
        if (d.score == null) return t(REASONS[d.undefinedReason] || "widget.not-available");
        const [lo, hi] = rangeOf(d);
        const s = S.formatScore(d.score, d.aggregate, LANG);
        if (d.aggregate === "percentage" || lo == null || hi == null) return s;
        return t(lo < 0 ? "widget.score-from-to" : "widget.score-of", { score: s, min: S.formatScore(lo, undefined, LANG), max: S.formatScore(hi, undefined, LANG) });
      };
      const rowClass = (d) => [d.id === weak ? "wb-weakest" : d.id === "_overall" ? "wb-scores__overall" : "", d.part ? "wb-scores__part" : ""].join(" ").trim() || null;
      tbody.replaceChildren(...all.map((d) => el("tr", { class: rowClass(d) },
        el("th", { scope: "row" }, d.label, d.better === "lower" ? el("span", { class: "wb-direction" }, " " + t("widget.lower-better")) : null,
          d.id === weak ? " " : null, d.id === weak ? el("span", { class: "wb-tag" }, t(ups.length ? "widget.tag-start-here" : "widget.tag-weakest")) : null),
        el("td", null, scoreText(d)), el("td", null, bandLabel(d)))));
      chartBox.replaceChildren(chart(grouped(r.dimensions).map((d) => {
        const [lo, hi] = rangeOf(d);
        const edges = (specDim[d.id].bands || []).flatMap((b) => [b.min, b.max]).filter(Number.isFinite);
        return { label: d.label, score: d.score, lo: lo == null ? Math.min(0, ...edges) : lo, hi: hi == null ? Math.max(d.score || 0, ...edges) : hi,
          text: d.score == null ? t(d.complete ? "widget.chart-none" : "widget.chart-incomplete") : S.formatScore(d.score, d.aggregate, LANG), strong: d.id === weak, part: d.part };
      })));
      for (const b of bands) {
        const d = all.find((x) => x.id === b.dataset.dimension);
        b.hidden = !d || d.band !== +b.dataset.band;
        b.closest(".wb-result").classList.toggle("wb-weakest", !!d && d.id === weak);
      }
      next.replaceChildren();
      if (ups.length) {
        next.append(el("p", null, ...parts("widget.weakest", { area: el("strong", null, specDim[weak].label) })),
          el("ul", null, ...ups.map((f) => el("li", null, el("a", { href: f.url }, f.title)))));
      }
      let text;
      if (r.missingCount) text = tn("widget.remain", r.missingCount);
      else {
        const shown = r.overall ? [r.overall] : r.dimensions;
        text = shown.map((d) => t(d.score != null && bandLabel(d) ? "widget.status-score-band" : "widget.status-score",
          { label: d.label, score: d.score == null ? scoreText(d) : S.formatScore(d.score, d.aggregate, LANG), band: bandLabel(d) })).join("; ") + ".";
        if (ups.length) text += " " + t("widget.status-weakest", { area: specDim[weak].label });
      }
      if (status) setText(status, text);
      if (cue && missingBefore > 0 && !r.missingCount) cue.hidden = results.getBoundingClientRect().top < globalThis.innerHeight;
      if (cue && r.missingCount) cue.hidden = true;
      missingBefore = r.missingCount;
      emit(form, "scored", { exercise: id, result: r, weakest: weak });
      return r;
    }

    const KEEP = t("widget.saving");
    const LOST = t("widget.not-saving");
    let canSave = usable();
    let message = canSave ? KEEP : LOST;

    function collect() {
      const a = S.answersFromEntries(spec, [...new FormData(form)].filter(([, v]) => typeof v === "string"));
      for (const k of Object.keys(a)) {
        if (!Array.isArray(a[k])) continue;
        const rows = a[k];
        while (rows.length && rows[rows.length - 1] && typeof rows[rows.length - 1] === "object" && !Object.keys(rows[rows.length - 1]).length) rows.pop();
        if (!rows.length) delete a[k];
      }
      return a;
    }

    // What this tab last read or wrote under its key: a storage event carrying the same is its own
    // (Chromium may deliver the event of a write made before a reload to the reloaded page).
    const raw = () => { try { return storage().getItem(key); } catch (e) { return null; } };
    let mine = raw();
    function update() {
      const answers = collect();
      if (canSave) {
        canSave = Object.keys(answers).length
          ? write(key, { version, saved: new Date().toISOString(), answers })
          : remove(key);
        mine = raw();
        if (canSave) keep();
        message = canSave ? KEEP : LOST; // a one-off notice (dropped or unreadable answers) has been read by now
      }
      setText(note, message);
      const r = render(answers);
      if (canSave && r && !r.missingCount && Object.keys(answers).length) keepResult(id, version, answers, r);
    }

    // Restore: what was saved, reconciled with this version of the exercise. A value that cannot
    // be read (bad JSON, or not {answers: {…}}) is set aside, never overwritten by the next save.
    let saved = canSave ? read(key) : null;
    let answers = {};
    if (saved === undefined || (saved !== null && !(saved && typeof saved.answers === "object" && saved.answers))) {
      saved = null;
      message = t(setAside(key) ? "widget.unreadable" : "widget.not-saving");
      canSave = canSave && message !== t("widget.not-saving");
    } else if (saved) {
      answers = S.reconcile(spec, saved.answers);
      if (saved.version !== version) {
        const before = Object.keys((saved && typeof saved.answers === "object" && saved.answers) || {}).length;
        const dropped = before - Object.keys(answers).length;
        // Not written back here: if the author restores an item, answers kept in storage return too.
        if (dropped > 0) message = tn("widget.dropped", dropped);
      }
    }
    fill(form, tables, answers);
    mine = raw();
    setText(note, message);
    render(collect());
    emit(form, "restored", { exercise: id, answers });

    // One change of an answer, one update: typed fields report it as `input` (their `change` on
    // leaving repeats it), everything else as `change` (radios, boxes and selects fire `input` too).
    const typed = (e) => e.target instanceof HTMLTextAreaElement || (e.target instanceof HTMLInputElement && !/^(radio|checkbox)$/.test(e.target.type));
    form.addEventListener("input", (e) => { if (typed(e)) update(); });
    form.addEventListener("change", (e) => { if (!typed(e)) update(); });
    // A form with no action would reload the page on Enter; the answers are already saved.
    form.addEventListener("submit", (e) => e.preventDefault());
    // Another tab saved or cleared this exercise: show that here, so this tab never writes over it.
    globalThis.addEventListener("storage", (e) => {
      if (e.key !== key || !form.isConnected || e.newValue === mine) return;
      mine = e.newValue;
      const v = read(key);
      const theirs = v && typeof v.answers === "object" ? S.reconcile(spec, v.answers) : {};
      fill(form, tables, theirs);
      setText(note, t(v ? "widget.other-tab" : "widget.other-tab-cleared"));
      render(collect());
    });
    clear.addEventListener("click", () => {
      // A scored exercise's dated results are not answers: clearing keeps them (My workbook shows them).
      if (!globalThis.confirm(t(dims.length ? "widget.confirm-clear-kept" : "widget.confirm-clear", { title }))) return;
      form.reset();
      for (const table of tables) {
        rowsOf(table).slice(+table.dataset.rows || 0).forEach((row) => row.remove());
        syncAdd(table);
      }
      update();
      message = canSave ? KEEP : LOST;
      setText(note, t("widget.cleared"));
      emit(form, "cleared", { exercise: id });
    });
  }

  /** A completed assessment becomes the result of today (the reader's date): a later day adds one,
      the same day updates it, so retaking never loses an earlier result. Read afresh each time, so
      another tab's results are kept; an unreadable history is set aside first, never written over. */
  function keepResult(id, version, answers, r) {
    if (!H) return;
    const key = historyKey(id);
    const now = new Date();
    const value = read(key);
    const got = value === undefined ? { results: [], unreadable: true } : H.readResults(value);
    if (got.unreadable && !setAside(key)) return;
    const entry = { date: H.localDay(now), saved: now.toISOString(), version, answers, scores: H.scoresOf(r) };
    if (write(key, H.stored(H.record(got.results, entry)))) emit(doc, "result", { exercise: id, date: entry.date });
  }

  const rowsOf = (table) => [...table.tBodies[0].rows];
  function syncAdd(table) {
    if (table.wbAdd) table.wbAdd.disabled = rowsOf(table).length >= +table.dataset.maxRows;
  }
  /** Copy the last row with blank cells and the next row number in names and labels; null at max_rows. */
  function addRow(table) {
    const rows = rowsOf(table);
    if (rows.length >= +table.dataset.maxRows) return null;
    const n = rows.length;
    const row = rows[n - 1].cloneNode(true);
    row.dataset.row = n;
    for (const c of row.querySelectorAll("input, select")) {
      c.name = c.name.replace(/\.\d+\./, "." + n + ".");
      // The cell's name, worded as the build words it (widget.cell-label, widget.row-name): its column, the new row.
      const cell = c.closest("td");
      c.setAttribute("aria-label", t("widget.cell-label", { column: cell ? cell.dataset.label : "", row: t("widget.row-name", { number: n + 1 }) }));
      c.value = "";
    }
    table.tBodies[0].append(row);
    syncAdd(table);
    return row;
  }

  /** Put answers back into the controls (tables grow to hold saved rows). */
  function fill(form, tables, answers) {
    for (const t of tables) {
      const item = t.closest("[data-item]");
      const rows = item && answers[item.dataset.item];
      while (Array.isArray(rows) && rowsOf(t).length < rows.length && addRow(t));
    }
    for (const c of form.elements) {
      if (!c.name) continue;
      const [item, row, col] = c.name.split(".");
      let v = Object.prototype.hasOwnProperty.call(answers, item) ? answers[item] : undefined;
      if (col !== undefined) v = Array.isArray(v) && v[row] ? v[row][col] : undefined;
      if (c.type === "radio") c.checked = v !== undefined && String(v) === c.value;
      else if (c.type === "checkbox") c.checked = Array.isArray(v) && v.includes(+c.value);
      else if ("value" in c && c.type !== "button") c.value = v === undefined ? "" : String(v);
    }
  }

  function hydrateAll() {
    const forms = doc.querySelectorAll("form.wb-exercise:not([data-wb-ready])");
    if (!forms.length || !S) return;
    const t0 = performance.now();
    forms.forEach(hydrate);
    performance.measure("workbook:hydrate", { start: t0, end: performance.now() });
  }

  globalThis.WorkbookWidget = { STR, PREFIX, keyOf, historyKey, read, write, remove, setAside, usable, keys, el, chart, grouped, emit, t, tn, parts, countKey };
  // Material's instant navigation swaps pages without a load event; document$ emits for each page.
  const d$ = globalThis.document$;
  if (d$ && typeof d$.subscribe === "function") d$.subscribe(hydrateAll);
  else if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", hydrateAll);
  else hydrateAll();
})();
