//! Hostile input: no panic reachable from the library (every input class against every entry
//! point) or, with feature `cli`, from any command of the command line; and the fuzz targets'
//! committed seed corpora. `cargo test --test hostile`; one module: `cargo test --test hostile library::`.
//! (The QR scanner's are in `qr/tests/hostile.rs`; the fuzz targets themselves are in `fuzz/`.)

#[path = "../support/mod.rs"]
mod support;

// Runs the command line's binary, so it needs the feature.
#[cfg(feature = "cli")]
mod cli;
mod library;
mod seed_corpus;
