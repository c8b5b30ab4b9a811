//! The registration record: the printed fields of the certificate, as JSON (camelCase) and as
//! the CBOR map with integer keys carried in the QR code.
//!
//! | key | field (JSON name) | value |
//! |---|---|---|
//! | 1 | version | 1 |
//! | 2 | `applicationNumber` | `YYYY-NNNNNNNNN`: the year of issue and a 9-digit sequence |
//! | 3 | `surname` | a person's name |
//! | 4 | `givenNames` | a person's name |
//! | 5 | `patronymic` | a person's name; optional |
//! | 6 | `passport` | series and number: `A-Z`, `0-9`, 5-20 characters |
//! | 7 | `citizenship` | ISO 3166-1 alpha-3, three letters `A-Z` (`XXA` stateless) |
//! | 8 | `address` | the address of stay, as printed |
//! | 9 | `region` | a region code of the crate's table ([`crate::data::regions`]; a verifier with a data bundle installed, of the bundle's) |
//! | 10 | `stayFrom` | `YYYY-MM-DD` (a civil date in Kazakhstan) |
//! | 11 | `stayTo` | `YYYY-MM-DD`, not before `stayFrom` |
//! | 12 | `hostId` | the host's IIN or BIN: 12 digits |
//! | 13 | `hostName` | the host's full name: a person's name, or an organisation's when `hostId` is a BIN |
//!
//! Every text is in Unicode NFC and keeps the character rules of [`crate::text_rules`]: no
//! control, format, private-use, unassigned or separator character but the space, no blank
//! look-alike of a letter, no word mixing Latin and Cyrillic letters; names of letters, marks,
//! spaces, hyphens, apostrophes and dots (an organisation's name also digits and quotes). The
//! issuer refuses to sign, and the verifier rejects (`malformed`, stage `record`), a record that
//! breaks any of them, so that a certificate never displays a name or number that looks like
//! another.

use core::fmt;

use super::cbor::{CborError, Reader, Writer};
use crate::data::Tables;
use crate::date::Date;
use crate::nfc::is_nfc;
use crate::text_rules::{TextKind, TextProblem, check_text};

/// The record format version written in key 1.
pub const RECORD_VERSION: i64 = 1;

/// Most characters in a surname, given names or patronymic.
pub const MAX_NAME_CHARS: usize = 64;
/// Most characters in a passport series and number.
pub const MAX_PASSPORT_CHARS: usize = 20;
/// Most characters in the address of stay.
pub const MAX_ADDRESS_CHARS: usize = 200;

/// The registration record of a certificate.
///
/// # Example
///
/// ```
/// let json = r#"{"applicationNumber": "2026-000000123", "surname": "IVANOV", "givenNames": "IVAN",
///   "passport": "751234567", "citizenship": "RUS", "address": "Алматы, Абая 10, кв. 5",
///   "region": "ALA", "stayFrom": "2026-07-01", "stayTo": "2026-09-20",
///   "hostId": "900515300127", "hostName": "АХМЕТОВ АСЕТ"}"#;
/// let record: tirkeu::cert::Record = serde_json::from_str(json).unwrap();
/// record.validate().unwrap();
/// assert_eq!(record.application_sequence(), Some((2026, 123)));
/// ```
// Deserialize: by hand, below, so that a record read is a valid one.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "CertificateRecord"))]
pub struct Record {
    /// `YYYY-NNNNNNNNN`: the year of issue and a 9-digit sequence (key 2).
    pub application_number: String,
    /// Surname (key 3).
    pub surname: String,
    /// Given names (key 4).
    pub given_names: String,
    /// Patronymic, when there is one (key 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patronymic: Option<String>,
    /// Passport series and number (key 6).
    pub passport: String,
    /// Citizenship, ISO 3166-1 alpha-3; `XXA` for a stateless person (key 7).
    pub citizenship: String,
    /// Address of stay in Kazakhstan, as printed (key 8).
    pub address: String,
    /// Region code of `kz-regions.csv` (key 9).
    pub region: String,
    /// First day of the registered stay (key 10).
    pub stay_from: Date,
    /// Last day of the registered stay (key 11).
    pub stay_to: Date,
    /// IIN or BIN of the host: 12 digits (key 12).
    pub host_id: String,
    /// Full name of the host (key 13).
    pub host_name: String,
}

/// Why a record is not acceptable (verification stage `record`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecordError {
    /// The record is not strict CBOR.
    Cbor(CborError),
    /// A key that the record format does not define.
    UnknownField {
        /// The key.
        key: i64,
    },
    /// A required field is missing.
    MissingField {
        /// Its JSON name.
        field: &'static str,
    },
    /// A field has the wrong CBOR type.
    WrongType {
        /// Its JSON name.
        field: &'static str,
    },
    /// A text field is not in Unicode normalization form C.
    NotNfc {
        /// Its JSON name.
        field: &'static str,
    },
    /// A field's value breaks its format.
    Invalid {
        /// Its JSON name.
        field: &'static str,
        /// What is wrong.
        reason: &'static str,
    },
    /// A record version other than 1.
    Version {
        /// The version found.
        found: i64,
    },
    /// A text field breaks the character rules of its kind.
    Text {
        /// Its JSON name.
        field: &'static str,
        /// The rule broken.
        problem: TextProblem,
    },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Cbor(e) => write!(f, "record: {e}"),
            RecordError::UnknownField { key } => write!(f, "record: unknown key {key}"),
            RecordError::MissingField { field } => write!(f, "record: `{field}` is missing"),
            RecordError::WrongType { field } => write!(f, "record: `{field}` has the wrong type"),
            RecordError::NotNfc { field } => {
                write!(
                    f,
                    "record: `{field}` is not in Unicode normalization form C"
                )
            }
            RecordError::Invalid { field, reason } => write!(f, "record: `{field}` {reason}"),
            RecordError::Version { found } => write!(f, "record: version {found} instead of 1"),
            RecordError::Text { field, problem } => write!(f, "record: `{field}` {problem}"),
        }
    }
}

impl std::error::Error for RecordError {}

/// Why a JSON value is not a record (read by [`Record::from_json`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecordJsonError {
    /// The value is not a JSON object.
    NotAnObject,
    /// A member that the record does not have.
    UnknownField {
        /// Its name (at most 40 characters of it).
        field: String,
    },
    /// A required member is absent (or `null`).
    MissingField {
        /// Its JSON name.
        field: &'static str,
    },
    /// A member is not a string.
    NotAString {
        /// Its JSON name.
        field: &'static str,
    },
    /// A date member is not `YYYY-MM-DD`.
    NotADate {
        /// Its JSON name.
        field: &'static str,
    },
}

impl fmt::Display for RecordJsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordJsonError::NotAnObject => f.write_str("the record must be a JSON object"),
            RecordJsonError::UnknownField { field } => write!(f, "unknown field `{field}`"),
            RecordJsonError::MissingField { field } => write!(f, "missing field `{field}`"),
            RecordJsonError::NotAString { field } => write!(f, "field `{field}` must be a string"),
            RecordJsonError::NotADate { field } => {
                write!(f, "field `{field}` must be a date YYYY-MM-DD")
            }
        }
    }
}

impl std::error::Error for RecordJsonError {}

impl<'de> serde::Deserialize<'de> for Record {
    /// Deserializes through a JSON value with [`Record::from_json`].
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Record::from_json(&value).map_err(serde::de::Error::custom)
    }
}

/// Checks a text field: the character rules of its kind, then Unicode NFC.
fn text_field(field: &'static str, value: &str, kind: TextKind) -> Result<(), RecordError> {
    check_text(value, kind).map_err(|problem| RecordError::Text { field, problem })?;
    // Exact NFC (crate::nfc): Ә + U+0301, which has no precomposed form, is accepted, and the
    // issuer applies the same rule, so it never signs what the verifier refuses.
    if !is_nfc(value) {
        return Err(RecordError::NotNfc { field });
    }
    Ok(())
}

/// Whether a 12-digit host id is a BIN (an organisation's) rather than an IIN (a person's): its
/// digits 3-4 are a month, 01 to 12 (the BIN's registration month), and its fifth digit is 4, 5
/// or 6 (the kind of legal entity), where an IIN's fifth digit is the tens of a day of the month,
/// 0 to 3. The check digit is not looked at.
///
/// # Example
///
/// ```
/// use tirkeu::cert::record::host_id_is_bin;
/// assert!(host_id_is_bin("150640001237"));
/// assert!(!host_id_is_bin("900515300127")); // an IIN: born 1990-05-15
/// assert!(!host_id_is_bin("901340001234")); // month 13
/// ```
pub fn host_id_is_bin(host_id: &str) -> bool {
    match host_id.as_bytes() {
        [_, _, month_tens, month_units, b'4'..=b'6', ..] => matches!(
            (month_tens, month_units),
            (b'0', b'1'..=b'9') | (b'1', b'0'..=b'2')
        ),
        _ => false,
    }
}

/// Checks an ASCII field against a pattern of the same length: `9` a digit, `A` a capital
/// Latin letter, any other character itself.
fn ascii_field(
    field: &'static str,
    value: &str,
    pattern: &str,
    reason: &'static str,
) -> Result<(), RecordError> {
    let matches = value.len() == pattern.len()
        && value.bytes().zip(pattern.bytes()).all(|(b, p)| match p {
            b'9' => b.is_ascii_digit(),
            b'A' => b.is_ascii_uppercase(),
            literal => b == literal,
        });
    if matches {
        Ok(())
    } else {
        Err(RecordError::Invalid { field, reason })
    }
}

impl Record {
    /// Reads a record from its JSON form (camelCase names; `patronymic` may be absent or `null`;
    /// no other member is allowed). The values are taken as they are: [`Record::validate`]
    /// checks them.
    ///
    /// This is a reader of its own rather than a derived `Deserialize` (which
    /// `serde_json::from_str::<Record>` still offers, through this function): serde's derived
    /// readers and their error messages cost the WebAssembly module about 15 KB gzipped.
    ///
    /// # Errors
    ///
    /// [`RecordJsonError`] for a value that is not an object, an unknown or missing member, a
    /// member that is not a string, or a date that is not `YYYY-MM-DD`.
    ///
    /// # Example
    ///
    /// ```
    /// use serde_json::json;
    /// use tirkeu::cert::{Record, RecordJsonError};
    ///
    /// let mut json = json!({"applicationNumber": "2026-000004567", "surname": "IVANOV",
    ///   "givenNames": "IVAN", "passport": "751234567", "citizenship": "RUS", "address": "Астана",
    ///   "region": "AST", "stayFrom": "2026-07-01", "stayTo": "2026-09-20",
    ///   "hostId": "900515300127", "hostName": "АХМЕТОВ"});
    /// let record = Record::from_json(&json)?;
    /// assert_eq!(record.patronymic, None);
    /// json["stayTo"] = json!("20.09.2026");
    /// assert_eq!(Record::from_json(&json), Err(RecordJsonError::NotADate { field: "stayTo" }));
    /// # Ok::<(), RecordJsonError>(())
    /// ```
    pub fn from_json(value: &serde_json::Value) -> Result<Record, RecordJsonError> {
        let object = value.as_object().ok_or(RecordJsonError::NotAnObject)?;
        // The members are the names of CBOR keys 2-13.
        let members = FIELD_NAMES.get(2..).unwrap_or_default();
        if let Some(unknown) = object.keys().find(|key| !members.contains(&key.as_str())) {
            return Err(RecordJsonError::UnknownField {
                field: unknown.chars().take(40).collect(),
            });
        }
        let optional = |field: &'static str| match object.get(field) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(RecordJsonError::NotAString { field }),
        };
        let required =
            |field: &'static str| optional(field)?.ok_or(RecordJsonError::MissingField { field });
        let date = |field: &'static str| {
            Date::parse(&required(field)?).map_err(|_| RecordJsonError::NotADate { field })
        };
        Ok(Record {
            application_number: required("applicationNumber")?,
            surname: required("surname")?,
            given_names: required("givenNames")?,
            patronymic: optional("patronymic")?,
            passport: required("passport")?,
            citizenship: required("citizenship")?,
            address: required("address")?,
            region: required("region")?,
            stay_from: date("stayFrom")?,
            stay_to: date("stayTo")?,
            host_id: required("hostId")?,
            host_name: required("hostName")?,
        })
    }

    /// Checks every field: the application number `YYYY-NNNNNNNNN`; surname, given names and
    /// patronymic as a person's name ([`TextKind::PersonName`]); the passport `A-Z0-9`, 5-20
    /// characters; citizenship three capital Latin letters; the address printable text
    /// ([`TextKind::Address`]); the region a code of the crate's table; stay from not after
    /// stay to; the host's IIN or BIN 12 digits; the host's name a person's name, or an
    /// organisation's when the host id is a BIN ([`host_id_is_bin`]). Every text is in NFC.
    ///
    /// # Errors
    ///
    /// The first [`RecordError`] found, in the order of the fields.
    ///
    /// # Example
    ///
    /// ```
    /// # let json = r#"{"applicationNumber": "2026-000004567", "surname": "IVANOV", "givenNames": "IVAN",
    /// #   "passport": "751234567", "citizenship": "RUS", "address": "Астана", "region": "AST",
    /// #   "stayFrom": "2026-07-01", "stayTo": "2026-09-20", "hostId": "900515300127", "hostName": "АХМЕТОВ"}"#;
    /// let mut record: tirkeu::cert::Record = serde_json::from_str(json).unwrap();
    /// assert!(record.validate().is_ok());
    /// record.surname = "IV\u{410}NOV".into(); // a Cyrillic А among Latin letters
    /// assert!(record.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<(), RecordError> {
        self.validate_with(Tables::compiled())
    }

    /// [`Record::validate`], with the region checked against `tables` (a data bundle's, say).
    ///
    /// # Errors
    ///
    /// As [`Record::validate`].
    ///
    /// # Example
    ///
    /// ```
    /// # let json = r#"{"applicationNumber": "2026-000004567", "surname": "IVANOV", "givenNames": "IVAN",
    /// #   "passport": "751234567", "citizenship": "RUS", "address": "Астана", "region": "AST",
    /// #   "stayFrom": "2026-07-01", "stayTo": "2026-09-20", "hostId": "900515300127", "hostName": "АХМЕТОВ"}"#;
    /// let record: tirkeu::cert::Record = serde_json::from_str(json).unwrap();
    /// assert!(record.validate_with(tirkeu::data::Tables::compiled()).is_ok());
    /// ```
    pub fn validate_with(&self, tables: &Tables) -> Result<(), RecordError> {
        ascii_field(
            "applicationNumber",
            &self.application_number,
            "9999-999999999",
            "is not YYYY-NNNNNNNNN",
        )?;
        text_field("surname", &self.surname, TextKind::PersonName)?;
        text_field("givenNames", &self.given_names, TextKind::PersonName)?;
        if let Some(patronymic) = &self.patronymic {
            text_field("patronymic", patronymic, TextKind::PersonName)?;
        }
        text_field("passport", &self.passport, TextKind::Passport)?;
        ascii_field(
            "citizenship",
            &self.citizenship,
            "AAA",
            "is not three capital letters (ISO 3166-1 alpha-3)",
        )?;
        text_field("address", &self.address, TextKind::Address)?;
        if tables.region(&self.region).is_none() {
            return Err(RecordError::Invalid {
                field: "region",
                reason: "is not a region code of the table",
            });
        }
        if self.stay_to < self.stay_from {
            return Err(RecordError::Invalid {
                field: "stayTo",
                reason: "is before stayFrom",
            });
        }
        ascii_field("hostId", &self.host_id, "999999999999", "is not 12 digits")?;
        let host_kind = if host_id_is_bin(&self.host_id) {
            TextKind::OrganisationName
        } else {
            TextKind::PersonName
        };
        text_field("hostName", &self.host_name, host_kind)?;
        Ok(())
    }

    /// The year and the 9-digit sequence of the application number, which index the status
    /// list; `None` when the number is not of the form `YYYY-NNNNNNNNN`.
    ///
    /// # Example
    ///
    /// ```
    /// # let json = r#"{"applicationNumber": "2026-000004567", "surname": "IVANOV", "givenNames": "IVAN",
    /// #   "passport": "751234567", "citizenship": "RUS", "address": "Астана", "region": "AST",
    /// #   "stayFrom": "2026-07-01", "stayTo": "2026-09-20", "hostId": "900515300127", "hostName": "АХМЕТОВ"}"#;
    /// let mut record: tirkeu::cert::Record = serde_json::from_str(json).unwrap();
    /// assert_eq!(record.application_sequence(), Some((2026, 4567)));
    /// record.application_number = "4567".into();
    /// assert_eq!(record.application_sequence(), None);
    /// ```
    pub fn application_sequence(&self) -> Option<(i32, u32)> {
        application_sequence(&self.application_number)
    }

    /// Writes the record as its CBOR map (keys in ascending order; patronymic only when given).
    pub(crate) fn write_cbor(&self, writer: &mut Writer) {
        let stay_from = self.stay_from.to_string();
        let stay_to = self.stay_to.to_string();
        let fields: [(i64, Option<&str>); 12] = [
            (2, Some(&self.application_number)),
            (3, Some(&self.surname)),
            (4, Some(&self.given_names)),
            (5, self.patronymic.as_deref()),
            (6, Some(&self.passport)),
            (7, Some(&self.citizenship)),
            (8, Some(&self.address)),
            (9, Some(&self.region)),
            (10, Some(&stay_from)),
            (11, Some(&stay_to)),
            (12, Some(&self.host_id)),
            (13, Some(&self.host_name)),
        ];
        let present = fields.iter().filter(|(_, value)| value.is_some()).count();
        writer.map(present + 1).int(1).int(RECORD_VERSION);
        for (key, value) in fields {
            if let Some(value) = value {
                writer.int(key).text(value);
            }
        }
    }

    /// Reads and validates the record map at the reader's position, its region against `tables`.
    pub(crate) fn read_cbor(
        reader: &mut Reader<'_>,
        tables: &Tables,
    ) -> Result<Record, RecordError> {
        let entries = reader.map().map_err(|e| wrong_type_or("record", e))?;
        let mut seen = 0u16;
        let mut version = None;
        let mut texts: [Option<&str>; 14] = [None; 14];
        for _ in 0..entries {
            let position = reader.position();
            let key = reader.int().map_err(RecordError::Cbor)?;
            let Some(slot) = usize::try_from(key).ok().filter(|k| (1..=13).contains(k)) else {
                return Err(RecordError::UnknownField { key });
            };
            let bit = 1u16 << slot;
            if seen & bit != 0 {
                return Err(RecordError::Cbor(CborError::DuplicateKey { position }));
            }
            seen |= bit;
            let field = FIELD_NAMES.get(slot).copied().unwrap_or("record");
            if slot == 1 {
                version = Some(reader.int().map_err(|e| wrong_type_or(field, e))?);
            } else if let Some(text) = texts.get_mut(slot) {
                *text = Some(reader.text().map_err(|e| wrong_type_or(field, e))?);
            }
        }
        match version {
            Some(RECORD_VERSION) => {}
            Some(found) => return Err(RecordError::Version { found }),
            None => return Err(RecordError::MissingField { field: "version" }),
        }
        let required = |slot: usize| -> Result<String, RecordError> {
            let field = FIELD_NAMES.get(slot).copied().unwrap_or("record");
            texts
                .get(slot)
                .copied()
                .flatten()
                .map(str::to_owned)
                .ok_or(RecordError::MissingField { field })
        };
        let date = |slot: usize| -> Result<Date, RecordError> {
            let field = FIELD_NAMES.get(slot).copied().unwrap_or("record");
            Date::parse(&required(slot)?).map_err(|_| RecordError::Invalid {
                field,
                reason: "is not a date YYYY-MM-DD",
            })
        };
        let record = Record {
            application_number: required(2)?,
            surname: required(3)?,
            given_names: required(4)?,
            patronymic: texts.get(5).copied().flatten().map(str::to_owned),
            passport: required(6)?,
            citizenship: required(7)?,
            address: required(8)?,
            region: required(9)?,
            stay_from: date(10)?,
            stay_to: date(11)?,
            host_id: required(12)?,
            host_name: required(13)?,
        };
        record.validate_with(tables)?;
        Ok(record)
    }
}

/// The JSON names of the record's CBOR keys, by key.
const FIELD_NAMES: [&str; 14] = [
    "record",
    "version",
    "applicationNumber",
    "surname",
    "givenNames",
    "patronymic",
    "passport",
    "citizenship",
    "address",
    "region",
    "stayFrom",
    "stayTo",
    "hostId",
    "hostName",
];

fn wrong_type_or(field: &'static str, error: CborError) -> RecordError {
    match error {
        CborError::UnexpectedType { .. } => RecordError::WrongType { field },
        other => RecordError::Cbor(other),
    }
}

/// The year and the sequence of an application number `YYYY-NNNNNNNNN`.
pub(crate) fn application_sequence(number: &str) -> Option<(i32, u32)> {
    let (year, sequence) = number.split_once('-')?;
    let all_digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(year, 4) || !all_digits(sequence, 9) {
        return None;
    }
    Some((year.parse().ok()?, sequence.parse().ok()?))
}

#[cfg(test)]
mod tests;
