//! Who must register: Rules p.2(1) (not a citizen), p.3 (the 90-day regime), the exemptions
//! the policy options name, and the EAEU worker (Treaty on the EAEU art. 97).

use super::Findings;
use super::application::{DeadlineCounting, PassportKind, Purpose};
use super::fields::{Facts, age_on};
use super::messages::{FindingCode as C, ObligationCode};
use super::report::{Obligation, ObligationKind, Policy};
use crate::calendar;
use crate::data::{self, Confidence, Regime, RegimeRow, Tables};
use crate::date::Date;
use crate::i18n::{Arg, Lang};

/// Members of the Eurasian Economic Union other than Kazakhstan (Treaty on the EAEU art. 97).
pub(crate) const EAEU_MEMBERS: [&str; 4] = ["ARM", "BLR", "KGZ", "RUS"];

/// The obligation and what the later steps need from the decision.
pub(crate) struct Decision<'t> {
    pub obligation: Option<Obligation>,
    /// The regime row of the citizenship (absent: `visa_required`, or unknown citizenship).
    pub row: Option<&'t RegimeRow>,
    /// Whether the EAEU worker case applies; then the stay lasts at least until this contract
    /// end.
    pub contract_end: Option<Date>,
}

/// The first-registration deadline under the policy's reading, and the Civil Code outer bound.
pub(crate) fn first_deadline(
    entry: Date,
    policy: &Policy,
    calendar: calendar::Calendar<'_>,
) -> (Date, calendar::WorkingDay) {
    // Rules p.3: "not later than the thirtieth calendar day from the day of crossing".
    let outer = calendar.next_working_day_on_or_after(entry.add_days(30));
    let register_by = match policy.deadline_counting {
        DeadlineCounting::EntryDayIsDayOne => entry.add_days(29),
        DeadlineCounting::CivilCode => outer.date,
    };
    (register_by, outer)
}

fn make(kind: ObligationKind, code: ObligationCode, lang: Lang) -> Option<Obligation> {
    let spec = code.spec();
    Some(Obligation {
        kind,
        code,
        message: spec.text.get(lang).to_owned(),
        basis: spec.basis.text.get(lang).to_owned(),
        basis_refs: super::refs(&spec.basis),
    })
}

/// Decides the obligation, in this order: a citizen is not an immigrant; a diplomatic or service
/// passport is exempt (policy); then the regime decides; within the 90-day regime, an immigrant
/// who leaves by the deadline need not register, one under 16 is exempt only under policy
/// `under16Exempt`, and an EAEU worker must register and may stay at least for the contract's
/// term.
pub(crate) fn decide<'t>(
    facts: &Facts,
    policy: &Policy,
    today: Date,
    tables: &'t Tables,
    findings: &mut Findings,
) -> Decision<'t> {
    let lang = findings.lang();
    let mut decision = Decision {
        obligation: None,
        row: None,
        contract_end: None,
    };
    let citizenship = facts.citizenship.as_deref();
    if citizenship == Some("KAZ") {
        decision.obligation = make(
            ObligationKind::NotCovered,
            ObligationCode::NotImmigrant,
            lang,
        );
        return decision;
    }
    // Diplomatic and service passports: exempt by policy, on the basis of their accreditation
    // with the Ministry of Foreign Affairs (the Order names no exemption); the regime is not
    // needed for it.
    let diplomatic = matches!(
        facts.passport_kind,
        Some(PassportKind::Diplomatic | PassportKind::Service)
    );
    if diplomatic && policy.diplomatic_exempt {
        decision.obligation = make(
            ObligationKind::Exempt,
            ObligationCode::ExemptDiplomatic,
            lang,
        );
        decision.row = citizenship.and_then(|code| tables.regime(code));
        return decision;
    }
    let Some(citizenship) = citizenship else {
        return decision;
    };
    decision.row = tables.regime(citizenship);
    let regime = decision.row.map_or(Regime::VisaRequired, |row| row.regime);
    if let Some(row) = decision.row.filter(|row| row.confidence == Confidence::Low) {
        // The country by its name in the reader's language, not by its code.
        let country = data::citizenship(&row.iso3).map_or(&*row.iso3, |c| c.name(findings.lang()));
        findings.push(
            C::RegimeUnconfirmed,
            Some("immigrant.citizenship"),
            &[("country", Arg::Str(country))],
        );
    }
    decision.obligation = match regime {
        Regime::VisaRequired => make(
            ObligationKind::NotCovered,
            ObligationCode::NotCoveredVisa,
            lang,
        ),
        Regime::VisaFree30 | Regime::VisaFree14 => make(
            ObligationKind::NotCovered,
            ObligationCode::NotCoveredShortStay,
            lang,
        ),
        Regime::VisaFree90 => {
            let worker =
                EAEU_MEMBERS.contains(&citizenship) && facts.purpose == Some(Purpose::Work);
            decision.contract_end = facts.contract_until.filter(|_| worker);
            // An impossible stay period leaves `stay_to` unknown (fields.rs): never
            // `not_required` from it.
            let leaves_in_time = match (facts.entry, facts.stay_to) {
                (Some(entry), Some(to)) => to <= first_deadline(entry, policy, tables.calendar()).0,
                _ => false,
            };
            let under16 = facts
                .birth_date
                .is_some_and(|birth| age_on(birth, today) < 16);
            if leaves_in_time {
                make(
                    ObligationKind::NotRequired,
                    ObligationCode::RegistrationNotRequired,
                    lang,
                )
            } else if under16 && policy.under16_exempt {
                findings.push(
                    C::MinorUnder16,
                    Some("immigrant.birthDate"),
                    &[("today", Arg::Date(today))],
                );
                make(ObligationKind::Exempt, ObligationCode::ExemptMinor, lang)
            } else {
                if under16 {
                    findings.push(
                        C::MinorUnder16,
                        Some("immigrant.birthDate"),
                        &[("today", Arg::Date(today))],
                    );
                }
                if let Some(end) = decision.contract_end {
                    findings.push(
                        C::TreatyEaeuWorker,
                        Some("entry.contractUntil"),
                        &[("date", Arg::Date(end))],
                    );
                }
                make(
                    ObligationKind::MustRegister,
                    ObligationCode::RegistrationRequired,
                    lang,
                )
            }
        }
    };
    decision
}
