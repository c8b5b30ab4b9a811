//! The module grid of a finder triple: the symbol's size, and a projective transform from module
//! to pixel coordinates fitted to what the image shows of the symbol, then sampled.
//!
//! The module size comes from black-white-black runs between finder centres. The grid is then
//! fitted in turns of rising cost ([`Fit`]): to the corners of the three finder rings (which
//! carry the perspective of their own foreshortening), to those and the bottom-right alignment
//! pattern, to the parallelogram of the finder centres, and, for a size the version information
//! confirms, to every alignment pattern, then (version 7 and up) bent to the lattice of the
//! alignment patterns ([`lattice`](super::lattice)), which follows a curved sheet. The size
//! the version information declares, read beside the top-right and bottom-left finder patterns,
//! is tried first. Every pixel read goes through [`BitMatrix::get`] and
//! every transform result is checked for being finite, so no input reaches a panic.

use super::binarize::BitMatrix;
use super::finder::{Finder, FinderTriple};
use super::geometry::{Perspective, Point};
use super::lattice::{self, Lattice};

/// Smallest and largest symbols, in modules.
const MIN_DIMENSION: i64 = 21;
const MAX_DIMENSION: i64 = 177;

/// A module grid to try: the symbol size and the transform from module to pixel coordinates,
/// bent by the offsets of a lattice of alignment patterns where one transform is not enough.
#[derive(Clone, Debug)]
pub(crate) struct GridLocation {
    pub dimension: usize,
    pub transform: Perspective,
    pub bend: Option<Lattice>,
}

impl GridLocation {
    /// The pixel at module coordinates (`u`, `v`); `None` where the transform is degenerate.
    pub fn map(&self, u: f64, v: f64) -> Option<Point> {
        let p = self.transform.map(u, v)?;
        match &self.bend {
            None => Some(p),
            Some(lattice) => {
                let d = lattice.offset(u, v);
                let (x, y) = (p.x + d.x, p.y + d.y);
                (x.is_finite() && y.is_finite()).then_some(Point::new(x, y))
            }
        }
    }
}

/// A map from module to pixel coordinates.
type ModuleMap<'a> = &'a dyn Fn(f64, f64) -> Option<Point>;

// ---------------------------------------------------------------------------------------------
// Finder pattern corners

/// Rays cast from a finder pattern's centre towards each of its sides, as offsets along the
/// side (in half-widths of the pattern's centre square): they cross the side's middle part, away
/// from the corners, where the outer ring is crossed squarely.
const RAY_SLANTS: [f64; 5] = [-0.6, -0.3, 0.0, 0.3, 0.6];

/// Along a ray from a finder pattern's centre (`direction` a unit vector), the distance in
/// pixels to the middle of the pattern's outer dark ring: the point midway between the ring's
/// inner and outer edges, which moves neither when the binariser thickens ink nor when it thins
/// it. `None` when the runs crossed (dark centre, light ring, dark ring) are not those of a
/// finder pattern of about `module` pixels a module.
fn outer_ring_middle(m: &BitMatrix, centre: Point, direction: Point, module: f64) -> Option<f64> {
    // Half-pixel steps; a colour change counts only when the next step agrees (one stray pixel
    // of noise is not an edge).
    const STEP: f64 = 0.5;
    let limit = 12.0 * module;
    let dark_at = |s: f64| {
        let (x, y) = (centre.x + s * direction.x, centre.y + s * direction.y);
        x.is_finite() && y.is_finite() && m.get(x.floor() as i64, y.floor() as i64)
    };
    let mut edges = [0.0f64; 3];
    let mut found = 0usize;
    let mut s = 0.0;
    while found < 3 && s < limit {
        s += STEP;
        // The centre and the outer ring are dark, the ring between them light.
        let expected_dark = found.is_multiple_of(2);
        if dark_at(s) != expected_dark && dark_at(s + STEP) != expected_dark {
            if let Some(edge) = edges.get_mut(found) {
                *edge = s - STEP / 2.0;
            }
            found += 1;
        }
    }
    let [centre_edge, ring_inner, ring_outer] = edges;
    if found < 3 {
        return None;
    }
    // The centre's run is 1.5 modules along the ray, the light and dark rings 1 each.
    let along = centre_edge / 1.5;
    let light = ring_inner - centre_edge;
    let dark = ring_outer - ring_inner;
    let plausible = |run: f64| run > 0.4 * along && run < 2.5 * along;
    (along > 0.3 * module && along < 4.0 * module && plausible(light) && plausible(dark))
        .then_some((ring_inner + ring_outer) / 2.0)
}

/// A line through `points` (least squares, perpendicular distances): a point on it and its unit
/// direction. `None` for fewer than two points.
fn fit_line(points: &[Point]) -> Option<(Point, Point)> {
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let cx = points.iter().map(|p| p.x).sum::<f64>() / n;
    let cy = points.iter().map(|p| p.y).sum::<f64>() / n;
    let (mut sxx, mut sxy, mut syy) = (0.0, 0.0, 0.0);
    for p in points {
        let (dx, dy) = (p.x - cx, p.y - cy);
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    // The principal axis of the scatter matrix [[sxx, sxy], [sxy, syy]] (its larger
    // eigenvalue's eigenvector), without trigonometry: no libm code in the WebAssembly module.
    let larger = (sxx + syy) / 2.0 + ((sxx - syy) / 2.0).hypot(sxy);
    let (dx, dy) = if sxx >= syy {
        (larger - syy, sxy)
    } else {
        (sxy, larger - sxx)
    };
    let length = dx.hypot(dy);
    (cx.is_finite() && cy.is_finite() && length.is_finite() && length > 0.0)
        .then(|| (Point::new(cx, cy), Point::new(dx / length, dy / length)))
}

/// Where two lines (point, unit direction) cross; `None` when they are within about 11 degrees
/// of parallel.
fn intersect(a: (Point, Point), b: (Point, Point)) -> Option<Point> {
    let ((p, d), (q, e)) = (a, b);
    let cross = d.x * e.y - d.y * e.x;
    if cross.abs() < 0.2 {
        return None;
    }
    let t = ((q.x - p.x) * e.y - (q.y - p.y) * e.x) / cross;
    let point = Point::new(p.x + t * d.x, p.y + t * d.y);
    (point.x.is_finite() && point.y.is_finite()).then_some(point)
}

/// The corners of the middle line of a finder pattern's outer dark ring (module coordinates 0.5
/// and 6.5 of the pattern), in pixels: top-left, top-right, bottom-right, bottom-left in the
/// symbol's orientation, given the symbol's unit axes `across` (left to right) and `down`.
/// Each side is a line fitted through the ring's middle where rays from the centre cross it.
fn finder_corners(
    m: &BitMatrix,
    finder: &Finder,
    across: Point,
    down: Point,
) -> Option<[Point; 4]> {
    let module = finder.module;
    let negate = |p: Point| Point::new(-p.x, -p.y);
    // Sides in the order top, right, bottom, left: (outward normal, tangent).
    let sides = [
        (negate(down), across),
        (across, down),
        (down, across),
        (negate(across), down),
    ];
    let mut lines = [(finder.centre, across); 4];
    for ((normal, tangent), line) in sides.into_iter().zip(lines.iter_mut()) {
        let mut points = Vec::with_capacity(RAY_SLANTS.len());
        for slant in RAY_SLANTS {
            let (x, y) = (normal.x + slant * tangent.x, normal.y + slant * tangent.y);
            let length = x.hypot(y);
            if length.is_nan() || length <= 1e-9 {
                continue;
            }
            let direction = Point::new(x / length, y / length);
            if let Some(s) = outer_ring_middle(m, finder.centre, direction, module) {
                points.push(Point::new(
                    finder.centre.x + s * direction.x,
                    finder.centre.y + s * direction.y,
                ));
            }
        }
        if points.len() < 3 {
            return None;
        }
        *line = fit_line(&points)?;
    }
    let [top, right, bottom, left] = lines;
    let corners = [
        intersect(top, left)?,
        intersect(top, right)?,
        intersect(bottom, right)?,
        intersect(bottom, left)?,
    ];
    // The ring's middle line is 6 modules a side: reject a quadrilateral far from that.
    for (i, corner) in corners.iter().enumerate() {
        let next = corners.get((i + 1) % 4)?;
        let side = corner.distance(*next) / module;
        if !(2.0..=18.0).contains(&side) {
            return None;
        }
    }
    Some(corners)
}

/// The corners of all three finder patterns of a triple (bottom-left, top-left, top-right),
/// each as [`finder_corners`]; `None` unless all three are found.
pub(crate) fn triple_corners(m: &BitMatrix, t: &FinderTriple) -> Option<[[Point; 4]; 3]> {
    let (tl, tr, bl) = (t.top_left.centre, t.top_right.centre, t.bottom_left.centre);
    let unit = |from: Point, to: Point| {
        let length = from.distance(to);
        (length > 1e-9).then(|| Point::new((to.x - from.x) / length, (to.y - from.y) / length))
    };
    let across = unit(tl, tr)?;
    let down = unit(tl, bl)?;
    Some([
        finder_corners(m, &t.bottom_left, across, down)?,
        finder_corners(m, &t.top_left, across, down)?,
        finder_corners(m, &t.top_right, across, down)?,
    ])
}

/// Module coordinate pairs of the twelve finder ring corners of a `dimension` symbol (in the
/// order of [`triple_corners`]) with their pixels.
fn corner_pairs(corners: &[[Point; 4]; 3], dimension: usize) -> Vec<(Point, Point)> {
    let far = dimension as f64 - 7.0;
    let origins = [(0.0, far), (0.0, 0.0), (far, 0.0)];
    let square = [(0.5, 0.5), (6.5, 0.5), (6.5, 6.5), (0.5, 6.5)];
    let mut pairs = Vec::with_capacity(12);
    for (finder, (ox, oy)) in corners.iter().zip(origins) {
        for (pixel, (u, v)) in finder.iter().zip(square) {
            pairs.push((Point::new(ox + u, oy + v), *pixel));
        }
    }
    pairs
}

// ---------------------------------------------------------------------------------------------
// Size and alignment

/// Length of the black-white-black runs crossed when walking from `from` to `to` (Bresenham):
/// from a finder pattern's centre, half its width (3.5 modules); both ways, its full 7.
fn black_white_black_run(m: &BitMatrix, from: (i64, i64), to: (i64, i64)) -> Option<f64> {
    let (mut fx, mut fy) = from;
    let (mut tx, mut ty) = to;
    let steep = (ty - fy).abs() > (tx - fx).abs();
    if steep {
        (fx, fy) = (fy, fx);
        (tx, ty) = (ty, tx);
    }
    let dx = (tx - fx).abs();
    let dy = (ty - fy).abs();
    let mut error = -dx / 2;
    let x_step = if fx < tx { 1 } else { -1 };
    let y_step = if fy < ty { 1 } else { -1 };
    let mut state = 0;
    let x_limit = tx + x_step;
    let (mut x, mut y) = (fx, fy);
    while x != x_limit {
        let (real_x, real_y) = if steep { (y, x) } else { (x, y) };
        // State 1 is inside the white ring: a dark pixel ends it; states 0 and 2 end on light.
        if (state == 1) == m.get(real_x, real_y) {
            if state == 2 {
                return Some(((x - fx) as f64).hypot((y - fy) as f64));
            }
            state += 1;
        }
        error += dy;
        if error > 0 {
            if y == ty {
                break;
            }
            y += y_step;
            error -= dx;
        }
        x += x_step;
    }
    (state == 2).then(|| ((tx + x_step - fx) as f64).hypot((ty - fy) as f64))
}

/// The run both ways from `from`, towards `to` and away from it (clipped to the image).
fn black_white_black_both_ways(m: &BitMatrix, from: Point, to: Point) -> Option<f64> {
    let (w, h) = (m.width as f64, m.height as f64);
    let (fx, fy) = (from.x.floor(), from.y.floor());
    let (tx, ty) = (to.x.floor(), to.y.floor());
    let forward = black_white_black_run(m, (fx as i64, fy as i64), (tx as i64, ty as i64));

    let mut other_x = fx - (tx - fx);
    let mut scale = 1.0;
    if other_x < 0.0 {
        scale = fx / (fx - other_x);
        other_x = 0.0;
    } else if other_x >= w {
        scale = (w - 1.0 - fx) / (other_x - fx);
        other_x = w - 1.0;
    }
    let mut other_y = (fy - (ty - fy) * scale).floor();
    scale = 1.0;
    if other_y < 0.0 {
        scale = fy / (fy - other_y);
        other_y = 0.0;
    } else if other_y >= h {
        scale = (h - 1.0 - fy) / (other_y - fy);
        other_y = h - 1.0;
    }
    other_x = (fx + (other_x - fx) * scale).floor();
    if !(other_x.is_finite() && other_y.is_finite()) {
        return forward.map(|f| f * 2.0 - 1.0);
    }
    let backward =
        black_white_black_run(m, (fx as i64, fy as i64), (other_x as i64, other_y as i64));
    match (forward, backward) {
        (Some(f), Some(b)) => Some(f + b - 1.0),
        (Some(f), None) => Some(2.0 * f - 1.0),
        (None, Some(b)) => Some(2.0 * b - 1.0),
        (None, None) => None,
    }
}

fn module_size_one_way(m: &BitMatrix, p: Point, q: Point) -> Option<f64> {
    match (
        black_white_black_both_ways(m, p, q),
        black_white_black_both_ways(m, q, p),
    ) {
        (Some(a), Some(b)) => Some((a + b) / 14.0),
        (Some(a), None) | (None, Some(a)) => Some(a / 7.0),
        (None, None) => None,
    }
}

/// Module size in pixels, measured across the finder patterns along the symbol's edges.
fn module_size(m: &BitMatrix, t: &FinderTriple) -> f64 {
    let fallback = (t.top_left.module + t.top_right.module + t.bottom_left.module) / 3.0;
    let along_top = module_size_one_way(m, t.top_left.centre, t.top_right.centre);
    let along_left = module_size_one_way(m, t.top_left.centre, t.bottom_left.centre);
    let estimate = match (along_top, along_left) {
        (Some(a), Some(b)) => (a + b) / 2.0,
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => fallback,
    };
    // A measurement far from the finder patterns' own estimate crossed something else.
    if estimate.is_finite()
        && estimate >= 0.5
        && estimate < 4.0 * fallback
        && estimate > fallback / 4.0
    {
        estimate
    } else {
        fallback
    }
}

/// Candidate symbol sizes (modules per side), most likely first.
fn dimensions(t: &FinderTriple, module: f64) -> Vec<usize> {
    let across = (t.top_left.centre.distance(t.top_right.centre) / module).round();
    let down = (t.top_left.centre.distance(t.bottom_left.centre) / module).round();
    if !(across.is_finite() && down.is_finite()) {
        return Vec::new();
    }
    let estimate = ((across + down) / 2.0).floor() as i64 + 7;
    let primary = match estimate.rem_euclid(4) {
        0 => vec![estimate + 1],
        2 => vec![estimate - 1],
        3 => vec![estimate + 2, estimate - 2],
        _ => vec![estimate],
    };
    let mut out: Vec<i64> = primary.clone();
    for p in primary {
        out.extend([p - 4, p + 4]);
    }
    let mut seen = Vec::new();
    for d in out {
        if (MIN_DIMENSION..=MAX_DIMENSION).contains(&d) && !seen.contains(&(d as usize)) {
            seen.push(d as usize);
        }
    }
    seen
}

/// The bottom-right alignment pattern of a version 2+ symbol, looked for around where the
/// parallelogram of the finder centres predicts it.
fn centres_alignment(m: &BitMatrix, t: &FinderTriple, dimension: usize) -> Option<Point> {
    let centre = dimension as f64 - 6.5;
    snap_alignment(m, &transform(t, dimension, None), centre, centre)
}

fn transform(t: &FinderTriple, dimension: usize, alignment: Option<Point>) -> Perspective {
    let (tl, tr, bl) = (t.top_left.centre, t.top_right.centre, t.bottom_left.centre);
    let far = dimension as f64 - 3.5;
    let (bottom_right, source_bottom_right) = match alignment {
        Some(a) => (a, far - 3.0),
        None => (Point::new(tr.x - tl.x + bl.x, tr.y - tl.y + bl.y), far),
    };
    Perspective::quad_to_quad(
        [
            Point::new(3.5, 3.5),
            Point::new(far, 3.5),
            Point::new(source_bottom_right, source_bottom_right),
            Point::new(3.5, far),
        ],
        [tl, tr, bottom_right, bl],
    )
}

/// How far around its predicted place an alignment pattern is looked for, in half modules each
/// way (the coarse search), before the best place is refined in quarter modules.
const ALIGNMENT_SEARCH_HALVES: i32 = 5;
/// The search of [`ALIGNMENT_SEARCH_HALVES`] for an alignment pattern of a bent lattice predicted
/// along a row or column alone.
const BENT_SEARCH_HALVES: i32 = 8;
/// Of the 25 modules of an alignment pattern, how many must read as expected.
const ALIGNMENT_MIN_MATCHES: u32 = 22;
/// Of the 25, how many may read wrong at a place of the coarse search (a quarter module off the
/// pattern's centre at worst) for it to be refined.
const ALIGNMENT_COARSE_MISSES: u32 = 6;

/// How many of the 25 modules of an alignment pattern centred at module coordinates (`u`,
/// `v`) read as expected (dark ring, light ring, dark centre); the count stops short once more
/// than `max_misses` read wrong.
fn alignment_matches(m: &BitMatrix, map: ModuleMap<'_>, u: f64, v: f64, max_misses: u32) -> u32 {
    pattern_matches(
        |dx, dy| dark_at(m, map, u + f64::from(dx), v + f64::from(dy)),
        max_misses,
    )
}

/// Whether the module centred at module coordinates (`u`, `v`) reads dark (light where the
/// map is degenerate or far outside the image).
fn dark_at(m: &BitMatrix, map: ModuleMap<'_>, u: f64, v: f64) -> bool {
    match map(u, v) {
        Some(p) if p.x > -1.0e9 && p.x < 1.0e9 && p.y > -1.0e9 && p.y < 1.0e9 => {
            m.get(p.x.floor() as i64, p.y.floor() as i64)
        }
        _ => false,
    }
}

/// How many of the 25 modules of an alignment pattern read as expected, `dark(dx, dy)` reading
/// the module `dx`, `dy` from its centre; the count stops short once more than `max_misses`
/// read wrong.
fn pattern_matches(dark: impl Fn(i32, i32) -> bool, max_misses: u32) -> u32 {
    let (mut matches, mut misses) = (0, 0);
    for dy in -2i32..=2 {
        for dx in -2i32..=2 {
            let expected = dx.abs().max(dy.abs()) != 1;
            if dark(dx, dy) == expected {
                matches += 1;
            } else {
                misses += 1;
                if misses > max_misses {
                    return matches;
                }
            }
        }
    }
    matches
}

/// Where the alignment pattern expected at module centre (`u`, `v`) really is, in pixels: the
/// best of a coarse search in half modules up to two and a half modules each way, refined to
/// the middle of the quarter-module offsets around it at which the most of its modules match,
/// when enough do. The search is in module space, so a foreshortened pattern is no harder.
fn snap_alignment(m: &BitMatrix, transform: &Perspective, u: f64, v: f64) -> Option<Point> {
    snap_alignment_in(
        m,
        &|u, v| transform.map(u, v),
        u,
        v,
        ALIGNMENT_SEARCH_HALVES,
    )
}

/// [`snap_alignment`] through any map from module to pixel coordinates, searching `halves` half
/// modules each way.
fn snap_alignment_in(
    m: &BitMatrix,
    map: ModuleMap<'_>,
    u: f64,
    v: f64,
    halves: i32,
) -> Option<Point> {
    // Every place of the coarse search reads modules on the same half-module lattice: each of
    // its points is read once.
    let reach = halves + 4;
    let side = usize::try_from(2 * reach + 1).ok()?;
    let mut half_modules = Vec::with_capacity(side * side);
    for hy in -reach..=reach {
        for hx in -reach..=reach {
            let (cu, cv) = (u + f64::from(hx) / 2.0, v + f64::from(hy) / 2.0);
            half_modules.push(dark_at(m, map, cu, cv));
        }
    }
    let read = |hx: i32, hy: i32| {
        let (Ok(x), Ok(y)) = (usize::try_from(hx + reach), usize::try_from(hy + reach)) else {
            return false;
        };
        half_modules.get(y * side + x).copied().unwrap_or(false)
    };
    let mut coarse_best = 0;
    let (mut best_u, mut best_v) = (u, v);
    for hy in -halves..=halves {
        for hx in -halves..=halves {
            let (cu, cv) = (u + f64::from(hx) / 2.0, v + f64::from(hy) / 2.0);
            let score = pattern_matches(
                |dx, dy| read(hx + 2 * dx, hy + 2 * dy),
                ALIGNMENT_COARSE_MISSES,
            );
            if score > coarse_best {
                coarse_best = score;
                (best_u, best_v) = (cu, cv);
            }
        }
    }
    if coarse_best + ALIGNMENT_COARSE_MISSES < 25 {
        return None;
    }
    let mut best = 0;
    let (mut sum_u, mut sum_v, mut count) = (0.0, 0.0, 0.0);
    for qy in -2i32..=2 {
        for qx in -2i32..=2 {
            let (cu, cv) = (best_u + f64::from(qx) / 4.0, best_v + f64::from(qy) / 4.0);
            let score = alignment_matches(m, map, cu, cv, 25 - ALIGNMENT_MIN_MATCHES);
            if score > best {
                best = score;
                (sum_u, sum_v, count) = (0.0, 0.0, 0.0);
            }
            if score == best {
                sum_u += cu;
                sum_v += cv;
                count += 1.0;
            }
        }
    }
    if best < ALIGNMENT_MIN_MATCHES || count == 0.0 {
        return None;
    }
    map(sum_u / count, sum_v / count)
}

/// Refines a grid location with every alignment pattern of the symbol's version (version 2
/// and up): each is looked for where the current transform predicts it, nearest to the
/// finder patterns first, and the transform is refitted (least squares over the finder
/// points `anchors` and the patterns found) after each one, so that perspective, which an
/// estimate from the finder patterns alone follows only roughly, is learnt from the symbol
/// itself.
fn refine_with_alignments(
    m: &BitMatrix,
    anchors: Vec<(Point, Point)>,
    dimension: usize,
    initial: Perspective,
) -> Option<Perspective> {
    let version = dimension.checked_sub(17)? / 4;
    let centres = super::symbol::alignment_centres(version);
    let last = *centres.last()?;
    let mut pairs = anchors;
    let mut wanted: Vec<(f64, Point)> = Vec::new();
    for &cy in &centres {
        for &cx in &centres {
            // The three corners next to the finder patterns hold none.
            if (cx == 6 || cy == 6) && (cx.max(cy) == 6 || cx.max(cy) == last) {
                continue;
            }
            let centre = Point::new(cx as f64 + 0.5, cy as f64 + 0.5);
            let nearest = pairs
                .iter()
                .map(|p| p.0.distance(centre))
                .fold(f64::INFINITY, f64::min);
            wanted.push((nearest, centre));
        }
    }
    crate::sort::sort_by(&mut wanted, |a, b| a.0.total_cmp(&b.0).is_lt());
    let mut transform = initial;
    let mut found = 0;
    for (_, centre) in wanted {
        if let Some(pixel) = snap_alignment(m, &transform, centre.x, centre.y) {
            pairs.push((centre, pixel));
            found += 1;
            if let Some(fitted) = Perspective::fit(&pairs) {
                transform = fitted;
            }
        }
    }
    (found > 0).then_some(transform)
}

/// The ways of fitting a module grid to a finder triple, in the order tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fit {
    /// A projective fit to the corners of the three finder patterns' rings: perspective read
    /// from the patterns' own foreshortening.
    Corners,
    /// [`Fit::Corners`] and the bottom-right alignment pattern, looked for where that fit
    /// predicts it.
    CornersAndAlignment,
    /// The finder centres and the bottom-right alignment pattern, looked for where the
    /// parallelogram of the centres predicts it (ZXing's estimate).
    CentresAndAlignment,
    /// The parallelogram of the finder centres.
    Centres,
    /// Every alignment pattern of the version, each found where the fit so far predicts it:
    /// the slowest fit, for a size the symbol declared.
    AllAlignments,
    /// [`Fit::AllAlignments`] bent to the lattice of alignment patterns (version 7 and up),
    /// each found where its neighbours predict it: for a symbol on curved paper.
    Bent,
}

/// What the fits of one finder triple share: the module size and the finder ring corners.
pub(crate) struct SymbolGeometry<'a> {
    m: &'a BitMatrix<'a>,
    triple: &'a FinderTriple,
    module: f64,
    corners: Option<[[Point; 4]; 3]>,
}

impl<'a> SymbolGeometry<'a> {
    /// `None` when the finder patterns give no usable module size, or a steep triple's finder
    /// rings have no corners (the fits without them cannot follow a steep view).
    pub fn new(m: &'a BitMatrix<'a>, triple: &'a FinderTriple) -> Option<Self> {
        let module = module_size(m, triple);
        if !(module.is_finite() && module > 0.0) {
            return None;
        }
        let corners = triple_corners(m, triple);
        if triple.steep && corners.is_none() {
            return None;
        }
        Some(SymbolGeometry {
            m,
            triple,
            module,
            corners,
        })
    }

    /// Candidate symbol sizes, most likely first: the size the version information declares
    /// when read beside the finder patterns ([`Self::version_beside_finders`]), then the sizes the finder patterns' spacing suggests.
    pub fn dimensions(&self) -> Vec<usize> {
        let mut sizes = dimensions(self.triple, self.module);
        if let Some(version) = self.version_beside_finders() {
            let declared = 17 + 4 * version;
            sizes.retain(|&d| d != declared);
            sizes.insert(0, declared);
        }
        sizes
    }

    /// The version the version information declares (version 7 and up), each copy read
    /// through the ring of the finder pattern beside it (the top-right and the
    /// bottom-left): no module size or symbol size is assumed, so a size misjudged from the
    /// finder patterns' spacing (modules narrowed towards the edges of curved paper make the
    /// finder patterns look smaller than the modules between them) does not misplace it.
    /// `None` without the rings' corners or when neither copy is within two bit errors of a
    /// version.
    fn version_beside_finders(&self) -> Option<usize> {
        let [bottom_left, _, top_right] = self.corners.as_ref()?;
        let ring = [
            Point::new(0.5, 0.5),
            Point::new(6.5, 0.5),
            Point::new(6.5, 6.5),
            Point::new(0.5, 6.5),
        ];
        let beside_top_right = Perspective::quad_to_quad(ring, *top_right);
        let beside_bottom_left = Perspective::quad_to_quad(ring, *bottom_left);
        // The smallest symbol with version information: its finder patterns start 7 modules
        // before its far edges.
        const DIMENSION: usize = 45;
        let far = (DIMENSION - 7) as f64;
        let dark = |transform: &Perspective, u: f64, v: f64| match transform.map(u, v) {
            Some(p) if p.x > -1.0e9 && p.x < 1.0e9 && p.y > -1.0e9 && p.y < 1.0e9 => {
                self.m.get(p.x.floor() as i64, p.y.floor() as i64)
            }
            _ => false,
        };
        let mut words = [0u32; 2];
        for bit in 0..18 {
            let [(x, y), (x2, y2)] = super::symbol::version_bit_positions(DIMENSION, bit);
            let top = dark(&beside_top_right, x as f64 - far + 0.5, y as f64 + 0.5);
            let left = dark(&beside_bottom_left, x2 as f64 + 0.5, y2 as f64 - far + 0.5);
            words[0] |= u32::from(top) << bit;
            words[1] |= u32::from(left) << bit;
        }
        // The copy nearer a version's codeword, within two bit errors (garbage is that near
        // one of the 34 versions about one time in fifty; a wrong size costs time, not a
        // misread).
        words
            .iter()
            .filter_map(|&word| {
                let version = super::symbol::nearest_version(word)?;
                let errors = (super::symbol::version_information(u32::try_from(version).ok()?)
                    ^ word)
                    .count_ones();
                (errors <= 2).then_some((errors, version))
            })
            .min()
            .map(|(_, version)| version)
    }

    /// The fits to try for a symbol of `dimension` modules, in order (the first one reads the
    /// version information).
    pub fn fits(&self) -> &'static [Fit] {
        if self.corners.is_some() {
            &[
                Fit::Corners,
                Fit::CornersAndAlignment,
                Fit::Centres,
                Fit::CentresAndAlignment,
                Fit::AllAlignments,
                Fit::Bent,
            ]
        } else {
            &[
                Fit::Centres,
                Fit::CentresAndAlignment,
                Fit::AllAlignments,
                Fit::Bent,
            ]
        }
    }

    fn anchors(&self, dimension: usize) -> Vec<(Point, Point)> {
        match &self.corners {
            Some(corners) => corner_pairs(corners, dimension),
            None => {
                let far = dimension as f64 - 3.5;
                vec![
                    (Point::new(3.5, 3.5), self.triple.top_left.centre),
                    (Point::new(far, 3.5), self.triple.top_right.centre),
                    (Point::new(3.5, far), self.triple.bottom_left.centre),
                ]
            }
        }
    }

    fn all_alignments(&self, dimension: usize) -> Option<Perspective> {
        let (m, t) = (self.m, self.triple);
        let anchors = self.anchors(dimension);
        let initial = match self.corners {
            Some(_) => Perspective::fit(&anchors)?,
            None => transform(t, dimension, centres_alignment(m, t, dimension)),
        };
        refine_with_alignments(m, anchors, dimension, initial)
    }

    /// The lattice of alignment patterns of a `dimension` symbol as offsets from `base`: the
    /// three finder corners from the finder patterns (their ring corners, or their centres),
    /// then each alignment pattern looked for where the nodes found so far predict it (through
    /// the grid they bend, so a pattern narrowed by the curve is matched at its own size), the
    /// best predicted first. `None` unless at least half the alignment patterns are found.
    fn bend(&self, dimension: usize, base: &Perspective) -> Option<Lattice> {
        let version = dimension.checked_sub(17)? / 4;
        let knots: Vec<f64> = super::symbol::alignment_centres(version)
            .iter()
            .map(|&c| c as f64 + 0.5)
            .collect();
        let n = knots.len();
        let (first, last) = (*knots.first()?, *knots.last()?);
        let mut known: Vec<Option<Point>> = vec![None; n * n];
        let offset = |module: Point, pixel: Point| {
            base.map(module.x, module.y)
                .map(|p| Point::new(pixel.x - p.x, pixel.y - p.y))
        };
        // The finder corners of the lattice: module (6.5, 6.5) and its mirrors are corners of
        // the finder rings' middle lines; without the rings, each finder centre's offset.
        let t = self.triple;
        let finder_nodes = match &self.corners {
            Some([bottom_left, top_left, top_right]) => [
                (0, Point::new(first, first), top_left[2]),
                (n - 1, Point::new(last, first), top_right[3]),
                ((n - 1) * n, Point::new(first, last), bottom_left[1]),
            ],
            None => {
                let far = dimension as f64 - 3.5;
                [
                    (0, Point::new(3.5, 3.5), t.top_left.centre),
                    (n - 1, Point::new(far, 3.5), t.top_right.centre),
                    ((n - 1) * n, Point::new(3.5, far), t.bottom_left.centre),
                ]
            }
        };
        for (index, module, pixel) in finder_nodes {
            *known.get_mut(index)? = Some(offset(module, pixel)?);
        }
        let mut tried = vec![false; n * n];
        for (index, _, _) in finder_nodes {
            *tried.get_mut(index)? = true;
        }
        let mut found = 0usize;
        loop {
            let (filled, kinds) = lattice::fill(&knots, &known)?;
            // The best predicted node not tried yet.
            let mut next: Option<(lattice::Prediction, usize)> = None;
            for (index, kind) in kinds.iter().enumerate() {
                if let Some(kind) = *kind
                    && !tried.get(index).copied().unwrap_or(true)
                    && next.is_none_or(|(best, _)| kind > best)
                {
                    next = Some((kind, index));
                }
            }
            let Some((kind, next)) = next else {
                break;
            };
            *tried.get_mut(next)? = true;
            let bent = Lattice::new(knots.clone(), filled)?;
            let (u, v) = (*knots.get(next % n)?, *knots.get(next / n)?);
            // The bent grid around the node as one projective transform (through its points
            // three modules away each way): the pattern is matched at its own size and slant,
            // for the cost of a flat search.
            let bent_at = |du: f64, dv: f64| {
                let p = base.map(u + du, v + dv)?;
                let d = bent.offset(u + du, v + dv);
                Some(Point::new(p.x + d.x, p.y + d.y))
            };
            let local = Perspective::quad_to_quad(
                [
                    Point::new(u - 3.0, v - 3.0),
                    Point::new(u + 3.0, v - 3.0),
                    Point::new(u + 3.0, v + 3.0),
                    Point::new(u - 3.0, v + 3.0),
                ],
                [
                    bent_at(-3.0, -3.0)?,
                    bent_at(3.0, -3.0)?,
                    bent_at(3.0, 3.0)?,
                    bent_at(-3.0, 3.0)?,
                ],
            );
            // A node predicted from a known corner is searched as usual; one predicted along a
            // row or column alone, where a bend of the other axis goes unseen, farther.
            let halves = if kind == lattice::Prediction::Parallelogram {
                ALIGNMENT_SEARCH_HALVES
            } else {
                BENT_SEARCH_HALVES
            };
            if let Some(pixel) = snap_alignment_in(self.m, &|a, b| local.map(a, b), u, v, halves) {
                *known.get_mut(next)? = Some(offset(Point::new(u, v), pixel)?);
                found += 1;
            }
        }
        // The alignment patterns: every node but the three finder corners.
        let patterns = n * n - 3;
        if 2 * found < patterns {
            return None;
        }
        let (filled, _) = lattice::fill(&knots, &known)?;
        Lattice::new(knots, filled)
    }

    /// The grid of `dimension` modules as `fit` places it; `None` when that fit does not apply
    /// (no corners, no alignment pattern found, a degenerate transform).
    pub fn location(&self, dimension: usize, fit: Fit) -> Option<GridLocation> {
        let (m, t) = (self.m, self.triple);
        let alignment_centre = dimension as f64 - 6.5;
        let transform = match fit {
            Fit::Corners => Perspective::fit(&corner_pairs(self.corners.as_ref()?, dimension))?,
            Fit::CornersAndAlignment => {
                if dimension <= 21 {
                    return None;
                }
                let mut pairs = corner_pairs(self.corners.as_ref()?, dimension);
                let initial = Perspective::fit(&pairs)?;
                let found = snap_alignment(m, &initial, alignment_centre, alignment_centre)?;
                pairs.push((Point::new(alignment_centre, alignment_centre), found));
                Perspective::fit(&pairs)?
            }
            Fit::CentresAndAlignment => {
                if dimension <= 21 {
                    return None;
                }
                let found = centres_alignment(m, t, dimension)?;
                transform(t, dimension, Some(found))
            }
            Fit::Centres => transform(t, dimension, None),
            Fit::AllAlignments => self.all_alignments(dimension)?,
            Fit::Bent => {
                if dimension < 45 {
                    return None;
                }
                // The base: the fit to the finder rings' corners where they were found (the
                // lattice learns the rest), else the fit to every alignment pattern.
                let base = match &self.corners {
                    Some(corners) => Perspective::fit(&corner_pairs(corners, dimension))?,
                    None => self.all_alignments(dimension)?,
                };
                let bend = self.bend(dimension, &base)?;
                return Some(GridLocation {
                    dimension,
                    transform: base,
                    bend: Some(bend),
                });
            }
        };
        Some(GridLocation {
            dimension,
            transform,
            bend: None,
        })
    }
}

/// Whether the module at column `x`, row `y` of a grid location reads dark (light when the
/// transform is degenerate there or the point is far outside the image).
pub(crate) fn sample_module(m: &BitMatrix, location: &GridLocation, x: usize, y: usize) -> bool {
    match location.map(x as f64 + 0.5, y as f64 + 0.5) {
        Some(p) if p.x > -1.0e9 && p.x < 1.0e9 && p.y > -1.0e9 && p.y < 1.0e9 => {
            m.get(p.x.floor() as i64, p.y.floor() as i64)
        }
        _ => false,
    }
}

/// Samples the module grid (row-major, `true` dark) at each module's centre; `None` when the
/// transform is degenerate.
pub(crate) fn sample_grid(m: &BitMatrix, location: &GridLocation) -> Option<Vec<bool>> {
    let n = location.dimension;
    let mut modules = Vec::with_capacity(n * n);
    for y in 0..n {
        for x in 0..n {
            let p = location.map(x as f64 + 0.5, y as f64 + 0.5)?;
            // Far outside the image (or beyond i64) reads as light.
            let inside = p.x > -1.0e9 && p.x < 1.0e9 && p.y > -1.0e9 && p.y < 1.0e9;
            modules.push(inside && m.get(p.x.floor() as i64, p.y.floor() as i64));
        }
    }
    Some(modules)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binarize::{finder_pixels, test_pixels, threshold_at_middle};
    use crate::finder::{find_finders, finder_triples};

    /// A bent grid is only a way of sampling: the Reed-Solomon check decides, so a lattice that
    /// puts part of the grid a module off gives no text, never another one (the decoder's rule:
    /// a damaged code gives back its text or nothing).
    #[test]
    fn a_wrongly_bent_grid_gives_nothing_rather_than_a_wrong_text() {
        let text = "KZ1:".to_string() + &"0123456789ABCDEF".repeat(20);
        let code = crate::encode(&text).expect("a code");
        let version = usize::from(code.version());
        assert!(version >= 7, "version {version}");
        let (pixels_per_module, quiet) = (3.0, 4.0);
        let image = code.to_luma(3, 4).expect("an image");
        let (w, h) = (image.width() as usize, image.height() as usize);
        let m = threshold_at_middle(w, h, image.pixels());
        let dimension = 17 + 4 * version;
        let transform = Perspective::quad_to_quad(
            [
                Point::new(0.0, 0.0),
                Point::new(1.0, 0.0),
                Point::new(1.0, 1.0),
                Point::new(0.0, 1.0),
            ],
            [
                Point::new(quiet * pixels_per_module, quiet * pixels_per_module),
                Point::new((quiet + 1.0) * pixels_per_module, quiet * pixels_per_module),
                Point::new(
                    (quiet + 1.0) * pixels_per_module,
                    (quiet + 1.0) * pixels_per_module,
                ),
                Point::new(quiet * pixels_per_module, (quiet + 1.0) * pixels_per_module),
            ],
        );
        let knots: Vec<f64> = crate::symbol::alignment_centres(version)
            .iter()
            .map(|&c| c as f64 + 0.5)
            .collect();
        let n = knots.len();
        let decoded = |offsets: Vec<Point>| {
            let location = GridLocation {
                dimension,
                transform,
                bend: Some(Lattice::new(knots.clone(), offsets).expect("a lattice")),
            };
            let modules = sample_grid(&m, &location).expect("a grid");
            crate::grid::decode_grid(dimension, &modules).map(|payload| payload.bytes)
        };
        // Unbent, the grid reads the text.
        assert_eq!(
            decoded(vec![Point::new(0.0, 0.0); n * n]),
            Some(text.into_bytes())
        );
        // Every other node a module (3 pixels) off: most of the grid is read from the wrong
        // modules.
        let shifted = (0..n * n)
            .map(|k| {
                let d = if (k % n + k / n).is_multiple_of(2) {
                    3.0
                } else {
                    -3.0
                };
                Point::new(d, -d)
            })
            .collect();
        assert_eq!(decoded(shifted), None);
    }

    #[test]
    fn finder_ring_corners_follow_the_pattern() {
        // Finder patterns at modules (2, 2), (20, 2), (2, 20), 4 pixels a module: the middle
        // of the top-left pattern's outer ring runs 0.5 module inside its edge, from pixel
        // (2 + 0.5) * 4 = 10 to (2 + 6.5) * 4 = 34.
        let pixels = finder_pixels(120, 4, &[(2, 2), (20, 2), (2, 20)]);
        let m = threshold_at_middle(120, 120, &pixels);
        let finders = find_finders(&m);
        let triple = finder_triples(&finders).first().copied().expect("a triple");
        let corners = triple_corners(&m, &triple).expect("corners");
        let top_left = corners[1];
        let expected = [(10.0, 10.0), (34.0, 10.0), (34.0, 34.0), (10.0, 34.0)];
        for (corner, (x, y)) in top_left.iter().zip(expected) {
            assert!(
                (corner.x - x).abs() < 0.6 && (corner.y - y).abs() < 0.6,
                "{top_left:?}"
            );
        }
        // The grid fitted to the twelve corners maps module (20.5, 2.5), the top-right
        // pattern's outer ring, onto pixels (82, 10).
        let fitted = Perspective::fit(&corner_pairs(&corners, 25)).expect("a fit");
        let p = fitted.map(18.5, 0.5).expect("a point");
        assert!(
            (p.x - 82.0).abs() < 0.6 && (p.y - 10.0).abs() < 0.6,
            "{p:?}"
        );
        // A blank image has no rings.
        let blank = test_pixels(120, 120, |_, _| false);
        assert_eq!(
            triple_corners(&threshold_at_middle(120, 120, &blank), &triple),
            None
        );
    }
}
