//! Round trips render -> rasterise -> (distort) -> scan, on images generated here with fixed
//! seeds. Source of the requirements: certificate spec section 1 (one alphanumeric segment,
//! level Q, quiet zone 4) and web spec "Verify" (small, blurred or rotated codes retried at
//! other scales before giving up).

use tirkeu_qr::{self as qr, LumaImage, ScanEffort, ScanError};

use crate::support::{Rng, render, scan, text};

fn map_pixels(image: &LumaImage, mut f: impl FnMut(usize, u8) -> u8) -> LumaImage {
    let pixels = image
        .pixels()
        .iter()
        .enumerate()
        .map(|(i, &p)| f(i, p))
        .collect();
    LumaImage::new(image.width(), image.height(), pixels).unwrap()
}

fn rotate90(image: &LumaImage) -> LumaImage {
    let (w, h) = (image.width(), image.height());
    let mut out = vec![0u8; (w * h) as usize];
    for y in 0..h {
        for x in 0..w {
            // (x, y) -> (h - 1 - y, x): a quarter turn clockwise.
            out[(x * h + (h - 1 - y)) as usize] = image.pixel(x, y).unwrap();
        }
    }
    LumaImage::new(h, w, out).unwrap()
}

/// Rotation by `degrees` about the centre into a canvas `margin` pixels larger, bilinear.
fn rotate(image: &LumaImage, degrees: f64, margin: u32) -> LumaImage {
    let (w, h) = (image.width() as f64, image.height() as f64);
    let (ow, oh) = (image.width() + 2 * margin, image.height() + 2 * margin);
    let (sin, cos) = degrees.to_radians().sin_cos();
    let sample = |x: f64, y: f64| -> f64 {
        if x < 0.0 || y < 0.0 || x > w - 1.0 || y > h - 1.0 {
            return 255.0;
        }
        let (x0, y0) = (x.floor(), y.floor());
        let (fx, fy) = (x - x0, y - y0);
        let p = |dx: f64, dy: f64| {
            f64::from(
                image
                    .pixel((x0 + dx).min(w - 1.0) as u32, (y0 + dy).min(h - 1.0) as u32)
                    .unwrap(),
            )
        };
        p(0.0, 0.0) * (1.0 - fx) * (1.0 - fy)
            + p(1.0, 0.0) * fx * (1.0 - fy)
            + p(0.0, 1.0) * (1.0 - fx) * fy
            + p(1.0, 1.0) * fx * fy
    };
    let mut out = Vec::with_capacity((ow * oh) as usize);
    for y in 0..oh {
        for x in 0..ow {
            let (dx, dy) = (x as f64 - ow as f64 / 2.0, y as f64 - oh as f64 / 2.0);
            let (sx, sy) = (
                cos * dx + sin * dy + w / 2.0,
                -sin * dx + cos * dy + h / 2.0,
            );
            out.push(sample(sx, sy).round() as u8);
        }
    }
    LumaImage::new(ow, oh, out).unwrap()
}

/// Pastes `image` into a `width` x `height` canvas of `background` at (`left`, `top`).
fn paste(canvas: &mut LumaImage, image: &LumaImage, left: u32, top: u32) {
    let (cw, ch) = (canvas.width(), canvas.height());
    let mut pixels = canvas.pixels().to_vec();
    for y in 0..image.height() {
        for x in 0..image.width() {
            pixels[((top + y) * cw + left + x) as usize] = image.pixel(x, y).unwrap();
        }
    }
    *canvas = LumaImage::new(cw, ch, pixels).unwrap();
}

/// Adds zero-mean noise of the given amplitude (triangular distribution).
fn noisy(image: &LumaImage, amplitude: i32, seed: u64) -> LumaImage {
    let mut rng = Rng(seed);
    map_pixels(image, |_, p| {
        let n =
            (rng.below(amplitude as u64 + 1) + rng.below(amplitude as u64 + 1)) as i32 - amplitude;
        (i32::from(p) + n).clamp(0, 255) as u8
    })
}

fn salt_and_pepper(image: &LumaImage, per_mille: u64, seed: u64) -> LumaImage {
    let mut rng = Rng(seed);
    map_pixels(image, |_, p| match rng.below(1000) {
        r if r < per_mille / 2 => 0,
        r if r < per_mille => 255,
        _ => p,
    })
}

/// Small clean codes at every position of a small frame, at the camera loop's quick effort.
/// Found by the frame_scanner fuzz target: in a version 1 code at 3 pixels a module, a run of
/// data modules next to the top-right finder looked like a finder itself, ending on that
/// finder's outer ring; the row scan resumed past it and never saw the real finder, so about
/// half the positions failed.
#[test]
fn small_codes_at_every_position_at_quick_effort() {
    // The fuzz target's text first (its data modules make the look-alike), then generated ones.
    let texts = [
        "KZ1:USAG6000000".to_owned(),
        text(3, 15),
        text(4, 30),
        text(5, 60),
    ];
    for t in texts {
        let length = t.len();
        for module_pixels in [2, 3, 4] {
            let code = render(&t, module_pixels);
            let (width, height) = (code.width() + 48, code.height() + 9);
            for left in 0..=48 {
                for top in [0, 4, 9] {
                    let mut frame =
                        LumaImage::new(width, height, vec![255; (width * height) as usize])
                            .unwrap();
                    paste(&mut frame, &code, left, top);
                    let found =
                        qr::scan_luma_with(width, height, frame.pixels(), ScanEffort::Quick);
                    assert_eq!(
                        found.unwrap(),
                        std::slice::from_ref(&t),
                        "{length} characters, {module_pixels} px a module, at ({left}, {top})"
                    );
                }
            }
        }
    }
}

#[test]
fn round_trip_at_several_module_sizes() {
    let t = text(1, 600);
    for module_pixels in [1, 2, 3, 4, 6, 9] {
        assert_eq!(
            scan(&render(&t, module_pixels)),
            std::slice::from_ref(&t),
            "{module_pixels} px a module"
        );
    }
}

#[test]
fn round_trip_of_every_size_class_up_to_version_40() {
    // Lengths that land in versions 1, 2, 7 (version information starts), 14, 18, 27 and 40.
    for (seed, len) in [
        (2, 5),
        (3, 29),
        (4, 100),
        (5, 400),
        (6, 700),
        (7, 1100),
        (8, 2420),
    ] {
        let t = text(seed, len);
        let code = qr::encode(&t).unwrap();
        assert_eq!(
            scan(&render(&t, 3)),
            std::slice::from_ref(&t),
            "{len} characters, version {}",
            code.version()
        );
    }
}

#[test]
fn realistic_certificates_fit_version_18_or_below() {
    // Source: certificate spec section 1 ("A realistic record fits version 18 or below"); the
    // level-Q alphanumeric capacity of version 18 is 574 characters (ISO/IEC 18004 table 7).
    assert_eq!(qr::encode(&text(9, 400)).unwrap().version(), 15);
    assert_eq!(qr::encode(&text(9, 574)).unwrap().version(), 18);
    assert_eq!(qr::encode(&text(9, 575)).unwrap().version(), 19);
    assert_eq!(qr::encode(&text(9, 700)).unwrap().version(), 20);
}

#[test]
fn rotated_by_quarter_turns() {
    let t = text(10, 500);
    let mut image = render(&t, 3);
    for turn in 1..=3 {
        image = rotate90(&image);
        assert_eq!(
            scan(&image),
            std::slice::from_ref(&t),
            "{} degrees",
            90 * turn
        );
    }
}

#[test]
fn rotated_by_arbitrary_angles() {
    let t = text(11, 300);
    let image = render(&t, 4);
    for degrees in [10.0, 30.0, 45.0, 80.0] {
        assert_eq!(
            scan(&rotate(&image, degrees, 60)),
            std::slice::from_ref(&t),
            "{degrees} degrees"
        );
    }
}

#[test]
fn with_sensor_noise() {
    let t = text(12, 600);
    let image = render(&t, 4);
    for (amplitude, seed) in [(60, 1), (100, 2)] {
        assert_eq!(
            scan(&noisy(&image, amplitude, seed)),
            std::slice::from_ref(&t),
            "noise amplitude {amplitude}"
        );
    }
}

#[test]
fn with_salt_and_pepper_noise() {
    let t = text(13, 500);
    let image = render(&t, 4);
    assert_eq!(
        scan(&salt_and_pepper(&image, 60, 3)),
        std::slice::from_ref(&t)
    );
}

#[test]
fn downscaled() {
    let t = text(14, 600);
    let image = render(&t, 6);
    for percent in [70u32, 50, 40, 33] {
        let (w, h) = (
            image.width() * percent / 100,
            image.height() * percent / 100,
        );
        let small = image.resized(w, h).unwrap();
        assert_eq!(
            scan(&small),
            std::slice::from_ref(&t),
            "{percent}% ({:.2} px a module)",
            6.0 * f64::from(percent) / 100.0
        );
    }
}

#[test]
fn enlarged_by_a_fractional_factor() {
    let t = text(15, 400);
    let image = render(&t, 2);
    let big = image
        .resized(image.width() * 27 / 10, image.height() * 27 / 10)
        .unwrap();
    assert_eq!(scan(&big), [t]);
}

#[test]
fn inverted_code_is_found_by_the_ladder() {
    let t = text(16, 300);
    let negative = render(&t, 3).inverted();
    assert_eq!(scan(&negative), [t]);
}

#[test]
fn small_code_in_a_large_noisy_frame() {
    let t = text(17, 450);
    let code = render(&t, 2);
    let mut frame = noisy(
        &LumaImage::new(1000, 700, vec![200; 700_000]).unwrap(),
        30,
        4,
    );
    paste(&mut frame, &noisy(&code, 30, 5), 610, 330);
    assert_eq!(scan(&frame), [t]);
}

#[test]
fn low_contrast_under_a_lighting_gradient() {
    let t = text(18, 500);
    let image = render(&t, 4);
    let width = image.width() as usize;
    let shaded = map_pixels(&image, |i, p| {
        let light = 90 + (i % width * 120 / width) as u32;
        let value = if p < 128 { light * 6 / 10 } else { light };
        value as u8
    });
    assert_eq!(scan(&shaded), [t]);
}

#[test]
fn two_codes_in_one_image_in_reading_order() {
    let (first, second) = (text(19, 200), text(20, 350));
    let (a, b) = (render(&first, 3), render(&second, 3));
    let mut canvas = LumaImage::new(
        a.width() + b.width() + 40,
        b.height() + 40,
        vec![255; ((a.width() + b.width() + 40) * (b.height() + 40)) as usize],
    )
    .unwrap();
    paste(&mut canvas, &b, 20, 20);
    paste(&mut canvas, &a, b.width() + 30, 30);
    assert_eq!(scan(&canvas), [second.clone(), first.clone()]);
    // The same code twice is one text.
    let mut twice = LumaImage::new(
        2 * a.width(),
        a.height(),
        vec![255; (2 * a.width() * a.height()) as usize],
    )
    .unwrap();
    paste(&mut twice, &a, 0, 0);
    paste(&mut twice, &a, a.width(), 0);
    assert_eq!(scan(&twice), [first]);
}

#[test]
fn rgba_with_transparency_and_colour() {
    let t = text(21, 300);
    let luma = render(&t, 3);
    // Dark-blue modules on a transparent background (composited over white).
    let rgba: Vec<u8> = luma
        .pixels()
        .iter()
        .flat_map(|&v| {
            if v < 128 {
                [20, 30, 110, 255]
            } else {
                [0, 0, 0, 0]
            }
        })
        .collect();
    assert_eq!(
        qr::scan_rgba(luma.width(), luma.height(), &rgba).unwrap(),
        [t]
    );
}

#[test]
fn quick_effort_skips_the_expensive_rungs() {
    // A tiny code at 1.2 pixels a module is out of reach of the quick ladder but not of the
    // thorough one (enlargement), or it is found by both: never found by quick alone.
    let t = text(22, 250);
    let image = render(&t, 5);
    let tiny = image
        .resized(image.width() * 24 / 100, image.height() * 24 / 100)
        .unwrap();
    let quick = qr::scan_luma_with(
        tiny.width(),
        tiny.height(),
        tiny.pixels(),
        ScanEffort::Quick,
    )
    .unwrap();
    let thorough = scan(&tiny);
    assert!(quick.is_empty() || quick == thorough);
    assert_eq!(thorough, [t]);
}

#[test]
fn images_without_a_code_give_nothing() {
    let blank = LumaImage::new(64, 64, vec![255; 64 * 64]).unwrap();
    assert!(scan(&blank).is_empty());
    let noise = noisy(
        &LumaImage::new(200, 150, vec![128; 30_000]).unwrap(),
        127,
        6,
    );
    assert!(scan(&noise).is_empty());
    let mut rng = Rng(7);
    let checker = map_pixels(&blank, |i, _| {
        if (i % 64 / 3 + i / 64 / 3 + rng.below(2) as usize).is_multiple_of(2) {
            0
        } else {
            255
        }
    });
    assert!(scan(&checker).is_empty());
}

#[test]
fn unusable_buffers_are_errors_not_panics() {
    assert_eq!(
        qr::scan_luma(0, 0, &[]),
        Err(ScanError::TooSmall {
            width: 0,
            height: 0
        })
    );
    assert_eq!(
        qr::scan_luma(1, 100_000, &vec![0; 100_000]),
        Err(ScanError::TooSmall {
            width: 1,
            height: 100_000
        })
    );
    assert_eq!(
        qr::scan_luma(100_000, 20, &vec![255; 2_000_000]),
        Err(ScanError::TooSmall {
            width: 100_000,
            height: 20
        })
    );
    assert_eq!(
        qr::scan_luma(10, 10, &[0; 99]),
        Err(ScanError::BufferSize {
            expected: 100,
            actual: 99
        })
    );
    assert_eq!(
        qr::scan_rgba(10, 10, &[0; 100]),
        Err(ScanError::BufferSize {
            expected: 400,
            actual: 100
        })
    );
    // Huge dimensions with a small buffer: a size error, nothing allocated.
    assert!(matches!(
        qr::scan_luma(u32::MAX, u32::MAX, &[0; 16]),
        Err(ScanError::BufferSize { .. })
    ));
    assert!(matches!(
        qr::scan_rgba(u32::MAX, u32::MAX, &[0; 16]),
        Err(ScanError::BufferSize { .. })
    ));
    // A buffer that matches but is over the pixel cap is refused before any work.
    let over = vec![255u8; 40_000_001];
    assert!(matches!(
        qr::scan_luma(40_000_001, 1, &over),
        Err(ScanError::TooLarge { .. })
    ));
    // A long thin strip at the limit is scanned without trouble.
    let strip = vec![255u8; 21 * 200_000];
    assert_eq!(qr::scan_luma(200_000, 21, &strip), Ok(vec![]));
}

#[test]
fn resizing_extreme_shapes_stays_within_the_pixel_limit() {
    let column = LumaImage::new(1, 50_000, vec![0; 50_000]).unwrap();
    let row = column.resized(50_000, 1).unwrap();
    assert_eq!((row.width(), row.height()), (50_000, 1));
    assert_eq!(column.resized(40_000, 40_000), None);
    assert_eq!(column.resized(0, 10), None);
}

/// A keystone (perspective) view: the top edge `k` narrower than the bottom, as a code photographed
/// from below. Each output pixel samples the source through the inverse projective map.
fn keystone(image: &LumaImage, k: f64) -> LumaImage {
    let (w, h) = (f64::from(image.width()), f64::from(image.height()));
    let (cx, cy) = (w / 2.0, h / 2.0);
    let pixels = (0..image.height())
        .flat_map(|y| (0..image.width()).map(move |x| (x, y)))
        .map(|(x, y)| {
            let (dx, dy) = (f64::from(x) - cx, f64::from(y) - cy);
            // Homogeneous scale growing towards the top: w = 1 + k (cy - y) / h.
            let scale = 1.0 + k * (-dy) / h;
            let (sx, sy) = (cx + dx * scale, cy + dy * scale);
            if sx < 0.0 || sy < 0.0 || sx >= w || sy >= h {
                255
            } else {
                image.pixel(sx as u32, sy as u32).unwrap()
            }
        })
        .collect();
    LumaImage::new(image.width(), image.height(), pixels).unwrap()
}

#[test]
fn perspective_view() {
    let t = text(23, 450);
    let mut canvas = LumaImage::new(560, 560, vec![255; 560 * 560]).unwrap();
    paste(&mut canvas, &render(&t, 4), 98, 98);
    for k in [0.15, 0.3] {
        assert_eq!(
            scan(&keystone(&canvas, k)),
            std::slice::from_ref(&t),
            "keystone {k}"
        );
    }
}

/// `passes` 3 x 3 box blurs (close to a Gaussian of sigma 0.8 * sqrt(passes) pixels).
fn blurred(image: &LumaImage, passes: usize) -> LumaImage {
    let (w, h) = (image.width() as i64, image.height() as i64);
    let mut pixels = image.pixels().to_vec();
    for _ in 0..passes {
        let source = pixels.clone();
        let at = |x: i64, y: i64| {
            u32::from(source[(y.clamp(0, h - 1) * w + x.clamp(0, w - 1)) as usize])
        };
        for y in 0..h {
            for x in 0..w {
                let sum: u32 = (-1..=1)
                    .flat_map(|dy| (-1..=1).map(move |dx| (dx, dy)))
                    .map(|(dx, dy)| at(x + dx, y + dy))
                    .sum();
                pixels[(y * w + x) as usize] = ((sum + 4) / 9) as u8;
            }
        }
    }
    LumaImage::new(image.width(), image.height(), pixels).unwrap()
}

#[test]
fn blurred_codes() {
    let t = text(24, 500);
    let image = render(&t, 4);
    for passes in [1, 3, 6] {
        assert_eq!(
            scan(&blurred(&image, passes)),
            std::slice::from_ref(&t),
            "{passes} blur passes"
        );
    }
    // Blur and noise together, at 3 pixels a module.
    assert_eq!(
        scan(&noisy(&blurred(&render(&t, 3), 2), 50, 8)),
        std::slice::from_ref(&t)
    );
}

/// The homography taking the unit square's corners (0,0), (1,0), (1,1), (0,1) onto `quad`
/// (Heckbert's square-to-quad, as a row-major 3 x 3 matrix).
fn square_to_quad(quad: [(f64, f64); 4]) -> [[f64; 3]; 3] {
    let [(x0, y0), (x1, y1), (x2, y2), (x3, y3)] = quad;
    let (dx3, dy3) = (x0 - x1 + x2 - x3, y0 - y1 + y2 - y3);
    let (dx1, dx2, dy1, dy2) = (x1 - x2, x3 - x2, y1 - y2, y3 - y2);
    let denominator = dx1 * dy2 - dx2 * dy1;
    let g = (dx3 * dy2 - dx2 * dy3) / denominator;
    let h = (dx1 * dy3 - dx3 * dy1) / denominator;
    [
        [x1 - x0 + g * x1, x3 - x0 + h * x3, x0],
        [y1 - y0 + g * y1, y3 - y0 + h * y3, y0],
        [g, h, 1.0],
    ]
}

/// `image` seen in perspective: its corners land on `quad` (clockwise from the top-left, in
/// pixels of a `width` x `height` frame of grey `background`), each frame pixel sampling the
/// image through the inverse projective map (bilinear).
fn projected(
    image: &LumaImage,
    quad: [(f64, f64); 4],
    width: u32,
    height: u32,
    background: u8,
) -> LumaImage {
    let [[a, b, c], [d, e, f], [g, h, i]] = square_to_quad(quad);
    // The adjugate inverts a homography up to scale.
    let inverse = [
        [e * i - f * h, c * h - b * i, b * f - c * e],
        [f * g - d * i, a * i - c * g, c * d - a * f],
        [d * h - e * g, b * g - a * h, a * e - b * d],
    ];
    let (w, h) = (f64::from(image.width()), f64::from(image.height()));
    let mut pixels = Vec::with_capacity((width * height) as usize);
    for y in 0..height {
        for x in 0..width {
            let (x, y) = (f64::from(x) + 0.5, f64::from(y) + 0.5);
            let z = inverse[2][0] * x + inverse[2][1] * y + inverse[2][2];
            let u = (inverse[0][0] * x + inverse[0][1] * y + inverse[0][2]) / z * w - 0.5;
            let v = (inverse[1][0] * x + inverse[1][1] * y + inverse[1][2]) / z * h - 0.5;
            if u < 0.0 || v < 0.0 || u >= w - 1.0 || v >= h - 1.0 {
                pixels.push(background);
                continue;
            }
            let (u0, v0) = (u.floor(), v.floor());
            let (fu, fv) = (u - u0, v - v0);
            let p = |du: f64, dv: f64| {
                f64::from(image.pixel((u0 + du) as u32, (v0 + dv) as u32).unwrap())
            };
            let top = p(0.0, 0.0) * (1.0 - fu) + p(1.0, 0.0) * fu;
            let bottom = p(0.0, 1.0) * (1.0 - fu) + p(1.0, 1.0) * fu;
            pixels.push((top * (1.0 - fv) + bottom * fv).round() as u8);
        }
    }
    LumaImage::new(width, height, pixels).unwrap()
}

/// A version 17 certificate-sized code photographed from the side, as the benchmark's
/// "perspective" frames (bench/frames.mjs): the near edge half again as tall as the far one.
/// Three finder patterns alone predict the far corner several modules off; the grid is fitted
/// to the symbol's alignment patterns.
#[test]
fn steep_perspective_fitted_to_the_alignment_patterns() {
    let t = text(31, 500);
    let image = render(&t, 4);
    let views = [
        // Seen from the right: the left edge recedes.
        [(90.0, 100.0), (440.0, 40.0), (450.0, 450.0), (80.0, 390.0)],
        // Seen from below and to the left.
        [(130.0, 90.0), (470.0, 120.0), (520.0, 440.0), (60.0, 420.0)],
    ];
    for (n, quad) in views.into_iter().enumerate() {
        let frame = projected(&image, quad, 560, 480, 230);
        assert_eq!(scan(&frame), std::slice::from_ref(&t), "view {n}");
    }
}

/// Grey ink on grey paper with a little sensor noise, as the benchmark's "low contrast" frames:
/// 40 levels between ink and paper, the code inside a wide flat margin of paper. Flat blocks
/// must not drag the threshold of the code's edge modules down to half the paper's level.
#[test]
fn low_contrast_inside_flat_paper() {
    let t = text(32, 500);
    let code = map_pixels(&render(&t, 4), |_, p| if p < 128 { 105 } else { 145 });
    let mut frame = LumaImage::new(640, 480, vec![145; 640 * 480]).unwrap();
    paste(&mut frame, &code, 120, 40);
    let frame = noisy(&frame, 6, 32);
    assert_eq!(
        qr::scan_luma_with(
            frame.width(),
            frame.height(),
            frame.pixels(),
            ScanEffort::Quick
        )
        .unwrap(),
        [t]
    );
}

/// A version 17 code on a sheet tilted away at the top, as the benchmark's "perspective" frames
/// (bench/frames.mjs; perspective-2 is tilted 41 degrees): the far edge 0.6 (and 0.55) of the
/// near one, square or sheared. Three finder centres put the far corner modules off, so the
/// version information and the alignment patterns are missed; the corners of the finder
/// patterns' rings carry the perspective. (Before the ring corners, none of these decoded.)
#[test]
fn steep_tilt_read_from_the_finder_ring_corners() {
    let t = text(33, 517);
    assert_eq!(qr::encode(&t).unwrap().version(), 17);
    let image = render(&t, 4);
    for (far, shear, efforts) in [
        (0.6, 0.0, &[ScanEffort::Quick, ScanEffort::Thorough][..]),
        (0.6, 40.0, &[ScanEffort::Quick, ScanEffort::Thorough][..]),
        (0.6, -40.0, &[ScanEffort::Quick, ScanEffort::Thorough][..]),
        (0.55, 0.0, &[ScanEffort::Quick, ScanEffort::Thorough][..]),
        (0.55, 40.0, &[ScanEffort::Thorough][..]),
    ] {
        // The near (bottom) edge 460 pixels wide, the far one `far` of that, shifted `shear`.
        let quad = [
            (320.0 - 230.0 * far + shear, 60.0),
            (320.0 + 230.0 * far + shear, 60.0 + shear / 4.0),
            (550.0, 450.0),
            (90.0, 450.0 - shear / 4.0),
        ];
        let frame = noisy(&projected(&image, quad, 640, 480, 120), 4, 33);
        for &effort in efforts {
            assert_eq!(
                qr::scan_luma_with(frame.width(), frame.height(), frame.pixels(), effort).unwrap(),
                std::slice::from_ref(&t),
                "far edge {far}, shear {shear}, {effort:?}"
            );
        }
    }
}

/// A certificate-sized code defocused as the benchmark's "blur" frames (3.9 pixels a module,
/// a Gaussian of sigma 1.6 to 2 pixels), under even light and under a gradient. Binarised, a
/// finder pattern's light ring narrows while its dark runs widen; each colour is measured
/// against its own module size, so the quick ladder finds it (before, only the thorough
/// ladder's enlarged copies did, and not under the gradient at the strongest blur).
#[test]
fn defocused_codes_at_quick_effort() {
    let t = text(34, 520);
    let image = render(&t, 4);
    let code = image
        .resized(image.width() * 97 / 100, image.height() * 97 / 100)
        .unwrap();
    let mut canvas = LumaImage::new(640, 480, vec![200; 640 * 480]).unwrap();
    paste(&mut canvas, &code, 120, 60);
    let width = canvas.width() as usize;
    for (passes, gradient, effort) in [
        (4, 0, ScanEffort::Quick),
        (4, 60, ScanEffort::Quick),
        (6, 60, ScanEffort::Thorough),
    ] {
        // `passes` 3 x 3 box blurs: sigma about 0.8 * sqrt(passes) pixels.
        let lit = map_pixels(&canvas, |i, p| {
            (u32::from(p) * (255 - gradient * (i % width) as u32 / width as u32) / 255) as u8
        });
        let frame = noisy(&blurred(&lit, passes), 6, 34);
        assert_eq!(
            qr::scan_luma_with(frame.width(), frame.height(), frame.pixels(), effort).unwrap(),
            std::slice::from_ref(&t),
            "{passes} blur passes, gradient {gradient}"
        );
    }
}

/// A version 17 code seen about a diagonal, as the benchmark's "steep" frames
/// (bench/frames.mjs; steep-3): the top-left corner far away, the bottom-left near. The finder
/// patterns' modules differ by more than two and a half times and the triangle of their centres
/// is near equilateral (a corner of over 130 degrees in one view): such a triple is tried, its
/// grid fitted to the finder rings' corners. (Before, no triple was formed.)
#[test]
fn steep_view_about_a_diagonal() {
    let t = text(35, 517);
    assert_eq!(qr::encode(&t).unwrap().version(), 17);
    let image = render(&t, 4);
    for (n, quad) in [
        [(170.0, 30.0), (370.0, 195.0), (365.0, 445.0), (80.0, 295.0)],
        [(175.0, 25.0), (380.0, 200.0), (370.0, 455.0), (70.0, 300.0)],
        [(160.0, 40.0), (360.0, 190.0), (370.0, 440.0), (85.0, 300.0)],
    ]
    .into_iter()
    .enumerate()
    {
        let frame = noisy(&projected(&image, quad, 480, 480, 120), 4, 35);
        assert_eq!(
            qr::scan_luma(frame.width(), frame.height(), frame.pixels()).unwrap(),
            std::slice::from_ref(&t),
            "view {n}"
        );
    }
}

/// A `text` code printed on a sheet bent round a vertical cylinder and photographed from the
/// front, as the benchmark's "curved" frames (bench/frames.mjs): `centre_pixels` pixels a module
/// where the sheet faces the camera, the code's edges `edge_angle` radians round the cylinder
/// (narrowed by its cosine there), turned by `roll` radians in the frame. Each pixel is the
/// mean of 3 x 3 samples of the sheet (ink 30, paper 235, desk 110).
fn on_a_cylinder(text: &str, centre_pixels: f64, edge_angle: f64, roll: f64) -> LumaImage {
    let code = render(text, 1);
    let side = f64::from(code.width());
    // Radius in modules: the code (without its quiet zone) spans `edge_angle` each way.
    let radius = (side / 2.0 - 4.0) / edge_angle;
    let flat_half = radius * (side / 2.0 / radius).min(std::f64::consts::FRAC_PI_2).sin();
    let width = (2.0 * flat_half * centre_pixels + 80.0).ceil() as u32;
    let height = (side * centre_pixels + 80.0).ceil() as u32;
    let (cx, cy) = (f64::from(width) / 2.0, f64::from(height) / 2.0);
    let (sin, cos) = roll.sin_cos();
    let mut pixels = Vec::with_capacity((width * height) as usize);
    for y in 0..height {
        for x in 0..width {
            let mut sum = 0.0f64;
            for sy in [-1.0, 0.0, 1.0] {
                for sx in [-1.0, 0.0, 1.0] {
                    let (px, py) = (
                        f64::from(x) + 0.5 + sx / 3.0 - cx,
                        f64::from(y) + 0.5 + sy / 3.0 - cy,
                    );
                    // Undo the roll, then the camera's scale: flat position in modules.
                    let fx = (cos * px + sin * py) / centre_pixels;
                    let fy = (-sin * px + cos * py) / centre_pixels;
                    // Along the cylinder: the flat position is R sin(s / R) of the arc s.
                    let arc = if fx.abs() < radius {
                        radius * (fx / radius).asin()
                    } else {
                        f64::INFINITY
                    };
                    let (u, v) = (arc + side / 2.0, fy + side / 2.0);
                    sum += if u >= 0.0 && v >= 0.0 && u < side && v < side {
                        let module = code.pixel(u as u32, v as u32).unwrap_or(255);
                        if module < 128 { 30.0 } else { 235.0 }
                    } else {
                        110.0
                    };
                }
            }
            pixels.push((sum / 9.0).round() as u8);
        }
    }
    LumaImage::new(width, height, pixels).unwrap()
}

/// A version 30 code at about 2.3 pixels a module on a sheet bent round a cylinder: its
/// modules narrow to about 1.6 pixels towards the edges, and one projective grid of the right
/// size is several modules off there. The grid is bent to the lattice of alignment patterns
/// (ISO/IEC 18004:2015 annex E gives their places), each found where its neighbours predict it.
#[test]
fn curved_large_code_read_through_the_alignment_lattice() {
    let t = text(30, 1400);
    assert_eq!(qr::encode(&t).unwrap().version(), 30);
    for (n, (pixels, angle, roll)) in [(2.3, 0.75, 0.05), (2.4, 0.8, -0.12)]
        .into_iter()
        .enumerate()
    {
        let frame = on_a_cylinder(&t, pixels, angle, roll);
        assert_eq!(scan(&frame), std::slice::from_ref(&t), "view {n}");
    }
}

/// A version 30 code bent farther round its cylinder (its edges 0.85 radian round, the modules
/// there narrowed to two thirds of their width): the finder patterns, at the edges, look smaller
/// than the modules between them, so their spacing suggests a symbol several versions too
/// large. The version information (ISO/IEC 18004:2015, 7.10), read through the
/// rings of the finder patterns beside its two copies, names the size to sample.
#[test]
fn strongly_curved_code_sized_by_the_version_beside_the_finder_patterns() {
    let t = text(33, 1400);
    let frame = on_a_cylinder(&t, 2.8, 0.85, 0.03);
    assert_eq!(scan(&frame), std::slice::from_ref(&t));
}
