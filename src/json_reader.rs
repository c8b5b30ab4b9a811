//! The module's JSON reader: JSON text (RFC 8259) into a [`Json`] tree, without serde's parser,
//! which costs the WebAssembly module about 7 KB gzipped.
//!
//! The bindings read every JSON argument as the text `JSON.stringify` writes for it, so what
//! arrives is well-formed; the reader is strict all the same and never panics. Values come out
//! as serde_json reads the same text (the tests compare the two through [`Json::to_value`]):
//! integers that fit 64 bits as integers, other numbers as `f64` through `parse_float`
//! (JavaScript's `parseFloat` in the module: correctly rounded, as serde_json's `float_roundtrip`
//! reading natively), duplicate members last one wins. A lone surrogate escape reads as U+FFFD,
//! as the browser itself turns such a string into UTF-8.
//!
//! The tree borrows every string that has no escape from the text, and keeps an object's members
//! in a vector: reading an application allocates about a dozen times instead of about sixty
//! (one `String` per name and value, one `BTreeMap` node per object), which was a fifth of
//! `checkApplication` in the module, whose allocator is built for size.

use std::borrow::Cow;

use serde_json::{Map, Number, Value};

/// A JSON value as read: strings borrowed from the text where they need no unescaping, an
/// object's members in the order of the text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    /// The members as written, duplicates included; [`Json::member`] finds the last one, as
    /// serde_json keeps it.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// The member `name` of an object (the last one of that name); `None` for anything else.
    pub(crate) fn member(&self, name: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(members) => members
                .iter()
                .rev()
                .find(|(member, _)| member == name)
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// The same value as a `serde_json::Value`, owning its strings.
    pub(crate) fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(value) => Value::Bool(*value),
            Json::Number(number) => Value::Number(number.clone()),
            Json::String(text) => Value::String(text.as_ref().to_owned()),
            Json::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(members) => {
                let mut map = Map::new();
                for (name, value) in members {
                    map.insert(name.as_ref().to_owned(), value.to_value());
                }
                Value::Object(map)
            }
        }
    }

    /// A `serde_json::Value` as a tree borrowing its strings (for the native entry points, which
    /// take values that serde has read).
    pub(crate) fn borrow(value: &'a Value) -> Json<'a> {
        match value {
            Value::Null => Json::Null,
            Value::Bool(value) => Json::Bool(*value),
            Value::Number(number) => Json::Number(number.clone()),
            Value::String(text) => Json::String(Cow::Borrowed(text)),
            Value::Array(items) => Json::Array(items.iter().map(Json::borrow).collect()),
            Value::Object(members) => Json::Object(
                members
                    .iter()
                    .map(|(name, value)| (Cow::Borrowed(name.as_str()), Json::borrow(value)))
                    .collect(),
            ),
        }
    }
}

/// serde_json's nesting limit (127 arrays or objects deep), which the command line applies to the
/// same JSON: the module's reader stops at the same depth.
pub(crate) const MAX_NESTING: usize = 127;

/// Why a text was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ReadError {
    /// Not JSON at the byte offset.
    Syntax(usize),
    /// Arrays and objects nest deeper than the limit.
    TooDeep,
}

/// Reads `text` as one JSON value; arrays and objects may nest `max_nesting` deep.
pub(crate) fn read<'a>(
    text: &'a str,
    max_nesting: usize,
    parse_float: &dyn Fn(&str) -> Option<f64>,
) -> Result<Json<'a>, ReadError> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        position: 0,
        parse_float,
    };
    let value = reader.value(max_nesting)?;
    reader.skip_whitespace();
    if reader.position == reader.bytes.len() {
        Ok(value)
    } else {
        Err(reader.syntax())
    }
}

struct Reader<'a, 'f> {
    text: &'a str,
    bytes: &'a [u8],
    position: usize,
    parse_float: &'f dyn Fn(&str) -> Option<f64>,
}

// The helpers a reader calls for every byte are inlined even in the module, which is built for
// size: at `opt-level = "z"` each byte cost a call (they showed in the module's profile).
impl<'a> Reader<'a, '_> {
    fn syntax(&self) -> ReadError {
        ReadError::Syntax(self.position)
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.position).copied()
    }

    #[inline(always)]
    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.position += 1;
        }
    }

    #[inline(always)]
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.position += 1;
        }
        found
    }

    #[inline(always)]
    fn expect(&mut self, byte: u8) -> Result<(), ReadError> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(self.syntax())
        }
    }

    fn literal(&mut self, word: &str, value: Json<'a>) -> Result<Json<'a>, ReadError> {
        let end = self.position + word.len();
        if self.bytes.get(self.position..end) == Some(word.as_bytes()) {
            self.position = end;
            Ok(value)
        } else {
            Err(self.syntax())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, ReadError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => {
                let depth = depth.checked_sub(1).ok_or(ReadError::TooDeep)?;
                self.position += 1;
                let mut members = Vec::new();
                self.skip_whitespace();
                if self.eat(b'}') {
                    return Ok(Json::Object(members));
                }
                loop {
                    self.skip_whitespace();
                    let name = self.string()?;
                    self.skip_whitespace();
                    self.expect(b':')?;
                    let value = self.value(depth)?;
                    members.push((name, value));
                    self.skip_whitespace();
                    if !self.eat(b',') {
                        self.expect(b'}')?;
                        return Ok(Json::Object(members));
                    }
                }
            }
            Some(b'[') => {
                let depth = depth.checked_sub(1).ok_or(ReadError::TooDeep)?;
                self.position += 1;
                let mut items = Vec::new();
                self.skip_whitespace();
                if self.eat(b']') {
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth)?);
                    self.skip_whitespace();
                    if !self.eat(b',') {
                        self.expect(b']')?;
                        return Ok(Json::Array(items));
                    }
                }
            }
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            _ => self.number(),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.position;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.position += 1;
        }
        self.position - start
    }

    fn number(&mut self) -> Result<Json<'a>, ReadError> {
        let start = self.position;
        let negative = self.eat(b'-');
        let first = self.peek();
        let integer_digits = self.digits();
        if integer_digits == 0 || (first == Some(b'0') && integer_digits > 1) {
            return Err(self.syntax());
        }
        let mut integer = true;
        if self.eat(b'.') {
            integer = false;
            if self.digits() == 0 {
                return Err(self.syntax());
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            integer = false;
            self.position += 1;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if self.digits() == 0 {
                return Err(self.syntax());
            }
        }
        let text = self.text.get(start..self.position).ok_or(self.syntax())?;
        if integer {
            // serde_json: a negative integer as i64, another as u64, and beyond 64 bits an f64;
            // `-0` as the f64 -0.0 (found by the json_reader fuzz target).
            if negative {
                if let Ok(value) = text.parse::<i64>()
                    && value != 0
                {
                    return Ok(Json::Number(value.into()));
                }
            } else if let Ok(value) = text.parse::<u64>() {
                return Ok(Json::Number(value.into()));
            }
        }
        (self.parse_float)(text)
            .and_then(Number::from_f64)
            .map(Json::Number)
            .ok_or(ReadError::Syntax(start))
    }

    fn hex4(&mut self) -> Result<u32, ReadError> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|byte| char::from(byte).to_digit(16))
                .ok_or(self.syntax())?;
            value = value * 16 + digit;
            self.position += 1;
        }
        Ok(value)
    }

    /// A string: borrowed from the text when it has no escape, which is nearly always.
    fn string(&mut self) -> Result<Cow<'a, str>, ReadError> {
        self.expect(b'"')?;
        let mut unescaped = String::new();
        loop {
            let start = self.position;
            while matches!(self.peek(), Some(byte) if byte != b'"' && byte != b'\\' && byte >= 0x20)
            {
                self.position += 1;
            }
            // `"`, `\` and control characters are ASCII: the run ends on a character boundary.
            let run = self.text.get(start..self.position).ok_or(self.syntax())?;
            match self.peek() {
                Some(b'"') => {
                    self.position += 1;
                    // An escape always adds a character, so an empty `unescaped` means none.
                    if unescaped.is_empty() {
                        return Ok(Cow::Borrowed(run));
                    }
                    unescaped.push_str(run);
                    return Ok(Cow::Owned(unescaped));
                }
                Some(b'\\') => {
                    unescaped.push_str(run);
                    self.position += 1;
                    let escaped = self.peek().ok_or(self.syntax())?;
                    self.position += 1;
                    let character = match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(self.syntax()),
                    };
                    unescaped.push(character);
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    /// The character of a `\uXXXX` escape (after `\u`), with a following low surrogate escape
    /// when it is a high surrogate.
    fn unicode_escape(&mut self) -> Result<char, ReadError> {
        let unit = self.hex4()?;
        if (0xD800..0xDC00).contains(&unit) {
            let after = self.position;
            if self.bytes.get(after..after + 2) == Some(b"\\u") {
                self.position += 2;
                let low = self.hex4()?;
                if (0xDC00..0xE000).contains(&low) {
                    let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    return Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                }
                // Not a pair: the high surrogate stands alone; read the next escape again.
                self.position = after;
            }
            return Ok(char::REPLACEMENT_CHARACTER);
        }
        Ok(char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(text: &str) -> Result<Value, ReadError> {
        read(text, MAX_NESTING, &|number| number.parse().ok()).map(|json| json.to_value())
    }

    fn assert_as_serde(text: &str) {
        let expected: Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours(text), Ok(expected.clone()), "{text}");
        // Same variant of number too (u64, i64 or f64), which PartialEq does not tell apart.
        assert_eq!(
            serde_json::to_string(&ours(text).unwrap()).unwrap(),
            serde_json::to_string(&expected).unwrap()
        );
    }

    #[test]
    fn reads_as_serde_json_does() {
        // Source: RFC 8259 sections 3-7 (values, objects, arrays, numbers, strings).
        for text in [
            "null",
            " true ",
            "false",
            "0",
            "-0.0",
            "-0",
            "[-0, 0, -0e0]",
            "42",
            "-42",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "1e21",
            "1E-7",
            "0.1",
            "5e-324",
            "1.7976931348623157e308",
            "9223372036854776000",
            r#""""#,
            r#""a\"b\\c\/d\b\f\n\r\t""#,
            r#""\u0041\u0416\u00e9\ud83d\ude00""#,
            r#""Ә Ғ Қ 😀""#,
            "[]",
            "{}",
            r#"{"a": [1, {"b": null}], "a": 2, "c": {"d": "e"}}"#,
            " [ 1 , 2.5 , \"x\" , [ ] , { } ] ",
        ] {
            assert_as_serde(text);
        }
    }

    #[test]
    fn refuses_what_is_not_json() {
        for text in [
            "",
            " ",
            "nul",
            "tru",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "+1",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "{a:1}",
            "\"abc",
            "\"\\x\"",
            "\"\\u12G4\"",
            "\"a\u{1}b\"",
            "[1] x",
            "1e400",
            "{\"a\":}",
            "[",
        ] {
            assert!(ours(text).is_err(), "{text:?}");
            assert!(serde_json::from_str::<Value>(text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn strings_without_escapes_are_borrowed_from_the_text() {
        let text = r#"{"surname": "ӘБІЛ", "note": "a\"b", "n": 1}"#;
        let json = read(text, 8, &|number| number.parse().ok()).unwrap();
        assert!(matches!(
            json.member("surname"),
            Some(Json::String(Cow::Borrowed("ӘБІЛ")))
        ));
        assert!(
            matches!(json.member("note"), Some(Json::String(Cow::Owned(note))) if note == "a\"b")
        );
        assert!(json.member("missing").is_none());
        assert!(Json::Null.member("n").is_none());
    }

    #[test]
    fn the_last_of_duplicate_members_counts_as_in_serde_json() {
        let text = r#"{"a": 1, "b": 2, "a": 3}"#;
        let json = read(text, 8, &|number| number.parse().ok()).unwrap();
        let serde: Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            json.member("a").map(Json::to_value),
            serde.get("a").cloned()
        );
        assert_eq!(json.to_value(), serde);
    }

    #[test]
    fn lone_surrogates_read_as_the_replacement_character() {
        assert_eq!(ours(r#""\ud800""#), Ok(Value::from("\u{fffd}")));
        assert_eq!(ours(r#""\udc00x""#), Ok(Value::from("\u{fffd}x")));
        assert_eq!(ours(r#""\ud800\u0041""#), Ok(Value::from("\u{fffd}A")));
    }

    #[test]
    fn nesting_stops_where_serde_json_stops() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(ours(&nested(127)).is_ok());
        assert!(serde_json::from_str::<Value>(&nested(127)).is_ok());
        assert_eq!(ours(&nested(128)), Err(ReadError::TooDeep));
        assert!(serde_json::from_str::<Value>(&nested(128)).is_err());
        assert_eq!(ours(&nested(100_000)), Err(ReadError::TooDeep));
    }

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..8)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_value_written_by_serde_json_reads_back_the_same(value in json_value()) {
            for text in [serde_json::to_string(&value).unwrap(), serde_json::to_string_pretty(&value).unwrap()] {
                let expected: Value = serde_json::from_str(&text).unwrap();
                prop_assert_eq!(ours(&text), Ok(expected));
            }
        }

        #[test]
        fn a_serde_json_value_borrowed_as_a_tree_is_the_same_value(value in json_value()) {
            let tree = Json::borrow(&value);
            prop_assert_eq!(tree.to_value(), value.clone());
            if let Value::Object(members) = &value {
                for (name, member) in members {
                    prop_assert_eq!(tree.member(name).map(Json::to_value), Some(member.clone()));
                }
            }
        }

        #[test]
        fn any_text_reads_as_serde_json_reads_it_or_both_refuse(text in "[\\[\\]{}\",:0-9.eE+\\-a-z\\\\ ]{0,24}") {
            // Lone surrogate escapes differ on purpose (see the module documentation).
            prop_assume!(!text.contains("\\u"));
            let expected = serde_json::from_str::<Value>(&text).ok();
            prop_assert_eq!(ours(&text).ok(), expected);
        }
    }
}
