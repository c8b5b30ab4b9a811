//! The Unicode tables compiled into the crate, each generated from and checked against a reference
//! crate: NFC (`tirkeu::nfc`, from `unicode-normalization`) and the character rules of names,
//! addresses and record texts (`tirkeu::text_rules`, from `unicode-properties` and
//! `unicode-script`). `cargo test --test unicode`; one module: `cargo test --test unicode nfc_tables::`.

#[path = "../support/mod.rs"]
mod support;

mod nfc_tables;
mod nfc_unicode;
mod text_rules;
