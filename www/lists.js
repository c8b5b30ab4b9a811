// The signed files (trust list, status list, data bundle): the page keeps the last good copy of
// each, and the highest issue time it has accepted, so that no network answer can make things
// worse. The data bundle (the calendar, the visa regimes and the regions, signed by a key of the
// trust list) follows the same rules as the lists; without one, the module's compiled-in tables
// are used.
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

/** @typedef {"trust" | "status" | "data"} ListKind */

/** @typedef {import("./pkg/verify.js").Verifier} Verifier */

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
  /** @param {Uint8Array} bytes @returns {{ iat: number }} */
  const load = (bytes) => {
    const options = { minIssuedAt: highestIat(kind) };
    if (kind === "trust") return verifier.loadTrustList(bytes, options);
    if (kind === "status") return verifier.loadStatusList(bytes, options);
    return verifier.loadDataBundle(bytes, options).summary;
  };
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
  const installed = kind === "trust" ? verifier.trustList() : kind === "status" ? verifier.statusList() : verifier.dataBundle();
  return installed ? null : reason ?? "";
}

/** @param {Uint8Array} a @param {Uint8Array | null} b */
function sameBytes(a, b) {
  return b !== null && a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * Installs the trust list, the status list and the data bundle into `verifier`. Resolves once
 * the stored copies and whatever the network answered within NETWORK_WAIT_MS are installed; a
 * later answer is installed when it comes, and `onLate` is called. The data bundle is checked
 * against the trust list, so it is installed after it.
 * @param {Verifier} verifier
 * @param {{ trustUrl: string, statusUrl: string, dataUrl: string, request: (url: string) => Promise<Response>, onLate?: () => void }} options
 * @returns {Promise<{ trustError: string | null, dataError: string | null }>} why no trust list (no data bundle) could be installed, if none was
 */
export async function loadLists(verifier, { trustUrl, statusUrl, dataUrl, request, onLate }) {
  /** @type {Array<[ListKind, string]>} */
  const files = [["trust", trustUrl], ["status", statusUrl], ["data", dataUrl]];
  const fresh = files.map(([, url]) => networkCopy(request(url)));
  const stored = await Promise.all(files.map(([, url]) => storedCopy(url)));
  const wait = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, undefined));
  /** @param {Promise<Uint8Array | null>} copy */
  const inTime = (copy) => Promise.race([copy.then((bytes) => ({ bytes })), wait]);

  /** @type {Array<string | null>} */
  const errors = [];
  /** @type {number[]} */
  const late = [];
  for (const [i, [kind, url]] of files.entries()) {
    const now = await inTime(fresh[i]);
    if (!now) late.push(i);
    errors.push(await install(verifier, kind, url, stored[i], now?.bytes ?? null));
  }
  if (late.length) {
    // A late trust list comes first; the files checked against it are offered again after it.
    const again = late[0] === 0 ? files.map((_, i) => i) : late;
    (async () => {
      for (const i of again) await install(verifier, files[i][0], files[i][1], late.includes(i) ? null : stored[i], await fresh[i]);
      onLate?.();
    })();
  }
  return { trustError: errors[0], dataError: errors[2] };
}
