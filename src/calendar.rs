//! Kazakhstan's working days (five-day week).
//!
//! The answers depend on the table of non-working days in use: [`Calendar`] answers by one
//! ([`Tables::calendar`](crate::data::Tables::calendar): the compiled-in table, or one with a
//! data bundle's years in place), and the free functions of this module by the compiled-in one.
//!
//! A day is a working day when it is Monday to Friday and not a holiday, fixed day off or
//! transferred day off, or when it is a Saturday or Sunday made a working day by decree
//! (`working_weekend`). For the years the table has rows for (compiled in from
//! `src/data/kz-non-working-days.csv`: 2025-2027) the table decides. For every other year the statutory rule is computed:
//!
//! - holidays (Law "On holidays" art. 5): 1-2 January, 8 March, 21-23 March (Nauryz), 1 May,
//!   7 May, 9 May, 6 July, 25 October, 16 December; Constitution Day on 30 August up to 2025 and
//!   on 15 March from 2027 (the table's reading of the 2026 Constitution); no earlier amendment is
//!   reproduced for the years before 2025;
//! - a holiday on a Saturday or Sunday moves to the next working day that is not itself a day off
//!   (Labour Code art. 84(4)), taken in date order;
//! - 7 January and the first day of Kurban Ait are days off that never move (art. 84(5)). Kurban
//!   Ait is 10 Dhu al-Hijjah, estimated with the arithmetical Islamic calendar (30-year cycle with
//!   leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29; epoch 15 July 622 Julian). The estimate
//!   can be a day off the religious authority's date, which is why such years are provisional;
//! - decree transfers (a day off moved next to a holiday in exchange for a working Saturday)
//!   cannot be foreseen and are not invented.
//!
//! Every answer carries `provisional`: true when it depends on a year with a provisional row (2027
//! in the compiled table; a bundle can make it official) or on a computed year. Everything is integer arithmetic on day counts, so
//! natively and in WebAssembly the answers are identical, and no date, however far from the table
//! (0001-01-01, 9999-12-31, [`Date::MIN`], [`Date::MAX`]), can panic.
//!
//! Kurban Ait is estimated for the years 1-9999 only (those a `YYYY-MM-DD` date can name); outside
//! them a year's calendar repeats every 400 years. So [`working_days_between`] and
//! [`nth_working_day_after`] count whole years year by year within 1-9999 and by 400-year cycles
//! outside, and never loop over days: even [`Date::MIN`] to [`Date::MAX`] is answered at once.

use std::sync::OnceLock;

use crate::data::{NonWorkingDayKind, NonWorkingDayRow, RowStatus, Tables};
use crate::date::Date;

/// What kind of day a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// Monday to Friday, nothing special: a working day.
    Working,
    /// Saturday or Sunday made a working day by decree: a working day.
    WorkingWeekend,
    /// Saturday or Sunday.
    Weekend,
    /// A public holiday (on any day of the week).
    Holiday,
    /// 7 January or the first day of Kurban Ait: a day off that is never moved.
    FixedDayOff,
    /// A working day made a day off (a weekend holiday moved here, or a decree).
    Transfer,
}

impl DayKind {
    /// Whether a day of this kind is a working day.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::calendar::DayKind;
    /// assert!(DayKind::WorkingWeekend.is_working());
    /// assert!(!DayKind::Transfer.is_working());
    /// ```
    pub fn is_working(self) -> bool {
        matches!(self, DayKind::Working | DayKind::WorkingWeekend)
    }
}

/// What the calendar says about one date.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DayInfo {
    /// The date.
    pub date: Date,
    /// Whether it is a working day.
    pub working: bool,
    /// What kind of day it is.
    pub kind: DayKind,
    /// The name of the holiday or the reason of the transfer (English), if any.
    pub name: Option<String>,
    /// True when the answer comes from a provisional table year or from the statutory rule.
    pub provisional: bool,
}

/// A date found by counting working days, and whether it depends on a provisional year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkingDay {
    /// The date found.
    pub date: Date,
    /// True when any day examined to find it lies in a provisional or computed year.
    pub provisional: bool,
}

/// A number of working days, and whether it depends on a provisional year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkingDayCount {
    /// The count; negative when the range runs backwards (see [`working_days_between`]).
    pub count: i64,
    /// True when any day counted lies in a provisional or computed year.
    pub provisional: bool,
}
impl From<NonWorkingDayKind> for DayKind {
    fn from(kind: NonWorkingDayKind) -> DayKind {
        match kind {
            NonWorkingDayKind::Holiday => DayKind::Holiday,
            NonWorkingDayKind::FixedDayOff => DayKind::FixedDayOff,
            NonWorkingDayKind::Transfer => DayKind::Transfer,
            NonWorkingDayKind::WorkingWeekend => DayKind::WorkingWeekend,
        }
    }
}

/// A special day computed by the statutory rule: anything that is not simply "weekday works,
/// weekend rests".
#[derive(Clone, Copy, Debug)]
struct Special {
    date: Date,
    kind: DayKind,
    name: &'static str,
}

/// One year's special days, in date order: the table's rows, or computed by the statutory rule.
enum Specials<'t> {
    Table(&'t [NonWorkingDayRow]),
    Computed(Vec<Special>),
}

/// One year's calendar: its special days and whether it is provisional.
struct YearCalendar<'t> {
    first: Date,
    last: Date,
    provisional: bool,
    specials: Specials<'t>,
}

/// Kazakhstan's working days by one table of non-working days: the table decides the years it
/// has rows for, the statutory rule the others (see the module's documentation).
///
/// # Example
///
/// ```
/// let calendar = tirkeu::data::Tables::compiled().calendar();
/// let day = |s: &str| s.parse().unwrap();
/// assert!(!calendar.is_working_day(day("2026-10-26"))); // Republic Day moved from Sunday 25 October
/// assert_eq!(calendar.working_days_between(day("2025-12-31"), day("2026-12-31")).count, 247);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Calendar<'t> {
    /// In date order, each date once (as [`Tables`] keeps them).
    rows: &'t [NonWorkingDayRow],
}

// ---------------------------------------------------------------------------------------------
// Day arithmetic that works for every representable date.

/// Days since 1970-01-01 of 1 January of `year`, for any year (i64, no overflow).
fn jan1_days(year: i64) -> i64 {
    // Howard Hinnant's days_from_civil for month 1, day 1.
    let y = year - 1;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = 306; // (153 * 10 + 2) / 5: 1 January counted from 1 March of the previous year
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn date_from_days(days: i64) -> Date {
    Date::from_days_since_epoch(days.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32)
}

fn days_of(date: Date) -> i64 {
    i64::from(date.days_since_epoch())
}

/// Weekdays (Monday-Friday) in the days `[1969-12-29, day)`, negative before it; 1969-12-29 was a
/// Monday.
fn weekdays_before(day: i64) -> i64 {
    let since_monday = day + 3;
    since_monday.div_euclid(7) * 5 + since_monday.rem_euclid(7).min(5)
}

/// Weekdays in `[first, last]` (0 when empty).
fn weekdays_in(first: i64, last: i64) -> i64 {
    if last < first {
        0
    } else {
        weekdays_before(last + 1) - weekdays_before(first)
    }
}

fn is_weekend_day(day: i64) -> bool {
    (day + 3).rem_euclid(7) >= 5
}

// ---------------------------------------------------------------------------------------------
// The statutory rule.

/// Kurban Ait (10 Dhu al-Hijjah) of Islamic year `ah`, in days since 1970-01-01, by the
/// arithmetical calendar.
fn kurban_ait_days(ah: i64) -> i64 {
    // Julian day number of 10/12/ah: 10 + ceil(29.5 * 11) + 354 (ah - 1) + floor((3 + 11 ah) / 30)
    // + epoch - 1, with the epoch 1948439 (15 July 622 Julian); 1970-01-01 is JDN 2440588.
    let jdn = 10 + 325 + 354 * (ah - 1) + (3 + 11 * ah).div_euclid(30) + 1_948_439 - 1;
    jdn - 2_440_588
}

/// The first days of Kurban Ait that fall in `[first, last]` (zero, one or two per year).
fn kurban_ait_in(first: i64, last: i64) -> Vec<i64> {
    // Islamic years are 10631/30 days long on average; start a little before the estimate.
    let estimate = (first - kurban_ait_days(0))
        .saturating_mul(30)
        .div_euclid(10_631);
    (estimate - 1..=estimate + 2)
        .map(kurban_ait_days)
        .filter(|day| (first..=last).contains(day))
        .collect()
}

/// The years for which Kurban Ait is estimated: those a `YYYY-MM-DD` date can name. Outside
/// them only the fixed-date holidays are kept, so that a year's calendar depends only on its
/// weekday of 1 January, whether it is a leap year and its side of the table; such years repeat
/// every 400 years and long spans are counted by whole 400-year cycles.
const LUNAR_ESTIMATE_YEARS: core::ops::RangeInclusive<i64> = 1..=9999;

const MOVED_NAME: &str = "day off moved from a holiday on a weekend (Labour Code art.84(4))";

fn statutory_specials(year: i64, first: i64, last: i64) -> Vec<Special> {
    let mut holidays: Vec<(u32, u32, &'static str)> = vec![
        (1, 1, "New Year"),
        (1, 2, "New Year"),
        (3, 8, "International Women's Day"),
        (3, 21, "Nauryz"),
        (3, 22, "Nauryz"),
        (3, 23, "Nauryz"),
        (5, 1, "Unity Day of the People of Kazakhstan"),
        (5, 7, "Defender of the Fatherland Day"),
        (5, 9, "Victory Day"),
        (7, 6, "Capital Day"),
        (10, 25, "Republic Day"),
        (12, 16, "Independence Day"),
    ];
    if year <= 2025 {
        holidays.push((8, 30, "Constitution Day"));
    } else if year >= 2027 {
        holidays.push((3, 15, "Constitution Day"));
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let day_of_year = |month: u32, day: u32| -> i64 {
        const BEFORE_MONTH: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
        let index = month.saturating_sub(1) as usize;
        let leap_day = i64::from(leap && month > 2);
        BEFORE_MONTH.get(index).copied().unwrap_or(0) + leap_day + i64::from(day) - 1
    };
    let mut specials: Vec<(i64, DayKind, &'static str)> = holidays
        .iter()
        .map(|&(month, day, name)| (first + day_of_year(month, day), DayKind::Holiday, name))
        .collect();
    specials.push((
        first + day_of_year(1, 7),
        DayKind::FixedDayOff,
        "Orthodox Christmas",
    ));
    let kurban_days = if LUNAR_ESTIMATE_YEARS.contains(&year) {
        kurban_ait_in(first, last)
    } else {
        Vec::new()
    };
    for day in kurban_days {
        // On a holiday or on 7 January the day is off already: one day off, not two.
        if specials.iter().any(|(special, _, _)| *special == day) {
            continue;
        }
        specials.push((
            day,
            DayKind::FixedDayOff,
            "Kurban Ait (first day; arithmetical estimate)",
        ));
    }
    crate::sort::sort_by_key(&mut specials, |(day, _, _)| *day);
    let weekend_holidays: Vec<i64> = specials
        .iter()
        .filter(|(day, kind, _)| *kind == DayKind::Holiday && is_weekend_day(*day))
        .map(|(day, _, _)| *day)
        .collect();
    for holiday in weekend_holidays {
        let mut candidate = holiday + 1;
        while is_weekend_day(candidate) || specials.iter().any(|(day, _, _)| *day == candidate) {
            candidate += 1;
        }
        // A move never leaves the year (the latest holiday is 16 December); keep the guard anyway.
        if candidate <= last {
            specials.push((candidate, DayKind::Transfer, MOVED_NAME));
            crate::sort::sort_by_key(&mut specials, |(day, _, _)| *day);
        }
    }
    specials
        .into_iter()
        .filter(|(day, _, _)| (first..=last).contains(day))
        .map(|(day, kind, name)| Special {
            date: date_from_days(day),
            kind,
            name,
        })
        .collect()
}
impl YearCalendar<'_> {
    /// The special day on `date`, if any: its kind and name.
    fn special(&self, date: Date) -> Option<(DayKind, &str)> {
        match &self.specials {
            Specials::Table(rows) => {
                let index = rows.partition_point(|row| row.date < date);
                rows.get(index)
                    .filter(|row| row.date == date)
                    .map(|row| (row.kind.into(), &*row.name))
            }
            Specials::Computed(specials) => {
                let index = specials.partition_point(|special| special.date < date);
                specials
                    .get(index)
                    .filter(|special| special.date == date)
                    .map(|special| (special.kind, special.name))
            }
        }
    }

    /// Every special day of the year, in date order.
    fn specials(&self) -> impl Iterator<Item = (Date, DayKind)> + '_ {
        let (rows, computed): (&[NonWorkingDayRow], &[Special]) = match &self.specials {
            Specials::Table(rows) => (rows, &[]),
            Specials::Computed(specials) => (&[], specials),
        };
        rows.iter()
            .map(|row| (row.date, row.kind.into()))
            .chain(computed.iter().map(|special| (special.date, special.kind)))
    }

    fn kind(&self, date: Date) -> (DayKind, Option<&str>) {
        match self.special(date) {
            Some((kind, name)) => (kind, Some(name)),
            None if date.weekday().is_weekend() => (DayKind::Weekend, None),
            None => (DayKind::Working, None),
        }
    }

    /// Working days in `[from, to]`, both within this year.
    fn working_days_in(&self, from: Date, to: Date) -> i64 {
        if to < from {
            return 0;
        }
        let mut count = weekdays_in(days_of(from), days_of(to));
        for (date, kind) in self
            .specials()
            .filter(|(date, _)| (from..=to).contains(date))
        {
            let weekend = is_weekend_day(days_of(date));
            match kind {
                DayKind::WorkingWeekend if weekend => count += 1,
                DayKind::Holiday | DayKind::FixedDayOff | DayKind::Transfer if !weekend => {
                    count -= 1
                }
                _ => {}
            }
        }
        count
    }
}

/// The calendar of a year by the statutory rule alone.
fn computed_year(year: i64) -> YearCalendar<'static> {
    let first = jan1_days(year);
    let last = jan1_days(year + 1) - 1;
    YearCalendar {
        first: date_from_days(first),
        last: date_from_days(last),
        provisional: true,
        specials: Specials::Computed(statutory_specials(year, first, last)),
    }
}

// ---------------------------------------------------------------------------------------------
// The public questions.

impl<'t> Calendar<'t> {
    /// The calendar of `rows`, which are in date order with each date once.
    pub(crate) fn new(rows: &'t [NonWorkingDayRow]) -> Calendar<'t> {
        Calendar { rows }
    }

    /// The calendar of the compiled-in table.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::calendar::Calendar::compiled().table_years(), Some((2025, 2027)));
    /// ```
    pub fn compiled() -> Calendar<'static> {
        Tables::compiled().calendar()
    }

    /// The table's rows of `year`.
    fn rows_of(&self, year: i32) -> &'t [NonWorkingDayRow] {
        let start = self.rows.partition_point(|row| row.date.year() < year);
        let end = self.rows.partition_point(|row| row.date.year() <= year);
        self.rows.get(start..end).unwrap_or_default()
    }

    /// The first and last years the table has rows for (2025 and 2027 in the compiled one);
    /// `None` when it has none.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(tirkeu::calendar::Calendar::compiled().table_years(), Some((2025, 2027)));
    /// ```
    pub fn table_years(&self) -> Option<(i32, i32)> {
        Some((
            self.rows.first()?.date.year(),
            self.rows.last()?.date.year(),
        ))
    }

    /// Whether answers about `year` are provisional: one of its rows is provisional, or the table
    /// has none and the year is computed from the statutory rule.
    ///
    /// # Example
    ///
    /// ```
    /// let calendar = tirkeu::calendar::Calendar::compiled();
    /// assert!(!calendar.is_provisional_year(2026));
    /// assert!(calendar.is_provisional_year(2027) && calendar.is_provisional_year(2030));
    /// ```
    pub fn is_provisional_year(&self, year: i32) -> bool {
        let rows = self.rows_of(year);
        rows.is_empty() || rows.iter().any(|row| row.status == RowStatus::Provisional)
    }

    fn year(&self, year: i32) -> YearCalendar<'t> {
        let rows = self.rows_of(year);
        if rows.is_empty() {
            return computed_year(i64::from(year));
        }
        YearCalendar {
            first: date_from_days(jan1_days(i64::from(year))),
            last: date_from_days(jan1_days(i64::from(year) + 1) - 1),
            provisional: rows.iter().any(|row| row.status == RowStatus::Provisional),
            specials: Specials::Table(rows),
        }
    }

    /// Whether `date` is a working day in Kazakhstan.
    ///
    /// # Example
    ///
    /// ```
    /// let calendar = tirkeu::calendar::Calendar::compiled();
    /// assert!(calendar.is_working_day("2025-01-05".parse().unwrap())); // a Sunday worked by decree
    /// ```
    pub fn is_working_day(&self, date: Date) -> bool {
        self.year(date.year()).kind(date).0.is_working()
    }

    /// Everything the calendar says about `date`: working or not, the kind of day, its name, and
    /// whether the answer is provisional.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::calendar::{Calendar, DayKind};
    /// let info = Calendar::compiled().day_info("2026-03-24".parse().unwrap());
    /// assert_eq!(info.kind, DayKind::Transfer);
    /// assert!(!info.working && !info.provisional);
    /// ```
    pub fn day_info(&self, date: Date) -> DayInfo {
        let calendar = self.year(date.year());
        let (kind, name) = calendar.kind(date);
        DayInfo {
            date,
            working: kind.is_working(),
            kind,
            name: name.map(str::to_owned),
            provisional: calendar.provisional,
        }
    }

    /// The number of working days D with `from < D <= to` ([`working_days_between`]).
    ///
    /// # Example
    ///
    /// ```
    /// let calendar = tirkeu::calendar::Calendar::compiled();
    /// let day = |s: &str| s.parse().unwrap();
    /// assert_eq!(calendar.working_days_between(day("2026-05-06"), day("2026-05-15")).count, 5);
    /// ```
    pub fn working_days_between(&self, from: Date, to: Date) -> WorkingDayCount {
        if to < from {
            let reverse = self.working_days_between(to, from);
            return WorkingDayCount {
                count: -reverse.count,
                provisional: reverse.provisional,
            };
        }
        if from == to {
            return WorkingDayCount {
                count: 0,
                provisional: false,
            };
        }
        let start = from.succ();
        let (first_year, last_year) = (start.year(), to.year());
        let first = self.year(first_year);
        if first_year == last_year {
            return WorkingDayCount {
                count: first.working_days_in(start, to),
                provisional: first.provisional,
            };
        }
        let last = self.year(last_year);
        let count = first.working_days_in(start, first.last)
            + self.whole_years(i64::from(first_year) + 1, i64::from(last_year) - 1)
            + last.working_days_in(last.first, to);
        WorkingDayCount {
            count,
            provisional: self.span_is_provisional(first_year, last_year),
        }
    }

    /// Whether any year of `[first, last]` is provisional (without visiting each year).
    fn span_is_provisional(&self, first: i32, last: i32) -> bool {
        match self.table_years() {
            Some((table_first, table_last)) if first >= table_first && last <= table_last => {
                (first..=last).any(|year| self.is_provisional_year(year))
            }
            _ => true,
        }
    }

    /// Working days of the whole years `[a, b]`: year by year inside [`LUNAR_ESTIMATE_YEARS`] (at
    /// most 9,999 of them), by 400-year cycles outside it.
    fn whole_years(&self, a: i64, b: i64) -> i64 {
        if b < a {
            return 0;
        }
        let (lunar_first, lunar_last) =
            (*LUNAR_ESTIMATE_YEARS.start(), *LUNAR_ESTIMATE_YEARS.end());
        let before = CycleSums::get(false).sum_years(a, b.min(lunar_first - 1));
        let after = CycleSums::get(true).sum_years(a.max(lunar_last + 1), b);
        let inside: i64 = (a.max(lunar_first)..=b.min(lunar_last))
            .map(|year| {
                let calendar = self.year(year as i32);
                calendar.working_days_in(calendar.first, calendar.last)
            })
            .sum();
        before + inside + after
    }

    /// The `n`-th working day after `date` ([`nth_working_day_after`]).
    ///
    /// # Example
    ///
    /// ```
    /// let calendar = tirkeu::calendar::Calendar::compiled();
    /// let found = calendar.nth_working_day_after("2026-12-31".parse().unwrap(), 5);
    /// assert_eq!(found.date.to_string(), "2027-01-12");
    /// ```
    pub fn nth_working_day_after(&self, date: Date, n: u32) -> WorkingDay {
        let mut remaining = i64::from(n);
        let mut current = date;
        let mut provisional = false;
        if remaining == 0 {
            return WorkingDay { date, provisional };
        }
        loop {
            let start = current.succ();
            if start == current {
                return WorkingDay {
                    date: Date::MAX,
                    provisional: true,
                };
            }
            let year = i64::from(start.year());
            let outside = |y: i64| !LUNAR_ESTIMATE_YEARS.contains(&y);
            if days_of(start) == jan1_days(year)
                && outside(year)
                && outside(year + 399)
                && (year <= 0) == (year + 399 <= 0)
            {
                // A whole 400-year cycle of computed years: skip it at once when it is not enough.
                let cycle = CycleSums::get(year > 0).cycle_total();
                let cycle_last = jan1_days(year + 400) - 1;
                if cycle < remaining && cycle_last <= i64::from(i32::MAX) {
                    remaining -= cycle;
                    provisional = true;
                    current = date_from_days(cycle_last);
                    continue;
                }
            }
            let calendar = self.year(start.year());
            provisional |= calendar.provisional;
            let available = calendar.working_days_in(start, calendar.last);
            if available < remaining {
                remaining -= available;
                current = calendar.last;
                continue;
            }
            let mut day = start;
            loop {
                if calendar.kind(day).0.is_working() {
                    remaining -= 1;
                    if remaining == 0 {
                        return WorkingDay {
                            date: day,
                            provisional,
                        };
                    }
                }
                if day >= calendar.last {
                    // Unreachable when the count above is right; fall back to the next year.
                    current = day;
                    break;
                }
                day = day.succ();
            }
        }
    }

    /// `date` when it is a working day, otherwise the first working day after it
    /// ([`next_working_day_on_or_after`]).
    ///
    /// # Example
    ///
    /// ```
    /// let calendar = tirkeu::calendar::Calendar::compiled();
    /// let found = calendar.next_working_day_on_or_after("2026-10-25".parse().unwrap());
    /// assert_eq!(found.date.to_string(), "2026-10-27");
    /// ```
    pub fn next_working_day_on_or_after(&self, date: Date) -> WorkingDay {
        let calendar = self.year(date.year());
        if calendar.kind(date).0.is_working() {
            return WorkingDay {
                date,
                provisional: calendar.provisional,
            };
        }
        let next = self.nth_working_day_after(date, 1);
        WorkingDay {
            date: next.date,
            provisional: next.provisional || calendar.provisional,
        }
    }
}

/// The years the compiled-in table covers (2025-2027), as `(first, last)`; `None` if it is empty.
///
/// # Example
///
/// ```
/// assert_eq!(tirkeu::calendar::table_years(), Some((2025, 2027)));
/// ```
pub fn table_years() -> Option<(i32, i32)> {
    Calendar::compiled().table_years()
}

/// Whether answers about `year` are provisional by the compiled-in table: its rows are
/// provisional, or the year is not in the table and is computed from the statutory rule.
///
/// # Example
///
/// ```
/// use tirkeu::calendar::is_provisional_year;
/// assert!(!is_provisional_year(2026));
/// assert!(is_provisional_year(2027));
/// assert!(is_provisional_year(2030));
/// ```
pub fn is_provisional_year(year: i32) -> bool {
    Calendar::compiled().is_provisional_year(year)
}

/// Whether `date` is a working day in Kazakhstan, by the compiled-in table.
///
/// # Example
///
/// ```
/// use tirkeu::calendar::is_working_day;
/// let day = |s: &str| s.parse().unwrap();
/// assert!(is_working_day(day("2026-07-01")));
/// assert!(!is_working_day(day("2026-10-26"))); // Republic Day moved from Sunday 25 October
/// assert!(is_working_day(day("2025-01-05"))); // a Sunday worked by decree
/// ```
pub fn is_working_day(date: Date) -> bool {
    Calendar::compiled().is_working_day(date)
}

/// Everything the compiled-in calendar says about `date`: working or not, the kind of day, its
/// name, and whether the answer is provisional.
///
/// # Example
///
/// ```
/// use tirkeu::calendar::{day_info, DayKind};
/// let info = day_info("2026-03-24".parse().unwrap());
/// assert_eq!(info.kind, DayKind::Transfer);
/// assert!(!info.working && !info.provisional);
/// assert!(day_info("2040-03-22".parse().unwrap()).provisional);
/// ```
pub fn day_info(date: Date) -> DayInfo {
    Calendar::compiled().day_info(date)
}

/// The number of working days D with `from < D <= to` by the compiled-in table: the day `from`
/// is not counted, the day `to` is. This is the count of "working days left" from `from` until a
/// deadline `to`, and also the reading of "within five working days" after an event on `from`.
///
/// When `to` is before `from` the result is the negated count of working days D with
/// `to < D <= from`, so that `working_days_between(a, b) == -working_days_between(b, a)`.
///
/// # Example
///
/// ```
/// use tirkeu::calendar::working_days_between;
/// let day = |s: &str| s.parse().unwrap();
/// // Rules p.5: moved on 2026-05-06, the fifth working day after is 2026-05-15.
/// assert_eq!(working_days_between(day("2026-05-06"), day("2026-05-15")).count, 5);
/// assert_eq!(working_days_between(day("2026-05-15"), day("2026-05-06")).count, -5);
/// // 2026 has 247 working days.
/// assert_eq!(working_days_between(day("2025-12-31"), day("2026-12-31")).count, 247);
/// ```
pub fn working_days_between(from: Date, to: Date) -> WorkingDayCount {
    Calendar::compiled().working_days_between(from, to)
}

/// The `n`-th working day after `date` by the compiled-in table (the day `date` itself is not
/// counted): with `n = 5` the last day of "within five working days" of an event on `date`. For
/// `n = 0` it is `date` itself.
///
/// Saturates at [`Date::MAX`] (marked provisional) rather than running past the calendar.
///
/// # Example
///
/// ```
/// use tirkeu::calendar::nth_working_day_after;
/// let day = |s: &str| s.parse().unwrap();
/// let found = nth_working_day_after(day("2026-12-31"), 5);
/// assert_eq!(found.date.to_string(), "2027-01-12");
/// assert!(found.provisional); // 2027 is a provisional year
/// ```
pub fn nth_working_day_after(date: Date, n: u32) -> WorkingDay {
    Calendar::compiled().nth_working_day_after(date, n)
}

/// `date` when it is a working day by the compiled-in table, otherwise the first working day after
/// it: where a period whose last day is a day off ends under the Civil Code.
///
/// # Example
///
/// ```
/// use tirkeu::calendar::next_working_day_on_or_after;
/// let day = |s: &str| s.parse().unwrap();
/// // 2026-10-25 (Sunday, Republic Day) -> 26 October is the transferred day off -> 27 October.
/// assert_eq!(next_working_day_on_or_after(day("2026-10-25")).date.to_string(), "2026-10-27");
/// assert_eq!(next_working_day_on_or_after(day("2026-07-31")).date.to_string(), "2026-07-31");
/// ```
pub fn next_working_day_on_or_after(date: Date) -> WorkingDay {
    Calendar::compiled().next_working_day_on_or_after(date)
}

/// Working days of a whole computed year outside [`LUNAR_ESTIMATE_YEARS`], by residue modulo 400
/// (index 0-399), for the years before (`false`) or after (`true`) that range; with prefix sums.
struct CycleSums {
    /// `prefix[k]`: working days of the years with residues `0..k`.
    prefix: Vec<i64>,
}

impl CycleSums {
    fn build(after: bool) -> CycleSums {
        let mut prefix = Vec::with_capacity(401);
        prefix.push(0);
        let mut total = 0;
        for residue in 0..400i64 {
            // A representative year with this residue on the chosen side (10000 and -400 are
            // multiples of 400).
            let year = if after {
                10_000 + residue
            } else {
                residue - 400
            };
            total += computed_year_working_days(year);
            prefix.push(total);
        }
        CycleSums { prefix }
    }

    fn get(after: bool) -> &'static CycleSums {
        static BEFORE: OnceLock<CycleSums> = OnceLock::new();
        static AFTER: OnceLock<CycleSums> = OnceLock::new();
        if after {
            AFTER.get_or_init(|| CycleSums::build(true))
        } else {
            BEFORE.get_or_init(|| CycleSums::build(false))
        }
    }

    fn cycle_total(&self) -> i64 {
        self.prefix.get(400).copied().unwrap_or(0)
    }

    /// Working days of the years `y` with `0 <= y - origin < n`, where `origin` is a multiple of
    /// 400, i.e. the sum of the first `n` residues repeated.
    fn sum_first(&self, n: i64) -> i64 {
        let whole = n.div_euclid(400);
        let rest = n.rem_euclid(400) as usize;
        whole * self.cycle_total() + self.prefix.get(rest).copied().unwrap_or(0)
    }

    /// Working days of the years `[a, b]` (all on this object's side of the lunar range).
    fn sum_years(&self, a: i64, b: i64) -> i64 {
        if b < a {
            0
        } else {
            self.sum_first(b + 1) - self.sum_first(a)
        }
    }
}

fn computed_year_working_days(year: i64) -> i64 {
    let calendar = computed_year(year);
    calendar.working_days_in(calendar.first, calendar.last)
}

#[cfg(test)]
mod tests;
