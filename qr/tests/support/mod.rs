//! What the test binaries share: a seeded generator, certificate-like texts, rendering and
//! scanning helpers, and the property tests' configuration. Each binary uses part of it.
#![allow(dead_code)]

use tirkeu_qr::{self as qr, LumaImage};

/// xorshift64*: a small deterministic generator, so every image here is reproducible.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The QR alphanumeric set in value order (ISO/IEC 18004:2015, table 5).
pub const ALPHANUMERIC: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// A certificate-like text: `KZ1:` and alphanumeric characters, `len` in all.
pub fn text(seed: u64, len: usize) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut s = String::from("KZ1:");
    while s.len() < len {
        s.push(ALPHANUMERIC[rng.below(45) as usize] as char);
    }
    s.truncate(len);
    s
}

/// `text` as our encoder draws it, `module_pixels` pixels a module, 4-module quiet zone.
pub fn render(text: &str, module_pixels: u32) -> LumaImage {
    qr::encode(text).unwrap().to_luma(module_pixels, 4).unwrap()
}

/// Every text the thorough scan finds in `image`.
pub fn scan(image: &LumaImage) -> Vec<String> {
    qr::scan_luma(image.width(), image.height(), image.pixels()).unwrap()
}

/// `default_cases` cases (debug builds are slow); `PROPTEST_CASES=5000` for a longer run.
#[cfg(not(target_arch = "wasm32"))]
pub fn proptest_config(default_cases: u32) -> proptest::prelude::ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default_cases);
    proptest::prelude::ProptestConfig {
        cases,
        ..proptest::prelude::ProptestConfig::default()
    }
}

/// The project's directory (the crate's parent), for the demonstration certificates of www/demo.
pub fn project_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the crate lies inside the project")
        .to_path_buf()
}
