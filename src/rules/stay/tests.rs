use super::*;

fn day(text: &str) -> Date {
    text.parse().unwrap()
}

fn question(entry: &str, earlier: &[(&str, &str)], today: &str, to: Option<&str>) -> StayQuestion {
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
