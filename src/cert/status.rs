//! The status list: which certificates are no longer valid (deregistered, re-registered
//! elsewhere, revoked), as one bit per application number and year.
//!
//! A COSE_Sign1 (a binary `.cose` file, like the trust list) signed by a key of the trust list
//! whose `use` holds `status`, not revoked and valid at the list's `iat`. Its payload, a CBOR
//! map with text keys:
//!
//! ```text
//! { "v": 2, "iat": seconds, "next": seconds (after iat),
//!   "lists": [ { "year": int, "size": int, "bits": bstr } ] }
//! ```
//!
//! `bits` is a zlib stream that inflates to exactly ceil(`size` / 8) bytes: bit N (most
//! significant bit first) is the certificate `YEAR-N` (its 9-digit sequence N), set when it is no
//! longer valid. `size` is how many sequences the list covers (the issuer's highest sequence of
//! the year, plus one), at most 2^27 ([`MAX_STATUS_SIZE`]: 16 MiB of bits). A year of 20 million
//! certificates is 2.5 MB of bits before compression.
//!
//! A version 1 list (`"v": 1`, entries `{ "year", "bits" }` without `size`) is still read: it
//! covers the sequences below 8 times its bitstring's length.
//!
//! What a list says about a certificate ([`StatusList::lookup`]): revoked (a set bit), not
//! revoked (a clear bit), or nothing (its year absent, or its sequence at or past `size`). A
//! certificate the list says nothing about is fine when it was issued after the list (the list
//! could not know it yet); otherwise its status is unknown. A list signed by a `demo` key speaks
//! only of certificates signed by `demo` keys, and a production list only of production
//! certificates.

use core::fmt;

use super::cbor::{CborError, Reader, Writer};
use super::cose::{CoseError, Sign1};
use super::deflate::{InflateError, inflate};
use super::keys::{Kid, PublicKey, to_hex};
use super::record::{Record, application_sequence};
use super::signed_list::{Header, PayloadError, Signer, SignerError, read_map, read_payload};
use super::trust::{KeyUse, TrustList};

/// The status list format version the issuer writes.
pub const STATUS_LIST_VERSION: i64 = 2;
/// The first status list format, still read: no `size`, a year covers 8 times its bitstring's
/// length.
pub const STATUS_LIST_VERSION_1: i64 = 1;
/// Most sequences one year's list covers: 2^27 = 134,217,728 (16 MiB of bits). The issuer
/// refuses to sign a certificate with a sequence at or past it, and the verifier never takes
/// one as confirmed.
pub const MAX_STATUS_SIZE: u32 = 1 << 27;
/// Most bytes of bits, all years together, once inflated, in a version 1 list: 16 MiB.
pub const MAX_STATUS_BITS_BYTES: usize = 16 * 1024 * 1024;
/// Most bytes of bits, all years together, once inflated, in a version 2 list: 64 MiB, four
/// full years.
pub const MAX_STATUS_BITS_BYTES_TOTAL: usize = 64 * 1024 * 1024;
/// Most yearly lists in one status list.
pub const MAX_STATUS_YEARS: u64 = 64;

/// Why a status list is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StatusListError {
    /// No trust list is installed to check it against.
    NoTrustList,
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
    /// The signing key may not sign status lists (its `use` lacks `status`), is revoked, or was
    /// not valid at the list's `iat`.
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
    /// A bitstring is not an acceptable zlib stream, or inflates past its size or the limit.
    Bits(InflateError),
    /// The list is signed and well formed, but its dates forbid installing it: issued in the
    /// future, before `min_issued_at`, older than the installed list, or at the same time.
    Date(super::ListDateError),
}

impl fmt::Display for StatusListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatusListError::NoTrustList => {
                f.write_str("status list: no trust list is installed to check it against")
            }
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
                    "status list: key {} may not sign status lists, is revoked, or was not valid \
                     when the list was issued",
                    to_hex(kid)
                )
            }
            StatusListError::Payload(e) => write!(f, "status list: {e}"),
            StatusListError::Format { reason } => write!(f, "status list: {reason}"),
            StatusListError::Bits(e) => write!(f, "status list bits: {e}"),
            StatusListError::Date(e) => write!(f, "status list: {e}"),
        }
    }
}

impl std::error::Error for StatusListError {}

impl From<CborError> for StatusListError {
    fn from(e: CborError) -> Self {
        StatusListError::Payload(e)
    }
}

impl From<super::ListDateError> for StatusListError {
    fn from(e: super::ListDateError) -> Self {
        StatusListError::Date(e)
    }
}

impl From<SignerError> for StatusListError {
    fn from(e: SignerError) -> Self {
        match e {
            SignerError::Cose(e) => StatusListError::Cose(e),
            SignerError::UnknownKey { kid } => StatusListError::UnknownKey { kid },
            SignerError::BadSignature { kid } => StatusListError::BadSignature { kid },
            SignerError::KeyNotValid { kid } => StatusListError::KeyNotValid { kid },
        }
    }
}

impl PayloadError for StatusListError {
    fn format(reason: String) -> Self {
        StatusListError::Format { reason }
    }
}

fn format_error(reason: impl Into<String>) -> StatusListError {
    StatusListError::format(reason.into())
}

/// What a status list says about one certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Its bit is set: no longer valid.
    Revoked,
    /// Its bit is clear.
    NotRevoked,
    /// The list does not cover it: its year is absent, or its sequence is at or past `size`.
    NotCovered,
}

/// One year of a status list.
#[derive(Clone, Debug, PartialEq, Eq)]
struct YearBits {
    year: i32,
    /// How many sequences the bits cover.
    size: u32,
    /// ceil(size / 8) bytes (version 1: size / 8), most significant bit first.
    bits: Vec<u8>,
}

/// A verified status list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusList {
    version: i64,
    issued_at: i64,
    next_update: i64,
    /// A demonstration signer's list speaks only of certificates signed by demonstration keys.
    signer: Signer,
    years: Vec<YearBits>,
}

/// A summary of a status list for people and pages (serde camelCase).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub struct StatusListSummary {
    /// The format version: 1 or 2.
    #[cfg_attr(test, ts(type = "1 | 2"))]
    pub version: i64,
    /// Issue time, seconds since 1970.
    pub iat: i64,
    /// Next update expected, seconds since 1970; past it the list is stale.
    pub next: i64,
    /// Kid of the signing key (hex).
    pub kid: String,
    /// Signed by a demonstration key: the list speaks only of DEMO certificates.
    pub demo: bool,
    /// One entry a year.
    pub lists: Vec<StatusYearSummary>,
}

/// One year of a [`StatusListSummary`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StatusYearSummary {
    /// The year of the application numbers.
    pub year: i32,
    /// How many sequences of that year the list covers (0 to `size` - 1).
    pub size: u32,
    /// How many certificates of that year are no longer valid.
    pub revoked: u64,
}

impl StatusList {
    /// Verifies and reads a status list signed by a key of `trust` that may sign status lists:
    /// its `use` holds `status`, it is not revoked, and the list's `iat` lies in its validity.
    ///
    /// # Errors
    ///
    /// [`StatusListError::UnknownKey`], [`StatusListError::BadSignature`] or
    /// [`StatusListError::KeyNotValid`] when no such key signed it;
    /// [`StatusListError::Cose`], [`StatusListError::Payload`], [`StatusListError::Format`] or
    /// [`StatusListError::Bits`] for a list not exactly of this format.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::*;
    /// let root = SigningKey::from_seed([1; 32]);
    /// let status_key = SigningKey::from_seed([3; 32]);
    /// let key = TrustedKeySpec { uses: KeyUses::STATUS, ..TrustedKeySpec::new(status_key.public_key(), "Status", 0) };
    /// let trust = build_trust_list(&TrustListSpec { iat: 0, next: 100, keys: vec![key] }, &root).unwrap();
    /// let trust = TrustList::from_cose(&trust, &root.public_key()).unwrap();
    /// let spec = StatusListSpec { revoked: vec!["2026-000000123".into()], ..StatusListSpec::new(10, 20) };
    /// let status = StatusList::from_cose(&build_status_list(&spec, &status_key).unwrap(), &trust).unwrap();
    /// assert_eq!(status.lookup_number("2026-000000123"), Lookup::Revoked);
    /// assert_eq!(status.lookup_number("2026-000000122"), Lookup::NotRevoked);
    /// assert_eq!(status.lookup_number("2026-000000124"), Lookup::NotCovered); // size 124
    /// ```
    pub fn from_cose(bytes: &[u8], trust: &TrustList) -> Result<StatusList, StatusListError> {
        let ((header, years), signer) = super::signed_list::verify_signed(
            bytes,
            trust,
            KeyUse::Status,
            decode_payload,
            |(header, _)| header.issued_at,
        )?;
        Ok(StatusList::new(header, signer, years))
    }

    fn new(header: Header, signer: Signer, years: Vec<YearBits>) -> StatusList {
        StatusList {
            version: header.version,
            issued_at: header.issued_at,
            next_update: header.next_update,
            signer,
            years,
        }
    }

    /// Reads a status list signed by `signer`, with no trust list: for the issuer's tools, which
    /// read back the list they have just signed. The list is taken as a production one
    /// ([`StatusList::is_demo`] is false), since only a trust list can tell. Never a way to verify
    /// a list received: [`StatusList::from_cose`] is.
    ///
    /// # Errors
    ///
    /// [`StatusListError::BadSignature`] when `signer` did not sign it, and the format errors of
    /// [`StatusList::from_cose`].
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::*;
    /// let key = SigningKey::from_seed([3; 32]);
    /// let bytes = build_status_list(&StatusListSpec::new(10, 20), &key).unwrap();
    /// assert_eq!(StatusList::read_back(&bytes, &key.public_key()).unwrap().issued_at(), 10);
    /// ```
    pub fn read_back(bytes: &[u8], signer: &PublicKey) -> Result<StatusList, StatusListError> {
        let message = Sign1::decode(bytes).map_err(StatusListError::Cose)?;
        let kid = message.require_profile().map_err(StatusListError::Cose)?;
        if !message.verify(signer) {
            return Err(StatusListError::BadSignature { kid });
        }
        let (header, years) = decode_payload(message.payload)?;
        let signer = Signer {
            kid,
            public_key: *signer,
            demo: false,
        };
        Ok(StatusList::new(header, signer, years))
    }

    /// The format version of the list: 1 or 2.
    ///
    /// # Example
    ///
    /// ```
    /// # let status = tirkeu::cert::status::example();
    /// assert_eq!(status.version(), 2);
    /// ```
    pub fn version(&self) -> i64 {
        self.version
    }

    /// Issue time of the list (seconds since 1970).
    ///
    /// # Example
    ///
    /// ```
    /// # let status = tirkeu::cert::status::example();
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
    /// # let status = tirkeu::cert::status::example();
    /// assert_eq!(status.next_update(), 200);
    /// ```
    pub fn next_update(&self) -> i64 {
        self.next_update
    }

    /// Whether a demonstration key signed the list: it then speaks only of certificates signed
    /// by demonstration keys (and a production list only of production certificates).
    ///
    /// # Example
    ///
    /// ```
    /// # let status = tirkeu::cert::status::example();
    /// assert!(status.is_demo());
    /// ```
    pub fn is_demo(&self) -> bool {
        self.signer.demo
    }

    /// Whether the list is past its `next` update time at `now_unix_seconds`.
    ///
    /// # Example
    ///
    /// ```
    /// # let status = tirkeu::cert::status::example();
    /// assert!(!status.is_stale(200) && status.is_stale(201));
    /// ```
    pub fn is_stale(&self, now_unix_seconds: i64) -> bool {
        now_unix_seconds > self.next_update
    }

    /// How current the list is at `now_unix_seconds`: past `next` it is stale, past `next` plus
    /// `grace_seconds` expired.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::Currency;
    /// # let status = tirkeu::cert::status::example();
    /// assert_eq!(status.currency(260, 60), Currency::Stale);
    /// assert_eq!(status.currency(261, 60), Currency::Expired);
    /// ```
    pub fn currency(&self, now_unix_seconds: i64, grace_seconds: i64) -> super::Currency {
        super::freshness::currency(self.next_update, now_unix_seconds, grace_seconds)
    }

    /// Whether `trust` still trusts the key that signed this list to sign it (after a new trust
    /// list is installed): a key with the same kid and public key that may sign status lists at
    /// the list's issue time.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let status = tirkeu::cert::status::example();
    /// let empty = TrustListSpec { iat: 300, next: 400, keys: vec![] };
    /// let empty = TrustList::from_cose(&build_trust_list(&empty, &root).unwrap(), &root.public_key()).unwrap();
    /// assert!(!status.signer_trusted_by(&empty));
    /// ```
    pub fn signer_trusted_by(&self, trust: &TrustList) -> bool {
        self.signer
            .in_trust_list(trust, KeyUse::Status, self.issued_at)
            .is_some()
    }

    /// Takes the demonstration flag of the signer from `trust` (a new trust list may mark it
    /// otherwise); `false` when `trust` no longer trusts the signer.
    pub(crate) fn rebind(&mut self, trust: &TrustList) -> bool {
        self.signer.rebind(trust, KeyUse::Status, self.issued_at)
    }

    /// What the list says about the certificate with this application number: a number that is
    /// not `YYYY-NNNNNNNNN`, or whose sequence is 2^27 or more, is never covered.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::status::Lookup;
    /// # let status = tirkeu::cert::status::example(); // revokes 2026-000000009, issued up to 2026-000000099
    /// assert_eq!(status.lookup_number("2026-000000009"), Lookup::Revoked);
    /// assert_eq!(status.lookup_number("2026-000000010"), Lookup::NotRevoked);
    /// assert_eq!(status.lookup_number("2026-000000100"), Lookup::NotCovered);
    /// assert_eq!(status.lookup_number("2025-000000009"), Lookup::NotCovered);
    /// ```
    pub fn lookup_number(&self, application_number: &str) -> Lookup {
        let Some((year, sequence)) = application_sequence(application_number) else {
            return Lookup::NotCovered;
        };
        let Some(list) = self.years.iter().find(|list| list.year == year) else {
            return Lookup::NotCovered;
        };
        if sequence >= list.size {
            return Lookup::NotCovered;
        }
        let byte = list.bits.get((sequence / 8) as usize).copied().unwrap_or(0);
        if byte & (0x80 >> (sequence % 8)) != 0 {
            Lookup::Revoked
        } else {
            Lookup::NotRevoked
        }
    }

    /// What the list says about this record's certificate ([`StatusList::lookup_number`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::{Record, status::Lookup};
    /// # let status = tirkeu::cert::status::example();
    /// # let json = r#"{"applicationNumber": "2026-000000009", "surname": "IVANOV", "givenNames": "IVAN",
    /// #   "passport": "751234567", "citizenship": "RUS", "address": "Астана", "region": "AST",
    /// #   "stayFrom": "2026-07-01", "stayTo": "2026-09-20", "hostId": "900515300127", "hostName": "АХМЕТОВ"}"#;
    /// let record: Record = serde_json::from_str(json).unwrap();
    /// assert_eq!(status.lookup(&record), Lookup::Revoked);
    /// ```
    pub fn lookup(&self, record: &Record) -> Lookup {
        self.lookup_number(&record.application_number)
    }

    /// Whether the list marks the certificate with this application number as no longer valid.
    ///
    /// # Example
    ///
    /// ```
    /// # let status = tirkeu::cert::status::example();
    /// assert!(status.is_revoked_number("2026-000000009"));
    /// assert!(!status.is_revoked_number("2025-000000009"));
    /// ```
    pub fn is_revoked_number(&self, application_number: &str) -> bool {
        self.lookup_number(application_number) == Lookup::Revoked
    }

    /// The summary for people and pages.
    ///
    /// # Example
    ///
    /// ```
    /// # let status = tirkeu::cert::status::example();
    /// let summary = status.summary();
    /// assert_eq!((summary.lists[0].year, summary.lists[0].size, summary.lists[0].revoked), (2026, 100, 1));
    /// ```
    pub fn summary(&self) -> StatusListSummary {
        StatusListSummary {
            version: self.version,
            iat: self.issued_at,
            next: self.next_update,
            kid: to_hex(&self.signer.kid),
            demo: self.signer.demo,
            lists: self
                .years
                .iter()
                .map(|list| StatusYearSummary {
                    year: list.year,
                    size: list.size,
                    revoked: count_revoked(list),
                })
                .collect(),
        }
    }
}

/// The set bits below `size`.
fn count_revoked(list: &YearBits) -> u64 {
    let whole = (list.size / 8) as usize;
    let mut count: u64 = list
        .bits
        .get(..whole)
        .unwrap_or(&list.bits)
        .iter()
        .map(|b| u64::from(b.count_ones()))
        .sum();
    let rest = list.size % 8;
    if rest > 0
        && let Some(last) = list.bits.get(whole)
    {
        count += u64::from((last & !(0xffu8 >> rest)).count_ones());
    }
    count
}

/// A status list for the examples of this module's documentation: signed by a demonstration
/// key (cert and status), issued at 100, next update at 200, revoking 2026-000000009 among the
/// 100 sequences issued in 2026.
#[doc(hidden)]
pub fn example() -> StatusList {
    use super::{KeyUses, SigningKey, TrustListSpec, TrustedKeySpec};
    let root = SigningKey::from_seed([1; 32]);
    let office = SigningKey::from_seed([2; 32]);
    let key = TrustedKeySpec {
        uses: KeyUses::CERT_AND_STATUS,
        demo: true,
        ..TrustedKeySpec::new(office.public_key(), "Office", 0)
    };
    let spec = TrustListSpec {
        iat: 100,
        next: 200,
        keys: vec![key],
    };
    let trust = super::build_trust_list(&spec, &root)
        .ok()
        .and_then(|bytes| TrustList::from_cose(&bytes, &root.public_key()).ok());
    let mut status = StatusListSpec::new(100, 200);
    status.revoked = vec!["2026-000000009".into()];
    status.issued.insert(2026, 99);
    let list = trust.and_then(|trust| {
        let bytes = super::build_status_list(&status, &office).ok()?;
        StatusList::from_cose(&bytes, &trust).ok()
    });
    list.unwrap_or_else(|| StatusList {
        version: STATUS_LIST_VERSION,
        issued_at: 0,
        next_update: 0,
        signer: Signer {
            kid: [0; 8],
            public_key: office.public_key(),
            demo: false,
        },
        years: Vec::new(),
    })
}

/// A payload's version, `iat` and `next`, and its yearly lists.
fn decode_payload(payload: &[u8]) -> Result<(Header, Vec<YearBits>), StatusListError> {
    let mut years = None;
    let versions = [STATUS_LIST_VERSION_1, STATUS_LIST_VERSION];
    let header = read_payload::<StatusListError>(payload, &versions, |name, reader| {
        match name {
            // The version may come after the lists: each is read raw and inflated below.
            "lists" => years = Some(read_raw_years(reader)?),
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    let raw = years.ok_or_else(|| format_error("`lists` is missing"))?;
    let years = inflate_years(raw, header.version)?;
    Ok((header, years))
}

/// A yearly list as read: year, `size` if given, compressed bits.
struct RawYear<'p> {
    year: i32,
    size: Option<i64>,
    bits: &'p [u8],
}

fn read_raw_years<'p>(reader: &mut Reader<'p>) -> Result<Vec<RawYear<'p>>, StatusListError> {
    let count = reader.array()?;
    if count > MAX_STATUS_YEARS {
        return Err(format_error(format!(
            "more than {MAX_STATUS_YEARS} yearly lists"
        )));
    }
    let mut years: Vec<RawYear<'p>> = Vec::new();
    for _ in 0..count {
        let (mut year, mut size, mut bits) = (None, None, None);
        read_map(reader, |name, reader| {
            match name {
                "year" => year = Some(reader.int()?),
                "size" => size = Some(reader.int()?),
                "bits" => bits = Some(reader.bytes()?),
                _ => return Err(format_error("unknown field in a yearly list")),
            }
            Ok(())
        })?;
        let year = year
            .and_then(|y| i32::try_from(y).ok())
            .filter(|y| (0..=9999).contains(y))
            .ok_or_else(|| format_error("a yearly list's `year` is missing or not 0-9999"))?;
        if years.iter().any(|raw| raw.year == year) {
            return Err(format_error(format!("year {year} is listed twice")));
        }
        let bits = bits.ok_or_else(|| format_error("a yearly list's `bits` is missing"))?;
        years.push(RawYear { year, size, bits });
    }
    Ok(years)
}

/// Inflates the yearly lists of a list of `version`: version 2 sizes (0 to 2^27) each bitstring,
/// which must inflate to exactly ceil(size / 8) bytes, 64 MiB in all; a version 1 year covers 8
/// times its bitstring's length, 16 MiB in all.
fn inflate_years(raw: Vec<RawYear<'_>>, version: i64) -> Result<Vec<YearBits>, StatusListError> {
    let first = version == STATUS_LIST_VERSION_1;
    let mut budget = if first {
        MAX_STATUS_BITS_BYTES
    } else {
        MAX_STATUS_BITS_BYTES_TOTAL
    };
    let mut years = Vec::with_capacity(raw.len());
    for RawYear { year, size, bits } in raw {
        let size = match (first, size) {
            (true, None) => None,
            (false, Some(size)) => Some(
                u32::try_from(size)
                    .ok()
                    .filter(|size| *size <= MAX_STATUS_SIZE)
                    .ok_or_else(|| format_error(format!("year {year}: `size` is not 0 to 2^27")))?,
            ),
            _ => {
                return Err(format_error(format!(
                    "year {year}: `size` is required in version 2 and unknown in version 1"
                )));
            }
        };
        let limit = size.map_or(budget, |size| size.div_ceil(8) as usize);
        if limit > budget {
            return Err(format_error("the yearly lists pass the size limit"));
        }
        let bits = inflate(bits, limit).map_err(StatusListError::Bits)?;
        if size.is_some_and(|_| bits.len() != limit) {
            return Err(format_error(format!(
                "year {year}: the bits inflate to {} bytes, not ceil(size / 8) = {limit}",
                bits.len()
            )));
        }
        budget -= bits.len();
        // A version 1 list holds at most 16 MiB: 2^27 bits, which fits a u32.
        let size = size.unwrap_or_else(|| u32::try_from(bits.len() * 8).unwrap_or(MAX_STATUS_SIZE));
        years.push(YearBits { year, size, bits });
    }
    Ok(years)
}

/// What a status list should hold, for [`build_status_list`](super::build_status_list); read from
/// REVOKED.json by the command line (serde camelCase; times as seconds since 1970 or RFC 3339
/// text, see [`parse_instant`](super::instant::parse_instant)).
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusListSpec {
    /// Issue time (seconds since 1970).
    #[serde(deserialize_with = "super::instant::deserialize_instant")]
    pub iat: i64,
    /// Next update expected (seconds since 1970), after `iat`.
    #[serde(deserialize_with = "super::instant::deserialize_instant")]
    pub next: i64,
    /// Application numbers (`YYYY-NNNNNNNNN`) of the certificates no longer valid.
    pub revoked: Vec<String>,
    /// The highest sequence issued each year (`{"2026": 1200345}`): the list of a year covers
    /// the sequences up to it. A year with revocations but absent here is covered up to its
    /// highest revoked sequence.
    #[serde(default)]
    pub issued: std::collections::BTreeMap<i32, u64>,
}

impl StatusListSpec {
    /// A list issued at `iat`, next update at `next`, revoking nothing and covering no year.
    ///
    /// # Example
    ///
    /// ```
    /// let spec = tirkeu::cert::StatusListSpec::new(100, 200);
    /// assert!(spec.revoked.is_empty() && spec.issued.is_empty());
    /// ```
    pub fn new(iat: i64, next: i64) -> StatusListSpec {
        StatusListSpec {
            iat,
            next,
            revoked: Vec::new(),
            issued: Default::default(),
        }
    }
}

/// One year of a list to encode: the year, the sequences covered, the uncompressed bits.
pub(crate) struct YearToEncode {
    pub(crate) year: i32,
    pub(crate) size: u32,
    pub(crate) bits: Vec<u8>,
}

/// Encodes the payload of a version 2 status list (keys in the deterministic order of RFC 8949
/// section 4.2.1), years ascending.
pub(crate) fn encode_payload(iat: i64, next: i64, years: &[YearToEncode]) -> Vec<u8> {
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
    for year in years {
        writer
            .map(3)
            .text("bits")
            .bytes(&super::deflate::compress(&year.bits))
            .text("size")
            .int(i64::from(year.size))
            .text("year")
            .int(i64::from(year.year));
    }
    writer.into_bytes()
}
