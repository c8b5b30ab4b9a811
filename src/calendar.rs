//! Kazakhstan's working days (five-day week).
//!
//! A day is a working day when it is Monday to Friday and not a holiday, fixed day off or
//! transferred day off, or when it is a Saturday or Sunday made a working day by decree
//! (`working_weekend`). For the years of the compiled-in table (`src/data/kz-non-working-days.csv`,
//! 2025-2027) the table decides. For every other year the statutory rule is computed:
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
//! Every answer carries `provisional`: true when it depends on a year whose table rows are
//! provisional (2027) or on a computed year. Everything is integer arithmetic on day counts, so
//! natively and in WebAssembly the answers are identical, and no date, however far from the table
//! (0001-01-01, 9999-12-31, [`Date::MIN`], [`Date::MAX`]), can panic.
//!
//! Cost: a single answer looks at one or two years; [`working_days_between`] and
//! [`nth_working_day_after`] skip whole years by counting, so they take time in proportion to the
//! number of years spanned (a 10,000-year span takes about a millisecond), never to the days.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::data::{self, NonWorkingDayKind, RowStatus};
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

/// A special day of one year: anything that is not simply "weekday works, weekend rests".
#[derive(Clone, Copy, Debug)]
struct Special {
    date: Date,
    kind: DayKind,
    name: &'static str,
}

/// One year's calendar: its special days in date order and whether it is provisional.
struct YearCalendar {
    first: Date,
    last: Date,
    provisional: bool,
    specials: Cow<'static, [Special]>,
}

/// The table's rows as special days, in date order, each with whether its year is provisional.
struct Table {
    specials: Vec<Special>,
    /// Years that have rows, with whether any row of the year is provisional; ascending.
    years: Vec<(i32, bool)>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let rows = data::non_working_days();
        let specials = rows
            .iter()
            .map(|row| Special {
                date: row.date,
                kind: match row.kind {
                    NonWorkingDayKind::Holiday => DayKind::Holiday,
                    NonWorkingDayKind::FixedDayOff => DayKind::FixedDayOff,
                    NonWorkingDayKind::Transfer => DayKind::Transfer,
                    NonWorkingDayKind::WorkingWeekend => DayKind::WorkingWeekend,
                },
                name: row.name,
            })
            .collect();
        let mut years: Vec<(i32, bool)> = Vec::new();
        for row in rows {
            let year = row.date.year();
            let provisional = row.status == RowStatus::Provisional;
            match years.last_mut() {
                Some((last, flag)) if *last == year => *flag |= provisional,
                _ => years.push((year, provisional)),
            }
        }
        Table { specials, years }
    })
}

/// The years the compiled-in table covers (2025-2027), as `(first, last)`; `None` if it is empty.
///
/// # Example
///
/// ```
/// assert_eq!(tirkeu::calendar::table_years(), Some((2025, 2027)));
/// ```
pub fn table_years() -> Option<(i32, i32)> {
    let years = &table().years;
    Some((years.first()?.0, years.last()?.0))
}

/// Whether answers about `year` are provisional: its table rows are provisional, or the year is
/// not in the table and is computed from the statutory rule.
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
    table()
        .years
        .iter()
        .find(|(y, _)| *y == year)
        .is_none_or(|(_, provisional)| *provisional)
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
    for day in kurban_ait_in(first, last) {
        specials.push((
            day,
            DayKind::FixedDayOff,
            "Kurban Ait (first day; arithmetical estimate)",
        ));
    }
    specials.sort_by_key(|(day, _, _)| *day);
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
            specials.sort_by_key(|(day, _, _)| *day);
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

impl YearCalendar {
    fn for_year(year: i32) -> YearCalendar {
        let first_day = jan1_days(i64::from(year));
        let last_day = jan1_days(i64::from(year) + 1) - 1;
        let first = date_from_days(first_day);
        let last = date_from_days(last_day);
        let table = table();
        if let Some(&(_, provisional)) = table.years.iter().find(|(y, _)| *y == year) {
            let start = table
                .specials
                .partition_point(|special| special.date < first);
            let end = table
                .specials
                .partition_point(|special| special.date <= last);
            let specials = table.specials.get(start..end).unwrap_or_default();
            return YearCalendar {
                first,
                last,
                provisional,
                specials: Cow::Borrowed(specials),
            };
        }
        let specials = statutory_specials(i64::from(year), first_day, last_day);
        YearCalendar {
            first,
            last,
            provisional: true,
            specials: Cow::Owned(specials),
        }
    }

    fn special(&self, date: Date) -> Option<&Special> {
        let index = self.specials.partition_point(|special| special.date < date);
        self.specials
            .get(index)
            .filter(|special| special.date == date)
    }

    fn kind(&self, date: Date) -> (DayKind, Option<&'static str>) {
        match self.special(date) {
            Some(special) => (special.kind, Some(special.name)),
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
        for special in self
            .specials
            .iter()
            .filter(|s| (from..=to).contains(&s.date))
        {
            let weekend = is_weekend_day(days_of(special.date));
            match special.kind {
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

// ---------------------------------------------------------------------------------------------
// The public questions.

/// Whether `date` is a working day in Kazakhstan.
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
    day_info(date).working
}

/// Everything the calendar says about `date`: working or not, the kind of day, its name, and
/// whether the answer is provisional.
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
    let calendar = YearCalendar::for_year(date.year());
    let (kind, name) = calendar.kind(date);
    DayInfo {
        date,
        working: kind.is_working(),
        kind,
        name: name.map(str::to_owned),
        provisional: calendar.provisional,
    }
}

/// The number of working days D with `from < D <= to`: the day `from` is not counted, the day
/// `to` is. This is the count of "working days left" from `from` until a deadline `to`, and also
/// the reading of "within five working days" after an event on `from`.
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
    if to < from {
        let reverse = working_days_between(to, from);
        return WorkingDayCount {
            count: -reverse.count,
            provisional: reverse.provisional,
        };
    }
    let mut count = 0;
    let mut provisional = false;
    let Some(mut year) = (from < to).then(|| from.succ().year()) else {
        return WorkingDayCount {
            count: 0,
            provisional: false,
        };
    };
    let last_year = to.year();
    while year <= last_year {
        let calendar = YearCalendar::for_year(year);
        let start = calendar.first.max(from.succ());
        let end = calendar.last.min(to);
        count += calendar.working_days_in(start, end);
        provisional |= calendar.provisional;
        match year.checked_add(1) {
            Some(next) => year = next,
            None => break,
        }
    }
    WorkingDayCount { count, provisional }
}

/// The `n`-th working day after `date` (the day `date` itself is not counted): with `n = 5` the
/// last day of "within five working days" of an event on `date`. For `n = 0` it is `date` itself.
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
        let calendar = YearCalendar::for_year(start.year());
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

/// `date` when it is a working day, otherwise the first working day after it: where a period
/// whose last day is a day off ends under the Civil Code.
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
    let calendar = YearCalendar::for_year(date.year());
    if calendar.kind(date).0.is_working() {
        return WorkingDay {
            date,
            provisional: calendar.provisional,
        };
    }
    let next = nth_working_day_after(date, 1);
    WorkingDay {
        date: next.date,
        provisional: next.provisional || calendar.provisional,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn weekday_counting_matches_a_day_loop() {
        for first in -20..20 {
            for last in first - 1..first + 30 {
                let by_loop = (first..=last).filter(|d| !is_weekend_day(*d)).count() as i64;
                assert_eq!(weekdays_in(first, last), by_loop, "{first}..{last}");
            }
        }
    }

    #[test]
    fn jan1_matches_the_date_type() {
        for year in [-400, -1, 0, 1, 1900, 1970, 2000, 2024, 2026, 9999] {
            assert_eq!(
                date_from_days(jan1_days(year)),
                Date::from_ymd(year as i32, 1, 1).unwrap()
            );
        }
    }

    #[test]
    fn kurban_ait_estimates() {
        // Source: kz-non-working-days.csv (2025 official, 2027 astronomical estimate).
        let found = |year: i64| -> Vec<Date> {
            let first = jan1_days(year);
            kurban_ait_in(first, jan1_days(year + 1) - 1)
                .into_iter()
                .map(date_from_days)
                .collect()
        };
        assert_eq!(found(2025), vec![day("2025-06-06")]);
        assert_eq!(found(2027), vec![day("2027-05-16")]);
        // 2026: the Spiritual Administration's date is 27 May; the arithmetical estimate is a day early.
        assert_eq!(found(2026), vec![day("2026-05-26")]);
        // Two in one Gregorian year (2006: 10 January and 31 December, one day off each estimate).
        assert_eq!(found(2006).len(), 2);
        assert_eq!(found(9999).len(), 1);
        assert_eq!(found(1).len(), 1);
    }

    #[test]
    fn statutory_rule_reproduces_the_table_but_for_decrees_and_kurban_ait_2026() {
        // Source: kz-non-working-days.csv; the differences are the 2025 decree exchange
        // (3 January off, Sunday 5 January worked) and the 2026 Kurban Ait estimate.
        for year in 2025..=2027 {
            let first = jan1_days(i64::from(year));
            let last = jan1_days(i64::from(year) + 1) - 1;
            let computed: Vec<(Date, bool)> = statutory_specials(i64::from(year), first, last)
                .iter()
                .map(|s| (s.date, s.kind.is_working()))
                .collect();
            let table = YearCalendar::for_year(year);
            let tabled: Vec<(Date, bool)> = table
                .specials
                .iter()
                .map(|s| (s.date, s.kind.is_working()))
                .collect();
            let exceptions = [
                day("2025-01-03"),
                day("2025-01-05"),
                day("2026-05-26"),
                day("2026-05-27"),
            ];
            let strip = |list: &[(Date, bool)]| -> Vec<(Date, bool)> {
                list.iter()
                    .copied()
                    .filter(|(d, _)| !exceptions.contains(d))
                    .collect()
            };
            assert_eq!(strip(&computed), strip(&tabled), "year {year}");
        }
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        for date in [
            Date::MIN,
            Date::MAX,
            day("0001-01-01"),
            day("9999-12-31"),
            day("0000-01-01"),
        ] {
            let _ = day_info(date);
            let _ = next_working_day_on_or_after(date);
            let _ = nth_working_day_after(date, 5);
        }
        assert_eq!(nth_working_day_after(Date::MAX, 1).date, Date::MAX);
        let far = working_days_between(day("0001-01-01"), day("9999-12-31"));
        assert!(far.provisional && far.count > 2_000_000);
    }
}
