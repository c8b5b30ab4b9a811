//! The rows of the data tables and their one validation, used twice: by `build.rs`, which compiles
//! `src/data/*.csv` into typed statics (a bad row fails the build with its file and line), and at
//! run time on the rows of a data bundle (a bad row refuses the bundle whole, naming the row).
//!
//! `build.rs` includes this file with `#[path]`, beside `src/date.rs`: it uses nothing of the
//! crate but `super::date` and serde's derives.
//!
//! A row arrives as its cells in the order of the table's columns ([`CALENDAR_COLUMNS`], ...),
//! whether from a CSV line or from a bundle's map of column names to text. The row functions
//! check one row; the `check_*` functions check what holds across a table (dates in order and
//! unique, codes unique).

use std::borrow::Cow;

use super::date::Date;

/// A text cell of a row: borrowed from the compiled-in tables, owned when read from a bundle.
pub type Text = Cow<'static, str>;

/// The code of a stateless person (ICAO Doc 9303): accepted as a citizenship, and so in the
/// visa-regimes table, though not an ISO 3166-1 code.
pub const STATELESS: &str = "XXA";

/// Most characters in one cell.
pub const MAX_CELL_CHARS: usize = 500;

/// The columns of `kz-non-working-days.csv` (and of a bundle's `calendar` rows).
pub const CALENDAR_COLUMNS: [&str; 5] = ["date", "kind", "name", "status", "source"];
/// The columns of `visa-regimes.csv` (and of a bundle's `regimes` rows).
pub const REGIME_COLUMNS: [&str; 8] = [
    "iso3",
    "regime",
    "days_per_entry",
    "days_in_window",
    "window_days",
    "basis",
    "confidence",
    "note",
];
/// The columns of `kz-regions.csv` (and of a bundle's `regions` rows).
pub const REGION_COLUMNS: [&str; 5] = ["code", "name_en", "name_ru", "name_kk", "kind"];
/// The columns of `iso3166-1-alpha3.csv` (compiled in only: no bundle changes it).
pub const COUNTRY_COLUMNS: [&str; 5] = ["alpha3", "alpha2", "name_en", "name_ru", "name_kk"];

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

impl NonWorkingDayKind {
    /// Every kind.
    pub const ALL: [NonWorkingDayKind; 4] = [
        NonWorkingDayKind::Holiday,
        NonWorkingDayKind::FixedDayOff,
        NonWorkingDayKind::Transfer,
        NonWorkingDayKind::WorkingWeekend,
    ];

    /// The kind as written in the table: `holiday`, `fixed_day_off`, `transfer` or
    /// `working_weekend`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::data::NonWorkingDayKind::FixedDayOff.as_str(), "fixed_day_off");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            NonWorkingDayKind::Holiday => "holiday",
            NonWorkingDayKind::FixedDayOff => "fixed_day_off",
            NonWorkingDayKind::Transfer => "transfer",
            NonWorkingDayKind::WorkingWeekend => "working_weekend",
        }
    }
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

impl RowStatus {
    /// Both statuses.
    pub const ALL: [RowStatus; 2] = [RowStatus::Official, RowStatus::Provisional];

    /// The status as written in the table: `official` or `provisional`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::data::RowStatus::Provisional.as_str(), "provisional");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RowStatus::Official => "official",
            RowStatus::Provisional => "provisional",
        }
    }
}

/// A stay regime for citizens of one state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
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
    /// Every regime.
    pub const ALL: [Regime; 4] = [
        Regime::VisaFree90,
        Regime::VisaFree30,
        Regime::VisaFree14,
        Regime::VisaRequired,
    ];

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
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
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
    /// Every confidence, lowest first.
    pub const ALL: [Confidence; 3] = [Confidence::Low, Confidence::Medium, Confidence::High];

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

/// City of republican significance or region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum RegionKind {
    /// A city of republican significance (Astana, Almaty, Shymkent).
    City,
    /// A region (oblys).
    Region,
}

impl RegionKind {
    /// Both kinds.
    pub const ALL: [RegionKind; 2] = [RegionKind::City, RegionKind::Region];

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

/// One row of `kz-non-working-days.csv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NonWorkingDayRow {
    /// The day.
    pub date: Date,
    /// What the day is.
    pub kind: NonWorkingDayKind,
    /// Its name (English), as in the table.
    pub name: Text,
    /// Official or provisional.
    pub status: RowStatus,
    /// The legal source of the row.
    pub source: Text,
}

/// One row of `visa-regimes.csv`: the stay regime for citizens of one state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegimeRow {
    /// ISO 3166-1 alpha-3 code of the citizenship.
    pub iso3: Text,
    /// The regime.
    pub regime: Regime,
    /// Days allowed per entry (absent for `visa_required`).
    pub days_per_entry: Option<u32>,
    /// Days allowed in any rolling window (absent for `visa_required`).
    pub days_in_window: Option<u32>,
    /// Length of the rolling window in days (absent for `visa_required`).
    pub window_days: Option<u32>,
    /// The legal basis of the row.
    pub basis: Text,
    /// How far the row can be trusted.
    pub confidence: Confidence,
    /// A note (may be empty).
    pub note: Text,
}

/// One row of `kz-regions.csv`: a top-level administrative unit.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Region {
    /// The project's stable code (`ALA`, `AST`, ...).
    pub code: Text,
    /// English name.
    pub name_en: Text,
    /// Russian name.
    pub name_ru: Text,
    /// Kazakh name.
    pub name_kk: Text,
    /// City or region.
    pub kind: RegionKind,
}

/// A word of a table (`holiday`, `visa_free_30`, ...) among the words of an enum, or what the
/// column allows.
fn word<T: Copy>(
    column: &str,
    cell: &str,
    all: &[T],
    as_str: fn(T) -> &'static str,
) -> Result<T, String> {
    all.iter()
        .copied()
        .find(|value| as_str(*value) == cell)
        .ok_or_else(|| {
            let allowed: Vec<&str> = all.iter().map(|value| as_str(*value)).collect();
            format!("{column} `{}` is not {}", shorten(cell), allowed.join(", "))
        })
}

/// At most 40 characters of a cell, for a message.
fn shorten(cell: &str) -> String {
    cell.chars().take(40).collect()
}

/// A cell as it may be kept: no control character, no space at either end, at most
/// [`MAX_CELL_CHARS`] characters; empty only where `may_be_empty`.
fn text(column: &str, cell: &str, may_be_empty: bool) -> Result<Text, String> {
    if cell.is_empty() {
        return if may_be_empty {
            Ok(Cow::Borrowed(""))
        } else {
            Err(format!("{column} is empty"))
        };
    }
    if cell.chars().any(char::is_control) {
        return Err(format!("{column} holds a control character"));
    }
    if cell.trim() != cell {
        return Err(format!("{column} has a space at an end"));
    }
    if cell.chars().count() > MAX_CELL_CHARS {
        return Err(format!(
            "{column} is longer than {MAX_CELL_CHARS} characters"
        ));
    }
    Ok(Cow::Owned(cell.to_owned()))
}

/// A code of `length` capital letters A-Z.
fn capitals(column: &str, cell: &str, length: usize) -> Result<Text, String> {
    if cell.len() == length && cell.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(Cow::Owned(cell.to_owned()))
    } else {
        Err(format!(
            "{column} `{}` is not {length} capital letters",
            shorten(cell)
        ))
    }
}

/// Reads one row of the non-working-days table, in the order of [`CALENDAR_COLUMNS`]. A transfer
/// must fall on a weekday (a day off is moved onto a working day) and a working weekend on a
/// Saturday or Sunday.
///
/// # Errors
///
/// What is wrong with the row, in words.
///
/// # Example
///
/// ```
/// use tirkeu::data::rows::calendar_row;
/// let row = calendar_row(["2026-03-09", "transfer", "moved from 2026-03-08", "official", "Law"]).unwrap();
/// assert_eq!(row.date.to_string(), "2026-03-09");
/// let error = calendar_row(["2026-03-08", "transfer", "Sunday", "official", "Law"]).unwrap_err();
/// assert_eq!(error, "a transfer falls on a working weekday, not on Sunday 2026-03-08");
/// ```
pub fn calendar_row(cells: [&str; 5]) -> Result<NonWorkingDayRow, String> {
    let [date, kind, name, status, source] = cells;
    let date = Date::parse(date).map_err(|e| format!("date: {e}"))?;
    let kind = word(
        "kind",
        kind,
        &NonWorkingDayKind::ALL,
        NonWorkingDayKind::as_str,
    )?;
    let weekday = date.weekday();
    match kind {
        NonWorkingDayKind::Transfer if weekday.is_weekend() => {
            return Err(format!(
                "a transfer falls on a working weekday, not on {weekday:?} {date}"
            ));
        }
        NonWorkingDayKind::WorkingWeekend if !weekday.is_weekend() => {
            return Err(format!(
                "a working weekend falls on a Saturday or Sunday, not on {weekday:?} {date}"
            ));
        }
        _ => {}
    }
    Ok(NonWorkingDayRow {
        date,
        kind,
        name: text("name", name, false)?,
        status: word("status", status, &RowStatus::ALL, RowStatus::as_str)?,
        source: text("source", source, false)?,
    })
}

/// Reads one row of the visa-regimes table, in the order of [`REGIME_COLUMNS`]: a visa-free row
/// has its three numbers of days (1 to 3660, per entry <= in the window <= the window), a
/// `visa_required` row none.
///
/// # Errors
///
/// What is wrong with the row, in words.
///
/// # Example
///
/// ```
/// use tirkeu::data::rows::regime_row;
/// let row = regime_row(["CHN", "visa_free_30", "30", "90", "180", "agreement", "high", ""]).unwrap();
/// assert_eq!(row.days_per_entry, Some(30));
/// assert!(regime_row(["CHN", "visa_free_60", "60", "90", "180", "agreement", "high", ""]).is_err());
/// ```
pub fn regime_row(cells: [&str; 8]) -> Result<RegimeRow, String> {
    let [
        iso3,
        regime,
        per_entry,
        in_window,
        window,
        basis,
        confidence,
        note,
    ] = cells;
    let number = |column: &str, cell: &str| -> Result<Option<u32>, String> {
        if cell.is_empty() {
            return Ok(None);
        }
        match cell.parse::<u32>() {
            Ok(value) if (1..=3660).contains(&value) && !cell.starts_with(['0', '+']) => {
                Ok(Some(value))
            }
            _ => Err(format!(
                "{column} `{}` is not a number of days (1 to 3660)",
                shorten(cell)
            )),
        }
    };
    let row = RegimeRow {
        iso3: capitals("iso3", iso3, 3)?,
        regime: word("regime", regime, &Regime::ALL, Regime::as_str)?,
        days_per_entry: number("days_per_entry", per_entry)?,
        days_in_window: number("days_in_window", in_window)?,
        window_days: number("window_days", window)?,
        basis: text("basis", basis, false)?,
        confidence: word(
            "confidence",
            confidence,
            &Confidence::ALL,
            Confidence::as_str,
        )?,
        note: text("note", note, true)?,
    };
    match (row.days_per_entry, row.days_in_window, row.window_days) {
        (Some(per_entry), Some(in_window), Some(window)) if row.regime != Regime::VisaRequired => {
            if !(per_entry <= in_window && in_window <= window) {
                return Err(format!(
                    "days per entry ({per_entry}) <= days in the window ({in_window}) <= the \
                     window ({window}) does not hold"
                ));
            }
        }
        (None, None, None) if row.regime == Regime::VisaRequired => {}
        _ => {
            return Err(
                "a visa-free row needs all three numbers of days, a visa_required row none".into(),
            );
        }
    }
    Ok(row)
}

/// Reads one row of the regions table, in the order of [`REGION_COLUMNS`].
///
/// # Errors
///
/// What is wrong with the row, in words.
///
/// # Example
///
/// ```
/// use tirkeu::data::rows::region_row;
/// assert!(region_row(["AST", "Astana", "Астана", "Астана", "city"]).is_ok());
/// assert!(region_row(["AST", "Astana", "Астана", "Астана", "town"]).is_err());
/// ```
pub fn region_row(cells: [&str; 5]) -> Result<Region, String> {
    let [code, name_en, name_ru, name_kk, kind] = cells;
    Ok(Region {
        code: capitals("code", code, 3)?,
        name_en: text("name_en", name_en, false)?,
        name_ru: text("name_ru", name_ru, false)?,
        name_kk: text("name_kk", name_kk, false)?,
        kind: word("kind", kind, &RegionKind::ALL, RegionKind::as_str)?,
    })
}

/// Reads one row of the ISO 3166-1 table, in the order of [`COUNTRY_COLUMNS`]: an alpha-3 code,
/// an alpha-2 code, and the short names in English, Russian and Kazakh. The Russian and Kazakh
/// names are written in Cyrillic letters only: a Latin letter there is a name CLDR lacked and
/// nobody wrote.
///
/// # Errors
///
/// What is wrong with the row, in words.
///
/// # Example
///
/// ```
/// use tirkeu::data::rows::country_row;
/// assert!(country_row(["UZB", "UZ", "Uzbekistan", "Узбекистан", "Өзбекстан"]).is_ok());
/// let error = country_row(["UZB", "UZ", "Uzbekistan", "Узбекистан", "Uzbekistan"]).unwrap_err();
/// assert!(error.contains("name_kk"));
/// ```
pub fn country_row(cells: [&str; 5]) -> Result<[String; 5], String> {
    let [alpha3, alpha2, name_en, name_ru, name_kk] = cells;
    capitals("alpha3", alpha3, 3)?;
    capitals("alpha2", alpha2, 2)?;
    text("name_en", name_en, false)?;
    for (column, name) in [("name_ru", name_ru), ("name_kk", name_kk)] {
        text(column, name, false)?;
        let cyrillic = |letter: char| ('\u{0400}'..='\u{04FF}').contains(&letter);
        if let Some(letter) = name.chars().find(|&c| c.is_alphabetic() && !cyrillic(c)) {
            return Err(format!(
                "{column} `{}` has the letter {letter}: the name is written in Cyrillic",
                shorten(name)
            ));
        }
    }
    Ok(cells.map(str::to_owned))
}

/// What is wrong across a table: the row (its index from 0) and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// The index of the row in the table, from 0.
    pub index: usize,
    /// What is wrong.
    pub reason: String,
}

/// The first row whose key is not after the previous row's: a duplicate, or out of order.
fn first_out_of_order<K: Ord + std::fmt::Display>(
    keys: impl Iterator<Item = K>,
    what: &str,
) -> Result<(), RowProblem> {
    let mut previous: Option<K> = None;
    for (index, key) in keys.enumerate() {
        if let Some(previous) = &previous
            && key <= *previous
        {
            let reason = if key == *previous {
                format!("{what} {key} is listed twice")
            } else {
                format!("{what} {key} comes after {previous}: the rows are in {what} order")
            };
            return Err(RowProblem { index, reason });
        }
        previous = Some(key);
    }
    Ok(())
}

/// The non-working-days table: dates in order, each at most once.
///
/// # Errors
///
/// The first duplicate or out-of-order row.
pub fn check_calendar(rows: &[NonWorkingDayRow]) -> Result<(), RowProblem> {
    first_out_of_order(rows.iter().map(|row| row.date), "date")
}

/// The visa-regimes table (in any order: the rules look a code up after sorting): each code at
/// most once, and an ISO 3166-1 code (`is_country`).
///
/// # Errors
///
/// The first row whose code is unknown, or listed by an earlier row.
pub fn check_regimes(
    rows: &[RegimeRow],
    is_country: impl Fn(&str) -> bool,
) -> Result<(), RowProblem> {
    if let Some(index) = rows.iter().position(|row| !is_country(&row.iso3)) {
        return Err(RowProblem {
            index,
            reason: format!("`{}` is not an ISO 3166-1 alpha-3 code", rows[index].iso3),
        });
    }
    first_repeated(rows, |row| &row.iso3)
}

/// The first row whose key an earlier row has (the tables are a few hundred rows at most).
fn first_repeated<T>(rows: &[T], key: impl Fn(&T) -> &str) -> Result<(), RowProblem> {
    for (index, row) in rows.iter().enumerate() {
        let code = key(row);
        if rows[..index].iter().any(|earlier| key(earlier) == code) {
            return Err(RowProblem {
                index,
                reason: format!("code {code} is listed twice"),
            });
        }
    }
    Ok(())
}

/// The regions table: each code at most once (the rows keep the table's order, the order of a
/// form's list).
///
/// # Errors
///
/// The first row whose code an earlier row has.
pub fn check_regions(rows: &[Region]) -> Result<(), RowProblem> {
    first_repeated(rows, |row| &row.code)
}

/// The ISO 3166-1 table (cells in the order of [`COUNTRY_COLUMNS`]): alpha-3 codes in order,
/// each at most once, and each alpha-2 code at most once.
///
/// # Errors
///
/// The first duplicate or out-of-order row.
pub fn check_countries(rows: &[[String; 5]]) -> Result<(), RowProblem> {
    first_out_of_order(rows.iter().map(|[alpha3, ..]| alpha3), "code")?;
    first_repeated(rows, |[_, alpha2, ..]| alpha2)
}

/// A bad line of a CSV table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvProblem {
    /// The line, from 1.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// The rows of a CSV table with these columns, each with its line number (from 1). Lines starting
/// with `#` are comments and blank lines are skipped; the first other line is the header, which
/// must name the columns exactly. A cell may be wrapped in double quotes (to hold commas); a
/// doubled quote inside one is not used by these tables and is refused.
///
/// # Errors
///
/// The first bad line: a header other than the columns, a wrong number of cells, a cell the row
/// function refuses.
///
/// # Example
///
/// ```
/// use tirkeu::data::rows::{read_csv, region_row, REGION_COLUMNS};
/// let text = "# regions\ncode,name_en,name_ru,name_kk,kind\nAST,Astana,Астана,Астана,city\nX,,,,\n";
/// let problem = read_csv(text, REGION_COLUMNS, region_row).unwrap_err();
/// assert_eq!(problem.line, 4);
/// ```
pub fn read_csv<const N: usize, T>(
    text: &str,
    columns: [&str; N],
    row: impl Fn([&str; N]) -> Result<T, String>,
) -> Result<Vec<(usize, T)>, CsvProblem> {
    let mut rows = Vec::new();
    let mut seen_header = false;
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let problem = |reason: String| CsvProblem {
            line: line_number,
            reason,
        };
        let cells = split_csv_line(line).map_err(|reason| problem(reason.into()))?;
        if !seen_header {
            if cells != columns {
                return Err(problem(format!(
                    "the header is not `{}`",
                    columns.join(",")
                )));
            }
            seen_header = true;
            continue;
        }
        let count = cells.len();
        let cells: [&str; N] = cells
            .try_into()
            .map_err(|_| problem(format!("{count} cells, expected {N}")))?;
        rows.push((line_number, row(cells).map_err(problem)?));
    }
    if !seen_header {
        return Err(CsvProblem {
            line: text.lines().count().max(1),
            reason: "no header line".into(),
        });
    }
    Ok(rows)
}

/// The rows of a CSV table read by [`read_csv`] and checked across the table by `check`; a
/// problem across the table is reported at the line of the row it names.
fn read_table<const N: usize, T>(
    text: &str,
    columns: [&str; N],
    row: impl Fn([&str; N]) -> Result<T, String>,
    check: impl FnOnce(&[T]) -> Result<(), RowProblem>,
) -> Result<Vec<T>, CsvProblem> {
    let (lines, rows): (Vec<usize>, Vec<T>) = read_csv(text, columns, row)?.into_iter().unzip();
    check(&rows).map_err(|problem| CsvProblem {
        line: lines.get(problem.index).copied().unwrap_or(0),
        reason: problem.reason,
    })?;
    Ok(rows)
}

/// The non-working-days table from its CSV text (`kz-non-working-days.csv`): every row read and
/// the table checked ([`calendar_row`], [`check_calendar`]).
///
/// # Errors
///
/// The first bad line.
///
/// # Example
///
/// ```
/// let text = "date,kind,name,status,source\n2027-01-04,transfer,moved,official,Law\n2027-01-04,transfer,moved,official,Law\n";
/// let problem = tirkeu::data::rows::calendar_csv(text).unwrap_err();
/// assert_eq!((problem.line, problem.reason.as_str()), (3, "date 2027-01-04 is listed twice"));
/// ```
pub fn calendar_csv(text: &str) -> Result<Vec<NonWorkingDayRow>, CsvProblem> {
    read_table(text, CALENDAR_COLUMNS, calendar_row, check_calendar)
}

/// The visa-regimes table from its CSV text (`visa-regimes.csv`), each code checked by
/// `is_country` ([`regime_row`], [`check_regimes`]).
///
/// # Errors
///
/// The first bad line.
pub fn regimes_csv(
    text: &str,
    is_country: impl Fn(&str) -> bool,
) -> Result<Vec<RegimeRow>, CsvProblem> {
    read_table(text, REGIME_COLUMNS, regime_row, |rows| {
        check_regimes(rows, is_country)
    })
}

/// The regions table from its CSV text (`kz-regions.csv`; [`region_row`], [`check_regions`]).
///
/// # Errors
///
/// The first bad line.
pub fn regions_csv(text: &str) -> Result<Vec<Region>, CsvProblem> {
    read_table(text, REGION_COLUMNS, region_row, check_regions)
}

/// The ISO 3166-1 table from its CSV text (`iso3166-1-alpha3.csv`; [`country_row`],
/// [`check_countries`]).
///
/// # Errors
///
/// The first bad line.
pub fn countries_csv(text: &str) -> Result<Vec<[String; 5]>, CsvProblem> {
    read_table(text, COUNTRY_COLUMNS, country_row, check_countries)
}

/// Splits one CSV line into its cells.
fn split_csv_line(line: &str) -> Result<Vec<&str>, &'static str> {
    let mut cells = Vec::new();
    let mut rest = line;
    loop {
        if let Some(after_quote) = rest.strip_prefix('"') {
            let end = after_quote.find('"').ok_or("unterminated quoted cell")?;
            let (cell, after) = after_quote.split_at(end);
            let after = &after[1..];
            cells.push(cell);
            if after.is_empty() {
                return Ok(cells);
            }
            rest = after
                .strip_prefix(',')
                .ok_or("text after a closing quote")?;
        } else {
            match rest.find(',') {
                Some(comma) => {
                    cells.push(&rest[..comma]);
                    rest = &rest[comma + 1..];
                }
                None => {
                    cells.push(rest);
                    return Ok(cells);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_quoted_cells() {
        assert_eq!(
            split_csv_line("a,\"b, c\",d").unwrap(),
            vec!["a", "b, c", "d"]
        );
        assert_eq!(split_csv_line("a,,").unwrap(), vec!["a", "", ""]);
        assert_eq!(split_csv_line("\"x\"").unwrap(), vec!["x"]);
        assert!(split_csv_line("\"x").is_err());
        assert!(split_csv_line("\"x\"y").is_err());
    }

    #[test]
    fn duplicates_and_order() {
        // Source: the tables' invariants (README, "Data"): no date twice, rows in date order.
        let row = |date: &str| calendar_row([date, "holiday", "Day", "official", "Law"]).unwrap();
        let rows = [row("2027-01-01"), row("2027-01-07"), row("2027-01-07")];
        assert_eq!(
            check_calendar(&rows).unwrap_err(),
            RowProblem {
                index: 2,
                reason: "date 2027-01-07 is listed twice".into()
            }
        );
        let rows = [row("2027-01-07"), row("2027-01-01")];
        assert_eq!(check_calendar(&rows).unwrap_err().index, 1);
        assert!(check_calendar(&[row("2027-01-01"), row("2027-01-02")]).is_ok());
    }

    #[test]
    fn cells() {
        assert!(calendar_row(["2027-01-01", "holiday", " Day", "official", "Law"]).is_err());
        assert!(calendar_row(["2027-01-01", "holiday", "Day\u{0}", "official", "Law"]).is_err());
        assert!(calendar_row(["2027-01-01", "holiday", "", "official", "Law"]).is_err());
        assert!(calendar_row(["2027-1-1", "holiday", "Day", "official", "Law"]).is_err());
        assert!(calendar_row(["2027-01-01", "holiday", "Day", "draft", "Law"]).is_err());
        // Saturday 2 January 2027 made a working day; Monday 4 January cannot be.
        assert!(calendar_row(["2027-01-02", "working_weekend", "x", "official", "D"]).is_ok());
        assert!(calendar_row(["2027-01-04", "working_weekend", "x", "official", "D"]).is_err());
        for bad in ["0", "3661", "-5", "+30", "030", "3.5", " 30"] {
            let cells = ["CHN", "visa_free_30", bad, "90", "180", "b", "high", ""];
            assert!(regime_row(cells).is_err(), "{bad}");
        }
        assert!(regime_row(["CHN", "visa_free_30", "91", "90", "180", "b", "high", ""]).is_err());
        assert!(regime_row(["AFG", "visa_required", "", "", "", "b", "low", ""]).is_ok());
        assert!(regime_row(["AFG", "visa_required", "30", "", "", "b", "low", ""]).is_err());
        assert!(regime_row(["Chn", "visa_free_30", "30", "90", "180", "b", "high", ""]).is_err());
    }
}
