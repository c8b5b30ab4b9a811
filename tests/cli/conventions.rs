//! The command line behaves like one: every command answers `--help` and `-h` with exit 0, a
//! closed standard output ends a command quietly, and `tirkeu serve` is a bounded development
//! server (its own host names only, a budget for each request's head, no path of the build
//! machine).
//!
//! Source: interfaces.md, "Revision 2", command line.

use crate::support::cli::{TIRKEU, run_in, run_with_stdout_closed};
use crate::support::{demo_dir, project_path, scratch_dir};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const COMMANDS: [&str; 8] = [
    "check",
    "keygen",
    "issue",
    "trust-list",
    "status-list",
    "verify",
    "scan",
    "serve",
];

fn fixture(name: &str) -> PathBuf {
    project_path("tests/fixtures").join(name)
}

#[test]
fn every_command_has_help() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for command in COMMANDS {
        for flag in ["--help", "-h"] {
            let output = run_in(here, &[command, flag]);
            let text = String::from_utf8_lossy(&output.stdout);
            assert_eq!(output.status.code(), Some(0), "tirkeu {command} {flag}");
            assert!(
                text.starts_with(&format!("tirkeu {command}")),
                "tirkeu {command} {flag}: {text}"
            );
            assert!(output.stderr.is_empty(), "tirkeu {command} {flag}");
        }
        let output = run_in(here, &["help", command]);
        assert_eq!(output.status.code(), Some(0), "tirkeu help {command}");
        assert!(String::from_utf8_lossy(&output.stdout).starts_with(&format!("tirkeu {command}")));
    }
    let check = run_in(here, &["check", "--help"]);
    assert!(String::from_utf8_lossy(&check.stdout).contains("\"previousStays\""));
}

/// `tirkeu check app.json | head -1`: the reader closes the pipe after one line.
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let application = fixture("application.json");
    for _ in 0..10 {
        // The read end is closed at once, before the report is written.
        let output = run_with_stdout_closed(
            Command::new(TIRKEU)
                .args(["check", "--today", "2026-07-15"])
                .arg(&application),
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{:?}: {stderr}",
            output.status
        );
        assert!(stderr.is_empty(), "{stderr}");
    }
}

/// The same for a verification, which prints a whole result (the review saw 8 panics in 10).
#[test]
fn a_closed_pipe_ends_a_verification_quietly() {
    let demo = demo_dir();
    let certificate = std::fs::read_to_string(demo.join("certificate.txt")).unwrap();
    for _ in 0..10 {
        let output = run_with_stdout_closed(
            Command::new(TIRKEU)
                .arg("verify")
                .arg("--root")
                .arg(demo.join("root.pub.json"))
                .arg("--trust")
                .arg(demo.join("trust-list.cose"))
                .arg(certificate.trim()),
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(stderr.is_empty(), "{stderr}");
    }
}

/// A certificate's text holds spaces: passed unquoted it arrives as several arguments, and the
/// message says so rather than speak of an `--image` nobody gave.
#[test]
fn an_unquoted_certificate_text_is_explained() {
    let demo = demo_dir();
    let root = demo.join("root.pub.json");
    let trust = demo.join("trust-list.cose");
    let output = run_in(
        &demo,
        &[
            "verify",
            "--root",
            root.to_str().unwrap(),
            "--trust",
            trust.to_str().unwrap(),
            "KZ1:ABC",
            "DEF",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("quote"), "{stderr}");
    assert!(!stderr.contains("--image"), "{stderr}");
}

/// A served directory in a fresh place, and the server on a free port.
struct Server {
    child: Child,
    port: u16,
    base: PathBuf,
}

impl Server {
    fn start(name: &str) -> Server {
        let base = scratch_dir(&format!("serve-{name}"));
        std::fs::create_dir_all(base.join("www")).unwrap();
        std::fs::write(
            base.join("www/index.html"),
            "<!doctype html><title>t</title>",
        )
        .unwrap();
        std::fs::write(base.join("secret.txt"), "outside the root").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(base.join("secret.txt"), base.join("www/secret.txt")).unwrap();
        let mut child = Command::new(TIRKEU)
            .args(["serve", "--port", "0"])
            .current_dir(&base)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = Vec::new();
        let mut stdout = child.stdout.take().unwrap();
        let mut byte = [0u8];
        while stdout.read(&mut byte).unwrap() == 1 && byte[0] != b'\n' {
            line.push(byte[0]);
        }
        let line = String::from_utf8(line).unwrap();
        let port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Server { child, port, base }
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        stream
    }

    /// Sends `request` and reads until the server closes the connection.
    fn exchange(&self, request: &[u8]) -> String {
        let mut stream = self.connect();
        // The server may close before reading all of an oversized request.
        let _ = stream.write_all(request);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.base);
    }
}

fn get(path: &str, host: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").into_bytes()
}

#[test]
fn serve_takes_www_from_the_current_directory_only() {
    let empty = std::env::temp_dir().join(format!("tirkeu-serve-none-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let output = run_in(&empty, &["serve", "--port", "0"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--root"), "{stderr}");
    assert!(!stderr.contains(env!("CARGO_MANIFEST_DIR")), "{stderr}");
    let _ = std::fs::remove_dir_all(empty);
}

#[test]
fn serve_answers_its_own_host_names_only() {
    let server = Server::start("host");
    let own = format!("127.0.0.1:{}", server.port);
    assert!(
        server
            .exchange(&get("/", &own))
            .starts_with("HTTP/1.1 200 OK")
    );
    let local = format!("localhost:{}", server.port);
    assert!(
        server
            .exchange(&get("/", &local))
            .starts_with("HTTP/1.1 200 OK")
    );
    let rebound = server.exchange(&get("/", "attacker.example"));
    assert!(rebound.starts_with("HTTP/1.1 421"), "{rebound}");
    assert!(!rebound.contains("<title>"));
    let missing = server.exchange(b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert!(missing.starts_with("HTTP/1.1 421"), "{missing}");
}

#[cfg(unix)]
#[test]
fn serve_follows_no_link_out_of_its_root() {
    let server = Server::start("link");
    let own = format!("127.0.0.1:{}", server.port);
    let answer = server.exchange(&get("/secret.txt", &own));
    assert!(answer.starts_with("HTTP/1.1 404"), "{answer}");
    assert!(!answer.contains("outside the root"));
}

#[test]
fn serve_bounds_each_request_head() {
    let server = Server::start("head");
    let own = format!("127.0.0.1:{}", server.port);
    // 100,000 header lines (about 1.8 MB): refused once the 16 KB budget is spent.
    let mut request = format!("GET / HTTP/1.1\r\nHost: {own}\r\n").into_bytes();
    for i in 0..100_000 {
        request.extend_from_slice(format!("X-Filler-{i}: a\r\n").as_bytes());
    }
    request.extend_from_slice(b"\r\n");
    let answer = server.exchange(&request);
    assert!(
        !answer.contains("200 OK"),
        "{}",
        &answer[..answer.len().min(200)]
    );
    // Still serving afterwards.
    assert!(
        server
            .exchange(&get("/", &own))
            .starts_with("HTTP/1.1 200 OK")
    );
}

#[test]
fn serve_bounds_its_connections() {
    let server = Server::start("cap");
    let own = format!("127.0.0.1:{}", server.port);
    // Idle connections up to the cap and beyond: the ones beyond are told the server is busy,
    // and the server is still alive for the next client once they go.
    let idle: Vec<TcpStream> = (0..64).map(|_| server.connect()).collect();
    std::thread::sleep(Duration::from_millis(300));
    let mut extra = server.connect();
    let mut answer = String::new();
    let _ = extra.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    drop(idle);
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        server
            .exchange(&get("/", &own))
            .starts_with("HTTP/1.1 200 OK")
    );
}
