//! From a sampled module grid to text: choosing the grid size (with the version information)
//! and handing each plausible grid to our own decoder ([`bits`](super::bits): format
//! information, Reed-Solomon correction, data segments, mirrored reading).
//!
//! The decoder is ours rather than a crate's so that the WebAssembly module carries only two
//! 256-byte field tables (a generic GF(256) crate costs a 64 KB multiplication table) and so
//! that every index is checked: a panic in WebAssembly aborts the module.

use super::binarize::BitMatrix;
use super::bits::{decode_grid, nearest_format, read_format_words, read_version};
use super::detect::{self, FinderTriple, GridLocation};

/// A cheap test that rejects almost every false grid before sampling all of it and running the
/// full decoder: the timing patterns (row and column 6) must mostly alternate, and the format
/// information (straight or transposed), must agree between its two
/// copies or be nearly error-free in one. (A lone copy within the 3 correctable errors is not
/// enough: more than half of all 15-bit words are.)
fn grid_plausible(dimension: usize, dark: &dyn Fn(usize, usize) -> bool) -> bool {
    let Some(timing_end) = dimension.checked_sub(8) else {
        return false;
    };
    let mut timing_matches = 0usize;
    let mut timing_total = 0usize;
    for i in 8..timing_end {
        let expected = i % 2 == 0;
        timing_matches += usize::from(dark(i, 6) == expected) + usize::from(dark(6, i) == expected);
        timing_total += 2;
    }
    if 10 * timing_matches < 7 * timing_total {
        return false;
    }
    let transposed = |x: usize, y: usize| dark(y, x);
    for orientation in [dark, &transposed as &dyn Fn(usize, usize) -> bool] {
        let [first, second] = read_format_words(dimension, orientation);
        let (first_errors, first_data) = nearest_format(first);
        let (second_errors, second_data) = nearest_format(second);
        if (first_errors <= 3 && second_errors <= 3 && first_data == second_data)
            || first_errors <= 1
            || second_errors <= 1
        {
            return true;
        }
    }
    false
}

/// Tries the grid locations of a finder triple in turn; the first text that decodes.
/// Bytes that are not UTF-8 count as not decoded (the certificate text is ASCII).
pub(crate) fn decode_triple(m: &BitMatrix, triple: &FinderTriple) -> Option<String> {
    let mut tried: Vec<usize> = Vec::new();
    let mut queue: Vec<GridLocation> = detect::grid_locations(m, triple);
    let mut index = 0;
    let mut declared: Option<usize> = None;
    let mut refined = false;
    // Each size is re-tried at most once after a version-information correction.
    loop {
        let location = match queue.get(index).copied() {
            Some(location) => location,
            // The quick fits failed on a symbol that declared its size: fit the grid to all its
            // alignment patterns (perspective), once.
            None if !refined => {
                refined = true;
                match declared.and_then(|d| detect::refined_location(m, triple, d)) {
                    Some(location) => {
                        queue.push(location);
                        location
                    }
                    None => break,
                }
            }
            None => break,
        };
        index += 1;
        if index > 33 {
            break;
        }
        let dark = |x: usize, y: usize| detect::sample_module(m, &location, x, y);
        if let Some(version) = read_version(location.dimension, &dark) {
            let dimension = 17 + 4 * version;
            declared.get_or_insert(dimension);
            if dimension != location.dimension && !tried.contains(&dimension) {
                tried.push(dimension);
                // Try the size the symbol declares next.
                let rest = queue.split_off(index.min(queue.len()));
                queue.extend(detect::grid_locations_for(m, triple, dimension));
                queue.extend(rest);
            }
        }
        if !grid_plausible(location.dimension, &dark) {
            continue;
        }
        let Some(modules) = detect::sample_grid(m, &location) else {
            continue;
        };
        if let Some(bytes) = decode_grid(location.dimension, &modules)
            && let Ok(text) = String::from_utf8(bytes)
        {
            return Some(text);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implausible_grids_are_rejected_before_sampling() {
        assert!(!grid_plausible(21, &|_, _| false));
        assert!(!grid_plausible(21, &|_, _| true));
        assert!(!grid_plausible(5, &|_, _| true));
    }
}
