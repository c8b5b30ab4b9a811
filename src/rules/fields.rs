//! Field checks ("inaccurate information": the fields of Rules p.3 and the refusal ground of
//! p.4(1)).
//!
//! Each check turns a missing or unreadable field into a finding with the field's dotted path,
//! and hands the values that passed on to the rest of the engine as [`Facts`]. Names, address
//! fields and the passport number also obey the character rules of every record text
//! ([`crate::text_rules`]), so that an application the rules accept never yields a certificate
//! record the issuer must refuse.

use super::Findings;
use super::application::{
    Application, DeadlineCounting, Field, HostKind, PassportKind, Purpose, ReRegistrationCounting,
    trim,
};
use super::iin::{self, IdError};
use super::messages::{FindingCode as C, reasons};
use super::report::Policy;
use crate::data::{self, Tables};
use crate::date::Date;
use crate::decimal::decimal;
use crate::i18n::{Arg, Text};
use crate::nfc;
use crate::text_rules::{self, LetterScript, TextKind, TextProblem, letter_script};

/// The values that passed their checks (or, for the entry date, that are at least real dates).
#[derive(Clone, Debug, Default)]
pub(crate) struct Facts {
    pub birth_date: Option<Date>,
    /// A valid code (ISO 3166-1 alpha-3 or XXA).
    pub citizenship: Option<String>,
    pub passport_kind: Option<PassportKind>,
    /// Any real date, even one flagged `entry.invalid` (after the evaluation date): a form
    /// planning a trip still wants to see its deadline.
    pub entry: Option<Date>,
    pub purpose: Option<Purpose>,
    pub contract_until: Option<Date>,
    /// Usable earlier stays as (entry, exit), in the application's order.
    pub previous_stays: Vec<(Date, Date)>,
    /// The planned last day, when the stay period is a possible one (not `stay.period.invalid`)
    /// and the day is not before the entry. An impossible period decides nothing else.
    pub stay_to: Option<Date>,
    /// A usable move date.
    pub moved_on: Option<Date>,
}

/// Why a name is not acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameProblem {
    /// A character a name cannot have, no letter, or a length out of range.
    Characters,
    /// A control, format, unassigned or invisible character.
    Forbidden,
    /// A word mixing Latin and Cyrillic letters.
    MixedScripts,
}

/// Whether `raw` is an acceptable name: NFC-normalised and trimmed, 1 to `max` characters of
/// letters (any script, with combining marks), space, hyphen, apostrophe (' ’ ʼ) and dot, with at
/// least one letter; no word mixing Latin and Cyrillic letters and no invisible look-alike of a
/// letter ([`crate::text_rules`]). An organisation's name may also hold digits, quotation marks
/// and the punctuation of company names (, & ( ) № / +).
///
/// # Example
///
/// ```
/// use tirkeu::rules::is_valid_name;
/// assert!(is_valid_name("Жанұзақ-О'Нил Ә.", false));
/// assert!(!is_valid_name("R2-D2", false));
/// assert!(is_valid_name("ТОО «Kaspi 2»", true));
/// assert!(!is_valid_name("IV\u{410}NOV", false)); // a Cyrillic А in a Latin word
/// assert!(!is_valid_name("Ann\u{3164}a", false)); // an invisible Hangul filler
/// ```
pub fn is_valid_name(raw: &str, organisation: bool) -> bool {
    name_problem(raw, organisation).is_none()
}

fn name_problem(raw: &str, organisation: bool) -> Option<NameProblem> {
    // NFC but for the CJK compatibility ideographs: the same verdicts without their tables.
    let normalised = nfc::normalise_for_checks(raw);
    let kind = if organisation {
        TextKind::OrganisationName
    } else {
        TextKind::PersonName
    };
    match text_rules::check_text(trim(&normalised), kind) {
        Ok(()) => None,
        Err(TextProblem::MixedScripts) => Some(NameProblem::MixedScripts),
        Err(TextProblem::ForbiddenCharacter { .. }) => Some(NameProblem::Forbidden),
        Err(_) => Some(NameProblem::Characters),
    }
}

/// Whether `raw` is a passport series and number: after removing spaces (U+0020), 5 to 20
/// characters A-Z and 0-9.
///
/// # Example
///
/// ```
/// use tirkeu::rules::is_valid_passport_number;
/// assert!(is_valid_passport_number("N 1234 5678"));
/// assert!(!is_valid_passport_number("n12345678"));
/// assert!(!is_valid_passport_number("N\u{a0}12345678")); // a no-break space is not a space
/// ```
pub fn is_valid_passport_number(raw: &str) -> bool {
    let mut length = 0;
    for c in raw.chars().filter(|c| *c != ' ') {
        length += 1;
        if !(c.is_ascii_uppercase() || c.is_ascii_digit()) {
            return false;
        }
    }
    (5..=20).contains(&length)
}

/// The Cyrillic letters of a refused passport number, which look like Latin ones ("«А», «В»");
/// empty when there are none.
fn cyrillic_letters(raw: &str) -> String {
    let mut letters: Vec<char> = Vec::new();
    for c in raw.chars() {
        let cyrillic = letter_script(c) == Some(LetterScript::Cyrillic) && c.is_alphabetic();
        if cyrillic && !letters.contains(&c) {
            letters.push(c);
        }
    }
    let mut out = String::new();
    for (index, c) in letters.into_iter().enumerate() {
        out.push_str(if index == 0 { "«" } else { ", «" });
        out.push(c);
        out.push('»');
    }
    out
}

/// Full years of age on `on` for someone born on `birth` (a 29 February birthday is reached on
/// 1 March in common years); negative when `on` is before `birth`.
pub(crate) fn age_on(birth: Date, on: Date) -> i64 {
    let (by, bm, bd) = birth.ymd();
    let (oy, om, od) = on.ymd();
    let mut years = i64::from(oy) - i64::from(by);
    if (om, od) < (bm, bd) {
        years -= 1;
    }
    years
}

/// The same day `years` years earlier (29 February becomes 28 February), if representable.
fn years_before(date: Date, years: i32) -> Option<Date> {
    let (y, m, d) = date.ymd();
    let year = y.checked_sub(years)?;
    Date::from_ymd(year, m, d)
        .or_else(|_| Date::from_ymd(year, m, d.saturating_sub(1)))
        .ok()
}

fn required<T>(findings: &mut Findings, field: &Field<T>, path: &str) {
    if field.is_missing() {
        findings.push(C::FieldRequired, Some(path), &[]);
    }
}

/// A `{reason}` text whose own `{max}`, `{letters}`, `{entry}` or `{today}` is filled first.
fn reason(findings: &Findings, text: Text, args: &[(&str, Arg<'_>)]) -> String {
    text.render_args(findings.lang(), args)
}

fn check_name(
    findings: &mut Findings,
    field: &Field<String>,
    path: &str,
    is_required: bool,
    organisation: bool,
) {
    let problem = match field {
        Field::Missing if is_required => {
            findings.push(C::FieldRequired, Some(path), &[]);
            return;
        }
        Field::Missing => return,
        Field::Unreadable(_) => NameProblem::Characters,
        Field::Value(name) => match name_problem(name, organisation) {
            Some(problem) => problem,
            None => return,
        },
    };
    let text = match problem {
        NameProblem::Forbidden => reasons::FORBIDDEN_CHARACTERS,
        NameProblem::MixedScripts => reasons::MIXED_SCRIPTS,
        NameProblem::Characters if organisation => reasons::ORGANISATION_NAME,
        NameProblem::Characters => reasons::PERSON_NAME,
    };
    let kind = if organisation {
        TextKind::OrganisationName
    } else {
        TextKind::PersonName
    };
    let max = decimal(*kind.length_range().end() as u64);
    let why = reason(findings, text, &[("max", Arg::Str(&max))]);
    findings.push(C::NameInvalid, Some(path), &[("reason", Arg::Str(&why))]);
}

/// A required free-text field (locality, street, building, apartment): present, text, and within
/// the character rules.
fn check_text(findings: &mut Findings, field: &Field<String>, path: &str) {
    let why = match field {
        Field::Missing => {
            findings.push(C::FieldRequired, Some(path), &[]);
            return;
        }
        // "building": 10 is a building number.
        Field::Unreadable(serde_json::Value::Number(_)) => return,
        Field::Unreadable(_) => reasons::NOT_TEXT,
        Field::Value(text) => match text_rules::check(text) {
            Ok(()) => return,
            Err(TextProblem::MixedScripts) => reasons::MIXED_SCRIPTS,
            Err(_) => reasons::FORBIDDEN_CHARACTERS,
        },
    };
    findings.push(C::FieldInvalid, Some(path), &[("reason", Arg::Text(why))]);
}

/// A date field: missing (when required) or unreadable become findings; returns the date.
fn check_date(
    findings: &mut Findings,
    field: &Field<Date>,
    path: &str,
    is_required: bool,
    invalid: C,
    today: Date,
) -> Option<Date> {
    match field {
        Field::Missing => {
            if is_required {
                findings.push(C::FieldRequired, Some(path), &[]);
            }
            None
        }
        Field::Unreadable(_) => {
            findings.push(invalid, Some(path), &[("today", Arg::Date(today))]);
            None
        }
        Field::Value(date) => Some(*date),
    }
}

/// Runs every field check in the order of the application's fields; returns the usable values.
/// The region is checked against `tables`.
pub(crate) fn check(
    application: &Application,
    today: Date,
    tables: &Tables,
    findings: &mut Findings,
) -> Facts {
    let mut facts = Facts::default();
    let immigrant = &application.immigrant;

    // Names.
    check_name(
        findings,
        &immigrant.surname,
        "immigrant.surname",
        true,
        false,
    );
    check_name(
        findings,
        &immigrant.given_names,
        "immigrant.givenNames",
        true,
        false,
    );
    check_name(
        findings,
        &immigrant.patronymic,
        "immigrant.patronymic",
        false,
        false,
    );

    // Date of birth: real, not after today, not more than 120 years before it.
    if let Some(birth) = check_date(
        findings,
        &immigrant.birth_date,
        "immigrant.birthDate",
        true,
        C::BirthDateInvalid,
        today,
    ) {
        let too_old = years_before(today, 120).is_some_and(|limit| birth < limit);
        if birth > today || too_old {
            findings.push(
                C::BirthDateInvalid,
                Some("immigrant.birthDate"),
                &[("today", Arg::Date(today))],
            );
        } else {
            facts.birth_date = Some(birth);
        }
    }

    // Citizenship.
    match &immigrant.citizenship {
        Field::Missing => required(findings, &immigrant.citizenship, "immigrant.citizenship"),
        Field::Unreadable(_) => {
            findings.push(C::CitizenshipUnknown, Some("immigrant.citizenship"), &[])
        }
        Field::Value(code) if !data::is_country_code(code) => {
            findings.push(C::CitizenshipUnknown, Some("immigrant.citizenship"), &[]);
        }
        Field::Value(code) => {
            if code == "KAZ" {
                findings.push(C::CitizenshipKazakhstan, Some("immigrant.citizenship"), &[]);
            }
            facts.citizenship = Some(code.clone());
        }
    }

    // Passport.
    let passport = &immigrant.passport;
    let number_path = "immigrant.passport.number";
    match &passport.number {
        Field::Missing => required(findings, &passport.number, number_path),
        Field::Value(number) if is_valid_passport_number(number) => {}
        other => {
            let letters = other
                .value()
                .map(|n| cyrillic_letters(n))
                .unwrap_or_default();
            let why = if letters.is_empty() {
                reason(findings, reasons::PASSPORT_CHARACTERS, &[])
            } else {
                reason(
                    findings,
                    reasons::PASSPORT_CYRILLIC,
                    &[("letters", Arg::Str(&letters))],
                )
            };
            findings.push(
                C::PassportNumberInvalid,
                Some(number_path),
                &[("reason", Arg::Str(&why))],
            );
        }
    }
    match &passport.kind {
        Field::Missing => facts.passport_kind = Some(PassportKind::Ordinary),
        Field::Unreadable(_) => {
            findings.push(C::PassportKindInvalid, Some("immigrant.passport.kind"), &[])
        }
        Field::Value(kind) => facts.passport_kind = Some(*kind),
    }
    let expires_on = check_date(
        findings,
        &passport.expires_on,
        "immigrant.passport.expiresOn",
        true,
        C::PassportExpiryInvalid,
        today,
    );

    // Entry.
    let entry = &application.entry;
    if let Some(date) = check_date(
        findings,
        &entry.date,
        "entry.date",
        true,
        C::EntryInvalid,
        today,
    ) {
        let before_birth = facts.birth_date.is_some_and(|birth| date < birth);
        if date > today || before_birth {
            findings.push(
                C::EntryInvalid,
                Some("entry.date"),
                &[("today", Arg::Date(today))],
            );
        }
        facts.entry = Some(date);
    }
    match &entry.purpose {
        Field::Missing => {}
        Field::Unreadable(_) => findings.push(C::EntryPurposeInvalid, Some("entry.purpose"), &[]),
        Field::Value(purpose) => facts.purpose = Some(*purpose),
    }
    if let Some(until) = check_date(
        findings,
        &entry.contract_until,
        "entry.contractUntil",
        false,
        C::ContractInvalid,
        today,
    ) {
        if facts.entry.is_some_and(|entry| until < entry) {
            findings.push(C::ContractInvalid, Some("entry.contractUntil"), &[]);
        } else {
            facts.contract_until = Some(until);
        }
    }

    // The stay period is judged here (the passport checks need its end) and reported in order
    // below. An impossible period decides nothing else: its end is then unknown.
    let stay = &application.stay;
    let (stay_from, stay_to) = (stay.from.get(), stay.to.get());
    let from_before_entry =
        matches!((stay_from, facts.entry), (Some(from), Some(entry)) if from < entry);
    let to_before_from = matches!((stay_from, stay_to), (Some(from), Some(to)) if to < from);
    let period_possible = !matches!(stay.from, Field::Unreadable(_))
        && !matches!(stay.to, Field::Unreadable(_))
        && !from_before_entry
        && !to_before_from;
    facts.stay_to = stay_to
        .filter(|_| period_possible)
        .filter(|to| facts.entry.is_none_or(|entry| *to >= entry));

    // Passport validity: `expiresOn` is the last valid day, so the passport is invalid data
    // (Rules p.4(1)) when that day is before the entry or before the evaluation date.
    if let Some(expiry) = expires_on {
        let path = Some("immigrant.passport.expiresOn");
        let expired_before = match facts.entry.filter(|entry| expiry < *entry) {
            Some(entry) => Some((reasons::EXPIRED_BEFORE_ENTRY, ("entry", Arg::Date(entry)))),
            None if expiry < today => {
                Some((reasons::EXPIRED_BEFORE_TODAY, ("today", Arg::Date(today))))
            }
            None => None,
        };
        if let Some((text, arg)) = expired_before {
            let why = reason(findings, text, &[arg]);
            findings.push(
                C::PassportExpired,
                path,
                &[("date", Arg::Date(expiry)), ("reason", Arg::Str(&why))],
            );
        } else if let Some(to) = facts.stay_to.filter(|to| expiry < *to) {
            findings.push(
                C::PassportExpiresDuringStay,
                path,
                &[("date", Arg::Date(expiry)), ("to", Arg::Date(to))],
            );
        }
    }

    check_previous_stays(application, today, &mut facts, findings);

    // Host.
    let host = &application.host;
    let host_kind = match &host.kind {
        Field::Missing => {
            required(findings, &host.kind, "host.kind");
            None
        }
        Field::Unreadable(_) => {
            findings.push(C::HostKindInvalid, Some("host.kind"), &[]);
            None
        }
        Field::Value(kind) => Some(*kind),
    };
    check_host_id(findings, &host.id, host_kind, today);
    check_name(
        findings,
        &host.name,
        "host.name",
        true,
        host_kind == Some(HostKind::Organization),
    );

    // Address.
    let address = &application.address;
    match &address.region {
        Field::Missing => required(findings, &address.region, "address.region"),
        Field::Value(code) if tables.region(code).is_some() => {}
        _ => findings.push(C::AddressRegionUnknown, Some("address.region"), &[]),
    }
    check_text(findings, &address.locality, "address.locality");
    check_text(findings, &address.street, "address.street");
    check_text(findings, &address.building, "address.building");
    let premises = address.premises.value().map(String::as_str);
    if premises == Some("apartment") {
        check_text(findings, &address.apartment, "address.apartment");
    }
    match &address.premises {
        Field::Missing => required(findings, &address.premises, "address.premises"),
        Field::Value(kind)
            if matches!(
                kind.as_str(),
                "house"
                    | "apartment"
                    | "dormitory"
                    | "hotel"
                    | "rest_home"
                    | "sanatorium"
                    | "other_residential"
            ) => {}
        _ => findings.push(
            C::AddressPremisesNotResidential,
            Some("address.premises"),
            &[],
        ),
    }

    // Stay period.
    check_date(
        findings,
        &stay.from,
        "stay.from",
        true,
        C::StayPeriodInvalid,
        today,
    );
    check_date(
        findings,
        &stay.to,
        "stay.to",
        true,
        C::StayPeriodInvalid,
        today,
    );
    if from_before_entry {
        findings.push(C::StayPeriodInvalid, Some("stay.from"), &[]);
    }
    if to_before_from {
        findings.push(C::StayPeriodInvalid, Some("stay.to"), &[]);
    }

    // Address change (re-registration).
    match &application.address_change {
        Field::Missing => {}
        Field::Unreadable(_) => {
            findings.push(
                C::AddressChangeInvalid,
                Some("addressChange"),
                &[("today", Arg::Date(today))],
            );
        }
        Field::Value(change) => {
            let path = "addressChange.movedOn";
            if let Some(moved) = check_date(
                findings,
                &change.moved_on,
                path,
                true,
                C::AddressChangeInvalid,
                today,
            ) {
                if moved > today || facts.entry.is_some_and(|entry| moved < entry) {
                    findings.push(
                        C::AddressChangeInvalid,
                        Some(path),
                        &[("today", Arg::Date(today))],
                    );
                } else {
                    facts.moved_on = Some(moved);
                }
            }
        }
    }
    facts
}

/// The path of a row of earlier stays, `previousStays[N]`: joined and written by the crate's digit
/// writer rather than by `format!`, so that the rules' WebAssembly module holds no `core::fmt`.
fn stay_path(index: usize) -> String {
    ["previousStays[", &decimal(index as u64), "]"].concat()
}

/// Checks `previousStays`: each usable stay goes into `facts`; overlaps are reported (and later
/// counted once).
fn check_previous_stays(
    application: &Application,
    today: Date,
    facts: &mut Facts,
    findings: &mut Findings,
) {
    let invalid = |findings: &mut Findings, path: &str| {
        findings.push(
            C::PreviousStaysInvalid,
            Some(path),
            &[("today", Arg::Date(today))],
        );
    };
    let stays = match &application.previous_stays {
        Field::Missing => return,
        Field::Unreadable(_) => {
            invalid(findings, "previousStays");
            return;
        }
        Field::Value(stays) => stays,
    };
    let mut usable: Vec<(usize, Date, Date)> = Vec::new();
    for (index, stay) in stays.iter().enumerate() {
        let path = stay_path(index);
        let stay = match stay {
            Field::Missing => continue,
            Field::Unreadable(_) => {
                invalid(findings, &path);
                continue;
            }
            Field::Value(stay) => stay,
        };
        let entry_path = [&path, ".entry"].concat();
        let exit_path = [&path, ".exit"].concat();
        let entry = check_date(
            findings,
            &stay.entry,
            &entry_path,
            true,
            C::PreviousStaysInvalid,
            today,
        );
        let exit = check_date(
            findings,
            &stay.exit,
            &exit_path,
            true,
            C::PreviousStaysInvalid,
            today,
        );
        let (Some(entry), Some(exit)) = (entry, exit) else {
            continue;
        };
        if exit < entry {
            invalid(findings, &path);
        } else if exit > today {
            invalid(findings, &exit_path);
        } else {
            usable.push((index, entry, exit));
        }
    }
    // Overlaps: a stay that shares more than one day with another earlier stay (leaving and
    // re-entering on the same day is ordinary, so a shared end day is not reported), or that
    // ends after the current entry.
    let mut by_start = usable.clone();
    crate::sort::sort_by_key(&mut by_start, |(index, entry, _)| (*entry, *index));
    let mut latest_exit: Option<Date> = None;
    let mut overlapping: Vec<usize> = Vec::new();
    for (index, entry, exit) in &by_start {
        let overlaps_earlier = latest_exit.is_some_and(|latest| *entry < latest);
        let overlaps_current = facts.entry.is_some_and(|current| *exit > current);
        if overlaps_earlier || overlaps_current {
            overlapping.push(*index);
        }
        latest_exit = Some(latest_exit.map_or(*exit, |latest| latest.max(*exit)));
    }
    crate::sort::sort(&mut overlapping);
    for index in overlapping {
        findings.push(C::PreviousStaysOverlap, Some(&stay_path(index)), &[]);
    }
    facts.previous_stays = usable
        .into_iter()
        .map(|(_, entry, exit)| (entry, exit))
        .collect();
}

/// The host's id: an IIN for a person (with its birth date), a BIN for an organisation (with its
/// month and kind of entity; a person's IIN given for an organisation is named as such), and for
/// a host of unknown kind only 12 digits and the check digit: never read as either.
fn check_host_id(findings: &mut Findings, id: &Field<String>, kind: Option<HostKind>, today: Date) {
    let path = Some("host.id");
    let label = match kind {
        Some(HostKind::Person) => reasons::IIN,
        Some(HostKind::Organization) => reasons::BIN,
        None => reasons::EITHER,
    };
    let invalid = |findings: &mut Findings, why: Text| {
        findings.push(
            C::HostIdInvalid,
            path,
            &[("id", Arg::Text(label)), ("reason", Arg::Text(why))],
        );
    };
    let text = match id {
        Field::Missing => {
            findings.push(C::FieldRequired, path, &[]);
            return;
        }
        Field::Unreadable(_) => {
            invalid(findings, reasons::ID_FORMAT);
            return;
        }
        Field::Value(text) => text.as_str(),
    };
    let result = match kind {
        Some(HostKind::Person) => iin::validate_iin(text).and_then(|birth| {
            if birth > today {
                Err(IdError::BirthDate)
            } else {
                Ok(Some(birth))
            }
        }),
        Some(HostKind::Organization) => iin::validate_bin(text).map(|()| None),
        None => iin::validate_check_digit(text).map(|()| None),
    };
    match result {
        Err(error) => {
            let why = match error {
                IdError::NeverIssued => reasons::ID_NEVER_ISSUED,
                IdError::CheckDigit { .. } => reasons::ID_CHECK_DIGIT,
                IdError::CenturyDigit { .. } => reasons::ID_CENTURY,
                IdError::BirthDate => reasons::ID_BIRTH_DATE,
                IdError::BinMonth { .. } | IdError::BinKind { .. }
                    if iin::validate_iin(text).is_ok() =>
                {
                    reasons::ID_LOOKS_LIKE_IIN
                }
                IdError::BinMonth { .. } => reasons::ID_BIN_MONTH,
                IdError::BinKind { .. } => reasons::ID_BIN_KIND,
                _ => reasons::ID_FORMAT,
            };
            invalid(findings, why);
        }
        Ok(Some(birth)) => {
            let age = age_on(birth, today);
            if age < 18 {
                findings.push(C::HostMinor, path, &[("age", Arg::Age(age))]);
            }
        }
        Ok(None) => {}
    }
}

/// Resolves the policy options: an unknown value is a finding and the default is used.
pub(crate) fn policy(application: &Application, findings: &mut Findings) -> Policy {
    let input = &application.policy;
    let defaults = Policy::default();
    for (unreadable, path) in [
        (
            matches!(input.deadline_counting, Field::Unreadable(_)),
            "policy.deadlineCounting",
        ),
        (
            matches!(input.re_registration_counting, Field::Unreadable(_)),
            "policy.reRegistrationCounting",
        ),
        (
            matches!(input.under16_exempt, Field::Unreadable(_)),
            "policy.under16Exempt",
        ),
        (
            matches!(input.diplomatic_exempt, Field::Unreadable(_)),
            "policy.diplomaticExempt",
        ),
    ] {
        if unreadable {
            findings.push(C::PolicyInvalid, Some(path), &[]);
        }
    }
    Policy {
        deadline_counting: input
            .deadline_counting
            .get()
            .unwrap_or(DeadlineCounting::EntryDayIsDayOne),
        re_registration_counting: input
            .re_registration_counting
            .get()
            .unwrap_or(ReRegistrationCounting::NextWorkingDayIsDayOne),
        under16_exempt: input
            .under16_exempt
            .get()
            .unwrap_or(defaults.under16_exempt),
        diplomatic_exempt: input
            .diplomatic_exempt
            .get()
            .unwrap_or(defaults.diplomatic_exempt),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn ages() {
        assert_eq!(age_on(day("2000-02-29"), day("2016-02-28")), 15);
        assert_eq!(age_on(day("2000-02-29"), day("2016-02-29")), 16);
        assert_eq!(age_on(day("2000-02-29"), day("2017-03-01")), 17);
        assert_eq!(age_on(day("2010-07-15"), day("2026-07-14")), 15);
        assert_eq!(age_on(day("2010-07-15"), day("2026-07-15")), 16);
        assert_eq!(
            years_before(day("2024-02-29"), 120),
            Some(day("1904-02-29"))
        );
        assert_eq!(years_before(day("2025-02-28"), 1), Some(day("2024-02-28")));
        assert_eq!(years_before(day("2024-02-29"), 1), Some(day("2023-02-28")));
    }

    #[test]
    fn names() {
        // Source: Order 923, Rules p.3 (the fields) and p.4(1) (letters of any script, space, hyphen, apostrophe, dot; 1-64).
        for good in [
            "IVANOV",
            "Ахметов Асет",
            "Ақжол",
            "O'Brien",
            "Jean-Luc",
            "Д.",
            "李",
            "e\u{301}mile",
            " Anna ",
        ] {
            assert!(is_valid_name(good, false), "{good:?}");
        }
        for bad in [
            "",
            "   ",
            "Ivan4",
            "a_b",
            "-",
            "'.",
            &"A".repeat(65),
            "Anna\u{0}",
            "<script>",
        ] {
            assert!(!is_valid_name(bad, false), "{bad:?}");
        }
        assert!(is_valid_name(&"A".repeat(64), false));
        // The character rules of every record text: no mixed Latin-Cyrillic word, no invisible
        // or control character, even where a letter would otherwise be accepted.
        for (bad, problem) in [
            ("IV\u{410}NOV", NameProblem::MixedScripts),
            ("Ива\u{43d}ov", NameProblem::MixedScripts),
            ("Anna\u{200b}", NameProblem::Forbidden),
            ("An\u{202e}na", NameProblem::Forbidden),
            ("Anna\u{a0}Maria", NameProblem::Forbidden),
            ("\u{3164}", NameProblem::Forbidden),
            ("A\u{115f}", NameProblem::Forbidden),
            ("R2-D2", NameProblem::Characters),
        ] {
            assert_eq!(name_problem(bad, false), Some(problem), "{bad:?}");
        }
        assert_eq!(name_problem("IVANOV-ИВАНОВ", false), None);
        // NFC: 64 letters, each with a combining accent, compose to 64 characters.
        assert!(is_valid_name(&"e\u{301}".repeat(64), false));
    }
}
