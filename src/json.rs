//! The WebAssembly module's JSON writer: a `serde::Serializer` that writes the text
//! `serde_json::to_string` writes.
//!
//! The types' serde derives are their one description: the native API and the command line
//! write them with serde_json, the module with this serializer, which leaves out what serde_json
//! brings that the answers never need (its `io::Write` plumbing, float formatting, its error
//! type with positions), about 5 KB gzipped of the module. Its text is compact JSON byte for byte
//! as serde_json writes it: members in declaration order, serde's names and omitted members, `null`
//! for `None` and `()`, serde_json's string escaping, externally tagged enums as serde_json tags
//! them, map keys that are integers or booleans quoted. The tests (json/tests.rs) compare the two
//! on every type the module answers with. Floats are refused (no answer has one): a
//! [`Unsupported`] error, never text that could differ from serde_json's.

use core::fmt::{self, Display, Write as _};

use serde::Serialize;
use serde::ser;

use crate::calendar::WorkingDayCount;
use crate::qr::{Code, NotText};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod typescript;

/// The JSON text of a value, as `serde_json::to_string` writes it (compact).
///
/// # Errors
///
/// [`Unsupported`] for a float, a map key serde_json would refuse, or a value whose `Serialize`
/// impl fails.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Unsupported> {
    // Room for a typical report (about 2 KB), so that the text is not copied as it grows.
    let mut writer = JsonWriter {
        text: String::with_capacity(2048),
    };
    value.serialize(&mut writer)?;
    Ok(writer.text)
}

/// What the writer does not write: a float, a map key that is not a string, an integer or a
/// boolean, or a value whose `Serialize` impl reported an error. Its message is left out: in
/// the module it would only bring formatting code for an answer that is a bug either way.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Unsupported;

impl Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value JSON text does not hold here")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: Display>(_message: T) -> Self {
        Unsupported
    }
}

/// Compact JSON text under construction.
pub(crate) struct JsonWriter {
    text: String,
}

impl JsonWriter {
    /// Writes a string with serde_json's escaping: `"` and `\` by a backslash, the control
    /// characters U+0000 to U+001F as `\b` `\t` `\n` `\f` `\r` or `\u00xx` (lower-case hex), and
    /// everything else (including U+007F and all non-ASCII) as is.
    fn string(&mut self, text: &str) {
        self.text.reserve(text.len() + 2);
        self.text.push('"');
        // Runs of characters that need no escape are copied whole: every character JSON escapes
        // is ASCII, so a run ends on a character boundary.
        let mut run_start = 0;
        for (index, byte) in text.bytes().enumerate() {
            let short_escape = match byte {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                0x08 => "\\b",
                b'\t' => "\\t",
                b'\n' => "\\n",
                0x0c => "\\f",
                b'\r' => "\\r",
                0x00..=0x1f => "",
                _ => continue,
            };
            self.text
                .push_str(text.get(run_start..index).unwrap_or_default());
            if short_escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.text.push_str("\\u00");
                self.text.push(char::from(HEX[usize::from(byte >> 4)]));
                self.text.push(char::from(HEX[usize::from(byte & 0xf)]));
            } else {
                self.text.push_str(short_escape);
            }
            run_start = index + 1;
        }
        self.text
            .push_str(text.get(run_start..).unwrap_or_default());
        self.text.push('"');
    }

    /// Writes an integer in decimal (the narrower types go through `i64` and `u64`).
    fn integer(&mut self, value: impl Display) -> Result<(), Unsupported> {
        // Writing into a String cannot fail.
        let _ = write!(self.text, "{value}");
        Ok(())
    }

    /// Opens an array or object and returns its state.
    fn open(&mut self, bracket: char) -> Compound<'_> {
        self.text.push(bracket);
        Compound {
            writer: self,
            first: true,
        }
    }

    /// `{"name":` for a variant that carries data, as serde_json tags it.
    fn open_variant(&mut self, variant: &str) {
        self.text.push('{');
        self.string(variant);
        self.text.push(':');
    }
}

/// An array or object being written: puts the commas between its elements or members.
pub(crate) struct Compound<'a> {
    writer: &'a mut JsonWriter,
    first: bool,
}

impl Compound<'_> {
    /// Writes a comma unless this is the first element or member.
    fn separate(&mut self) {
        if !self.first {
            self.writer.text.push(',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.separate();
        value.serialize(&mut *self.writer)
    }

    fn member<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), Unsupported> {
        self.separate();
        self.writer.string(name);
        self.writer.text.push(':');
        value.serialize(&mut *self.writer)
    }

    fn close(self, bracket: char) -> Result<(), Unsupported> {
        self.writer.text.push(bracket);
        Ok(())
    }

    /// Closes a variant's array or object and the object that tags it.
    fn close_variant(self, bracket: char) -> Result<(), Unsupported> {
        self.writer.text.push(bracket);
        self.writer.text.push('}');
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut JsonWriter {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, value: bool) -> Result<(), Unsupported> {
        self.text.push_str(if value { "true" } else { "false" });
        Ok(())
    }

    fn serialize_i8(self, value: i8) -> Result<(), Unsupported> {
        self.serialize_i64(value.into())
    }

    fn serialize_i16(self, value: i16) -> Result<(), Unsupported> {
        self.serialize_i64(value.into())
    }

    fn serialize_i32(self, value: i32) -> Result<(), Unsupported> {
        self.serialize_i64(value.into())
    }

    fn serialize_i64(self, value: i64) -> Result<(), Unsupported> {
        self.integer(value)
    }

    fn serialize_i128(self, value: i128) -> Result<(), Unsupported> {
        self.integer(value)
    }

    fn serialize_u8(self, value: u8) -> Result<(), Unsupported> {
        self.serialize_u64(value.into())
    }

    fn serialize_u16(self, value: u16) -> Result<(), Unsupported> {
        self.serialize_u64(value.into())
    }

    fn serialize_u32(self, value: u32) -> Result<(), Unsupported> {
        self.serialize_u64(value.into())
    }

    fn serialize_u64(self, value: u64) -> Result<(), Unsupported> {
        self.integer(value)
    }

    fn serialize_u128(self, value: u128) -> Result<(), Unsupported> {
        self.integer(value)
    }

    /// Refused: no answer holds a float, and float formatting is kilobytes of the module.
    fn serialize_f32(self, _value: f32) -> Result<(), Unsupported> {
        Err(Unsupported)
    }

    /// Refused, as [`Self::serialize_f32`].
    fn serialize_f64(self, _value: f64) -> Result<(), Unsupported> {
        Err(Unsupported)
    }

    fn serialize_char(self, value: char) -> Result<(), Unsupported> {
        self.string(value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, value: &str) -> Result<(), Unsupported> {
        self.string(value);
        Ok(())
    }

    /// An array of numbers, as serde_json writes bytes.
    fn serialize_bytes(self, value: &[u8]) -> Result<(), Unsupported> {
        ser::Serializer::collect_seq(self, value)
    }

    fn serialize_none(self) -> Result<(), Unsupported> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.text.push_str("null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Unsupported> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.text.push('}');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open('['))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open('['))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open('['))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        self.open_variant(variant);
        Ok(self.open('['))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open('{'))
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open('{'))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        self.open_variant(variant);
        Ok(self.open('{'))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.close(']')
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.close(']')
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.close(']')
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.close_variant(']')
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    /// A key as serde_json writes it: a string as is, an integer or a boolean in quotes;
    /// anything else is refused, as serde_json refuses it.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        self.separate();
        let start = self.writer.text.len();
        key.serialize(&mut *self.writer)?;
        let written = self.writer.text.get(start..).unwrap_or_default();
        match written.as_bytes().first() {
            Some(b'"') => {}
            Some(b'-' | b'0'..=b'9' | b't' | b'f') if written != "null" => {
                self.writer.text.insert(start, '"');
                self.writer.text.push('"');
            }
            _ => return Err(Unsupported),
        }
        self.writer.text.push(':');
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.close('}')
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.member(name, value)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.close('}')
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.member(name, value)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.close_variant('}')
    }
}

// ---------------------------------------------------------------------------------------------
// Shapes of the JavaScript API that are not a library type's serde form

/// The JavaScript API's `WorkingDayCount` (the library's [`WorkingDayCount`] names the count
/// `count`; the package's name for it is part of its interface).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "WorkingDayCount"))]
#[serde(rename_all = "camelCase")]
pub(crate) struct WorkingDays {
    /// The count; negative when the range runs backwards.
    pub(crate) working_days: i64,
    /// True when any day counted lies in a provisional or computed year.
    pub(crate) provisional: bool,
}

impl From<WorkingDayCount> for WorkingDays {
    fn from(count: WorkingDayCount) -> WorkingDays {
        WorkingDays {
            working_days: count.count,
            provisional: count.provisional,
        }
    }
}

/// A QR code the scanner read without error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum ScannedCode<'a> {
    /// A QR code whose data is text.
    Text {
        /// The text.
        text: &'a str,
    },
    /// A QR code with data that is not text: Kanji, another character set, GS1, bytes.
    NotText {
        /// Always empty: verifying it gives `not_a_certificate`.
        #[cfg_attr(test, ts(type = "\"\""))]
        text: &'static str,
        /// Why it is not text: a Kanji segment, an ECI other than UTF-8, ISO 8859-1 or ASCII
        /// (`eci` gives it), FNC1 (GS1), or bytes that are not UTF-8 (Shift_JIS, binary).
        #[cfg_attr(test, ts(type = "\"kanji\" | \"eci\" | \"gs1\" | \"bytes\""))]
        data: &'static str,
        /// The ECI designator, for `data: "eci"`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        eci: Option<u32>,
        /// The data as the code holds it, byte by byte (Kanji as Shift_JIS bytes).
        bytes: &'a [u8],
    },
}

impl<'a> From<&'a Code> for ScannedCode<'a> {
    fn from(code: &'a Code) -> ScannedCode<'a> {
        match code {
            Code::NotText { kind, bytes } => ScannedCode::NotText {
                text: "",
                data: kind.name(),
                eci: match kind {
                    NotText::Eci(eci) => Some(*eci),
                    _ => None,
                },
                bytes,
            },
            // Text, or a kind of code this module does not know yet: its text, if any.
            _ => ScannedCode::Text {
                text: code.text().unwrap_or_default(),
            },
        }
    }
}
