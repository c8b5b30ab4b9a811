//! What a decoded symbol holds: text, or data that is not text.

use core::fmt;

/// A QR symbol the scanner found and read without error: its text, or, for a symbol whose data
/// is not text this crate reads, why not and its bytes.
///
/// Every Model 2 symbol is reported, so that a caller can tell "no QR code here" from "a QR code
/// that is not what I expect" (a payment code in Kanji, a GS1 product code, a binary payload).
///
/// # Example
///
/// ```
/// use tirkeu_qr::{Code, NotText};
/// let text = Code::Text("KZ1:ABC".to_owned());
/// assert_eq!(text.text(), Some("KZ1:ABC"));
/// let kanji = Code::NotText { kind: NotText::Kanji, bytes: vec![0x93, 0x5F] };
/// assert_eq!(kanji.text(), None);
/// assert_eq!(kanji.to_string(), "QR code with data that is not text (Kanji)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// UTF-8 text: numeric, alphanumeric and byte segments in the default interpretation, or
    /// under the ECI of UTF-8, ISO/IEC 8859-1 or US-ASCII, whose bytes are UTF-8.
    Text(String),
    /// Data that is not text this crate reads.
    NotText {
        /// Why it is not text.
        kind: NotText,
        /// The data as the symbol holds it: the bytes of byte segments as they are, digits and
        /// characters of numeric and alphanumeric segments in ASCII, Kanji characters as their
        /// two Shift_JIS bytes (ISO/IEC 18004:2015, 7.4.6).
        bytes: Vec<u8>,
    },
}

/// Why a symbol's data is not text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NotText {
    /// A Kanji segment (Shift_JIS double-byte characters).
    Kanji,
    /// An ECI other than UTF-8 (26), ISO/IEC 8859-1 (3) and US-ASCII (27): another character
    /// set, such as Shift_JIS (20), or binary data.
    Eci(u32),
    /// FNC1: GS1 data (first position) or an AIM application's (second position).
    Gs1,
    /// Byte segments whose bytes are not UTF-8 (Shift_JIS bytes, binary data).
    Bytes,
}

impl Code {
    /// The text, or `None` for a symbol whose data is not text.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu_qr::Code::Text("A".to_owned()).text(), Some("A"));
    /// ```
    pub fn text(&self) -> Option<&str> {
        match self {
            Code::Text(text) => Some(text),
            Code::NotText { .. } => None,
        }
    }

    /// The text, or `None` for a symbol whose data is not text, by value.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu_qr::Code::Text("A".to_owned()).into_text(), Some("A".to_owned()));
    /// ```
    pub fn into_text(self) -> Option<String> {
        match self {
            Code::Text(text) => Some(text),
            Code::NotText { .. } => None,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Text(text) => f.write_str(text),
            Code::NotText { kind, .. } => {
                write!(f, "QR code with data that is not text ({kind})")
            }
        }
    }
}

impl NotText {
    /// A short name: `kanji`, `eci`, `gs1` or `bytes` (the package's `data` field).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu_qr::NotText::Eci(20).name(), "eci");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            NotText::Kanji => "kanji",
            NotText::Eci(_) => "eci",
            NotText::Gs1 => "gs1",
            NotText::Bytes => "bytes",
        }
    }
}

impl fmt::Display for NotText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotText::Kanji => f.write_str("Kanji"),
            NotText::Eci(eci) => write!(f, "ECI {eci}"),
            NotText::Gs1 => f.write_str("GS1 or another FNC1 application"),
            NotText::Bytes => f.write_str("bytes that are not UTF-8"),
        }
    }
}
