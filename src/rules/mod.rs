//! The rules engine: who must register, by what date, re-registration after a move, the stay
//! limit and every field check of Order No. 923 (see `spec/rules.md`).
//!
//! [`check_application`] is a pure function of the application, the evaluation date and the
//! language: it never reads the clock and does no I/O. Every problem with the application is a
//! [`Finding`] with a stable code, a severity, the dotted path of the field, the legal basis and a
//! message in Kazakh, Russian or English; the report's `ok` is true exactly when no finding is an
//! error.
//!
//! Decisions where the Rules are ambiguous (each documented where it is made):
//!
//! - the 30-day deadline counts the crossing day as day 1 (`registerBy` = entry + 29); the Civil
//!   Code reading is always reported as `outerBound` and can be chosen by policy;
//! - "within five working days" does not count the move day; the other reading is a policy;
//! - the stay limit counts the entry and exit days; `daysUsed` and `overstayDays` are taken on the
//!   evaluation date while the stay runs and on the planned last day once that is past (or when
//!   the evaluation date is before the entry);
//! - a regime row of low confidence that decides the outcome adds warning `regime.unconfirmed`
//!   and travels into `stay.confidence`;
//! - the obligation is null when the citizenship is missing or unknown: the regime, and so the
//!   obligation, cannot be known;
//! - `reRegistration` is computed whenever the move date is usable, but `reregistration.missed`
//!   is raised only for an immigrant who must register at all.
//!
//! # Example
//!
//! ```
//! use tirkeu::i18n::Lang;
//! use tirkeu::rules::{check_json, ObligationKind};
//! let application = serde_json::json!({
//!     "immigrant": { "surname": "IVANOV", "givenNames": "IVAN", "birthDate": "1990-05-17",
//!                    "citizenship": "RUS",
//!                    "passport": { "number": "751234567", "kind": "ordinary", "expiresOn": "2031-01-01" } },
//!     "entry": { "date": "2026-07-01", "purpose": "private" },
//!     "host": { "kind": "person", "id": "900515300127", "name": "АХМЕТОВ АСЕТ" },
//!     "address": { "region": "ALA", "locality": "Алматы", "street": "Абая", "building": "10",
//!                  "apartment": "5", "premises": "apartment" },
//!     "stay": { "from": "2026-07-01", "to": "2026-09-20" }
//! });
//! let report = check_json(&application, "2026-07-15".parse().unwrap(), Lang::En).unwrap();
//! assert!(report.ok);
//! assert_eq!(report.obligation.unwrap().kind, ObligationKind::MustRegister);
//! assert_eq!(report.deadline.unwrap().register_by.to_string(), "2026-07-30");
//! assert_eq!(report.stay.unwrap().last_allowed_day.to_string(), "2026-09-28");
//! ```

mod application;
mod deadline;
mod fields;
pub mod iin;
mod messages;
mod obligation;
mod report;
mod stay;

pub use application::{
    Address, AddressChange, Application, DeadlineCounting, Entry, Field, Host, HostKind, Immigrant,
    InputError, Passport, PassportKind, PolicyInput, PreviousStay, Purpose, ReRegistrationCounting,
    StayPeriod,
};
pub use fields::{is_valid_name, is_valid_passport_number};
pub use messages::{CodeSpec, FindingCode, ObligationCode};
pub use report::{
    Deadline, DeadlineState, Finding, LimitedBy, Obligation, ObligationKind, Policy, Report,
    Severity, StayLimit,
};

use crate::data::{self, DATA_VERSION};
use crate::date::Date;
use crate::i18n::{Lang, Text};

/// Findings as they are made, with their messages rendered in one language.
pub(crate) struct Findings {
    lang: Lang,
    list: Vec<Finding>,
}

impl Findings {
    fn new(lang: Lang) -> Findings {
        Findings {
            lang,
            list: Vec::new(),
        }
    }

    pub(crate) fn lang(&self) -> Lang {
        self.lang
    }

    /// Adds a finding; `values` fill the message's placeholders.
    pub(crate) fn push(&mut self, code: FindingCode, field: Option<&str>, values: &[(&str, &str)]) {
        let spec = code.spec();
        self.list.push(Finding {
            code,
            severity: spec.severity,
            field: field.map(str::to_owned),
            message: spec.text.render(self.lang, values),
            basis: spec.basis.to_owned(),
        });
    }

    /// Adds a finding whose placeholders are themselves translated texts (and plain values).
    pub(crate) fn push_texts(
        &mut self,
        code: FindingCode,
        field: Option<&str>,
        texts: &[(&str, Text)],
        values: &[(&str, &str)],
    ) {
        let lang = self.lang;
        let mut all: Vec<(&str, &str)> = texts
            .iter()
            .map(|(name, text)| (*name, text.get(lang)))
            .collect();
        all.extend_from_slice(values);
        self.push(code, field, &all);
    }
}

/// Checks an application on the evaluation date `today`, with messages in `lang`.
///
/// Pure and total: every problem with the application is a finding, never a panic.
///
/// # Example
///
/// ```
/// use tirkeu::rules::{check_application, Application, FindingCode};
/// let application = Application::from_json(&serde_json::json!({
///     "immigrant": { "birthDate": "2026-02-30" }
/// })).unwrap();
/// let report = check_application(&application, "2026-07-15".parse().unwrap(), tirkeu::i18n::Lang::Ru);
/// assert!(!report.ok);
/// let finding = report.with(FindingCode::BirthDateInvalid).next().unwrap();
/// assert_eq!(finding.field.as_deref(), Some("immigrant.birthDate"));
/// ```
pub fn check_application(application: &Application, today: Date, lang: Lang) -> Report {
    let mut findings = Findings::new(lang);
    let facts = fields::check(application, today, &mut findings);
    let policy = fields::policy(application, &mut findings);
    let decision = obligation::decide(&facts, &policy, today, &mut findings);
    let kind = decision.obligation.as_ref().map(|o| o.kind);
    let covered = matches!(
        kind,
        Some(ObligationKind::MustRegister | ObligationKind::NotRequired)
    );

    if let Some(entry) = facts
        .entry
        .filter(|entry| covered && *entry < deadline::order_923_in_force())
    {
        findings.push(
            FindingCode::RulesTransitional,
            Some("entry.date"),
            &[("entry", &entry.to_string())],
        );
    }

    let must_register = kind == Some(ObligationKind::MustRegister);
    let first = match facts.entry {
        Some(entry) if must_register && !facts.re_registration => Some(
            deadline::first_registration(entry, today, &policy, &mut findings),
        ),
        _ => None,
    };
    let again = facts.moved_on.map(|moved| {
        deadline::re_registration(moved, today, &policy, must_register, &mut findings)
    });

    let stay = stay_limit(&facts, &decision, today, &mut findings);

    let list = findings.list;
    Report {
        ok: !list
            .iter()
            .any(|finding| finding.severity == Severity::Error),
        checked_on: today,
        lang,
        obligation: decision.obligation,
        deadline: first,
        re_registration: again,
        stay,
        findings: list,
        policy,
        data_version: DATA_VERSION.to_owned(),
    }
}

fn stay_limit(
    facts: &fields::Facts,
    decision: &obligation::Decision,
    today: Date,
    findings: &mut Findings,
) -> Option<StayLimit> {
    let row = decision.row?;
    let entry = facts.entry?;
    if facts.citizenship.as_deref() == Some("KAZ") {
        return None;
    }
    let (Some(per_entry), Some(in_window), Some(window)) =
        (row.days_per_entry, row.days_in_window, row.window_days)
    else {
        return None;
    };
    let question = stay::StayQuestion {
        entry,
        earlier: facts.previous_stays.clone(),
        today,
        planned_to: facts.stay_to,
        days_per_entry: per_entry,
        days_in_window: in_window,
        window_days: window,
        contract_end: decision.contract_end,
    };
    let answer = stay::answer(&question);
    let last = answer.last_allowed_day;
    let last_text = last.to_string();
    if let Some(to) = facts.stay_to.filter(|to| *to > last) {
        let days = last.days_until(to).to_string();
        findings.push(
            FindingCode::StayExceedsLimit,
            Some("stay.to"),
            &[
                ("to", &to.to_string()),
                ("date", &last_text),
                ("days", &days),
            ],
        );
    }
    // Present after the last allowed day by the evaluation date (a stay planned to end earlier
    // is taken to have ended then).
    let present_until = facts.stay_to.map_or(today, |to| to.min(today));
    if today >= entry && present_until > last {
        let days = last.days_until(present_until).to_string();
        findings.push(
            FindingCode::StayOverstayed,
            None,
            &[("date", &last_text), ("days", &days)],
        );
    }
    Some(StayLimit {
        regime: row.regime,
        days_per_entry: per_entry,
        days_in_window: in_window,
        window_days: window,
        days_used: answer.days_used,
        last_allowed_day: last,
        overstay_days: answer.overstay_days,
        confidence: row.confidence,
        limited_by: if decision.contract_end.is_some() {
            LimitedBy::LabourContract
        } else {
            LimitedBy::Regime
        },
        basis: row.basis.to_owned(),
    })
}

/// Checks an application given as a JSON value (what the WebAssembly binding and the command
/// line hand over).
///
/// # Errors
///
/// [`InputError::NotAnObject`] when `application` is not a JSON object; anything inside an
/// object, however malformed, becomes findings.
///
/// # Example
///
/// ```
/// use tirkeu::rules::check_json;
/// let today = "2026-07-15".parse().unwrap();
/// let report = check_json(&serde_json::json!({ "entry": { "date": 42 } }), today, tirkeu::i18n::Lang::Kk).unwrap();
/// assert!(!report.ok);
/// assert!(check_json(&serde_json::json!("text"), today, tirkeu::i18n::Lang::Kk).is_err());
/// ```
pub fn check_json(
    application: &serde_json::Value,
    today: Date,
    lang: Lang,
) -> Result<Report, InputError> {
    check_tree(&crate::json_reader::Json::borrow(application), today, lang)
}

/// [`check_json`] on the module's own JSON tree (the bindings' reader; [`check_json`] borrows
/// serde_json's value as the same tree).
pub(crate) fn check_tree(
    application: &crate::json_reader::Json<'_>,
    today: Date,
    lang: Lang,
) -> Result<Report, InputError> {
    let application = Application::from_tree(application)?;
    Ok(check_application(&application, today, lang))
}

/// Whether a citizenship code is accepted (ISO 3166-1 alpha-3 or `XXA`), re-exported for forms.
///
/// # Example
///
/// ```
/// assert!(tirkeu::rules::is_known_citizenship("TUR"));
/// ```
pub fn is_known_citizenship(code: &str) -> bool {
    data::is_country_code(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_923_date() {
        assert_eq!(
            deadline::order_923_in_force(),
            "2026-07-01".parse().unwrap()
        );
    }

    #[test]
    fn every_code_has_three_messages_and_a_basis() {
        for code in FindingCode::ALL {
            let spec = code.spec();
            assert_eq!(spec.code, code.as_str());
            for lang in Lang::ALL {
                assert!(!spec.text.get(lang).is_empty(), "{code} {lang}");
            }
            assert!(!spec.basis.is_empty());
        }
        for code in ObligationCode::ALL {
            let spec = code.spec();
            for lang in Lang::ALL {
                assert!(!spec.text.get(lang).is_empty(), "{code} {lang}");
            }
        }
    }
}
