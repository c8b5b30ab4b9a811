// Service worker: the page and the embedding example work offline after the first visit.
//
// It caches a fixed list of files and nothing else: never a URL with a query string (a form
// submitted natively would put what was typed there), never a response that is not a 200 of the
// type the file should have (an error page, a captive portal's login page). The signed files (the
// trust list, the status list, the data bundle) are not its business: the page keeps the last
// copies the module verified (lists.js), so a request for one always goes to the network and the
// page decides what to trust.
//
// Network first, so that a fresh page and module are used whenever the server answers; a slow
// network is given NETWORK_WAIT_MS, then the cached copy is served (and the network's answer, if
// it comes, still refreshes the cache).
const CACHE = "tirkeu-v4";
const NETWORK_WAIT_MS = 3000;

/** Each cached file (relative to this worker) and the media type its response must have. */
const FILES = new Map([
  ["index.html", "text/html"], ["style.css", "text/css"], ["start.js", "text/javascript"],
  ["app.js", "text/javascript"], ["i18n.js", "text/javascript"], ["ui.js", "text/javascript"],
  ["config.js", "text/javascript"], ["lists.js", "text/javascript"], ["verify.js", "text/javascript"],
  ["camera.js", "text/javascript"], ["batch.js", "text/javascript"], ["check.js", "text/javascript"],
  ["issue.js", "text/javascript"], ["icon.svg", "image/svg+xml"], ["manifest.webmanifest", "application/manifest+json"],
  ["pkg/verify.js", "text/javascript"], ["pkg/verify_bg.wasm", "application/wasm"], ["pkg/rules.js", "text/javascript"],
  ["pkg/rules_bg.wasm", "application/wasm"], ["pkg/rules-data.js", "text/javascript"],
  ["pkg/rules-data_bg.wasm", "application/wasm"], ["pkg/issue.js", "text/javascript"], ["pkg/issue_bg.wasm", "application/wasm"],
  ["demo/issuer.key.json", "application/json"], ["demo/record.json", "application/json"],
  ["embed/index.html", "text/html"], ["embed/embed.js", "text/javascript"], ["embed/embed.css", "text/css"],
]);
/** Navigations to a directory are served its index.html. */
const DIRECTORIES = new Map([["", "index.html"], ["embed/", "embed/index.html"]]);

const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const scope = new URL(worker.registration.scope);

/** The cached file a request is for, or null: same origin, no query string, a file of the list. @param {Request} request */
function fileOf(request) {
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.origin || url.search !== "" || !url.pathname.startsWith(scope.pathname)) {
    return null;
  }
  const path = url.pathname.slice(scope.pathname.length);
  if (FILES.has(path)) return path;
  return DIRECTORIES.get(path) ?? null;
}

/** A response worth keeping for `file`: a 200 whose media type is the file's. @param {Response} response @param {string} file */
function usable(response, file) {
  const type = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  return response.status === 200 && response.type === "basic" && !response.redirected && type === FILES.get(file);
}

/** @param {string} file @param {Response} response */
async function store(file, response) {
  if (!usable(response, file)) return;
  const cache = await caches.open(CACHE);
  await cache.put(new URL(file, scope).href, response);
}

worker.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    await Promise.allSettled([...FILES.keys()].map(async (file) => {
      const response = await fetch(new URL(file, scope).href, { cache: "no-cache" });
      await store(file, response);
    }));
    await worker.skipWaiting();
  })());
});

worker.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith("tirkeu-v") && name !== CACHE) await caches.delete(name);
    await worker.clients.claim();
  })());
});

worker.addEventListener("fetch", (event) => {
  const request = event.request;
  const file = fileOf(request);
  if (file === null) {
    // Not a file of the list. A navigation while offline (a link with a query string, say) is
    // answered with the page itself, never stored; anything else goes to the network as usual.
    if (request.mode === "navigate") {
      event.respondWith(fetch(request).catch(async () => (await caches.match(new URL("index.html", scope).href)) ?? Response.error()));
    }
    return;
  }
  event.respondWith((async () => {
    const cached = caches.match(new URL(file, scope).href);
    const network = fetch(request);
    event.waitUntil(network.then((response) => store(file, response.clone()), () => { /* offline */ }));
    /** @type {Promise<null>} */
    const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, null));
    const first = await Promise.race([network.catch(() => null), timeout]);
    if (first && (first.ok || !(await cached))) return first;
    return (await cached) ?? network;
  })());
});
