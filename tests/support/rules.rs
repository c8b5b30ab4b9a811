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
