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
    KeyStatus, KeyUses, LoadOptions, Record, Stage, Status, StatusListSpec, StatusListSummary,
    StatusYearSummary, TrustListSpec, TrustListSummary, TrustedKeySpec, Verifier, VerifyContext,
    WarningCode, base45, build_status_list, build_trust_list, cose, deflate, issue_certificate,
    qr_text_from_cose,
};
use crate::cert::{SigningKey, claims::Claims};
use crate::data::{Confidence, Regime, RegionKind};
use crate::date::Date;
use crate::i18n::Lang;
use crate::rules::{
    DeadlineCounting, DeadlineState, Finding, FindingCode, LimitedBy, ObligationCode,
    ObligationKind, ReRegistrationCounting, Severity, check_json,
};

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
        serde_json::from_str(include_str!("../../tests/fixtures/application.json")).unwrap();
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
    let mut fresh = verifier(vec![key_spec(
        &issuer(),
        "Office",
        KeyStatus::Active,
        false,
    )]);
    fresh
        .load_status_list(
            &status_bytes(&["2026-000000777"], LIST_IAT),
            &LoadOptions::at(NOW),
        )
        .unwrap();
    let demo = verifier(vec![key_spec(&issuer(), "Demo", KeyStatus::Active, true)]);
    let mut seen = BTreeSet::new();
    for (text, on) in certificates() {
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
    let other = SigningKey::from_seed([0x54; 32]);
    let mut retired = key_spec(&other, "Retired", KeyStatus::Retired, true);
    retired.until = Some(LIST_IAT);
    retired.uses = KeyUses::STATUS;
    let mut verifier = verifier(vec![
        key_spec(&issuer(), "Office", KeyStatus::Active, false),
        retired,
        key_spec(&root(), "Revoked", KeyStatus::Revoked, false),
    ]);
    reads_back(&verifier.trust_list().unwrap().summary());
    let summary = verifier
        .load_status_list(
            &status_bytes(&["2025-000000001", "2026-000000345"], LIST_IAT),
            &LoadOptions::at(NOW),
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
