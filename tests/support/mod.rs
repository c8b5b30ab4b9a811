//! What the integration tests share: the certificate fixtures (keys, a record, lists, a raw CBOR
//! builder) and the rules tests' valid application with its JSON edits. Each test binary
//! (`tests/<concept>/main.rs`) declares it with `#[path = "../support/mod.rs"] mod support;` and
//! uses the parts it needs.

#![allow(dead_code)]

pub mod cert;
pub mod rules;
