//! The retry ladder: binarise, detect and decode; when nothing decodes, try again on cheap
//! variations of the image, in order of cost, and stop at the first that yields codes.
//!
//! | rung | helps with | cost (x one pass) |
//! |---|---|---|
//! | the image as given | - | 1 |
//! | halved (2 x 2 box mean) | large or blurred codes, sensor and JPEG noise, fine print scanned at high resolution | 1/4 |
//! | inverted | light code on a dark background (dark-mode screens) | detection only (about 2/3) |
//! | a third (3 x 3 box mean), images of at least 189 px a side | very large codes in big photos | 1/9 |
//! | 3 x 3 box blur, images up to 4 megapixels | sensor and salt-and-pepper noise | 1 |
//! | two thirds (area average) | codes whose modules straddle pixels after a resize, steep views | 4/9, and the resampling |
//! | doubled (bilinear), images up to half a megapixel | tiny and strongly blurred codes (finer thresholds) | 4 |
//!
//! The cost model of a miss: the negative is skipped once a grid that looked like a symbol was
//! seen the right way round, and the last three rungs, which cost a pass or more each, run only
//! once a cheaper rung saw a finder pattern, and try fewer finder triples (the blurred or tiny
//! codes they are for show plain finder patterns there); the blur, and doubling in an image over
//! half a megapixel, wait for more: a grid that looked like a symbol and did not decode (make
//! bench: the blur rung read none of its frames, and cost a tenth of the misses' time on the
//! steep views and curved codes no decoder reads). A one-and-a-half rung between the last two
//! rescued nothing the others did not and cost two passes, and doubling a 1280 x 720 frame cost
//! four and rescued nothing: both are gone from the whole-image ladder.
//!
//! The early decision that an image holds no code: the third's size and the costly rungs wait
//! for a confirmed finder pattern ([`CONFIRMING_ROWS`]) on a cheap rung, or (the third's size and
//! doubling) a lone look-alike in the image as given ([`MAX_LONE_LOOK_ALIKES`]). make bench's
//! frames without a code (noise, texture, print, tiles, scenes with the code painted out) then
//! cost what their cheap rungs cost, about half of what they did; no frame with a code lost its
//! read. The costly rungs come in order of what they read per millisecond there: in an image
//! small enough to double, doubling before the two-thirds rung.
//!
//! [`ScanEffort::Quick`] stops after the inverted rung: for a camera loop that sees another frame
//! a moment later anyway. A camera frame's region (`scan_region`) adds the blur and a
//! one-and-a-half rung, which a small region can afford.

use super::binarize::{self, BitMatrix, binarize};
use super::code::Code;
use super::decode::{Quad, TripleOutcome, decode_triple};
use super::finder::{FinderTriple, find_finders, finder_triples};
use super::geometry::Point;
use super::image::{self, Luma, MIN_SIDE, OwnedLuma};

/// Finder triples tried per pass (the most square-like first).
const MAX_TRIPLE_ATTEMPTS: usize = 40;
/// Finder triples tried per pass of a costly rung (blur, resampling): those rungs are for codes
/// too blurred or too small for the cheap ones, whose finder patterns then come out plainly;
/// trying every look-alike again there cost most of a miss's time (make bench: the curved frames).
const MAX_COSTLY_TRIPLE_ATTEMPTS: usize = 8;
/// A finder pattern crossed by at least this many scanned rows (every second row: one 8 pixels
/// tall or more) is confirmed. Every code of make bench showed one on a cheap rung, even those
/// only the costly rungs read (a defocused code, a steep view, a curved code at 2 pixels a
/// module); its frames without a code showed none (noise, salt-and-pepper, texture, print and
/// tiles give look-alikes crossed by one to three rows).
const CONFIRMING_ROWS: u32 = 4;
/// A code defocused beyond what the cheap rungs read may show one or two finder look-alikes and
/// nothing else in the image as given (tests/scan: six box blurs, sigma about 2 pixels at 3.9
/// pixels a module, read only when doubled): so few in a quiet image count as confirmed too.
/// Noise and print give many more (make bench: 7 to 200 in its frames without a code).
const MAX_LONE_LOOK_ALIKES: usize = 2;
/// Images up to this many pixels are also tried blurred (larger ones are denoised by the
/// shrinking rungs, which average blocks of pixels anyway).
const MAX_PIXELS_TO_BLUR: usize = 4_000_000;
/// Images up to this many pixels are also tried enlarged.
const MAX_PIXELS_TO_ENLARGE: usize = 1_000_000;
/// Images up to this many pixels are also tried doubled (a 640 x 480 frame; doubling a 1280 x 720
/// one cost four passes, and rescued no frame of the benchmark).
const MAX_PIXELS_TO_DOUBLE: usize = 500_000;

/// How hard [`scan_luma_with`](super::scan_luma_with) tries before giving up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ScanEffort {
    /// The image, its half-size version and its negative: for live camera frames.
    Quick,
    /// Every rung of the ladder: for photos and files, where a miss is final.
    #[default]
    Thorough,
}

#[derive(Clone, Copy, Debug)]
enum Rung {
    Original,
    Inverted,
    Shrink(usize),
    Resample {
        numerator: usize,
        denominator: usize,
    },
    Blur,
}

fn ladder(effort: ScanEffort, width: usize, height: usize) -> Vec<Rung> {
    let min_side = width.min(height);
    let mut rungs = vec![Rung::Original];
    if min_side / 2 >= MIN_SIDE as usize {
        rungs.push(Rung::Shrink(2));
    }
    rungs.push(Rung::Inverted);
    if effort == ScanEffort::Quick {
        return rungs;
    }
    if min_side / 3 >= 3 * MIN_SIDE as usize {
        rungs.push(Rung::Shrink(3));
    }
    // The costly rungs look only where finder patterns were seen, and each checks the size of
    // that part (costly_rung). By gain per millisecond: in an image small enough to double,
    // doubling (four passes over its part) read two of make bench's frames and the two-thirds
    // rung (one pass and the resampling) none, so doubling comes first there.
    let two_thirds = Rung::Resample {
        numerator: 2,
        denominator: 3,
    };
    let doubled = Rung::Resample {
        numerator: 2,
        denominator: 1,
    };
    rungs.push(Rung::Blur);
    if width.saturating_mul(height) <= MAX_PIXELS_TO_DOUBLE {
        rungs.extend([doubled, two_thirds]);
    } else {
        rungs.extend([two_thirds, doubled]);
    }
    rungs
}

/// Where codes lie in a scanned image: a rectangle in its pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Bounds {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Scanned {
    /// The same found in an image `factor` times larger (bounds scaled).
    fn scaled(self, factor: f64) -> Scanned {
        Scanned {
            bounds: self.bounds.map(|b| b.scaled(factor)),
            evidence: self.evidence.map(|b| b.scaled(factor)),
            ..self
        }
    }

    /// The same found in a part of an image whose top-left pixel is at (`dx`, `dy`).
    fn offset(self, dx: f64, dy: f64) -> Scanned {
        Scanned {
            bounds: self.bounds.map(|b| b.offset(dx, dy)),
            evidence: self.evidence.map(|b| b.offset(dx, dy)),
            ..self
        }
    }
}

impl Bounds {
    /// The rectangle moved by (`dx`, `dy`) pixels.
    pub fn offset(self, dx: f64, dy: f64) -> Bounds {
        Bounds {
            left: self.left + dx,
            top: self.top + dy,
            right: self.right + dx,
            bottom: self.bottom + dy,
        }
    }

    /// The rectangle around `quad`; `None` unless every corner is finite.
    fn around(quad: &Quad) -> Option<Bounds> {
        let mut bounds = Bounds {
            left: f64::INFINITY,
            top: f64::INFINITY,
            right: f64::NEG_INFINITY,
            bottom: f64::NEG_INFINITY,
        };
        for p in quad {
            bounds.left = bounds.left.min(p.x);
            bounds.top = bounds.top.min(p.y);
            bounds.right = bounds.right.max(p.x);
            bounds.bottom = bounds.bottom.max(p.y);
        }
        [bounds.left, bounds.top, bounds.right, bounds.bottom]
            .iter()
            .all(|v| v.is_finite())
            .then_some(bounds)
    }

    /// The rectangle grown by `margin` pixels on every side.
    fn grown(self, margin: f64) -> Bounds {
        Bounds {
            left: self.left - margin,
            top: self.top - margin,
            right: self.right + margin,
            bottom: self.bottom + margin,
        }
    }

    fn union(self, other: Bounds) -> Bounds {
        Bounds {
            left: self.left.min(other.left),
            top: self.top.min(other.top),
            right: self.right.max(other.right),
            bottom: self.bottom.max(other.bottom),
        }
    }

    pub fn scaled(self, factor: f64) -> Bounds {
        Bounds {
            left: self.left * factor,
            top: self.top * factor,
            right: self.right * factor,
            bottom: self.bottom * factor,
        }
    }
}

/// What a scan found: the distinct codes in reading order (top to bottom, then left to right),
/// and where they lie or, when none decoded, where a grid that looked like a symbol lay.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Scanned {
    pub codes: Vec<Code>,
    pub bounds: Option<Bounds>,
    /// Where finder patterns were seen, even ones that formed no symbol: the region a code may
    /// lie in, the only part of the image the ladder's costly rungs look at (`None`: no finder
    /// pattern, and no costly rung).
    pub evidence: Option<Bounds>,
    /// Whether a confirmed finder pattern ([`CONFIRMING_ROWS`]) was seen: without one, the
    /// ladder takes the image for one without a code and skips its costly rungs.
    pub confirmed: bool,
    /// Whether the finder patterns seen were at most [`MAX_LONE_LOOK_ALIKES`] and formed no
    /// symbol: what a strongly defocused code shows in the image as given.
    pub lone: bool,
}

/// Every distinct code in the image, in reading order (top to bottom, then left to right) on the
/// first rung that finds any. The caller has checked the size limits.
pub(crate) fn scan(image: &Luma<'_>, effort: ScanEffort) -> Scanned {
    scan_with(
        image,
        binarize(image),
        ladder(effort, image.width, image.height),
        Gate::Evidence,
        &mut |_| {},
    )
}

/// [`scan`] of RGBA pixels: the conversion to greyscale also gathers what the first
/// binarisation needs. The caller has checked the buffer's size and the size limits.
pub(crate) fn scan_rgba(width: usize, height: usize, rgba: &[u8], effort: ScanEffort) -> Scanned {
    scan_rgba_sampled(rgba, width, 1, width, height, effort)
}

/// [`scan_rgba`] of every `step`-th pixel of every `step`-th row of an RGBA image
/// `source_width` pixels wide (`width` x `height` of them), bounds in the sampled image's pixels.
pub(crate) fn scan_rgba_sampled(
    rgba: &[u8],
    source_width: usize,
    step: usize,
    width: usize,
    height: usize,
    effort: ScanEffort,
) -> Scanned {
    let (pixels, blocks) =
        binarize::luma_with_blocks_sampled(rgba, source_width, step, width, height);
    let image = Luma {
        width,
        height,
        pixels: &pixels,
    };
    let first = binarize::binarize_with_blocks(&image, blocks);
    scan_with(
        &image,
        first,
        ladder(effort, width, height),
        Gate::Evidence,
        &mut |_| {},
    )
}

/// A region of a camera frame where a code was seen a moment ago: the quick rungs, then the
/// blur and, for a region of up to a megapixel, the one-and-a-half rung (a region is small, so
/// it can afford to try harder than the whole frame).
pub(crate) fn scan_region(image: &Luma<'_>) -> Scanned {
    let mut rungs = ladder(ScanEffort::Quick, image.width, image.height);
    rungs.push(Rung::Blur);
    rungs.push(Rung::Resample {
        numerator: 3,
        denominator: 2,
    });
    // A code was there a moment ago: no confirmed finder pattern is asked for.
    scan_with(image, binarize(image), rungs, Gate::Seen, &mut |_| {})
}

/// What the costly rungs of a ladder ask for before they run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gate {
    /// A confirmed finder pattern on a cheaper rung (a whole image: most hold no code).
    Evidence,
    /// Nothing more (a camera frame's region, where a code was seen a moment ago).
    Seen,
}

/// Runs `rungs` over `image` (`first` being its binarisation) until one decodes something;
/// bounds in `image`'s pixels. `ran` hears of each rung that ran a detection pass.
fn scan_with<'a>(
    image: &Luma<'a>,
    first: BitMatrix<'a>,
    rungs: Vec<Rung>,
    gate: Gate,
    ran: &mut impl FnMut(Rung),
) -> Scanned {
    let mut original_bits = Some(first);
    let mut near: Option<Bounds> = None;
    let mut evidence: Option<Bounds> = None;
    let mut confirmed = gate == Gate::Seen;
    let mut lone = false;
    for rung in rungs {
        let found = match rung {
            Rung::Original => match &original_bits {
                Some(bits) => codes_in(bits, MAX_TRIPLE_ATTEMPTS),
                None => codes_in(&binarize(image), MAX_TRIPLE_ATTEMPTS),
            },
            // A grid that looked like a symbol (timing patterns, format information) in the
            // image as given says the code is dark on light: its negative is not worth a pass.
            Rung::Inverted if near.is_some() => continue,
            Rung::Inverted => match original_bits.take() {
                Some(bits) => codes_in(&bits.inverted(), MAX_TRIPLE_ATTEMPTS),
                None => codes_in(&binarize(image).inverted(), MAX_TRIPLE_ATTEMPTS),
            },
            // The early decision that the image holds no code: blurring and resampling (a pass
            // or more each, half the time of a miss before) and a third's size (for a very
            // large code, whose finder patterns the image as given shows crossed by many rows)
            // wait for a confirmed finder pattern, which every code of make bench showed on a
            // cheap rung and none of its frames without a code did (noise, texture, print,
            // tiles). A lone look-alike in the image as given opens the third's size and
            // doubling alone, the rung that reads a code defocused that far.
            Rung::Shrink(3) | Rung::Blur | Rung::Resample { .. }
                if !opened(rung, confirmed, lone) =>
            {
                continue;
            }
            Rung::Shrink(factor) => match image::downscale_box(image, factor) {
                Some(small) => codes_in_luma(&small, MAX_TRIPLE_ATTEMPTS).scaled(factor as f64),
                None => continue,
            },
            // The cost model of a miss: the rungs that cost a whole pass or more (blur,
            // resampling) run only where a cheaper one saw finder patterns, on that part of the
            // image alone. An image where neither the original, its negative nor its half and
            // third sizes shows one holds no code worth more passes, and a code that will not
            // read costs these rungs over its own area rather than the whole image's. (Looking
            // only around a grid that nearly decoded lost a strongly defocused code, tests/scan:
            // the grid was not the code's; the finder patterns' region holds both.)
            // Doubling costs four passes over its part: in an image over half a megapixel it
            // waits for a grid that looked like a symbol and did not decode (a small code that
            // nearly read; make bench: the large frames no decoder reads showed none).
            Rung::Resample {
                numerator: 2,
                denominator: 1,
            } if near.is_none()
                && image.width.saturating_mul(image.height) > MAX_PIXELS_TO_DOUBLE =>
            {
                continue;
            }
            // Blurring read no frame of make bench and cost its misses (steep views, curved
            // codes) a tenth of their time: it too waits for a grid that looked like a symbol.
            // (The two-thirds rung does not: a view steeper than make bench's perspective class
            // reads there from finder patterns alone, tests/scan.)
            Rung::Blur if near.is_none() => continue,
            Rung::Blur | Rung::Resample { .. } => {
                let Some(region) = evidence else {
                    continue;
                };
                let Some(found) = costly_rung(rung, image, region) else {
                    continue;
                };
                found
            }
        };
        ran(rung);
        if !found.codes.is_empty() {
            return found;
        }
        confirmed |= found.confirmed;
        lone |= matches!(rung, Rung::Original) && found.lone;
        near = near.or(found.bounds);
        if let Some(seen) = found.evidence {
            evidence = Some(evidence.map_or(seen, |e| e.union(seen)));
        }
    }
    Scanned {
        codes: Vec::new(),
        bounds: near,
        evidence,
        confirmed,
        lone: false,
    }
}

/// Whether the evidence of the cheap rungs opens `rung` (scan_with: the early decision that an
/// image holds no code): a confirmed finder pattern opens every rung; a lone look-alike in the
/// image as given, the third's size and doubling.
fn opened(rung: Rung, confirmed: bool, lone: bool) -> bool {
    confirmed
        || (lone
            && matches!(
                rung,
                Rung::Shrink(_)
                    | Rung::Resample {
                        numerator: 2,
                        denominator: 1,
                    }
            ))
}

/// A blur or resampling rung over the part of `image` inside `region`, bounds in `image`'s
/// pixels; `None` when there is nothing to do (the part too small to hold a code, or too large
/// for the rung).
fn costly_rung(rung: Rung, image: &Luma<'_>, region: Bounds) -> Option<Scanned> {
    let clip = |value: f64, limit: usize| {
        if value.is_finite() {
            value.max(0.0).min(limit as f64) as usize
        } else {
            0
        }
    };
    let (left, top) = (
        clip(region.left.floor(), image.width),
        clip(region.top.floor(), image.height),
    );
    let (right, bottom) = (
        clip(region.right.ceil(), image.width),
        clip(region.bottom.ceil(), image.height),
    );
    let (width, height) = (right.saturating_sub(left), bottom.saturating_sub(top));
    if width < MIN_SIDE as usize || height < MIN_SIDE as usize {
        return None;
    }
    let part;
    let view = if (width, height) == (image.width, image.height) {
        *image
    } else {
        part = image::crop(image, left, top, width, height);
        part.view()
    };
    let pixels = width.saturating_mul(height);
    let found = match rung {
        Rung::Resample {
            numerator: 2,
            denominator: 1,
        } if pixels <= MAX_PIXELS_TO_DOUBLE => {
            codes_in_luma(&image::doubled(&view), MAX_COSTLY_TRIPLE_ATTEMPTS).scaled(0.5)
        }
        Rung::Resample {
            numerator,
            denominator,
        } if pixels <= MAX_PIXELS_TO_ENLARGE => {
            let (w, h) = (
                width * numerator / denominator,
                height * numerator / denominator,
            );
            if w < MIN_SIDE as usize || h < MIN_SIDE as usize {
                return None;
            }
            codes_in_luma(&image::resample(&view, w, h), MAX_COSTLY_TRIPLE_ATTEMPTS)
                .scaled(denominator as f64 / numerator as f64)
        }
        Rung::Blur if pixels <= MAX_PIXELS_TO_BLUR => {
            codes_in_luma(&image::box_blur3(&view), MAX_COSTLY_TRIPLE_ATTEMPTS)
        }
        _ => return None,
    };
    Some(found.offset(left as f64, top as f64))
}

fn codes_in_luma(image: &OwnedLuma, max_triples: usize) -> Scanned {
    codes_in(&binarize(&image.view()), max_triples)
}

/// Detects and decodes every code in a binarised image, trying the `max_triples` most
/// square-like finder triples; each finder pattern serves one code.
fn codes_in(bits: &BitMatrix, max_triples: usize) -> Scanned {
    let finders = find_finders(bits);
    let mut used = vec![false; finders.len()];
    let mut found: Vec<(f64, f64, Code)> = Vec::new();
    let mut bounds: Option<Bounds> = None;
    let mut near: Option<Bounds> = None;
    let mut evidence: Option<Bounds> = None;
    let mut add_evidence = |region: Option<Bounds>| {
        if let Some(region) = region {
            evidence = Some(evidence.map_or(region, |e| e.union(region)));
        }
    };
    // The symbols decoded so far: a finder pattern inside one is part of its data (a look-alike
    // of data modules), not another symbol's corner, and costs no more grids.
    let mut decoded: Vec<Quad> = Vec::new();
    let triples = finder_triples(&finders);
    for triple in triples.iter().take(max_triples) {
        let members = [triple.bottom_left, triple.top_left, triple.top_right];
        if triple
            .members
            .iter()
            .any(|&i| used.get(i).copied().unwrap_or(true))
            || members
                .iter()
                .any(|f| decoded.iter().any(|quad| inside(quad, f.centre)))
        {
            continue;
        }
        add_evidence(triple_region(triple));
        match decode_triple(bits, triple) {
            TripleOutcome::Decoded(code, corners) => {
                for &i in &triple.members {
                    if let Some(flag) = used.get_mut(i) {
                        *flag = true;
                    }
                }
                found.push((triple.top_left.centre.y, triple.top_left.centre.x, code));
                decoded.push(corners);
                if let Some(around) = Bounds::around(&corners) {
                    bounds = Some(bounds.map_or(around, |b| b.union(around)));
                }
            }
            TripleOutcome::Promising(corners) => {
                near = near.or_else(|| Bounds::around(&corners));
            }
            TripleOutcome::Nothing => {}
        }
    }
    // Reading order (each symbol's top-left finder pattern serves it alone, so no two codes
    // share a place).
    crate::sort::sort_by(&mut found, |a, b| {
        a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)).is_lt()
    });
    let mut codes: Vec<Code> = Vec::new();
    for (_, _, code) in found {
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if triples.is_empty() {
        // Finder patterns that formed no symbol (the others too blurred or too small here): a
        // code of up to LONE_FINDER_REACH modules may lie around each.
        for finder in finders.iter().take(MAX_LONE_FINDERS) {
            let reach = LONE_FINDER_REACH * finder.module;
            add_evidence(Bounds::around(&[finder.centre; 4]).map(|b| b.grown(reach)));
        }
    }
    let bounds = if codes.is_empty() { near } else { bounds };
    Scanned {
        codes,
        bounds,
        evidence,
        confirmed: finders.iter().any(|f| f.count >= CONFIRMING_ROWS),
        lone: triples.is_empty() && (1..=MAX_LONE_LOOK_ALIKES).contains(&finders.len()),
    }
}

/// Whether `point` lies inside the convex quadrilateral `quad` (corners in order, either way
/// round).
fn inside(quad: &Quad, point: Point) -> bool {
    let next = quad.iter().cycle().skip(1);
    let sides = quad
        .iter()
        .zip(next)
        .map(|(a, b)| (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x) > 0.0);
    let left = sides.clone().filter(|&s| s).count();
    left == 0 || left == 4
}

/// Around a finder pattern that formed no symbol, the modules each way a costly rung looks
/// for its code (a version 17 symbol is 85 modules a side, and the pattern may be any corner).
const LONE_FINDER_REACH: f64 = 90.0;
/// Finder patterns that formed no symbol taken as evidence (the first found; noise can give
/// hundreds).
const MAX_LONE_FINDERS: usize = 24;

/// Where the symbol of a finder triple may lie: the parallelogram of its finder centres, grown by
/// the finder patterns' half width and the quiet zone (ten modules) or, for a view at an angle, a
/// fifth of its larger side.
fn triple_region(triple: &FinderTriple) -> Option<Bounds> {
    let (tl, tr, bl) = (
        triple.top_left.centre,
        triple.top_right.centre,
        triple.bottom_left.centre,
    );
    let br = Point::new(tr.x + bl.x - tl.x, tr.y + bl.y - tl.y);
    let around = Bounds::around(&[tl, tr, br, bl])?;
    let module =
        (triple.top_left.module + triple.top_right.module + triple.bottom_left.module) / 3.0;
    let side = (around.right - around.left).max(around.bottom - around.top);
    let margin = (10.0 * module).max(side / 5.0);
    margin.is_finite().then(|| around.grown(margin))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A seeded frame without a code: random dark and light blocks of 3 x 3 pixels (as the
    /// salt-and-pepper frame of make bench), which give finder look-alikes crossed by one to
    /// three scanned rows, and before the early decision set off every costly rung.
    fn salt_and_pepper(width: usize, height: usize, seed: u64) -> Vec<u8> {
        let mut state = seed;
        let mut next = move || {
            // xorshift64
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let columns = width.div_ceil(3);
        let cells: Vec<u8> = (0..columns * height.div_ceil(3))
            .map(|_| if next() & 1 == 0 { 40 } else { 215 })
            .collect();
        (0..width * height)
            .map(|i| cells[(i / width / 3) * columns + (i % width) / 3])
            .collect()
    }

    fn rungs_run(image: &Luma<'_>, effort: ScanEffort, gate: Gate) -> (Scanned, Vec<Rung>) {
        let mut ran = Vec::new();
        let rungs = ladder(effort, image.width, image.height);
        let found = scan_with(image, binarize(image), rungs, gate, &mut |rung| {
            ran.push(rung)
        });
        (found, ran)
    }

    fn costly(rung: &Rung) -> bool {
        matches!(rung, Rung::Blur | Rung::Resample { .. })
    }

    /// The cost model of a miss (module docs): a frame without a code whose cheap rungs saw no
    /// confirmed finder pattern runs none of the costly rungs; the same frame asking for no
    /// evidence (as a camera region does) runs them, so the decision is what spares them.
    #[test]
    fn a_frame_without_a_code_skips_the_costly_rungs() {
        let pixels = salt_and_pepper(640, 480, 923);
        let image = Luma {
            width: 640,
            height: 480,
            pixels: &pixels,
        };
        let (found, ran) = rungs_run(&image, ScanEffort::Thorough, Gate::Evidence);
        assert!(found.codes.is_empty());
        assert!(!found.confirmed);
        assert!(found.evidence.is_some(), "look-alikes were seen");
        assert!(!ran.iter().any(costly), "costly rungs ran: {ran:?}");
        let (_, ungated) = rungs_run(&image, ScanEffort::Thorough, Gate::Seen);
        assert!(
            ungated.iter().any(costly),
            "the frame sets off no costly rung"
        );
    }

    #[test]
    fn points_inside_a_quadrilateral_either_way_round() {
        let quad = [
            Point::new(0.0, 0.0),
            Point::new(10.0, 1.0),
            Point::new(11.0, 12.0),
            Point::new(-1.0, 10.0),
        ];
        let mut reversed = quad;
        reversed.reverse();
        for corners in [quad, reversed] {
            assert!(inside(&corners, Point::new(5.0, 5.0)));
            assert!(!inside(&corners, Point::new(12.0, 5.0)));
            assert!(!inside(&corners, Point::new(5.0, -0.5)));
        }
    }
}
