// Deployment settings of the page. A production deployment replaces the pinned root and the
// list locations; the demonstration files are the project's, marked demo (www/demo/README.md).

/** The root public key (64 hex digits) that must have signed the trust list. */
export const PINNED_ROOT_PUBLIC_KEY = "1978b1eb5d2bcb7cd28282f0f39bec9ee07bbae45bf1c9e815e20a0c06119537"; // DEMO root: www/demo/root.pub.json

/** Where the page fetches the signed lists from (its own origin). */
export const TRUST_LIST_URL = "demo/trust-list.cose";
export const STATUS_LIST_URL = "demo/status-list.cose";
/** Where the page fetches the signed data bundle (calendar, visa regimes, regions) from; a
 * deployment publishes a corrected calendar there (`tirkeu data-bundle`). */
export const DATA_BUNDLE_URL = "demo/data-bundle.cose";

/** The demonstration issuer key ({kid, publicKey, secretKey}) and sample record, for the Demo view only. */
export const DEMO_KEY_URL = "demo/issuer.key.json";
export const DEMO_RECORD_URL = "demo/record.json";
