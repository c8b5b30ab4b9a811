use super::*;
use proptest::prelude::*;

#[test]
fn epoch_and_known_weekdays() {
    assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
    // Source: rules.md section 2 worked examples name the weekdays.
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

/// What `Display` wrote through the formatting machinery before its four-digit fast path.
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
        #[cfg(feature = "chrono")]
        {
            prop_assert_eq!(Date::from(theirs), ours);
            prop_assert_eq!(chrono::NaiveDate::try_from(ours), Ok(theirs));
        }
    }
}

#[cfg(feature = "chrono")]
#[test]
fn beyond_chronos_range_is_an_error() {
    assert!(chrono::NaiveDate::try_from(Date::MAX).is_err());
    assert!(chrono::NaiveDate::try_from(Date::MIN).is_err());
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
