//! Running the command line's binary, for the tests built with feature `cli`.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The binary under test.
pub const TIRKEU: &str = env!("CARGO_BIN_EXE_tirkeu");

/// `tirkeu ARGS` with nothing on standard input.
pub fn run(args: &[&str]) -> Output {
    Command::new(TIRKEU)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// `tirkeu ARGS` run in `dir` (relative paths in ARGS are read from there), with nothing on
/// standard input.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(TIRKEU)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// `tirkeu ARGS` with `input` on standard input (an empty one for `None`). The input is written
/// from another thread, so that a command writing much before it reads all cannot block, and a
/// command that exits before reading (a bad option) leaves a broken pipe, which is no error here.
pub fn run_with_input(args: &[&str], input: Option<&[u8]>) -> Output {
    let mut child = Command::new(TIRKEU)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let bytes = input.unwrap_or_default().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&bytes);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

/// Runs `command` with its standard output closed at once, before it writes anything (a reader
/// such as `head -1` that has gone away), and returns its exit and standard error.
pub fn run_with_stdout_closed(command: &mut Command) -> Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

/// The arguments `verify --root ROOT --trust TRUST` and then `rest`: what every verification on
/// the command line starts with.
pub fn verify_args<'a>(root: &'a str, trust: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["verify", "--root", root, "--trust", trust];
    args.extend_from_slice(rest);
    args
}
