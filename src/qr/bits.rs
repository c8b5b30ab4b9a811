//! From a sampled module grid to the payload bytes, without any other crate (ISO/IEC
//! 18004:2015, 7.7 to 7.9 and annexes B to E read backwards):
//!
//! 1. the format information (both copies, BCH(15, 5), nearest codeword within 3 bit errors)
//!    gives the error correction level and the mask;
//! 2. the function patterns (finders and separators, timing, alignment patterns, format and
//!    version areas, the dark module) are skipped, the data modules unmasked and read in the
//!    two-column zigzag into codewords;
//! 3. the codewords are de-interleaved into their blocks ([`BLOCKS`]), each corrected by
//!    Reed-Solomon ([`reed_solomon`](super::reed_solomon));
//! 4. the data codewords are parsed into segments ([`segments`](super::segments)).
//!
//! The version is the grid's size (`17 + 4 * version`): the caller has already used the version
//! information to pick the size to sample, so when the two disagree here the size wins.
//! A grid that fails is read again transposed (mirrored codes). Every index is checked: any
//! grid of any size gives `None` or text, never a panic.

use super::reed_solomon;
use super::segments;

/// Error correction levels, in the order of [`BLOCKS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EcLevel {
    L = 0,
    M = 1,
    Q = 2,
    H = 3,
}

/// What the format information holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Format {
    pub(crate) level: EcLevel,
    pub(crate) mask: u8,
}

/// Generator polynomial of the format information BCH(15, 5) code and its mask (7.9.1).
const FORMAT_GENERATOR: u32 = 0x537;
pub(crate) const FORMAT_MASK: u32 = 0x5412;

/// The 15-bit format word (before masking) of the 5 data bits `data`.
pub(crate) fn format_information(data: u32) -> u32 {
    let mut remainder = data << 10;
    for bit in (10..15).rev() {
        if remainder & (1 << bit) != 0 {
            remainder ^= FORMAT_GENERATOR << (bit - 10);
        }
    }
    (data << 10) | remainder
}

/// The nearest valid format word to a read (masked) word: (bit errors, 5 data bits).
pub(crate) fn nearest_format(word: u32) -> (u32, u32) {
    (0..32)
        .map(|data| {
            (
                ((word ^ FORMAT_MASK) ^ format_information(data)).count_ones(),
                data,
            )
        })
        .min()
        .unwrap_or((15, 0))
}

/// The level and mask of 5 format data bits (7.9.1, table 12: L 01, M 00, Q 11, H 10).
fn format_from_data(data: u32) -> Format {
    let level = match (data >> 3) & 0b11 {
        0b01 => EcLevel::L,
        0b00 => EcLevel::M,
        0b11 => EcLevel::Q,
        _ => EcLevel::H,
    };
    Format {
        level,
        mask: (data & 0b111) as u8,
    }
}

/// Where bit `bit` (0-14) of the format information sits in each of its two copies (7.9.1,
/// figure 25): around the top-left finder, and split between the bottom-left (bits 14-8, up
/// column 8 from the bottom) and top-right (bits 7-0, along row 8 towards the right edge)
/// finders. As (column, row); the encoder writes and the decoder reads these places.
pub(crate) fn format_bit_positions(dimension: usize, bit: usize) -> [(usize, usize); 2] {
    const XS: [usize; 15] = [8, 8, 8, 8, 8, 8, 8, 8, 7, 5, 4, 3, 2, 1, 0];
    const YS: [usize; 15] = [0, 1, 2, 3, 4, 5, 7, 8, 8, 8, 8, 8, 8, 8, 8];
    let first = (
        XS.get(bit).copied().unwrap_or(8),
        YS.get(bit).copied().unwrap_or(8),
    );
    let second = if bit >= 8 {
        (8, (dimension + bit).saturating_sub(15))
    } else {
        (dimension.saturating_sub(1 + bit), 8)
    };
    [first, second]
}

/// The two format words as read (still masked): the copy around the top-left finder and the
/// copy split between the other two ([`format_bit_positions`]). `dark(x, y)` is column `x`,
/// row `y`.
pub(crate) fn read_format_words(dimension: usize, dark: &dyn Fn(usize, usize) -> bool) -> [u32; 2] {
    let mut words = [0u32; 2];
    for bit in 0..15 {
        for (word, (x, y)) in words.iter_mut().zip(format_bit_positions(dimension, bit)) {
            *word |= u32::from(dark(x, y)) << bit;
        }
    }
    words
}

/// The formats the grid may declare, most likely first: each copy's nearest codeword within 3
/// bit errors (the code's correcting power), the closer first, without repeats.
fn read_formats(dimension: usize, dark: &dyn Fn(usize, usize) -> bool) -> Vec<Format> {
    let mut candidates: Vec<(u32, u32)> = read_format_words(dimension, dark)
        .iter()
        .map(|&word| nearest_format(word))
        .filter(|&(distance, _)| distance <= 3)
        .collect();
    crate::sort::sort(&mut candidates);
    let mut formats: Vec<Format> = Vec::new();
    for (_, data) in candidates {
        let format = format_from_data(data);
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    formats
}

/// Generator polynomial of the version information BCH(18, 6) code (7.10, annex D).
const VERSION_GENERATOR: u32 = 0x1F25;

/// The 18-bit version information word of `version` (7-40).
pub(crate) fn version_information(version: u32) -> u32 {
    let mut remainder = version << 12;
    for bit in (12..18).rev() {
        if remainder & (1 << bit) != 0 {
            remainder ^= VERSION_GENERATOR << (bit - 12);
        }
    }
    (version << 12) | remainder
}

/// The version a read word is closest to, if within 3 bit errors (the code corrects 3).
pub(crate) fn nearest_version(word: u32) -> Option<usize> {
    (7..=40u32)
        .map(|v| (version_information(v) ^ word).count_ones() * 64 + v)
        .min()
        .filter(|&key| key / 64 <= 3)
        .map(|key| (key % 64) as usize)
}

/// Where bit `bit` (0-17) of the version information sits in each of its two copies (7.10,
/// figure 27): the block left of the top-right finder and the block above the bottom-left
/// finder, as (column, row).
pub(crate) fn version_bit_positions(dimension: usize, bit: usize) -> [(usize, usize); 2] {
    let base = dimension.saturating_sub(11);
    [(base + bit % 3, bit / 3), (bit / 3, base + bit % 3)]
}

/// The two version information words as read: the top-right copy, then the bottom-left one
/// ([`version_bit_positions`]), bit 0 first.
pub(crate) fn read_version_words(
    dimension: usize,
    dark: &dyn Fn(usize, usize) -> bool,
) -> [u32; 2] {
    let mut words = [0u32; 2];
    for bit in 0..18 {
        for (word, (x, y)) in words.iter_mut().zip(version_bit_positions(dimension, bit)) {
            *word |= u32::from(dark(x, y)) << bit;
        }
    }
    words
}

/// The version declared by the version information (both copies, the closer one first), for
/// grids of at least 45 modules (version 7); `None` when neither copy is within 3 bit errors.
pub(crate) fn read_version(dimension: usize, dark: &dyn Fn(usize, usize) -> bool) -> Option<usize> {
    if dimension < 45 {
        return None;
    }
    let [first, second] = read_version_words(dimension, dark);
    let distance = |word: u32, version: usize| {
        u32::try_from(version)
            .map(|v| (version_information(v) ^ word).count_ones())
            .unwrap_or(18)
    };
    match (nearest_version(first), nearest_version(second)) {
        (Some(a), Some(b)) if distance(second, b) < distance(first, a) => Some(b),
        (Some(a), _) => Some(a),
        (None, b) => b,
    }
}

/// Error correction blocks of each version (1-40) and level (L, M, Q, H): error correction
/// codewords per block, then the count and data codewords of the short blocks, then those of
/// the long blocks (one data codeword more; 0, 0 when there are none).
// Source: ISO/IEC 18004:2015 table 9 (error correction characteristics for QR Code); checked
// against the qrcode crate's encoder and against the modules each version holds in the tests.
pub(crate) const BLOCKS: [[[u8; 5]; 4]; 40] = [
    [
        [7, 1, 19, 0, 0],
        [10, 1, 16, 0, 0],
        [13, 1, 13, 0, 0],
        [17, 1, 9, 0, 0],
    ], // 1
    [
        [10, 1, 34, 0, 0],
        [16, 1, 28, 0, 0],
        [22, 1, 22, 0, 0],
        [28, 1, 16, 0, 0],
    ], // 2
    [
        [15, 1, 55, 0, 0],
        [26, 1, 44, 0, 0],
        [18, 2, 17, 0, 0],
        [22, 2, 13, 0, 0],
    ], // 3
    [
        [20, 1, 80, 0, 0],
        [18, 2, 32, 0, 0],
        [26, 2, 24, 0, 0],
        [16, 4, 9, 0, 0],
    ], // 4
    [
        [26, 1, 108, 0, 0],
        [24, 2, 43, 0, 0],
        [18, 2, 15, 2, 16],
        [22, 2, 11, 2, 12],
    ], // 5
    [
        [18, 2, 68, 0, 0],
        [16, 4, 27, 0, 0],
        [24, 4, 19, 0, 0],
        [28, 4, 15, 0, 0],
    ], // 6
    [
        [20, 2, 78, 0, 0],
        [18, 4, 31, 0, 0],
        [18, 2, 14, 4, 15],
        [26, 4, 13, 1, 14],
    ], // 7
    [
        [24, 2, 97, 0, 0],
        [22, 2, 38, 2, 39],
        [22, 4, 18, 2, 19],
        [26, 4, 14, 2, 15],
    ], // 8
    [
        [30, 2, 116, 0, 0],
        [22, 3, 36, 2, 37],
        [20, 4, 16, 4, 17],
        [24, 4, 12, 4, 13],
    ], // 9
    [
        [18, 2, 68, 2, 69],
        [26, 4, 43, 1, 44],
        [24, 6, 19, 2, 20],
        [28, 6, 15, 2, 16],
    ], // 10
    [
        [20, 4, 81, 0, 0],
        [30, 1, 50, 4, 51],
        [28, 4, 22, 4, 23],
        [24, 3, 12, 8, 13],
    ], // 11
    [
        [24, 2, 92, 2, 93],
        [22, 6, 36, 2, 37],
        [26, 4, 20, 6, 21],
        [28, 7, 14, 4, 15],
    ], // 12
    [
        [26, 4, 107, 0, 0],
        [22, 8, 37, 1, 38],
        [24, 8, 20, 4, 21],
        [22, 12, 11, 4, 12],
    ], // 13
    [
        [30, 3, 115, 1, 116],
        [24, 4, 40, 5, 41],
        [20, 11, 16, 5, 17],
        [24, 11, 12, 5, 13],
    ], // 14
    [
        [22, 5, 87, 1, 88],
        [24, 5, 41, 5, 42],
        [30, 5, 24, 7, 25],
        [24, 11, 12, 7, 13],
    ], // 15
    [
        [24, 5, 98, 1, 99],
        [28, 7, 45, 3, 46],
        [24, 15, 19, 2, 20],
        [30, 3, 15, 13, 16],
    ], // 16
    [
        [28, 1, 107, 5, 108],
        [28, 10, 46, 1, 47],
        [28, 1, 22, 15, 23],
        [28, 2, 14, 17, 15],
    ], // 17
    [
        [30, 5, 120, 1, 121],
        [26, 9, 43, 4, 44],
        [28, 17, 22, 1, 23],
        [28, 2, 14, 19, 15],
    ], // 18
    [
        [28, 3, 113, 4, 114],
        [26, 3, 44, 11, 45],
        [26, 17, 21, 4, 22],
        [26, 9, 13, 16, 14],
    ], // 19
    [
        [28, 3, 107, 5, 108],
        [26, 3, 41, 13, 42],
        [30, 15, 24, 5, 25],
        [28, 15, 15, 10, 16],
    ], // 20
    [
        [28, 4, 116, 4, 117],
        [26, 17, 42, 0, 0],
        [28, 17, 22, 6, 23],
        [30, 19, 16, 6, 17],
    ], // 21
    [
        [28, 2, 111, 7, 112],
        [28, 17, 46, 0, 0],
        [30, 7, 24, 16, 25],
        [24, 34, 13, 0, 0],
    ], // 22
    [
        [30, 4, 121, 5, 122],
        [28, 4, 47, 14, 48],
        [30, 11, 24, 14, 25],
        [30, 16, 15, 14, 16],
    ], // 23
    [
        [30, 6, 117, 4, 118],
        [28, 6, 45, 14, 46],
        [30, 11, 24, 16, 25],
        [30, 30, 16, 2, 17],
    ], // 24
    [
        [26, 8, 106, 4, 107],
        [28, 8, 47, 13, 48],
        [30, 7, 24, 22, 25],
        [30, 22, 15, 13, 16],
    ], // 25
    [
        [28, 10, 114, 2, 115],
        [28, 19, 46, 4, 47],
        [28, 28, 22, 6, 23],
        [30, 33, 16, 4, 17],
    ], // 26
    [
        [30, 8, 122, 4, 123],
        [28, 22, 45, 3, 46],
        [30, 8, 23, 26, 24],
        [30, 12, 15, 28, 16],
    ], // 27
    [
        [30, 3, 117, 10, 118],
        [28, 3, 45, 23, 46],
        [30, 4, 24, 31, 25],
        [30, 11, 15, 31, 16],
    ], // 28
    [
        [30, 7, 116, 7, 117],
        [28, 21, 45, 7, 46],
        [30, 1, 23, 37, 24],
        [30, 19, 15, 26, 16],
    ], // 29
    [
        [30, 5, 115, 10, 116],
        [28, 19, 47, 10, 48],
        [30, 15, 24, 25, 25],
        [30, 23, 15, 25, 16],
    ], // 30
    [
        [30, 13, 115, 3, 116],
        [28, 2, 46, 29, 47],
        [30, 42, 24, 1, 25],
        [30, 23, 15, 28, 16],
    ], // 31
    [
        [30, 17, 115, 0, 0],
        [28, 10, 46, 23, 47],
        [30, 10, 24, 35, 25],
        [30, 19, 15, 35, 16],
    ], // 32
    [
        [30, 17, 115, 1, 116],
        [28, 14, 46, 21, 47],
        [30, 29, 24, 19, 25],
        [30, 11, 15, 46, 16],
    ], // 33
    [
        [30, 13, 115, 6, 116],
        [28, 14, 46, 23, 47],
        [30, 44, 24, 7, 25],
        [30, 59, 16, 1, 17],
    ], // 34
    [
        [30, 12, 121, 7, 122],
        [28, 12, 47, 26, 48],
        [30, 39, 24, 14, 25],
        [30, 22, 15, 41, 16],
    ], // 35
    [
        [30, 6, 121, 14, 122],
        [28, 6, 47, 34, 48],
        [30, 46, 24, 10, 25],
        [30, 2, 15, 64, 16],
    ], // 36
    [
        [30, 17, 122, 4, 123],
        [28, 29, 46, 14, 47],
        [30, 49, 24, 10, 25],
        [30, 24, 15, 46, 16],
    ], // 37
    [
        [30, 4, 122, 18, 123],
        [28, 13, 46, 32, 47],
        [30, 48, 24, 14, 25],
        [30, 42, 15, 32, 16],
    ], // 38
    [
        [30, 20, 117, 4, 118],
        [28, 40, 47, 7, 48],
        [30, 43, 24, 22, 25],
        [30, 10, 15, 67, 16],
    ], // 39
    [
        [30, 19, 118, 6, 119],
        [28, 18, 47, 31, 48],
        [30, 34, 24, 34, 25],
        [30, 20, 15, 61, 16],
    ], // 40
];

/// The block structure of `version` at `level`: (EC codewords per block, data codewords of
/// each block, the short blocks first).
pub(crate) fn block_layout(version: usize, level: EcLevel) -> Option<(usize, Vec<usize>)> {
    let [ec, short_count, short_data, long_count, long_data] =
        *BLOCKS.get(version.checked_sub(1)?)?.get(level as usize)?;
    let mut data = vec![usize::from(short_data); usize::from(short_count)];
    data.extend(std::iter::repeat_n(
        usize::from(long_data),
        usize::from(long_count),
    ));
    Some((usize::from(ec), data))
}

/// Centres of the alignment patterns on each axis (annex E, table E.1): evenly spaced from
/// `dimension - 7` down towards 6, the spacing rounded up to even (version 32 is the one
/// exception of the table, 26).
pub(crate) fn alignment_centres(version: usize) -> Vec<usize> {
    if version < 2 {
        return Vec::new();
    }
    let dimension = 17 + 4 * version;
    let count = version / 7 + 2;
    let step = if version == 32 {
        26
    } else {
        (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
    };
    let mut centres: Vec<usize> = (0..count - 1)
        .filter_map(|i| (dimension - 7).checked_sub(i * step))
        .collect();
    centres.push(6);
    centres.reverse();
    centres
}

/// Which modules of a `version` symbol are function patterns (row-major, `true` = function).
pub(crate) fn function_modules(version: usize) -> Vec<bool> {
    let dimension = 17 + 4 * version;
    let mut function = vec![false; dimension * dimension];
    let mut mark = |xs: core::ops::Range<usize>, ys: core::ops::Range<usize>| {
        for y in ys {
            for x in xs.clone() {
                if x < dimension
                    && let Some(module) = function.get_mut(y * dimension + x)
                {
                    *module = true;
                }
            }
        }
    };
    let far = dimension - 8;
    // Finders with separators and format information (the dark module is in the bottom-left
    // area, column 8, row dimension - 8).
    mark(0..9, 0..9);
    mark(far..dimension, 0..9);
    mark(0..9, far..dimension);
    // Timing patterns.
    mark(6..7, 0..dimension);
    mark(0..dimension, 6..7);
    // Version information.
    if version >= 7 {
        mark(dimension - 11..dimension - 8, 0..6);
        mark(0..6, dimension - 11..dimension - 8);
    }
    let centres = alignment_centres(version);
    let last = centres.len().saturating_sub(1);
    for (i, &cy) in centres.iter().enumerate() {
        for (j, &cx) in centres.iter().enumerate() {
            // The three corners where the finder patterns are.
            if (i == 0 && (j == 0 || j == last)) || (i == last && j == 0) {
                continue;
            }
            mark(cx - 2..cx + 3, cy - 2..cy + 3);
        }
    }
    function
}

/// Whether the mask pattern `mask` inverts the module at row `y`, column `x` (7.8.2, table 10).
pub(crate) fn mask_bit(mask: u8, x: usize, y: usize) -> bool {
    match mask {
        0 => (y + x).is_multiple_of(2),
        1 => y.is_multiple_of(2),
        2 => x.is_multiple_of(3),
        3 => (y + x).is_multiple_of(3),
        4 => (y / 2 + x / 3).is_multiple_of(2),
        5 => (y * x) % 2 + (y * x) % 3 == 0,
        6 => ((y * x) % 2 + (y * x) % 3).is_multiple_of(2),
        _ => ((y + x) % 2 + (y * x) % 3).is_multiple_of(2),
    }
}

/// The data modules of a `version` symbol (1-40) in placement order (7.7.3), as (column, row):
/// two-column strips from the right edge, up then down, right column first, skipping the
/// vertical timing column and every module `function` marks. The encoder places codeword bits
/// in this order and the decoder reads them back in it.
pub(crate) fn placement_order(
    version: usize,
    function: &[bool],
) -> impl Iterator<Item = (usize, usize)> + '_ {
    let dimension = 17 + 4 * version;
    // `dimension` is odd, so every strip's right column is at least 2 (and at least 1 once
    // moved left of the timing column).
    (0..dimension / 2)
        .flat_map(move |strip| {
            let right = dimension - 1 - 2 * strip;
            let right = if right <= 6 { right - 1 } else { right };
            let upward = strip % 2 == 0;
            (0..dimension).flat_map(move |step| {
                let y = if upward { dimension - 1 - step } else { step };
                [(right, y), (right - 1, y)]
            })
        })
        .filter(move |&(x, y)| !function.get(y * dimension + x).copied().unwrap_or(true))
}

/// The data and error correction codewords in placement order ([`placement_order`]),
/// unmasked. Remainder bits at the end are dropped.
fn read_codewords(
    version: usize,
    function: &[bool],
    mask: u8,
    dark: &dyn Fn(usize, usize) -> bool,
) -> Vec<u8> {
    let mut codewords = Vec::with_capacity(function.len() / 8);
    let mut current = 0u8;
    let mut bits = 0u32;
    for (x, y) in placement_order(version, function) {
        let bit = dark(x, y) ^ mask_bit(mask, x, y);
        current = (current << 1) | u8::from(bit);
        bits += 1;
        if bits == 8 {
            codewords.push(current);
            current = 0;
            bits = 0;
        }
    }
    codewords
}

/// Splits interleaved codewords into blocks (8.6: data codewords column by column over the
/// blocks, the long blocks' extra codeword last, then the EC codewords likewise), corrects each
/// block and returns the data codewords in order.
fn deinterleave_and_correct(codewords: &[u8], ec: usize, data: &[usize]) -> Option<Vec<u8>> {
    let mut blocks: Vec<Vec<u8>> = data.iter().map(|&d| Vec::with_capacity(d + ec)).collect();
    let mut stream = codewords.iter().copied();
    let longest = data.iter().copied().max()?;
    for i in 0..longest {
        for (block, &d) in blocks.iter_mut().zip(data) {
            if i < d {
                block.push(stream.next()?);
            }
        }
    }
    for _ in 0..ec {
        for block in &mut blocks {
            block.push(stream.next()?);
        }
    }
    let mut out = Vec::with_capacity(data.iter().sum());
    for (block, &d) in blocks.iter_mut().zip(data) {
        reed_solomon::correct(block, ec).ok()?;
        out.extend_from_slice(block.get(..d)?);
    }
    Some(out)
}

/// Decodes a grid read through `dark(x, y)` with a given format.
fn decode_with(
    version: usize,
    format: Format,
    function: &[bool],
    dark: &dyn Fn(usize, usize) -> bool,
) -> Option<Vec<u8>> {
    let (ec, data) = block_layout(version, format.level)?;
    let codewords = read_codewords(version, function, format.mask, dark);
    let corrected = deinterleave_and_correct(&codewords, ec, &data)?;
    segments::parse(&corrected, version)
}

/// The payload of a square grid (row-major, `true` dark, `dimension` = 17 + 4 * version for a
/// version 1-40), read as it is and, failing that, transposed; `None` when neither reads.
pub(crate) fn decode_grid(dimension: usize, modules: &[bool]) -> Option<Vec<u8>> {
    if !(21..=177).contains(&dimension)
        || !(dimension - 17).is_multiple_of(4)
        || modules.len() != dimension.checked_mul(dimension)?
    {
        return None;
    }
    let version = (dimension - 17) / 4;
    let function = function_modules(version);
    let straight = |x: usize, y: usize| modules.get(y * dimension + x).copied().unwrap_or(false);
    let transposed = |x: usize, y: usize| modules.get(x * dimension + y).copied().unwrap_or(false);
    for dark in [&straight as &dyn Fn(usize, usize) -> bool, &transposed] {
        for format in read_formats(dimension, dark) {
            if let Some(payload) = decode_with(version, format, &function, dark) {
                return Some(payload);
            }
        }
    }
    None
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use qrcode::bits::Bits;
    use qrcode::canvas::{Canvas, MaskPattern};
    use qrcode::types::{Color, Version};

    const MASKS: [MaskPattern; 8] = [
        MaskPattern::Checkerboard,
        MaskPattern::HorizontalLines,
        MaskPattern::VerticalLines,
        MaskPattern::DiagonalLines,
        MaskPattern::LargeCheckerboard,
        MaskPattern::Fields,
        MaskPattern::Diamonds,
        MaskPattern::Meadow,
    ];
    const LEVELS: [(EcLevel, qrcode::EcLevel); 4] = [
        (EcLevel::L, qrcode::EcLevel::L),
        (EcLevel::M, qrcode::EcLevel::M),
        (EcLevel::Q, qrcode::EcLevel::Q),
        (EcLevel::H, qrcode::EcLevel::H),
    ];

    /// A grid drawn by the qrcode crate's encoder from finished segments: (dimension, modules).
    fn grid_of(mut bits: Bits, level: qrcode::EcLevel, mask: MaskPattern) -> (usize, Vec<bool>) {
        let version = bits.version();
        bits.push_terminator(level).unwrap();
        let (data, ec) =
            qrcode::ec::construct_codewords(&bits.into_bytes(), version, level).unwrap();
        let mut canvas = Canvas::new(version, level);
        canvas.draw_all_functional_patterns();
        canvas.draw_data(&data, &ec);
        canvas.apply_mask(mask);
        let modules = canvas
            .into_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        (version.width() as usize, modules)
    }

    /// Data capacity in bits of a version and level.
    fn capacity(version: usize, level: qrcode::EcLevel) -> usize {
        Bits::new(Version::Normal(version as i16))
            .max_len(level)
            .unwrap()
    }

    fn text_of(len: usize, alphabet: &[u8], seed: usize) -> Vec<u8> {
        (0..len)
            .map(|i| alphabet[(i * 7 + seed * 13 + i / 5) % alphabet.len()])
            .collect()
    }

    fn transpose(dimension: usize, modules: &[bool]) -> Vec<bool> {
        (0..dimension * dimension)
            .map(|i| modules[(i % dimension) * dimension + i / dimension])
            .collect()
    }

    // Source: ISO/IEC 18004:2015 annex C, table C.1 (level M, mask 5: 100000011001110 after
    // masking).
    #[test]
    fn format_information_words() {
        assert_eq!(
            format_information(0b00101) ^ FORMAT_MASK,
            0b100_0000_1100_1110
        );
        assert_eq!(format_information(0), 0);
        assert_eq!(
            format_from_data(0b00101),
            Format {
                level: EcLevel::M,
                mask: 5
            }
        );
        assert_eq!(format_from_data(0b01000).level, EcLevel::L);
        assert_eq!(format_from_data(0b11000).level, EcLevel::Q);
        assert_eq!(format_from_data(0b10111).level, EcLevel::H);
    }

    #[test]
    fn format_information_corrects_up_to_three_bit_errors() {
        for data in 0..32u32 {
            let word = format_information(data) ^ FORMAT_MASK;
            for a in 0..15 {
                for b in a..15 {
                    for c in b..15 {
                        // 0 (a = b = c cancel to one flip, or none), 1, 2 or 3 errors.
                        let damaged = word ^ (1 << a) ^ (1 << b) ^ (1 << c);
                        let (distance, found) = nearest_format(damaged);
                        assert!(distance <= 3);
                        assert_eq!(found, data, "{data:05b} {a} {b} {c}");
                    }
                }
            }
            assert_eq!(nearest_format(word), (0, data));
        }
    }

    // Source: ISO/IEC 18004:2015 annex D, table D.1 (version information bit streams).
    #[test]
    fn version_information_words_and_three_bit_errors() {
        assert_eq!(version_information(7), 0x07C94);
        assert_eq!(version_information(8), 0x085BC);
        assert_eq!(version_information(40), 0x28C69);
        for version in 7..=40u32 {
            let word = version_information(version);
            for a in 0..18 {
                for b in a..18 {
                    for c in b..18 {
                        let damaged = word ^ (1 << a) ^ (1 << b) ^ (1 << c);
                        assert_eq!(nearest_version(damaged), Some(version as usize));
                    }
                }
            }
        }
        assert_eq!(nearest_version(0x07C94 ^ 0b1111), None);
    }

    #[test]
    fn version_information_read_from_both_copies() {
        let bits = {
            let mut bits = Bits::new(Version::Normal(9));
            bits.push_byte_data(b"x").unwrap();
            bits
        };
        let (dimension, mut modules) = grid_of(bits, qrcode::EcLevel::M, MASKS[0]);
        let dark = |m: &Vec<bool>| {
            let m = m.clone();
            move |x: usize, y: usize| m[y * dimension + x]
        };
        assert_eq!(read_version(dimension, &dark(&modules)), Some(9));
        // Three errors in the top-right copy, the other intact.
        for (x, y) in [(dimension - 11, 0), (dimension - 10, 2), (dimension - 9, 5)] {
            modules[y * dimension + x] ^= true;
        }
        assert_eq!(read_version(dimension, &dark(&modules)), Some(9));
        // The top-right copy destroyed: the bottom-left one still reads.
        for x in dimension - 11..dimension - 8 {
            for y in 0..6 {
                modules[y * dimension + x] = true;
            }
        }
        assert_eq!(read_version(dimension, &dark(&modules)), Some(9));
        assert_eq!(read_version(21, &dark(&modules)), None);
    }

    #[test]
    fn block_table_matches_the_qrcode_encoder_and_the_symbol_area() {
        for version in 1..=40usize {
            let function = function_modules(version);
            let dimension = 17 + 4 * version;
            let data_modules = function.iter().filter(|&&f| !f).count();
            for (level, theirs) in LEVELS {
                let (ec, data) = block_layout(version, level).unwrap();
                let data_total: usize = data.iter().sum();
                assert_eq!(
                    data_total * 8,
                    capacity(version, theirs),
                    "{version}-{level:?}"
                );
                assert_eq!(
                    (data_total + ec * data.len()),
                    data_modules / 8,
                    "{version}-{level:?}"
                );
                // Interleaving: our de-interleaving inverts the encoder's.
                let raw: Vec<u8> = (0..data_total).map(|i| (i * 7 + 3) as u8).collect();
                let (interleaved, ec_codes) =
                    qrcode::ec::construct_codewords(&raw, Version::Normal(version as i16), theirs)
                        .unwrap();
                assert_eq!(ec_codes.len(), ec * data.len());
                let mut codewords = interleaved;
                codewords.extend(ec_codes);
                assert_eq!(deinterleave_and_correct(&codewords, ec, &data), Some(raw));
            }
            // Function patterns: the encoder's, plus the version information areas.
            for y in 0..dimension {
                for x in 0..dimension {
                    let version_area = version >= 7
                        && ((x + 11 >= dimension && x + 8 < dimension && y < 6)
                            || (y + 11 >= dimension && y + 8 < dimension && x < 6));
                    let theirs = qrcode::canvas::is_functional(
                        Version::Normal(version as i16),
                        dimension as i16,
                        x as i16,
                        y as i16,
                    );
                    assert_eq!(
                        function[y * dimension + x],
                        theirs || version_area,
                        "{version} {x} {y}"
                    );
                }
            }
        }
    }

    // Source: ISO/IEC 18004:2015 7.7.3 and table 1 (codewords and remainder bits of each
    // version: 0 for versions 1, 7-13 and 35-40, 7 for 2-6, 3 for 14-20 and 28-34, 4 for 21-27).
    #[test]
    fn placement_order_visits_every_data_module_once_from_the_bottom_right() {
        for version in 1..=40usize {
            let function = function_modules(version);
            let dimension = 17 + 4 * version;
            let order: Vec<(usize, usize)> = placement_order(version, &function).collect();
            let mut seen = vec![false; dimension * dimension];
            for &(x, y) in &order {
                assert!(
                    !function[y * dimension + x],
                    "{version}: function module {x},{y}"
                );
                assert!(!std::mem::replace(&mut seen[y * dimension + x], true));
            }
            let (ec, data) = block_layout(version, EcLevel::L).unwrap();
            let codewords = data.iter().sum::<usize>() + ec * data.len();
            let remainder = match version {
                2..=6 => 7,
                14..=20 | 28..=34 => 3,
                21..=27 => 4,
                _ => 0,
            };
            assert_eq!(order.len(), 8 * codewords + remainder, "version {version}");
        }
        // Version 1: up the two rightmost columns, right column first, then down the next two.
        let order: Vec<(usize, usize)> = placement_order(1, &function_modules(1)).collect();
        assert_eq!(order[..4], [(20, 20), (19, 20), (20, 19), (19, 19)]);
        assert_eq!(order[24..26], [(18, 9), (17, 9)]);
    }

    // Source: ISO/IEC 18004:2015 annex E, table E.1 (row and column coordinates of the
    // alignment pattern centres).
    #[test]
    fn alignment_centres_of_annex_e() {
        assert_eq!(alignment_centres(1), Vec::<usize>::new());
        assert_eq!(alignment_centres(2), [6, 18]);
        assert_eq!(alignment_centres(7), [6, 22, 38]);
        assert_eq!(alignment_centres(32), [6, 34, 60, 86, 112, 138]);
        assert_eq!(alignment_centres(36), [6, 24, 50, 76, 102, 128, 154]);
        assert_eq!(alignment_centres(40), [6, 30, 58, 86, 114, 142, 170]);
    }

    #[test]
    fn round_trips_every_version_level_and_segment_kind() {
        for version in 1..=40usize {
            for (index, (_, level)) in LEVELS.iter().enumerate() {
                let room = capacity(version, *level) - 40;
                let mask = MASKS[(version + index) % 8];
                let v = Version::Normal(version as i16);
                let numeric = text_of(room / 4, b"0123456789", version);
                let alphanumeric = text_of(
                    room / 6,
                    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:",
                    version,
                );
                let utf8 = "Тіркеу é ".repeat(room / 8 / 13 + 1);
                let utf8 = &utf8.as_bytes()[..utf8
                    .char_indices()
                    .map(|(i, _)| i)
                    .take_while(|&i| i <= room / 8 - 4)
                    .last()
                    .unwrap_or(0)];
                let mut cases: Vec<(Bits, Vec<u8>)> = Vec::new();
                let mut bits = Bits::new(v);
                bits.push_numeric_data(&numeric).unwrap();
                cases.push((bits, numeric.clone()));
                let mut bits = Bits::new(v);
                bits.push_alphanumeric_data(&alphanumeric).unwrap();
                cases.push((bits, alphanumeric.clone()));
                let mut bits = Bits::new(v);
                bits.push_eci_designator(26).unwrap();
                bits.push_byte_data(utf8).unwrap();
                cases.push((bits, utf8.to_vec()));
                // Mixed: numeric, alphanumeric and byte segments in one symbol.
                if capacity(version, *level) >= 200 {
                    let third = (capacity(version, *level) - 100) / 3;
                    let (n, a) = (&numeric[..third / 4], &alphanumeric[..third / 6]);
                    let mut bits = Bits::new(v);
                    bits.push_numeric_data(n).unwrap();
                    bits.push_alphanumeric_data(a).unwrap();
                    bits.push_byte_data("é".as_bytes()).unwrap();
                    cases.push((bits, [n, a, "é".as_bytes()].concat()));
                }
                for (bits, expected) in cases {
                    let (dimension, modules) = grid_of(bits, *level, mask);
                    assert_eq!(dimension, 17 + 4 * version);
                    assert_eq!(
                        decode_grid(dimension, &modules).as_ref(),
                        Some(&expected),
                        "{version}-{level:?}"
                    );
                    let mirrored = transpose(dimension, &modules);
                    assert_eq!(
                        decode_grid(dimension, &mirrored),
                        Some(expected),
                        "{version}-{level:?} mirrored"
                    );
                }
            }
        }
    }

    #[test]
    fn every_mask_pattern_reads() {
        for (mask_index, mask) in MASKS.into_iter().enumerate() {
            for version in [1, 7, 22] {
                let mut bits = Bits::new(Version::Normal(version));
                bits.push_alphanumeric_data(b"KZ1:MASK TEST").unwrap();
                let (dimension, modules) = grid_of(bits, qrcode::EcLevel::Q, mask);
                let dark = |x: usize, y: usize| modules[y * dimension + x];
                assert_eq!(
                    read_formats(dimension, &dark),
                    [Format {
                        level: EcLevel::Q,
                        mask: mask_index as u8
                    }]
                );
                assert_eq!(
                    decode_grid(dimension, &modules).as_deref(),
                    Some(&b"KZ1:MASK TEST"[..])
                );
            }
        }
    }

    #[test]
    fn format_copies_with_three_errors_each_or_one_destroyed() {
        let mut bits = Bits::new(Version::Normal(3));
        bits.push_alphanumeric_data(b"FORMAT").unwrap();
        let (dimension, clean) = grid_of(bits, qrcode::EcLevel::H, MASKS[3]);
        let mut modules = clean.clone();
        // Three errors in each copy.
        for (x, y) in [
            (8, 0),
            (8, 3),
            (2, 8),
            (8, dimension - 1),
            (dimension - 3, 8),
            (dimension - 8, 8),
        ] {
            modules[y * dimension + x] ^= true;
        }
        assert_eq!(
            decode_grid(dimension, &modules).as_deref(),
            Some(&b"FORMAT"[..])
        );
        // The first copy wiped out entirely.
        let mut modules = clean.clone();
        for i in 0..9 {
            modules[8 * dimension + i] = false;
            modules[i * dimension + 8] = false;
        }
        assert_eq!(
            decode_grid(dimension, &modules).as_deref(),
            Some(&b"FORMAT"[..])
        );
    }

    #[test]
    fn garbage_grids_do_not_decode_or_panic() {
        assert_eq!(decode_grid(22, &[false; 22 * 22]), None);
        assert_eq!(decode_grid(21, &[false; 10]), None);
        assert_eq!(decode_grid(21, &[true; 21 * 21]), None);
        assert_eq!(decode_grid(181, &vec![true; 181 * 181]), None);
        assert_eq!(decode_grid(0, &[]), None);
        let mut state = 1u64;
        for dimension in (21..=177).step_by(4) {
            let modules: Vec<bool> = (0..dimension * dimension)
                .map(|_| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    state >> 63 == 1
                })
                .collect();
            assert_eq!(decode_grid(dimension, &modules), None);
        }
    }

    /// Module positions (x, y) of each codeword, in placement order, for a version.
    fn codeword_modules(version: usize) -> Vec<Vec<(usize, usize)>> {
        let function = function_modules(version);
        let positions: Vec<(usize, usize)> = placement_order(version, &function).collect();
        positions.chunks_exact(8).map(<[_]>::to_vec).collect()
    }

    /// Index in the placement order of codeword `i` of block `block` (data then EC).
    fn stream_index(data: &[usize], block: usize, i: usize) -> usize {
        let shortest = data.iter().copied().min().unwrap();
        let blocks = data.len();
        let short_blocks = data.iter().filter(|&&d| d == shortest).count();
        let data_total: usize = data.iter().sum();
        if i < data[block] {
            if i < shortest {
                i * blocks + block
            } else {
                shortest * blocks + (block - short_blocks)
            }
        } else {
            data_total + (i - data[block]) * blocks + block
        }
    }

    fn config() -> ProptestConfig {
        let cases = std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(64);
        ProptestConfig {
            cases,
            ..ProptestConfig::default()
        }
    }

    proptest! {
        #![proptest_config(config())]

        /// Up to ec / 2 damaged codewords in one block decode to the text; more never decode
        /// to a different text (only to nothing, or, with the tiny probability of a
        /// Reed-Solomon miscorrection, which this test would catch, something else).
        #[test]
        fn corrects_up_to_half_the_ec_codewords_of_a_block(
            version in 1usize..=40,
            level_index in 0usize..4,
            seed in any::<u64>(),
            extra in 1usize..4,
        ) {
            let (level, theirs) = LEVELS[level_index];
            let text = text_of(capacity(version, theirs) / 8 - 3, b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef", seed as usize % 97);
            let mut bits = Bits::new(Version::Normal(version as i16));
            bits.push_byte_data(&text).unwrap();
            let (dimension, clean) = grid_of(bits, theirs, MASKS[seed as usize % 8]);
            let (ec, data) = block_layout(version, level).unwrap();
            let block = (seed as usize / 8) % data.len();
            let length = data[block] + ec;
            let codewords = codeword_modules(version);
            let mut rng = seed | 1;
            let mut next = move || { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; rng };
            // Distinct codeword indices of the block, in random order.
            let mut order: Vec<usize> = (0..length).collect();
            for i in (1..order.len()).rev() {
                order.swap(i, (next() % (i as u64 + 1)) as usize);
            }
            let damage = |count: usize, next: &mut dyn FnMut() -> u64| {
                let mut modules = clean.clone();
                for &i in &order[..count] {
                    let pattern = (next() % 255 + 1) as u8;
                    let positions = &codewords[stream_index(&data, block, i)];
                    for (bit, &(x, y)) in positions.iter().enumerate() {
                        if pattern >> (7 - bit) & 1 == 1 {
                            modules[y * dimension + x] ^= true;
                        }
                    }
                }
                modules
            };
            let correctable = damage(ec / 2, &mut next);
            prop_assert_eq!(decode_grid(dimension, &correctable), Some(text.clone()));
            let too_many = damage((ec / 2 + extra).min(length), &mut next);
            prop_assert_eq!(decode_grid(dimension, &too_many), None);
        }
    }
}
