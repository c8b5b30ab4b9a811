//! Field checks (rules.md section 5: "inaccurate information", Rules p.3 fields and p.4(1)).
//!
//! Each check turns a missing or unreadable field into a finding with the field's dotted path,
//! and hands the values that passed on to the rest of the engine as [`Facts`].

use super::Findings;
use super::application::{
    Application, DeadlineCounting, Field, HostKind, PassportKind, Purpose, ReRegistrationCounting,
    trim,
};
use super::iin::{self, IdError};
use super::messages::{FindingCode as C, id_reason};
use super::report::Policy;
use crate::data;
use crate::date::Date;
use crate::nfc::{self, is_combining_mark};

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
    /// The planned last day, when it is a date not before the entry.
    pub stay_to: Option<Date>,
    /// The application is a re-registration (`addressChange` present, even unreadable).
    pub re_registration: bool,
    /// A usable move date.
    pub moved_on: Option<Date>,
}

/// Longest name of a person (rules.md section 5).
pub(crate) const PERSON_NAME_MAX: usize = 64;
/// Longest name of an organisation (a decision: official names of state enterprises are long).
pub(crate) const ORGANISATION_NAME_MAX: usize = 250;

/// Whether `raw` is an acceptable name: NFC-normalised and trimmed, 1 to `max` characters of
/// letters (any script, with combining marks), space, hyphen, apostrophe (' ’ ʼ) and dot, with at
/// least one letter. An organisation's name may also hold digits, quotation marks and the
/// punctuation of company names (, & ( ) № / +).
///
/// # Example
///
/// ```
/// use tirkeu::rules::is_valid_name;
/// assert!(is_valid_name("Жанұзақ-О'Нил Ә.", false));
/// assert!(!is_valid_name("R2-D2", false));
/// assert!(is_valid_name("ТОО «Kaspi 2»", true));
/// ```
pub fn is_valid_name(raw: &str, organisation: bool) -> bool {
    let normalised = nfc::normalise(raw);
    let name = trim(&normalised);
    let max = if organisation {
        ORGANISATION_NAME_MAX
    } else {
        PERSON_NAME_MAX
    };
    let person_mark =
        |c: char| is_combining_mark(c) || matches!(c, ' ' | '-' | '\'' | '’' | 'ʼ' | '.');
    let organisation_char = |c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '"' | '«' | '»' | '“' | '”' | '„' | ',' | '&' | '(' | ')' | '№' | '/' | '+'
            )
    };
    // One pass: the length, whether there is a letter, and whether every character is allowed.
    let mut length = 0;
    let mut has_letter = false;
    for c in name.chars() {
        length += 1;
        let letter = is_letter(c);
        has_letter |= letter;
        if !(letter || person_mark(c) || (organisation && organisation_char(c))) {
            return false;
        }
    }
    (1..=max).contains(&length) && has_letter
}

/// `char::is_alphabetic`, answered without Unicode's tables for the scripts of nearly every name
/// (ASCII, Latin-1, Latin Extended-A and -B, Cyrillic with Kazakh's letters): the tables' binary
/// search was the largest single cost of checking an application natively (perf). A test
/// compares the two on every character.
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0}'..='\u{7f}' => false,
        '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{24f}' => true,
        '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}' => true,
        _ => c.is_alphabetic(),
    }
}

/// Whether `raw` is a passport series and number: after removing spaces, 5 to 20 characters
/// A-Z and 0-9.
///
/// # Example
///
/// ```
/// use tirkeu::rules::is_valid_passport_number;
/// assert!(is_valid_passport_number("N 1234 5678"));
/// assert!(!is_valid_passport_number("n12345678"));
/// ```
pub fn is_valid_passport_number(raw: &str) -> bool {
    let compact: Vec<char> = raw.chars().filter(|c| !c.is_whitespace()).collect();
    (5..=20).contains(&compact.len())
        && compact
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
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
        findings.push(C::FieldRequired, Some(path), &[("field", path)]);
    }
}

fn check_name(
    findings: &mut Findings,
    field: &Field<String>,
    path: &str,
    is_required: bool,
    organisation: bool,
) {
    let name_invalid = |findings: &mut Findings| {
        let max = if organisation {
            ORGANISATION_NAME_MAX
        } else {
            PERSON_NAME_MAX
        };
        findings.push(C::NameInvalid, Some(path), &[("max", &max.to_string())]);
    };
    match field {
        Field::Missing if is_required => {
            findings.push(C::FieldRequired, Some(path), &[("field", path)])
        }
        Field::Missing => {}
        Field::Unreadable(_) => name_invalid(findings),
        Field::Value(name) => {
            if !is_valid_name(name, organisation) {
                name_invalid(findings);
            }
        }
    }
}

/// A required free-text field (locality, street, building, apartment): present and text.
fn check_text(findings: &mut Findings, field: &Field<String>, path: &str) {
    match field {
        Field::Missing => findings.push(C::FieldRequired, Some(path), &[("field", path)]),
        Field::Unreadable(serde_json::Value::Number(_)) => {} // "building": 10 is a building number
        Field::Unreadable(_) => findings.push(C::FieldInvalid, Some(path), &[("field", path)]),
        Field::Value(_) => {}
    }
}

/// A date field: missing (when required) or unreadable become findings; returns the date.
fn check_date(
    findings: &mut Findings,
    field: &Field<Date>,
    path: &str,
    is_required: bool,
    invalid: C,
    today: &str,
) -> Option<Date> {
    match field {
        Field::Missing => {
            if is_required {
                findings.push(C::FieldRequired, Some(path), &[("field", path)]);
            }
            None
        }
        Field::Unreadable(_) => {
            findings.push(invalid, Some(path), &[("today", today), ("field", path)]);
            None
        }
        Field::Value(date) => Some(*date),
    }
}

/// Runs every field check in the order of the application's fields; returns the usable values.
pub(crate) fn check(application: &Application, today: Date, findings: &mut Findings) -> Facts {
    let mut facts = Facts::default();
    let today_text = today.to_string();
    let today_str = today_text.as_str();
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
        today_str,
    ) {
        let too_old = years_before(today, 120).is_some_and(|limit| birth < limit);
        if birth > today || too_old {
            findings.push(
                C::BirthDateInvalid,
                Some("immigrant.birthDate"),
                &[("today", today_str)],
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
    match &passport.number {
        Field::Missing => required(findings, &passport.number, "immigrant.passport.number"),
        Field::Unreadable(_) => findings.push(
            C::PassportNumberInvalid,
            Some("immigrant.passport.number"),
            &[],
        ),
        Field::Value(number) if !is_valid_passport_number(number) => {
            findings.push(
                C::PassportNumberInvalid,
                Some("immigrant.passport.number"),
                &[],
            );
        }
        Field::Value(_) => {}
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
        today_str,
    );

    // Entry.
    let entry = &application.entry;
    if let Some(date) = check_date(
        findings,
        &entry.date,
        "entry.date",
        true,
        C::EntryInvalid,
        today_str,
    ) {
        let before_birth = facts.birth_date.is_some_and(|birth| date < birth);
        if date > today || before_birth {
            findings.push(C::EntryInvalid, Some("entry.date"), &[("today", today_str)]);
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
        today_str,
    ) {
        if facts.entry.is_some_and(|entry| until < entry) {
            findings.push(C::ContractInvalid, Some("entry.contractUntil"), &[]);
        } else {
            facts.contract_until = Some(until);
        }
    }

    // The stay period is read here (the passport checks need its end) and reported in order below.
    let stay_from = application.stay.from.get();
    let stay_to = application.stay.to.get();
    facts.stay_to = stay_to.filter(|to| facts.entry.is_none_or(|entry| *to >= entry));

    // Passport validity against the entry and the stay.
    if let Some(expiry) = expires_on {
        let entry_text = facts.entry.map(|d| d.to_string()).unwrap_or_default();
        let expiry_text = expiry.to_string();
        if facts.entry.is_some_and(|entry| expiry < entry) {
            findings.push(
                C::PassportExpired,
                Some("immigrant.passport.expiresOn"),
                &[("date", &expiry_text), ("entry", &entry_text)],
            );
        } else if let Some(to) = stay_to.filter(|to| expiry < *to) {
            findings.push(
                C::PassportExpiresDuringStay,
                Some("immigrant.passport.expiresOn"),
                &[("date", &expiry_text), ("to", &to.to_string())],
            );
        }
    }

    check_previous_stays(application, today, today_str, &mut facts, findings);

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
        Field::Value(code) if data::region(code).is_some() => {}
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
    let stay = &application.stay;
    check_date(
        findings,
        &stay.from,
        "stay.from",
        true,
        C::StayPeriodInvalid,
        today_str,
    );
    check_date(
        findings,
        &stay.to,
        "stay.to",
        true,
        C::StayPeriodInvalid,
        today_str,
    );
    if let (Some(from), Some(entry)) = (stay_from, facts.entry)
        && from < entry
    {
        findings.push(C::StayPeriodInvalid, Some("stay.from"), &[]);
    }
    if let (Some(from), Some(to)) = (stay_from, stay_to)
        && to < from
    {
        findings.push(C::StayPeriodInvalid, Some("stay.to"), &[]);
    }

    // Address change (re-registration).
    match &application.address_change {
        Field::Missing => {}
        Field::Unreadable(_) => {
            facts.re_registration = true;
            findings.push(
                C::AddressChangeInvalid,
                Some("addressChange"),
                &[("today", today_str)],
            );
        }
        Field::Value(change) => {
            facts.re_registration = true;
            let path = "addressChange.movedOn";
            if let Some(moved) = check_date(
                findings,
                &change.moved_on,
                path,
                true,
                C::AddressChangeInvalid,
                today_str,
            ) {
                if moved > today || facts.entry.is_some_and(|entry| moved < entry) {
                    findings.push(C::AddressChangeInvalid, Some(path), &[("today", today_str)]);
                } else {
                    facts.moved_on = Some(moved);
                }
            }
        }
    }
    facts
}

/// Checks `previousStays`: each usable stay goes into `facts`; overlaps are reported (and later
/// counted once).
fn check_previous_stays(
    application: &Application,
    today: Date,
    today_str: &str,
    facts: &mut Facts,
    findings: &mut Findings,
) {
    let stays = match &application.previous_stays {
        Field::Missing => return,
        Field::Unreadable(_) => {
            findings.push(
                C::PreviousStaysInvalid,
                Some("previousStays"),
                &[("today", today_str)],
            );
            return;
        }
        Field::Value(stays) => stays,
    };
    let mut usable: Vec<(usize, Date, Date)> = Vec::new();
    for (index, stay) in stays.iter().enumerate() {
        let path = format!("previousStays[{index}]");
        let stay = match stay {
            Field::Missing => continue,
            Field::Unreadable(_) => {
                findings.push(
                    C::PreviousStaysInvalid,
                    Some(&path),
                    &[("today", today_str)],
                );
                continue;
            }
            Field::Value(stay) => stay,
        };
        let entry_path = format!("{path}.entry");
        let exit_path = format!("{path}.exit");
        let entry = check_date(
            findings,
            &stay.entry,
            &entry_path,
            true,
            C::PreviousStaysInvalid,
            today_str,
        );
        let exit = check_date(
            findings,
            &stay.exit,
            &exit_path,
            true,
            C::PreviousStaysInvalid,
            today_str,
        );
        let (Some(entry), Some(exit)) = (entry, exit) else {
            continue;
        };
        if exit < entry {
            findings.push(
                C::PreviousStaysInvalid,
                Some(&path),
                &[("today", today_str)],
            );
        } else if exit > today {
            findings.push(
                C::PreviousStaysInvalid,
                Some(&exit_path),
                &[("today", today_str)],
            );
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
        findings.push(
            C::PreviousStaysOverlap,
            Some(&format!("previousStays[{index}]")),
            &[],
        );
    }
    facts.previous_stays = usable
        .into_iter()
        .map(|(_, entry, exit)| (entry, exit))
        .collect();
}

fn check_host_id(findings: &mut Findings, id: &Field<String>, kind: Option<HostKind>, today: Date) {
    let path = "host.id";
    let label = match kind {
        Some(HostKind::Person) => id_reason::IIN,
        Some(HostKind::Organization) => id_reason::BIN,
        None => id_reason::EITHER,
    };
    let text = match id {
        Field::Missing => {
            findings.push(C::FieldRequired, Some(path), &[("field", path)]);
            return;
        }
        Field::Unreadable(_) => {
            findings.push_texts(
                C::HostIdInvalid,
                Some(path),
                &[("id", label), ("reason", id_reason::FORMAT)],
                &[],
            );
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
        _ => iin::validate_bin(text).map(|()| None),
    };
    match result {
        Err(error) => {
            let reason = match error {
                IdError::NeverIssued => id_reason::NEVER_ISSUED,
                IdError::CheckDigit { .. } => id_reason::CHECK_DIGIT,
                IdError::CenturyDigit { .. } => id_reason::CENTURY,
                IdError::BirthDate => id_reason::BIRTH_DATE,
                _ => id_reason::FORMAT,
            };
            findings.push_texts(
                C::HostIdInvalid,
                Some(path),
                &[("id", label), ("reason", reason)],
                &[],
            );
        }
        Ok(Some(birth)) => {
            let age = age_on(birth, today);
            if age < 18 {
                findings.push(C::HostMinor, Some(path), &[("age", &age.to_string())]);
            }
        }
        Ok(None) => {}
    }
}

/// Resolves the policy options: an unknown value is a finding and the default is used.
pub(crate) fn policy(application: &Application, findings: &mut Findings) -> Policy {
    let input = &application.policy;
    let defaults = Policy::default();
    let mut option = |present_invalid: bool, path: &str, default: &str| {
        if present_invalid {
            findings.push(C::PolicyInvalid, Some(path), &[("default", default)]);
        }
    };
    option(
        matches!(input.deadline_counting, Field::Unreadable(_)),
        "policy.deadlineCounting",
        "entry_day_is_day_one",
    );
    option(
        matches!(input.re_registration_counting, Field::Unreadable(_)),
        "policy.reRegistrationCounting",
        "next_working_day_is_day_one",
    );
    option(
        matches!(input.under16_exempt, Field::Unreadable(_)),
        "policy.under16Exempt",
        "false",
    );
    option(
        matches!(input.diplomatic_exempt, Field::Unreadable(_)),
        "policy.diplomaticExempt",
        "true",
    );
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
    fn is_letter_is_is_alphabetic_on_every_character() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{:04X}", u32::from(c));
        }
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
        // Source: rules.md section 5 (letters of any script, space, hyphen, apostrophe, dot; 1-64).
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
        // NFC: 64 letters, each with a combining accent, compose to 64 characters.
        assert!(is_valid_name(&"e\u{301}".repeat(64), false));
    }
}
