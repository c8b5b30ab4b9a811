//! Reed-Solomon error correction of one QR block over GF(256) (ISO/IEC 18004:2015, 7.5.2 and
//! annex B): the encoder (the remainder of the data polynomial divided by the generator
//! polynomial) and the decoder (syndromes, Berlekamp-Massey, Chien search and Forney).
//!
//! The field is built from the primitive polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D) with
//! α = 2, and held as two 256-byte tables (exponent and logarithm) computed at compile time:
//! a full multiplication table would cost 64 KB of the WebAssembly module.
//! The generator polynomial's roots are α^0 .. α^(ec - 1); it is multiplied out when needed
//! (once per symbol) rather than kept as the table of annex A.

/// The field's primitive polynomial, x^8 + x^4 + x^3 + x^2 + 1.
const PRIMITIVE: u16 = 0x11D;

/// α^i for i in 0..255 (`EXP[255]` repeats α^0 = 1 so that sums reduced modulo 255 always index
/// in bounds).
const EXP: [u8; 256] = exp_table();
/// The discrete logarithm of every non-zero element (`LOG[0]` is unused).
const LOG: [u8; 256] = log_table();

const fn exp_table() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut value: u16 = 1;
    let mut i = 0;
    while i < 256 {
        table[i] = value as u8;
        value <<= 1;
        if value & 0x100 != 0 {
            value ^= PRIMITIVE;
        }
        i += 1;
    }
    table
}

const fn log_table() -> [u8; 256] {
    let exp = exp_table();
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 255 {
        table[exp[i] as usize] = i as u8;
        i += 1;
    }
    table
}

fn mul(a: u8, b: u8) -> u8 {
    if a == 0 || b == 0 {
        return 0;
    }
    EXP[(usize::from(LOG[usize::from(a)]) + usize::from(LOG[usize::from(b)])) % 255]
}

/// a / b; `None` when b is 0.
fn div(a: u8, b: u8) -> Option<u8> {
    if b == 0 {
        return None;
    }
    if a == 0 {
        return Some(0);
    }
    Some(EXP[(usize::from(LOG[usize::from(a)]) + 255 - usize::from(LOG[usize::from(b)])) % 255])
}

/// α^power, for any power (reduced modulo 255).
fn alpha_pow(power: usize) -> u8 {
    EXP[power % 255]
}

/// Evaluates a polynomial given lowest degree first at `x` (Horner).
fn eval_low_first(poly: &[u8], x: u8) -> u8 {
    poly.iter().rev().fold(0, |acc, &c| mul(acc, x) ^ c)
}

/// The generator polynomial of a block with `ec_len` error correction codewords,
/// (x - α^0)(x - α^1) ... (x - α^(ec_len - 1)), highest degree first (so the leading
/// coefficient is 1). Annex A lists these polynomials for the lengths QR Code uses.
pub(crate) fn generator(ec_len: usize) -> Vec<u8> {
    let mut poly = Vec::with_capacity(ec_len + 1);
    poly.push(1u8);
    for i in 0..ec_len {
        let root = alpha_pow(i);
        // poly * (x + root): shift up one degree, then add root * poly one place lower.
        poly.push(0);
        let mut carried = 0u8;
        for coefficient in &mut poly {
            let shifted = *coefficient;
            *coefficient ^= mul(carried, root);
            carried = shifted;
        }
    }
    poly
}

/// The error correction codewords of a block's data codewords (7.5.2): the remainder of
/// data(x) x^ec divided by `generator` (from [`generator`]), `generator.len() - 1` codewords,
/// highest degree first.
pub(crate) fn error_correction(data: &[u8], generator: &[u8]) -> Vec<u8> {
    // Long division in place: each data codeword in turn is the leading coefficient, and the
    // generator times it is subtracted from the codewords after it.
    let mut dividend = data.to_vec();
    dividend.resize(data.len() + generator.len().saturating_sub(1), 0);
    for i in 0..data.len() {
        let factor = dividend.get(i).copied().unwrap_or(0);
        let rest = dividend.get_mut(i + 1..).unwrap_or_default();
        for (slot, &g) in rest.iter_mut().zip(generator.iter().skip(1)) {
            *slot ^= mul(g, factor);
        }
    }
    dividend.split_off(data.len())
}

/// Why a block could not be corrected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RsError {
    /// The block is shorter than its error correction codewords, or longer than 255.
    Shape,
    /// More errors than the code corrects (ec / 2), or an inconsistent error locator.
    TooManyErrors,
}

/// Corrects `block` (data codewords then `ec_len` error correction codewords, highest degree
/// first) in place; the number of codewords changed.
///
/// Never returns a block that is not a codeword: after correcting, the syndromes are checked
/// again, and the locator must have exactly as many distinct roots inside the block as its
/// degree, and that degree must be at most ec / 2.
pub(crate) fn correct(block: &mut [u8], ec_len: usize) -> Result<usize, RsError> {
    let n = block.len();
    if ec_len == 0 || ec_len > n || n > 255 {
        return Err(RsError::Shape);
    }
    // S_j = R(α^j), j = 0 .. ec - 1, where R(x) = Σ block[i] x^(n - 1 - i).
    let syndromes: Vec<u8> = (0..ec_len)
        .map(|j| {
            let x = alpha_pow(j);
            block.iter().fold(0, |acc, &c| mul(acc, x) ^ c)
        })
        .collect();
    if syndromes.iter().all(|&s| s == 0) {
        return Ok(0);
    }

    let locator = berlekamp_massey(&syndromes);
    let degree = locator.iter().rposition(|&c| c != 0).unwrap_or(0);
    if degree == 0 || 2 * degree > ec_len {
        return Err(RsError::TooManyErrors);
    }

    // Ω(x) = S(x) Λ(x) mod x^ec.
    let mut evaluator = vec![0u8; ec_len];
    for (i, &l) in locator.iter().enumerate() {
        for (j, &s) in syndromes.iter().enumerate() {
            if let Some(slot) = evaluator.get_mut(i + j) {
                *slot ^= mul(l, s);
            }
        }
    }
    // Λ'(x): in characteristic 2 only the odd-degree terms survive.
    let derivative: Vec<u8> = locator
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, &c)| if i % 2 == 1 { c } else { 0 })
        .collect();

    // Chien search over the block's positions: an error at degree k (index n - 1 - k) makes
    // X = α^k a root of Λ(X^-1).
    let mut fixes: Vec<(usize, u8)> = Vec::with_capacity(degree);
    for k in 0..n {
        let x_inverse = alpha_pow(255 - k % 255);
        if eval_low_first(&locator, x_inverse) != 0 {
            continue;
        }
        // Forney, first consecutive root α^0: e = X Ω(X^-1) / Λ'(X^-1).
        let denominator = eval_low_first(&derivative, x_inverse);
        let numerator = mul(alpha_pow(k), eval_low_first(&evaluator, x_inverse));
        let magnitude = div(numerator, denominator).ok_or(RsError::TooManyErrors)?;
        fixes.push((n - 1 - k, magnitude));
    }
    if fixes.len() != degree {
        return Err(RsError::TooManyErrors);
    }
    for &(index, magnitude) in &fixes {
        let slot = block.get_mut(index).ok_or(RsError::Shape)?;
        *slot ^= magnitude;
    }
    let clean = (0..ec_len).all(|j| {
        let x = alpha_pow(j);
        block.iter().fold(0, |acc, &c| mul(acc, x) ^ c) == 0
    });
    if !clean {
        return Err(RsError::TooManyErrors);
    }
    Ok(fixes.len())
}

/// The error locator Λ(x) (lowest degree first, Λ(0) = 1) of the syndromes.
fn berlekamp_massey(syndromes: &[u8]) -> Vec<u8> {
    let len = syndromes.len() + 1;
    let mut current = vec![0u8; len];
    let mut previous = vec![0u8; len];
    if let (Some(c), Some(p)) = (current.first_mut(), previous.first_mut()) {
        *c = 1;
        *p = 1;
    }
    let mut errors = 0usize;
    let mut shift = 1usize;
    let mut previous_discrepancy = 1u8;
    for (step, &syndrome) in syndromes.iter().enumerate() {
        // d = S_step + Σ_{i=1..L} Λ_i S_(step - i)
        let mut discrepancy = syndrome;
        for i in 1..=errors.min(step) {
            let (Some(&l), Some(&s)) = (current.get(i), syndromes.get(step - i)) else {
                continue;
            };
            discrepancy ^= mul(l, s);
        }
        if discrepancy == 0 {
            shift += 1;
            continue;
        }
        let factor = div(discrepancy, previous_discrepancy).unwrap_or(0);
        let before = current.clone();
        for (i, &p) in previous.iter().enumerate() {
            if let Some(slot) = current.get_mut(i + shift) {
                *slot ^= mul(factor, p);
            }
        }
        if 2 * errors <= step {
            errors = step + 1 - errors;
            previous = before;
            previous_discrepancy = discrepancy;
            shift = 1;
        } else {
            shift += 1;
        }
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_tables() {
        // Source: ISO/IEC 18004:2015 annex B (α^8 = α^4 + α^3 + α^2 + 1 = 29).
        assert_eq!(EXP[8], 29);
        assert_eq!(EXP[255], 1);
        assert_eq!(LOG[29], 8);
        for a in 1..=255u8 {
            assert_eq!(div(mul(a, 7), 7), Some(a));
            assert_eq!(mul(a, div(1, a).unwrap()), 1);
        }
        assert_eq!(div(3, 0), None);
    }

    /// Source: ISO/IEC 18004:2015 annex I (the worked example "01234567", version 1-M): data
    /// codewords 16 ... 17 and their 10 error correction codewords.
    const ANNEX_I: [u8; 26] = [
        0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC,
        0x11, 0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55,
    ];

    #[test]
    fn known_codeword_is_clean_and_our_encoder_gives_its_ec_codewords() {
        let mut block = ANNEX_I;
        assert_eq!(correct(&mut block, 10), Ok(0));
        assert_eq!(
            error_correction(&ANNEX_I[..16], &generator(10)),
            ANNEX_I[16..]
        );
    }

    /// A generator polynomial as the exponents of α of its coefficients, leading term first.
    fn exponents(poly: &[u8]) -> Vec<u8> {
        poly.iter().map(|&c| LOG[usize::from(c)]).collect()
    }

    // Source: ISO/IEC 18004:2015 annex A, table A.1 (generator polynomials for 7, 10 and 13
    // error correction codewords, as exponents of α).
    #[test]
    fn generator_polynomials_of_annex_a() {
        assert_eq!(
            exponents(&generator(7)),
            [0, 87, 229, 146, 149, 238, 102, 21]
        );
        assert_eq!(
            exponents(&generator(10)),
            [0, 251, 67, 46, 61, 118, 70, 64, 94, 32, 45]
        );
        assert_eq!(
            exponents(&generator(13)),
            [
                0, 74, 152, 176, 100, 86, 100, 106, 104, 130, 218, 206, 140, 78
            ]
        );
        assert_eq!(generator(0), [1]);
        assert_eq!(
            error_correction(&[1, 2, 3], &generator(0)),
            Vec::<u8>::new()
        );
    }

    #[test]
    fn encoded_blocks_of_every_length_are_codewords() {
        // Every EC length of table 9 (7 to 30), with data up to the longest block (123).
        for ec_len in 7..=30usize {
            let generator = generator(ec_len);
            for data_len in [1usize, 9, 47, 123] {
                let data: Vec<u8> = (0..data_len).map(|i| (i * 37 + ec_len) as u8).collect();
                let mut block = data.clone();
                block.extend(error_correction(&data, &generator));
                assert_eq!(correct(&mut block, ec_len), Ok(0), "{ec_len} {data_len}");
            }
        }
    }

    #[test]
    fn corrects_up_to_half_the_ec_codewords() {
        for errors in 1..=5usize {
            let mut block = ANNEX_I;
            for e in 0..errors {
                block[e * 5 + 1] ^= (e as u8 + 1) * 37;
            }
            assert_eq!(correct(&mut block, 10), Ok(errors));
            assert_eq!(block, ANNEX_I);
        }
    }

    #[test]
    fn refuses_more_errors_than_it_corrects() {
        // Six errors in a 10-EC block: the decoder must refuse, never "correct" to a wrong word.
        let mut block = ANNEX_I;
        for e in 0..6usize {
            block[e * 4] ^= 0x5A;
        }
        let mut copy = block;
        match correct(&mut copy, 10) {
            Err(RsError::TooManyErrors) => {}
            other => assert_ne!(copy, ANNEX_I, "{other:?}"),
        }
    }

    #[test]
    fn odd_shapes_are_refused() {
        assert_eq!(correct(&mut [1, 2, 3], 0), Err(RsError::Shape));
        assert_eq!(correct(&mut [1, 2, 3], 4), Err(RsError::Shape));
        assert_eq!(correct(&mut [0; 256], 10), Err(RsError::Shape));
        assert_eq!(correct(&mut [], 0), Err(RsError::Shape));
    }

    #[test]
    fn errors_in_ec_codewords_and_long_blocks() {
        // A 153-codeword block (version 40-L: 123 data + 30 EC).
        let data: Vec<u8> = (0..123u32).map(|i| (i * 31 + 7) as u8).collect();
        let mut codeword = data.clone();
        codeword.extend(error_correction(&data, &generator(30)));
        let mut damaged = codeword.clone();
        for e in 0..15usize {
            damaged[e * 10 + 3] ^= 0xFF;
        }
        assert_eq!(correct(&mut damaged, 30), Ok(15));
        assert_eq!(damaged, codeword);
    }
}
