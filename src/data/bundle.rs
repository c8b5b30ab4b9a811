//! A data bundle: the calendar, the visa regimes and the regions, updated without a release.
//!
//! The calendar changes every year by decree (transfers of working days, the date of Kurban Ait),
//! and visa regimes by treaty. A deployment publishes the tables as one signed file, a COSE_Sign1
//! of the lists' profile signed by a trust-list key whose `use` holds `data` (checked by
//! [`crate::cert::SignedDataBundle`]). This module reads and writes its payload, a CBOR map with
//! text keys:
//!
//! ```text
//! { "v": 1, "iat": seconds, "next": seconds (after iat), "version": text,
//!   "calendar": [ rows of kz-non-working-days.csv ],
//!   "regimes": [ rows of visa-regimes.csv ],
//!   "regions": [ rows of kz-regions.csv ] }
//! ```
//!
//! Each row is a map of the CSV's column names to the cells as text, every column present once
//! (so each row keeps its source and confidence). A bundle's `regimes` and `regions` replace the
//! compiled-in tables whole; its `calendar` replaces each year it has rows for, and the other
//! years stay as compiled ([`DataBundle::tables`]). Whether a date is provisional follows the
//! rows: a bundle can make 2027 official.
//!
//! Every row is read by the same code as the compiled tables' ([`super::rows`]), and a bundle
//! that breaks any rule of a table (a transfer on a weekend, a date listed twice, an unknown kind
//! or regime, ...) is refused whole, naming the row. A bundle issued before the compiled tables'
//! date ([`super::compiled_issued_at`]) is refused too: it would roll them back.
//!
//! Reading a payload involves no signature: code that checks only applications can take a
//! payload that a verifier has checked, or one it trusts as it trusts its own code (served from
//! its own origin), without any signature code.

use core::fmt;

use super::rows::{
    self, CALENDAR_COLUMNS, NonWorkingDayRow, REGIME_COLUMNS, REGION_COLUMNS, RegimeRow, Region,
    RowProblem, RowStatus,
};
use super::{Tables, compiled_issued_at, is_country_code};
use crate::cert::cbor::{CborError, Reader, Writer};
use crate::cert::signed_list::{PayloadError, read_payload};

/// The payload format version.
pub const DATA_BUNDLE_VERSION: i64 = 1;
/// Most rows of a bundle's calendar (about 25 a year).
pub const MAX_CALENDAR_ROWS: u64 = 4096;
/// Most rows of a bundle's visa regimes (one a state).
pub const MAX_REGIME_ROWS: u64 = 512;
/// Most rows of a bundle's regions.
pub const MAX_REGION_ROWS: u64 = 256;
/// Most characters of a bundle's `version`.
pub const MAX_VERSION_CHARS: usize = 64;

/// Why a data bundle's payload is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BundleError {
    /// The payload is not strict CBOR of the expected shape.
    Payload(CborError),
    /// A field of the payload is missing, unknown or out of range.
    Format {
        /// What is wrong.
        reason: String,
    },
    /// A row breaks a rule of its table: the bundle is refused whole.
    Row {
        /// `calendar`, `regimes` or `regions`.
        table: &'static str,
        /// The row's position in the table, from 1.
        row: usize,
        /// The row's date or code, when it could be read.
        key: Option<String>,
        /// What is wrong.
        reason: String,
    },
    /// Issued before the compiled-in tables' date: it would roll them back.
    OlderThanCompiled {
        /// The bundle's `iat`.
        issued_at: i64,
        /// The first second of the compiled tables' day ([`super::compiled_issued_at`]).
        compiled: i64,
    },
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::Payload(e) => write!(f, "data bundle: {e}"),
            BundleError::Format { reason } => write!(f, "data bundle: {reason}"),
            BundleError::Row {
                table,
                row,
                key,
                reason,
            } => {
                write!(f, "data bundle: {table} row {row}")?;
                if let Some(key) = key {
                    write!(f, " ({key})")?;
                }
                write!(f, ": {reason}")
            }
            BundleError::OlderThanCompiled {
                issued_at,
                compiled,
            } => write!(
                f,
                "data bundle: issued at {issued_at}, before the tables compiled into this \
                 version ({compiled}), which are kept"
            ),
        }
    }
}

impl std::error::Error for BundleError {}

impl From<CborError> for BundleError {
    fn from(e: CborError) -> Self {
        BundleError::Payload(e)
    }
}

impl PayloadError for BundleError {
    fn format(reason: String) -> Self {
        BundleError::Format { reason }
    }
}

fn format_error(reason: impl Into<String>) -> BundleError {
    BundleError::format(reason.into())
}

/// The tables of a data bundle, as read from its payload (checked) or as an issuer writes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataBundle {
    /// The name of this set of tables, which reports carry as `dataVersion` (`"2027.1"`).
    pub version: String,
    /// Issue time, seconds since 1970.
    pub issued_at: i64,
    /// Next update expected, seconds since 1970; after `issued_at`.
    pub next_update: i64,
    /// Non-working days in date order: each year with rows here replaces that year.
    pub calendar: Vec<NonWorkingDayRow>,
    /// The visa regimes: the whole table.
    pub regimes: Vec<RegimeRow>,
    /// The regions, in a form's order: the whole table.
    pub regions: Vec<Region>,
}

/// A summary of a data bundle for people and pages (serde camelCase).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DataBundleSummary {
    /// The bundle's `version`: what reports then carry as `dataVersion`.
    pub version: String,
    /// Issue time, seconds since 1970.
    pub iat: i64,
    /// Next update expected, seconds since 1970.
    pub next: i64,
    /// The calendar years the bundle replaces.
    pub calendar: Vec<CalendarYearSummary>,
    /// How many visa-regime rows it has.
    pub regimes: u32,
    /// How many regions it has.
    pub regions: u32,
}

/// One calendar year of a [`DataBundleSummary`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CalendarYearSummary {
    /// The year.
    pub year: i32,
    /// How many rows (non-working days, transfers, working weekends) it has.
    pub rows: u32,
    /// Whether any of them is provisional: dates counted through the year are then marked so.
    pub provisional: bool,
}

impl DataBundle {
    /// Reads and checks a data bundle's payload: its shape, every row by the rules of its table,
    /// and its date against the compiled-in tables'. No signature is involved (see
    /// [`crate::cert::SignedDataBundle`] for the signed file).
    ///
    /// # Errors
    ///
    /// [`BundleError::Payload`] or [`BundleError::Format`] for a payload not exactly of this
    /// format, [`BundleError::Row`] for a row that breaks a rule of its table, and
    /// [`BundleError::OlderThanCompiled`] for a bundle issued before the compiled tables' date.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::data::{DataBundle, Tables};
    /// let mut bundle = DataBundle::from_tables("2027.1", 1_782_846_000, 1_814_382_000, Tables::compiled());
    /// let read = DataBundle::from_payload(&bundle.to_payload()).unwrap();
    /// assert_eq!(read, bundle);
    /// // A transfer moved onto Saturday 2 January 2027 breaks the calendar's rules.
    /// let row = bundle.calendar.iter_mut().find(|row| row.date.to_string() == "2027-01-04").unwrap();
    /// row.date = "2027-01-02".parse().unwrap();
    /// let error = DataBundle::from_payload(&bundle.to_payload()).unwrap_err();
    /// assert!(error.to_string().contains("(2027-01-02): a transfer falls on a working weekday"), "{error}");
    /// ```
    pub fn from_payload(payload: &[u8]) -> Result<DataBundle, BundleError> {
        let (mut version, mut calendar, mut regimes, mut regions) = (None, None, None, None);
        let versions = [DATA_BUNDLE_VERSION];
        let header = read_payload::<BundleError>(payload, &versions, |name, reader| {
            match name {
                "version" => version = Some(reader.text()?),
                "calendar" => {
                    calendar = Some(read_table(
                        reader,
                        "calendar",
                        CALENDAR_COLUMNS,
                        MAX_CALENDAR_ROWS,
                        rows::calendar_row,
                    )?)
                }
                "regimes" => {
                    regimes = Some(read_table(
                        reader,
                        "regimes",
                        REGIME_COLUMNS,
                        MAX_REGIME_ROWS,
                        rows::regime_row,
                    )?)
                }
                "regions" => {
                    regions = Some(read_table(
                        reader,
                        "regions",
                        REGION_COLUMNS,
                        MAX_REGION_ROWS,
                        rows::region_row,
                    )?)
                }
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        let (issued_at, next_update) = (header.issued_at, header.next_update);
        let version = version.ok_or_else(|| format_error("`version` is missing"))?;
        check_version(version)?;
        let bundle = DataBundle {
            version: version.to_owned(),
            issued_at,
            next_update,
            calendar: calendar.ok_or_else(|| format_error("`calendar` is missing"))?,
            regimes: regimes.ok_or_else(|| format_error("`regimes` is missing"))?,
            regions: regions.ok_or_else(|| format_error("`regions` is missing"))?,
        };
        bundle.check_tables()?;
        let compiled = compiled_issued_at();
        if issued_at < compiled {
            return Err(BundleError::OlderThanCompiled {
                issued_at,
                compiled,
            });
        }
        Ok(bundle)
    }

    /// A bundle holding every row of `tables` (the compiled ones, say), named `version`: what an
    /// issuer starts from.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::data::{DataBundle, Tables};
    /// let bundle = DataBundle::from_tables("2027.1", 1_782_846_000, 1_814_382_000, Tables::compiled());
    /// assert_eq!(bundle.regions.len(), 20);
    /// ```
    pub fn from_tables(
        version: &str,
        issued_at: i64,
        next_update: i64,
        tables: &Tables,
    ) -> DataBundle {
        DataBundle {
            version: version.to_owned(),
            issued_at,
            next_update,
            calendar: tables.non_working_days().to_vec(),
            regimes: tables.regimes().to_vec(),
            regions: tables.regions().to_vec(),
        }
    }

    /// The rules of each table across its rows: dates in order and unique, codes unique and
    /// known, tables not empty.
    fn check_tables(&self) -> Result<(), BundleError> {
        if self.regimes.is_empty() || self.regions.is_empty() {
            return Err(format_error(
                "`regimes` and `regions` replace their tables whole and cannot be empty",
            ));
        }
        rows::check_calendar(&self.calendar).map_err(|problem| {
            let key = self
                .calendar
                .get(problem.index)
                .map(|row| row.date.to_string());
            table_error("calendar", problem, key)
        })?;
        rows::check_regimes(&self.regimes, is_country_code).map_err(|problem| {
            let key = self
                .regimes
                .get(problem.index)
                .map(|row| row.iso3.to_string());
            table_error("regimes", problem, key)
        })?;
        rows::check_regions(&self.regions).map_err(|problem| {
            let key = self
                .regions
                .get(problem.index)
                .map(|row| row.code.to_string());
            table_error("regions", problem, key)
        })
    }

    /// The compiled-in tables with this bundle's in place: its `regimes` and `regions` whole,
    /// and each year of the calendar it has rows for; named by its `version`.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::data::{DataBundle, RowStatus, Tables};
    /// let mut bundle = DataBundle::from_tables("2027.1", 1_782_846_000, 1_814_382_000, Tables::compiled());
    /// bundle.calendar.retain(|row| row.date.year() == 2027);
    /// for row in &mut bundle.calendar {
    ///     row.status = RowStatus::Official; // the decree is out
    /// }
    /// let tables = bundle.tables();
    /// assert_eq!(tables.version(), "2027.1");
    /// assert!(!tables.calendar().is_provisional_year(2027));
    /// assert_eq!(tables.non_working_days().len(), Tables::compiled().non_working_days().len());
    /// ```
    pub fn tables(&self) -> Tables {
        Tables::with_bundle_rows(
            self.version.clone(),
            &self.calendar,
            self.regimes.clone(),
            self.regions.clone(),
        )
    }

    /// [`DataBundle::tables`], taking the bundle's rows rather than copying them.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::data::{DataBundle, Tables};
    /// let bundle = DataBundle::from_tables("2027.1", 1_782_846_000, 1_814_382_000, Tables::compiled());
    /// assert_eq!(bundle.clone().into_tables(), bundle.tables());
    /// ```
    pub fn into_tables(self) -> Tables {
        Tables::with_bundle_rows(self.version, &self.calendar, self.regimes, self.regions)
    }

    /// The summary for people and pages.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::data::{DataBundle, Tables};
    /// let bundle = DataBundle::from_tables("2027.1", 1_782_846_000, 1_814_382_000, Tables::compiled());
    /// let summary = bundle.summary();
    /// assert_eq!(summary.calendar.iter().map(|year| year.year).collect::<Vec<_>>(), [2025, 2026, 2027]);
    /// assert!(summary.calendar[2].provisional);
    /// ```
    pub fn summary(&self) -> DataBundleSummary {
        let mut calendar: Vec<CalendarYearSummary> = Vec::new();
        for row in &self.calendar {
            let provisional = row.status == RowStatus::Provisional;
            match calendar.last_mut() {
                Some(last) if last.year == row.date.year() => {
                    last.rows += 1;
                    last.provisional |= provisional;
                }
                _ => calendar.push(CalendarYearSummary {
                    year: row.date.year(),
                    rows: 1,
                    provisional,
                }),
            }
        }
        DataBundleSummary {
            version: self.version.clone(),
            iat: self.issued_at,
            next: self.next_update,
            calendar,
            regimes: count(self.regimes.len()),
            regions: count(self.regions.len()),
        }
    }

    /// The payload bytes: the map above, with its keys and each row's in the deterministic order
    /// of RFC 8949 section 4.2.1 (shorter keys first, then bytewise). The rows are written as
    /// they are; [`DataBundle::from_payload`] checks them.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::data::{DataBundle, Tables};
    /// let bundle = DataBundle::from_tables("2027.1", 1_782_846_000, 1_814_382_000, Tables::compiled());
    /// assert_eq!(DataBundle::from_payload(&bundle.to_payload()).unwrap().version, "2027.1");
    /// ```
    pub fn to_payload(&self) -> Vec<u8> {
        let mut writer = Writer::new();
        writer
            .map(7)
            .text("v")
            .int(DATA_BUNDLE_VERSION)
            .text("iat")
            .int(self.issued_at)
            .text("next")
            .int(self.next_update);
        writer.text("regimes").array(self.regimes.len());
        for row in &self.regimes {
            let numbers =
                [row.days_per_entry, row.days_in_window, row.window_days].map(|days| match days {
                    Some(days) => days.to_string(),
                    None => String::new(),
                });
            let [per_entry, in_window, window] = numbers.each_ref().map(String::as_str);
            write_row(
                &mut writer,
                REGIME_COLUMNS,
                [
                    &*row.iso3,
                    row.regime.as_str(),
                    per_entry,
                    in_window,
                    window,
                    &*row.basis,
                    row.confidence.as_str(),
                    &*row.note,
                ],
            );
        }
        writer.text("regions").array(self.regions.len());
        for row in &self.regions {
            write_row(
                &mut writer,
                REGION_COLUMNS,
                [
                    &*row.code,
                    &*row.name_en,
                    &*row.name_ru,
                    &*row.name_kk,
                    row.kind.as_str(),
                ],
            );
        }
        writer.text("version").text(&self.version);
        writer.text("calendar").array(self.calendar.len());
        for row in &self.calendar {
            write_row(
                &mut writer,
                CALENDAR_COLUMNS,
                [
                    &row.date.to_string(),
                    row.kind.as_str(),
                    &*row.name,
                    row.status.as_str(),
                    &*row.source,
                ],
            );
        }
        writer.into_bytes()
    }
}

/// A number of rows for a summary (a bundle read has at most a few thousand).
fn count(rows: usize) -> u32 {
    u32::try_from(rows).unwrap_or(u32::MAX)
}

/// A problem across a table, as the error naming its row.
fn table_error(table: &'static str, problem: RowProblem, key: Option<String>) -> BundleError {
    BundleError::Row {
        table,
        row: problem.index + 1,
        key,
        reason: problem.reason,
    }
}

/// A bundle's `version`: 1 to 64 characters, no control character, no space at either end.
fn check_version(version: &str) -> Result<(), BundleError> {
    let chars = version.chars().count();
    if (1..=MAX_VERSION_CHARS).contains(&chars)
        && !version.chars().any(char::is_control)
        && version.trim() == version
    {
        Ok(())
    } else {
        Err(format_error(format!(
            "`version` must be 1 to {MAX_VERSION_CHARS} characters, with no control character \
             and no space at either end"
        )))
    }
}

/// Most columns of a bundle's table (the regimes have 8).
const MAX_COLUMNS: usize = 8;

/// Reads an array of rows of a table ([`read_rows`]), each by its table's row function.
fn read_table<'b, const N: usize, T>(
    reader: &mut Reader<'b>,
    table: &'static str,
    columns: [&str; N],
    max_rows: u64,
    row: fn([&str; N]) -> Result<T, String>,
) -> Result<Vec<T>, BundleError> {
    let mut rows = Vec::new();
    read_rows(reader, table, &columns, max_rows, &mut |cells| {
        // `read_rows` hands over one cell per column: the conversion cannot fail.
        let cells = <[&str; N]>::try_from(cells).map_err(|_| String::new())?;
        rows.push(row(cells)?);
        Ok(())
    })?;
    Ok(rows)
}

/// Reads an array of rows, each a map of the table's column names to text cells (every column
/// once), and hands each row's cells, in the order of `columns`, to `row`, whose refusal names
/// the row. One copy for every table (the tables differ only in `columns` and `row`), so the
/// module carries the reader once.
fn read_rows<'b>(
    reader: &mut Reader<'b>,
    table: &'static str,
    columns: &[&str],
    max_rows: u64,
    row: &mut dyn FnMut(&[&'b str]) -> Result<(), String>,
) -> Result<(), BundleError> {
    let count = reader.array()?;
    if count > max_rows {
        return Err(format_error(format!(
            "`{table}` has more than {max_rows} rows"
        )));
    }
    let width = columns.len().min(MAX_COLUMNS);
    for index in 0..count {
        let mut cells: [Option<&'b str>; MAX_COLUMNS] = [None; MAX_COLUMNS];
        let problem = |key: Option<&str>, reason: String| BundleError::Row {
            table,
            row: index as usize + 1,
            key: key.map(|key| key.chars().take(40).collect()),
            reason,
        };
        for _ in 0..reader.map()? {
            let position = reader.position();
            let name = reader.text()?;
            let Some(slot) = columns[..width].iter().position(|column| *column == name) else {
                let name: String = name.chars().take(32).collect();
                return Err(problem(
                    cells[0],
                    format!(
                        "unknown column `{name}` (the columns are {})",
                        columns.join(", ")
                    ),
                ));
            };
            if cells[slot].is_some() {
                return Err(CborError::DuplicateKey { position }.into());
            }
            cells[slot] = Some(reader.text()?);
        }
        let mut complete = [""; MAX_COLUMNS];
        for (slot, column) in columns[..width].iter().enumerate() {
            complete[slot] = cells[slot]
                .ok_or_else(|| problem(cells[0], format!("column `{column}` is missing")))?;
        }
        row(&complete[..width]).map_err(|reason| problem(cells[0], reason))?;
    }
    Ok(())
}

/// Writes a row as a map of column names to cells, in the deterministic key order.
fn write_row<const N: usize>(writer: &mut Writer, columns: [&str; N], cells: [&str; N]) {
    let mut pairs: Vec<(&str, &str)> = columns.into_iter().zip(cells).collect();
    crate::sort::sort_by_key(&mut pairs, |(column, _)| (column.len(), *column));
    writer.map(N);
    for (column, cell) in pairs {
        writer.text(column).text(cell);
    }
}
