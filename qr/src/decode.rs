//! From a sampled module grid to text: choosing the grid size (with the version information)
//! and handing each plausible grid to our own decoder ([`grid`](super::grid): format
//! information, Reed-Solomon correction, data segments, mirrored reading).
//!
//! The decoder is ours rather than a crate's so that the WebAssembly module carries only two
//! 256-byte field tables (a generic GF(256) crate costs a 64 KB multiplication table) and so
//! that every index is checked: a panic in WebAssembly aborts the module.

use super::binarize::BitMatrix;
use super::code::{Code, NotText};
use super::finder::FinderTriple;
use super::fit::{self, Fit, GridLocation};
use super::geometry::Point;
use super::grid::{decode_grid, read_format_words, read_version, read_version_words};
use super::segments::Payload;
use super::symbol::{nearest_format, nearest_version};

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

/// Grids sampled at most for one finder triple.
const MAX_GRID_ATTEMPTS: usize = 24;

/// What the version information of a grid says: the version both copies name, the version
/// only one copy names (or the closer of two that disagree), or nothing readable.
enum Declared {
    Agreed(usize),
    Single(usize),
    Unreadable,
}

fn declared_version(dimension: usize, dark: &dyn Fn(usize, usize) -> bool) -> Declared {
    if dimension < 45 {
        return Declared::Unreadable;
    }
    let [first, second] = read_version_words(dimension, dark);
    match (nearest_version(first), nearest_version(second)) {
        (Some(a), Some(b)) if a == b => Declared::Agreed(a),
        _ => read_version(dimension, dark).map_or(Declared::Unreadable, Declared::Single),
    }
}

/// What a finder triple gave: the symbol's content and where it lies, or where a grid that
/// looked like a symbol (timing patterns and format information) lay when none decoded.
pub(crate) enum TripleOutcome {
    Decoded(Code, Quad),
    Promising(Quad),
    Nothing,
}

/// A symbol's four corners in pixels (top-left, top-right, bottom-right, bottom-left).
pub(crate) type Quad = [Point; 4];

/// The corners of a grid location's symbol; `None` for a degenerate transform.
fn symbol_corners(location: &GridLocation) -> Option<Quad> {
    let side = location.dimension as f64;
    let map = |u: f64, v: f64| location.map(u, v);
    Some([
        map(0.0, 0.0)?,
        map(side, 0.0)?,
        map(side, side)?,
        map(0.0, side)?,
    ])
}

/// Tries grids for a finder triple: each candidate size with each fit in turn
/// ([`fit::SymbolGeometry::fits`]); the first grid that decodes, text or not. A size the
/// version information declares is tried next (at once when both copies agree); the fit to every
/// alignment pattern is kept for a size the version information confirms.
pub(crate) fn decode_triple(m: &BitMatrix, triple: &FinderTriple) -> TripleOutcome {
    let Some(geometry) = fit::SymbolGeometry::new(m, triple) else {
        return TripleOutcome::Nothing;
    };
    let mut near: Option<Quad> = None;
    let mut sizes = geometry.dimensions();
    let mut declared_sizes: Vec<usize> = Vec::new();
    let mut postponed: Vec<usize> = Vec::new();
    let mut attempts = 0;
    let mut index = 0;
    while let Some(&dimension) = sizes.get(index) {
        index += 1;
        let mut confirmed = false;
        // Both copies of the version information name this size.
        let mut certain = false;
        // A false triple (noise, print) is given up on cheaply: the searches for alignment
        // patterns wait until a quicker fit of this size looked like a symbol (timing patterns
        // and format information) or the version information was read.
        let mut promising = false;
        for &fit in geometry.fits() {
            let searches = matches!(
                fit,
                Fit::CornersAndAlignment
                    | Fit::CentresAndAlignment
                    | Fit::AllAlignments
                    | Fit::Bent
            );
            if (matches!(fit, Fit::AllAlignments | Fit::Bent) && !confirmed)
                || (searches && !promising)
            {
                continue;
            }
            let Some(location) = geometry.location(dimension, fit) else {
                continue;
            };
            attempts += 1;
            if attempts > MAX_GRID_ATTEMPTS {
                return near.map_or(TripleOutcome::Nothing, TripleOutcome::Promising);
            }
            let dark = |x: usize, y: usize| fit::sample_module(m, &location, x, y);
            if !confirmed {
                let (version, agreed) = match declared_version(dimension, &dark) {
                    Declared::Agreed(v) => (Some(v), true),
                    Declared::Single(v) => (Some(v), false),
                    Declared::Unreadable => (None, false),
                };
                // Garbage is within 3 errors of some version one time in eight; of this size,
                // or of the same version in both copies, hardly ever.
                promising |= agreed;
                if let Some(version) = version {
                    let declared = 17 + 4 * version;
                    if declared == dimension {
                        confirmed = true;
                        promising = true;
                        certain = agreed;
                    } else if !declared_sizes.contains(&declared) {
                        declared_sizes.push(declared);
                        let mut rest = sizes.split_off(index.min(sizes.len()));
                        rest.retain(|&d| d != declared);
                        sizes.push(declared);
                        sizes.extend(rest);
                        if agreed {
                            // Both copies name another size: this one is almost surely wrong;
                            // keep it only as a last resort.
                            if !postponed.contains(&dimension) {
                                postponed.push(dimension);
                                sizes.push(dimension);
                            }
                            break;
                        }
                    }
                }
            }
            if !grid_plausible(location.dimension, &dark) {
                continue;
            }
            promising = true;
            if near.is_none() {
                near = symbol_corners(&location);
            }
            let Some(modules) = fit::sample_grid(m, &location) else {
                continue;
            };
            if let Some(payload) = decode_grid(location.dimension, &modules) {
                let corners = symbol_corners(&location).unwrap_or_else(|| {
                    let (tl, tr, bl) = (
                        triple.top_left.centre,
                        triple.top_right.centre,
                        triple.bottom_left.centre,
                    );
                    [
                        tl,
                        tr,
                        Point::new(tr.x + bl.x - tl.x, tr.y + bl.y - tl.y),
                        bl,
                    ]
                });
                return TripleOutcome::Decoded(code_of(payload), corners);
            }
        }
        if certain {
            // The symbol's own size did not decode: no other size will.
            break;
        }
    }
    near.map_or(TripleOutcome::Nothing, TripleOutcome::Promising)
}

/// Text when no mode or ECI said otherwise and the bytes are UTF-8; otherwise not text.
fn code_of(payload: Payload) -> Code {
    match payload.not_text {
        Some(kind) => Code::NotText {
            kind,
            bytes: payload.bytes,
        },
        None => match String::from_utf8(payload.bytes) {
            Ok(text) => Code::Text(text),
            Err(error) => Code::NotText {
                kind: NotText::Bytes,
                bytes: error.into_bytes(),
            },
        },
    }
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
