//! The writer against `serde_json::to_string` on every type the module answers with, over
//! the variety of the parity corpus (tests/parity_corpus.rs): the JavaScript API promises the
//! command line's JSON byte for byte (interfaces.md, "the same JSON natively and in the
//! package").

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::{Value, json};

use super::*;
use crate::calendar::WorkingDayCount;
use crate::cert::{
    KeyStatus, KeyUses, SigningKey, Stage, Status, StatusListSummary, StatusYearSummary,
    TrustListSummary, TrustedKeySpec, Verifier, VerifyContext, WarningCode,
};
use crate::data::{Confidence, Regime, RegionKind};
use crate::date::Date;
use crate::i18n::Lang;
use crate::rules::{
    DeadlineCounting, DeadlineState, Finding, FindingCode, LimitedBy, ObligationCode,
    ObligationKind, ReRegistrationCounting, Severity, check_json,
};

// The integration tests' fixtures (which name this crate `tirkeu`, see lib.rs).
#[path = "../../tests/support/cert.rs"]
mod cert_support;
#[path = "../../tests/support/rules.rs"]
mod rules_support;

use cert_support::{
    CORPUS_OUTCOMES, LIST_IAT, LIST_NEXT, NOW, at_now, corpus_certificates, issuer, key_spec,
    record, root, status_bytes_by, verifier_with,
};
use rules_support::{corpus_applications, edited, sample_application};

/// The writer's text equals serde_json's, and is returned for further checks.
#[track_caller]
fn same<T: Serialize + ?Sized>(value: &T) -> String {
    let ours = to_string(value).unwrap();
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
fn names_match<T: Serialize>(values: impl IntoIterator<Item = T>) {
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
        "separators \u{2028} \u{2029}, DEL \u{7f}, NEL \u{85}, BOM \u{feff}, max \u{10ffff}".into(),
    ];
    for text in &texts {
        same(text);
        same(text.as_str());
    }
    assert_eq!(
        to_string("\u{1f}\u{0}\u{b}").unwrap(),
        r#""\u001f\u0000\u000b""#
    );
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

/// The applications of the parity corpus, and EAEU workers: a labour contract that ends after
/// the 90/180 day (it binds) and one that ends before it (the regime binds) (Treaty on the EAEU
/// art. 97(8)); and, before the Order came into force, an entry and a move whose deadlines are
/// not judged.
fn applications() -> Vec<Value> {
    let base = sample_application();
    let mut applications = corpus_applications();
    for until in ["2027-06-30", "2026-08-01"] {
        applications.push(edited(
            &base,
            &[
                ("/immigrant/citizenship", Some(json!("KGZ"))),
                ("/entry/purpose", Some(json!("work"))),
                ("/entry/contractUntil", Some(json!(until))),
            ],
        ));
    }
    applications.push(edited(
        &base,
        &[
            ("/entry/date", Some(json!("2026-06-01"))),
            ("/stay/from", Some(json!("2026-06-10"))),
            ("/addressChange", Some(json!({"movedOn": "2026-06-10"}))),
        ],
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
// Certificates: the fixtures of the integration tests (tests/support/cert.rs)

/// A key of the fixtures' validity that signs certificates and status lists.
fn key(key: &SigningKey, name: &str, status: KeyStatus, demo: bool) -> TrustedKeySpec {
    TrustedKeySpec {
        status,
        uses: KeyUses::CERT_AND_STATUS,
        demo,
        ..key_spec(key, name)
    }
}

/// A status list signed by `issuer()`, issued at `iat`.
fn issuer_status_list(revoked: &[&str], iat: i64) -> Vec<u8> {
    status_bytes_by(revoked, iat, LIST_NEXT, &issuer())
}

/// A verifier trusting `issuer()`, named `name`, with a status list revoking `2026-000000777`.
fn fresh_verifier(name: &str) -> Verifier {
    let mut verifier = verifier_with(vec![key(&issuer(), name, KeyStatus::Active, false)]);
    verifier
        .load_status_list(
            &issuer_status_list(&["2026-000000777"], LIST_IAT),
            &at_now(),
        )
        .unwrap();
    verifier
}

/// A verifier trusting a key of each status: `issuer()` active, a retired demonstration key named
/// `retired` that signs status lists until the lists' issue time, and the root revoked.
fn verifier_of_every_key_status(retired: &str) -> Verifier {
    let other = SigningKey::from_seed([0x54; 32]);
    let mut retired = key(&other, retired, KeyStatus::Retired, true);
    retired.until = Some(LIST_IAT);
    retired.uses = KeyUses::STATUS;
    verifier_with(vec![
        key(&issuer(), "Office", KeyStatus::Active, false),
        retired,
        key(&root(), "Revoked", KeyStatus::Revoked, false),
    ])
}

#[test]
fn verification_results_are_written_as_serde_writes_them() {
    let fresh = fresh_verifier("Test office \"Алматы\"");
    // A demonstration key and no status list: a DEMO result with `status.missing`.
    let demo = verifier_with(vec![key(&issuer(), "Demo", KeyStatus::Active, true)]);
    // A revoked key: every certificate it signed is `key_not_valid`.
    let revoked_key = verifier_with(vec![key(&issuer(), "Revoked", KeyStatus::Revoked, false)]);
    let verifiers = [&fresh, &demo, &revoked_key];

    let mut seen = BTreeSet::new();
    for (i, (text, on)) in corpus_certificates().iter().enumerate() {
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
                        seen.insert(warning.code.as_str().to_owned());
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
    let more = [
        "trust.stale",
        "trust.expired",
        "status.stale",
        "status.expired",
        "status.missing",
        "status.not_covered",
        "demo",
        "patronymic/true",
        "patronymic/false",
    ];
    for expected in CORPUS_OUTCOMES.into_iter().chain(more) {
        assert!(seen.contains(expected), "{expected} missing from {seen:#?}");
    }
}

#[test]
fn records_are_written_as_serde_writes_them() {
    let mut without = record();
    without.patronymic = None;
    let mut quoted = record();
    quoted.address = "Алматы қ., \"Абай\" даңғылы, 10-үй, 5-пәтер".into();
    for record in [record(), without, quoted] {
        same(&record);
        same(&Some(record));
    }
}

#[test]
fn list_summaries_are_written_as_serde_writes_them() {
    let mut verifier = verifier_of_every_key_status("Ретired \u{1}");
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
            .load_status_list(&issuer_status_list(revoked, LIST_IAT + i as i64), &at_now())
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
fn countries_are_written_as_the_javascript_api_declares_them() {
    // The shape of `Country` in the package, as the bindings wrote it with serde before.
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct SerdeCountry {
        code: &'static str,
        alpha2: &'static str,
        name_en: &'static str,
        name_ru: &'static str,
        name_kk: &'static str,
    }
    let countries = crate::data::countries();
    let expected: Vec<SerdeCountry> = countries
        .iter()
        .map(|country| SerdeCountry {
            code: country.alpha3,
            alpha2: country.alpha2,
            name_en: country.name_en,
            name_ru: country.name_ru,
            name_kk: country.name_kk,
        })
        .collect();
    assert_eq!(countries.len(), 249);
    assert_eq!(same(countries), serde_json::to_string(&expected).unwrap());
}

#[test]
fn working_day_counts_are_written_as_the_javascript_api_declares_them() {
    // The shape of `WorkingDayCount` in the package, as the bindings wrote it with serde before.
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
            to_string(&WorkingDays::from(count)).unwrap(),
            serde_json::to_string(&expected).unwrap()
        );
    }
    assert_eq!(provisional.len(), 2, "both provisional and final counts");
    assert_eq!(
        same(&WorkingDays::from(WorkingDayCount {
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

#[test]
fn warning_codes_are_written_as_their_names() {
    for code in WarningCode::ALL {
        assert_eq!(serde_name(&code), code.as_str());
        same(&code);
    }
}

#[test]
fn scanned_codes_are_written_as_the_javascript_api_declares_them() {
    // The shapes of `ScannedCode` in the package, as the bindings wrote them before:
    // `{ kind: "text", text }` and `{ kind: "not_text", text: "", data, eci?, bytes }`.
    use crate::qr::{Code, NotText};
    let codes = [
        Code::Text("KZ1:ABC \"quoted\"\n".into()),
        Code::Text(String::new()),
        Code::NotText {
            kind: NotText::Kanji,
            bytes: vec![0x93, 0x5f, 0xe4, 0xaa],
        },
        Code::NotText {
            kind: NotText::Eci(20),
            bytes: vec![0, 255],
        },
        Code::NotText {
            kind: NotText::Gs1,
            bytes: b"0104912345123459".to_vec(),
        },
        Code::NotText {
            kind: NotText::Bytes,
            bytes: Vec::new(),
        },
    ];
    let expected = [
        json!({"kind": "text", "text": "KZ1:ABC \"quoted\"\n"}),
        json!({"kind": "text", "text": ""}),
        json!({"kind": "not_text", "text": "", "data": "kanji", "bytes": [0x93, 0x5f, 0xe4, 0xaa]}),
        json!({"kind": "not_text", "text": "", "data": "eci", "eci": 20, "bytes": [0, 255]}),
        json!({"kind": "not_text", "text": "", "data": "gs1", "bytes": b"0104912345123459".to_vec()}),
        json!({"kind": "not_text", "text": "", "data": "bytes", "bytes": []}),
    ];
    for (code, expected) in codes.iter().zip(expected) {
        let text = same(&ScannedCode::from(code));
        // Members in the order the bindings wrote them.
        let order: Vec<&str> = ["kind", "text", "data", "eci", "bytes"]
            .into_iter()
            .filter(|name| expected.get(name).is_some())
            .collect();
        let positions: Vec<usize> = order
            .iter()
            .map(|name| text.find(&format!("\"{name}\":")).unwrap())
            .collect();
        assert!(positions.is_sorted(), "{text}");
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), expected);
    }
}

/// Shapes no answer has today, written as serde_json writes them, so that a type added later
/// needs only its derive: serde's enum representations, tuples, unit values, bytes and maps.
#[test]
fn every_serde_shape_is_written_as_serde_json_writes_it() {
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    struct Unit;
    #[derive(Serialize)]
    struct Newtype(i32);
    #[derive(Serialize)]
    struct Pair(u8, &'static str);
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    enum External {
        Plain,
        Wrapped(Vec<i16>),
        Pair(i8, Option<u16>),
        Fields { first_name: char, empty: () },
    }
    #[derive(Serialize)]
    #[serde(tag = "type", content = "value")]
    enum Adjacent {
        One(u64),
        Two { a: bool },
    }
    #[derive(Serialize)]
    #[serde(untagged)]
    enum Untagged {
        Number(i128),
        Text(String),
    }
    #[derive(Serialize)]
    struct Flattened {
        #[serde(flatten)]
        inner: BTreeMap<String, u128>,
        outer: Option<Newtype>,
    }
    same(&Unit);
    same(&());
    same(&Newtype(-7));
    same(&Pair(255, "\u{7}"));
    same(&(1_u32, 'é', "x"));
    same(&[External::Plain, External::Wrapped(vec![-1, 2])]);
    same(&External::Pair(-128, None));
    same(&External::Fields {
        first_name: '"',
        empty: (),
    });
    same(&vec![Adjacent::One(u64::MAX), Adjacent::Two { a: false }]);
    same(&(Untagged::Number(i128::MIN), Untagged::Text("t".into())));
    same(&serde_bytes_like());
    let mut map = BTreeMap::new();
    map.insert("b".to_owned(), u128::MAX);
    map.insert("a\n".to_owned(), 0);
    same(&map);
    same(&Flattened {
        inner: map,
        outer: Some(Newtype(1)),
    });
    // Keys as serde_json writes them: integers and booleans in quotes.
    same(&BTreeMap::from([(-3_i64, "minus"), (4, "four")]));
    same(&BTreeMap::from([(false, 0_u8), (true, 1)]));
    same(&BTreeMap::from([('k', ())]));
    same(&BTreeMap::<String, u8>::new());
}

/// `serialize_bytes`, which derives never call: an array of numbers, as serde_json writes it.
fn serde_bytes_like() -> impl Serialize {
    struct Bytes;
    impl Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(&[0, 1, 254, 255])
        }
    }
    Bytes
}

#[test]
fn what_the_writer_does_not_write_is_an_error() {
    use std::collections::BTreeMap;
    // Floats: no answer has one, and formatting them is code the module does without.
    assert_eq!(to_string(&1.5_f64), Err(Unsupported));
    assert_eq!(to_string(&vec![Some(0.0_f32)]), Err(Unsupported));
    // Keys serde_json refuses as well.
    let refused = BTreeMap::from([(vec![1_u8], 1_u8)]);
    assert!(serde_json::to_string(&refused).is_err());
    assert_eq!(to_string(&refused), Err(Unsupported));
    let refused = BTreeMap::from([(None::<u8>, 1_u8)]);
    assert!(serde_json::to_string(&refused).is_err());
    assert_eq!(to_string(&refused), Err(Unsupported));
}

/// A `Serialize` impl's own error has no place in the writer's results (see `Never`): no answer
/// has such an impl, and this is what one would do.
#[test]
#[should_panic(expected = "a Serialize impl failed: no")]
fn a_serialize_impl_that_fails_stops() {
    struct Failing;
    impl Serialize for Failing {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("no"))
        }
    }
    let _ = to_string(&[Failing]);
}

// -----------------------------------------------------------------------------------------
// Reading back: a back end reads a report or a result that came from the package

/// The text reads back into the value it was written from.
#[track_caller]
fn reads_back<T: Serialize + serde::de::DeserializeOwned + PartialEq + core::fmt::Debug>(
    value: &T,
) {
    let text = same(value);
    let read: T = serde_json::from_str(&text).unwrap();
    assert_eq!(&read, value, "{text}");
}

#[test]
fn reports_read_back_into_the_same_report() {
    let mut count = 0;
    for (i, application) in applications().iter().enumerate() {
        for today in ["2026-07-15", "2026-07-30", "2026-08-20"] {
            let lang = Lang::ALL[i % 3];
            let report = check_json(application, today.parse().unwrap(), lang).unwrap();
            reads_back(&report);
            count += 1;
        }
    }
    assert!(count >= 150, "{count} reports");
}

#[test]
fn verification_results_read_back_into_the_same_result() {
    let fresh = fresh_verifier("Office");
    let demo = verifier_with(vec![key(&issuer(), "Demo", KeyStatus::Active, true)]);
    let mut seen = BTreeSet::new();
    for (text, on) in corpus_certificates() {
        for verifier in [&fresh, &demo] {
            for now in [NOW, LIST_NEXT + 3 * 86_400, LIST_NEXT + 365 * 86_400] {
                let context = VerifyContext {
                    checked_on: on.parse().unwrap(),
                    now_unix_seconds: now,
                    lang: Lang::Kk,
                };
                let result = verifier.verify(&text, &context);
                seen.insert(result.status.as_str());
                for warning in &result.warnings {
                    seen.insert(warning.code.as_str());
                }
                reads_back(&result);
            }
        }
    }
    // Every status and warning went through the reader.
    for status in Status::ALL {
        assert!(seen.contains(status.as_str()), "{status} missing");
    }
    for code in WarningCode::ALL {
        assert!(seen.contains(code.as_str()), "{code} missing");
    }
}

#[test]
fn list_summaries_read_back_into_the_same_summary() {
    let mut verifier = verifier_of_every_key_status("Retired");
    reads_back(&verifier.trust_list().unwrap().summary());
    let summary = verifier
        .load_status_list(
            &issuer_status_list(&["2025-000000001", "2026-000000345"], LIST_IAT),
            &at_now(),
        )
        .unwrap();
    reads_back(&summary);
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
