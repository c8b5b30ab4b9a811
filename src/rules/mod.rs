//! The rules engine: who must register, by what date, re-registration after a move, the stay
//! limit and every field check of Order No. 923 ("Rules for the registration of immigrants in the
//! Republic of Kazakhstan", in force from 1 July 2026).
//!
//! [`check_application`] is a pure function of the application, the evaluation date and the
//! language: it never reads the clock and does no I/O. Every problem with the application is a
//! [`Finding`] with a stable code, a severity, the dotted path of the field, the legal basis (in
//! words and as stable references) and a message in Kazakh, Russian or English that names the
//! field by its label ([`field_label`]); the report's `ok` is true exactly when no finding is an
//! error.
//!
//! Decisions where the Rules are ambiguous (each documented where it is made):
//!
//! - the 30-day deadline counts the crossing day as day 1 (`registerBy` = entry + 29); the Civil
//!   Code reading is always reported as `outerBound` and can be chosen by policy;
//! - "within five working days" does not count the move day; the other reading is a policy;
//! - a missed deadline is a warning, not an error: lateness is none of the refusal grounds of
//!   Rules p.4 (false information, overstay, the host's refusal), and registration is still
//!   required (lateness may bring liability under art. 517 of the Code of Administrative
//!   Offences);
//! - nothing that fell due before the Order came into force (2026-07-01) is judged under it: such
//!   a deadline is `not_applicable`, and an entry before that day gives `rules.transitional` and
//!   `host.notice` (the host's 3-working-day notice of the earlier rules);
//! - a move does not cancel the first-registration deadline: both are reported, and the
//!   re-registration is late only once both have passed (`effectiveBy`);
//! - the stay limit counts the entry and exit days; `daysUsed` and `overstayDays` are taken on the
//!   evaluation date while the stay runs and on the planned last day once that is past (or when
//!   the evaluation date is before the entry); an EAEU worker may stay until the later of the
//!   labour contract's end and the regime's last day;
//! - an impossible stay period decides nothing else: the obligation and the stay limit are then
//!   judged as if the planned end were unknown;
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
mod labels;
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
pub use labels::{FIELD_LABELS, field_label};
pub use messages::{Basis, CodeSpec, FindingCode, ObligationCode};
pub use report::{
    Deadline, DeadlineState, Finding, LimitedBy, Obligation, ObligationKind, Policy, Report,
    Severity, StayLimit,
};

use crate::data::{self, Tables};
use crate::date::Date;
use crate::i18n::{Arg, Lang};

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

    /// Adds a finding; `args` fill the message's placeholders, and `{field}` is the label of
    /// `field`.
    pub(crate) fn push(
        &mut self,
        code: FindingCode,
        field: Option<&str>,
        args: &[(&str, Arg<'_>)],
    ) {
        let spec = code.spec();
        let lang = self.lang;
        let message = match field.filter(|_| spec.text.has_placeholder(lang, "field")) {
            Some(path) => {
                let label = labels::label_or_word(path, lang);
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(("field", Arg::Str(&label)));
                all.extend_from_slice(args);
                spec.text.render_args(lang, &all)
            }
            None => spec.text.render_args(lang, args),
        };
        self.list.push(Finding {
            code,
            severity: spec.severity,
            field: field.map(str::to_owned),
            message,
            basis: spec.basis.text.get(lang).to_owned(),
            basis_refs: refs(&spec.basis),
        });
    }
}

/// A basis's references as the report holds them.
pub(crate) fn refs(basis: &Basis) -> Vec<String> {
    basis.refs.iter().map(|r| (*r).to_owned()).collect()
}

/// Checks an application on the evaluation date `today`, with messages in `lang`, by the
/// compiled-in tables ([`Tables::compiled`]; see [`check_application_with`] for others).
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
    check_application_with(application, today, lang, Tables::compiled())
}

/// [`check_application`] by the given tables: the calendar, the visa regimes and the regions of
/// a data bundle, say ([`crate::data::DataBundle::tables`]). The report's `data_version` names
/// them, and whether a date is provisional follows their rows.
///
/// Pure and total, like [`check_application`].
///
/// # Example
///
/// ```
/// use tirkeu::data::{DataBundle, RowStatus, Tables};
/// use tirkeu::rules::{check_application, check_application_with, Application};
/// let application = Application::from_json(&serde_json::json!({
///     "immigrant": { "citizenship": "RUS" },
///     "entry": { "date": "2026-12-15" },
///     "addressChange": { "movedOn": "2027-01-05" }
/// })).unwrap();
/// let today = "2027-01-06".parse().unwrap();
/// let lang = tirkeu::i18n::Lang::En;
/// // 2027 is provisional in the compiled tables; a bundle whose 2027 rows are official:
/// let mut bundle = DataBundle::from_tables("2027.1", 1_796_000_000, 1_827_000_000, Tables::compiled());
/// bundle.calendar.retain(|row| row.date.year() == 2027);
/// bundle.calendar.iter_mut().for_each(|row| row.status = RowStatus::Official);
/// let tables = bundle.tables();
/// let compiled = check_application(&application, today, lang);
/// let updated = check_application_with(&application, today, lang, &tables);
/// assert!(compiled.re_registration.unwrap().provisional);
/// assert!(!updated.re_registration.unwrap().provisional);
/// assert_eq!((compiled.data_version.as_str(), updated.data_version.as_str()), ("2026-03-18.3", "2027.1"));
/// ```
pub fn check_application_with(
    application: &Application,
    today: Date,
    lang: Lang,
    tables: &Tables,
) -> Report {
    let calendar = tables.calendar();
    let mut findings = Findings::new(lang);
    let facts = fields::check(application, today, tables, &mut findings);
    let policy = fields::policy(application, &mut findings);
    let decision = obligation::decide(&facts, &policy, today, tables, &mut findings);
    let kind = decision.obligation.as_ref().map(|o| o.kind);
    let covered = matches!(
        kind,
        Some(ObligationKind::MustRegister | ObligationKind::NotRequired)
    );

    // Order 923 p.4: in force from 2026-07-01. An earlier entry was made under the earlier rules,
    // whose host notice is the one duty the application cannot show was met.
    if let Some(entry) = facts
        .entry
        .filter(|entry| covered && *entry < deadline::order_923_in_force())
    {
        findings.push(
            FindingCode::RulesTransitional,
            Some("entry.date"),
            &[("entry", Arg::Date(entry))],
        );
        findings.push(FindingCode::HostNotice, None, &[]);
    }

    // A move does not cancel the first-registration deadline (Rules p.5 presumes a registration
    // at the old address, which the application cannot show): both are computed.
    let must_register = kind == Some(ObligationKind::MustRegister);
    let first = match facts.entry {
        Some(entry) if must_register => Some(deadline::first_registration(
            entry,
            today,
            &policy,
            calendar,
            &mut findings,
        )),
        _ => None,
    };
    let again = facts.moved_on.map(|moved| {
        deadline::re_registration(
            moved,
            today,
            &policy,
            calendar,
            must_register,
            first.as_ref(),
            &mut findings,
        )
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
        data_version: tables.version().to_owned(),
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
    if let Some(to) = facts.stay_to.filter(|to| *to > last) {
        findings.push(
            FindingCode::StayExceedsLimit,
            Some("stay.to"),
            &[
                ("to", Arg::Date(to)),
                ("date", Arg::Date(last)),
                ("days", Arg::Days(last.days_until(to))),
            ],
        );
    }
    // Present after the last allowed day by the evaluation date (a stay planned to end earlier
    // is taken to have ended then).
    let present_until = facts.stay_to.map_or(today, |to| to.min(today));
    if today >= entry && present_until > last {
        findings.push(
            FindingCode::StayOverstayed,
            None,
            &[
                ("date", Arg::Date(last)),
                ("days", Arg::Days(last.days_until(present_until))),
            ],
        );
    }
    let basis = match answer.limited_by {
        LimitedBy::LabourContract => messages::bases::EAEU_WORKER,
        LimitedBy::Regime => messages::bases::STAY_REGIME,
    };
    Some(StayLimit {
        regime: row.regime,
        days_per_entry: per_entry,
        days_in_window: in_window,
        window_days: window,
        days_used: answer.days_used,
        last_allowed_day: last,
        overstay_days: answer.overstay_days,
        confidence: row.confidence,
        limited_by: answer.limited_by,
        basis: basis.text.get(findings.lang()).to_owned(),
        basis_refs: refs(&basis),
        source: row.basis.to_string(),
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
    check_json_with(application, today, lang, Tables::compiled())
}

/// [`check_json`] by the given tables ([`check_application_with`]).
///
/// # Errors
///
/// [`InputError::NotAnObject`] when `application` is not a JSON object.
///
/// # Example
///
/// ```
/// use tirkeu::rules::check_json_with;
/// let report = check_json_with(&serde_json::json!({}), "2026-07-15".parse().unwrap(),
///     tirkeu::i18n::Lang::Ru, tirkeu::data::Tables::compiled()).unwrap();
/// assert_eq!(report.data_version, tirkeu::data::DATA_VERSION);
/// ```
pub fn check_json_with(
    application: &serde_json::Value,
    today: Date,
    lang: Lang,
    tables: &Tables,
) -> Result<Report, InputError> {
    check_tree(
        &crate::json_reader::Json::borrow(application),
        today,
        lang,
        tables,
    )
}

/// [`check_json`] on the module's own JSON tree (the bindings' reader; [`check_json`] borrows
/// serde_json's value as the same tree).
pub(crate) fn check_tree(
    application: &crate::json_reader::Json<'_>,
    today: Date,
    lang: Lang,
    tables: &Tables,
) -> Result<Report, InputError> {
    let application = Application::from_tree(application, application::unreadable_type)?;
    Ok(check_application_with(&application, today, lang, tables))
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

    /// Every message, basis and label, in the three languages with the same placeholders.
    fn every_text() -> Vec<(String, crate::i18n::Text)> {
        let mut all = Vec::new();
        for code in FindingCode::ALL {
            let spec = code.spec();
            assert_eq!(spec.code, code.as_str());
            assert!(!spec.basis.refs.is_empty(), "{code}");
            all.push((format!("{code}"), spec.text));
            all.push((format!("{code} basis"), spec.basis.text));
        }
        for code in ObligationCode::ALL {
            let spec = code.spec();
            assert!(!spec.basis.refs.is_empty(), "{code}");
            all.push((format!("{code}"), spec.text));
            all.push((format!("{code} basis"), spec.basis.text));
        }
        for (path, label) in FIELD_LABELS {
            all.push(((*path).to_owned(), *label));
        }
        all.extend(
            messages::reasons::ALL
                .iter()
                .map(|text| (format!("{:?}", text.en), *text)),
        );
        all
    }

    #[test]
    fn every_text_exists_in_three_languages_with_the_same_placeholders() {
        // Source: one source of truth per string, each in Kazakh, Russian and English.
        for (name, text) in every_text() {
            let mut expected = text.placeholders(Lang::En);
            expected.sort_unstable();
            for lang in Lang::ALL {
                assert!(!text.get(lang).trim().is_empty(), "{name} {lang}");
                let mut names = text.placeholders(lang);
                names.sort_unstable();
                assert_eq!(names, expected, "{name} {lang}");
            }
        }
    }

    #[test]
    fn kazakh_and_russian_texts_have_no_latin_words_nor_iso_dates() {
        // Source: the interface's languages: no English, no internal code or path on a kk or
        // ru screen, except codes shown beside their names. Codes allowed here: XXA.
        for (name, text) in every_text() {
            for lang in [Lang::Kk, Lang::Ru] {
                // The text without its placeholders.
                let mut plain = String::new();
                let mut inside = false;
                for c in text.get(lang).chars() {
                    match c {
                        '{' => inside = true,
                        '}' => inside = false,
                        _ if !inside => plain.push(c),
                        _ => {}
                    }
                }
                for word in plain
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                {
                    let latin = word.chars().any(|c| c.is_ascii_alphabetic());
                    assert!(
                        !latin || word == "XXA",
                        "{name} {lang}: {word:?} in {:?}",
                        text.get(lang)
                    );
                }
                assert!(
                    !text.get(lang).contains("2026-"),
                    "{name} {lang}: an ISO date"
                );
            }
        }
    }
}
