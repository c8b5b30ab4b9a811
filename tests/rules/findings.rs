//! One case per finding code that triggers it, and a near miss that does not (Order 923
//! and the readings the README lists). Each case starts from the valid application of `rules_support::valid`.

use crate::support::rules as rules_support;

use rules_support::{TODAY, check_on, iin, move_address, remove, set, valid};
use serde_json::{Value, json};
use tirkeu::rules::{FindingCode, FindingCode as C, Severity};

type Edit = fn(&mut Value);

struct Case {
    code: FindingCode,
    /// The field path the finding must carry (None: no field).
    field: Option<&'static str>,
    trigger: Edit,
    trigger_today: &'static str,
    near_miss: Edit,
    near_miss_today: &'static str,
}

const fn case(
    code: FindingCode,
    field: Option<&'static str>,
    trigger: Edit,
    near_miss: Edit,
) -> Case {
    case_on(code, field, trigger, TODAY, near_miss, TODAY)
}

const fn case_on(
    code: FindingCode,
    field: Option<&'static str>,
    trigger: Edit,
    trigger_today: &'static str,
    near_miss: Edit,
    near_miss_today: &'static str,
) -> Case {
    Case {
        code,
        field,
        trigger,
        trigger_today,
        near_miss,
        near_miss_today,
    }
}

fn cases() -> Vec<Case> {
    vec![
        case(
            C::FieldRequired,
            Some("immigrant.surname"),
            |a| remove(a, "/immigrant/surname"),
            |a| set(a, "/immigrant/surname", json!("A")),
        ),
        case(
            C::FieldInvalid,
            Some("address.street"),
            |a| set(a, "/address/street", json!(true)),
            |a| set(a, "/address/street", json!("Абая 1")),
        ),
        case(
            C::NameInvalid,
            Some("immigrant.surname"),
            |a| set(a, "/immigrant/surname", json!("IVAN0V")),
            |a| set(a, "/immigrant/surname", json!("IVANOV-O'NEIL")),
        ),
        case(
            C::BirthDateInvalid,
            Some("immigrant.birthDate"),
            |a| set(a, "/immigrant/birthDate", json!("1906-07-14")),
            |a| set(a, "/immigrant/birthDate", json!("1906-07-15")),
        ),
        case(
            C::CitizenshipUnknown,
            Some("immigrant.citizenship"),
            |a| set(a, "/immigrant/citizenship", json!("SUN")),
            |a| set(a, "/immigrant/citizenship", json!("tur")),
        ),
        case(
            C::CitizenshipKazakhstan,
            Some("immigrant.citizenship"),
            |a| set(a, "/immigrant/citizenship", json!("KAZ")),
            |a| set(a, "/immigrant/citizenship", json!("KGZ")),
        ),
        case(
            C::PassportNumberInvalid,
            Some("immigrant.passport.number"),
            |a| set(a, "/immigrant/passport/number", json!("N 123")),
            |a| set(a, "/immigrant/passport/number", json!("N 1234")),
        ),
        case(
            C::PassportKindInvalid,
            Some("immigrant.passport.kind"),
            |a| set(a, "/immigrant/passport/kind", json!("official")),
            |a| set(a, "/immigrant/passport/kind", json!("diplomatic")),
        ),
        case(
            C::PassportExpiryInvalid,
            Some("immigrant.passport.expiresOn"),
            |a| set(a, "/immigrant/passport/expiresOn", json!("2031-13-01")),
            |a| set(a, "/immigrant/passport/expiresOn", json!("2031-12-01")),
        ),
        // expiresOn is the last valid day: 2026-07-15 is still valid on 2026-07-15.
        case(
            C::PassportExpired,
            Some("immigrant.passport.expiresOn"),
            |a| set(a, "/immigrant/passport/expiresOn", json!("2026-07-14")),
            |a| set(a, "/immigrant/passport/expiresOn", json!("2026-07-15")),
        ),
        case(
            C::PassportExpiresDuringStay,
            Some("immigrant.passport.expiresOn"),
            |a| set(a, "/immigrant/passport/expiresOn", json!("2026-09-19")),
            |a| set(a, "/immigrant/passport/expiresOn", json!("2026-09-20")),
        ),
        case(
            C::EntryInvalid,
            Some("entry.date"),
            |a| set(a, "/entry/date", json!("2026-07-16")),
            |a| set(a, "/entry/date", json!("2026-07-15")),
        ),
        case(
            C::EntryPurposeInvalid,
            Some("entry.purpose"),
            |a| set(a, "/entry/purpose", json!("holiday")),
            |a| set(a, "/entry/purpose", json!("tourism")),
        ),
        case(
            C::ContractInvalid,
            Some("entry.contractUntil"),
            |a| set(a, "/entry/contractUntil", json!("2026-06-30")),
            |a| set(a, "/entry/contractUntil", json!("2026-07-01")),
        ),
        case(
            C::HostKindInvalid,
            Some("host.kind"),
            |a| set(a, "/host/kind", json!("company")),
            |a| set(a, "/host/kind", json!("organization")),
        ),
        case(
            C::HostIdInvalid,
            Some("host.id"),
            |a| set(a, "/host/id", json!("900515300128")),
            |a| set(a, "/host/id", json!("900515300127")),
        ),
        // Born 2008-07-16: 17 on 2026-07-15; born 2008-07-15: 18 that day (digit 7 = 5: 2000s).
        case(
            C::HostMinor,
            Some("host.id"),
            |a| set(a, "/host/id", json!(iin("08071650012"))),
            |a| set(a, "/host/id", json!(iin("08071550012"))),
        ),
        case(
            C::AddressRegionUnknown,
            Some("address.region"),
            |a| set(a, "/address/region", json!("XYZ")),
            |a| set(a, "/address/region", json!("ala")),
        ),
        case(
            C::AddressPremisesNotResidential,
            Some("address.premises"),
            |a| set(a, "/address/premises", json!("office")),
            |a| set(a, "/address/premises", json!("other_residential")),
        ),
        case(
            C::StayPeriodInvalid,
            Some("stay.to"),
            |a| set(a, "/stay/from", json!("2026-09-21")),
            |a| set(a, "/stay/from", json!("2026-09-20")),
        ),
        case(
            C::PreviousStaysInvalid,
            Some("previousStays[0]"),
            |a| {
                set(
                    a,
                    "/previousStays",
                    json!([{ "entry": "2026-03-10", "exit": "2026-03-01" }]),
                )
            },
            |a| {
                set(
                    a,
                    "/previousStays",
                    json!([{ "entry": "2026-03-01", "exit": "2026-03-10" }]),
                )
            },
        ),
        case(
            C::PreviousStaysOverlap,
            Some("previousStays[1]"),
            |a| {
                set(
                    a,
                    "/previousStays",
                    json!([{ "entry": "2026-03-01", "exit": "2026-03-10" }, { "entry": "2026-03-09", "exit": "2026-03-20" }]),
                )
            },
            |a| {
                set(
                    a,
                    "/previousStays",
                    json!([{ "entry": "2026-03-01", "exit": "2026-03-10" }, { "entry": "2026-03-10", "exit": "2026-03-20" }]),
                )
            },
        ),
        case(
            C::AddressChangeInvalid,
            Some("addressChange.movedOn"),
            |a| set(a, "/addressChange", json!({ "movedOn": "2026-07-16" })),
            |a| set(a, "/addressChange", json!({ "movedOn": "2026-07-15" })),
        ),
        case(
            C::PolicyInvalid,
            Some("policy.deadlineCounting"),
            |a| set(a, "/policy/deadlineCounting", json!("calendar")),
            |a| set(a, "/policy/deadlineCounting", json!("civil_code")),
        ),
        case(
            C::RulesTransitional,
            Some("entry.date"),
            entered_06_30,
            |a| set(a, "/entry/date", json!("2026-07-01")),
        ),
        case(C::HostNotice, None, entered_06_30, |a| {
            set(a, "/entry/date", json!("2026-07-01"))
        }),
        case_on(
            C::DeadlineMissed,
            Some("entry.date"),
            |_| {},
            "2026-07-31",
            |_| {},
            "2026-07-30",
        ),
        case_on(
            C::DeadlineDueSoon,
            Some("entry.date"),
            |_| {},
            "2026-07-27",
            |_| {},
            "2026-07-26",
        ),
        // Moved on 07-03: re-register by 07-13, but not late before the first deadline (07-30)
        // has passed too.
        case_on(
            C::ReRegistrationMissed,
            Some("addressChange.movedOn"),
            moved_on_07_03,
            "2026-07-31",
            moved_on_07_03,
            "2026-07-30",
        ),
        // Moved on 07-28: re-register by 08-04, later than the first deadline; on 07-31 two
        // working days are left (08-03, 08-04), on 07-29 four.
        case_on(
            C::ReRegistrationDueSoon,
            Some("addressChange.movedOn"),
            moved_on_07_28,
            "2026-07-31",
            moved_on_07_28,
            "2026-07-29",
        ),
        // Entry 2026-12-10: the outer bound is counted from 2027-01-09, in the provisional 2027.
        case_on(
            C::CalendarProvisional,
            None,
            |a| entry_on(a, "2026-12-10"),
            "2026-12-15",
            |a| entry_on(a, "2026-11-30"),
            "2026-12-15",
        ),
        case(
            C::MinorUnder16,
            Some("immigrant.birthDate"),
            |a| set(a, "/immigrant/birthDate", json!("2010-07-16")),
            |a| set(a, "/immigrant/birthDate", json!("2010-07-15")),
        ),
        case(
            C::TreatyEaeuWorker,
            Some("entry.contractUntil"),
            |a| {
                set(a, "/entry/purpose", json!("work"));
                set(a, "/entry/contractUntil", json!("2027-06-30"));
            },
            |a| {
                set(a, "/entry/purpose", json!("business"));
                set(a, "/entry/contractUntil", json!("2027-06-30"));
            },
        ),
        case(
            C::StayExceedsLimit,
            Some("stay.to"),
            |a| set(a, "/stay/to", json!("2026-09-29")),
            |a| set(a, "/stay/to", json!("2026-09-28")),
        ),
        case_on(
            C::StayOverstayed,
            None,
            |a| set(a, "/stay/to", json!("2026-10-01")),
            "2026-09-29",
            |a| set(a, "/stay/to", json!("2026-10-01")),
            "2026-09-28",
        ),
        case(
            C::RegimeUnconfirmed,
            Some("immigrant.citizenship"),
            |a| set(a, "/immigrant/citizenship", json!("GEO")),
            |a| set(a, "/immigrant/citizenship", json!("TUR")),
        ),
    ]
}

fn moved_on_07_03(application: &mut Value) {
    move_address(application, "2026-07-03");
}

fn moved_on_07_28(application: &mut Value) {
    move_address(application, "2026-07-28");
}

/// Entered (and staying from) 2026-06-30, the day before the Order came into force.
fn entered_06_30(application: &mut Value) {
    set(application, "/entry/date", json!("2026-06-30"));
    set(application, "/stay/from", json!("2026-06-30"));
}

fn entry_on(application: &mut Value, date: &str) {
    set(application, "/entry/date", json!(date));
    set(application, "/stay/from", json!(date));
    set(application, "/stay/to", json!("2027-02-01"));
}

#[test]
fn every_code_triggers_and_has_a_near_miss() {
    let cases = cases();
    for code in FindingCode::ALL {
        assert!(cases.iter().any(|c| c.code == *code), "no case for {code}");
    }
    for case in &cases {
        let mut triggered = valid();
        (case.trigger)(&mut triggered);
        let report = check_on(&triggered, case.trigger_today);
        let found: Vec<_> = report.with(case.code).collect();
        assert!(
            !found.is_empty(),
            "{}: not triggered; findings {:#?}",
            case.code,
            report.findings
        );
        assert!(
            found.iter().any(|f| f.field.as_deref() == case.field),
            "{}: field {:?} in {found:#?}",
            case.code,
            case.field
        );
        let spec = case.code.spec();
        for finding in &found {
            assert_eq!(finding.severity, spec.severity, "{}", case.code);
            assert_eq!(finding.basis, spec.basis.text.en, "{}", case.code);
            assert_eq!(finding.basis_refs, spec.basis.refs, "{}", case.code);
            assert!(
                !finding.message.contains('{'),
                "{}: unfilled placeholder in {:?}",
                case.code,
                finding.message
            );
        }
        assert_eq!(
            report.ok,
            !report
                .findings
                .iter()
                .any(|f| f.severity == Severity::Error)
        );

        let mut missed = valid();
        (case.near_miss)(&mut missed);
        let report = check_on(&missed, case.near_miss_today);
        assert!(
            !report.has(case.code),
            "{}: near miss triggered it: {:#?}",
            case.code,
            report.findings
        );
    }
}

#[test]
fn messages_in_every_language_have_no_unfilled_placeholders() {
    for case in cases() {
        let mut triggered = valid();
        (case.trigger)(&mut triggered);
        for lang in tirkeu::i18n::Lang::ALL {
            let report =
                tirkeu::rules::check_json(&triggered, rules_support::day(case.trigger_today), lang)
                    .unwrap();
            for finding in &report.findings {
                assert!(
                    !finding.message.contains('{'),
                    "{lang} {}: {:?}",
                    finding.code,
                    finding.message
                );
            }
            let obligation = report.obligation.map(|o| o.message).unwrap_or_default();
            assert!(!obligation.contains('{'));
        }
    }
}

#[test]
fn severities_match_the_spec() {
    // Source: Order 923, Rules p.3, p.4 and p.5.
    use Severity::*;
    for (code, severity) in [
        (C::FieldRequired, Error),
        (C::NameInvalid, Error),
        (C::BirthDateInvalid, Error),
        (C::CitizenshipUnknown, Error),
        (C::CitizenshipKazakhstan, Error),
        (C::PassportNumberInvalid, Error),
        (C::PassportExpired, Error),
        (C::PassportExpiresDuringStay, Warning),
        (C::EntryInvalid, Error),
        (C::HostIdInvalid, Error),
        (C::HostMinor, Warning),
        (C::AddressRegionUnknown, Error),
        (C::AddressPremisesNotResidential, Error),
        (C::StayPeriodInvalid, Error),
        // Revision 2: lateness is not a refusal ground of Rules p.4 (a warning, ok stays true).
        (C::DeadlineMissed, Warning),
        (C::DeadlineDueSoon, Warning),
        (C::ReRegistrationMissed, Warning),
        (C::HostNotice, Info),
        (C::CalendarProvisional, Warning),
        (C::MinorUnder16, Info),
        (C::TreatyEaeuWorker, Info),
        (C::StayExceedsLimit, Error),
        (C::StayOverstayed, Error),
        (C::RulesTransitional, Warning),
    ] {
        assert_eq!(code.spec().severity, severity, "{code}");
    }
}

#[test]
fn required_fields_each_have_their_path() {
    // Source: Order 923, Rules p.3 (the fields) and the report's dotted paths.
    let report = check_on(&json!({}), TODAY);
    let required: Vec<&str> = report
        .with(C::FieldRequired)
        .filter_map(|f| f.field.as_deref())
        .collect();
    for path in [
        "immigrant.surname",
        "immigrant.givenNames",
        "immigrant.birthDate",
        "immigrant.citizenship",
        "immigrant.passport.number",
        "immigrant.passport.expiresOn",
        "entry.date",
        "host.kind",
        "host.id",
        "host.name",
        "address.region",
        "address.locality",
        "address.street",
        "address.building",
        "address.premises",
        "stay.from",
        "stay.to",
    ] {
        assert!(
            required.contains(&path),
            "{path} not reported in {required:?}"
        );
    }
    assert!(!required.contains(&"immigrant.patronymic"));
    assert!(
        !required.contains(&"address.apartment"),
        "apartment only for apartment premises"
    );
    let mut flat = valid();
    remove(&mut flat, "/address/apartment");
    assert!(
        check_on(&flat, TODAY)
            .with(C::FieldRequired)
            .any(|f| f.field.as_deref() == Some("address.apartment"))
    );
    set(&mut flat, "/address/premises", json!("house"));
    assert!(check_on(&flat, TODAY).ok);
}

#[test]
fn previous_stay_paths_are_indexed() {
    let mut application = valid();
    set(
        &mut application,
        "/previousStays",
        json!([
            { "entry": "2026-01-10", "exit": "2026-02-08" },
            { "entry": "2026-02-15" },
            { "entry": "2026-02-30", "exit": "2026-03-01" },
            "2026-04-01",
            { "entry": "2026-05-01", "exit": "2026-12-01" }
        ]),
    );
    let report = check_on(&application, TODAY);
    let paths: Vec<(&str, &str)> = report
        .findings
        .iter()
        .filter(|f| {
            f.field
                .as_deref()
                .is_some_and(|p| p.starts_with("previousStays"))
        })
        .map(|f| (f.code.as_str(), f.field.as_deref().unwrap()))
        .collect();
    assert_eq!(
        paths,
        vec![
            ("field.required", "previousStays[1].exit"),
            ("previous_stays.invalid", "previousStays[2].entry"),
            ("previous_stays.invalid", "previousStays[3]"),
            ("previous_stays.invalid", "previousStays[4].exit"),
        ]
    );
    // The usable stay still counts: 2026-01-17..02-08 (23 days) in the window, 15 in the current stay.
    assert_eq!(report.stay.unwrap().days_used, 38);
}
