//! The certificate (`tirkeu::cert`): the zlib codec, verification and its statuses, the trust and
//! status lists, the record's syntax, property tests, and certificates as QR codes.
//! `cargo test --test cert`; one module: `cargo test --test cert lists::`.

#[path = "../support/mod.rs"]
mod support;

mod deflate;
mod lists;
mod properties;
// Issues, renders and scans through the command line too, so it needs its binary.
#[cfg(feature = "cli")]
mod qr;
mod record_syntax;
mod verify;
