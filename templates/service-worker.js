/* The service worker: the whole site kept in the browser, so the workbook opens offline, pages never
   visited included. The build (generator/precache.py) writes sw.js at the site root: this code, after
   `self.WorkbookPrecache = {version, files: {address: hash}}`. A classic script; node require()s the
   pure part (no `self`), tested in tests/js/service-worker.test.js.

   How a new build arrives: any changed file changes its hash, so sw.js changes; the browser checks
   sw.js on each visit and installs the new worker beside the old one. Installing fills a new cache
   (named after the build's version) and copies files whose hash did not change from the old cache, so
   an update downloads only what changed; one failed download fails the install, and the old worker
   and its complete cache stay. The new worker then waits until the page's "Reload" (web-app.js) asks
   it to take over, or until every tab of the site is closed. Taking over deletes this site's older
   caches. It never touches localStorage, where the answers are: a worker cannot even reach it. */
(function () {
  "use strict";

  const PREFIX = "workbook-precache:"; // + the site's address + ":" + the build's version
  const HASH = "X-Workbook-Hash"; // on every cached copy: what it was fetched as, so an update can reuse it
  const TRANSFER = ["Content-Encoding", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive"];

  /** The cache of one build of the site at `base`: sites under one host (GitHub Pages' /a/ and /b/) share Cache Storage. */
  function cacheName(base, version) {
    return PREFIX + base + ":" + version;
  }

  /** This site's caches other than the current build's; another site's caches under the same host are not ours. */
  function staleCaches(names, base, version) {
    const mine = PREFIX + base + ":";
    return names.filter((name) => name.startsWith(mine) && name !== cacheName(base, version));
  }

  const has = (files, address) => Object.prototype.hasOwnProperty.call(files, address);

  /** What the worker does with a request for `url`: {address} of the cached file that answers it,
      {redirect} to the folder's address when a folder was asked for without its slash (navigations only),
      or null: not this site's file, so the network answers as if there were no worker. A query or
      fragment never changes a static file (`?print=answers`, Material's `?h=` search highlight). */
  function route(url, base, files, navigate) {
    const path = url.split("#")[0].split("?")[0];
    if (!path.startsWith(base)) return null;
    let address = path.slice(base.length);
    if (address === "" || address === "index.html") address = "./";
    else if (address.endsWith("/index.html")) address = address.slice(0, -"index.html".length);
    if (has(files, address)) return { address };
    if (navigate && has(files, address + "/")) return { redirect: base + address + "/" };
    return null;
  }

  /** Which addresses an install must download: those no older cache holds with the same hash. */
  function toDownload(files, cachedHashes) {
    return Object.keys(files).filter((address) => cachedHashes[address] !== files[address]);
  }

  /** The address (relative to `base`) a cached copy was stored under, or null for another site's. */
  function addressOf(url, base) {
    return url.startsWith(base) ? url.slice(base.length) || "./" : null;
  }

  const api = { PREFIX, HASH, cacheName, staleCaches, route, toDownload, addressOf };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }

  // --- the worker ----------------------------------------------------------------------------------
  const { version, files } = self.WorkbookPrecache;
  const base = new URL("./", self.location.href).href;
  const current = cacheName(base, version);
  const urlOf = (address) => new URL(address, base).href;

  /** A copy of `response` to keep, with the hash it was fetched as. Its headers stay (a host's own
      security headers, a Content-Security-Policy among them, must hold offline too) but for those about
      the transfer, which no longer describe the stored, decoded body; a redirect is dropped too, as
      browsers refuse to show a redirected response as a page. */
  async function keepable(response, hash) {
    const headers = new Headers(response.headers);
    for (const name of TRANSFER) headers.delete(name);
    headers.set(HASH, hash);
    return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
  }

  /** The hash and copy of every file an older cache of this site holds (the newest copy wins). */
  async function reusable() {
    const found = {};
    for (const name of staleCaches(await caches.keys(), base, version)) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const address = addressOf(request.url, base);
        if (address === null || !has(files, address)) continue;
        const response = await cache.match(request);
        if (response && response.headers.get(HASH) === files[address]) found[address] = response;
      }
    }
    return found;
  }

  async function install() {
    const cache = await caches.open(current);
    const already = {};
    for (const request of await cache.keys()) { // an install that stopped half-way: keep what it got
      const response = await cache.match(request);
      const address = addressOf(request.url, base);
      if (response && address !== null) already[address] = response.headers.get(HASH);
    }
    const old = await reusable();
    await Promise.all(Object.keys(old).filter((a) => already[a] !== files[a]).map((a) => cache.put(urlOf(a), old[a])));
    for (const a of Object.keys(old)) already[a] = files[a];
    await Promise.all(toDownload(files, already).map(async (address) => {
      // The hash in the query passes any cache between here and the files (a CDN, the browser's own):
      // static hosts ignore queries, so it is the same file, fetched fresh.
      const response = await fetch(urlOf(address) + "?v=" + files[address], { cache: "no-cache", credentials: "same-origin" });
      if (!response.ok) throw new Error("could not keep " + address + " offline: " + response.status);
      await cache.put(urlOf(address), await keepable(response, files[address]));
    }));
  }

  self.addEventListener("install", (event) => {
    event.waitUntil(install());
  });

  self.addEventListener("activate", (event) => {
    event.waitUntil((async () => {
      await Promise.all(staleCaches(await caches.keys(), base, version).map((name) => caches.delete(name)));
      await self.clients.claim(); // the first visit's page is served offline too, without a reload
    })());
  });

  // web-app.js's "Reload" button: the reader agreed, so this waiting worker takes over now.
  self.addEventListener("message", (event) => {
    if (event.data && event.data.type === "workbook:activate") self.skipWaiting();
  });

  self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") return;
    const found = route(request.url, base, files, request.mode === "navigate");
    if (!found) return;
    if (found.redirect) {
      event.respondWith(Response.redirect(found.redirect, 301));
      return;
    }
    event.respondWith((async () => {
      const cached = await caches.match(urlOf(found.address), { cacheName: current });
      // A cache the browser cleared under storage pressure: the network still answers.
      return cached || fetch(request);
    })());
  });
})();
