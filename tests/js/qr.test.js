// Unit tests of the QR encoder (templates/assets/workbook/qr.js): every code it draws is read back
// by an independent decoder (jsQR, a test-only package), across versions, both levels and every mask.
// Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const jsQR = require("jsqr");

const SOURCE = path.join(__dirname, "../../templates/assets/workbook/qr.js");
const Q = require(SOURCE);

/** The code as an RGBA image, `scale` pixels a module, with a light quiet zone of 4 modules. */
function image(modules, scale = 3) {
  const border = 4;
  const w = (modules.length + 2 * border) * scale;
  const px = new Uint8ClampedArray(w * w * 4).fill(255);
  modules.forEach((row, y) => row.forEach((on, x) => {
    if (!on) return;
    for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) {
      const i = (((y + border) * scale + dy) * w + (x + border) * scale + dx) * 4;
      px[i] = px[i + 1] = px[i + 2] = 0;
    }
  }));
  return { px, w };
}
const read = (code) => {
  const { px, w } = image(code.modules);
  const found = jsQR(px, w, w, { inversionAttempts: "dontInvert" });
  return found && Buffer.from(found.binaryData).toString("utf8");
};
// Deterministic text of any length: the characters a transfer link is made of.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const text = (n, seed = 7) => {
  let s = "", x = seed;
  for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) % 2147483648; s += ALPHABET[x % 64]; }
  return s;
};

test("runs as a classic script with no module and no DOM, defining globalThis.WorkbookQR", () => {
  const src = fs.readFileSync(SOURCE, "utf8");
  const context = vm.createContext({});
  vm.runInContext(src, context);
  assert.equal(typeof context.WorkbookQR.encode, "function");
  assert.doesNotMatch(src.replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, ""), /\b(document|window|localStorage|innerHTML|eval)\b/);
});

test("byte capacities match the standard's table at both ends", () => {
  assert.equal(Q.capacity(1, "L"), 17);
  assert.equal(Q.capacity(1, "M"), 14);
  assert.equal(Q.capacity(10, "L"), 271);
  assert.equal(Q.capacity(40, "L"), 2953);
  assert.equal(Q.capacity(40, "M"), 2331);
});

test("the smallest version that holds the data is chosen, and too much data gives null", () => {
  assert.equal(Q.encode(Buffer.from(text(17)), { level: "L" }).version, 1);
  assert.equal(Q.encode(Buffer.from(text(18)), { level: "L" }).version, 2);
  assert.equal(Q.encode(Buffer.from(text(2953)), { level: "L" }).version, 40);
  assert.equal(Q.encode(Buffer.from(text(2954)), { level: "L" }), null);
  assert.equal(Q.encode(Buffer.from(text(300)), { level: "L", maxVersion: 5 }), null);
  const c = Q.encode(Buffer.from(text(100)), { level: "M" });
  assert.equal(c.size, c.version * 4 + 17);
  assert.equal(c.modules.length, c.size);
});

for (const level of ["L", "M"]) {
  test(`level ${level}: a decoder reads back what was encoded, from version 1 to 40`, () => {
    // Lengths that land on every range of versions: small (8-bit count), 10+ (16-bit count), many blocks, version info.
    for (const n of [1, 14, 30, 100, 200, 270, 400, 700, 1000, 1500, 2000, 2331]) {
      const data = text(n, n);
      const code = Q.encode(Buffer.from(data), { level });
      assert.ok(code, `${n} bytes fit`);
      assert.equal(read(code), data, `${n} bytes at version ${code.version}`);
    }
  });
}

test("every one of the eight masks gives a readable code, and the automatic choice has the lowest penalty", () => {
  const data = "https://example.org/workbook/my-workbook/#transfer=1." + text(120);
  for (let mask = 0; mask < 8; mask++) {
    const code = Q.encode(Buffer.from(data), { mask });
    assert.equal(code.mask, mask);
    assert.equal(read(code), data, `mask ${mask}`);
  }
  const best = Q.encode(Buffer.from(data));
  const penalties = [...Array(8).keys()].map((mask) => Q.penalty(Q.encode(Buffer.from(data), { mask }).modules));
  assert.equal(Q.penalty(best.modules), Math.min(...penalties));
});

test("UTF-8 bytes survive (byte mode carries any byte)", () => {
  const data = "Zoë’s plan: 90 days — “skills” ✓";
  assert.equal(read(Q.encode(Buffer.from(data, "utf8"))), data);
});

test("the penalty counts the standard's four rules", () => {
  // An all-light 21×21 square: 42 lines with a run of 21 (3 + 16 each), 400 2×2 blocks (3 each),
  // no finder-like pattern, and 100% light: (ceil(|0 - 4410| / 441) - 1) · 10 = 90.
  const light = Array.from({ length: 21 }, () => new Array(21).fill(false));
  assert.equal(Q.penalty(light), 42 * 19 + 400 * 3 + 90);
  // A checkerboard: no run of five, no 2×2 block, no finder-like pattern, half dark: nothing.
  const checker = Array.from({ length: 21 }, (_, y) => Array.from({ length: 21 }, (_, x) => (x + y) % 2 === 0));
  assert.equal(Q.penalty(checker), 0);
  // A finder-like 1011101 with four light modules after it, in a row of an otherwise checkered square, costs 40 more

});

test("the SVG path draws one rectangle per run of dark modules, inside the quiet zone", () => {
  const d = Q.path([[true, true, false], [false, false, true], [false, false, false]], 4);
  assert.equal(d, "M4 4h2v1h-2zM6 5h1v1h-1z");
});
