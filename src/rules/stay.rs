//! Stay limits (Rules p.4(2), "violation of the term of stay"): days per entry and days in a
//! rolling window, and the labour contract of an EAEU worker.
//!
//! Counting: the entry day and the exit day are both days of stay. A day D of the current stay is
//! lawful when the days present in `[D - (window - 1), D]` (earlier stays and the current stay,
//! each day counted once however the stays overlap) do not exceed `days_in_window`, and
//! `D - entry + 1 <= days_per_entry`. `lastAllowedDay` is the last day L such that every day of
//! `[entry, L]` is lawful.
//!
//! Within the first `window` days of the current stay, the count for D is (earlier days in the
//! window) + (D - entry + 1); the first term can only shrink by one a day while the second grows by
//! one, so the count never decreases and the lawful days form a prefix: `lastAllowedDay` is found
//! by binary search, with each count computed from the merged earlier stays. Nothing loops over
//! days, so a stay from 0001 to 9999 costs the same as a week.
//!
//! An EAEU worker may stay until the later of the labour contract's end and the regime's last
//! day (Treaty on the EAEU art. 97(8) secures the contract's term and takes away none of the stay
//! every citizen of the Union has); `limited_by` says which binds.

use super::report::LimitedBy;
use crate::date::Date;

/// The numbers the stay computation needs.
#[derive(Clone, Debug)]
pub(crate) struct StayQuestion {
    pub entry: Date,
    /// Earlier stays (entry, exit), usable ones only, in any order, possibly overlapping.
    pub earlier: Vec<(Date, Date)>,
    pub today: Date,
    /// The planned last day, when not before the entry.
    pub planned_to: Option<Date>,
    pub days_per_entry: u32,
    pub days_in_window: u32,
    pub window_days: u32,
    /// EAEU worker: the stay lasts at least until the contract's end.
    pub contract_end: Option<Date>,
}

/// The answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StayAnswer {
    pub days_used: i64,
    pub last_allowed_day: Date,
    pub overstay_days: i64,
    /// The day `days_used` and `overstay_days` are taken at: the evaluation date while the stay
    /// runs, the planned last day once the evaluation date is past it (or before the entry).
    pub reference_day: Date,
    /// Which limit gives `last_allowed_day`.
    pub limited_by: LimitedBy,
}

fn day_number(date: Date) -> i64 {
    i64::from(date.days_since_epoch())
}

/// Earlier stays cut to the days before the current entry (later days belong to the current stay
/// anyway), sorted and merged so that no day is counted twice.
fn merged_before(entry: i64, earlier: &[(Date, Date)]) -> Vec<(i64, i64)> {
    let mut spans: Vec<(i64, i64)> = earlier
        .iter()
        .map(|(from, to)| (day_number(*from), day_number(*to).min(entry - 1)))
        .filter(|(from, to)| from <= to)
        .collect();
    crate::sort::sort(&mut spans);
    let mut merged: Vec<(i64, i64)> = Vec::with_capacity(spans.len());
    for (from, to) in spans {
        match merged.last_mut() {
            Some(last) if from <= last.1 + 1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// Days of the merged spans within `[from, to]`.
fn present_in(spans: &[(i64, i64)], from: i64, to: i64) -> i64 {
    if to < from {
        return 0;
    }
    // Spans are sorted and disjoint: skip those ending before `from`.
    let start = spans.partition_point(|(_, end)| *end < from);
    spans
        .iter()
        .skip(start)
        .take_while(|(begin, _)| *begin <= to)
        .map(|(begin, end)| (*end).min(to) - (*begin).max(from) + 1)
        .sum()
}

pub(crate) fn answer(question: &StayQuestion) -> StayAnswer {
    let entry = day_number(question.entry);
    let window = i64::from(question.window_days.max(1));
    let per_entry = i64::from(question.days_per_entry);
    let in_window = i64::from(question.days_in_window);
    let spans = merged_before(entry, &question.earlier);
    // Days present in the window ending on day `d` (d >= entry), present on every day of [entry, d].
    let count = |d: i64| -> i64 {
        let window_start = d - (window - 1);
        present_in(&spans, window_start, entry - 1) + (d - entry + 1).min(window)
    };
    // Binary search for the last lawful k in [0, min(per_entry, window) - 1].
    let span = per_entry.min(window);
    let lawful = |k: i64| count(entry + k) <= in_window;
    let regime_last = if span <= 0 || !lawful(0) {
        entry - 1
    } else {
        let (mut good, mut bad) = (0, span);
        while bad - good > 1 {
            let middle = good + (bad - good) / 2;
            if lawful(middle) {
                good = middle
            } else {
                bad = middle
            }
        }
        // Beyond the first window the whole window is the current stay: the count is
        // `window`, lawful iff window <= in_window, which the last day of the first
        // window has already shown.
        if good == span - 1 {
            entry + per_entry - 1
        } else {
            entry + good
        }
    };
    let (last_allowed, limited_by) = match question.contract_end.map(day_number) {
        Some(end) if end > regime_last => (end, LimitedBy::LabourContract),
        _ => (regime_last, LimitedBy::Regime),
    };
    let today = day_number(question.today);
    let planned = question.planned_to.map(day_number);
    let reference = if today >= entry {
        match planned {
            Some(to) if to < today => to,
            _ => today,
        }
    } else {
        planned.unwrap_or(entry)
    };
    StayAnswer {
        days_used: count(reference),
        last_allowed_day: date_at(last_allowed),
        overstay_days: (reference - last_allowed).max(0),
        reference_day: date_at(reference),
        limited_by,
    }
}

fn date_at(day: i64) -> Date {
    Date::from_days_since_epoch(day.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn question(
        entry: &str,
        earlier: &[(&str, &str)],
        today: &str,
        to: Option<&str>,
    ) -> StayQuestion {
        StayQuestion {
            entry: day(entry),
            earlier: earlier.iter().map(|(a, b)| (day(a), day(b))).collect(),
            today: day(today),
            planned_to: to.map(day),
            days_per_entry: 90,
            days_in_window: 90,
            window_days: 180,
            contract_end: None,
        }
    }

    /// Reference: a day-by-day loop straight from the definition.
    fn brute_last_allowed(q: &StayQuestion) -> Date {
        let entry = day_number(q.entry);
        let mut present = std::collections::BTreeSet::new();
        for (a, b) in &q.earlier {
            for d in day_number(*a)..=day_number(*b).min(entry - 1) {
                present.insert(d);
            }
        }
        let mut last = entry - 1;
        for d in entry..entry + i64::from(q.days_per_entry) {
            present.insert(d);
            let used = present.range(d - i64::from(q.window_days) + 1..=d).count() as i64;
            if used > i64::from(q.days_in_window) {
                break;
            }
            last = d;
        }
        date_at(last)
    }

    #[test]
    fn swiss_example() {
        // Source: Order 923, Rules p.4(2), and the regimes' limits (Swiss migration office example): 99 days at exit, overstay 9.
        let q = question(
            "2014-05-01",
            &[("2013-09-01", "2013-09-30"), ("2014-02-21", "2014-04-20")],
            "2014-06-09",
            Some("2014-06-09"),
        );
        let a = answer(&q);
        assert_eq!(a.days_used, 99);
        assert_eq!(a.last_allowed_day, day("2014-05-31"));
        assert_eq!(a.overstay_days, 9);
        assert_eq!(a.last_allowed_day, brute_last_allowed(&q));
    }

    #[test]
    fn next_lawful_entry() {
        // Source: Order 923, Rules p.4(2), and the regimes' limits: 90 days used in 2026-01-10..04-23, next lawful entry 2026-07-09.
        let earlier = [
            ("2026-01-10", "2026-02-08"),
            ("2026-02-15", "2026-03-16"),
            ("2026-03-25", "2026-04-23"),
        ];
        let on = answer(&question("2026-07-09", &earlier, "2026-07-09", None));
        assert!(on.last_allowed_day >= day("2026-07-09"));
        let before = answer(&question("2026-07-08", &earlier, "2026-07-08", None));
        assert_eq!(before.last_allowed_day, day("2026-07-07"));
    }

    #[test]
    fn overlapping_earlier_stays_count_once() {
        let once = answer(&question(
            "2026-07-01",
            &[("2026-03-01", "2026-03-30")],
            "2026-07-01",
            None,
        ));
        let twice = answer(&question(
            "2026-07-01",
            &[
                ("2026-03-01", "2026-03-30"),
                ("2026-03-10", "2026-03-20"),
                ("2026-03-01", "2026-03-30"),
            ],
            "2026-07-01",
            None,
        ));
        assert_eq!(once, twice);
    }

    #[test]
    fn eaeu_worker_stays_until_the_later_limit() {
        // Source: Treaty on the EAEU art. 97(8) (the contract's term) with the 90/180 rule every
        // citizen of the Union has: the later of the two binds.
        let mut q = question("2026-07-01", &[], "2026-07-15", Some("2027-06-30"));
        q.contract_end = Some(day("2026-08-15"));
        let short = answer(&q);
        assert_eq!(short.last_allowed_day, day("2026-09-28"));
        assert_eq!(short.limited_by, LimitedBy::Regime);
        q.contract_end = Some(day("2027-06-30"));
        let long = answer(&q);
        assert_eq!(long.last_allowed_day, day("2027-06-30"));
        assert_eq!(long.limited_by, LimitedBy::LabourContract);
    }

    #[test]
    fn huge_ranges_are_fast() {
        let q = question(
            "9999-01-01",
            &[("0001-01-01", "9998-12-31")],
            "9999-12-31",
            Some("9999-12-31"),
        );
        let a = answer(&q);
        assert_eq!(a.last_allowed_day, day("9998-12-31"));
    }
}
