//! Property tests of the rules engine (proptest; native only).
#![cfg(not(target_arch = "wasm32"))]

use crate::support::rules as rules_support;

use proptest::prelude::*;
use rules_support::{set, valid};
use serde_json::{Value, json};
use tirkeu::calendar::{
    is_working_day, next_working_day_on_or_after, nth_working_day_after, working_days_between,
};
use tirkeu::date::Date;
use tirkeu::i18n::Lang;
use tirkeu::rules::iin::{check_digit, validate_check_digit};
use tirkeu::rules::{DeadlineState, FindingCode, LimitedBy, ObligationKind, Severity, check_json};

/// Any date of years 0001-9999.
fn any_date() -> impl Strategy<Value = Date> {
    (-719_162i32..=2_932_896).prop_map(Date::from_days_since_epoch)
}

/// Dates around the table years, where most applications are.
fn near_date() -> impl Strategy<Value = Date> {
    (19_700i32..=21_500).prop_map(Date::from_days_since_epoch)
}

fn must_register_application(entry: Date) -> Value {
    let mut application = valid();
    set(&mut application, "/entry/date", json!(entry.to_string()));
    set(&mut application, "/stay/from", json!(entry.to_string()));
    set(
        &mut application,
        "/stay/to",
        json!(entry.add_days(60).to_string()),
    );
    application
}

fn stays_application(
    citizenship: &str,
    entry: Date,
    earlier: &[(Date, Date)],
    today: Date,
) -> Value {
    let mut application = valid();
    set(
        &mut application,
        "/immigrant/citizenship",
        json!(citizenship),
    );
    set(&mut application, "/entry/date", json!(entry.to_string()));
    set(&mut application, "/stay/from", json!(entry.to_string()));
    set(&mut application, "/stay/to", json!(today.to_string()));
    let stays: Vec<Value> = earlier
        .iter()
        .map(|(a, b)| json!({ "entry": a.to_string(), "exit": b.to_string() }))
        .collect();
    set(&mut application, "/previousStays", Value::Array(stays));
    application
}

/// Earlier stays before `entry`: (days before entry the stay ended, its length).
fn earlier_stays() -> impl Strategy<Value = Vec<(i32, i32)>> {
    prop::collection::vec((0i32..400, 1i32..120), 0..6)
}

fn to_spans(entry: Date, raw: &[(i32, i32)]) -> Vec<(Date, Date)> {
    raw.iter()
        .map(|(gap, length)| {
            let exit = entry.add_days(-gap);
            (exit.add_days(-(length - 1)), exit)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    // Source: Order 923, Rules p.3: registerBy = entry + 29, outerBound >= registerBy, a working day.
    #[test]
    fn register_by_is_entry_plus_29(entry in any_date(), wait in 0i32..60) {
        let report = check_json(&must_register_application(entry), entry.add_days(wait), Lang::En).unwrap();
        let deadline = report.deadline.expect("a deadline");
        prop_assert_eq!(deadline.register_by, entry.add_days(29));
        prop_assert!(deadline.outer_bound >= deadline.register_by);
        prop_assert!(deadline.outer_bound > entry.add_days(29));
        prop_assert!(is_working_day(deadline.outer_bound));
        prop_assert_eq!(deadline.days_left, i64::from(29 - wait));
    }

    // Source: Order 923, Rules p.5: the re-registration deadline is a working day after the move,
    // in both readings; the default reading is the fifth working day after it.
    #[test]
    fn re_registration_deadline_is_a_working_day_after_the_move(moved in any_date(), event_day in any::<bool>()) {
        let mut application = must_register_application(moved.add_days(-3));
        set(&mut application, "/addressChange", json!({ "movedOn": moved.to_string() }));
        if event_day {
            set(&mut application, "/policy/reRegistrationCounting", json!("event_day_counts"));
        }
        let report = check_json(&application, moved, Lang::En).unwrap();
        let again = report.re_registration.expect("a re-registration deadline");
        prop_assert!(again.register_by > moved);
        prop_assert!(is_working_day(again.register_by));
        prop_assert!(again.register_by <= again.outer_bound);
        prop_assert_eq!(working_days_between(moved, again.outer_bound).count, 5);
        prop_assert_eq!(again.outer_bound, nth_working_day_after(moved, 5).date);
        prop_assert_eq!(again.working_days_left, Some(working_days_between(moved, again.register_by).count));
    }

    #[test]
    fn next_working_day_is_the_first_on_or_after(date in any_date()) {
        let found = next_working_day_on_or_after(date).date;
        prop_assert!(found >= date && is_working_day(found));
        let mut day = date;
        while day < found {
            prop_assert!(!is_working_day(day));
            day = day.succ();
        }
    }

    #[test]
    fn working_days_between_counts_like_a_loop(from in any_date(), length in 0i32..400) {
        let to = from.add_days(length);
        let mut by_loop = 0;
        let mut day = from.succ();
        while day <= to {
            by_loop += i64::from(is_working_day(day));
            day = day.succ();
        }
        prop_assert_eq!(working_days_between(from, to).count, by_loop);
        prop_assert_eq!(working_days_between(to, from).count, -by_loop);
    }

    // Source: Order 923, Rules p.4(2), and the regimes' limits: lastAllowedDay never exceeds entry + daysPerEntry - 1.
    #[test]
    fn last_allowed_day_within_days_per_entry(
        citizenship in prop::sample::select(vec!["TUR", "CHN", "IND", "GEO", "USA"]),
        entry in near_date(),
        raw in earlier_stays(),
        stay_length in 0i32..200,
    ) {
        let spans = to_spans(entry, &raw);
        let today = entry.add_days(stay_length);
        let report = check_json(&stays_application(citizenship, entry, &spans, today), today, Lang::En).unwrap();
        let stay = report.stay.expect("a stay limit");
        prop_assert!(stay.last_allowed_day <= entry.add_days(stay.days_per_entry as i32 - 1));
        prop_assert!(stay.last_allowed_day >= entry.add_days(-1));
        prop_assert!(stay.days_used >= 0 && stay.overstay_days >= 0);
        prop_assert_eq!(stay.overstay_days > 0, report.findings.iter().any(|f| f.code.as_str() == "stay.overstayed"));
    }

    // Source: Order 923, Rules p.4(2), and the regimes' limits: adding an earlier stay never moves lastAllowedDay later.
    #[test]
    fn an_earlier_stay_never_extends_the_limit(
        citizenship in prop::sample::select(vec!["TUR", "CHN", "IND"]),
        entry in near_date(),
        raw in earlier_stays(),
        extra in (0i32..400, 1i32..120),
    ) {
        let spans = to_spans(entry, &raw);
        let mut more = spans.clone();
        more.extend(to_spans(entry, &[extra]));
        let last = |stays: &[(Date, Date)]| {
            let report = check_json(&stays_application(citizenship, entry, stays, entry), entry, Lang::En).unwrap();
            report.stay.unwrap().last_allowed_day
        };
        prop_assert!(last(&more) <= last(&spans));
    }

    // Source: Order 923, Rules p.3 (the fields) and p.4(1): the check-digit function accepts exactly the numbers it completes.
    #[test]
    fn check_digit_accepts_exactly_what_it_completes(first in prop::array::uniform11(0u8..10), last in 0u8..10) {
        let text: String = first.iter().chain(std::iter::once(&last)).map(|d| char::from(b'0' + d)).collect();
        prop_assert_eq!(validate_check_digit(&text).is_ok(), check_digit(&first) == Some(last));
    }

    // Source: the policy options: ok is true exactly when there is no error; the same input gives
    // the same bytes.
    #[test]
    fn ok_iff_no_error_and_deterministic(entry in near_date(), today in near_date(), surname in "\\PC{0,8}") {
        let mut application = must_register_application(entry);
        set(&mut application, "/immigrant/surname", json!(surname));
        let first = check_json(&application, today, Lang::Ru).unwrap();
        let second = check_json(&application, today, Lang::Ru).unwrap();
        prop_assert_eq!(first.ok, !first.findings.iter().any(|f| f.severity == Severity::Error));
        prop_assert_eq!(serde_json::to_string(&first).unwrap(), serde_json::to_string(&second).unwrap());
    }
}

/// A valid application of a must-register immigrant entering on `entry`, with a passport valid
/// for long and a stay of 60 days.
fn long_passport_application(entry: Date) -> Value {
    let mut application = must_register_application(entry);
    set(
        &mut application,
        "/immigrant/passport/expiresOn",
        json!("2099-12-31"),
    );
    application
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    // Source: Order 923, Rules p.4: the refusal grounds are false information, a violation of
    // the term of stay and the host's refusal; lateness is none of them. A missed deadline (or
    // re-registration) never makes `ok` false on its own.
    #[test]
    fn a_missed_deadline_never_makes_ok_false_on_its_own(
        entry in near_date(),
        late in 0i32..500,
        moved_after in prop::option::of(0i32..30),
    ) {
        let mut application = long_passport_application(entry);
        if let Some(days) = moved_after {
            set(&mut application, "/addressChange", json!({ "movedOn": entry.add_days(days).to_string() }));
            set(&mut application, "/stay/from", json!(entry.add_days(days).to_string()));
        }
        let today = entry.add_days(29 + late);
        let report = check_json(&application, today, Lang::Ru).unwrap();
        prop_assert!(report.ok, "{:#?}", report.findings);
        for finding in &report.findings {
            if matches!(finding.code, FindingCode::DeadlineMissed | FindingCode::ReRegistrationMissed) {
                prop_assert_eq!(finding.severity, Severity::Warning);
            }
        }
    }

    // Source: Order 923 p.4 (in force from 2026-07-01): a deadline that fell before is not
    // judged; one on or after it is.
    #[test]
    fn nothing_that_fell_due_before_the_order_is_judged(entry in near_date(), wait in 0i32..400) {
        let report = check_json(&long_passport_application(entry), entry.add_days(wait), Lang::En).unwrap();
        let deadline = report.deadline.expect("a deadline");
        let in_force: Date = "2026-07-01".parse().unwrap();
        prop_assert_eq!(deadline.state == DeadlineState::NotApplicable, deadline.register_by < in_force);
        if deadline.register_by < in_force {
            prop_assert!(!report.has(FindingCode::DeadlineMissed) && !report.has(FindingCode::DeadlineDueSoon));
        }
        prop_assert_eq!(report.has(FindingCode::RulesTransitional), entry < in_force);
        prop_assert_eq!(report.has(FindingCode::HostNotice), entry < in_force);
    }

    // Source: Order 923, Rules p.3 and p.5: a move keeps the first deadline, and the
    // re-registration is late only when both deadlines have passed.
    #[test]
    fn a_move_keeps_the_first_deadline(entry in near_date(), moved_after in 0i32..60, wait in 0i32..60) {
        let mut application = long_passport_application(entry);
        let moved = entry.add_days(moved_after);
        set(&mut application, "/addressChange", json!({ "movedOn": moved.to_string() }));
        set(&mut application, "/stay/from", json!(moved.to_string()));
        let today = moved.add_days(wait);
        let report = check_json(&application, today, Lang::Kk).unwrap();
        let first = report.deadline.expect("the first deadline stands");
        let again = report.re_registration.expect("a re-registration");
        if report.has(FindingCode::ReRegistrationMissed) {
            prop_assert!(today > again.register_by);
            prop_assert!(first.state == DeadlineState::NotApplicable || today > first.register_by);
        }
        if first.state != DeadlineState::NotApplicable {
            prop_assert_eq!(again.effective_by, Some(again.register_by.max(first.register_by)));
        }
    }

    // Source: Treaty on the EAEU art. 97(8) with the 90/180 rule: an EAEU worker's last allowed
    // day is the later of the contract's end and the regime's last day.
    #[test]
    fn an_eaeu_worker_keeps_the_later_limit(
        entry in near_date(),
        contract in 0i32..400,
        raw in earlier_stays(),
    ) {
        let spans = to_spans(entry, &raw);
        let mut application = stays_application("KGZ", entry, &spans, entry);
        let regime_last = check_json(&application, entry, Lang::En).unwrap().stay.unwrap().last_allowed_day;
        let end = entry.add_days(contract);
        set(&mut application, "/entry/purpose", json!("work"));
        set(&mut application, "/entry/contractUntil", json!(end.to_string()));
        let stay = check_json(&application, entry, Lang::En).unwrap().stay.unwrap();
        prop_assert_eq!(stay.last_allowed_day, regime_last.max(end));
        prop_assert_eq!(stay.limited_by == LimitedBy::LabourContract, end > regime_last);
    }

    // Source: an impossible stay period decides nothing else: never `not_required` from it and
    // no stay-limit error from it.
    #[test]
    fn an_impossible_stay_period_decides_nothing(entry in near_date(), from_after in 0i32..200, to_before in 1i32..200) {
        let mut application = long_passport_application(entry);
        let from = entry.add_days(from_after);
        set(&mut application, "/stay/from", json!(from.to_string()));
        set(&mut application, "/stay/to", json!(from.add_days(-to_before).to_string()));
        let report = check_json(&application, entry, Lang::En).unwrap();
        prop_assert!(report.has(FindingCode::StayPeriodInvalid));
        prop_assert_eq!(report.obligation.as_ref().unwrap().kind, ObligationKind::MustRegister);
        prop_assert!(!report.has(FindingCode::StayExceedsLimit));
        prop_assert!(!report.has(FindingCode::PassportExpiresDuringStay));
    }
}

/// Arbitrary JSON, a few levels deep, with the application's keys likely to appear.
fn arbitrary_json() -> impl Strategy<Value = Value> {
    let key = prop::sample::select(vec![
        "immigrant",
        "entry",
        "host",
        "address",
        "stay",
        "previousStays",
        "addressChange",
        "policy",
        "passport",
        "date",
        "birthDate",
        "citizenship",
        "id",
        "kind",
        "movedOn",
        "from",
        "to",
        "exit",
        "surname",
        "region",
        "premises",
        "contractUntil",
        "purpose",
        "deadlineCounting",
        "under16Exempt",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        "\\PC{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "2026-02-30",
            "9999-12-31",
            "0001-01-01",
            "2026-07-01",
            "RUS",
            "KAZ",
            "XXA",
            "work",
            "person",
            "apartment"
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(|pairs| Value::Object(
                pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    // Source: the issue: a malformed application yields findings, never a panic; only a
    // non-object is an error.
    #[test]
    fn any_json_gives_a_report_or_an_input_error(json in arbitrary_json(), today in any_date()) {
        let result = check_json(&json, today, Lang::Kk);
        prop_assert_eq!(result.is_ok(), json.is_object());
        if let Ok(report) = result {
            let text = serde_json::to_string(&report).unwrap();
            let back: tirkeu::rules::Report = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(back, report);
        }
    }
}
