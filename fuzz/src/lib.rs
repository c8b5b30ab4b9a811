//! Fixtures shared by the fuzz targets: fixed keys, lists and a verifier, built once.

use std::sync::OnceLock;

use tirkeu::cert::*;
use tirkeu::date::Date;
use tirkeu::i18n::Lang;

// The keys, dates and raw CBOR builder of the integration tests (tests/support/cert.rs), so that
// the committed seed corpora (certificates and lists signed by these keys) reach past the
// signature checks.
#[path = "../../tests/support/cert.rs"]
mod fixtures;

pub use fixtures::{
    IAT, KEY_FROM, LIST_IAT, LIST_NEXT, NOW, active_key_fields, issuer, list_payload, root,
    status_key,
};

/// The trust list bytes: `issuer()` (certificates) and `status_key()` (status lists), active
/// from [`KEY_FROM`].
pub fn trust_bytes() -> Vec<u8> {
    fixtures::trust_bytes(fixtures::keys(), LIST_IAT, LIST_NEXT)
}

/// The status list bytes, signed by `status_key()`, revoking `2026-000000666` among the 2026
/// sequences up to 100,000.
pub fn status_bytes() -> Vec<u8> {
    fixtures::status_bytes(&["2026-000000666"], LIST_IAT, LIST_NEXT)
}

/// The trust list, loaded once.
pub fn trust_list() -> &'static TrustList {
    static TRUST: OnceLock<TrustList> = OnceLock::new();
    TRUST.get_or_init(|| {
        TrustList::from_cose(&trust_bytes(), &root().public_key()).expect("fixture trust list")
    })
}

/// A verifier with both lists, built once.
pub fn verifier() -> &'static Verifier {
    static VERIFIER: OnceLock<Verifier> = OnceLock::new();
    VERIFIER.get_or_init(|| {
        let mut verifier = Verifier::new(root().public_key());
        let at = LoadOptions::at(NOW);
        verifier
            .load_trust_list(&trust_bytes(), &at)
            .expect("fixture trust list");
        verifier
            .load_status_list(&status_bytes(), &at)
            .expect("fixture status list");
        verifier
    })
}

/// The verification context: 2026-07-15, in English.
pub fn context() -> VerifyContext {
    VerifyContext {
        checked_on: Date::from_unix_seconds(NOW, tirkeu::date::KAZAKHSTAN_UTC_OFFSET_SECONDS),
        now_unix_seconds: NOW,
        lang: Lang::En,
    }
}

/// A language chosen by one byte.
pub fn lang(byte: u8) -> Lang {
    match byte % 3 {
        0 => Lang::Kk,
        1 => Lang::Ru,
        _ => Lang::En,
    }
}
