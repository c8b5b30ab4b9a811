//! `tirkeu serve`: placeholder until the page lands.

use std::process::ExitCode;

pub fn run(_argv: Vec<String>) -> ExitCode {
    super::args::unusable("`serve` is not built yet")
}
