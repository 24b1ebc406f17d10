// The service worker (templates/service-worker.js): its pure routing and cache naming, and the worker
// itself run in a sandbox with an in-memory Cache Storage and a fake network, so install, update,
// take-over and serving are checked without a browser (tests/e2e/test_web_app.py does it in Chromium).
// Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SOURCE = path.join(__dirname, "../../templates/service-worker.js");
const W = require(SOURCE);
const BASE = "https://reader.example/workbook/"; // a site under a sub-path, as on GitHub Pages
const FILES = { "./": "h-home", "exercises/a/": "h-a", "assets/x.js": "h-x" };

// --- pure parts ----------------------------------------------------------------------------------

test("a page is found by the address readers use, whatever its query or fragment", () => {
  assert.deepEqual(W.route(BASE, BASE, FILES, true), { address: "./" });
  assert.deepEqual(W.route(BASE + "index.html", BASE, FILES, true), { address: "./" });
  assert.deepEqual(W.route(BASE + "exercises/a/", BASE, FILES, true), { address: "exercises/a/" });
  assert.deepEqual(W.route(BASE + "exercises/a/index.html", BASE, FILES, true), { address: "exercises/a/" });
  assert.deepEqual(W.route(BASE + "exercises/a/?print=answers#q3", BASE, FILES, true), { address: "exercises/a/" });
  assert.deepEqual(W.route(BASE + "assets/x.js?v=1", BASE, FILES, false), { address: "assets/x.js" });
});

test("a folder asked for without its slash is a redirect, for navigations only", () => {
  assert.deepEqual(W.route(BASE + "exercises/a", BASE, FILES, true), { redirect: BASE + "exercises/a/" });
  assert.equal(W.route(BASE + "exercises/a", BASE, FILES, false), null);
});

test("what is not this site's file is left to the network", () => {
  assert.equal(W.route("https://reader.example/other/", BASE, FILES, true), null); // another site on the host
  assert.equal(W.route("https://reader.example/workbook", BASE, FILES, true), null); // above the scope
  assert.equal(W.route(BASE + "downloads/participant-pack.pdf", BASE, FILES, true), null);
  assert.equal(W.route(BASE + "constructor", BASE, FILES, false), null); // not an inherited property
  assert.equal(W.route("https://elsewhere.example/workbook/", BASE, FILES, true), null);
});

test("only this site's older caches are stale: not another site's on the same host, not the current one", () => {
  const names = [
    W.cacheName(BASE, "v1"),
    W.cacheName(BASE, "v2"),
    W.cacheName("https://reader.example/workbook/fr/", "v1"),
    W.cacheName("https://reader.example/", "v1"),
    "someone-elses-cache",
  ];
  assert.deepEqual(W.staleCaches(names, BASE, "v2"), [W.cacheName(BASE, "v1")]);
});

test("an install downloads only what no older cache holds with the same hash", () => {
  assert.deepEqual(W.toDownload(FILES, { "./": "h-home", "exercises/a/": "old", "gone/": "h" }), ["exercises/a/", "assets/x.js"]);
});

test("runs as a classic script with no module and no DOM or storage access", () => {
  const src = fs.readFileSync(SOURCE, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, "");
  assert.doesNotMatch(src, /\b(document|window|localStorage|sessionStorage|indexedDB|innerHTML|eval)\b/);
});

// --- the worker in a sandbox ---------------------------------------------------------------------

class FakeCache {
  constructor() { this.entries = new Map(); }
  async put(url, response) { this.entries.set(String(url), response.clone()); }
  async match(request) { const r = this.entries.get(typeof request === "string" ? request : request.url); return r && r.clone(); }
  async keys() { return [...this.entries.keys()].map((url) => ({ url })); }
}

class FakeCaches {
  constructor() { this.stores = new Map(); }
  async open(name) { if (!this.stores.has(name)) this.stores.set(name, new FakeCache()); return this.stores.get(name); }
  async keys() { return [...this.stores.keys()]; }
  async delete(name) { return this.stores.delete(name); }
  async match(url, options) { const c = this.stores.get(options.cacheName); return c && c.match(url); }
}

/** The site as the server has it: {address: body}; fetches are recorded. */
function network(site) {
  const fetched = [];
  const fetch = async (request, init) => {
    const url = typeof request === "string" ? request : request.url;
    fetched.push({ url, init });
    const address = url.split("?")[0].slice(BASE.length) || "./";
    if (!(address in site)) return new Response("not found", { status: 404 });
    const type = address.endsWith(".js") ? "text/javascript" : "text/html";
    const headers = { "Content-Type": type, "Content-Length": "999", "Content-Encoding": "gzip", "Content-Security-Policy": "script-src 'self'" };
    return new Response(site[address], { headers });
  };
  return { fetch, fetched };
}

/** Load the worker of one build (`files`: address -> hash) into a sandbox sharing `caches` and `net`. */
function worker(files, version, caches, net) {
  const listeners = {};
  const state = { skipped: false, claimed: false };
  const self = {
    WorkbookPrecache: { version, files },
    location: { href: BASE + "sw.js" },
    addEventListener: (type, fn) => { listeners[type] = fn; },
    skipWaiting: () => { state.skipped = true; },
    clients: { claim: async () => { state.claimed = true; } },
  };
  const context = vm.createContext({ self, caches, fetch: net.fetch, Headers, Response, URL, Promise, Object });
  vm.runInContext(fs.readFileSync(SOURCE, "utf8"), context);
  const lifecycle = async (type, data) => {
    let done;
    listeners[type]({ data, waitUntil: (p) => { done = p; } });
    await done;
  };
  const request = async (url, mode = "no-cors", method = "GET") => {
    let answer = null;
    listeners.fetch({ request: { url, mode, method }, respondWith: (p) => { answer = p; } });
    return answer && (await answer);
  };
  const message = (data) => listeners.message({ data });
  return { lifecycle, request, message, state };
}

const hashes = (site) => Object.fromEntries(Object.entries(site).map(([a, body]) => [a, "h-" + body]));

test("install keeps every file under the address readers use, fetched fresh past any cache", async () => {
  const site = { "./": "home", "exercises/a/": "page a", "assets/x.js": "code" };
  const caches = new FakeCaches();
  const net = network(site);
  const sw = worker(hashes(site), "v1", caches, net);
  await sw.lifecycle("install");
  assert.deepEqual(net.fetched.map((f) => f.url).sort(), [BASE + "?v=h-home", BASE + "assets/x.js?v=h-code", BASE + "exercises/a/?v=h-page a"].sort());
  assert.ok(net.fetched.every((f) => f.init.cache === "no-cache"));
  const cache = caches.stores.get(W.cacheName(BASE, "v1"));
  const page = await cache.match(BASE + "exercises/a/");
  assert.equal(await page.text(), "page a");
  assert.equal(page.headers.get("Content-Type"), "text/html");
  assert.equal(page.headers.get(W.HASH), "h-page a");
  assert.equal(page.headers.get("Content-Encoding"), null); // the stored body is decoded: no header may say otherwise
  assert.equal(page.headers.get("Content-Length"), null);
  assert.equal(page.headers.get("Content-Security-Policy"), "script-src 'self'", "a host's policy holds offline too");
});

test("an update downloads only changed files, waits for the reader, then takes over and deletes only this site's old cache", async () => {
  const caches = new FakeCaches();
  const v1 = { "./": "home", "exercises/a/": "page a", "assets/x.js": "code" };
  const old = worker(hashes(v1), "v1", caches, network(v1));
  await old.lifecycle("install");
  await old.lifecycle("activate");
  await (await caches.open("workbook-precache:https://reader.example/other/:v1")).put("https://reader.example/other/", new Response("x"));

  const v2 = { ...v1, "exercises/a/": "page a, changed", "exercises/b/": "page b" };
  const net = network(v2);
  const next = worker(hashes(v2), "v2", caches, net);
  await next.lifecycle("install");
  assert.deepEqual(net.fetched.map((f) => f.url.split("?")[0]).sort(), [BASE + "exercises/a/", BASE + "exercises/b/"]);
  assert.equal(next.state.skipped, false, "a new version waits: the reader decides when to reload");
  assert.ok(caches.stores.has(W.cacheName(BASE, "v1")), "the old version still serves the open pages");

  next.message({ type: "workbook:activate" });
  assert.equal(next.state.skipped, true);
  await next.lifecycle("activate");
  assert.deepEqual([...caches.stores.keys()].sort(), ["workbook-precache:https://reader.example/other/:v1", W.cacheName(BASE, "v2")]);
  assert.equal(next.state.claimed, true);
  const served = await next.request(BASE + "exercises/a/?print=answers", "navigate");
  assert.equal(await served.text(), "page a, changed");
  assert.equal(await (await next.request(BASE, "navigate")).text(), "home"); // copied from the old cache, not downloaded
});

test("one failed download fails the install, and the next attempt fetches only what is missing", async () => {
  const caches = new FakeCaches();
  const v1 = { "./": "home", "assets/x.js": "code" };
  const old = worker(hashes(v1), "v1", caches, network(v1));
  await old.lifecycle("install");
  await old.lifecycle("activate");

  const v2 = { "./": "home 2", "assets/x.js": "code 2", "exercises/b/": "page b" };
  const halfDeployed = { "./": "home 2", "assets/x.js": "code 2" }; // the host has not got every file yet
  const first = worker(hashes(v2), "v2", caches, network(halfDeployed));
  await assert.rejects(first.lifecycle("install"), /exercises\/b\/ offline: 404/);
  assert.ok(caches.stores.has(W.cacheName(BASE, "v1")), "the complete old version stays");

  const net = network(v2);
  const second = worker(hashes(v2), "v2", caches, net);
  await second.lifecycle("install");
  assert.deepEqual(net.fetched.map((f) => f.url.split("?")[0]), [BASE + "exercises/b/"]);
});

test("serving: cached files from the cache, a folder without its slash redirected, the rest left alone", async () => {
  const site = { "./": "home", "exercises/a/": "page a" };
  const caches = new FakeCaches();
  const net = network(site);
  const sw = worker(hashes(site), "v1", caches, net);
  await sw.lifecycle("install");
  net.fetched.length = 0;
  assert.equal(await (await sw.request(BASE + "exercises/a/index.html", "navigate")).text(), "page a");
  const redirect = await sw.request(BASE + "exercises/a", "navigate");
  assert.equal(redirect.status, 301);
  assert.equal(redirect.headers.get("Location"), BASE + "exercises/a/");
  assert.equal(await sw.request(BASE + "downloads/pack.pdf", "navigate"), null);
  assert.equal(await sw.request(BASE + "exercises/a/", "cors", "POST"), null);
  assert.deepEqual(net.fetched, [], "nothing cached was fetched");

  await caches.delete(W.cacheName(BASE, "v1")); // the browser freed space: the network still answers
  assert.equal(await (await sw.request(BASE + "exercises/a/", "navigate")).text(), "page a");
});
