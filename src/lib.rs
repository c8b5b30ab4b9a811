//! # Tirkeu
//!
//! Kazakhstan's immigrant-registration rules (Order of the Minister of Internal Affairs No. 923 of
//! 17 November 2025, in force from 1 July 2026) and the signed registration certificate, as one
//! pure library that runs natively on a server and in the browser as WebAssembly.
//!
//! - [`rules`]: who must register, by what date, re-registration after a move, the 90/180 stay
//!   limit and every field check, each finding with its legal basis and a message in Kazakh,
//!   Russian or English.
//! - [`cert`]: the certificate's QR text (`KZ1:` + Base45 + zlib + COSE_Sign1, Ed25519), its
//!   issuer, the trust and status lists, and the verifier.
//! - [`text_rules`]: the character rules of names, addresses and passport numbers, so that no
//!   field displays as another (no invisible or bidirectional characters, no Latin-Cyrillic
//!   look-alikes).
//! - [`qr`]: rendering the QR text as a code and finding codes in camera frames and photos.
//! - [`calendar`]: Kazakhstan's working days.
//!
//! The library does no I/O and never reads the clock: the evaluation date comes in as a
//! parameter ([`date::Date`]; [`date::Date::today_in_kazakhstan`] reads the clock for a caller
//! that wants today). The command line (`tirkeu`, feature `cli`) and the WebAssembly bindings are
//! thin layers over it.
//!
//! # Example
//!
//! A portal's back end checks an application, then verifies a registration certificate against
//! a trust list and a status list (here the DEMO ones of the repository's `www/demo/`):
//!
//! ```
//! use tirkeu::cert::{LoadOptions, PublicKey, Status, Verifier, VerifyContext};
//! use tirkeu::i18n::Lang;
//! use tirkeu::rules::{check_application, Application};
//!
//! // The rules: a pure function of the application, the evaluation date and the language.
//! let application = Application::from_json(&serde_json::json!({
//!     "immigrant": { "citizenship": "DEU", "entryDate": "2026-07-01" },
//! }))?;
//! let today = "2026-07-15".parse()?;
//! let report = check_application(&application, today, Lang::Ru);
//! for finding in &report.findings {
//!     println!("{:?} {}: {}", finding.severity, finding.code, finding.message);
//! }
//!
//! // The certificate: a verifier pins its root, then takes lists as their bytes.
//! let root = PublicKey::from_hex("1978b1eb5d2bcb7cd28282f0f39bec9ee07bbae45bf1c9e815e20a0c06119537")?;
//! let mut verifier = Verifier::new(root);
//! let now = 1_784_059_200; // 2026-07-15 01:00 in Kazakhstan: the caller reads the clock.
//! verifier.load_trust_list(include_bytes!("../www/demo/trust-list.cose"), &LoadOptions::at(now))?;
//! verifier.load_status_list(include_bytes!("../www/demo/status-list.cose"), &LoadOptions::at(now))?;
//! let result = verifier.verify(include_str!("../www/demo/certificate.txt"), &VerifyContext::at(now, Lang::Kk));
//! assert_eq!(result.status, Status::Valid);
//! assert!(result.demo); // signed by the DEMO key: never a real registration
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Cargo features
//!
//! - `cli`: the command line `tirkeu` and what only it needs (image decoding, system randomness
//!   for keys). Off by default, so a library user compiles neither.
//! - `chrono`: conversions between [`date::Date`] and `chrono::NaiveDate`, both ways.
//! - `wasm-rules`, `wasm-verify`, `wasm-issue`: the JavaScript exports of the npm package's entry
//!   points (WebAssembly only).
//! - `panic-messages`: a panic's message on the browser's console (a debugging aid).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

// The JSON writer's tests (json/tests.rs) share the integration tests' fixtures (tests/support),
// which name the crate `tirkeu`.
#[cfg(test)]
extern crate self as tirkeu;

/// `Serialize` for unit-only enums through the method that returns the serde name of a variant
/// (`as_str`; `json::tests` holds the two equal for every variant): one table lookup, where the
/// derived impl's call for each variant cost the WebAssembly module about 40 bytes an enum.
/// `Deserialize` and the TypeScript declaration stay derived from the serde attributes.
macro_rules! serialize_by_name {
    ($($type:ty => $method:ident),* $(,)?) => {$(
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.$method())
            }
        }
    )*};
}

pub mod calendar;
pub mod cert;
pub mod data;
pub mod date;
#[cfg(feature = "chrono")]
mod date_chrono;
mod decimal;
pub mod i18n;
// The module's JSON writer, a serde serializer (see json.rs); natively only its tests and the fuzz
// targets compare it with serde_json. An entry point's module (src/wasm.rs) writes only some of its types.
#[cfg(any(target_arch = "wasm32", test, fuzzing))]
#[cfg_attr(
    not(all(
        feature = "wasm-rules",
        feature = "wasm-verify",
        feature = "wasm-issue"
    )),
    allow(dead_code)
)]
mod json;
// The module's JSON reader and the tree it reads into (see json_reader.rs). Natively the rules
// read the same tree, borrowed from serde_json's values; the reader itself only its tests, the
// fuzz targets and the module's bindings use.
#[cfg_attr(
    not(any(
        all(
            target_arch = "wasm32",
            any(
                feature = "wasm-rules",
                feature = "wasm-verify",
                feature = "wasm-issue"
            )
        ),
        test,
        fuzzing
    )),
    allow(dead_code)
)]
mod json_reader;
pub mod nfc;
pub use tirkeu_qr as qr;
pub mod rules;
mod sort;
pub mod text_rules;

serialize_by_name!(
    i18n::Lang => tag,
    rules::Severity => as_str,
    rules::ObligationKind => as_str,
    rules::DeadlineState => as_str,
    rules::LimitedBy => as_str,
    rules::DeadlineCounting => as_str,
    rules::ReRegistrationCounting => as_str,
    cert::Status => as_str,
    cert::Stage => as_str,
    cert::WarningCode => as_str,
    cert::KeyStatus => as_str,
);

#[cfg(all(
    target_arch = "wasm32",
    any(
        feature = "wasm-rules",
        feature = "wasm-verify",
        feature = "wasm-issue"
    )
))]
pub mod wasm;

/// The module's own JSON reader and writer, for the fuzz targets (`cargo fuzz` builds with
/// `--cfg fuzzing`), which compare them with serde_json on random input. Not part of the API.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing {
    /// Reads JSON text as the module reads its arguments (numbers through `str::parse`, correctly
    /// rounded as JavaScript's `parseFloat`); `None` when it is not JSON or nests too deep.
    pub fn read_json(text: &str, max_nesting: usize) -> Option<serde_json::Value> {
        crate::json_reader::read(text, max_nesting, &|number| number.parse().ok())
            .ok()
            .map(|json| json.to_value())
    }

    /// Checks an application as the module does: read by the module's reader into its tree and
    /// checked from the tree. `None` when the text is not JSON.
    pub fn check_as_the_module(
        text: &str,
        today: crate::date::Date,
        lang: crate::i18n::Lang,
    ) -> Option<Result<crate::rules::Report, crate::rules::InputError>> {
        let tree = crate::json_reader::read(text, crate::json_reader::MAX_NESTING, &|number| {
            number.parse().ok()
        })
        .ok()?;
        Some(crate::rules::check_tree(
            &tree,
            today,
            lang,
            crate::data::Tables::compiled(),
        ))
    }

    /// A report as the module writes it.
    pub fn report_json(report: &crate::rules::Report) -> String {
        crate::json::to_string(report).expect("a report has no float")
    }
}

/// The WebAssembly module's allocator: talc instead of Rust's default dlmalloc, for a smaller
/// module (2.8 KB gzipped; `checkApplication` and verification measured as fast with either). The
/// module is single-threaded (no `atomics` target feature), which talc's WebAssembly allocator
/// requires.
#[cfg(all(
    target_arch = "wasm32",
    not(target_feature = "atomics"),
    any(
        feature = "wasm-rules",
        feature = "wasm-verify",
        feature = "wasm-issue"
    )
))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
