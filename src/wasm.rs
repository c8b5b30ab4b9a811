//! The JavaScript API (WebAssembly only). This file only converts types: JavaScript values in,
//! library calls, JavaScript values out. No rule lives here. It is also the one place that reads
//! the JavaScript clock, to default "today" to the civil date in Kazakhstan (UTC+5).

use wasm_bindgen::prelude::*;

use crate::date::{Date, KAZAKHSTAN_UTC_OFFSET_SECONDS};

/// Installs a panic hook so that a bug shows as a readable error in the console rather than
/// `unreachable`.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The current time from the JavaScript clock, in whole seconds since 1970 (UTC).
fn now_unix_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// Today's civil date in Kazakhstan.
fn today_in_kazakhstan() -> Date {
    Date::from_unix_seconds(now_unix_seconds(), KAZAKHSTAN_UTC_OFFSET_SECONDS)
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Today's date in Kazakhstan (UTC+5) as `YYYY-MM-DD`, from the device clock.
#[wasm_bindgen(js_name = todayInKazakhstan)]
pub fn today_in_kazakhstan_text() -> String {
    today_in_kazakhstan().to_string()
}
