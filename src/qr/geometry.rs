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

    /// Maps `(u, v)`; `None` when the result is not a finite point (a degenerate transform).
    pub fn map(&self, u: f64, v: f64) -> Option<Point> {
        let [[a, b, c], [d, e, f], [g, h, i]] = self.m;
        let denominator = g * u + h * v + i;
        let x = (a * u + b * v + c) / denominator;
        let y = (d * u + e * v + f) / denominator;
        (x.is_finite() && y.is_finite()).then_some(Point { x, y })
    }
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
    fn degenerate_transform_maps_to_none() {
        let p = Point::new(1.0, 1.0);
        let t = Perspective::quad_to_quad([p; 4], [p; 4]);
        assert_eq!(t.map(0.5, 0.5), None);
    }
}
