//! `tirkeu check` (interfaces.md, "Command line"): report JSON on stdout; exit 0 ok, 1 has
//! errors, 2 unusable input with one line on stderr.
#![cfg(feature = "cli")]

use crate::support::cli::run_with_input;
use crate::support::scratch_dir;
use std::process::Output;

fn tirkeu(args: &[&str], stdin: Option<&str>) -> Output {
    run_with_input(args, stdin.map(str::as_bytes))
}

const VALID: &str = r#"{
  "immigrant": { "surname": "IVANOV", "givenNames": "IVAN", "birthDate": "1990-05-17", "citizenship": "RUS",
                 "passport": { "number": "751234567", "kind": "ordinary", "expiresOn": "2031-01-01" } },
  "entry": { "date": "2026-07-01", "purpose": "private" },
  "host": { "kind": "person", "id": "900515300127", "name": "АХМЕТОВ АСЕТ" },
  "address": { "region": "ALA", "locality": "Алматы", "street": "Абая", "building": "10", "apartment": "5",
               "premises": "apartment" },
  "stay": { "from": "2026-07-01", "to": "2026-09-20" }
}"#;

fn temp_file(name: &str, contents: &str) -> std::path::PathBuf {
    let path = scratch_dir(&format!("cli-check-{name}")).join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn report(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn valid_application_from_a_file_exits_0() {
    let path = temp_file("valid.json", VALID);
    let output = tirkeu(
        &[
            "check",
            path.to_str().unwrap(),
            "--today",
            "2026-07-15",
            "--lang",
            "ru",
        ],
        None,
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty());
    let report = report(&output);
    assert_eq!(report["ok"], true);
    assert_eq!(report["checkedOn"], "2026-07-15");
    assert_eq!(report["deadline"]["registerBy"], "2026-07-30");
    assert_eq!(report["lang"], "ru");
}

#[test]
fn application_with_errors_from_stdin_exits_1() {
    let invalid = VALID.replace("900515300127", "900515300128");
    for args in [
        vec!["check", "-", "--today", "2026-07-15"],
        vec!["check", "--today=2026-07-15"],
    ] {
        let output = tirkeu(&args, Some(&invalid));
        assert_eq!(output.status.code(), Some(1));
        let report = report(&output);
        assert_eq!(report["ok"], false);
        assert_eq!(report["findings"][0]["code"], "host.id.invalid");
        assert_eq!(
            report["lang"], "en",
            "English by default on the command line"
        );
    }
    // A malformed application (impossible date, wrong type) is still a report, not exit 2.
    let output = tirkeu(
        &["check", "--today", "2026-07-15"],
        Some(r#"{"immigrant": {"birthDate": "2026-02-30"}, "stay": 5}"#),
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(report(&output)["ok"], false);
}

#[test]
fn unusable_input_exits_2_with_one_line() {
    let missing = std::env::temp_dir().join("tirkeu-no-such-file.json");
    let cases: Vec<(Vec<String>, &str, &str)> = vec![
        (
            vec!["check".into(), "--today".into(), "2026-07-15".into()],
            "{not json",
            "not JSON",
        ),
        (
            vec!["check".into(), "--today".into(), "2026-07-15".into()],
            "[1, 2]",
            "JSON object",
        ),
        (
            vec!["check".into(), "--today".into(), "2026-07-15".into()],
            "",
            "not JSON",
        ),
        (
            vec!["check".into(), "--today".into(), "2026-02-30".into()],
            VALID,
            "--today",
        ),
        (
            vec!["check".into(), "--lang".into(), "de".into()],
            VALID,
            "--lang",
        ),
        (
            vec!["check".into(), "--colour".into(), "red".into()],
            VALID,
            "unknown option",
        ),
        (
            vec!["check".into(), "a.json".into(), "b.json".into()],
            VALID,
            "one application",
        ),
        (
            vec!["check".into(), missing.to_string_lossy().into_owned()],
            "",
            "cannot read",
        ),
    ];
    for (args, stdin, needle) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = tirkeu(&args, Some(stdin));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr:?}");
        assert!(
            stderr.starts_with("tirkeu: ") && stderr.contains(needle),
            "{args:?}: {stderr:?}"
        );
    }
    let path = temp_file("latin1.json", "");
    std::fs::write(&path, [b'{', 0xff, b'}']).unwrap();
    let output = tirkeu(&["check", path.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not UTF-8"));
}
