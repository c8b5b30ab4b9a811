// Service worker: the page works offline after the first visit. Network first, so a fresh page,
// module and lists are used whenever the server answers; the cached copy otherwise. Only this
// origin's files are cached; nothing typed, scanned or uploaded ever passes through here.
const CACHE = "tirkeu-v1";
const SHELL = [
  "./", "index.html", "style.css", "start.js", "app.js", "i18n.js", "ui.js", "config.js", "verify.js", "check.js",
  "issue.js", "icon.svg", "manifest.webmanifest", "pkg/tirkeu.js", "pkg/tirkeu_bg.wasm",
];
// Fetched by the page at start; cached when present (a deployment may ship other lists).
const DATA = ["demo/trust-list.cose", "demo/status-list.cose", "demo/issuer.key.json", "demo/record.json"];

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL);
    await Promise.allSettled(DATA.map((url) => cache.add(url)));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (error) {
      const cached = await cache.match(request, { ignoreSearch: true })
        ?? (request.mode === "navigate" ? await cache.match("index.html") : undefined);
      if (cached) return cached;
      throw error;
    }
  })());
});
