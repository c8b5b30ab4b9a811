//! A camera's frames -> `FrameScanner`: a code that moves, changes size, leaves the picture and
//! comes back, across frames that may change size, with the region carried between them.
//!
//! The first byte picks the text (a certificate-like `KZ1:` text of 1 to 40 characters, version
//! 1 to 3); then each group of four bytes is one frame of 200x150 (or 160x120, which resets the
//! scanner): whether the code is in it, its scale (2 to 4 pixels a module), and its position
//! (anywhere its quiet zone fits). Frames are clean: black modules on white.
//!
//! Properties beyond "no panic":
//! - nothing but the drawn text is ever found (no phantom code, none in an empty frame);
//! - a code drawn at 3 pixels a module or more is found, whether through the region or not;
//! - the region, when there is one, lies inside the frame.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tirkeu::qr::{FrameScanner, QUIET_ZONE_MODULES, encode};

const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
const QUIET: usize = QUIET_ZONE_MODULES as usize;

fuzz_target!(|data: &[u8]| {
    let [length, frames @ ..] = data else {
        return;
    };
    let text: String = std::iter::once("KZ1:".to_owned())
        .chain((0..1 + usize::from(*length % 40)).map(|i| {
            let pick = frames.get(i).copied().unwrap_or(0);
            char::from(ALPHABET[usize::from(pick) % ALPHABET.len()]).to_string()
        }))
        .collect();
    let code = encode(&text).expect("alphanumeric text encodes");
    let side = code.width() + 2 * QUIET;

    let mut scanner = FrameScanner::new();
    for frame in frames.chunks_exact(4).take(12) {
        let [flags, scale, x, y] = [frame[0], frame[1], frame[2], frame[3]];
        let (width, height) = if flags & 4 == 0 {
            (200, 150)
        } else {
            (160, 120)
        };
        let scale = 2 + usize::from(scale % 3);
        let present = flags & 1 == 1 && side * scale <= height;
        let mut rgba = vec![255u8; width * height * 4];
        if present {
            let left = usize::from(x) % (width - side * scale + 1);
            let top = usize::from(y) % (height - side * scale + 1);
            for py in 0..side * scale {
                for px in 0..side * scale {
                    let (mx, my) = (px / scale, py / scale);
                    let dark = mx >= QUIET && my >= QUIET && code.is_dark(mx - QUIET, my - QUIET);
                    if dark {
                        let at = ((top + py) * width + left + px) * 4;
                        rgba[at..at + 3].fill(0);
                    }
                }
            }
        }
        let found = scanner
            .scan_rgba(width as u32, height as u32, &rgba)
            .expect("a frame of the right size is scanned");
        assert!(
            found.iter().all(|t| *t == text),
            "{found:?} instead of {text}"
        );
        if present && scale >= 3 {
            assert_eq!(
                found,
                [text.clone()],
                "scale {scale}, tracked {}",
                scanner.tracked()
            );
        }
        if !present {
            assert!(found.is_empty(), "{found:?} in an empty frame");
        }
        if let Some(region) = scanner.region() {
            assert!(region.width > 0 && region.height > 0, "{region:?}");
            assert!(region.left + region.width <= width as u32, "{region:?}");
            assert!(region.top + region.height <= height as u32, "{region:?}");
        }
    }
});
