//! The JavaScript API (WebAssembly only).
//!
//! This file only converts types: JavaScript values in, library calls, JavaScript values out. No
//! rule lives here. It is also the one place that reads the JavaScript clock, to default "today"
//! to the civil date in Kazakhstan (UTC+5).
//!
//! Structured values cross the boundary as JSON text (`JSON.stringify` on the way in; on the way
//! out the types' serde derives written by the crate's own serializer (`src/json.rs`), then
//! `JSON.parse`). Every answer is byte-identical to the native library's serde_json text (the
//! serializer's tests compare the two), its TypeScript is generated from the same types
//! (`src/wasm-shapes.d.ts`), and serde_json's nesting limit stands between hostile input and the
//! stack. A function throws a JavaScript `Error` only for input unusable as a whole; a verdict (a
//! report, a verification result) is always a return value.
//!
//! Each entry point of the npm package is a module of its own, built with its feature:
//! `wasm-rules` (the rules on the compiled-in tables: what a portal form needs),
//! `wasm-rules-data` (those and `RulesData`, the rules by a data bundle's tables), `wasm-verify`
//! (the verifier and the scanner), `wasm-issue` (the demonstration issuer); the whole package has
//! them all. Each export below names its entry.

// An entry's module leaves some of the shared conversions below unused; the whole package (every
// feature, which clippy checks) uses all of them.
#![cfg_attr(
    not(all(
        feature = "wasm-rules-data",
        feature = "wasm-verify",
        feature = "wasm-issue"
    )),
    allow(dead_code, unused_imports)
)]

#[cfg(feature = "wasm-verify")]
use std::cell::RefCell;

use js_sys::{JSON, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::cert::{self, LoadOptions, PublicKey, Record, SigningKey, VerifyContext};
use crate::data::{DataBundle, DataBundleSummary, Tables};
use crate::date::{Date, KAZAKHSTAN_UTC_OFFSET_SECONDS};
use crate::decimal::decimal;
use crate::i18n::{self, Lang};
use crate::json::{self, ScannedCode, WorkingDays};
use crate::json_reader::Json;
use crate::{calendar, data, json_reader, qr, rules};

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &str = include_str!("wasm.d.ts");

/// The shapes of the answers, generated from the Rust types (src/json/typescript.rs).
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT_SHAPES: &str = include_str!("wasm-shapes.d.ts");

#[cfg(feature = "wasm-verify")]
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT_SCAN: &str = include_str!("wasm-scan.d.ts");

#[wasm_bindgen]
extern "C" {
    /// `CheckOptions` of the TypeScript declarations.
    #[wasm_bindgen(typescript_type = "CheckOptions")]
    pub type CheckOptionsArgument;
    /// `VerifyOptions` of the TypeScript declarations.
    #[wasm_bindgen(typescript_type = "VerifyOptions")]
    pub type VerifyOptionsArgument;
    /// `VerifierOptions` of the TypeScript declarations.
    #[wasm_bindgen(typescript_type = "VerifierOptions")]
    pub type VerifierOptionsArgument;
    /// `LoadOptions` of the TypeScript declarations.
    #[wasm_bindgen(typescript_type = "LoadOptions")]
    pub type LoadOptionsArgument;
    /// `IssueOptions` of the TypeScript declarations.
    #[wasm_bindgen(typescript_type = "IssueOptions")]
    pub type IssueOptionsArgument;
    /// `ScanOptions` of the TypeScript declarations.
    #[wasm_bindgen(typescript_type = "ScanOptions")]
    pub type ScanOptionsArgument;
    /// `Lang` of the TypeScript declarations.
    #[wasm_bindgen(typescript_type = "Lang")]
    pub type LangArgument;
    /// `FormatDateOptions` of the TypeScript declarations.
    #[wasm_bindgen(typescript_type = "FormatDateOptions")]
    pub type FormatDateOptionsArgument;
}

#[cfg(feature = "wasm-verify")]
thread_local! {
    /// The verifier of the deprecated module-wide functions (`loadTrustList`, `verifyCertificate`,
    /// ...), kept for one release for pages written against them; pinned to the root of the first
    /// trust list they load. New code makes its own `Verifier` objects.
    static LEGACY_VERIFIER: RefCell<Option<JsVerifier>> = const { RefCell::new(None) };
}

/// With the `panic-messages` feature, installs a panic hook, so that a bug shows as a readable
/// error on the console rather than `unreachable`.
#[cfg(feature = "panic-messages")]
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

// ---------------------------------------------------------------------------------------------
// Conversions

fn now_unix_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

fn today_in_kazakhstan() -> Date {
    Date::from_unix_seconds(now_unix_seconds(), KAZAKHSTAN_UTC_OFFSET_SECONDS)
}

// The rules' paths build their messages by joining text ([`error_of`], the errors' `message`),
// not by `format!`: with the numbers and dates written by src/decimal.rs, the rules' module then
// holds no `core::fmt` (2.1 KB gzipped of a module with a size target).

/// A JavaScript `Error` with `message`.
fn error(message: &str) -> JsError {
    JsError::new(message)
}

/// A JavaScript `Error` with the message `parts` make, joined.
fn error_of(parts: &[&str]) -> JsError {
    error(&parts.concat())
}

/// A JavaScript `Error` with the message an error's `Display` writes (the verifier's paths).
fn error_from(message: impl std::fmt::Display) -> JsError {
    error_text(&message)
}

/// [`error_from`] once for every type of message.
fn error_text(message: &dyn std::fmt::Display) -> JsError {
    error(&message.to_string())
}

/// The JSON text of a JavaScript value, or `None` for `undefined` and `null`.
fn json_text(value: &JsValue, what: &str) -> Result<Option<String>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let text = JSON::stringify(value)
        .map_err(|_| error_of(&[what, " cannot be read as JSON (a cycle or a BigInt?)"]))?;
    text.as_string()
        .map(Some)
        .ok_or_else(|| error_of(&[what, " cannot be read as JSON (a function or a symbol?)"]))
}

/// A JavaScript value as a JSON value, or `None` for `undefined` and `null`: the text
/// `JSON.stringify` writes for it (so `toJSON`, dropped `undefined` members and `NaN` as `null`
/// are JavaScript's own rules), read by the crate's small reader (`json_reader`) rather than
/// serde_json's parser, which would add about 7 KB gzipped to the module. Numbers come out as
/// serde_json reads the same text, so answers stay byte-identical to the command line's.
fn json_argument(value: &JsValue, what: &str) -> Result<Option<serde_json::Value>, JsError> {
    let Some(text) = json_text(value, what)? else {
        return Ok(None);
    };
    read_json(&text, what).map(|json| Some(json.to_value()))
}

/// JSON text read into the reader's tree, which borrows its strings from `text` (the application,
/// read on every keystroke of a form, is checked from this tree without copying it).
fn read_json<'a>(text: &'a str, what: &str) -> Result<Json<'a>, JsError> {
    let parse_float = |number: &str| Some(js_sys::Number::parse_float(number));
    json_reader::read(text, json_reader::MAX_NESTING, &parse_float).map_err(|reason| match reason {
        json_reader::ReadError::TooDeep => error_of(&[
            what,
            " is nested more than ",
            &decimal(json_reader::MAX_NESTING as u64),
            " levels deep",
        ]),
        json_reader::ReadError::Syntax(_) => error_of(&[what, " cannot be read as JSON"]),
    })
}

/// The members of an options object: `undefined` and `null` give none. Anything but an object, or
/// a member not in `known`, is refused, so that a misspelt option is not silently ignored.
///
/// Options are read by hand rather than by serde's derived readers, whose code and error
/// messages cost the module about 15 KB gzipped.
fn options_argument(value: Option<impl Into<JsValue>>, known: &[&str]) -> Result<Options, JsError> {
    options_of(&value.map_or(JsValue::UNDEFINED, Into::into), known)
}

/// [`options_argument`] once for every type of options (a copy per type cost the rules' module
/// about a kilobyte).
fn options_of(value: &JsValue, known: &[&str]) -> Result<Options, JsError> {
    let Some(text) = json_text(value, "options")? else {
        return Ok(Options::default());
    };
    // Read into the reader's own tree, not a serde_json value, whose map would bring a B-tree into
    // every module that reads options.
    let Json::Object(members) = read_json(&text, "options")? else {
        return Err(error("options must be an object"));
    };
    if let Some((unknown, _)) = members
        .iter()
        .find(|(name, _)| !known.contains(&name.as_ref()))
    {
        let unknown: String = unknown.chars().take(40).collect();
        return Err(error_of(&[
            "unknown option `",
            &unknown,
            "` (known: ",
            &known.join(", "),
            ")",
        ]));
    }
    Ok(Options(
        members
            .into_iter()
            .map(|(name, value)| (name.into_owned(), OptionValue::from(value)))
            .collect(),
    ))
}

/// An option's value, as far as options need one.
enum OptionValue {
    Null,
    Bool(bool),
    String(String),
    Number(serde_json::Number),
    /// An array or an object: no option takes one.
    Other,
}

impl From<Json<'_>> for OptionValue {
    fn from(value: Json<'_>) -> OptionValue {
        match value {
            Json::Null => OptionValue::Null,
            Json::Bool(value) => OptionValue::Bool(value),
            Json::String(text) => OptionValue::String(text.into_owned()),
            Json::Number(number) => OptionValue::Number(number),
            _ => OptionValue::Other,
        }
    }
}

/// The members of an options object (the last of a repeated name counts, as in JavaScript).
#[derive(Default)]
struct Options(Vec<(String, OptionValue)>);

impl Options {
    fn get(&self, name: &str) -> Option<&OptionValue> {
        self.0
            .iter()
            .rev()
            .find(|(member, _)| member == name)
            .map(|(_, value)| value)
    }

    /// A string option; absent and `null` give `None`.
    fn string(&self, name: &str) -> Result<Option<String>, JsError> {
        match self.get(name) {
            None | Some(OptionValue::Null) => Ok(None),
            Some(OptionValue::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(error_of(&["option `", name, "` must be a string"])),
        }
    }

    /// An instant in seconds since 1970: any finite number (a fraction of a second, as
    /// `Date.now() / 1000` gives, is dropped); absent and `null` give `None`.
    fn seconds(&self, name: &str) -> Result<Option<i64>, JsError> {
        match self.get(name) {
            None | Some(OptionValue::Null) => Ok(None),
            Some(value) => match value {
                OptionValue::Number(number) => number.as_f64(),
                _ => None,
            }
            .map(f64::floor)
            .filter(|seconds| seconds.abs() < 9.0e15)
            .map(|seconds| Some(seconds as i64))
            .ok_or_else(|| error_of(&["option `", name, "` must be seconds since 1970"])),
        }
    }

    /// A boolean option; absent and `null` give `None`.
    fn boolean(&self, name: &str) -> Result<Option<bool>, JsError> {
        match self.get(name) {
            None | Some(OptionValue::Null) => Ok(None),
            Some(OptionValue::Bool(value)) => Ok(Some(*value)),
            Some(_) => Err(error_of(&["option `", name, "` must be true or false"])),
        }
    }

    /// A whole-number option; absent and `null` give `None`.
    fn integer(&self, name: &str) -> Result<Option<i64>, JsError> {
        match self.get(name) {
            None | Some(OptionValue::Null) => Ok(None),
            Some(value) => match value {
                OptionValue::Number(number) => number.as_i64(),
                _ => None,
            }
            .map(Some)
            .ok_or_else(|| error_of(&["option `", name, "` must be a whole number"])),
        }
    }
}

/// A value as a JavaScript value, through its JSON text: its serde derives written by the
/// crate's own serializer (src/json.rs), which writes serde_json's text for less code.
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    parse_json(json::to_string(value))
}

/// The JavaScript value of a JSON text (not generic: one copy of the error path).
fn parse_json(text: Result<String, json::Unsupported>) -> Result<JsValue, JsError> {
    text.ok()
        .and_then(|text| JSON::parse(&text).ok())
        .ok_or_else(|| error("internal error: the result is not JSON"))
}

#[cfg(feature = "wasm-verify")]
/// Codes as the API's `ScannedCode` objects.
fn scanned_codes(codes: &[qr::Code]) -> Vec<ScannedCode<'_>> {
    codes.iter().map(ScannedCode::from).collect()
}

fn string_argument(value: &JsValue, what: &str) -> Result<String, JsError> {
    value
        .as_string()
        .ok_or_else(|| error_of(&[what, " must be a string"]))
}

fn bytes_argument(value: &JsValue, what: &str) -> Result<Vec<u8>, JsError> {
    if let Some(array) = value.dyn_ref::<Uint8Array>() {
        Ok(array.to_vec())
    } else if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        Ok(Uint8Array::new(buffer).to_vec())
    } else {
        Err(error_of(&[what, " must be a Uint8Array or an ArrayBuffer"]))
    }
}

fn date_option(text: Option<String>, name: &str) -> Result<Date, JsError> {
    match text {
        None => Ok(today_in_kazakhstan()),
        Some(text) => {
            Date::parse(&text).map_err(|e| error_of(&["option `", name, "`: ", &e.message()]))
        }
    }
}

fn lang_option(text: Option<String>) -> Result<Lang, JsError> {
    match text {
        None => Ok(Lang::default()),
        Some(text) => text
            .parse()
            .map_err(|e: i18n::UnknownLang| error_of(&["option `lang`: ", &e.message()])),
    }
}

#[cfg(feature = "wasm-verify")]
fn with_legacy_verifier<T>(
    f: impl FnOnce(&mut Option<JsVerifier>) -> Result<T, JsError>,
) -> Result<T, JsError> {
    LEGACY_VERIFIER.with(|cell| {
        let mut verifier = cell
            .try_borrow_mut()
            .map_err(|_| error("the verifier is busy"))?;
        f(&mut verifier)
    })
}

#[cfg(feature = "wasm-verify")]
const NO_TRUST_LIST: &str = "no trust list is installed: load one first";

#[cfg(feature = "wasm-verify")]
/// The root public key argument.
fn root_argument(value: &JsValue) -> Result<PublicKey, JsError> {
    PublicKey::from_hex(&string_argument(value, "the root public key")?)
        .map_err(|e| error(&format!("the root public key: {e}")))
}

#[cfg(feature = "wasm-verify")]
/// `{ minIssuedAt?, now? }`: `now` defaults to the device's clock.
fn load_options(options: Option<LoadOptionsArgument>) -> Result<LoadOptions, JsError> {
    let options = options_argument(options.map(JsValue::from), &["minIssuedAt", "now"])?;
    Ok(LoadOptions {
        now_unix_seconds: options.seconds("now")?.unwrap_or_else(now_unix_seconds),
        min_issued_at: options.seconds("minIssuedAt")?,
    })
}

#[cfg(feature = "wasm-verify")]
/// `{ on?, lang?, now? }`: `now` defaults to the device's clock at this call, and `on` to the
/// civil date in Kazakhstan at `now`.
fn verify_context(options: Option<VerifyOptionsArgument>) -> Result<VerifyContext, JsError> {
    let options = options_argument(options.map(JsValue::from), &["on", "lang", "now"])?;
    let now = options.seconds("now")?.unwrap_or_else(now_unix_seconds);
    Ok(VerifyContext {
        checked_on: match options.string("on")? {
            None => Date::from_unix_seconds(now, KAZAKHSTAN_UTC_OFFSET_SECONDS),
            Some(on) => Date::parse(&on).map_err(|e| error_of(&["option `on`: ", &e.message()]))?,
        },
        now_unix_seconds: now,
        lang: lang_option(options.string("lang")?)?,
    })
}

// ---------------------------------------------------------------------------------------------
// Options

// ---------------------------------------------------------------------------------------------
// The rules

#[cfg(feature = "wasm-rules")]
/// `checkApplication` by `tables`: the module-wide function and `RulesData`'s.
fn check_application_by(
    application: &JsValue,
    options: Option<CheckOptionsArgument>,
    tables: &Tables,
) -> Result<JsValue, JsError> {
    let options = options_argument(options, &["today", "lang"])?;
    let today = date_option(options.string("today")?, "today")?;
    let lang = lang_option(options.string("lang")?)?;
    let text = json_text(application, "the application")?
        .ok_or_else(|| error("the application must be a JSON object"))?;
    let application = read_json(&text, "the application")?;
    let report =
        rules::check_tree(&application, today, lang, tables).map_err(|e| error(&e.message()))?;
    to_js(&report)
}

#[cfg(feature = "wasm-rules")]
/// `workingDaysBetween` by `calendar`: the module-wide function and `RulesData`'s.
fn working_days_by(
    from: &JsValue,
    to: &JsValue,
    calendar: calendar::Calendar<'_>,
) -> Result<JsValue, JsError> {
    let parse = |value: &JsValue, what: &str| -> Result<Date, JsError> {
        Date::parse(&string_argument(value, what)?)
            .map_err(|e| error_of(&[what, ": ", &e.message()]))
    };
    let count = calendar.working_days_between(parse(from, "from")?, parse(to, "to")?);
    to_js(&WorkingDays::from(count))
}

#[cfg(feature = "wasm-rules")]
/// Checks an application by the compiled-in tables; see `rules::check_json`.
///
/// # Errors
///
/// Throws when `application` is not a JSON object, or an option is unusable.
#[wasm_bindgen(js_name = checkApplication, unchecked_return_type = "Report")]
pub fn check_application(
    #[wasm_bindgen(unchecked_param_type = "Application")] application: JsValue,
    options: Option<CheckOptionsArgument>,
) -> Result<JsValue, JsError> {
    check_application_by(&application, options, Tables::compiled())
}

#[cfg(feature = "wasm-rules")]
/// Working days D with `from < D <= to` (negative when `to` is before `from`), by the compiled-in
/// calendar.
///
/// # Errors
///
/// Throws when a date is not `YYYY-MM-DD`.
#[wasm_bindgen(js_name = workingDaysBetween, unchecked_return_type = "WorkingDayCount")]
pub fn working_days_between(
    #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] to: JsValue,
) -> Result<JsValue, JsError> {
    working_days_by(&from, &to, calendar::Calendar::compiled())
}

#[cfg(feature = "wasm-rules-data")]
/// The rules with a data bundle's tables: `new RulesData(payload)`, from the payload bytes a
/// `Verifier` checked (`loadDataBundle(...).payload`) or that the caller trusts as its own code.
/// No signature is checked here: the data crosses from a verifier as bytes, so this class needs
/// no signature code. See `data::DataBundle::from_payload`. In `tirkeu/rules-data` and `tirkeu`,
/// not in `tirkeu/rules`: reading and checking a payload's rows is about 12 KB gzipped of the
/// module, which a form on the compiled-in tables does not need.
#[wasm_bindgen(js_name = RulesData)]
pub struct JsRulesData {
    tables: Tables,
    summary: DataBundleSummary,
}

#[cfg(feature = "wasm-rules-data")]
#[wasm_bindgen(js_class = RulesData)]
impl JsRulesData {
    /// Reads and checks a data bundle's payload: every row by the rules of its table, and its
    /// date against the compiled-in tables'.
    ///
    /// # Errors
    ///
    /// Throws when the payload is not bytes, not a data bundle's, breaks a rule of a table (the
    /// message names the row), or is older than the compiled-in tables.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] payload: JsValue,
    ) -> Result<JsRulesData, JsError> {
        let payload = bytes_argument(&payload, "the payload")?;
        let bundle = DataBundle::from_payload(&payload).map_err(error_from)?;
        Ok(JsRulesData {
            summary: bundle.summary(),
            tables: bundle.into_tables(),
        })
    }

    /// `checkApplication` by these tables: the report's `dataVersion` is the bundle's `version`.
    ///
    /// # Errors
    ///
    /// Throws when `application` is not a JSON object, or an option is unusable.
    #[wasm_bindgen(js_name = checkApplication, unchecked_return_type = "Report")]
    pub fn check_application(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Application")] application: JsValue,
        options: Option<CheckOptionsArgument>,
    ) -> Result<JsValue, JsError> {
        check_application_by(&application, options, &self.tables)
    }

    /// `workingDaysBetween` by these tables' calendar.
    ///
    /// # Errors
    ///
    /// Throws when a date is not `YYYY-MM-DD`.
    #[wasm_bindgen(js_name = workingDaysBetween, unchecked_return_type = "WorkingDayCount")]
    pub fn working_days_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] to: JsValue,
    ) -> Result<JsValue, JsError> {
        working_days_by(&from, &to, self.tables.calendar())
    }

    /// These tables' regions (for an address form).
    ///
    /// # Errors
    ///
    /// None in practice; the conversion is fallible in form only.
    #[wasm_bindgen(unchecked_return_type = "Region[]")]
    pub fn regions(&self) -> Result<JsValue, JsError> {
        to_js(self.tables.regions())
    }

    /// The version of these tables (the bundle's `version`), as reports carry it.
    #[wasm_bindgen(js_name = dataVersion)]
    pub fn data_version(&self) -> String {
        self.tables.version().to_owned()
    }

    /// The bundle's summary: version, dates, the calendar years it replaces, its counts of rows.
    ///
    /// # Errors
    ///
    /// None in practice; the conversion is fallible in form only.
    #[wasm_bindgen(unchecked_return_type = "DataBundleSummary")]
    pub fn summary(&self) -> Result<JsValue, JsError> {
        to_js(&self.summary)
    }
}

#[cfg(any(feature = "wasm-rules", feature = "wasm-verify"))]
/// The regions of Kazakhstan (for an address form).
///
/// # Errors
///
/// None in practice; the conversion is fallible in form only.
#[wasm_bindgen(unchecked_return_type = "Region[]")]
pub fn regions() -> Result<JsValue, JsError> {
    to_js(data::regions())
}

#[cfg(any(feature = "wasm-rules", feature = "wasm-verify"))]
/// The ISO 3166-1 countries, ordered by alpha-3 code: the code, the alpha-2 code and the short
/// names in English, Russian and Kazakh (`nameEn`, `nameRu`, `nameKk`).
///
/// # Errors
///
/// None in practice; the conversion is fallible in form only.
#[wasm_bindgen(unchecked_return_type = "Country[]")]
pub fn countries() -> Result<JsValue, JsError> {
    // `{ code, alpha2, nameEn, nameRu, nameKk }` each (serde, src/data/mod.rs).
    to_js(data::countries())
}

#[cfg(any(feature = "wasm-rules", feature = "wasm-verify"))]
/// The stateless person (`XXA`, ICAO Doc 9303), accepted wherever a citizenship is and named like
/// a country: not an ISO 3166-1 country, so not in `countries()` (its `alpha2` is empty).
///
/// # Errors
///
/// None in practice; the conversion is fallible in form only.
#[wasm_bindgen(js_name = statelessPerson, unchecked_return_type = "Country")]
pub fn stateless_person() -> Result<JsValue, JsError> {
    to_js(&data::STATELESS_PERSON)
}

#[cfg(any(feature = "wasm-rules", feature = "wasm-verify"))]
/// Orders two names (of countries, regions, people) as the alphabet of `lang` (default "ru")
/// does: a negative number when `a` comes first, positive when `b` does, 0 for the same text;
/// for `array.sort`. Kazakh in its own alphabet's order (Ұ before Ү, І after Ы), which not every
/// browser's `Intl.Collator` knows. See `i18n::compare_names`.
///
/// # Errors
///
/// Throws when `a` or `b` is not a string, or the language is not kk, ru or en.
#[wasm_bindgen(js_name = compareNames)]
pub fn compare_names(
    #[wasm_bindgen(unchecked_param_type = "string")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] b: JsValue,
    lang: Option<LangArgument>,
) -> Result<i32, JsError> {
    let a = string_argument(&a, "the first name")?;
    let b = string_argument(&b, "the second name")?;
    Ok(crate::i18n::compare_names(&a, &b, lang_argument(lang)?) as i32)
}

/// A language argument: `undefined` and `null` give the default ("ru"); anything but `kk`, `ru` or
/// `en` is refused.
fn lang_argument(lang: Option<LangArgument>) -> Result<Lang, JsError> {
    let lang = lang
        .map(|lang| string_argument(&lang, "the language"))
        .transpose()?;
    lang_option(lang)
}

/// Sets `object[key] = value` on a plain JavaScript object.
fn set_member(object: &js_sys::Object, key: &str, value: &JsValue) -> Result<(), JsError> {
    js_sys::Reflect::set(object, &key.into(), value)
        .map(|_| ())
        .map_err(|_| error("internal error: cannot build the result"))
}

#[cfg(feature = "wasm-rules")]
/// The labels of the application's fields in `lang` (default "ru"), keyed by the paths of the
/// findings; the rows of earlier stays as `previousStays[].entry` with `{n}` for the row's
/// number from 1. See `rules::FIELD_LABELS`.
///
/// # Errors
///
/// Throws when the language is not kk, ru or en.
#[wasm_bindgen(js_name = fieldLabels, unchecked_return_type = "FieldLabels")]
pub fn field_labels(lang: Option<LangArgument>) -> Result<JsValue, JsError> {
    let lang = lang_argument(lang)?;
    let labels = js_sys::Object::new();
    for (path, text) in rules::FIELD_LABELS {
        set_member(&labels, path, &text.get(lang).into())?;
    }
    Ok(labels.into())
}

#[cfg(feature = "wasm-rules")]
/// The label of the field at `path` (a finding's `field`, such as `previousStays[1].exit`) in
/// `lang` (default "ru"), or `null` for a path the form does not have. See `rules::field_label`.
///
/// # Errors
///
/// Throws when the path is not a string or the language is not kk, ru or en.
#[wasm_bindgen(js_name = fieldLabel, unchecked_return_type = "string | null")]
pub fn field_label(
    #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
    lang: Option<LangArgument>,
) -> Result<JsValue, JsError> {
    let path = string_argument(&path, "the path")?;
    Ok(rules::field_label(&path, lang_argument(lang)?).map_or(JsValue::NULL, JsValue::from))
}

#[cfg(any(feature = "wasm-rules", feature = "wasm-verify"))]
/// A date (`YYYY-MM-DD`) as the project writes it in `lang` (default "ru"): "2026 жылғы
/// 19 желтоқсан", "19 декабря 2026 г.", "19 December 2026"; `options.case` puts the Kazakh month
/// name in the case a following word needs ("dative" before "дейін"). See `i18n::format_date_in`.
///
/// # Errors
///
/// Throws when the date is not `YYYY-MM-DD`, the language is not kk, ru or en, or the case is
/// unknown.
#[wasm_bindgen(js_name = formatDate)]
pub fn format_date(
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
    lang: Option<LangArgument>,
    options: Option<FormatDateOptionsArgument>,
) -> Result<String, JsError> {
    let date = Date::parse(&string_argument(&date, "the date")?)
        .map_err(|e| error_of(&["the date: ", &e.message()]))?;
    let lang = lang_argument(lang)?;
    let options = options_argument(options, &["case"])?;
    let case = match options.string("case")? {
        None => i18n::DateCase::Nominative,
        Some(name) => name
            .parse()
            .map_err(|e: i18n::UnknownDateCase| error_of(&["option `case`: ", &e.message()]))?,
    };
    Ok(i18n::format_date_in(date, lang, case))
}

#[cfg(any(feature = "wasm-rules", feature = "wasm-verify"))]
/// A count with its unit in `lang` (default "ru"), in the grammatical number the language needs:
/// `formatCount(3, "days", "ru")` is "3 дня", `formatCount(21, "workingDays", "ru")` "21 рабочий
/// день", `formatCount(17, "age", "kk")` "17 жаста". See `i18n::format_count`.
///
/// # Errors
///
/// Throws when the count is not a whole number, the unit is unknown or the language is not kk,
/// ru or en.
#[wasm_bindgen(js_name = formatCount)]
pub fn format_count(
    #[wasm_bindgen(unchecked_param_type = "number")] count: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CountUnit")] unit: JsValue,
    lang: Option<LangArgument>,
) -> Result<String, JsError> {
    let count = count
        .as_f64()
        .filter(|n| n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0)
        .ok_or_else(|| error("the count must be a whole number"))? as i64;
    let unit = match string_argument(&unit, "the unit")?.as_str() {
        "days" => i18n::Unit::Days,
        "workingDays" => i18n::Unit::WorkingDays,
        "age" => i18n::Unit::Age,
        other => {
            let other: String = other.chars().take(20).collect();
            return Err(error_of(&[
                "unknown unit `",
                &other,
                "` (expected days, workingDays or age)",
            ]));
        }
    };
    Ok(i18n::format_count(count, unit, lang_argument(lang)?))
}

#[cfg(any(feature = "wasm-rules", feature = "wasm-verify"))]
/// The version of the reviewed data tables (calendar, regimes, regions).
#[wasm_bindgen(js_name = dataVersion)]
pub fn data_version() -> String {
    data::DATA_VERSION.to_owned()
}

// ---------------------------------------------------------------------------------------------
// Certificates

#[cfg(feature = "wasm-verify")]
/// A certificate verifier pinned to one root for its whole life: `new Verifier(rootHex)`.
#[wasm_bindgen(js_name = Verifier)]
pub struct JsVerifier {
    verifier: cert::Verifier,
}

#[cfg(feature = "wasm-verify")]
#[wasm_bindgen(js_class = Verifier)]
impl JsVerifier {
    /// A verifier pinned to the root public key (64 hex digits) for its whole life; options:
    /// `{ graceDays? }`, the days after a list's next update during which it still confirms
    /// (default 7).
    ///
    /// # Errors
    ///
    /// Throws when the root key or an option is unusable.
    #[wasm_bindgen(constructor)]
    #[allow(non_snake_case)] // JavaScript sees the parameter names
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "string")] rootPublicKeyHex: JsValue,
        options: Option<VerifierOptionsArgument>,
    ) -> Result<JsVerifier, JsError> {
        let root = root_argument(&rootPublicKeyHex)?;
        let options = options_argument(options.map(JsValue::from), &["graceDays"])?;
        let mut verifier = cert::Verifier::new(root);
        if let Some(days) = options.integer("graceDays")? {
            if !(0..=36_500).contains(&days) {
                return Err(error("option `graceDays` must be 0 to 36500"));
            }
            verifier = verifier.with_grace_seconds(days * 86_400);
        }
        Ok(JsVerifier { verifier })
    }

    /// Checks a trust list against the pinned root and installs it: never one dated more than a
    /// day after `now`, nor before `minIssuedAt`, nor older than (or as old as, with other
    /// bytes) the installed one. The same bytes again return the summary.
    ///
    /// # Errors
    ///
    /// Throws when the list is unusable or refused; the installed lists stay in use.
    #[wasm_bindgen(js_name = loadTrustList, unchecked_return_type = "TrustListSummary")]
    pub fn load_trust_list(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
        options: Option<LoadOptionsArgument>,
    ) -> Result<JsValue, JsError> {
        let bytes = bytes_argument(&bytes, "the trust list")?;
        let options = load_options(options)?;
        to_js(
            &self
                .verifier
                .load_trust_list(&bytes, &options)
                .map_err(error_from)?,
        )
    }

    /// Checks a status list against the installed trust list and installs it, by the rules of
    /// `loadTrustList`.
    ///
    /// # Errors
    ///
    /// Throws when no trust list is installed, or the list is unusable or refused; the
    /// installed list stays in use.
    #[wasm_bindgen(js_name = loadStatusList, unchecked_return_type = "StatusListSummary")]
    pub fn load_status_list(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
        options: Option<LoadOptionsArgument>,
    ) -> Result<JsValue, JsError> {
        let bytes = bytes_argument(&bytes, "the status list")?;
        let options = load_options(options)?;
        to_js(
            &self
                .verifier
                .load_status_list(&bytes, &options)
                .map_err(error_from)?,
        )
    }

    /// Verifies a certificate's QR text against the installed lists; options `{ on?, lang?,
    /// now? }` (`on` defaults to today in Kazakhstan at this call).
    ///
    /// # Errors
    ///
    /// Throws when no trust list is installed, the text is not a string, or an option is
    /// unusable.
    #[wasm_bindgen(unchecked_return_type = "VerificationResult")]
    pub fn verify(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        options: Option<VerifyOptionsArgument>,
    ) -> Result<JsValue, JsError> {
        let text = string_argument(&text, "the QR text")?;
        let context = verify_context(options)?;
        if self.verifier.trust_list().is_none() {
            return Err(error(NO_TRUST_LIST));
        }
        to_js(&self.verifier.verify(&text, &context))
    }

    /// The installed trust list, or `null`.
    ///
    /// # Errors
    ///
    /// None in practice; the conversion is fallible in form only.
    #[wasm_bindgen(js_name = trustList, unchecked_return_type = "TrustListSummary | null")]
    pub fn trust_list(&self) -> Result<JsValue, JsError> {
        to_js(&self.verifier.trust_list().map(cert::TrustList::summary))
    }

    /// The installed status list, or `null`.
    ///
    /// # Errors
    ///
    /// None in practice; the conversion is fallible in form only.
    #[wasm_bindgen(js_name = statusList, unchecked_return_type = "StatusListSummary | null")]
    pub fn status_list(&self) -> Result<JsValue, JsError> {
        to_js(&self.verifier.status_list().map(cert::StatusList::summary))
    }

    /// Checks a data bundle against the installed trust list (a key whose `use` holds `data`)
    /// and installs it, by the rules of `loadTrustList`, and never one older than the
    /// compiled-in tables. Returns `{ payload, summary, kid, demo }`: `new RulesData(payload)`
    /// (in this module or a rules-only one) checks applications by its tables.
    ///
    /// # Errors
    ///
    /// Throws when no trust list is installed, or the bundle is unusable or refused (a row that
    /// breaks a rule of its table is named); the installed bundle stays in use.
    #[wasm_bindgen(js_name = loadDataBundle, unchecked_return_type = "LoadedDataBundle")]
    pub fn load_data_bundle(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
        options: Option<LoadOptionsArgument>,
    ) -> Result<JsValue, JsError> {
        let bytes = bytes_argument(&bytes, "the data bundle")?;
        let options = load_options(options)?;
        self.verifier
            .load_data_bundle(&bytes, &options)
            .map_err(error_from)?;
        self.data_bundle()
    }

    /// The installed data bundle as `loadDataBundle` returned it, or `null`.
    ///
    /// # Errors
    ///
    /// None in practice; the conversion is fallible in form only.
    #[wasm_bindgen(js_name = dataBundle, unchecked_return_type = "LoadedDataBundle | null")]
    pub fn data_bundle(&self) -> Result<JsValue, JsError> {
        let Some(bundle) = self.verifier.data_bundle() else {
            return Ok(JsValue::NULL);
        };
        let result = js_sys::Object::new();
        set_member(&result, "payload", &Uint8Array::from(bundle.payload()))?;
        set_member(&result, "summary", &to_js(&bundle.summary())?)?;
        set_member(&result, "kid", &cert::keys::to_hex(&bundle.kid()).into())?;
        set_member(&result, "demo", &bundle.is_demo().into())?;
        Ok(result.into())
    }
}

#[cfg(feature = "wasm-verify")]
/// @deprecated Use `new Verifier(rootPublicKeyHex).loadTrustList(bytes)`; this module-wide form
/// stays for one release. Checks a trust list against the root and installs it in the
/// module-wide verifier, which the first call pins to its root: a later call with another root
/// is refused.
///
/// # Errors
///
/// Throws when the list or the root key is unusable, or the root is not the pinned one.
#[wasm_bindgen(js_name = loadTrustList, unchecked_return_type = "TrustListSummary")]
#[allow(non_snake_case)] // JavaScript sees the parameter names
pub fn load_trust_list(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] rootPublicKeyHex: JsValue,
) -> Result<JsValue, JsError> {
    let root = root_argument(&rootPublicKeyHex)?;
    with_legacy_verifier(|slot| {
        let verifier = match slot {
            Some(verifier) => verifier,
            None => slot.insert(JsVerifier {
                verifier: cert::Verifier::new(root),
            }),
        };
        if verifier.verifier.root() != root {
            return Err(error(
                "the root public key is not the one this verifier is pinned to",
            ));
        }
        verifier.load_trust_list(bytes, None)
    })
}

#[cfg(feature = "wasm-verify")]
/// @deprecated Use `verifier.loadStatusList(bytes)` of a `Verifier`; this module-wide form stays
/// for one release. Checks a status list against the installed trust list and installs it.
///
/// # Errors
///
/// Throws when no trust list is installed, or the status list is unusable or refused.
#[wasm_bindgen(js_name = loadStatusList, unchecked_return_type = "StatusListSummary")]
pub fn load_status_list(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
) -> Result<JsValue, JsError> {
    with_legacy_verifier(|verifier| {
        let verifier = verifier.as_mut().ok_or_else(|| error(NO_TRUST_LIST))?;
        verifier.load_status_list(bytes, None)
    })
}

#[cfg(feature = "wasm-verify")]
/// @deprecated Use `verifier.trustList()` of a `Verifier`. The module-wide verifier's trust
/// list, or `null`.
///
/// # Errors
///
/// None in practice; the conversion is fallible in form only.
#[wasm_bindgen(js_name = trustListSummary, unchecked_return_type = "TrustListSummary | null")]
pub fn trust_list_summary() -> Result<JsValue, JsError> {
    with_legacy_verifier(|verifier| match verifier {
        Some(verifier) => verifier.trust_list(),
        None => Ok(JsValue::NULL),
    })
}

#[cfg(feature = "wasm-verify")]
/// @deprecated Use `verifier.statusList()` of a `Verifier`. The module-wide verifier's status
/// list, or `null`.
///
/// # Errors
///
/// None in practice; the conversion is fallible in form only.
#[wasm_bindgen(js_name = statusListSummary, unchecked_return_type = "StatusListSummary | null")]
pub fn status_list_summary() -> Result<JsValue, JsError> {
    with_legacy_verifier(|verifier| match verifier {
        Some(verifier) => verifier.status_list(),
        None => Ok(JsValue::NULL),
    })
}

#[cfg(feature = "wasm-verify")]
/// @deprecated Use `verifier.verify(text, options)` of a `Verifier`. Verifies a certificate's
/// QR text against the module-wide verifier's lists.
///
/// # Errors
///
/// Throws when no trust list is installed, the text is not a string, or an option is unusable.
#[wasm_bindgen(js_name = verifyCertificate, unchecked_return_type = "VerificationResult")]
#[allow(non_snake_case)] // JavaScript sees the parameter names
pub fn verify_certificate(
    #[wasm_bindgen(unchecked_param_type = "string")] qrText: JsValue,
    options: Option<VerifyOptionsArgument>,
) -> Result<JsValue, JsError> {
    with_legacy_verifier(|verifier| {
        let verifier = verifier.as_ref().ok_or_else(|| error(NO_TRUST_LIST))?;
        verifier.verify(qrText, options)
    })
}

#[cfg(feature = "wasm-issue")]
/// Signs a record into a certificate's QR text (demonstration and testing; a production page
/// never holds an issuing key).
///
/// # Errors
///
/// Throws when the record or the key is unusable.
#[wasm_bindgen(js_name = issueCertificate)]
#[allow(non_snake_case)] // JavaScript sees the parameter names
pub fn issue_certificate(
    #[wasm_bindgen(unchecked_param_type = "CertificateRecord")] record: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] secretKeyHex: JsValue,
    options: Option<IssueOptionsArgument>,
) -> Result<String, JsError> {
    let record = json_argument(&record, "the record")?
        .ok_or_else(|| error("the record must be an object"))?;
    let record = Record::from_json(&record).map_err(|e| error(&format!("the record: {e}")))?;
    let key = SigningKey::from_hex(&string_argument(&secretKeyHex, "the secret key")?)
        .map_err(|e| error(&format!("the secret key: {e}")))?;
    let options = options_argument(options, &["issuedAt"])?;
    let issued_at = options
        .integer("issuedAt")?
        .unwrap_or_else(now_unix_seconds);
    cert::issue_certificate(&record, &key, issued_at).map_err(error_from)
}

#[cfg(any(feature = "wasm-verify", feature = "wasm-rules"))]
/// The short names of the verification statuses in `lang` (default "ru"), for headlines, table
/// cells and filters: `{ statuses: { valid: "...", ... } }`. In `tirkeu/rules` too, so that a
/// portal's form and its certificate pages name a status with the same words.
///
/// # Errors
///
/// Throws when the language is not kk, ru or en.
#[wasm_bindgen(unchecked_return_type = "Messages")]
pub fn messages(
    // Not `Option<String>`: wasm-bindgen's glue does not type-check a string argument in a release
    // build, and a number there corrupts memory. Every argument arrives as a JsValue and is checked.
    lang: Option<LangArgument>,
) -> Result<JsValue, JsError> {
    let lang = lang_argument(lang)?;
    // Built as JavaScript objects: a serde_json value here would bring its number formatting
    // into the module for nothing.
    let statuses = js_sys::Object::new();
    for status in cert::Status::ALL {
        set_member(&statuses, status.as_str(), &status.label(lang).into())?;
    }
    let result = js_sys::Object::new();
    set_member(&result, "statuses", &statuses)?;
    Ok(result.into())
}

// ---------------------------------------------------------------------------------------------
// QR codes

#[cfg(feature = "wasm-issue")]
/// Renders a text as a QR code (one alphanumeric segment, level Q, 4-module quiet zone) in SVG.
///
/// # Errors
///
/// Throws when the text is not a string or does not fit a QR code.
#[wasm_bindgen(js_name = renderQrSvg)]
pub fn render_qr_svg(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<String, JsError> {
    qr::render_svg(&string_argument(&text, "the text")?).map_err(error_from)
}

#[cfg(feature = "wasm-issue")]
/// The QR code's modules, for drawing on a canvas: `{ version, size, modules }`, where
/// `modules[y * size + x]` is 1 for a dark module. No quiet zone is included.
///
/// # Errors
///
/// Throws when the text is not a string or does not fit a QR code.
#[wasm_bindgen(js_name = qrMatrix, unchecked_return_type = "QrMatrix")]
pub fn qr_matrix(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsError> {
    let code = qr::encode(&string_argument(&text, "the text")?).map_err(error_from)?;
    let size = code.width();
    let modules: Vec<u8> = (0..size * size)
        .map(|i| u8::from(code.is_dark(i % size, i / size)))
        .collect();
    let object = js_sys::Object::new();
    set_member(&object, "version", &JsValue::from(code.version()))?;
    set_member(&object, "size", &JsValue::from(size as u32))?;
    set_member(&object, "modules", &Uint8Array::from(modules.as_slice()))?;
    Ok(object.into())
}

#[cfg(feature = "wasm-verify")]
/// The width, height and RGBA bytes of an `ImageData` or `{ width, height, data }` (the scanner
/// checks that the sizes agree).
fn rgba_image_argument(image: &JsValue) -> Result<(u32, u32, Vec<u8>), JsError> {
    let shape = || error("the image must be an ImageData or { width, height, data }");
    if !image.is_object() {
        return Err(shape());
    }
    let field = |name: &str| js_sys::Reflect::get(image, &name.into()).map_err(|_| shape());
    let dimension = |name: &str| -> Result<u32, JsError> {
        field(name)?
            .as_f64()
            .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
            .map(|n| n as u32)
            .ok_or_else(|| error(&format!("image.{name} must be a whole number of pixels")))
    };
    let (width, height) = (dimension("width")?, dimension("height")?);
    let data = field("data")?;
    let rgba = match data.dyn_ref::<js_sys::Uint8ClampedArray>() {
        Some(clamped) => clamped.to_vec(),
        None => bytes_argument(&data, "image.data")?,
    };
    Ok((width, height, rgba))
}

#[cfg(feature = "wasm-verify")]
/// Every QR text found in an image: an `ImageData` or `{ width, height, data }` with 4 bytes
/// (RGBA) a pixel. `options.effort` is `"thorough"` (default, for photos and files) or `"quick"`
/// (for live camera frames). With `options.codes: true`, every QR code found, text or not, as
/// `ScannedCode` objects (declared with its overloads in wasm.d.ts).
///
/// # Errors
///
/// Throws when the image is not of that shape, its size does not match its data, or it is larger
/// than the scanner accepts.
#[wasm_bindgen(js_name = scanImage, skip_typescript)]
pub fn scan_image(
    image: JsValue,
    options: Option<ScanOptionsArgument>,
) -> Result<JsValue, JsError> {
    let (width, height, rgba) = rgba_image_argument(&image)?;
    let options = options_argument(options, &["effort", "codes"])?;
    let effort = match options.string("effort")?.as_deref() {
        None | Some("thorough") => qr::ScanEffort::Thorough,
        Some("quick") => qr::ScanEffort::Quick,
        Some(other) => {
            return Err(error(&format!(
                "option `effort`: `{other}` is not quick or thorough"
            )));
        }
    };
    let codes = options.boolean("codes")?.unwrap_or(false);
    let found = qr::scan_rgba_codes(width, height, &rgba, effort).map_err(error_from)?;
    if codes {
        to_js(&scanned_codes(&found))
    } else {
        let texts: Vec<String> = found.into_iter().filter_map(qr::Code::into_text).collect();
        to_js(&texts)
    }
}

#[cfg(feature = "wasm-verify")]
/// A camera's frames, scanned one after another: where the last frame's code was is looked at
/// first (cropped at full resolution, with a little more effort), then the whole frame (a frame
/// over 1.3 megapixels at half its size). Each object keeps its own state; frames of another
/// size start afresh. `view(width, height)` names the part of the next frame it reads and the
/// size it wants it at, and `scanView(image)` scans just those pixels: a page draws them from
/// the video itself, so that a full-HD frame never crosses into the module whole.
#[wasm_bindgen(js_name = FrameScanner)]
pub struct FrameScannerObject {
    scanner: qr::FrameScanner,
    /// The view last given by `view`, which `scanView` reads.
    view: Option<qr::FrameView>,
}

#[cfg(feature = "wasm-verify")]
/// `qr::FrameView` as the API's `FrameView` object: the arguments of a canvas's `drawImage`.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct FrameViewObject {
    source_left: u32,
    source_top: u32,
    source_width: u32,
    source_height: u32,
    width: u32,
    height: u32,
}

#[cfg(feature = "wasm-verify")]
#[wasm_bindgen(js_class = FrameScanner)]
impl FrameScannerObject {
    /// A scanner that has seen no frame yet.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)] // a JavaScript constructor
    pub fn new() -> FrameScannerObject {
        FrameScannerObject {
            scanner: qr::FrameScanner::new(),
            view: None,
        }
    }

    /// Every QR code in the frame, an `ImageData` or `{ width, height, data }` with 4 bytes
    /// (RGBA) a pixel, text or not (`ScannedCode`).
    ///
    /// # Errors
    ///
    /// Throws when the image is not of that shape, its size does not match its data, or it is
    /// larger than the scanner accepts; the state is kept.
    #[wasm_bindgen(unchecked_return_type = "ScannedCode[]")]
    pub fn scan(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ImageData | RgbaImage")] image: JsValue,
    ) -> Result<JsValue, JsError> {
        let (width, height, rgba) = rgba_image_argument(&image)?;
        let codes = self
            .scanner
            .scan_rgba_codes(width, height, &rgba)
            .map_err(error_from)?;
        to_js(&scanned_codes(&codes))
    }

    /// The part of the next frame, `width` x `height` pixels, that `scanView` reads, and the size
    /// to draw it at (`sourceLeft`, `sourceTop`, `sourceWidth`, `sourceHeight`, `width`,
    /// `height`: the arguments of `drawImage`, image smoothing off): the whole frame, at half
    /// its size when over 1.3 megapixels, or the region where the last code was.
    #[wasm_bindgen(unchecked_return_type = "FrameView")]
    pub fn view(&mut self, width: u32, height: u32) -> Result<JsValue, JsError> {
        let view = self.scanner.view(width, height);
        self.view = Some(view);
        to_js(&FrameViewObject {
            source_left: view.source.left,
            source_top: view.source.top,
            source_width: view.source.width,
            source_height: view.source.height,
            width: view.width,
            height: view.height,
        })
    }

    /// Every QR code in the pixels of the view last given by `view`, an `ImageData` or
    /// `{ width, height, data }` of the view's size, text or not (`ScannedCode`).
    ///
    /// # Errors
    ///
    /// Throws when no view was asked for, or the image is not of that shape or size; the state
    /// is kept.
    #[wasm_bindgen(js_name = scanView, unchecked_return_type = "ScannedCode[]")]
    pub fn scan_view(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ImageData | RgbaImage")] image: JsValue,
    ) -> Result<JsValue, JsError> {
        let view = self
            .view
            .ok_or_else(|| error("call view(width, height) before scanView(image)"))?;
        let (width, height, rgba) = rgba_image_argument(&image)?;
        if (width, height) != (view.width, view.height) {
            return Err(error(&format!(
                "the image is {width}x{height}, the view {}x{}",
                view.width, view.height
            )));
        }
        let codes = self
            .scanner
            .scan_view_rgba_codes(&view, &rgba)
            .map_err(error_from)?;
        to_js(&scanned_codes(&codes))
    }

    /// Whether the last frame's codes were found in the region carried over from the frames
    /// before it.
    #[wasm_bindgen(getter)]
    pub fn tracked(&self) -> bool {
        self.scanner.tracked()
    }

    /// Forgets where the last code was.
    pub fn reset(&mut self) {
        self.scanner.reset();
        self.view = None;
    }
}

#[cfg(feature = "wasm-verify")]
/// Every QR text in a live camera frame, an `ImageData` or `{ width, height, data }` with 4
/// bytes (RGBA) a pixel, as a new `FrameScanner`'s first frame. It keeps no state between
/// frames, so it cannot look where the last code was.
///
/// @deprecated Use `new FrameScanner()` and its `scan(image)`, which tracks the code.
///
/// # Errors
///
/// Throws when the image is not of that shape, its size does not match its data, or it is larger
/// than the scanner accepts.
#[wasm_bindgen(js_name = scanCameraFrame, unchecked_return_type = "string[]")]
pub fn scan_camera_frame(
    #[wasm_bindgen(unchecked_param_type = "ImageData | RgbaImage")] image: JsValue,
) -> Result<JsValue, JsError> {
    let (width, height, rgba) = rgba_image_argument(&image)?;
    let texts = qr::FrameScanner::new()
        .scan_rgba(width, height, &rgba)
        .map_err(error_from)?;
    to_js(&texts)
}

// ---------------------------------------------------------------------------------------------
// Small helpers for pages

#[cfg(any(feature = "wasm-rules", feature = "wasm-verify"))]
/// Today's date in Kazakhstan (UTC+5) as `YYYY-MM-DD`, from the device clock.
#[wasm_bindgen(js_name = todayInKazakhstan)]
pub fn today_in_kazakhstan_text() -> String {
    today_in_kazakhstan().iso()
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

// ---------------------------------------------------------------------------------------------
// Facts for pages: what the page would otherwise restate (the time zone, the QR code's quiet
// zone, the policy's defaults), given by the crate so that a page holds no copy of them.

/// Kazakhstan's offset from UTC in seconds (UTC+5, one time zone since 2024-03-01), for writing
/// an instant (a list's issue time) as the civil date and time in Kazakhstan.
#[cfg(any(feature = "wasm-rules", feature = "wasm-verify"))]
#[wasm_bindgen(js_name = kazakhstanUtcOffsetSeconds)]
pub fn kazakhstan_utc_offset_seconds() -> i32 {
    KAZAKHSTAN_UTC_OFFSET_SECONDS as i32
}

/// The quiet zone, in modules, that a QR code of a certificate is drawn with on every side (what
/// `renderQrSvg` draws, and what a page drawing `qrMatrix` on a canvas must leave white).
#[cfg(feature = "wasm-issue")]
#[wasm_bindgen(js_name = qrQuietZoneModules)]
pub fn qr_quiet_zone_modules() -> u32 {
    qr::QUIET_ZONE_MODULES
}

/// The policy `checkApplication` uses for every option the application leaves out: what a form
/// shows as the preselected reading.
///
/// # Errors
///
/// None in practice; the conversion is fallible in form only.
#[cfg(feature = "wasm-rules")]
#[wasm_bindgen(js_name = defaultPolicy, unchecked_return_type = "Policy")]
pub fn default_policy() -> Result<JsValue, JsError> {
    to_js(&rules::Policy::default())
}
