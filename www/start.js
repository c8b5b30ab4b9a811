// The page's first script (index.html loads it `async`, ahead of the others): it starts the
// module's compilation and the downloads of the signed lists and demo files as soon as it runs,
// so that both proceed while the rest of the page's scripts load. index.html also preloads the
// module and these files, so that they are on their way before any script runs (the preloads
// must name config.js's URLs; a test checks they do). app.js takes the promises from here.
import * as config from "./config.js";

/** A promise's outcome as a value: `{ value }` or `{ error }`. */
function settle(promise) {
  return promise.then((value) => ({ value }), (error) => ({ error }));
}

async function fetchBytes(url) {
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function fetchJson(url) {
  try {
    const response = await fetch(url, { cache: "no-cache" });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/**
 * The compiled module, or `undefined` when streaming compilation is not possible here (an old
 * browser, a server that sends another media type): `init()` then loads the module itself and
 * reports what went wrong.
 */
export const compiledModule = typeof WebAssembly.compileStreaming === "function"
  ? WebAssembly.compileStreaming(fetch(new URL("./pkg/tirkeu_bg.wasm", import.meta.url))).catch(() => undefined)
  : Promise.resolve(undefined);

/** [trust list, status list] as settled outcomes, then the demo key and sample record (or null). */
export const downloads = Promise.all([
  settle(fetchBytes(config.TRUST_LIST_URL)), settle(fetchBytes(config.STATUS_LIST_URL)),
  fetchJson(config.DEMO_KEY_URL), fetchJson(config.DEMO_RECORD_URL),
]);
