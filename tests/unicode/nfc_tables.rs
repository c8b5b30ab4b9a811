//! The generator of `src/nfc/tables.rs`, the character data of `tirkeu::nfc`, from the
//! `unicode-normalization` crate: the committed file must be what this test would write.
//! `UPDATE_NFC_TABLES=1 cargo test --test unicode nfc_tables` rewrites it (after an update of that crate,
//! say), and `tests/unicode/nfc_unicode.rs` then checks every code point against the crate.
//!
//! The crate exposes full canonical decompositions, combining classes, marks and pairwise
//! composition, but not the single-level decomposition mappings of UnicodeData.txt; they are
//! recovered here: a character whose full decomposition D splits into two characters that
//! compose back into it is a primary composite of that pair; otherwise another character with
//! the same D that is itself in NFC is its singleton target; otherwise any split of D into two
//! characters' decompositions (the last such split: the second character is the simplest) is a
//! pair that does not compose.
//!
//! The singletons of the CJK compatibility ideographs get tables of their own (see
//! [`is_cjk_compatibility_ideograph`]), which only the exact normalisation reads: the rules'
//! checks leave these characters as written, and their WebAssembly module does without the
//! tables.

#![cfg(not(target_arch = "wasm32"))]

use crate::support::tables::{check_committed, leb128, write_byte_array};
use std::collections::HashMap;
use std::fmt::Write as _;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{
    canonical_combining_class, compose, decompose_canonical, is_combining_mark,
};

const TABLES_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/nfc/tables.rs");

/// Kinds of decomposition, as `src/nfc.rs` reads them.
const SINGLETON: u32 = 0;
const COMPOSING_PAIR: u32 = 1;
const NON_COMPOSING_PAIR: u32 = 2;

#[test]
fn committed_tables_are_generated_from_unicode_normalization() {
    check_committed(
        TABLES_PATH,
        &generate(),
        "UPDATE_NFC_TABLES",
        "src/nfc/tables.rs differs from what unicode-normalization gives: regenerate it with \
         UPDATE_NFC_TABLES=1 cargo test --test unicode nfc_tables",
    );
}

#[test]
fn the_version_is_the_crates() {
    assert_eq!(
        tirkeu::nfc::UNICODE_VERSION,
        unicode_normalization::UNICODE_VERSION
    );
}

/// The blocks CJK Compatibility Ideographs (U+F900-U+FAFF) and CJK Compatibility Ideographs
/// Supplement (U+2F800-U+2FA1F), whose decompositions are written in tables of their own
/// (`src/nfc.rs` says why). Blocks.txt gives the ranges; the generator asserts that every
/// decomposition in them is a singleton to a unified ideograph.
fn is_cjk_compatibility_ideograph(c: u32) -> bool {
    (0xF900..=0xFAFF).contains(&c) || (0x2F800..=0x2FA1F).contains(&c)
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

fn full_decomposition(c: char) -> Vec<char> {
    let mut out = Vec::new();
    decompose_canonical(c, |d| out.push(d));
    out
}

fn is_nfc_char(c: char) -> bool {
    std::iter::once(c).nfc().eq(std::iter::once(c))
}

struct Decomposition {
    character: u32,
    first: u32,
    second: Option<u32>,
    kind: u32,
}

/// The single-level canonical decompositions, Hangul syllables left out (see the module comment).
fn decompositions() -> Vec<Decomposition> {
    let all: Vec<char> = (0..=0x10FFFF).filter_map(char::from_u32).collect();
    let mut by_decomposition: HashMap<Vec<char>, Vec<char>> = HashMap::new();
    for &c in &all {
        by_decomposition
            .entry(full_decomposition(c))
            .or_default()
            .push(c);
    }
    let with = |d: &[char]| -> Vec<char> {
        let mut found = by_decomposition.get(d).cloned().unwrap_or_default();
        // Characters in NFC first: a pair is written with its canonical representatives.
        found.sort_by_key(|&c| (!is_nfc_char(c), c));
        found
    };
    let mut out = Vec::new();
    for &c in &all {
        let full = full_decomposition(c);
        if is_hangul_syllable(c) || full == [c] {
            continue;
        }
        let mut splits = Vec::new();
        for k in (1..full.len()).rev() {
            for a in with(&full[..k]) {
                for b in with(&full[k..]) {
                    splits.push((a, b));
                }
            }
        }
        let entry = if let Some(&(a, b)) = splits.iter().find(|&&(a, b)| compose(a, b) == Some(c)) {
            (a, Some(b), COMPOSING_PAIR)
        } else if let Some(x) = with(&full).into_iter().find(|&x| x != c && is_nfc_char(x)) {
            (x, None, SINGLETON)
        } else if let Some(&(a, b)) = splits.first() {
            (a, Some(b), NON_COMPOSING_PAIR)
        } else {
            panic!("no decomposition found for U+{:04X}", u32::from(c));
        };
        out.push(Decomposition {
            character: c.into(),
            first: entry.0.into(),
            second: entry.1.map(u32::from),
            kind: entry.2,
        });
    }
    out
}

/// Maximal runs of code points with the same value of `property`, the default value left out.
fn runs<T: PartialEq + Copy>(property: impl Fn(char) -> T, default: T) -> Vec<(u32, u32, T)> {
    let mut runs: Vec<(u32, u32, T)> = Vec::new();
    for code in 0..=0x10FFFF_u32 {
        let value = char::from_u32(code).map_or(default, &property);
        if value == default {
            continue;
        }
        match runs.last_mut() {
            Some((_, last, v)) if *v == value && *last + 1 == code => *last = code,
            _ => runs.push((code, code, value)),
        }
    }
    runs
}

fn zigzag(previous: u32, next: u32) -> u32 {
    let difference = i64::from(next) - i64::from(previous);
    u32::try_from(if difference >= 0 {
        difference * 2
    } else {
        -difference * 2 - 1
    })
    .unwrap()
}

/// Alternating gap after the previous range's end and length.
fn ranges_bytes<T>(runs: &[(u32, u32, T)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut end = 0;
    for &(first, last, _) in runs {
        leb128(&mut out, first - end);
        leb128(&mut out, last - first + 1);
        end = last + 1;
    }
    out
}

fn write_bytes(out: &mut String, doc: &str, name: &str, bytes: &[u8]) {
    // The doc comment, wrapped at 100 columns.
    let mut line = String::from("///");
    for word in doc.split_whitespace() {
        if line.len() + 1 + word.len() > 100 {
            writeln!(out, "{line}").unwrap();
            line = String::from("///");
        }
        write!(line, " {word}").unwrap();
    }
    writeln!(out, "{line}").unwrap();
    write_byte_array(out, name, bytes);
    out.push('\n');
}

/// The three columns of `decompositions`, each number relative to the previous row's.
fn columns(decompositions: &[&Decomposition]) -> [Vec<u8>; 3] {
    let mut keys = Vec::new();
    let mut firsts = Vec::new();
    let mut seconds = Vec::new();
    let (mut character, mut first, mut second) = (0, 0, 0);
    for d in decompositions {
        leb128(&mut keys, (d.character - character) << 2 | d.kind);
        leb128(&mut firsts, zigzag(first, d.first));
        if let Some(s) = d.second {
            leb128(&mut seconds, zigzag(second, s));
            second = s;
        }
        character = d.character;
        first = d.first;
    }
    [keys, firsts, seconds]
}

fn generate() -> String {
    let (major, minor, update) = unicode_normalization::UNICODE_VERSION;
    let marks = runs(is_combining_mark, false);
    let classes = runs(canonical_combining_class, 0);
    let all = decompositions();
    let (cjk_compatibility, decompositions): (Vec<&Decomposition>, Vec<&Decomposition>) = all
        .iter()
        .partition(|d| is_cjk_compatibility_ideograph(d.character));
    for d in &cjk_compatibility {
        // A singleton to a unified ideograph: a starter that decomposes no further and is in no
        // pair, so it composes with nothing, before it or after it.
        let target = char::from_u32(d.first).unwrap();
        assert!(
            d.kind == SINGLETON
                && !is_cjk_compatibility_ideograph(d.first)
                && full_decomposition(target) == [target]
                && canonical_combining_class(target) == 0
                && !all.iter().any(
                    |p| p.second.is_some() && (p.first == d.first || p.second == Some(d.first))
                ),
            "U+{:04X} is not a singleton to a unified ideograph",
            d.character
        );
    }
    let [keys, firsts, seconds] = columns(&decompositions);
    let [cjk_keys, cjk_firsts, cjk_seconds] = columns(&cjk_compatibility);
    assert!(cjk_seconds.is_empty());
    let count = |kind| decompositions.iter().filter(|d| d.kind == kind).count();

    let mut out = String::new();
    writeln!(
        out,
        "//! Unicode {major}.{minor}.{update} character data for Normalization Form C (`tirkeu::nfc`).
//!
//! GENERATED by `tests/unicode/nfc_tables.rs` from the `unicode-normalization` crate: do not edit. That
//! test fails when this file differs from what it would write;
//! `UPDATE_NFC_TABLES=1 cargo test --test unicode nfc_tables` rewrites it.
//!
//! Every table is a string of unsigned LEB128 numbers (7 bits a byte, low bits first, the high
//! bit set on every byte but the last), decoded once by `super::decode_tables`. Ranges are
//! written as alternating numbers: the gap after the previous range's end (from 0), then the
//! length. A zigzag difference is 2d for d >= 0 and -2d - 1 for d < 0.

/// The version of Unicode of the character data.
pub const UNICODE_VERSION: (u8, u8, u8) = ({major}, {minor}, {update});
"
    )
    .unwrap();
    write_bytes(
        &mut out,
        &format!(
            "General_Category Mark (Mn, Mc, Me): {} ranges of {} characters.",
            marks.len(),
            marks.iter().map(|r| r.1 - r.0 + 1).sum::<u32>()
        ),
        "MARK_RANGES",
        &ranges_bytes(&marks),
    );
    write_bytes(
        &mut out,
        &format!(
            "Canonical_Combining_Class other than 0: {} ranges of one class, {} characters.",
            classes.len(),
            classes.iter().map(|r| r.1 - r.0 + 1).sum::<u32>()
        ),
        "COMBINING_CLASS_RANGES",
        &ranges_bytes(&classes),
    );
    write_bytes(
        &mut out,
        "The class of each range of `COMBINING_CLASS_RANGES`, one byte each.",
        "COMBINING_CLASSES",
        &classes.iter().map(|r| r.2).collect::<Vec<u8>>(),
    );
    write_bytes(
        &mut out,
        &format!(
            "Single-level canonical decompositions, Hangul syllables and CJK compatibility \
             ideographs left out: {} characters ({} primary composites, {} other pairs, {} \
             singletons), in code point order. One number each: the difference from the \
             previous character (from 0) times 4, plus its kind: 0 a singleton, 1 a pair that \
             composes back (a primary composite), 2 a pair that does not (a composition \
             exclusion or a non-starter decomposition).",
            decompositions.len(),
            count(COMPOSING_PAIR),
            count(NON_COMPOSING_PAIR),
            count(SINGLETON)
        ),
        "DECOMPOSITION_KEYS",
        &keys,
    );
    write_bytes(
        &mut out,
        "The first (or only) character of each decomposition, as a zigzag difference from the \
         previous one.",
        "DECOMPOSITION_FIRSTS",
        &firsts,
    );
    write_bytes(
        &mut out,
        "The second character of each pair (singletons have none), as a zigzag difference from \
         the previous one.",
        "DECOMPOSITION_SECONDS",
        &seconds,
    );
    write_bytes(
        &mut out,
        &format!(
            "The decompositions of the CJK compatibility ideographs (U+F900-U+FAFF, \
             U+2F800-U+2FA1F): {} singletons, each to a unified ideograph, in code point order, \
             written as `DECOMPOSITION_KEYS`. Only the exact normalisation reads them.",
            cjk_compatibility.len()
        ),
        "CJK_COMPATIBILITY_KEYS",
        &cjk_keys,
    );
    write_bytes(
        &mut out,
        "The unified ideograph of each CJK compatibility ideograph, as `DECOMPOSITION_FIRSTS`.",
        "CJK_COMPATIBILITY_FIRSTS",
        &cjk_firsts,
    );
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
