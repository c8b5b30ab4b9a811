// An independent implementation of the certificate's wire format, for the package's tests: CBOR,
// COSE_Sign1 with Ed25519 (node:crypto), zlib (node:zlib), Base45, and the trust list, status
// list and certificate built from them, as docs/certificate-format.md describes them. Nothing
// here comes from the crate, so the tests check the package against the format, not against
// itself.
import { createHash, createPrivateKey, createPublicKey, sign } from "node:crypto";
import { deflateSync } from "node:zlib";

// ----- CBOR (RFC 8949): definite lengths, shortest heads --------------------------------------

function head(major, value) {
  const n = BigInt(value);
  if (n < 24n) return [(major << 5) | Number(n)];
  if (n < 0x100n) return [(major << 5) | 24, Number(n)];
  if (n < 0x10000n) return [(major << 5) | 25, Number(n >> 8n), Number(n & 0xffn)];
  if (n < 0x100000000n) return [(major << 5) | 26, ...[24n, 16n, 8n, 0n].map((s) => Number((n >> s) & 0xffn))];
  return [(major << 5) | 27, ...[56n, 48n, 40n, 32n, 24n, 16n, 8n, 0n].map((s) => Number((n >> s) & 0xffn))];
}

/** Wraps bytes to be written as they are (an already encoded item). */
export const raw = (bytes) => ({ raw: bytes });

/**
 * CBOR of a JavaScript value: integers (number or bigint), strings, Uint8Array (byte strings),
 * arrays, Map (any keys, in insertion order) or plain objects (text keys), booleans, null.
 */
export function cbor(value) {
  const out = [];
  const write = (v) => {
    if (v && v.raw instanceof Uint8Array) out.push(...v.raw);
    else if (typeof v === "number" || typeof v === "bigint") {
      const n = BigInt(v);
      out.push(...(n >= 0n ? head(0, n) : head(1, -1n - n)));
    } else if (typeof v === "string") {
      const bytes = new TextEncoder().encode(v);
      out.push(...head(3, bytes.length), ...bytes);
    } else if (v instanceof Uint8Array) out.push(...head(2, v.length), ...v);
    else if (Array.isArray(v)) {
      out.push(...head(4, v.length));
      v.forEach(write);
    } else if (v instanceof Map) {
      out.push(...head(5, v.size));
      for (const [key, item] of v) {
        write(key);
        write(item);
      }
    } else if (v === true) out.push(0xf5);
    else if (v === false) out.push(0xf4);
    else if (v === null) out.push(0xf6);
    else if (typeof v === "object") write(new Map(Object.entries(v)));
    else throw new Error(`cbor: cannot write ${typeof v}`);
  };
  write(value);
  return Uint8Array.from(out);
}

// ----- keys and COSE_Sign1 (RFC 9052) ---------------------------------------------------------

const PKCS8_ED25519 = Buffer.from("302e020100300506032b657004220420", "hex");

/** An Ed25519 key from a 32-byte seed: { seed, publicKey, kid, sign(bytes) }. */
export function key(seedByte) {
  const seed = Buffer.alloc(32, seedByte);
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: "der", type: "pkcs8" });
  const spki = createPublicKey(privateKey).export({ format: "der", type: "spki" });
  const publicKey = new Uint8Array(spki.subarray(spki.length - 32));
  const kid = new Uint8Array(createHash("sha256").update(publicKey).digest().subarray(0, 8));
  return {
    seedHex: seed.toString("hex"),
    publicKey,
    publicKeyHex: Buffer.from(publicKey).toString("hex"),
    kid,
    sign: (bytes) => new Uint8Array(sign(null, bytes, privateKey)),
  };
}

/** A tagged COSE_Sign1 of `payload` signed by `signer`: protected {1: -19, 4: kid}. */
export function coseSign1(payload, signer) {
  const protectedBytes = cbor(new Map([[1, -19], [4, signer.kid]]));
  const toBeSigned = cbor(["Signature1", protectedBytes, new Uint8Array(0), payload]);
  const signature = signer.sign(toBeSigned);
  return Uint8Array.from([0xd2, ...cbor([protectedBytes, new Map(), payload, signature])]);
}

// ----- Base45 (RFC 9285) and the QR text -------------------------------------------------------

const BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

export function base45(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 2) {
    if (i + 1 < bytes.length) {
      let n = bytes[i] * 256 + bytes[i + 1];
      const c = n % 45; n = (n - c) / 45;
      const d = n % 45; const e = (n - d) / 45;
      out += BASE45[c] + BASE45[d] + BASE45[e];
    } else {
      out += BASE45[bytes[i] % 45] + BASE45[Math.floor(bytes[i] / 45)];
    }
  }
  return out;
}

/** `KZ1:` + Base45(zlib(COSE_Sign1)). */
export const qrText = (cose) => `KZ1:${base45(deflateSync(cose, { level: 9 }))}`;

// ----- the certificate, the lists --------------------------------------------------------------

export const DAY = 86_400;
export const nowSeconds = () => Math.floor(Date.now() / 1000);

export const sampleRecord = {
  applicationNumber: "2026-000000123", surname: "ӘБІЛҚАСЫМОВА", givenNames: "ҒАЛИЯ", patronymic: "ҰЛАНҚЫЗЫ",
  passport: "FA1234567", citizenship: "UZB", address: "Алматы қ., Абай даңғылы, 10-үй, 5-пәтер", region: "ALA",
  stayFrom: "2026-07-01", stayTo: "2026-09-28", hostId: "150640001237", hostName: "ТОО «Өнер-Құрылыс»",
};

const RECORD_KEYS = ["applicationNumber", "surname", "givenNames", "patronymic", "passport", "citizenship",
  "address", "region", "stayFrom", "stayTo", "hostId", "hostName"];

/** The QR text of `record` signed by `signer` at `iat`: claims {1: "KZ", 6: iat, -70000: record}. */
export function certificate(record, signer, iat) {
  const fields = new Map([[1, 1]]);
  RECORD_KEYS.forEach((name, i) => { if (record[name] !== undefined) fields.set(i + 2, record[name]); });
  const claims = new Map([[1, "KZ"], [6, iat], [-70000, fields]]);
  return qrText(coseSign1(cbor(claims), signer));
}

/**
 * A trust list signed by `root`: keys [{ key, name?, from?, until?, status?, use?, demo? }];
 * `v` 2 (with `use`, default ["cert"]) or 1 (no `use`).
 */
export function trustList({ iat, next, keys, v = 2 }, root) {
  const entries = keys.map(({ key: k, name = "Office", from = 0, until = null, status = "active", use = ["cert"], demo = false }) => {
    const entry = { kid: k.kid, pk: k.publicKey, name, from, until, status, demo };
    if (v !== 1) entry.use = use;
    return entry;
  });
  return coseSign1(cbor({ v, iat, next, keys: entries }), root);
}

/** The bitstring of `size` sequences with `revoked` set (most significant bit first). */
export function bits(size, revoked) {
  const out = new Uint8Array(Math.ceil(size / 8));
  for (const sequence of revoked) out[sequence >> 3] |= 0x80 >> (sequence & 7);
  return out;
}

/**
 * A status list signed by `signer`: years [{ year, size, revoked: [sequence] }]; `v` 2 (with
 * `size`) or 1 (no `size`, bits of ceil(size / 8) bytes).
 */
export function statusList({ iat, next, years, v = 2 }, signer) {
  const lists = years.map(({ year, size, revoked = [], bitBytes }) => {
    const entry = { year, bits: new Uint8Array(deflateSync(bitBytes ?? bits(size, revoked))) };
    if (v !== 1) entry.size = size;
    return entry;
  });
  return coseSign1(cbor({ v, iat, next, lists }), signer);
}

// ----- the data bundle -------------------------------------------------------------------------

/**
 * The rows of one of the project's CSV tables (src/data/*.csv): `#` lines are comments, the first
 * other line names the columns, a cell may be quoted ("a, b"). Each row is an object of column
 * name to cell text, as a data bundle carries it.
 * @param {string} text
 */
export function csvRows(text) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "" && !line.startsWith("#"));
  const cells = (line) => {
    const out = [];
    let cell = "", quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") { out.push(cell); cell = ""; }
      else cell += c;
    }
    out.push(cell);
    return out;
  };
  const [header, ...rows] = lines.map(cells);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""])));
}

/**
 * A data bundle signed by `signer`: { "v": 1, iat, next, version, calendar, regimes, regions },
 * each table an array of rows (objects of column name to text).
 */
export function dataBundle({ iat, next, version, calendar, regimes, regions, v = 1 }, signer) {
  return coseSign1(cbor({ v, iat, next, version, calendar, regimes, regions }), signer);
}
