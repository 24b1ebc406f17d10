/* Printing worksheets. Classic script, no dependencies; print.css does the layout.
 *
 * - Buttons `[data-wb-print="blank"]` and `[data-wb-print="answers"]` (hidden in the markup, shown
 *   here, so they never appear where they cannot work).
 * - "Print blank" sets `wb-print-blank` on <html>, which makes print.css hide entered values,
 *   checked states and results; it is removed after printing.
 * - "Print with my answers" prints the live form: the widget has already restored the answers, and
 *   each time the widget scores (`workbook:scored`) the printed scoring grid's boxes are filled in.
 * - A page opened as `exercises/<id>/?print=answers` (linked from My workbook) prints once the
 *   widget says it has restored the answers (the `workbook:restored` event on the form), then
 *   drops the parameter so a reload does not print again.
 */
(function () {
  "use strict";

  var BLANK = "wb-print-blank";
  var WAIT_MS = 4000; // print anyway if the widget never reports (no script, or nothing saved)
  var restored = typeof WeakSet === "function" ? new WeakSet() : null;
  var pending = null; // the form whose restore a ?print=answers link is waiting for

  function print(blank) {
    document.documentElement.classList.toggle(BLANK, blank);
    window.print();
  }

  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove(BLANK);
  });

  function printRestored() {
    pending = null;
    var url = new URL(window.location.href);
    url.searchParams.delete("print");
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
    // Let the widget finish painting answers and results before the page is laid out for paper.
    window.setTimeout(function () { print(false); }, 50);
  }

  /** A figure as the page's language writes it ("3,2" and "72 %" on a Spanish page), the same digits:
      the printed key beside it is written that way by the build. Anything else as it is. */
  function localFigure(text) {
    var lang = document.documentElement.lang;
    var m = /^(-?\d+)(?:\.(\d+))?(%?)$/.exec(text);
    if (!m || !lang || typeof Intl === "undefined") return text;
    var digits = m[2] ? m[2].length : 0;
    var x = Number(m[1] + "." + (m[2] || "0"));
    try {
      return m[3]
        ? new Intl.NumberFormat(lang, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x / 100)
        : new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(x);
    } catch (e) { return text; }
  }

  /** Fill the printed scoring grid's boxes (`data-wb-fill`) and mark its bands (`data-wb-band`) with the
      numbers the widget shows, worked out by scoring.js from the form's answers; blank printing hides them. */
  function fillSheet(form) {
    var S = window.WorkbookScoring;
    if (!S || !form || !form.querySelector || !form.querySelector("[data-wb-fill]")) return;
    var holder = form.querySelector("template[data-wb-spec]");
    var source = holder && holder.content.querySelector(".wb-spec");
    var spec;
    try { spec = JSON.parse(source.textContent); } catch (e) { return; }
    var entries = Array.from(new FormData(form)).filter(function (pair) { return typeof pair[1] === "string"; });
    var figures = S.sheetFigures(spec, S.answersFromEntries(spec, entries));
    Array.prototype.forEach.call(form.querySelectorAll("[data-wb-fill]"), function (box) {
      box.textContent = localFigure(figures.boxes[box.getAttribute("data-wb-fill")] || "");
    });
    Array.prototype.forEach.call(form.querySelectorAll("[data-wb-band]"), function (box) {
      var at = box.getAttribute("data-wb-band").split(":");
      box.classList.toggle("wb-box--checked", figures.bands[at[0]] === Number(at[1]));
    });
  }
  document.addEventListener("workbook:scored", function (event) { fillSheet(event.target); }, true);

  // Capture phase on document: heard even if the widget's event does not bubble, whenever it fires.
  document.addEventListener("workbook:restored", function (event) {
    if (restored) restored.add(event.target);
    if (pending && event.target === pending) printRestored();
  }, true);

  function init() {
    var buttons = document.querySelectorAll("[data-wb-print]");
    Array.prototype.forEach.call(buttons, function (button) {
      if (button.hasAttribute("data-wb-print-ready")) return;
      button.setAttribute("data-wb-print-ready", "");
      button.hidden = false;
      button.addEventListener("click", function () {
        print(button.getAttribute("data-wb-print") === "blank");
      });
    });

    var form = document.querySelector("form.wb-exercise");
    var wanted = new URLSearchParams(window.location.search).get("print") === "answers";
    if (!form || !wanted || pending === form) return;
    if (restored && restored.has(form)) {
      printRestored();
      return;
    }
    pending = form;
    window.setTimeout(function () {
      if (pending === form) printRestored();
    }, WAIT_MS);
  }

  // Material's instant navigation swaps pages without a reload; document$ tells us each time.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
