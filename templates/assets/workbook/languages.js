/* The language selector after instant navigation. The build points each page's selector at the same
   page in every other language (generator/languages.py), but Material's instant navigation swaps the
   content and leaves the header as the first page drew it, so its links would lead back to the
   first page's counterpart. Just before a selector link is followed, this sets it to the counterpart
   of the page now shown. Every language has every page at the same path under its own home, named in
   the head by `<link rel="alternate" hreflang>`. Classic script, no dependencies, no words of its own. */
(function (root) {
  "use strict";

  // The address of `page` in the language whose home is `targetHome`, given the home of its own
  // language; the target's home when `page` is not under its own (a 404 page, say). The fragment
  // stays behind: headings' anchors are made from their words, which differ between languages.
  function counterpart(page, ownHome, targetHome) {
    const url = new URL(page);
    const own = new URL(ownHome);
    const target = new URL(targetHome);
    target.hash = "";
    if (url.origin !== own.origin || !url.pathname.startsWith(own.pathname)) return target.href;
    target.pathname += url.pathname.slice(own.pathname.length);
    return target.href;
  }

  const api = { counterpart };
  root.WorkbookLanguages = api;
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  function homes(doc) {
    const out = {};
    for (const link of doc.querySelectorAll('link[rel="alternate"][hreflang]')) out[link.getAttribute("hreflang")] = link.href;
    return out;
  }

  // Capture phase: before Material's own click handlers (on the body) see the click.
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element ? event.target.closest("a.md-select__link[hreflang]") : null;
      if (!link) return;
      const known = homes(document);
      const own = known[document.documentElement.lang];
      const target = known[link.getAttribute("hreflang")];
      if (!own || !target) return;
      link.href = counterpart(location.href, own, target);
      // Material's own handler would look the page up in the target's sitemap, which has no entries
      // without `site_url`, and send the reader to that language's home: the link, as set, is the page.
      event.stopPropagation();
    },
    true,
  );
})(typeof globalThis === "object" ? globalThis : this);
