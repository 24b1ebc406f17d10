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
  const maxRows = (t) => (t.fixed_rows ? t.rows : t.max_rows) || 200;

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

  /** Per dimension id: {parts: [{item, value, low, high, weight}], missing: [item id], ratio: [numerator, denominator]}. */
  function contributions(spec, answers) {
    const ok = reconcile(spec, answers);
    const a = (id) => (own(ok, id) ? ok[id] : undefined);
    const by = Object.create(null);
    const dims = list(spec, "dimensions");
    for (const d of dims) by[d.id] = { parts: [], missing: [] };
    const dimOf = (id) => (id == null ? undefined : by[id]);
    const add = (d, item, value, low, high, weight = 1) => d.parts.push({ item, value, low, high, weight });
    for (const it of list(spec, "items")) {
      const v = a(it.id);
      const d = dimOf(it.dimension);
      const vals = list(it, "values").map(num);
      if (it.type === "table") {
        for (const c of list(it, "columns")) {
          const cd = dimOf(c.dimension);
          if (!cd || c.type === "text") continue;
          const cv = list(c, "values").map(num);
          const got = (v || []).map((r) => r[c.id]).filter((x) => x !== undefined);
          if (c.score === "distinct") add(cd, it.id, new Set(got).size, 0, cv.length, c.weight);
          else for (const x of got) {
            if (c.type === "choice") add(cd, it.id, cv[x], Math.min(...cv), Math.max(...cv), c.weight);
            else add(cd, it.id, x, c.min, c.max, c.weight);
          }
        }
      } else if (!d) continue;
      else if (it.type === "checklist") add(d, it.id, total(v || [], (i) => vals[i]), 0, total(vals), it.weight);
      else if (v === undefined) d.missing.push(it.id);
      else if (it.type === "likert") add(d, it.id, it.reverse ? it.min + it.max - v : v, it.min, it.max, it.weight);
      else if (it.type === "choice") add(d, it.id, vals[v], Math.min(...vals), Math.max(...vals), it.weight);
      else if (it.type === "number") add(d, it.id, v, it.min, it.max, it.weight);
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

  /** {dimensions: [entry], overall: entry|null, missingCount}; entries also carry id, label, aggregate, range. */
  function scoreExercise(spec, answers) {
    const by = contributions(spec, answers);
    const head = (x) => ({ id: x.id || "_overall", label: x.label || "", aggregate: x.aggregate || "mean", range: x.range || null });
    const dimensions = list(spec, "dimensions").map((d) => entry(head(d), by[d.id].missing, aggregate(d, by[d.id]), d.bands));
    const missingOf = (ds) => uniq(ds.flatMap((d) => by[d.id].missing));
    const o = spec && spec.overall;
    let overall = null;
    if (o) {
      const ds = list(o, "of").length ? o.of.map((id) => dimensions.find((d) => d.id === id)).filter(Boolean) : dimensions;
      const s = ds.map((d) => d.score);
      const pair = s.some((x) => x == null) ? [null, "undefined-dimension"]
        : !s.length ? [null, "no-dimensions"]
        : o.aggregate === "sum" ? [total(s)]
        : o.aggregate === "min" ? [Math.min(...s)]
        : o.aggregate === "difference" ? [s.length > 1 ? s[0] - s[1] : null, "no-dimensions"]
        : [total(s) / s.length];
      overall = entry(head(o), missingOf(ds), pair, o.bands);
    }
    return { dimensions, overall, missingCount: missingOf(dimensions).length };
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

  /** Id of the complete dimension lowest within its own range (first declared wins ties), or null. */
  function weakestDimension(result) {
    let best = null;
    let pos = Infinity;
    for (const d of list(result, "dimensions")) {
      const [lo, hi] = d.range || [];
      if (!d.complete || d.score == null || !fin(lo) || !fin(hi) || hi <= lo) continue;
      const p = round6((d.score - lo) / (hi - lo));
      if (p < pos) [best, pos] = [d.id, p];
    }
    return best;
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

  /** A score as shown: percentage "72%", mean and ratio one decimal, otherwise whole or one decimal; null "". */
  function formatScore(score, aggregate) {
    if (score == null || !fin(score)) return "";
    if (aggregate === "percentage") return (Math.round(score) || 0) + "%";
    const r = Math.round(score * 10) / 10 || 0;
    return aggregate === "mean" || aggregate === "ratio" || !isInt(r) ? r.toFixed(1) : String(r);
  }

  const api = {
    reconcile, contributions, scoreExercise, bandFor, bandLabel, weakestDimension, answersFromEntries, formatScore,
  };
  root.WorkbookScoring = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis === "object" ? globalThis : this);
