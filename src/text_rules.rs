//! The character rules every text of an application and of a certificate record obeys, so that
//! no accepted name, address or number can look like another or hide characters.
//!
//! Two rules, applied by the rules engine to the application's names and address fields, and by
//! the certificate record to every text field, through the one function [`check`]:
//!
//! - no character that is a control, format, private-use, unassigned or separator character other
//!   than the space (Unicode General_Category Cc, Cf, Co, Cn, Zl, Zp, and Zs other than U+0020:
//!   bidirectional controls, zero-width characters, tag characters, no-break spaces), nor one of
//!   the blank look-alikes of letters: U+115F and U+1160 (Hangul fillers), U+3164 (Hangul filler),
//!   U+FFA0 (halfwidth Hangul filler), U+2800 (Braille blank);
//! - no word mixes Latin and Cyrillic letters (`IVАNOV` with a Cyrillic `А` is refused; `IVANOV`
//!   and `ИВАНОВ` are not). A word is a maximal run of letters and combining marks: spaces,
//!   hyphens, apostrophes, dots, digits and every other character separate words.
//!
//! The first rule's table ([`UNICODE_VERSION`], that of `crate::nfc`) is generated from the
//! `unicode-properties` crate by `tests/rules_text_tables.rs`, which also compares every code
//! point with it; the Latin and Cyrillic letters are the blocks of Unicode's `Scripts.txt` for
//! those scripts (see [`letter_script`]).
//!
//! # Example
//!
//! ```
//! use tirkeu::text_rules::{check, TextRuleError};
//!
//! assert_eq!(check("Жанұзақ-O'Neil, ул. Абая 10"), Ok(()));
//! // A Cyrillic А (U+0410) inside a Latin word.
//! assert_eq!(
//!     check("IV\u{410}NOV"),
//!     Err(TextRuleError::MixedScripts { offset: 0, length: 7 })
//! );
//! // A zero-width joiner.
//! assert_eq!(
//!     check("Анна\u{200d}"),
//!     Err(TextRuleError::ForbiddenCharacter { offset: 8, character: '\u{200d}' })
//! );
//! ```

use core::fmt;
use std::sync::OnceLock;

mod tables;

pub use crate::nfc::UNICODE_VERSION;

/// Why a text breaks the character rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TextRuleError {
    /// A control, format, private-use, unassigned or separator character (other than the space),
    /// or a blank look-alike of a letter.
    ForbiddenCharacter {
        /// Byte offset of the character in the text.
        offset: usize,
        /// The character.
        character: char,
    },
    /// A word with both Latin and Cyrillic letters.
    MixedScripts {
        /// Byte offset of the word in the text.
        offset: usize,
        /// Length of the word in bytes.
        length: usize,
    },
}

impl fmt::Display for TextRuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextRuleError::ForbiddenCharacter { offset, character } => write!(
                f,
                "character U+{:04X} at byte {offset} is a control, format, unassigned or \
                 invisible character",
                u32::from(*character)
            ),
            TextRuleError::MixedScripts { offset, length } => write!(
                f,
                "the word at bytes {offset}..{} mixes Latin and Cyrillic letters",
                offset + length
            ),
        }
    }
}

impl std::error::Error for TextRuleError {}

/// The script of a letter, as far as the mixed-script rule needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LetterScript {
    /// A letter of the Latin script.
    Latin,
    /// A letter of the Cyrillic script.
    Cyrillic,
}

/// Whether `c` is forbidden in any text: General_Category Cc, Cf, Co, Cn, Zl, Zp, or Zs other
/// than U+0020, or a blank look-alike of a letter (U+115F, U+1160, U+3164, U+FFA0, U+2800).
///
/// # Example
///
/// ```
/// use tirkeu::text_rules::is_forbidden;
/// assert!(!is_forbidden(' ') && !is_forbidden('Ә') && !is_forbidden('№'));
/// for c in ['\u{0}', '\t', '\u{a0}', '\u{ad}', '\u{200b}', '\u{202e}', '\u{3164}', '\u{e000}', '\u{378}'] {
///     assert!(is_forbidden(c), "{c:?}");
/// }
/// ```
pub fn is_forbidden(c: char) -> bool {
    let code = u32::from(c);
    // Answered without the table below U+0378 and in Cyrillic, where nearly every name and
    // address is written (the exhaustive test covers these lines too).
    if code < 0x378 {
        return code < 0x20 || (0x7f..=0xa0).contains(&code) || code == 0xad;
    }
    if (0x400..=0x52f).contains(&code) {
        return false;
    }
    let ranges = forbidden_ranges();
    let index = ranges.partition_point(|&(_, last)| last < code);
    ranges.get(index).is_some_and(|&(first, _)| first <= code)
}

fn forbidden_ranges() -> &'static [(u32, u32)] {
    static RANGES: OnceLock<Vec<(u32, u32)>> = OnceLock::new();
    RANGES.get_or_init(|| crate::nfc::decode_ranges(tables::FORBIDDEN_RANGES))
}

/// The script of `c` when it is a Latin or Cyrillic letter (Unicode `Scripts.txt`, the letter
/// blocks of each script: Basic Latin to Latin Extended-G, the phonetic extensions, fullwidth
/// forms; Cyrillic to Cyrillic Extended-D); `None` for anything else.
///
/// A character outside the letters of those blocks (a mark, a digit, a letter of another script)
/// is `None`; the caller applies this to letters only.
///
/// # Example
///
/// ```
/// use tirkeu::text_rules::{letter_script, LetterScript};
/// assert_eq!(letter_script('A'), Some(LetterScript::Latin));
/// assert_eq!(letter_script('\u{410}'), Some(LetterScript::Cyrillic));
/// assert_eq!(letter_script('Ә'), Some(LetterScript::Cyrillic));
/// assert_eq!(letter_script('Α'), None); // Greek
/// ```
pub fn letter_script(c: char) -> Option<LetterScript> {
    // Source: Unicode Scripts.txt (15.0, with the letters 16.0 and later added to the same
    // blocks): the ranges of `Latin` and `Cyrillic` letters (L*, Nl), each extended over the
    // unassigned code points of its block, which the first rule refuses anyway.
    const LATIN: &[(u32, u32)] = &[
        (0x41, 0x5A),
        (0x61, 0x7A),
        (0xAA, 0xAA),
        (0xBA, 0xBA),
        (0xC0, 0xD6),
        (0xD8, 0xF6),
        (0xF8, 0x2B8),
        (0x2E0, 0x2E4),
        (0x1D00, 0x1D25),
        (0x1D2C, 0x1D5C),
        (0x1D62, 0x1D65),
        (0x1D6B, 0x1D77),
        (0x1D79, 0x1DBE),
        (0x1E00, 0x1EFF),
        (0x2071, 0x2071),
        (0x207F, 0x207F),
        (0x2090, 0x209C),
        (0x212A, 0x212B),
        (0x2132, 0x2132),
        (0x214E, 0x214E),
        (0x2160, 0x2188),
        (0x2C60, 0x2C7F),
        (0xA722, 0xA787),
        (0xA78B, 0xA7FF),
        (0xAB30, 0xAB5A),
        (0xAB5C, 0xAB64),
        (0xAB66, 0xAB69),
        (0xFB00, 0xFB06),
        (0xFF21, 0xFF3A),
        (0xFF41, 0xFF5A),
        (0x10780, 0x107BA),
        (0x1DF00, 0x1DFFF),
    ];
    const CYRILLIC: &[(u32, u32)] = &[
        (0x400, 0x481),
        (0x48A, 0x52F),
        (0x1C80, 0x1C8F),
        (0x1D2B, 0x1D2B),
        (0x1D78, 0x1D78),
        (0xA640, 0xA66E),
        (0xA67F, 0xA69D),
        (0x1E030, 0x1E08F),
    ];
    let code = u32::from(c);
    let within = |ranges: &[(u32, u32)]| {
        let index = ranges.partition_point(|&(_, last)| last < code);
        ranges.get(index).is_some_and(|&(first, _)| first <= code)
    };
    if within(LATIN) {
        Some(LetterScript::Latin)
    } else if within(CYRILLIC) {
        Some(LetterScript::Cyrillic)
    } else {
        None
    }
}

/// Whether `c` belongs to a word: a letter ([`is_letter`]) or a combining mark.
fn is_word_character(c: char) -> bool {
    is_letter(c) || crate::nfc::is_combining_mark(c)
}

/// `char::is_alphabetic`, answered without Unicode's tables for the scripts of nearly every name
/// (ASCII, Latin-1, Latin Extended-A and -B, Cyrillic with Kazakh's letters): the tables' binary
/// search was the largest single cost of checking an application natively (perf). A test
/// compares the two on every character.
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0}'..='\u{7f}' => false,
        '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{24f}' => true,
        '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}' => true,
        _ => c.is_alphabetic(),
    }
}

/// Checks both rules on `text`; the first character or word that breaks one is the error.
///
/// The text is taken as given: callers that normalise (NFC) or trim do so first.
///
/// # Errors
///
/// [`TextRuleError::ForbiddenCharacter`] for a forbidden character ([`is_forbidden`]),
/// [`TextRuleError::MixedScripts`] for a word with both Latin and Cyrillic letters; whichever
/// comes first in the text.
///
/// # Example
///
/// ```
/// use tirkeu::text_rules::{check, TextRuleError};
/// assert!(check("ТОО «Kaspi 2», мкр. Samal-2").is_ok());
/// assert_eq!(check("A\u{a0}B"), Err(TextRuleError::ForbiddenCharacter { offset: 1, character: '\u{a0}' }));
/// assert_eq!(check("10 Аbay"), Err(TextRuleError::MixedScripts { offset: 3, length: 5 }));
/// ```
pub fn check(text: &str) -> Result<(), TextRuleError> {
    let mut word = Word::default();
    for (offset, c) in text.char_indices() {
        // A blank look-alike is a letter to Unicode: the forbidden test comes first.
        let forbidden = is_forbidden(c);
        if !forbidden && is_word_character(c) {
            word.push(offset, c);
        } else {
            word.end(offset)?;
            if forbidden {
                return Err(TextRuleError::ForbiddenCharacter {
                    offset,
                    character: c,
                });
            }
        }
    }
    word.end(text.len())
}

/// The word being read: where it starts, and which of the two scripts its letters have shown.
#[derive(Default)]
struct Word {
    start: Option<usize>,
    latin: bool,
    cyrillic: bool,
}

impl Word {
    fn push(&mut self, offset: usize, c: char) {
        self.start.get_or_insert(offset);
        match letter_script(c) {
            Some(LetterScript::Latin) => self.latin = true,
            Some(LetterScript::Cyrillic) => self.cyrillic = true,
            None => {}
        }
    }

    /// Ends the word (if any) at byte `end`: an error when it mixed the scripts.
    fn end(&mut self, end: usize) -> Result<(), TextRuleError> {
        let mixed = self.latin && self.cyrillic;
        (self.latin, self.cyrillic) = (false, false);
        match self.start.take() {
            Some(offset) if mixed => Err(TextRuleError::MixedScripts {
                offset,
                length: end - offset,
            }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_letter_is_is_alphabetic_on_every_character() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn words_are_split_by_everything_but_letters_and_marks() {
        // Source: the character rules of the certificate record (a word: a maximal run of
        // letters and combining marks; spaces, hyphens, apostrophes, dots and digits separate
        // words).
        for good in [
            "IVANOV ИВАНОВ",
            "Petrov-Водкин",
            "O'Иван",
            "A.Б.",
            "10А",
            "Samal2Самал",
            "e\u{301} Ә\u{301}",
        ] {
            assert_eq!(check(good), Ok(()), "{good:?}");
        }
        assert_eq!(
            check("ok ИВАНOВ ok"),
            Err(TextRuleError::MixedScripts {
                offset: 3,
                length: "ИВАНOВ".len()
            })
        );
        // A mark does not separate: Latin e, acute, Cyrillic Ә is one mixed word.
        assert!(check("e\u{301}Ә").is_err());
        // A mixed word ended by a forbidden character is reported as the mixed word.
        assert_eq!(
            check("IVАN\u{200b}"),
            Err(TextRuleError::MixedScripts {
                offset: 0,
                length: "IVАN".len()
            })
        );
        // A blank look-alike inside a word is forbidden, not a letter.
        assert_eq!(
            check("Ann\u{3164}a"),
            Err(TextRuleError::ForbiddenCharacter {
                offset: 3,
                character: '\u{3164}'
            })
        );
    }
}
