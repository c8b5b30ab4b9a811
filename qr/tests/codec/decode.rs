//! The QR decoder end to end, through the public scanner: symbols drawn by an independent
//! encoder (the `qrcode` crate, which follows ISO/IEC 18004) for every version 1-40 and each
//! error correction level, with mixed segments and UTF-8 text, mirrored, and with damaged data
//! modules. Requirement: the decoder returns the encoded text, or nothing, never another text.

use proptest::prelude::*;
use qrcode::{Color, EcLevel, QrCode, Version};
use tirkeu_qr::LumaImage;

use crate::support::{proptest_config, scan};

const LEVELS: [EcLevel; 4] = [EcLevel::L, EcLevel::M, EcLevel::Q, EcLevel::H];

/// Rasterises a module matrix at `scale` pixels a module with a 4-module quiet zone;
/// `mirrored` swaps rows and columns.
fn raster(width: usize, dark: &[bool], scale: usize, mirrored: bool) -> LumaImage {
    let side = (width + 8) * scale;
    let mut pixels = vec![255u8; side * side];
    for py in 0..side {
        for px in 0..side {
            let (mx, my) = ((px / scale).wrapping_sub(4), (py / scale).wrapping_sub(4));
            if mx < width && my < width {
                let (x, y) = if mirrored { (my, mx) } else { (mx, my) };
                if dark[y * width + x] {
                    pixels[py * side + px] = 0;
                }
            }
        }
    }
    LumaImage::new(side as u32, side as u32, pixels).unwrap()
}

fn modules(code: &QrCode) -> Vec<bool> {
    code.to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect()
}

/// A text of about `len` bytes mixing digits, capitals, lower case and Cyrillic (so the
/// encoder picks numeric, alphanumeric and byte segments).
fn mixed_text(len: usize, seed: usize) -> String {
    let parts = [
        "0123456789012",
        "KZ1:ABC$%*+-./",
        "тіркеу",
        "Registration ",
        "2026-07-01",
    ];
    let mut text = String::new();
    let mut i = seed;
    while text.len() < len {
        text.push_str(parts[i % parts.len()]);
        i = i.wrapping_mul(7).wrapping_add(3);
    }
    while text.len() > len {
        text.pop();
    }
    text
}

/// The largest `mixed_text` length that fits a version and level, with a margin.
fn fitting_text(version: i16, level: EcLevel, seed: usize) -> String {
    let mut len = 8;
    let mut best = mixed_text(1, seed);
    while let Ok(_code) =
        QrCode::with_version(mixed_text(len, seed), Version::Normal(version), level)
    {
        best = mixed_text(len, seed);
        len += len / 2 + 1;
    }
    best
}

// Source: ISO/IEC 18004:2015 tables 1 and 9 (versions 1-40, levels L/M/Q/H); symbols drawn by
// the qrcode crate's encoder.
#[test]
fn every_version_decodes_through_the_scanner() {
    for version in 1..=40i16 {
        let level = LEVELS[version as usize % 4];
        let text = fitting_text(version, level, version as usize);
        let code = QrCode::with_version(&text, Version::Normal(version), level).unwrap();
        let image = raster(code.width(), &modules(&code), 2, false);
        assert_eq!(scan(&image), [text], "version {version} {level:?}");
    }
}

#[test]
fn every_level_and_mirrored_symbols() {
    for version in [1i16, 2, 7, 10, 27, 40] {
        for level in LEVELS {
            let text = fitting_text(version, level, 3);
            let code = QrCode::with_version(&text, Version::Normal(version), level).unwrap();
            let mirrored = raster(code.width(), &modules(&code), 2, true);
            assert_eq!(
                scan(&mirrored),
                [text],
                "version {version} {level:?} mirrored"
            );
        }
    }
}

/// Error correction codewords per block (ISO/IEC 18004:2015 table 9) of the versions drawn
/// below, for a lower bound on what must still decode.
fn ec_per_block(version: i16, level: EcLevel) -> usize {
    // Source: ISO/IEC 18004:2015 table 9, versions 1-6.
    const TABLE: [[usize; 4]; 6] = [
        [7, 10, 13, 17],
        [10, 16, 22, 28],
        [15, 26, 18, 22],
        [20, 18, 26, 16],
        [26, 24, 18, 22],
        [18, 16, 24, 28],
    ];
    let index = LEVELS.iter().position(|&l| l == level).unwrap();
    TABLE[version as usize - 1][index]
}

proptest! {
    #![proptest_config(proptest_config(32))]

    /// Flipped data modules: up to ec / 2 of them touch at most ec / 2 codewords of any block,
    /// so the text must come back; any number of them must never give another text.
    #[test]
    fn damaged_data_modules_decode_or_fail_but_never_lie(
        version in 1i16..=6,
        level_index in 0usize..4,
        seed in any::<u64>(),
        flips in 0usize..120,
    ) {
        let level = LEVELS[level_index];
        let text = fitting_text(version, level, seed as usize % 11);
        let code = QrCode::with_version(&text, Version::Normal(version), level).unwrap();
        let width = code.width();
        let data_modules: Vec<usize> = (0..width * width)
            .filter(|&i| !code.is_functional(i % width, i / width))
            .collect();
        let mut dark = modules(&code);
        let mut rng = seed | 1;
        for _ in 0..flips {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let i = data_modules[(rng % data_modules.len() as u64) as usize];
            dark[i] = !dark[i];
        }
        let texts = scan(&raster(width, &dark, 3, false));
        if flips <= ec_per_block(version, level) / 2 {
            prop_assert_eq!(texts, [text]);
        } else {
            prop_assert!(texts.is_empty() || texts == [text.clone()], "{:?} for {:?}", texts, text);
        }
    }
}

/// A symbol drawn by the qrcode crate from the segments `push` adds, at version 3, level M.
fn symbol_of(push: impl FnOnce(&mut qrcode::bits::Bits)) -> LumaImage {
    let mut bits = qrcode::bits::Bits::new(Version::Normal(3));
    push(&mut bits);
    bits.push_terminator(EcLevel::M).unwrap();
    let code = QrCode::with_bits(bits, EcLevel::M).unwrap();
    raster(code.width(), &modules(&code), 3, false)
}

// Source: ISO/IEC 18004:2015 7.4.2 (ECI), 7.4.6 (Kanji mode: 0x935F "点" and 0xE4AA "茗") and
// 7.4.8 (FNC1 modes). Every symbol that decodes is reported: a code whose data is not text comes
// back as such, with its bytes, and is never given as a text.
#[test]
fn symbols_whose_data_is_not_text_are_reported_as_such() {
    use tirkeu_qr::{Code, NotText, ScanEffort, scan_luma, scan_luma_codes};
    let cases: [(LumaImage, NotText, Vec<u8>); 5] = [
        (
            symbol_of(|bits| bits.push_kanji_data(&[0x93, 0x5F, 0xE4, 0xAA]).unwrap()),
            NotText::Kanji,
            vec![0x93, 0x5F, 0xE4, 0xAA],
        ),
        (
            symbol_of(|bits| {
                bits.push_eci_designator(20).unwrap();
                bits.push_byte_data(&[0x93, 0x5F]).unwrap();
            }),
            NotText::Eci(20),
            vec![0x93, 0x5F],
        ),
        (
            symbol_of(|bits| {
                bits.push_fnc1_first_position().unwrap();
                bits.push_numeric_data(b"0104012345678901").unwrap();
            }),
            NotText::Gs1,
            b"0104012345678901".to_vec(),
        ),
        (
            symbol_of(|bits| {
                bits.push_fnc1_second_position(37).unwrap();
                bits.push_alphanumeric_data(b"AB").unwrap();
            }),
            NotText::Gs1,
            b"AB".to_vec(),
        ),
        (
            // Shift_JIS bytes in a byte segment without an ECI: not UTF-8.
            symbol_of(|bits| bits.push_byte_data(&[0x82, 0xA0, 0x82, 0xA2]).unwrap()),
            NotText::Bytes,
            vec![0x82, 0xA0, 0x82, 0xA2],
        ),
    ];
    for (image, kind, bytes) in cases {
        let (w, h) = (image.width(), image.height());
        for effort in [ScanEffort::Quick, ScanEffort::Thorough] {
            let codes = scan_luma_codes(w, h, image.pixels(), effort).unwrap();
            assert_eq!(
                codes,
                [Code::NotText {
                    kind,
                    bytes: bytes.clone()
                }],
                "{kind:?}"
            );
            assert_eq!(codes[0].text(), None);
        }
        assert!(
            scan_luma(w, h, image.pixels()).unwrap().is_empty(),
            "{kind:?}"
        );
    }
    // UTF-8 under the UTF-8 ECI, beside a symbol of data that is not text: both, in reading
    // order (top first).
    let text = symbol_of(|bits| {
        bits.push_eci_designator(26).unwrap();
        bits.push_byte_data("тіркеу".as_bytes()).unwrap();
    });
    let kanji = symbol_of(|bits| bits.push_kanji_data(&[0x93, 0x5F]).unwrap());
    let (w, h) = (text.width(), text.height());
    let mut pixels = text.pixels().to_vec();
    pixels.extend_from_slice(kanji.pixels());
    let codes = scan_luma_codes(w, 2 * h, &pixels, ScanEffort::Thorough).unwrap();
    assert_eq!(
        codes,
        [
            Code::Text("тіркеу".to_owned()),
            Code::NotText {
                kind: NotText::Kanji,
                bytes: vec![0x93, 0x5F]
            }
        ]
    );
    assert_eq!(scan_luma(w, 2 * h, &pixels).unwrap(), ["тіркеу"]);
}
