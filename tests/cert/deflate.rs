//! The zlib codec of `tirkeu::cert::deflate` against `miniz_oxide` (both directions, every level)
//! and against the edge cases of RFC 1950 and RFC 1951, written bit by bit here.

#![cfg(not(target_arch = "wasm32"))]

use crate::support::cert as cert_support;

use cert_support::*;
use proptest::prelude::*;
use tirkeu::cert::deflate::{CERTIFICATE_LIMIT, InflateError, compress, inflate};
use tirkeu::cert::*;

// ---- Seeded inputs ---------------------------------------------------------------------------

/// SplitMix64: a fixed, dependency-free sequence, so that every run tests the same inputs.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const LATIN_WORDS: [&str; 12] = [
    "registration",
    "certificate",
    "immigrant",
    "address",
    "host",
    "the",
    "of",
    "stay",
    "2026-07-01",
    "Almaty",
    "passport",
    "FA1234567",
];
const CYRILLIC_WORDS: [&str; 12] = [
    "Тіркеу",
    "туралы",
    "анықтама",
    "Алматы",
    "қ.,",
    "Медеу",
    "ауданы",
    "Достық",
    "даңғылы",
    "ӘБДІРАХМАНОВА",
    "ҚҰНАНБАЕВА",
    "пәтер",
];

/// Input `index` of the seeded corpus: text, Cyrillic text, random bytes, repetitive bytes (short
/// patterns with mutations, long runs) and sparse bit maps like a status list, of lengths from
/// empty to past the 32 KiB window and the 65,535-byte stored block.
fn seeded_input(index: usize) -> Vec<u8> {
    let mut random = Seeded(index as u64);
    let length = match index % 10 {
        0 => random.below(8),
        1..=6 => random.below(1500),
        7 | 8 => random.below(12_000),
        _ => 30_000 + random.below(45_000),
    };
    let mut data = Vec::with_capacity(length);
    match (index / 10) % 5 {
        0 | 1 => {
            let words = if (index / 10).is_multiple_of(5) {
                &LATIN_WORDS
            } else {
                &CYRILLIC_WORDS
            };
            while data.len() < length {
                data.extend_from_slice(words[random.below(words.len())].as_bytes());
                data.push(b" ,\n"[random.below(3)]);
            }
            data.truncate(length);
        }
        2 => data.extend((0..length).map(|_| random.next() as u8)),
        3 => {
            let pattern: Vec<u8> = (0..1 + random.below(12))
                .map(|_| random.next() as u8)
                .collect();
            data.extend(pattern.iter().cycle().take(length));
            for _ in 0..length / 50 {
                let at = random.below(length);
                data[at] = random.next() as u8;
            }
        }
        _ => {
            data.resize(length, 0);
            for _ in 0..length / 200 {
                let at = random.below(length);
                data[at] |= 1 << random.below(8);
            }
        }
    }
    data
}

const SEEDED_INPUTS: usize = 300;

/// What miniz_oxide inflates `zlib` to, if anything.
fn miniz_inflate(zlib: &[u8]) -> Option<Vec<u8>> {
    miniz_oxide::inflate::decompress_to_vec_zlib(zlib).ok()
}

// ---- Differential: miniz_oxide ---------------------------------------------------------------

#[test]
fn inflates_what_miniz_writes_at_every_level() {
    for index in 0..SEEDED_INPUTS {
        let data = seeded_input(index);
        for level in 0..=10 {
            let packed = miniz_oxide::deflate::compress_to_vec_zlib(&data, level);
            assert_eq!(
                inflate(&packed, data.len()).as_deref(),
                Ok(&data[..]),
                "input {index} ({} bytes), level {level}",
                data.len()
            );
        }
    }
}

#[test]
fn miniz_inflates_what_we_write_and_it_is_about_as_small() {
    // Bytes over miniz's level 9, over the whole corpus, and the worst input.
    let (mut ours_total, mut miniz_total) = (0usize, 0usize);
    let mut worst = (0isize, 0usize);
    for index in 0..SEEDED_INPUTS {
        let data = seeded_input(index);
        let packed = compress(&data);
        assert_eq!(
            miniz_inflate(&packed).as_deref(),
            Some(&data[..]),
            "input {index}"
        );
        assert_eq!(inflate(&packed, data.len()).as_deref(), Ok(&data[..]));
        let miniz = miniz_oxide::deflate::compress_to_vec_zlib(&data, 9).len();
        ours_total += packed.len();
        miniz_total += miniz;
        let excess = packed.len() as isize - miniz as isize;
        if excess > worst.0 {
            worst = (excess, index);
        }
    }
    println!("ours {ours_total} bytes, miniz level 9 {miniz_total} bytes, worst {worst:?}");
    assert!(ours_total <= miniz_total, "{ours_total} > {miniz_total}");
}

#[test]
fn what_we_accept_miniz_reads_the_same() {
    // Single-bit and byte changes to valid streams (ours and miniz's): whenever the strict
    // inflater accepts one, the lenient reference reads the same bytes from it. (The converse
    // does not hold: miniz ignores padding bits, for one.)
    let mut random = Seeded(1950);
    let (mut accepted, mut tried) = (0, 0);
    for index in (0..SEEDED_INPUTS).filter(|i| i % 10 != 9) {
        let data = seeded_input(index);
        for stream in [
            compress(&data),
            miniz_oxide::deflate::compress_to_vec_zlib(&data, 6),
        ] {
            for _ in 0..40 {
                let mut altered = stream.clone();
                let at = random.below(altered.len());
                if random.below(2) == 0 {
                    altered[at] ^= 1 << random.below(8);
                } else {
                    altered[at] = random.next() as u8;
                }
                tried += 1;
                if let Ok(ours) = inflate(&altered, 1 << 20) {
                    accepted += 1;
                    assert_eq!(
                        miniz_inflate(&altered),
                        Some(ours),
                        "input {index}, byte {at}"
                    );
                }
            }
        }
    }
    println!("{accepted} of {tried} altered streams accepted");
}

/// The COSE_Sign1 bytes of the long record of `tests/cert/qr.rs` (full name 39, address 80, host
/// name 40 Cyrillic characters).
fn long_record_cose() -> Vec<u8> {
    let mut realistic = record();
    realistic.surname = "ӘБДІРАХМАНОВА-ҚҰНАНБАЕВА".into();
    realistic.given_names = "ҒАЛИЯ ӨМІРҚЫЗЫ".into();
    realistic.patronymic = None;
    realistic.address =
        "Алматы қ., Медеу ауданы, Достық даңғылы, 240-үй, 17-пәтер, Көкжиек тұрғын кешені".into();
    realistic.host_name = "ҚҰДАЙБЕРГЕНОВ НҰРСҰЛТАН ЖАҚСЫЛЫҚҰЛЫ ӘЛІМ".into();
    cose_of(&issue_certificate(&realistic, &issuer(), IAT).unwrap())
}

#[test]
fn certificates_compress_no_larger_than_miniz_level_9() {
    let demo_text = include_str!("../../www/demo/certificate.txt").trim_end();
    for (name, cose) in [
        ("DEMO", cose_of(demo_text)),
        ("fixture", cose_of(&certificate())),
        ("long", long_record_cose()),
    ] {
        let ours = compress(&cose).len();
        let miniz = miniz_oxide::deflate::compress_to_vec_zlib(&cose, 9).len();
        println!(
            "{name}: {} bytes of COSE, ours {ours}, miniz {miniz}",
            cose.len()
        );
        assert!(ours <= miniz, "{name}: {ours} > {miniz}");
    }
}

#[test]
fn generated_certificates_compress_no_larger_than_miniz_level_9() {
    // Records with random Kazakh letters in the names, the address and the host name (they
    // deflate worse than real ones), of growing lengths, each with its own signature.
    const UPPER: &str = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ";
    const LOWER: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
    let mut random = Seeded(923);
    let mut word = |letters: &str, length: usize| -> String {
        let letters: Vec<char> = letters.chars().collect();
        (0..length)
            .map(|_| letters[random.below(letters.len())])
            .collect()
    };
    let mut saved = 0;
    for i in 0..120usize {
        let mut generated = record();
        generated.surname = word(UPPER, 4 + i % 20);
        generated.given_names = word(UPPER, 3 + i % 9);
        let streets: Vec<String> = (0..1 + i % 6).map(|_| word(LOWER, 3 + i % 7)).collect();
        generated.address = format!("Алматы қ., {}, {i}-үй", streets.join(", "));
        generated.host_name = format!("ТОО «{}»", word(UPPER, 3 + i % 25));
        let text = issue_certificate(&generated, &issuer(), IAT + i as i64).unwrap();
        let cose = cose_of(&text);
        let ours = compress(&cose).len();
        let miniz = miniz_oxide::deflate::compress_to_vec_zlib(&cose, 9).len();
        assert!(ours <= miniz, "record {i}: {ours} > {miniz}");
        saved += miniz - ours;
    }
    println!("{saved} bytes fewer than miniz over 120 certificates");
}

proptest! {
    #[test]
    fn round_trips_any_bytes(data in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let packed = compress(&data);
        prop_assert_eq!(inflate(&packed, data.len()), Ok(data.clone()));
        prop_assert_eq!(miniz_inflate(&packed), Some(data));
    }

    #[test]
    fn round_trips_repetitive_bytes(
        pieces in proptest::collection::vec((proptest::collection::vec(0u8..4, 1..8), 1usize..80), 0..40)
    ) {
        let data: Vec<u8> = pieces
            .iter()
            .flat_map(|(pattern, times)| pattern.iter().cycle().take(pattern.len() * times))
            .copied()
            .collect();
        let packed = compress(&data);
        prop_assert_eq!(inflate(&packed, data.len()), Ok(data));
    }

    #[test]
    fn inflating_arbitrary_bytes_never_passes_the_limit(
        body in proptest::collection::vec(any::<u8>(), 0..200),
        limit in 0usize..64,
    ) {
        let data = [&[0x78, 0x9c][..], &body].concat();
        if let Ok(output) = inflate(&data, limit) {
            prop_assert!(output.len() <= limit);
        }
    }
}

// ---- RFC 1950 and RFC 1951, bit by bit ---------------------------------------------------------

/// Writes a deflate stream the way RFC 1951 section 3.1.1 packs it: fields least significant bit
/// first, Huffman codes most significant bit first.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    count: usize,
}

impl Bits {
    fn field(&mut self, value: u32, width: u32) -> &mut Self {
        for i in 0..width {
            self.bit((value >> i) & 1);
        }
        self
    }

    fn huffman(&mut self, code: u32, width: u32) -> &mut Self {
        for i in (0..width).rev() {
            self.bit((code >> i) & 1);
        }
        self
    }

    fn bit(&mut self, bit: u32) {
        if self.count.is_multiple_of(8) {
            self.bytes.push(0);
        }
        *self.bytes.last_mut().unwrap() |= (bit as u8) << (self.count % 8);
        self.count += 1;
    }

    /// A block header: BFINAL and BTYPE (RFC 1951 section 3.2.3).
    fn block(&mut self, is_final: bool, kind: u32) -> &mut Self {
        self.field(u32::from(is_final), 1).field(kind, 2)
    }

    /// A symbol of the fixed literal/length code (RFC 1951 section 3.2.6).
    fn fixed_literal(&mut self, symbol: u32) -> &mut Self {
        match symbol {
            0..=143 => self.huffman(0x30 + symbol, 8),
            144..=255 => self.huffman(0x190 + symbol - 144, 9),
            256..=279 => self.huffman(symbol - 256, 7),
            _ => self.huffman(0xc0 + symbol - 280, 8),
        }
    }

    /// A symbol of the fixed distance code: its 5-bit number.
    fn fixed_distance(&mut self, symbol: u32) -> &mut Self {
        self.huffman(symbol, 5)
    }

    /// The stream wrapped as zlib: header 78 9c, and the Adler-32 of `content` (RFC 1950).
    fn zlib(&self, content: &[u8]) -> Vec<u8> {
        let mut zlib = vec![0x78, 0x9c];
        zlib.extend_from_slice(&self.bytes);
        zlib.extend_from_slice(&adler32(content).to_be_bytes());
        zlib
    }
}

/// Adler-32 by its definition (RFC 1950 section 8.2), independent of the library's.
fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    b << 16 | a
}

/// Canonical codes for these lengths (RFC 1951 section 3.2.2), as (code, length).
fn canonical(lengths: &[u8]) -> Vec<(u32, u32)> {
    let mut counts = [0u32; 16];
    for &length in lengths {
        counts[usize::from(length)] += 1;
    }
    counts[0] = 0;
    let mut next = [0u32; 16];
    for bits in 1..16 {
        next[bits] = (next[bits - 1] + counts[bits - 1]) << 1;
    }
    lengths
        .iter()
        .map(|&length| {
            let code = next[usize::from(length)];
            next[usize::from(length)] += 1;
            (code, u32::from(length))
        })
        .collect()
}

/// A dynamic block header (RFC 1951 section 3.2.7) sending `literal_lengths` and
/// `distance_lengths` one by one, with the code-length code that gives each of the lengths 0-15
/// four bits (a complete code) and no repeat codes.
fn dynamic_header(bits: &mut Bits, literal_lengths: &[u8], distance_lengths: &[u8]) {
    bits.field(literal_lengths.len() as u32 - 257, 5)
        .field(distance_lengths.len() as u32 - 1, 5)
        .field(19 - 4, 4);
    // Order 16, 17, 18, 0, 8, 7, ...: the repeat codes get no code, every length 4 bits.
    for position in 0..19 {
        bits.field(if position < 3 { 0 } else { 4 }, 3);
    }
    for &length in literal_lengths.iter().chain(distance_lengths) {
        bits.huffman(u32::from(length), 4);
    }
}

fn invalid(zlib: &[u8]) -> &'static str {
    match inflate(zlib, 1000) {
        Err(InflateError::Invalid { reason }) => reason,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn zlib_header_fields_are_checked() {
    // RFC 1950 section 2.2: CM must be 8, CINFO at most 7, CMF*256 + FLG a multiple of 31, and
    // FDICT (a preset dictionary, section 2.2 and 8) is refused: certificates never use one.
    let mut body = Bits::default();
    body.block(true, 1).fixed_literal(256);
    let valid = body.zlib(b"");
    assert_eq!(inflate(&valid, 0), Ok(vec![]));
    for (cmf, flg) in [(0x78, 0x9c), (0x78, 0x01), (0x78, 0xda), (0x08, 0x1d)] {
        let mut stream = valid.clone();
        stream[..2].copy_from_slice(&[cmf, flg]);
        assert_eq!(inflate(&stream, 0), Ok(vec![]), "{cmf:02x} {flg:02x}");
    }
    let header_error = "the zlib header is not that of a deflate stream";
    // CM 7; CINFO 8 (a 64 KiB window); FCHECK off by one.
    for (cmf, flg) in [(0x77, 0x09), (0x88, 0x1c), (0x78, 0x9d)] {
        assert_eq!(
            (u32::from(cmf) * 256 + u32::from(flg)) % 31 == 0,
            flg != 0x9d
        );
        let mut stream = valid.clone();
        stream[..2].copy_from_slice(&[cmf, flg]);
        assert_eq!(invalid(&stream), header_error, "{cmf:02x} {flg:02x}");
    }
    let mut dictionary = valid.clone();
    dictionary[1] = 0xbb; // FDICT set, FCHECK still valid
    assert_eq!(invalid(&dictionary), "the stream needs a preset dictionary");
    assert_eq!(invalid(&[0x78]), "the stream is truncated");
}

#[test]
fn the_reserved_block_type_is_refused() {
    // RFC 1951 section 3.2.3: BTYPE 11 is reserved (error).
    let mut bits = Bits::default();
    bits.block(true, 3);
    assert_eq!(invalid(&bits.zlib(b"")), "a block of the reserved type 3");
}

#[test]
fn stored_blocks() {
    // RFC 1951 section 3.2.4: skip to a byte boundary, LEN, NLEN (its one's complement), the
    // bytes; a stored block may be followed by other blocks.
    let stored = |bits: &mut Bits, is_final: bool, content: &[u8], nlen_xor: u16| {
        bits.block(is_final, 0);
        while !bits.count.is_multiple_of(8) {
            bits.field(0, 1);
        }
        let len = content.len() as u16;
        bits.field(len.into(), 16)
            .field((!len ^ nlen_xor).into(), 16);
        for &byte in content {
            bits.field(byte.into(), 8);
        }
    };
    let mut two = Bits::default();
    stored(&mut two, false, b"KZ", 0);
    stored(&mut two, false, b"", 0);
    two.block(true, 1)
        .fixed_literal(u32::from(b'1'))
        .fixed_literal(256);
    assert_eq!(inflate(&two.zlib(b"KZ1"), 10), Ok(b"KZ1".to_vec()));

    let mut mismatch = Bits::default();
    stored(&mut mismatch, true, b"KZ", 1);
    assert_eq!(
        invalid(&mismatch.zlib(b"KZ")),
        "a stored block's NLEN is not the complement of LEN"
    );

    // LEN promises more bytes than there are.
    let mut short = Bits::default();
    stored(&mut short, true, b"KZ1", 0);
    let mut zlib = vec![0x78, 0x9c];
    zlib.extend_from_slice(&short.bytes[..short.bytes.len() - 1]);
    assert_eq!(invalid(&zlib), "the stream is truncated");

    // The alignment bits of a stored block after a fixed one: ignored by the format, so set
    // ones make a second encoding of the same data.
    let mut aligned = Bits::default();
    aligned
        .block(false, 1)
        .fixed_literal(u32::from(b'K'))
        .fixed_literal(256);
    stored(&mut aligned, true, b"Z", 0);
    assert_eq!(inflate(&aligned.zlib(b"KZ"), 10), Ok(b"KZ".to_vec()));
    let mut altered = aligned.zlib(b"KZ");
    altered[4] |= 0x80; // 3 + 8 + 7 + 3 bits used: the top bits of the third body byte are free
    assert_eq!(inflate(&altered, 10), Err(InflateError::NonZeroPadding));

    // The limit applies to stored bytes too, before any is copied.
    assert_eq!(
        inflate(&two.zlib(b"KZ1"), 1),
        Err(InflateError::TooLarge { limit: 1 })
    );
}

#[test]
fn fixed_codes_refuse_symbols_that_never_occur() {
    // RFC 1951 section 3.2.6: literal/length symbols 286 and 287 and distance symbols 30 and
    // 31 take part in the fixed codes but "will never actually occur in the compressed data".
    for symbol in [286, 287] {
        let mut bits = Bits::default();
        bits.block(true, 1)
            .fixed_literal(u32::from(b'a'))
            .fixed_literal(symbol);
        assert_eq!(invalid(&bits.zlib(b"a")), "the length symbol 286 or 287");
    }
    for symbol in [30, 31] {
        let mut bits = Bits::default();
        bits.block(true, 1)
            .fixed_literal(u32::from(b'a'))
            .fixed_literal(257)
            .fixed_distance(symbol);
        assert_eq!(invalid(&bits.zlib(b"aaaa")), "the distance symbol 30 or 31");
    }
}

#[test]
fn distances_and_lengths() {
    // RFC 1951 section 3.2.5: a match copies `length` bytes from `distance` back, possibly
    // overlapping what it writes ("abab..." from distance 2); it may not reach before the start.
    let mut overlap = Bits::default();
    overlap
        .block(true, 1)
        .fixed_literal(u32::from(b'a'))
        .fixed_literal(u32::from(b'b'))
        .fixed_literal(262) // length 8
        .fixed_distance(1) // distance 2
        .fixed_literal(256);
    assert_eq!(
        inflate(&overlap.zlib(b"ababababab"), 10),
        Ok(b"ababababab".to_vec())
    );

    let mut too_far = Bits::default();
    too_far
        .block(true, 1)
        .fixed_literal(u32::from(b'a'))
        .fixed_literal(u32::from(b'b'))
        .fixed_literal(257)
        .fixed_distance(2) // distance 3: one before the start
        .fixed_literal(256);
    assert_eq!(
        invalid(&too_far.zlib(b"ab")),
        "a distance reaches before the start of the data"
    );

    // Length 258 is symbol 285; symbol 284 covers 227-257 only, so 284 with extra bits 31 would
    // be a second encoding of 258.
    let run = |symbol: u32, extra: u32, width: u32| {
        let mut bits = Bits::default();
        bits.block(true, 1)
            .fixed_literal(0)
            .fixed_literal(symbol)
            .field(extra, width)
            .fixed_distance(0)
            .fixed_literal(256);
        bits
    };
    let zeros = [0u8; 259];
    assert_eq!(
        inflate(&run(285, 0, 0).zlib(&zeros), 300),
        Ok(zeros.to_vec())
    );
    assert_eq!(
        inflate(&run(284, 30, 5).zlib(&zeros[..258]), 300),
        Ok(zeros[..258].to_vec())
    );
    assert_eq!(
        invalid(&run(284, 31, 5).zlib(&zeros)),
        "length 258 coded with symbol 284"
    );
}

/// A dynamic block holding "a" then a match of length 3 at distance 1 ("aaaa"), with the
/// literal/length lengths `a_eob_257` for 'a', 256 and 257 and these distance lengths.
fn dynamic_aaaa(a_eob_257: [u8; 3], distance_lengths: &[u8]) -> Vec<u8> {
    let mut literal_lengths = vec![0u8; 258];
    literal_lengths[usize::from(b'a')] = a_eob_257[0];
    literal_lengths[256] = a_eob_257[1];
    literal_lengths[257] = a_eob_257[2];
    let literal_codes = canonical(&literal_lengths);
    let distance_codes = canonical(distance_lengths);
    let mut bits = Bits::default();
    bits.block(true, 2);
    dynamic_header(&mut bits, &literal_lengths, distance_lengths);
    for symbol in [usize::from(b'a'), 257] {
        let (code, width) = literal_codes[symbol];
        bits.huffman(code, width);
    }
    let (code, width) = distance_codes[0];
    bits.huffman(code, width);
    let (code, width) = literal_codes[256];
    bits.huffman(code, width);
    bits.zlib(b"aaaa")
}

#[test]
fn dynamic_codes_must_be_complete() {
    // RFC 1951 section 3.2.2 builds a prefix code from lengths; a set of lengths that claims
    // more codes than fit is over-subscribed, one that leaves codes unused is incomplete.
    assert_eq!(
        inflate(&dynamic_aaaa([1, 2, 2], &[1, 1]), 10),
        Ok(b"aaaa".to_vec())
    );
    assert_eq!(
        invalid(&dynamic_aaaa([1, 1, 2], &[1, 1])),
        "over-subscribed code lengths"
    );
    assert_eq!(
        invalid(&dynamic_aaaa([2, 2, 2], &[1, 1])),
        "incomplete code lengths"
    );
    assert_eq!(
        invalid(&dynamic_aaaa([1, 2, 2], &[1, 1, 1])),
        "over-subscribed code lengths"
    );
    assert_eq!(
        invalid(&dynamic_aaaa([1, 2, 2], &[2, 2])),
        "incomplete code lengths"
    );
}

#[test]
fn a_single_distance_code_has_one_bit_and_none_means_literals_only() {
    // RFC 1951 section 3.2.7: "If only one distance code is used, it is encoded using one bit,
    // not zero bits; in this case there is a single code length of one, with one unused code.
    // One distance code of zero bits means that there are no distance codes used at all (the
    // data is all literals)."
    assert_eq!(
        inflate(&dynamic_aaaa([1, 2, 2], &[1]), 10),
        Ok(b"aaaa".to_vec())
    );
    assert_eq!(
        inflate(&dynamic_aaaa([1, 2, 2], &[1, 0, 0]), 10),
        Ok(b"aaaa".to_vec())
    );
    // With no distance code, the match has nothing to decode its distance with.
    assert_eq!(
        invalid(&dynamic_aaaa([1, 2, 2], &[0])),
        "a code that the block's Huffman code lacks"
    );
    // Literals only under an empty distance code are fine.
    let mut literal_lengths = vec![0u8; 257];
    literal_lengths[usize::from(b'a')] = 1;
    literal_lengths[256] = 1;
    let mut bits = Bits::default();
    bits.block(true, 2);
    dynamic_header(&mut bits, &literal_lengths, &[0]);
    bits.huffman(0, 1).huffman(0, 1).huffman(1, 1);
    assert_eq!(inflate(&bits.zlib(b"aa"), 10), Ok(b"aa".to_vec()));
    // One literal/length code of one bit is still incomplete: only distances may be.
    let mut lonely = vec![0u8; 257];
    lonely[256] = 1;
    let mut bits = Bits::default();
    bits.block(true, 2);
    dynamic_header(&mut bits, &lonely, &[0]);
    bits.huffman(0, 1);
    assert_eq!(invalid(&bits.zlib(b"")), "incomplete code lengths");
}

#[test]
fn dynamic_header_counts_and_repeats_are_checked() {
    // RFC 1951 section 3.2.7: HLIT is 257-286 and HDIST 1-30 (the 5-bit fields could say 288
    // and 32); code 16 repeats the previous length, so it cannot come first; a repeat may not
    // run past HLIT + HDIST lengths; and the block needs a code for 256 to end.
    let header = |hlit: u32, hdist: u32| {
        let mut bits = Bits::default();
        bits.block(true, 2)
            .field(hlit, 5)
            .field(hdist, 5)
            .field(15, 4);
        for _ in 0..19 {
            bits.field(4, 3);
        }
        bits
    };
    assert_eq!(
        invalid(&header(30, 0).zlib(b"")),
        "more than 286 length or 30 distance codes"
    );
    assert_eq!(
        invalid(&header(0, 30).zlib(b"")),
        "more than 286 length or 30 distance codes"
    );

    // A code-length code with the repeat codes: 16 -> 00, 17 -> 010, 18 -> 011, lengths 0-15
    // -> 5 bits each (complete: 1/4 + 2/8 + 16/32).
    let mut code_length_lengths = [5u8; 19];
    code_length_lengths[16] = 2;
    code_length_lengths[17] = 3;
    code_length_lengths[18] = 3;
    let code_length_codes = canonical(&code_length_lengths);
    let with_repeats = |symbols: &[(usize, u32)]| {
        let mut bits = Bits::default();
        bits.block(true, 2).field(0, 5).field(0, 5).field(15, 4);
        for symbol in [
            16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
        ] {
            bits.field(u32::from(code_length_lengths[symbol]), 3);
        }
        for &(symbol, extra) in symbols {
            let (code, width) = code_length_codes[symbol];
            bits.huffman(code, width);
            bits.field(
                extra,
                [2, 3, 7].get(symbol.wrapping_sub(16)).copied().unwrap_or(0),
            );
        }
        bits
    };
    assert_eq!(
        invalid(&with_repeats(&[(16, 0)]).zlib(b"")),
        "a repeat code with no length to repeat"
    );
    // HLIT + HDIST is 258 here: two runs of 138 zeros overrun it.
    let past_end = with_repeats(&[(18, 127), (18, 127)]);
    assert_eq!(
        invalid(&past_end.zlib(b"")),
        "code lengths repeat past the last symbol"
    );
    // All 258 lengths zero: no code for 256.
    let no_end = with_repeats(&[(18, 127), (18, 109)]);
    assert_eq!(
        invalid(&no_end.zlib(b"")),
        "the block has no end-of-block code"
    );
    // 97 zeros, 'a' one bit, 158 zeros, 256 one bit, distance 0 one bit: a valid block.
    let mut sequence = vec![
        (18, 97 - 11),
        (1, 0),
        (18, 127),
        (18, 20 - 11),
        (1, 0),
        (1, 0),
    ];
    let mut bits = with_repeats(&sequence);
    bits.huffman(0, 1).huffman(1, 1);
    assert_eq!(inflate(&bits.zlib(b"a"), 10), Ok(b"a".to_vec()));
    // The last length written as a repeat of the previous one (at least 3 of them) would carry
    // into the distance lengths, which is allowed, but runs past their end (1 left).
    sequence.pop();
    sequence.push((16, 0));
    assert_eq!(
        invalid(&with_repeats(&sequence).zlib(b"")),
        "code lengths repeat past the last symbol"
    );
}

#[test]
fn the_code_length_code_must_be_complete() {
    // RFC 1951 section 3.2.7 sends the code-length code as lengths too; zlib refuses an
    // incomplete one, and so does this decoder (only distance codes may be incomplete).
    let mut bits = Bits::default();
    bits.block(true, 2).field(0, 5).field(0, 5).field(0, 4);
    // Lengths for 16, 17, 18, 0: 1, 0, 0, 0 -> one code of one bit.
    for length in [1, 0, 0, 0] {
        bits.field(length, 3);
    }
    assert_eq!(invalid(&bits.zlib(b"")), "incomplete code lengths");
    let mut bits = Bits::default();
    bits.block(true, 2).field(0, 5).field(0, 5).field(0, 4);
    for length in [1, 1, 1, 0] {
        bits.field(length, 3);
    }
    assert_eq!(invalid(&bits.zlib(b"")), "over-subscribed code lengths");
}

#[test]
fn the_trailer_and_what_follows_it() {
    // RFC 1950 section 2.2: ADLER32 closes the stream, most significant byte first; nothing
    // follows a certificate's stream, and the padding of the last byte is zero.
    let mut bits = Bits::default();
    bits.block(true, 1)
        .fixed_literal(u32::from(b'a'))
        .fixed_literal(256);
    let zlib = bits.zlib(b"a");
    assert_eq!(inflate(&zlib, 10), Ok(b"a".to_vec()));
    assert_eq!(
        zlib[zlib.len() - 4..],
        [0x00, 0x62, 0x00, 0x62],
        "Adler-32 of \"a\""
    );
    let mut wrong = zlib.clone();
    wrong[zlib.len() - 1] ^= 0x01;
    assert_eq!(invalid(&wrong), "the Adler-32 checksum does not match");
    assert_eq!(invalid(&zlib[..zlib.len() - 1]), "the stream is truncated");
    let mut trailing = zlib.clone();
    trailing.extend_from_slice(b"KZ");
    assert_eq!(
        inflate(&trailing, 10),
        Err(InflateError::TrailingBytes { count: 2 })
    );
    // 3 + 8 + 7 = 18 bits: bits 2-7 of the third body byte are padding.
    for bit in 2..8 {
        let mut padded = zlib.clone();
        padded[4] |= 1 << bit;
        assert_eq!(
            inflate(&padded, 10),
            Err(InflateError::NonZeroPadding),
            "bit {bit}"
        );
    }
    // An empty stream, as zlib writes it.
    assert_eq!(
        compress(b""),
        [0x78, 0xda, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]
    );
    assert_eq!(inflate(&compress(b""), 0), Ok(vec![]));
}

#[test]
fn the_limit_stops_a_bomb_before_it_allocates() {
    // 4 MiB of zeros in about 4 KB (two bits a match of 258): refused at any smaller limit,
    // with the limit in the error.
    let zeros = vec![0u8; 4 << 20];
    let bomb = compress(&zeros);
    assert!(bomb.len() < 4_200, "{}", bomb.len());
    assert_eq!(
        inflate(&bomb, zeros.len()).map(|o| o.len()),
        Ok(zeros.len())
    );
    for limit in [0, 1, CERTIFICATE_LIMIT, zeros.len() - 1] {
        assert_eq!(inflate(&bomb, limit), Err(InflateError::TooLarge { limit }));
    }
}

#[test]
fn a_long_stored_input_spans_several_stored_blocks() {
    // Random bytes do not compress: the encoder falls back to stored blocks of at most
    // 65,535 bytes (RFC 1951 section 3.2.4), 5 bytes of overhead each.
    let mut random = Seeded(7);
    let data: Vec<u8> = (0..150_000).map(|_| random.next() as u8).collect();
    let packed = compress(&data);
    assert_eq!(packed.len(), 2 + 3 * 5 + data.len() + 4);
    assert_eq!(inflate(&packed, data.len()).as_deref(), Ok(&data[..]));
    assert_eq!(miniz_inflate(&packed).as_deref(), Some(&data[..]));
}
