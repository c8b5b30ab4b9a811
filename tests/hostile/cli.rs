//! No panic reachable from any CLI command: every command and option gets files and values of
//! every hostile input class (empty, huge, deeply nested JSON and CBOR, invalid UTF-8, negative
//! and fractional numbers where integers belong, 0000-00-00 and 9999-12-31, right-to-left and
//! zero-width characters, NFD names) and must answer with exit code 0, 1 or 2, never a panic
//! (exit 101) or a signal, and never a backtrace.
//!
//! Source: the hostile-input issue; interfaces.md ("Command line": exit codes 0 / 1 / 2).

use crate::support::cli::{TIRKEU, run, run_with_input, verify_args};
use crate::support::{demo_dir, scratch_dir};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn demo(file: &str) -> String {
    demo_dir().join(file).to_string_lossy().into_owned()
}

fn assert_no_panic(args: &[&str], output: &Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let shown: Vec<String> = args.iter().map(|a| a.chars().take(60).collect()).collect();
    assert!(
        matches!(output.status.code(), Some(0..=2)),
        "tirkeu {shown:?}: {:?}\n{stderr}",
        output.status
    );
    assert!(!stderr.contains("panicked"), "tirkeu {shown:?}: {stderr}");
}

/// Hostile files, by class, in a fresh directory.
fn hostile_files() -> (PathBuf, Vec<PathBuf>) {
    let dir = scratch_dir("hostile-cli");
    let deep_json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_object = format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("huge.json", format!("[{}1]", "1,".repeat(4 << 20)).into_bytes()),
        ("huge-string.json", format!("\"{}\"", "A".repeat(8 << 20)).into_bytes()),
        ("deep.json", deep_json.into_bytes()),
        ("deep-object.json", deep_object.into_bytes()),
        ("deep.cbor", vec![0x81; 100_000]),
        ("maps.cbor", vec![0xa1; 100_000]),
        ("huge-length.cbor", vec![0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
        ("invalid-utf8", vec![0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0xc0, 0x80, 0x7d]),
        ("bom.json", b"\xef\xbb\xbf{}".to_vec()),
        ("numbers.json", br#"{"entry":{"date":-1},"immigrant":{"birthDate":1.5},"iat":-1.5,"next":1e400,"keys":-1,"revoked":[1.5]}"#.to_vec()),
        ("dates.json", br#"{"entry":{"date":"0000-00-00"},"stay":{"from":"9999-12-31","to":"0000-00-00"},"stayFrom":"0000-00-00","stayTo":"9999-12-31"}"#.to_vec()),
        ("names.json", "{\"immigrant\":{\"surname\":\"\u{202e}VONAVI\u{200b}\",\"givenNames\":\"\u{418}\u{306}\"},\"surname\":\"A\u{301}\"}".as_bytes().to_vec()),
        ("record-nfd.json", std::fs::read_to_string(demo("record.json")).unwrap().replace("Ә", "\u{410}\u{308}").into_bytes()),
        ("keyspec-numbers.json", br#"{"iat":-1,"next":1.5,"keys":[{"publicKey":"00","name":"","from":-1e300,"status":"active"}]}"#.to_vec()),
        ("revoked-numbers.json", br#"{"iat":-9223372036854775809,"next":0,"revoked":["0000-000000000","9999-999999999","2026-\u202e000000001"]}"#.to_vec()),
        ("key-numbers.json", br#"{"algorithm":"Ed25519","publicKey":-1,"secretKey":1.5,"kid":[]}"#.to_vec()),
        ("not-an-image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xff\xff\xff\xff\xff\xff\xff\x08\x02\0\0\0".to_vec()),
        ("truncated.jpg", vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
        ("status-list.cose", std::fs::read(demo("status-list.cose")).unwrap()),
    ];
    let paths = files
        .into_iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect();
    (dir, paths)
}

fn hostile_values() -> Vec<String> {
    vec![
        String::new(),
        "-1".into(),
        "1.5".into(),
        "-0".into(),
        "1e400".into(),
        "99999999999999999999999".into(),
        "0000-00-00".into(),
        "9999-12-31".into(),
        "\u{202e}2026-07-15".into(),
        "2026-07-15\u{200b}".into(),
        "\u{fffd}".into(),
        "A".repeat(1 << 16),
        "KZ1:".into(),
        format!("KZ1:{}", "0".repeat(100_000)),
    ]
}

#[test]
fn every_command_takes_every_hostile_file() {
    let (dir, files) = hostile_files();
    let out = dir.join("out").to_string_lossy().into_owned();
    let root = std::fs::read_to_string(demo("root.pub.json")).unwrap();
    let root: serde_json::Value = serde_json::from_str(&root).unwrap();
    let root = root["publicKey"].as_str().unwrap().to_owned();
    let (issuer_key, root_key, trust) = (
        demo("issuer.key.json"),
        demo("root.key.json"),
        demo("trust-list.cose"),
    );
    let (record, keyspec, revoked) = (
        demo("record.json"),
        demo("keyspec.json"),
        demo("revoked.json"),
    );
    for file in &files {
        let file = file.to_string_lossy().into_owned();
        let f = file.as_str();
        let runs: Vec<Vec<&str>> = vec![
            vec!["check", f],
            vec!["check", f, "--today", "9999-12-31", "--lang", "kk"],
            vec!["issue", "--key", &issuer_key, f],
            vec!["issue", "--key", f, &record],
            vec!["trust-list", "--root", &root_key, "--out", &out, f],
            vec!["trust-list", "--root", f, "--out", &out, &keyspec],
            vec!["status-list", "--key", &issuer_key, "--out", &out, f],
            vec!["status-list", "--key", f, "--out", &out, &revoked],
            verify_args(&root, f, &["KZ1:ABC"]),
            verify_args(&root, &trust, &["--status", f, "KZ1:ABC"]),
            verify_args(&root, &trust, &["--image", f]),
            vec!["scan", f],
        ];
        for args in runs {
            assert_no_panic(&args, &run(&args));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_option_takes_every_hostile_value() {
    let dir = std::env::temp_dir().join(format!("tirkeu-hostile-opt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("out").to_string_lossy().into_owned();
    let root = "1978b1eb5d2bcb7cd28282f0f39bec9ee07bbae45bf1c9e815e20a0c06119537";
    let trust = demo("trust-list.cose");
    let certificate = std::fs::read_to_string(demo("certificate.txt")).unwrap();
    let (record, issuer_key) = (demo("record.json"), demo("issuer.key.json"));
    let (record, issuer_key) = (record.as_str(), issuer_key.as_str());
    for value in hostile_values() {
        let v = value.as_str();
        let runs: Vec<Vec<&str>> = vec![
            vec!["check", record, "--today", v],
            vec!["check", record, "--lang", v],
            vec!["check", v],
            vec!["keygen", "--out", &out, "--seed", v],
            vec!["issue", "--key", issuer_key, "--iat", v, record],
            verify_args(v, &trust, &[certificate.trim()]),
            verify_args(root, &trust, &["--on", v, certificate.trim()]),
            verify_args(root, &trust, &["--lang", v, certificate.trim()]),
            verify_args(root, &trust, &[v]),
            verify_args(root, &trust, &["--grace-days", v, certificate.trim()]),
            vec!["scan", v],
            vec!["serve", "--port", v],
            vec![v],
            vec!["check", "--today"],
            vec!["verify", "--root"],
        ];
        for args in runs {
            if args == ["serve", "--port", ""] {
                continue; // an empty port: the parser's business, and "0" would start a server
            }
            assert_no_panic(&args, &run(&args));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8_are_refused() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let bad = OsStr::from_bytes(&[0x66, 0xff, 0xfe]);
    for command in ["check", "verify", "scan", "issue", "keygen", "serve"] {
        let output = Command::new(TIRKEU)
            .arg(command)
            .arg(bad)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_no_panic(&[command, "<not UTF-8>"], &output);
    }
    let output = Command::new(TIRKEU).arg(bad).output().unwrap();
    assert_no_panic(&["<not UTF-8>"], &output);
}

#[test]
fn check_reads_hostile_standard_input() {
    for input in [
        &b""[..],
        b"\xff\xfe\xfd",
        b"{\"immigrant\":{\"surname\":\"\xd0\"}}",
        &[b'['; 200_000],
    ] {
        let output = run_with_input(&["check", "-"], Some(input));
        assert_no_panic(&["check", "-"], &output);
        assert_eq!(output.status.code(), Some(2));
    }
}
