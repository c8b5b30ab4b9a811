//! The verifier: from QR text to a verification result (certificate.md section 6).
//!
//! The order of the checks decides what is shown: nothing from the payload is read before a
//! trusted key's signature verifies it, so a forged or altered certificate shows no record.
//!
//! 1. `KZ1:` prefix, else `not_a_certificate`; at most 4,296 characters, checked before any
//!    decoding; Base45; zlib (8 KiB cap); COSE_Sign1 and the header profile: `malformed` with
//!    the failing `stage`.
//! 2. Keys of the trust list with the kid: none is `unknown_key`; none verifying the signature
//!    (strict Ed25519, every key with the kid tried) is `bad_signature`.
//! 3. The claims and the record (stages `claims`, `record`), then the key's validity at `iat`
//!    (`key_not_valid`), the status list (`revoked`), and the dates (`not_yet_valid`,
//!    `expired`, `valid`).

use core::fmt;

use super::claims::{Claims, ClaimsError};
use super::cose::Sign1;
use super::deflate::{CERTIFICATE_LIMIT, inflate};
use super::keys::{PublicKey, to_hex};
use super::messages;
use super::record::Record;
use super::status::{StatusList, StatusListError, StatusListSummary};
use super::trust::{TrustList, TrustListError, TrustListSummary, TrustedKey};
use super::{MAX_QR_TEXT_LENGTH, QR_PREFIX, base45};
use crate::date::{Date, KAZAKHSTAN_UTC_OFFSET_SECONDS};
use crate::i18n::Lang;

const SECONDS_PER_DAY: i64 = 86_400;

/// The verdict on a QR text: exactly one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Signed by a trusted key, not in the status list, stay from <= date <= stay to.
    Valid,
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
    pub const ALL: [Status; 9] = [
        Status::Valid,
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

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The stage at which a `malformed` text failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
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
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// `trust.stale`, `status.stale` or `status.missing`.
    pub code: &'static str,
    /// The message in the language asked for.
    pub message: String,
    /// For `*.stale`: the list's age in whole days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_days: Option<i64>,
    /// For `*.stale`: the list's issue time (seconds since 1970).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_issued_at: Option<i64>,
}

/// When and in which language to verify.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerifyContext {
    /// The civil date the certificate is checked for (the employer may pick a future start date).
    pub checked_on: Date,
    /// The actual current time, for list staleness and ages (the caller reads the clock).
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
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
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
    /// For `valid`: days from the check date to stay to (0 on the last day).
    pub days_remaining: Option<i64>,
    /// Signed by the demonstration key: show a DEMO banner.
    pub demo: bool,
    /// Warnings (`trust.stale`, `status.stale`, `status.missing`).
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
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec {
    /// #     public_key: office.public_key(), kid: None, name: "Office".into(), from: 0,
    /// #     until: None, status: KeyStatus::Active, demo: true }] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// # let mut verifier = Verifier::new(trust);
    /// let result = verifier.verify("KZ1:", &VerifyContext::at(0, tirkeu::i18n::Lang::En));
    /// assert!(!result.is_valid());
    /// ```
    pub fn is_valid(&self) -> bool {
        self.status == Status::Valid
    }
}

/// Verifies certificates against a trust list and, optionally, a status list.
#[derive(Clone, Debug)]
pub struct Verifier {
    trust: TrustList,
    status: Option<StatusList>,
}

impl Verifier {
    /// A verifier trusting the keys of `trust`, with no status list yet.
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
    /// let verifier = Verifier::new(trust);
    /// assert!(verifier.status_list().is_none());
    /// ```
    pub fn new(trust: TrustList) -> Verifier {
        Verifier {
            trust,
            status: None,
        }
    }

    /// The trust list in use.
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
    /// # let mut verifier = Verifier::new(trust);
    /// assert_eq!(verifier.trust_list().issued_at(), 100);
    /// ```
    pub fn trust_list(&self) -> &TrustList {
        &self.trust
    }

    /// The status list in use, if any.
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
    /// # let mut verifier = Verifier::new(trust);
    /// let spec = StatusListSpec { iat: 100, next: 200, revoked: vec![] };
    /// verifier.install_status_list(&build_status_list(&spec, &office).unwrap()).unwrap();
    /// assert_eq!(verifier.status_list().unwrap().issued_at(), 100);
    /// ```
    pub fn status_list(&self) -> Option<&StatusList> {
        self.status.as_ref()
    }

    /// Checks a new trust list against `pinned_root` and installs it, unless it is older than
    /// the one in use. A status list whose signer the new list no longer trusts is dropped.
    ///
    /// # Errors
    ///
    /// The errors of [`TrustList::from_cose`], and [`TrustListError::Older`] for a list issued
    /// before the installed one (which is kept).
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::*;
    /// let root = SigningKey::from_seed([1; 32]);
    /// let list = |iat| build_trust_list(&TrustListSpec { iat, next: iat + 10, keys: vec![] }, &root).unwrap();
    /// let mut verifier = Verifier::new(TrustList::from_cose(&list(100), &root.public_key()).unwrap());
    /// assert!(verifier.install_trust_list(&list(50), &root.public_key()).is_err());
    /// assert_eq!(verifier.install_trust_list(&list(200), &root.public_key()).unwrap().iat, 200);
    /// ```
    pub fn install_trust_list(
        &mut self,
        bytes: &[u8],
        pinned_root: &PublicKey,
    ) -> Result<TrustListSummary, TrustListError> {
        let offered = TrustList::from_cose(bytes, pinned_root)?;
        if offered.issued_at() < self.trust.issued_at() {
            return Err(TrustListError::Older {
                installed: self.trust.issued_at(),
                offered: offered.issued_at(),
            });
        }
        if self
            .status
            .as_ref()
            .is_some_and(|status| !status.signer_trusted_by(&offered))
        {
            self.status = None;
        }
        self.trust = offered;
        Ok(self.trust.summary())
    }

    /// Checks a status list against the installed trust list and installs it, unless it is older
    /// than the one in use.
    ///
    /// # Errors
    ///
    /// The errors of [`StatusList::from_cose`], and [`StatusListError::Older`] for a list issued
    /// before the installed one (which is kept).
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
    /// # let mut verifier = Verifier::new(trust);
    /// let list = |iat| build_status_list(&StatusListSpec { iat, next: iat + 10, revoked: vec![] }, &office).unwrap();
    /// assert_eq!(verifier.install_status_list(&list(150)).unwrap().iat, 150);
    /// assert!(verifier.install_status_list(&list(120)).is_err()); // older: the list of 150 stays
    /// assert_eq!(verifier.status_list().unwrap().issued_at(), 150);
    /// ```
    pub fn install_status_list(
        &mut self,
        bytes: &[u8],
    ) -> Result<StatusListSummary, StatusListError> {
        let offered = StatusList::from_cose(bytes, &self.trust)?;
        if let Some(installed) = &self.status
            && offered.issued_at() < installed.issued_at()
        {
            return Err(StatusListError::Older {
                installed: installed.issued_at(),
                offered: offered.issued_at(),
            });
        }
        let summary = offered.summary();
        self.status = Some(offered);
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
    /// let root = SigningKey::from_seed([1; 32]);
    /// let trust = build_trust_list(&TrustListSpec { iat: 0, next: i64::MAX, keys: vec![] }, &root).unwrap();
    /// let verifier = Verifier::new(TrustList::from_cose(&trust, &root.public_key()).unwrap());
    /// let context = VerifyContext::at(1_784_059_200, tirkeu::i18n::Lang::En);
    /// assert_eq!(verifier.verify("https://example.kz", &context).status, Status::NotACertificate);
    /// assert_eq!(verifier.verify("KZ1:%%%", &context).stage, Some(Stage::Base45)); // 78698 > 65535
    /// assert_eq!(verifier.verify("KZ1:000", &context).stage, Some(Stage::Zlib));
    /// ```
    pub fn verify(&self, qr_text: &str, context: &VerifyContext) -> VerificationResult {
        let mut result = VerificationResult::new(context.checked_on);
        let status = self.evaluate(qr_text.trim_matches(['\r', '\n']), context, &mut result);
        result.status = status;
        let stage = result.stage.map(Stage::as_str).unwrap_or_default();
        let (stay_from, stay_to) = match &result.record {
            Some(record) => (record.stay_from.to_string(), record.stay_to.to_string()),
            None => (String::new(), String::new()),
        };
        result.message = messages::status_text(status).render(
            context.lang,
            &[
                ("stage", stage),
                ("stayFrom", &stay_from),
                ("stayTo", &stay_to),
            ],
        );
        if !matches!(
            status,
            Status::Valid | Status::Expired | Status::NotYetValid | Status::Revoked
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
        self.warn_if_trust_stale(context, result);

        let candidates: Vec<&TrustedKey> = self.trust.keys_with_kid(&kid).collect();
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

        let claims = match Claims::decode(message.payload) {
            Ok(claims) => claims,
            Err(ClaimsError::Record(e)) => return malformed(result, Stage::Record, e.to_string()),
            Err(e) => return malformed(result, Stage::Claims, e.to_string()),
        };
        result.issued_at = Some(format_issued_at(claims.issued_at));
        result.issued_at_unix = Some(claims.issued_at);
        let Some(key) = verifying.iter().find(|key| key.valid_at(claims.issued_at)) else {
            result.detail = Some(format!(
                "key {} is {} or was not valid at the issue time",
                to_hex(&kid),
                first_verifying.status.as_str()
            ));
            return Status::KeyNotValid;
        };
        result.key_name = Some(key.name.clone());
        result.demo = key.demo;
        let record = claims.record;
        let revoked = self.check_status_list(&record, context, result);
        let (stay_from, stay_to) = (record.stay_from, record.stay_to);
        result.record = Some(record);
        if revoked {
            return Status::Revoked;
        }
        if context.checked_on < stay_from {
            Status::NotYetValid
        } else if context.checked_on > stay_to {
            Status::Expired
        } else {
            result.days_remaining = Some(context.checked_on.days_until(stay_to));
            Status::Valid
        }
    }

    fn warn_if_trust_stale(&self, context: &VerifyContext, result: &mut VerificationResult) {
        if self.trust.is_stale(context.now_unix_seconds) {
            result.warnings.push(stale_warning(
                "trust.stale",
                messages::TRUST_STALE,
                self.trust.issued_at(),
                context,
            ));
        }
    }

    /// Adds the status list's warnings and tells whether it marks the record.
    fn check_status_list(
        &self,
        record: &Record,
        context: &VerifyContext,
        result: &mut VerificationResult,
    ) -> bool {
        let Some(status) = &self.status else {
            result.warnings.push(Warning {
                code: "status.missing",
                message: messages::STATUS_MISSING.render(context.lang, &[]),
                age_days: None,
                list_issued_at: None,
            });
            return false;
        };
        if status.is_stale(context.now_unix_seconds) {
            result.warnings.push(stale_warning(
                "status.stale",
                messages::STATUS_STALE,
                status.issued_at(),
                context,
            ));
        }
        status.is_revoked(record)
    }
}

fn stale_warning(
    code: &'static str,
    text: crate::i18n::Text,
    issued_at: i64,
    context: &VerifyContext,
) -> Warning {
    let age_days = context.now_unix_seconds.saturating_sub(issued_at).max(0) / SECONDS_PER_DAY;
    Warning {
        code,
        message: text.render(context.lang, &[("days", &age_days.to_string())]),
        age_days: Some(age_days),
        list_issued_at: Some(issued_at),
    }
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
