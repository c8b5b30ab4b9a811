//! Random pixels -> scan: whatever a camera frame or a decoded photo holds is searched for codes.
//!
//! The first two bytes give the width and the height (21 to 84 pixels: small frames keep the
//! fuzzer fast, and the detector's work does not depend on the size); the pixels repeat the
//! remaining bytes. The third byte picks the effort and whether the buffer is grey or RGBA.
//!
//! Properties beyond "no panic": a found text is never empty, and a frame whose buffer does not
//! match its size is refused, never read past its end.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tirkeu::qr::{MIN_SIDE, ScanEffort, scan_luma_with, scan_rgba_with};

fuzz_target!(|data: &[u8]| {
    let [w, h, flags, pixels @ ..] = data else {
        return;
    };
    if pixels.is_empty() {
        return;
    }
    let width = MIN_SIDE + u32::from(*w % 64);
    let height = MIN_SIDE + u32::from(*h % 64);
    let effort = if flags & 1 == 0 {
        ScanEffort::Quick
    } else {
        ScanEffort::Thorough
    };
    let channels = if flags & 2 == 0 { 1 } else { 4 };
    let len = (width * height * channels) as usize;
    let buffer: Vec<u8> = pixels.iter().copied().cycle().take(len).collect();
    let found = if channels == 1 {
        scan_luma_with(width, height, &buffer, effort)
    } else {
        scan_rgba_with(width, height, &buffer, effort)
    };
    if let Ok(texts) = found {
        assert!(texts.iter().all(|text| !text.is_empty()), "{texts:?}");
    }
    // One byte short: refused as a size mismatch.
    let short = &buffer[..len - 1];
    assert!(scan_luma_with(width, height, short, effort).is_err() || channels == 4);
    assert!(scan_rgba_with(width, height, short, effort).is_err());
});
