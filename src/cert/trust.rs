//! The trust list: the signing keys the verifier trusts, signed by a pinned root key
//! (certificate.md section 4).

use core::fmt;

use super::cbor::{CborError, Reader, Writer, seen_before};
use super::cose::{CoseError, Sign1};
use super::keys::{KID_LENGTH, Kid, PublicKey, to_hex};

/// The trust list format version.
pub const TRUST_LIST_VERSION: i64 = 1;
/// Most keys a trust list may hold.
pub const MAX_TRUSTED_KEYS: u64 = 1024;
/// Most characters in a key's name.
pub const MAX_KEY_NAME_CHARS: usize = 200;

/// The state of a signing key in the trust list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
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
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec {
    /// #     public_key: office.public_key(), kid: None, name: "Office".into(), from: 0,
    /// #     until: None, status: KeyStatus::Active, demo: true }] };
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
    /// The list is older than the one installed, which is kept.
    Older {
        /// Issue time of the installed list.
        installed: i64,
        /// Issue time of the list offered.
        offered: i64,
    },
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
            TrustListError::Older { installed, offered } => write!(
                f,
                "trust list: issued at {offered}, older than the installed list ({installed}), which is kept"
            ),
        }
    }
}

impl std::error::Error for TrustListError {}

impl From<CborError> for TrustListError {
    fn from(e: CborError) -> Self {
        TrustListError::Payload(e)
    }
}

fn format_error(reason: impl Into<String>) -> TrustListError {
    TrustListError::Format {
        reason: reason.into(),
    }
}

/// A verified trust list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustList {
    issued_at: i64,
    next_update: i64,
    root_kid: Kid,
    keys: Vec<TrustedKey>,
}

/// A summary of a trust list for people and pages (serde camelCase).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrustListSummary {
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
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
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
    /// use tirkeu::cert::{build_trust_list, KeyStatus, SigningKey, TrustList, TrustListSpec, TrustedKeySpec};
    /// let root = SigningKey::from_seed([1; 32]);
    /// let issuer = SigningKey::from_seed([2; 32]);
    /// let spec = TrustListSpec { iat: 1_780_000_000, next: 1_790_000_000, keys: vec![TrustedKeySpec {
    ///     public_key: issuer.public_key(), kid: None, name: "Test office".into(),
    ///     from: 1_780_000_000, until: None, status: KeyStatus::Active, demo: true }] };
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
        let mut reader = Reader::new(payload);
        let mut names = Vec::new();
        let (mut version, mut issued_at, mut next_update, mut keys) = (None, None, None, None);
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
                "keys" => keys = Some(read_keys(&mut reader)?),
                other => return Err(format_error(format!("unknown field {:?}", shorten(other)))),
            }
        }
        reader.finish()?;
        if version != Some(TRUST_LIST_VERSION) {
            return Err(format_error("version `v` is missing or not 1"));
        }
        let issued_at = issued_at.ok_or_else(|| format_error("`iat` is missing"))?;
        let next_update = next_update.ok_or_else(|| format_error("`next` is missing"))?;
        if next_update < issued_at {
            return Err(format_error("`next` is before `iat`"));
        }
        let keys = keys.ok_or_else(|| format_error("`keys` is missing"))?;
        Ok(TrustList {
            issued_at,
            next_update,
            root_kid: [0; KID_LENGTH],
            keys,
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
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec {
    /// #     public_key: office.public_key(), kid: None, name: "Office".into(), from: 0,
    /// #     until: None, status: KeyStatus::Active, demo: true }] };
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
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec {
    /// #     public_key: office.public_key(), kid: None, name: "Office".into(), from: 0,
    /// #     until: None, status: KeyStatus::Active, demo: true }] };
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
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec {
    /// #     public_key: office.public_key(), kid: None, name: "Office".into(), from: 0,
    /// #     until: None, status: KeyStatus::Active, demo: true }] };
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
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec {
    /// #     public_key: office.public_key(), kid: None, name: "Office".into(), from: 0,
    /// #     until: None, status: KeyStatus::Active, demo: true }] };
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
    /// # let spec = TrustListSpec { iat: 100, next: 200, keys: vec![TrustedKeySpec {
    /// #     public_key: office.public_key(), kid: None, name: "Office".into(), from: 0,
    /// #     until: None, status: KeyStatus::Active, demo: true }] };
    /// # let trust = TrustList::from_cose(&build_trust_list(&spec, &root).unwrap(), &root.public_key()).unwrap();
    /// assert!(!trust.is_stale(200) && trust.is_stale(201));
    /// ```
    pub fn is_stale(&self, now_unix_seconds: i64) -> bool {
        now_unix_seconds > self.next_update
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
    /// let summary = serde_json::to_value(trust.summary()).unwrap();
    /// assert_eq!(summary["keys"][0]["status"], "active");
    /// assert_eq!(summary["keys"][0]["demo"], true);
    /// ```
    pub fn summary(&self) -> TrustListSummary {
        TrustListSummary {
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
                    demo: key.demo,
                    public_key: key.public_key.to_hex(),
                })
                .collect(),
        }
    }
}

fn shorten(text: &str) -> String {
    text.chars().take(32).collect()
}

fn read_keys(reader: &mut Reader<'_>) -> Result<Vec<TrustedKey>, TrustListError> {
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

fn read_key(reader: &mut Reader<'_>) -> Result<TrustedKey, TrustListError> {
    let mut names = Vec::new();
    let (mut kid, mut pk, mut name, mut from, mut until, mut status, mut demo) =
        (None, None, None, None, None, None, None);
    for _ in 0..reader.map()? {
        let position = reader.position();
        let field = reader.text()?;
        if seen_before(&mut names, field) {
            return Err(CborError::DuplicateKey { position }.into());
        }
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
            "demo" => demo = Some(reader.bool()?),
            other => {
                return Err(format_error(format!(
                    "unknown key field {:?}",
                    shorten(other)
                )));
            }
        }
    }
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
    Ok(TrustedKey {
        kid,
        public_key,
        name: name.to_owned(),
        from,
        until,
        status,
        demo,
    })
}

/// What a trust list should hold, for [`build_trust_list`](super::build_trust_list); read from
/// KEYSPEC.json by the command line (serde camelCase; `until`, `kid` and `demo` optional).
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TrustListSpec {
    /// Issue time (seconds since 1970).
    pub iat: i64,
    /// Next update expected (seconds since 1970).
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
    pub from: i64,
    /// Valid until (seconds); absent or null: open-ended.
    #[serde(default)]
    pub until: Option<i64>,
    /// Active, retired or revoked.
    pub status: KeyStatus,
    /// The demonstration key.
    #[serde(default)]
    pub demo: bool,
}

/// Encodes the payload of a trust list (keys in the deterministic order of RFC 8949 section
/// 4.2.1: shorter text keys first).
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
            .map(7)
            .text("pk")
            .bytes(&key.public_key.to_bytes())
            .text("kid")
            .bytes(&kid);
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
