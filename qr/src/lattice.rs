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

/// The offset of node (`i`, `j`) predicted from the `known` nodes of an `n` x `n` lattice with
/// `knots`, and how; `None` when no node is known.
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
    let mean = |points: &[Point]| {
        let k = points.len() as f64;
        Point::new(
            points.iter().map(|p| p.x).sum::<f64>() / k,
            points.iter().map(|p| p.y).sum::<f64>() / k,
        )
    };
    // The parallelogram rule from each of the four corners around the node.
    let mut corners = Vec::new();
    for (di, dj) in [(-1i64, -1i64), (1, -1), (-1, 1), (1, 1)] {
        let (Some(ci), Some(cj)) = (
            i.checked_add_signed(di as isize),
            j.checked_add_signed(dj as isize),
        ) else {
            continue;
        };
        if let (Some(a), Some(b), Some(c)) = (at(ci, j), at(i, cj), at(ci, cj)) {
            corners.push(Point::new(a.x + b.x - c.x, a.y + b.y - c.y));
        }
    }
    if !corners.is_empty() {
        return Some((Prediction::Parallelogram, mean(&corners)));
    }
    // Along the node's row and its column: the known nodes' positions and offsets.
    let mut best: Option<(Prediction, Vec<Point>)> = None;
    for line in [0, 1] {
        let points: Vec<(usize, Point)> = (0..n)
            .filter_map(|k| {
                let p = if line == 0 { at(k, j) } else { at(i, k) };
                p.map(|p| (k, p))
            })
            .collect();
        let position = if line == 0 { i } else { j };
        let Some(guess) = along_line(knots, &points, position) else {
            continue;
        };
        match &mut best {
            Some((kind, guesses)) if *kind == guess.0 => guesses.push(guess.1),
            Some((kind, _)) if *kind > guess.0 => {}
            _ => best = Some((guess.0, vec![guess.1])),
        }
    }
    if let Some((kind, guesses)) = best {
        return Some((kind, mean(&guesses)));
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

/// A prediction at `position` from the known `(index, offset)` points of one row or column.
fn along_line(
    knots: &[f64],
    points: &[(usize, Point)],
    position: usize,
) -> Option<(Prediction, Point)> {
    let knot = |k: usize| knots.get(k).copied().unwrap_or(0.0);
    let t = knot(position);
    let before: Vec<&(usize, Point)> = points.iter().filter(|p| p.0 < position).collect();
    let after: Vec<&(usize, Point)> = points.iter().filter(|p| p.0 > position).collect();
    let (kind, used): (Prediction, Vec<&(usize, Point)>) =
        if !before.is_empty() && !after.is_empty() {
            // The two nearest on each side (a cubic through four, or fewer).
            let mut used: Vec<&(usize, Point)> = before.iter().rev().take(2).copied().collect();
            used.extend(after.iter().take(2));
            (Prediction::Interpolated, used)
        } else {
            let side: Vec<&(usize, Point)> = if before.is_empty() {
                after.iter().take(2).copied().collect()
            } else {
                before.iter().rev().take(2).copied().collect()
            };
            match side.len() {
                0 => return None,
                1 => (Prediction::Nearest, side),
                _ => (Prediction::Extrapolated, side),
            }
        };
    let mut sum = Point::new(0.0, 0.0);
    for (a, &&(ka, pa)) in used.iter().enumerate() {
        let weight: f64 = used
            .iter()
            .enumerate()
            .filter(|&(b, _)| b != a)
            .map(|(_, &&(kb, _))| (t - knot(kb)) / (knot(ka) - knot(kb)))
            .product();
        sum.x += weight * pa.x;
        sum.y += weight * pa.y;
    }
    Some((kind, sum))
}

/// Every node's offset: the known ones, and the others predicted one after another, the best
/// predicted first (each then counting as known); the order of the predicted nodes is returned
/// too. `None` when no node is known.
pub(crate) fn fill(knots: &[f64], known: &[Option<Point>]) -> Option<(Vec<Point>, Vec<usize>)> {
    let n = knots.len();
    let mut have: Vec<Option<Point>> = known.to_vec();
    let mut order = Vec::new();
    loop {
        let mut best: Option<(Prediction, usize, Point)> = None;
        for (index, slot) in have.iter().enumerate() {
            if slot.is_some() {
                continue;
            }
            let Some((kind, guess)) = predict(knots, &have, index % n, index / n) else {
                continue;
            };
            if best.as_ref().is_none_or(|(k, _, _)| kind > *k) {
                best = Some((kind, index, guess));
            }
        }
        let Some((_, index, guess)) = best else {
            break;
        };
        if let Some(slot) = have.get_mut(index) {
            *slot = Some(guess);
        }
        order.push(index);
    }
    let filled: Option<Vec<Point>> = have.into_iter().collect();
    filled.map(|f| (f, order))
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
        // finder corners' column and row, every other node follows by the parallelogram rule.
        let knots = vec![6.5, 26.5, 46.5, 66.5];
        let n = knots.len();
        let bend = |i: usize, j: usize| Point::new((i as f64 - 1.5).powi(3), 0.5 * j as f64);
        let mut known = vec![None; n * n];
        for k in 0..n {
            known[k] = Some(bend(k, 0));
            known[k * n] = Some(bend(0, k));
        }
        let (filled, order) = fill(&knots, &known).expect("filled");
        assert_eq!(order.len(), (n - 1) * (n - 1));
        for (index, p) in filled.iter().enumerate() {
            assert_eq!(*p, bend(index % n, index / n));
        }
    }
}
