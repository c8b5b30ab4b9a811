//! Registration deadline (rules.md section 2, Rules p.3) and re-registration after a move
//! (section 3, Rules p.5).

use super::Findings;
use super::application::ReRegistrationCounting;
use super::messages::FindingCode as C;
use super::obligation::first_deadline;
use super::report::{Deadline, DeadlineState, Policy};
use crate::calendar;
use crate::date::Date;

/// The day Order 923 came into force.
pub(crate) fn order_923_in_force() -> Date {
    Date::from_days_since_epoch(20_635) // 2026-07-01 (checked by a test)
}

fn state(today: Date, register_by: Date) -> (i64, DeadlineState) {
    let days_left = today.days_until(register_by);
    let state = match days_left {
        left if left > 0 => DeadlineState::Open,
        0 => DeadlineState::DueToday,
        _ => DeadlineState::Missed,
    };
    (days_left, state)
}

/// The first-registration deadline. Findings: `deadline.missed`, `deadline.due_soon`,
/// `calendar.provisional` (for the outer bound).
pub(crate) fn first_registration(
    entry: Date,
    today: Date,
    policy: &Policy,
    findings: &mut Findings,
) -> Deadline {
    let (register_by, outer) = first_deadline(entry, policy);
    let (days_left, state) = state(today, register_by);
    let by_text = register_by.to_string();
    match state {
        DeadlineState::Missed => {
            findings.push(C::DeadlineMissed, Some("entry.date"), &[("date", &by_text)])
        }
        DeadlineState::Open if days_left <= 3 => {
            findings.push(
                C::DeadlineDueSoon,
                Some("entry.date"),
                &[("date", &by_text), ("days", &days_left.to_string())],
            );
        }
        _ => {}
    }
    if outer.provisional {
        findings.push(
            C::CalendarProvisional,
            None,
            &[("date", &outer.date.to_string())],
        );
    }
    Deadline {
        register_by,
        outer_bound: outer.date,
        days_left,
        state,
        provisional: outer.provisional,
        working_days_left: None,
    }
}

/// The re-registration deadline after a move on `moved_on`: the fifth working day after the move
/// (default reading), or counting the move day as day 1 when it is a working day. The outer bound
/// is the default reading, the later of the two. `enforce`: whether the immigrant must register at
/// all (otherwise the date is shown but `reregistration.missed` is not raised).
pub(crate) fn re_registration(
    moved_on: Date,
    today: Date,
    policy: &Policy,
    enforce: bool,
    findings: &mut Findings,
) -> Deadline {
    let next_day_first = calendar::nth_working_day_after(moved_on, 5);
    let chosen = match policy.re_registration_counting {
        ReRegistrationCounting::NextWorkingDayIsDayOne => next_day_first,
        ReRegistrationCounting::EventDayCounts => {
            let move_day = calendar::day_info(moved_on);
            if move_day.working {
                let found = calendar::nth_working_day_after(moved_on, 4);
                calendar::WorkingDay {
                    date: found.date,
                    provisional: found.provisional || move_day.provisional,
                }
            } else {
                next_day_first
            }
        }
    };
    let register_by = chosen.date;
    let provisional = chosen.provisional || next_day_first.provisional;
    let (days_left, state) = state(today, register_by);
    let working_left = calendar::working_days_between(today, register_by);
    let by_text = register_by.to_string();
    if enforce {
        match state {
            DeadlineState::Missed => {
                findings.push(
                    C::ReRegistrationMissed,
                    Some("addressChange.movedOn"),
                    &[("date", &by_text)],
                );
            }
            DeadlineState::Open if working_left.count <= 3 => findings.push(
                C::ReRegistrationDueSoon,
                Some("addressChange.movedOn"),
                &[
                    ("date", &by_text),
                    ("days", &working_left.count.to_string()),
                ],
            ),
            _ => {}
        }
    }
    if provisional {
        findings.push(C::CalendarProvisional, None, &[("date", &by_text)]);
    }
    Deadline {
        register_by,
        outer_bound: next_day_first.date,
        days_left,
        state,
        // The count of working days left is provisional too when it runs through such a year.
        provisional: provisional || (working_left.provisional && state == DeadlineState::Open),
        working_days_left: Some(working_left.count),
    }
}
