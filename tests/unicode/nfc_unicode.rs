//! `tirkeu::nfc` against the `unicode-normalization` crate (the reference its tables come from,
//! tests/unicode/nfc_tables.rs): every code point, then random text of the scripts the certificate and
//! the forms meet (Kazakh and Russian Cyrillic, Latin with diacritics, Vietnamese, Hangul) with
//! combining marks, in composed and decomposed forms (UAX #15, Unicode Normalization Forms).

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tirkeu::nfc::{canonical_combining_class, is_combining_mark, is_nfc, to_nfc};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char as reference;

fn all_chars() -> impl Iterator<Item = char> {
    (0..=0x10FFFF_u32).filter_map(char::from_u32)
}

fn reference_nfc(text: &str) -> String {
    text.nfc().collect()
}

fn reference_nfd(text: &str) -> String {
    text.nfd().collect()
}

/// Fails with the first few differences, by code point.
fn assert_no_differences(what: &str, differences: Vec<String>) {
    assert!(
        differences.is_empty(),
        "{} differences in {what}, first: {:?}",
        differences.len(),
        &differences[..differences.len().min(10)]
    );
}

#[test]
fn every_code_point_has_the_crates_combining_class_and_mark_property() {
    let mut differences = Vec::new();
    for c in all_chars() {
        let (class, mark) = (canonical_combining_class(c), is_combining_mark(c));
        let expected = (
            reference::canonical_combining_class(c),
            reference::is_combining_mark(c),
        );
        if (class, mark) != expected {
            differences.push(format!(
                "U+{:04X}: {:?} instead of {expected:?}",
                u32::from(c),
                (class, mark)
            ));
        }
    }
    assert_no_differences("class and mark", differences);
}

#[test]
fn every_code_point_alone_and_decomposed_has_the_crates_nfc() {
    let mut differences = Vec::new();
    for c in all_chars() {
        let alone = c.to_string();
        let decomposed = reference_nfd(&alone);
        let expected = reference_nfc(&alone);
        for text in [&alone, &decomposed] {
            let (nfc, normalized) = (to_nfc(text), is_nfc(text));
            let expected_normalized = unicode_normalization::is_nfc(text);
            if nfc != expected || normalized != expected_normalized {
                differences.push(format!(
                    "{text:?}: {nfc:?} {normalized} instead of {expected:?} {expected_normalized}"
                ));
            }
        }
    }
    assert_no_differences("NFC", differences);
}

/// Every composition pair and every Hangul syllable recomposed from jamo, with a mark of each
/// class between and after: blocking (UAX #15 section 1.3, D115) must match.
#[test]
fn marks_block_composition_as_in_the_crate() {
    let marks = [
        '\u{301}', '\u{316}', '\u{334}', '\u{345}', '\u{5b0}', '\u{94d}', '\u{f71}',
    ];
    let mut differences = Vec::new();
    for c in all_chars() {
        let decomposed = reference_nfd(&c.to_string());
        if decomposed.chars().count() < 2 {
            continue;
        }
        let mut chars: Vec<char> = decomposed.chars().collect();
        let last = chars.pop().unwrap();
        let head: String = chars.into_iter().collect();
        for mark in marks {
            for text in [
                format!("{head}{mark}{last}"),
                format!("{head}{last}{mark}"),
                format!("{mark}{head}{last}"),
            ] {
                if to_nfc(&text) != reference_nfc(&text)
                    || is_nfc(&text) != unicode_normalization::is_nfc(&text)
                {
                    differences.push(format!("{text:?}"));
                }
            }
        }
    }
    assert_no_differences("blocking", differences);
}

/// A composite whose decomposition begins with a starter that composes with the character before
/// it (Unicode 16: U+113C7 = U+113C2 U+113B8, and U+1138B + U+113C2 = U+1138E) is not NFC after
/// that character, although each character alone is. Checked for every such composite against
/// every character of its neighbourhood (the scripts where starters compose keep the pairs
/// within a block).
#[test]
fn a_composite_after_a_character_its_decomposition_composes_with() {
    let regression = "\u{1138B}\u{113C7}";
    assert_eq!(to_nfc(regression), reference_nfc(regression));
    assert!(!is_nfc(regression));

    let mut differences = Vec::new();
    for composite in all_chars() {
        let decomposed = reference_nfd(&composite.to_string());
        let Some(lead) = decomposed.chars().next() else {
            continue;
        };
        if lead == composite || decomposed.chars().count() < 2 {
            continue;
        }
        let block = u32::from(lead) & !0xff;
        for before in (block.saturating_sub(0x100)..block + 0x200).filter_map(char::from_u32) {
            if unicode_normalization::char::compose(before, lead).is_none() {
                continue;
            }
            let text = format!("{before}{composite}");
            if to_nfc(&text) != reference_nfc(&text)
                || is_nfc(&text) != unicode_normalization::is_nfc(&text)
            {
                differences.push(format!(
                    "U+{:04X} U+{:04X}",
                    u32::from(before),
                    u32::from(composite)
                ));
            }
        }
    }
    assert_no_differences(
        "a composite after a character that composes with its lead",
        differences,
    );
}

#[test]
fn a_long_run_of_marks_is_normalized_quickly() {
    // A hostile name: 200,000 marks of alternating classes after one letter.
    let text: String = std::iter::once('a')
        .chain(['\u{301}', '\u{323}'].into_iter().cycle().take(200_000))
        .collect();
    let started = std::time::Instant::now();
    let nfc = to_nfc(&text);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(nfc, reference_nfc(&text));
    assert!(!is_nfc(&text));
    assert!(is_nfc(&nfc));
}

/// One piece of the random text.
fn piece() -> impl Strategy<Value = String> {
    let from = |letters: &'static str| {
        proptest::sample::select(letters.chars().collect::<Vec<_>>()).prop_map(String::from)
    };
    let range = |first, last| proptest::char::range(first, last).prop_map(String::from);
    prop_oneof![
        3 => proptest::string::string_regex("[ -~]{1,4}").unwrap(),
        // Kazakh Cyrillic (ә ғ қ ң ө ұ ү һ і) and the Russian letters that decompose.
        3 => from("ӘәҒғҚқҢңӨөҰұҮүҺһІіЙйЁёЇїЎўӢӣӮӯӒӓӚӛАаЕеИиОоУуЫыЭэ"),
        // Latin with diacritics, Vietnamese.
        2 => from("ÀÁÂÃÄÅÇÈÉÊËÑÖØÜàáâãäåçèéêëñöøüÿĀāŞşĞğİıŽžǗǘṩḉḗ"),
        2 => from("ĂăÂâĐđÊêÔôƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹỆệỈỉỊịỌọỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"),
        // Combining marks: diacritics and the Cyrillic ones.
        4 => range('\u{300}', '\u{36F}'),
        2 => range('\u{483}', '\u{489}'),
        // Hangul jamo (leading, vowel, trailing, U+11A7 that is no trailing consonant) and
        // syllables.
        1 => range('\u{1100}', '\u{1112}'),
        1 => range('\u{1161}', '\u{1175}'),
        1 => range('\u{11A7}', '\u{11C2}'),
        1 => range('\u{AC00}', '\u{D7A3}'),
        // Singletons, exclusions, non-starter decompositions, starters that compose with the
        // character before them.
        1 => from("\u{212B}\u{2126}\u{340}\u{341}\u{343}\u{344}\u{F73}\u{F75}\u{F77}\u{F81}\u{958}\u{FB2C}\u{1D160}\u{F900}\u{2F800}\u{B47}\u{B3E}\u{B57}\u{BC6}\u{BBE}\u{CC6}\u{CC2}\u{CD5}\u{D46}\u{D3E}\u{DD9}\u{DCF}\u{1025}\u{102E}\u{1B05}\u{1B35}\u{11131}\u{11127}"),
        1 => any::<char>().prop_map(String::from),
        // A long run of marks of many classes (sorted by counting rather than by insertion).
        1 => proptest::collection::vec(
            proptest::sample::select(vec![
                '\u{301}', '\u{316}', '\u{31B}', '\u{321}', '\u{327}', '\u{334}', '\u{345}',
                '\u{35C}', '\u{35D}', '\u{483}', '\u{5B0}', '\u{5C1}', '\u{94D}', '\u{F71}',
                '\u{F72}', '\u{302}', '\u{323}', '\u{308}',
            ]),
            9..40,
        )
        .prop_map(|marks| marks.into_iter().collect::<String>()),
    ]
}

/// Random text, as it comes or in NFD.
fn text() -> impl Strategy<Value = String> {
    (proptest::collection::vec(piece(), 0..24), any::<bool>()).prop_map(|(pieces, nfd)| {
        let text = pieces.concat();
        if nfd { reference_nfd(&text) } else { text }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn random_text_has_the_crates_nfc(text in text()) {
        let nfc = to_nfc(&text);
        prop_assert_eq!(&nfc, &reference_nfc(&text));
        prop_assert_eq!(is_nfc(&text), unicode_normalization::is_nfc(&text));
        prop_assert!(is_nfc(&nfc));
    }

    #[test]
    fn any_text_has_the_crates_nfc(text in any::<String>()) {
        prop_assert_eq!(to_nfc(&text), reference_nfc(&text));
        prop_assert_eq!(is_nfc(&text), unicode_normalization::is_nfc(&text));
    }
}
