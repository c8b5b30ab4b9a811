//! Suites shared by the Node and the browser runs: every exported function.

use tirkeu::wasm;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn today_is_a_date() {
    assert!(tirkeu::date::Date::parse(&wasm::today_in_kazakhstan_text()).is_ok());
}
