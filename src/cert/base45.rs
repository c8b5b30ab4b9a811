//! Base45 (RFC 9285), strict.
//!
//! Every two bytes become three characters of the QR alphanumeric alphabet, a final single byte
//! two characters. Decoding refuses everything an encoder would never produce, so that each valid
//! text has exactly one byte string and each byte string exactly one text: a character outside the
//! alphabet, a length of 1 mod 3, a triple above 65535 and a final pair above 255.

use core::fmt;

/// The 45 characters, in the order of their values (RFC 9285 section 4).
const ALPHABET: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// Why a text is not strict Base45.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Base45Error {
    /// A character outside the 45-character alphabet (lower case letters included).
    InvalidCharacter {
        /// Byte offset of the character in the text.
        position: usize,
        /// The character.
        character: char,
    },
    /// The length is 1 mod 3: no byte string encodes to it.
    InvalidLength {
        /// Length of the text in characters.
        length: usize,
    },
    /// A group's value is out of range: a triple above 65535 or a final pair above 255.
    GroupOutOfRange {
        /// Byte offset of the group's first character.
        position: usize,
        /// The group's value.
        value: u32,
    },
}

impl fmt::Display for Base45Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Base45Error::InvalidCharacter {
                position,
                character,
            } => {
                write!(
                    f,
                    "Base45: character {character:?} at {position} is not in the alphabet"
                )
            }
            Base45Error::InvalidLength { length } => {
                write!(f, "Base45: a length of {length} (1 mod 3) encodes nothing")
            }
            Base45Error::GroupOutOfRange { position, value } => {
                write!(
                    f,
                    "Base45: the group at {position} has value {value}, beyond its range"
                )
            }
        }
    }
}

impl std::error::Error for Base45Error {}

/// Encodes `bytes` as Base45.
///
/// # Example
///
/// ```
/// // Source: RFC 9285 section 4.3.
/// assert_eq!(tirkeu::cert::base45::encode(b"AB"), "BB8");
/// assert_eq!(tirkeu::cert::base45::encode(b"Hello!!"), "%69 VD92EX0");
/// ```
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(2).saturating_mul(3));
    let mut push = |value: usize| {
        // `value % 45` is always an index of the 45-byte alphabet.
        if let Some(&c) = ALPHABET.get(value % 45) {
            out.push(char::from(c));
        }
    };
    for chunk in bytes.chunks(2) {
        match *chunk {
            [high, low] => {
                let n = usize::from(high) << 8 | usize::from(low);
                push(n);
                push(n / 45);
                push(n / (45 * 45));
            }
            [single] => {
                let n = usize::from(single);
                push(n);
                push(n / 45);
            }
            _ => {}
        }
    }
    out
}

/// The value of a character of the alphabet, by ranges rather than by a search of `ALPHABET`:
/// the search took about 6% of a certificate's verification in WebAssembly (a test checks the two
/// agree on every byte).
fn alphabet_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'A'..=b'Z' => Some(byte - b'A' + 10),
        b' ' => Some(36),
        b'$' => Some(37),
        b'%' => Some(38),
        b'*' => Some(39),
        b'+' => Some(40),
        b'-' => Some(41),
        b'.' => Some(42),
        b'/' => Some(43),
        b':' => Some(44),
        _ => None,
    }
}

fn value_of(text: &[u8], position: usize) -> Result<u32, Base45Error> {
    let byte = text.get(position).copied().unwrap_or(0);
    alphabet_value(byte)
        .map(u32::from)
        .ok_or(Base45Error::InvalidCharacter {
            position,
            character: char::from(byte),
        })
}

/// Decodes strict Base45.
///
/// # Errors
///
/// [`Base45Error`] for a character outside the alphabet (the first one, by position), a length
/// of 1 mod 3, or a group whose value exceeds its range.
///
/// # Example
///
/// ```
/// use tirkeu::cert::base45::decode;
/// // Source: RFC 9285 section 4.4.
/// assert_eq!(decode("QED8WEX0").unwrap(), b"ietf!");
/// assert!(decode("GGW").is_err()); // 65536: one above the largest triple
/// assert!(decode("qed8wex0").is_err()); // lower case is outside the alphabet
/// ```
pub fn decode(text: &str) -> Result<Vec<u8>, Base45Error> {
    let bytes = text.as_bytes();
    // A character outside the alphabet is reported first, wherever it is: it says more about
    // the input (a different kind of text) than its length does.
    if let Some(position) = bytes.iter().position(|&b| alphabet_value(b).is_none()) {
        let character = text
            .get(position..)
            .and_then(|rest| rest.chars().next())
            .unwrap_or('\u{FFFD}');
        return Err(Base45Error::InvalidCharacter {
            position,
            character,
        });
    }
    if bytes.len() % 3 == 1 {
        return Err(Base45Error::InvalidLength {
            length: bytes.len(),
        });
    }
    let mut out = Vec::with_capacity(bytes.len() / 3 * 2 + 1);
    let mut position = 0;
    while position < bytes.len() {
        let c = value_of(bytes, position)?;
        let d = value_of(bytes, position + 1)?;
        if position + 2 < bytes.len() {
            let e = value_of(bytes, position + 2)?;
            let value = c + d * 45 + e * 45 * 45;
            let pair = u16::try_from(value)
                .map_err(|_| Base45Error::GroupOutOfRange { position, value })?;
            out.extend_from_slice(&pair.to_be_bytes());
            position += 3;
        } else {
            let value = c + d * 45;
            let single = u8::try_from(value)
                .map_err(|_| Base45Error::GroupOutOfRange { position, value })?;
            out.push(single);
            position += 2;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabet_value_agrees_with_the_alphabet_on_every_byte() {
        for byte in 0..=u8::MAX {
            let expected = ALPHABET.iter().position(|&c| c == byte);
            let value = alphabet_value(byte).map(usize::from);
            assert_eq!(value, expected, "byte {byte:#04x}");
        }
    }

    #[test]
    fn round_trips_every_length_up_to_64() {
        let data: Vec<u8> = (0..64u8)
            .map(|i| i.wrapping_mul(97).wrapping_add(13))
            .collect();
        for len in 0..=data.len() {
            let text = encode(&data[..len]);
            assert_eq!(decode(&text).unwrap(), &data[..len]);
        }
        assert_eq!(decode(&encode(&[0xff, 0xff])).unwrap(), [0xff, 0xff]);
        assert_eq!(encode(&[0xff, 0xff]), "FGW");
    }

    #[test]
    fn reports_the_first_foreign_character_with_its_offset() {
        assert_eq!(
            decode("AB#"),
            Err(Base45Error::InvalidCharacter {
                position: 2,
                character: '#'
            })
        );
        assert_eq!(
            decode("Aә"),
            Err(Base45Error::InvalidCharacter {
                position: 1,
                character: 'ә'
            })
        );
    }
}
