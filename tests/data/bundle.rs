//! The data bundle: the calendar, the visa regimes and the regions as one signed file, so that a
//! deployment corrects its tables (the 2027 calendar once the decree is out) without a release.
//! A bundle that moves a working day changes the deadlines computed with it, and a bundle that
//! breaks a rule (of a table, of the signature, of the lists' freshness) is refused whole while
//! the tables in use stay.
//!
//! Source: the certificate format (`docs/certificate-format.md`): the data bundle, the `data`
//! key use, freshness and rollback; Rules p.5 (re-registration within five working days).

use crate::support::cert as cert_support;
use crate::support::rules as rules_support;

use cert_support::*;
use serde_json::{Value, json};
use tirkeu::cert::*;
use tirkeu::data::{DATA_VERSION, DataBundle, RowStatus, Tables};
use tirkeu::i18n::Lang;
use tirkeu::rules::{FindingCode, Report, check_json_with};

const DAY: i64 = 86_400;
/// The bundle's issue time: 2026-07-02T00:00+05:00, after the lists, before `NOW`.
const BUNDLE_IAT: i64 = LIST_IAT + DAY;

/// A verifier trusting `issuer()` (certificates), `status_key()` (status lists) and `data_key()`
/// (data bundles).
fn verifier() -> Verifier {
    let mut keys = keys();
    keys.push(data_key_spec(&data_key(), "Data"));
    verifier_with(keys)
}

/// [`verifier`] with the 2027 decree installed (version 2027.1).
fn verifier_with_decree() -> Verifier {
    let mut verifier = verifier();
    let bundle = signed(&decree_2027("2027.1", BUNDLE_IAT), &data_key());
    verifier.load_data_bundle(&bundle, &at_now()).unwrap();
    verifier
}

/// A bundle's payload signed by `key` as it is: the issuer's tools would refuse to sign a bad one.
fn signed(bundle: &DataBundle, key: &SigningKey) -> Vec<u8> {
    cose::sign(&bundle.to_payload(), key)
}

/// An application of a person who entered on 2026-12-01 and moved on Friday 2027-01-08.
fn moved_on_8_january() -> Value {
    let mut application = rules_support::valid();
    rules_support::set(&mut application, "/entry/date", json!("2026-12-01"));
    rules_support::set(&mut application, "/stay/from", json!("2026-12-01"));
    rules_support::set(&mut application, "/stay/to", json!("2027-02-20"));
    rules_support::set(
        &mut application,
        "/addressChange",
        json!({ "movedOn": "2027-01-08" }),
    );
    application
}

fn check_by(tables: &Tables) -> Report {
    check_json_with(&moved_on_8_january(), date("2027-01-08"), Lang::En, tables).unwrap()
}

#[test]
fn a_bundle_that_moves_a_2027_working_day_moves_the_re_registration_deadline() {
    // Compiled in (2027 provisional): the 5th working day after Friday 8 January is Friday 15
    // (11, 12, 13, 14, 15). With the decree, Saturday 9 works: Thursday 14 (9, 11, 12, 13, 14).
    let compiled = check_by(Tables::compiled());
    let before = compiled.re_registration.as_ref().unwrap();
    assert_eq!(before.register_by, date("2027-01-15"));
    assert!(before.provisional, "2027 is provisional as compiled in");
    assert_eq!(compiled.data_version, DATA_VERSION);

    let mut verifier = verifier();
    let summary = verifier
        .load_data_bundle(
            &signed(&decree_2027("2027.1", BUNDLE_IAT), &data_key()),
            &at_now(),
        )
        .unwrap();
    assert_eq!(summary.version, "2027.1");
    let year_2027 = summary.calendar.iter().find(|y| y.year == 2027).unwrap();
    assert!(!year_2027.provisional);

    let report = check_by(verifier.tables());
    let after = report.re_registration.as_ref().unwrap();
    assert_eq!(after.register_by, date("2027-01-14"));
    // The bundle made 2027 official: the date no longer depends on a provisional year.
    assert!(!after.provisional);
    assert!(!report.has(FindingCode::CalendarProvisional));
    assert!(compiled.has(FindingCode::CalendarProvisional));
    assert_eq!(report.data_version, "2027.1");
    // The working-day count by the bundle's calendar.
    let calendar = verifier.tables().calendar();
    let count = calendar.working_days_between(date("2027-01-08"), date("2027-01-14"));
    assert_eq!((count.count, count.provisional), (5, false));
}

#[test]
fn the_payload_read_without_a_signature_gives_the_same_report() {
    // The rules-only entry takes the payload a verifier checked: the same tables, the same report.
    let verifier = verifier_with_decree();
    let payload = verifier.data_bundle().unwrap().payload().to_vec();
    let unsigned = DataBundle::from_payload(&payload).unwrap().tables();
    assert_eq!(
        serde_json::to_string(&check_by(&unsigned)).unwrap(),
        serde_json::to_string(&check_by(verifier.tables())).unwrap()
    );
}

/// Offers `bytes` to a verifier holding the decree bundle of version 2027.1, and checks that the
/// refusal names `expected` and that the tables in use stay those of 2027.1.
fn refused(bytes: &[u8], options: &LoadOptions, expected: &str) -> DataBundleError {
    let mut verifier = verifier_with_decree();
    let error = verifier.load_data_bundle(bytes, options).unwrap_err();
    assert!(
        error.to_string().contains(expected),
        "`{error}` does not say `{expected}`"
    );
    assert_eq!(verifier.tables().version(), "2027.1", "after `{error}`");
    assert_eq!(
        check_by(verifier.tables())
            .re_registration
            .unwrap()
            .register_by,
        date("2027-01-14")
    );
    error
}

/// The decree bundle, issued a day after the installed one, with `edit` applied.
fn later(edit: impl FnOnce(&mut DataBundle)) -> DataBundle {
    let mut bundle = decree_2027("2027.2", BUNDLE_IAT + DAY);
    edit(&mut bundle);
    bundle
}

#[test]
fn a_transfer_on_a_weekend_is_refused_whole() {
    let bundle = later(|bundle| {
        let transfer = bundle
            .calendar
            .iter_mut()
            .find(|row| row.date == date("2027-01-08"))
            .unwrap();
        transfer.date = date("2027-01-10"); // a Sunday
        bundle.calendar.sort_by_key(|row| row.date);
    });
    let error = refused(
        &signed(&bundle, &data_key()),
        &at_now(),
        "(2027-01-10): a transfer falls on a working weekday",
    );
    assert!(matches!(
        error,
        DataBundleError::Content(tirkeu::data::BundleError::Row {
            table: "calendar",
            ..
        })
    ));
}

#[test]
fn a_date_listed_twice_is_refused_whole() {
    let bundle = later(|bundle| {
        let twice = bundle
            .calendar
            .iter()
            .find(|row| row.date == date("2027-03-22"))
            .unwrap()
            .clone();
        bundle.calendar.push(twice);
        bundle.calendar.sort_by_key(|row| row.date);
    });
    refused(
        &signed(&bundle, &data_key()),
        &at_now(),
        "date 2027-03-22 is listed twice",
    );
}

#[test]
fn a_region_listed_twice_is_refused_whole() {
    let bundle = later(|bundle| {
        let first = bundle.regions[0].clone();
        bundle.regions.push(first);
    });
    refused(&signed(&bundle, &data_key()), &at_now(), "is listed twice");
}

#[test]
fn a_bad_signature_is_refused() {
    let mut bytes = signed(&later(|_| {}), &data_key());
    let last = bytes.len() - 1;
    bytes[last] ^= 1; // the signature is the last item
    let error = refused(&bytes, &at_now(), "does not verify");
    assert_eq!(
        error,
        DataBundleError::BadSignature {
            kid: data_key().kid()
        }
    );
}

#[test]
fn a_key_without_the_data_use_is_refused() {
    // The issuer's key signs certificates and the status key status lists: neither signs data.
    for key in [issuer(), status_key()] {
        let error = refused(
            &signed(&later(|_| {}), &key),
            &at_now(),
            "may not sign data bundles",
        );
        assert_eq!(error, DataBundleError::KeyNotValid { kid: key.kid() });
    }
    // A key the trust list does not hold, nor the root, which signs trust lists only.
    for key in [stranger(), root()] {
        let error = refused(
            &signed(&later(|_| {}), &key),
            &at_now(),
            "which the trust list does not hold",
        );
        assert_eq!(error, DataBundleError::UnknownKey { kid: key.kid() });
    }
}

#[test]
fn an_older_bundle_is_refused_and_one_of_the_same_time_too() {
    // A validly signed bundle issued before the installed one (an attacker replaying the
    // provisional calendar) or at the same time with other rows.
    let older = decree_2027("2027.0", BUNDLE_IAT - DAY);
    let error = refused(&signed(&older, &data_key()), &at_now(), "older");
    assert!(matches!(
        error,
        DataBundleError::Date(ListDateError::Older { .. })
    ));
    let mut same_time = decree_2027("2027.1b", BUNDLE_IAT);
    same_time.regions.truncate(19);
    let error = refused(&signed(&same_time, &data_key()), &at_now(), "");
    assert!(matches!(
        error,
        DataBundleError::Date(ListDateError::SameIssueTime { .. })
    ));
    // The same bytes again change nothing and answer the summary.
    let mut verifier = verifier();
    let bytes = signed(&decree_2027("2027.1", BUNDLE_IAT), &data_key());
    verifier.load_data_bundle(&bytes, &at_now()).unwrap();
    assert_eq!(
        verifier
            .load_data_bundle(&bytes, &at_now())
            .unwrap()
            .version,
        "2027.1"
    );
}

#[test]
fn a_bundle_older_than_the_compiled_tables_is_refused_even_as_the_first() {
    // Issued the day before the compiled tables' version: it would roll them back.
    let iat = tirkeu::data::compiled_issued_at() - DAY;
    let bundle = DataBundle::from_tables("2026-old", iat, iat + DAY * 400, Tables::compiled());
    let mut verifier = verifier();
    let error = verifier
        .load_data_bundle(&signed(&bundle, &data_key()), &at_now())
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("before the tables compiled into"),
        "{error}"
    );
    assert!(verifier.data_bundle().is_none());
    assert_eq!(verifier.tables().version(), DATA_VERSION);
}

#[test]
fn a_bundle_from_the_future_or_below_min_issued_at_is_refused() {
    // More than a day ahead of the device's clock.
    let future = later(|bundle| {
        bundle.issued_at = NOW + DAY + 60;
        bundle.next_update = bundle.issued_at + 365 * DAY;
    });
    let error = refused(
        &signed(&future, &data_key()),
        &at_now(),
        "issued in the future",
    );
    assert!(matches!(
        error,
        DataBundleError::Date(ListDateError::Future { .. })
    ));
    // Below the highest issue time the caller has accepted (after a reload, with no installed
    // bundle to compare with).
    let options = LoadOptions {
        min_issued_at: Some(BUNDLE_IAT + 2 * DAY),
        ..at_now()
    };
    let error = refused(&signed(&later(|_| {}), &data_key()), &options, "before");
    assert!(matches!(
        error,
        DataBundleError::Date(ListDateError::BelowMinimum { .. })
    ));
    let mut fresh = verifier();
    assert!(
        fresh
            .load_data_bundle(&signed(&later(|_| {}), &data_key()), &options)
            .is_err()
    );
    assert!(fresh.data_bundle().is_none());
}

#[test]
fn a_newer_bundle_replaces_the_installed_one() {
    let mut verifier = verifier_with_decree();
    // 2027.2 takes the decree back (the compiled 2027, official).
    let mut undo =
        DataBundle::from_tables("2027.2", BUNDLE_IAT + DAY, NOW + DAY, Tables::compiled());
    undo.calendar.retain(|row| row.date.year() == 2027);
    for row in &mut undo.calendar {
        row.status = RowStatus::Official;
    }
    verifier
        .load_data_bundle(&signed(&undo, &data_key()), &at_now())
        .unwrap();
    let report = check_by(verifier.tables());
    let deadline = report.re_registration.unwrap();
    assert_eq!(deadline.register_by, date("2027-01-15"));
    assert!(!deadline.provisional);
    assert_eq!(report.data_version, "2027.2");
}

#[test]
fn no_trust_list_no_bundle() {
    let mut verifier = Verifier::new(root().public_key());
    assert_eq!(
        verifier.load_data_bundle(&signed(&later(|_| {}), &data_key()), &at_now()),
        Err(DataBundleError::NoTrustList)
    );
}
