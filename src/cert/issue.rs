//! The issuer: signing a record into QR text, and building signed trust and status lists and
//! data bundles.
//! Everything here is deterministic (Ed25519 signing is), so tests can pin exact outputs.

use core::fmt;

use super::claims::{Claims, MAX_ISSUED_AT};
use super::keys::SigningKey;
use super::record::{Record, RecordError, application_sequence};
use super::status::{MAX_STATUS_BITS_BYTES_TOTAL, MAX_STATUS_SIZE, StatusListSpec, YearToEncode};
use super::trust::{MAX_KEY_NAME_CHARS, MAX_TRUSTED_KEYS, TrustListSpec};
use super::{MAX_QR_TEXT_LENGTH, QR_PREFIX, base45, cose, deflate};
use crate::data::DataBundle;

/// Why a certificate or a list cannot be issued.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IssueError {
    /// The record is not acceptable.
    Record(RecordError),
    /// The issue time is before 1970 or after 9999.
    IssuedAt {
        /// The time given.
        value: i64,
    },
    /// The QR text would not fit a QR code (more than 4,296 characters).
    TooLong {
        /// Its length.
        length: usize,
    },
    /// The application number's sequence is 2^27 or more: no status list could ever revoke the
    /// certificate.
    Uncoverable {
        /// The sequence.
        sequence: u32,
    },
    /// A trust or status list specification is not acceptable.
    Spec {
        /// What is wrong.
        reason: String,
    },
}

impl fmt::Display for IssueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IssueError::Record(e) => e.fmt(f),
            IssueError::IssuedAt { value } => {
                write!(f, "issue time {value} is not between 1970 and 9999")
            }
            IssueError::TooLong { length } => {
                write!(
                    f,
                    "the QR text would be {length} characters, more than {MAX_QR_TEXT_LENGTH}"
                )
            }
            IssueError::Uncoverable { sequence } => write!(
                f,
                "the application number's sequence {sequence} is {MAX_STATUS_SIZE} or more: no \
                 status list could revoke the certificate"
            ),
            IssueError::Spec { reason } => f.write_str(reason),
        }
    }
}

impl std::error::Error for IssueError {}

impl From<RecordError> for IssueError {
    fn from(e: RecordError) -> Self {
        IssueError::Record(e)
    }
}

fn spec_error(reason: impl Into<String>) -> IssueError {
    IssueError::Spec {
        reason: reason.into(),
    }
}

/// `KZ1:` + Base45(zlib(`cose`)): the QR text of COSE_Sign1 bytes, whatever they hold (tests use
/// it to wrap deliberately broken structures).
///
/// # Example
///
/// ```
/// assert!(tirkeu::cert::qr_text_from_cose(&[0xa0]).starts_with("KZ1:"));
/// ```
pub fn qr_text_from_cose(cose_bytes: &[u8]) -> String {
    format!(
        "{QR_PREFIX}{}",
        base45::encode(&deflate::compress(cose_bytes))
    )
}

/// Signs `record` with `key` at `issued_at_unix` (seconds since 1970 UTC) and returns the QR
/// text: `KZ1:` + Base45(zlib(COSE_Sign1(claims))).
///
/// # Errors
///
/// [`IssueError::Record`] when the record breaks a rule of [`Record::validate`],
/// [`IssueError::Uncoverable`] for an application number's sequence of 2^27 or more (no status
/// list could revoke it), [`IssueError::IssuedAt`] for a time before 1970 or after 9999, and
/// [`IssueError::TooLong`] when the text would not fit a QR code.
///
/// # Example
///
/// ```
/// use tirkeu::cert::{issue_certificate, Record, SigningKey};
/// let record: Record = serde_json::from_str(r#"{"applicationNumber": "2026-000000001",
///   "surname": "IVANOV", "givenNames": "IVAN", "passport": "751234567", "citizenship": "RUS",
///   "address": "Астана, Мәңгілік Ел 8", "region": "AST", "stayFrom": "2026-07-01",
///   "stayTo": "2026-09-20", "hostId": "900515300127", "hostName": "АХМЕТОВ АСЕТ"}"#).unwrap();
/// let key = SigningKey::from_seed([1; 32]);
/// let text = issue_certificate(&record, &key, 1_782_900_000).unwrap();
/// assert!(text.starts_with("KZ1:"));
/// let uncoverable = Record { application_number: "2026-134217728".into(), ..record };
/// assert!(issue_certificate(&uncoverable, &key, 1_782_900_000).is_err());
/// ```
pub fn issue_certificate(
    record: &Record,
    key: &SigningKey,
    issued_at_unix: i64,
) -> Result<String, IssueError> {
    record.validate()?;
    if let Some((_, sequence)) = record.application_sequence()
        && sequence >= MAX_STATUS_SIZE
    {
        return Err(IssueError::Uncoverable { sequence });
    }
    if !(0..=MAX_ISSUED_AT).contains(&issued_at_unix) {
        return Err(IssueError::IssuedAt {
            value: issued_at_unix,
        });
    }
    let claims = Claims {
        issued_at: issued_at_unix,
        record: record.clone(),
    };
    let text = qr_text_from_cose(&cose::sign(&claims.encode(), key));
    if text.len() > MAX_QR_TEXT_LENGTH {
        return Err(IssueError::TooLong { length: text.len() });
    }
    Ok(text)
}

/// Builds the trust list `spec` describes and signs it with `root`: the bytes of a `.cose` file.
///
/// # Errors
///
/// [`IssueError::Spec`] when `next` is not after `iat`, there are more than 1,024 keys, or a
/// key has an empty or over-long name, no use, or `until` before `from`. (Weak keys cannot
/// occur: a [`PublicKey`](super::PublicKey) is never weak.)
///
/// # Example
///
/// ```
/// use tirkeu::cert::*;
/// let root = SigningKey::from_seed([1; 32]);
/// let office = SigningKey::from_seed([2; 32]).public_key();
/// let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec::new(office, "Office", 0)] };
/// let bytes = build_trust_list(&spec, &root).unwrap();
/// assert_eq!(TrustList::from_cose(&bytes, &root.public_key()).unwrap().keys()[0].public_key, office);
/// assert!(build_trust_list(&TrustListSpec { next: 100, ..spec }, &root).is_err()); // next = iat
/// ```
pub fn build_trust_list(spec: &TrustListSpec, root: &SigningKey) -> Result<Vec<u8>, IssueError> {
    if spec.next <= spec.iat {
        return Err(spec_error("trust list: `next` is not after `iat`"));
    }
    if spec.keys.len() as u64 > MAX_TRUSTED_KEYS {
        return Err(spec_error(format!(
            "trust list: more than {MAX_TRUSTED_KEYS} keys"
        )));
    }
    for key in &spec.keys {
        let chars = key.name.chars().count();
        if chars == 0 || chars > MAX_KEY_NAME_CHARS {
            return Err(spec_error(format!(
                "trust list: a key name must have 1 to {MAX_KEY_NAME_CHARS} characters"
            )));
        }
        if key.until.is_some_and(|until| until < key.from) {
            return Err(spec_error(format!(
                "trust list: key {:?} has `until` before `from`",
                key.name
            )));
        }
        if key.uses.is_empty() {
            return Err(spec_error(format!(
                "trust list: key {:?} has no use (cert, status or data)",
                key.name
            )));
        }
    }
    Ok(cose::sign(&super::trust::encode_payload(spec), root))
}

/// Builds the status list `spec` describes and signs it with `key`, which must be a key of the
/// trust list whose `use` holds `status`: the bytes of a `.cose` file (version 2).
///
/// Each year of `spec.issued`, and each year with a revocation, gets a bitstring covering its
/// sequences up to the highest issued (or, without `issued`, the highest revoked), bit N set for
/// each revoked sequence N.
///
/// # Errors
///
/// [`IssueError::Spec`] when `next` is not after `iat`, an application number is not
/// `YYYY-NNNNNNNNN`, a sequence (revoked or issued) is 2^27 or more, a revoked sequence lies
/// past the highest issued of its year, or the bitstrings would pass 64 MiB in all.
///
/// # Example
///
/// ```
/// use tirkeu::cert::*;
/// let office = SigningKey::from_seed([2; 32]);
/// let mut spec = StatusListSpec::new(100, 200);
/// spec.revoked = vec!["2026-000000009".into()];
/// spec.issued.insert(2026, 1_200_345);
/// assert!(build_status_list(&spec, &office).is_ok());
/// let bad = StatusListSpec { revoked: vec!["2026-9".into()], ..spec.clone() };
/// assert!(build_status_list(&bad, &office).is_err());
/// let past = StatusListSpec { revoked: vec!["2026-001200346".into()], ..spec };
/// assert!(build_status_list(&past, &office).is_err()); // past the highest issued
/// ```
pub fn build_status_list(spec: &StatusListSpec, key: &SigningKey) -> Result<Vec<u8>, IssueError> {
    if spec.next <= spec.iat {
        return Err(spec_error("status list: `next` is not after `iat`"));
    }
    let mut numbers: Vec<(i32, u32)> = Vec::with_capacity(spec.revoked.len());
    for number in &spec.revoked {
        let parsed = application_sequence(number).ok_or_else(|| {
            spec_error(format!(
                "status list: {number:?} is not an application number YYYY-NNNNNNNNN"
            ))
        })?;
        if parsed.1 >= MAX_STATUS_SIZE {
            return Err(spec_error(format!(
                "status list: {number} has a sequence of {MAX_STATUS_SIZE} or more, which no \
                 certificate may have"
            )));
        }
        numbers.push(parsed);
    }
    crate::sort::sort(&mut numbers);
    // The sequences each year covers: one past the highest issued, else the highest revoked.
    let mut sizes: Vec<(i32, u32)> = Vec::new();
    for (&year, &highest) in &spec.issued {
        if !(0..=9999).contains(&year) {
            return Err(spec_error(format!(
                "status list: `issued` names the year {year}, not 0-9999"
            )));
        }
        let size = u32::try_from(highest)
            .ok()
            .filter(|highest| *highest < MAX_STATUS_SIZE)
            .map(|highest| highest + 1)
            .ok_or_else(|| {
                spec_error(format!(
                    "status list: the highest sequence issued in {year}, {highest}, is \
                     {MAX_STATUS_SIZE} or more"
                ))
            })?;
        sizes.push((year, size));
    }
    for &(year, sequence) in &numbers {
        if let Some(&highest) = spec.issued.get(&year) {
            if u64::from(sequence) > highest {
                return Err(spec_error(format!(
                    "status list: {year}-{sequence:09} is revoked but past the highest sequence \
                     issued in {year} ({highest})"
                )));
            }
        } else if let Some((_, size)) = sizes.iter_mut().find(|(y, _)| *y == year) {
            *size = (*size).max(sequence + 1);
        } else {
            sizes.push((year, sequence + 1));
        }
    }
    crate::sort::sort(&mut sizes);
    let total: usize = sizes
        .iter()
        .map(|(_, size)| size.div_ceil(8) as usize)
        .sum();
    if total > MAX_STATUS_BITS_BYTES_TOTAL {
        return Err(spec_error(format!(
            "status list: the bitstrings would pass {MAX_STATUS_BITS_BYTES_TOTAL} bytes"
        )));
    }
    let mut years: Vec<YearToEncode> = sizes
        .iter()
        .map(|&(year, size)| YearToEncode {
            year,
            size,
            bits: vec![0; size.div_ceil(8) as usize],
        })
        .collect();
    for (year, sequence) in numbers {
        if let Some(list) = years.iter_mut().find(|list| list.year == year)
            && let Some(byte) = list.bits.get_mut((sequence / 8) as usize)
        {
            *byte |= 0x80 >> (sequence % 8);
        }
    }
    Ok(cose::sign(
        &super::status::encode_payload(spec.iat, spec.next, &years),
        key,
    ))
}

/// Signs the data bundle `bundle` describes with `key`, which must be a key of the trust list
/// whose `use` holds `data`: the bytes of a `.cose` file. The payload is read back by the
/// verifier's own reader first, so a bundle a verifier would refuse is never signed.
///
/// # Errors
///
/// [`IssueError::Spec`] naming what a verifier would refuse: `next` not after `iat`, a `version`
/// that is empty or too long, a row that breaks a rule of its table, an empty `regimes` or
/// `regions`, an `iat` before the compiled-in tables' date.
///
/// # Example
///
/// ```
/// use tirkeu::cert::{build_data_bundle, SigningKey};
/// use tirkeu::data::{DataBundle, Tables};
/// let key = SigningKey::from_seed([4; 32]);
/// let mut bundle = DataBundle::from_tables("2027.1", 1_796_065_200, 1_827_601_200, Tables::compiled());
/// assert!(build_data_bundle(&bundle, &key).is_ok());
/// bundle.regions.push(bundle.regions[0].clone());
/// let error = build_data_bundle(&bundle, &key).unwrap_err();
/// assert_eq!(error.to_string(), "data bundle: regions row 21 (AST): code AST is listed twice");
/// ```
pub fn build_data_bundle(bundle: &DataBundle, key: &SigningKey) -> Result<Vec<u8>, IssueError> {
    let payload = bundle.to_payload();
    DataBundle::from_payload(&payload).map_err(|e| spec_error(e.to_string()))?;
    Ok(cose::sign(&payload, key))
}
