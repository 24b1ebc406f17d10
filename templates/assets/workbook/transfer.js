/* My workbook's "Move your answers to another device" by link: makes the link (transfer-link.js) and
   its QR code (qr.js) from the same backup the export file holds (WorkbookMy.exportData), and reads a
   link the page was opened with into the import preview (WorkbookMy.preview): nothing is written
   without the reader's yes. The fragment leaves the address bar as soon as it is read.
   Loaded only by My workbook; text goes in through textContent. */
(function () {
  "use strict";
  // Instant navigation runs this file again each time the page is shown: hydrate, do not re-subscribe.
  if (globalThis.WorkbookTransfer) return void globalThis.WorkbookTransfer.hydrate();
  const doc = document;
  // The most a QR code holds (version 40, level L, byte mode). Screens show such a code sharply enough
  // for a phone's camera; print or a smaller screen may need the link itself, which is always shown.
  const QR_MAX = 2953;

  function hydrate() {
    const W = globalThis.WorkbookWidget;
    const My = globalThis.WorkbookMy;
    const L = globalThis.WorkbookTransferLink;
    const Q = globalThis.WorkbookQR;
    const box = doc.querySelector("[data-my-link]:not([data-wb-ready])");
    // Every part may arrive in any order under instant navigation; the last one to run gets here.
    if (!box || !W || !My || !My.exportData || !L || !Q || !("my.link-label" in W.STR)) return;
    if (!doc.querySelector("[data-wb-my][data-wb-ready]")) return; // My workbook calls back once it is ready
    box.setAttribute("data-wb-ready", "");
    const { el, t } = W;
    const say = (text) => { doc.querySelector("[data-my-status]").textContent = text; };
    const out = box.querySelector("[data-my-link-out]");
    const make = box.querySelector("[data-my-link-make]");
    box.hidden = false;

    make.addEventListener("click", async () => {
      if (location.protocol === "file:") return say(t("my.link-offline"));
      if (!L.supported()) return say(t("my.link-unsupported"));
      const data = My.exportData();
      if (!Object.keys(data.exercises).length && !Object.values(data.history || {}).some((r) => r.length)) return say(t("my.link-nothing"));
      make.disabled = true;
      try {
        show(await L.encodeLink(data, location.origin + location.pathname));
      } catch (e) {
        say(t("my.link-failed"));
      } finally {
        make.disabled = false;
      }
    });

    function show(link) {
      const field = el("textarea", { id: "wb-transfer-link", class: "wb-link__text", rows: "3", readonly: "", spellcheck: "false" });
      field.value = link;
      const copy = el("button", { type: "button", class: "md-button wb-button" }, t("my.link-copy"));
      copy.addEventListener("click", () => {
        field.select();
        const done = () => say(t("my.link-copied"));
        const cannot = () => say(t("my.link-copy-yourself"));
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(link).then(done, cannot);
        else cannot();
      });
      const bytes = new TextEncoder().encode(link);
      const code = bytes.length <= QR_MAX ? Q.encode(bytes, { level: "L" }) : null;
      out.replaceChildren(el("div", { class: "wb-link" },
        el("p", { class: "wb-link__warning" }, el("strong", null, t("my.link-private-title")), " ", t("my.link-private")),
        el("label", { for: "wb-transfer-link" }, t("my.link-label")), field,
        el("div", { class: "wb-actions" }, copy),
        code ? figure(code, el) : el("p", null, t("my.link-too-big", { size: bytes.length, max: QR_MAX }))));
      say(t(code ? "my.link-ready-qr" : "my.link-ready"));
      field.focus();
      field.select();
    }

    function figure(code, el) {
      const n = code.size + 8; // 4 modules of quiet zone on each side
      const svg = el("svg:svg", { viewBox: "0 0 " + n + " " + n, class: "wb-link__qr", role: "img", "aria-label": t("my.link-qr-alt"), "shape-rendering": "crispEdges" },
        el("svg:rect", { width: n, height: n, fill: "#fff" }), el("svg:path", { d: Q.path(code.modules, 4), fill: "#000" }));
      // Four pixels a module, as wide as the column allows: a large code stays readable by a camera.
      svg.style.width = n * 4 + "px";
      return el("figure", { class: "wb-link__figure" }, svg, el("figcaption", null, t("my.link-qr-caption")));
    }

    if (L.isTransfer(location.hash)) read(location.hash);

    /** A link this page was opened with: out of the address bar and history first, then into the preview. */
    async function read(hash) {
      history.replaceState(history.state, "", location.pathname + location.search);
      const preview = doc.querySelector("[data-my-preview]");
      const refuse = (code) => {
        preview.replaceChildren(el("div", { class: "wb-errors", role: "alert" },
          el("p", null, t("my.link-invalid")), el("p", null, t("my.link-error-" + code))));
      };
      if (!L.supported()) return refuse("unsupported");
      const r = await L.decodeFragment(hash);
      if (!r.ok) return refuse(r.code);
      preview.scrollIntoView({ block: "start" });
      My.preview({ name: t("my.link-name"), text: () => Promise.resolve(r.json) });
    }
  }

  globalThis.WorkbookTransfer = { hydrate };
  const d$ = globalThis.document$;
  if (d$ && typeof d$.subscribe === "function") d$.subscribe(hydrate);
  else if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", hydrate);
  else hydrate();
})();
