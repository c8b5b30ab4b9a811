//! Plane geometry for the detector: points and the projective transform that maps module
//! coordinates of a QR symbol onto image pixels.

/// A point in image or module coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    pub fn squared_distance(self, other: Point) -> f64 {
        let (dx, dy) = (self.x - other.x, self.y - other.y);
        dx * dx + dy * dy
    }
}

/// A projective transform `(u, v) -> (x, y)` as a 3 x 3 homogeneous matrix (row-major).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Perspective {
    m: [[f64; 3]; 3],
}

impl Perspective {
    /// The transform taking the quadrilateral `from` onto `to` (corners in the same order).
    pub fn quad_to_quad(from: [Point; 4], to: [Point; 4]) -> Perspective {
        let square_to_target = Self::square_to_quad(to);
        let source_to_square = Self::square_to_quad(from).adjugate();
        square_to_target.times(&source_to_square)
    }

    /// Maps the unit square (0,0), (1,0), (1,1), (0,1) onto `q`.
    fn square_to_quad(q: [Point; 4]) -> Perspective {
        let [p0, p1, p2, p3] = q;
        let dx3 = p0.x - p1.x + p2.x - p3.x;
        let dy3 = p0.y - p1.y + p2.y - p3.y;
        if dx3 == 0.0 && dy3 == 0.0 {
            return Perspective {
                m: [
                    [p1.x - p0.x, p2.x - p1.x, p0.x],
                    [p1.y - p0.y, p2.y - p1.y, p0.y],
                    [0.0, 0.0, 1.0],
                ],
            };
        }
        let (dx1, dx2) = (p1.x - p2.x, p3.x - p2.x);
        let (dy1, dy2) = (p1.y - p2.y, p3.y - p2.y);
        let denominator = dx1 * dy2 - dx2 * dy1;
        let a13 = (dx3 * dy2 - dx2 * dy3) / denominator;
        let a23 = (dx1 * dy3 - dx3 * dy1) / denominator;
        Perspective {
            m: [
                [p1.x - p0.x + a13 * p1.x, p3.x - p0.x + a23 * p3.x, p0.x],
                [p1.y - p0.y + a13 * p1.y, p3.y - p0.y + a23 * p3.y, p0.y],
                [a13, a23, 1.0],
            ],
        }
    }

    /// The adjugate: the inverse up to a scale factor, which a homogeneous transform ignores.
    fn adjugate(&self) -> Perspective {
        let [[a, b, c], [d, e, f], [g, h, i]] = self.m;
        Perspective {
            m: [
                [e * i - f * h, c * h - b * i, b * f - c * e],
                [f * g - d * i, a * i - c * g, c * d - a * f],
                [d * h - e * g, b * g - a * h, a * e - b * d],
            ],
        }
    }

    /// `self` after `other`.
    fn times(&self, other: &Perspective) -> Perspective {
        let mut m = [[0.0; 3]; 3];
        for (r, row) in m.iter_mut().enumerate() {
            for (c, cell) in row.iter_mut().enumerate() {
                *cell = (0..3).map(|k| self.m[r][k] * other.m[k][c]).sum();
            }
        }
        Perspective { m }
    }

    /// The least-squares projective transform taking each pair's first point onto its second
    /// (at least four pairs, not three on a line); `None` when they do not determine one.
    /// Both sides are first centred and scaled (Hartley's normalisation) so that module and
    /// pixel coordinates of very different sizes give a well-conditioned system.
    pub fn fit(pairs: &[(Point, Point)]) -> Option<Perspective> {
        if pairs.len() < 4 {
            return None;
        }
        let (from_normal, _) = normaliser(pairs.iter().map(|p| p.0))?;
        let (to_normal, to_denormal) = normaliser(pairs.iter().map(|p| p.1))?;
        // Normal equations of the 8 unknowns (the ninth entry fixed at 1).
        let mut a = [[0.0f64; 9]; 8];
        for &(from, to) in pairs {
            let u = from_normal.map(from.x, from.y)?;
            let x = to_normal.map(to.x, to.y)?;
            let rows = [
                [u.x, u.y, 1.0, 0.0, 0.0, 0.0, -u.x * x.x, -u.y * x.x, x.x],
                [0.0, 0.0, 0.0, u.x, u.y, 1.0, -u.x * x.y, -u.y * x.y, x.y],
            ];
            for row in rows {
                for (r, line) in a.iter_mut().enumerate() {
                    for (c, cell) in line.iter_mut().enumerate() {
                        *cell += row[r] * row[c];
                    }
                }
            }
        }
        let h = solve8(a)?;
        let fitted = Perspective {
            m: [[h[0], h[1], h[2]], [h[3], h[4], h[5]], [h[6], h[7], 1.0]],
        };
        Some(to_denormal.times(&fitted).times(&from_normal))
    }

    /// Maps `(u, v)`; `None` when the result is not a finite point (a degenerate transform).
    pub fn map(&self, u: f64, v: f64) -> Option<Point> {
        let [[a, b, c], [d, e, f], [g, h, i]] = self.m;
        let denominator = g * u + h * v + i;
        let x = (a * u + b * v + c) / denominator;
        let y = (d * u + e * v + f) / denominator;
        (x.is_finite() && y.is_finite()).then_some(Point { x, y })
    }
}

/// The similarity moving `points` to their centroid at the origin and to a mean distance of
/// sqrt(2) from it, and its inverse; `None` when the points all coincide.
fn normaliser(points: impl Iterator<Item = Point> + Clone) -> Option<(Perspective, Perspective)> {
    let (mut sx, mut sy, mut n) = (0.0, 0.0, 0.0);
    for p in points.clone() {
        sx += p.x;
        sy += p.y;
        n += 1.0;
    }
    let centre = Point::new(sx / n, sy / n);
    let spread = points.map(|p| p.distance(centre)).sum::<f64>() / n;
    if !(spread.is_finite() && spread > 1e-9) {
        return None;
    }
    let scale = std::f64::consts::SQRT_2 / spread;
    Some((
        Perspective {
            m: [
                [scale, 0.0, -scale * centre.x],
                [0.0, scale, -scale * centre.y],
                [0.0, 0.0, 1.0],
            ],
        },
        Perspective {
            m: [
                [1.0 / scale, 0.0, centre.x],
                [0.0, 1.0 / scale, centre.y],
                [0.0, 0.0, 1.0],
            ],
        },
    ))
}

/// Solves the 8 x 8 system whose augmented matrix is `a` (Gaussian elimination with partial
/// pivoting); `None` when it is singular.
fn solve8(mut a: [[f64; 9]; 8]) -> Option<[f64; 8]> {
    for column in 0..8 {
        let pivot =
            (column..8).max_by(|&i, &j| a[i][column].abs().total_cmp(&a[j][column].abs()))?;
        if a[pivot][column].abs() <= 1e-12 || a[pivot][column].is_nan() {
            return None;
        }
        a.swap(column, pivot);
        let lead = a[column];
        for (r, row) in a.iter_mut().enumerate() {
            if r != column {
                let factor = row[column] / lead[column];
                for (cell, &l) in row.iter_mut().zip(lead.iter()) {
                    *cell -= factor * l;
                }
            }
        }
    }
    let mut h = [0.0; 8];
    for (i, value) in h.iter_mut().enumerate() {
        *value = a[i][8] / a[i][i];
        if !value.is_finite() {
            return None;
        }
    }
    Some(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(p: Point, x: f64, y: f64) -> bool {
        (p.x - x).abs() < 1e-6 && (p.y - y).abs() < 1e-6
    }

    #[test]
    fn quad_to_quad_maps_corners() {
        let from = [
            Point::new(3.5, 3.5),
            Point::new(17.5, 3.5),
            Point::new(17.5, 17.5),
            Point::new(3.5, 17.5),
        ];
        let to = [
            Point::new(10.0, 20.0),
            Point::new(110.0, 25.0),
            Point::new(120.0, 140.0),
            Point::new(5.0, 115.0),
        ];
        let t = Perspective::quad_to_quad(from, to);
        for (f, g) in from.iter().zip(to.iter()) {
            assert!(close(t.map(f.x, f.y).unwrap(), g.x, g.y), "{f:?} -> {g:?}");
        }
    }

    #[test]
    fn least_squares_fit_recovers_a_perspective() {
        let truth = Perspective::quad_to_quad(
            [
                Point::new(3.5, 3.5),
                Point::new(81.5, 3.5),
                Point::new(78.5, 78.5),
                Point::new(3.5, 81.5),
            ],
            [
                Point::new(94.0, 122.0),
                Point::new(276.0, 64.0),
                Point::new(250.0, 420.0),
                Point::new(62.0, 382.0),
            ],
        );
        let mut pairs = Vec::new();
        for (u, v) in [
            (3.5, 3.5),
            (81.5, 3.5),
            (3.5, 81.5),
            (30.5, 30.5),
            (54.5, 78.5),
        ] {
            pairs.push((Point::new(u, v), truth.map(u, v).unwrap()));
        }
        let fitted = Perspective::fit(&pairs).unwrap();
        for (u, v) in [(0.0, 0.0), (85.0, 85.0), (40.0, 10.0)] {
            let (a, b) = (truth.map(u, v).unwrap(), fitted.map(u, v).unwrap());
            assert!(a.distance(b) < 1e-6, "{a:?} {b:?}");
        }
        let collinear: Vec<_> = (0..4)
            .map(|i| (Point::new(f64::from(i), 0.0), Point::new(f64::from(i), 1.0)))
            .collect();
        assert!(Perspective::fit(&collinear).is_none());
        assert!(Perspective::fit(&pairs[..3]).is_none());
    }

    #[test]
    fn degenerate_transform_maps_to_none() {
        let p = Point::new(1.0, 1.0);
        let t = Perspective::quad_to_quad([p; 4], [p; 4]);
        assert_eq!(t.map(0.5, 0.5), None);
    }
}
