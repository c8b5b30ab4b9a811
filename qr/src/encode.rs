//! From alphanumeric text to the modules of a QR symbol at error correction level Q (ISO/IEC
//! 18004:2015, clause 7 forwards), built on the decoder's own pieces:
//!
//! 1. the data bit stream: one alphanumeric segment, the terminator, zero bits to the byte and
//!    the pad codewords 0xEC 0x11 (7.4.4, 7.4.9, 7.4.10);
//! 2. the data codewords split into the blocks of [`block_layout`], each with its Reed-Solomon
//!    error correction codewords ([`reed_solomon::error_correction`]), then interleaved (7.6);
//! 3. the function patterns (finders with separators, timing, alignment patterns, version
//!    information, the dark module) and the codeword bits in [`placement_order`] (7.7);
//! 4. each of the 8 masks applied with its format information, and the one with the lowest
//!    penalty (7.8.3) kept.
//!
//! The penalty is the one the `qrcode` crate (0.14) computes, so that both give the same symbol
//! for the same text: rules 1 to 3 as the standard words them, and rule 4 as 1 point for each
//! 0.5 % the dark share deviates from 50 %, rounded down, where the standard gives 10 points
//! for each whole 5 %. (The crate also subtracts a constant 720 for the finder patterns' own
//! rule 3 matches, which changes no choice.) `tests/codec/encode.rs` compares the two module for
//! module.

use super::reed_solomon;
use super::symbol::{
    EcLevel, FORMAT_MASK, alignment_centres, block_layout, format_bit_positions,
    format_information, function_modules, mask_bit, placement_order, version_bit_positions,
    version_information,
};

/// Mode indicator of an alphanumeric segment (7.4.2, table 2).
const MODE_ALPHANUMERIC: u32 = 0b0010;

/// The two pad codewords, alternating after the terminator (7.4.10).
const PAD_CODEWORDS: [u8; 2] = [0xEC, 0x11];

/// Format information error correction level bits of level Q (7.9.1, table 12).
const LEVEL_Q_BITS: u32 = 0b11;

/// Bits of the character count of an alphanumeric segment in `version` (7.4.2, table 3).
fn count_bits(version: usize) -> usize {
    match version {
        1..=9 => 9,
        10..=26 => 11,
        _ => 13,
    }
}

/// Bits an alphanumeric segment of `chars` characters takes in `version`, with its header
/// (7.4.4: 11 bits a pair, 6 for a last single character).
fn alphanumeric_segment_bits(chars: usize, version: usize) -> usize {
    4 + count_bits(version) + 11 * (chars / 2) + 6 * (chars % 2)
}

/// Data codewords of `version` at level Q (table 7).
fn data_codewords(version: usize) -> usize {
    block_layout(version, EcLevel::Q).map_or(0, |(_, data)| data.iter().sum())
}

/// The smallest version (1-40) whose level-Q data capacity holds an alphanumeric segment of
/// `chars` characters; `None` past version 40 (2,420 characters).
pub(crate) fn smallest_version(chars: usize) -> Option<usize> {
    (1..=40).find(|&version| {
        chars >> count_bits(version) == 0
            && alphanumeric_segment_bits(chars, version) <= 8 * data_codewords(version)
    })
}

/// A bit stream, most significant bit first.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    len: usize,
}

impl BitWriter {
    /// Appends the low `count` bits of `value`.
    fn push(&mut self, value: u32, count: usize) {
        for i in (0..count).rev() {
            if self.len.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if (value >> i) & 1 == 1
                && let Some(last) = self.bytes.last_mut()
            {
                *last |= 0x80 >> (self.len % 8);
            }
            self.len += 1;
        }
    }
}

/// The data codewords of `version` at level Q for the alphanumeric values (0-44) `values`;
/// `None` when they do not fit.
fn data_stream(values: &[u8], version: usize) -> Option<Vec<u8>> {
    let capacity = data_codewords(version);
    let mut stream = BitWriter::default();
    stream.push(MODE_ALPHANUMERIC, 4);
    stream.push(u32::try_from(values.len()).ok()?, count_bits(version));
    for pair in values.chunks(2) {
        match *pair {
            [first, second] => stream.push(u32::from(first) * 45 + u32::from(second), 11),
            [single] => stream.push(u32::from(single), 6),
            _ => {}
        }
    }
    let room = (8 * capacity).checked_sub(stream.len)?;
    // The terminator, up to 4 zero bits; the rest of its byte is zero already.
    stream.push(0, room.min(4));
    let mut pads = PAD_CODEWORDS.iter().cycle();
    while stream.bytes.len() < capacity {
        stream.bytes.push(*pads.next()?);
    }
    Some(stream.bytes)
}

/// The data codewords split into the blocks of `version` at level Q, each followed by its error
/// correction codewords, interleaved for placement (7.6): the data codewords column by column
/// over the blocks (the long blocks' last codeword after the others), then the error correction
/// codewords likewise.
fn interleaved_codewords(data: &[u8], version: usize) -> Option<Vec<u8>> {
    let (ec_len, data_lengths) = block_layout(version, EcLevel::Q)?;
    let generator = reed_solomon::generator(ec_len);
    let mut rest = data;
    let mut blocks: Vec<(&[u8], Vec<u8>)> = Vec::with_capacity(data_lengths.len());
    for &length in &data_lengths {
        let (block, tail) = rest.split_at_checked(length)?;
        blocks.push((block, reed_solomon::error_correction(block, &generator)));
        rest = tail;
    }
    let longest = data_lengths.iter().copied().max()?;
    let mut stream = Vec::with_capacity(data.len() + ec_len * blocks.len());
    for i in 0..longest {
        for (block, _) in &blocks {
            stream.extend(block.get(i));
        }
    }
    for i in 0..ec_len {
        for (_, ec) in &blocks {
            stream.extend(ec.get(i));
        }
    }
    Some(stream)
}

/// A square of modules, row-major, `true` dark.
struct Grid {
    dimension: usize,
    dark: Vec<bool>,
}

impl Grid {
    fn set(&mut self, (x, y): (usize, usize), dark: bool) {
        if x < self.dimension
            && let Some(module) = self.dark.get_mut(y * self.dimension + x)
        {
            *module = dark;
        }
    }

    /// Draws a square pattern of side `2 * radius + 1` centred on (`x`, `y`), clipped to the
    /// grid: a module is dark when bit `ring` of `dark_rings` is set (ring 0 the centre).
    fn draw_rings(&mut self, x: usize, y: usize, radius: usize, dark_rings: u8) {
        for dy in 0..=2 * radius {
            for dx in 0..=2 * radius {
                let ring = dx.abs_diff(radius).max(dy.abs_diff(radius));
                if let (Some(mx), Some(my)) =
                    ((x + dx).checked_sub(radius), (y + dy).checked_sub(radius))
                {
                    self.set((mx, my), (dark_rings >> ring) & 1 == 1);
                }
            }
        }
    }

    /// Both copies of the format information of level Q and `mask` (7.9.1).
    fn draw_format(&mut self, mask: u8) {
        let word = format_information((LEVEL_Q_BITS << 3) | u32::from(mask)) ^ FORMAT_MASK;
        for bit in 0..15 {
            for position in format_bit_positions(self.dimension, bit) {
                self.set(position, (word >> bit) & 1 == 1);
            }
        }
    }
}

/// The function patterns of `version` (the format information left light; the masks draw it).
fn function_patterns(version: usize) -> Grid {
    let dimension = 17 + 4 * version;
    let mut grid = Grid {
        dimension,
        dark: vec![false; dimension * dimension],
    };
    // Timing patterns (7.3.5), dark on even coordinates; the finders drawn next cover their
    // ends, and the alignment patterns they cross agree with them.
    for i in 0..dimension {
        grid.set((i, 6), i.is_multiple_of(2));
        grid.set((6, i), i.is_multiple_of(2));
    }
    // Finder patterns with their light separators (7.3.2, 7.3.3): rings 0-1 and 3 dark.
    let far = dimension - 4;
    for (x, y) in [(3, 3), (far, 3), (3, far)] {
        grid.draw_rings(x, y, 4, 0b01011);
    }
    // Alignment patterns (7.3.6) except where the finders are: rings 0 and 2 dark.
    let centres = alignment_centres(version);
    let last = centres.len().saturating_sub(1);
    for (i, &y) in centres.iter().enumerate() {
        for (j, &x) in centres.iter().enumerate() {
            if !((i == 0 && (j == 0 || j == last)) || (i == last && j == 0)) {
                grid.draw_rings(x, y, 2, 0b101);
            }
        }
    }
    // Version information (7.10), both copies.
    if version >= 7
        && let Ok(number) = u32::try_from(version)
    {
        let word = version_information(number);
        for bit in 0..18 {
            for position in version_bit_positions(dimension, bit) {
                grid.set(position, (word >> bit) & 1 == 1);
            }
        }
    }
    // The dark module beside the bottom-left finder (7.9.1).
    grid.set((8, dimension - 8), true);
    grid
}

/// The modules of the level-Q symbol of `version` (1-40) holding the alphanumeric values
/// (0-44) `values`, row-major, `true` dark; `None` when they do not fit the version.
pub(crate) fn alphanumeric_symbol(values: &[u8], version: usize) -> Option<Vec<bool>> {
    if !(1..=40).contains(&version) {
        return None;
    }
    let codewords = interleaved_codewords(&data_stream(values, version)?, version)?;
    let function = function_modules(version);
    let mut grid = function_patterns(version);
    // Codeword bits, most significant first; the remainder bits after them are 0 (7.7.3).
    let mut bits = codewords
        .iter()
        .flat_map(|&codeword| (0..8).rev().map(move |i| (codeword >> i) & 1 == 1));
    for position in placement_order(version, &function) {
        grid.set(position, bits.next().unwrap_or(false));
    }
    let dimension = grid.dimension;
    // The first of the masks with the lowest penalty (7.8.2, 7.8.3).
    let mut best: Option<(usize, Vec<bool>)> = None;
    for mask in 0..8u8 {
        let mut masked = Grid {
            dimension,
            dark: grid.dark.clone(),
        };
        for (index, (module, &is_function)) in masked.dark.iter_mut().zip(&function).enumerate() {
            if !is_function {
                *module ^= mask_bit(mask, index % dimension, index / dimension);
            }
        }
        masked.draw_format(mask);
        let score = penalty(&masked.dark, dimension);
        if best.as_ref().is_none_or(|(lowest, _)| score < *lowest) {
            best = Some((score, masked.dark));
        }
    }
    best.map(|(_, dark)| dark)
}

/// The penalty of a masked symbol (7.8.3; rule 4 as the `qrcode` crate scores it, see the
/// module documentation).
fn penalty(dark: &[bool], dimension: usize) -> usize {
    let mut score = 0;
    let mut line = Vec::with_capacity(dimension);
    for i in 0..dimension {
        for (step, start) in [(1, i * dimension), (dimension, i)] {
            line.clear();
            for j in 0..dimension {
                line.extend(dark.get(start + j * step));
            }
            score += line_penalty(&line);
        }
    }
    // Rule 2: 3 points for each 2 x 2 block of one colour, overlapping blocks counted.
    let rows = dark.chunks_exact(dimension);
    for (upper, lower) in rows.clone().zip(rows.skip(1)) {
        for (top, bottom) in upper.windows(2).zip(lower.windows(2)) {
            if matches!((top, bottom), ([a, b], [c, d]) if a == b && b == c && c == d) {
                score += 3;
            }
        }
    }
    // Rule 4: the share of dark modules, in half percent, away from 50 %.
    let dark_count = dark.iter().filter(|&&d| d).count();
    let share = (dark_count * 200).checked_div(dark.len()).unwrap_or(100);
    score + share.abs_diff(100)
}

/// Rules 1 and 3 along one row or column.
fn line_penalty(line: &[bool]) -> usize {
    const FINDER_LIKE: [bool; 7] = [true, false, true, true, true, false, true];
    let mut score = 0;
    // Rule 1: a run of 5 + i modules of one colour scores 3 + i.
    for run in line.chunk_by(|a, b| a == b) {
        if run.len() >= 5 {
            score += run.len() - 2;
        }
    }
    // Rule 3: 1:1:3:1:1 dark:light:dark:light:dark with 4 light modules (or the edge) on
    // either side scores 40.
    let all_light = |modules: Option<&[bool]>| modules.is_none_or(|m| !m.contains(&true));
    for (start, window) in line.windows(7).enumerate() {
        if window == FINDER_LIKE
            && (all_light(line.get(start.saturating_sub(4)..start))
                || all_light(line.get(start + 7..(start + 11).min(line.len()))))
        {
            score += 40;
        }
    }
    score
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn decode_grid(dimension: usize, modules: &[bool]) -> Option<Vec<u8>> {
        crate::grid::decode_grid(dimension, modules).map(|payload| payload.bytes)
    }

    const ALPHANUMERIC: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    /// `len` alphanumeric values from a seeded generator (xorshift).
    fn values(len: usize, seed: u64) -> Vec<u8> {
        let mut state = seed | 1;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % 45) as u8
            })
            .collect()
    }

    fn text(values: &[u8]) -> Vec<u8> {
        values
            .iter()
            .map(|&v| ALPHANUMERIC[usize::from(v)])
            .collect()
    }

    // Source: ISO/IEC 18004:2015 table 7 (alphanumeric capacity at level Q).
    #[test]
    fn capacities_at_level_q_match_the_standard() {
        for (version, capacity) in [
            (1usize, 16usize),
            (2, 29),
            (3, 47),
            (4, 67),
            (10, 221),
            (18, 574),
            (27, 1172),
            (40, 2420),
        ] {
            assert_eq!(smallest_version(capacity), Some(version), "{version}");
            if version < 40 {
                assert_eq!(smallest_version(capacity + 1), Some(version + 1));
            }
        }
        assert_eq!(smallest_version(0), Some(1));
        assert_eq!(smallest_version(2421), None);
    }

    // Source: ISO/IEC 18004:2015 7.4.4 (the example "AC-42": 0010 000000101 00111001110
    // 11100111001 000100) and 7.4.10 (terminator, zero bits to the byte, pads 0xEC 0x11).
    #[test]
    fn data_stream_of_the_standard_example() {
        let ac42 = [10, 12, 41, 4, 2];
        let stream = data_stream(&ac42, 1).unwrap();
        assert_eq!(
            stream,
            [
                0b0010_0000,
                0b0010_1001,
                0b1100_1110,
                0b1110_0111,
                0b0010_0001,
                0b0000_0000,
                0xEC,
                0x11,
                0xEC,
                0x11,
                0xEC,
                0x11,
                0xEC
            ]
        );
        // Full to the bit: no room for the terminator, no pads.
        assert_eq!(data_stream(&values(16, 1), 1).unwrap().len(), 13);
        assert_eq!(data_stream(&values(17, 1), 1), None);
    }

    // Source: ISO/IEC 18004:2015 7.6 (interleaving) with table 9 (version 5-Q: two blocks of
    // 15 and two of 16 data codewords, 18 error correction codewords each).
    #[test]
    fn interleaving_of_short_and_long_blocks() {
        let data: Vec<u8> = (0..62).collect();
        let stream = interleaved_codewords(&data, 5).unwrap();
        assert_eq!(stream.len(), 62 + 4 * 18);
        assert_eq!(&stream[..8], [0, 15, 30, 46, 1, 16, 31, 47]);
        // After the 15th column, only the long blocks have a codeword left.
        assert_eq!(&stream[56..62], [14, 29, 44, 60, 45, 61]);
        let generator = reed_solomon::generator(18);
        let first_ec = reed_solomon::error_correction(&data[..15], &generator);
        let last_ec = reed_solomon::error_correction(&data[46..], &generator);
        assert_eq!(stream[62], first_ec[0]);
        assert_eq!(stream[62 + 4 * 18 - 1], last_ec[17]);
    }

    #[test]
    fn every_version_reads_back_through_our_decoder() {
        for version in 1..=40usize {
            let capacity = (8 * data_codewords(version) - 4 - count_bits(version)) * 2 / 11;
            for (i, len) in [capacity, capacity / 2, 1].into_iter().enumerate() {
                let values = values(len, (version * 3 + i) as u64);
                let modules = alphanumeric_symbol(&values, version).unwrap();
                let dimension = 17 + 4 * version;
                assert_eq!(modules.len(), dimension * dimension);
                assert_eq!(
                    decode_grid(dimension, &modules),
                    Some(text(&values)),
                    "version {version}, {len} characters"
                );
            }
        }
    }

    #[test]
    fn refuses_what_does_not_fit() {
        assert_eq!(alphanumeric_symbol(&values(17, 2), 1), None);
        assert_eq!(alphanumeric_symbol(&[], 0), None);
        assert_eq!(alphanumeric_symbol(&[], 41), None);
        assert!(alphanumeric_symbol(&[], 1).is_some());
    }

    // Source: ISO/IEC 18004:2015 7.8.3, table 11 (N1 = 3, N3 = 40) and the qrcode crate's
    // rule 4 (one point per half percent away from 50 %).
    #[test]
    fn penalty_rules() {
        let run = |dark: usize, light: usize| {
            let mut line = vec![true; dark];
            line.extend(vec![false; light]);
            line
        };
        // Runs of 4 and 3: nothing; 5: 3; 7 and 5: 5 + 3.
        assert_eq!(line_penalty(&run(4, 3)), 0);
        assert_eq!(line_penalty(&run(5, 1)), 3);
        assert_eq!(line_penalty(&run(7, 5)), 8);
        // A finder-like pattern with 4 light modules after it, or at the edge.
        let finder = [true, false, true, true, true, false, true];
        let mut line = vec![true];
        line.extend(finder);
        line.extend([false; 4]);
        assert_eq!(line_penalty(&line), 40);
        assert_eq!(line_penalty(&finder), 40);
        // Dark modules within 4 on both sides: not penalised.
        let mut boxed = vec![false, false, false, true];
        boxed.extend(finder);
        boxed.extend([true, false, false, false]);
        assert_eq!(line_penalty(&boxed), 0);
        // Rule 2 and rule 4 on a 2 x 2 grid: one block, all dark (100 points for 100 %).
        assert_eq!(penalty(&[true; 4], 2), 3 + 100);
        // A 3 x 3 checkerboard: no blocks, 5 dark of 9: 200 * 5 / 9 = 111.
        let checkerboard: Vec<bool> = (0..9).map(|i| i % 2 == 0).collect();
        assert_eq!(penalty(&checkerboard, 3), 11);
    }

    #[test]
    fn function_patterns_cover_exactly_the_function_modules() {
        for version in [1usize, 2, 6, 7, 14, 32, 40] {
            let grid = function_patterns(version);
            let function = function_modules(version);
            let dimension = grid.dimension;
            // Every dark module drawn is a function module.
            for (index, (&dark, &is_function)) in grid.dark.iter().zip(&function).enumerate() {
                assert!(!dark || is_function, "{version}: {index}");
            }
            // The finder's centre row at the top left: 1:1:3:1:1 then the separator.
            let row3: Vec<bool> = grid.dark[3 * dimension..3 * dimension + 8].to_vec();
            assert_eq!(row3, [true, false, true, true, true, false, true, false]);
        }
    }
}
