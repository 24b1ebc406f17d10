/* Pure scoring of exercise forms (no DOM; widget.js is the glue). Rules and spec shape: ARCHITECTURE.md,
   "The contract between generator and widget". A classic script so it runs from file://; node require()s it. */
(function (root) {
  "use strict";

  const fin = Number.isFinite;
  const isInt = Number.isInteger;
  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const uniq = (a) => [...new Set(a)];
  const total = (a, f = (x) => x) => a.reduce((s, x) => s + f(x), 0);
  const num = (x) => +x || 0;
  // Scores and band edges are compared at 6 decimals, so float drift (2.4999999999999996) stays in the 2.5 band.
  const round6 = (x) => Math.round(x * 1e6) / 1e6 || 0;
  const list = (o, k) => (o && Array.isArray(o[k]) ? o[k] : []);
  // Every bound below comes from the spec (generator/spec.py computes them once); none is derived here.
  const maxRows = (t) => t.max_rows || 0;
  const bound = (x) => (x == null ? null : +x);

  /** Whether one answer (or table cell) fits an item (or column). */
  function fits(x, v) {
    switch (x.type) {
      case "likert": return isInt(v) && v >= x.min && v <= x.max;
      case "choice": return isInt(v) && v >= 0 && v < list(x, "values").length;
      case "number": return fin(v) && !(x.min != null && v < x.min) && !(x.max != null && v > x.max);
      case "text": return typeof v === "string";
    }
    return false;
  }

  /** Saved answers (any JSON, maybe of another spec version) reduced to those fitting the spec; never throws. */
  function reconcile(spec, saved) {
    const out = {};
    if (!isObj(saved)) return out;
    for (const it of list(spec, "items")) {
      const v = it && own(saved, it.id) ? saved[it.id] : undefined;
      if (it.type === "checklist") {
        if (Array.isArray(v)) out[it.id] = uniq(v.filter((i) => isInt(i) && i >= 0 && i < list(it, "values").length));
      } else if (it.type === "table") {
        if (Array.isArray(v)) out[it.id] = v.slice(0, maxRows(it)).map((row) => {
          const r = {};
          for (const c of list(it, "columns")) if (isObj(row) && own(row, c.id) && fits(c, row[c.id])) r[c.id] = row[c.id];
          return r;
        });
      } else if (fits(it, v)) out[it.id] = v;
    }
    return out;
  }

  /** Per dimension id: {parts: [{item, value, low, high, weight, column?}], missing: [item id], ratio: [numerator, denominator]}. */
  function contributions(spec, answers) {
    const ok = reconcile(spec, answers);
    const a = (id) => (own(ok, id) ? ok[id] : undefined);
    const by = Object.create(null);
    const dims = list(spec, "dimensions");
    for (const d of dims) by[d.id] = { parts: [], missing: [] };
    const dimOf = (id) => (id == null ? undefined : by[id]);
    const add = (d, item, value, low, high, weight = 1, column) => d.parts.push(column ? { item, value, low, high, weight, column } : { item, value, low, high, weight });
    for (const it of list(spec, "items")) {
      const v = a(it.id);
      const d = dimOf(it.dimension);
      const vals = list(it, "values").map(num);
      const part = (value) => add(d, it.id, value, bound(it.low), bound(it.high), it.weight);
      if (it.type === "table") {
        for (const c of list(it, "columns")) {
          const cd = dimOf(c.dimension);
          if (!cd || c.type === "text") continue;
          const cv = list(c, "values").map(num);
          // Blank rows are absent: only filled cells contribute.
          const got = (v || []).map((r) => r[c.id]).filter((x) => x !== undefined);
          const cell = (value) => add(cd, it.id, value, bound(c.low), bound(c.high), c.weight == null ? 1 : c.weight, c.id);
          if (c.score === "distinct") cell(new Set(got).size);
          else for (const x of got) cell(c.type === "choice" ? cv[x] : x);
        }
      } else if (!d) continue;
      else if (it.type === "checklist") part(total(v || [], (i) => vals[i]));
      else if (v === undefined) d.missing.push(it.id);
      else if (it.type === "likert") part(it.reverse ? it.min + it.max - v : v);
      else if (it.type === "choice") part(vals[v]);
      else if (it.type === "number") part(v);
    }
    // A ratio needs both its number items, whichever dimension they are filed under.
    for (const d of dims) {
      const c = by[d.id];
      c.ratio = [a(d.numerator), a(d.denominator)];
      if (d.aggregate === "ratio") c.missing.push(...[d.numerator, d.denominator].filter((id) => a(id) === undefined));
      c.missing = uniq(c.missing);
    }
    return by;
  }

  /** [score, undefinedReason] of a complete dimension. */
  function aggregate(d, c) {
    const p = c.parts;
    const weighted = total(p, (x) => x.weight * x.value);
    switch (d.aggregate) {
      case "ratio": return c.ratio[1] ? [c.ratio[0] / c.ratio[1]] : [null, "zero-denominator"];
      case "sum": return [weighted];
      case "percentage": {
        const span = total(p, (x) => x.weight * (x.high - x.low));
        if (!p.length) return [null, "no-answers"];
        if (!p.every((x) => fin(x.low) && fin(x.high)) || !(span > 0)) return [null, "no-range"];
        return [(100 * total(p, (x) => x.weight * (x.value - x.low))) / span];
      }
    }
    const w = total(p, (x) => x.weight);
    return w ? [weighted / w] : [null, "no-answers"];
  }

  /** A result entry: base + {score|null, complete, missing (count), band|null, undefinedReason?}. */
  function entry(base, missing, [value, reason], bands) {
    const score = missing.length || value == null ? null : round6(value);
    const r = Object.assign(base, { score, complete: !missing.length, missing: missing.length, band: bandFor(bands, score) });
    if (!missing.length && score === null) r.undefinedReason = reason || "no-answers";
    return r;
  }

  /** [score, undefinedReason] of the mean, sum, lowest or first-minus-second of some entries' scores. */
  function combine(aggregate, entries) {
    const s = entries.map((d) => d.score);
    if (s.some((x) => x == null)) return [null, "undefined-dimension"];
    if (!s.length) return [null, "no-dimensions"];
    if (aggregate === "sum") return [total(s)];
    if (aggregate === "min") return [Math.min(...s)];
    if (aggregate === "difference") return s.length > 1 ? [s[0] - s[1]] : [null, "no-dimensions"];
    return [total(s) / s.length];
  }

  /** {dimensions: [entry], overall: entry|null, missingCount}; entries also carry id, label, aggregate, range, better, of.
      A dimension with `of` is built from those dimensions' scores, after them (facets roll up into a domain). */
  function scoreExercise(spec, answers) {
    const by = contributions(spec, answers);
    const head = (x) => ({ id: x.id || "_overall", label: x.label || "", aggregate: x.aggregate || "mean", range: x.range || null,
      better: x.better === "lower" ? "lower" : "higher", of: list(x, "of") });
    const specs = Object.create(null);
    for (const d of list(spec, "dimensions")) specs[d.id] = d;
    const done = Object.create(null);
    const missingOf = (ids, seen = new Set()) => uniq(ids.flatMap((id) => {
      if (!specs[id] || seen.has(id)) return [];
      seen.add(id);
      return list(specs[id], "of").length ? missingOf(specs[id].of, seen) : by[id].missing;
    }));
    const score = (d, seen = new Set()) => {
      if (done[d.id]) return done[d.id];
      if (!list(d, "of").length) return (done[d.id] = entry(head(d), by[d.id].missing, aggregate(d, by[d.id]), d.bands));
      seen.add(d.id); // no endless recursion on a loop (which the build rejects)
      const parts = d.of.filter((id) => specs[id] && !seen.has(id)).map((id) => score(specs[id], seen));
      return (done[d.id] = entry(head(d), missingOf([d.id]), combine(d.aggregate, parts), d.bands));
    };
    const dimensions = list(spec, "dimensions").map((d) => score(d));
    const o = spec && spec.overall;
    let overall = null;
    if (o) {
      const ds = list(o, "of").length ? o.of.map((id) => dimensions.find((d) => d.id === id)).filter(Boolean) : dimensions;
      overall = entry(head(o), missingOf(ds.map((d) => d.id)), combine(o.aggregate, ds), o.bands);
    }
    return { dimensions, overall, missingCount: missingOf(dimensions.map((d) => d.id)).length };
  }

  /** Index of the band holding score, or null: [min, max), max null unbounded; a max no band starts at (the top's) is included. */
  function bandFor(bands, score) {
    if (score == null || !fin(score) || !Array.isArray(bands)) return null;
    const s = round6(score);
    let top = null;
    for (let i = 0; i < bands.length; i++) {
      const lo = bands[i].min == null ? -Infinity : round6(bands[i].min);
      const hi = bands[i].max == null ? Infinity : round6(bands[i].max);
      if (s >= lo && s < hi) return i;
      if (s === hi && top === null) top = i;
    }
    return top;
  }

  /** Where a score sits in its range from worst (0) to best (1), following the entry's `better`; null without a finite range. */
  function standing(d) {
    const [lo, hi] = d.range || [];
    if (d.score == null || !fin(lo) || !fin(hi) || hi <= lo) return null;
    const p = round6((d.score - lo) / (hi - lo));
    return d.better === "lower" ? round6(1 - p) : p;
  }

  /** Id of the complete item-scored dimension worst within its own range (first declared wins ties), or null. */
  function weakestDimension(result) {
    let best = null;
    let pos = Infinity;
    for (const d of list(result, "dimensions")) {
      const p = d.complete && !list(d, "of").length ? standing(d) : null;
      if (p != null && p < pos) [best, pos] = [d.id, p];
    }
    return best;
  }

  /** "improved", "slipped" or "same" from one score to the next, following `better` ("higher" or "lower"). */
  function change(before, after, better) {
    if (before == null || after == null || !fin(before) || !fin(after)) return null;
    const delta = round6(after - before);
    if (Math.abs(delta) < 0.05) return "same";
    return (delta > 0) === (better !== "lower") ? "improved" : "slipped";
  }

  /** Label of the band a scored entry (dimension, or "_overall") fell in, from the spec; "" when none. */
  function bandLabel(spec, entry) {
    const src = entry.id === "_overall" ? spec.overall : list(spec, "dimensions").find((x) => x.id === entry.id);
    return entry.band == null || !src ? "" : ((src.bands || [])[entry.band] || {}).label || "";
  }

  /** FormData-like [name, value] pairs (names as in ARCHITECTURE.md: item, item.row.column) to reconciled answers. */
  function answersFromEntries(spec, entries) {
    const items = Object.create(null);
    for (const it of list(spec, "items")) items[it.id] = it;
    const raw = Object.create(null);
    for (const [name, value] of entries || []) {
      const [id, row, col] = String(name).split(".");
      const it = items[id];
      if (!it || typeof value !== "string") continue;
      const parse = (type) => (type === "text" ? value : Number(value));
      if (it.type === "table") {
        const c = list(it, "columns").find((x) => x.id === col);
        if (!c || !/^\d+$/.test(row) || +row >= maxRows(it)) continue;
        const rows = raw[id] || (raw[id] = []);
        while (rows.length <= +row) rows.push({});
        if (value.trim()) rows[+row][col] = parse(c.type);
      } else if (row !== undefined) continue;
      else if (it.type === "checklist") (raw[id] || (raw[id] = [])).push(Number(value));
      else if (value.trim()) raw[id] = parse(it.type);
    }
    return reconcile(spec, raw);
  }

  /** A score as shown: percentage "72%", mean and ratio one decimal, otherwise whole or one decimal; null "".
      `lang` (the page's <html lang>): written that language's way by Intl ("3,2" and "72 %" in Spanish);
      without it, the way JSON writes numbers (what the printed key's data attributes hold). */
  function formatScore(score, aggregate, lang) {
    if (score == null || !fin(score)) return "";
    if (aggregate === "percentage") {
      const p = Math.round(score) || 0;
      return lang ? numberFormat(lang, { style: "percent", maximumFractionDigits: 0 }).format(p / 100) : p + "%";
    }
    const r = Math.round(score * 10) / 10 || 0;
    const digits = aggregate === "mean" || aggregate === "ratio" || !isInt(r) ? 1 : 0;
    if (lang) return numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(r);
    return digits ? r.toFixed(1) : String(r);
  }
  const numberFormats = new Map();
  /** An Intl.NumberFormat, made once per language and options (a language Intl does not know falls back to the browser's). */
  function numberFormat(lang, options) {
    const key = lang + " " + JSON.stringify(options);
    if (!numberFormats.has(key)) {
      let f;
      try { f = new Intl.NumberFormat(lang, options); } catch (e) { f = new Intl.NumberFormat(undefined, options); }
      numberFormats.set(key, f);
    }
    return numberFormats.get(key);
  }

  /** The numbers of the printed scoring grid, as the reader would write them (box ids: generator/score_sheet.py):
      {boxes: {"a:<item>[.<column>]": answer or column total, "t:<dim>": total, "n:<dim>": how many, "s:<dim>": score as shown},
       bands: {<dim or _overall>: band index}}. A box with nothing to show is absent. */
  function sheetFigures(spec, answers) {
    const by = contributions(spec, answers);
    const result = scoreExercise(spec, answers);
    const boxes = {};
    const bands = {};
    const n = (x) => String(round6(x));
    for (const d of list(spec, "dimensions")) {
      const c = by[d.id];
      const sums = {};
      for (const p of c.parts) {
        const k = p.column ? p.item + "." + p.column : p.item;
        sums[k] = (sums[k] || 0) + p.value;
      }
      for (const k of Object.keys(sums)) boxes["a:" + k] = n(sums[k]);
      if (c.parts.length) {
        boxes["t:" + d.id] = n(total(c.parts, (x) => x.weight * x.value));
        boxes["n:" + d.id] = n(total(c.parts, (x) => x.weight));
      }
      if (d.aggregate === "ratio") [d.numerator, d.denominator].forEach((id, i) => { if (c.ratio[i] !== undefined) boxes["a:" + id] = n(c.ratio[i]); });
    }
    for (const e of result.dimensions.concat(result.overall ? [result.overall] : [])) {
      if (e.score != null) boxes["s:" + e.id] = formatScore(e.score, e.aggregate);
      if (e.band != null) bands[e.id] = e.band;
    }
    return { boxes, bands };
  }

  const api = {
    reconcile, contributions, scoreExercise, bandFor, bandLabel, weakestDimension, standing, change, answersFromEntries, formatScore, sheetFigures,
  };
  root.WorkbookScoring = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis === "object" ? globalThis : this);
