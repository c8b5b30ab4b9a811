//! Every worked example of the rules (Order 923 and the readings the README lists), through the public API.

use crate::support::rules as rules_support;

use rules_support::{
    check, check_on, contract_until, day, first_finding, iin, move_address, set, valid,
};
use serde_json::json;
use tirkeu::calendar::{is_working_day, nth_working_day_after, working_days_between};
use tirkeu::data::Regime;
use tirkeu::i18n::Lang;
use tirkeu::rules::iin::{IdError, validate_bin, validate_iin};
use tirkeu::rules::{DeadlineState, FindingCode, LimitedBy, ObligationKind, check_json};

#[test]
fn interfaces_example_report() {
    // Source: the report of the README's example (entry 2026-07-01, checked 2026-07-15).
    let report = check(&valid());
    assert!(report.ok, "{:#?}", report.findings);
    assert_eq!(
        report.obligation.as_ref().unwrap().kind,
        ObligationKind::MustRegister
    );
    assert_eq!(
        report.obligation.as_ref().unwrap().basis,
        "Order 923, Rules p.3"
    );
    let deadline = report.deadline.unwrap();
    assert_eq!(deadline.register_by, day("2026-07-30"));
    assert_eq!(deadline.outer_bound, day("2026-07-31"));
    assert_eq!(deadline.days_left, 15);
    assert_eq!(deadline.state, DeadlineState::Open);
    assert!(!deadline.provisional);
    let stay = report.stay.unwrap();
    assert_eq!(stay.regime, Regime::VisaFree90);
    assert_eq!(
        (stay.days_per_entry, stay.days_in_window, stay.window_days),
        (90, 90, 180)
    );
    assert_eq!(stay.days_used, 15);
    assert_eq!(stay.last_allowed_day, day("2026-09-28"));
    assert_eq!(stay.overstay_days, 0);
    assert!(report.re_registration.is_none());
}

#[test]
fn registration_deadlines_and_outer_bounds() {
    // Source: Order 923, Rules p.3, worked examples (default reading / outer bound).
    for (entry, register_by, outer_bound) in [
        ("2026-07-01", "2026-07-30", "2026-07-31"),
        ("2026-08-01", "2026-08-30", "2026-08-31"),
        ("2026-09-26", "2026-10-25", "2026-10-27"),
        ("2026-12-01", "2026-12-30", "2026-12-31"),
    ] {
        let mut application = valid();
        set(&mut application, "/entry/date", json!(entry));
        set(&mut application, "/stay/from", json!(entry));
        set(&mut application, "/stay/to", json!("2027-02-01"));
        let report = check_on(&application, entry);
        let deadline = report.deadline.unwrap();
        assert_eq!(deadline.register_by, day(register_by), "entry {entry}");
        assert_eq!(deadline.outer_bound, day(outer_bound), "entry {entry}");
        assert!(!deadline.provisional);
        // Under the Civil Code reading, registerBy is the outer bound.
        set(
            &mut application,
            "/policy",
            json!({ "deadlineCounting": "civil_code" }),
        );
        let civil = check_on(&application, entry).deadline.unwrap();
        assert_eq!(civil.register_by, day(outer_bound));
        assert_eq!(civil.outer_bound, day(outer_bound));
    }
}

#[test]
fn deadline_states() {
    // Source: Order 923, Rules p.3 (open, due_today, missed; due_soon with 1-3 days left).
    let application = valid();
    let state = |today: &str| check_on(&application, today).deadline.unwrap().state;
    assert_eq!(state("2026-07-29"), DeadlineState::Open);
    assert_eq!(state("2026-07-30"), DeadlineState::DueToday);
    assert_eq!(state("2026-07-31"), DeadlineState::Missed);
    let missed = check_on(&application, "2026-07-31");
    // A warning since revision 2 (lateness is not a refusal ground of Rules p.4).
    assert!(missed.ok && missed.has(FindingCode::DeadlineMissed));
    assert_eq!(missed.deadline.unwrap().days_left, -1);
    assert!(check_on(&application, "2026-07-27").has(FindingCode::DeadlineDueSoon));
}

fn re_registration(moved_on: &str, counting: Option<&str>) -> (String, bool) {
    let mut application = valid();
    set(&mut application, "/entry/date", json!("2026-01-05"));
    move_address(&mut application, moved_on);
    set(&mut application, "/stay/to", json!("2027-03-01"));
    if let Some(counting) = counting {
        set(
            &mut application,
            "/policy/reRegistrationCounting",
            json!(counting),
        );
    }
    let report = check_on(&application, moved_on);
    // The first deadline stands after a move; this one (2026-02-03) fell before the Order.
    assert_eq!(
        report.deadline.map(|d| d.state),
        Some(DeadlineState::NotApplicable)
    );
    let again = report.re_registration.unwrap();
    (again.register_by.to_string(), again.provisional)
}

#[test]
fn re_registration_default_reading() {
    // Source: Order 923, Rules p.5, worked examples (default reading).
    assert_eq!(
        re_registration("2026-05-06", None),
        ("2026-05-15".into(), false)
    );
    assert_eq!(
        re_registration("2026-03-20", None),
        ("2026-04-01".into(), false)
    );
    assert_eq!(
        re_registration("2026-07-03", None),
        ("2026-07-13".into(), false)
    );
    assert_eq!(
        re_registration("2026-12-31", None),
        ("2027-01-12".into(), true)
    );
    assert_eq!(
        nth_working_day_after(day("2026-12-31"), 5).date,
        day("2027-01-12")
    );
}

#[test]
fn re_registration_event_day_counts() {
    // Source: Order 923, Rules p.5, the alternative reading (the move day is day 1 when it is a
    // working day), applied to the same moves; the days are counted on the table by hand:
    // 05-06 (1) 05-08 (2) 05-12 (3) 05-13 (4) 05-14 (5); 03-20 (1) 03-26 03-27 03-30 03-31 (5);
    // 07-03 (1) 07-07 07-08 07-09 07-10 (5); 12-31 (1) 01-05 01-06 01-08 01-11 (5).
    let counting = Some("event_day_counts");
    assert_eq!(
        re_registration("2026-05-06", counting),
        ("2026-05-14".into(), false)
    );
    assert_eq!(
        re_registration("2026-03-20", counting),
        ("2026-03-31".into(), false)
    );
    assert_eq!(
        re_registration("2026-07-03", counting),
        ("2026-07-10".into(), false)
    );
    assert_eq!(
        re_registration("2026-12-31", counting),
        ("2027-01-11".into(), true)
    );
    // A move on a day off: both readings agree (Sunday 2026-07-05 -> 07-07..07-13).
    assert_eq!(
        re_registration("2026-07-05", counting),
        re_registration("2026-07-05", None)
    );
}

#[test]
fn re_registration_states_and_working_days_left() {
    let mut application = valid();
    move_address(&mut application, "2026-07-03");
    let on = |today: &str| check_on(&application, today);
    let open = on("2026-07-08").re_registration.unwrap();
    assert_eq!(open.register_by, day("2026-07-13"));
    assert_eq!(open.outer_bound, day("2026-07-13"));
    assert_eq!(open.working_days_left, Some(3));
    assert_eq!(open.days_left, 5);
    // Its own last day, but the first deadline (07-30) still runs: open (Rules p.3, p.5).
    assert_eq!(
        on("2026-07-13").re_registration.unwrap().state,
        DeadlineState::Open
    );
    assert_eq!(
        on("2026-07-30").re_registration.unwrap().state,
        DeadlineState::DueToday
    );
    // After its own last day, still open while the first deadline (07-30) runs (Rules p.3).
    let after_own = on("2026-07-14");
    assert_eq!(
        after_own.re_registration.unwrap().state,
        DeadlineState::Open
    );
    assert!(!after_own.has(FindingCode::ReRegistrationMissed));
    let missed = on("2026-07-31");
    assert_eq!(missed.re_registration.unwrap().state, DeadlineState::Missed);
    assert!(missed.has(FindingCode::ReRegistrationMissed));
    assert!(missed.has(FindingCode::DeadlineMissed));
    assert!(missed.ok);
}

#[test]
fn working_day_definitions() {
    // Source: Order 923, Rules p.5 (a working_weekend day counts as a working day).
    assert!(is_working_day(day("2025-01-05")));
    assert!(!is_working_day(day("2025-01-03")));
    assert_eq!(
        working_days_between(day("2026-03-20"), day("2026-04-01")).count,
        5
    );
}

fn stay_application(
    citizenship: &str,
    entry: &str,
    previous: serde_json::Value,
    to: &str,
) -> serde_json::Value {
    let mut application = valid();
    set(
        &mut application,
        "/immigrant/citizenship",
        json!(citizenship),
    );
    set(&mut application, "/entry/date", json!(entry));
    set(&mut application, "/stay/from", json!(entry));
    set(&mut application, "/stay/to", json!(to));
    set(&mut application, "/previousStays", previous);
    application
}

#[test]
fn swiss_overstay_of_nine_days() {
    // Source: Order 923, Rules p.4(2), and the regimes' limits, the Swiss migration office example, with a visa_free_90
    // citizenship (TUR) so that the 90/180 limit applies: 99 days at exit 2014-06-09, 9 over.
    let previous = json!([
        { "entry": "2013-09-01", "exit": "2013-09-30" },
        { "entry": "2014-02-21", "exit": "2014-04-20" }
    ]);
    let application = stay_application("TUR", "2014-05-01", previous, "2014-06-09");
    let report = check_on(&application, "2014-06-09");
    let stay = report.stay.as_ref().unwrap();
    assert_eq!(stay.days_used, 99);
    assert_eq!(stay.overstay_days, 9);
    assert_eq!(stay.last_allowed_day, day("2014-05-31"));
    assert!(report.has(FindingCode::StayExceedsLimit));
    assert!(report.has(FindingCode::StayOverstayed));
    assert!(report.has(FindingCode::RulesTransitional));
}

#[test]
fn kazakh_stay_examples() {
    // Source: Order 923, Rules p.4(2), and the regimes' limits.
    let chn = check_on(
        &stay_application("CHN", "2026-07-01", json!([]), "2026-07-30"),
        "2026-07-01",
    );
    assert_eq!(chn.stay.as_ref().unwrap().regime, Regime::VisaFree30);
    assert_eq!(
        chn.stay.as_ref().unwrap().last_allowed_day,
        day("2026-07-30")
    );
    assert_eq!(
        chn.obligation.as_ref().unwrap().kind,
        ObligationKind::NotCovered
    );
    assert!(!chn.has(FindingCode::StayExceedsLimit));

    let tur = check_on(
        &stay_application("TUR", "2026-07-01", json!([]), "2026-09-28"),
        "2026-07-01",
    );
    assert_eq!(tur.stay.unwrap().last_allowed_day, day("2026-09-28"));

    let earlier = json!([
        { "entry": "2026-01-10", "exit": "2026-02-08" },
        { "entry": "2026-02-15", "exit": "2026-03-16" },
        { "entry": "2026-03-25", "exit": "2026-04-23" }
    ]);
    // 90 days used: the next lawful entry, even for one day, is 2026-07-09.
    let lawful = check_on(
        &stay_application("TUR", "2026-07-09", earlier.clone(), "2026-07-09"),
        "2026-07-09",
    );
    assert!(
        !lawful.has(FindingCode::StayExceedsLimit),
        "{:#?}",
        lawful.findings
    );
    let too_early = check_on(
        &stay_application("TUR", "2026-07-08", earlier, "2026-07-08"),
        "2026-07-08",
    );
    assert!(too_early.has(FindingCode::StayExceedsLimit));
    assert!(too_early.has(FindingCode::StayOverstayed));
    assert_eq!(too_early.stay.unwrap().last_allowed_day, day("2026-07-07"));
}

#[test]
fn eaeu_worker_stays_for_the_contract() {
    // Source: Order 923, Rules p.3 and the stay limits (Treaty on the EAEU art. 97(8)).
    let mut application = valid();
    set(&mut application, "/entry/purpose", json!("work"));
    contract_until(&mut application, "2027-06-30");
    let report = check(&application);
    assert!(report.ok, "{:#?}", report.findings);
    assert_eq!(
        report.obligation.as_ref().unwrap().kind,
        ObligationKind::MustRegister
    );
    assert!(report.has(FindingCode::TreatyEaeuWorker));
    let stay = report.stay.unwrap();
    assert_eq!(stay.limited_by, LimitedBy::LabourContract);
    assert_eq!(stay.last_allowed_day, day("2027-06-30"));
}

#[test]
fn iin_examples() {
    // Source: Order 923, Rules p.3 (the fields) and p.4(1).
    for valid_iin in ["900515300127", "851213401234", "000229500454"] {
        assert!(validate_iin(valid_iin).is_ok(), "{valid_iin}");
        let mut application = valid();
        set(&mut application, "/host/id", json!(valid_iin));
        assert!(
            !check(&application).has(FindingCode::HostIdInvalid),
            "{valid_iin}"
        );
    }
    assert_eq!(
        validate_iin("900515300128"),
        Err(IdError::CheckDigit { expected: 7 })
    );
    assert_eq!(validate_iin("900515300910"), Err(IdError::NeverIssued));
    assert_eq!(validate_iin("901315300122"), Err(IdError::BirthDate));
    assert_eq!(validate_iin("010229500456"), Err(IdError::BirthDate));
    assert_eq!(
        validate_iin("900515700122"),
        Err(IdError::CenturyDigit { found: 7 })
    );
    for invalid in [
        "900515300128",
        "900515300910",
        "901315300122",
        "010229500456",
        "900515700122",
    ] {
        let mut application = valid();
        set(&mut application, "/host/id", json!(invalid));
        let report = check(&application);
        let finding = first_finding(&report, FindingCode::HostIdInvalid);
        assert_eq!(finding.field.as_deref(), Some("host.id"));
        assert_eq!(finding.basis, "Order 923, Rules p.3, p.4(1)");
    }
    // A BIN is checked as a BIN: its month of registration (07) and kind of entity (4).
    assert!(validate_bin(&iin("16074001830")).is_ok());
}

#[test]
fn obligation_table() {
    // Source: Order 923, Rules p.2-p.3, and the policy options.
    let kind = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut application = valid();
        edit(&mut application);
        check(&application)
            .obligation
            .map(|o| (o.kind, o.code.as_str()))
    };
    use ObligationKind::*;
    assert_eq!(kind(&|_| {}), Some((MustRegister, "registration.required")));
    assert_eq!(
        kind(&|a| set(a, "/immigrant/citizenship", json!("KAZ"))),
        Some((NotCovered, "registration.not_covered.citizen"))
    );
    assert_eq!(
        kind(&|a| set(a, "/stay/to", json!("2026-07-30"))),
        Some((NotRequired, "registration.not_required"))
    );
    assert_eq!(
        kind(&|a| set(a, "/stay/to", json!("2026-07-31")))
            .unwrap()
            .0,
        MustRegister
    );
    assert_eq!(
        kind(&|a| set(a, "/immigrant/citizenship", json!("USA"))),
        Some((NotCovered, "registration.not_covered.short_stay"))
    );
    assert_eq!(
        kind(&|a| set(a, "/immigrant/citizenship", json!("IND")))
            .unwrap()
            .0,
        NotCovered
    );
    assert_eq!(
        kind(&|a| set(a, "/immigrant/citizenship", json!("AFG"))),
        Some((NotCovered, "registration.not_covered.visa"))
    );
    assert_eq!(
        kind(&|a| set(a, "/immigrant/citizenship", json!("XXA")))
            .unwrap()
            .0,
        NotCovered
    );
    assert_eq!(
        kind(&|a| set(a, "/immigrant/passport/kind", json!("diplomatic"))),
        Some((Exempt, "registration.exempt.diplomatic"))
    );
    assert_eq!(
        kind(&|a| {
            set(a, "/immigrant/passport/kind", json!("service"));
            set(a, "/policy/diplomaticExempt", json!(false));
        })
        .unwrap()
        .0,
        MustRegister
    );
    // Under 16: still must register by default (info minor.under16), exempt by policy.
    let mut child = valid();
    set(&mut child, "/immigrant/birthDate", json!("2012-01-01"));
    let report = check(&child);
    assert_eq!(report.obligation.as_ref().unwrap().kind, MustRegister);
    assert!(report.has(FindingCode::MinorUnder16));
    set(&mut child, "/policy/under16Exempt", json!(true));
    let report = check(&child);
    assert_eq!(report.obligation.as_ref().unwrap().kind, Exempt);
    assert!(report.deadline.is_none());
    assert!(report.policy.under16_exempt);
    // Unknown citizenship: the obligation cannot be known.
    assert_eq!(
        kind(&|a| set(a, "/immigrant/citizenship", json!("ZZZ"))),
        None
    );
}

#[test]
fn policy_is_echoed_with_defaults() {
    // Source: the policy options.
    let report = serde_json::to_value(check(&valid())).unwrap();
    assert_eq!(
        report["policy"],
        json!({ "deadlineCounting": "entry_day_is_day_one", "reRegistrationCounting": "next_working_day_is_day_one",
                "under16Exempt": false, "diplomaticExempt": true })
    );
    assert_eq!(report["dataVersion"], json!(tirkeu::data::DATA_VERSION));
}

#[test]
fn low_confidence_regime_travels_into_the_report() {
    let mut application = valid();
    set(&mut application, "/immigrant/citizenship", json!("UZB"));
    let report = check(&application);
    assert_eq!(
        report.stay.as_ref().unwrap().confidence,
        tirkeu::data::Confidence::Low
    );
    assert!(report.has(FindingCode::RegimeUnconfirmed));
    assert!(report.ok, "a warning does not block");
}

#[test]
fn an_unconfirmed_regime_names_the_country_in_the_readers_language() {
    // The warning names the citizenship as the form shows it, in the reader's language, not by
    // its code. Source: Unicode CLDR 48 (Kazakh, Russian and English names of UZ).
    let mut application = valid();
    set(&mut application, "/immigrant/citizenship", json!("UZB"));
    let today = day("2026-07-15");
    for (lang, name) in [
        (Lang::Kk, "Өзбекстан азаматтығы"),
        (Lang::Ru, "граждан страны «Узбекистан»"),
        (Lang::En, "citizens of Uzbekistan"),
    ] {
        let report = check_json(&application, today, lang).unwrap();
        let finding = first_finding(&report, FindingCode::RegimeUnconfirmed);
        assert!(finding.message.contains(name), "{}", finding.message);
        assert!(!finding.message.contains("UZB"), "{}", finding.message);
    }
}
