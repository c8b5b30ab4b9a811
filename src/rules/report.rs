//! The report (the output of the rules engine): the JSON of the package's `Report`, camelCase, with
//! dates as `YYYY-MM-DD`. Field order is fixed and no map is used, so the same report always
//! serializes to the same bytes.

use serde::{Deserialize, Serialize};

use super::application::{DeadlineCounting, ReRegistrationCounting};
use super::messages::{FindingCode, ObligationCode};
use crate::data::{Confidence, Regime};
use crate::date::Date;
use crate::i18n::Lang;

/// How serious a finding is. `ok` is false exactly when there is an `Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub enum Severity {
    /// The application cannot be accepted as it is.
    Error,
    /// Worth attention; does not block.
    Warning,
    /// For information.
    Info,
}

impl Severity {
    /// The severity as written in the report: `error`, `warning` or `info`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::rules::Severity::Warning.as_str(), "warning");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub struct Finding {
    /// The stable code.
    pub code: FindingCode,
    /// Its severity.
    pub severity: Severity,
    /// Dotted path of the field concerned (`immigrant.birthDate`, `previousStays[1].exit`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The message in the requested language; it names the field by its label
    /// ([`super::field_label`]), never by its path.
    pub message: String,
    /// The legal basis in the requested language ("Приказ № 923, Правила, п. 3";
    /// "Order 923, Rules p.3").
    pub basis: String,
    /// The legal basis as stable references for programs, one a clause
    /// (`["order923:rules:p3", "order923:rules:p4(1)"]`; see [`super::Basis`]).
    pub basis_refs: Vec<String>,
}

/// Who must register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub enum ObligationKind {
    /// Must register by the deadline.
    MustRegister,
    /// Covered, but leaves on or before the deadline.
    NotRequired,
    /// Exempt (diplomatic or service passport; under 16 by policy).
    Exempt,
    /// Not covered by Order 923 (visa, short visa-free regime, citizen).
    NotCovered,
}

impl ObligationKind {
    /// The kind as written in the report: `must_register`, `not_required`, `exempt` or `not_covered`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::rules::ObligationKind::MustRegister.as_str(), "must_register");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ObligationKind::MustRegister => "must_register",
            ObligationKind::NotRequired => "not_required",
            ObligationKind::Exempt => "exempt",
            ObligationKind::NotCovered => "not_covered",
        }
    }
}

/// The obligation to register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub struct Obligation {
    /// Kind.
    pub kind: ObligationKind,
    /// Stable code.
    pub code: ObligationCode,
    /// Message in the requested language.
    pub message: String,
    /// Legal basis in the requested language.
    pub basis: String,
    /// Legal basis as stable references (see [`Finding::basis_refs`]).
    pub basis_refs: Vec<String>,
}

/// State of a deadline on the evaluation date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub enum DeadlineState {
    /// Before the last day.
    Open,
    /// The evaluation date is the last day.
    DueToday,
    /// The last day has passed.
    Missed,
    /// The deadline fell before Order 923 came into force (2026-07-01): not judged under it.
    NotApplicable,
}

impl DeadlineState {
    /// The state as written in the report: `open`, `due_today`, `missed` or `not_applicable`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::rules::DeadlineState::DueToday.as_str(), "due_today");
    /// assert_eq!(tirkeu::rules::DeadlineState::NotApplicable.as_str(), "not_applicable");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineState::Open => "open",
            DeadlineState::DueToday => "due_today",
            DeadlineState::Missed => "missed",
            DeadlineState::NotApplicable => "not_applicable",
        }
    }
}

/// A registration or re-registration deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub struct Deadline {
    /// The last day under the policy's reading ("register by").
    pub register_by: Date,
    /// The latest defensible date: the Civil Code reading for a first registration, the
    /// move-day-not-counted reading for a re-registration.
    pub outer_bound: Date,
    /// Calendar days from the evaluation date to `registerBy` (negative once it has passed).
    pub days_left: i64,
    /// State on the evaluation date: judged against `registerBy`, or for a re-registration
    /// against `effectiveBy`.
    pub state: DeadlineState,
    /// True when a date here depends on a provisional or computed calendar year.
    pub provisional: bool,
    /// Re-registration only: working days D with evaluation date < D <= `registerBy` (negative
    /// once missed, see [`crate::calendar::working_days_between`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_days_left: Option<i64>,
    /// Re-registration only: the day its state is judged against, the later of `registerBy` and
    /// the first-registration deadline (when that one is judged at all): a move does not take
    /// away the 30 days of Rules p.3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_by: Option<Date>,
}

/// What limits the current stay.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub enum LimitedBy {
    /// The regime's days per entry and days in the rolling window.
    Regime,
    /// The labour contract of an EAEU worker (Treaty on the EAEU art. 97(8)), when it ends after
    /// the last day the regime allows.
    LabourContract,
}

impl LimitedBy {
    /// The limit as written in the report: `regime` or `labour_contract`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::rules::LimitedBy::LabourContract.as_str(), "labour_contract");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            LimitedBy::Regime => "regime",
            LimitedBy::LabourContract => "labour_contract",
        }
    }
}

/// The stay limit (Order 923, Rules p.4(2), and the regimes' limits).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub struct StayLimit {
    /// The regime.
    pub regime: Regime,
    /// Days allowed per entry.
    pub days_per_entry: u32,
    /// Days allowed in any rolling window.
    pub days_in_window: u32,
    /// Length of the window.
    pub window_days: u32,
    /// Days present in the window ending on the reference day (the evaluation date while the
    /// stay runs; the planned last day once that is past or before the entry), both ends counted.
    pub days_used: i64,
    /// The last day of the current stay that keeps every day lawful; the day before the entry
    /// when not even the entry day is lawful.
    pub last_allowed_day: Date,
    /// Days present after `lastAllowedDay` up to the reference day.
    pub overstay_days: i64,
    /// Confidence of the regime row.
    pub confidence: Confidence,
    /// Which limit binds: the regime's, or the labour contract of an EAEU worker when it ends
    /// later (then `lastAllowedDay` is the contract's end).
    pub limited_by: LimitedBy,
    /// The legal basis of the limit that binds, in the requested language.
    pub basis: String,
    /// The legal basis as stable references (see [`Finding::basis_refs`]).
    pub basis_refs: Vec<String>,
    /// The source of the regime row, as the data table gives it (in English, for programs).
    pub source: String,
}

/// The policy options, with their defaults (the policy options). The report echoes the policy it
/// used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Policy {
    /// Reading of the 30-day deadline (default `entry_day_is_day_one`).
    pub deadline_counting: DeadlineCounting,
    /// Reading of "within five working days" (default `next_working_day_is_day_one`).
    pub re_registration_counting: ReRegistrationCounting,
    /// Whether an immigrant under 16 is exempt (default false: Order 923 names no such exemption).
    pub under16_exempt: bool,
    /// Whether diplomatic and service passports are exempt (default true).
    pub diplomatic_exempt: bool,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            deadline_counting: DeadlineCounting::EntryDayIsDayOne,
            re_registration_counting: ReRegistrationCounting::NextWorkingDayIsDayOne,
            under16_exempt: false,
            diplomatic_exempt: true,
        }
    }
}

/// The report on one application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub struct Report {
    /// True exactly when no finding is an error.
    pub ok: bool,
    /// The evaluation date.
    pub checked_on: Date,
    /// The language of the messages.
    pub lang: Lang,
    /// Who must register; null when the citizenship is missing or unknown (the findings say why).
    pub obligation: Option<Obligation>,
    /// The first-registration deadline: only for `must_register`, and not for a re-registration.
    pub deadline: Option<Deadline>,
    /// The re-registration deadline, when the application has an address change with a date.
    pub re_registration: Option<Deadline>,
    /// The stay limit, when the regime has one and the entry date is known.
    pub stay: Option<StayLimit>,
    /// The findings, in the order of the application's fields, then obligation, deadlines, stay.
    pub findings: Vec<Finding>,
    /// The policy used.
    pub policy: Policy,
    /// The version of the tables the report was made with: [`crate::data::DATA_VERSION`] for the
    /// compiled-in ones, a data bundle's `version` otherwise ([`crate::data::Tables::version`]).
    pub data_version: String,
}

impl Report {
    /// Whether a finding with this code is present.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::rules::{check_json, FindingCode};
    /// let report = check_json(&serde_json::json!({}), "2026-07-15".parse().unwrap(), tirkeu::i18n::Lang::En).unwrap();
    /// assert!(report.has(FindingCode::FieldRequired));
    /// ```
    pub fn has(&self, code: FindingCode) -> bool {
        self.findings.iter().any(|finding| finding.code == code)
    }

    /// The findings with this code.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::rules::{check_json, FindingCode};
    /// let report = check_json(&serde_json::json!({}), "2026-07-15".parse().unwrap(), tirkeu::i18n::Lang::En).unwrap();
    /// assert!(report.with(FindingCode::FieldRequired).any(|f| f.field.as_deref() == Some("immigrant.surname")));
    /// ```
    pub fn with(&self, code: FindingCode) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(move |finding| finding.code == code)
    }
}
