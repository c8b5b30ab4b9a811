//! `tirkeu check`: placeholder until the rules engine lands.

use std::process::ExitCode;

pub fn run(_argv: Vec<String>) -> ExitCode {
    super::args::unusable("`check` is not built yet")
}
