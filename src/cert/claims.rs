//! The CWT claims (RFC 8392) that a certificate's COSE_Sign1 carries as its payload:
//! `{1: "KZ", 6: iat, -70000: record}` (`docs/certificate-format.md`, section 3).

use core::fmt;

use super::cbor::{CborError, Reader, Writer, seen_before};
use super::record::{Record, RecordError};
use crate::data::Tables;

/// Claim key of the issuer (`iss`).
pub const CLAIM_ISSUER: i64 = 1;
/// Claim key of the issue time (`iat`).
pub const CLAIM_ISSUED_AT: i64 = 6;
/// Claim key of the registration record (a private claim).
pub const CLAIM_RECORD: i64 = -70000;
/// The issuer written in every certificate.
pub const ISSUER: &str = "KZ";
/// The latest issue time accepted: 9999-12-31T23:59:59Z.
pub const MAX_ISSUED_AT: i64 = 253_402_300_799;

/// The claims of a certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claims {
    /// Issue time, seconds since 1970-01-01 UTC.
    pub issued_at: i64,
    /// The registration record.
    pub record: Record,
}

/// Why a payload is not acceptable claims (verification stage `claims`, or `record` for
/// [`ClaimsError::Record`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClaimsError {
    /// The claims map is not strict CBOR.
    Cbor(CborError),
    /// A claim this format does not define.
    UnknownClaim {
        /// Its key.
        key: i64,
    },
    /// A required claim is missing.
    MissingClaim {
        /// Its name (`iss`, `iat`, `record`).
        name: &'static str,
    },
    /// The issuer is not `"KZ"`.
    Issuer {
        /// The issuer found (shortened).
        found: String,
    },
    /// `iat` is not an integer between 0 and 9999-12-31.
    IssuedAt,
    /// The registration record is not acceptable.
    Record(RecordError),
}

impl fmt::Display for ClaimsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClaimsError::Cbor(e) => write!(f, "claims: {e}"),
            ClaimsError::UnknownClaim { key } => write!(f, "claims: unknown claim {key}"),
            ClaimsError::MissingClaim { name } => write!(f, "claims: `{name}` is missing"),
            ClaimsError::Issuer { found } => {
                write!(f, "claims: issuer {found:?} instead of \"KZ\"")
            }
            ClaimsError::IssuedAt => {
                f.write_str("claims: `iat` is not a time between 1970 and 9999")
            }
            ClaimsError::Record(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ClaimsError {}

impl From<CborError> for ClaimsError {
    fn from(e: CborError) -> Self {
        ClaimsError::Cbor(e)
    }
}

impl Claims {
    /// Reads the claims from a COSE payload; the whole payload must be the one map.
    ///
    /// # Errors
    ///
    /// [`ClaimsError`]: strict CBOR, exactly the three claims, issuer `"KZ"`, `iat` in range,
    /// and an acceptable record ([`ClaimsError::Record`]).
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::claims::{Claims, ClaimsError};
    /// assert_eq!(Claims::decode(&[0xa0]), Err(ClaimsError::MissingClaim { name: "iss" }));
    /// ```
    pub fn decode(payload: &[u8]) -> Result<Claims, ClaimsError> {
        Claims::decode_with(payload, Tables::compiled())
    }

    /// [`Claims::decode`], with the record's region checked against `tables` (a data bundle's,
    /// say) rather than the compiled-in ones.
    ///
    /// # Errors
    ///
    /// As [`Claims::decode`].
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::claims::{Claims, ClaimsError};
    /// let tables = tirkeu::data::Tables::compiled();
    /// assert_eq!(Claims::decode_with(&[0xa0], tables), Err(ClaimsError::MissingClaim { name: "iss" }));
    /// ```
    pub fn decode_with(payload: &[u8], tables: &Tables) -> Result<Claims, ClaimsError> {
        let mut reader = Reader::new(payload);
        let mut keys = Vec::new();
        let (mut issuer, mut issued_at, mut record) = (None, None, None);
        for _ in 0..reader.map()? {
            let position = reader.position();
            let key = reader.int()?;
            if seen_before(&mut keys, key) {
                return Err(CborError::DuplicateKey { position }.into());
            }
            match key {
                CLAIM_ISSUER => issuer = Some(reader.text()?),
                CLAIM_ISSUED_AT => {
                    issued_at = Some(reader.int().map_err(|e| match e {
                        CborError::UnexpectedType { .. } | CborError::IntegerRange { .. } => {
                            ClaimsError::IssuedAt
                        }
                        other => ClaimsError::Cbor(other),
                    })?)
                }
                CLAIM_RECORD => {
                    record =
                        Some(Record::read_cbor(&mut reader, tables).map_err(ClaimsError::Record)?)
                }
                key => return Err(ClaimsError::UnknownClaim { key }),
            }
        }
        reader.finish()?;
        match issuer {
            Some(ISSUER) => {}
            Some(other) => {
                return Err(ClaimsError::Issuer {
                    found: other.chars().take(16).collect(),
                });
            }
            None => return Err(ClaimsError::MissingClaim { name: "iss" }),
        }
        let issued_at = issued_at.ok_or(ClaimsError::MissingClaim { name: "iat" })?;
        if !(0..=MAX_ISSUED_AT).contains(&issued_at) {
            return Err(ClaimsError::IssuedAt);
        }
        let record = record.ok_or(ClaimsError::MissingClaim { name: "record" })?;
        Ok(Claims { issued_at, record })
    }

    /// The payload bytes: `{1: "KZ", 6: iat, -70000: record}`, keys in the deterministic order
    /// of RFC 8949 section 4.2.1. The record is written as it is, valid or not (the issuer
    /// validates it first; tests use this to build certificates that must be refused).
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::claims::Claims;
    /// # let record: tirkeu::cert::Record = serde_json::from_str(r#"{"applicationNumber": "2026-000000001",
    /// #   "surname": "IVANOV", "givenNames": "IVAN", "passport": "751234567", "citizenship": "RUS",
    /// #   "address": "Астана", "region": "AST", "stayFrom": "2026-07-01",
    /// #   "stayTo": "2026-09-20", "hostId": "900515300127", "hostName": "АХМЕТОВ АСЕТ"}"#).unwrap();
    /// let claims = Claims { issued_at: 1_782_882_000, record };
    /// assert_eq!(Claims::decode(&claims.encode()).unwrap(), claims);
    /// ```
    pub fn encode(&self) -> Vec<u8> {
        let mut writer = Writer::new();
        writer
            .map(3)
            .int(CLAIM_ISSUER)
            .text(ISSUER)
            .int(CLAIM_ISSUED_AT)
            .int(self.issued_at)
            .int(CLAIM_RECORD);
        self.record.write_cbor(&mut writer);
        writer.into_bytes()
    }
}
