//! Scanning speed on 720p camera-like frames: a measurement, not a check.
//! `cargo bench -p tirkeu-qr` (release); `cargo test` runs each case once, as a smoke test.

use std::time::Instant;
use tirkeu_qr::{self as qr, ScanEffort};

const WIDTH: usize = 1280;
const HEIGHT: usize = 720;

/// xorshift64*: deterministic noise.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// A grey 720p frame with sensor noise and, when `text` is given, its code at `module_pixels`
/// pixels a module (low contrast: 40 dark, 210 light) at an offset.
fn frame(text: Option<&str>, module_pixels: u32, seed: u64) -> Vec<u8> {
    let mut rng = Rng(seed | 1);
    let mut pixels: Vec<u8> = (0..WIDTH * HEIGHT)
        .map(|i| {
            let gradient = 120 + (i % WIDTH) * 60 / WIDTH;
            (gradient as u64 + rng.next() % 24) as u8
        })
        .collect();
    if let Some(text) = text {
        let code = qr::encode(text).unwrap().to_luma(module_pixels, 4).unwrap();
        let (ox, oy) = (300usize, 60usize);
        for y in 0..code.height() as usize {
            for x in 0..code.width() as usize {
                let (px, py) = (ox + x, oy + y);
                if px < WIDTH && py < HEIGHT {
                    let dark = code.pixel(x as u32, y as u32).unwrap() < 128;
                    let noise = (rng.next() % 24) as u8;
                    pixels[py * WIDTH + px] = if dark { 40 + noise } else { 210 + noise };
                }
            }
        }
    }
    pixels
}

fn time(label: &str, pixels: &[u8], effort: ScanEffort, expected: usize, runs: u32) {
    let start = Instant::now();
    for _ in 0..runs {
        let texts = qr::scan_luma_with(WIDTH as u32, HEIGHT as u32, pixels, effort).unwrap();
        assert_eq!(texts.len(), expected, "{label}");
    }
    let per_frame = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    println!("{label:<40} {effort:?}: {per_frame:8.2} ms/frame");
}

fn main() {
    // `cargo bench` passes --bench; `cargo test` (which builds and runs benches too) does not.
    let runs = if std::env::args().any(|a| a == "--bench") {
        10
    } else {
        1
    };
    let short = "KZ1:NCFOXN%TS3DH";
    let long: String = "KZ1:"
        .chars()
        .chain("6BF%2C3/QS0+IVA".chars().cycle().take(600))
        .collect();
    let cases = [
        ("no code", frame(None, 0, 1), 0),
        ("short code, 8 px/module", frame(Some(short), 8, 2), 1),
        ("600-char code, 3 px/module", frame(Some(&long), 3, 3), 1),
        ("600-char code, 4 px/module", frame(Some(&long), 4, 4), 1),
    ];
    for (label, pixels, expected) in &cases {
        time(label, pixels, ScanEffort::Quick, *expected, runs);
        time(label, pixels, ScanEffort::Thorough, *expected, runs);
    }
}
