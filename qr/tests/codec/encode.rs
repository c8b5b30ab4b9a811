//! Our QR encoder (`tirkeu_qr::encode`, src/encode.rs) against the `qrcode` crate 0.14,
//! which it replaced in the library: for the same text, the same version and the same symbol,
//! module for module, mask choice included. Requirement: certificate spec section 1 (one
//! alphanumeric segment, level Q, the smallest version); ISO/IEC 18004:2015 clause 7.

use proptest::prelude::*;
use qrcode::bits::Bits;
use qrcode::{Color, EcLevel, Version};
use tirkeu_qr::{self as qr, QrCode};

use crate::support::{ALPHANUMERIC, project_root, proptest_config};

/// The symbol the qrcode crate draws for `text` as one alphanumeric segment in `version` at
/// level Q, row-major, `true` dark.
fn reference(text: &str, version: u8) -> Vec<bool> {
    let mut bits = Bits::new(Version::Normal(i16::from(version)));
    bits.push_alphanumeric_data(text.as_bytes()).unwrap();
    bits.push_terminator(EcLevel::Q).unwrap();
    qrcode::QrCode::with_bits(bits, EcLevel::Q)
        .unwrap()
        .to_colors()
        .iter()
        .map(|&c| c == Color::Dark)
        .collect()
}

fn modules(code: &QrCode) -> Vec<bool> {
    let width = code.width();
    (0..width * width)
        .map(|i| code.is_dark(i % width, i / width))
        .collect()
}

/// Alphanumeric characters that fit `version` at level Q, computed from the qrcode crate's
/// data capacity (ISO/IEC 18004:2015 table 7): 11 bits a pair, 6 for a last single character.
fn capacity(version: u8) -> usize {
    let bits = Bits::new(Version::Normal(i16::from(version)))
        .max_len(EcLevel::Q)
        .unwrap();
    let count_bits = match version {
        1..=9 => 9,
        10..=26 => 11,
        _ => 13,
    };
    let room = bits - 4 - count_bits;
    room / 11 * 2 + usize::from(room % 11 >= 6)
}

/// `len` characters of the alphanumeric set from a seeded generator (xorshift).
fn seeded_text(len: usize, seed: u64) -> String {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            char::from(ALPHANUMERIC[(state % 45) as usize])
        })
        .collect()
}

fn assert_same_symbol(text: &str, version: u8) {
    let ours = qr::encode(text).unwrap();
    assert_eq!(ours.version(), version, "{} characters", text.len());
    assert_eq!(ours.width(), 17 + 4 * usize::from(version));
    assert!(
        modules(&ours) == reference(text, version),
        "version {version}, {} characters: {text:?}",
        text.len()
    );
}

// Source: ISO/IEC 18004:2015 table 7 (alphanumeric capacity at level Q of a few versions).
#[test]
fn capacities_agree_with_table_7() {
    for (version, characters) in [(1, 16), (2, 29), (10, 221), (27, 1172), (40, 2420)] {
        assert_eq!(capacity(version), characters, "version {version}");
    }
}

#[test]
fn every_version_and_a_spread_of_lengths_give_the_reference_symbol() {
    let mut previous = 0;
    for version in 1..=40u8 {
        let largest = capacity(version);
        // The smallest and largest texts of the version, and three lengths between.
        let smallest = if version == 1 { 0 } else { previous + 1 };
        let span = largest - smallest;
        for (i, len) in [
            smallest,
            smallest + span / 4,
            smallest + span / 2,
            largest - span / 5,
            largest,
        ]
        .into_iter()
        .enumerate()
        {
            assert_same_symbol(
                &seeded_text(len, u64::from(version) * 8 + i as u64),
                version,
            );
        }
        previous = largest;
    }
}

#[test]
fn certificate_like_texts_give_the_reference_symbol() {
    // The issuer's texts: "KZ1:" and Base45, about 450-650 characters (versions 15-19).
    for len in (420..=660).step_by(15) {
        let text = format!("KZ1:{}", seeded_text(len - 4, len as u64));
        let version = (1..=40).find(|&v| capacity(v) >= len).unwrap();
        assert_same_symbol(&text, version);
    }
}

#[test]
fn the_demo_certificates_give_the_reference_symbol() {
    let root = project_root();
    for name in ["certificate", "certificate-revoked"] {
        let text = std::fs::read_to_string(root.join(format!("www/demo/{name}.txt"))).unwrap();
        let version = qr::encode(text.trim()).unwrap().version();
        assert_same_symbol(text.trim(), version);
    }
}

#[test]
fn uniform_texts_give_the_reference_symbol() {
    // Long runs of one character stress the masks' penalties (runs, blocks, finder-like rows).
    for (character, len) in [
        ('0', 100),
        (' ', 300),
        (':', 1000),
        ('A', 2420),
        ('0', 2420),
    ] {
        let text: String = std::iter::repeat_n(character, len).collect();
        let version = (1..=40).find(|&v| capacity(v) >= len).unwrap();
        assert_same_symbol(&text, version);
    }
}

proptest! {
    #![proptest_config(proptest_config(64))]

    #[test]
    fn any_alphanumeric_text_gives_the_reference_symbol(
        text in "[0-9A-Z $%*+\\-./:]{0,2420}",
    ) {
        let ours = qr::encode(&text).unwrap();
        prop_assert!(modules(&ours) == reference(&text, ours.version()));
        // The smallest version: the one below does not hold the text.
        if ours.version() > 1 {
            prop_assert!(capacity(ours.version() - 1) < text.len());
        }
    }
}
