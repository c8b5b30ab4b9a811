//! Unicode Normalization Form C (UAX #15), exact, with tables small enough for WebAssembly.
//!
//! The certificate verifier refuses record text that is not in NFC (the record's strings,
//! docs/certificate-format.md) and the rules check names after NFC normalisation. The general-purpose
//! `unicode-normalization` crate answers both, but its perfect-hash tables cost about 72 KB
//! gzipped in WebAssembly. The tables here ([`UNICODE_VERSION`], generated from that crate by
//! `tests/unicode/nfc_tables.rs`, so the two agree character for character) are delta-encoded byte
//! strings decoded once, on first use, into sorted vectors that are binary searched: with its
//! code, this module costs about 8 KB gzipped in WebAssembly. The rules' checks normalise with
//! every decomposition but those of the CJK compatibility ideographs (`normalise_for_checks`:
//! each is a letter of script Han like its unified ideograph, so no verdict changes), and their
//! module leaves those decompositions' tables out: 2.2 KB less (74,225 to 72,045 bytes gzipped,
//! the `tirkeu/rules` module as it ships), for 0.1 KB more in a module that also normalises
//! exactly (the verifier's: 140,683 to 140,780 bytes).
//!
//! NFC is computed as the standard defines it: full canonical decomposition (Hangul syllables
//! algorithmically), canonical ordering of combining marks by their class, then canonical
//! composition of primary composites (the composition exclusions, singletons and non-starter
//! decompositions never compose).
//!
//! # Example
//!
//! ```
//! use tirkeu::nfc::{is_nfc, to_nfc};
//!
//! // Й written as И + COMBINING BREVE (NFD) composes to the one letter.
//! assert_eq!(to_nfc("И\u{306}"), "Й");
//! assert!(!is_nfc("И\u{306}"));
//! assert!(is_nfc("Жанұзақ"));
//! ```

use std::borrow::Cow;
use std::sync::OnceLock;

mod tables;

pub use tables::UNICODE_VERSION;

/// Text in Normalization Form C.
///
/// Canonically equivalent texts (the same letters typed precomposed or as a base letter with
/// combining marks, in any order of marks that do not interact) give the same result.
///
/// # Example
///
/// ```
/// use tirkeu::nfc::to_nfc;
///
/// // Decomposed Kazakh and Vietnamese compose, whatever the order of marks of different classes;
/// // Ә + COMBINING ACUTE has no precomposed form and stays.
/// assert_eq!(to_nfc("Аи\u{306}герім"), "Айгерім");
/// assert_eq!(to_nfc("Vie\u{323}\u{302}t"), "Việt");
/// assert_eq!(to_nfc("Vie\u{302}\u{323}t"), "Việt");
/// assert_eq!(to_nfc("\u{4d8}\u{301}"), "\u{4d8}\u{301}");
/// // Hangul jamo compose algorithmically; the ANGSTROM SIGN is a singleton for Å.
/// assert_eq!(to_nfc("\u{1112}\u{1161}\u{11ab}"), "한");
/// assert_eq!(to_nfc("\u{212b}"), "\u{c5}");
/// ```
pub fn to_nfc(text: &str) -> String {
    normalise(text).into_owned()
}

/// [`to_nfc`], borrowing `text` when it is already NFC by the quick check (names nearly always
/// are: the form's checks then allocate nothing for them).
pub(crate) fn normalise(text: &str) -> Cow<'_, str> {
    tables().normalise(text)
}

/// NFC for the character checks of the rules ([`crate::text_rules::check_text`] on a name): the
/// text in Normalization Form C, except that a CJK compatibility ideograph (U+F900-U+FAFF,
/// U+2F800-U+2FA1F) stays as written instead of becoming its unified ideograph (U+F900 豈 is
/// U+8C48 豈 in NFC). Use [`normalise`] for anything else, and wherever the text itself is kept
/// or compared.
///
/// Why the result is NFC but for those characters: each of their decompositions is a singleton
/// to a unified ideograph, which is a starter that decomposes no further and composes with
/// nothing (the generator of the tables asserts both), so the decompositions left out change
/// no other character of the text, and each such character is replaced by one character in NFC.
///
/// Why no verdict of the checks can differ: a compatibility ideograph and its unified ideograph
/// are both letters (Lo) of script Han, so both are allowed in any name, neither is forbidden,
/// neither is Latin or Cyrillic, nor a combining mark, and the text has the same number of
/// characters (a test compares the checks' answers on both for every such character, alone and
/// among Latin, Cyrillic and marks).
///
/// Why it exists: the decompositions left out are 1002 of the tables' 2081, and the rules'
/// WebAssembly module, which never calls [`normalise`], leaves their tables out (2.2 KB gzipped
/// as measured on the shipped build).
pub(crate) fn normalise_for_checks(text: &str) -> Cow<'_, str> {
    tables_for_checks().normalise(text)
}

/// Whether `text` is already in Normalization Form C, exactly: `to_nfc(text) == text`.
///
/// Text whose every character is ASCII, or has class 0, no decomposition other than as a primary
/// composite and cannot compose with the character before it (the NFC quick check answers
/// Yes), is answered without normalising it.
///
/// # Example
///
/// ```
/// use tirkeu::nfc::is_nfc;
///
/// assert!(is_nfc("ӘБІЛҰЛЫ Ғалия"));
/// // E + COMBINING ACUTE would compose to É.
/// assert!(!is_nfc("E\u{301}"));
/// // Ә + COMBINING ACUTE cannot compose, so it is NFC.
/// assert!(is_nfc("\u{4d8}\u{301}"));
/// ```
pub fn is_nfc(text: &str) -> bool {
    normalise(text) == text
}

/// Whether `c` is a combining mark: General_Category Mark (Mn, Mc or Me).
///
/// # Example
///
/// ```
/// use tirkeu::nfc::is_combining_mark;
///
/// assert!(is_combining_mark('\u{301}')); // COMBINING ACUTE ACCENT, Mn
/// assert!(is_combining_mark('\u{489}')); // COMBINING CYRILLIC MILLIONS SIGN, Me
/// assert!(is_combining_mark('\u{93e}')); // DEVANAGARI VOWEL SIGN AA, Mc
/// assert!(!is_combining_mark('ә'));
/// ```
pub fn is_combining_mark(c: char) -> bool {
    // The first mark is U+0300.
    if c < '\u{300}' {
        return false;
    }
    let marks = &tables_for_checks().marks;
    let index = marks.partition_point(|&(_, last)| last < u32::from(c));
    marks
        .get(index)
        .is_some_and(|&(first, _)| first <= u32::from(c))
}

/// The canonical combining class of `c` (0 for starters, the ordering class of a mark otherwise).
///
/// # Example
///
/// ```
/// use tirkeu::nfc::canonical_combining_class;
///
/// assert_eq!(canonical_combining_class('a'), 0);
/// assert_eq!(canonical_combining_class('\u{301}'), 230); // above
/// assert_eq!(canonical_combining_class('\u{323}'), 220); // below
/// ```
pub fn canonical_combining_class(c: char) -> u8 {
    if c < '\u{300}' {
        return 0;
    }
    tables_for_checks().combining_class(c)
}

// ---- Hangul (Unicode chapter 3.12, conjoining jamo behavior) ----------------------------------

const HANGUL_SYLLABLE_BASE: u32 = 0xAC00;
const HANGUL_LEADING_BASE: u32 = 0x1100;
const HANGUL_VOWEL_BASE: u32 = 0x1161;
/// One before the first trailing consonant: a syllable's trailing index 0 means none.
const HANGUL_TRAILING_BASE: u32 = 0x11A7;
const HANGUL_LEADING_COUNT: u32 = 19;
const HANGUL_VOWEL_COUNT: u32 = 21;
const HANGUL_TRAILING_COUNT: u32 = 28;
/// Syllables per leading consonant.
const HANGUL_BLOCK: u32 = HANGUL_VOWEL_COUNT * HANGUL_TRAILING_COUNT;
const HANGUL_SYLLABLE_COUNT: u32 = HANGUL_LEADING_COUNT * HANGUL_BLOCK;

/// A Hangul syllable's jamo: leading consonant, vowel and trailing consonant if any.
fn hangul_jamo(c: char) -> Option<(char, char, Option<char>)> {
    let index = u32::from(c).checked_sub(HANGUL_SYLLABLE_BASE)?;
    if index >= HANGUL_SYLLABLE_COUNT {
        return None;
    }
    let leading = char::from_u32(HANGUL_LEADING_BASE + index / HANGUL_BLOCK)?;
    let vowel = char::from_u32(HANGUL_VOWEL_BASE + index % HANGUL_BLOCK / HANGUL_TRAILING_COUNT)?;
    let trailing = match index % HANGUL_TRAILING_COUNT {
        0 => None,
        t => Some(char::from_u32(HANGUL_TRAILING_BASE + t)?),
    };
    Some((leading, vowel, trailing))
}

/// The Hangul syllable of leading consonant + vowel, or of an LV syllable + trailing consonant.
fn hangul_compose(first: char, second: char) -> Option<char> {
    let (first, second) = (u32::from(first), u32::from(second));
    let leading = first.wrapping_sub(HANGUL_LEADING_BASE);
    let vowel = second.wrapping_sub(HANGUL_VOWEL_BASE);
    if leading < HANGUL_LEADING_COUNT && vowel < HANGUL_VOWEL_COUNT {
        return char::from_u32(
            HANGUL_SYLLABLE_BASE + leading * HANGUL_BLOCK + vowel * HANGUL_TRAILING_COUNT,
        );
    }
    let syllable = first.wrapping_sub(HANGUL_SYLLABLE_BASE);
    let trailing = second.wrapping_sub(HANGUL_TRAILING_BASE);
    if syllable < HANGUL_SYLLABLE_COUNT
        && syllable % HANGUL_TRAILING_COUNT == 0
        && (1..HANGUL_TRAILING_COUNT).contains(&trailing)
    {
        return char::from_u32(first + trailing);
    }
    None
}

/// Whether `c` is a Hangul vowel or trailing consonant: it may compose with the character
/// before it.
fn is_hangul_second(c: char) -> bool {
    let c = u32::from(c);
    c.wrapping_sub(HANGUL_VOWEL_BASE) < HANGUL_VOWEL_COUNT
        || (1..HANGUL_TRAILING_COUNT).contains(&c.wrapping_sub(HANGUL_TRAILING_BASE))
}

// ---- the decoded tables -----------------------------------------------------------------------

/// A single-level canonical decomposition.
#[derive(Clone, Copy, Debug)]
struct Decomposition {
    character: char,
    first: char,
    /// None for a singleton (ANGSTROM SIGN to Å, a CJK compatibility ideograph, ...).
    second: Option<char>,
    /// Whether the pair composes back: `character` is a primary composite, not a composition
    /// exclusion or a non-starter decomposition.
    composes: bool,
}

/// The tables of [`tables`] (the module), decoded.
struct Tables {
    /// Runs of one non-zero combining class: (first, last, class), sorted and disjoint.
    combining_classes: Vec<(u32, u32, u8)>,
    /// Ranges of combining marks: (first, last), sorted and disjoint.
    marks: Vec<(u32, u32)>,
    /// Sorted by `character`; Hangul syllables are computed instead, and the CJK compatibility
    /// ideographs are in `cjk_compatibility`.
    decompositions: Vec<Decomposition>,
    /// The decompositions of the CJK compatibility ideographs, sorted by `character`; none in
    /// [`tables_for_checks`].
    cjk_compatibility: Vec<Decomposition>,
    /// ((first, second), primary composite), sorted by the pair; Hangul is computed instead.
    compositions: Vec<((char, char), char)>,
    /// Starters (class 0) that compose with the character before them, sorted (the quick check's
    /// Maybe among starters; Hangul vowels and trailing consonants are computed instead).
    composing_starters: Vec<char>,
    /// The quick check's answer for each character below U+0800 (Latin, Greek, Cyrillic,
    /// Armenian, Hebrew, Arabic: nearly every name), one bit each, worked out once from the
    /// tables above: three binary searches a character were about half of a name's check.
    quick_nfc_below_0800: [u32; QUICK_NFC_WORDS],
}

/// Words of the quick-check bitmap: 0x800 characters, 32 to a word.
const QUICK_NFC_WORDS: usize = 0x800 / 32;

/// Deeper than any canonical decomposition (at most 4 characters over 3 levels): a guard
/// against a cycle that a corrupted table could hold.
const MAX_DECOMPOSITION_DEPTH: u8 = 8;

impl Tables {
    /// The text normalised, borrowed when it is already normal by the quick check.
    fn normalise<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if text.is_ascii() {
            return Cow::Borrowed(text);
        }
        if text.chars().all(|c| self.is_quick_nfc(c)) {
            return Cow::Borrowed(text);
        }
        let mut decomposed = Vec::with_capacity(text.len());
        for c in text.chars() {
            self.decompose_into(c, &mut decomposed, 0);
        }
        // Canonical ordering: each run of non-starters sorted by class, stably.
        for marks in decomposed.split_mut(|&(_, class)| class == 0) {
            sort_by_class(marks);
        }
        Cow::Owned(self.compose(&decomposed))
    }

    fn combining_class(&self, c: char) -> u8 {
        class_in(&self.combining_classes, c)
    }

    fn decomposition(&self, c: char) -> Option<&Decomposition> {
        let table = &self.decompositions;
        if let Ok(index) = table.binary_search_by_key(&c, |d| d.character) {
            return table.get(index);
        }
        let table = &self.cjk_compatibility;
        let index = table.binary_search_by_key(&c, |d| d.character).ok()?;
        table.get(index)
    }

    /// The NFC quick check's Yes, for a character of class 0 (anything else may reorder).
    fn is_quick_nfc(&self, c: char) -> bool {
        let code = u32::from(c) as usize;
        match self.quick_nfc_below_0800.get(code / 32) {
            Some(word) => word >> (code % 32) & 1 == 1,
            None => self.is_quick_nfc_by_search(c),
        }
    }

    /// [`Tables::is_quick_nfc`] from the tables themselves.
    fn is_quick_nfc_by_search(&self, c: char) -> bool {
        if c.is_ascii() || hangul_jamo(c).is_some() {
            return true;
        }
        if is_hangul_second(c) || self.combining_class(c) != 0 {
            return false;
        }
        if self.decomposition(c).is_some_and(|d| !d.composes) {
            return false;
        }
        // A composite whose decomposition begins with a starter that composes with the character
        // before it can change after that character: Unicode 16's U+113C7 TULU-TIGALARI VOWEL
        // SIGN OO is U+113C2 U+113B8, and U+1138B + U+113C2 composes to U+1138E.
        let mut lead = c;
        for _ in 0..MAX_DECOMPOSITION_DEPTH {
            if self.composing_starters.binary_search(&lead).is_ok() {
                return false;
            }
            match self.decomposition(lead) {
                Some(decomposition) => lead = decomposition.first,
                None => return true,
            }
        }
        false
    }

    /// Appends the full canonical decomposition of `c`, each character with its class.
    fn decompose_into(&self, c: char, out: &mut Vec<(char, u8)>, depth: u8) {
        if let Some((leading, vowel, trailing)) = hangul_jamo(c) {
            out.push((leading, 0));
            out.push((vowel, 0));
            out.extend(trailing.map(|t| (t, 0)));
            return;
        }
        match self.decomposition(c) {
            Some(&Decomposition { first, second, .. }) if depth < MAX_DECOMPOSITION_DEPTH => {
                self.decompose_into(first, out, depth + 1);
                if let Some(second) = second {
                    self.decompose_into(second, out, depth + 1);
                }
            }
            _ => out.push((c, self.combining_class(c))),
        }
    }

    /// The primary composite of `first` and `second`, if any.
    fn composite(&self, first: char, second: char) -> Option<char> {
        if let Some(syllable) = hangul_compose(first, second) {
            return Some(syllable);
        }
        let index = self
            .compositions
            .binary_search_by_key(&(first, second), |&(pair, _)| pair)
            .ok()?;
        self.compositions
            .get(index)
            .map(|&(_, composite)| composite)
    }

    /// Canonical composition of decomposed, canonically ordered text.
    fn compose(&self, decomposed: &[(char, u8)]) -> String {
        let mut out: Vec<char> = Vec::with_capacity(decomposed.len());
        // Where the last starter is in `out`, and the class of the last character kept after
        // it (None: the starter is the last character kept).
        let mut starter: Option<usize> = None;
        let mut last_class: Option<u8> = None;
        for &(c, class) in decomposed {
            // A character is blocked from the starter by a kept character between them of class
            // 0 or of a class not lower than its own.
            let blocked = last_class.is_some_and(|last| last >= class);
            if !blocked
                && let Some(slot) = starter.and_then(|index| out.get_mut(index))
                && let Some(composite) = self.composite(*slot, c)
            {
                *slot = composite;
                continue;
            }
            if class == 0 {
                starter = Some(out.len());
                last_class = None;
            } else {
                last_class = Some(class);
            }
            out.push(c);
        }
        out.into_iter().collect()
    }
}

/// The tables of NFC, decoded on first use.
fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    decoded(
        &TABLES,
        [
            tables::CJK_COMPATIBILITY_KEYS,
            tables::CJK_COMPATIBILITY_FIRSTS,
            &[],
        ],
    )
}

/// The tables of [`normalise_for_checks`], without the decompositions of the CJK compatibility
/// ideographs, decoded on first use. Their classes and marks are those of [`tables`]; a module
/// that never normalises exactly (the rules') has only these, and leaves the CJK compatibility
/// ideographs' tables out.
fn tables_for_checks() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    decoded(&TABLES, [&[], &[], &[]])
}

/// `tables`, decoded on first use with the decompositions of `cjk_compatibility`: one function
/// for both tables, so that a module with both has the code of their initialisation once.
fn decoded(
    tables: &'static OnceLock<Tables>,
    cjk_compatibility: [&'static [u8]; 3],
) -> &'static Tables {
    tables.get_or_init(|| decode_tables(cjk_compatibility))
}

/// The tables, with the CJK compatibility ideographs' decompositions read from
/// `cjk_compatibility` (keys, firsts and seconds; empty for none).
fn decode_tables(cjk_compatibility: [&[u8]; 3]) -> Tables {
    let combining_classes = decode_ranges(tables::COMBINING_CLASS_RANGES)
        .into_iter()
        .zip(tables::COMBINING_CLASSES)
        .map(|((first, last), &class)| (first, last, class))
        .collect();
    let mut tables = Tables {
        combining_classes,
        marks: decode_ranges(tables::MARK_RANGES),
        decompositions: Vec::new(),
        cjk_compatibility: Vec::new(),
        compositions: Vec::new(),
        composing_starters: Vec::new(),
        quick_nfc_below_0800: [0; QUICK_NFC_WORDS],
    };
    // A short table (a corrupted one) fails the exhaustive tests; it cannot fail here.
    let _ = decode_decompositions(
        [
            tables::DECOMPOSITION_KEYS,
            tables::DECOMPOSITION_FIRSTS,
            tables::DECOMPOSITION_SECONDS,
        ],
        &mut tables.decompositions,
    );
    let _ = decode_decompositions(cjk_compatibility, &mut tables.cjk_compatibility);
    // The composition table and the composing starters are kept sorted as they are built:
    // binary-search insertion of about a thousand entries, once, costs less than the code of a
    // sort in WebAssembly.
    for d in &tables.decompositions {
        let (true, Some(second)) = (d.composes, d.second) else {
            continue;
        };
        let pair = (d.first, second);
        if let Err(at) = tables.compositions.binary_search_by_key(&pair, |&(p, _)| p) {
            tables.compositions.insert(at, (pair, d.character));
        }
        if class_in(&tables.combining_classes, second) == 0
            && let Err(at) = tables.composing_starters.binary_search(&second)
        {
            tables.composing_starters.insert(at, second);
        }
    }
    let mut bitmap = [0; QUICK_NFC_WORDS];
    for (code, bit) in (0..0x800u32).zip((0..32).cycle()) {
        if char::from_u32(code).is_some_and(|c| tables.is_quick_nfc_by_search(c))
            && let Some(word) = bitmap.get_mut(code as usize / 32)
        {
            *word |= 1 << bit;
        }
    }
    tables.quick_nfc_below_0800 = bitmap;
    tables
}

/// The class of `c` in runs of (first, last, class), 0 outside them.
fn class_in(combining_classes: &[(u32, u32, u8)], c: char) -> u8 {
    let c = u32::from(c);
    let index = combining_classes.partition_point(|&(_, last, _)| last < c);
    match combining_classes.get(index) {
        Some(&(first, _, class)) if first <= c => class,
        _ => 0,
    }
}

/// Sorts a run of non-starters by class, stably, without the code of a general sort: by
/// insertion when short (the usual one or two marks), by counting (classes are bytes) when long,
/// so that a hostile run of marks stays linear.
fn sort_by_class(marks: &mut [(char, u8)]) {
    const SHORT_RUN: usize = 8;
    if marks.len() <= SHORT_RUN {
        for end in 1..marks.len() {
            let mut at = end;
            while let Some(pair) = at
                .checked_sub(1)
                .and_then(|before| marks.get_mut(before..=at))
            {
                if let [(_, earlier), (_, later)] = pair
                    && *earlier > *later
                {
                    pair.swap(0, 1);
                    at -= 1;
                } else {
                    break;
                }
            }
        }
        return;
    }
    // Where each class starts in the sorted run: a prefix sum of the counts.
    let mut starts = [0usize; 256];
    for &(_, class) in marks.iter() {
        starts[usize::from(class)] += 1;
    }
    let mut total = 0;
    for start in starts.iter_mut() {
        let count = *start;
        *start = total;
        total += count;
    }
    let unsorted = marks.to_vec();
    for (c, class) in unsorted {
        let slot = &mut starts[usize::from(class)];
        if let Some(mark) = marks.get_mut(*slot) {
            *mark = (c, class);
        }
        *slot += 1;
    }
}

/// Unsigned LEB128 numbers (7 bits a byte, low bits first, the high bit set on every byte but
/// the last), as the tables are written.
struct Leb128<'a> {
    bytes: core::slice::Iter<'a, u8>,
}

impl<'a> Leb128<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Leb128 {
            bytes: bytes.iter(),
        }
    }
}

impl Iterator for Leb128<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let mut value: u32 = 0;
        for shift in [0, 7, 14, 21, 28] {
            let byte = *self.bytes.next()?;
            value |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
}

/// `previous` moved by a zigzag-encoded difference (0, -1, 1, -2, 2, ... as 0, 1, 2, 3, 4, ...).
fn add_zigzag(previous: u32, zigzag: u32) -> Option<u32> {
    let magnitude = zigzag >> 1;
    if zigzag & 1 == 0 {
        previous.checked_add(magnitude)
    } else {
        previous.checked_sub(magnitude.checked_add(1)?)
    }
}

/// Ranges written as alternating numbers: the gap after the previous range's end, the length.
pub(crate) fn decode_ranges(bytes: &[u8]) -> Vec<(u32, u32)> {
    let mut numbers = Leb128::new(bytes);
    let mut ranges = Vec::new();
    let mut end: u32 = 0;
    while let (Some(gap), Some(length)) = (numbers.next(), numbers.next()) {
        let Some(first) = end.checked_add(gap) else {
            break;
        };
        let Some(last) = length.checked_sub(1).and_then(|l| first.checked_add(l)) else {
            break;
        };
        ranges.push((first, last));
        end = last.saturating_add(1);
    }
    ranges
}

/// The kind of a decomposition, in the low 2 bits of its key: 0 a singleton (one character), 1
/// a pair that composes back (a primary composite), 2 a pair that does not (a composition
/// exclusion or a non-starter decomposition).
const SINGLETON: u32 = 0;
/// See [`SINGLETON`].
const COMPOSING_PAIR: u32 = 1;

/// Decodes the three columns of a table of decompositions, keys, firsts and seconds (see the
/// `tables` module).
fn decode_decompositions(columns: [&[u8]; 3], out: &mut Vec<Decomposition>) -> Option<()> {
    let [keys, firsts, seconds] = columns;
    let (mut keys, mut firsts, mut seconds) =
        (Leb128::new(keys), Leb128::new(firsts), Leb128::new(seconds));
    let (mut character, mut first, mut second) = (0u32, 0u32, 0u32);
    for key in keys.by_ref() {
        character = character.checked_add(key >> 2)?;
        first = add_zigzag(first, firsts.next()?)?;
        let kind = key & 3;
        let pair = if kind == SINGLETON {
            None
        } else {
            second = add_zigzag(second, seconds.next()?)?;
            Some(char::from_u32(second)?)
        };
        out.push(Decomposition {
            character: char::from_u32(character)?,
            first: char::from_u32(first)?,
            second: pair,
            composes: kind == COMPOSING_PAIR,
        });
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text_rules::{TextKind, TextProblem, check_text};
    use proptest::prelude::*;

    #[test]
    fn text_already_in_nfc_is_borrowed() {
        assert!(matches!(normalise("IVANOV"), Cow::Borrowed("IVANOV")));
        assert!(matches!(normalise("ӘБІЛҰЛЫ Ғалия"), Cow::Borrowed(_)));
        // Source: the examples of `to_nfc` above.
        assert_eq!(
            normalise("Аи\u{306}герім"),
            Cow::<str>::Owned("Айгерім".into())
        );
    }

    #[test]
    fn quick_check_bitmap_agrees_with_the_tables() {
        let tables = tables();
        for c in (0..0x900).filter_map(char::from_u32) {
            assert_eq!(
                tables.is_quick_nfc(c),
                tables.is_quick_nfc_by_search(c),
                "U+{:04X}",
                u32::from(c)
            );
        }
        // Spot checks: a combining mark, a composite, a singleton decomposition, plain letters.
        assert!(!tables.is_quick_nfc('\u{301}'));
        assert!(tables.is_quick_nfc('й'));
        assert!(!tables.is_quick_nfc('\u{340}'));
        assert!(tables.is_quick_nfc('Ә') && tables.is_quick_nfc('a'));
    }

    // ---- normalise_for_checks: NFC but the CJK compatibility ideographs, the same verdicts ----

    /// The blocks CJK Compatibility Ideographs and CJK Compatibility Ideographs Supplement
    /// (Source: Unicode Blocks.txt), written here apart from the tables.
    fn is_cjk_compatibility_ideograph(c: char) -> bool {
        ('\u{F900}'..='\u{FAFF}').contains(&c) || ('\u{2F800}'..='\u{2FA1F}').contains(&c)
    }

    /// The CJK compatibility ideographs that decompose (the blocks also hold unified ideographs
    /// such as U+FA0E and unassigned code points, which NFC leaves alone).
    fn decomposing_cjk_compatibility_ideographs() -> Vec<char> {
        let all = ('\u{F900}'..='\u{FAFF}').chain('\u{2F800}'..='\u{2FA1F}');
        all.filter(|&c| to_nfc(&c.to_string()) != c.to_string())
            .collect()
    }

    const KINDS: [TextKind; 4] = [
        TextKind::PersonName,
        TextKind::OrganisationName,
        TextKind::Address,
        TextKind::Passport,
    ];

    /// `text` with each CJK compatibility ideograph replaced by its NFC: what
    /// [`normalise_for_checks`] leaves for NFC to finish.
    fn cjk_compatibility_to_nfc(text: &str) -> String {
        text.chars()
            .map(|c| {
                if is_cjk_compatibility_ideograph(c) {
                    to_nfc(&c.to_string())
                } else {
                    c.to_string()
                }
            })
            .collect()
    }

    /// A verdict with the character it names in NFC: where the checks name the character that
    /// breaks a rule, one written as a compatibility ideograph is named as written.
    fn with_character_in_nfc(verdict: Result<(), TextProblem>) -> Result<(), TextProblem> {
        let in_nfc = |c: char| to_nfc(&c.to_string()).chars().next().unwrap_or(c);
        match verdict {
            Err(TextProblem::ForbiddenCharacter { character }) => {
                Err(TextProblem::ForbiddenCharacter {
                    character: in_nfc(character),
                })
            }
            Err(TextProblem::NotAllowed { character }) => Err(TextProblem::NotAllowed {
                character: in_nfc(character),
            }),
            other => other,
        }
    }

    /// Every check of every kind gives `text` normalised for the checks the verdict it gives
    /// the text's NFC: identical for names and addresses, and for a passport number the same
    /// but for the character named (a rules verdict names none).
    fn assert_same_verdicts(text: &str) {
        let (checked, nfc) = (normalise_for_checks(text), to_nfc(text));
        assert_eq!(cjk_compatibility_to_nfc(&checked), nfc, "{text:?}");
        for kind in KINDS {
            let (verdict, nfc_verdict) = (check_text(&checked, kind), check_text(&nfc, kind));
            if kind == TextKind::Passport {
                assert_eq!(with_character_in_nfc(verdict), nfc_verdict, "{text:?}");
            } else {
                assert_eq!(verdict, nfc_verdict, "{text:?} as {kind:?}");
            }
        }
    }

    #[test]
    fn normalisation_for_checks_is_nfc_on_every_other_character() {
        let mut kept = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let alone = c.to_string();
            let (checked, nfc) = (normalise_for_checks(&alone), to_nfc(&alone));
            if checked != nfc {
                // Source: UnicodeData.txt, the singleton decompositions of the blocks.
                assert!(is_cjk_compatibility_ideograph(c), "U+{:04X}", u32::from(c));
                assert_eq!(checked, alone);
                assert_eq!(nfc.chars().count(), 1);
                kept += 1;
            }
        }
        // Source: UnicodeData.txt: 1002 CJK compatibility ideographs decompose (Unicode 18).
        assert_eq!(kept, decomposing_cjk_compatibility_ideographs().len());
        assert_eq!(kept, 1002);
    }

    #[test]
    fn every_cjk_compatibility_ideograph_gets_the_verdicts_of_its_nfc() {
        let ideographs = decomposing_cjk_compatibility_ideographs();
        for &c in &ideographs {
            // Alone, in a word of each script and with marks (a word mixing Latin and Cyrillic
            // across it), with the punctuation of names, and at the length limits of a name
            // (64) and a passport number (20).
            let contexts = [
                format!("{c}"),
                format!("Ivan{c}ov"),
                format!("Иван{c}ов"),
                format!("Ivan{c}ов"),
                format!("Ә{c}\u{301}\u{323}"),
                format!("{c}\u{308}-O'Neil {c}."),
                format!("ТОО «{c} 2»"),
                format!(" {c}"),
                c.to_string().repeat(64),
                c.to_string().repeat(65),
                format!("N{}", c.to_string().repeat(19)),
                format!("N1234{c}"),
            ];
            for text in &contexts {
                assert_same_verdicts(text);
            }
        }
        // Spot check: U+F900 is U+8C48 in NFC, a letter either way.
        assert_eq!(to_nfc("\u{F900}"), "\u{8C48}");
        assert_eq!(normalise_for_checks("\u{F900}"), "\u{F900}");
        assert_eq!(check_text("\u{F900}", TextKind::PersonName), Ok(()));
    }

    /// One piece of the random text: CJK compatibility ideographs, their unified ideographs,
    /// Latin and Cyrillic (composed and decomposed), marks, names' punctuation and other
    /// characters.
    fn piece() -> impl Strategy<Value = String> {
        let from = |letters: &'static str| {
            proptest::sample::select(letters.chars().collect::<Vec<_>>()).prop_map(String::from)
        };
        let range = |first, last| proptest::char::range(first, last).prop_map(String::from);
        prop_oneof![
            3 => range('\u{F900}', '\u{FAFF}'),
            2 => range('\u{2F800}', '\u{2FA1F}'),
            1 => from("\u{8C48}\u{66F4}\u{8ECA}\u{3B9D}\u{4018}\u{4039}\u{20122}\u{2A600}"),
            2 => from("IVANOVivanovÀÉÑÖŞİÿǗ"),
            2 => from("ӘәҒғҚқҢңӨөҰұҮүҺһІіЙйЁёАаИиОо"),
            2 => range('\u{300}', '\u{36F}'),
            1 => from("\u{3099}\u{309A}\u{302A}\u{302B}\u{483}\u{489}"),
            2 => from(" -'’ʼ.0123«»,&()№/+"),
            1 => any::<char>().prop_map(String::from),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn checks_of_text_with_cjk_compatibility_ideographs_agree_with_nfc(
            pieces in proptest::collection::vec(piece(), 0..24),
            decomposed in any::<bool>(),
        ) {
            let text = pieces.concat();
            // Letters decomposed, so that marks come apart from them and compose again.
            let text = if decomposed { decompose(&text) } else { text };
            assert_same_verdicts(&text);
        }

        #[test]
        fn normalisation_for_checks_is_nfc_without_cjk_compatibility_ideographs(
            text in any::<String>()
        ) {
            let text: String = text.chars().filter(|&c| !is_cjk_compatibility_ideograph(c)).collect();
            prop_assert_eq!(normalise_for_checks(&text), to_nfc(&text));
        }
    }

    /// The full canonical decomposition of `text`, marks in canonical order, but the CJK
    /// compatibility ideographs kept (NFD but for them).
    fn decompose(text: &str) -> String {
        let mut decomposed = Vec::new();
        for c in text.chars() {
            tables_for_checks().decompose_into(c, &mut decomposed, 0);
        }
        for marks in decomposed.split_mut(|&(_, class)| class == 0) {
            sort_by_class(marks);
        }
        decomposed.into_iter().map(|(c, _)| c).collect()
    }
}
