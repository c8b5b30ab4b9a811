//! Finder patterns: found in a binarised image and grouped in threes, the candidates for a
//! symbol's top-left, top-right and bottom-left corners.
//!
//! Finder patterns are found as ZXing finds them (1:1:3:1:1 runs, here with dark and light runs
//! measured apart, confirmed vertically, horizontally and diagonally), and grouped into triples
//! shaped like a symbol's corners, the most square-like first. Loops are bounded and the numbers
//! of candidates capped, so that no input can make the detector panic or run away: every pixel
//! read goes through [`BitMatrix::get`].

use super::binarize::BitMatrix;
use super::geometry::Point;

/// Candidate finder patterns kept per image (noise can produce many; real symbols are few).
const MAX_FINDERS: usize = 512;
/// Finder patterns considered when grouping (the most often confirmed first).
const MAX_GROUPING_CANDIDATES: usize = 24;
/// Rows scanned for finder patterns: every other one. A finder pattern's centre is 3 modules
/// tall, so even at 1 pixel a module every pattern is crossed, and from 2 pixels a module at
/// least three times; each crossing is checked vertically and horizontally anyway.
const FINDER_ROW_STEP: usize = 2;

/// A finder pattern: its centre, its estimated module size in pixels, and how many scan lines
/// confirmed it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Finder {
    pub centre: Point,
    pub module: f64,
    pub count: u32,
}

impl Finder {
    fn about_equals(&self, module: f64, centre: Point) -> bool {
        if (centre.y - self.centre.y).abs() <= module && (centre.x - self.centre.x).abs() <= module
        {
            let difference = (module - self.module).abs();
            difference <= 1.0 || difference <= self.module
        } else {
            false
        }
    }

    fn combine(&mut self, module: f64, centre: Point) {
        let n = f64::from(self.count);
        let total = n + 1.0;
        self.centre = Point::new(
            (n * self.centre.x + centre.x) / total,
            (n * self.centre.y + centre.y) / total,
        );
        self.module = (n * self.module + module) / total;
        self.count = self.count.saturating_add(1);
    }
}

/// Three finder patterns in symbol order: bottom-left, top-left, top-right.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct FinderTriple {
    pub bottom_left: Finder,
    pub top_left: Finder,
    pub top_right: Finder,
    /// Indices into the finder list, to avoid reusing a finder once its symbol decoded.
    pub members: [usize; 3],
    /// Shaped as only a steep view shows a symbol (finder patterns of very different sizes, a
    /// triangle far from right-angled): its grid must be fitted to the finder rings' corners.
    pub steep: bool,
}

// ---------------------------------------------------------------------------------------------
// Finder patterns

/// Whether five runs (dark, light, dark, light, dark) are a finder pattern's 1:1:3:1:1. Dark
/// and light runs are measured apart, each against its own module size (as ZXing-C++ does):
/// blur, and a threshold a little off, widen one colour and narrow the other, so a blurred
/// finder pattern's light ring may be half a module while its dark runs are wider. The two
/// module sizes must be within a factor of 2.5, and each run within half a module (one and a
/// half for the centre's three) of its share. In 1/256 pixel and integers: this runs at every
/// dark run of every row scanned, so it is written out (the size-optimised WebAssembly build
/// would not inline an iterator chain).
#[inline(always)]
fn ratio_1_1_3_1_1(counts: &[u32; 5]) -> bool {
    let [a, b, c, d, e] = *counts;
    let [a, b, c, d, e] = [
        u64::from(a) << 8,
        u64::from(b) << 8,
        u64::from(c) << 8,
        u64::from(d) << 8,
        u64::from(e) << 8,
    ];
    // Dark: 1 + 3 + 1 modules; light: 1 + 1.
    let dark = (a + c + e) / 5;
    let light = (b + d) / 2;
    if dark < 128 || light < 128 || 2 * dark > 5 * light || 2 * light > 5 * dark {
        return false;
    }
    a.abs_diff(dark) < dark / 2
        && c.abs_diff(3 * dark) < 3 * dark / 2
        && e.abs_diff(dark) < dark / 2
        && b.abs_diff(light) < light / 2
        && d.abs_diff(light) < light / 2
}

fn ratio_diagonal(counts: &[u32; 5]) -> bool {
    let total: u32 = counts.iter().sum();
    if total < 7 {
        return false;
    }
    let module = f64::from(total) / 7.0;
    let variance = module / 1.333;
    counts
        .iter()
        .zip([1.0, 1.0, 3.0, 1.0, 1.0])
        .all(|(&c, k)| (k * module - f64::from(c)).abs() < k * variance)
}

fn centre_from_end(counts: &[u32; 5], end: i64) -> f64 {
    end as f64 - f64::from(counts[4]) - f64::from(counts[3]) - f64::from(counts[2]) / 2.0
}

/// Walks from `start` in steps of `(dx, dy)` and counts the five runs of a finder pattern
/// (centre first, in both directions); its centre and total width, `None` when they do not
/// form one. With `foreshortened`, the width may be half to twice `original_total` (a symbol
/// seen at an angle is narrower one way than the other); otherwise within 40 %.
fn cross_check(
    m: &BitMatrix,
    start: (i64, i64),
    step: (i64, i64),
    max_count: u32,
    original_total: u32,
    foreshortened: bool,
) -> Option<(f64, u32)> {
    let (sx, sy) = start;
    let (dx, dy) = step;
    let inside = |x: i64, y: i64| {
        x >= 0 && y >= 0 && (x as u64) < m.width as u64 && (y as u64) < m.height as u64
    };
    let mut counts = [0u32; 5];
    // Backwards: centre, inner ring, outer ring.
    let (mut x, mut y) = (sx, sy);
    while inside(x, y) && m.get(x, y) {
        counts[2] += 1;
        (x, y) = (x - dx, y - dy);
    }
    if !inside(x, y) {
        return None;
    }
    while inside(x, y) && !m.get(x, y) && counts[1] <= max_count {
        counts[1] += 1;
        (x, y) = (x - dx, y - dy);
    }
    if !inside(x, y) || counts[1] > max_count {
        return None;
    }
    while inside(x, y) && m.get(x, y) && counts[0] <= max_count {
        counts[0] += 1;
        (x, y) = (x - dx, y - dy);
    }
    if counts[0] > max_count {
        return None;
    }
    // Forwards.
    (x, y) = (sx + dx, sy + dy);
    while inside(x, y) && m.get(x, y) {
        counts[2] += 1;
        (x, y) = (x + dx, y + dy);
    }
    if !inside(x, y) {
        return None;
    }
    while inside(x, y) && !m.get(x, y) && counts[3] < max_count {
        counts[3] += 1;
        (x, y) = (x + dx, y + dy);
    }
    if !inside(x, y) || counts[3] >= max_count {
        return None;
    }
    while inside(x, y) && m.get(x, y) && counts[4] < max_count {
        counts[4] += 1;
        (x, y) = (x + dx, y + dy);
    }
    if counts[4] >= max_count {
        return None;
    }
    let total: u32 = counts.iter().sum();
    let size_agrees = if foreshortened {
        2 * total > original_total && total < 2 * original_total
    } else {
        5 * total.abs_diff(original_total) < 2 * original_total
    };
    if !size_agrees || !ratio_1_1_3_1_1(&counts) {
        return None;
    }
    let end = if dx != 0 { x } else { y };
    Some((centre_from_end(&counts, end), total))
}

/// Confirms a candidate along the down-right diagonal through its centre.
fn cross_check_diagonal(m: &BitMatrix, cx: i64, cy: i64, max_count: u32) -> bool {
    let mut counts = [0u32; 5];
    let mut i = 0;
    while m.get(cx - i, cy - i) && counts[2] <= max_count {
        counts[2] += 1;
        i += 1;
    }
    while cx >= i && cy >= i && !m.get(cx - i, cy - i) && counts[1] <= max_count {
        counts[1] += 1;
        i += 1;
    }
    while cx >= i && cy >= i && m.get(cx - i, cy - i) && counts[0] <= max_count {
        counts[0] += 1;
        i += 1;
    }
    i = 1;
    while m.get(cx + i, cy + i) && counts[2] <= 2 * max_count {
        counts[2] += 1;
        i += 1;
    }
    let inside = |i: i64| ((cx + i) as u64) < m.width as u64 && ((cy + i) as u64) < m.height as u64;
    while inside(i) && !m.get(cx + i, cy + i) && counts[3] <= max_count {
        counts[3] += 1;
        i += 1;
    }
    while inside(i) && m.get(cx + i, cy + i) && counts[4] <= max_count {
        counts[4] += 1;
        i += 1;
    }
    counts.iter().all(|&c| c > 0) && ratio_diagonal(&counts)
}

fn handle_possible_centre(
    m: &BitMatrix,
    counts: &[u32; 5],
    y: i64,
    end_x: i64,
    finders: &mut Vec<Finder>,
) -> bool {
    let total: u32 = counts.iter().sum();
    let centre_x = centre_from_end(counts, end_x);
    let Some((centre_y, vertical_total)) =
        cross_check(m, (centre_x as i64, y), (0, 1), 2 * counts[2], total, true)
    else {
        return false;
    };
    let Some((centre_x, total)) = cross_check(
        m,
        (centre_x as i64, centre_y as i64),
        (1, 0),
        counts[2],
        total,
        false,
    ) else {
        return false;
    };
    if !cross_check_diagonal(
        m,
        centre_x as i64,
        centre_y as i64,
        total.max(vertical_total),
    ) {
        return false;
    }
    // Seen at an angle, the pattern is narrower one way: its module is the mean of both.
    let module = f64::from(total + vertical_total) / 14.0;
    let centre = Point::new(centre_x, centre_y);
    if let Some(known) = finders.iter_mut().find(|f| f.about_equals(module, centre)) {
        known.combine(module, centre);
    } else if finders.len() < MAX_FINDERS {
        finders.push(Finder {
            centre,
            module,
            count: 1,
        });
    }
    true
}

/// Every finder pattern in the image, scanning every row: each row is cut into runs of one
/// colour, and every five runs from a dark one (dark, light, dark, light, dark) in the ratio
/// 1:1:3:1:1 is checked further; after a confirmed pattern the scan resumes at its last dark run.
pub(crate) fn find_finders(m: &BitMatrix) -> Vec<Finder> {
    let mut finders = Vec::new();
    // Run lengths of one row, starting with a light run (empty when the row starts dark), so
    // that the dark runs are the odd ones.
    let mut buffer = vec![0u32; m.width + 2];
    for y in (0..m.height).step_by(FINDER_ROW_STEP) {
        let count = m.row_runs(y, &mut buffer);
        let runs = buffer.get(..count).unwrap_or(&[]);
        let mut start = u64::from(runs.first().copied().unwrap_or(0));
        let mut index = 1;
        while let Some(&[a, b, c, d, e]) = runs.get(index..index + 5) {
            let counts = [a, b, c, d, e];
            let end =
                start + u64::from(a) + u64::from(b) + u64::from(c) + u64::from(d) + u64::from(e);
            if ratio_1_1_3_1_1(&counts)
                && handle_possible_centre(m, &counts, y as i64, end as i64, &mut finders)
            {
                // Resume at this pattern's last dark run, which may begin the next pattern: a
                // run of data modules can look like a finder whose last run is the outer ring of
                // the real finder beside it (a version 1 code at 3 pixels a module, found by the
                // frame_scanner fuzz target).
                start = end - u64::from(e);
                index += 4;
            } else {
                start += u64::from(a) + u64::from(b);
                index += 2;
            }
        }
    }
    finders
}

// ---------------------------------------------------------------------------------------------
// Grouping

/// The limits of a triple's shape that any view short of a steep one keeps: the largest finder
/// pattern's module against the smallest's, the distortion of the triangle of their centres
/// from an isosceles right triangle, the cosine of its corner angle (45 to 135 degrees).
const MAX_MODULE_RATIO: f64 = 2.2;
const MAX_DISTORTION: f64 = 1.2;
const MAX_COSINE: f64 = 0.7;
/// The limits for a steep view, about a diagonal (make bench's steep class: its nearest finder
/// pattern 2.6 times the size of the others, a triangle near equilateral, a corner of 144
/// degrees): such a triple is tried only with the finder rings' corners, which carry the
/// perspective (fit.rs), so a false one costs little.
const MAX_STEEP_MODULE_RATIO: f64 = 3.0;
const MAX_STEEP_DISTORTION: f64 = 1.3;
const MAX_STEEP_COSINE: f64 = 0.85;

/// Plausible triples of finder patterns, the most square-like first, each ordered as
/// bottom-left, top-left, top-right.
pub(crate) fn finder_triples(finders: &[Finder]) -> Vec<FinderTriple> {
    // The most often confirmed first; a pattern crossed by one scanned row only (small, or
    // seen at an angle) still takes part when there are few candidates.
    let count = |i: usize| finders.get(i).map_or(0, |f| f.count);
    let mut indices: Vec<usize> = (0..finders.len()).collect();
    crate::sort::sort_by(&mut indices, |&a, &b| {
        count(b).cmp(&count(a)).then(a.cmp(&b)).is_lt()
    });
    indices.truncate(MAX_GROUPING_CANDIDATES);

    let mut scored = Vec::new();
    for (n, &i) in indices.iter().enumerate() {
        for (k, &j) in indices.iter().enumerate().skip(n + 1) {
            for &l in indices.iter().skip(k + 1) {
                if let Some((score, triple)) = score_triple(finders, [i, j, l]) {
                    scored.push((score, triple));
                }
            }
        }
    }
    crate::sort::sort_by(&mut scored, |a, b| a.0.total_cmp(&b.0).is_lt());
    scored.into_iter().map(|(_, t)| t).collect()
}

fn score_triple(finders: &[Finder], members: [usize; 3]) -> Option<(f64, FinderTriple)> {
    let [a, b, c] = members.map(|i| finders.get(i).copied());
    let (a, b, c) = (a?, b?, c?);
    let min_module = a.module.min(b.module).min(c.module);
    let max_module = a.module.max(b.module).max(c.module);
    if max_module > MAX_STEEP_MODULE_RATIO * min_module {
        return None;
    }
    let ab = a.centre.squared_distance(b.centre);
    let bc = b.centre.squared_distance(c.centre);
    let ca = c.centre.squared_distance(a.centre);
    let [ia, ib, ic] = members;
    // The right-angle corner is the top-left: opposite the longest side.
    let (hypotenuse, leg1, leg2, corner, p, q) = if bc >= ab && bc >= ca {
        (bc, ab, ca, (ia, a), (ib, b), (ic, c))
    } else if ca >= ab && ca >= bc {
        (ca, ab, bc, (ib, b), (ia, a), (ic, c))
    } else {
        (ab, bc, ca, (ic, c), (ia, a), (ib, b))
    };
    if hypotenuse <= 0.0 {
        return None;
    }
    // An isosceles right triangle has hypotenuse^2 = 2 leg^2 for both legs.
    let distortion =
        ((hypotenuse - 2.0 * leg1).abs() + (hypotenuse - 2.0 * leg2).abs()) / hypotenuse;
    // Loose enough for a symbol seen at a steep angle; the most square-like triples come first.
    if distortion > MAX_STEEP_DISTORTION {
        return None;
    }
    let module = (a.module + b.module + c.module) / 3.0;
    let leg_modules = (leg1.min(leg2)).sqrt() / module;
    // Finder centres are 14 (version 1) to 170 (version 40) modules apart.
    if !(8.0..=240.0).contains(&leg_modules) {
        return None;
    }
    // Orientation: seen from the top-left corner, the top-right is clockwise of the bottom-left.
    let (corner_centre, p_centre, q_centre) = (corner.1.centre, p.1.centre, q.1.centre);
    // However steep the view, the corner's angle stays well away from flat (collinear finder
    // patterns, as in a row of symbols, are no symbol): |cos| at most 0.85, 32 to 148 degrees.
    let dot = (p_centre.x - corner_centre.x) * (q_centre.x - corner_centre.x)
        + (p_centre.y - corner_centre.y) * (q_centre.y - corner_centre.y);
    let cosine = dot.abs() / (leg1 * leg2).sqrt();
    if cosine.is_nan() || cosine > MAX_STEEP_COSINE {
        return None;
    }
    let steep = max_module > MAX_MODULE_RATIO * min_module
        || distortion > MAX_DISTORTION
        || cosine > MAX_COSINE;
    let cross = (q_centre.x - corner_centre.x) * (p_centre.y - corner_centre.y)
        - (q_centre.y - corner_centre.y) * (p_centre.x - corner_centre.x);
    let (bottom_left, top_right) = if cross < 0.0 { (q, p) } else { (p, q) };
    let triple = FinderTriple {
        bottom_left: bottom_left.1,
        top_left: corner.1,
        top_right: top_right.1,
        members: [bottom_left.0, corner.0, top_right.0],
        steep,
    };
    let module_spread = (max_module - min_module) / max_module;
    Some((distortion + module_spread, triple))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binarize::test_pixels;
    use crate::binarize::{finder_pixels, threshold_at_middle};

    #[test]
    fn finds_three_finders_and_orders_them() {
        let pixels = finder_pixels(120, 4, &[(2, 2), (20, 2), (2, 20)]);
        let m = threshold_at_middle(120, 120, &pixels);
        let finders = find_finders(&m);
        assert_eq!(finders.len(), 3, "{finders:?}");
        for f in &finders {
            assert!((f.module - 4.0).abs() < 0.5, "{f:?}");
        }
        let triples = finder_triples(&finders);
        let t = triples.first().expect("a triple");
        assert!(
            (t.top_left.centre.x - 22.0).abs() < 1.0 && (t.top_left.centre.y - 22.0).abs() < 1.0,
            "{t:?}"
        );
        assert!(
            t.top_right.centre.x > 90.0 && t.bottom_left.centre.y > 90.0,
            "{t:?}"
        );
    }

    #[test]
    fn empty_and_noise_images_find_nothing_without_panicking() {
        assert!(find_finders(&threshold_at_middle(0, 0, &[])).is_empty());
        let all_dark = test_pixels(50, 50, |_, _| true);
        assert!(find_finders(&threshold_at_middle(50, 50, &all_dark)).is_empty());
        let stripes = test_pixels(64, 64, |x, _| x % 2 == 0);
        assert!(finder_triples(&find_finders(&threshold_at_middle(64, 64, &stripes))).is_empty());
    }

    // Source: make bench's steep class (steep-3): finder patterns of 2.75, 2.0 and 5.19 pixels a
    // module at (184, 48), (356, 211.5), (101, 265) form the symbol's triple, marked steep; a
    // module ratio past the steep limit forms none.
    #[test]
    fn a_steep_view_forms_a_triple_marked_steep() {
        let finder = |x: f64, y: f64, module: f64| Finder {
            centre: Point::new(x, y),
            module,
            count: 2,
        };
        let seen = [
            finder(184.0, 48.0, 2.75),
            finder(356.5, 211.5, 2.0),
            finder(101.0, 265.0, 5.19),
        ];
        let triples = finder_triples(&seen);
        let t = triples.first().expect("a triple");
        assert!(t.steep);
        assert_eq!(t.top_left.centre, Point::new(184.0, 48.0));
        assert_eq!(t.bottom_left.centre, Point::new(101.0, 265.0));
        let square = [
            finder(10.0, 10.0, 3.0),
            finder(100.0, 10.0, 3.0),
            finder(10.0, 100.0, 3.0),
        ];
        assert!(!finder_triples(&square).first().expect("a triple").steep);
        let too_far_apart = [seen[0], seen[1], finder(101.0, 265.0, 6.5)];
        assert!(finder_triples(&too_far_apart).is_empty());
    }

    #[test]
    fn collinear_finders_form_no_triple() {
        let pixels = finder_pixels(200, 3, &[(2, 2), (20, 2), (40, 2)]);
        let m = threshold_at_middle(200, 200, &pixels);
        assert!(finder_triples(&find_finders(&m)).is_empty());
    }

    // ISO/IEC 18004:2015 7.3.2: the finder pattern's runs are 1:1:3:1:1 modules.
    #[test]
    fn finder_runs_in_ratio_each_colour_against_its_own_module() {
        assert!(ratio_1_1_3_1_1(&[4, 4, 12, 4, 4]));
        assert!(ratio_1_1_3_1_1(&[1, 1, 3, 1, 1]));
        // Blurred and thresholded dark: the dark runs wider, the light ring narrower (the
        // benchmark's frame blur-2, bottom-left finder pattern).
        assert!(ratio_1_1_3_1_1(&[6, 2, 13, 4, 4]));
        assert!(ratio_1_1_3_1_1(&[5, 2, 13, 3, 4]));
        // Not a finder pattern: equal runs, a centre of one module, light runs far apart, a
        // light ring three times the dark module, runs too short to measure.
        assert!(!ratio_1_1_3_1_1(&[4, 4, 4, 4, 4]));
        assert!(!ratio_1_1_3_1_1(&[4, 4, 4, 4, 12]));
        assert!(!ratio_1_1_3_1_1(&[4, 1, 12, 7, 4]));
        assert!(!ratio_1_1_3_1_1(&[2, 8, 6, 8, 2]));
        assert!(!ratio_1_1_3_1_1(&[0, 0, 0, 0, 0]));
        assert!(!ratio_1_1_3_1_1(&[u32::MAX, 1, u32::MAX, 1, u32::MAX]));
    }
}
