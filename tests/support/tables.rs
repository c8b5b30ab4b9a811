//! The generators of the crate's compiled-in tables (`src/nfc/tables.rs`,
//! `src/text_rules/tables.rs`): their encoding, and the check that the committed file is what the
//! generator writes.

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
