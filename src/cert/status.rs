//! The status list: which certificates are no longer valid (deregistered, re-registered
//! elsewhere, revoked), as one bit per application number and year (certificate.md section 5).

use core::fmt;

use super::cbor::{CborError, Reader, Writer, seen_before};
use super::cose::{CoseError, Sign1};
use super::deflate::{InflateError, inflate};
use super::keys::{Kid, PublicKey, to_hex};
use super::record::{Record, application_sequence};
use super::trust::TrustList;

/// The status list format version.
pub const STATUS_LIST_VERSION: i64 = 1;
/// Most bytes of bits, all years together, once inflated: 16 MiB, that is sequences up to
/// 134,217,727 a year for a single year (a million certificates a year take 125 KB).
pub const MAX_STATUS_BITS_BYTES: usize = 16 * 1024 * 1024;
/// Most yearly lists in one status list.
pub const MAX_STATUS_YEARS: u64 = 64;

/// Why a status list is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StatusListError {
    /// Not a COSE_Sign1 of this project's profile.
    Cose(CoseError),
    /// No key of the trust list has the signer's kid.
    UnknownKey {
        /// The signer's kid.
        kid: Kid,
    },
    /// No trusted key with that kid verifies the signature.
    BadSignature {
        /// The signer's kid.
        kid: Kid,
    },
    /// The signing key is revoked, or the list's `iat` is outside its validity.
    KeyNotValid {
        /// The signer's kid.
        kid: Kid,
    },
    /// The payload is not strict CBOR of the expected shape.
    Payload(CborError),
    /// A field of the payload is missing, unknown or out of range.
    Format {
        /// What is wrong.
        reason: String,
    },
    /// A bitstring is not an acceptable zlib stream, or all of them inflate past the limit.
    Bits(InflateError),
    /// The list is older than the one installed, which is kept.
    Older {
        /// Issue time of the installed list.
        installed: i64,
        /// Issue time of the list offered.
        offered: i64,
    },
}

impl fmt::Display for StatusListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatusListError::Cose(e) => write!(f, "status list: {e}"),
            StatusListError::UnknownKey { kid } => {
                write!(
                    f,
                    "status list: signed by key {}, which the trust list does not hold",
                    to_hex(kid)
                )
            }
            StatusListError::BadSignature { kid } => {
                write!(
                    f,
                    "status list: the signature of key {} does not verify",
                    to_hex(kid)
                )
            }
            StatusListError::KeyNotValid { kid } => {
                write!(
                    f,
                    "status list: key {} is revoked or was not valid when the list was issued",
                    to_hex(kid)
                )
            }
            StatusListError::Payload(e) => write!(f, "status list: {e}"),
            StatusListError::Format { reason } => write!(f, "status list: {reason}"),
            StatusListError::Bits(e) => write!(f, "status list bits: {e}"),
            StatusListError::Older { installed, offered } => write!(
                f,
                "status list: issued at {offered}, older than the installed list ({installed}), which is kept"
            ),
        }
    }
}

impl std::error::Error for StatusListError {}

impl From<CborError> for StatusListError {
    fn from(e: CborError) -> Self {
        StatusListError::Payload(e)
    }
}

fn format_error(reason: impl Into<String>) -> StatusListError {
    StatusListError::Format {
        reason: reason.into(),
    }
}

/// A verified status list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusList {
    issued_at: i64,
    next_update: i64,
    signer_kid: Kid,
    signer: PublicKey,
    /// (year, bits), most significant bit first, indexed by the 9-digit sequence.
    years: Vec<(i32, Vec<u8>)>,
}

/// A summary of a status list for people and pages (serde camelCase).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusListSummary {
    /// Issue time, seconds since 1970.
    pub iat: i64,
    /// Next update expected, seconds since 1970; past it the list is stale.
    pub next: i64,
    /// Kid of the signing key (hex).
    pub kid: String,
    /// One entry a year.
    pub lists: Vec<StatusYearSummary>,
}

/// One year of a [`StatusListSummary`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusYearSummary {
    /// The year of the application numbers.
    pub year: i32,
    /// How many certificates of that year are no longer valid.
    pub revoked: u64,
}

impl StatusList {
    /// Verifies and reads a status list signed by a key of `trust`.
    ///
    /// # Errors
    ///
    /// [`StatusListError::UnknownKey`], [`StatusListError::BadSignature`] or
    /// [`StatusListError::KeyNotValid`] when no valid trusted key signed it;
    /// [`StatusListError::Cose`], [`StatusListError::Payload`], [`StatusListError::Format`] or
    /// [`StatusListError::Bits`] for a list not exactly of this format.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::*;
    /// let root = SigningKey::from_seed([1; 32]);
    /// let issuer = SigningKey::from_seed([2; 32]);
    /// let trust = build_trust_list(&TrustListSpec { iat: 0, next: 100, keys: vec![TrustedKeySpec {
    ///     public_key: issuer.public_key(), kid: None, name: "Office".into(),
    ///     from: 0, until: None, status: KeyStatus::Active, demo: false }] }, &root).unwrap();
    /// let trust = TrustList::from_cose(&trust, &root.public_key()).unwrap();
    /// let spec = StatusListSpec { iat: 10, next: 20, revoked: vec!["2026-000000123".into()] };
    /// let status = StatusList::from_cose(&build_status_list(&spec, &issuer).unwrap(), &trust).unwrap();
    /// assert!(status.is_revoked_number("2026-000000123"));
    /// assert!(!status.is_revoked_number("2026-000000124"));
    /// ```
    pub fn from_cose(bytes: &[u8], trust: &TrustList) -> Result<StatusList, StatusListError> {
        let message = Sign1::decode(bytes).map_err(StatusListError::Cose)?;
        let kid = message.require_profile().map_err(StatusListError::Cose)?;
        let candidates: Vec<_> = trust.keys_with_kid(&kid).collect();
        if candidates.is_empty() {
            return Err(StatusListError::UnknownKey { kid });
        }
        let verifying: Vec<_> = candidates
            .into_iter()
            .filter(|key| message.verify(&key.public_key))
            .collect();
        if verifying.is_empty() {
            return Err(StatusListError::BadSignature { kid });
        }
        let (issued_at, next_update, years) = decode_payload(message.payload)?;
        let signer = verifying
            .iter()
            .find(|key| key.valid_at(issued_at))
            .ok_or(StatusListError::KeyNotValid { kid })?;
        Ok(StatusList {
            issued_at,
            next_update,
            signer_kid: kid,
            signer: signer.public_key,
            years,
        })
    }

    /// Issue time of the list (seconds since 1970).
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec {
    /// #     public_key: office.public_key(), kid: None, name: "Office".into(), from: 0,
    /// #     until: None, status: KeyStatus::Active, demo: true }] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// # let spec = StatusListSpec { iat: 100, next: 200, revoked: vec!["2026-000000009".into()] };
    /// # let status = StatusList::from_cose(&build_status_list(&spec, &office).unwrap(), &trust).unwrap();
    /// assert_eq!(status.issued_at(), 100);
    /// ```
    pub fn issued_at(&self) -> i64 {
        self.issued_at
    }

    /// Next update expected (seconds since 1970).
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec {
    /// #     public_key: office.public_key(), kid: None, name: "Office".into(), from: 0,
    /// #     until: None, status: KeyStatus::Active, demo: true }] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// # let spec = StatusListSpec { iat: 100, next: 200, revoked: vec!["2026-000000009".into()] };
    /// # let status = StatusList::from_cose(&build_status_list(&spec, &office).unwrap(), &trust).unwrap();
    /// assert_eq!(status.next_update(), 200);
    /// ```
    pub fn next_update(&self) -> i64 {
        self.next_update
    }

    /// Whether the list is past its `next` update time at `now_unix_seconds`.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec {
    /// #     public_key: office.public_key(), kid: None, name: "Office".into(), from: 0,
    /// #     until: None, status: KeyStatus::Active, demo: true }] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// # let spec = StatusListSpec { iat: 100, next: 200, revoked: vec!["2026-000000009".into()] };
    /// # let status = StatusList::from_cose(&build_status_list(&spec, &office).unwrap(), &trust).unwrap();
    /// assert!(!status.is_stale(200) && status.is_stale(201));
    /// ```
    pub fn is_stale(&self, now_unix_seconds: i64) -> bool {
        now_unix_seconds > self.next_update
    }

    /// Whether the key that signed this list is still trusted by `trust` for the list's issue
    /// time (after a new trust list is installed).
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec {
    /// #     public_key: office.public_key(), kid: None, name: "Office".into(), from: 0,
    /// #     until: None, status: KeyStatus::Active, demo: true }] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// # let spec = StatusListSpec { iat: 100, next: 200, revoked: vec!["2026-000000009".into()] };
    /// # let status = StatusList::from_cose(&build_status_list(&spec, &office).unwrap(), &trust).unwrap();
    /// assert!(status.signer_trusted_by(&trust));
    /// let empty = TrustListSpec { iat: 300, next: 400, keys: vec![] };
    /// let empty = TrustList::from_cose(&build_trust_list(&empty, &root).unwrap(), &root.public_key()).unwrap();
    /// assert!(!status.signer_trusted_by(&empty));
    /// ```
    pub fn signer_trusted_by(&self, trust: &TrustList) -> bool {
        trust
            .keys_with_kid(&self.signer_kid)
            .any(|key| key.public_key == self.signer && key.valid_at(self.issued_at))
    }

    /// Whether the list marks the certificate with this application number as no longer valid.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec {
    /// #     public_key: office.public_key(), kid: None, name: "Office".into(), from: 0,
    /// #     until: None, status: KeyStatus::Active, demo: true }] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// # let spec = StatusListSpec { iat: 100, next: 200, revoked: vec!["2026-000000009".into()] };
    /// # let status = StatusList::from_cose(&build_status_list(&spec, &office).unwrap(), &trust).unwrap();
    /// assert!(status.is_revoked_number("2026-000000009"));
    /// assert!(!status.is_revoked_number("2025-000000009"));
    /// ```
    pub fn is_revoked_number(&self, application_number: &str) -> bool {
        let Some((year, sequence)) = application_sequence(application_number) else {
            return false;
        };
        let Some((_, bits)) = self.years.iter().find(|(y, _)| *y == year) else {
            return false;
        };
        let byte = bits.get((sequence / 8) as usize).copied().unwrap_or(0);
        byte & (0x80 >> (sequence % 8)) != 0
    }

    /// Whether the list marks this record's certificate as no longer valid.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec {
    /// #     public_key: office.public_key(), kid: None, name: "Office".into(), from: 0,
    /// #     until: None, status: KeyStatus::Active, demo: true }] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// # let spec = StatusListSpec { iat: 100, next: 200, revoked: vec!["2026-000000009".into()] };
    /// # let status = StatusList::from_cose(&build_status_list(&spec, &office).unwrap(), &trust).unwrap();
    /// # let json = r#"{"applicationNumber": "2026-000000009", "surname": "IVANOV", "givenNames": "IVAN",
    /// #   "passport": "751234567", "citizenship": "RUS", "address": "Астана", "region": "AST",
    /// #   "stayFrom": "2026-07-01", "stayTo": "2026-09-20", "hostId": "900515300127", "hostName": "АХМЕТОВ"}"#;
    /// let record: Record = serde_json::from_str(json).unwrap();
    /// assert!(status.is_revoked(&record));
    /// ```
    pub fn is_revoked(&self, record: &Record) -> bool {
        self.is_revoked_number(&record.application_number)
    }

    /// The summary for people and pages.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec {
    /// #     public_key: office.public_key(), kid: None, name: "Office".into(), from: 0,
    /// #     until: None, status: KeyStatus::Active, demo: true }] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// # let spec = StatusListSpec { iat: 100, next: 200, revoked: vec!["2026-000000009".into()] };
    /// # let status = StatusList::from_cose(&build_status_list(&spec, &office).unwrap(), &trust).unwrap();
    /// let summary = status.summary();
    /// assert_eq!((summary.lists[0].year, summary.lists[0].revoked), (2026, 1));
    /// ```
    pub fn summary(&self) -> StatusListSummary {
        StatusListSummary {
            iat: self.issued_at,
            next: self.next_update,
            kid: to_hex(&self.signer_kid),
            lists: self
                .years
                .iter()
                .map(|(year, bits)| StatusYearSummary {
                    year: *year,
                    revoked: bits.iter().map(|b| u64::from(b.count_ones())).sum(),
                })
                .collect(),
        }
    }
}

type Years = Vec<(i32, Vec<u8>)>;

fn decode_payload(payload: &[u8]) -> Result<(i64, i64, Years), StatusListError> {
    let mut reader = Reader::new(payload);
    let mut names = Vec::new();
    let (mut version, mut issued_at, mut next_update, mut years) = (None, None, None, None);
    for _ in 0..reader.map()? {
        let position = reader.position();
        let name = reader.text()?;
        if seen_before(&mut names, name) {
            return Err(CborError::DuplicateKey { position }.into());
        }
        match name {
            "v" => version = Some(reader.int()?),
            "iat" => issued_at = Some(reader.int()?),
            "next" => next_update = Some(reader.int()?),
            "lists" => years = Some(read_years(&mut reader)?),
            other => {
                return Err(format_error(format!(
                    "unknown field {:?}",
                    other.chars().take(32).collect::<String>()
                )));
            }
        }
    }
    reader.finish()?;
    if version != Some(STATUS_LIST_VERSION) {
        return Err(format_error("version `v` is missing or not 1"));
    }
    let issued_at = issued_at.ok_or_else(|| format_error("`iat` is missing"))?;
    let next_update = next_update.ok_or_else(|| format_error("`next` is missing"))?;
    if next_update < issued_at {
        return Err(format_error("`next` is before `iat`"));
    }
    let years = years.ok_or_else(|| format_error("`lists` is missing"))?;
    Ok((issued_at, next_update, years))
}

fn read_years(reader: &mut Reader<'_>) -> Result<Years, StatusListError> {
    let count = reader.array()?;
    if count > MAX_STATUS_YEARS {
        return Err(format_error(format!(
            "more than {MAX_STATUS_YEARS} yearly lists"
        )));
    }
    let mut years: Years = Vec::new();
    let mut budget = MAX_STATUS_BITS_BYTES;
    for _ in 0..count {
        let mut names = Vec::new();
        let (mut year, mut bits) = (None, None);
        for _ in 0..reader.map()? {
            let position = reader.position();
            let name = reader.text()?;
            if seen_before(&mut names, name) {
                return Err(CborError::DuplicateKey { position }.into());
            }
            match name {
                "year" => year = Some(reader.int()?),
                "bits" => bits = Some(reader.bytes()?),
                _ => return Err(format_error("unknown field in a yearly list")),
            }
        }
        let year = year
            .and_then(|y| i32::try_from(y).ok())
            .filter(|y| (0..=9999).contains(y))
            .ok_or_else(|| format_error("a yearly list's `year` is missing or not 0-9999"))?;
        if years.iter().any(|(y, _)| *y == year) {
            return Err(format_error(format!("year {year} is listed twice")));
        }
        let bits = bits.ok_or_else(|| format_error("a yearly list's `bits` is missing"))?;
        let bits = inflate(bits, budget).map_err(StatusListError::Bits)?;
        budget = budget.saturating_sub(bits.len());
        years.push((year, bits));
    }
    Ok(years)
}

/// What a status list should hold, for [`build_status_list`](super::build_status_list); read from
/// REVOKED.json by the command line (serde camelCase).
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusListSpec {
    /// Issue time (seconds since 1970).
    pub iat: i64,
    /// Next update expected (seconds since 1970).
    pub next: i64,
    /// Application numbers (`YYYY-NNNNNNNNN`) of the certificates no longer valid.
    pub revoked: Vec<String>,
}

/// Encodes the payload of a status list (keys in the deterministic order of RFC 8949 section
/// 4.2.1). `years` holds each year's uncompressed bits, years ascending.
pub(crate) fn encode_payload(iat: i64, next: i64, years: &[(i32, Vec<u8>)]) -> Vec<u8> {
    let mut writer = Writer::new();
    writer
        .map(4)
        .text("v")
        .int(STATUS_LIST_VERSION)
        .text("iat")
        .int(iat);
    writer
        .text("next")
        .int(next)
        .text("lists")
        .array(years.len());
    for (year, bits) in years {
        writer
            .map(2)
            .text("bits")
            .bytes(&super::deflate::compress(bits))
            .text("year")
            .int(i64::from(*year));
    }
    writer.into_bytes()
}
