//! The rules engine (`tirkeu::rules`) through the public API: every worked example of Order No. 923
//! and of its second reading, one case per finding code, the report's JSON, property tests, and
//! the compiled-in tables with the calendar built on them.
//! `cargo test --test rules`; one module: `cargo test --test rules findings::`.

#[path = "../support/mod.rs"]
mod support;

mod data;
mod examples;
mod findings;
mod json;
mod properties;
mod revision2;
