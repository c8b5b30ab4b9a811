//! The reviewed tables the rules depend on, compiled into the library.
//!
//! | file | what | source of each row |
//! |---|---|---|
//! | `kz-non-working-days.csv` | holidays, fixed days off, transfers and working weekends, 2025-2027 | `source` column (Law "On holidays", Labour Code, government decrees) |
//! | `visa-regimes.csv` | visa-free stay regimes by citizenship | `basis` and `confidence` columns |
//! | `kz-regions.csv` | the 17 regions and 3 cities of republican significance | the 2022 administrative reform |
//! | `iso3166-1-alpha3.csv` | the 249 ISO 3166-1 alpha-3 codes, with their alpha-2 codes and English names | ISO 3166-1, as maintained by the ISO 3166 Maintenance Agency |
//!
//! The rows of the files (build.rs leaves out their `#` comment lines) are included with
//! `include_str!` and parsed once, on first use. Parsing never
//! panics: a row that does not load is left out and listed by [`load_problems`], which the
//! tests require to be empty, so a broken row is caught before release rather than at a user.
//!
//! [`DATA_VERSION`] names this set of tables; it travels into every report, so that a verdict
//! can be traced to the data it was made with. Change it whenever a table changes (a test
//! fingerprints the tables and fails until the version and the fingerprint are updated together).

use std::sync::OnceLock;

use crate::date::Date;

/// The version of the compiled-in tables: the date of the newest source they were reviewed
/// against, and a revision number for that day.
///
/// # Example
///
/// ```
/// assert!(tirkeu::data::DATA_VERSION.starts_with("2026-"));
/// ```
pub const DATA_VERSION: &str = "2026-03-18.2";

// The rows of the tables, without the files' `#` comment lines (build.rs).
const NON_WORKING_DAYS_CSV: &str =
    include_str!(concat!(env!("OUT_DIR"), "/kz-non-working-days.csv"));
const VISA_REGIMES_CSV: &str = include_str!(concat!(env!("OUT_DIR"), "/visa-regimes.csv"));
const REGIONS_CSV: &str = include_str!(concat!(env!("OUT_DIR"), "/kz-regions.csv"));
const COUNTRIES_CSV: &str = include_str!(concat!(env!("OUT_DIR"), "/iso3166-1-alpha3.csv"));

/// The text of the four tables, in a fixed order, for fingerprinting (see the tests).
#[doc(hidden)]
pub const RAW_TABLES: [(&str, &str); 4] = [
    ("kz-non-working-days.csv", NON_WORKING_DAYS_CSV),
    ("visa-regimes.csv", VISA_REGIMES_CSV),
    ("kz-regions.csv", REGIONS_CSV),
    ("iso3166-1-alpha3.csv", COUNTRIES_CSV),
];

/// What a row of the non-working-days table says about its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NonWorkingDayKind {
    /// A public holiday (Law "On holidays" art. 5); moved to the next working day when it falls
    /// on a weekend (the move is its own `Transfer` row).
    Holiday,
    /// 7 January or the first day of Kurban Ait (Labour Code art. 84(5)): a day off that is never
    /// moved.
    FixedDayOff,
    /// A working day made a day off, by the weekend rule or by decree.
    Transfer,
    /// A Saturday or Sunday made a working day by decree.
    WorkingWeekend,
}

/// Whether a row is published by the state or projected from the statutory rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    /// Published by the state.
    Official,
    /// Projected: no decree or religious calendar published yet.
    Provisional,
}

/// One row of `kz-non-working-days.csv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NonWorkingDayRow {
    /// The day.
    pub date: Date,
    /// What the day is.
    pub kind: NonWorkingDayKind,
    /// Its name (English), as in the table.
    pub name: &'static str,
    /// Official or provisional.
    pub status: RowStatus,
    /// The legal source of the row.
    pub source: &'static str,
}

/// A stay regime for citizens of one state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub enum Regime {
    /// Up to 90 days per entry and 90 in each 180: the states of Order 923 p.3 (register by day 30).
    #[serde(rename = "visa_free_90")]
    VisaFree90,
    /// Up to 30 days per entry, 90 in each 180.
    #[serde(rename = "visa_free_30")]
    VisaFree30,
    /// Up to 14 days per entry, 42 in each 180.
    #[serde(rename = "visa_free_14")]
    VisaFree14,
    /// A visa (or a permit) is needed: the stay is governed by it.
    VisaRequired,
}

impl Regime {
    /// The code used in the tables and in the report (`visa_free_90`, ...).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::data::Regime::VisaFree30.as_str(), "visa_free_30");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Regime::VisaFree90 => "visa_free_90",
            Regime::VisaFree30 => "visa_free_30",
            Regime::VisaFree14 => "visa_free_14",
            Regime::VisaRequired => "visa_required",
        }
    }
}

/// How far a row can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Confidence {
    /// Old or conflicting sources: to be shown as "to be confirmed" where it decides an outcome.
    Low,
    /// One reliable source.
    Medium,
    /// Official text or several agreeing sources.
    High,
}

impl Confidence {
    /// The confidence as written in the tables and the report: `low`, `medium` or `high`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::data::Confidence::Medium.as_str(), "medium");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// One row of `visa-regimes.csv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegimeRow {
    /// ISO 3166-1 alpha-3 code of the citizenship.
    pub iso3: &'static str,
    /// The regime.
    pub regime: Regime,
    /// Days allowed per entry (absent for `visa_required`).
    pub days_per_entry: Option<u32>,
    /// Days allowed in any rolling window (absent for `visa_required`).
    pub days_in_window: Option<u32>,
    /// Length of the rolling window in days (absent for `visa_required`).
    pub window_days: Option<u32>,
    /// The legal basis of the row.
    pub basis: &'static str,
    /// How far the row can be trusted.
    pub confidence: Confidence,
    /// A note (may be empty).
    pub note: &'static str,
}

/// City of republican significance or region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum RegionKind {
    /// A city of republican significance (Astana, Almaty, Shymkent).
    City,
    /// A region (oblys).
    Region,
}

impl RegionKind {
    /// The kind as written in the tables and in JSON: `city` or `region`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::data::RegionKind::City.as_str(), "city");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RegionKind::City => "city",
            RegionKind::Region => "region",
        }
    }
}

/// One row of `kz-regions.csv`: a top-level administrative unit.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Region {
    /// The project's stable code (`ALA`, `AST`, ...).
    pub code: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Russian name.
    pub name_ru: &'static str,
    /// Kazakh name.
    pub name_kk: &'static str,
    /// City or region.
    pub kind: RegionKind,
}

impl Region {
    /// The name in `lang`.
    ///
    /// # Example
    ///
    /// ```
    /// let astana = tirkeu::data::region("AST").unwrap();
    /// assert_eq!(astana.name(tirkeu::i18n::Lang::Kk), "Астана");
    /// ```
    pub fn name(&self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::Kk => self.name_kk,
            crate::i18n::Lang::Ru => self.name_ru,
            crate::i18n::Lang::En => self.name_en,
        }
    }
}

/// One row of `iso3166-1-alpha3.csv`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Country {
    /// The alpha-3 code (ISO 3166-1), the key of the tables.
    #[serde(rename = "code")]
    pub alpha3: &'static str,
    /// The alpha-2 code, by which a browser's `Intl.DisplayNames` names the country in the
    /// reader's language.
    pub alpha2: &'static str,
    /// The English short name (the name where no other language's is at hand).
    pub name_en: &'static str,
}

/// A row of a compiled-in table that did not load (the tests require there to be none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableProblem {
    /// The file.
    pub table: &'static str,
    /// The line number (1-based).
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

struct Tables {
    non_working_days: Vec<NonWorkingDayRow>,
    regimes: Vec<RegimeRow>,
    regions: Vec<Region>,
    countries: Vec<Country>,
    problems: Vec<TableProblem>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(load)
}

fn load() -> Tables {
    let mut problems = Vec::new();
    let mut non_working_days = parse_table(
        "kz-non-working-days.csv",
        NON_WORKING_DAYS_CSV,
        5,
        &mut problems,
        non_working_day_row,
    );
    crate::sort::sort_by_key(&mut non_working_days, |row| row.date);
    let mut regimes = parse_table(
        "visa-regimes.csv",
        VISA_REGIMES_CSV,
        8,
        &mut problems,
        regime_row,
    );
    crate::sort::sort_by_key(&mut regimes, |row| row.iso3);
    let regions = parse_table("kz-regions.csv", REGIONS_CSV, 5, &mut problems, region_row);
    let mut countries = parse_table(
        "iso3166-1-alpha3.csv",
        COUNTRIES_CSV,
        3,
        &mut problems,
        country_row,
    );
    crate::sort::sort_by_key(&mut countries, |row| row.alpha3);
    Tables {
        non_working_days,
        regimes,
        regions,
        countries,
        problems,
    }
}

/// Parses the data lines of a table: `#` lines are comments, the first other line is the header.
fn parse_table<T>(
    table: &'static str,
    text: &'static str,
    columns: usize,
    problems: &mut Vec<TableProblem>,
    row: fn(&[&'static str]) -> Result<T, String>,
) -> Vec<T> {
    let mut rows = Vec::new();
    let mut seen_header = false;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !seen_header {
            seen_header = true;
            continue;
        }
        let result = split_csv_line(line).and_then(|fields| {
            if fields.len() == columns {
                row(&fields)
            } else {
                Err(format!("{} fields, expected {columns}", fields.len()))
            }
        });
        match result {
            Ok(value) => rows.push(value),
            Err(reason) => problems.push(TableProblem {
                table,
                line: index + 1,
                reason,
            }),
        }
    }
    rows
}

/// Splits one CSV line. A field may be wrapped in double quotes (to hold commas); doubled quotes
/// inside a field are not used by these tables and are refused, so that every field can stay a
/// slice of the compiled-in text.
fn split_csv_line(line: &'static str) -> Result<Vec<&'static str>, String> {
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        if let Some(after_quote) = rest.strip_prefix('"') {
            let end = after_quote.find('"').ok_or("unterminated quoted field")?;
            let (field, after) = after_quote.split_at(end);
            let after = &after[1..];
            fields.push(field);
            if after.is_empty() {
                return Ok(fields);
            }
            rest = after
                .strip_prefix(',')
                .ok_or("text after a closing quote")?;
        } else {
            match rest.find(',') {
                Some(comma) => {
                    fields.push(&rest[..comma]);
                    rest = &rest[comma + 1..];
                }
                None => {
                    fields.push(rest);
                    return Ok(fields);
                }
            }
        }
    }
}

fn non_working_day_row(fields: &[&'static str]) -> Result<NonWorkingDayRow, String> {
    let [date, kind, name, status, source] = fields else {
        return Err("wrong number of fields".into());
    };
    let date = Date::parse(date).map_err(|e| e.to_string())?;
    let kind = match *kind {
        "holiday" => NonWorkingDayKind::Holiday,
        "fixed_day_off" => NonWorkingDayKind::FixedDayOff,
        "transfer" => NonWorkingDayKind::Transfer,
        "working_weekend" => NonWorkingDayKind::WorkingWeekend,
        other => return Err(format!("unknown kind `{other}`")),
    };
    let status = match *status {
        "official" => RowStatus::Official,
        "provisional" => RowStatus::Provisional,
        other => return Err(format!("unknown status `{other}`")),
    };
    non_empty("name", name)?;
    non_empty("source", source)?;
    Ok(NonWorkingDayRow {
        date,
        kind,
        name,
        status,
        source,
    })
}

fn regime_row(fields: &[&'static str]) -> Result<RegimeRow, String> {
    let [
        iso3,
        regime,
        per_entry,
        in_window,
        window,
        basis,
        confidence,
        note,
    ] = fields
    else {
        return Err("wrong number of fields".into());
    };
    let regime = match *regime {
        "visa_free_90" => Regime::VisaFree90,
        "visa_free_30" => Regime::VisaFree30,
        "visa_free_14" => Regime::VisaFree14,
        "visa_required" => Regime::VisaRequired,
        other => return Err(format!("unknown regime `{other}`")),
    };
    let confidence = match *confidence {
        "high" => Confidence::High,
        "medium" => Confidence::Medium,
        "low" => Confidence::Low,
        other => return Err(format!("unknown confidence `{other}`")),
    };
    let number = |name: &str, text: &str| -> Result<Option<u32>, String> {
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse::<u32>() {
            Ok(value) if (1..=3660).contains(&value) => Ok(Some(value)),
            _ => Err(format!("{name} `{text}` is not a number of days")),
        }
    };
    let row = RegimeRow {
        iso3,
        regime,
        days_per_entry: number("days_per_entry", per_entry)?,
        days_in_window: number("days_in_window", in_window)?,
        window_days: number("window_days", window)?,
        basis,
        confidence,
        note,
    };
    let has_numbers = [row.days_per_entry, row.days_in_window, row.window_days]
        .iter()
        .all(Option::is_some);
    let visa_free = regime != Regime::VisaRequired;
    if visa_free != has_numbers {
        return Err("a visa-free row needs all three numbers, a visa_required row none".into());
    }
    non_empty("basis", basis)?;
    alpha3("iso3", iso3)?;
    Ok(row)
}

fn region_row(fields: &[&'static str]) -> Result<Region, String> {
    let [code, name_en, name_ru, name_kk, kind] = fields else {
        return Err("wrong number of fields".into());
    };
    let kind = match *kind {
        "city" => RegionKind::City,
        "region" => RegionKind::Region,
        other => return Err(format!("unknown kind `{other}`")),
    };
    alpha3("code", code)?;
    non_empty("name_en", name_en)?;
    non_empty("name_ru", name_ru)?;
    non_empty("name_kk", name_kk)?;
    Ok(Region {
        code,
        name_en,
        name_ru,
        name_kk,
        kind,
    })
}

fn country_row(fields: &[&'static str]) -> Result<Country, String> {
    let [alpha3_code, alpha2, name_en] = fields else {
        return Err("wrong number of fields".into());
    };
    alpha3("alpha3", alpha3_code)?;
    if !(alpha2.len() == 2 && alpha2.bytes().all(|b| b.is_ascii_uppercase())) {
        return Err(format!("alpha2 `{alpha2}` is not two capital letters"));
    }
    non_empty("name_en", name_en)?;
    Ok(Country {
        alpha3: alpha3_code,
        alpha2,
        name_en,
    })
}

fn non_empty(name: &str, value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        Err(format!("{name} is empty"))
    } else {
        Ok(())
    }
}

fn alpha3(name: &str, value: &str) -> Result<(), String> {
    if value.len() == 3 && value.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(format!("{name} `{value}` is not three capital letters"))
    }
}

/// Every row of the non-working-days table, in date order.
///
/// # Example
///
/// ```
/// let rows = tirkeu::data::non_working_days();
/// assert!(rows.iter().any(|row| row.date.to_string() == "2026-10-26"));
/// ```
pub fn non_working_days() -> &'static [NonWorkingDayRow] {
    &tables().non_working_days
}

/// The visa-regime row for a citizenship (ISO 3166-1 alpha-3, upper case).
///
/// `None` for a state the table does not list: such a state is `visa_required` (see the table's
/// header), as is a stateless person (`XXA`).
///
/// # Example
///
/// ```
/// use tirkeu::data::{regime, Regime};
/// assert_eq!(regime("TUR").unwrap().regime, Regime::VisaFree90);
/// assert!(regime("AFG").is_none());
/// ```
pub fn regime(iso3: &str) -> Option<&'static RegimeRow> {
    let rows = &tables().regimes;
    rows.binary_search_by(|row| row.iso3.cmp(iso3))
        .ok()
        .and_then(|index| rows.get(index))
}

/// Every row of the visa-regimes table, ordered by code.
///
/// # Example
///
/// ```
/// assert!(tirkeu::data::regimes().iter().any(|row| row.iso3 == "KGZ"));
/// ```
pub fn regimes() -> &'static [RegimeRow] {
    &tables().regimes
}

/// The regions and cities of republican significance, in the table's order (cities first), for
/// a dropdown.
///
/// # Example
///
/// ```
/// let regions = tirkeu::data::regions();
/// assert_eq!(regions.len(), 20);
/// assert_eq!(regions[0].code, "AST");
/// ```
pub fn regions() -> &'static [Region] {
    &tables().regions
}

/// The region with this code.
///
/// # Example
///
/// ```
/// assert_eq!(tirkeu::data::region("ALA").unwrap().name_en, "Almaty");
/// assert!(tirkeu::data::region("XXX").is_none());
/// ```
pub fn region(code: &str) -> Option<&'static Region> {
    tables().regions.iter().find(|region| region.code == code)
}

/// The code for a stateless person (ICAO Doc 9303), accepted as a citizenship.
pub const STATELESS: &str = "XXA";

/// Whether `iso3` is an ISO 3166-1 alpha-3 code (any of the 249) or `XXA`. Upper case only.
///
/// # Example
///
/// ```
/// use tirkeu::data::is_country_code;
/// assert!(is_country_code("KAZ"));
/// assert!(is_country_code("XXA"));
/// assert!(!is_country_code("kaz"));
/// assert!(!is_country_code("SUN"));
/// ```
pub fn is_country_code(iso3: &str) -> bool {
    iso3 == STATELESS || country(iso3).is_some()
}

/// The ISO 3166-1 row for an alpha-3 code.
///
/// # Example
///
/// ```
/// let kazakhstan = tirkeu::data::country("KAZ").unwrap();
/// assert_eq!((kazakhstan.alpha2, kazakhstan.name_en), ("KZ", "Kazakhstan"));
/// ```
pub fn country(iso3: &str) -> Option<&'static Country> {
    let rows = &tables().countries;
    rows.binary_search_by(|row| row.alpha3.cmp(iso3))
        .ok()
        .and_then(|index| rows.get(index))
}

/// Every ISO 3166-1 alpha-3 row, ordered by code.
///
/// # Example
///
/// ```
/// assert_eq!(tirkeu::data::countries().len(), 249);
/// ```
pub fn countries() -> &'static [Country] {
    &tables().countries
}

/// Rows of the compiled-in tables that did not load. Empty in a correct build.
///
/// # Example
///
/// ```
/// assert!(tirkeu::data::load_problems().is_empty());
/// ```
pub fn load_problems() -> &'static [TableProblem] {
    &tables().problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_quoted_fields() {
        assert_eq!(
            split_csv_line("a,\"b, c\",d").unwrap(),
            vec!["a", "b, c", "d"]
        );
        assert_eq!(split_csv_line("a,,").unwrap(), vec!["a", "", ""]);
        assert_eq!(split_csv_line("\"x\"").unwrap(), vec!["x"]);
        assert!(split_csv_line("\"x").is_err());
        assert!(split_csv_line("\"x\"y").is_err());
    }
}
