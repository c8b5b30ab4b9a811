//! A module grid bent to follow a symbol that one projective transform cannot: a large code on
//! curved paper (a sheet bent round a cylinder narrows its modules towards the edges, so a
//! version 30 code at 2 pixels a module is several modules off a flat grid there).
//!
//! The nodes are the symbol's alignment pattern centres (and the finder patterns' ring corners
//! that stand in the lattice's three finder corners). Each node carries how far, in pixels, the
//! symbol lies from a base projective transform there; between nodes the offset is interpolated
//! by cubic Lagrange polynomials on each axis (the four nearest nodes), so a curve that bends
//! smoothly across the symbol is followed cell by cell.
//!
//! Nodes whose pattern was not found are predicted from their neighbours: first by the
//! parallelogram rule (`d(i, j) = d(i - 1, j) + d(i, j - 1) - d(i - 1, j - 1)`, exact for a
//! bend along either axis of the symbol, which is what a sheet bent round one axis gives), then
//! by interpolation along a row or column, then by extrapolation.

use super::geometry::Point;

/// Pixel offsets from a base transform at the nodes of the alignment lattice, and their
/// interpolation between nodes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Lattice {
    /// The nodes' module coordinates on each axis (the same both ways), increasing.
    knots: Vec<f64>,
    /// The offset at each node, row-major (`row * knots.len() + column`).
    offsets: Vec<Point>,
}

impl Lattice {
    /// `None` unless there are at least three knots, increasing, and one offset per node, all
    /// finite.
    pub fn new(knots: Vec<f64>, offsets: Vec<Point>) -> Option<Lattice> {
        let n = knots.len();
        let finite = |p: &Point| p.x.is_finite() && p.y.is_finite();
        (n >= 3
            && knots.windows(2).all(|w| w[0] < w[1])
            && offsets.len() == n * n
            && offsets.iter().all(finite))
        .then_some(Lattice { knots, offsets })
    }

    /// The offset at module coordinates (`u`, `v`).
    pub fn offset(&self, u: f64, v: f64) -> Point {
        let n = self.knots.len();
        let (column, across) = lagrange(&self.knots, u);
        let (row, down) = lagrange(&self.knots, v);
        let mut sum = Point::new(0.0, 0.0);
        for (r, wv) in down.iter().enumerate() {
            for (c, wu) in across.iter().enumerate() {
                if let Some(p) = self.offsets.get((row + r) * n + column + c) {
                    sum.x += wu * wv * p.x;
                    sum.y += wu * wv * p.y;
                }
            }
        }
        sum
    }
}

/// The first of the (up to) four knots nearest `t` and their Lagrange weights: the cubic through
/// them, evaluated at `t` (beyond the ends, the end cubic extended).
fn lagrange(knots: &[f64], t: f64) -> (usize, [f64; 4]) {
    let n = knots.len();
    let count = n.min(4);
    let interval = knots
        .iter()
        .skip(1)
        .take(n.saturating_sub(2))
        .filter(|&&k| t >= k)
        .count();
    let start = interval.saturating_sub(1).min(n - count);
    let mut weights = [0.0; 4];
    for (a, weight) in weights.iter_mut().enumerate().take(count) {
        let ka = knots.get(start + a).copied().unwrap_or(0.0);
        *weight = (0..count)
            .filter(|&b| b != a)
            .map(|b| {
                let kb = knots.get(start + b).copied().unwrap_or(0.0);
                (t - kb) / (ka - kb)
            })
            .product();
    }
    (start, weights)
}

/// How a node's offset can be predicted from the nodes known so far, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Prediction {
    /// From one known node only (constant).
    Nearest,
    /// Linear extrapolation along a row or column.
    Extrapolated,
    /// Interpolation between known nodes on both sides along a row or column.
    Interpolated,
    /// The parallelogram rule from a known 2 x 2 corner.
    Parallelogram,
}

/// The most nodes a lattice has on each axis (version 35 and up: 7).
const MAX_KNOTS: usize = 7;

/// The offset of node (`i`, `j`) predicted from the `known` nodes of the lattice with `knots`,
/// and how; `None` when no node is known.
pub(crate) fn predict(
    knots: &[f64],
    known: &[Option<Point>],
    i: usize,
    j: usize,
) -> Option<(Prediction, Point)> {
    let n = knots.len();
    let at = |c: usize, r: usize| -> Option<Point> {
        if c < n && r < n {
            known.get(r * n + c).copied().flatten()
        } else {
            None
        }
    };
    // The parallelogram rule from each of the four corners around the node.
    let (mut sum, mut count) = (Point::new(0.0, 0.0), 0.0);
    for (di, dj) in [(-1isize, -1isize), (1, -1), (-1, 1), (1, 1)] {
        let (Some(ci), Some(cj)) = (i.checked_add_signed(di), j.checked_add_signed(dj)) else {
            continue;
        };
        if let (Some(a), Some(b), Some(c)) = (at(ci, j), at(i, cj), at(ci, cj)) {
            sum.x += a.x + b.x - c.x;
            sum.y += a.y + b.y - c.y;
            count += 1.0;
        }
    }
    if count > 0.0 {
        return Some((
            Prediction::Parallelogram,
            Point::new(sum.x / count, sum.y / count),
        ));
    }
    // Along the node's row and its column; the better kind, both averaged when alike.
    let mut best: Option<Prediction> = None;
    let (mut sum, mut count) = (Point::new(0.0, 0.0), 0.0);
    for along_row in [true, false] {
        let mut line = [(0usize, Point::new(0.0, 0.0)); MAX_KNOTS];
        let mut length = 0;
        for k in 0..n.min(MAX_KNOTS) {
            let p = if along_row { at(k, j) } else { at(i, k) };
            if let (Some(p), Some(slot)) = (p, line.get_mut(length)) {
                *slot = (k, p);
                length += 1;
            }
        }
        let position = if along_row { i } else { j };
        let Some((kind, guess)) = along_line(knots, line.get(..length)?, position) else {
            continue;
        };
        if best.is_none_or(|b| kind > b) {
            best = Some(kind);
            (sum, count) = (Point::new(0.0, 0.0), 0.0);
        }
        if best == Some(kind) {
            sum.x += guess.x;
            sum.y += guess.y;
            count += 1.0;
        }
    }
    if let Some(kind) = best {
        return Some((kind, Point::new(sum.x / count, sum.y / count)));
    }
    // Any known node, the nearest in the lattice.
    let mut nearest: Option<(usize, Point)> = None;
    for r in 0..n {
        for c in 0..n {
            if let Some(p) = at(c, r) {
                let distance = c.abs_diff(i) + r.abs_diff(j);
                if nearest.is_none_or(|(d, _)| distance < d) {
                    nearest = Some((distance, p));
                }
            }
        }
    }
    nearest.map(|(_, p)| (Prediction::Nearest, p))
}

/// A prediction at `position` from the known `(index, offset)` points of one row or column (in
/// increasing index): the cubic through the two nearest on each side, or a line through the two
/// nearest on one side.
fn along_line(
    knots: &[f64],
    points: &[(usize, Point)],
    position: usize,
) -> Option<(Prediction, Point)> {
    let knot = |k: usize| knots.get(k).copied().unwrap_or(0.0);
    let split = points.iter().filter(|p| p.0 < position).count();
    let (before, after) = points.split_at(split);
    let after = after.get(usize::from(after.first().is_some_and(|p| p.0 == position))..)?;
    let (kind, used): (Prediction, &[(usize, Point)]) = match (before.len(), after.len()) {
        (0, 0) => return None,
        (b, a) if b > 0 && a > 0 => {
            // The two nearest on each side (a cubic through four, or fewer): a contiguous run.
            let from = split.saturating_sub(2);
            let to = (split + a.min(2)).min(points.len());
            (Prediction::Interpolated, points.get(from..to)?)
        }
        (0, 1) => (Prediction::Nearest, after),
        (1, 0) => (Prediction::Nearest, before),
        (0, _) => (Prediction::Extrapolated, after.get(..2)?),
        (b, _) => (Prediction::Extrapolated, before.get(b - 2..)?),
    };
    let t = knot(position);
    let mut sum = Point::new(0.0, 0.0);
    for (a, &(ka, pa)) in used.iter().enumerate() {
        let weight: f64 = used
            .iter()
            .enumerate()
            .filter(|&(b, _)| b != a)
            .map(|(_, &(kb, _))| (t - knot(kb)) / (knot(ka) - knot(kb)))
            .product();
        sum.x += weight * pa.x;
        sum.y += weight * pa.y;
    }
    Some((kind, sum))
}

/// Every node's offset (the known ones, the others predicted from the known ones alone), and for
/// each unknown node how it was predicted. `None` when no node is known.
pub(crate) fn fill(
    knots: &[f64],
    known: &[Option<Point>],
) -> Option<(Vec<Point>, Vec<Option<Prediction>>)> {
    let n = knots.len();
    let mut offsets = Vec::with_capacity(known.len());
    let mut kinds = Vec::with_capacity(known.len());
    for (index, slot) in known.iter().enumerate() {
        match slot {
            Some(p) => {
                offsets.push(*p);
                kinds.push(None);
            }
            None => {
                let (kind, p) = predict(knots, known, index % n, index / n)?;
                offsets.push(p);
                kinds.push(Some(kind));
            }
        }
    }
    Some((offsets, kinds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolation_reproduces_cubics_and_the_nodes() {
        let knots = vec![6.5, 30.5, 56.5, 82.5, 108.5, 134.5];
        let n = knots.len();
        let curve = |u: f64, v: f64| Point::new(0.001 * u * u * u / 100.0 - 0.02 * u, 0.3 * v);
        let offsets = (0..n * n)
            .map(|k| curve(knots[k % n], knots[k / n]))
            .collect();
        let lattice = Lattice::new(knots.clone(), offsets).expect("a lattice");
        for (u, v) in [(0.5, 0.5), (20.0, 100.0), (56.5, 82.5), (140.0, 70.0)] {
            let got = lattice.offset(u, v);
            let want = curve(u, v);
            assert!((got.x - want.x).abs() < 1e-9 && (got.y - want.y).abs() < 1e-9);
        }
        assert_eq!(
            Lattice::new(vec![1.0, 2.0], vec![Point::new(0.0, 0.0); 4]),
            None
        );
    }

    #[test]
    fn a_bend_along_one_axis_is_predicted_exactly() {
        // The offsets of a sheet bent round a vertical axis depend on the column alone: from the
        // finder corners' column and row, every other node follows by the parallelogram rule
        // once its neighbours are known.
        let knots = vec![6.5, 26.5, 46.5, 66.5];
        let n = knots.len();
        let bend = |i: usize, j: usize| Point::new((i as f64 - 1.5).powi(3), 0.5 * j as f64);
        let mut known = vec![None; n * n];
        for k in 0..n {
            known[k] = Some(bend(k, 0));
            known[k * n] = Some(bend(0, k));
        }
        for j in 1..n {
            for i in 1..n {
                let (kind, p) = predict(&knots, &known, i, j).expect("a prediction");
                assert_eq!((kind, p), (Prediction::Parallelogram, bend(i, j)));
                known[j * n + i] = Some(p);
            }
        }
        // Along a row alone, between known nodes: the polynomial through them (here three, so
        // a parabola is reproduced).
        let parabola = |k: usize| Point::new(0.01 * knots[k] * knots[k], 1.0);
        let row: Vec<(usize, Point)> = [0, 1, 3].iter().map(|&k| (k, parabola(k))).collect();
        let (kind, p) = along_line(&knots, &row, 2).expect("a prediction");
        assert_eq!(kind, Prediction::Interpolated);
        assert!((p.x - parabola(2).x).abs() < 1e-9 && (p.y - 1.0).abs() < 1e-9);
        let (filled, kinds) = fill(
            &knots,
            &[None, Some(bend(1, 0)), None, None]
                .into_iter()
                .chain(std::iter::repeat_n(None, n * n - 4))
                .collect::<Vec<_>>(),
        )
        .expect("filled");
        assert_eq!(filled[0], bend(1, 0));
        assert_eq!(kinds[0], Some(Prediction::Nearest));
        assert_eq!(kinds[1], None);
    }
}
