//! The verifier: from QR text to a verification result.
//!
//! The order of the checks decides what is shown: nothing from the payload is read before a
//! trusted key's signature verifies it, so a forged or altered certificate shows no record.
//!
//! 1. `KZ1:` prefix, else `not_a_certificate`; at most 4,296 characters, checked before any
//!    decoding; Base45; zlib (8 KiB cap); COSE_Sign1 and the header profile: `malformed` with
//!    the failing `stage`.
//! 2. Keys of the trust list with the kid: none is `unknown_key`; none verifying the signature
//!    (strict Ed25519, every key with the kid tried) is `bad_signature`.
//! 3. The claims and the record (stages `claims`, `record`), then the key: it must sign
//!    certificates (`use` holds `cert`), not be revoked, and have `iat` in its validity
//!    (`key_not_valid`).
//! 4. The status list (`revoked`), and the dates (`not_yet_valid`, `expired`, `valid`).
//! 5. A would-be `valid` is `unconfirmed` when revocation could not be checked: no status list,
//!    a status list that does not cover the certificate (or speaks of the other kind, DEMO or
//!    production), or a list past its next update plus the grace period; `warnings` says which.
//!
//! The verifier pins its root for its whole life ([`Verifier::new`]); lists, and a data bundle,
//! are installed by the rules of [`freshness`](super::freshness). A record's region is checked
//! against the installed bundle's regions (the compiled-in table until one is installed).

use core::fmt;

use super::claims::{Claims, ClaimsError};
use super::cose::Sign1;
use super::data_bundle::{DataBundleError, SignedDataBundle};
use super::deflate::{CERTIFICATE_LIMIT, inflate};
use super::freshness::{
    Currency, DEFAULT_GRACE_SECONDS, ListDateError, LoadOptions, SECONDS_PER_DAY, check_load_dates,
};
use super::keys::{PublicKey, to_hex};
use super::messages;
use super::record::Record;
use super::status::{Lookup, MAX_STATUS_SIZE, StatusList, StatusListError, StatusListSummary};
use super::trust::{KeyUse, TrustList, TrustListError, TrustListSummary, TrustedKey};
use super::{MAX_QR_TEXT_LENGTH, QR_PREFIX, base45};
use crate::data::{DataBundleSummary, Tables};
use crate::date::{Date, KAZAKHSTAN_UTC_OFFSET_SECONDS};
use crate::i18n::{Arg, Lang};

/// The verdict on a QR text: exactly one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "VerificationStatus"))]
#[non_exhaustive]
pub enum Status {
    /// Signed by a trusted key, not in the status list, stay from <= date <= stay to, checked
    /// against a current status list that covers it, under a trust list that has not expired.
    Valid,
    /// As valid, but revocation could not be checked: no status list, a list past its next
    /// update plus the grace period, an expired trust list, or a certificate the list does not
    /// cover; the warnings say which.
    Unconfirmed,
    /// As valid, but the date is after stay to.
    Expired,
    /// As valid, but the date is before stay from.
    NotYetValid,
    /// The status list marks it (deregistered, re-registered elsewhere, or revoked).
    Revoked,
    /// A key with this kid exists but the signature does not verify: altered or forged.
    BadSignature,
    /// No trusted key has this kid.
    UnknownKey,
    /// The key is revoked, or `iat` is outside its validity.
    KeyNotValid,
    /// A `KZ1:` text that fails a stage (see [`Stage`]).
    Malformed,
    /// Not a `KZ1:` text (a web link, another QR code).
    NotACertificate,
}

impl Status {
    /// Every status, in the order of the specification's table.
    pub const ALL: [Status; 10] = [
        Status::Valid,
        Status::Unconfirmed,
        Status::Expired,
        Status::NotYetValid,
        Status::Revoked,
        Status::BadSignature,
        Status::UnknownKey,
        Status::KeyNotValid,
        Status::Malformed,
        Status::NotACertificate,
    ];

    /// The short name of the status in `lang`, for a headline or a table cell.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::Status;
    /// assert_eq!(Status::Valid.label(tirkeu::i18n::Lang::Ru), "Действительна");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        messages::status_label(self).get(lang)
    }

    /// The status as written in JSON: `valid`, `not_yet_valid`, ...
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::cert::Status::NotYetValid.as_str(), "not_yet_valid");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Valid => "valid",
            Status::Unconfirmed => "unconfirmed",
            Status::Expired => "expired",
            Status::NotYetValid => "not_yet_valid",
            Status::Revoked => "revoked",
            Status::BadSignature => "bad_signature",
            Status::UnknownKey => "unknown_key",
            Status::KeyNotValid => "key_not_valid",
            Status::Malformed => "malformed",
            Status::NotACertificate => "not_a_certificate",
        }
    }
}

impl Status {
    /// How bad the verdict is, for showing the worst of several first (0 is `valid`): a forgery,
    /// a revocation and a withdrawn key before what cannot be read, and that before a genuine
    /// certificate out of its dates or unconfirmed.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::Status;
    /// assert!(Status::BadSignature.severity() > Status::Revoked.severity());
    /// assert!(Status::Revoked.severity() > Status::Expired.severity());
    /// assert!(Status::Unconfirmed.severity() > Status::Valid.severity());
    /// ```
    pub fn severity(self) -> u8 {
        match self {
            Status::Valid => 0,
            Status::Unconfirmed => 1,
            Status::NotYetValid => 2,
            Status::Expired => 3,
            Status::NotACertificate => 4,
            Status::Malformed => 5,
            Status::UnknownKey => 6,
            Status::KeyNotValid => 7,
            Status::Revoked => 8,
            Status::BadSignature => 9,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The stage at which a `malformed` text failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "MalformedStage"))]
#[non_exhaustive]
pub enum Stage {
    /// Too long, or not strict Base45.
    Base45,
    /// Not one valid zlib stream within 8 KiB.
    Zlib,
    /// Not a COSE_Sign1 of the profile.
    Cose,
    /// The CWT claims.
    Claims,
    /// The registration record.
    Record,
}

impl Stage {
    /// The stage as written in JSON: `base45`, `zlib`, `cose`, `claims` or `record`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::cert::Stage::Zlib.as_str(), "zlib");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Base45 => "base45",
            Stage::Zlib => "zlib",
            Stage::Cose => "cose",
            Stage::Claims => "claims",
            Stage::Record => "record",
        }
    }
}

/// A warning attached to a result.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "VerificationWarning"))]
#[non_exhaustive]
pub struct Warning {
    /// What the warning is about.
    pub code: WarningCode,
    /// The message in the language asked for.
    pub message: String,
    /// For `*.stale` and `*.expired`: the list's age in whole days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_days: Option<i64>,
    /// For `*.stale` and `*.expired`: the list's issue time (seconds since 1970).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_issued_at: Option<i64>,
}

/// What a [`Warning`] is about: why a certificate is `unconfirmed`, or why its verdict rests on a
/// list that is out of date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "VerificationWarningCode"))]
#[non_exhaustive]
pub enum WarningCode {
    /// `trust.stale`: the trust list is past its next update, within the grace period.
    #[serde(rename = "trust.stale")]
    TrustStale,
    /// `trust.expired`: the trust list is past its next update and the grace period.
    #[serde(rename = "trust.expired")]
    TrustExpired,
    /// `status.stale`: the status list is past its next update, within the grace period.
    #[serde(rename = "status.stale")]
    StatusStale,
    /// `status.expired`: the status list is past its next update and the grace period.
    #[serde(rename = "status.expired")]
    StatusExpired,
    /// `status.missing`: no status list is installed.
    #[serde(rename = "status.missing")]
    StatusMissing,
    /// `status.not_covered`: the status list does not speak of this certificate.
    #[serde(rename = "status.not_covered")]
    StatusNotCovered,
}

impl WarningCode {
    /// Every code.
    pub const ALL: [WarningCode; 6] = [
        WarningCode::TrustStale,
        WarningCode::TrustExpired,
        WarningCode::StatusStale,
        WarningCode::StatusExpired,
        WarningCode::StatusMissing,
        WarningCode::StatusNotCovered,
    ];

    /// The code as written in JSON.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::cert::WarningCode::StatusMissing.as_str(), "status.missing");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::TrustStale => "trust.stale",
            WarningCode::TrustExpired => "trust.expired",
            WarningCode::StatusStale => "status.stale",
            WarningCode::StatusExpired => "status.expired",
            WarningCode::StatusMissing => "status.missing",
            WarningCode::StatusNotCovered => "status.not_covered",
        }
    }
}

impl fmt::Display for WarningCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A code equals its JSON text (`warning.code == "status.missing"`).
impl PartialEq<&str> for WarningCode {
    fn eq(&self, text: &&str) -> bool {
        self.as_str() == *text
    }
}

/// When and in which language to verify.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerifyContext {
    /// The civil date the certificate is checked for (the employer may pick a future start date).
    pub checked_on: Date,
    /// The device's clock (the caller reads it), for every judgement of the lists' freshness and
    /// their ages; never the check date.
    pub now_unix_seconds: i64,
    /// The language of the messages.
    pub lang: Lang,
}

impl VerifyContext {
    /// Checks on the civil date in Kazakhstan at `now_unix_seconds`.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::VerifyContext;
    /// let context = VerifyContext::at(1_784_059_200, tirkeu::i18n::Lang::Kk);
    /// assert_eq!(context.checked_on.to_string(), "2026-07-15");
    /// ```
    pub fn at(now_unix_seconds: i64, lang: Lang) -> VerifyContext {
        VerifyContext {
            checked_on: Date::from_unix_seconds(now_unix_seconds, KAZAKHSTAN_UTC_OFFSET_SECONDS),
            now_unix_seconds,
            lang,
        }
    }
}

/// The result of verifying a QR text (serde camelCase). Absent values are `null`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub struct VerificationResult {
    /// The verdict.
    pub status: Status,
    /// For `malformed`: the failing stage.
    pub stage: Option<Stage>,
    /// The record, only when a trusted key's signature verified.
    pub record: Option<Record>,
    /// The kid of the signature (hex), once the COSE structure is read.
    pub kid: Option<String>,
    /// The name of the trusted key with that kid.
    pub key_name: Option<String>,
    /// Issue time as `YYYY-MM-DDTHH:MM:SS+05:00` (Kazakhstan time), when the signature verified.
    pub issued_at: Option<String>,
    /// Issue time in seconds since 1970, when the signature verified.
    pub issued_at_unix: Option<i64>,
    /// The date checked for.
    pub checked_on: Date,
    /// For `valid` and `unconfirmed`: days from the check date to stay to (0 on the last day).
    pub days_remaining: Option<i64>,
    /// Signed by the demonstration key: show a DEMO banner.
    pub demo: bool,
    /// Warnings (`trust.stale`, `trust.expired`, `status.stale`, `status.expired`,
    /// `status.missing`, `status.not_covered`).
    pub warnings: Vec<Warning>,
    /// The verdict in words, in the language asked for.
    pub message: String,
    /// For `malformed` and the key statuses: a technical explanation in English.
    pub detail: Option<String>,
}

impl VerificationResult {
    fn new(checked_on: Date) -> VerificationResult {
        VerificationResult {
            status: Status::NotACertificate,
            stage: None,
            record: None,
            kid: None,
            key_name: None,
            issued_at: None,
            issued_at_unix: None,
            checked_on,
            days_remaining: None,
            demo: false,
            warnings: Vec::new(),
            message: String::new(),
            detail: None,
        }
    }

    /// Whether the status is `valid`.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// let verifier = Verifier::new(SigningKey::from_seed([1; 32]).public_key());
    /// let result = verifier.verify("KZ1:", &VerifyContext::at(0, tirkeu::i18n::Lang::En));
    /// assert!(!result.is_valid());
    /// ```
    pub fn is_valid(&self) -> bool {
        self.status == Status::Valid
    }

    /// The exit code of a command line for this result: 0 only for `valid` under a production
    /// key, 1 for every other verdict, a DEMO one included.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// let verifier = Verifier::new(SigningKey::from_seed([1; 32]).public_key());
    /// let result = verifier.verify("https://example.kz", &VerifyContext::at(0, tirkeu::i18n::Lang::En));
    /// assert_eq!(result.exit_code(), 1);
    /// ```
    pub fn exit_code(&self) -> u8 {
        u8::from(!self.is_valid() || self.demo)
    }

    /// How bad the result is, for showing the worst of several first: the status's
    /// [`Status::severity`], a DEMO result after the same verdict under a production key.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// let verifier = Verifier::new(SigningKey::from_seed([1; 32]).public_key());
    /// let context = VerifyContext::at(0, tirkeu::i18n::Lang::En);
    /// let (link, broken) = (verifier.verify("https://example.kz", &context), verifier.verify("KZ1:%%%", &context));
    /// assert!(broken.severity() > link.severity());
    /// ```
    pub fn severity(&self) -> u16 {
        u16::from(self.status.severity()) * 2 + u16::from(self.demo)
    }
}

/// An installed list and the bytes it was read from (loading the same bytes again is a no-op).
#[derive(Clone, Debug)]
struct Installed<T> {
    list: T,
    bytes: Vec<u8>,
}

/// What a load offers.
enum Offer<'i, T> {
    /// The installed list's own bytes: nothing changes.
    Installed(&'i T),
    /// A list to install in its place.
    New(T),
}

/// What a load of `bytes` offers in place of `installed`, by the rules of
/// [`freshness`](super::freshness): the installed list for its own bytes, else the list `read`
/// makes of them, if its date (`issued_at`) allows.
fn offered<'i, T, E: From<ListDateError>>(
    installed: Option<&'i Installed<T>>,
    bytes: &[u8],
    options: &LoadOptions,
    read: impl FnOnce(&[u8]) -> Result<T, E>,
    issued_at: impl Fn(&T) -> i64,
) -> Result<Offer<'i, T>, E> {
    if let Some(installed) = installed.filter(|installed| installed.bytes == bytes) {
        return Ok(Offer::Installed(&installed.list));
    }
    let offered = read(bytes)?;
    check_load_dates(
        issued_at(&offered),
        installed.map(|installed| issued_at(&installed.list)),
        options,
    )?;
    Ok(Offer::New(offered))
}

/// Verifies certificates against a trust list signed by the pinned root and, optionally, a
/// status list.
///
/// The root is pinned for the verifier's whole life: a trust list signed by any other key is
/// refused, so a second trust list can never bring another root's keys in. Two verifiers with
/// two roots live side by side.
///
/// A verifier is `Send + Sync` and [`Verifier::verify`] takes `&self`: a server shares one behind
/// an `Arc<RwLock<Verifier>>` and takes the write lock only to install a list.
///
/// ```
/// fn shared<T: Send + Sync>() {}
/// shared::<tirkeu::cert::Verifier>();
/// ```
#[derive(Clone, Debug)]
pub struct Verifier {
    root: PublicKey,
    grace_seconds: i64,
    trust: Option<Installed<TrustList>>,
    status: Option<Installed<StatusList>>,
    data: Option<Installed<SignedDataBundle>>,
}

impl Verifier {
    /// A verifier pinned to `root`, with no lists yet and the default grace period of 7 days.
    /// Until a trust list is installed, every signed certificate is `unknown_key`.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::*;
    /// let root = SigningKey::from_seed([1; 32]);
    /// let mut verifier = Verifier::new(root.public_key());
    /// let list = build_trust_list(&TrustListSpec { iat: 100, next: 200, keys: vec![] }, &root).unwrap();
    /// assert_eq!(verifier.load_trust_list(&list, &LoadOptions::at(150)).unwrap().iat, 100);
    /// let other = SigningKey::from_seed([9; 32]);
    /// let foreign = build_trust_list(&TrustListSpec { iat: 110, next: 200, keys: vec![] }, &other).unwrap();
    /// assert!(verifier.load_trust_list(&foreign, &LoadOptions::at(150)).is_err()); // not the pinned root
    /// ```
    pub fn new(root: PublicKey) -> Verifier {
        Verifier {
            root,
            grace_seconds: DEFAULT_GRACE_SECONDS,
            trust: None,
            status: None,
            data: None,
        }
    }

    /// The same verifier with another grace period after a list's next update, before it
    /// expires (a deployment setting; negative values count as 0).
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// let verifier = Verifier::new(SigningKey::from_seed([1; 32]).public_key()).with_grace_seconds(3 * 86_400);
    /// assert_eq!(verifier.grace_seconds(), 3 * 86_400);
    /// ```
    pub fn with_grace_seconds(mut self, grace_seconds: i64) -> Verifier {
        self.grace_seconds = grace_seconds.max(0);
        self
    }

    /// The grace period after a list's next update, in seconds.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// assert_eq!(Verifier::new(SigningKey::from_seed([1; 32]).public_key()).grace_seconds(), 7 * 86_400);
    /// ```
    pub fn grace_seconds(&self) -> i64 {
        self.grace_seconds
    }

    /// The pinned root.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// let root = SigningKey::from_seed([1; 32]).public_key();
    /// assert_eq!(Verifier::new(root).root(), root);
    /// ```
    pub fn root(&self) -> PublicKey {
        self.root
    }

    /// The trust list in use, if any.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// assert!(Verifier::new(SigningKey::from_seed([1; 32]).public_key()).trust_list().is_none());
    /// ```
    pub fn trust_list(&self) -> Option<&TrustList> {
        self.trust.as_ref().map(|installed| &installed.list)
    }

    /// The status list in use, if any.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// assert!(Verifier::new(SigningKey::from_seed([1; 32]).public_key()).status_list().is_none());
    /// ```
    pub fn status_list(&self) -> Option<&StatusList> {
        self.status.as_ref().map(|installed| &installed.list)
    }

    /// The installed data bundle, if any.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// assert!(Verifier::new(SigningKey::from_seed([1; 32]).public_key()).data_bundle().is_none());
    /// ```
    pub fn data_bundle(&self) -> Option<&SignedDataBundle> {
        self.data.as_ref().map(|installed| &installed.list)
    }

    /// The tables in use: the installed data bundle's, or the compiled-in ones.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// let verifier = Verifier::new(SigningKey::from_seed([1; 32]).public_key());
    /// assert_eq!(verifier.tables().version(), tirkeu::data::DATA_VERSION);
    /// ```
    pub fn tables(&self) -> &Tables {
        self.data_bundle()
            .map_or(Tables::compiled(), SignedDataBundle::tables)
    }

    /// Checks a trust list against the pinned root and installs it, by the rules of
    /// [`freshness`](super::freshness): the same bytes as the installed list change nothing and
    /// return its summary; otherwise the list must not be dated more than a day after
    /// `options.now_unix_seconds`, nor before `options.min_issued_at`, and its `iat` must be
    /// strictly later than the installed list's. A status list or a data bundle whose signer the
    /// new list no longer trusts to sign it is dropped. A refused list leaves everything as it
    /// was.
    ///
    /// # Errors
    ///
    /// The errors of [`TrustList::from_cose`], and [`TrustListError::Date`] for a list whose
    /// dates forbid installing it.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::*;
    /// let root = SigningKey::from_seed([1; 32]);
    /// let list = |iat| build_trust_list(&TrustListSpec { iat, next: iat + 10, keys: vec![] }, &root).unwrap();
    /// let mut verifier = Verifier::new(root.public_key());
    /// let now = LoadOptions::at(1000);
    /// assert_eq!(verifier.load_trust_list(&list(100), &now).unwrap().iat, 100);
    /// assert!(verifier.load_trust_list(&list(50), &now).is_err()); // older
    /// assert_eq!(verifier.load_trust_list(&list(100), &now).unwrap().iat, 100); // the same bytes
    /// assert!(verifier.load_trust_list(&list(100 + 2 * 86_400), &now).is_err()); // in the future
    /// assert_eq!(verifier.load_trust_list(&list(200), &now).unwrap().iat, 200);
    /// ```
    pub fn load_trust_list(
        &mut self,
        bytes: &[u8],
        options: &LoadOptions,
    ) -> Result<TrustListSummary, TrustListError> {
        let root = self.root;
        let offered = match offered(
            self.trust.as_ref(),
            bytes,
            options,
            |bytes| TrustList::from_cose(bytes, &root),
            TrustList::issued_at,
        )? {
            Offer::Installed(list) => return Ok(list.summary()),
            Offer::New(list) => list,
        };
        if let Some(status) = &mut self.status
            && !status.list.rebind(&offered)
        {
            self.status = None;
        }
        if let Some(data) = &mut self.data
            && !data.list.rebind(&offered)
        {
            self.data = None;
        }
        let summary = offered.summary();
        self.trust = Some(Installed {
            list: offered,
            bytes: bytes.to_vec(),
        });
        Ok(summary)
    }

    /// Checks a status list against the installed trust list and installs it, by the same rules
    /// as [`Verifier::load_trust_list`]. A refused list leaves the installed one in use.
    ///
    /// # Errors
    ///
    /// [`StatusListError::NoTrustList`] before a trust list is installed, the errors of
    /// [`StatusList::from_cose`], and [`StatusListError::Date`] for a list whose dates forbid
    /// installing it.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let key = TrustedKeySpec { uses: KeyUses::STATUS, ..TrustedKeySpec::new(office.public_key(), "Office", 0) };
    /// # let trust = build_trust_list(&TrustListSpec { iat: 100, next: 200, keys: vec![key] }, &root).unwrap();
    /// # let mut verifier = Verifier::new(root.public_key());
    /// # verifier.load_trust_list(&trust, &LoadOptions::at(150)).unwrap();
    /// let list = |iat| build_status_list(&StatusListSpec::new(iat, iat + 10), &office).unwrap();
    /// let now = LoadOptions::at(1000);
    /// assert_eq!(verifier.load_status_list(&list(150), &now).unwrap().iat, 150);
    /// assert!(verifier.load_status_list(&list(120), &now).is_err()); // older: the list of 150 stays
    /// assert_eq!(verifier.status_list().unwrap().issued_at(), 150);
    /// let remembered = LoadOptions { min_issued_at: Some(160), ..now };
    /// assert!(Verifier::new(root.public_key()).load_status_list(&list(150), &remembered).is_err());
    /// ```
    pub fn load_status_list(
        &mut self,
        bytes: &[u8],
        options: &LoadOptions,
    ) -> Result<StatusListSummary, StatusListError> {
        let trust = self.trust_list().ok_or(StatusListError::NoTrustList)?;
        let offered = match offered(
            self.status.as_ref(),
            bytes,
            options,
            |bytes| StatusList::from_cose(bytes, trust),
            StatusList::issued_at,
        )? {
            Offer::Installed(list) => return Ok(list.summary()),
            Offer::New(list) => list,
        };
        let summary = offered.summary();
        self.status = Some(Installed {
            list: offered,
            bytes: bytes.to_vec(),
        });
        Ok(summary)
    }

    /// Checks a data bundle against the installed trust list (a key whose `use` holds `data`)
    /// and installs it, by the rules of [`Verifier::load_trust_list`]: the same bytes again
    /// change nothing, and it must not be dated more than a day after `options.now_unix_seconds`,
    /// nor before `options.min_issued_at`, nor before (or at the time of) the installed bundle;
    /// nor, by the payload's own rule, before the compiled-in tables' date. From then on
    /// [`Verifier::tables`] are the bundle's (the payload for code without signature checks is
    /// [`SignedDataBundle::payload`]). A refused bundle leaves the tables in use as they were.
    ///
    /// # Errors
    ///
    /// [`DataBundleError::NoTrustList`] before a trust list is installed, the errors of
    /// [`SignedDataBundle::from_cose`], and [`DataBundleError::Date`] for a bundle whose dates
    /// forbid installing it.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::*;
    /// use tirkeu::data::{DataBundle, Tables};
    /// let root = SigningKey::from_seed([1; 32]);
    /// let data_key = SigningKey::from_seed([4; 32]);
    /// let key = TrustedKeySpec { uses: KeyUses::DATA, ..TrustedKeySpec::new(data_key.public_key(), "Data", 0) };
    /// let trust = build_trust_list(&TrustListSpec { iat: 100, next: 200, keys: vec![key] }, &root).unwrap();
    /// let mut verifier = Verifier::new(root.public_key());
    /// verifier.load_trust_list(&trust, &LoadOptions::at(150)).unwrap();
    /// let bundle = |version: &str, iat| {
    ///     let bundle = DataBundle::from_tables(version, iat, iat + 86_400, Tables::compiled());
    ///     build_data_bundle(&bundle, &data_key).unwrap()
    /// };
    /// let now = LoadOptions::at(1_800_000_000);
    /// assert_eq!(verifier.load_data_bundle(&bundle("2027.2", 1_796_065_200), &now).unwrap().version, "2027.2");
    /// assert!(verifier.load_data_bundle(&bundle("2027.1", 1_790_000_000), &now).is_err()); // older
    /// assert_eq!(verifier.tables().version(), "2027.2");
    /// ```
    pub fn load_data_bundle(
        &mut self,
        bytes: &[u8],
        options: &LoadOptions,
    ) -> Result<DataBundleSummary, DataBundleError> {
        let trust = self.trust_list().ok_or(DataBundleError::NoTrustList)?;
        let offered = match offered(
            self.data.as_ref(),
            bytes,
            options,
            |bytes| SignedDataBundle::from_cose(bytes, trust),
            SignedDataBundle::issued_at,
        )? {
            Offer::Installed(bundle) => return Ok(bundle.summary()),
            Offer::New(bundle) => bundle,
        };
        let summary = offered.summary();
        self.data = Some(Installed {
            list: offered,
            bytes: bytes.to_vec(),
        });
        Ok(summary)
    }

    /// Verifies a QR text. Never fails: every input gets a status.
    ///
    /// Leading and trailing line breaks are ignored (a pasted text often ends with one); any
    /// other character counts.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::*;
    /// let verifier = Verifier::new(SigningKey::from_seed([1; 32]).public_key());
    /// let context = VerifyContext::at(1_784_059_200, tirkeu::i18n::Lang::En);
    /// assert_eq!(verifier.verify("https://example.kz", &context).status, Status::NotACertificate);
    /// assert_eq!(verifier.verify("KZ1:%%%", &context).stage, Some(Stage::Base45)); // 78698 > 65535
    /// assert_eq!(verifier.verify("KZ1:000", &context).stage, Some(Stage::Zlib));
    /// ```
    pub fn verify(&self, qr_text: &str, context: &VerifyContext) -> VerificationResult {
        let mut result = VerificationResult::new(context.checked_on);
        let status = self.evaluate(qr_text.trim_matches(['\r', '\n']), context, &mut result);
        result.status = status;
        // The dates in the words of the language; a status without a record has no date.
        let dates = result.record.as_ref().map(|record| {
            [
                ("stayFrom", Arg::Date(record.stay_from)),
                ("stayTo", Arg::Date(record.stay_to)),
            ]
        });
        result.message = messages::status_text(status).render_args(
            context.lang,
            dates.as_ref().map_or(&[][..], |dates| &dates[..]),
        );
        if !matches!(
            status,
            Status::Valid
                | Status::Unconfirmed
                | Status::Expired
                | Status::NotYetValid
                | Status::Revoked
        ) {
            // Only a verified record stays in the result of a verdict about the record itself;
            // for malformed, key and signature verdicts nothing of the payload is shown.
            result.record = None;
            result.days_remaining = None;
            if status != Status::KeyNotValid {
                result.issued_at = None;
                result.issued_at_unix = None;
            }
        }
        result
    }

    fn evaluate(
        &self,
        text: &str,
        context: &VerifyContext,
        result: &mut VerificationResult,
    ) -> Status {
        let Some(encoded) = text.strip_prefix(QR_PREFIX) else {
            return Status::NotACertificate;
        };
        let malformed = |result: &mut VerificationResult, stage: Stage, detail: String| {
            result.stage = Some(stage);
            result.detail = Some(detail);
            Status::Malformed
        };
        if text.len() > MAX_QR_TEXT_LENGTH {
            let detail = format!(
                "the text has {} characters, more than {MAX_QR_TEXT_LENGTH}",
                text.len()
            );
            return malformed(result, Stage::Base45, detail);
        }
        let compressed = match base45::decode(encoded) {
            Ok(bytes) => bytes,
            Err(e) => return malformed(result, Stage::Base45, e.to_string()),
        };
        let cose_bytes = match inflate(&compressed, CERTIFICATE_LIMIT) {
            Ok(bytes) => bytes,
            Err(e) => return malformed(result, Stage::Zlib, e.to_string()),
        };
        let message = match Sign1::decode(&cose_bytes) {
            Ok(message) => message,
            Err(e) => return malformed(result, Stage::Cose, e.to_string()),
        };
        let kid = match message.require_profile() {
            Ok(kid) => kid,
            Err(e) => return malformed(result, Stage::Cose, e.to_string()),
        };
        result.kid = Some(to_hex(&kid));
        let Some(trust) = self.trust_list() else {
            result.detail = Some("no trust list is installed".into());
            return Status::UnknownKey;
        };
        let trust_currency = trust.currency(context.now_unix_seconds, self.grace_seconds);
        if let Some(warning) = currency_warning(
            trust_currency,
            (WarningCode::TrustStale, messages::TRUST_STALE),
            (WarningCode::TrustExpired, messages::TRUST_EXPIRED),
            trust.issued_at(),
            context,
        ) {
            result.warnings.push(warning);
        }

        let candidates: Vec<&TrustedKey> = trust.keys_with_kid(&kid).collect();
        let Some(first) = candidates.first() else {
            return Status::UnknownKey;
        };
        result.key_name = Some(first.name.clone());
        result.demo = first.demo;
        let verifying: Vec<&TrustedKey> = candidates
            .iter()
            .copied()
            .filter(|key| message.verify(&key.public_key))
            .collect();
        let Some(first_verifying) = verifying.first() else {
            result.detail = Some(format!(
                "no key with kid {} verifies the signature",
                to_hex(&kid)
            ));
            return Status::BadSignature;
        };
        result.key_name = Some(first_verifying.name.clone());
        result.demo = first_verifying.demo;

        let claims = match Claims::decode_with(message.payload, self.tables()) {
            Ok(claims) => claims,
            Err(ClaimsError::Record(e)) => return malformed(result, Stage::Record, e.to_string()),
            Err(e) => return malformed(result, Stage::Claims, e.to_string()),
        };
        result.issued_at = Some(format_issued_at(claims.issued_at));
        result.issued_at_unix = Some(claims.issued_at);
        let Some(key) = verifying
            .iter()
            .find(|key| key.may_sign(KeyUse::Cert, claims.issued_at))
        else {
            let reason = if verifying.iter().all(|key| !key.uses.contains(KeyUse::Cert)) {
                "may not sign certificates (its use lacks cert)".to_owned()
            } else {
                format!(
                    "is {} or was not valid at the issue time",
                    first_verifying.status.as_str()
                )
            };
            result.detail = Some(format!("key {} {reason}", to_hex(&kid)));
            return Status::KeyNotValid;
        };
        result.key_name = Some(key.name.clone());
        result.demo = key.demo;
        let record = claims.record;
        let confirmation =
            self.check_status_list(&record, claims.issued_at, key.demo, context, result);
        let (stay_from, stay_to) = (record.stay_from, record.stay_to);
        result.record = Some(record);
        if confirmation == Confirmation::Revoked {
            return Status::Revoked;
        }
        if context.checked_on < stay_from {
            Status::NotYetValid
        } else if context.checked_on > stay_to {
            Status::Expired
        } else {
            result.days_remaining = Some(context.checked_on.days_until(stay_to));
            if confirmation == Confirmation::Confirmed && trust_currency != Currency::Expired {
                Status::Valid
            } else {
                Status::Unconfirmed
            }
        }
    }

    /// What the status list says of the record, with its warnings.
    fn check_status_list(
        &self,
        record: &Record,
        issued_at: i64,
        demo: bool,
        context: &VerifyContext,
        result: &mut VerificationResult,
    ) -> Confirmation {
        let warn = |result: &mut VerificationResult, code, text: crate::i18n::Text| {
            result.warnings.push(Warning {
                code,
                message: text.render(context.lang, &[]),
                age_days: None,
                list_issued_at: None,
            });
        };
        let Some(status) = self.status_list() else {
            warn(result, WarningCode::StatusMissing, messages::STATUS_MISSING);
            return Confirmation::Unconfirmed;
        };
        // A DEMO list speaks only of DEMO certificates, a production list only of production
        // ones: the DEMO key's secret is public.
        if status.is_demo() != demo {
            warn(
                result,
                WarningCode::StatusNotCovered,
                messages::STATUS_NOT_COVERED,
            );
            return Confirmation::Unconfirmed;
        }
        let currency = status.currency(context.now_unix_seconds, self.grace_seconds);
        if let Some(warning) = currency_warning(
            currency,
            (WarningCode::StatusStale, messages::STATUS_STALE),
            (WarningCode::StatusExpired, messages::STATUS_EXPIRED),
            status.issued_at(),
            context,
        ) {
            result.warnings.push(warning);
        }
        let sequence = record.application_sequence().map(|(_, sequence)| sequence);
        let covered = match status.lookup(record) {
            // A revocation never expires.
            Lookup::Revoked => return Confirmation::Revoked,
            Lookup::NotRevoked => true,
            // Issued after the list: the list could not know it yet.
            Lookup::NotCovered => {
                issued_at > status.issued_at() && sequence.is_some_and(|s| s < MAX_STATUS_SIZE)
            }
        };
        if !covered {
            warn(
                result,
                WarningCode::StatusNotCovered,
                messages::STATUS_NOT_COVERED,
            );
            return Confirmation::Unconfirmed;
        }
        if currency == Currency::Expired {
            Confirmation::Unconfirmed
        } else {
            Confirmation::Confirmed
        }
    }
}

/// What the status list confirms about a certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Confirmation {
    /// Revoked (a set bit, whatever the list's age).
    Revoked,
    /// Checked against a current list that covers it: not revoked.
    Confirmed,
    /// Revocation could not be checked.
    Unconfirmed,
}

/// The warning for a list's currency: none while current.
fn currency_warning(
    currency: Currency,
    stale: (WarningCode, crate::i18n::Text),
    expired: (WarningCode, crate::i18n::Text),
    issued_at: i64,
    context: &VerifyContext,
) -> Option<Warning> {
    let (code, text) = match currency {
        Currency::Current => return None,
        Currency::Stale => stale,
        Currency::Expired => expired,
    };
    let age_days = context.now_unix_seconds.saturating_sub(issued_at).max(0) / SECONDS_PER_DAY;
    Some(Warning {
        code,
        message: text.render_args(context.lang, &[("days", Arg::Days(age_days))]),
        age_days: Some(age_days),
        list_issued_at: Some(issued_at),
    })
}

/// `YYYY-MM-DDTHH:MM:SS+05:00`, the instant in Kazakhstan time.
fn format_issued_at(unix_seconds: i64) -> String {
    let local = unix_seconds.saturating_add(KAZAKHSTAN_UTC_OFFSET_SECONDS);
    let date = Date::from_unix_seconds(unix_seconds, KAZAKHSTAN_UTC_OFFSET_SECONDS);
    let seconds = local.rem_euclid(SECONDS_PER_DAY);
    format!(
        "{date}T{:02}:{:02}:{:02}+05:00",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_time_in_kazakhstan() {
        // 2026-07-14T20:00:00Z is 01:00 on 15 July in UTC+5.
        assert_eq!(format_issued_at(1_784_059_200), "2026-07-15T01:00:00+05:00");
        assert_eq!(format_issued_at(0), "1970-01-01T05:00:00+05:00");
    }
}
