//! Shared helpers of the rules tests: a valid application to start from, and JSON edits.
#![allow(dead_code)]

use serde_json::{Value, json};
use tirkeu::date::Date;
use tirkeu::i18n::Lang;
use tirkeu::rules::{Finding, FindingCode, Report, check_json};

/// The default evaluation date of the tests.
pub const TODAY: &str = "2026-07-15";

/// A complete, valid application: the README's example (RUS, entry 2026-07-01), which
/// on 2026-07-15 must register by 2026-07-30 and may stay until 2026-09-28.
pub fn valid() -> Value {
    json!({
        "immigrant": {
            "surname": "IVANOV", "givenNames": "IVAN", "patronymic": "PETROVICH",
            "birthDate": "1990-05-17", "citizenship": "RUS",
            "passport": { "number": "751234567", "kind": "ordinary", "expiresOn": "2031-01-01" }
        },
        "entry": { "date": "2026-07-01", "purpose": "private", "contractUntil": null },
        "previousStays": [],
        "host": { "kind": "person", "id": "900515300127", "name": "АХМЕТОВ АСЕТ" },
        "address": { "region": "ALA", "locality": "Алматы", "street": "Абая", "building": "10",
                     "apartment": "5", "premises": "apartment" },
        "stay": { "from": "2026-07-01", "to": "2026-09-20" },
        "addressChange": null
    })
}

pub fn day(text: &str) -> Date {
    text.parse().unwrap()
}

/// Sets the value at a JSON pointer (`/immigrant/surname`), creating objects on the way.
pub fn set(application: &mut Value, pointer: &str, value: Value) {
    let mut current = application;
    let parts: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    let (last, parents) = parts.split_last().unwrap();
    for part in parents {
        if !current.get(*part).is_some_and(Value::is_object) {
            current[*part] = json!({});
        }
        current = current.get_mut(*part).unwrap();
    }
    current[*last] = value;
}

/// The immigrant moved to a new address on `on` (`YYYY-MM-DD`) and stays there from that day.
pub fn move_address(application: &mut Value, on: &str) {
    set(application, "/addressChange", json!({ "movedOn": on }));
    set(application, "/stay/from", json!(on));
}

/// The immigrant works under a contract that runs until `until` (`YYYY-MM-DD`), and the stay asks
/// for all of it.
pub fn contract_until(application: &mut Value, until: &str) {
    set(application, "/entry/contractUntil", json!(until));
    set(application, "/stay/to", json!(until));
}

/// The first finding of `code` in `report`; fails, showing the findings there are, when it has none.
pub fn first_finding(report: &Report, code: FindingCode) -> &Finding {
    report
        .with(code)
        .next()
        .unwrap_or_else(|| panic!("no {code} in {:#?}", report.findings))
}

/// Removes the value at a JSON pointer.
pub fn remove(application: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    if let Some(Value::Object(map)) = application.pointer_mut(parent) {
        map.remove(key);
    }
}

pub fn check_on(application: &Value, today: &str) -> Report {
    check_json(application, day(today), Lang::En).unwrap()
}

pub fn check(application: &Value) -> Report {
    check_on(application, TODAY)
}

/// A valid IIN from its first 11 digits (computes the check digit; panics if never issued).
pub fn iin(first_eleven: &str) -> String {
    let digits: Vec<u8> = first_eleven.bytes().map(|b| b - b'0').collect();
    let array: [u8; 11] = digits.try_into().unwrap();
    let check = tirkeu::rules::iin::check_digit(&array).expect("an issuable number");
    format!("{first_eleven}{check}")
}

/// The sample application of the package's documentation (tests/fixtures/application.json).
pub fn sample_application() -> Value {
    serde_json::from_str(include_str!("../fixtures/application.json")).unwrap()
}

/// The applications of the parity corpus, which must give the same JSON natively, through the
/// module's own writer and through the npm package: the sample, an empty object, and the sample
/// with one edit each (a JSON pointer, and its new value or `None` to remove it) reaching every
/// obligation, deadline state, stay limit and policy, and input of every type where a text
/// belongs.
pub fn corpus_applications() -> Vec<Value> {
    let edits: Vec<(&str, Option<Value>)> = vec![
        ("/immigrant/surname", None),
        ("/immigrant/surname", Some(json!(""))),
        ("/immigrant/surname", Some(json!("R2-D2"))),
        ("/immigrant/surname", Some(json!("R2-D2\n\t\"\\"))),
        ("/immigrant/surname", Some(json!("И\u{0306}ВАНОВ"))),
        ("/immigrant/givenNames", Some(json!(42))),
        // Numbers of every kind where a text belongs. The package reads them through JavaScript's
        // JSON.parse, the command line through serde_json. Each is written as JavaScript writes
        // it (beyond 2^53 JavaScript keeps only the shortest digits).
        ("/immigrant/givenNames", Some(json!(0.1))),
        ("/immigrant/givenNames", Some(json!(-2.5e-7))),
        ("/immigrant/givenNames", Some(json!(1e21))),
        ("/immigrant/givenNames", Some(json!(5e-324))),
        ("/immigrant/givenNames", Some(json!(1.7976931348623157e308))),
        ("/immigrant/givenNames", Some(json!(9007199254740992u64))),
        ("/immigrant/givenNames", Some(json!(9223372036854776000u64))),
        ("/immigrant/givenNames", Some(json!(-9007199254740992i64))),
        ("/immigrant/givenNames", Some(json!(18446744073709552000.0))),
        ("/immigrant/givenNames", Some(json!(-9223372036854776000.0))),
        (
            "/immigrant/givenNames",
            Some(json!([1, [2.5, {"a": null}], true])),
        ),
        (
            "/immigrant/surname",
            Some(json!([1, [2.5, {"a": null}], true])),
        ),
        ("/immigrant/birthDate", Some(json!("2026-02-30"))),
        ("/immigrant/birthDate", Some(json!("2015-01-01"))),
        ("/immigrant/birthDate", Some(json!("1890-01-01"))),
        ("/immigrant/citizenship", Some(json!("KAZ"))),
        ("/immigrant/citizenship", Some(json!("XXX"))),
        ("/immigrant/citizenship", Some(json!("XXA"))),
        ("/immigrant/citizenship", Some(json!("CHE"))),
        ("/immigrant/citizenship", Some(json!("IND"))),
        ("/immigrant/citizenship", Some(json!("GEO"))),
        ("/immigrant/citizenship", Some(json!("TKM"))),
        ("/immigrant/citizenship", Some(json!("KGZ"))),
        ("/immigrant/passport/number", Some(json!("12 34"))),
        ("/immigrant/passport/kind", Some(json!("diplomatic"))),
        ("/immigrant/passport/kind", Some(json!("service"))),
        ("/immigrant/passport/kind", Some(json!("secret"))),
        ("/immigrant/passport/expiresOn", Some(json!("2026-06-01"))),
        ("/immigrant/passport/expiresOn", Some(json!("2026-08-01"))),
        ("/entry/date", Some(json!("2026-06-20"))),
        ("/entry/date", Some(json!("2026-08-01"))),
        ("/entry/date", Some(json!("2026-09-26"))),
        ("/entry/date", Some(json!("2025-01-01"))),
        ("/entry/date", None),
        ("/entry/purpose", Some(json!("work"))),
        ("/entry/contractUntil", Some(json!("2027-06-30"))),
        ("/previousStays", Some(json!([]))),
        (
            "/previousStays",
            Some(json!([
                {"entry": "2026-01-10", "exit": "2026-02-08"},
                {"entry": "2026-02-15", "exit": "2026-03-16"},
                {"entry": "2026-03-25", "exit": "2026-04-23"}
            ])),
        ),
        (
            "/previousStays",
            Some(json!([{"entry": "2026-03-01", "exit": "2026-02-01"}])),
        ),
        ("/previousStays", Some(json!("none"))),
        ("/host/id", Some(json!("900515300128"))),
        ("/host/id", Some(json!("010229500456"))),
        ("/host/id", Some(json!("150101500123"))),
        ("/host/kind", Some(json!("organization"))),
        ("/host/name", Some(json!("ТОО «Kaspi 2»"))),
        ("/address/region", Some(json!("XYZ"))),
        ("/address/premises", Some(json!("office"))),
        ("/address/apartment", None),
        ("/address/street", Some(json!("  "))),
        ("/stay/to", Some(json!("2026-12-31"))),
        ("/stay/from", Some(json!("2026-06-01"))),
        ("/stay/to", Some(json!("2026-07-20"))),
        ("/stay/to", Some(json!("2026-07-05"))),
        ("/addressChange", Some(json!({"movedOn": "2026-07-03"}))),
        ("/addressChange", Some(json!({"movedOn": "2026-07-10"}))),
        ("/addressChange", Some(json!({"movedOn": "2026-12-31"}))),
        ("/addressChange", Some(json!({"movedOn": "yesterday"}))),
        ("/policy", Some(json!({"deadlineCounting": "civil_code"}))),
        (
            "/policy",
            Some(json!({"reRegistrationCounting": "event_day_counts"})),
        ),
        (
            "/policy",
            Some(json!({"under16Exempt": true, "diplomaticExempt": false})),
        ),
        ("/policy", Some(json!({"deadlineCounting": "whenever"}))),
        ("/immigrant", Some(json!([]))),
    ];
    let base = sample_application();
    let mut applications = vec![base.clone(), json!({})];
    for edit in edits {
        applications.push(edited(&base, &[edit]));
    }
    applications
}

/// `application` with each edit made in turn: a JSON pointer, and its new value or `None` to
/// remove it.
pub fn edited(application: &Value, edits: &[(&str, Option<Value>)]) -> Value {
    let mut application = application.clone();
    for (pointer, value) in edits {
        match value {
            Some(value) => set(&mut application, pointer, value.clone()),
            None => remove(&mut application, pointer),
        }
    }
    application
}
