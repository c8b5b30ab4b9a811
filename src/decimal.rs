//! Integers in decimal, written without `core::fmt`.
//!
//! The rules' WebAssembly module writes numbers into its answers (JSON integers, ISO dates,
//! counts, row numbers) and builds its error messages by pushing text, so that it holds none of
//! `core::fmt` (`fmt::write`, `Formatter::pad`, the integers' `Display`): 2.1 KB gzipped of a
//! module with a size target (README). The text is what `Display` writes; the tests compare the
//! two.

/// Writes `value` in decimal with leading zeros up to `min_digits` digits: what
/// `write!(text, "{value:0min_digits$}")` writes.
pub(crate) fn push_padded(text: &mut String, value: u64, min_digits: usize) {
    // u64::MAX has 20 digits; they are found from the last.
    let mut digits = [b'0'; 20];
    let mut first = digits.len();
    let mut rest = value;
    loop {
        first -= 1;
        digits[first] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let count = digits.len() - first;
    for _ in count..min_digits {
        text.push('0');
    }
    text.extend(digits[first..].iter().map(|&digit| char::from(digit)));
}

/// Writes `value` in decimal: what `write!(text, "{value}")` writes.
pub(crate) fn push_unsigned(text: &mut String, value: u64) {
    push_padded(text, value, 1);
}

/// Writes `value` in decimal, `-` first when negative: what `write!(text, "{value}")` writes.
pub(crate) fn push_signed(text: &mut String, value: i64) {
    push_signed_padded(text, value, 1);
}

/// Writes `value` in decimal with leading zeros up to `width` characters, the sign counted among
/// them: what `write!(text, "{value:0width$}")` writes (-5 at width 4 is `-005`).
pub(crate) fn push_signed_padded(text: &mut String, value: i64, width: usize) {
    if value < 0 {
        text.push('-');
        push_padded(text, value.unsigned_abs(), width.saturating_sub(1));
    } else {
        push_padded(text, value.unsigned_abs(), width);
    }
}

/// Writes `value` in decimal: what `write!(text, "{value}")` writes. In pieces of 19 digits, so
/// that only a 128-bit integer that needs it divides in 128 bits.
// Compiled where the JSON writer, its one user, is.
#[cfg(any(target_arch = "wasm32", test, fuzzing))]
pub(crate) fn push_u128(text: &mut String, value: u128) {
    const PIECE: u128 = 10_000_000_000_000_000_000;
    match u64::try_from(value) {
        Ok(small) => push_unsigned(text, small),
        Err(_) => {
            push_u128(text, value / PIECE);
            push_padded(text, (value % PIECE) as u64, 19);
        }
    }
}

/// Writes `value` in decimal, `-` first when negative: what `write!(text, "{value}")` writes.
// Compiled where the JSON writer, its one user, is.
#[cfg(any(target_arch = "wasm32", test, fuzzing))]
pub(crate) fn push_i128(text: &mut String, value: i128) {
    if value < 0 {
        text.push('-');
    }
    push_u128(text, value.unsigned_abs());
}

/// `value` in decimal: what `value.to_string()` gives.
pub(crate) fn decimal(value: u64) -> String {
    let mut text = String::new();
    push_unsigned(&mut text, value);
    text
}

/// `value` in decimal, `-` first when negative: what `value.to_string()` gives.
pub(crate) fn signed_decimal(value: i64) -> String {
    let mut text = String::new();
    push_signed(&mut text, value);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(write: impl FnOnce(&mut String)) -> String {
        let mut text = String::from("x");
        write(&mut text);
        text
    }

    const UNSIGNED: [u64; 12] = [
        0,
        1,
        9,
        10,
        99,
        100,
        12_345,
        999_999,
        1_000_000,
        u32::MAX as u64,
        u64::MAX - 1,
        u64::MAX,
    ];

    #[test]
    fn unsigned_as_display_writes_them() {
        for value in UNSIGNED {
            assert_eq!(written(|t| push_unsigned(t, value)), format!("x{value}"));
            assert_eq!(decimal(value), value.to_string());
            for width in [0, 1, 2, 4, 19, 20, 25] {
                assert_eq!(
                    written(|t| push_padded(t, value, width)),
                    format!("x{value:0width$}")
                );
            }
        }
    }

    #[test]
    fn signed_as_display_writes_them() {
        let values = [
            i64::MIN,
            i64::MIN + 1,
            -10_000,
            -999,
            -5,
            -1,
            0,
            1,
            42,
            i64::MAX,
        ];
        for value in values {
            assert_eq!(written(|t| push_signed(t, value)), format!("x{value}"));
            assert_eq!(signed_decimal(value), value.to_string());
            for width in [0, 1, 2, 4, 5, 20, 25] {
                assert_eq!(
                    written(|t| push_signed_padded(t, value, width)),
                    format!("x{value:0width$}")
                );
            }
        }
    }

    #[test]
    fn wide_as_display_writes_them() {
        let piece = 10_000_000_000_000_000_000u128;
        for value in [
            0,
            u128::from(u64::MAX),
            u128::from(u64::MAX) + 1,
            piece - 1,
            piece,
            piece * piece,
            piece * piece + 7,
            u128::MAX,
        ] {
            assert_eq!(written(|t| push_u128(t, value)), format!("x{value}"));
        }
        for value in [
            i128::MIN,
            i128::MIN + 1,
            -1,
            0,
            i128::from(i64::MIN) - 1,
            i128::MAX,
        ] {
            assert_eq!(written(|t| push_i128(t, value)), format!("x{value}"));
        }
    }
}
