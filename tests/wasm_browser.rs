//! The JavaScript API, run in headless Chromium by wasm-bindgen-test-runner
//! (`cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_browser`,
//! with CHROMEDRIVER=/usr/bin/chromedriver and webdriver.json).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod wasm;
