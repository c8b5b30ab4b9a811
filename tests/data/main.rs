//! The data tables (`tirkeu::data`): their validation when the crate is built, and the signed
//! data bundle that replaces them (loading by the lists' rules, refusals, the rules by its tables).
//! `cargo test --test data`; one module: `cargo test --test data bundle::`.

#[path = "../support/mod.rs"]
mod support;

mod build;
mod bundle;
