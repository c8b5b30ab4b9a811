//! The certificate commands of the command line (README, "The command line"): keygen ->
//! trust-list -> issue -> verify on the demonstration files and on fresh keys, exit codes 0
//! valid / 1 other status / 2 unusable with one line on stderr.

use crate::support::cli::{TIRKEU, run_in as run, verify_args};
use crate::support::{demo_dir as demo, scratch_dir};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh empty directory under the system's temporary directory.
fn scratch(name: &str) -> PathBuf {
    scratch_dir(&format!("cli-cert-{name}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(output)))
}

fn assert_unusable(output: &Output) {
    assert_eq!(output.status.code(), Some(2), "stdout: {}", stdout(output));
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line on stderr: {stderr:?}");
    assert!(stderr.starts_with("tirkeu: "), "{stderr:?}");
}

fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn demo_root() -> String {
    let file: serde_json::Value =
        serde_json::from_str(&read(demo().join("root.pub.json"))).unwrap();
    file["publicKey"].as_str().unwrap().to_owned()
}

#[test]
fn the_demo_certificate_verifies_with_the_demo_lists() {
    let certificate = read(demo().join("certificate.txt"));
    let output = run(
        &demo(),
        &verify_args(
            &demo_root(),
            "trust-list.cose",
            &[
                "--status",
                "status-list.cose",
                "--on",
                "2026-07-15",
                "--lang",
                "kk",
                certificate.trim(),
            ],
        ),
    );
    // Valid, but a DEMO verdict never exits 0.
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let result = json(&output);
    assert_eq!(result["status"], "valid");
    assert_eq!(result["demo"], true);
    assert_eq!(result["daysRemaining"], 75);
    assert_eq!(result["record"]["surname"], "ӘБІЛҚАСЫМОВА");
    assert_eq!(result["warnings"].as_array().unwrap().len(), 0);

    // The revoked sample, with the root given as a key file: exit 1.
    let revoked = read(demo().join("certificate-revoked.txt"));
    let output = run(
        &demo(),
        &verify_args(
            "root.pub.json",
            "trust-list.cose",
            &[
                "--status",
                "status-list.cose",
                "--on",
                "2026-07-15",
                revoked.trim(),
            ],
        ),
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["status"], "revoked");
}

#[test]
fn demo_files_are_reproducible() {
    // The command sequence of www/demo/README.md, in a scratch directory, gives the same bytes.
    // When a table of src/data/ changes, the data bundle is built again (www/demo/README.md).
    let dir = scratch("demo");
    let table = |name: &str| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/data")
            .join(name);
        path.to_string_lossy().into_owned()
    };
    for file in [
        "keyspec.json",
        "revoked.json",
        "record.json",
        "record-revoked.json",
    ] {
        std::fs::copy(demo().join(file), dir.join(file)).unwrap();
    }
    let seed = |phrase: &str| {
        use std::fmt::Write;
        let digest = <sha2::Sha256 as sha2::Digest>::digest(phrase.as_bytes());
        digest.iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
    };
    let steps: Vec<(Vec<String>, Option<&str>)> = vec![
        (
            vec![
                "keygen".into(),
                "--seed".into(),
                seed("tirkeu DEMO root key"),
                "--out".into(),
                "root.key.json".into(),
            ],
            Some("root.pub.json"),
        ),
        (
            vec![
                "keygen".into(),
                "--seed".into(),
                seed("tirkeu DEMO issuer key"),
                "--out".into(),
                "issuer.key.json".into(),
            ],
            Some("issuer.pub.json"),
        ),
        (
            vec![
                "keygen".into(),
                "--seed".into(),
                seed("tirkeu DEMO status key"),
                "--out".into(),
                "status.key.json".into(),
            ],
            Some("status.pub.json"),
        ),
        (
            vec![
                "keygen".into(),
                "--seed".into(),
                seed("tirkeu DEMO data key"),
                "--out".into(),
                "data.key.json".into(),
            ],
            Some("data.pub.json"),
        ),
        (
            [
                "trust-list",
                "--root",
                "root.key.json",
                "--out",
                "trust-list.cose",
                "keyspec.json",
            ]
            .map(String::from)
            .to_vec(),
            None,
        ),
        (
            [
                "status-list",
                "--key",
                "status.key.json",
                "--out",
                "status-list.cose",
                "revoked.json",
            ]
            .map(String::from)
            .to_vec(),
            None,
        ),
        (
            [
                "data-bundle",
                "--key",
                "data.key.json",
                "--out",
                "data-bundle.cose",
                "--version",
                "2026-03-18.2-demo",
                "--iat",
                "2026-07-01",
                "--next",
                "2031-01-01",
                "--calendar",
                &table("kz-non-working-days.csv"),
                "--regimes",
                &table("visa-regimes.csv"),
                "--regions",
                &table("kz-regions.csv"),
            ]
            .map(String::from)
            .to_vec(),
            None,
        ),
        (
            [
                "issue",
                "--key",
                "issuer.key.json",
                "--iat",
                "1782882000",
                "record.json",
            ]
            .map(String::from)
            .to_vec(),
            Some("certificate.txt"),
        ),
        (
            [
                "issue",
                "--key",
                "issuer.key.json",
                "--iat",
                "1782882000",
                "record-revoked.json",
            ]
            .map(String::from)
            .to_vec(),
            Some("certificate-revoked.txt"),
        ),
    ];
    for (args, stdout_file) in steps {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(&dir, &args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        if let Some(file) = stdout_file {
            std::fs::write(dir.join(file), &output.stdout).unwrap();
        }
    }
    for file in [
        "root.key.json",
        "root.pub.json",
        "issuer.key.json",
        "issuer.pub.json",
        "status.key.json",
        "status.pub.json",
        "data.key.json",
        "data.pub.json",
        "trust-list.cose",
        "status-list.cose",
        "data-bundle.cose",
        "certificate.txt",
        "certificate-revoked.txt",
    ] {
        let made = std::fs::read(dir.join(file)).unwrap();
        let committed = std::fs::read(demo().join(file)).unwrap();
        assert!(made == committed, "{file} differs from www/demo/{file}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn keygen_trust_list_issue_verify_on_fresh_keys() {
    let dir = scratch("fresh");
    let root = run(&dir, &["keygen", "--out", "root.json"]);
    assert_eq!(root.status.code(), Some(0));
    let root_public: serde_json::Value = json(&root);
    assert!(
        root_public.get("secretKey").is_none(),
        "stdout is the public key file"
    );
    assert_eq!(
        run(&dir, &["keygen", "--out", "issuer.json"]).status.code(),
        Some(0)
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("root.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o777,
            0o600,
            "a secret key file is readable by its owner only"
        );
    }
    // Two fresh keys differ (system randomness).
    assert_ne!(read(dir.join("root.json")), read(dir.join("issuer.json")));
    std::fs::write(
        dir.join("keyspec.json"),
        r#"{"iat": 1782846000, "next": 1924974000,
            "keys": [{"keyFile": "issuer.json", "name": "Fresh office", "from": 0, "status": "active",
                      "use": ["cert", "status"]}]}"#,
    )
    .unwrap();
    let trust = run(
        &dir,
        &[
            "trust-list",
            "--root",
            "root.json",
            "--out",
            "trust.cose",
            "keyspec.json",
        ],
    );
    assert_eq!(
        trust.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&trust.stderr)
    );
    assert_eq!(json(&trust)["keys"][0]["name"], "Fresh office");
    std::fs::write(
        dir.join("revoked.json"),
        r#"{"iat": 1782846000, "next": 1924974000, "revoked": []}"#,
    )
    .unwrap();
    let status = run(
        &dir,
        &[
            "status-list",
            "--key",
            "issuer.json",
            "--out",
            "status.cose",
            "revoked.json",
        ],
    );
    assert_eq!(status.status.code(), Some(0));

    let record = demo().join("record.json");
    let issued = run(
        &dir,
        &["issue", "--key", "issuer.json", record.to_str().unwrap()],
    );
    assert_eq!(
        issued.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&issued.stderr)
    );
    let text = stdout(&issued);
    assert!(text.starts_with("KZ1:") && text.ends_with('\n'));

    let verify = |on: &str| {
        run(
            &dir,
            &verify_args(
                "root.json",
                "trust.cose",
                &["--status", "status.cose", "--on", on, text.trim()],
            ),
        )
    };
    let valid = verify("2026-07-15");
    assert_eq!(valid.status.code(), Some(0));
    assert_eq!(json(&valid)["demo"], false);
    let expired = verify("2026-12-31");
    assert_eq!(expired.status.code(), Some(1));
    assert_eq!(json(&expired)["status"], "expired");

    // Without a status list: unconfirmed (exit 1), with warning status.missing. Text from
    // standard input.
    let mut child = Command::new(TIRKEU)
        .current_dir(&dir)
        .args(verify_args(
            "root.json",
            "trust.cose",
            &["--on", "2026-07-15", "-"],
        ))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let piped = child.wait_with_output().unwrap();
    assert_eq!(piped.status.code(), Some(1));
    assert_eq!(json(&piped)["status"], "unconfirmed");
    assert_eq!(json(&piped)["warnings"][0]["code"], "status.missing");

    // Verified against the demo root instead: the trust list is refused, exit 2.
    let wrong_root = run(
        &dir,
        &verify_args(&demo_root(), "trust.cose", &[text.trim()]),
    );
    assert_unusable(&wrong_root);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn other_statuses_exit_1() {
    let output = run(
        &demo(),
        &verify_args(&demo_root(), "trust-list.cose", &["https://egov.kz"]),
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["status"], "not_a_certificate");
    let output = run(
        &demo(),
        &verify_args(&demo_root(), "trust-list.cose", &["KZ1:GGW"]),
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["stage"], "base45");
}

#[test]
fn unusable_input_is_exit_2_with_one_line() {
    let dir = scratch("unusable");
    let demo = demo();
    let d = |file: &str| demo.join(file).to_string_lossy().into_owned();
    std::fs::write(dir.join("bad-record.json"), r#"{"surname": "X"}"#).unwrap();
    std::fs::write(dir.join("weak-keyspec.json"), format!(
        r#"{{"iat": 0, "next": 1, "keys": [{{"publicKey": "{}", "name": "weak", "from": 0, "status": "active"}}]}}"#,
        "01".to_owned() + &"00".repeat(31)
    ))
    .unwrap();
    std::fs::write(dir.join("not-a-list.cose"), b"\xd2\x84").unwrap();
    let (root, trust) = (demo_root(), d("trust-list.cose"));
    let owned = |args: Vec<&str>| -> Vec<String> { args.into_iter().map(String::from).collect() };
    let cases: Vec<Vec<String>> = vec![
        vec!["keygen".into()],
        vec!["keygen".into(), "--out".into(), d("root.key.json")],
        vec![
            "keygen".into(),
            "--out".into(),
            "x.json".into(),
            "--seed".into(),
            "zz".into(),
        ],
        vec![
            "issue".into(),
            "--key".into(),
            d("issuer.pub.json"),
            d("record.json"),
        ],
        vec![
            "issue".into(),
            "--key".into(),
            d("issuer.key.json"),
            "bad-record.json".into(),
        ],
        vec![
            "issue".into(),
            "--key".into(),
            d("issuer.key.json"),
            "--iat".into(),
            "soon".into(),
            d("record.json"),
        ],
        vec![
            "issue".into(),
            "--key".into(),
            "missing.json".into(),
            d("record.json"),
        ],
        vec![
            "trust-list".into(),
            "--root".into(),
            d("root.key.json"),
            "--out".into(),
            "t.cose".into(),
            "weak-keyspec.json".into(),
        ],
        vec![
            "status-list".into(),
            "--key".into(),
            d("issuer.key.json"),
            "--out".into(),
            "s.cose".into(),
            d("record.json"),
        ],
        owned(verify_args("1234", &trust, &["KZ1:"])),
        owned(verify_args(&root, "not-a-list.cose", &["KZ1:"])),
        owned(verify_args(&root, &trust, &["--status", &trust, "KZ1:"])),
        owned(verify_args(&root, &trust, &["--on", "2026-02-30", "KZ1:"])),
        owned(verify_args(&root, &trust, &[])),
        owned(verify_args(&root, &trust, &["--image", "none.png"])),
        owned(verify_args(&root, &trust, &["--bogus", "1"])),
    ];
    for args in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(&dir, &args);
        assert_unusable(&output);
    }
    assert!(!dir.join("t.cose").exists() && !dir.join("s.cose").exists());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn help_documents_the_file_formats() {
    for (command, needle) in [
        ("keygen", "secretKey"),
        ("issue", "applicationNumber"),
        ("trust-list", "keyFile"),
        ("status-list", "revoked"),
        ("verify", "--root"),
    ] {
        let output = run(&demo(), &[command, "--help"]);
        assert_eq!(output.status.code(), Some(0));
        assert!(stdout(&output).contains(needle), "{command}");
    }
}

// ---- revision 2 of the trust model on the command line ---------------------------------------

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

const DAY: i64 = 86_400;

/// A production deployment in `dir`, dated relative to the real clock: a root, an issuer
/// (`use` cert) and a status key (`use` status), a trust list issued `age` seconds ago whose
/// next update is `next_in` seconds from now, and a status list of the same dates revoking
/// `2026-000000666` and covering 2026 up to 999999.
fn production(dir: &Path, age: i64, next_in: i64) {
    for (name, seed) in [("root", "11"), ("issuer", "22"), ("status", "33")] {
        let output = run(
            dir,
            &[
                "keygen",
                "--seed",
                &seed.repeat(32),
                "--out",
                &format!("{name}.key.json"),
            ],
        );
        assert_eq!(output.status.code(), Some(0));
        std::fs::write(dir.join(format!("{name}.pub.json")), &output.stdout).unwrap();
    }
    let (iat, next) = (now() - age, now() + next_in);
    std::fs::write(
        dir.join("keyspec.json"),
        format!(
            r#"{{"iat": {iat}, "next": {next}, "keys": [
                {{"keyFile": "issuer.pub.json", "name": "Office", "from": "2026-01-01",
                  "status": "active", "use": ["cert"]}},
                {{"keyFile": "status.pub.json", "name": "Status", "from": "2026-01-01T00:00:00+05:00",
                  "status": "active", "use": ["status"]}}]}}"#
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("revoked.json"),
        format!(
            r#"{{"iat": {iat}, "next": {next}, "issued": {{"2026": 999999}},
                "revoked": ["2026-000000666"]}}"#
        ),
    )
    .unwrap();
    for args in [
        [
            "trust-list",
            "--root",
            "root.key.json",
            "--out",
            "trust.cose",
            "keyspec.json",
        ],
        [
            "status-list",
            "--key",
            "status.key.json",
            "--out",
            "status.cose",
            "revoked.json",
        ],
    ] {
        let output = run(dir, &args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// Issues `record.json` of the demo with another number and stay, by the scratch issuer.
fn issue_in(dir: &Path, name: &str, number: &str, stay: (&str, &str)) -> String {
    let mut record: serde_json::Value =
        serde_json::from_str(&read(demo().join("record.json"))).unwrap();
    record["applicationNumber"] = number.into();
    record["stayFrom"] = stay.0.into();
    record["stayTo"] = stay.1.into();
    let file = format!("{name}.json");
    std::fs::write(dir.join(&file), record.to_string()).unwrap();
    let output = run(
        dir,
        &[
            "issue",
            "--key",
            "issuer.key.json",
            "--iat",
            "1782882000",
            &file,
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout(&output).trim().to_owned()
}

fn verify_in(dir: &Path, extra: &[&str]) -> Output {
    let lists = ["--status", "status.cose", "--on", "2026-07-15"];
    run(
        dir,
        &verify_args("root.pub.json", "trust.cose", &[&lists, extra].concat()),
    )
}

/// An image holding each text's QR code, side by side.
fn image_of(dir: &Path, name: &str, texts: &[&str]) -> String {
    let codes: Vec<_> = texts
        .iter()
        .map(|text| tirkeu::qr::encode(text).unwrap().to_luma(4, 4).unwrap())
        .collect();
    let width: u32 = codes.iter().map(|c| c.width()).sum();
    let height = codes.iter().map(|c| c.height()).max().unwrap();
    let mut image = image::GrayImage::from_pixel(width, height, image::Luma([255]));
    let mut left = 0;
    for code in codes {
        let (w, h) = (code.width(), code.height());
        let pixels = image::GrayImage::from_raw(w, h, code.into_pixels()).unwrap();
        image::imageops::replace(&mut image, &pixels, i64::from(left), 0);
        left += w;
    }
    let file = format!("{name}.png");
    image.save(dir.join(&file)).unwrap();
    file
}

/// The sample record (2026-000000123, stay 2026-07-01 to 2026-09-28) issued by the scratch issuer.
fn sample_in(dir: &Path) -> String {
    issue_in(dir, "valid", "2026-000000123", ("2026-07-01", "2026-09-28"))
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

#[test]
fn several_codes_in_one_image_give_a_result_each_and_the_worst_exit() {
    let dir = scratch("several");
    production(&dir, DAY, 30 * DAY);
    let valid = sample_in(&dir);
    let other = issue_in(
        &dir,
        "other",
        "2026-000000124",
        ("2026-07-01", "2026-09-28"),
    );
    let revoked = issue_in(
        &dir,
        "revoked",
        "2026-000000666",
        ("2026-07-01", "2026-09-28"),
    );
    // Revoked on the left or on the right: the same answer, the worst first.
    for texts in [[&valid, &revoked], [&revoked, &valid]] {
        let image = image_of(&dir, "two", &[texts[0].as_str(), texts[1].as_str()]);
        let output = verify_in(&dir, &["--image", &image]);
        assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
        let results = json_lines(&output);
        let statuses: Vec<_> = results.iter().map(|r| r["status"].clone()).collect();
        assert_eq!(statuses, ["revoked", "valid"], "one JSON object a line");
    }
    // Two valid production certificates: exit 0.
    let image = image_of(&dir, "valid", &[&valid, &other]);
    let output = verify_in(&dir, &["--image", &image]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json_lines(&output).len(), 2);
    // One code: the pretty single object, as before.
    let image = image_of(&dir, "one", &[&valid]);
    let output = verify_in(&dir, &["--image", &image]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)["status"], "valid");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn unconfirmed_and_demo_verdicts_never_exit_0() {
    let dir = scratch("unconfirmed");
    production(&dir, DAY, 30 * DAY);
    let valid = sample_in(&dir);
    let output = verify_in(&dir, &[&valid]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)["demo"], false);
    // Without --status: unconfirmed, exit 1.
    let output = run(
        &dir,
        &verify_args(
            "root.pub.json",
            "trust.cose",
            &["--on", "2026-07-15", &valid],
        ),
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["status"], "unconfirmed");
    assert_eq!(json(&output)["warnings"][0]["code"], "status.missing");
    // Not covered: issued before the list, past the 999999 it covers.
    let uncovered = issue_in(
        &dir,
        "uncovered",
        "2026-001000000",
        ("2026-07-01", "2026-09-28"),
    );
    let output = verify_in(&dir, &[&uncovered]);
    // Issued at 1782882000, long before the list: unconfirmed.
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["warnings"][0]["code"], "status.not_covered");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn grace_days_decide_when_a_stale_list_expires() {
    // Lists issued 30 days ago whose next update passed 3 days ago.
    let dir = scratch("grace");
    production(&dir, 30 * DAY, -3 * DAY);
    let valid = sample_in(&dir);
    let stale = verify_in(&dir, &[&valid]);
    assert_eq!(stale.status.code(), Some(0));
    let codes: Vec<_> = json(&stale)["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].clone())
        .collect();
    assert_eq!(codes, ["trust.stale", "status.stale"]);
    let expired = verify_in(&dir, &["--grace-days", "2", &valid]);
    assert_eq!(expired.status.code(), Some(1));
    let result = json(&expired);
    assert_eq!(result["status"], "unconfirmed");
    assert_eq!(result["warnings"][0]["code"], "trust.expired");
    assert_eq!(result["warnings"][0]["ageDays"], 30);
    assert_eq!(result["warnings"][1]["code"], "status.expired");
    for bad in ["-1", "seven", "1.5"] {
        assert_unusable(&verify_in(&dir, &["--grace-days", bad, &valid]));
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_list_issued_in_the_future_is_unusable() {
    let dir = scratch("future");
    production(&dir, -2 * DAY, 30 * DAY);
    let valid = sample_in(&dir);
    let output = verify_in(&dir, &[&valid]);
    assert_unusable(&output);
    assert!(String::from_utf8_lossy(&output.stderr).contains("future"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_issuer_refuses_sequences_no_status_list_can_hold() {
    let dir = scratch("sequences");
    production(&dir, DAY, 30 * DAY);
    let mut record: serde_json::Value =
        serde_json::from_str(&read(demo().join("record.json"))).unwrap();
    record["applicationNumber"] = "2026-134217728".into();
    std::fs::write(dir.join("high.json"), record.to_string()).unwrap();
    assert_unusable(&run(
        &dir,
        &["issue", "--key", "issuer.key.json", "high.json"],
    ));
    let sign_status = || {
        let args = [
            "status-list",
            "--key",
            "status.key.json",
            "--out",
            "r.cose",
            "r.json",
        ];
        run(&dir, &args)
    };
    for revoked in [
        r#"{"iat": 1, "next": 2, "revoked": ["2026-134217728"]}"#,
        r#"{"iat": 1, "next": 2, "issued": {"2026": 134217728}, "revoked": []}"#,
        r#"{"iat": 1, "next": 2, "issued": {"2026": 10}, "revoked": ["2026-000000011"]}"#,
        r#"{"iat": 2, "next": 2, "revoked": []}"#,
    ] {
        std::fs::write(dir.join("r.json"), revoked).unwrap();
        assert_unusable(&sign_status());
    }
    // The summary names the years' sizes.
    std::fs::write(
        dir.join("r.json"),
        r#"{"iat": "2026-07-01", "next": "2026-07-02T00:00:00+05:00", "issued": {"2026": 1200345},
            "revoked": ["2026-000000001", "2025-000000007"]}"#,
    )
    .unwrap();
    let output = sign_status();
    assert_eq!(output.status.code(), Some(0));
    let summary = json(&output);
    assert_eq!(summary["version"], 2);
    assert_eq!(summary["iat"], 1_782_846_000);
    assert_eq!(summary["lists"][0]["year"], 2025);
    assert_eq!(summary["lists"][0]["size"], 8);
    assert_eq!(summary["lists"][1]["size"], 1_200_346);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_published_data_bundle_corrects_the_2027_calendar_for_check() {
    // A deployment's correction (README, "Correcting the tables without a release"): the 2027
    // decree moves the day off of Saturday 9 January to Friday 8 January and makes 2027
    // official; signed with the DEMO data key, checked against the DEMO trust list. Rules p.5:
    // the 5th working day after a move on Friday 8 January.
    let dir = scratch("data-bundle");
    let tables = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/data");
    let mut rows: Vec<String> = read(tables.join("kz-non-working-days.csv"))
        .lines()
        .map(|line| {
            if line.starts_with("2027-") {
                line.replace(",provisional,", ",official,")
            } else {
                line.to_owned()
            }
        })
        .collect();
    rows.push("2027-01-08,transfer,moved from 2027-01-09,official,Decree".into());
    rows.push("2027-01-09,working_weekend,moved to 2027-01-08,official,Decree".into());
    let (mut head, mut dated): (Vec<String>, Vec<String>) =
        rows.into_iter().partition(|line| !line.starts_with("20"));
    dated.sort();
    head.extend(dated);
    std::fs::write(dir.join("calendar.csv"), head.join("\n") + "\n").unwrap();
    let table = |name: &str| tables.join(name).to_string_lossy().into_owned();
    let key = |name: &str| demo().join(name).to_string_lossy().into_owned();
    let bundle = |signer: &str, out: &str, calendar: &str| {
        run(
            &dir,
            &[
                "data-bundle",
                "--key",
                &key(signer),
                "--out",
                out,
                "--version",
                "2027.1",
                "--iat",
                "2026-12-01",
                "--next",
                "2027-12-31",
                "--calendar",
                calendar,
                "--regimes",
                &table("visa-regimes.csv"),
                "--regions",
                &table("kz-regions.csv"),
            ],
        )
    };
    let made = bundle("data.key.json", "decree.cose", "calendar.csv");
    assert_eq!(made.status.code(), Some(0), "{made:?}");
    assert_eq!(json(&made)["version"], "2027.1");
    let application = serde_json::json!({
        "immigrant": { "surname": "IVANOV", "givenNames": "IVAN", "birthDate": "1990-05-17",
            "citizenship": "RUS", "passport": { "number": "751234567", "kind": "ordinary",
            "expiresOn": "2031-01-01" } },
        "entry": { "date": "2026-12-01", "purpose": "private" },
        "host": { "kind": "person", "id": "900515300127", "name": "АХМЕТОВ АСЕТ" },
        "address": { "region": "ALA", "locality": "Алматы", "street": "Абая", "building": "10",
            "apartment": "5", "premises": "apartment" },
        "stay": { "from": "2026-12-01", "to": "2027-02-20" },
        "addressChange": { "movedOn": "2027-01-08" }
    });
    std::fs::write(dir.join("application.json"), application.to_string()).unwrap();
    let check = |extra: &[&str]| {
        let trust = key("trust-list.cose");
        let root = key("root.pub.json");
        let mut args = vec!["check", "application.json", "--today", "2027-01-08"];
        if !extra.is_empty() {
            args.extend(["--trust", trust.as_str(), "--root", root.as_str()]);
            args.extend(extra);
        }
        run(&dir, &args)
    };
    let compiled = json(&check(&[]));
    assert_eq!(compiled["reRegistration"]["registerBy"], "2027-01-15");
    assert_eq!(compiled["reRegistration"]["provisional"], true);
    let corrected = json(&check(&["--data", "decree.cose"]));
    assert_eq!(corrected["reRegistration"]["registerBy"], "2027-01-14");
    assert_eq!(corrected["reRegistration"]["provisional"], false);
    assert_eq!(corrected["dataVersion"], "2027.1");

    // Signed by the certificate key: refused, exit 2.
    let wrong = bundle("issuer.key.json", "wrong.cose", "calendar.csv");
    assert_eq!(wrong.status.code(), Some(0));
    let refused = check(&["--data", "wrong.cose"]);
    assert_unusable(&refused);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("may not sign data bundles"));
    // A transfer on a weekend never gets signed: the file and line are named.
    let weekend =
        read(dir.join("calendar.csv")).replace("2027-01-08,transfer", "2027-01-10,transfer");
    std::fs::write(dir.join("weekend.csv"), weekend).unwrap();
    let bad = bundle("data.key.json", "weekend.cose", "weekend.csv");
    assert_unusable(&bad);
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("weekend.csv:") && stderr.contains("transfer"),
        "{stderr}"
    );
    assert!(!dir.join("weekend.cose").exists());
}
