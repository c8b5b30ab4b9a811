//! Civil dates (proleptic Gregorian calendar, no time zone).
//!
//! Everything the rules and the certificate decide is a question about civil dates in Kazakhstan,
//! which has one time zone, UTC+5, since 2024-03-01. This type is a day count with checked
//! conversions, so that no input, however odd, can panic: arithmetic saturates at the ends of the
//! representable range instead of overflowing.

use core::fmt;
use core::str::FromStr;

// `super`, not `crate`: build.rs compiles this file as a module beside its own copy of decimal.rs.
use super::decimal;

/// Kazakhstan's offset from UTC in seconds (UTC+5 nationwide since 2024-03-01).
pub const KAZAKHSTAN_UTC_OFFSET_SECONDS: i64 = 5 * 3600;

const SECONDS_PER_DAY: i64 = 86_400;

/// A civil date, stored as the number of days since 1970-01-01.
///
/// # Example
///
/// ```
/// use tirkeu::date::Date;
/// let entry: Date = "2026-07-01".parse().unwrap();
/// assert_eq!(entry.add_days(29).to_string(), "2026-07-30");
/// assert_eq!(entry.weekday(), tirkeu::date::Weekday::Wednesday);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days_since_epoch: i32,
}

/// Day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weekday {
    /// Monday
    Monday,
    /// Tuesday
    Tuesday,
    /// Wednesday
    Wednesday,
    /// Thursday
    Thursday,
    /// Friday
    Friday,
    /// Saturday
    Saturday,
    /// Sunday
    Sunday,
}

impl Weekday {
    /// Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }
}

/// Why a text or a triple of numbers is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateError {
    /// The text is not of the form `YYYY-MM-DD` (four, two and two ASCII digits).
    Format {
        /// The text received (shortened to 32 characters).
        text: String,
    },
    /// The numbers do not name a day of the calendar (month 13, 30 February, 29 February 2001, ...).
    NoSuchDay {
        /// Year as given.
        year: i32,
        /// Month as given.
        month: u32,
        /// Day as given.
        day: u32,
    },
    /// The date lies outside the range of the type it is converted to.
    OutOfRange {
        /// The date.
        date: Date,
    },
}

impl DateError {
    /// The text of `Display`, built without core's formatting: the rules' WebAssembly module
    /// makes its error messages from it, and holds no `core::fmt` for them.
    pub(crate) fn message(&self) -> String {
        let mut text = String::new();
        match self {
            DateError::Format { text: received } => {
                text.push('`');
                text.push_str(received);
                text.push_str("` is not a date of the form YYYY-MM-DD");
            }
            DateError::NoSuchDay { year, month, day } => {
                // As `{year:04}-{month:02}-{day:02}` writes them.
                decimal::push_signed_padded(&mut text, (*year).into(), 4);
                text.push('-');
                decimal::push_padded(&mut text, (*month).into(), 2);
                text.push('-');
                decimal::push_padded(&mut text, (*day).into(), 2);
                text.push_str(" is not a day of the calendar");
            }
            DateError::OutOfRange { date } => {
                text.push_str(&date.iso());
                text.push_str(" is outside the range of the date type it is converted to");
            }
        }
        text
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for DateError {}

/// Whether `year` is a leap year of the Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1-12) of `year`; 0 for a month outside 1-12.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The earliest representable date (about 5.8 million years BCE); arithmetic saturates here.
    pub const MIN: Date = Date {
        days_since_epoch: i32::MIN,
    };
    /// The latest representable date; arithmetic saturates here.
    pub const MAX: Date = Date {
        days_since_epoch: i32::MAX,
    };

    /// The date with the given year, month (1-12) and day (1-31).
    ///
    /// # Errors
    ///
    /// [`DateError::NoSuchDay`] when the triple names no day, such as 2026-02-30, or when the
    /// year is outside -999,999..=999,999.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::date::Date;
    /// assert!(Date::from_ymd(2028, 2, 29).is_ok());
    /// assert!(Date::from_ymd(2026, 2, 29).is_err());
    /// ```
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        if !(-999_999..=999_999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay { year, month, day });
        }
        let days = days_from_civil(i64::from(year), month, day);
        // Within ±1,000,000 years the count fits an i32 comfortably.
        Ok(Date {
            days_since_epoch: days as i32,
        })
    }

    /// The date `days` days after 1970-01-01 (negative: before it).
    pub const fn from_days_since_epoch(days: i32) -> Date {
        Date {
            days_since_epoch: days,
        }
    }

    /// Days since 1970-01-01.
    pub const fn days_since_epoch(self) -> i32 {
        self.days_since_epoch
    }

    /// The civil date at the instant `unix_seconds` in a zone `utc_offset_seconds` east of UTC.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::date::{Date, KAZAKHSTAN_UTC_OFFSET_SECONDS};
    /// // 2026-07-14 20:00 UTC is already 15 July in Astana.
    /// let d = Date::from_unix_seconds(1_784_059_200, KAZAKHSTAN_UTC_OFFSET_SECONDS);
    /// assert_eq!(d.to_string(), "2026-07-15");
    /// ```
    pub fn from_unix_seconds(unix_seconds: i64, utc_offset_seconds: i64) -> Date {
        let local = unix_seconds.saturating_add(utc_offset_seconds);
        let days = local.div_euclid(SECONDS_PER_DAY);
        Date {
            days_since_epoch: days.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
        }
    }

    /// Today's civil date in Kazakhstan, by the system clock: the one function of the library that
    /// reads the clock, for a caller that wants "today" (the rules and the verifier take the date
    /// as a parameter, so that tests and replays can choose it).
    ///
    /// Not on `wasm32-unknown-unknown`, which has no clock: there the npm package's functions
    /// read the browser's.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::date::Date;
    /// let today = Date::today_in_kazakhstan();
    /// assert!(today >= "2026-01-01".parse().unwrap());
    /// ```
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    pub fn today_in_kazakhstan() -> Date {
        let now = std::time::SystemTime::now();
        // A clock set before 1970 gives a negative count; neither case can panic.
        let unix_seconds = match now.duration_since(std::time::UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
            Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |s| -s),
        };
        Date::from_unix_seconds(unix_seconds, KAZAKHSTAN_UTC_OFFSET_SECONDS)
    }

    /// Seconds since 1970-01-01T00:00:00Z at midnight UTC that starts this date.
    pub fn to_unix_seconds_utc(self) -> i64 {
        i64::from(self.days_since_epoch) * SECONDS_PER_DAY
    }

    /// Year, month (1-12) and day (1-31).
    pub fn ymd(self) -> (i32, u32, u32) {
        let (y, m, d) = civil_from_days(i64::from(self.days_since_epoch));
        (y as i32, m, d)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// The month, 1-12.
    pub fn month(self) -> u32 {
        self.ymd().1
    }

    /// The day of the month, 1-31.
    pub fn day(self) -> u32 {
        self.ymd().2
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        match (i64::from(self.days_since_epoch) + 3).rem_euclid(7) {
            0 => Weekday::Monday,
            1 => Weekday::Tuesday,
            2 => Weekday::Wednesday,
            3 => Weekday::Thursday,
            4 => Weekday::Friday,
            5 => Weekday::Saturday,
            _ => Weekday::Sunday,
        }
    }

    /// The date `days` days later (earlier when negative), saturating at [`Date::MIN`] and
    /// [`Date::MAX`].
    pub fn add_days(self, days: i32) -> Date {
        Date {
            days_since_epoch: self.days_since_epoch.saturating_add(days),
        }
    }

    /// The next day (saturating).
    pub fn succ(self) -> Date {
        self.add_days(1)
    }

    /// The previous day (saturating).
    pub fn pred(self) -> Date {
        self.add_days(-1)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        i64::from(later.days_since_epoch) - i64::from(self.days_since_epoch)
    }

    /// Parses `YYYY-MM-DD` strictly: four-digit year, two-digit month and day, a real day.
    ///
    /// # Errors
    ///
    /// [`DateError::Format`] for any other shape, [`DateError::NoSuchDay`] for 2026-02-30 and the like.
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu::date::Date;
    /// assert!(Date::parse("2026-07-01").is_ok());
    /// assert!(Date::parse("2026-7-1").is_err());
    /// assert!(Date::parse("0000-00-00").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(DateError::Format {
                text: text.chars().take(32).collect(),
            });
        }
        let number = |range: core::ops::Range<usize>| {
            bytes[range]
                .iter()
                .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'))
        };
        let (year, month, day) = (number(0..4) as i32, number(5..7), number(8..10));
        Date::from_ymd(year, month, day)
    }
}

impl Date {
    /// The date as `YYYY-MM-DD` (a year before 0 with a `-` first, one after 9999 with all its
    /// digits): the text of `Display`, written by the crate's digit writer rather than core's
    /// formatting, which the rules' WebAssembly module would hold for dates alone.
    pub(crate) fn iso(self) -> String {
        let mut text = String::with_capacity(16);
        let (year, month, day) = self.ymd();
        if year < 0 {
            text.push('-');
        }
        decimal::push_padded(&mut text, year.unsigned_abs().into(), 4);
        text.push('-');
        decimal::push_padded(&mut text, month.into(), 2);
        text.push('-');
        decimal::push_padded(&mut text, day.into(), 2);
        text
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The text itself rather than `collect_str`, whose formatting through `Display` would
        // keep core's `fmt::write` in the rules' WebAssembly module.
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

// Howard Hinnant's algorithms (public domain, "chrono-Compatible Low-Level Date Algorithms"),
// in i64 so that every i32 day count converts without overflow.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
// Inline rather than in date/tests.rs: the build script and its test include this file by
// path, where a `mod tests;` would be looked for beside build.rs.
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn epoch_and_known_weekdays() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        // Source: the calendar; the rules' worked examples name these weekdays.
        assert_eq!(
            Date::parse("2026-07-01").unwrap().weekday(),
            Weekday::Wednesday
        );
        assert_eq!(
            Date::parse("2026-08-01").unwrap().weekday(),
            Weekday::Saturday
        );
        assert_eq!(
            Date::parse("2026-10-25").unwrap().weekday(),
            Weekday::Sunday
        );
        assert_eq!(
            Date::parse("2026-12-01").unwrap().weekday(),
            Weekday::Tuesday
        );
    }

    #[test]
    fn strict_parsing() {
        for bad in [
            "",
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "0000-00-00",
            "2026-7-01",
            "2026/07/01",
            "20260701",
            "2026-07-01 ",
            "+026-07-01",
            "2001-02-29",
            "２０２６-07-01",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad:?} accepted");
        }
        for good in ["2000-02-29", "0000-01-01", "9999-12-31", "2024-02-29"] {
            assert_eq!(Date::parse(good).unwrap().to_string(), good);
        }
    }

    #[test]
    fn saturating_arithmetic_never_panics() {
        assert_eq!(Date::MAX.add_days(1), Date::MAX);
        assert_eq!(Date::MIN.add_days(-1), Date::MIN);
        let _ = Date::MAX.to_string();
        let _ = Date::MIN.to_string();
        let _ = Date::MIN.weekday();
        assert_eq!(
            Date::from_unix_seconds(i64::MAX, KAZAKHSTAN_UTC_OFFSET_SECONDS),
            Date::MAX
        );
    }

    #[test]
    fn kazakhstan_midnight() {
        // 2026-07-14T18:59:59Z is 23:59:59 in UTC+5; one second later it is 15 July.
        let before = 1_784_055_599;
        assert_eq!(
            Date::from_unix_seconds(before, KAZAKHSTAN_UTC_OFFSET_SECONDS).to_string(),
            "2026-07-14"
        );
        assert_eq!(
            Date::from_unix_seconds(before + 1, KAZAKHSTAN_UTC_OFFSET_SECONDS).to_string(),
            "2026-07-15"
        );
    }

    /// What `Display` wrote through the formatting machinery before the crate's digit writer.
    fn formatted_by_machinery(date: Date) -> String {
        let (y, m, d) = date.ymd();
        if y < 0 {
            format!("-{:04}-{m:02}-{d:02}", -i64::from(y))
        } else {
            format!("{y:04}-{m:02}-{d:02}")
        }
    }

    /// The fast path of `Display` on both sides of every boundary it has (years 0 and 9999, the
    /// extremes).
    #[test]
    fn display_matches_formatting_machinery() {
        let year_start = |year| Date::from_ymd(year, 1, 1).unwrap();
        let mut dates = vec![Date::MIN, Date::MAX, Date::from_days_since_epoch(0)];
        for year in [-10_000, -1, 0, 1, 999, 1000, 9999, 10_000, 123_456] {
            dates.extend([year_start(year), year_start(year).add_days(-1)]);
        }
        for date in dates {
            assert_eq!(date.to_string(), formatted_by_machinery(date), "{date:?}");
        }
        assert_eq!(year_start(0).to_string(), "0000-01-01");
        assert_eq!(year_start(10_000).add_days(-1).to_string(), "9999-12-31");
    }

    /// The errors' messages, built by joining text and the digit writer's numbers, read as the
    /// `write!` of their `Display` wrote them (a negative year padded with its sign counted).
    #[test]
    fn error_messages_match_formatting_machinery() {
        for (year, month, day) in [
            (2026, 2, 30),
            (-5, 13, 1),
            (0, 0, 0),
            (12_345, 2, 29),
            (i32::MIN, u32::MAX, 7),
        ] {
            assert_eq!(
                DateError::NoSuchDay { year, month, day }.to_string(),
                format!("{year:04}-{month:02}-{day:02} is not a day of the calendar")
            );
        }
        let text = "2026-7-1".to_owned();
        assert_eq!(
            DateError::Format { text: text.clone() }.to_string(),
            format!("`{text}` is not a date of the form YYYY-MM-DD")
        );
        for date in [Date::MIN, Date::MAX] {
            assert_eq!(
                DateError::OutOfRange { date }.to_string(),
                format!(
                    "{} is outside the range of the date type it is converted to",
                    formatted_by_machinery(date)
                )
            );
        }
    }

    proptest! {
        #[test]
        fn display_matches_formatting_machinery_anywhere(days: i32) {
            let date = Date::from_days_since_epoch(days);
            prop_assert_eq!(date.to_string(), formatted_by_machinery(date));
        }

        #[test]
        fn round_trips_through_text(days in -800_000i32..3_000_000) {
            let date = Date::from_days_since_epoch(days);
            let (y, m, d) = date.ymd();
            prop_assert_eq!(Date::from_ymd(y, m, d).unwrap(), date);
            if (0..=9999).contains(&y) {
                prop_assert_eq!(Date::parse(&date.to_string()).unwrap(), date);
            }
            prop_assert_eq!(date.succ().days_since_epoch(), days + 1);
        }
    }

    // The reference: chrono's proleptic Gregorian calendar, over its whole range (about 262,000
    // years either side of year 0), for every conversion the rules and the certificate use.
    proptest! {
        #[test]
        fn agrees_with_chrono(days in -95_000_000i32..95_000_000) {
            use chrono::Datelike;
            let ours = Date::from_days_since_epoch(days);
            let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
            let Some(theirs) = epoch.checked_add_signed(chrono::TimeDelta::days(i64::from(days))) else {
                return Ok(());
            };
            prop_assert_eq!(ours.ymd(), (theirs.year(), theirs.month(), theirs.day()));
            prop_assert_eq!(ours.weekday() as u32, theirs.weekday().num_days_from_monday());
            prop_assert_eq!(days_in_month(ours.year(), ours.month()), theirs.num_days_in_month() as u32);
            if (0..=9999).contains(&theirs.year()) {
                let text = theirs.format("%Y-%m-%d").to_string();
                prop_assert_eq!(ours.to_string(), text.clone());
                prop_assert_eq!(Date::parse(&text), Ok(ours));
            }
        }
    }

    #[test]
    fn today_in_kazakhstan_is_the_clock_at_utc_plus_5() {
        let before = Date::today_in_kazakhstan();
        let unix = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let after = Date::today_in_kazakhstan();
        let expected = Date::from_unix_seconds(unix, KAZAKHSTAN_UTC_OFFSET_SECONDS);
        assert!(before <= expected && expected <= after);
    }
}
