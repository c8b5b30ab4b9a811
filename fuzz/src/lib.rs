//! Fixtures shared by the fuzz targets: fixed keys, lists and a verifier, built once.
//!
//! The keys are the same seeds as `tests/support/cert.rs` so that the committed seed corpora
//! (certificates and lists signed by these keys) reach past the signature checks.

use std::sync::OnceLock;

use tirkeu::cert::*;
use tirkeu::date::Date;
use tirkeu::i18n::Lang;

/// 2026-07-01T10:00:00+05:00: the issue time of the seed certificates.
pub const IAT: i64 = 1_782_882_000;
/// 2026-07-15T01:00:00+05:00: "now" for the verifier.
pub const NOW: i64 = 1_784_059_200;
/// 2026-01-01T00:00:00+05:00: the keys' validity start.
pub const KEY_FROM: i64 = 1_767_207_600;
/// The lists' issue time and next update.
pub const LIST_IAT: i64 = 1_782_846_000;
/// A year after [`LIST_IAT`].
pub const LIST_NEXT: i64 = LIST_IAT + 365 * 86_400;

/// The pinned root.
pub fn root() -> SigningKey {
    SigningKey::from_seed([0x52; 32])
}

/// The trusted issuing key (`use` cert).
pub fn issuer() -> SigningKey {
    SigningKey::from_seed([0x49; 32])
}

/// The trusted status-list key (`use` status).
pub fn status_key() -> SigningKey {
    SigningKey::from_seed([0x55; 32])
}

/// The trust list bytes: `issuer()` (certificates) and `status_key()` (status lists), active
/// from [`KEY_FROM`].
pub fn trust_bytes() -> Vec<u8> {
    let spec = TrustListSpec {
        iat: LIST_IAT,
        next: LIST_NEXT,
        keys: vec![
            TrustedKeySpec::new(issuer().public_key(), "Issuer", KEY_FROM),
            TrustedKeySpec {
                uses: KeyUses::STATUS,
                ..TrustedKeySpec::new(status_key().public_key(), "Status lists", KEY_FROM)
            },
        ],
    };
    build_trust_list(&spec, &root()).expect("fixture trust list")
}

/// The status list bytes, signed by `status_key()`, revoking `2026-000000666` among the 2026
/// sequences up to 100,000.
pub fn status_bytes() -> Vec<u8> {
    let mut spec = StatusListSpec::new(LIST_IAT, LIST_NEXT);
    spec.revoked = vec!["2026-000000666".into()];
    spec.issued.insert(2026, 100_000);
    build_status_list(&spec, &status_key()).expect("fixture status list")
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
