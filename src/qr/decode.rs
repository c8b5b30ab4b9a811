//! From a sampled module grid to text: the version information check and rqrr's decoder
//! (format information, Reed-Solomon correction, data segments, mirrored reading).
//!
//! Only rqrr's grid decoder is used, never its detector: `rqrr` 0.11's `detect_grids` can
//! panic on real photographs (an `assert!` on non-finite coordinates in
//! `geometry::Perspective::map`, rqrr issue #54; `assert!(scan >= 1)` in
//! `identify::grid::measure_timing_pattern`; `expect` in `rotate_capstone`), and a panic in
//! WebAssembly aborts the module. The decoder below only ever receives a square grid of a valid
//! size (21 to 177 modules, 17 + 4 * version), for which its indexing is in bounds.

use super::binarize::BitMatrix;
use super::detect::{self, FinderTriple, GridLocation};

/// Generator polynomial of the version information BCH(18, 6) code (ISO/IEC 18004, annex D).
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
fn nearest_version(word: u32) -> Option<usize> {
    (7..=40u32)
        .map(|v| (v, (version_information(v) ^ word).count_ones()))
        .filter(|&(_, distance)| distance <= 3)
        .min_by_key(|&(_, distance)| distance)
        .map(|(v, _)| v as usize)
}

/// The version read from the two version information blocks of a sampled grid (symbols of
/// version 7 and above carry it next to the top-right and bottom-left finder patterns).
fn read_version(dimension: usize, modules: &[bool]) -> Option<usize> {
    let at = |x: usize, y: usize| modules.get(y * dimension + x).copied().unwrap_or(false);
    let base = dimension.checked_sub(11)?;
    let mut top_right = 0u32;
    let mut bottom_left = 0u32;
    for bit in 0..18 {
        if at(base + bit % 3, bit / 3) {
            top_right |= 1 << bit;
        }
        if at(bit / 3, base + bit % 3) {
            bottom_left |= 1 << bit;
        }
    }
    nearest_version(top_right).or_else(|| nearest_version(bottom_left))
}

/// Runs rqrr's decoder on a sampled grid; the bytes of every data segment.
fn decode_modules(dimension: usize, modules: &[bool]) -> Option<Vec<u8>> {
    if !(21..=177).contains(&dimension)
        || !(dimension - 17).is_multiple_of(4)
        || modules.len() != dimension * dimension
    {
        return None;
    }
    let grid = rqrr::SimpleGrid::from_func(dimension, |x, y| {
        modules.get(y * dimension + x).copied().unwrap_or(false)
    });
    let mut bytes = Vec::new();
    rqrr::Grid::new(grid).decode_to(&mut bytes).ok()?;
    Some(bytes)
}

/// Tries the grid locations of a finder triple in turn; the first text that decodes.
/// Bytes that are not UTF-8 count as not decoded (the certificate text is ASCII).
pub(crate) fn decode_triple(m: &BitMatrix, triple: &FinderTriple) -> Option<String> {
    let mut tried: Vec<usize> = Vec::new();
    let mut queue: Vec<GridLocation> = detect::grid_locations(m, triple);
    let mut index = 0;
    // Each size is re-tried at most once after a version-information correction.
    while let Some(location) = queue.get(index).copied() {
        index += 1;
        let Some(modules) = detect::sample_grid(m, &location) else {
            continue;
        };
        if let Some(bytes) = decode_modules(location.dimension, &modules)
            && let Ok(text) = String::from_utf8(bytes)
        {
            return Some(text);
        }
        if location.dimension >= 45
            && let Some(version) = read_version(location.dimension, &modules)
        {
            let dimension = 17 + 4 * version;
            if dimension != location.dimension && !tried.contains(&dimension) {
                tried.push(dimension);
                let corrected = detect::grid_locations_for(m, triple, dimension);
                // Try the corrected size next.
                let rest = queue.split_off(index);
                queue.extend(corrected);
                queue.extend(rest);
            }
        }
        if index > 32 {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    // Source: ISO/IEC 18004:2015 annex D, table D.1 (version information bit streams).
    #[test]
    fn version_information_words() {
        assert_eq!(version_information(7), 0x07C94);
        assert_eq!(version_information(8), 0x085BC);
        assert_eq!(version_information(40), 0x28C69);
        assert_eq!(nearest_version(0x07C94 ^ 0b101), Some(7));
        assert_eq!(nearest_version(0x07C94 ^ 0b1111), None);
    }

    #[test]
    fn rejects_grids_of_invalid_size() {
        assert_eq!(decode_modules(22, &[false; 22 * 22]), None);
        assert_eq!(decode_modules(21, &[false; 10]), None);
        assert_eq!(decode_modules(21, &[true; 21 * 21]), None);
    }
}
