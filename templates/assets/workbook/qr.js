/* QR code encoder (ISO/IEC 18004), pure: byte mode, error correction level L or M, versions 1-40,
   the mask with the lowest penalty. Draws nothing (transfer.js makes the SVG from `path`). Written for
   the transfer link, so the link never goes to a QR service. A classic script; node require()s it. */
(function (root) {
  "use strict";

  // Per version 1..40 (index 0 unused): error correction codewords per block, and blocks, by level.
  const ECC_PER_BLOCK = {
    L: [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    M: [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
  };
  const BLOCKS = {
    L: [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
    M: [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
  };
  const FORMAT_LEVEL = { L: 1, M: 0 }; // the two bits the format information gives each level

  /** Modules that carry data (not finder, timing, alignment, format or version modules). */
  function rawDataModules(ver) {
    let n = (16 * ver + 128) * ver + 64;
    if (ver >= 2) {
      const align = Math.floor(ver / 7) + 2;
      n -= (25 * align - 10) * align - 55;
      if (ver >= 7) n -= 36;
    }
    return n;
  }
  const dataCodewords = (ver, level) => Math.floor(rawDataModules(ver) / 8) - ECC_PER_BLOCK[level][ver] * BLOCKS[level][ver];
  const countBits = (ver) => (ver < 10 ? 8 : 16);
  /** The most bytes a version holds in byte mode at `level`. */
  const capacity = (ver, level) => Math.floor((dataCodewords(ver, level) * 8 - 4 - countBits(ver)) / 8);

  // --- Reed-Solomon over GF(256) with the polynomial 0x11D --------------------------------------
  function gfMul(x, y) {
    let z = 0;
    for (let i = 7; i >= 0; i--) {
      z = (z << 1) ^ ((z >>> 7) * 0x11d);
      z ^= ((y >>> i) & 1) * x;
    }
    return z;
  }
  function rsDivisor(degree) {
    const out = new Array(degree).fill(0);
    out[degree - 1] = 1;
    let r = 1;
    for (let i = 0; i < degree; i++) {
      for (let j = 0; j < degree; j++) {
        out[j] = gfMul(out[j], r);
        if (j + 1 < degree) out[j] ^= out[j + 1];
      }
      r = gfMul(r, 2);
    }
    return out;
  }
  function rsRemainder(data, divisor) {
    const out = divisor.map(() => 0);
    for (const b of data) {
      const factor = b ^ out.shift();
      out.push(0);
      divisor.forEach((c, i) => { out[i] ^= gfMul(c, factor); });
    }
    return out;
  }

  /** The data codewords: mode, count, bytes, terminator, padding. */
  function codewords(bytes, ver, level) {
    const bits = [];
    const put = (value, n) => { for (let i = n - 1; i >= 0; i--) bits.push((value >>> i) & 1); };
    put(4, 4); // byte mode
    put(bytes.length, countBits(ver));
    for (const b of bytes) put(b, 8);
    const room = dataCodewords(ver, level) * 8;
    put(0, Math.min(4, room - bits.length));
    put(0, (8 - (bits.length % 8)) % 8);
    for (let pad = 0xec; bits.length < room; pad ^= 0xec ^ 0x11) put(pad, 8);
    const out = [];
    for (let i = 0; i < bits.length; i += 8) out.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
    return out;
  }

  /** Split into blocks, add each block's error correction, and interleave (ISO 18004 7.6). */
  function interleave(data, ver, level) {
    const nBlocks = BLOCKS[level][ver];
    const eccLen = ECC_PER_BLOCK[level][ver];
    const raw = Math.floor(rawDataModules(ver) / 8);
    const nShort = nBlocks - (raw % nBlocks);
    const shortLen = Math.floor(raw / nBlocks);
    const divisor = rsDivisor(eccLen);
    const blocks = [];
    for (let i = 0, k = 0; i < nBlocks; i++) {
      const d = data.slice(k, k + shortLen - eccLen + (i < nShort ? 0 : 1));
      k += d.length;
      const ecc = rsRemainder(d, divisor);
      if (i < nShort) d.push(0); // a placeholder, skipped below, so every block has the same length
      blocks.push(d.concat(ecc));
    }
    const out = [];
    for (let i = 0; i < blocks[0].length; i++) {
      blocks.forEach((b, j) => { if (i !== shortLen - eccLen || j >= nShort) out.push(b[i]); });
    }
    return out;
  }

  function alignmentPositions(ver) {
    if (ver === 1) return [];
    const n = Math.floor(ver / 7) + 2;
    const step = Math.floor((ver * 8 + n * 3 + 5) / (n * 4 - 4)) * 2;
    const out = [6];
    for (let pos = ver * 4 + 10; out.length < n; pos -= step) out.splice(1, 0, pos);
    return out;
  }

  const MASKS = [
    (x, y) => (x + y) % 2 === 0,
    (x, y) => y % 2 === 0,
    (x) => x % 3 === 0,
    (x, y) => (x + y) % 3 === 0,
    (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
    (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
    (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
    (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
  ];

  /** The symbol's modules, [y][x] true for dark, with the data placed and unmasked; and which are function modules. */
  function layout(ver, level, data) {
    const size = ver * 4 + 17;
    const dark = Array.from({ length: size }, () => new Array(size).fill(false));
    const fixed = Array.from({ length: size }, () => new Array(size).fill(false));
    const set = (x, y, on) => { dark[y][x] = on; fixed[y][x] = true; };
    for (let i = 0; i < size; i++) { set(6, i, i % 2 === 0); set(i, 6, i % 2 === 0); }
    for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]]) {
      for (let dy = -4; dy <= 4; dy++) for (let dx = -4; dx <= 4; dx++) {
        const d = Math.max(Math.abs(dx), Math.abs(dy));
        const x = cx + dx, y = cy + dy;
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, d !== 2 && d !== 4);
      }
    }
    const pos = alignmentPositions(ver);
    pos.forEach((cy, i) => pos.forEach((cx, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === pos.length - 1) || (i === pos.length - 1 && j === 0)) return;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }));
    drawFormat(set, size, level, 0); // reserves the format modules; redrawn with the chosen mask
    if (ver >= 7) {
      let rem = ver;
      for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
      const bits = (ver << 12) | rem;
      for (let i = 0; i < 18; i++) {
        const on = ((bits >>> i) & 1) === 1;
        const a = size - 11 + (i % 3), b = Math.floor(i / 3);
        set(a, b, on);
        set(b, a, on);
      }
    }
    // Data in two-module columns from the right, zig-zagging up and down, skipping the timing column.
    let i = 0;
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (let v = 0; v < size; v++) for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - v : v;
        if (!fixed[y][x] && i < data.length * 8) {
          dark[y][x] = ((data[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
      }
    }
    return { size, dark, fixed };
  }

  function drawFormat(set, size, level, mask) {
    const data = (FORMAT_LEVEL[level] << 3) | mask;
    let rem = data;
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    const bits = ((data << 10) | rem) ^ 0x5412;
    const bit = (i) => ((bits >>> i) & 1) === 1;
    for (let i = 0; i <= 5; i++) set(8, i, bit(i));
    set(8, 7, bit(6));
    set(8, 8, bit(7));
    set(7, 8, bit(8));
    for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(i));
    set(8, size - 8, true); // the dark module
  }

  function masked(base, mask) {
    const m = MASKS[mask];
    return base.dark.map((row, y) => row.map((on, x) => (base.fixed[y][x] ? on : on !== m(x, y))));
  }

  /** The penalty score of ISO 18004 7.8.3: long runs, 2x2 blocks, finder-like patterns, dark/light balance. */
  function penalty(dark) {
    const size = dark.length;
    let score = 0;
    const FINDER = [[1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0], [0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1]];
    const lines = [];
    for (let i = 0; i < size; i++) lines.push(dark[i], dark.map((row) => row[i]));
    for (const line of lines) {
      for (let i = 0, run = 1; i < size; i++) {
        if (i + 1 < size && line[i + 1] === line[i]) { run++; continue; }
        if (run >= 5) score += run - 2;
        run = 1;
      }
      // Light modules beyond the edge count as light: the quiet zone is.
      const padded = [0, 0, 0, 0, ...line.map(Number), 0, 0, 0, 0];
      for (let i = 0; i + 11 <= padded.length; i++) {
        for (const p of FINDER) if (p.every((v, k) => padded[i + k] === v)) score += 40;
      }
    }
    let darkCount = 0;
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
      if (dark[y][x]) darkCount++;
      if (x + 1 < size && y + 1 < size) {
        const c = dark[y][x];
        if (dark[y][x + 1] === c && dark[y + 1][x] === c && dark[y + 1][x + 1] === c) score += 3;
      }
    }
    const total = size * size;
    score += (Math.ceil(Math.abs(darkCount * 20 - total * 10) / total) - 1) * 10;
    return score;
  }

  /** The QR code of `bytes` (a Uint8Array or array of 0-255) at `level` ("L" or "M"), in the smallest
      version from 1 to `maxVersion` that holds it: {version, size, mask, modules: [y][x] booleans};
      null when it does not fit. `mask` (0-7) forces a mask, for tests. */
  function encode(bytes, { level = "L", maxVersion = 40, mask } = {}) {
    if (!ECC_PER_BLOCK[level]) throw new RangeError(String(level));
    const list = Array.from(bytes);
    let ver = 1;
    while (ver <= maxVersion && capacity(ver, level) < list.length) ver++;
    if (ver > maxVersion) return null;
    const base = layout(ver, level, interleave(codewords(list, ver, level), ver, level));
    let best = null;
    for (let m = 0; m < 8; m++) {
      if (mask !== undefined && m !== mask) continue;
      const modules = masked(base, m);
      drawFormat((x, y, on) => { modules[y][x] = on; }, base.size, level, m);
      const p = mask !== undefined ? 0 : penalty(modules);
      if (!best || p < best.p) best = { p, version: ver, size: base.size, mask: m, modules };
    }
    return { version: best.version, size: best.size, mask: best.mask, modules: best.modules };
  }

  /** An SVG path ("M x y h1 v1 h-1 z" per run of dark modules in a row), offset by a quiet zone of `border` modules. */
  function path(modules, border = 4) {
    let d = "";
    modules.forEach((row, y) => {
      for (let x = 0; x < row.length; x++) {
        if (!row[x]) continue;
        let end = x;
        while (end + 1 < row.length && row[end + 1]) end++;
        d += "M" + (x + border) + " " + (y + border) + "h" + (end - x + 1) + "v1h-" + (end - x + 1) + "z";
        x = end;
      }
    });
    return d;
  }

  const api = { encode, path, capacity, penalty };
  root.WorkbookQR = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis === "object" ? globalThis : this);
