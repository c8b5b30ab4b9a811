//! The data bit stream of a corrected QR symbol: mode indicators, character counts and data
//! (ISO/IEC 18004:2015, 7.4). The bytes of every segment, concatenated, and whether they are text.
//!
//! Numeric and alphanumeric segments give ASCII; byte segments their bytes as they are. An ECI
//! designator for UTF-8 (26), the default ISO/IEC 8859-1 (3) or US-ASCII (27) changes nothing;
//! any other ECI, Kanji (its characters as their two Shift_JIS bytes) and FNC1 (GS1) data are
//! read all the same and marked as not text, so that the caller can say what the symbol holds
//! rather than pass it on as text it is not. Structured append headers are skipped (each symbol
//! reads on its own). Values out of range (a numeric group over 999, an alphanumeric pair over
//! 2024, a Kanji value past the Shift_JIS ranges), unknown modes and counts longer than the
//! stream make the read fail.

use super::code::NotText;

/// The data of a symbol: its bytes, and why they are not text when a mode or an ECI says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Payload {
    pub bytes: Vec<u8>,
    pub not_text: Option<NotText>,
}

/// Reads bits from a byte slice, most significant bit first.
struct BitReader<'a> {
    data: &'a [u8],
    position: usize,
}

impl BitReader<'_> {
    fn remaining(&self) -> usize {
        (self.data.len() * 8).saturating_sub(self.position)
    }

    /// The next `count` (at most 24) bits as a number; `None` past the end.
    fn read(&mut self, count: usize) -> Option<u32> {
        if count > 24 || count > self.remaining() {
            return None;
        }
        let mut value = 0u32;
        for _ in 0..count {
            let byte = *self.data.get(self.position / 8)?;
            let bit = (byte >> (7 - self.position % 8)) & 1;
            value = (value << 1) | u32::from(bit);
            self.position += 1;
        }
        Some(value)
    }
}

/// Mode indicators (ISO/IEC 18004:2015, table 2).
const MODE_TERMINATOR: u32 = 0b0000;
const MODE_NUMERIC: u32 = 0b0001;
const MODE_ALPHANUMERIC: u32 = 0b0010;
const MODE_STRUCTURED_APPEND: u32 = 0b0011;
const MODE_BYTE: u32 = 0b0100;
const MODE_FNC1_FIRST: u32 = 0b0101;
const MODE_ECI: u32 = 0b0111;
const MODE_KANJI: u32 = 0b1000;
const MODE_FNC1_SECOND: u32 = 0b1001;

/// ECI assignments that leave the bytes readable as UTF-8 text: ISO/IEC 8859-1 (the
/// symbology's default), UTF-8 and US-ASCII.
const ACCEPTED_ECIS: [u32; 3] = [3, 26, 27];

/// The alphanumeric character set in value order (ISO/IEC 18004:2015, table 5).
const ALPHANUMERIC: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// Bits of the character count indicator (ISO/IEC 18004:2015, table 3) for versions 1-9,
/// 10-26 and 27-40.
fn count_bits(version: usize, by_range: [usize; 3]) -> usize {
    match version {
        0..=9 => by_range[0],
        10..=26 => by_range[1],
        _ => by_range[2],
    }
}

/// The payload of the data codewords of a symbol of `version`; `None` when the stream is
/// malformed.
pub(crate) fn parse(data: &[u8], version: usize) -> Option<Payload> {
    let mut reader = BitReader { data, position: 0 };
    let mut out = Vec::new();
    let mut not_text = None;
    // Fewer than 4 bits left is an implied terminator (7.4.9).
    while reader.remaining() >= 4 {
        match reader.read(4)? {
            MODE_TERMINATOR => break,
            MODE_NUMERIC => numeric(&mut reader, version, &mut out)?,
            MODE_ALPHANUMERIC => alphanumeric(&mut reader, version, &mut out)?,
            MODE_BYTE => bytes(&mut reader, version, &mut out)?,
            MODE_KANJI => {
                kanji(&mut reader, version, &mut out)?;
                not_text = not_text.or(Some(NotText::Kanji));
            }
            MODE_ECI => {
                let designator = eci(&mut reader)?;
                if !ACCEPTED_ECIS.contains(&designator) {
                    not_text = not_text.or(Some(NotText::Eci(designator)));
                }
            }
            MODE_FNC1_FIRST => not_text = not_text.or(Some(NotText::Gs1)),
            // An application indicator (8 bits) follows.
            MODE_FNC1_SECOND => {
                reader.read(8)?;
                not_text = not_text.or(Some(NotText::Gs1));
            }
            // Symbol sequence indicator (4 + 4 bits) and parity (8 bits).
            MODE_STRUCTURED_APPEND => {
                reader.read(16)?;
            }
            _ => return None,
        }
    }
    Some(Payload {
        bytes: out,
        not_text,
    })
}

/// An ECI designator: 1, 2 or 3 bytes announced by the leading bits 0, 10, 110 (7.4.3.2).
fn eci(reader: &mut BitReader<'_>) -> Option<u32> {
    let first = reader.read(8)?;
    if first & 0x80 == 0 {
        Some(first)
    } else if first & 0xC0 == 0x80 {
        Some(((first & 0x3F) << 8) | reader.read(8)?)
    } else if first & 0xE0 == 0xC0 {
        Some(((first & 0x1F) << 16) | reader.read(16)?)
    } else {
        None
    }
}

fn numeric(reader: &mut BitReader<'_>, version: usize, out: &mut Vec<u8>) -> Option<()> {
    let mut count = reader.read(count_bits(version, [10, 12, 14]))?;
    while count > 0 {
        let (digits, bits) = match count {
            1 => (1, 4),
            2 => (2, 7),
            _ => (3, 10),
        };
        let value = reader.read(bits)?;
        let limit = 10u32.pow(digits);
        if value >= limit {
            return None;
        }
        let mut divisor = limit / 10;
        while divisor > 0 {
            out.push(b'0' + u8::try_from(value / divisor % 10).ok()?);
            divisor /= 10;
        }
        count -= digits;
    }
    Some(())
}

fn alphanumeric(reader: &mut BitReader<'_>, version: usize, out: &mut Vec<u8>) -> Option<()> {
    let mut count = reader.read(count_bits(version, [9, 11, 13]))?;
    let character = |value: u32| ALPHANUMERIC.get(usize::try_from(value).ok()?).copied();
    while count >= 2 {
        let pair = reader.read(11)?;
        out.push(character(pair / 45)?);
        out.push(character(pair % 45)?);
        count -= 2;
    }
    if count == 1 {
        out.push(character(reader.read(6)?)?);
    }
    Some(())
}

fn bytes(reader: &mut BitReader<'_>, version: usize, out: &mut Vec<u8>) -> Option<()> {
    let count = usize::try_from(reader.read(count_bits(version, [8, 16, 16]))?).ok()?;
    if count.checked_mul(8)? > reader.remaining() {
        return None;
    }
    out.reserve(count);
    for _ in 0..count {
        out.push(u8::try_from(reader.read(8)?).ok()?);
    }
    Some(())
}

/// Kanji characters, 13 bits each, as their two Shift_JIS bytes (7.4.6: the value is the
/// high byte times 0xC0 plus the low byte, after 0x8140 or 0xC140 is subtracted).
fn kanji(reader: &mut BitReader<'_>, version: usize, out: &mut Vec<u8>) -> Option<()> {
    let count = reader.read(count_bits(version, [8, 10, 12]))?;
    for _ in 0..count {
        let value = reader.read(13)?;
        let packed = ((value / 0xC0) << 8) | (value % 0xC0);
        // At most 0x2A7F + 0xC140 = 0xEBBF: two bytes.
        let shift_jis = if packed < 0x1F00 {
            packed + 0x8140
        } else {
            packed + 0xC140
        };
        out.extend_from_slice(&[(shift_jis >> 8) as u8, shift_jis as u8]);
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes of a stream that reads as text.
    fn text(data: &[u8], version: usize) -> Option<Vec<u8>> {
        parse(data, version)
            .filter(|payload| payload.not_text.is_none())
            .map(|payload| payload.bytes)
    }

    /// Packs (value, bits) pairs into bytes, padding the last with zeros.
    fn pack(fields: &[(u32, usize)]) -> Vec<u8> {
        let mut bits: Vec<bool> = Vec::new();
        for &(value, count) in fields {
            for i in (0..count).rev() {
                bits.push((value >> i) & 1 == 1);
            }
        }
        bits.chunks(8)
            .map(|chunk| {
                chunk
                    .iter()
                    .enumerate()
                    .fold(0u8, |acc, (i, &b)| acc | (u8::from(b) << (7 - i)))
            })
            .collect()
    }

    // Source: ISO/IEC 18004:2015 7.4.3 example ("01234567": 0001 0000001000 0000001100
    // 0101011001 1000011) and 7.4.4 example ("AC-42": 0010 000000101 00111001110 11100111001
    // 000100).
    #[test]
    fn standard_examples() {
        let numeric = pack(&[(1, 4), (8, 10), (12, 10), (345, 10), (67, 7), (0, 4)]);
        assert_eq!(text(&numeric, 1).as_deref(), Some(&b"01234567"[..]));
        let alpha = pack(&[(2, 4), (5, 9), (462, 11), (1849, 11), (2, 6), (0, 4)]);
        assert_eq!(text(&alpha, 1).as_deref(), Some(&b"AC-42"[..]));
    }

    #[test]
    fn byte_eci_and_structured_append() {
        let stream = pack(&[
            (3, 4),
            (0x0123, 16),
            (7, 4),
            (26, 8),
            (4, 4),
            (2, 8),
            (0xC3, 8),
            (0xA9, 8),
            (0, 4),
        ]);
        assert_eq!(text(&stream, 1), Some("é".as_bytes().to_vec()));
        // Version 10 and above: 16-bit byte counts.
        let long = pack(&[(4, 4), (1, 16), (b'A'.into(), 8)]);
        assert_eq!(text(&long, 10), Some(b"A".to_vec()));
        // Two-byte ECI designator (value 26 written long) is still 26.
        let eci_long = pack(&[(7, 4), (0x8000 | 26, 16), (4, 4), (1, 8), (b'x'.into(), 8)]);
        assert_eq!(text(&eci_long, 1), Some(b"x".to_vec()));
    }

    // Source: ISO/IEC 18004:2015 7.4.6 (Kanji: 0x935F is 0x0D9F, 0xE4AA is 0x1AAA) and 7.4.8
    // (FNC1 in the first and second positions).
    #[test]
    fn data_that_is_not_text_is_read_and_marked() {
        let cases = [
            (
                pack(&[(7, 4), (20, 8), (4, 4), (1, 8), (b'x'.into(), 8)]),
                NotText::Eci(20),
                b"x".to_vec(),
            ),
            (
                pack(&[(8, 4), (2, 8), (0x0D9F, 13), (0x1AAA, 13)]),
                NotText::Kanji,
                vec![0x93, 0x5F, 0xE4, 0xAA],
            ),
            (
                pack(&[(5, 4), (1, 4), (3, 10), (123, 10), (0, 4)]),
                NotText::Gs1,
                b"123".to_vec(),
            ),
            (
                pack(&[(9, 4), (37, 8), (2, 4), (1, 9), (10, 6)]),
                NotText::Gs1,
                b"A".to_vec(),
            ),
        ];
        for (stream, kind, bytes) in cases {
            assert_eq!(
                parse(&stream, 1),
                Some(Payload {
                    bytes,
                    not_text: Some(kind)
                }),
                "{stream:02x?}"
            );
        }
    }

    #[test]
    fn refusals() {
        // An unknown mode, a numeric group over 999, a count past the end of the stream, and an
        // alphanumeric pair over 2024.
        for stream in [
            pack(&[(0b1111, 4), (0, 12)]),
            pack(&[(1, 4), (3, 10), (1000, 10)]),
            pack(&[(4, 4), (200, 8), (0, 8)]),
            pack(&[(2, 4), (2, 9), (2025, 11)]),
        ] {
            assert_eq!(parse(&stream, 1), None, "{stream:02x?}");
        }
    }

    #[test]
    fn terminator_and_short_tails_end_the_stream() {
        assert_eq!(text(&[], 1), Some(Vec::new()));
        // Numeric "12" then three leftover bits: an implied terminator.
        let stream = pack(&[(1, 4), (2, 10), (12, 7), (0b101, 3)]);
        assert_eq!(text(&stream, 1), Some(b"12".to_vec()));
        // Padding codewords after the terminator are ignored.
        let padded = pack(&[(1, 4), (1, 10), (7, 4), (0, 4), (0xEC, 8), (0x11, 8)]);
        assert_eq!(text(&padded, 1), Some(b"7".to_vec()));
    }
}
