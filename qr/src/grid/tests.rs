use super::*;
use crate::symbol::EcLevel;

/// The bytes of a grid, as [`super::decode_grid`] reads them.
fn decode_grid(dimension: usize, modules: &[bool]) -> Option<Vec<u8>> {
    super::decode_grid(dimension, modules).map(|payload| payload.bytes)
}
use proptest::prelude::*;
use qrcode::bits::Bits;
use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::types::{Color, Version};

const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];
const LEVELS: [(EcLevel, qrcode::EcLevel); 4] = [
    (EcLevel::L, qrcode::EcLevel::L),
    (EcLevel::M, qrcode::EcLevel::M),
    (EcLevel::Q, qrcode::EcLevel::Q),
    (EcLevel::H, qrcode::EcLevel::H),
];

/// A grid drawn by the qrcode crate's encoder from finished segments: (dimension, modules).
fn grid_of(mut bits: Bits, level: qrcode::EcLevel, mask: MaskPattern) -> (usize, Vec<bool>) {
    let version = bits.version();
    bits.push_terminator(level).unwrap();
    let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, level).unwrap();
    let mut canvas = Canvas::new(version, level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    canvas.apply_mask(mask);
    let modules = canvas
        .into_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    (version.width() as usize, modules)
}

/// Data capacity in bits of a version and level.
fn capacity(version: usize, level: qrcode::EcLevel) -> usize {
    Bits::new(Version::Normal(version as i16))
        .max_len(level)
        .unwrap()
}

fn text_of(len: usize, alphabet: &[u8], seed: usize) -> Vec<u8> {
    (0..len)
        .map(|i| alphabet[(i * 7 + seed * 13 + i / 5) % alphabet.len()])
        .collect()
}

fn transpose(dimension: usize, modules: &[bool]) -> Vec<bool> {
    (0..dimension * dimension)
        .map(|i| modules[(i % dimension) * dimension + i / dimension])
        .collect()
}

#[test]
fn version_information_read_from_both_copies() {
    let bits = {
        let mut bits = Bits::new(Version::Normal(9));
        bits.push_byte_data(b"x").unwrap();
        bits
    };
    let (dimension, mut modules) = grid_of(bits, qrcode::EcLevel::M, MASKS[0]);
    let dark = |m: &Vec<bool>| {
        let m = m.clone();
        move |x: usize, y: usize| m[y * dimension + x]
    };
    assert_eq!(read_version(dimension, &dark(&modules)), Some(9));
    // Three errors in the top-right copy, the other intact.
    for (x, y) in [(dimension - 11, 0), (dimension - 10, 2), (dimension - 9, 5)] {
        modules[y * dimension + x] ^= true;
    }
    assert_eq!(read_version(dimension, &dark(&modules)), Some(9));
    // The top-right copy destroyed: the bottom-left one still reads.
    for x in dimension - 11..dimension - 8 {
        for y in 0..6 {
            modules[y * dimension + x] = true;
        }
    }
    assert_eq!(read_version(dimension, &dark(&modules)), Some(9));
    assert_eq!(read_version(21, &dark(&modules)), None);
}

#[test]
fn block_table_matches_the_qrcode_encoder_and_the_symbol_area() {
    for version in 1..=40usize {
        let function = function_modules(version);
        let dimension = 17 + 4 * version;
        let data_modules = function.iter().filter(|&&f| !f).count();
        for (level, theirs) in LEVELS {
            let (ec, data) = block_layout(version, level).unwrap();
            let data_total: usize = data.iter().sum();
            assert_eq!(
                data_total * 8,
                capacity(version, theirs),
                "{version}-{level:?}"
            );
            assert_eq!(
                (data_total + ec * data.len()),
                data_modules / 8,
                "{version}-{level:?}"
            );
            // Interleaving: our de-interleaving inverts the encoder's.
            let raw: Vec<u8> = (0..data_total).map(|i| (i * 7 + 3) as u8).collect();
            let (interleaved, ec_codes) =
                qrcode::ec::construct_codewords(&raw, Version::Normal(version as i16), theirs)
                    .unwrap();
            assert_eq!(ec_codes.len(), ec * data.len());
            let mut codewords = interleaved;
            codewords.extend(ec_codes);
            assert_eq!(deinterleave_and_correct(&codewords, ec, &data), Some(raw));
        }
        // Function patterns: the encoder's, plus the version information areas.
        for y in 0..dimension {
            for x in 0..dimension {
                let version_area = version >= 7
                    && ((x + 11 >= dimension && x + 8 < dimension && y < 6)
                        || (y + 11 >= dimension && y + 8 < dimension && x < 6));
                let theirs = qrcode::canvas::is_functional(
                    Version::Normal(version as i16),
                    dimension as i16,
                    x as i16,
                    y as i16,
                );
                assert_eq!(
                    function[y * dimension + x],
                    theirs || version_area,
                    "{version} {x} {y}"
                );
            }
        }
    }
}

#[test]
fn round_trips_every_version_level_and_segment_kind() {
    for version in 1..=40usize {
        for (index, (_, level)) in LEVELS.iter().enumerate() {
            let room = capacity(version, *level) - 40;
            let mask = MASKS[(version + index) % 8];
            let v = Version::Normal(version as i16);
            let numeric = text_of(room / 4, b"0123456789", version);
            let alphanumeric = text_of(
                room / 6,
                b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:",
                version,
            );
            let utf8 = "Тіркеу é ".repeat(room / 8 / 13 + 1);
            let utf8 = &utf8.as_bytes()[..utf8
                .char_indices()
                .map(|(i, _)| i)
                .take_while(|&i| i <= room / 8 - 4)
                .last()
                .unwrap_or(0)];
            let mut cases: Vec<(Bits, Vec<u8>)> = Vec::new();
            let mut bits = Bits::new(v);
            bits.push_numeric_data(&numeric).unwrap();
            cases.push((bits, numeric.clone()));
            let mut bits = Bits::new(v);
            bits.push_alphanumeric_data(&alphanumeric).unwrap();
            cases.push((bits, alphanumeric.clone()));
            let mut bits = Bits::new(v);
            bits.push_eci_designator(26).unwrap();
            bits.push_byte_data(utf8).unwrap();
            cases.push((bits, utf8.to_vec()));
            // Mixed: numeric, alphanumeric and byte segments in one symbol.
            if capacity(version, *level) >= 200 {
                let third = (capacity(version, *level) - 100) / 3;
                let (n, a) = (&numeric[..third / 4], &alphanumeric[..third / 6]);
                let mut bits = Bits::new(v);
                bits.push_numeric_data(n).unwrap();
                bits.push_alphanumeric_data(a).unwrap();
                bits.push_byte_data("é".as_bytes()).unwrap();
                cases.push((bits, [n, a, "é".as_bytes()].concat()));
            }
            for (bits, expected) in cases {
                let (dimension, modules) = grid_of(bits, *level, mask);
                assert_eq!(dimension, 17 + 4 * version);
                assert_eq!(
                    decode_grid(dimension, &modules).as_ref(),
                    Some(&expected),
                    "{version}-{level:?}"
                );
                let mirrored = transpose(dimension, &modules);
                assert_eq!(
                    decode_grid(dimension, &mirrored),
                    Some(expected),
                    "{version}-{level:?} mirrored"
                );
            }
        }
    }
}

#[test]
fn every_mask_pattern_reads() {
    for (mask_index, mask) in MASKS.into_iter().enumerate() {
        for version in [1, 7, 22] {
            let mut bits = Bits::new(Version::Normal(version));
            bits.push_alphanumeric_data(b"KZ1:MASK TEST").unwrap();
            let (dimension, modules) = grid_of(bits, qrcode::EcLevel::Q, mask);
            let dark = |x: usize, y: usize| modules[y * dimension + x];
            assert_eq!(
                read_formats(dimension, &dark),
                [Format {
                    level: EcLevel::Q,
                    mask: mask_index as u8
                }]
            );
            assert_eq!(
                decode_grid(dimension, &modules).as_deref(),
                Some(&b"KZ1:MASK TEST"[..])
            );
        }
    }
}

#[test]
fn format_copies_with_three_errors_each_or_one_destroyed() {
    let mut bits = Bits::new(Version::Normal(3));
    bits.push_alphanumeric_data(b"FORMAT").unwrap();
    let (dimension, clean) = grid_of(bits, qrcode::EcLevel::H, MASKS[3]);
    let mut modules = clean.clone();
    // Three errors in each copy.
    for (x, y) in [
        (8, 0),
        (8, 3),
        (2, 8),
        (8, dimension - 1),
        (dimension - 3, 8),
        (dimension - 8, 8),
    ] {
        modules[y * dimension + x] ^= true;
    }
    assert_eq!(
        decode_grid(dimension, &modules).as_deref(),
        Some(&b"FORMAT"[..])
    );
    // The first copy wiped out entirely.
    let mut modules = clean.clone();
    for i in 0..9 {
        modules[8 * dimension + i] = false;
        modules[i * dimension + 8] = false;
    }
    assert_eq!(
        decode_grid(dimension, &modules).as_deref(),
        Some(&b"FORMAT"[..])
    );
}

#[test]
fn garbage_grids_do_not_decode_or_panic() {
    assert_eq!(decode_grid(22, &[false; 22 * 22]), None);
    assert_eq!(decode_grid(21, &[false; 10]), None);
    assert_eq!(decode_grid(21, &[true; 21 * 21]), None);
    assert_eq!(decode_grid(181, &vec![true; 181 * 181]), None);
    assert_eq!(decode_grid(0, &[]), None);
    let mut state = 1u64;
    for dimension in (21..=177).step_by(4) {
        let modules: Vec<bool> = (0..dimension * dimension)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                state >> 63 == 1
            })
            .collect();
        assert_eq!(decode_grid(dimension, &modules), None);
    }
}

/// Module positions (x, y) of each codeword, in placement order, for a version.
fn codeword_modules(version: usize) -> Vec<Vec<(usize, usize)>> {
    let function = function_modules(version);
    let positions: Vec<(usize, usize)> = placement_order(version, &function).collect();
    positions.chunks_exact(8).map(<[_]>::to_vec).collect()
}

/// Index in the placement order of codeword `i` of block `block` (data then EC).
fn stream_index(data: &[usize], block: usize, i: usize) -> usize {
    let shortest = data.iter().copied().min().unwrap();
    let blocks = data.len();
    let short_blocks = data.iter().filter(|&&d| d == shortest).count();
    let data_total: usize = data.iter().sum();
    if i < data[block] {
        if i < shortest {
            i * blocks + block
        } else {
            shortest * blocks + (block - short_blocks)
        }
    } else {
        data_total + (i - data[block]) * blocks + block
    }
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// Up to ec / 2 damaged codewords in one block decode to the text; more never decode
    /// to a different text (only to nothing, or, with the tiny probability of a
    /// Reed-Solomon miscorrection, which this test would catch, something else).
    #[test]
    fn corrects_up_to_half_the_ec_codewords_of_a_block(
        version in 1usize..=40,
        level_index in 0usize..4,
        seed in any::<u64>(),
        extra in 1usize..4,
    ) {
        let (level, theirs) = LEVELS[level_index];
        let text = text_of(capacity(version, theirs) / 8 - 3, b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef", seed as usize % 97);
        let mut bits = Bits::new(Version::Normal(version as i16));
        bits.push_byte_data(&text).unwrap();
        let (dimension, clean) = grid_of(bits, theirs, MASKS[seed as usize % 8]);
        let (ec, data) = block_layout(version, level).unwrap();
        let block = (seed as usize / 8) % data.len();
        let length = data[block] + ec;
        let codewords = codeword_modules(version);
        let mut rng = seed | 1;
        let mut next = move || { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; rng };
        // Distinct codeword indices of the block, in random order.
        let mut order: Vec<usize> = (0..length).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, (next() % (i as u64 + 1)) as usize);
        }
        let damage = |count: usize, next: &mut dyn FnMut() -> u64| {
            let mut modules = clean.clone();
            for &i in &order[..count] {
                let pattern = (next() % 255 + 1) as u8;
                let positions = &codewords[stream_index(&data, block, i)];
                for (bit, &(x, y)) in positions.iter().enumerate() {
                    if pattern >> (7 - bit) & 1 == 1 {
                        modules[y * dimension + x] ^= true;
                    }
                }
            }
            modules
        };
        let correctable = damage(ec / 2, &mut next);
        prop_assert_eq!(decode_grid(dimension, &correctable), Some(text.clone()));
        let too_many = damage((ec / 2 + extra).min(length), &mut next);
        prop_assert_eq!(decode_grid(dimension, &too_many), None);
    }
}
