// Unit tests of the transfer link's codec (templates/assets/workbook/transfer-link.js): a backup goes
// into a URL fragment and comes back equal; a damaged, cut or foreign link is refused with a code.
// Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SOURCE = path.join(__dirname, "../../templates/assets/workbook/transfer-link.js");
const L = require(SOURCE);
const PAGE = "https://example.org/workbook/my-workbook/";

const BACKUP = {
  format: "career-workbook",
  version: 1,
  exported: "2026-03-01T10:00:00.000Z",
  exercises: {
    "employment-security-hierarchy": { version: "3f2a9c1e", saved: "2026-02-27T09:00:00.000Z", answers: { q1: 4, q2: 2, notes: "Zoë’s “plan” </script> ✓" } },
    "network-map": { version: "aa", answers: { people: [{ name: "Ada", circle: 1 }, {}, { name: "Grace", circle: 2 }] } },
  },
  checkins: [{ date: "2026-01-01T09:00:00.000Z", scores: { "employment-security-hierarchy": { skills: 3.5, _overall: 3.2 } } }],
};

test("runs as a classic script with no module and no DOM, defining globalThis.WorkbookTransferLink", () => {
  const src = fs.readFileSync(SOURCE, "utf8");
  const context = vm.createContext({});
  vm.runInContext(src, context);
  assert.equal(typeof context.WorkbookTransferLink.encodeLink, "function");
  assert.doesNotMatch(src.replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, ""), /\b(document|window|localStorage|innerHTML|eval)\b/);
});

test("a backup goes into the fragment of the page's address and comes back equal", async () => {
  assert.ok(L.supported());
  const link = await L.encodeLink(BACKUP, PAGE);
  assert.ok(link.startsWith(PAGE + "#transfer=1."));
  const fragment = new URL(link).hash;
  assert.match(fragment, /^#transfer=1\.[A-Za-z0-9_-]+$/, "only URL-safe characters, nothing to escape");
  assert.ok(L.isTransfer(fragment));
  const back = await L.decodeFragment(fragment);
  assert.equal(back.ok, true);
  assert.deepEqual(back.data, BACKUP);
});

test("compression makes a typical backup smaller than its JSON", async () => {
  const big = structuredClone(BACKUP);
  for (let i = 0; i < 40; i++) big.exercises["network-map"].answers.people.push({ name: "Contact " + i, circle: i % 3 });
  const link = await L.encodeLink(big, PAGE);
  assert.ok(L.byteLength(link) < JSON.stringify(big).length / 2, `${L.byteLength(link)} bytes`);
});

test("a link cut short anywhere, or changed, is refused as damaged", async () => {
  const fragment = new URL(await L.encodeLink(BACKUP, PAGE)).hash;
  for (const cut of [fragment.length - 1, fragment.length - 5, Math.floor(fragment.length / 2), "#transfer=1.".length + 2]) {
    const r = await L.decodeFragment(fragment.slice(0, cut));
    assert.equal(r.ok, false, `cut at ${cut}`);
    assert.ok(["damaged", "not-json"].includes(r.code), r.code);
  }
  assert.deepEqual(await L.decodeFragment("#transfer=1.not*base64"), { ok: false, code: "damaged" });
  assert.deepEqual(await L.decodeFragment("#transfer=1."), { ok: false, code: "damaged" });
  assert.deepEqual(await L.decodeFragment("#transfer="), { ok: false, code: "damaged" });
  assert.deepEqual(await L.decodeFragment("#transfer=x.abc"), { ok: false, code: "damaged" });
});

test("a link from a newer format says so instead of guessing", async () => {
  assert.deepEqual(await L.decodeFragment("#transfer=2.abcd"), { ok: false, code: "version" });
});

test("compressed text that is not JSON is refused as not-json", async () => {
  const packed = await new Response(new Blob([new TextEncoder().encode("hello, not json")]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer();
  assert.deepEqual(await L.decodeFragment("#transfer=1." + L.base64url(new Uint8Array(packed))), { ok: false, code: "not-json" });
});

test("a link that would inflate beyond the limit is refused without filling memory", async () => {
  const zeros = new Uint8Array(30000000); // 30 MB of zeros deflate to a few kB
  const packed = await new Response(new Blob([zeros]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer();
  assert.deepEqual(await L.decodeFragment("#transfer=1." + L.base64url(new Uint8Array(packed))), { ok: false, code: "too-large" });
});

test("other fragments are not transfer links", () => {
  for (const h of ["", "#", "#check-ins", "#transfers", "#x-transfer=1.abc"]) assert.equal(L.isTransfer(h), false, h);
  assert.equal(L.isTransfer("#transfer=1.abc"), true);
});

test("base64url round-trips every byte value", () => {
  const all = new Uint8Array(256).map((_, i) => i);
  for (let n = 0; n <= 256; n += 37) assert.deepEqual(L.fromBase64url(L.base64url(all.subarray(0, n))), all.subarray(0, n));
  assert.equal(L.fromBase64url("a"), null);
  assert.equal(L.fromBase64url("ab+c"), null);
});
