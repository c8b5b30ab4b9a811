//! The build-time validation of the data tables: a bad row in `src/data/*.csv` fails the build
//! with its file and line number, instead of being dropped at run time. `build.rs` itself is
//! compiled into this test and run on copies of the tables with one row broken.

#[allow(dead_code)]
#[path = "../../build.rs"]
mod build_script;

use std::path::{Path, PathBuf};

const CALENDAR: &str = "kz-non-working-days.csv";
const REGIMES: &str = "visa-regimes.csv";
const REGIONS: &str = "kz-regions.csv";

/// A scratch directory holding a copy of `src/data/*.csv`, and an output directory.
fn copy_of_the_tables(name: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("tirkeu-data-build-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/data");
    for entry in std::fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "csv") {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    (dir, out)
}

/// The line (from 1) of `table` in `dir` that starts with `prefix`.
fn line_starting(dir: &Path, table: &str, prefix: &str) -> usize {
    let text = std::fs::read_to_string(dir.join(table)).unwrap();
    text.lines()
        .position(|line| line.starts_with(prefix))
        .unwrap()
        + 1
}

/// Replaces line `line` (from 1) of `table`, or inserts `text` before it.
fn edit(dir: &Path, table: &str, line: usize, text: &str, insert: bool) {
    let path = dir.join(table);
    let mut lines: Vec<String> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    if insert {
        lines.insert(line - 1, text.to_owned());
    } else {
        lines[line - 1] = text.to_owned();
    }
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
}

/// The build's error on the tables of `dir`.
fn build_error(dir: &Path, out: &Path) -> String {
    let error = build_script::generate(dir, out).expect_err("the build must fail");
    let text = error.to_string();
    std::fs::remove_dir_all(dir).unwrap();
    text
}

#[test]
fn the_tables_of_the_repository_compile_to_the_statics_in_use() {
    let (dir, out) = copy_of_the_tables("good");
    build_script::generate(&dir, &out).unwrap();
    let generated = std::fs::read_to_string(out.join("tables.rs")).unwrap();
    let compiled = include_str!(concat!(env!("OUT_DIR"), "/tables.rs"));
    assert_eq!(generated, compiled);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_transfer_on_a_weekend_fails_the_build_at_its_line() {
    // Source: Labour Code art. 84(4): a holiday on a weekend moves to the next working day, so a
    // transfer row falls on a weekday. 2027-01-04 (Monday) moved to Sunday 2027-01-03.
    let (dir, out) = copy_of_the_tables("weekend");
    let line = line_starting(&dir, CALENDAR, "2027-01-04,");
    edit(
        &dir,
        CALENDAR,
        line,
        "2027-01-03,transfer,moved from 2027-01-02,provisional,Law On holidays art.5",
        false,
    );
    let error = build_error(&dir, &out);
    assert!(
        error.ends_with(&format!(
            "{CALENDAR}:{line}: a transfer falls on a working weekday, not on Sunday 2027-01-03"
        )),
        "{error}"
    );
}

#[test]
fn a_date_listed_twice_fails_the_build_at_the_second() {
    let (dir, out) = copy_of_the_tables("twice");
    let line = line_starting(&dir, CALENDAR, "2027-03-08,") + 1;
    edit(
        &dir,
        CALENDAR,
        line,
        "2027-03-08,holiday,International Women's Day,provisional,Law On holidays art.5",
        true,
    );
    let error = build_error(&dir, &out);
    assert!(
        error.ends_with(&format!(
            "{CALENDAR}:{line}: date 2027-03-08 is listed twice"
        )),
        "{error}"
    );
}

#[test]
fn an_unknown_kind_or_regime_fails_the_build_at_its_line() {
    let (dir, out) = copy_of_the_tables("kind");
    let line = line_starting(&dir, CALENDAR, "2027-07-06,");
    edit(
        &dir,
        CALENDAR,
        line,
        "2027-07-06,festival,Capital Day,provisional,Law On holidays art.5",
        false,
    );
    let error = build_error(&dir, &out);
    assert!(
        error.ends_with(&format!(
            "{CALENDAR}:{line}: kind `festival` is not holiday, fixed_day_off, transfer, \
             working_weekend"
        )),
        "{error}"
    );

    let (dir, out) = copy_of_the_tables("regime");
    let line = line_starting(&dir, REGIMES, "CHN,");
    edit(
        &dir,
        REGIMES,
        line,
        "CHN,visa_free_60,60,90,180,bilateral agreement in force 2023-11-10,high,",
        false,
    );
    let error = build_error(&dir, &out);
    assert!(
        error.ends_with(&format!("{REGIMES}:{line}: regime `visa_free_60` is not visa_free_90, visa_free_30, visa_free_14, visa_required")),
        "{error}"
    );
}

#[test]
fn codes_twice_or_unknown_and_a_wrong_header_fail_the_build() {
    let (dir, out) = copy_of_the_tables("region");
    let line = line_starting(&dir, REGIONS, "ZAP,");
    edit(&dir, REGIONS, line, "ALA,Almaty,Алматы,Алматы,city", false);
    let error = build_error(&dir, &out);
    assert!(
        error.ends_with(&format!("{REGIONS}:{line}: code ALA is listed twice")),
        "{error}"
    );

    let (dir, out) = copy_of_the_tables("iso");
    let line = line_starting(&dir, REGIMES, "THA,");
    edit(
        &dir,
        REGIMES,
        line,
        "SUN,visa_free_30,30,90,180,bilateral agreement 2024,high,",
        false,
    );
    let error = build_error(&dir, &out);
    assert!(
        error.ends_with(&format!(
            "{REGIMES}:{line}: `SUN` is not an ISO 3166-1 alpha-3 code"
        )),
        "{error}"
    );

    let (dir, out) = copy_of_the_tables("header");
    let line = line_starting(&dir, REGIONS, "code,");
    edit(&dir, REGIONS, line, "code,name,name_ru,name_kk,kind", false);
    let error = build_error(&dir, &out);
    assert!(
        error.ends_with(&format!(
            "{REGIONS}:{line}: the header is not `code,name_en,name_ru,name_kk,kind`"
        )),
        "{error}"
    );
}

#[test]
fn a_country_without_its_kazakh_or_russian_name_fails_the_build() {
    // A Kazakh or Russian name the CLDR lacked comes out as the English one or the code: the
    // build refuses it rather than show a Kazakh or Russian reader a Latin name.
    const COUNTRIES: &str = "iso3166-1-alpha3.csv";
    let (dir, out) = copy_of_the_tables("country-kk");
    let line = line_starting(&dir, COUNTRIES, "UZB,");
    edit(
        &dir,
        COUNTRIES,
        line,
        "UZB,UZ,Uzbekistan,Узбекистан,Uzbekistan",
        false,
    );
    let error = build_error(&dir, &out);
    assert!(
        error.ends_with(&format!(
            "{COUNTRIES}:{line}: name_kk `Uzbekistan` has the letter U: the name is written in Cyrillic"
        )),
        "{error}"
    );

    let (dir, out) = copy_of_the_tables("country-ru");
    let line = line_starting(&dir, COUNTRIES, "UZB,");
    edit(&dir, COUNTRIES, line, "UZB,UZ,Uzbekistan,,Өзбекстан", false);
    let error = build_error(&dir, &out);
    assert!(
        error.ends_with(&format!("{COUNTRIES}:{line}: name_ru is empty")),
        "{error}"
    );
}
