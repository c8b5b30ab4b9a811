//! The generators of the crate's compiled-in tables (`src/nfc/tables.rs`,
//! `src/text_rules/tables.rs`): their encoding, and the check that the committed file is what the
//! generator writes.

use std::fmt::Write as _;

/// Appends `value` as unsigned LEB128: 7 bits a byte, low bits first, the high bit set on every
/// byte but the last (what the crate's `decode_tables` reads).
pub fn leb128(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

/// Appends `bytes` as a static byte array `name` of the generated file, 16 bytes a line (the
/// declaration only: the caller writes its documentation).
pub fn write_byte_array(out: &mut String, name: &str, bytes: &[u8]) {
    out.push_str("#[rustfmt::skip]\n");
    writeln!(out, "pub(super) static {name}: &[u8] = &[").unwrap();
    for line in bytes.chunks(16) {
        let cells: Vec<String> = line.iter().map(|b| format!("0x{b:02x}")).collect();
        writeln!(out, "    {},", cells.join(", ")).unwrap();
    }
    out.push_str("];\n");
}

/// Asserts that the committed file at `path` is `generated`, with `stale` as the message when not;
/// with the environment variable `update` set to `1`, writes `generated` there instead.
pub fn check_committed(path: &str, generated: &str, update: &str, stale: &str) {
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    if std::env::var(update).is_ok_and(|v| v == "1") {
        if committed != generated {
            std::fs::write(path, generated).unwrap();
        }
        return;
    }
    assert!(committed == generated, "{stale}");
}
