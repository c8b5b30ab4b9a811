//! Application JSON -> report: whatever a form posts is checked.
//!
//! The first byte picks the language, the next two the evaluation date (a day in 2020-2031);
//! the rest is JSON text.
//!
//! Properties beyond "no panic":
//! - `ok` is true exactly when no finding is an error (rules.md, the report);
//! - the report serializes to JSON and the JSON reads back as the same value;
//! - the module's own JSON writer writes the report byte for byte as serde_json does;
//! - the module's path (its own reader, the rules on its tree) gives the same report;
//! - checking is deterministic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tirkeu::date::Date;
use tirkeu::rules::{Severity, check_json};

fuzz_target!(|data: &[u8]| {
    let [lang, high, low, json @ ..] = data else {
        return;
    };
    let Ok(application) = serde_json::from_slice::<serde_json::Value>(json) else {
        return;
    };
    let base: Date = "2020-01-01".parse().expect("a date");
    let today = base.add_days(i32::from(u16::from_be_bytes([*high, *low]) % 4380));
    let lang = tirkeu_fuzz::lang(*lang);
    let Ok(report) = check_json(&application, today, lang) else {
        assert!(!application.is_object());
        return;
    };
    let errors = report
        .findings
        .iter()
        .any(|finding| finding.severity == Severity::Error);
    assert_eq!(report.ok, !errors, "{report:?}");
    let text = serde_json::to_string(&report).expect("a report serializes");
    assert_eq!(tirkeu::fuzzing::report_json(&report), text);
    let value: serde_json::Value = serde_json::from_str(&text).expect("a report reads back");
    assert_eq!(
        value,
        serde_json::to_value(&report).expect("a report serializes")
    );
    assert_eq!(check_json(&application, today, lang).ok(), Some(report.clone()));
    if let Ok(text) = std::str::from_utf8(json) {
        let as_the_module = tirkeu::fuzzing::check_as_the_module(text, today, lang);
        assert_eq!(as_the_module, Some(Ok(report)));
    }
});
