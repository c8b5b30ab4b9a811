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
//! on every type the module answers with. Floats are refused (no answer has one): an
//! [`Unsupported`] error, never text that could differ from serde_json's.

use core::fmt::{self, Display};

use serde::Serialize;
use serde::ser;

use crate::calendar::WorkingDayCount;
use crate::decimal;
use crate::qr::{Code, NotText};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod typescript;

/// The JSON text of a value, as `serde_json::to_string` writes it (compact).
///
/// # Errors
///
/// [`Unsupported`] for a float or a map key serde_json would refuse.
///
/// # Panics
///
/// When a `Serialize` impl reports an error of its own (see [`Never`]).
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Unsupported> {
    // Room for a typical report (about 2 KB), so that the text is not copied as it grows.
    let mut writer = JsonWriter {
        text: String::with_capacity(2048),
        after_value: false,
        refused: false,
    };
    let Ok(()) = value.serialize(&mut writer);
    match writer.refused {
        false => Ok(writer.text),
        true => Err(Unsupported),
    }
}

/// What the writer does not write: a float, or a map key that is not a string, an integer or a
/// boolean (serde_json refuses those keys too).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Unsupported;

/// The serializer's error type, which has no value: the writer records what it refuses instead
/// of returning it (`JsonWriter::refused`), so that the compiler knows every `Result` of the
/// derived code to be `Ok` and leaves out the check after each member (measured: 160 bytes
/// gzipped of the rules module, which has a size target).
///
/// The one error it cannot record is a `Serialize` impl's own (`S::Error::custom`): none of the
/// answers' types has one (serde's are for `Mutex`, `RefCell`, `Path` and `SystemTime`), and the
/// tests (json/tests.rs) write every answer natively, where it would panic as here.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Never {}

impl Display for Never {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    #[track_caller]
    fn custom<T: Display>(message: T) -> Self {
        panic!("a Serialize impl failed: {message}")
    }
}

/// Compact JSON text under construction. Values are written in order; the writer puts the commas
/// between the values of an array and between the members of an object. It is its own
/// `SerializeStruct`, `SerializeSeq`, ...: no state is kept per array or object but whether a
/// value precedes, so that each member a derive writes costs two calls, as a writer by hand did.
///
/// Its methods never return an error: what it does not write sets `refused`, which
/// [`to_string`] reports, so the `Result` every derived call checks is always `Ok`.
pub(crate) struct JsonWriter {
    text: String,
    /// Whether a value was written in the current array or object, so the next needs a comma.
    after_value: bool,
    refused: bool,
}

type Done = Result<(), Never>;

// The punctuation is not inlined: written once, called from the serialize function of every
// type, so that each place costs a call rather than a copy of `String::push`.
impl JsonWriter {
    /// Writes a comma when a value precedes in the current array or object, and marks that one
    /// follows.
    #[inline(never)]
    fn start_value(&mut self) {
        if self.after_value {
            self.text.push(',');
        }
        self.after_value = true;
    }

    /// Opens an array or object.
    #[inline(never)]
    fn open(&mut self, bracket: char) -> Result<&mut JsonWriter, Never> {
        self.start_value();
        self.text.push(bracket);
        self.after_value = false;
        Ok(self)
    }

    /// Closes the array or object opened last.
    #[inline(never)]
    fn close(&mut self, bracket: char) -> Done {
        self.text.push(bracket);
        self.after_value = true;
        Ok(())
    }

    /// A member's name (or a variant's tag) and its colon.
    #[inline(never)]
    fn name(&mut self, name: &str) {
        self.start_value();
        self.string(name);
        self.text.push(':');
        self.after_value = false;
    }

    /// `{"variant":` for a variant that carries data, as serde_json tags it.
    fn open_variant(&mut self, variant: &str) {
        // Inside the tagging object: its one member.
        let _ = self.open('{');
        self.name(variant);
    }

    /// Closes a variant's value and the object that tags it.
    fn close_variant(&mut self, bracket: char) -> Done {
        self.text.push(bracket);
        self.close('}')
    }

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

    /// Writes a literal (`null`, `true`, `false`).
    fn literal(&mut self, text: &str) -> Done {
        self.start_value();
        self.text.push_str(text);
        Ok(())
    }

    /// Where an integer is written: the text, after a comma when a value precedes.
    fn number_text(&mut self) -> &mut String {
        self.start_value();
        &mut self.text
    }
}

/// The serializer's narrower integer methods: each writes its value through the method of `i64`
/// or `u64`.
macro_rules! narrower_integers {
    ($($method:ident($type:ty) through $wider:ident;)*) => {$(
        fn $method(self, value: $type) -> Done {
            self.$wider(value.into())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut JsonWriter {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = &'a mut JsonWriter;
    type SerializeTuple = &'a mut JsonWriter;
    type SerializeTupleStruct = &'a mut JsonWriter;
    type SerializeTupleVariant = &'a mut JsonWriter;
    type SerializeMap = &'a mut JsonWriter;
    type SerializeStruct = &'a mut JsonWriter;
    type SerializeStructVariant = &'a mut JsonWriter;

    fn serialize_bool(self, value: bool) -> Done {
        self.literal(if value { "true" } else { "false" })
    }

    narrower_integers! {
        serialize_i8(i8) through serialize_i64;
        serialize_i16(i16) through serialize_i64;
        serialize_i32(i32) through serialize_i64;
        serialize_u8(u8) through serialize_u64;
        serialize_u16(u16) through serialize_u64;
        serialize_u32(u32) through serialize_u64;
    }

    // Integers are written by the crate's digit writer, not core's formatting, which the rules'
    // module would otherwise hold for them alone (src/decimal.rs).
    fn serialize_i64(self, value: i64) -> Done {
        decimal::push_signed(self.number_text(), value);
        Ok(())
    }

    fn serialize_i128(self, value: i128) -> Done {
        decimal::push_i128(self.number_text(), value);
        Ok(())
    }

    fn serialize_u64(self, value: u64) -> Done {
        decimal::push_unsigned(self.number_text(), value);
        Ok(())
    }

    fn serialize_u128(self, value: u128) -> Done {
        decimal::push_u128(self.number_text(), value);
        Ok(())
    }

    /// Refused: no answer holds a float, and float formatting is kilobytes of the module.
    fn serialize_f32(self, _value: f32) -> Done {
        self.refused = true;
        Ok(())
    }

    /// Refused, as [`Self::serialize_f32`].
    fn serialize_f64(self, _value: f64) -> Done {
        self.refused = true;
        Ok(())
    }

    fn serialize_char(self, value: char) -> Done {
        self.serialize_str(value.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, value: &str) -> Done {
        self.start_value();
        self.string(value);
        Ok(())
    }

    /// An array of numbers, as serde_json writes bytes.
    fn serialize_bytes(self, value: &[u8]) -> Done {
        ser::Serializer::collect_seq(self, value)
    }

    fn serialize_none(self) -> Done {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Done {
        self.literal("null")
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Done {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.close('}')
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, Never> {
        self.open('[')
    }

    /// As serde's, without the length hint the text does not need.
    fn collect_seq<I>(self, items: I) -> Done
    where
        I: IntoIterator,
        I::Item: Serialize,
    {
        self.open('[')?;
        for item in items {
            item.serialize(&mut *self)?;
        }
        self.close(']')
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self, Never> {
        self.open('[')
    }

    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self, Never> {
        self.open('[')
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Never> {
        self.open_variant(variant);
        self.open('[')
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self, Never> {
        self.open('{')
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, Never> {
        self.open('{')
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Never> {
        self.open_variant(variant);
        self.open('{')
    }
}

// The compound serializers: each writes its elements or members in order and closes what
// `open` opened (a variant's value also closes the object that tags it).
macro_rules! compound {
    ($($compound:ident :: $element:ident closed by $close:ident($bracket:literal);)*) => {$(
        impl ser::$compound for &mut JsonWriter {
            type Ok = ();
            type Error = Never;

            fn $element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                value.serialize(&mut **self)
            }

            fn end(self) -> Done {
                self.$close($bracket)
            }
        }
    )*};
    ($($(#[$attribute:meta])* $compound:ident closed by $close:ident($bracket:literal);)*) => {$(
        impl ser::$compound for &mut JsonWriter {
            type Ok = ();
            type Error = Never;

            $(#[$attribute])*
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                value: &T,
            ) -> Done {
                self.name(name);
                value.serialize(&mut **self)
            }

            fn end(self) -> Done {
                self.$close($bracket)
            }
        }
    )*};
}

compound! {
    SerializeSeq::serialize_element closed by close(']');
    SerializeTuple::serialize_element closed by close(']');
    SerializeTupleStruct::serialize_field closed by close(']');
    SerializeTupleVariant::serialize_field closed by close_variant(']');
}

compound! {
    // Inlined into each derived serialize: a function a field type would cost more than the
    // call it saves.
    #[inline(always)]
    SerializeStruct closed by close('}');
    SerializeStructVariant closed by close_variant('}');
}

impl ser::SerializeMap for &mut JsonWriter {
    type Ok = ();
    type Error = Never;

    /// A key as serde_json writes it: a string as is, an integer or a boolean in quotes;
    /// anything else is refused, as serde_json refuses it.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        self.start_value();
        self.after_value = false;
        let start = self.text.len();
        key.serialize(&mut **self)?;
        let written = self.text.get(start..).unwrap_or_default();
        match written.as_bytes().first() {
            Some(b'"') => {}
            Some(b'-' | b'0'..=b'9' | b't' | b'f') => {
                self.text.insert(start, '"');
                self.text.push('"');
            }
            _ => self.refused = true,
        }
        self.text.push(':');
        self.after_value = false;
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }

    fn end(self) -> Done {
        self.close('}')
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
