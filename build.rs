//! Copies the data tables of `src/data/` into `OUT_DIR` without their `#` comment lines, for
//! `include_str!` in `src/data/mod.rs`. The comments document the files in the repository (and
//! every row keeps its `source` column); the compiled tables, which every page downloads in the
//! WebAssembly module, need only the rows.

use std::path::Path;

const TABLES: [&str; 4] = [
    "kz-non-working-days.csv",
    "visa-regimes.csv",
    "kz-regions.csv",
    "iso3166-1-alpha3.csv",
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    for name in TABLES {
        let source = Path::new("src/data").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        let rows: String = text
            .lines()
            .filter(|line| !line.starts_with('#'))
            .flat_map(|line| [line, "\n"])
            .collect();
        std::fs::write(Path::new(&out_dir).join(name), rows)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}
