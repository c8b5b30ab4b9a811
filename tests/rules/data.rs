//! Invariants of the compiled-in tables (src/data/) and of the calendar built on them.

use tirkeu::calendar::{DayKind, day_info, is_provisional_year, table_years, working_days_between};
use tirkeu::data::{self, NonWorkingDayKind, Regime, RowStatus};
use tirkeu::date::Date;
use tirkeu::i18n::Lang;

fn day(text: &str) -> Date {
    text.parse().unwrap()
}

#[test]
fn every_row_is_compiled_in() {
    // A row that does not load fails the build (build.rs; tests/data_build.rs).
    // Source: the CSV files: 61 non-working-day rows, 78 regimes, 20 regions, 249 countries.
    assert_eq!(data::non_working_days().len(), 61);
    assert_eq!(data::regimes().len(), 78);
    assert_eq!(data::regions().len(), 20);
    assert_eq!(data::countries().len(), 249);
}

#[test]
fn year_2026_has_247_working_days() {
    // Source: the issue ("2026 has 247 working days"), and a day-by-day count.
    assert_eq!(
        working_days_between(day("2025-12-31"), day("2026-12-31")).count,
        247
    );
    let mut by_loop = 0;
    let mut date = day("2026-01-01");
    while date <= day("2026-12-31") {
        by_loop += i32::from(day_info(date).working);
        date = date.succ();
    }
    assert_eq!(by_loop, 247);
}

#[test]
fn transfers_and_working_weekends_fall_where_they_should() {
    for row in data::non_working_days() {
        let weekend = row.date.weekday().is_weekend();
        match row.kind {
            NonWorkingDayKind::Transfer => assert!(!weekend, "transfer on a weekend: {}", row.date),
            NonWorkingDayKind::WorkingWeekend => {
                assert!(weekend, "working weekend on a weekday: {}", row.date)
            }
            _ => {}
        }
        assert!(!row.source.is_empty() && !row.name.is_empty());
    }
}

#[test]
fn rows_are_unique_and_years_consistent() {
    let rows = data::non_working_days();
    for pair in rows.windows(2) {
        assert!(
            pair[0].date < pair[1].date,
            "duplicate or unsorted: {}",
            pair[1].date
        );
    }
    assert_eq!(table_years(), Some((2025, 2027)));
    // 2027 is provisional in the table: every row of it, and the year as a whole.
    assert!(
        rows.iter()
            .filter(|r| r.date.year() == 2027)
            .all(|r| r.status == RowStatus::Provisional)
    );
    assert!(
        rows.iter()
            .filter(|r| r.date.year() < 2027)
            .all(|r| r.status == RowStatus::Official)
    );
    assert!(!is_provisional_year(2025) && !is_provisional_year(2026));
    assert!(is_provisional_year(2027) && is_provisional_year(2024) && is_provisional_year(2028));
}

#[test]
fn table_days_read_back_through_the_calendar() {
    for row in data::non_working_days() {
        let info = day_info(row.date);
        let expected = match row.kind {
            NonWorkingDayKind::Holiday => DayKind::Holiday,
            NonWorkingDayKind::FixedDayOff => DayKind::FixedDayOff,
            NonWorkingDayKind::Transfer => DayKind::Transfer,
            NonWorkingDayKind::WorkingWeekend => DayKind::WorkingWeekend,
        };
        assert_eq!(info.kind, expected, "{}", row.date);
        assert_eq!(info.working, row.kind == NonWorkingDayKind::WorkingWeekend);
        assert_eq!(info.provisional, row.status == RowStatus::Provisional);
        assert_eq!(info.name.as_deref(), Some(&*row.name));
    }
}

#[test]
fn statutory_years_beyond_the_table() {
    // 2028: 1 January is a Saturday -> moved to Monday 3 January; 2 January (Sunday) -> 4 January.
    assert_eq!(day_info(day("2028-01-03")).kind, DayKind::Transfer);
    assert_eq!(day_info(day("2028-01-04")).kind, DayKind::Transfer);
    assert!(day_info(day("2028-01-05")).working);
    // 7 January 2028 is a Friday: a fixed day off.
    assert_eq!(day_info(day("2028-01-07")).kind, DayKind::FixedDayOff);
    // Constitution Day on 15 March from 2027.
    assert_eq!(day_info(day("2028-03-15")).kind, DayKind::Holiday);
    assert!(day_info(day("2028-03-15")).provisional);
    for far in ["0001-01-01", "9999-12-31", "0000-02-29"] {
        let info = day_info(day(far));
        assert!(info.provisional);
    }
}

#[test]
fn iso_3166_codes() {
    // Source: ISO 3166-1 (ISO 3166 Maintenance Agency): 249 alpha-3 codes.
    let codes: Vec<&str> = data::countries().iter().map(|c| c.alpha3).collect();
    assert_eq!(codes.len(), 249);
    let mut unique = codes.clone();
    unique.dedup();
    assert_eq!(unique.len(), 249, "codes are sorted and unique");
    assert!(
        codes
            .iter()
            .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
    );
    for row in data::regimes() {
        assert!(
            data::is_country_code(&row.iso3),
            "{} of visa-regimes.csv is not an ISO code",
            row.iso3
        );
    }
    assert!(data::is_country_code("XXA"));
    // Source: ISO 3166-1: each alpha-3 code has one alpha-2 code, two capital letters, unique.
    let mut alpha2: Vec<&str> = data::countries().iter().map(|c| c.alpha2).collect();
    alpha2.sort_unstable();
    alpha2.dedup();
    assert_eq!(alpha2.len(), 249, "alpha-2 codes are unique");
    for (alpha3, expected) in [
        ("KAZ", "KZ"),
        ("RUS", "RU"),
        ("UZB", "UZ"),
        ("GBR", "GB"),
        ("ALA", "AX"),
    ] {
        assert_eq!(data::country(alpha3).unwrap().alpha2, expected);
    }
    assert!(
        !data::is_country_code("SUN")
            && !data::is_country_code("EUE")
            && !data::is_country_code("")
    );
}

#[test]
fn every_country_has_its_kazakh_and_russian_names() {
    // A form shows the citizenship by name in the reader's language: each of the 249 countries
    // and the stateless person has a Kazakh and a Russian name in Cyrillic letters, never its
    // code nor the English name in their place.
    let cyrillic = |name: &str| {
        name.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    };
    let every = data::countries().iter().chain([&data::STATELESS_PERSON]);
    for country in every {
        for name in [country.name_kk, country.name_ru] {
            assert!(!name.is_empty(), "{}", country.alpha3);
            assert!(cyrillic(name), "{} {name}", country.alpha3);
            assert!(
                name != country.alpha3 && name != country.alpha2,
                "{}",
                country.alpha3
            );
        }
        assert!(!country.name_en.is_empty());
        assert_eq!(data::citizenship(country.alpha3), Some(country));
    }
    // Source: Unicode CLDR 48 (kk.xml, ru.xml, territories) as Node's ICU 78 carries it; the
    // corrections of scripts/country-names.mjs for Kyrgyzstan's name in Kazakhstan's Russian
    // ("Кыргызстан", as the Kyrgyz Republic is named in the official register there).
    for (code, kk, ru) in [
        ("UZB", "Өзбекстан", "Узбекистан"),
        ("KAZ", "Қазақстан", "Казахстан"),
        ("CHN", "Қытай", "Китай"),
        ("TUR", "Түркия", "Турция"),
        ("KGZ", "Қырғызстан", "Кыргызстан"),
        ("XXA", "Азаматтығы жоқ адам", "Лицо без гражданства"),
    ] {
        let country = data::citizenship(code).unwrap();
        assert_eq!((country.name(Lang::Kk), country.name(Lang::Ru)), (kk, ru));
    }
    // Russian abbreviations of CLDR's menus ("о-в", "о-ва", "ОАЭ") are written out.
    for country in data::countries() {
        assert!(
            !country
                .name_ru
                .split(' ')
                .any(|word| ["о-в", "о-ва", "ОАЭ", "КНДР"].contains(&word)),
            "{}",
            country.name_ru
        );
    }
}

#[test]
fn regime_codes_serialize_as_in_the_table() {
    for regime in [
        Regime::VisaFree90,
        Regime::VisaFree30,
        Regime::VisaFree14,
        Regime::VisaRequired,
    ] {
        assert_eq!(
            serde_json::to_value(regime).unwrap(),
            serde_json::json!(regime.as_str())
        );
    }
}

#[test]
fn regime_rows() {
    for row in data::regimes() {
        match row.regime {
            Regime::VisaRequired => assert!(row.days_per_entry.is_none()),
            _ => {
                let (per, window_limit, window) = (
                    row.days_per_entry.unwrap(),
                    row.days_in_window.unwrap(),
                    row.window_days.unwrap(),
                );
                assert!(
                    per <= window_limit && window_limit <= window,
                    "{}",
                    row.iso3
                );
            }
        }
    }
    assert_eq!(data::regime("CHE").unwrap().regime, Regime::VisaFree30);
    assert!(data::regime("KAZ").is_none());
}

#[test]
fn regions_have_three_names() {
    let codes: Vec<&str> = data::regions().iter().map(|r| &*r.code).collect();
    for code in ["AST", "ALA", "SHY", "ULY", "ZHT", "ABA"] {
        assert!(codes.contains(&code));
    }
    let cities = data::regions()
        .iter()
        .filter(|r| r.kind == data::RegionKind::City)
        .count();
    assert_eq!(cities, 3);
}

/// FNV-1a over the tables' rows (as compiled in: build.rs leaves out the `#` comment lines): when
/// a row changes, this test fails until `DATA_VERSION` is changed and the fingerprint below
/// updated with it.
#[test]
fn data_version_follows_the_tables() {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, text) in data::RAW_TABLES {
        for byte in name.bytes().chain(text.bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let recorded = ("2026-03-18.3", 211_091_306_391_204_682u64);
    assert_eq!(
        (data::DATA_VERSION, hash),
        recorded,
        "tables changed: bump DATA_VERSION and record the new fingerprint"
    );
}
