//! zlib (RFC 1950) in and out, with a cap on the output.
//!
//! The verifier inflates text that anyone can put in a QR code, so the output is capped (8 KiB for
//! a certificate: a decompression bomb stops there) and the stream must be exactly one valid zlib
//! stream: no bytes after the checksum, and no set bits where the format ignores them (the padding
//! after the last block, and the alignment bits of a stored first block). The last rule makes the
//! encoding non-malleable: two different QR texts never carry the same certificate, so that
//! changing any character of a valid text never leaves it valid.

use core::fmt;

use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};

/// The largest certificate payload (COSE_Sign1 bytes) the verifier inflates: 8 KiB.
pub const CERTIFICATE_LIMIT: usize = 8 * 1024;

/// Why bytes are not an acceptable zlib stream.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InflateError {
    /// Not a valid zlib stream: bad header, corrupt data, truncated, or a wrong checksum.
    Invalid {
        /// What the decompressor found.
        reason: &'static str,
    },
    /// The output would exceed the limit (a decompression bomb, or simply too large).
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// Bytes follow the end of the zlib stream.
    TrailingBytes {
        /// How many.
        count: usize,
    },
    /// Bits that the format ignores are set: not the one canonical encoding of this stream.
    NonZeroPadding,
}

impl fmt::Display for InflateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InflateError::Invalid { reason } => write!(f, "zlib: {reason}"),
            InflateError::TooLarge { limit } => {
                write!(f, "zlib: the data inflates beyond {limit} bytes")
            }
            InflateError::TrailingBytes { count } => {
                write!(f, "zlib: {count} bytes follow the end of the stream")
            }
            InflateError::NonZeroPadding => {
                write!(
                    f,
                    "zlib: ignored padding bits are set (not a canonical stream)"
                )
            }
        }
    }
}

impl std::error::Error for InflateError {}

/// Compresses `data` as a zlib stream at the highest compression level.
///
/// # Example
///
/// ```
/// use tirkeu::cert::deflate::{compress, inflate};
/// let packed = compress(b"KZ KZ KZ KZ KZ KZ");
/// assert_eq!(inflate(&packed, 100).unwrap(), b"KZ KZ KZ KZ KZ KZ");
/// ```
pub fn compress(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 9)
}

fn reason(status: TINFLStatus) -> &'static str {
    match status {
        TINFLStatus::Adler32Mismatch => "the Adler-32 checksum does not match",
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
            "the stream is truncated"
        }
        _ => "the stream is not valid zlib",
    }
}

/// Inflates a whole stream (zlib when `zlib_wrapper`, raw deflate otherwise) into at most
/// `limit` bytes, growing the buffer as needed. Returns the output and the bytes consumed.
fn inflate_stream(
    input: &[u8],
    limit: usize,
    zlib_wrapper: bool,
) -> Result<(Vec<u8>, usize), InflateError> {
    let mut flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    if zlib_wrapper {
        flags |= inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER;
    }
    let mut state = Box::<DecompressorOxide>::default();
    let mut out = vec![0u8; input.len().saturating_mul(4).max(64).min(limit.max(1))];
    let mut consumed = 0usize;
    let mut written = 0usize;
    loop {
        let rest = input.get(consumed..).unwrap_or_default();
        let (status, used, produced) = decompress(&mut state, rest, &mut out, written, flags);
        consumed = consumed.saturating_add(used);
        written = written.saturating_add(produced);
        match status {
            TINFLStatus::Done if written <= limit => {
                out.truncate(written);
                return Ok((out, consumed));
            }
            TINFLStatus::Done => return Err(InflateError::TooLarge { limit }),
            TINFLStatus::HasMoreOutput => {
                if out.len() >= limit {
                    return Err(InflateError::TooLarge { limit });
                }
                let grown = out.len().saturating_mul(2).min(limit);
                out.resize(grown, 0);
            }
            other => {
                return Err(InflateError::Invalid {
                    reason: reason(other),
                });
            }
        }
    }
}

/// Inflates one zlib stream into at most `limit` bytes, strictly.
///
/// # Errors
///
/// [`InflateError::Invalid`] for anything but a valid zlib stream (header, data, Adler-32),
/// [`InflateError::TooLarge`] as soon as the output would pass `limit`,
/// [`InflateError::TrailingBytes`] when bytes follow the stream, and
/// [`InflateError::NonZeroPadding`] when bits the format ignores are set.
///
/// # Example
///
/// ```
/// use tirkeu::cert::deflate::{compress, inflate, InflateError};
/// let bomb = compress(&[0u8; 100_000]);
/// assert_eq!(inflate(&bomb, 8192), Err(InflateError::TooLarge { limit: 8192 }));
/// ```
pub fn inflate(zlib: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let (output, consumed) = inflate_stream(zlib, limit, true)?;
    if consumed < zlib.len() {
        return Err(InflateError::TrailingBytes {
            count: zlib.len() - consumed,
        });
    }
    // The raw deflate data lies between the 2-byte header and the 4-byte checksum.
    let body = zlib
        .get(2..zlib.len().saturating_sub(4))
        .unwrap_or_default();
    if has_set_padding_bits(body, &output, limit) {
        return Err(InflateError::NonZeroPadding);
    }
    Ok(output)
}

/// Whether bits that every inflater ignores are set in `body`, a complete raw deflate stream
/// that inflates to `output`.
///
/// Two places are checked. A stored first block (BTYPE 00) skips to a byte boundary after its
/// 3 header bits, so bits 3-7 of the first byte carry nothing. And the final block ends
/// anywhere in the last byte, the rest of which is padding: padding is the high bits, so if
/// clearing the highest set bit of the last byte leaves the stream valid with the same output,
/// that bit was padding. (Clearing a meaningful bit changes a Huffman code of the last symbol or
/// of the end-of-block marker, which changes the output or breaks the stream.)
fn has_set_padding_bits(body: &[u8], output: &[u8], limit: usize) -> bool {
    let (Some(&first), Some(&last)) = (body.first(), body.last()) else {
        return false;
    };
    let first_block_is_stored = (first >> 1) & 0b11 == 0;
    if first_block_is_stored && first >> 3 != 0 {
        return true;
    }
    if last == 0 {
        return false;
    }
    let highest_bit = 0x80u8 >> last.leading_zeros();
    let mut altered = body.to_vec();
    if let Some(byte) = altered.last_mut() {
        *byte &= !highest_bit;
    }
    matches!(
        inflate_stream(&altered, limit, false),
        Ok((same, consumed)) if consumed == altered.len() && same == output
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_trailing_bytes() {
        let data = "Тіркеу туралы анықтама ".repeat(20);
        let mut packed = compress(data.as_bytes());
        assert_eq!(
            inflate(&packed, CERTIFICATE_LIMIT).unwrap(),
            data.as_bytes()
        );
        packed.push(0);
        assert_eq!(
            inflate(&packed, CERTIFICATE_LIMIT),
            Err(InflateError::TrailingBytes { count: 1 })
        );
    }

    #[test]
    fn the_limit_is_inclusive() {
        let data = [7u8; 500];
        assert_eq!(inflate(&compress(&data), 500).unwrap().len(), 500);
        assert_eq!(
            inflate(&compress(&data), 499),
            Err(InflateError::TooLarge { limit: 499 })
        );
    }

    #[test]
    fn checksum_header_and_truncation_are_checked() {
        let packed = compress(b"registration certificate");
        let mut wrong_sum = packed.clone();
        let last = wrong_sum.len() - 1;
        wrong_sum[last] ^= 1;
        assert!(matches!(
            inflate(&wrong_sum, 100),
            Err(InflateError::Invalid { .. })
        ));
        assert!(matches!(
            inflate(&packed[..packed.len() - 1], 100),
            Err(InflateError::Invalid { .. })
        ));
        let mut dictionary = packed.clone();
        dictionary[1] |= 0x20;
        assert!(matches!(
            inflate(&dictionary, 100),
            Err(InflateError::Invalid { .. })
        ));
        assert!(matches!(
            inflate(&[], 100),
            Err(InflateError::Invalid { .. })
        ));
    }

    #[test]
    fn set_padding_bits_are_refused() {
        // Fixed-Huffman "a": 3 header bits, 8 bits for 'a', 7 for end-of-block = 18 bits, so the
        // last of three bytes holds 2 meaningful bits and 6 of padding.
        let packed = compress(b"a");
        assert_eq!(inflate(&packed, 10).unwrap(), b"a");
        let mut padded = packed.clone();
        let last_body_byte = padded.len() - 5;
        padded[last_body_byte] |= 0x80;
        assert_eq!(inflate(&padded, 10), Err(InflateError::NonZeroPadding));
    }

    #[test]
    fn set_alignment_bits_of_a_stored_block_are_refused() {
        // A zlib stream with one final stored block holding "hi" (level 0 stores).
        let stored = miniz_oxide::deflate::compress_to_vec_zlib(b"hi", 0);
        assert_eq!(stored[2] & 0b111, 0b001, "expected a final stored block");
        assert_eq!(inflate(&stored, 10).unwrap(), b"hi");
        let mut altered = stored.clone();
        altered[2] |= 0x40;
        assert_eq!(inflate(&altered, 10), Err(InflateError::NonZeroPadding));
    }
}
