//! What the signed lists have in common: the trust list, the status list and the data bundle.
//!
//! Each is a COSE_Sign1 of the lists' profile (a binary `.cose` file) whose payload is a CBOR map
//! with text keys, each given once, nothing after it, that opens with the same three members:
//!
//! ```text
//! { "v": format version, "iat": seconds (issue time),
//!   "next": seconds (next update expected, after iat), ...the list's own members }
//! ```
//!
//! [`read_payload`] reads those three and hands every other member to the list's own reader.
//! The trust list is signed by the pinned root; a status list or a data bundle by a key of the
//! trust list that may sign it ([`verify_signed`]): its `use` holds the list's use, it is not
//! revoked, and the payload's `iat` lies in its validity.

use core::fmt::Write as _;

use super::cbor::{CborError, Reader, seen_before};
use super::cose::{CoseError, Sign1};
use super::keys::{Kid, PublicKey};
use super::trust::{KeyUse, TrustList, TrustedKey};

/// An error type of a list's payload: a CBOR error, or a member missing, unknown or out of range.
pub(crate) trait PayloadError: From<CborError> {
    /// A member missing, unknown or out of range, and what is wrong with it.
    fn format(reason: String) -> Self;
}

/// The members every list's payload opens with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Header {
    /// `v`: one of the versions the list reads.
    pub(crate) version: i64,
    /// `iat`: issue time, seconds since 1970.
    pub(crate) issued_at: i64,
    /// `next`: next update expected, seconds since 1970, after `iat`.
    pub(crate) next_update: i64,
}

/// Reads a list's payload: `v` (one of `versions`), `iat` and `next` here, and every other member
/// by `member`, which reads the member's value and returns true, or false for a name the list does
/// not know (refused as an unknown field). The list's own members may come before `v`, so
/// `member` cannot depend on the version.
///
/// # Errors
///
/// A CBOR error for a payload not of strict CBOR, a repeated key or trailing bytes;
/// [`PayloadError::format`] for an unknown field, a version not in `versions`, `iat` or `next`
/// missing, or `next` not after `iat`; and `member`'s errors.
pub(crate) fn read_payload<'p, E: PayloadError>(
    payload: &'p [u8],
    versions: &[i64],
    mut member: impl FnMut(&'p str, &mut Reader<'p>) -> Result<bool, E>,
) -> Result<Header, E> {
    let mut reader = Reader::new(payload);
    let (mut version, mut issued_at, mut next_update) = (None, None, None);
    read_map(&mut reader, |name, reader| {
        match name {
            "v" => version = Some(reader.int()?),
            "iat" => issued_at = Some(reader.int()?),
            "next" => next_update = Some(reader.int()?),
            other => {
                if !member(other, reader)? {
                    return Err(E::format(format!("unknown field `{}`", shorten(other))));
                }
            }
        }
        Ok(())
    })?;
    reader.finish()?;
    let version = version
        .filter(|v| versions.contains(v))
        .ok_or_else(|| E::format(version_missing(versions)))?;
    let issued_at = issued_at.ok_or_else(|| E::format("`iat` is missing".into()))?;
    let next_update = next_update.ok_or_else(|| E::format("`next` is missing".into()))?;
    if next_update <= issued_at {
        return Err(E::format("`next` is not after `iat`".into()));
    }
    Ok(Header {
        version,
        issued_at,
        next_update,
    })
}

/// The reason for refusing a payload whose version is missing or not one of `versions`.
fn version_missing(versions: &[i64]) -> String {
    let mut reason = String::from("version `v` is missing or not ");
    for (i, version) in versions.iter().enumerate() {
        let separator = if i == 0 { "" } else { " or " };
        let _ = write!(reason, "{separator}{version}");
    }
    reason
}

/// Reads a CBOR map with text keys, refusing a key given twice: each member by `member`, which
/// reads its value.
///
/// # Errors
///
/// A CBOR error for an item not a map of text keys or a repeated key, and `member`'s errors.
pub(crate) fn read_map<'p, E: From<CborError>>(
    reader: &mut Reader<'p>,
    mut member: impl FnMut(&'p str, &mut Reader<'p>) -> Result<(), E>,
) -> Result<(), E> {
    let mut names = Vec::new();
    for _ in 0..reader.map()? {
        let position = reader.position();
        let name = reader.text()?;
        if seen_before(&mut names, name) {
            return Err(CborError::DuplicateKey { position }.into());
        }
        member(name, reader)?;
    }
    Ok(())
}

/// The first 32 characters of a name from a payload, for an error message.
pub(crate) fn shorten(text: &str) -> String {
    text.chars().take(32).collect()
}

/// The key of the trust list that signed a status list or a data bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Signer {
    pub(crate) kid: Kid,
    pub(crate) public_key: PublicKey,
    /// A demonstration key: the list then speaks only of what demonstration keys signed.
    pub(crate) demo: bool,
}

impl Signer {
    /// The key of `trust` with this signer's kid and public key that may sign `used` at
    /// `issued_at`: whether a list installed under an earlier trust list is still trusted.
    pub(crate) fn in_trust_list<'t>(
        &self,
        trust: &'t TrustList,
        used: KeyUse,
        issued_at: i64,
    ) -> Option<&'t TrustedKey> {
        trust.keys().iter().find(|key| {
            key.kid == self.kid
                && key.public_key == self.public_key
                && key.may_sign(used, issued_at)
        })
    }

    /// Takes the demonstration flag from `trust` (a new trust list may mark the key otherwise);
    /// `false` when `trust` no longer trusts the signer to sign `used` at `issued_at`.
    pub(crate) fn rebind(&mut self, trust: &TrustList, used: KeyUse, issued_at: i64) -> bool {
        match self.in_trust_list(trust, used, issued_at) {
            Some(key) => {
                self.demo = key.demo;
                true
            }
            None => false,
        }
    }
}

/// Why no key of the trust list is taken as the signer of a list; each list's error has a variant
/// for each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SignerError {
    /// Not a COSE_Sign1 of the profile.
    Cose(CoseError),
    /// No key of the trust list has the signer's kid.
    UnknownKey { kid: Kid },
    /// No key with that kid verifies the signature.
    BadSignature { kid: Kid },
    /// No key with that kid that verifies the signature may sign the list at its `iat`.
    KeyNotValid { kid: Kid },
}

/// Verifies a list or bundle signed by a key of `trust` that may sign `used`: the keys listed
/// under its kid that verify its signature (every one is tried), its payload read by `read`, and
/// the first of those keys that may sign `used` at the payload's issue time (`issued_at`).
///
/// # Errors
///
/// [`SignerError`] (through `E`) when no such key signed it, and `read`'s errors.
pub(crate) fn verify_signed<'b, T, E: From<SignerError>>(
    bytes: &'b [u8],
    trust: &TrustList,
    used: KeyUse,
    read: impl FnOnce(&'b [u8]) -> Result<T, E>,
    issued_at: impl FnOnce(&T) -> i64,
) -> Result<(T, Signer), E> {
    let message = Sign1::decode(bytes).map_err(SignerError::Cose)?;
    let (kid, verifying) = keys_verifying(&message, trust)?;
    let list = read(message.payload)?;
    let issued_at = issued_at(&list);
    let signer = verifying
        .iter()
        .find(|key| key.may_sign(used, issued_at))
        .ok_or(SignerError::KeyNotValid { kid })?;
    let signer = Signer {
        kid,
        public_key: signer.public_key,
        demo: signer.demo,
    };
    Ok((list, signer))
}

/// The kid of `message` and the keys of `trust` listed under it that verify its signature (every
/// one is tried). (Apart from [`verify_signed`], so that the module holds this code once.)
fn keys_verifying<'t>(
    message: &Sign1<'_>,
    trust: &'t TrustList,
) -> Result<(Kid, Vec<&'t TrustedKey>), SignerError> {
    let kid = message.require_profile().map_err(SignerError::Cose)?;
    let listed = trust.keys().iter().filter(|key| key.kid == kid);
    let candidates: Vec<&TrustedKey> = listed.collect();
    if candidates.is_empty() {
        return Err(SignerError::UnknownKey { kid });
    }
    let verifying: Vec<&TrustedKey> = candidates
        .into_iter()
        .filter(|key| message.verify(&key.public_key))
        .collect();
    if verifying.is_empty() {
        return Err(SignerError::BadSignature { kid });
    }
    Ok((kid, verifying))
}
