/* The installable web app, on the page's side. Classic script, no dependencies.
 *
 * - Registers the service worker the build writes at the site root (sw.js, templates/service-worker.js),
 *   found beside the web app manifest the build links from every page (generator/web_app.py). The
 *   offline copy opened from disk (file://) and the live preview link no manifest, so they register nothing.
 * - Says when a new version of the workbook is ready: the browser found a changed sw.js on this visit
 *   and installed it beside the one serving the page. A polite live region (on the page from the
 *   start, so screen readers hear it fill) with "Reload" and "Not now". Reload lets the new worker
 *   take over, then reloads. Answers stay in localStorage, which neither the worker nor an update
 *   touches; "Not now" leaves the new version for the next visit after every tab is closed.
 * - Wording from the strings table (`app.` ids), read through WorkbookWidget.t.
 */
(function () {
  "use strict";

  // Instant navigation may run the page's scripts again: one registration and one notice per page load.
  if (globalThis.WorkbookApp) return;
  globalThis.WorkbookApp = {};
  const doc = document;
  const manifest = doc.querySelector('link[rel="manifest"]');
  if (!manifest || !("serviceWorker" in navigator) || !/^https?:$/.test(window.location.protocol)) return;

  const HOUR = 3600 * 1000;
  const workers = navigator.serviceWorker;
  const hadController = Boolean(workers.controller);
  let waiting = null; // the new version's worker, installed and waiting for the reader's "Reload"
  let reloading = false;
  let notice = null;

  const t = (key) => {
    const widget = globalThis.WorkbookWidget;
    if (widget) return widget.t(key);
    const table = globalThis.WorkbookStrings || {};
    return table[key] == null ? key : String(table[key]);
  };

  function button(text, primary, onClick) {
    const b = doc.createElement("button");
    b.type = "button";
    b.className = "md-button wb-button" + (primary ? " md-button--primary" : "");
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  /** The notice, empty and out of sight until there is news: a live region must exist before it speaks. */
  function makeNotice() {
    const root = doc.createElement("div");
    root.className = "wb-update md-typeset";
    const text = doc.createElement("p");
    text.className = "wb-update__text";
    text.setAttribute("role", "status");
    text.setAttribute("aria-live", "polite");
    const actions = doc.createElement("div");
    actions.className = "wb-update__actions";
    actions.hidden = true;
    actions.append(button(t("app.update-reload"), true, reload), button(t("app.update-later"), false, hide));
    root.append(text, actions);
    doc.body.append(root);
    return { root, text, actions };
  }

  function show() {
    notice.root.classList.add("wb-update--ready");
    notice.actions.hidden = false;
    notice.text.textContent = t("app.update-ready");
  }

  function hide() {
    notice.root.classList.remove("wb-update--ready");
    notice.actions.hidden = true;
    notice.text.textContent = "";
  }

  function reload() {
    if (waiting) {
      reloading = true; // reload once the new worker controls this page (controllerchange)
      waiting.postMessage({ type: "workbook:activate" });
    } else {
      window.location.reload(); // another tab already let the new version in
    }
  }

  function ready(worker) {
    waiting = worker;
    show();
  }

  /** Once `worker` (a new version being installed) is ready, say so. */
  function track(worker) {
    if (!worker) return;
    worker.addEventListener("statechange", () => {
      // Without a controller this is the first install: the site was not on this device before, nothing is new.
      if (worker.state === "installed" && workers.controller) ready(worker);
    });
  }

  /** Hear of a new version: one already waiting from an earlier visit, one the browser began installing
      before this script asked (its `updatefound` has passed), or one found from now on. */
  function watch(registration) {
    if (registration.waiting && hadController) ready(registration.waiting);
    track(registration.installing);
    registration.addEventListener("updatefound", () => track(registration.installing));
    // Look for a new build now: the browser's own check after a navigation comes later, or not at all
    // while instant navigation swaps pages. An unchanged sw.js costs one small request.
    if (hadController && !registration.installing && !registration.waiting) registration.update().catch(() => {});
    // An installed web app is resumed more often than reloaded: look for a new version on return, hourly at most.
    let checked = Date.now();
    doc.addEventListener("visibilitychange", () => {
      if (doc.visibilityState !== "visible" || Date.now() - checked < HOUR) return;
      checked = Date.now();
      registration.update().catch(() => {}); // offline: the next return tries again
    });
  }

  function start() {
    notice = makeNotice();
    workers.addEventListener("controllerchange", () => {
      if (reloading) window.location.reload();
      else if (hadController) show(); // the reader let the new version in from another tab
    });
    // The worker's scope is its folder, the site root: every page of the site, under any sub-path.
    workers.register(new URL("sw.js", manifest.href).href).then(watch, () => {
      // Not registered (a private window, storage refused): the site works as it does without a worker.
    });
  }

  // After the page has loaded, so keeping the site offline never slows the first visit's page down.
  if (doc.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
})();
