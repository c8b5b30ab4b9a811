//! COSE_Sign1 (RFC 9052 section 4.2) with EdDSA / Ed25519.
//!
//! [`Sign1::decode`] reads any COSE_Sign1 strictly (tagged 18 or untagged, header maps with
//! integer labels, a byte-string payload, a 64-byte signature, nothing after it), keeping the
//! protected header bytes exactly as received: the signature is checked over them, never over
//! a re-encoding. [`Sign1::require_profile`] then applies this project's profile: protected
//! `{1: -19 (or -8), 4: kid(8 bytes)}` and nothing else, an empty unprotected map.

use core::fmt;

use super::cbor::{CborError, Reader, Writer, seen_before};
use super::keys::{KID_LENGTH, Kid, PublicKey, SigningKey};

/// CBOR tag of COSE_Sign1.
pub const COSE_SIGN1_TAG: u64 = 18;
/// COSE algorithm Ed25519 (RFC 9864); what the issuer writes.
pub const ALG_ED25519: i64 = -19;
/// COSE algorithm EdDSA (RFC 9053), the older name, accepted on input.
pub const ALG_EDDSA: i64 = -8;

const LABEL_ALG: i64 = 1;
const LABEL_KID: i64 = 4;

/// Why bytes are not an acceptable COSE_Sign1.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CoseError {
    /// The structure is not strict CBOR of the expected shape.
    Cbor(CborError),
    /// A tag other than 18 (COSE_Sign1) wraps the structure.
    WrongTag {
        /// The tag found.
        tag: u64,
    },
    /// The array does not have 4 elements.
    WrongArrayLength {
        /// The length found.
        length: u64,
    },
    /// The protected header's bytes are not one CBOR map with integer labels.
    ProtectedHeader(CborError),
    /// The unprotected header is not a map with integer labels.
    UnprotectedHeader(CborError),
    /// The payload is detached (`nil`) or not a byte string.
    Payload(CborError),
    /// The signature is not 64 bytes.
    SignatureLength {
        /// The length found.
        length: usize,
    },
    /// The algorithm is missing or not Ed25519 / EdDSA.
    Algorithm {
        /// The algorithm found, if any.
        found: Option<i64>,
    },
    /// The `kid` is missing from the protected header or not 8 bytes.
    Kid {
        /// Its length, if present.
        length: Option<usize>,
    },
    /// A header parameter this profile does not allow.
    UnexpectedHeader {
        /// Its label.
        label: i64,
        /// Whether it was in the protected header.
        protected: bool,
    },
}

impl fmt::Display for CoseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoseError::Cbor(e) => write!(f, "COSE_Sign1: {e}"),
            CoseError::WrongTag { tag } => write!(f, "COSE_Sign1: tag {tag} instead of 18"),
            CoseError::WrongArrayLength { length } => {
                write!(f, "COSE_Sign1: an array of {length} elements instead of 4")
            }
            CoseError::ProtectedHeader(e) => write!(f, "COSE_Sign1 protected header: {e}"),
            CoseError::UnprotectedHeader(e) => write!(f, "COSE_Sign1 unprotected header: {e}"),
            CoseError::Payload(e) => write!(f, "COSE_Sign1 payload: {e}"),
            CoseError::SignatureLength { length } => {
                write!(f, "COSE_Sign1: a signature of {length} bytes instead of 64")
            }
            CoseError::Algorithm { found: Some(alg) } => {
                write!(
                    f,
                    "COSE_Sign1: algorithm {alg} is not Ed25519 (-19) or EdDSA (-8)"
                )
            }
            CoseError::Algorithm { found: None } => {
                f.write_str("COSE_Sign1: no algorithm in the protected header")
            }
            CoseError::Kid { length: Some(n) } => {
                write!(f, "COSE_Sign1: a kid of {n} bytes instead of 8")
            }
            CoseError::Kid { length: None } => {
                f.write_str("COSE_Sign1: no kid in the protected header")
            }
            CoseError::UnexpectedHeader { label, protected } => {
                let which = if *protected {
                    "protected"
                } else {
                    "unprotected"
                };
                write!(
                    f,
                    "COSE_Sign1: unexpected header parameter {label} in the {which} header"
                )
            }
        }
    }
}

impl std::error::Error for CoseError {}

impl From<CborError> for CoseError {
    fn from(e: CborError) -> Self {
        CoseError::Cbor(e)
    }
}

/// The parameters of one header map that this crate reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header<'a> {
    /// Label 1, `alg`, when present as an integer.
    pub alg: Option<i64>,
    /// Label 4, `kid`.
    pub kid: Option<&'a [u8]>,
    /// The labels of every other parameter, in order.
    pub other_labels: Vec<i64>,
}

impl<'a> Header<'a> {
    fn read(reader: &mut Reader<'a>) -> Result<Header<'a>, CborError> {
        let mut header = Header::default();
        let mut labels = Vec::new();
        for _ in 0..reader.map()? {
            let position = reader.position();
            let label = reader.int()?;
            if seen_before(&mut labels, label) {
                return Err(CborError::DuplicateKey { position });
            }
            match label {
                LABEL_ALG => header.alg = Some(reader.int()?),
                LABEL_KID => header.kid = Some(reader.bytes()?),
                other => {
                    reader.skip()?;
                    header.other_labels.push(other);
                }
            }
        }
        Ok(header)
    }

    fn is_empty(&self) -> bool {
        self.alg.is_none() && self.kid.is_none() && self.other_labels.is_empty()
    }
}

/// A decoded COSE_Sign1, borrowing from the bytes it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sign1<'a> {
    /// The protected header's bytes exactly as received (the signature covers these).
    pub protected_bytes: &'a [u8],
    /// The protected header.
    pub protected: Header<'a>,
    /// The unprotected header.
    pub unprotected: Header<'a>,
    /// The payload.
    pub payload: &'a [u8],
    /// The signature.
    pub signature: [u8; 64],
}

impl<'a> Sign1<'a> {
    /// Reads a COSE_Sign1, tagged or untagged, strictly.
    ///
    /// # Errors
    ///
    /// [`CoseError`]: a wrong tag or shape, CBOR that is not strict (non-minimal heads,
    /// indefinite lengths, duplicate labels), a protected header whose bytes are not exactly one
    /// map, a detached payload, a signature that is not 64 bytes, or trailing bytes.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::cose::{Sign1, sign};
    /// use tirkeu::cert::keys::SigningKey;
    /// let key = SigningKey::from_seed([1; 32]);
    /// let bytes = sign(b"payload", &key);
    /// let message = Sign1::decode(&bytes).unwrap();
    /// assert_eq!(message.payload, b"payload");
    /// assert_eq!(message.require_profile().unwrap(), key.kid());
    /// assert!(message.verify(&key.public_key()));
    /// ```
    pub fn decode(bytes: &'a [u8]) -> Result<Sign1<'a>, CoseError> {
        let mut reader = Reader::new(bytes);
        if reader.peek()? == super::cbor::Kind::Tag {
            let tag = reader.tag()?;
            if tag != COSE_SIGN1_TAG {
                return Err(CoseError::WrongTag { tag });
            }
        }
        let length = reader.array()?;
        if length != 4 {
            return Err(CoseError::WrongArrayLength { length });
        }
        let protected_bytes = reader.bytes()?;
        let protected = if protected_bytes.is_empty() {
            // RFC 9052 section 3: a zero-length string stands for an empty map.
            Header::default()
        } else {
            let mut inner = Reader::new(protected_bytes);
            let header = Header::read(&mut inner).map_err(CoseError::ProtectedHeader)?;
            inner.finish().map_err(CoseError::ProtectedHeader)?;
            header
        };
        let unprotected = Header::read(&mut reader).map_err(CoseError::UnprotectedHeader)?;
        let payload = reader.bytes().map_err(CoseError::Payload)?;
        let signature_bytes = reader.bytes()?;
        let signature =
            <[u8; 64]>::try_from(signature_bytes).map_err(|_| CoseError::SignatureLength {
                length: signature_bytes.len(),
            })?;
        reader.finish()?;
        Ok(Sign1 {
            protected_bytes,
            protected,
            unprotected,
            payload,
            signature,
        })
    }

    /// Applies this project's profile and returns the kid: the protected header holds exactly
    /// `alg` (-19, or -8) and an 8-byte `kid`, the unprotected header is empty.
    ///
    /// # Errors
    ///
    /// [`CoseError::Algorithm`], [`CoseError::Kid`] or [`CoseError::UnexpectedHeader`].
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::cose::{CoseError, Sign1};
    /// // {1: -19} only: no kid.
    /// let bytes = [0x84, 0x43, 0xa1, 0x01, 0x32, 0xa0, 0x40, 0x40];
    /// assert_eq!(Sign1::decode(&bytes), Err(CoseError::SignatureLength { length: 0 }));
    /// let mut bytes = bytes.to_vec();
    /// bytes.pop();
    /// bytes.extend([0x58, 0x40]);
    /// bytes.extend([0; 64]);
    /// let message = Sign1::decode(&bytes).unwrap();
    /// assert_eq!(message.require_profile(), Err(CoseError::Kid { length: None }));
    /// ```
    pub fn require_profile(&self) -> Result<Kid, CoseError> {
        match self.protected.alg {
            Some(ALG_ED25519 | ALG_EDDSA) => {}
            found => return Err(CoseError::Algorithm { found }),
        }
        let kid = self.protected.kid.ok_or(CoseError::Kid { length: None })?;
        let kid = <[u8; KID_LENGTH]>::try_from(kid).map_err(|_| CoseError::Kid {
            length: Some(kid.len()),
        })?;
        if let Some(&label) = self.protected.other_labels.first() {
            return Err(CoseError::UnexpectedHeader {
                label,
                protected: true,
            });
        }
        if !self.unprotected.is_empty() {
            let label = match (self.unprotected.alg, self.unprotected.kid) {
                (Some(_), _) => LABEL_ALG,
                (None, Some(_)) => LABEL_KID,
                (None, None) => self
                    .unprotected
                    .other_labels
                    .first()
                    .copied()
                    .unwrap_or_default(),
            };
            return Err(CoseError::UnexpectedHeader {
                label,
                protected: false,
            });
        }
        Ok(kid)
    }

    /// The bytes signed: `["Signature1", protected bytes as received, h'', payload]`
    /// (RFC 9052 section 4.4, no external data).
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::cose::{Sign1, sign};
    /// let bytes = sign(b"", &tirkeu::cert::SigningKey::from_seed([1; 32]));
    /// let to_be_signed = Sign1::decode(&bytes).unwrap().to_be_signed();
    /// assert_eq!(to_be_signed[..12], *b"\x84\x6aSignature1");
    /// ```
    pub fn to_be_signed(&self) -> Vec<u8> {
        sig_structure(self.protected_bytes, self.payload)
    }

    /// Whether the signature verifies under `key` with strict Ed25519 verification.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::cert::{cose::{Sign1, sign}, SigningKey};
    /// let bytes = sign(b"x", &SigningKey::from_seed([1; 32]));
    /// let message = Sign1::decode(&bytes).unwrap();
    /// assert!(message.verify(&SigningKey::from_seed([1; 32]).public_key()));
    /// assert!(!message.verify(&SigningKey::from_seed([2; 32]).public_key()));
    /// ```
    pub fn verify(&self, key: &PublicKey) -> bool {
        key.verify_strict(&self.to_be_signed(), &self.signature)
    }
}

fn sig_structure(protected_bytes: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut writer = Writer::new();
    writer
        .array(4)
        .text("Signature1")
        .bytes(protected_bytes)
        .bytes(&[])
        .bytes(payload);
    writer.into_bytes()
}

/// The protected header this project writes: `{1: -19, 4: kid}`.
fn protected_header(kid: &Kid) -> Vec<u8> {
    let mut writer = Writer::new();
    writer
        .map(2)
        .int(LABEL_ALG)
        .int(ALG_ED25519)
        .int(LABEL_KID)
        .bytes(kid);
    writer.into_bytes()
}

/// Signs `payload` as a tagged COSE_Sign1 with protected header `{1: -19, 4: kid}` and an empty
/// unprotected header. Deterministic.
///
/// # Example
///
/// ```
/// use tirkeu::cert::cose::sign;
/// use tirkeu::cert::keys::SigningKey;
/// let bytes = sign(b"", &SigningKey::from_seed([2; 32]));
/// assert_eq!(bytes[..2], [0xd2, 0x84]); // tag 18, array of 4
/// ```
pub fn sign(payload: &[u8], key: &SigningKey) -> Vec<u8> {
    let protected = protected_header(&key.kid());
    let signature = key.sign(&sig_structure(&protected, payload));
    let mut writer = Writer::new();
    writer
        .tag(COSE_SIGN1_TAG)
        .array(4)
        .bytes(&protected)
        .map(0)
        .bytes(payload)
        .bytes(&signature);
    writer.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(protected: &[u8], unprotected: &[u8]) -> Vec<u8> {
        let mut bytes = vec![0x84];
        let mut w = Writer::new();
        w.bytes(protected);
        bytes.extend(w.into_bytes());
        bytes.extend_from_slice(unprotected);
        bytes.extend_from_slice(&[0x40, 0x58, 0x40]);
        bytes.extend_from_slice(&[0u8; 64]);
        bytes
    }

    #[test]
    fn the_protected_header_must_be_exactly_one_map() {
        // A protected header holding an array, a text, a map followed by a byte, and an
        // indefinite map: all refused, whatever the signature.
        for protected in [&[0x80][..], &[0x61, 0x61], &[0xa0, 0x00], &[0xbf, 0xff]] {
            let bytes = message(protected, &[0xa0]);
            assert!(
                matches!(Sign1::decode(&bytes), Err(CoseError::ProtectedHeader(_))),
                "{protected:02x?}"
            );
        }
    }

    #[test]
    fn duplicate_labels_are_refused() {
        // {1: -19, 1: -19}
        let bytes = message(&[0xa2, 0x01, 0x32, 0x01, 0x32], &[0xa0]);
        assert_eq!(
            Sign1::decode(&bytes),
            Err(CoseError::ProtectedHeader(CborError::DuplicateKey {
                position: 3
            }))
        );
    }

    #[test]
    fn the_profile_wants_alg_and_kid_protected_and_nothing_else() {
        let kid = [0x48, 1, 2, 3, 4, 5, 6, 7, 8];
        let mut protected = vec![0xa2, 0x01, 0x32, 0x04];
        protected.extend_from_slice(&kid);
        let good = message(&protected, &[0xa0]);
        assert_eq!(
            Sign1::decode(&good).unwrap().require_profile().unwrap(),
            [1, 2, 3, 4, 5, 6, 7, 8]
        );
        let with_unprotected = message(&protected, &[0xa1, 0x03, 0x00]);
        assert_eq!(
            Sign1::decode(&with_unprotected).unwrap().require_profile(),
            Err(CoseError::UnexpectedHeader {
                label: 3,
                protected: false
            })
        );
        let es256 = message(&[0xa1, 0x01, 0x26], &[0xa0]);
        assert_eq!(
            Sign1::decode(&es256).unwrap().require_profile(),
            Err(CoseError::Algorithm { found: Some(-7) })
        );
        let no_kid = message(&[0xa1, 0x01, 0x27], &[0xa0]);
        assert_eq!(
            Sign1::decode(&no_kid).unwrap().require_profile(),
            Err(CoseError::Kid { length: None })
        );
    }

    #[test]
    fn wrong_tags_lengths_and_trailing_bytes_are_refused() {
        let key = SigningKey::from_seed([1; 32]);
        let good = sign(b"x", &key);
        let mut other_tag = good.clone();
        other_tag[0] = 0xd1;
        assert_eq!(
            Sign1::decode(&other_tag),
            Err(CoseError::WrongTag { tag: 17 })
        );
        let mut trailing = good.clone();
        trailing.push(0);
        assert!(matches!(
            Sign1::decode(&trailing),
            Err(CoseError::Cbor(CborError::TrailingBytes { .. }))
        ));
        let untagged = &good[1..];
        assert!(Sign1::decode(untagged).unwrap().verify(&key.public_key()));
        let three = [0x83, 0x40, 0xa0, 0x40];
        assert_eq!(
            Sign1::decode(&three),
            Err(CoseError::WrongArrayLength { length: 3 })
        );
        let detached = [0x84, 0x40, 0xa0, 0xf6, 0x40];
        assert!(matches!(
            Sign1::decode(&detached),
            Err(CoseError::Payload(_))
        ));
    }
}
