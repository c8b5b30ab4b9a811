//! The JavaScript API, run in Node by wasm-bindgen-test-runner
//! (`cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_node`).
#![cfg(target_arch = "wasm32")]

mod wasm;
