//! Ed25519 key pairs, key identifiers and key files.
//!
//! [`PublicKey`] accepts only keys that strict verification can use: a canonical encoding of a
//! point of the curve that is not of small order. [`SigningKey`] is a 32-byte seed (RFC 8032);
//! signing is deterministic, so the same record, key and time always give the same QR text.
//! Key generation needs system randomness and lives in the command line only.

use core::fmt;

use ed25519_dalek::Signer;
use sha2::{Digest, Sha256};

/// Length of a key identifier: the first 8 bytes of SHA-256 of the public key.
pub const KID_LENGTH: usize = 8;

/// A key identifier.
pub type Kid = [u8; KID_LENGTH];

/// Why bytes or a key file are not a usable key.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyError {
    /// A field is not hexadecimal of the expected length.
    Hex {
        /// Which field (`publicKey`, `secretKey`, `kid`, ...).
        field: &'static str,
        /// Number of bytes expected.
        expected_bytes: usize,
    },
    /// The 32 bytes are not a point of the curve, or not its canonical encoding.
    NotCanonical,
    /// The point has small order: a signature under it proves nothing.
    WeakKey,
    /// The key file is not the JSON expected.
    Json {
        /// What the JSON parser said.
        detail: String,
    },
    /// The key file's `kid` is not the identifier of its public key.
    KidMismatch,
    /// The key file's secret key does not belong to its public key.
    SecretKeyMismatch,
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyError::Hex {
                field,
                expected_bytes,
            } => {
                write!(
                    f,
                    "`{field}` must be {} hexadecimal digits",
                    expected_bytes * 2
                )
            }
            KeyError::NotCanonical => {
                f.write_str("the public key is not a canonical Ed25519 point")
            }
            KeyError::WeakKey => f.write_str("the public key has small order (a weak key)"),
            KeyError::Json { detail } => write!(f, "the key file is not valid: {detail}"),
            KeyError::KidMismatch => {
                f.write_str("the key file's kid does not match its public key")
            }
            KeyError::SecretKeyMismatch => {
                f.write_str("the key file's secret key does not match its public key")
            }
        }
    }
}

impl std::error::Error for KeyError {}

/// Lower-case hexadecimal of `bytes`.
///
/// # Example
///
/// ```
/// assert_eq!(tirkeu::cert::keys::to_hex(&[0x4b, 0x5a]), "4b5a");
/// ```
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// Parses exactly `N` bytes of hexadecimal (either case), as the field `field`.
///
/// # Errors
///
/// [`KeyError::Hex`] when the text is not `2 * N` hexadecimal digits.
///
/// # Example
///
/// ```
/// use tirkeu::cert::keys::from_hex;
/// assert_eq!(from_hex::<2>("4B5a", "kid").unwrap(), [0x4b, 0x5a]);
/// assert!(from_hex::<2>("4b5", "kid").is_err());
/// ```
pub fn from_hex<const N: usize>(text: &str, field: &'static str) -> Result<[u8; N], KeyError> {
    let error = KeyError::Hex {
        field,
        expected_bytes: N,
    };
    let digits = text.as_bytes();
    if digits.len() != N * 2 {
        return Err(error);
    }
    let mut out = [0u8; N];
    for (byte, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
        let digit = |d: u8| char::from(d).to_digit(16).ok_or(error.clone());
        let [high, low] = *pair else {
            return Err(error);
        };
        *byte = (digit(high)? << 4 | digit(low)?) as u8;
    }
    Ok(out)
}

/// The key identifier of a public key: the first 8 bytes of SHA-256 of its 32 bytes.
fn kid_of(public_key: &[u8; 32]) -> Kid {
    let digest = Sha256::digest(public_key);
    let mut kid = [0u8; KID_LENGTH];
    kid.copy_from_slice(&digest[..KID_LENGTH]);
    kid
}

/// An Ed25519 public key usable for strict verification.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey {
    key: ed25519_dalek::VerifyingKey,
}

impl PublicKey {
    /// The key with these 32 bytes.
    ///
    /// # Errors
    ///
    /// [`KeyError::NotCanonical`] when the bytes are not the canonical encoding of a curve
    /// point (a y coordinate of p or more, or the sign bit set on x = 0), and
    /// [`KeyError::WeakKey`] for a point of small order.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::keys::{KeyError, PublicKey};
    /// // The identity point (y = 1) has order 1: refused.
    /// let mut identity = [0u8; 32];
    /// identity[0] = 1;
    /// assert_eq!(PublicKey::from_bytes(&identity), Err(KeyError::WeakKey));
    /// ```
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<PublicKey, KeyError> {
        let key =
            ed25519_dalek::VerifyingKey::from_bytes(bytes).map_err(|_| KeyError::NotCanonical)?;
        // Decompression reduces y modulo p and accepts x = 0 with either sign; re-encoding the
        // point gives the one canonical form.
        if key.to_edwards().compress().to_bytes() != *bytes {
            return Err(KeyError::NotCanonical);
        }
        if key.is_weak() {
            return Err(KeyError::WeakKey);
        }
        Ok(PublicKey { key })
    }

    /// Parses 64 hexadecimal digits.
    ///
    /// # Errors
    ///
    /// [`KeyError::Hex`] for anything but 64 hexadecimal digits, then as [`PublicKey::from_bytes`].
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::keys::PublicKey;
    /// // Source: RFC 8032 section 7.1, TEST 1.
    /// let key = PublicKey::from_hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a").unwrap();
    /// assert_eq!(key.to_hex(), "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    /// ```
    pub fn from_hex(text: &str) -> Result<PublicKey, KeyError> {
        PublicKey::from_bytes(&from_hex::<32>(text.trim(), "publicKey")?)
    }

    /// The 32 bytes.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::keys::PublicKey;
    /// let key = tirkeu::cert::SigningKey::from_seed([1; 32]).public_key();
    /// assert_eq!(PublicKey::from_bytes(&key.to_bytes()).unwrap(), key);
    /// ```
    pub fn to_bytes(&self) -> [u8; 32] {
        self.key.to_bytes()
    }

    /// The 32 bytes as 64 lower-case hexadecimal digits.
    ///
    /// # Example
    ///
    /// ```
    /// let key = tirkeu::cert::SigningKey::from_seed([1; 32]).public_key();
    /// assert_eq!(key.to_hex().len(), 64);
    /// ```
    pub fn to_hex(&self) -> String {
        to_hex(self.key.as_bytes())
    }

    /// The key identifier: the first 8 bytes of SHA-256 of the public key.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::keys::SigningKey;
    /// let key = SigningKey::from_seed([7; 32]);
    /// assert_eq!(key.public_key().kid(), key.kid());
    /// ```
    pub fn kid(&self) -> Kid {
        kid_of(self.key.as_bytes())
    }

    /// Whether `signature` is a valid strict Ed25519 signature of `message` under this key:
    /// canonical S (below the group order L), an R that decodes to a point of large order, and
    /// the verification equation (ed25519-dalek `verify_strict`).
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::keys::SigningKey;
    /// let key = SigningKey::from_seed([1; 32]);
    /// let signature = key.sign(b"KZ");
    /// assert!(key.public_key().verify_strict(b"KZ", &signature));
    /// assert!(!key.public_key().verify_strict(b"KZ!", &signature));
    /// ```
    pub fn verify_strict(&self, message: &[u8], signature: &[u8; 64]) -> bool {
        let signature = ed25519_dalek::Signature::from_bytes(signature);
        self.key.verify_strict(message, &signature).is_ok()
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.to_hex())
    }
}

impl serde::Serialize for PublicKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_hex())
    }
}

impl<'de> serde::Deserialize<'de> for PublicKey {
    /// 64 hexadecimal digits of a usable public key.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <String as serde::Deserialize>::deserialize(deserializer)?;
        PublicKey::from_hex(&text).map_err(serde::de::Error::custom)
    }
}

/// Deserializes an optional kid written as 16 hexadecimal digits.
pub(crate) fn deserialize_optional_kid<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Kid>, D::Error> {
    let text = <Option<String> as serde::Deserialize>::deserialize(deserializer)?;
    text.map(|t| from_hex::<KID_LENGTH>(&t, "kid"))
        .transpose()
        .map_err(serde::de::Error::custom)
}

/// An Ed25519 signing key (a 32-byte seed), zeroed in memory when dropped.
#[derive(Clone)]
pub struct SigningKey {
    key: ed25519_dalek::SigningKey,
}

impl SigningKey {
    /// The key with this seed (the RFC 8032 secret key).
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::keys::SigningKey;
    /// // Source: RFC 8032 section 7.1, TEST 1.
    /// let seed = tirkeu::cert::keys::from_hex::<32>(
    ///     "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "secretKey").unwrap();
    /// assert_eq!(SigningKey::from_seed(seed).public_key().to_hex(),
    ///     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    /// ```
    pub fn from_seed(seed: [u8; 32]) -> SigningKey {
        SigningKey {
            key: ed25519_dalek::SigningKey::from_bytes(&seed),
        }
    }

    /// Parses the seed from 64 hexadecimal digits.
    ///
    /// # Errors
    ///
    /// [`KeyError::Hex`] for anything but 64 hexadecimal digits.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::keys::SigningKey;
    /// let key = SigningKey::from_hex(&"07".repeat(32)).unwrap();
    /// assert_eq!(key.to_hex(), "07".repeat(32));
    /// ```
    pub fn from_hex(text: &str) -> Result<SigningKey, KeyError> {
        Ok(SigningKey::from_seed(from_hex::<32>(
            text.trim(),
            "secretKey",
        )?))
    }

    /// The seed as 64 lower-case hexadecimal digits (secret: handle with care).
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::SigningKey;
    /// assert_eq!(SigningKey::from_seed([0xab; 32]).to_hex(), "ab".repeat(32));
    /// ```
    pub fn to_hex(&self) -> String {
        to_hex(self.key.as_bytes())
    }

    /// The public key.
    ///
    /// # Example
    ///
    /// ```
    /// // Source: RFC 8032 section 7.1, TEST 2.
    /// let seed = tirkeu::cert::keys::from_hex::<32>(
    ///     "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "seed").unwrap();
    /// assert_eq!(tirkeu::cert::SigningKey::from_seed(seed).public_key().to_hex(),
    ///     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    /// ```
    pub fn public_key(&self) -> PublicKey {
        // The public key of a seed is a multiple of the base point, which has prime order L:
        // canonical and never of small order.
        PublicKey {
            key: self.key.verifying_key(),
        }
    }

    /// The key identifier of the public key.
    ///
    /// # Example
    ///
    /// ```
    /// let kid = tirkeu::cert::SigningKey::from_seed([1; 32]).kid();
    /// assert_eq!(kid.len(), 8);
    /// ```
    pub fn kid(&self) -> Kid {
        self.public_key().kid()
    }

    /// The Ed25519 signature of `message` (deterministic, RFC 8032).
    ///
    /// # Example
    ///
    /// ```
    /// let key = tirkeu::cert::SigningKey::from_seed([1; 32]);
    /// assert_eq!(key.sign(b"KZ"), key.sign(b"KZ"));
    /// assert!(key.public_key().verify_strict(b"KZ", &key.sign(b"KZ")));
    /// ```
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.key.sign(message).to_bytes()
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SigningKey(kid {})", to_hex(&self.kid()))
    }
}

/// A key file: `{"kid": hex, "publicKey": hex, "secretKey": hex}`, `secretKey` (the 32-byte seed)
/// absent in a public key file.
#[derive(Clone, Debug)]
pub struct KeyFile {
    /// The key identifier (checked against the public key).
    pub kid: Kid,
    /// The public key.
    pub public_key: PublicKey,
    /// The signing key, in a secret key file.
    pub secret_key: Option<SigningKey>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct KeyFileJson {
    kid: Option<String>,
    public_key: Option<String>,
    secret_key: Option<String>,
}

impl KeyFile {
    /// The key file of a signing key (with its secret).
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::{KeyFile, SigningKey};
    /// assert!(KeyFile::from_signing_key(&SigningKey::from_seed([1; 32])).secret_key.is_some());
    /// ```
    pub fn from_signing_key(key: &SigningKey) -> KeyFile {
        KeyFile {
            kid: key.kid(),
            public_key: key.public_key(),
            secret_key: Some(key.clone()),
        }
    }

    /// The key file of a public key (no secret).
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::{KeyFile, SigningKey};
    /// let public = SigningKey::from_seed([1; 32]).public_key();
    /// assert!(!KeyFile::from_public_key(&public).to_json().contains("secretKey"));
    /// ```
    pub fn from_public_key(key: &PublicKey) -> KeyFile {
        KeyFile {
            kid: key.kid(),
            public_key: *key,
            secret_key: None,
        }
    }

    /// Parses a key file. `kid` and `publicKey` may be left out when `secretKey` is given (they
    /// follow from it); every field that is given must agree with the others.
    ///
    /// # Errors
    ///
    /// [`KeyError::Json`] for malformed JSON, unknown fields or no key at all, [`KeyError::Hex`]
    /// for a badly written field, [`KeyError::NotCanonical`] / [`KeyError::WeakKey`] for an
    /// unusable public key, [`KeyError::KidMismatch`] and [`KeyError::SecretKeyMismatch`] for
    /// fields that disagree.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::keys::{KeyFile, SigningKey};
    /// let json = KeyFile::from_signing_key(&SigningKey::from_seed([9; 32])).to_json();
    /// let parsed = KeyFile::parse(&json).unwrap();
    /// assert_eq!(parsed.public_key, SigningKey::from_seed([9; 32]).public_key());
    /// assert!(KeyFile::parse(r#"{"kid": "00"}"#).is_err());
    /// ```
    pub fn parse(json: &str) -> Result<KeyFile, KeyError> {
        let raw: KeyFileJson = serde_json::from_str(json).map_err(|e| KeyError::Json {
            detail: e.to_string(),
        })?;
        let secret_key = raw
            .secret_key
            .as_deref()
            .map(SigningKey::from_hex)
            .transpose()?;
        let public_key = match (raw.public_key.as_deref(), &secret_key) {
            (Some(hex), secret) => {
                let public_key = PublicKey::from_hex(hex)?;
                if secret
                    .as_ref()
                    .is_some_and(|s| s.public_key() != public_key)
                {
                    return Err(KeyError::SecretKeyMismatch);
                }
                public_key
            }
            (None, Some(secret)) => secret.public_key(),
            (None, None) => {
                return Err(KeyError::Json {
                    detail: "neither `publicKey` nor `secretKey` is given".into(),
                });
            }
        };
        if let Some(kid) = raw.kid.as_deref()
            && from_hex::<KID_LENGTH>(kid.trim(), "kid")? != public_key.kid()
        {
            return Err(KeyError::KidMismatch);
        }
        Ok(KeyFile {
            kid: public_key.kid(),
            public_key,
            secret_key,
        })
    }

    /// The key file as pretty JSON, with a final newline.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::{KeyFile, SigningKey};
    /// let json = KeyFile::from_signing_key(&SigningKey::from_seed([1; 32])).to_json();
    /// assert!(json.starts_with("{\n  \"kid\": \"") && json.ends_with("}\n"));
    /// ```
    pub fn to_json(&self) -> String {
        let mut fields = vec![
            format!("  \"kid\": \"{}\"", to_hex(&self.kid)),
            format!("  \"publicKey\": \"{}\"", self.public_key.to_hex()),
        ];
        if let Some(secret) = &self.secret_key {
            fields.push(format!("  \"secretKey\": \"{}\"", secret.to_hex()));
        }
        format!("{{\n{}\n}}\n", fields.join(",\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_canonical_encodings_are_refused() {
        // y = p + 2 (p = 2^255 - 19): a non-canonical encoding of y = 2 (not on the curve or
        // not canonical: either way refused). y = p + 1 would be the identity.
        let mut y_above_p = [0xffu8; 32];
        y_above_p[0] = 0xef; // p + 0 = 0x7f..ffed; 0x7f..ffef = p + 2
        y_above_p[31] = 0x7f;
        assert!(PublicKey::from_bytes(&y_above_p).is_err());
        // The identity with the sign bit set (x = 0, "negative zero").
        let mut negative_zero = [0u8; 32];
        negative_zero[0] = 1;
        negative_zero[31] = 0x80;
        assert_eq!(
            PublicKey::from_bytes(&negative_zero),
            Err(KeyError::NotCanonical)
        );
    }

    #[test]
    fn key_files_check_their_fields() {
        let key = SigningKey::from_seed([3; 32]);
        let other = SigningKey::from_seed([4; 32]);
        let public = KeyFile::from_public_key(&key.public_key()).to_json();
        assert!(KeyFile::parse(&public).unwrap().secret_key.is_none());
        let wrong_kid = format!(
            r#"{{"kid":"{}","publicKey":"{}"}}"#,
            to_hex(&other.kid()),
            key.public_key().to_hex()
        );
        assert_eq!(
            KeyFile::parse(&wrong_kid).unwrap_err(),
            KeyError::KidMismatch
        );
        let wrong_secret = format!(
            r#"{{"publicKey":"{}","secretKey":"{}"}}"#,
            key.public_key().to_hex(),
            other.to_hex()
        );
        assert_eq!(
            KeyFile::parse(&wrong_secret).unwrap_err(),
            KeyError::SecretKeyMismatch
        );
        assert!(matches!(
            KeyFile::parse(r#"{"publicKey":"zz"}"#),
            Err(KeyError::Hex { .. })
        ));
        assert!(matches!(
            KeyFile::parse(r#"{"secret":"00"}"#),
            Err(KeyError::Json { .. })
        ));
        assert!(matches!(KeyFile::parse("[]"), Err(KeyError::Json { .. })));
    }

    #[test]
    fn debug_never_prints_the_secret() {
        let key = SigningKey::from_seed([5; 32]);
        assert!(!format!("{key:?}").contains(&key.to_hex()));
    }
}
