//! The registration certificate: its signed QR text, the issuer, the trust and status lists,
//! and the verifier. The complete wire format, in one page, is `docs/certificate-format.md`;
//! each module documents its own part.
//!
//! ```text
//! QR text = "KZ1:" Base45( zlib( COSE_Sign1( CWT claims {1: "KZ", 6: iat, -70000: record} ) ) )
//! ```
//!
//! - Base45 (RFC 9285, [`base45`]), strict: no character outside the alphabet, no length of 1
//!   mod 3, no group above its range. At most 4,296 characters ([`MAX_QR_TEXT_LENGTH`]); any
//!   other prefix than `KZ1:` is not a certificate.
//! - zlib (RFC 1950, [`deflate`]): exactly one stream, its Adler-32 checked, nothing after it,
//!   no set padding bits, at most 8 KiB of output.
//! - COSE_Sign1 (RFC 9052, [`cose`]): tag 18 (optional on input), protected header
//!   `{1: -19 (Ed25519; -8 EdDSA also read), 4: kid}`, kid the first 8 bytes of SHA-256 of the
//!   public key, empty unprotected header, the payload a byte string, a 64-byte signature over
//!   `["Signature1", protected bytes as received, h'', payload]`, checked with strict Ed25519
//!   ([`keys`]: canonical S, no small-order or non-canonical points).
//! - Claims (CWT, RFC 8392, [`claims`]): exactly `1` iss `"KZ"`, `6` iat (integer seconds,
//!   1970 to 9999) and `-70000` the registration record ([`record`]: integer keys 1-13, every
//!   text NFC and within its field's character rules, [`crate::text_rules`]).
//! - CBOR everywhere ([`cbor`]): definite lengths, shortest heads, no duplicate map keys, no
//!   trailing bytes.
//!
//! The keys come from a trust list signed by a pinned root ([`trust`]: version 2 gives each key
//! its `use`, `cert`, `status` or `data`); a status list signed by a `status` key marks the
//! certificates no longer valid ([`status`]: version 2 covers each year up to its `size`). Both
//! lists are installed by the rules of [`freshness`]: never one dated in the future, never an
//! older one, and past its next update plus a grace period a list no longer confirms anything.
//! A data bundle signed by a `data` key ([`data_bundle`]) updates the calendar, the visa regimes
//! and the regions by the same rules of installation.
//!
//! The verdict is one [`Status`]: `valid`, `unconfirmed` (as valid, but revocation could not be
//! checked), `expired`, `not_yet_valid`, `revoked`, `bad_signature`, `unknown_key`,
//! `key_not_valid`, `malformed` (with the failing [`Stage`]) or `not_a_certificate`.
//!
//! Every layer is read strictly, so that a text has one meaning and a tampered text is refused.
//!
//! # Example
//!
//! ```
//! use tirkeu::cert::*;
//! use tirkeu::i18n::Lang;
//!
//! let root = SigningKey::from_seed([1; 32]);
//! let office = SigningKey::from_seed([2; 32]);
//! let revocations = SigningKey::from_seed([3; 32]);
//! let trust = build_trust_list(&TrustListSpec { iat: 1_782_846_000, next: 1_814_400_000,
//!     keys: vec![
//!         TrustedKeySpec::new(office.public_key(), "Migration service", 1_780_000_000),
//!         TrustedKeySpec { uses: KeyUses::STATUS,
//!             ..TrustedKeySpec::new(revocations.public_key(), "Status lists", 1_780_000_000) },
//!     ] }, &root).unwrap();
//! let mut status = StatusListSpec::new(1_784_000_000, 1_784_086_400);
//! status.issued.insert(2026, 1_000);
//! let status = build_status_list(&status, &revocations).unwrap();
//!
//! let now = 1_784_059_200; // 2026-07-15T01:00:00+05:00
//! let mut verifier = Verifier::new(root.public_key());
//! verifier.load_trust_list(&trust, &LoadOptions::at(now)).unwrap();
//! verifier.load_status_list(&status, &LoadOptions::at(now)).unwrap();
//!
//! let record: Record = serde_json::from_str(r#"{"applicationNumber": "2026-000000042",
//!   "surname": "ӘЛІМЖАНОВ", "givenNames": "ҚАНАТ", "passport": "N1234567", "citizenship": "KGZ",
//!   "address": "Шымкент, Тәуке хан 5", "region": "SHY", "stayFrom": "2026-07-01",
//!   "stayTo": "2026-09-28", "hostId": "150640001237", "hostName": "ТОО «Құрылыс»"}"#).unwrap();
//! let text = issue_certificate(&record, &office, 1_782_900_000).unwrap();
//!
//! let result = verifier.verify(&text, &VerifyContext::at(now, Lang::Ru));
//! assert_eq!(result.status, Status::Valid);
//! assert_eq!(result.days_remaining, Some(75));
//! ```

pub mod base45;
pub mod cbor;
pub mod claims;
pub mod cose;
pub mod data_bundle;
pub mod deflate;
pub mod freshness;
pub mod instant;
pub mod issue;
pub mod keys;
mod messages;
pub mod record;
pub(crate) mod signed_list;
pub mod status;
pub mod trust;
pub mod verify;

pub use data_bundle::{DataBundleError, SignedDataBundle};
pub use freshness::{Currency, ListDateError, LoadOptions};
pub use issue::{
    IssueError, build_data_bundle, build_status_list, build_trust_list, issue_certificate,
    qr_text_from_cose,
};
pub use keys::{KeyError, KeyFile, Kid, PublicKey, SigningKey};
pub use record::{Record, RecordError, RecordJsonError};
pub use status::{
    Lookup, StatusList, StatusListError, StatusListSpec, StatusListSummary, StatusYearSummary,
};
pub use trust::{
    KeyStatus, KeyUse, KeyUses, TrustList, TrustListError, TrustListSpec, TrustListSummary,
    TrustedKey, TrustedKeySpec, TrustedKeySummary,
};
pub use verify::{
    Stage, Status, VerificationResult, Verifier, VerifyContext, Warning, WarningCode,
};

/// The prefix of version 1 QR texts.
pub const QR_PREFIX: &str = "KZ1:";

/// The longest QR text accepted or issued: 4,296 characters, the alphanumeric capacity of a
/// version 40 QR code. Longer texts are refused before any decoding.
pub const MAX_QR_TEXT_LENGTH: usize = 4296;
