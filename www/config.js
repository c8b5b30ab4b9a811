// Deployment settings of the page. A production deployment replaces the pinned root and the
// list locations; the demonstration files are the project's, marked demo (www/demo/README).

/** The root public key (64 hex digits) that must have signed the trust list. */
export const PINNED_ROOT_PUBLIC_KEY = "";

/** Where the page fetches the signed lists from (its own origin). */
export const TRUST_LIST_URL = "demo/trust-list.cose";
export const STATUS_LIST_URL = "demo/status-list.cose";

/** The demonstration issuer key ({kid, publicKey, secretKey}) and sample record, for the Demo view only. */
export const DEMO_KEY_URL = "demo/issuer-key.json";
export const DEMO_RECORD_URL = "demo/sample-record.json";
