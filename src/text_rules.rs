//! The character rules of every text an application and a certificate carry: which characters a
//! person's name, an organisation's name, an address or a passport number may hold, so that no
//! field can display as another one. The rules engine applies them to the application's fields
//! and the certificate record to its own, through the same functions, so that an application the
//! rules accept never yields a record the issuer must refuse.
//!
//! Three rules hold in every field:
//!
//! - no control, format, private-use, unassigned, surrogate or separator character other than
//!   the space U+0020 (Unicode general categories Cc, Cf, Co, Cn, Cs, Zl, Zp, and Zs but the
//!   space): no bidirectional controls (U+202E turns `VONAVI` into what reads as `IVANOV`), no
//!   zero-width characters, tag characters, byte order marks or no-break spaces;
//! - none of the invisible characters that are not in those categories: the blank look-alikes
//!   of letters U+115F, U+1160, U+3164, U+FFA0 (Hangul fillers) and U+2800 (the blank Braille
//!   pattern), and the default-ignorable marks (variation selectors, the combining grapheme
//!   joiner, the Khmer inherent vowels and the Mongolian free variation selectors);
//! - no word mixes Latin and Cyrillic letters (a word is a maximal run of letters and
//!   combining marks; anything else, such as a space, hyphen, apostrophe, dot or digit,
//!   separates words), since many letters of the two look the same: a Cyrillic `Н` in a
//!   passport-like `Н1234567`, `IVАNOV` with a Cyrillic `А`.
//!
//! and each kind of field ([`TextKind`]) adds its own: a person's name holds letters of any
//! script with their combining marks, spaces, hyphens, apostrophes (`'`, `’`, `ʼ`) and dots;
//! an organisation's name also digits and `" « » “ ” „ , & ( ) № / +`; a passport number only
//! `A-Z` and `0-9`.
//!
//! The character data ([`UNICODE_VERSION`]) are compact range tables generated from the
//! `unicode-properties` and `unicode-script` crates by `tests/unicode/text_rules.rs`, which also
//! compares every code point with those crates; the tables and this code cost the WebAssembly
//! module about 2 KB gzipped, where the crates' tables would cost several times that.
//!
//! Normalisation is not checked here: the certificate requires NFC separately
//! ([`crate::nfc::is_nfc`]).
//!
//! # Example
//!
//! ```
//! use tirkeu::text_rules::{check_text, TextKind, TextProblem};
//!
//! assert_eq!(check_text("ӘБІЛҚАСЫМОВА", TextKind::PersonName), Ok(()));
//! assert_eq!(check_text("O'NEIL-SMITH JR.", TextKind::PersonName), Ok(()));
//! // U+202E RIGHT-TO-LEFT OVERRIDE: displays as "IVANOV".
//! assert_eq!(
//!     check_text("\u{202e}VONAVI", TextKind::PersonName),
//!     Err(TextProblem::ForbiddenCharacter { character: '\u{202e}' })
//! );
//! // A Cyrillic А among Latin letters.
//! assert_eq!(check_text("IV\u{410}NOV", TextKind::PersonName), Err(TextProblem::MixedScripts));
//! assert_eq!(check_text("ТОО «Алатау 2»", TextKind::OrganisationName), Ok(()));
//! assert!(check_text("N1234567", TextKind::Passport).is_ok());
//! assert!(check_text("\u{41d}1234567", TextKind::Passport).is_err()); // Cyrillic Н
//! ```

use core::fmt;
use std::sync::OnceLock;

mod tables;

pub use tables::UNICODE_VERSION;

/// The kind of a text field, which decides the characters it may hold and its length.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TextKind {
    /// A person's surname, given names, patronymic or full name: letters of any script with
    /// their combining marks, space, hyphen, apostrophe and dot; 1 to 64 characters, at least
    /// one a letter.
    PersonName,
    /// An organisation's name: as a person's name, and also digits and
    /// `" « » “ ” „ , & ( ) № / +`; 1 to 250 characters, at least one a letter.
    OrganisationName,
    /// An address, as printed: any text under the three rules every field keeps; 1 to 200
    /// characters.
    Address,
    /// A passport's series and number: `A-Z` and `0-9` only, 5 to 20 characters.
    Passport,
}

impl TextKind {
    /// The fewest and most characters a text of this kind may have.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::text_rules::TextKind;
    /// assert_eq!(TextKind::PersonName.length_range(), 1..=64);
    /// assert_eq!(TextKind::Passport.length_range(), 5..=20);
    /// ```
    pub fn length_range(self) -> core::ops::RangeInclusive<usize> {
        match self {
            TextKind::PersonName => 1..=64,
            TextKind::OrganisationName => 1..=250,
            TextKind::Address => 1..=200,
            TextKind::Passport => 5..=20,
        }
    }
}

/// Why a text breaks the rules of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TextProblem {
    /// Fewer or more characters than its kind allows (an empty text included).
    Length {
        /// The number of characters.
        chars: usize,
        /// The fewest allowed.
        min: usize,
        /// The most allowed.
        max: usize,
    },
    /// Begins or ends with a space.
    SurroundingSpace,
    /// A control, format, private-use, unassigned or separator character, a blank look-alike of
    /// a letter or an invisible mark (the rules every field keeps).
    ForbiddenCharacter {
        /// The character.
        character: char,
    },
    /// A character that is printable but not allowed in this kind of field (a digit in a
    /// person's name, a lower-case letter in a passport number).
    NotAllowed {
        /// The character.
        character: char,
    },
    /// A word mixes Latin and Cyrillic letters.
    MixedScripts,
    /// A name without a single letter.
    NoLetter,
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextProblem::Length { chars, min, max } => {
                write!(f, "has {chars} characters, not {min} to {max}")
            }
            TextProblem::SurroundingSpace => f.write_str("begins or ends with a space"),
            TextProblem::ForbiddenCharacter { character } => write!(
                f,
                "contains U+{:04X}, an invisible, control, format or unassigned character",
                u32::from(*character)
            ),
            TextProblem::NotAllowed { character } => write!(
                f,
                "contains U+{:04X}, which this field may not hold",
                u32::from(*character)
            ),
            TextProblem::MixedScripts => {
                f.write_str("has a word mixing Latin and Cyrillic letters")
            }
            TextProblem::NoLetter => f.write_str("has no letter"),
        }
    }
}

impl std::error::Error for TextProblem {}

/// Checks the rules every field keeps, whatever its kind: no forbidden character
/// ([`is_forbidden`]) and no word mixing Latin and Cyrillic letters. For free text (a locality, a
/// street) whose length and other characters are not restricted.
///
/// # Errors
///
/// [`TextProblem::ForbiddenCharacter`] or [`TextProblem::MixedScripts`], whichever comes first.
///
/// # Example
///
/// ```
/// use tirkeu::text_rules::{check, TextProblem};
/// assert_eq!(check("ТОО «Kaspi 2», мкр. Samal-2"), Ok(()));
/// assert_eq!(check("10 Аbay"), Err(TextProblem::MixedScripts)); // a Cyrillic А
/// assert_eq!(check("A\u{a0}B"), Err(TextProblem::ForbiddenCharacter { character: '\u{a0}' }));
/// ```
pub fn check(text: &str) -> Result<(), TextProblem> {
    let mut word_scripts = 0u8;
    for c in text.chars() {
        if is_forbidden(c) {
            return Err(TextProblem::ForbiddenCharacter { character: c });
        }
        word_scripts = next_word_scripts(word_scripts, c)?;
    }
    Ok(())
}

/// The scripts met in the current word after `c` (bit 0 Latin, bit 1 Cyrillic; 0 when `c` ends
/// the word).
///
/// # Errors
///
/// [`TextProblem::MixedScripts`] when `c` makes the word hold both.
fn next_word_scripts(word_scripts: u8, c: char) -> Result<u8, TextProblem> {
    if !is_word_character(c) {
        return Ok(0);
    }
    let scripts = word_scripts | script_bits(c);
    if scripts == LATIN | CYRILLIC {
        Err(TextProblem::MixedScripts)
    } else {
        Ok(scripts)
    }
}

/// Whether `c` belongs to a word: a letter or a combining mark.
fn is_word_character(c: char) -> bool {
    is_letter(c) || (!c.is_ascii() && crate::nfc::is_combining_mark(c))
}

/// Checks `text` against the rules of its kind (see the module documentation); the first
/// problem found is returned.
///
/// # Errors
///
/// A [`TextProblem`] naming the first rule broken: the length, a surrounding space, a forbidden
/// character, a character the kind does not allow, a word mixing Latin and Cyrillic letters, or
/// a name without a letter.
///
/// # Example
///
/// ```
/// use tirkeu::text_rules::{check_text, TextKind, TextProblem};
/// assert_eq!(check_text("R2-D2", TextKind::PersonName), Err(TextProblem::NotAllowed { character: '2' }));
/// assert_eq!(check_text("Алматы,\u{a0}Абая 10", TextKind::Address),
///     Err(TextProblem::ForbiddenCharacter { character: '\u{a0}' })); // a no-break space
/// assert_eq!(check_text(" IVAN", TextKind::PersonName), Err(TextProblem::SurroundingSpace));
/// ```
pub fn check_text(text: &str, kind: TextKind) -> Result<(), TextProblem> {
    let range = kind.length_range();
    let chars = text.chars().count();
    if !range.contains(&chars) {
        return Err(TextProblem::Length {
            chars,
            min: *range.start(),
            max: *range.end(),
        });
    }
    if text.starts_with(' ') || text.ends_with(' ') {
        return Err(TextProblem::SurroundingSpace);
    }
    let mut has_letter = false;
    let mut word_scripts = 0u8;
    for c in text.chars() {
        if is_forbidden(c) {
            return Err(TextProblem::ForbiddenCharacter { character: c });
        }
        let letter = is_letter(c);
        let mark = !letter && !c.is_ascii() && crate::nfc::is_combining_mark(c);
        has_letter |= letter;
        let allowed = match kind {
            TextKind::Passport => c.is_ascii_uppercase() || c.is_ascii_digit(),
            TextKind::Address => true,
            TextKind::PersonName => letter || mark || is_name_punctuation(c),
            TextKind::OrganisationName => {
                letter || mark || is_name_punctuation(c) || is_organisation_character(c)
            }
        };
        if !allowed {
            return Err(TextProblem::NotAllowed { character: c });
        }
        word_scripts = next_word_scripts(word_scripts, c)?;
    }
    if matches!(kind, TextKind::PersonName | TextKind::OrganisationName) && !has_letter {
        return Err(TextProblem::NoLetter);
    }
    Ok(())
}

/// Whether `c` may appear in no field at all: a control, format, private-use, unassigned,
/// surrogate or separator character other than U+0020 (general categories Cc, Cf, Co, Cn, Cs,
/// Zl, Zp, Zs), a blank look-alike of a letter (U+115F, U+1160, U+3164, U+FFA0, U+2800), or a
/// default-ignorable mark (U+034F, U+17B4, U+17B5, U+180B-U+180D, U+180F, U+FE00-U+FE0F,
/// U+E0100-U+E01EF).
///
/// # Example
///
/// ```
/// use tirkeu::text_rules::is_forbidden;
/// assert!(!is_forbidden(' ') && !is_forbidden('Қ') && !is_forbidden('\u{301}'));
/// assert!(is_forbidden('\u{200b}')); // ZERO WIDTH SPACE (Cf)
/// assert!(is_forbidden('\u{2028}')); // LINE SEPARATOR (Zl)
/// assert!(is_forbidden('\u{3164}')); // HANGUL FILLER (a letter that shows nothing)
/// assert!(is_forbidden('\u{e000}')); // private use
/// assert!(is_forbidden('\u{378}')); // unassigned
/// ```
pub fn is_forbidden(c: char) -> bool {
    match c {
        ' '..='~' => false,
        '\u{0}'..='\u{9f}' | '\u{a0}' | '\u{ad}' => true,
        '\u{a1}'..='\u{2ff}' | '\u{400}'..='\u{52f}' => false,
        '\u{34f}'
        | '\u{115f}'
        | '\u{1160}'
        | '\u{17b4}'
        | '\u{17b5}'
        | '\u{180b}'..='\u{180d}'
        | '\u{180f}'
        | '\u{2800}'
        | '\u{3164}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{ffa0}'
        | '\u{e0100}'..='\u{e01ef}' => true,
        _ => in_ranges(&decoded().forbidden, c),
    }
}

/// Whether `text` has a word that mixes Latin and Cyrillic letters (a word: a maximal run of
/// letters and combining marks).
///
/// # Example
///
/// ```
/// use tirkeu::text_rules::mixes_latin_and_cyrillic;
/// assert!(!mixes_latin_and_cyrillic("Алматы, Abay 10"));
/// assert!(mixes_latin_and_cyrillic("Алмaты")); // a Latin a
/// ```
pub fn mixes_latin_and_cyrillic(text: &str) -> bool {
    text.chars().try_fold(0u8, next_word_scripts).is_err()
}

/// The script of a letter, as far as the mixed-script rule needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LetterScript {
    /// A letter (or combining mark) of the Latin script.
    Latin,
    /// A letter (or combining mark) of the Cyrillic script.
    Cyrillic,
}

/// The script of `c` when it is a Latin or Cyrillic letter or mark; `None` for anything else.
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
    match script_bits(c) {
        LATIN => Some(LetterScript::Latin),
        CYRILLIC => Some(LetterScript::Cyrillic),
        _ => None,
    }
}

/// Script bit of a Latin character.
const LATIN: u8 = 1;
/// Script bit of a Cyrillic character.
const CYRILLIC: u8 = 2;

/// The script bit of `c`: [`LATIN`], [`CYRILLIC`] or 0 (any other script, or none).
fn script_bits(c: char) -> u8 {
    match c {
        'a'..='z' | 'A'..='Z' => LATIN,
        '\u{0}'..='\u{7f}' => 0,
        // Latin-1 letters and Latin Extended-A and -B.
        '\u{c0}'..='\u{24f}' => {
            if c == '×' || c == '÷' {
                0
            } else {
                LATIN
            }
        }
        // Cyrillic and Cyrillic Supplement (their combining marks too), but the two marks of
        // script Inherited.
        '\u{485}' | '\u{486}' => 0,
        '\u{400}'..='\u{52f}' => CYRILLIC,
        _ => {
            let tables = decoded();
            if in_ranges(&tables.latin, c) {
                LATIN
            } else if in_ranges(&tables.cyrillic, c) {
                CYRILLIC
            } else {
                0
            }
        }
    }
}

/// Whether `c` is a letter (`char::is_alphabetic`), with the scripts of nearly every name
/// answered without Unicode's tables: their binary search was the largest single cost of checking
/// an application natively (perf). A test compares the two on every character.
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0}'..='\u{7f}' => false,
        '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{24f}' => true,
        '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}' => true,
        _ => c.is_alphabetic(),
    }
}

/// The punctuation of names: space, hyphen, apostrophes and dot.
fn is_name_punctuation(c: char) -> bool {
    matches!(c, ' ' | '-' | '\'' | '’' | 'ʼ' | '.')
}

/// What an organisation's name may hold beyond a person's: digits, quotation marks and the
/// punctuation of company names.
fn is_organisation_character(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '"' | '«' | '»' | '“' | '”' | '„' | ',' | '&' | '(' | ')' | '№' | '/' | '+'
        )
}

/// The range tables, decoded once.
struct Decoded {
    forbidden: Vec<(u32, u32)>,
    latin: Vec<(u32, u32)>,
    cyrillic: Vec<(u32, u32)>,
}

fn decoded() -> &'static Decoded {
    static DECODED: OnceLock<Decoded> = OnceLock::new();
    DECODED.get_or_init(|| Decoded {
        forbidden: crate::nfc::decode_ranges(tables::FORBIDDEN_RANGES),
        latin: crate::nfc::decode_ranges(tables::LATIN_RANGES),
        cyrillic: crate::nfc::decode_ranges(tables::CYRILLIC_RANGES),
    })
}

fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let code = u32::from(c);
    let index = ranges.partition_point(|&(_, last)| last < code);
    ranges.get(index).is_some_and(|&(first, _)| first <= code)
}

/// The decoded tables, for the generator's exhaustive test (`tests/unicode/text_rules.rs`).
#[doc(hidden)]
pub fn decoded_tables_for_tests() -> [Vec<(u32, u32)>; 3] {
    let tables = decoded();
    [
        tables.forbidden.clone(),
        tables.latin.clone(),
        tables.cyrillic.clone(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_paths_agree_with_the_tables() {
        // Source: the module's fast paths must answer as the generated tables do.
        let tables = decoded();
        for code in 0..0x530u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let by_table = match c {
                '\u{34f}' => true,
                _ => in_ranges(&tables.forbidden, c),
            };
            assert_eq!(is_forbidden(c), by_table, "U+{code:04X}");
            let script = if in_ranges(&tables.latin, c) {
                LATIN
            } else if in_ranges(&tables.cyrillic, c) {
                CYRILLIC
            } else {
                0
            };
            if is_letter(c) || crate::nfc::is_combining_mark(c) {
                assert_eq!(script_bits(c), script, "U+{code:04X}");
            }
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{code:04X}");
        }
    }

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
        assert_eq!(check("ok ИВАНOВ ok"), Err(TextProblem::MixedScripts));
        // A mark does not separate: Latin e, acute, Cyrillic Ә is one mixed word.
        assert!(check("e\u{301}Ә").is_err());
        // A blank look-alike inside a word is forbidden, not a letter.
        assert_eq!(
            check("Ann\u{3164}a"),
            Err(TextProblem::ForbiddenCharacter {
                character: '\u{3164}'
            })
        );
    }
}
