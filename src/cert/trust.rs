//! The trust list: the signing keys the verifier trusts, each with what it may sign, signed by a
//! pinned root key.
//!
//! A COSE_Sign1 (the profile of [`cose`](super::cose), no Base45 or zlib: a binary `.cose`
//! file) whose payload is a CBOR map with text keys:
//!
//! ```text
//! { "v": 2, "iat": seconds, "next": seconds (next update expected, after iat),
//!   "keys": [ { "kid": bstr(8), "pk": bstr(32), "name": text,
//!               "from": seconds, "until": seconds or null,
//!               "status": "active" | "retired" | "revoked",
//!               "use": [ "cert" | "status" | "data", ... ] (non-empty),
//!               "demo": bool } ] }
//! ```
//!
//! `use` says what a key signs: certificates (`cert`), status lists (`status`) or signed data
//! bundles (`data`). Version 1 lists, which have no `use`, are still read, every key taken as
//! `cert` and `status` (what a key could sign before roles existed); the issuer writes version 2
//! only. A key verifies a signature made at `iat` when it is not `revoked` and `iat` lies in
//! `[from, until]`; since whoever holds a leaked key chooses `iat`, only `revoked` contains a
//! leak ([`TrustedKey::valid_at`]).

use core::fmt;

use super::cbor::{CborError, Reader, Writer};
use super::cose::{CoseError, Sign1};
use super::keys::{KID_LENGTH, Kid, PublicKey, to_hex};
use super::signed_list::{PayloadError, read_map, read_payload, shorten};

/// The trust list format version the issuer writes.
pub const TRUST_LIST_VERSION: i64 = 2;
/// The first trust list format, still read: no `use`, every key signs certificates and status
/// lists.
pub const TRUST_LIST_VERSION_1: i64 = 1;
/// Most keys a trust list may hold.
pub const MAX_TRUSTED_KEYS: u64 = 1024;
/// Most characters in a key's name.
pub const MAX_KEY_NAME_CHARS: usize = 200;

/// The state of a signing key in the trust list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub enum KeyStatus {
    /// Signing now.
    Active,
    /// No longer signing; certificates it signed within its validity stay valid.
    Retired,
    /// Compromised or withdrawn: nothing it signed is trusted.
    Revoked,
}

impl KeyStatus {
    /// The word written in the list: `active`, `retired` or `revoked`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::cert::KeyStatus::Retired.as_str(), "retired");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            KeyStatus::Active => "active",
            KeyStatus::Retired => "retired",
            KeyStatus::Revoked => "revoked",
        }
    }

    fn parse(text: &str) -> Option<KeyStatus> {
        match text {
            "active" => Some(KeyStatus::Active),
            "retired" => Some(KeyStatus::Retired),
            "revoked" => Some(KeyStatus::Revoked),
            _ => None,
        }
    }
}

/// What a key of the trust list may sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "lowercase"))]
pub enum KeyUse {
    /// Certificates (`cert`).
    Cert,
    /// Status lists (`status`).
    Status,
    /// Signed data bundles (`data`): calendar, visa regimes and regions updated without a
    /// release.
    Data,
}

impl KeyUse {
    /// Every use, in the order written.
    pub const ALL: [KeyUse; 3] = [KeyUse::Cert, KeyUse::Status, KeyUse::Data];

    /// The word written in the list: `cert`, `status` or `data`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::cert::KeyUse::Status.as_str(), "status");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            KeyUse::Cert => "cert",
            KeyUse::Status => "status",
            KeyUse::Data => "data",
        }
    }

    fn parse(text: &str) -> Option<KeyUse> {
        KeyUse::ALL.into_iter().find(|used| used.as_str() == text)
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The uses of a key: a set of [`KeyUse`] (in JSON, an array of their words).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct KeyUses(u8);

impl KeyUses {
    /// No use.
    pub const NONE: KeyUses = KeyUses(0);
    /// Certificates only: the default of the issuer's tools.
    pub const CERT: KeyUses = KeyUses(1);
    /// Status lists only.
    pub const STATUS: KeyUses = KeyUses(2);
    /// Data bundles only.
    pub const DATA: KeyUses = KeyUses(4);
    /// Certificates and status lists: what every key of a version 1 list may sign.
    pub const CERT_AND_STATUS: KeyUses = KeyUses(3);

    /// This set and `used`.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::{KeyUse, KeyUses};
    /// assert_eq!(KeyUses::CERT.with(KeyUse::Status), KeyUses::CERT_AND_STATUS);
    /// ```
    pub const fn with(self, used: KeyUse) -> KeyUses {
        KeyUses(self.0 | 1 << used as u8)
    }

    /// Whether the set holds `used`.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::{KeyUse, KeyUses};
    /// assert!(KeyUses::CERT_AND_STATUS.contains(KeyUse::Status));
    /// assert!(!KeyUses::CERT.contains(KeyUse::Status));
    /// ```
    pub fn contains(self, used: KeyUse) -> bool {
        self.0 & used.bit() != 0
    }

    /// Whether the set is empty.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(tirkeu::cert::KeyUses::NONE.is_empty());
    /// ```
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The uses, in the order of [`KeyUse::ALL`].
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::{KeyUse, KeyUses};
    /// assert_eq!(KeyUses::CERT_AND_STATUS.iter().collect::<Vec<_>>(), [KeyUse::Cert, KeyUse::Status]);
    /// ```
    pub fn iter(self) -> impl Iterator<Item = KeyUse> {
        KeyUse::ALL
            .into_iter()
            .filter(move |used| self.contains(*used))
    }

    /// The words of the uses, as written in the list and in JSON.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::cert::KeyUses::STATUS.words(), ["status"]);
    /// ```
    pub fn words(self) -> Vec<&'static str> {
        self.iter().map(KeyUse::as_str).collect()
    }
}

impl serde::Serialize for KeyUses {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(KeyUse::as_str))
    }
}

impl<'de> serde::Deserialize<'de> for KeyUses {
    /// A non-empty array of distinct words `cert`, `status`, `data`.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let words = <Vec<String> as serde::Deserialize>::deserialize(deserializer)?;
        let mut uses = KeyUses::NONE;
        for word in &words {
            let used = KeyUse::parse(word).ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown use {:?} (cert, status or data)",
                    shorten(word)
                ))
            })?;
            if uses.contains(used) {
                return Err(serde::de::Error::custom(format!(
                    "use {word:?} given twice"
                )));
            }
            uses = uses.with(used);
        }
        if uses.is_empty() {
            return Err(serde::de::Error::custom("`use` must name at least one use"));
        }
        Ok(uses)
    }
}

/// A signing key of the trust list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustedKey {
    /// Its key identifier as listed (normally the first 8 bytes of SHA-256 of the key).
    pub kid: Kid,
    /// The public key.
    pub public_key: PublicKey,
    /// A name for people (the issuing office).
    pub name: String,
    /// First issue time it may sign at (seconds since 1970).
    pub from: i64,
    /// Last issue time it may sign at, or open-ended.
    pub until: Option<i64>,
    /// Active, retired or revoked.
    pub status: KeyStatus,
    /// What it may sign.
    pub uses: KeyUses,
    /// The demonstration key shipped with the project.
    pub demo: bool,
}

impl TrustedKey {
    /// Whether a signature made at `issued_at` by this key is trusted: the key is not revoked
    /// and `issued_at` lies in `[from, until]`.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let key = TrustedKeySpec { demo: true, ..TrustedKeySpec::new(office.public_key(), "Office", 0) };
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![key] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// let key = &trust.keys()[0];
    /// assert!(key.valid_at(0) && key.valid_at(i64::MAX));
    /// assert!(!key.valid_at(-1));
    /// ```
    pub fn valid_at(&self, issued_at: i64) -> bool {
        self.status != KeyStatus::Revoked
            && self.from <= issued_at
            && self.until.is_none_or(|until| issued_at <= until)
    }

    /// Whether the key may sign `used` at `issued_at`: its `use` holds it, and
    /// [`TrustedKey::valid_at`].
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let mut spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec::new(office.public_key(), "Office", 0)] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// let key = &trust.keys()[0]; // `use` ["cert"], the default
    /// assert!(key.may_sign(KeyUse::Cert, 150));
    /// assert!(!key.may_sign(KeyUse::Status, 150));
    /// ```
    pub fn may_sign(&self, used: KeyUse, issued_at: i64) -> bool {
        self.uses.contains(used) && self.valid_at(issued_at)
    }
}

/// Why a trust list is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TrustListError {
    /// Not a COSE_Sign1 of this project's profile.
    Cose(CoseError),
    /// Signed by a key other than the pinned root.
    RootNotPinned {
        /// The kid of the signer.
        kid: Kid,
    },
    /// The signature does not verify under the pinned root.
    BadSignature,
    /// The payload is not strict CBOR of the expected shape.
    Payload(CborError),
    /// A field of the payload is missing, unknown or out of range.
    Format {
        /// What is wrong.
        reason: String,
    },
    /// A listed key has small order or a non-canonical encoding.
    WeakKey {
        /// Its kid.
        kid: Kid,
    },
    /// The list is signed and well formed, but its dates forbid installing it: issued in the
    /// future, before `min_issued_at`, older than the installed list, or at the same time.
    Date(super::ListDateError),
}

impl fmt::Display for TrustListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrustListError::Cose(e) => write!(f, "trust list: {e}"),
            TrustListError::RootNotPinned { kid } => {
                write!(
                    f,
                    "trust list: signed by key {}, which is not the pinned root",
                    to_hex(kid)
                )
            }
            TrustListError::BadSignature => {
                f.write_str("trust list: the root's signature does not verify")
            }
            TrustListError::Payload(e) => write!(f, "trust list: {e}"),
            TrustListError::Format { reason } => write!(f, "trust list: {reason}"),
            TrustListError::WeakKey { kid } => {
                write!(
                    f,
                    "trust list: key {} is weak (small order) or not canonical",
                    to_hex(kid)
                )
            }
            TrustListError::Date(e) => write!(f, "trust list: {e}"),
        }
    }
}

impl std::error::Error for TrustListError {}

impl From<CborError> for TrustListError {
    fn from(e: CborError) -> Self {
        TrustListError::Payload(e)
    }
}

impl From<super::ListDateError> for TrustListError {
    fn from(e: super::ListDateError) -> Self {
        TrustListError::Date(e)
    }
}

impl PayloadError for TrustListError {
    fn format(reason: String) -> Self {
        TrustListError::Format { reason }
    }
}

fn format_error(reason: impl Into<String>) -> TrustListError {
    TrustListError::format(reason.into())
}

/// A verified trust list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustList {
    version: i64,
    issued_at: i64,
    next_update: i64,
    root_kid: Kid,
    keys: Vec<TrustedKey>,
}

/// A summary of a trust list for people and pages (serde camelCase).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub struct TrustListSummary {
    /// The format version: 1 or 2.
    #[cfg_attr(test, ts(type = "1 | 2"))]
    pub version: i64,
    /// Issue time, seconds since 1970.
    pub iat: i64,
    /// Next update expected, seconds since 1970; past it the list is stale.
    pub next: i64,
    /// Kid of the root that signed it (hex).
    pub root_kid: String,
    /// The keys.
    pub keys: Vec<TrustedKeySummary>,
}

/// One key of a [`TrustListSummary`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub struct TrustedKeySummary {
    /// Key identifier (hex).
    pub kid: String,
    /// Name.
    pub name: String,
    /// Valid from (seconds).
    pub from: i64,
    /// Valid until (seconds), or null.
    pub until: Option<i64>,
    /// `active`, `retired` or `revoked`.
    pub status: KeyStatus,
    /// What it may sign: `cert`, `status`, `data`.
    #[serde(rename = "use")]
    #[cfg_attr(test, ts(as = "Vec<KeyUse>"))]
    pub uses: KeyUses,
    /// Demonstration key.
    pub demo: bool,
    /// Public key (hex).
    pub public_key: String,
}

impl TrustList {
    /// Verifies and reads a trust list signed by `pinned_root`.
    ///
    /// # Errors
    ///
    /// [`TrustListError::RootNotPinned`] when the list's kid is not the pinned root's,
    /// [`TrustListError::BadSignature`] when the root's signature fails, and
    /// [`TrustListError::Cose`], [`TrustListError::Payload`], [`TrustListError::Format`] or
    /// [`TrustListError::WeakKey`] for a list that is not exactly of this format.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::{build_trust_list, SigningKey, TrustList, TrustListSpec, TrustedKeySpec};
    /// let root = SigningKey::from_seed([1; 32]);
    /// let issuer = SigningKey::from_seed([2; 32]);
    /// let key = TrustedKeySpec::new(issuer.public_key(), "Test office", 1_780_000_000);
    /// let spec = TrustListSpec { iat: 1_780_000_000, next: 1_790_000_000, keys: vec![key] };
    /// let bytes = build_trust_list(&spec, &root).unwrap();
    /// let list = TrustList::from_cose(&bytes, &root.public_key()).unwrap();
    /// assert_eq!(list.keys()[0].kid, issuer.kid());
    /// assert!(TrustList::from_cose(&bytes, &issuer.public_key()).is_err()); // not the pinned root
    /// ```
    pub fn from_cose(bytes: &[u8], pinned_root: &PublicKey) -> Result<TrustList, TrustListError> {
        let message = Sign1::decode(bytes).map_err(TrustListError::Cose)?;
        let kid = message.require_profile().map_err(TrustListError::Cose)?;
        if kid != pinned_root.kid() {
            return Err(TrustListError::RootNotPinned { kid });
        }
        if !message.verify(pinned_root) {
            return Err(TrustListError::BadSignature);
        }
        let mut list = TrustList::decode_payload(message.payload)?;
        list.root_kid = kid;
        Ok(list)
    }

    fn decode_payload(payload: &[u8]) -> Result<TrustList, TrustListError> {
        let mut keys = None;
        let versions = [TRUST_LIST_VERSION_1, TRUST_LIST_VERSION];
        let header = read_payload::<TrustListError>(payload, &versions, |name, reader| {
            match name {
                "keys" => keys = Some(read_keys(reader)?),
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        let version = header.version;
        let keys = keys
            .ok_or_else(|| format_error("`keys` is missing"))?
            .into_iter()
            .map(|(key, uses)| match (version, uses) {
                (TRUST_LIST_VERSION_1, None) => Ok(TrustedKey {
                    uses: KeyUses::CERT_AND_STATUS,
                    ..key
                }),
                (TRUST_LIST_VERSION_1, Some(_)) => Err(format_error(
                    "a key of a version 1 list has `use`, which version 1 does not know",
                )),
                (_, Some(uses)) => Ok(TrustedKey { uses, ..key }),
                (_, None) => Err(format_error("a key's `use` is missing")),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(TrustList {
            version,
            issued_at: header.issued_at,
            next_update: header.next_update,
            root_kid: [0; KID_LENGTH],
            keys,
        })
    }

    /// The format version of the list: 1 (every key signs certificates and status lists) or 2.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// assert_eq!(trust.version(), 2);
    /// ```
    pub fn version(&self) -> i64 {
        self.version
    }

    /// Issue time of the list (seconds since 1970).
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let key = TrustedKeySpec { demo: true, ..TrustedKeySpec::new(office.public_key(), "Office", 0) };
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![key] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// assert_eq!(trust.issued_at(), 100);
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
    /// # let key = TrustedKeySpec { demo: true, ..TrustedKeySpec::new(office.public_key(), "Office", 0) };
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![key] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// assert_eq!(trust.next_update(), 200);
    /// ```
    pub fn next_update(&self) -> i64 {
        self.next_update
    }

    /// Kid of the root that signed the list.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let key = TrustedKeySpec { demo: true, ..TrustedKeySpec::new(office.public_key(), "Office", 0) };
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![key] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// assert_eq!(trust.root_kid(), root.kid());
    /// ```
    pub fn root_kid(&self) -> Kid {
        self.root_kid
    }

    /// The keys, in the order listed.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let key = TrustedKeySpec { demo: true, ..TrustedKeySpec::new(office.public_key(), "Office", 0) };
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![key] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// assert_eq!(trust.keys()[0].name, "Office");
    /// ```
    pub fn keys(&self) -> &[TrustedKey] {
        &self.keys
    }

    /// The keys listed under `kid` (usually one; every one is tried).
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let key = TrustedKeySpec { demo: true, ..TrustedKeySpec::new(office.public_key(), "Office", 0) };
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![key] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// assert_eq!(trust.keys_with_kid(&office.kid()).count(), 1);
    /// assert_eq!(trust.keys_with_kid(&root.kid()).count(), 0);
    /// ```
    pub fn keys_with_kid<'a>(&'a self, kid: &'a Kid) -> impl Iterator<Item = &'a TrustedKey> + 'a {
        self.keys.iter().filter(move |key| key.kid == *kid)
    }

    /// Whether the list is past its `next` update time at `now_unix_seconds`.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let key = TrustedKeySpec { demo: true, ..TrustedKeySpec::new(office.public_key(), "Office", 0) };
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![key] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// assert!(!trust.is_stale(200) && trust.is_stale(201));
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
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// assert_eq!(trust.currency(200, 50), Currency::Current);
    /// assert_eq!(trust.currency(250, 50), Currency::Stale);
    /// assert_eq!(trust.currency(251, 50), Currency::Expired);
    /// ```
    pub fn currency(&self, now_unix_seconds: i64, grace_seconds: i64) -> super::Currency {
        super::freshness::currency(self.next_update, now_unix_seconds, grace_seconds)
    }

    /// The summary for people and pages.
    ///
    /// # Example
    ///
    /// ```
    /// # use tirkeu::cert::*;
    /// # let root = SigningKey::from_seed([1; 32]);
    /// # let office = SigningKey::from_seed([2; 32]);
    /// # let key = TrustedKeySpec { demo: true, ..TrustedKeySpec::new(office.public_key(), "Office", 0) };
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![key] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// let summary = serde_json::to_value(trust.summary()).unwrap();
    /// assert_eq!(summary["keys"][0]["status"], "active");
    /// assert_eq!(summary["keys"][0]["use"], serde_json::json!(["cert"]));
    /// assert_eq!(summary["keys"][0]["demo"], true);
    /// ```
    pub fn summary(&self) -> TrustListSummary {
        TrustListSummary {
            version: self.version,
            iat: self.issued_at,
            next: self.next_update,
            root_kid: to_hex(&self.root_kid),
            keys: self
                .keys
                .iter()
                .map(|key| TrustedKeySummary {
                    kid: to_hex(&key.kid),
                    name: key.name.clone(),
                    from: key.from,
                    until: key.until,
                    status: key.status,
                    uses: key.uses,
                    demo: key.demo,
                    public_key: key.public_key.to_hex(),
                })
                .collect(),
        }
    }
}

/// A key as read, with its `use` if the list gives one (checked against the version later).
type KeyRead = (TrustedKey, Option<KeyUses>);

fn read_keys(reader: &mut Reader<'_>) -> Result<Vec<KeyRead>, TrustListError> {
    let count = reader.array()?;
    if count > MAX_TRUSTED_KEYS {
        return Err(format_error(format!("more than {MAX_TRUSTED_KEYS} keys")));
    }
    let mut keys = Vec::new();
    for _ in 0..count {
        keys.push(read_key(reader)?);
    }
    Ok(keys)
}

fn read_uses(reader: &mut Reader<'_>) -> Result<KeyUses, TrustListError> {
    let count = reader.array()?;
    let mut uses = KeyUses::NONE;
    for _ in 0..count {
        let word = reader.text()?;
        let used = KeyUse::parse(word).ok_or_else(|| {
            format_error(format!(
                "a key's `use` {:?} is not cert, status or data",
                shorten(word)
            ))
        })?;
        if uses.contains(used) {
            return Err(format_error(format!("a key's `use` names {word:?} twice")));
        }
        uses = uses.with(used);
    }
    if uses.is_empty() {
        return Err(format_error("a key's `use` is empty"));
    }
    Ok(uses)
}

fn read_key(reader: &mut Reader<'_>) -> Result<KeyRead, TrustListError> {
    let (mut kid, mut pk, mut name, mut from, mut until, mut status, mut demo) =
        (None, None, None, None, None, None, None);
    let mut uses = None;
    read_map(reader, |field, reader| {
        match field {
            "kid" => kid = Some(reader.bytes()?),
            "pk" => pk = Some(reader.bytes()?),
            "name" => name = Some(reader.text()?),
            "from" => from = Some(reader.int()?),
            "until" => {
                until = Some(if reader.peek()? == super::cbor::Kind::Null {
                    reader.null()?;
                    None
                } else {
                    Some(reader.int()?)
                })
            }
            "status" => status = Some(reader.text()?),
            "use" => uses = Some(read_uses(reader)?),
            "demo" => demo = Some(reader.bool()?),
            other => {
                return Err(format_error(format!(
                    "unknown key field {:?}",
                    shorten(other)
                )));
            }
        }
        Ok(())
    })?;
    let kid: Kid = kid
        .and_then(|k| k.try_into().ok())
        .ok_or_else(|| format_error("a key's `kid` is missing or not 8 bytes"))?;
    let pk: [u8; 32] = pk
        .and_then(|k| k.try_into().ok())
        .ok_or_else(|| format_error("a key's `pk` is missing or not 32 bytes"))?;
    let public_key = PublicKey::from_bytes(&pk).map_err(|_| TrustListError::WeakKey { kid })?;
    let name = name.ok_or_else(|| format_error("a key's `name` is missing"))?;
    if name.chars().count() > MAX_KEY_NAME_CHARS {
        return Err(format_error("a key's `name` is too long"));
    }
    let from = from.ok_or_else(|| format_error("a key's `from` is missing"))?;
    let until = until.ok_or_else(|| format_error("a key's `until` is missing"))?;
    if until.is_some_and(|until| until < from) {
        return Err(format_error("a key's `until` is before its `from`"));
    }
    let status = status.and_then(KeyStatus::parse).ok_or_else(|| {
        format_error("a key's `status` is missing or not active, retired or revoked")
    })?;
    let demo = demo.ok_or_else(|| format_error("a key's `demo` is missing"))?;
    let key = TrustedKey {
        kid,
        public_key,
        name: name.to_owned(),
        from,
        until,
        status,
        uses: KeyUses::NONE,
        demo,
    };
    Ok((key, uses))
}

/// What a trust list should hold, for [`build_trust_list`](super::build_trust_list); read from
/// KEYSPEC.json by the command line (serde camelCase; `until`, `kid`, `use` and `demo` optional;
/// times as seconds since 1970 or RFC 3339 text, see [`parse_instant`](super::instant::parse_instant)).
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TrustListSpec {
    /// Issue time (seconds since 1970).
    #[serde(deserialize_with = "super::instant::deserialize_instant")]
    pub iat: i64,
    /// Next update expected (seconds since 1970), after `iat`.
    #[serde(deserialize_with = "super::instant::deserialize_instant")]
    pub next: i64,
    /// The keys.
    pub keys: Vec<TrustedKeySpec>,
}

/// One key of a [`TrustListSpec`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TrustedKeySpec {
    /// The public key (64 hex digits in JSON).
    pub public_key: PublicKey,
    /// The kid to list it under; by default the key's own kid. (Another kid only makes sense
    /// for tests of kid collisions.)
    #[serde(default, deserialize_with = "super::keys::deserialize_optional_kid")]
    pub kid: Option<Kid>,
    /// A name for people.
    pub name: String,
    /// Valid from (seconds).
    #[serde(deserialize_with = "super::instant::deserialize_instant")]
    pub from: i64,
    /// Valid until (seconds); absent or null: open-ended.
    #[serde(
        default,
        deserialize_with = "super::instant::deserialize_optional_instant"
    )]
    pub until: Option<i64>,
    /// Active, retired or revoked.
    pub status: KeyStatus,
    /// What it signs (`use` in JSON); by default certificates only, so that the roles stay
    /// apart unless a key is given several on purpose.
    #[serde(rename = "use", default = "default_uses")]
    pub uses: KeyUses,
    /// The demonstration key.
    #[serde(default)]
    pub demo: bool,
}

fn default_uses() -> KeyUses {
    KeyUses::CERT
}

impl TrustedKeySpec {
    /// An active, open-ended, non-demonstration key that signs certificates, valid from
    /// `from`, listed under its own kid.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::{KeyUses, SigningKey, TrustedKeySpec};
    /// let spec = TrustedKeySpec::new(SigningKey::from_seed([2; 32]).public_key(), "Office", 0);
    /// assert_eq!((spec.uses, spec.until, spec.demo), (KeyUses::CERT, None, false));
    /// ```
    pub fn new(public_key: PublicKey, name: &str, from: i64) -> TrustedKeySpec {
        TrustedKeySpec {
            public_key,
            kid: None,
            name: name.into(),
            from,
            until: None,
            status: KeyStatus::Active,
            uses: KeyUses::CERT,
            demo: false,
        }
    }
}

/// Encodes the payload of a version 2 trust list (keys in the deterministic order of RFC 8949
/// section 4.2.1: shorter text keys first, then bytewise).
pub(crate) fn encode_payload(spec: &TrustListSpec) -> Vec<u8> {
    let mut writer = Writer::new();
    writer
        .map(4)
        .text("v")
        .int(TRUST_LIST_VERSION)
        .text("iat")
        .int(spec.iat);
    writer.text("keys").array(spec.keys.len());
    for key in &spec.keys {
        let kid = key.kid.unwrap_or_else(|| key.public_key.kid());
        writer
            .map(8)
            .text("pk")
            .bytes(&key.public_key.to_bytes())
            .text("kid")
            .bytes(&kid);
        let uses = key.uses.words();
        writer.text("use").array(uses.len());
        for word in uses {
            writer.text(word);
        }
        writer
            .text("demo")
            .bool(key.demo)
            .text("from")
            .int(key.from)
            .text("name")
            .text(&key.name);
        writer.text("until");
        match key.until {
            Some(until) => writer.int(until),
            None => writer.null(),
        };
        writer.text("status").text(key.status.as_str());
    }
    writer.text("next").int(spec.next);
    writer.into_bytes()
}
