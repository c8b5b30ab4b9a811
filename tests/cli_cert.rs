//! The certificate commands of the command line (interfaces.md, "Command line"): keygen ->
//! trust-list -> issue -> verify on the demonstration files and on fresh keys, exit codes 0
//! valid / 1 other status / 2 unusable with one line on stderr.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TIRKEU: &str = env!("CARGO_BIN_EXE_tirkeu");

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("www/demo")
}

/// A fresh empty directory under the system's temporary directory.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tirkeu-cli-cert-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(TIRKEU)
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
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
        &[
            "verify",
            "--root",
            &demo_root(),
            "--trust",
            "trust-list.cose",
            "--status",
            "status-list.cose",
            "--on",
            "2026-07-15",
            "--lang",
            "kk",
            certificate.trim(),
        ],
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
        &[
            "verify",
            "--root",
            "root.pub.json",
            "--trust",
            "trust-list.cose",
            "--status",
            "status-list.cose",
            "--on",
            "2026-07-15",
            revoked.trim(),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["status"], "revoked");
}

#[test]
fn demo_files_are_reproducible() {
    // The command sequence of www/demo/README.md, in a scratch directory, gives the same bytes.
    let dir = scratch("demo");
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
        "trust-list.cose",
        "status-list.cose",
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
            &[
                "verify",
                "--root",
                "root.json",
                "--trust",
                "trust.cose",
                "--status",
                "status.cose",
                "--on",
                on,
                text.trim(),
            ],
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
        .args([
            "verify",
            "--root",
            "root.json",
            "--trust",
            "trust.cose",
            "--on",
            "2026-07-15",
            "-",
        ])
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
        &[
            "verify",
            "--root",
            &demo_root(),
            "--trust",
            "trust.cose",
            text.trim(),
        ],
    );
    assert_unusable(&wrong_root);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn other_statuses_exit_1() {
    let output = run(
        &demo(),
        &[
            "verify",
            "--root",
            &demo_root(),
            "--trust",
            "trust-list.cose",
            "https://egov.kz",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["status"], "not_a_certificate");
    let output = run(
        &demo(),
        &[
            "verify",
            "--root",
            &demo_root(),
            "--trust",
            "trust-list.cose",
            "KZ1:GGW",
        ],
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
        vec![
            "verify".into(),
            "--root".into(),
            "1234".into(),
            "--trust".into(),
            d("trust-list.cose"),
            "KZ1:".into(),
        ],
        vec![
            "verify".into(),
            "--root".into(),
            demo_root(),
            "--trust".into(),
            "not-a-list.cose".into(),
            "KZ1:".into(),
        ],
        vec![
            "verify".into(),
            "--root".into(),
            demo_root(),
            "--trust".into(),
            d("trust-list.cose"),
            "--status".into(),
            d("trust-list.cose"),
            "KZ1:".into(),
        ],
        vec![
            "verify".into(),
            "--root".into(),
            demo_root(),
            "--trust".into(),
            d("trust-list.cose"),
            "--on".into(),
            "2026-02-30".into(),
            "KZ1:".into(),
        ],
        vec![
            "verify".into(),
            "--root".into(),
            demo_root(),
            "--trust".into(),
            d("trust-list.cose"),
        ],
        vec![
            "verify".into(),
            "--root".into(),
            demo_root(),
            "--trust".into(),
            d("trust-list.cose"),
            "--image".into(),
            "none.png".into(),
        ],
        vec![
            "verify".into(),
            "--root".into(),
            demo_root(),
            "--trust".into(),
            d("trust-list.cose"),
            "--bogus".into(),
            "1".into(),
        ],
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
