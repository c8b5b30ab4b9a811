//! Registration deadline (Rules p.3) and re-registration after a move (Rules p.5).
//!
//! A deadline that has passed is a warning, never an error: lateness is none of the refusal
//! grounds of Rules p.4, and registration is still required. A deadline that fell before Order
//! 923 came into force is `not_applicable`: the Order does not judge it.

use super::Findings;
use super::application::ReRegistrationCounting;
use super::messages::FindingCode as C;
use super::obligation::first_deadline;
use super::report::{Deadline, DeadlineState, Policy};
use crate::calendar::{Calendar, WorkingDay};
use crate::date::Date;
use crate::i18n::Arg;

/// The day Order 923 came into force (Order p.4).
pub(crate) fn order_923_in_force() -> Date {
    Date::from_days_since_epoch(20_635) // 2026-07-01 (checked by a test)
}

/// Days left until `last` and the state on `today`; `not_applicable` when `register_by` fell
/// before the Order came into force (the state keys on the deadline, not on the event).
fn state(today: Date, register_by: Date, last: Date) -> (i64, DeadlineState) {
    let days_left = today.days_until(register_by);
    let state = match today.days_until(last) {
        _ if register_by < order_923_in_force() => DeadlineState::NotApplicable,
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
    calendar: Calendar<'_>,
    findings: &mut Findings,
) -> Deadline {
    let (register_by, outer) = first_deadline(entry, policy, calendar);
    let (days_left, state) = state(today, register_by, register_by);
    match state {
        DeadlineState::Missed => findings.push(
            C::DeadlineMissed,
            Some("entry.date"),
            &[
                ("date", Arg::Date(register_by)),
                ("days", Arg::Days(-days_left)),
            ],
        ),
        DeadlineState::Open if days_left <= 3 => findings.push(
            C::DeadlineDueSoon,
            Some("entry.date"),
            &[
                ("date", Arg::Date(register_by)),
                ("days", Arg::Days(days_left)),
            ],
        ),
        _ => {}
    }
    if outer.provisional {
        findings.push(
            C::CalendarProvisional,
            None,
            &[("date", Arg::Date(outer.date))],
        );
    }
    Deadline {
        register_by,
        outer_bound: outer.date,
        days_left,
        state,
        provisional: outer.provisional,
        working_days_left: None,
        effective_by: None,
    }
}

/// The re-registration deadline after a move on `moved_on`: the fifth working day after the move
/// (default reading), or counting the move day as day 1 when it is a working day. The outer bound
/// is the default reading, the later of the two.
///
/// Its state is judged against the later of that day and the first-registration deadline
/// `first` (when that one is judged at all): the 30 days of Rules p.3 stand after a move.
/// `enforce`: whether the immigrant must register at all (otherwise the date is shown but no
/// finding is raised).
#[allow(clippy::too_many_arguments)] // the facts of the move, the policy, the calendar, the findings
pub(crate) fn re_registration(
    moved_on: Date,
    today: Date,
    policy: &Policy,
    calendar: Calendar<'_>,
    enforce: bool,
    first: Option<&Deadline>,
    findings: &mut Findings,
) -> Deadline {
    let next_day_first = calendar.nth_working_day_after(moved_on, 5);
    let chosen = match policy.re_registration_counting {
        ReRegistrationCounting::NextWorkingDayIsDayOne => next_day_first,
        ReRegistrationCounting::EventDayCounts => {
            let move_day = calendar.day_info(moved_on);
            if move_day.working {
                let found = calendar.nth_working_day_after(moved_on, 4);
                WorkingDay {
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
    let effective = match first {
        Some(first) if first.state != DeadlineState::NotApplicable => {
            register_by.max(first.register_by)
        }
        _ => register_by,
    };
    let (days_left, state) = state(today, register_by, effective);
    let working_left = calendar.working_days_between(today, register_by);
    if enforce {
        match state {
            DeadlineState::Missed => findings.push(
                C::ReRegistrationMissed,
                Some("addressChange.movedOn"),
                &[
                    ("date", Arg::Date(effective)),
                    ("days", Arg::Days(effective.days_until(today))),
                ],
            ),
            // When the first deadline is the later one, its own warning speaks for both.
            DeadlineState::Open if effective == register_by && working_left.count <= 3 => findings
                .push(
                    C::ReRegistrationDueSoon,
                    Some("addressChange.movedOn"),
                    &[
                        ("date", Arg::Date(register_by)),
                        ("days", Arg::WorkingDays(working_left.count)),
                    ],
                ),
            _ => {}
        }
    }
    if provisional {
        findings.push(
            C::CalendarProvisional,
            None,
            &[("date", Arg::Date(register_by))],
        );
    }
    Deadline {
        register_by,
        outer_bound: next_day_first.date,
        days_left,
        state,
        // The count of working days left is provisional too when it runs through such a year.
        provisional: provisional || (working_left.provisional && state == DeadlineState::Open),
        working_days_left: Some(working_left.count),
        effective_by: Some(effective),
    }
}
