/* The transfer link, pure (no DOM; transfer.js is the glue): the backup object My workbook exports,
   as JSON compressed with deflate-raw and written base64url into the address's fragment, which
   browsers never send to a server. `#transfer=1.<data>`: the 1 is this format's version.
   Errors are {code} only; the page words them through the strings table ("my.link-error-" + code).
   A classic script; node require()s it. */
(function (root) {
  "use strict";

  const KEY = "transfer=";
  const VERSION = "1";
  // A fragment longer than this is refused before it is decompressed: no backup comes near it, and a
  // hostile link could otherwise inflate to gigabytes.
  const MAX_LINK = 2000000;
  const MAX_JSON = 20000000;

  function base64url(bytes) {
    let bin = "";
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  /** The bytes of base64url text, or null when it is not base64url. */
  function fromBase64url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
    const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  class TooLarge extends Error {}

  /** All the bytes a stream gives, or a rejection when it fails (a truncated deflate stream does), or
      when it passes `limit` bytes. */
  async function drain(stream, limit) {
    const reader = stream.getReader();
    const parts = [];
    let n = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      n += value.length;
      if (n > limit) { reader.cancel().catch(() => {}); throw new TooLarge(); }
      parts.push(value);
    }
    const out = new Uint8Array(n);
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
  }
  const through = (bytes, transform, limit) => drain(new Blob([bytes]).stream().pipeThrough(transform), limit);

  /** Whether this browser can make and read links (CompressionStream with deflate-raw). */
  function supported() {
    try { new CompressionStream("deflate-raw"); new DecompressionStream("deflate-raw"); return true; } catch (e) { return false; }
  }

  /** The link to `page` (an address without fragment) carrying `data` (the export object). */
  async function encodeLink(data, page) {
    const json = new TextEncoder().encode(JSON.stringify(data));
    const packed = await through(json, new CompressionStream("deflate-raw"), Infinity);
    return page + "#" + KEY + VERSION + "." + base64url(packed);
  }

  /** Whether a location.hash is a transfer link's (what the page then reads with `decodeFragment`). */
  const isTransfer = (hash) => String(hash || "").replace(/^#/, "").startsWith(KEY);

  /** {ok: true, data, json} or {ok: false, code}: "version" (made by a newer workbook), "damaged" (cut short
      or changed on the way), "too-large", "not-json". The data is then checked as any import is. */
  async function decodeFragment(hash) {
    const body = String(hash || "").replace(/^#/, "").slice(KEY.length);
    const dot = body.indexOf(".");
    if (dot < 0 || !/^\d+$/.test(body.slice(0, dot))) return { ok: false, code: "damaged" };
    if (body.slice(0, dot) !== VERSION) return { ok: false, code: "version" };
    if (body.length > MAX_LINK) return { ok: false, code: "too-large" };
    const bytes = fromBase64url(body.slice(dot + 1));
    if (!bytes || !bytes.length) return { ok: false, code: "damaged" };
    let json;
    try {
      json = new TextDecoder("utf-8", { fatal: true }).decode(await through(bytes, new DecompressionStream("deflate-raw"), MAX_JSON));
    } catch (e) {
      return { ok: false, code: e instanceof TooLarge ? "too-large" : "damaged" };
    }
    try { return { ok: true, data: JSON.parse(json), json }; } catch (e) { return { ok: false, code: "not-json" }; }
  }

  /** The UTF-8 length of a link (what a QR code's byte mode holds). */
  const byteLength = (text) => new TextEncoder().encode(text).length;

  const api = { encodeLink, decodeFragment, isTransfer, supported, byteLength, base64url, fromBase64url };
  root.WorkbookTransferLink = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis === "object" ? globalThis : this);
