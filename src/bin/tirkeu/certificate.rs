//! Certificate commands: placeholders until the certificate core lands.

use std::process::ExitCode;

fn not_yet() -> ExitCode {
    super::args::unusable("certificate commands are not built yet")
}
pub fn keygen(_argv: Vec<String>) -> ExitCode {
    not_yet()
}
pub fn issue(_argv: Vec<String>) -> ExitCode {
    not_yet()
}
pub fn trust_list(_argv: Vec<String>) -> ExitCode {
    not_yet()
}
pub fn status_list(_argv: Vec<String>) -> ExitCode {
    not_yet()
}
pub fn verify(_argv: Vec<String>) -> ExitCode {
    not_yet()
}
