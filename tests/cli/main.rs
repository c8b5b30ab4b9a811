//! The command line `tirkeu` (feature `cli`): its certificate commands (keygen, trust-list, issue,
//! verify), `check`, `scan`, and the conventions every command keeps (help, exit codes, a closed
//! standard output, the bounded development server).
//! `cargo test --features cli --test cli`; one module: `cargo test --features cli --test cli scan::`.

#[path = "../support/mod.rs"]
mod support;

mod cert;
mod check;
mod conventions;
mod scan;
