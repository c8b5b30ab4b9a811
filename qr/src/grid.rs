//! From a sampled module grid to the payload bytes, without any other crate (ISO/IEC
//! 18004:2015, 7.7 to 7.9 and annexes B to E read backwards):
//!
//! 1. the format information (both copies, BCH(15, 5), nearest codeword within 3 bit errors)
//!    gives the error correction level and the mask;
//! 2. the function patterns (finders and separators, timing, alignment patterns, format and
//!    version areas, the dark module) are skipped, the data modules unmasked and read in the
//!    two-column zigzag into codewords;
//! 3. the codewords are de-interleaved into their blocks ([`BLOCKS`](super::symbol::BLOCKS)), each corrected by
//!    Reed-Solomon ([`reed_solomon`](super::reed_solomon));
//! 4. the data codewords are parsed into segments ([`segments`](super::segments)).
//!
//! The symbol's structure (where the format and version bits sit, the blocks, the function
//! modules, the masks, the placement order) is [`symbol`](super::symbol)'s, shared with the
//! encoder.
//!
//! The version is the grid's size (`17 + 4 * version`): the caller has already used the version
//! information to pick the size to sample, so when the two disagree here the size wins.
//! A grid that fails is read again transposed (mirrored codes). Every index is checked: any
//! grid of any size gives `None` or text, never a panic.

use super::reed_solomon;
use super::segments::{self, Payload};
use super::symbol::{
    Format, block_layout, format_bit_positions, format_from_data, function_modules, mask_bit,
    nearest_format, nearest_version, placement_order, version_bit_positions, version_information,
};

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
    crate::sort::sort_by(&mut candidates, |a, b| a < b);
    let mut formats: Vec<Format> = Vec::new();
    for (_, data) in candidates {
        let format = format_from_data(data);
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    formats
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
) -> Option<Payload> {
    let (ec, data) = block_layout(version, format.level)?;
    let codewords = read_codewords(version, function, format.mask, dark);
    let corrected = deinterleave_and_correct(&codewords, ec, &data)?;
    segments::parse(&corrected, version)
}

/// The payload of a square grid (row-major, `true` dark, `dimension` = 17 + 4 * version for a
/// version 1-40), read as it is and, failing that, transposed; `None` when neither reads.
pub(crate) fn decode_grid(dimension: usize, modules: &[bool]) -> Option<Payload> {
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
mod tests;
