/* A service worker that removes itself, and this site's offline copy with it (never the answers:
   they are in localStorage, which a worker cannot reach).

   Browsers keep running a worker whose sw.js has gone (a 404 is "try again later"), serving the
   cached site forever. So the way to take the worker off a site is to publish this file as its sw.js:
   every browser that checks for an update gets it, and it deletes the site's caches, unregisters
   and reloads the open pages from the server. `workbook serve` serves it too, so a built site once
   opened at the live preview's address can never hide the preview behind its cached pages. */
self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const mine = "workbook-precache:" + new URL("./", self.location.href).href + ":"; // as in service-worker.js
    const cached = (await caches.keys()).filter((name) => name.startsWith(mine));
    await Promise.all(cached.map((name) => caches.delete(name)));
    await self.registration.unregister();
    // Pages shown from the deleted copy load again from the server. Only then: a page that registers
    // this worker again (its site still links a manifest) finds nothing cached and is left alone,
    // never controlled by it.
    if (!cached.length) return;
    await self.clients.claim();
    const pages = await self.clients.matchAll({ type: "window" });
    await Promise.all(pages.map((page) => page.navigate(page.url).catch(() => null)));
  })());
});
