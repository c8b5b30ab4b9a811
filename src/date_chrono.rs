//! Conversions between [`Date`] and `chrono::NaiveDate` (feature `chrono`).
//!
//! Beside `date.rs` rather than in it: the build script compiles `date.rs` on its own, without
//! chrono.

use crate::date::{Date, DateError};

/// The calendar's conversions with `chrono` (feature `chrono`): a back end that keeps its dates
/// as `chrono::NaiveDate` passes them in and takes them out without going through text.
///
/// # Example
///
/// ```
/// # #[cfg(feature = "chrono")] {
/// use tirkeu::date::Date;
/// let entry = chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
/// let date = Date::from(entry);
/// assert_eq!(date.to_string(), "2026-07-01");
/// assert_eq!(chrono::NaiveDate::try_from(date.add_days(29)).unwrap().to_string(), "2026-07-30");
/// # }
/// ```
#[cfg(feature = "chrono")]
impl From<chrono::NaiveDate> for Date {
    fn from(date: chrono::NaiveDate) -> Date {
        use chrono::Datelike;
        // chrono's range (about 262,000 years either side of year 0) fits this type's i32 day
        // count many times over, so the conversion is exact.
        Date::from_days_since_epoch(date.num_days_from_ce() - UNIX_EPOCH_DAYS_FROM_CE)
    }
}

/// # Errors
///
/// [`DateError::OutOfRange`] for a date beyond `chrono::NaiveDate`'s range (this type reaches
/// further).
#[cfg(feature = "chrono")]
impl TryFrom<Date> for chrono::NaiveDate {
    type Error = DateError;
    fn try_from(date: Date) -> Result<chrono::NaiveDate, DateError> {
        date.days_since_epoch()
            .checked_add(UNIX_EPOCH_DAYS_FROM_CE)
            .and_then(chrono::NaiveDate::from_num_days_from_ce_opt)
            .ok_or(DateError::OutOfRange { date })
    }
}

/// 1970-01-01 counted in chrono's days from the common era (0001-01-01 is day 1).
#[cfg(feature = "chrono")]
const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // Both ways over chrono's whole range (date.rs compares the calendars themselves).
        #[test]
        fn round_trips_with_chrono(days in -95_000_000i32..95_000_000) {
            let ours = Date::from_days_since_epoch(days);
            let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
            let Some(theirs) = epoch.checked_add_signed(chrono::TimeDelta::days(i64::from(days))) else {
                prop_assert!(chrono::NaiveDate::try_from(ours).is_err());
                return Ok(());
            };
            prop_assert_eq!(Date::from(theirs), ours);
            prop_assert_eq!(chrono::NaiveDate::try_from(ours), Ok(theirs));
        }
    }

    #[test]
    fn beyond_chronos_range_is_an_error() {
        assert!(chrono::NaiveDate::try_from(Date::MAX).is_err());
        assert!(chrono::NaiveDate::try_from(Date::MIN).is_err());
    }
}
