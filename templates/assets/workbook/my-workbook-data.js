/* Pure logic of the My workbook page (no DOM; my-workbook.js is the glue): the quarterly reminder as an
   RFC 5545 calendar, and the export file's validation and import preview. Kept out of scoring.js so
   worksheet pages do not load it. A classic script; node require()s it. */
(function (root) {
  "use strict";

  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const list = (o, k) => (o && Array.isArray(o[k]) ? o[k] : []);

  const pad = (n) => String(n).padStart(2, "0");
  const icsText = (s) => String(s == null ? "" : s).replace(/[\\;,]/g, "\\$&").replace(/\r\n?|\n/g, "\\n");

  /** One content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
  function foldLine(line) {
    let out = "";
    let n = 0;
    for (const ch of line) {
      const c = ch.codePointAt(0);
      const b = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (n + b > 75) [out, n] = [out + "\r\n ", 1];
      out += ch;
      n += b;
    }
    return out;
  }

  /** RFC 5545 calendar: an all-day event on start's local date, with a 9:00 alarm, repeating every
      `every` months (0: once). */
  function buildIcs({ title, description, start, uid, now, every = 3 }) {
    // Days 29-31 are missing from some months and RRULE would skip those quarters, so cap at the 28th.
    const date = "" + start.getFullYear() + pad(start.getMonth() + 1) + pad(every ? Math.min(start.getDate(), 28) : start.getDate());
    return [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//career-workbook//check-in-reminder//EN", "CALSCALE:GREGORIAN",
      "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + now.toISOString().replace(/[-:]|\.\d+/g, ""),
      "DTSTART;VALUE=DATE:" + date, ...(every ? ["RRULE:FREQ=MONTHLY;INTERVAL=" + every] : []),
      "SUMMARY:" + icsText(title), "DESCRIPTION:" + icsText(description),
      "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + icsText(title), "TRIGGER:PT9H", "END:VALARM",
      "END:VEVENT", "END:VCALENDAR",
    ].map(foldLine).join("\r\n") + "\r\n";
  }

  const EXPORT_FORMAT = "career-workbook";

  /** {ok, errors} of an import: {format, version: 2, exercises: {id: {version?, answers}}, history?: {id: [result]}}
      (history.js's dated results), or an older version 1 file with checkins?: [{date, scores}] instead of history.
      Each error is {path, code} (and `expected` where it says what was expected); the page words it
      through the strings table as "my.import-error-" + code, so no wording lives here. */
  function validateExport(obj) {
    const errors = [];
    const err = (path, code, expected) => errors.push(expected === undefined ? { path, code } : { path, code, expected });
    if (!isObj(obj)) return { ok: false, errors: [{ path: "file", code: "not-export" }] };
    if (obj.format !== EXPORT_FORMAT) err("format", "format", EXPORT_FORMAT);
    if (obj.version !== 1 && obj.version !== 2) err("version", "version", 2);
    if (!isObj(obj.exercises)) err("exercises", "exercises");
    else for (const [id, e] of Object.entries(obj.exercises)) {
      const p = "exercises." + id;
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) err(p, "exercise-id");
      else if (!isObj(e) || !isObj(e.answers)) err(p + ".answers", "answers");
      else if (e.version !== undefined && typeof e.version !== "string") err(p + ".version", "text");
    }
    if (obj.checkins !== undefined && !Array.isArray(obj.checkins)) err("checkins", "list");
    else list(obj, "checkins").forEach((c, i) => {
      if (!isObj(c) || typeof c.date !== "string" || isNaN(Date.parse(c.date))) err("checkins[" + i + "].date", "date");
    });
    if (obj.history !== undefined && !isObj(obj.history)) err("history", "history");
    else for (const [id, l] of Object.entries(obj.history || {})) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) err("history." + id, "exercise-id");
      else if (!Array.isArray(l)) err("history." + id, "list");
      else l.forEach((r, i) => {
        if (!isObj(r) || typeof r.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(r.date) || isNaN(Date.parse(r.date))) err("history." + id + "[" + i + "].date", "date");
        else if (!isObj(r.scores)) err("history." + id + "[" + i + "].scores", "scores");
      });
    }
    return { ok: !errors.length, errors };
  }

  // Key-order-independent JSON, so equal answers compare equal however they were stored.
  const stable = (v) => Array.isArray(v) ? "[" + v.map(stable) + "]"
    : isObj(v) ? "{" + Object.keys(v).sort().map((k) => JSON.stringify(k) + ":" + stable(v[k])) + "}" : JSON.stringify(v);

  /** What an import would do: exercise ids {added, changed, unchanged} (others are kept) and newCheckins. */
  function diffImport(current, incoming) {
    const exercises = (o) => (isObj(o) && isObj(o.exercises) ? o.exercises : {});
    const cur = exercises(current);
    const out = { added: [], changed: [], unchanged: [], newCheckins: 0 };
    for (const [id, e] of Object.entries(exercises(incoming))) {
      const a = own(cur, id) && cur[id];
      out[!isObj(a) ? "added" : stable(a.answers) === stable(isObj(e) && e.answers) ? "unchanged" : "changed"].push(id);
    }
    const seen = new Set(list(current, "checkins").map(stable));
    out.newCheckins = list(incoming, "checkins").filter((c) => !seen.has(stable(c))).length;
    return out;
  }

  const api = { foldLine, buildIcs, validateExport, diffImport, EXPORT_FORMAT };
  root.WorkbookData = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis === "object" ? globalThis : this);
