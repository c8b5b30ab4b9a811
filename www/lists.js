// The signed lists (trust list, status list): the page keeps the last good copy of each, and the
// highest issue time it has accepted, so that no network answer can make things worse.
//
// - A copy is stored (Cache Storage, "tirkeu-lists") only after the module has verified and
//   installed it; an answer that is an error (503), a captive portal's page served with 200, or
//   an older list never replaces it: the module refuses such bytes and the stored copy stays.
// - The highest `iat` accepted per list is kept in localStorage (a number, not personal data) and
//   passed to the module as `minIssuedAt` on every load, so an older, validly signed list cannot
//   come back after a reload even when the stored copy is gone.
// - The network is given NETWORK_WAIT_MS; then the page starts with the stored copies and loads
//   the network's answer when it comes.
//
// Every judgement (signature, root, rollback, freshness) is the module's; this file moves bytes.

const LIST_CACHE = "tirkeu-lists";
const NETWORK_WAIT_MS = 3000;

/** @typedef {"trust" | "status"} ListKind */

/** @typedef {import("./pkg/tirkeu.js").Verifier} Verifier */

/** The localStorage key of the highest `iat` accepted for a list. */
export const iatKey = (/** @type {ListKind} */ kind) => `tirkeu.iat.${kind}`;

/** @param {ListKind} kind */
function highestIat(kind) {
  try {
    const value = Number(localStorage.getItem(iatKey(kind)));
    return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  } catch {
    return undefined; // storage disabled: the stored copy alone guards against rollback
  }
}

/** @param {ListKind} kind @param {number} iat */
function rememberIat(kind, iat) {
  if (!(iat > (highestIat(kind) ?? 0))) return;
  try { localStorage.setItem(iatKey(kind), String(iat)); } catch { /* not remembered */ }
}

/** @param {string} url */
const absolute = (url) => new URL(url, document.baseURI).href;

/** The stored copy of a list, or null. @param {string} url @returns {Promise<Uint8Array | null>} */
async function storedCopy(url) {
  try {
    const response = await (await caches.open(LIST_CACHE)).match(absolute(url));
    return response ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null; // no Cache Storage (not a secure context) or it is disabled
  }
}

/** @param {string} url @param {Uint8Array} bytes */
async function store(url, bytes) {
  try {
    const headers = { "content-type": "application/cose", "content-length": String(bytes.length) };
    await (await caches.open(LIST_CACHE)).put(absolute(url), new Response(/** @type {Uint8Array<ArrayBuffer>} */ (bytes), { status: 200, headers }));
  } catch { /* kept in memory for this visit only */ }
}

/**
 * The network's bytes for a list, or null for an error status or no network. Whether the bytes
 * are a list at all is the module's question.
 * @param {Promise<Response>} response
 */
async function networkCopy(response) {
  try {
    const r = await response;
    return r.status === 200 ? new Uint8Array(await r.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/**
 * One list: the stored copy first, then the network's, each offered to the module with the
 * highest `iat` accepted so far. The module keeps whichever is newest and refuses the rest.
 * @param {Verifier} verifier
 * @param {ListKind} kind
 * @param {string} url
 * @param {Uint8Array | null} stored
 * @param {Uint8Array | null} fresh
 * @returns {Promise<string | null>} the module's reason when neither copy could be installed
 */
async function install(verifier, kind, url, stored, fresh) {
  const load = (/** @type {Uint8Array} */ bytes) => (kind === "trust"
    ? verifier.loadTrustList(bytes, { minIssuedAt: highestIat(kind) })
    : verifier.loadStatusList(bytes, { minIssuedAt: highestIat(kind) }));
  let reason = null;
  for (const [bytes, fromNetwork] of /** @type {Array<[Uint8Array | null, boolean]>} */ ([[stored, false], [fresh, true]])) {
    if (!bytes) continue;
    try {
      const summary = load(bytes);
      rememberIat(kind, summary.iat);
      if (fromNetwork && !sameBytes(bytes, stored)) await store(url, bytes);
      reason = null;
    } catch (error) {
      reason ??= String(/** @type {Error} */ (error)?.message ?? error);
    }
  }
  const installed = kind === "trust" ? verifier.trustList() : verifier.statusList();
  return installed ? null : reason ?? "";
}

/** @param {Uint8Array} a @param {Uint8Array | null} b */
function sameBytes(a, b) {
  return b !== null && a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * Installs the trust list and the status list into `verifier`. Resolves once the stored copies
 * and whatever the network answered within NETWORK_WAIT_MS are installed; a later answer is
 * installed when it comes, and `onLate` is called.
 * @param {Verifier} verifier
 * @param {{ trustUrl: string, statusUrl: string, request: (url: string) => Promise<Response>, onLate?: () => void }} options
 * @returns {Promise<{ trustError: string | null }>} why no trust list could be installed, if none was
 */
export async function loadLists(verifier, { trustUrl, statusUrl, request, onLate }) {
  const fresh = { trust: networkCopy(request(trustUrl)), status: networkCopy(request(statusUrl)) };
  const [storedTrust, storedStatus] = await Promise.all([storedCopy(trustUrl), storedCopy(statusUrl)]);
  const wait = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, undefined));
  /** @param {Promise<Uint8Array | null>} copy */
  const inTime = (copy) => Promise.race([copy.then((bytes) => ({ bytes })), wait]);

  const trustNow = await inTime(fresh.trust);
  const trustError = await install(verifier, "trust", trustUrl, storedTrust, trustNow?.bytes ?? null);
  const statusNow = await inTime(fresh.status);
  await install(verifier, "status", statusUrl, storedStatus, statusNow?.bytes ?? null);

  if (!trustNow || !statusNow) {
    (async () => {
      if (!trustNow) await install(verifier, "trust", trustUrl, null, await fresh.trust);
      if (!statusNow) await install(verifier, "status", statusUrl, null, await fresh.status);
      onLate?.();
    })();
  }
  return { trustError };
}
