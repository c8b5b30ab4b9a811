//! zlib streams (RFC 1950) of deflate data (RFC 1951), in and out, with a cap on the output.
//!
//! The verifier inflates text that anyone can put in a QR code, so the output is capped (8 KiB for
//! a certificate: a decompression bomb stops there, and nothing past the cap is ever allocated)
//! and the stream must be exactly one valid zlib stream: no bytes after the checksum, and no set
//! bits where the format ignores them (the padding after the last block, and the alignment bits
//! before a stored block's length). The last rule makes the encoding non-malleable: two different
//! QR texts never carry the same certificate, so that changing any character of a valid text
//! never leaves it valid.
//!
//! Both directions are written here, small rather than fast, because they are part of the
//! WebAssembly module every phone downloads and a certificate is under 1 KB: the inflater decodes
//! canonical Huffman codes bit by bit from the number of codes of each length (as zlib's `puff.c`
//! does, with no tables to build); the compressor finds matches with a hash chain and lazy matching (as zlib's level 9
//! does) and writes one block with whichever of a dynamic Huffman code (length-limited by
//! package-merge), the fixed code, or stored blocks is smallest.

use core::fmt;

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

// ---- The format (RFC 1951 section 3.2) ------------------------------------------------------

/// The shortest length of each length symbol 257-285 (RFC 1951 section 3.2.5).
const LENGTH_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
/// The extra bits after each length symbol 257-285.
const LENGTH_EXTRA_BITS: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
/// The shortest distance of each distance symbol 0-29 (RFC 1951 section 3.2.5).
const DISTANCE_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
/// The extra bits after each distance symbol 0-29.
const DISTANCE_EXTRA_BITS: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
/// The order in which a dynamic block gives the lengths of the code-length code (RFC 1951
/// section 3.2.7).
const CODE_LENGTH_ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];
/// The literal/length symbol that ends a block.
const END_OF_BLOCK: usize = 256;
/// Literal/length symbols that may occur (286 and 287 take part in the fixed code only).
const LITERAL_SYMBOLS: usize = 286;
/// Distance symbols that may occur (30 and 31 take part in the fixed code only).
const DISTANCE_SYMBOLS: usize = 30;
/// The longest code of the literal/length and distance codes.
const MAX_CODE_LENGTH: u8 = 15;
/// The longest code of the code-length code (its lengths are 3-bit numbers).
const MAX_CODE_LENGTH_CODE_LENGTH: u8 = 7;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
/// The window: the farthest back a match may reach.
const WINDOW: usize = 32 * 1024;
/// The most bytes one stored block holds (its LEN field has 16 bits).
const MAX_STORED: usize = 0xffff;

/// The code lengths of the fixed literal/length code (RFC 1951 section 3.2.6), all 288 symbols.
fn fixed_literal_lengths() -> [u8; 288] {
    core::array::from_fn(|symbol| match symbol {
        0..=143 => 8,
        144..=255 => 9,
        256..=279 => 7,
        _ => 8,
    })
}

/// The code lengths of the fixed distance code: 5 bits for each of the 32 symbols.
const FIXED_DISTANCE_LENGTHS: [u8; 32] = [5; 32];

/// The Adler-32 checksum of `data` (RFC 1950 section 8.2).
fn adler32(data: &[u8]) -> u32 {
    const MODULUS: u32 = 65_521;
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 bytes is the most that can be summed before b overflows 32 bits (zlib's NMAX).
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= MODULUS;
        b %= MODULUS;
    }
    b << 16 | a
}

// ---- Inflating ------------------------------------------------------------------------------

const TRUNCATED: InflateError = InflateError::Invalid {
    reason: "the stream is truncated",
};

fn invalid(reason: &'static str) -> InflateError {
    InflateError::Invalid { reason }
}

/// Reads bits least significant first, as deflate packs them (RFC 1951 section 3.1.1), through
/// a buffer of up to 64 bits loaded a whole byte at a time.
struct BitReader<'a> {
    input: &'a [u8],
    /// The next byte to load.
    next: usize,
    buffer: u64,
    /// How many bits the buffer holds.
    count: u32,
    /// False once a bit the format ignores was found set.
    canonical: bool,
}

impl<'a> BitReader<'a> {
    fn new(input: &'a [u8], start: usize) -> Self {
        BitReader {
            input,
            next: start,
            buffer: 0,
            count: 0,
            canonical: true,
        }
    }

    /// Loads whole bytes while they fit (the buffer then holds at least 57 bits, or the rest of
    /// the input).
    fn fill(&mut self) {
        while self.count <= 56 {
            let Some(&byte) = self.input.get(self.next) else {
                break;
            };
            self.buffer |= u64::from(byte) << self.count;
            self.count += 8;
            self.next += 1;
        }
    }

    /// Drops `count` bits, no more than the buffer holds.
    fn consume(&mut self, count: u32) {
        let count = count.min(self.count);
        self.buffer = self.buffer.checked_shr(count).unwrap_or(0);
        self.count -= count;
    }

    /// A number of `count` bits (at most 16).
    fn bits(&mut self, count: u32) -> Result<u32, InflateError> {
        if self.count < count {
            self.fill();
            if self.count < count {
                return Err(TRUNCATED);
            }
        }
        let value = (self.buffer & ((1u64 << count) - 1)) as u32;
        self.consume(count);
        Ok(value)
    }

    /// Skips to the next byte boundary, noting whether a skipped bit is set.
    fn align(&mut self) {
        let skipped = self.count % 8;
        if self.buffer & ((1u64 << skipped) - 1) != 0 {
            self.canonical = false;
        }
        self.consume(skipped);
    }

    /// Where the unread input begins, once aligned: the buffer holds whole bytes before it.
    fn position(&self) -> usize {
        self.next.saturating_sub((self.count / 8) as usize)
    }

    /// The next `count` whole bytes, once aligned.
    fn bytes(&mut self, count: usize) -> Result<&'a [u8], InflateError> {
        let start = self.position();
        let end = start.checked_add(count).ok_or(TRUNCATED)?;
        let bytes = self.input.get(start..end).ok_or(TRUNCATED)?;
        self.next = end;
        self.buffer = 0;
        self.count = 0;
        Ok(bytes)
    }
}

/// A canonical Huffman code (RFC 1951 section 3.2.2) as the decoder needs it: how many codes
/// there are of each length, and the symbols in code order.
struct Huffman {
    counts: [u16; 16],
    symbols: Vec<u16>,
}

impl Huffman {
    /// The code with these code lengths (0: the symbol does not occur). A code must be complete,
    /// except that a distance code (`is_distance_code`) may have one code of one bit or none at
    /// all (RFC 1951 section 3.2.7).
    fn new(lengths: &[u8], is_distance_code: bool) -> Result<Self, InflateError> {
        let mut counts = [0u16; 16];
        for &length in lengths {
            let count = counts
                .get_mut(usize::from(length))
                .ok_or(invalid("a code length above 15"))?;
            *count += 1;
        }
        counts[0] = 0;
        // Codes left unused at each length: negative when over-subscribed.
        let mut left = 1i32;
        for &count in counts.iter().skip(1) {
            left = 2 * left - i32::from(count);
            if left < 0 {
                return Err(invalid("over-subscribed code lengths"));
            }
        }
        let is_single_bit_or_empty = counts.iter().skip(2).all(|&count| count == 0);
        if left > 0 && !(is_distance_code && is_single_bit_or_empty) {
            return Err(invalid("incomplete code lengths"));
        }
        // Symbols in code order: by length, then by symbol (a counting sort).
        let mut offsets = [0usize; 16];
        let mut total = 0;
        for (offset, &count) in offsets.iter_mut().zip(&counts) {
            *offset = total;
            total += usize::from(count);
        }
        let mut symbols = vec![0u16; total];
        for (symbol, &length) in (0u16..).zip(lengths).filter(|(_, length)| **length > 0) {
            if let Some(offset) = offsets.get_mut(usize::from(length)) {
                if let Some(slot) = symbols.get_mut(*offset) {
                    *slot = symbol;
                }
                *offset += 1;
            }
        }
        Ok(Huffman { counts, symbols })
    }

    /// Reads one symbol, bit by bit: codes of each length are consecutive numbers, starting
    /// where the shorter ones end, doubled. (Plain loops: at opt-level "z" iterator adapters
    /// are not inlined, and this loop is the inflater's hot spot.)
    fn decode(&self, reader: &mut BitReader<'_>) -> Result<usize, InflateError> {
        if reader.count < u32::from(MAX_CODE_LENGTH) {
            reader.fill();
        }
        // Bits past the end of the input read as zeros; a code that needs them is truncated.
        let mut bits = reader.buffer;
        let (mut code, mut first, mut index, mut length) = (0u32, 0u32, 0usize, 0u32);
        for &count in &self.counts[1..] {
            length += 1;
            code |= (bits & 1) as u32;
            bits >>= 1;
            let count = u32::from(count);
            if code >= first && code - first < count {
                if length > reader.count {
                    return Err(TRUNCATED);
                }
                reader.consume(length);
                let symbol = self.symbols.get(index + (code - first) as usize);
                return symbol.map(|&s| usize::from(s)).ok_or(TRUNCATED);
            }
            index += count as usize;
            first = (first + count) << 1;
            code <<= 1;
        }
        if reader.count < length {
            return Err(TRUNCATED);
        }
        Err(invalid("a code that the block's Huffman code lacks"))
    }
}

/// The inflated bytes, never more than `limit` of them, nor more memory.
struct Output {
    bytes: Vec<u8>,
    limit: usize,
}

impl Output {
    /// Makes room for `count` more bytes, or fails when they would pass the limit. Capacity
    /// doubles, but never beyond the limit.
    fn reserve(&mut self, count: usize) -> Result<(), InflateError> {
        let room = self.limit.saturating_sub(self.bytes.len());
        if count > room {
            return Err(InflateError::TooLarge { limit: self.limit });
        }
        let spare = self.bytes.capacity() - self.bytes.len();
        if count > spare {
            let grown = self.bytes.capacity().max(256).max(count).min(room);
            self.bytes.reserve_exact(grown);
        }
        Ok(())
    }

    fn push(&mut self, byte: u8) -> Result<(), InflateError> {
        // The capacity never exceeds the limit, so a full buffer is where the limit is checked.
        if self.bytes.len() == self.bytes.capacity() {
            self.reserve(1)?;
        }
        self.bytes.push(byte);
        Ok(())
    }

    /// Copies `length` bytes from `distance` back; the copy may overlap what it writes.
    fn copy(&mut self, distance: usize, length: usize) -> Result<(), InflateError> {
        let start = self
            .bytes
            .len()
            .checked_sub(distance)
            .ok_or(invalid("a distance reaches before the start of the data"))?;
        self.reserve(length)?;
        let mut from = start;
        while from < start + length {
            let byte = self.bytes.get(from).copied().ok_or(TRUNCATED)?;
            self.bytes.push(byte);
            from += 1;
        }
        Ok(())
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
    let [cmf, flg, ..] = *zlib else {
        return Err(TRUNCATED);
    };
    // RFC 1950 section 2.2: compression method 8 (deflate), a window of at most 32 KiB (CINFO
    // 7), FCHECK making CMF * 256 + FLG a multiple of 31, and no preset dictionary (FDICT).
    if cmf & 0x0f != 8 || cmf >> 4 > 7 || (u16::from(cmf) << 8 | u16::from(flg)) % 31 != 0 {
        return Err(invalid("the zlib header is not that of a deflate stream"));
    }
    if flg & 0x20 != 0 {
        return Err(invalid("the stream needs a preset dictionary"));
    }
    let mut reader = BitReader::new(zlib, 2);
    let mut output = Output {
        bytes: Vec::new(),
        limit,
    };
    loop {
        let is_final = reader.bits(1)? == 1;
        match reader.bits(2)? {
            0 => inflate_stored(&mut reader, &mut output)?,
            1 => inflate_block(
                &mut reader,
                &mut output,
                &Huffman::new(&fixed_literal_lengths(), false)?,
                &Huffman::new(&FIXED_DISTANCE_LENGTHS, false)?,
            )?,
            2 => {
                let (literals, distances) = read_dynamic_codes(&mut reader)?;
                inflate_block(&mut reader, &mut output, &literals, &distances)?;
            }
            _ => return Err(invalid("a block of the reserved type 3")),
        }
        if is_final {
            break;
        }
    }
    // The final block ends anywhere in a byte; the rest of it is padding.
    reader.align();
    let checksum = reader
        .bytes(4)?
        .iter()
        .fold(0u32, |sum, &byte| sum << 8 | u32::from(byte));
    if checksum != adler32(&output.bytes) {
        return Err(invalid("the Adler-32 checksum does not match"));
    }
    let count = zlib.len().saturating_sub(reader.position());
    if count > 0 {
        return Err(InflateError::TrailingBytes { count });
    }
    if !reader.canonical {
        return Err(InflateError::NonZeroPadding);
    }
    Ok(output.bytes)
}

/// A stored block (RFC 1951 section 3.2.4): to a byte boundary, LEN, NLEN, then LEN bytes.
fn inflate_stored(reader: &mut BitReader<'_>, output: &mut Output) -> Result<(), InflateError> {
    reader.align();
    let [len_low, len_high, nlen_low, nlen_high] = *reader.bytes(4)? else {
        return Err(TRUNCATED);
    };
    let length = u16::from_le_bytes([len_low, len_high]);
    if u16::from_le_bytes([nlen_low, nlen_high]) != !length {
        return Err(invalid(
            "a stored block's NLEN is not the complement of LEN",
        ));
    }
    let bytes = reader.bytes(usize::from(length))?;
    output.reserve(bytes.len())?;
    output.bytes.extend_from_slice(bytes);
    Ok(())
}

/// The literal/length and distance codes of a dynamic block (RFC 1951 section 3.2.7).
fn read_dynamic_codes(reader: &mut BitReader<'_>) -> Result<(Huffman, Huffman), InflateError> {
    let literal_count = reader.bits(5)? as usize + 257;
    let distance_count = reader.bits(5)? as usize + 1;
    let code_length_count = reader.bits(4)? as usize + 4;
    if literal_count > LITERAL_SYMBOLS || distance_count > DISTANCE_SYMBOLS {
        return Err(invalid("more than 286 length or 30 distance codes"));
    }
    let mut code_length_lengths = [0u8; 19];
    for &symbol in CODE_LENGTH_ORDER.iter().take(code_length_count) {
        let length = code_length_lengths.get_mut(symbol).ok_or(TRUNCATED)?;
        *length = reader.bits(3)? as u8;
    }
    let code_length_code = Huffman::new(&code_length_lengths, false)?;

    // One sequence of lengths for both codes: a repeat may run from one into the other.
    let total = literal_count + distance_count;
    let mut lengths = [0u8; LITERAL_SYMBOLS + DISTANCE_SYMBOLS];
    let mut filled = 0;
    while filled < total {
        let symbol = code_length_code.decode(reader)?;
        let (length, repeat) = match symbol {
            0..=15 => (symbol as u8, 1),
            16 => {
                let previous = filled.checked_sub(1).and_then(|i| lengths.get(i));
                let previous = previous.ok_or(invalid("a repeat code with no length to repeat"))?;
                (*previous, 3 + reader.bits(2)? as usize)
            }
            17 => (0, 3 + reader.bits(3)? as usize),
            _ => (0, 11 + reader.bits(7)? as usize),
        };
        let end = filled + repeat;
        let repeated = lengths
            .get_mut(filled..end)
            .filter(|_| end <= total)
            .ok_or(invalid("code lengths repeat past the last symbol"))?;
        repeated.fill(length);
        filled = end;
    }
    let (literal_lengths, distance_lengths) = lengths.split_at(literal_count);
    if literal_lengths.get(END_OF_BLOCK) == Some(&0) {
        return Err(invalid("the block has no end-of-block code"));
    }
    let distance_lengths = distance_lengths.get(..distance_count).ok_or(TRUNCATED)?;
    Ok((
        Huffman::new(literal_lengths, false)?,
        Huffman::new(distance_lengths, true)?,
    ))
}

/// The symbols of a Huffman-coded block, up to its end-of-block code (RFC 1951 section 3.2.5).
fn inflate_block(
    reader: &mut BitReader<'_>,
    output: &mut Output,
    literals: &Huffman,
    distances: &Huffman,
) -> Result<(), InflateError> {
    loop {
        let symbol = literals.decode(reader)?;
        if let Ok(byte) = u8::try_from(symbol) {
            output.push(byte)?;
            continue;
        }
        let Some(index) = symbol.checked_sub(END_OF_BLOCK + 1) else {
            return Ok(());
        };
        let (Some(&base), Some(&extra)) = (LENGTH_BASE.get(index), LENGTH_EXTRA_BITS.get(index))
        else {
            return Err(invalid("the length symbol 286 or 287"));
        };
        let length = usize::from(base) + reader.bits(u32::from(extra))? as usize;
        // Symbol 284 stands for 227-257 although its 5 extra bits reach 258, which has its own
        // symbol, 285, and one encoding only.
        if symbol == 284 && length == MAX_MATCH {
            return Err(invalid("length 258 coded with symbol 284"));
        }
        let index = distances.decode(reader)?;
        let (Some(&base), Some(&extra)) =
            (DISTANCE_BASE.get(index), DISTANCE_EXTRA_BITS.get(index))
        else {
            return Err(invalid("the distance symbol 30 or 31"));
        };
        let distance = usize::from(base) + reader.bits(u32::from(extra))? as usize;
        output.copy(distance, length)?;
    }
}

// ---- Compressing ----------------------------------------------------------------------------

/// Compresses `data` as a zlib stream, as small as this encoder makes it.
///
/// # Example
///
/// ```
/// use tirkeu::cert::deflate::{compress, inflate};
/// let packed = compress(b"KZ KZ KZ KZ KZ KZ");
/// assert_eq!(inflate(&packed, 100).unwrap(), b"KZ KZ KZ KZ KZ KZ");
/// ```
pub fn compress(data: &[u8]) -> Vec<u8> {
    let mut writer = BitWriter::default();
    // RFC 1950 section 2.2: deflate with a 32 KiB window (CMF 0x78), "maximum compression"
    // (FLEVEL 3), no dictionary, FCHECK 26. The same header as zlib's level 9.
    writer.bytes.extend_from_slice(&[0x78, 0xda]);
    write_deflate(&mut writer, data, &find_matches(data));
    writer.flush();
    writer.bytes.extend_from_slice(&adler32(data).to_be_bytes());
    writer.bytes
}

/// Writes bits least significant first; the last byte is padded with zeros.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    pending: u64,
    pending_bits: u32,
}

impl BitWriter {
    /// The low `count` bits of `value` (at most 32).
    fn bits(&mut self, value: u32, count: u32) {
        self.pending |= u64::from(value) << self.pending_bits;
        self.pending_bits += count;
        while self.pending_bits >= 8 {
            self.bytes.push(self.pending as u8);
            self.pending >>= 8;
            self.pending_bits -= 8;
        }
    }

    /// Pads to a byte boundary with zero bits.
    fn flush(&mut self) {
        if self.pending_bits > 0 {
            self.bytes.push(self.pending as u8);
        }
        self.pending = 0;
        self.pending_bits = 0;
    }
}

/// A literal byte (`distance` 0, the byte in `length`) or a match.
#[derive(Clone, Copy)]
struct Token {
    length: u16,
    distance: u16,
}

/// The index of a length or distance among its symbols: the last base not above it.
fn symbol_index(bases: &[u16], value: u16) -> usize {
    bases.iter().rposition(|&base| base <= value).unwrap_or(0)
}

/// Hash chains over 3-byte prefixes, as zlib keeps them: `head` holds the last position (plus
/// one; 0 for none) of each hash, `previous` the position before it with the same hash, for the
/// positions of the last window.
struct MatchFinder<'a> {
    data: &'a [u8],
    head: Vec<usize>,
    previous: Vec<usize>,
    /// Positions below this one are in the chains.
    inserted: usize,
}

impl MatchFinder<'_> {
    /// Candidates examined per search, as zlib's level 9.
    const MAX_CHAIN: usize = 4096;
    /// A 3-byte match farther than this costs more than three literals (zlib's TOO_FAR).
    const TOO_FAR: usize = 4096;

    fn hash(&self, position: usize) -> Option<usize> {
        let prefix = self.data.get(position..position.checked_add(MIN_MATCH)?)?;
        let mixed = prefix
            .iter()
            .fold(0usize, |hash, &byte| hash << 5 ^ usize::from(byte));
        Some(mixed % WINDOW)
    }

    /// The longest match for the bytes at `position` (length 0 when none is worth taking), as
    /// (length, distance). Positions must not decrease from one call to the next.
    fn longest(&mut self, position: usize) -> (usize, usize) {
        while self.inserted < position {
            let slots = self.hash(self.inserted).and_then(|hash| {
                let previous = self.previous.get_mut(self.inserted % WINDOW)?;
                Some((previous, self.head.get_mut(hash)?))
            });
            if let Some((previous, head)) = slots {
                *previous = *head;
                *head = self.inserted + 1;
            }
            self.inserted += 1;
        }
        let mut best = (0, 0);
        let (Some(hash), Some(ahead)) = (self.hash(position), self.data.get(position..)) else {
            return best;
        };
        let longest_possible = ahead.len().min(MAX_MATCH);
        let mut candidate = self.head.get(hash).copied().unwrap_or(0);
        for _ in 0..Self::MAX_CHAIN {
            let Some(start) = candidate.checked_sub(1) else {
                break;
            };
            let distance = position
                .checked_sub(start)
                .filter(|&d| d > 0 && d <= WINDOW);
            let (Some(distance), Some(behind)) = (distance, self.data.get(start..)) else {
                break;
            };
            // Only a candidate that also matches at the current best length can beat it.
            if behind.get(best.0) == ahead.get(best.0) {
                let length = behind
                    .iter()
                    .zip(ahead)
                    .take(longest_possible)
                    .take_while(|(a, b)| a == b)
                    .count();
                if length > best.0 && (length > MIN_MATCH || distance <= Self::TOO_FAR) {
                    best = (length, distance);
                    if length == longest_possible {
                        break;
                    }
                }
            }
            candidate = self.previous.get(start % WINDOW).copied().unwrap_or(0);
        }
        if best.0 < MIN_MATCH { (0, 0) } else { best }
    }
}

/// Parses `data` into literals and matches with lazy matching: a match is taken only when the
/// match starting at the next byte is not longer (zlib's `deflate_slow`).
fn find_matches(data: &[u8]) -> Vec<Token> {
    let mut finder = MatchFinder {
        data,
        head: vec![0; WINDOW],
        // Indexed by position modulo the window: no larger than the data.
        previous: vec![0; data.len().min(WINDOW)],
        inserted: 0,
    };
    let mut tokens = Vec::new();
    let mut position = 0;
    let mut found = finder.longest(0);
    while let Some(&byte) = data.get(position) {
        let literal = Token {
            length: u16::from(byte),
            distance: 0,
        };
        let (length, distance) = found;
        if length == 0 {
            tokens.push(literal);
            position += 1;
            found = finder.longest(position);
            continue;
        }
        if length < MAX_MATCH {
            let next = finder.longest(position + 1);
            if next.0 > length {
                tokens.push(literal);
                position += 1;
                found = next;
                continue;
            }
        }
        tokens.push(Token {
            length: length as u16,
            distance: distance as u16,
        });
        position += length;
        found = finder.longest(position);
    }
    tokens
}

/// A prefix code for writing: each symbol's length and its code, bit-reversed so that it is
/// written least significant bit first like every other field (RFC 1951 section 3.1.1).
struct Code {
    lengths: Vec<u8>,
    codes: Vec<u32>,
}

impl Code {
    /// The canonical code with these lengths (RFC 1951 section 3.2.2).
    fn canonical(lengths: &[u8]) -> Code {
        let mut counts = [0u32; 16];
        for &length in lengths {
            if let Some(count) = counts.get_mut(usize::from(length)) {
                *count += 1;
            }
        }
        counts[0] = 0;
        let mut next = [0u32; 16];
        let mut code = 0;
        for bits in 1..16 {
            code = (code + counts[bits - 1]) << 1;
            next[bits] = code;
        }
        let codes = lengths
            .iter()
            .map(|&length| {
                let Some(slot) = next.get_mut(usize::from(length)).filter(|_| length > 0) else {
                    return 0;
                };
                let code = *slot;
                *slot += 1;
                code.reverse_bits() >> (32 - u32::from(length))
            })
            .collect();
        Code {
            lengths: lengths.to_vec(),
            codes,
        }
    }

    fn write(&self, writer: &mut BitWriter, symbol: usize) {
        if let (Some(&code), Some(&length)) = (self.codes.get(symbol), self.lengths.get(symbol)) {
            writer.bits(code, u32::from(length));
        }
    }

    /// The bits that symbols of these frequencies take.
    fn cost(&self, frequencies: &[usize]) -> usize {
        frequencies
            .iter()
            .zip(&self.lengths)
            .map(|(&frequency, &length)| frequency * usize::from(length))
            .sum()
    }
}

/// Optimal code lengths of at most `max_length` bits for symbols of these frequencies, by
/// package-merge (Larmore and Hirschberg, 1990): each symbol is a coin of its frequency at every
/// denomination 2^-1 .. 2^-max_length; the cheapest coins worth n - 1 give each symbol as many
/// bits as coins of it are taken. A lone symbol gets one bit and a partner, so that every code is
/// complete.
fn limited_code_lengths(frequencies: &[usize], max_length: u8) -> Vec<u8> {
    let mut lengths = vec![0u8; frequencies.len()];
    // (frequency, symbol), sorted by frequency, ties in symbol order (an insertion sort: at
    // most 286 symbols).
    let mut leaves: Vec<(usize, usize)> = Vec::new();
    for (symbol, &frequency) in frequencies.iter().enumerate() {
        if frequency > 0 {
            let at = leaves.partition_point(|&(other, _)| other <= frequency);
            leaves.insert(at, (frequency, symbol));
        }
    }
    if let [(_, symbol)] = *leaves.as_slice() {
        for partner in [symbol, usize::from(symbol == 0)] {
            if let Some(length) = lengths.get_mut(partner) {
                *length = 1;
            }
        }
        return lengths;
    }
    // Each denomination's coins as (weight, is a leaf), from the smallest up. A package is two
    // consecutive coins of the denomination below, so the cheapest coins taken at one
    // denomination are the lightest leaves and the first packages, and those packages are the
    // first coins of the denomination below: counts are enough, no package records its leaves.
    let mut denominations: Vec<Vec<(usize, bool)>> = Vec::new();
    let mut coins: Vec<(usize, bool)> = leaves.iter().map(|&(weight, _)| (weight, true)).collect();
    for _ in 1..max_length {
        let mut packages = coins
            .chunks_exact(2)
            .map(|pair| (pair.iter().map(|&(weight, _)| weight).sum::<usize>(), false));
        // Merged by weight, a leaf before a package of the same weight.
        let mut merged = Vec::with_capacity(coins.len() + leaves.len());
        let mut package = packages.next();
        for &(weight, _) in &leaves {
            while let Some(lighter) = package.take_if(|&mut (package, _)| package < weight) {
                merged.push(lighter);
                package = packages.next();
            }
            merged.push((weight, true));
        }
        merged.extend(package);
        merged.extend(packages);
        denominations.push(core::mem::replace(&mut coins, merged));
    }
    let mut taken = (2 * leaves.len()).saturating_sub(2);
    loop {
        let chosen = coins.get(..taken).unwrap_or(&coins);
        let leaves_taken = chosen.iter().filter(|&&(_, is_leaf)| is_leaf).count();
        for &(_, symbol) in leaves.iter().take(leaves_taken) {
            if let Some(length) = lengths.get_mut(symbol) {
                *length += 1;
            }
        }
        taken = 2 * (chosen.len() - leaves_taken);
        match denominations.pop() {
            Some(below) => coins = below,
            None => return lengths,
        }
    }
}

/// The code lengths of both codes as a dynamic block sends them: runs of zeros (17, 18) and
/// repeats of the previous length (16) shortened (RFC 1951 section 3.2.7), as (symbol, extra
/// bits value).
fn run_length_encode(lengths: &[u8]) -> Vec<(usize, u32)> {
    let mut runs = Vec::new();
    let mut position = 0;
    let mut previous = None;
    while let Some(rest) = lengths.get(position..).filter(|rest| !rest.is_empty()) {
        let length = rest.first().copied().unwrap_or(0);
        let run = rest.iter().take_while(|&&l| l == length).count();
        let (symbol, count) = match (length, run) {
            (0, 11..) => (18, run.min(138)),
            (0, 3..) => (17, run.min(10)),
            (_, 3..) if previous == Some(length) => (16, run.min(6)),
            _ => (usize::from(length), 1),
        };
        let extra = match symbol {
            18 => count - 11,
            17 | 16 => count - 3,
            _ => 0,
        };
        runs.push((symbol, extra as u32));
        position += count;
        previous = Some(length);
    }
    runs
}

/// The extra bits after each code-length symbol (RFC 1951 section 3.2.7).
fn code_length_extra_bits(symbol: usize) -> u32 {
    match symbol {
        16 => 2,
        17 => 3,
        18 => 7,
        _ => 0,
    }
}

/// The one block of the stream: dynamic Huffman, fixed Huffman or, when neither is smaller,
/// stored (in blocks of at most 65,535 bytes), whichever takes fewest bits.
fn write_deflate(writer: &mut BitWriter, data: &[u8], tokens: &[Token]) {
    let mut literal_frequencies = [0usize; LITERAL_SYMBOLS];
    let mut distance_frequencies = [0usize; DISTANCE_SYMBOLS];
    let mut extra_bits = 0;
    for token in tokens {
        let (literal, distance) = if token.distance == 0 {
            (usize::from(token.length), None)
        } else {
            let length = symbol_index(&LENGTH_BASE, token.length);
            let distance = symbol_index(&DISTANCE_BASE, token.distance);
            extra_bits += usize::from(LENGTH_EXTRA_BITS.get(length).copied().unwrap_or(0))
                + usize::from(DISTANCE_EXTRA_BITS.get(distance).copied().unwrap_or(0));
            (END_OF_BLOCK + 1 + length, Some(distance))
        };
        if let Some(frequency) = literal_frequencies.get_mut(literal) {
            *frequency += 1;
        }
        if let Some(frequency) = distance.and_then(|d| distance_frequencies.get_mut(d)) {
            *frequency += 1;
        }
    }
    literal_frequencies[END_OF_BLOCK] = 1;

    // Dynamic: both codes, and the header that sends their lengths with a third code.
    let literal_code =
        Code::canonical(&limited_code_lengths(&literal_frequencies, MAX_CODE_LENGTH));
    let distance_code = Code::canonical(&limited_code_lengths(
        &distance_frequencies,
        MAX_CODE_LENGTH,
    ));
    let used = |lengths: &[u8], at_least: usize| {
        lengths
            .iter()
            .rposition(|&length| length > 0)
            .map_or(at_least, |last| (last + 1).max(at_least))
    };
    let literal_count = used(&literal_code.lengths, END_OF_BLOCK + 1);
    let distance_count = used(&distance_code.lengths, 1);
    let all_lengths: Vec<u8> = literal_code
        .lengths
        .iter()
        .take(literal_count)
        .chain(distance_code.lengths.iter().take(distance_count))
        .copied()
        .collect();
    let runs = run_length_encode(&all_lengths);
    let mut run_frequencies = [0usize; 19];
    for &(symbol, _) in &runs {
        if let Some(frequency) = run_frequencies.get_mut(symbol) {
            *frequency += 1;
        }
    }
    let run_code = Code::canonical(&limited_code_lengths(
        &run_frequencies,
        MAX_CODE_LENGTH_CODE_LENGTH,
    ));
    let code_length_count = CODE_LENGTH_ORDER
        .iter()
        .rposition(|&symbol| run_code.lengths.get(symbol).is_some_and(|&l| l > 0))
        .map_or(4, |last| (last + 1).max(4));
    let header_bits = 14
        + 3 * code_length_count
        + run_code.cost(&run_frequencies)
        + runs
            .iter()
            .map(|&(symbol, _)| code_length_extra_bits(symbol) as usize)
            .sum::<usize>();
    let dynamic_bits = header_bits
        + literal_code.cost(&literal_frequencies)
        + distance_code.cost(&distance_frequencies);

    let fixed_literal = Code::canonical(&fixed_literal_lengths());
    let fixed_distance = Code::canonical(&FIXED_DISTANCE_LENGTHS);
    let fixed_bits =
        fixed_literal.cost(&literal_frequencies) + fixed_distance.cost(&distance_frequencies);

    // Each stored block: 3 header bits padded to a byte (the stream is at a byte boundary),
    // LEN and NLEN, then the bytes.
    let stored_blocks = data.len().div_ceil(MAX_STORED).max(1);
    let stored_bits = (data.len().saturating_add(5 * stored_blocks)).saturating_mul(8);
    if stored_bits < 3 + extra_bits + dynamic_bits.min(fixed_bits) {
        write_stored(writer, data);
        return;
    }

    writer.bits(1, 1); // BFINAL: the only block
    if fixed_bits <= dynamic_bits {
        writer.bits(1, 2);
        write_tokens(writer, tokens, &fixed_literal, &fixed_distance);
        return;
    }
    writer.bits(2, 2);
    writer.bits((literal_count - 257) as u32, 5);
    writer.bits((distance_count - 1) as u32, 5);
    writer.bits((code_length_count - 4) as u32, 4);
    for &symbol in CODE_LENGTH_ORDER.iter().take(code_length_count) {
        let length = run_code.lengths.get(symbol).copied().unwrap_or(0);
        writer.bits(u32::from(length), 3);
    }
    for &(symbol, extra) in &runs {
        run_code.write(writer, symbol);
        writer.bits(extra, code_length_extra_bits(symbol));
    }
    write_tokens(writer, tokens, &literal_code, &distance_code);
}

/// The tokens and the end-of-block code, in a Huffman-coded block.
fn write_tokens(writer: &mut BitWriter, tokens: &[Token], literals: &Code, distances: &Code) {
    for token in tokens {
        if token.distance == 0 {
            literals.write(writer, usize::from(token.length));
            continue;
        }
        let length = symbol_index(&LENGTH_BASE, token.length);
        literals.write(writer, END_OF_BLOCK + 1 + length);
        if let (Some(&base), Some(&extra)) =
            (LENGTH_BASE.get(length), LENGTH_EXTRA_BITS.get(length))
        {
            writer.bits(u32::from(token.length - base), u32::from(extra));
        }
        let distance = symbol_index(&DISTANCE_BASE, token.distance);
        distances.write(writer, distance);
        if let (Some(&base), Some(&extra)) = (
            DISTANCE_BASE.get(distance),
            DISTANCE_EXTRA_BITS.get(distance),
        ) {
            writer.bits(u32::from(token.distance - base), u32::from(extra));
        }
    }
    literals.write(writer, END_OF_BLOCK);
}

/// `data` in stored blocks (RFC 1951 section 3.2.4), the last one final.
fn write_stored(writer: &mut BitWriter, data: &[u8]) {
    let mut rest = data;
    loop {
        let (block, after) = rest.split_at(rest.len().min(MAX_STORED));
        writer.bits(u32::from(after.is_empty()), 1);
        writer.bits(0, 2);
        writer.flush();
        let length = block.len() as u16;
        writer.bytes.extend_from_slice(&length.to_le_bytes());
        writer.bytes.extend_from_slice(&(!length).to_le_bytes());
        writer.bytes.extend_from_slice(block);
        rest = after;
        if rest.is_empty() {
            break;
        }
    }
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
        // A zlib stream with one final stored block holding "hi" (RFC 1951 section 3.2.4):
        // header 78 01, BFINAL 1 and BTYPE 00 then 5 alignment bits, LEN 2, NLEN, the bytes,
        // Adler-32 0x013b00d2.
        let stored = [
            0x78, 0x01, 0x01, 0x02, 0x00, 0xfd, 0xff, b'h', b'i', 0x01, 0x3b, 0x00, 0xd2,
        ];
        assert_eq!(stored[2] & 0b111, 0b001, "expected a final stored block");
        assert_eq!(inflate(&stored, 10).unwrap(), b"hi");
        let mut altered = stored;
        altered[2] |= 0x40;
        assert_eq!(inflate(&altered, 10), Err(InflateError::NonZeroPadding));
    }

    #[test]
    fn adler32_of_a_known_value_and_of_long_input() {
        // "Wikipedia" is a commonly quoted value; the long input crosses the 5552-byte chunks,
        // checked against the definition (RFC 1950 section 8.2) reduced at every byte.
        assert_eq!(adler32(b"Wikipedia"), 0x11e6_0398);
        assert_eq!(adler32(b""), 1);
        let long: Vec<u8> = (0..20_000u32).map(|i| (i * 7 + i / 13) as u8).collect();
        let (mut a, mut b) = (1u32, 0u32);
        for &byte in &long {
            a = (a + u32::from(byte)) % 65_521;
            b = (b + a) % 65_521;
        }
        assert_eq!(adler32(&long), b << 16 | a);
    }

    #[test]
    fn package_merge_limits_code_lengths_and_keeps_the_code_complete() {
        // Fibonacci frequencies make the deepest unrestricted Huffman tree.
        let mut frequencies = vec![1usize, 1];
        while frequencies.len() < 19 {
            let n = frequencies.len();
            frequencies.push(frequencies[n - 1] + frequencies[n - 2]);
        }
        let lengths = limited_code_lengths(&frequencies, 7);
        assert!(lengths.iter().all(|&l| (1..=7).contains(&l)));
        let kraft: f64 = lengths.iter().map(|&l| 0.5f64.powi(i32::from(l))).sum();
        assert_eq!(kraft, 1.0);
        assert_eq!(limited_code_lengths(&[0, 5, 0], 15), [1, 1, 0]);
        assert_eq!(limited_code_lengths(&[5, 0, 0], 15), [1, 1, 0]);
        assert_eq!(limited_code_lengths(&[0, 0], 15), [0, 0]);
        assert_eq!(limited_code_lengths(&[1, 1, 2], 15), [2, 2, 1]);
    }
}
