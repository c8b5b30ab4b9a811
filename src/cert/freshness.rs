//! When a signed list may be installed, and how old it may grow: the rules shared by the trust
//! list and the status list.
//!
//! A signature proves who made a list, not that it is the latest one: a network can hold back a
//! newer list, or hand back an older one after a reload. So, for both lists:
//!
//! - a list dated more than a day ahead of the device's clock is refused ("issued in the
//!   future": it would otherwise block every genuine update, which is older than it);
//! - a list replaces the installed one only when its `iat` is strictly later; the same bytes
//!   again change nothing; another list with the same `iat` is refused;
//! - the caller may pass the latest `iat` it ever accepted (`min_issued_at`, kept across
//!   reloads): a list issued before it is refused, one issued at it accepted;
//! - past its `next` update a list is stale (a warning); past `next` plus a grace period
//!   (default 7 days) it is expired: a result that would be `valid` is `unconfirmed`.
//!
//! Every judgement is made against the device's clock (`now`), never against the date a
//! certificate is checked for.

use core::fmt;

/// Seconds in a day.
pub(crate) const SECONDS_PER_DAY: i64 = 86_400;

/// How far ahead of the device's clock a list's `iat` may be: one day (clocks drift, and a list
/// is often issued at the start of its day in another time zone).
pub const MAX_CLOCK_AHEAD_SECONDS: i64 = SECONDS_PER_DAY;

/// The default grace period after a list's `next` update before it expires: 7 days.
pub const DEFAULT_GRACE_SECONDS: i64 = 7 * SECONDS_PER_DAY;

/// What a load is judged against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadOptions {
    /// The device's clock, seconds since 1970.
    pub now_unix_seconds: i64,
    /// The latest `iat` the caller has ever accepted for this list (kept across reloads), if
    /// any: a list issued before it is refused.
    pub min_issued_at: Option<i64>,
}

impl LoadOptions {
    /// Loading at `now_unix_seconds`, with no remembered `iat`.
    ///
    /// # Example
    ///
    /// ```
    /// let options = tirkeu::cert::LoadOptions::at(1_784_059_200);
    /// assert_eq!(options.min_issued_at, None);
    /// ```
    pub fn at(now_unix_seconds: i64) -> LoadOptions {
        LoadOptions {
            now_unix_seconds,
            min_issued_at: None,
        }
    }
}

/// Why a validly signed list is not installed: its dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ListDateError {
    /// Its `iat` is more than a day ahead of the device's clock.
    Future {
        /// The list's `iat`.
        offered: i64,
        /// The device's clock.
        now: i64,
    },
    /// Its `iat` is before the latest one the caller accepted (`min_issued_at`).
    BelowMinimum {
        /// The list's `iat`.
        offered: i64,
        /// The caller's `min_issued_at`.
        minimum: i64,
    },
    /// It is older than the installed list, which is kept.
    Older {
        /// Issue time of the installed list.
        installed: i64,
        /// Issue time of the list offered.
        offered: i64,
    },
    /// It has the installed list's `iat` but other bytes: two lists of one instant cannot be
    /// ordered, and the installed one is kept.
    SameIssueTime {
        /// The common `iat`.
        issued_at: i64,
    },
}

impl fmt::Display for ListDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListDateError::Future { offered, now } => write!(
                f,
                "issued at {offered}, more than a day after the device's clock ({now}): issued in \
                 the future"
            ),
            ListDateError::BelowMinimum { offered, minimum } => write!(
                f,
                "issued at {offered}, before the latest list already accepted ({minimum}): an \
                 older list cannot come back"
            ),
            ListDateError::Older { installed, offered } => write!(
                f,
                "issued at {offered}, older than the installed list ({installed}), which is kept"
            ),
            ListDateError::SameIssueTime { issued_at } => write!(
                f,
                "issued at {issued_at} like the installed list but different: the installed list \
                 is kept"
            ),
        }
    }
}

impl std::error::Error for ListDateError {}

/// Whether a list issued at `offered` may replace the one issued at `installed` (none when no
/// list is installed; identical bytes are handled by the caller first).
pub(crate) fn check_load_dates(
    offered: i64,
    installed: Option<i64>,
    options: &LoadOptions,
) -> Result<(), ListDateError> {
    if offered
        > options
            .now_unix_seconds
            .saturating_add(MAX_CLOCK_AHEAD_SECONDS)
    {
        return Err(ListDateError::Future {
            offered,
            now: options.now_unix_seconds,
        });
    }
    if let Some(minimum) = options.min_issued_at
        && offered < minimum
    {
        return Err(ListDateError::BelowMinimum { offered, minimum });
    }
    match installed {
        Some(installed) if offered < installed => Err(ListDateError::Older { installed, offered }),
        Some(installed) if offered == installed => {
            Err(ListDateError::SameIssueTime { issued_at: offered })
        }
        _ => Ok(()),
    }
}

/// How current a list is at the device's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Currency {
    /// Not past its `next` update.
    Current,
    /// Past `next`, within the grace period: a warning.
    Stale,
    /// Past `next` plus the grace period: a `valid` result becomes `unconfirmed`.
    Expired,
}

/// The currency of a list whose next update is `next_update`, at `now`, with `grace_seconds`.
pub(crate) fn currency(next_update: i64, now: i64, grace_seconds: i64) -> Currency {
    if now > next_update.saturating_add(grace_seconds) {
        Currency::Expired
    } else if now > next_update {
        Currency::Stale
    } else {
        Currency::Current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_dates() {
        let at = |now, min| LoadOptions {
            now_unix_seconds: now,
            min_issued_at: min,
        };
        // A day ahead is accepted, a second more refused.
        assert_eq!(
            check_load_dates(1000 + 86_400, None, &at(1000, None)),
            Ok(())
        );
        assert!(matches!(
            check_load_dates(1001 + 86_400, None, &at(1000, None)),
            Err(ListDateError::Future { .. })
        ));
        // The minimum itself is accepted.
        assert_eq!(check_load_dates(500, None, &at(1000, Some(500))), Ok(()));
        assert!(matches!(
            check_load_dates(499, None, &at(1000, Some(500))),
            Err(ListDateError::BelowMinimum { .. })
        ));
        assert!(matches!(
            check_load_dates(500, Some(500), &at(1000, None)),
            Err(ListDateError::SameIssueTime { .. })
        ));
        assert!(matches!(
            check_load_dates(499, Some(500), &at(1000, None)),
            Err(ListDateError::Older { .. })
        ));
        assert_eq!(check_load_dates(501, Some(500), &at(1000, None)), Ok(()));
    }

    #[test]
    fn currency_at_the_edges() {
        assert_eq!(currency(100, 100, 10), Currency::Current);
        assert_eq!(currency(100, 101, 10), Currency::Stale);
        assert_eq!(currency(100, 110, 10), Currency::Stale);
        assert_eq!(currency(100, 111, 10), Currency::Expired);
        assert_eq!(currency(i64::MAX, i64::MAX, 10), Currency::Current);
    }
}
