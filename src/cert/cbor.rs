//! Strict CBOR (RFC 8949) reading and a small deterministic writer.
//!
//! The certificate, trust list and status list are read by [`Reader`], which accepts only the
//! subset of CBOR that our issuer writes and rejects the rest as errors with a byte position:
//!
//! - every head must use the shortest form of its argument ("preferred serialization", RFC 8949
//!   section 4.2.1): a non-minimal integer or length (`0x18 0x05` for 5) is refused;
//! - indefinite-length strings, arrays and maps, and the break byte, are refused;
//! - floats, `undefined`, other simple values and reserved heads are refused; tags only where a
//!   reader asks for one (the COSE_Sign1 tag);
//! - a map must not repeat a key (checked by the map readers of each structure, with
//!   [`seen_before`]), and a structure must not be followed by trailing bytes ([`Reader::finish`]).
//!
//! Map keys need not be sorted: only duplicates are refused, so that another conforming issuer
//! that orders keys differently still verifies; the signature covers the bytes as received.
//!
//! The reader is our own: the strict subset needs a head check before every item anyway, and
//! with it reading is a few lines more (advance over the head, borrow the string's bytes). It
//! replaced `minicbor`, under which every item was parsed twice (our check, then its decoder):
//! the rules' module (`RulesData`) is 2.0 KB gzipped smaller without it. Byte and text strings
//! are borrowed from the input without copying. Writing ([`Writer`]) is infallible and always
//! emits the shortest heads.

use core::fmt;

/// Deepest nesting [`Reader::skip`] follows (header parameter values are flat in practice).
const MAX_SKIP_DEPTH: usize = 8;

/// Why bytes are not the strict CBOR expected.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CborError {
    /// The input ends inside an item.
    UnexpectedEnd {
        /// Byte offset where an item was expected or ended early.
        position: usize,
    },
    /// An item of another type than the one expected.
    UnexpectedType {
        /// Byte offset of the item.
        position: usize,
        /// The type expected.
        expected: &'static str,
        /// The type found.
        found: &'static str,
    },
    /// A head not in its shortest form (non-minimal integer or length).
    NonMinimal {
        /// Byte offset of the head.
        position: usize,
    },
    /// An indefinite-length item or a break byte.
    IndefiniteLength {
        /// Byte offset of the head.
        position: usize,
    },
    /// A float, `undefined`, another simple value or a reserved head.
    Unsupported {
        /// Byte offset of the head.
        position: usize,
    },
    /// An integer outside the range expected.
    IntegerRange {
        /// Byte offset of the integer.
        position: usize,
    },
    /// A text string that is not UTF-8.
    InvalidUtf8 {
        /// Byte offset of the string.
        position: usize,
    },
    /// A map key that occurs twice in the same map.
    DuplicateKey {
        /// Byte offset of the second occurrence.
        position: usize,
    },
    /// Bytes follow the end of the structure.
    TrailingBytes {
        /// Byte offset of the first extra byte.
        position: usize,
    },
    /// Nesting deeper than this reader follows.
    TooDeep {
        /// Byte offset of the item.
        position: usize,
    },
}

impl fmt::Display for CborError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CborError::UnexpectedEnd { position } => {
                write!(f, "CBOR: input ends early at byte {position}")
            }
            CborError::UnexpectedType {
                position,
                expected,
                found,
            } => {
                write!(
                    f,
                    "CBOR: expected {expected} at byte {position}, found {found}"
                )
            }
            CborError::NonMinimal { position } => {
                write!(
                    f,
                    "CBOR: the head at byte {position} is not in its shortest form"
                )
            }
            CborError::IndefiniteLength { position } => {
                write!(f, "CBOR: indefinite-length item at byte {position}")
            }
            CborError::Unsupported { position } => {
                write!(
                    f,
                    "CBOR: float, simple value or reserved head at byte {position}"
                )
            }
            CborError::IntegerRange { position } => {
                write!(f, "CBOR: integer out of range at byte {position}")
            }
            CborError::InvalidUtf8 { position } => {
                write!(f, "CBOR: text at byte {position} is not UTF-8")
            }
            CborError::DuplicateKey { position } => {
                write!(f, "CBOR: duplicate map key at byte {position}")
            }
            CborError::TrailingBytes { position } => {
                write!(
                    f,
                    "CBOR: unexpected bytes after the end of the structure, at byte {position}"
                )
            }
            CborError::TooDeep { position } => {
                write!(f, "CBOR: nesting too deep at byte {position}")
            }
        }
    }
}

impl std::error::Error for CborError {}

/// The major type of a CBOR item (with the three simple values we accept).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Unsigned,
    Negative,
    Bytes,
    Text,
    Array,
    Map,
    Tag,
    Bool,
    Null,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Unsigned => "an unsigned integer",
            Kind::Negative => "a negative integer",
            Kind::Bytes => "a byte string",
            Kind::Text => "a text string",
            Kind::Array => "an array",
            Kind::Map => "a map",
            Kind::Tag => "a tag",
            Kind::Bool => "a boolean",
            Kind::Null => "null",
        }
    }
}

/// A strict CBOR reader over a byte slice; see the module documentation for what it refuses.
pub(crate) struct Reader<'b> {
    input: &'b [u8],
    position: usize,
}

impl<'b> Reader<'b> {
    /// A reader at the start of `bytes`.
    pub(crate) fn new(bytes: &'b [u8]) -> Self {
        Reader {
            input: bytes,
            position: 0,
        }
    }

    /// The current byte offset.
    pub(crate) fn position(&self) -> usize {
        self.position
    }

    /// Checks the head at the current position and returns its kind, its argument and its
    /// length in bytes, without advancing.
    fn head(&self) -> Result<(Kind, u64, usize), CborError> {
        let input = self.input;
        let position = self.position;
        let initial = *input
            .get(position)
            .ok_or(CborError::UnexpectedEnd { position })?;
        let info = initial & 0x1f;
        let kind = match initial >> 5 {
            0 => Kind::Unsigned,
            1 => Kind::Negative,
            2 => Kind::Bytes,
            3 => Kind::Text,
            4 => Kind::Array,
            5 => Kind::Map,
            6 => Kind::Tag,
            _ => {
                return match initial {
                    0xf4 | 0xf5 => Ok((Kind::Bool, u64::from(info), 1)),
                    0xf6 => Ok((Kind::Null, 0, 1)),
                    0xff => Err(CborError::IndefiniteLength { position }),
                    _ => Err(CborError::Unsupported { position }),
                };
            }
        };
        let (length, least) = match info {
            0..=23 => return Ok((kind, u64::from(info), 1)),
            24 => (1, 24),
            25 => (2, 0x100),
            26 => (4, 0x1_0000),
            27 => (8, 0x1_0000_0000),
            31 => return Err(CborError::IndefiniteLength { position }),
            _ => return Err(CborError::Unsupported { position }),
        };
        let start = position.saturating_add(1);
        let bytes =
            input
                .get(start..start.saturating_add(length))
                .ok_or(CborError::UnexpectedEnd {
                    position: input.len(),
                })?;
        let argument = bytes.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b));
        if argument < least {
            return Err(CborError::NonMinimal { position });
        }
        Ok((kind, argument, 1 + length))
    }

    /// The kind of the next item (its head checked).
    pub(crate) fn peek(&self) -> Result<Kind, CborError> {
        self.head().map(|(kind, _, _)| kind)
    }

    /// Checks that the next item is of `expected` kind, steps over its head and returns its
    /// argument.
    fn expect(&mut self, expected: Kind) -> Result<u64, CborError> {
        let (kind, argument, length) = self.head()?;
        if kind == expected {
            self.position += length;
            Ok(argument)
        } else {
            Err(CborError::UnexpectedType {
                position: self.position,
                expected: expected.name(),
                found: kind.name(),
            })
        }
    }

    /// Reads an integer (either sign) that fits an `i64`.
    pub(crate) fn int(&mut self) -> Result<i64, CborError> {
        let position = self.position;
        let (kind, argument, length) = self.head()?;
        let negative = match kind {
            Kind::Unsigned => false,
            Kind::Negative => true,
            other => {
                return Err(CborError::UnexpectedType {
                    position,
                    expected: "an integer",
                    found: other.name(),
                });
            }
        };
        // -1 - argument for a negative integer: in range exactly when the argument is.
        let magnitude =
            i64::try_from(argument).map_err(|_| CborError::IntegerRange { position })?;
        self.position += length;
        Ok(if negative { -1 - magnitude } else { magnitude })
    }

    /// The content of a byte or text string whose head has been read: `length` bytes,
    /// borrowed from the input.
    fn content(&mut self, length: u64) -> Result<&'b [u8], CborError> {
        let end = usize::try_from(length)
            .ok()
            .and_then(|length| self.position.checked_add(length))
            .filter(|end| *end <= self.input.len())
            .ok_or(CborError::UnexpectedEnd {
                position: self.input.len(),
            })?;
        let content = &self.input[self.position..end];
        self.position = end;
        Ok(content)
    }

    /// Reads a byte string, borrowed from the input.
    pub(crate) fn bytes(&mut self) -> Result<&'b [u8], CborError> {
        let length = self.expect(Kind::Bytes)?;
        self.content(length)
    }

    /// Reads a text string, borrowed from the input.
    pub(crate) fn text(&mut self) -> Result<&'b str, CborError> {
        let position = self.position;
        let length = self.expect(Kind::Text)?;
        let content = self.content(length)?;
        core::str::from_utf8(content).map_err(|_| CborError::InvalidUtf8 { position })
    }

    /// Reads an array head and returns its length.
    pub(crate) fn array(&mut self) -> Result<u64, CborError> {
        self.expect(Kind::Array)
    }

    /// Reads a map head and returns its number of entries.
    pub(crate) fn map(&mut self) -> Result<u64, CborError> {
        self.expect(Kind::Map)
    }

    /// Reads a tag and returns its number.
    pub(crate) fn tag(&mut self) -> Result<u64, CborError> {
        self.expect(Kind::Tag)
    }

    /// Reads a boolean.
    pub(crate) fn bool(&mut self) -> Result<bool, CborError> {
        // The argument of 0xf4 is 20 (false), of 0xf5 21 (true).
        self.expect(Kind::Bool).map(|argument| argument == 21)
    }

    /// Reads `null`.
    pub(crate) fn null(&mut self) -> Result<(), CborError> {
        self.expect(Kind::Null).map(|_| ())
    }

    /// Skips one item of the strict subset (tags excluded), nested at most a few levels.
    pub(crate) fn skip(&mut self) -> Result<(), CborError> {
        self.skip_at_depth(0)
    }

    fn skip_at_depth(&mut self, depth: usize) -> Result<(), CborError> {
        let position = self.position;
        if depth > MAX_SKIP_DEPTH {
            return Err(CborError::TooDeep { position });
        }
        match self.peek()? {
            Kind::Unsigned | Kind::Negative => {
                let (_, _, length) = self.head()?;
                self.position += length;
            }
            Kind::Bytes => {
                self.bytes()?;
            }
            Kind::Text => {
                self.text()?;
            }
            Kind::Bool => {
                self.bool()?;
            }
            Kind::Null => self.null()?,
            Kind::Array => {
                for _ in 0..self.array()? {
                    self.skip_at_depth(depth + 1)?;
                }
            }
            Kind::Map => {
                for _ in 0..self.map()? {
                    self.skip_at_depth(depth + 1)?;
                    self.skip_at_depth(depth + 1)?;
                }
            }
            Kind::Tag => {
                return Err(CborError::UnexpectedType {
                    position,
                    expected: "an untagged item",
                    found: "a tag",
                });
            }
        }
        Ok(())
    }

    /// Checks that the whole input has been read.
    pub(crate) fn finish(&self) -> Result<(), CborError> {
        let position = self.position;
        if position < self.input.len() {
            Err(CborError::TrailingBytes { position })
        } else {
            Ok(())
        }
    }
}

/// Records `key` among `seen` and tells whether it was there already (a duplicate map key).
pub(crate) fn seen_before<K: PartialEq>(seen: &mut Vec<K>, key: K) -> bool {
    if seen.contains(&key) {
        true
    } else {
        seen.push(key);
        false
    }
}

/// A deterministic CBOR writer: shortest heads, definite lengths, items in the order written.
#[derive(Default)]
pub(crate) struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    /// An empty writer.
    pub(crate) fn new() -> Self {
        Writer::default()
    }

    fn head(&mut self, major: u8, argument: u64) -> &mut Self {
        let major = major << 5;
        if argument < 24 {
            self.bytes.push(major | argument as u8);
        } else if let Ok(byte) = u8::try_from(argument) {
            self.bytes.extend_from_slice(&[major | 24, byte]);
        } else if let Ok(short) = u16::try_from(argument) {
            self.bytes.push(major | 25);
            self.bytes.extend_from_slice(&short.to_be_bytes());
        } else if let Ok(word) = u32::try_from(argument) {
            self.bytes.push(major | 26);
            self.bytes.extend_from_slice(&word.to_be_bytes());
        } else {
            self.bytes.push(major | 27);
            self.bytes.extend_from_slice(&argument.to_be_bytes());
        }
        self
    }

    /// Writes an integer.
    pub(crate) fn int(&mut self, value: i64) -> &mut Self {
        if value >= 0 {
            self.head(0, value.unsigned_abs())
        } else {
            // -1 - value, computed without overflow for i64::MIN.
            self.head(1, (value + 1).unsigned_abs())
        }
    }

    /// Writes a byte string.
    pub(crate) fn bytes(&mut self, value: &[u8]) -> &mut Self {
        self.head(2, value.len() as u64);
        self.bytes.extend_from_slice(value);
        self
    }

    /// Writes a text string.
    pub(crate) fn text(&mut self, value: &str) -> &mut Self {
        self.head(3, value.len() as u64);
        self.bytes.extend_from_slice(value.as_bytes());
        self
    }

    /// Writes an array head of `length` items.
    pub(crate) fn array(&mut self, length: usize) -> &mut Self {
        self.head(4, length as u64)
    }

    /// Writes a map head of `length` entries.
    pub(crate) fn map(&mut self, length: usize) -> &mut Self {
        self.head(5, length as u64)
    }

    /// Writes a tag.
    pub(crate) fn tag(&mut self, number: u64) -> &mut Self {
        self.head(6, number)
    }

    /// Writes a boolean.
    pub(crate) fn bool(&mut self, value: bool) -> &mut Self {
        self.bytes.push(if value { 0xf5 } else { 0xf4 });
        self
    }

    /// Writes `null`.
    pub(crate) fn null(&mut self) -> &mut Self {
        self.bytes.push(0xf6);
        self
    }

    /// The bytes written.
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

#[cfg(test)]
mod tests;
