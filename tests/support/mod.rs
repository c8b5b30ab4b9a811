//! What the integration tests share: the certificate fixtures (keys, a record, lists, a raw CBOR
//! builder), the rules tests' valid application with its JSON edits, the command-line runner,
//! the check of generated tables, and the project's files the tests read. Each test binary
//! (`tests/<concept>/main.rs`) declares it with `#[path = "../support/mod.rs"] mod support;` and
//! uses the parts it needs.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub mod cert;
// The runner needs the binary, which is built with the feature only.
#[cfg(feature = "cli")]
pub mod cli;
pub mod rules;
pub mod tables;

/// A file or folder of the project, by its path from the top (`www/demo`, `tests/fixtures`).
pub fn project_path(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The demonstration files (`www/demo`): keys, lists, a record and its certificates.
pub fn demo_dir() -> PathBuf {
    project_path("www/demo")
}

/// A fresh, empty directory under the system's temporary directory, named after the test process
/// and `name` (unique among the tests of one binary).
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tirkeu-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
