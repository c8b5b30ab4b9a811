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
mod tests;
