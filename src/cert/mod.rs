//! The registration certificate: its signed QR text, the issuer, the trust and status lists,
//! and the verifier (`certificate.md`).
//!
//! ```text
//! QR text = "KZ1:" Base45( zlib( COSE_Sign1( CWT claims {1: "KZ", 6: iat, -70000: record} ) ) )
//! ```
//!
//! Every layer is read strictly, so that a text has one meaning and a tampered text is refused:
//! strict Base45 ([`base45`]), one zlib stream capped at 8 KiB with nothing after it
//! ([`deflate`]), strict CBOR without indefinite lengths, non-minimal heads or duplicate keys
//! ([`cbor`]), COSE_Sign1 with the protected header verified as received ([`cose`]) and
//! strict Ed25519 ([`keys`]).
//!
//! # Example
//!
//! ```
//! use tirkeu::cert::*;
//! use tirkeu::i18n::Lang;
//!
//! let root = SigningKey::from_seed([1; 32]);
//! let office = SigningKey::from_seed([2; 32]);
//! let trust = build_trust_list(&TrustListSpec { iat: 1_780_000_000, next: 1_800_000_000,
//!     keys: vec![TrustedKeySpec { public_key: office.public_key(), kid: None,
//!         name: "Migration service".into(), from: 1_780_000_000, until: None,
//!         status: KeyStatus::Active, demo: false }] }, &root).unwrap();
//! let verifier = Verifier::new(TrustList::from_cose(&trust, &root.public_key()).unwrap());
//!
//! let record: Record = serde_json::from_str(r#"{"applicationNumber": "2026-000000042",
//!   "surname": "ӘЛІМЖАНОВ", "givenNames": "ҚАНАТ", "passport": "N1234567", "citizenship": "KGZ",
//!   "address": "Шымкент, Тәуке хан 5", "region": "SHY", "stayFrom": "2026-07-01",
//!   "stayTo": "2026-09-28", "hostId": "900515300127", "hostName": "ТОО «Құрылыс»"}"#).unwrap();
//! let text = issue_certificate(&record, &office, 1_782_900_000).unwrap();
//!
//! let context = VerifyContext { checked_on: "2026-07-15".parse().unwrap(),
//!     now_unix_seconds: 1_784_059_200, lang: Lang::Ru };
//! let result = verifier.verify(&text, &context);
//! assert_eq!(result.status, Status::Valid);
//! assert_eq!(result.days_remaining, Some(75));
//! assert_eq!(result.warnings[0].code, "status.missing");
//! ```

pub mod base45;
pub mod cbor;
pub mod claims;
pub mod cose;
pub mod deflate;
pub mod issue;
pub mod keys;
mod messages;
pub mod record;
pub mod status;
pub mod trust;
pub mod verify;

pub use issue::{
    IssueError, build_status_list, build_trust_list, issue_certificate, qr_text_from_cose,
};
pub use keys::{KeyError, KeyFile, Kid, PublicKey, SigningKey};
pub use record::{Record, RecordError, RecordJsonError};
pub use status::{
    StatusList, StatusListError, StatusListSpec, StatusListSummary, StatusYearSummary,
};
pub use trust::{
    KeyStatus, TrustList, TrustListError, TrustListSpec, TrustListSummary, TrustedKey,
    TrustedKeySpec, TrustedKeySummary,
};
pub use verify::{Stage, Status, VerificationResult, Verifier, VerifyContext, Warning};

/// The prefix of version 1 QR texts.
pub const QR_PREFIX: &str = "KZ1:";

/// The longest QR text accepted or issued: 4,296 characters, the alphanumeric capacity of a
/// version 40 QR code. Longer texts are refused before any decoding.
pub const MAX_QR_TEXT_LENGTH: usize = 4296;
