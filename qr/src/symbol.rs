//! The structure of a QR symbol (ISO/IEC 18004:2015, 7.7 to 7.10 and annexes C to E), shared
//! by the encoder, which draws it, and the grid decoder, which reads it back:
//!
//! - the format information (BCH(15, 5): error correction level and mask) and the version
//!   information (BCH(18, 6)), their codes, their nearest codewords and where their bits sit;
//! - the error correction blocks of every version and level ([`BLOCKS`]);
//! - the alignment pattern centres, which modules are function patterns, the eight masks and the
//!   order in which data modules are placed.
//!
//! Every index is checked: a panic in WebAssembly aborts the module.

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
pub(crate) fn format_from_data(data: u32) -> Format {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
