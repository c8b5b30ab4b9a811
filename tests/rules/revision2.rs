//! Worked examples of the second reading of Order No. 923 (the corrections of December 2026),
//! each with the clause it implements, through the public API.

use crate::support::rules as rules_support;

use rules_support::{
    check, check_on, contract_until, day, first_finding, iin, move_address, remove, set, valid,
};
use serde_json::{Value, json};
use tirkeu::i18n::Lang;
use tirkeu::rules::{
    DeadlineState, FindingCode as C, LimitedBy, ObligationKind, Report, Severity, check_json,
};

fn check_in(application: &Value, today: &str, lang: Lang) -> Report {
    check_json(application, day(today), lang).unwrap()
}

fn message(report: &Report, code: C) -> String {
    first_finding(report, code).message.clone()
}

/// An entry on `date` with a stay of 60 days (within the 90/180 limit).
fn entered_on(application: &mut Value, date: &str) {
    set(application, "/entry/date", json!(date));
    set(application, "/stay/from", json!(date));
    set(
        application,
        "/stay/to",
        json!(day(date).add_days(59).to_string()),
    );
}

// ---------------------------------------------------------------------------------------------
// Lateness is a warning (Rules p.4: the grounds for refusal are false information, a violation
// of the term of stay and the host's refusal; art. 517 of the Code of Administrative Offences).

#[test]
fn a_missed_deadline_is_a_warning_and_registration_is_still_required() {
    let report = check_on(&valid(), "2026-08-20");
    assert!(report.ok, "{:#?}", report.findings);
    assert_eq!(
        report.deadline.as_ref().unwrap().state,
        DeadlineState::Missed
    );
    let finding = report.with(C::DeadlineMissed).next().unwrap();
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!(finding.basis_refs, ["order923:rules:p3", "coao:art517"]);
    assert!(
        finding.message.contains("still required"),
        "{}",
        finding.message
    );
    assert!(finding.message.contains("administrative liability"));
    assert!(finding.message.contains("517"));
    assert!(finding.message.contains("21 days"), "{}", finding.message);
    let ru = message(
        &check_in(&valid(), "2026-08-20", Lang::Ru),
        C::DeadlineMissed,
    );
    assert!(
        ru.contains("всё равно необходимо") && ru.contains("ст. 517 КоАП РК"),
        "{ru}"
    );
    let kk = message(
        &check_in(&valid(), "2026-08-20", Lang::Kk),
        C::DeadlineMissed,
    );
    assert!(
        kk.contains("Бәрібір тіркелу қажет") && kk.contains("517"),
        "{kk}"
    );
}

#[test]
fn a_missed_re_registration_is_a_warning() {
    let mut application = valid();
    move_address(&mut application, "2026-07-03");
    let report = check_on(&application, "2026-08-20");
    assert!(report.ok, "{:#?}", report.findings);
    let finding = report.with(C::ReRegistrationMissed).next().unwrap();
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!(finding.basis_refs, ["order923:rules:p5", "coao:art517"]);
    assert!(finding.message.contains("still required"));
}

#[test]
fn an_overstay_is_still_an_error() {
    // Rules p.4(2): the violation of the term of stay is a refusal ground.
    let mut application = valid();
    set(&mut application, "/stay/to", json!("2026-10-01"));
    let report = check_on(&application, "2026-09-29");
    assert!(!report.ok);
    assert_eq!(
        report.with(C::StayOverstayed).next().unwrap().severity,
        Severity::Error
    );
}

// ---------------------------------------------------------------------------------------------
// Order 923 p.4: in force from 1 July 2026; what fell due before is not judged under it.

#[test]
fn an_entry_before_the_order_is_not_judged_under_it() {
    // The example of the correction: an entry on 2026-05-01 checked on 2026-06-15 was an error
    // under an Order not yet in force.
    let mut application = valid();
    entered_on(&mut application, "2026-05-01");
    let report = check_on(&application, "2026-06-15");
    assert!(report.ok, "{:#?}", report.findings);
    let deadline = report.deadline.as_ref().unwrap();
    assert_eq!(deadline.register_by, day("2026-05-30"));
    assert_eq!(deadline.state, DeadlineState::NotApplicable);
    assert!(!report.has(C::DeadlineMissed) && !report.has(C::DeadlineDueSoon));
    assert_eq!(
        report.with(C::RulesTransitional).next().unwrap().severity,
        Severity::Warning
    );
    let notice = report.with(C::HostNotice).next().unwrap();
    assert_eq!(notice.severity, Severity::Info);
    assert_eq!(notice.basis_refs, ["rules148:p9"]);
    // The message says plainly that whether the notice continues is not established.
    assert!(
        notice.message.contains("3 working days"),
        "{}",
        notice.message
    );
    assert!(notice.message.contains("is not established"));
    let ru = message(
        &check_in(&application, "2026-06-15", Lang::Ru),
        C::HostNotice,
    );
    assert!(
        ru.contains("не установлено") && ru.contains("3 рабочих дней"),
        "{ru}"
    );
    // Still not judged after the Order came into force.
    let later = check_on(&application, "2026-08-01");
    assert_eq!(later.deadline.unwrap().state, DeadlineState::NotApplicable);
    assert!(later.ok);
}

#[test]
fn the_state_keys_on_the_deadline_not_on_the_entry() {
    // Entry 2026-06-20: register by 2026-07-19, after the Order came into force: judged.
    let mut application = valid();
    entered_on(&mut application, "2026-06-20");
    let open = check_on(&application, "2026-07-15");
    assert_eq!(open.deadline.unwrap().state, DeadlineState::Open);
    assert!(open.has(C::RulesTransitional) && open.has(C::HostNotice));
    let missed = check_on(&application, "2026-07-20");
    assert_eq!(missed.deadline.unwrap().state, DeadlineState::Missed);
    assert!(missed.has(C::DeadlineMissed) && missed.ok);
    // Entry 2026-06-01: register by 2026-06-30, the day before: not applicable.
    entered_on(&mut application, "2026-06-01");
    assert_eq!(
        check_on(&application, "2026-07-15").deadline.unwrap().state,
        DeadlineState::NotApplicable
    );
    // Entry 2026-06-02: by 2026-07-01, the first day of the Order: judged.
    entered_on(&mut application, "2026-06-02");
    assert_eq!(
        check_on(&application, "2026-07-01").deadline.unwrap().state,
        DeadlineState::DueToday
    );
}

#[test]
fn a_re_registration_due_before_the_order_is_not_judged() {
    // Entry 2026-06-10 (register by 2026-07-09), move 2026-06-15: the fifth working day after
    // the move is 2026-06-22, before the Order; the first deadline is judged.
    let mut application = valid();
    entered_on(&mut application, "2026-06-10");
    move_address(&mut application, "2026-06-15");
    let report = check_on(&application, "2026-07-05");
    let again = report.re_registration.unwrap();
    assert_eq!(again.register_by, day("2026-06-22"));
    assert_eq!(again.state, DeadlineState::NotApplicable);
    assert_eq!(report.deadline.unwrap().state, DeadlineState::Open);
    assert!(!report.has(C::ReRegistrationMissed));
    assert!(report.ok);
}

#[test]
fn stay_limits_are_judged_whatever_the_date() {
    // They come from the regime, not from Order 923: a stay of 2026-01-05..2026-06-30 (177 days)
    // exceeds 90 days whatever the Order.
    let mut application = valid();
    entered_on(&mut application, "2026-01-05");
    set(&mut application, "/stay/to", json!("2026-06-30"));
    let report = check_on(&application, "2026-06-30");
    assert!(report.has(C::StayExceedsLimit) && report.has(C::StayOverstayed));
    assert!(!report.ok);
}

// ---------------------------------------------------------------------------------------------
// Rules p.3 and p.5: a move does not cancel the first-registration deadline.

#[test]
fn a_move_keeps_the_thirty_days() {
    // Entered on 07-01, moved on 07-03: still has until 07-30 under p.3.
    let mut application = valid();
    move_address(&mut application, "2026-07-03");
    let report = check_on(&application, "2026-07-20");
    assert!(report.ok, "{:#?}", report.findings);
    let first = report.deadline.as_ref().unwrap();
    assert_eq!(
        (first.register_by, first.state),
        (day("2026-07-30"), DeadlineState::Open)
    );
    let again = report.re_registration.as_ref().unwrap();
    assert_eq!(again.register_by, day("2026-07-13"));
    assert_eq!(again.effective_by, Some(day("2026-07-30")));
    assert_eq!(again.state, DeadlineState::Open);
    assert!(!report.has(C::ReRegistrationMissed));
    // On 07-30 both are due; on 07-31 both have passed: both reported.
    assert_eq!(
        check_on(&application, "2026-07-30")
            .re_registration
            .unwrap()
            .state,
        DeadlineState::DueToday
    );
    let late = check_on(&application, "2026-07-31");
    assert!(late.has(C::DeadlineMissed) && late.has(C::ReRegistrationMissed));
    assert!(late.ok);
}

#[test]
fn a_late_move_is_judged_against_its_own_five_days() {
    // Entered on 07-01, moved on 07-28: re-register by 08-04 (07-29, 07-30, 07-31, 08-03,
    // 08-04), later than the first deadline. On 08-01 the first is missed, the move is not.
    let mut application = valid();
    move_address(&mut application, "2026-07-28");
    let report = check_on(&application, "2026-08-01");
    assert_eq!(report.deadline.unwrap().state, DeadlineState::Missed);
    let again = report.re_registration.unwrap();
    assert_eq!(again.register_by, day("2026-08-04"));
    assert_eq!(again.effective_by, Some(day("2026-08-04")));
    assert_eq!(again.state, DeadlineState::Open);
    assert!(report.has(C::DeadlineMissed) && report.has(C::ReRegistrationDueSoon));
    assert!(!report.has(C::ReRegistrationMissed));
}

// ---------------------------------------------------------------------------------------------
// Treaty on the EAEU art. 97(8): the contract's term, and never less than the 90/180 stay.

#[test]
fn an_eaeu_worker_with_a_short_contract_keeps_the_ninety_days() {
    let mut application = valid();
    set(&mut application, "/immigrant/citizenship", json!("KGZ"));
    set(&mut application, "/entry/purpose", json!("work"));
    set(
        &mut application,
        "/entry/contractUntil",
        json!("2026-08-15"),
    );
    let report = check(&application);
    assert!(report.ok, "{:#?}", report.findings);
    let stay = report.stay.as_ref().unwrap();
    assert_eq!(stay.last_allowed_day, day("2026-09-28"));
    assert_eq!(stay.limited_by, LimitedBy::Regime);
    assert!(!report.has(C::StayExceedsLimit));
    // The information no longer says the 90/180 limit does not apply.
    let info = message(&report, C::TreatyEaeuWorker);
    assert!(!info.contains("does not apply"), "{info}");
    // A long contract binds instead.
    contract_until(&mut application, "2027-06-30");
    let report = check(&application);
    let stay = report.stay.unwrap();
    assert_eq!(stay.last_allowed_day, day("2027-06-30"));
    assert_eq!(stay.limited_by, LimitedBy::LabourContract);
    assert_eq!(
        stay.basis_refs,
        ["eaeu-treaty:art97(8)", "eaeu-treaty:art97(9)"]
    );
    assert!(report.ok);
}

// ---------------------------------------------------------------------------------------------
// Rules p.4(1): a passport expired on the evaluation date is invalid passport data.

#[test]
fn a_passport_expired_on_the_evaluation_date() {
    let mut application = valid();
    set(
        &mut application,
        "/immigrant/passport/expiresOn",
        json!("2026-07-10"),
    );
    let report = check(&application);
    assert!(!report.ok);
    let finding = report.with(C::PassportExpired).next().unwrap();
    assert_eq!(
        finding.field.as_deref(),
        Some("immigrant.passport.expiresOn")
    );
    assert!(
        finding.message.contains("10 July 2026"),
        "{}",
        finding.message
    );
    assert!(
        finding.message.contains("15 July 2026"),
        "{}",
        finding.message
    );
    // expiresOn is the last valid day: on that day the passport is still valid.
    set(
        &mut application,
        "/immigrant/passport/expiresOn",
        json!("2026-07-15"),
    );
    let report = check(&application);
    assert!(!report.has(C::PassportExpired));
    assert!(report.has(C::PassportExpiresDuringStay) && report.ok);
}

// ---------------------------------------------------------------------------------------------
// Rules p.3 (the data of the host) and p.4(1): a BIN is checked as a BIN.

fn organisation(id: &str) -> Value {
    let mut application = valid();
    set(&mut application, "/host/kind", json!("organization"));
    set(&mut application, "/host/id", json!(id));
    set(&mut application, "/host/name", json!("ТОО «Алатау Сервис»"));
    application
}

#[test]
fn a_persons_iin_is_not_an_organisations_bin() {
    let report = check(&organisation("900515300127"));
    assert!(!report.ok);
    let finding = report.with(C::HostIdInvalid).next().unwrap();
    assert!(
        finding.message.contains("looks like a person's IIN"),
        "{}",
        finding.message
    );
    let ru = message(
        &check_in(&organisation("900515300127"), "2026-07-15", Lang::Ru),
        C::HostIdInvalid,
    );
    assert!(ru.contains("похоже на ИИН физического лица"), "{ru}");
    // A BIN: registered in July 2016 (1607), a resident legal entity (digit 5 = 4).
    assert!(check(&organisation(&iin("16074001830"))).ok);
    // Month 13 and digit 5 = 2 are not a BIN.
    for (bad, why) in [
        (iin("16134001830"), "month of registration"),
        (iin("16072001832"), "kind of legal entity"),
    ] {
        let report = check(&organisation(&bad));
        assert!(message(&report, C::HostIdInvalid).contains(why), "{bad}");
    }
}

#[test]
fn a_missing_host_kind_is_required_and_the_id_is_read_as_neither() {
    let mut application = valid();
    remove(&mut application, "/host/kind");
    let report = check(&application);
    assert!(
        report
            .with(C::FieldRequired)
            .any(|f| f.field.as_deref() == Some("host.kind"))
    );
    // 12 digits and a check digit: accepted whatever its kind (an IIN here).
    assert!(!report.has(C::HostIdInvalid), "{:#?}", report.findings);
    // Nor read as an IIN: a minor's IIN gives no host.minor.
    set(&mut application, "/host/id", json!(iin("08071650012")));
    assert!(!check(&application).has(C::HostMinor));
    // A wrong check digit is still wrong.
    set(&mut application, "/host/id", json!("900515300128"));
    let report = check(&application);
    assert!(message(&report, C::HostIdInvalid).contains("IIN/BIN"));
}

// ---------------------------------------------------------------------------------------------
// Rules p.3 and p.4(1): an impossible stay period decides nothing else.

#[test]
fn an_impossible_period_is_never_a_reason_not_to_register() {
    // A stay "from 07-20 to 07-10" would end before the deadline (07-30): no longer not_required.
    let mut application = valid();
    set(&mut application, "/stay/from", json!("2026-07-20"));
    set(&mut application, "/stay/to", json!("2026-07-10"));
    let report = check(&application);
    assert!(report.has(C::StayPeriodInvalid));
    assert_eq!(
        report.obligation.unwrap().kind,
        ObligationKind::MustRegister
    );
    assert!(report.deadline.is_some());
}

#[test]
fn an_impossible_period_raises_no_stay_limit_error() {
    let mut application = valid();
    set(&mut application, "/stay/from", json!("2026-12-01"));
    set(&mut application, "/stay/to", json!("2026-11-01"));
    let report = check(&application);
    assert!(report.has(C::StayPeriodInvalid));
    assert!(!report.has(C::StayExceedsLimit));
    // From before the entry: the same.
    let mut application = valid();
    set(&mut application, "/stay/from", json!("2026-06-01"));
    set(&mut application, "/stay/to", json!("2026-12-31"));
    let report = check(&application);
    assert!(report.has(C::StayPeriodInvalid) && !report.has(C::StayExceedsLimit));
}

// ---------------------------------------------------------------------------------------------
// The diplomatic exemption: its basis is the accreditation with the Ministry of Foreign Affairs
// (Vienna Convention on Diplomatic Relations), not the Order.

#[test]
fn the_diplomatic_exemption_states_its_real_basis() {
    let mut application = valid();
    set(
        &mut application,
        "/immigrant/passport/kind",
        json!("diplomatic"),
    );
    for (lang, words) in [
        (
            Lang::En,
            ["Ministry of Foreign Affairs", "Vienna Convention"],
        ),
        (
            Lang::Ru,
            ["Министерстве иностранных дел", "Венская конвенция"],
        ),
        (
            Lang::Kk,
            ["Сыртқы істер министрлігінде", "Вена конвенциясы"],
        ),
    ] {
        let obligation = check_in(&application, "2026-07-15", lang)
            .obligation
            .unwrap();
        assert_eq!(obligation.kind, ObligationKind::Exempt);
        for word in words {
            assert!(
                obligation.message.contains(word),
                "{lang}: {}",
                obligation.message
            );
        }
        assert!(!obligation.basis.is_empty());
        assert!(
            obligation
                .basis_refs
                .contains(&"mfa:accreditation".to_owned())
        );
        assert!(obligation.basis_refs.contains(&"vienna-1961".to_owned()));
    }
    let basis = check(&application).obligation.unwrap().basis;
    assert!(basis.contains("not Order 923"), "{basis}");
}

// ---------------------------------------------------------------------------------------------
// Rules p.3 and p.4(1), with the character rules of the certificate record: names refuse words
// mixing Latin and Cyrillic letters and invisible or control characters.

#[test]
fn names_refuse_mixed_scripts_and_invisible_characters() {
    for (surname, reason) in [
        ("IV\u{410}NOV", "mixes Latin and Cyrillic"),
        ("ИВ\u{41}НОВ", "mixes Latin and Cyrillic"),
        ("IVANOV\u{200d}", "invisible or control"),
        ("IVA\u{ad}NOV", "invisible or control"),
        ("IVANOV\u{a0}JR", "invisible or control"),
        ("\u{3164}", "invisible or control"),
        ("I\u{202e}VANOV", "invisible or control"),
    ] {
        let mut application = valid();
        set(&mut application, "/immigrant/surname", json!(surname));
        let report = check(&application);
        let finding = first_finding(&report, C::NameInvalid);
        assert_eq!(finding.field.as_deref(), Some("immigrant.surname"));
        assert!(
            finding.message.contains(reason),
            "{surname:?}: {}",
            finding.message
        );
        assert!(finding.message.contains("Surname"), "{}", finding.message);
    }
    // Latin and Cyrillic in separate words are fine, in a person's and a host's name.
    let mut application = valid();
    set(
        &mut application,
        "/immigrant/surname",
        json!("IVANOV-ИВАНОВ"),
    );
    set(&mut application, "/host/name", json!("АХМЕТОВ ASSET"));
    assert!(check(&application).ok);
    set(&mut application, "/host/name", json!("АХМЕТОВ ASSEТ"));
    assert!(check(&application).has(C::NameInvalid));
}

#[test]
fn address_fields_and_passport_numbers_obey_the_character_rules() {
    let mut application = valid();
    set(&mut application, "/address/street", json!("Абая\u{200b}"));
    let report = check(&application);
    let finding = report.with(C::FieldInvalid).next().unwrap();
    assert_eq!(finding.field.as_deref(), Some("address.street"));
    set(&mut application, "/address/street", json!("Abay даңғылы"));
    assert!(check(&application).ok);
    // A Cyrillic А and В in a passport number are named.
    set(
        &mut application,
        "/immigrant/passport/number",
        json!("АВ1234567"),
    );
    let ru = message(
        &check_in(&application, "2026-07-15", Lang::Ru),
        C::PassportNumberInvalid,
    );
    assert!(ru.contains("«А», «В»") && ru.contains("латиницей"), "{ru}");
    // A no-break space is not a space.
    set(
        &mut application,
        "/immigrant/passport/number",
        json!("N\u{a0}1234567"),
    );
    assert!(check(&application).has(C::PassportNumberInvalid));
}
