// Unit tests of the language selector's counterpart addresses (templates/assets/workbook/languages.js).
// Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SOURCE = path.join(__dirname, "../../templates/assets/workbook/languages.js");
const L = require(SOURCE);

test("runs as a classic script without a DOM, defining globalThis.WorkbookLanguages", () => {
  const context = vm.createContext({ URL });
  vm.runInContext(fs.readFileSync(SOURCE, "utf8"), context);
  assert.equal(typeof context.WorkbookLanguages.counterpart, "function");
});

test("the same page under the other language's home, both ways, without the fragment (anchors differ)", () => {
  const en = "https://you.github.io/workbook/";
  const es = "https://you.github.io/workbook/es/";
  assert.equal(L.counterpart(en + "exercises/network-map/#instructions", en, es), es + "exercises/network-map/");
  assert.equal(L.counterpart(es + "exercises/network-map/", es, en), en + "exercises/network-map/");
  assert.equal(L.counterpart(en, en, es), es);
  assert.equal(L.counterpart(es, es, es), es);
});

test("file URLs of the offline copy", () => {
  const en = "file:///home/me/workbook-offline/index.html";
  const es = "file:///home/me/workbook-offline/es/index.html";
  // the homes as the head links them: folders, resolved against the page
  assert.equal(
    L.counterpart("file:///home/me/workbook-offline/es/sources/a.html", new URL("./", es).href, new URL("./", en).href),
    "file:///home/me/workbook-offline/sources/a.html",
  );
});

test("a page outside its own home leads to the other home", () => {
  assert.equal(L.counterpart("http://127.0.0.1:8000/elsewhere/", "http://127.0.0.1:8000/es/", "http://127.0.0.1:8000/"), "http://127.0.0.1:8000/");
  assert.equal(L.counterpart("http://other.example/es/x/", "http://127.0.0.1:8000/es/", "http://127.0.0.1:8000/"), "http://127.0.0.1:8000/");
});
