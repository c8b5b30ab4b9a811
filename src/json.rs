//! A minimal JSON text writer for the WebAssembly module's answers.
//!
//! The types keep their serde derives (the native API and the command line write JSON with
//! serde_json), but in the module serde's derived serializers, monomorphised for serde_json,
//! cost about 7 KB gzipped. This writer produces the same bytes as `serde_json::to_string` of
//! the same value: members in declaration order, camelCase names, the same omitted members
//! (`skip_serializing_if`), `null` for the other absent values, enums as their serde names, dates
//! as `YYYY-MM-DD`, and serde_json's string escaping. The tests below compare the two on every
//! type, so the package's answers stay byte-identical to the command line's.

use core::fmt::Write as _;

use crate::calendar::WorkingDayCount;
use crate::cert::{
    KeyStatus, KeyUses, Record, Stage, Status, StatusListSummary, StatusYearSummary,
    TrustListSummary, TrustedKeySummary, VerificationResult, Warning,
};
use crate::data::{
    CalendarYearSummary, Confidence, Country, DataBundleSummary, Regime, Region, RegionKind,
};
use crate::date::Date;
use crate::i18n::Lang;
use crate::rules::{
    Deadline, DeadlineCounting, DeadlineState, Finding, FindingCode, LimitedBy, Obligation,
    ObligationCode, ObligationKind, Policy, ReRegistrationCounting, Report, Severity, StayLimit,
};

/// A value that can write itself as JSON text.
pub(crate) trait WriteJson {
    /// Writes the value as one JSON value.
    fn write_json(&self, out: &mut JsonWriter);
}

/// The JSON text of a value, as `serde_json::to_string` writes it (compact).
pub(crate) fn to_string<T: WriteJson + ?Sized>(value: &T) -> String {
    // Room for a typical report (about 2 KB), so that the text is not copied as it grows.
    let mut out = JsonWriter {
        text: String::with_capacity(2048),
        ..JsonWriter::default()
    };
    value.write_json(&mut out);
    out.text
}

/// Compact JSON text under construction. Values are written in order; the writer puts the commas
/// between the values of an array and between the members of an object.
#[derive(Default)]
pub(crate) struct JsonWriter {
    text: String,
    /// Whether a value was written in the current array or object, so the next needs a comma.
    after_value: bool,
}

impl JsonWriter {
    /// Writes a comma when a value precedes in the current array or object, and marks that one
    /// follows.
    fn start_value(&mut self) {
        if self.after_value {
            self.text.push(',');
        }
        self.after_value = true;
    }

    fn begin(&mut self, bracket: char) {
        self.start_value();
        self.text.push(bracket);
        self.after_value = false;
    }

    fn end(&mut self, bracket: char) {
        self.text.push(bracket);
        self.after_value = true;
    }

    /// Opens an object; [`Self::member`] writes its members, [`Self::end_object`] closes it.
    pub(crate) fn begin_object(&mut self) {
        self.begin('{');
    }

    /// Closes the object opened last.
    pub(crate) fn end_object(&mut self) {
        self.end('}');
    }

    /// Writes a member name; `name` is a plain camelCase identifier, written without escaping.
    fn name(&mut self, name: &str) {
        self.start_value();
        self.text.push('"');
        self.text.push_str(name);
        self.text.push_str("\":");
        self.after_value = false;
    }

    /// Writes a member (an absent `Option` as `null`, as serde does without
    /// `skip_serializing_if`).
    pub(crate) fn member<T: WriteJson + ?Sized>(&mut self, name: &str, value: &T) {
        self.name(name);
        value.write_json(self);
    }

    /// Writes a member only when it is present (`skip_serializing_if = "Option::is_none"`).
    pub(crate) fn member_if_some<T: WriteJson>(&mut self, name: &str, value: &Option<T>) {
        if let Some(value) = value {
            self.member(name, value);
        }
    }

    /// Writes `null`.
    pub(crate) fn null(&mut self) {
        self.start_value();
        self.text.push_str("null");
    }

    /// Writes `true` or `false`.
    pub(crate) fn boolean(&mut self, value: bool) {
        self.start_value();
        self.text.push_str(if value { "true" } else { "false" });
    }

    /// Writes an integer in decimal.
    pub(crate) fn integer(&mut self, value: impl core::fmt::Display) {
        self.start_value();
        // Writing into a String cannot fail.
        let _ = write!(self.text, "{value}");
    }

    /// Writes a string with serde_json's escaping: `"` and `\` by a backslash, the control
    /// characters U+0000 to U+001F as `\b` `\t` `\n` `\f` `\r` or `\u00xx` (lower-case hex), and
    /// everything else (including U+007F and all non-ASCII) as is.
    pub(crate) fn string(&mut self, text: &str) {
        self.start_value();
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

    /// Writes an array of the items.
    pub(crate) fn array<T: WriteJson>(&mut self, items: &[T]) {
        self.begin('[');
        for item in items {
            item.write_json(self);
        }
        self.end(']');
    }
}

// ---------------------------------------------------------------------------------------------
// Building blocks

impl WriteJson for bool {
    fn write_json(&self, out: &mut JsonWriter) {
        out.boolean(*self);
    }
}

macro_rules! integers {
    ($($type:ty),*) => {$(
        impl WriteJson for $type {
            fn write_json(&self, out: &mut JsonWriter) {
                out.integer(*self);
            }
        }
    )*};
}
integers!(i32, i64, u32, u64);

impl WriteJson for str {
    fn write_json(&self, out: &mut JsonWriter) {
        out.string(self);
    }
}

impl WriteJson for String {
    fn write_json(&self, out: &mut JsonWriter) {
        out.string(self);
    }
}

impl<T: WriteJson + ?Sized> WriteJson for &T {
    fn write_json(&self, out: &mut JsonWriter) {
        (**self).write_json(out);
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    fn write_json(&self, out: &mut JsonWriter) {
        match self {
            Some(value) => value.write_json(out),
            None => out.null(),
        }
    }
}

impl<T: WriteJson> WriteJson for [T] {
    fn write_json(&self, out: &mut JsonWriter) {
        out.array(self);
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write_json(&self, out: &mut JsonWriter) {
        out.array(self);
    }
}

/// `YYYY-MM-DD` (serde: `collect_str` of the `Display`).
impl WriteJson for Date {
    fn write_json(&self, out: &mut JsonWriter) {
        out.start_value();
        let _ = write!(out.text, "\"{self}\"");
    }
}

/// Enums written as their serde names, which their `as_str` returns (the tests check every
/// variant).
macro_rules! names {
    ($($type:ty => $method:ident),* $(,)?) => {$(
        impl WriteJson for $type {
            fn write_json(&self, out: &mut JsonWriter) {
                out.string(self.$method());
            }
        }
    )*};
}
names!(
    Lang => tag,
    Severity => as_str,
    FindingCode => as_str,
    ObligationCode => as_str,
    ObligationKind => as_str,
    DeadlineState => as_str,
    LimitedBy => as_str,
    DeadlineCounting => as_str,
    ReRegistrationCounting => as_str,
    Regime => as_str,
    Confidence => as_str,
    RegionKind => as_str,
    Status => as_str,
    Stage => as_str,
    KeyStatus => as_str,
);

// ---------------------------------------------------------------------------------------------
// The rules (src/rules/report.rs)

impl WriteJson for Report {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("ok", &self.ok);
        out.member("checkedOn", &self.checked_on);
        out.member("lang", &self.lang);
        out.member("obligation", &self.obligation);
        out.member("deadline", &self.deadline);
        out.member("reRegistration", &self.re_registration);
        out.member("stay", &self.stay);
        out.member("findings", &self.findings);
        out.member("policy", &self.policy);
        out.member("dataVersion", &self.data_version);
        out.end_object();
    }
}

impl WriteJson for Finding {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("code", &self.code);
        out.member("severity", &self.severity);
        out.member_if_some("field", &self.field);
        out.member("message", &self.message);
        out.member("basis", &self.basis);
        out.member("basisRefs", &self.basis_refs);
        out.end_object();
    }
}

impl WriteJson for Obligation {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("kind", &self.kind);
        out.member("code", &self.code);
        out.member("message", &self.message);
        out.member("basis", &self.basis);
        out.member("basisRefs", &self.basis_refs);
        out.end_object();
    }
}

impl WriteJson for Deadline {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("registerBy", &self.register_by);
        out.member("outerBound", &self.outer_bound);
        out.member("daysLeft", &self.days_left);
        out.member("state", &self.state);
        out.member("provisional", &self.provisional);
        out.member_if_some("workingDaysLeft", &self.working_days_left);
        out.member_if_some("effectiveBy", &self.effective_by);
        out.end_object();
    }
}

impl WriteJson for StayLimit {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("regime", &self.regime);
        out.member("daysPerEntry", &self.days_per_entry);
        out.member("daysInWindow", &self.days_in_window);
        out.member("windowDays", &self.window_days);
        out.member("daysUsed", &self.days_used);
        out.member("lastAllowedDay", &self.last_allowed_day);
        out.member("overstayDays", &self.overstay_days);
        out.member("confidence", &self.confidence);
        out.member("limitedBy", &self.limited_by);
        out.member("basis", &self.basis);
        out.member("basisRefs", &self.basis_refs);
        out.member("source", &self.source);
        out.end_object();
    }
}

impl WriteJson for Policy {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("deadlineCounting", &self.deadline_counting);
        out.member("reRegistrationCounting", &self.re_registration_counting);
        out.member("under16Exempt", &self.under16_exempt);
        out.member("diplomaticExempt", &self.diplomatic_exempt);
        out.end_object();
    }
}

// ---------------------------------------------------------------------------------------------
// Certificates (src/cert/verify.rs, record.rs, trust.rs, status.rs)

impl WriteJson for VerificationResult {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("status", &self.status);
        out.member("stage", &self.stage);
        out.member("record", &self.record);
        out.member("kid", &self.kid);
        out.member("keyName", &self.key_name);
        out.member("issuedAt", &self.issued_at);
        out.member("issuedAtUnix", &self.issued_at_unix);
        out.member("checkedOn", &self.checked_on);
        out.member("daysRemaining", &self.days_remaining);
        out.member("demo", &self.demo);
        out.member("warnings", &self.warnings);
        out.member("message", &self.message);
        out.member("detail", &self.detail);
        out.end_object();
    }
}

impl WriteJson for Warning {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("code", self.code);
        out.member("message", &self.message);
        out.member_if_some("ageDays", &self.age_days);
        out.member_if_some("listIssuedAt", &self.list_issued_at);
        out.end_object();
    }
}

impl WriteJson for Record {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("applicationNumber", &self.application_number);
        out.member("surname", &self.surname);
        out.member("givenNames", &self.given_names);
        out.member_if_some("patronymic", &self.patronymic);
        out.member("passport", &self.passport);
        out.member("citizenship", &self.citizenship);
        out.member("address", &self.address);
        out.member("region", &self.region);
        out.member("stayFrom", &self.stay_from);
        out.member("stayTo", &self.stay_to);
        out.member("hostId", &self.host_id);
        out.member("hostName", &self.host_name);
        out.end_object();
    }
}

impl WriteJson for TrustListSummary {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("version", &self.version);
        out.member("iat", &self.iat);
        out.member("next", &self.next);
        out.member("rootKid", &self.root_kid);
        out.member("keys", &self.keys);
        out.end_object();
    }
}

impl WriteJson for TrustedKeySummary {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("kid", &self.kid);
        out.member("name", &self.name);
        out.member("from", &self.from);
        out.member("until", &self.until);
        out.member("status", &self.status);
        out.member("use", &self.uses);
        out.member("demo", &self.demo);
        out.member("publicKey", &self.public_key);
        out.end_object();
    }
}

impl WriteJson for StatusListSummary {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("version", &self.version);
        out.member("iat", &self.iat);
        out.member("next", &self.next);
        out.member("kid", &self.kid);
        out.member("demo", &self.demo);
        out.member("lists", &self.lists);
        out.end_object();
    }
}

/// A key's `use`: an array of its words.
impl WriteJson for KeyUses {
    fn write_json(&self, out: &mut JsonWriter) {
        out.array(&self.words());
    }
}

impl WriteJson for StatusYearSummary {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("year", &self.year);
        out.member("size", &self.size);
        out.member("revoked", &self.revoked);
        out.end_object();
    }
}

// ---------------------------------------------------------------------------------------------
// Tables and the calendar (the JavaScript API's `Region`, `Country` and `WorkingDayCount`)

impl WriteJson for Region {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("code", &*self.code);
        out.member("nameEn", &*self.name_en);
        out.member("nameRu", &*self.name_ru);
        out.member("nameKk", &*self.name_kk);
        out.member("kind", &self.kind);
        out.end_object();
    }
}

impl WriteJson for DataBundleSummary {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("version", &self.version);
        out.member("iat", &self.iat);
        out.member("next", &self.next);
        out.member("calendar", &self.calendar);
        out.member("regimes", &self.regimes);
        out.member("regions", &self.regions);
        out.end_object();
    }
}

impl WriteJson for CalendarYearSummary {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("year", &self.year);
        out.member("rows", &self.rows);
        out.member("provisional", &self.provisional);
        out.end_object();
    }
}

/// The JavaScript API's `Country`: `{ code, alpha2, nameEn }` (the type has no serde form of its
/// own).
impl WriteJson for Country {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("code", self.alpha3);
        out.member("alpha2", self.alpha2);
        out.member("nameEn", self.name_en);
        out.end_object();
    }
}

/// The JavaScript API's `WorkingDayCount`: `{ workingDays, provisional }`. (The native type's
/// serde form names the count `count`; the JavaScript name is part of the package's interface.)
pub(crate) struct WorkingDays(pub(crate) WorkingDayCount);

impl WriteJson for WorkingDays {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.member("workingDays", &self.0.count);
        out.member("provisional", &self.0.provisional);
        out.end_object();
    }
}

#[cfg(test)]
mod tests {
    //! The writer against `serde_json::to_string` on every type the module answers with, over
    //! the variety of the parity corpus (tests/parity_corpus.rs): the JavaScript API promises the
    //! command line's JSON byte for byte (interfaces.md, "the same JSON natively and in the
    //! package").

    use std::collections::BTreeSet;

    use serde::Serialize;
    use serde_json::{Value, json};

    use super::*;
    use crate::cert::{
        KeyStatus, LoadOptions, StatusListSpec, TrustListSpec, TrustedKeySpec, Verifier,
        VerifyContext, base45, build_status_list, build_trust_list, cose, deflate,
        issue_certificate, qr_text_from_cose,
    };
    use crate::cert::{SigningKey, claims::Claims};
    use crate::data::{NonWorkingDayKind, RowStatus};
    use crate::rules::check_json;

    /// The writer's text equals serde_json's, and is returned for further checks.
    #[track_caller]
    fn same<T: WriteJson + Serialize + ?Sized>(value: &T) -> String {
        let ours = to_string(value);
        let serde = serde_json::to_string(value).unwrap();
        assert_eq!(ours, serde);
        ours
    }

    // -----------------------------------------------------------------------------------------
    // Names and scalars

    /// Every variant of an enum, with a match that stops compiling when a variant is added, so
    /// the list cannot fall behind the enum.
    macro_rules! every {
        ($type:ident: $($variant:ident),* $(,)?) => {{
            let check = |value: $type| match value { $($type::$variant)|* => {} };
            let all = [$($type::$variant),*];
            all.iter().copied().for_each(check);
            all
        }};
    }

    #[track_caller]
    fn names_match<T: WriteJson + Serialize>(values: impl IntoIterator<Item = T>) {
        for value in values {
            let ours = same(&value);
            assert!(ours.starts_with('"'), "{ours} is not a string");
        }
    }

    #[test]
    fn every_enum_is_written_as_its_serde_name() {
        names_match(every!(Lang: Kk, Ru, En));
        names_match(every!(Severity: Error, Warning, Info));
        names_match(FindingCode::ALL.iter().copied());
        names_match(ObligationCode::ALL.iter().copied());
        names_match(every!(ObligationKind: MustRegister, NotRequired, Exempt, NotCovered));
        names_match(every!(DeadlineState: Open, DueToday, Missed, NotApplicable));
        names_match(every!(LimitedBy: Regime, LabourContract));
        names_match(every!(DeadlineCounting: EntryDayIsDayOne, CivilCode));
        names_match(every!(ReRegistrationCounting: NextWorkingDayIsDayOne, EventDayCounts));
        names_match(every!(Regime: VisaFree90, VisaFree30, VisaFree14, VisaRequired));
        names_match(every!(Confidence: Low, Medium, High));
        names_match(every!(RegionKind: City, Region));
        names_match(Status::ALL);
        names_match(every!(Stage: Base45, Zlib, Cose, Claims, Record));
        names_match(every!(KeyStatus: Active, Retired, Revoked));
        for uses in [
            KeyUses::NONE,
            KeyUses::CERT,
            KeyUses::STATUS,
            KeyUses::DATA,
            KeyUses::CERT_AND_STATUS,
            KeyUses::CERT_AND_STATUS.with(crate::cert::KeyUse::Data),
        ] {
            same(&uses);
        }
    }

    /// The name serde writes for an enum value.
    fn serde_name<T: Serialize>(value: &T) -> String {
        match serde_json::to_value(value).unwrap() {
            Value::String(name) => name,
            other => panic!("{other} is not a name"),
        }
    }

    #[test]
    fn the_as_str_methods_are_the_serde_names() {
        // The names are part of interfaces.md and the methods are public, so they are checked
        // directly as well as through the writer.
        macro_rules! check {
            ($type:ident: $($variant:ident),* $(,)?) => {
                for value in every!($type: $($variant),*) {
                    assert_eq!(serde_name(&value), value.as_str());
                }
            };
        }
        check!(Severity: Error, Warning, Info);
        check!(ObligationKind: MustRegister, NotRequired, Exempt, NotCovered);
        check!(DeadlineState: Open, DueToday, Missed, NotApplicable);
        check!(LimitedBy: Regime, LabourContract);
        check!(DeadlineCounting: EntryDayIsDayOne, CivilCode);
        check!(ReRegistrationCounting: NextWorkingDayIsDayOne, EventDayCounts);
        check!(Confidence: Low, Medium, High);
        check!(RegionKind: City, Region);
        check!(NonWorkingDayKind: Holiday, FixedDayOff, Transfer, WorkingWeekend);
        check!(RowStatus: Official, Provisional);
        check!(Stage: Base45, Zlib, Cose, Claims, Record);
        check!(Regime: VisaFree90, VisaFree30, VisaFree14, VisaRequired);
        check!(KeyStatus: Active, Retired, Revoked);
        for status in Status::ALL {
            assert_eq!(serde_name(&status), status.as_str());
        }
        for lang in Lang::ALL {
            assert_eq!(serde_name(&lang), lang.tag());
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        // RFC 8259 section 7 allows several spellings; serde_json's is the one the command line
        // writes: short escapes where JSON has them, \u00xx in lower case for the other controls.
        let every_ascii: String = (0u8..=0x7f).map(char::from).collect();
        let texts = [
            String::new(),
            every_ascii,
            "\"quoted\" \\back\\slashed\\ /solidus/".into(),
            "ӘБІЛҚАСЫМОВА Ғалия, ТОО «Өнер-Құрылыс»".into(),
            "astral: 𝔸 😀 𠜎, combining: И\u{306}".into(),
            "separators \u{2028} \u{2029}, DEL \u{7f}, NEL \u{85}, BOM \u{feff}, max \u{10ffff}"
                .into(),
        ];
        for text in &texts {
            same(text);
            same(text.as_str());
        }
        assert_eq!(to_string("\u{1f}\u{0}\u{b}"), r#""\u001f\u0000\u000b""#);
        same(&texts.to_vec());
        same(&Vec::<String>::new());
        same(&Some("x".to_owned()));
        same(&None::<String>);
    }

    proptest::proptest! {
        /// The run-copying escaper on any text, escapes anywhere in it.
        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(text in "(\\PC|[\\x00-\\x1f\"\\\\])*") {
            same(&text);
        }
    }

    #[test]
    fn integers_and_booleans_are_written_as_serde_json_writes_them() {
        for value in [i64::MIN, -1, 0, 1, 42, i64::MAX] {
            same(&value);
            same(&Some(value));
        }
        for value in [0, u64::MAX] {
            same(&value);
        }
        for value in [i32::MIN, 2026, i32::MAX] {
            same(&value);
        }
        for value in [0, u32::MAX] {
            same(&value);
        }
        same(&true);
        same(&false);
        same(&vec![Some(true), None]);
    }

    #[test]
    fn dates_are_written_as_yyyy_mm_dd() {
        for text in ["2026-07-01", "0001-01-01", "9999-12-31", "2028-02-29"] {
            let date: Date = text.parse().unwrap();
            assert_eq!(same(&date), format!("\"{text}\""));
        }
    }

    // -----------------------------------------------------------------------------------------
    // Reports

    /// Sets the value at a dotted path (`None` removes it).
    fn with(mut application: Value, path: &str, value: Option<Value>) -> Value {
        let (parents, last) = path.rsplit_once('.').map_or(("", path), |split| split);
        let mut node = &mut application;
        for key in parents.split('.').filter(|key| !key.is_empty()) {
            node = &mut node[key];
        }
        let object = node.as_object_mut().unwrap();
        match value {
            Some(value) => object.insert(last.to_owned(), value),
            None => object.remove(last),
        };
        application
    }

    /// The applications of the parity corpus' kind: the sample of interfaces.md and variants
    /// reaching every obligation, deadline state, stay limit, policy and many findings.
    fn applications() -> Vec<Value> {
        let base: Value =
            serde_json::from_str(include_str!("../tests/fixtures/application.json")).unwrap();
        let variants: Vec<(&str, Option<Value>)> = vec![
            ("immigrant.surname", None),
            ("immigrant.surname", Some(json!(""))),
            ("immigrant.surname", Some(json!("R2-D2\n\t\"\\"))),
            ("immigrant.surname", Some(json!("И\u{0306}ВАНОВ"))),
            ("immigrant.givenNames", Some(json!(42))),
            ("immigrant.givenNames", Some(json!(-2.5e-7))),
            (
                "immigrant.givenNames",
                Some(json!([1, [2.5, {"a": null}], true])),
            ),
            ("immigrant.birthDate", Some(json!("2026-02-30"))),
            ("immigrant.birthDate", Some(json!("2015-01-01"))),
            ("immigrant.birthDate", Some(json!("1890-01-01"))),
            ("immigrant.citizenship", Some(json!("KAZ"))),
            ("immigrant.citizenship", Some(json!("XXX"))),
            ("immigrant.citizenship", Some(json!("XXA"))),
            ("immigrant.citizenship", Some(json!("CHE"))),
            ("immigrant.citizenship", Some(json!("IND"))),
            ("immigrant.citizenship", Some(json!("GEO"))),
            ("immigrant.citizenship", Some(json!("TKM"))),
            ("immigrant.citizenship", Some(json!("KGZ"))),
            ("immigrant.passport.number", Some(json!("12 34"))),
            ("immigrant.passport.kind", Some(json!("diplomatic"))),
            ("immigrant.passport.kind", Some(json!("service"))),
            ("immigrant.passport.kind", Some(json!("secret"))),
            ("immigrant.passport.expiresOn", Some(json!("2026-06-01"))),
            ("immigrant.passport.expiresOn", Some(json!("2026-08-01"))),
            ("entry.date", Some(json!("2026-06-20"))),
            ("entry.date", Some(json!("2026-08-01"))),
            ("entry.date", Some(json!("2026-09-26"))),
            ("entry.date", Some(json!("2025-01-01"))),
            ("entry.date", None),
            ("entry.purpose", Some(json!("work"))),
            ("entry.contractUntil", Some(json!("2027-06-30"))),
            ("previousStays", Some(json!([]))),
            (
                "previousStays",
                Some(json!([
                    {"entry": "2026-01-10", "exit": "2026-02-08"},
                    {"entry": "2026-02-15", "exit": "2026-03-16"},
                    {"entry": "2026-03-25", "exit": "2026-04-23"}
                ])),
            ),
            (
                "previousStays",
                Some(json!([{"entry": "2026-03-01", "exit": "2026-02-01"}])),
            ),
            ("previousStays", Some(json!("none"))),
            ("host.id", Some(json!("900515300128"))),
            ("host.id", Some(json!("010229500456"))),
            ("host.id", Some(json!("150101500123"))),
            ("host.kind", Some(json!("organization"))),
            ("host.name", Some(json!("ТОО «Kaspi 2»"))),
            ("address.region", Some(json!("XYZ"))),
            ("address.premises", Some(json!("office"))),
            ("address.apartment", None),
            ("address.street", Some(json!("  "))),
            ("stay.to", Some(json!("2026-12-31"))),
            ("stay.from", Some(json!("2026-06-01"))),
            ("stay.to", Some(json!("2026-07-20"))),
            ("stay.to", Some(json!("2026-07-05"))),
            ("addressChange", Some(json!({"movedOn": "2026-07-03"}))),
            ("addressChange", Some(json!({"movedOn": "2026-07-10"}))),
            ("addressChange", Some(json!({"movedOn": "2026-12-31"}))),
            ("addressChange", Some(json!({"movedOn": "yesterday"}))),
            ("policy", Some(json!({"deadlineCounting": "civil_code"}))),
            (
                "policy",
                Some(json!({"reRegistrationCounting": "event_day_counts"})),
            ),
            (
                "policy",
                Some(json!({"under16Exempt": true, "diplomaticExempt": false})),
            ),
            ("policy", Some(json!({"deadlineCounting": "whenever"}))),
            ("immigrant", Some(json!([]))),
        ];
        let mut applications = vec![base.clone(), json!({})];
        for (path, value) in variants {
            applications.push(with(base.clone(), path, value));
        }
        // EAEU workers: a labour contract that ends after the 90/180 day (it binds) and one that
        // ends before it (the regime binds) (Treaty on the EAEU art. 97(8)).
        let worker = with(base.clone(), "immigrant.citizenship", Some(json!("KGZ")));
        let worker = with(worker, "entry.purpose", Some(json!("work")));
        for until in ["2027-06-30", "2026-08-01"] {
            applications.push(with(
                worker.clone(),
                "entry.contractUntil",
                Some(json!(until)),
            ));
        }
        // Before the Order came into force: an entry and a move whose deadlines are not judged.
        let early = with(base.clone(), "entry.date", Some(json!("2026-06-01")));
        let early = with(early, "stay.from", Some(json!("2026-06-10")));
        applications.push(with(
            early,
            "addressChange",
            Some(json!({"movedOn": "2026-06-10"})),
        ));
        applications
    }

    #[test]
    fn reports_are_written_as_serde_writes_them() {
        let mut seen = BTreeSet::new();
        let mut count = 0;
        for (i, application) in applications().iter().enumerate() {
            // Every application in every language, on dates inside the deadline, on its last
            // day (entry 2026-07-01 + 29) and after it.
            for (j, today) in ["2026-07-15", "2026-07-30", "2026-08-20"]
                .iter()
                .enumerate()
            {
                let lang = Lang::ALL[(i + j) % 3];
                let report = check_json(application, today.parse().unwrap(), lang).unwrap();
                let text = same(&report);
                count += 1;
                let value: Value = serde_json::from_str(&text).unwrap();
                seen.insert(format!("obligation/{}", value["obligation"]["kind"]));
                for deadline in ["deadline", "reRegistration"] {
                    seen.insert(format!("{deadline}/{}", value[deadline]["state"]));
                    let working = value[deadline].get("workingDaysLeft").is_some();
                    seen.insert(format!("{deadline}/workingDaysLeft/{working}"));
                }
                seen.insert(format!("stay/{}", value["stay"]["limitedBy"]));
                seen.insert(format!("stay/{}", value["stay"]["regime"]));
                seen.insert(format!("lang/{}", value["lang"]));
                for finding in &report.findings {
                    seen.insert(format!("finding/{}", finding.severity.as_str()));
                    seen.insert(format!("finding/field/{}", finding.field.is_some()));
                }
                let policy = report.policy;
                seen.insert(format!("policy/{}", policy.deadline_counting.as_str()));
                seen.insert(format!(
                    "policy/{}",
                    policy.re_registration_counting.as_str()
                ));
                seen.insert(format!("policy/under16Exempt/{}", policy.under16_exempt));
                seen.insert(format!(
                    "policy/diplomaticExempt/{}",
                    policy.diplomatic_exempt
                ));
            }
        }
        assert!(count >= 150, "{count} reports");
        for expected in [
            "obligation/null",
            "obligation/\"must_register\"",
            "obligation/\"not_required\"",
            "obligation/\"exempt\"",
            "obligation/\"not_covered\"",
            "deadline/null",
            "deadline/\"open\"",
            "deadline/\"due_today\"",
            "deadline/\"missed\"",
            "deadline/\"not_applicable\"",
            "deadline/workingDaysLeft/false",
            "reRegistration/null",
            "reRegistration/\"open\"",
            "reRegistration/\"missed\"",
            "reRegistration/\"not_applicable\"",
            "reRegistration/workingDaysLeft/true",
            "stay/null",
            "stay/\"regime\"",
            "stay/\"labour_contract\"",
            "stay/\"visa_free_90\"",
            "stay/\"visa_free_30\"",
            "lang/\"kk\"",
            "lang/\"ru\"",
            "lang/\"en\"",
            "finding/error",
            "finding/warning",
            "finding/info",
            "finding/field/true",
            "finding/field/false",
            "policy/entry_day_is_day_one",
            "policy/civil_code",
            "policy/next_working_day_is_day_one",
            "policy/event_day_counts",
            "policy/under16Exempt/true",
            "policy/diplomaticExempt/false",
        ] {
            assert!(seen.contains(expected), "{expected} missing from {seen:#?}");
        }
    }

    // -----------------------------------------------------------------------------------------
    // Certificates: the fixtures of tests/cert_support/mod.rs

    /// 2026-07-01T10:00:00+05:00.
    const IAT: i64 = 1_782_882_000;
    /// 2026-07-15T01:00:00+05:00.
    const NOW: i64 = 1_784_059_200;
    /// 2026-01-01T00:00:00+05:00.
    const KEY_FROM: i64 = 1_767_207_600;
    /// 2026-07-01T00:00:00+05:00, and a year later.
    const LIST_IAT: i64 = 1_782_846_000;
    const LIST_NEXT: i64 = LIST_IAT + 365 * 86_400;

    fn root() -> SigningKey {
        SigningKey::from_seed([0x52; 32])
    }

    fn issuer() -> SigningKey {
        SigningKey::from_seed([0x49; 32])
    }

    fn record() -> Record {
        Record {
            application_number: "2026-000000123".into(),
            surname: "ӘБІЛҚАСЫМОВА".into(),
            given_names: "ҒАЛИЯ".into(),
            patronymic: Some("ҰЛАНҚЫЗЫ".into()),
            passport: "FA1234567".into(),
            citizenship: "UZB".into(),
            address: "Алматы қ., \"Абай\" даңғылы, 10-үй, 5-пәтер".into(),
            region: "ALA".into(),
            stay_from: "2026-07-01".parse().unwrap(),
            stay_to: "2026-09-28".parse().unwrap(),
            host_id: "150640001237".into(),
            host_name: "ТОО «Өнер-Құрылыс»".into(),
        }
    }

    fn key_spec(key: &SigningKey, name: &str, status: KeyStatus, demo: bool) -> TrustedKeySpec {
        TrustedKeySpec {
            status,
            uses: KeyUses::CERT_AND_STATUS,
            demo,
            ..TrustedKeySpec::new(key.public_key(), name, KEY_FROM)
        }
    }

    fn verifier(keys: Vec<TrustedKeySpec>) -> Verifier {
        let spec = TrustListSpec {
            iat: LIST_IAT,
            next: LIST_NEXT,
            keys,
        };
        let mut verifier = Verifier::new(root().public_key());
        verifier
            .load_trust_list(
                &build_trust_list(&spec, &root()).unwrap(),
                &LoadOptions::at(NOW),
            )
            .unwrap();
        verifier
    }

    fn status_bytes(revoked: &[&str], iat: i64) -> Vec<u8> {
        let mut spec = StatusListSpec::new(iat, LIST_NEXT);
        spec.revoked = revoked.iter().map(|number| number.to_string()).collect();
        spec.issued.insert(2026, 1000);
        build_status_list(&spec, &issuer()).unwrap()
    }

    fn signed_text(payload: &[u8], key: &SigningKey) -> String {
        qr_text_from_cose(&cose::sign(payload, key))
    }

    /// The QR texts of the parity corpus: every status and every malformed stage.
    fn certificates() -> Vec<(String, &'static str)> {
        let valid = issue_certificate(&record(), &issuer(), IAT).unwrap();
        let mut revoked_record = record();
        revoked_record.application_number = "2026-000000777".into();
        let revoked = issue_certificate(&revoked_record, &issuer(), IAT).unwrap();
        let stranger = SigningKey::from_seed([0x53; 32]);
        let unknown_key = issue_certificate(&record(), &stranger, IAT).unwrap();
        let before_key = issue_certificate(&record(), &issuer(), KEY_FROM - 86_400).unwrap();
        let mut cose = deflate::inflate(
            &base45::decode(valid.strip_prefix("KZ1:").unwrap()).unwrap(),
            deflate::CERTIFICATE_LIMIT,
        )
        .unwrap();
        *cose.last_mut().unwrap() ^= 1;
        let bad_signature = qr_text_from_cose(&cose);
        // A CBOR text string: signed, but not claims.
        let not_claims = signed_text(b"\x6anot claims", &issuer());
        let mut not_nfc = record();
        not_nfc.surname = "И\u{0306}ВАНОВА".into();
        let not_nfc = Claims {
            issued_at: IAT,
            record: not_nfc,
        }
        .encode();
        let not_nfc = signed_text(&not_nfc, &issuer());
        let mut kazakh = record();
        kazakh.surname = "ӘҒҚҢӨҰҮҺІ".into();
        kazakh.patronymic = None;
        let without_patronymic = issue_certificate(&kazakh, &issuer(), IAT).unwrap();
        // Issued before the status list, past its size: `status.not_covered`.
        let mut uncovered = record();
        uncovered.application_number = "2026-000005000".into();
        let uncovered = issue_certificate(&uncovered, &issuer(), LIST_IAT - 3600).unwrap();

        let mut texts = Vec::new();
        for on in ["2026-07-15", "2026-06-30", "2026-09-28", "2026-09-29"] {
            texts.push((valid.clone(), on));
        }
        for text in [
            revoked,
            unknown_key,
            before_key,
            bad_signature,
            not_claims,
            not_nfc,
            without_patronymic,
            uncovered,
            format!("{valid}\n"),
            valid.to_lowercase(),
            "KZ1:%%%".into(),
            "KZ1:A".into(),
            "KZ1:000".into(),
            qr_text_from_cose(b"not cbor at all"),
            qr_text_from_cose(&[0xa0]),
            "KZ2:ABC".into(),
            "https://egov.kz/cms/ru".into(),
            String::new(),
        ] {
            texts.push((text, "2026-07-15"));
        }
        texts
    }

    #[test]
    fn verification_results_are_written_as_serde_writes_them() {
        let mut fresh = verifier(vec![key_spec(
            &issuer(),
            "Test office \"Алматы\"",
            KeyStatus::Active,
            false,
        )]);
        fresh
            .load_status_list(
                &status_bytes(&["2026-000000777"], LIST_IAT),
                &LoadOptions::at(NOW),
            )
            .unwrap();
        // A demonstration key and no status list: a DEMO result with `status.missing`.
        let demo = verifier(vec![key_spec(&issuer(), "Demo", KeyStatus::Active, true)]);
        // A revoked key: every certificate it signed is `key_not_valid`.
        let revoked_key = verifier(vec![key_spec(
            &issuer(),
            "Revoked",
            KeyStatus::Revoked,
            false,
        )]);
        let verifiers = [&fresh, &demo, &revoked_key];

        let mut seen = BTreeSet::new();
        for (i, (text, on)) in certificates().iter().enumerate() {
            for lang in Lang::ALL {
                // Now, two weeks past the lists' next update (`trust.stale`, `status.stale`)
                // and two years on (`trust.expired`, `status.expired`).
                for now in [NOW, LIST_NEXT + 3 * 86_400, LIST_NEXT + 365 * 86_400] {
                    let verifier = verifiers[i % verifiers.len()];
                    for verifier in [&fresh, verifier] {
                        let context = VerifyContext {
                            checked_on: on.parse().unwrap(),
                            now_unix_seconds: now,
                            lang,
                        };
                        let result = verifier.verify(text, &context);
                        same(&result);
                        seen.insert(format!(
                            "{}/{}",
                            result.status.as_str(),
                            result.stage.map_or("-", Stage::as_str)
                        ));
                        for warning in &result.warnings {
                            seen.insert(warning.code.to_owned());
                        }
                        if result.demo {
                            seen.insert("demo".to_owned());
                        }
                        if let Some(record) = &result.record {
                            seen.insert(format!("patronymic/{}", record.patronymic.is_some()));
                        }
                    }
                }
            }
        }
        for expected in [
            "valid/-",
            "unconfirmed/-",
            "expired/-",
            "not_yet_valid/-",
            "revoked/-",
            "bad_signature/-",
            "unknown_key/-",
            "key_not_valid/-",
            "malformed/base45",
            "malformed/zlib",
            "malformed/cose",
            "malformed/claims",
            "malformed/record",
            "not_a_certificate/-",
            "trust.stale",
            "trust.expired",
            "status.stale",
            "status.expired",
            "status.missing",
            "status.not_covered",
            "demo",
            "patronymic/true",
            "patronymic/false",
        ] {
            assert!(seen.contains(expected), "{expected} missing from {seen:#?}");
        }
    }

    #[test]
    fn records_are_written_as_serde_writes_them() {
        let mut without = record();
        without.patronymic = None;
        for record in [record(), without] {
            same(&record);
            same(&Some(record));
        }
    }

    #[test]
    fn list_summaries_are_written_as_serde_writes_them() {
        let other = SigningKey::from_seed([0x54; 32]);
        let mut retired = key_spec(&other, "Ретired \u{1}", KeyStatus::Retired, true);
        retired.until = Some(LIST_IAT);
        retired.uses = KeyUses::STATUS;
        let mut verifier = verifier(vec![
            key_spec(&issuer(), "Office", KeyStatus::Active, false),
            retired,
            key_spec(&root(), "Revoked", KeyStatus::Revoked, false),
        ]);
        let summary = verifier.trust_list().unwrap().summary();
        let text = same(&summary);
        assert!(text.contains("\"until\":null") && text.contains("\"retired\""));
        assert!(text.contains("\"use\":[\"cert\",\"status\"]"));
        same(&Some(summary));
        same(&None::<TrustListSummary>);
        same(&TrustListSummary {
            version: 1,
            iat: i64::MIN,
            next: i64::MAX,
            root_kid: String::new(),
            keys: Vec::new(),
        });

        for (i, revoked) in [
            &[][..],
            &["2026-000000777"][..],
            &["2025-000000001", "2026-000000002", "2026-000000345"][..],
        ]
        .into_iter()
        .enumerate()
        {
            let summary = verifier
                .load_status_list(
                    &status_bytes(revoked, LIST_IAT + i as i64),
                    &LoadOptions::at(NOW),
                )
                .unwrap();
            same(&summary);
            same(&Some(summary));
        }
        same(&None::<StatusListSummary>);
        same(&StatusListSummary {
            version: 1,
            iat: 0,
            next: -1,
            kid: "00".into(),
            demo: true,
            lists: vec![StatusYearSummary {
                year: i32::MIN,
                size: u32::MAX,
                revoked: u64::MAX,
            }],
        });
    }

    // -----------------------------------------------------------------------------------------
    // Tables and the calendar

    #[test]
    fn regions_are_written_as_serde_writes_them() {
        let regions = crate::data::regions();
        assert!(!regions.is_empty());
        same(regions);
        same(&regions.to_vec());
    }

    #[test]
    fn data_bundle_summaries_are_written_as_serde_writes_them() {
        use crate::data::{DataBundle, Tables};
        let mut bundle =
            DataBundle::from_tables("2027.1", 1_796_065_200, 1_827_601_200, Tables::compiled());
        let all = same(&bundle.summary());
        assert!(
            all.contains(r#""calendar":[{"year":2025,"rows":23,"provisional":false}"#),
            "{all}"
        );
        bundle.calendar.clear();
        same(&bundle.summary());
    }

    #[test]
    fn countries_are_written_as_the_javascript_api_declares_them() {
        // The shape of `Country` in src/wasm.d.ts, as the bindings wrote it with serde before.
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct SerdeCountry {
            code: &'static str,
            alpha2: &'static str,
            name_en: &'static str,
        }
        let countries = crate::data::countries();
        let expected: Vec<SerdeCountry> = countries
            .iter()
            .map(|country| SerdeCountry {
                code: country.alpha3,
                alpha2: country.alpha2,
                name_en: country.name_en,
            })
            .collect();
        assert_eq!(countries.len(), 249);
        assert_eq!(
            to_string(countries),
            serde_json::to_string(&expected).unwrap()
        );
    }

    #[test]
    fn working_day_counts_are_written_as_the_javascript_api_declares_them() {
        // The shape of `WorkingDayCount` in src/wasm.d.ts, as the bindings wrote it with serde
        // before.
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct SerdeWorkingDayCount {
            working_days: i64,
            provisional: bool,
        }
        let pairs = [
            ("2026-12-31", "2027-01-12"),
            ("2026-07-01", "2026-07-01"),
            ("2026-07-10", "2026-07-01"),
            ("2026-01-01", "2026-12-31"),
            ("2030-01-01", "2020-01-01"),
        ];
        let mut provisional = BTreeSet::new();
        for (from, to) in pairs {
            let count =
                crate::calendar::working_days_between(from.parse().unwrap(), to.parse().unwrap());
            provisional.insert(count.provisional);
            let expected = SerdeWorkingDayCount {
                working_days: count.count,
                provisional: count.provisional,
            };
            assert_eq!(
                to_string(&WorkingDays(count)),
                serde_json::to_string(&expected).unwrap()
            );
        }
        assert_eq!(provisional.len(), 2, "both provisional and final counts");
        assert_eq!(
            to_string(&WorkingDays(WorkingDayCount {
                count: -3,
                provisional: false
            })),
            r#"{"workingDays":-3,"provisional":false}"#
        );
    }

    #[test]
    fn nested_values_are_separated_by_commas() {
        // JSON text of RFC 8259 section 5: values separated by one comma, none after the last.
        let nested = vec![vec![], vec![Some(1_i64), None], vec![None]];
        assert_eq!(same(&nested), "[[],[1,null],[null]]");
        same(&vec![Vec::<Finding>::new(), Vec::new()]);
    }
}
