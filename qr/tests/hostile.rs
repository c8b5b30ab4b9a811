//! Property tests: the scanner never panics, whatever the buffer (interfaces spec: bad input is
//! an error, never a panic; a panic in WebAssembly kills the module).

use proptest::prelude::*;
use tirkeu_qr::{self as qr, ScanError};

mod support;
use support::proptest_config;

/// Draws a finder-like pattern (concentric squares, 1:1:3:1:1) of `module` pixels at a
/// position and a quarter/eighth turn, straight into a greyscale buffer.
fn draw_finder(
    pixels: &mut [u8],
    width: usize,
    height: usize,
    cx: f64,
    cy: f64,
    module: f64,
    angle: f64,
) {
    let (sin, cos) = angle.sin_cos();
    let reach = (module * 5.0) as i64;
    for dy in -reach..=reach {
        for dx in -reach..=reach {
            let (x, y) = (cx as i64 + dx, cy as i64 + dy);
            if x < 0 || y < 0 || x as usize >= width || y as usize >= height {
                continue;
            }
            let (u, v) = (
                (cos * dx as f64 + sin * dy as f64) / module,
                (-sin * dx as f64 + cos * dy as f64) / module,
            );
            let ring = u.abs().max(v.abs());
            let dark = ring < 1.5 || (2.5..3.5).contains(&ring);
            if ring < 3.5 {
                pixels[y as usize * width + x as usize] = if dark { 0 } else { 255 };
            }
        }
    }
}

proptest! {
    #![proptest_config(proptest_config(48))]

    #[test]
    fn arbitrary_buffers_never_panic(width in 0u32..90, height in 0u32..90, extra in -3i64..3, seed in any::<u64>()) {
        let len = ((i64::from(width) * i64::from(height)) + extra).max(0) as usize;
        let mut state = seed | 1;
        let pixels: Vec<u8> = (0..len).map(|_| { state ^= state << 13; state ^= state >> 7; state ^= state << 17; state as u8 }).collect();
        match qr::scan_luma(width, height, &pixels) {
            Ok(texts) => prop_assert!(extra == 0 && texts.len() <= 3),
            Err(ScanError::BufferSize { .. }) => prop_assert!(extra != 0),
            Err(ScanError::TooSmall { .. }) => prop_assert!(width < 21 || height < 21),
            Err(other) => prop_assert!(false, "unexpected {other:?}"),
        }
        let rgba: Vec<u8> = pixels.iter().flat_map(|&p| [p, p.wrapping_mul(3), p ^ 0x5a, p]).collect();
        let _ = qr::scan_rgba(width, height, &rgba);
    }

    #[test]
    fn scattered_finder_patterns_never_panic(
        finders in prop::collection::vec((0.0f64..1.0, 0.0f64..1.0, 0.6f64..6.0, 0.0f64..6.3), 0..9),
        width in 21usize..260,
        height in 21usize..260,
        noise in 0u8..80,
        seed in any::<u64>(),
    ) {
        let mut pixels = vec![230u8; width * height];
        let mut state = seed | 1;
        for p in pixels.iter_mut() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            *p = p.saturating_sub((state % (u64::from(noise) + 1)) as u8);
        }
        for &(fx, fy, module, angle) in &finders {
            draw_finder(&mut pixels, width, height, fx * width as f64, fy * height as f64, module, angle);
        }
        let texts = qr::scan_luma(width as u32, height as u32, &pixels).unwrap();
        prop_assert!(texts.len() <= 3);
    }

    #[test]
    fn damaged_codes_decode_correctly_or_not_at_all(flips in prop::collection::vec((0usize..4096, 0usize..4096), 0..400), module in 1u32..4) {
        let text = "KZ1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOO6+IPETTO4TR4N70V9LJ1$MUH";
        let image = qr::encode(text).unwrap().to_luma(module, 4).unwrap();
        let (w, h) = (image.width() as usize, image.height() as usize);
        let mut pixels = image.into_pixels();
        for (x, y) in flips {
            let i = (y % h) * w + (x % w);
            pixels[i] = 255 - pixels[i];
        }
        let texts = qr::scan_luma(w as u32, h as u32, &pixels).unwrap();
        prop_assert!(texts.is_empty() || texts == [text], "{texts:?}");
    }
}
