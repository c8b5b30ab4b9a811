//! The reviewed tables the rules depend on: compiled into the library, and replaceable at run time
//! by a signed data bundle ([`bundle`]).
//!
//! | file | what | source of each row |
//! |---|---|---|
//! | `kz-non-working-days.csv` | holidays, fixed days off, transfers and working weekends, 2025-2027 | `source` column (Law "On holidays", Labour Code, government decrees) |
//! | `visa-regimes.csv` | visa-free stay regimes by citizenship | `basis` and `confidence` columns |
//! | `kz-regions.csv` | the 17 regions and 3 cities of republican significance | the 2022 administrative reform |
//! | `iso3166-1-alpha3.csv` | the 249 ISO 3166-1 alpha-3 codes, with their alpha-2 codes and English, Russian and Kazakh names | ISO 3166-1, as maintained by the ISO 3166 Maintenance Agency; the Unicode CLDR for the names (`scripts/country-names.mjs`) |
//!
//! `build.rs` reads the files with this module's own row code ([`rows`]) and compiles them into
//! statics, packed without pointers and unpacked once on first use: a bad row (an unknown kind, a transfer on a weekend, a date listed twice, ...)
//! fails the build with its file and line number. The same code checks the rows of a data
//! bundle at run time.
//!
//! The rules take their tables as a value, [`Tables`]: [`Tables::compiled`] (the default, and
//! the fallback whenever no bundle is accepted), or the compiled tables with a bundle's rows in
//! place ([`bundle::DataBundle::tables`]). The free functions of this module ([`regime`],
//! [`regions`], ...) answer from the compiled tables.
//!
//! [`DATA_VERSION`] names the compiled tables; [`Tables::version`] names the tables in use, and
//! travels into every report, so that a verdict can be traced to the data it was made with.
//! Change `DATA_VERSION` whenever a table changes (a test fingerprints the tables and fails until
//! the version and the fingerprint are updated together).

use std::borrow::Cow;
use std::sync::OnceLock;

// `rows.rs` reaches dates as `super::date`, here and in build.rs.
use crate::date;
use crate::date::{Date, KAZAKHSTAN_UTC_OFFSET_SECONDS};

pub mod bundle;
pub mod rows;

pub use bundle::{BundleError, CalendarYearSummary, DataBundle, DataBundleSummary};
pub use rows::{
    Confidence, NonWorkingDayKind, NonWorkingDayRow, Regime, RegimeRow, Region, RegionKind,
    RowStatus, STATELESS, Text,
};

/// The version of the compiled-in tables: the date of the newest source they were reviewed
/// against, and a revision number for that day.
///
/// # Example
///
/// ```
/// assert!(tirkeu::data::DATA_VERSION.starts_with("2026-"));
/// ```
pub const DATA_VERSION: &str = "2026-03-18.3";

/// The first second (in Kazakhstan, UTC+5) of the day [`DATA_VERSION`] names, in seconds since
/// 1970: a data bundle issued before it is older than the compiled-in tables and is refused.
///
/// # Example
///
/// ```
/// use tirkeu::cert::instant::parse_instant;
/// assert_eq!(tirkeu::data::compiled_issued_at(), parse_instant(&tirkeu::data::DATA_VERSION[..10]).unwrap());
/// ```
pub fn compiled_issued_at() -> i64 {
    DATA_VERSION
        .get(..10)
        .and_then(|day| Date::parse(day).ok())
        .map_or(0, |day| {
            day.to_unix_seconds_utc() - KAZAKHSTAN_UTC_OFFSET_SECONDS
        })
}

// The rows of the tables, without the files' `#` comment lines (build.rs), for fingerprinting.
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

/// One row of `iso3166-1-alpha3.csv` (compiled in only: no bundle changes it), or the stateless
/// person, `XXA` ([`STATELESS_PERSON`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Country {
    /// The alpha-3 code (ISO 3166-1), the key of the tables.
    #[serde(rename = "code")]
    pub alpha3: &'static str,
    /// The alpha-2 code (empty for the stateless person, who has none), as other systems and a
    /// browser's `Intl.DisplayNames` know the country.
    pub alpha2: &'static str,
    /// The English short name.
    pub name_en: &'static str,
    /// The Russian short name, as a citizenship is written on a form in Kazakhstan ("Узбекистан").
    pub name_ru: &'static str,
    /// The Kazakh short name ("Өзбекстан").
    pub name_kk: &'static str,
}

impl Country {
    /// The short name in `lang`: the Kazakh and Russian names come from the Unicode CLDR,
    /// corrected to the official register where it writes them otherwise.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::i18n::Lang;
    /// let uzbekistan = tirkeu::data::country("UZB").unwrap();
    /// assert_eq!(uzbekistan.name(Lang::Kk), "Өзбекстан");
    /// assert_eq!(uzbekistan.name(Lang::Ru), "Узбекистан");
    /// assert_eq!(uzbekistan.name(Lang::En), "Uzbekistan");
    /// ```
    pub fn name(&self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::Kk => self.name_kk,
            crate::i18n::Lang::Ru => self.name_ru,
            crate::i18n::Lang::En => self.name_en,
        }
    }
}

/// The citizenship `XXA` of a stateless person (ICAO Doc 9303, not an ISO 3166-1 code): named
/// as a form names it, without an alpha-2 code.
///
/// # Example
///
/// ```
/// use tirkeu::data::{citizenship, STATELESS_PERSON};
/// assert_eq!(citizenship("XXA"), Some(&STATELESS_PERSON));
/// assert_eq!(STATELESS_PERSON.name(tirkeu::i18n::Lang::Ru), "Лицо без гражданства");
/// ```
pub static STATELESS_PERSON: Country = Country {
    alpha3: STATELESS,
    alpha2: "",
    name_en: "Stateless person",
    name_ru: "Лицо без гражданства",
    name_kk: "Азаматтығы жоқ адам",
};

/// The compiled-in rows, generated by build.rs and packed without a pointer a row: the calendar
/// (`CALENDAR`, by date), the visa regimes (`REGIME_CODES` and `REGIMES`, by code) and the
/// regions (`REGION_CODES` and `REGIONS`, in the table's order), their texts each once in
/// `TEXTS`, unpacked by [`Tables::compiled`]; the countries (`COUNTRY_ALPHA3`, ..., by code),
/// unpacked by [`countries`].
mod compiled {
    use super::{Confidence, NonWorkingDayKind, Regime, RegionKind, RowStatus};

    /// A row of the non-working-days table, without a pointer: its texts by index.
    pub(super) struct PackedDay {
        /// The days from the row before's date (from `CALENDAR_START` for the first row).
        pub(super) days_after_previous: DayGap,
        pub(super) kind: NonWorkingDayKind,
        pub(super) status: RowStatus,
        pub(super) name: TextIndex,
        pub(super) source: TextIndex,
    }

    /// A row of the visa-regimes table, without a pointer: its code in `REGIME_CODES` at the
    /// row's index, its texts by index.
    pub(super) struct PackedRegime {
        pub(super) regime: Regime,
        /// Days per entry, in the window, and the window; 0 where absent (`visa_required`).
        pub(super) days: [u16; 3],
        pub(super) basis: TextIndex,
        pub(super) confidence: Confidence,
        pub(super) note: TextIndex,
    }

    /// A row of the regions table, without a pointer: its code in `REGION_CODES` at the row's
    /// index, its names (English, Russian, Kazakh) by index.
    pub(super) struct PackedRegion {
        pub(super) names: [TextIndex; 3],
        pub(super) kind: RegionKind,
    }

    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}

/// The compiled tables, unpacked. build.rs checked what it wrote (every text index and code
/// within its string, on character boundaries), so the empty text in place of one that is not
/// there is never used.
fn unpack_compiled() -> Tables {
    let mut texts: Vec<&'static str> = Vec::with_capacity(compiled::TEXT_LENGTHS.len());
    let mut rest = compiled::TEXTS;
    for &length in &compiled::TEXT_LENGTHS {
        let (text, after) = rest
            .split_at_checked(usize::from(length))
            .unwrap_or((rest, ""));
        texts.push(text);
        rest = after;
    }
    let text = |index: compiled::TextIndex| {
        Cow::Borrowed(texts.get(usize::from(index)).copied().unwrap_or_default())
    };
    let mut calendar = Vec::with_capacity(compiled::CALENDAR.len());
    let mut days_since_epoch = compiled::CALENDAR_START;
    for row in &compiled::CALENDAR {
        days_since_epoch += i32::from(row.days_after_previous);
        calendar.push(NonWorkingDayRow {
            date: Date::from_days_since_epoch(days_since_epoch),
            kind: row.kind,
            name: text(row.name),
            status: row.status,
            source: text(row.source),
        });
    }
    let days = |days: u16| (days != 0).then_some(u32::from(days));
    let mut regimes = Vec::with_capacity(compiled::REGIMES.len());
    for (index, row) in compiled::REGIMES.iter().enumerate() {
        regimes.push(RegimeRow {
            iso3: Cow::Borrowed(fixed_width(compiled::REGIME_CODES, 3, index)),
            regime: row.regime,
            days_per_entry: days(row.days[0]),
            days_in_window: days(row.days[1]),
            window_days: days(row.days[2]),
            basis: text(row.basis),
            confidence: row.confidence,
            note: text(row.note),
        });
    }
    let mut regions = Vec::with_capacity(compiled::REGIONS.len());
    for (index, row) in compiled::REGIONS.iter().enumerate() {
        regions.push(Region {
            code: Cow::Borrowed(fixed_width(compiled::REGION_CODES, 3, index)),
            name_en: text(row.names[0]),
            name_ru: text(row.names[1]),
            name_kk: text(row.names[2]),
            kind: row.kind,
        });
    }
    Tables {
        version: Cow::Borrowed(DATA_VERSION),
        calendar: Cow::Owned(calendar),
        regimes: Cow::Owned(regimes),
        regions: Cow::Owned(regions),
    }
}

/// The `index`th code of `codes`, codes of `width` letters one after another (empty past the
/// end, which build.rs rules out).
fn fixed_width(codes: &'static str, width: usize, index: usize) -> &'static str {
    codes
        .get(index * width..(index + 1) * width)
        .unwrap_or_default()
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
    pub fn name(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Kk => &self.name_kk,
            crate::i18n::Lang::Ru => &self.name_ru,
            crate::i18n::Lang::En => &self.name_en,
        }
    }
}

/// The tables the rules decide with: the calendar of non-working days, the visa regimes and the
/// regions, with the version that names them. The compiled-in tables ([`Tables::compiled`]), or
/// those with a data bundle's rows in place ([`DataBundle::tables`]); the rules take them as a
/// value ([`crate::rules::check_application_with`]), so the engine stays pure.
///
/// # Example
///
/// ```
/// use tirkeu::data::Tables;
/// let tables = Tables::compiled();
/// assert_eq!(tables.version(), tirkeu::data::DATA_VERSION);
/// assert_eq!(tables.regime("TUR").unwrap().regime, tirkeu::data::Regime::VisaFree90);
/// assert!(tables.calendar().is_working_day("2026-07-01".parse().unwrap()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tables {
    version: Text,
    /// In date order, each date once.
    calendar: Cow<'static, [NonWorkingDayRow]>,
    /// In code order, each code once.
    regimes: Cow<'static, [RegimeRow]>,
    /// In the table's order, each code once.
    regions: Cow<'static, [Region]>,
}

impl Tables {
    /// The tables compiled into the library (version [`DATA_VERSION`]).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::data::Tables::compiled().regions().len(), 20);
    /// ```
    pub fn compiled() -> &'static Tables {
        // Unpacked once, on first use (10-20 µs natively, as `countries`): compiled as rows of
        // `Cow` texts and `Option` numbers, the calendar, regimes and regions took 8.0 KB of the
        // module's data (a pointer and a length a text, 8 bytes a number), packed 1.6 KB beside
        // their texts. In the rules module, measured: the data 0.9 KB smaller gzipped, the
        // unpacking 0.56 KB more code, 205 bytes saved in all (86,491 bytes gzipped); the
        // verifier's module 424 bytes smaller, the issuer's 215.
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(unpack_compiled)
    }

    /// The compiled tables with a bundle's in place: `regimes` and `regions` whole, and each
    /// year of the calendar that `calendar` has rows for. The rows are checked already and in
    /// their tables' order ([`bundle`]).
    pub(crate) fn with_bundle_rows(
        version: String,
        calendar: &[NonWorkingDayRow],
        regimes: Vec<RegimeRow>,
        regions: Vec<Region>,
    ) -> Tables {
        let replaced = |year: i32| {
            calendar
                .binary_search_by(|row| row.date.year().cmp(&year))
                .is_ok()
        };
        let mut merged: Vec<NonWorkingDayRow> = Tables::compiled()
            .calendar
            .iter()
            .filter(|row| !replaced(row.date.year()))
            .cloned()
            .chain(calendar.iter().cloned())
            .collect();
        crate::sort::sort_by_key(&mut merged, |row| row.date);
        let mut regimes = regimes;
        crate::sort::sort_by(&mut regimes, |a, b| a.iso3 < b.iso3);
        Tables {
            version: Cow::Owned(version),
            calendar: Cow::Owned(merged),
            regimes: Cow::Owned(regimes),
            regions: Cow::Owned(regions),
        }
    }

    /// The version that names these tables: [`DATA_VERSION`] for the compiled ones, a bundle's
    /// `version` otherwise. Every report carries it (`dataVersion`).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::data::Tables::compiled().version(), "2026-03-18.3");
    /// ```
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The working-day calendar of these tables.
    ///
    /// # Example
    ///
    /// ```
    /// let calendar = tirkeu::data::Tables::compiled().calendar();
    /// assert!(calendar.is_provisional_year(2027));
    /// ```
    pub fn calendar(&self) -> crate::calendar::Calendar<'_> {
        crate::calendar::Calendar::new(&self.calendar)
    }

    /// Every row of the non-working-days table, in date order.
    ///
    /// # Example
    ///
    /// ```
    /// let rows = tirkeu::data::Tables::compiled().non_working_days();
    /// assert!(rows.iter().any(|row| row.date.to_string() == "2026-10-26"));
    /// ```
    pub fn non_working_days(&self) -> &[NonWorkingDayRow] {
        &self.calendar
    }

    /// Every row of the visa-regimes table, ordered by code.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(tirkeu::data::Tables::compiled().regimes().iter().any(|row| row.iso3 == "KGZ"));
    /// ```
    pub fn regimes(&self) -> &[RegimeRow] {
        &self.regimes
    }

    /// The visa-regime row for a citizenship (ISO 3166-1 alpha-3, upper case); `None` for a
    /// state the table does not list, which is `visa_required`, as is a stateless person (`XXA`).
    ///
    /// # Example
    ///
    /// ```
    /// let tables = tirkeu::data::Tables::compiled();
    /// assert_eq!(tables.regime("CHN").unwrap().days_per_entry, Some(30));
    /// assert!(tables.regime("AFG").is_none());
    /// ```
    pub fn regime(&self, iso3: &str) -> Option<&RegimeRow> {
        let rows: &[RegimeRow] = &self.regimes;
        rows.binary_search_by(|row| (*row.iso3).cmp(iso3))
            .ok()
            .and_then(|index| rows.get(index))
    }

    /// The regions and cities of republican significance, in the table's order (cities first),
    /// for a dropdown.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::data::Tables::compiled().regions()[0].code, "AST");
    /// ```
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// The region with this code.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(tirkeu::data::Tables::compiled().region("ULY").is_some());
    /// ```
    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|region| region.code == code)
    }
}

/// Every row of the compiled non-working-days table, in date order.
///
/// # Example
///
/// ```
/// let rows = tirkeu::data::non_working_days();
/// assert!(rows.iter().any(|row| row.date.to_string() == "2026-10-26"));
/// ```
pub fn non_working_days() -> &'static [NonWorkingDayRow] {
    Tables::compiled().non_working_days()
}

/// The compiled visa-regime row for a citizenship (ISO 3166-1 alpha-3, upper case).
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
    Tables::compiled().regime(iso3)
}

/// Every row of the compiled visa-regimes table, ordered by code.
///
/// # Example
///
/// ```
/// assert!(tirkeu::data::regimes().iter().any(|row| row.iso3 == "KGZ"));
/// ```
pub fn regimes() -> &'static [RegimeRow] {
    Tables::compiled().regimes()
}

/// The compiled regions and cities of republican significance, in the table's order (cities
/// first), for a dropdown.
///
/// # Example
///
/// ```
/// let regions = tirkeu::data::regions();
/// assert_eq!(regions.len(), 20);
/// assert_eq!(regions[0].code, "AST");
/// ```
pub fn regions() -> &'static [Region] {
    Tables::compiled().regions()
}

/// The compiled region with this code.
///
/// # Example
///
/// ```
/// assert_eq!(tirkeu::data::region("ALA").unwrap().name_en, "Almaty");
/// assert!(tirkeu::data::region("XXX").is_none());
/// ```
pub fn region(code: &str) -> Option<&'static Region> {
    Tables::compiled().region(code)
}

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
    citizenship(iso3).is_some()
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
    let rows = countries();
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
    // Unpacked once: a `&'static str` a name in the compiled table would cost the module two
    // words a name, more than the names themselves.
    static ROWS: OnceLock<Vec<Country>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let mut names = compiled::COUNTRY_NAMES;
        (compiled::COUNTRY_NAME_LENGTHS.iter().enumerate())
            .map(|(index, lengths)| {
                let [name_en, name_ru, name_kk] = std::array::from_fn(|lang| {
                    let (name, rest) = names[lang]
                        .split_at_checked(usize::from(lengths[lang]))
                        .unwrap_or((names[lang], ""));
                    names[lang] = rest;
                    name
                });
                Country {
                    alpha3: fixed_width(compiled::COUNTRY_ALPHA3, 3, index),
                    alpha2: fixed_width(compiled::COUNTRY_ALPHA2, 2, index),
                    name_en,
                    name_ru,
                    name_kk,
                }
            })
            .collect()
    })
}

/// What a citizenship code names: an ISO 3166-1 country, or the stateless person (`XXA`,
/// [`STATELESS_PERSON`]). Upper case only.
///
/// # Example
///
/// ```
/// use tirkeu::{data::citizenship, i18n::Lang};
/// assert_eq!(citizenship("KGZ").unwrap().name(Lang::Kk), "Қырғызстан");
/// assert_eq!(citizenship("XXA").unwrap().name(Lang::Kk), "Азаматтығы жоқ адам");
/// assert!(citizenship("SUN").is_none());
/// ```
pub fn citizenship(code: &str) -> Option<&'static Country> {
    if code == STATELESS {
        Some(&STATELESS_PERSON)
    } else {
        country(code)
    }
}

/// A row of a compiled-in table that did not load.
#[deprecated(note = "the tables are checked when the crate is built: a bad row fails the build")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableProblem {
    /// The file.
    pub table: &'static str,
    /// The line number (1-based).
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Rows of the compiled-in tables that did not load: always none, since a bad row fails the
/// build (build.rs).
///
/// # Example
///
/// ```
/// #[allow(deprecated)]
/// let problems = tirkeu::data::load_problems();
/// assert!(problems.is_empty());
/// ```
#[deprecated(note = "the tables are checked when the crate is built: a bad row fails the build")]
#[allow(deprecated)]
pub fn load_problems() -> &'static [TableProblem] {
    &[]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unpacked_tables_are_the_rows_of_the_files() {
        // Source: the files themselves, read by the same row code as the build reads them; the
        // compiled tables are packed by build.rs and unpacked by `Tables::compiled`.
        let tables = Tables::compiled();
        assert_eq!(
            tables.non_working_days(),
            rows::calendar_csv(NON_WORKING_DAYS_CSV).unwrap()
        );
        let mut regimes = rows::regimes_csv(VISA_REGIMES_CSV, is_country_code).unwrap();
        regimes.sort_by(|a, b| a.iso3.cmp(&b.iso3));
        assert_eq!(tables.regimes(), regimes);
        assert_eq!(tables.regions(), rows::regions_csv(REGIONS_CSV).unwrap());
        // A few cells read back (visa-regimes.csv, kz-non-working-days.csv, kz-regions.csv):
        // the numbers of days, absent ones, a date, a shared text, a Kazakh name.
        let turkey = tables.regime("TUR").unwrap();
        let days = |row: &RegimeRow| (row.days_per_entry, row.days_in_window, row.window_days);
        assert_eq!(days(turkey), (Some(90), Some(90), Some(180)));
        let turkmenistan = tables.regime("TKM").unwrap();
        assert_eq!(turkmenistan.regime, Regime::VisaRequired);
        assert_eq!(days(turkmenistan), (None, None, None));
        let first = &tables.non_working_days()[0];
        assert_eq!(first.date.to_string(), "2025-01-01");
        assert_eq!(first.source, "Law On holidays art.5");
        assert_eq!(tables.region("SHY").unwrap().name_kk, "Шымкент");
    }
}
