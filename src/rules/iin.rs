//! The IIN (individual identification number) and BIN (business identification number) of
//! Kazakhstan: 12 digits, the last a check digit.
//!
//! Check digit (Order 923, Rules p.3 (the fields) and p.4(1)): with the first 11 digits d1..d11, r = sum(di * i) mod 11; if
//! r = 10, r = sum(di * w2i) mod 11 with w2 = 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2; if r is still 10
//! the number is never issued; otherwise d12 must equal r.
//!
//! An IIN also encodes the holder's birth date: digits 1-6 are YYMMDD, and digit 7 gives the
//! century and sex (1/2: 1800s, 3/4: 1900s, 5/6: 2000s; odd male, even female).
//!
//! A BIN encodes the year and month of the organisation's registration in digits 1-4 (YYMM) and
//! the kind of organisation in digit 5: 4 a resident legal entity, 5 a non-resident legal entity,
//! 6 an individual entrepreneur in a joint venture. A person's IIN, whose digit 5 is the first
//! digit of a day (0-3), is therefore never a BIN.

use core::fmt;

use crate::date::Date;

const FIRST_WEIGHTS: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// Why a text is not a valid IIN or BIN.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdError {
    /// Not exactly 12 ASCII digits.
    Format,
    /// Both passes of the check-digit computation give 10: such a number is never issued.
    NeverIssued,
    /// The 12th digit is not the check digit.
    CheckDigit {
        /// The check digit the first 11 digits call for.
        expected: u8,
    },
    /// Digit 7 of an IIN is not 1-6.
    CenturyDigit {
        /// The digit found.
        found: u8,
    },
    /// Digits 1-6 of an IIN (with the century) are not a day of the calendar.
    BirthDate,
    /// Digits 3-4 of a BIN are not a month (01-12).
    BinMonth {
        /// The two digits found, as a number.
        found: u8,
    },
    /// Digit 5 of a BIN is not 4, 5 or 6.
    BinKind {
        /// The digit found.
        found: u8,
    },
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::Format => f.write_str("not 12 digits"),
            IdError::NeverIssued => {
                f.write_str("a number whose check digit would be 10 is never issued")
            }
            IdError::CheckDigit { expected } => write!(f, "the check digit should be {expected}"),
            IdError::CenturyDigit { found } => write!(f, "digit 7 is {found}, expected 1-6"),
            IdError::BirthDate => f.write_str("digits 1-6 are not a date of birth"),
            IdError::BinMonth { found } => {
                write!(f, "digits 3-4 are {found:02}, not a month of registration")
            }
            IdError::BinKind { found } => write!(f, "digit 5 is {found}, expected 4, 5 or 6"),
        }
    }
}

impl std::error::Error for IdError {}

fn digits(text: &str) -> Result<[u8; 12], IdError> {
    let bytes = text.as_bytes();
    let mut out = [0u8; 12];
    if bytes.len() != 12 {
        return Err(IdError::Format);
    }
    for (slot, byte) in out.iter_mut().zip(bytes) {
        if !byte.is_ascii_digit() {
            return Err(IdError::Format);
        }
        *slot = byte - b'0';
    }
    Ok(out)
}

/// The check digit the first 11 digits call for, or `None` when the number is never issued.
///
/// # Example
///
/// ```
/// use tirkeu::rules::iin::check_digit;
/// assert_eq!(check_digit(&[9, 0, 0, 5, 1, 5, 3, 0, 0, 1, 2]), Some(7));
/// assert_eq!(check_digit(&[9, 0, 0, 5, 1, 5, 3, 0, 0, 9, 1]), None);
/// ```
pub fn check_digit(first_eleven: &[u8; 11]) -> Option<u8> {
    let weighted = |weights: &[u32; 11]| -> u32 {
        first_eleven
            .iter()
            .zip(weights)
            .map(|(d, w)| u32::from(*d) * w)
            .sum::<u32>()
            % 11
    };
    let mut remainder = weighted(&FIRST_WEIGHTS);
    if remainder == 10 {
        remainder = weighted(&SECOND_WEIGHTS);
    }
    (remainder < 10).then_some(remainder as u8)
}

/// Checks 12 digits and the check digit: the part an IIN and a BIN share.
///
/// # Errors
///
/// [`IdError::Format`], [`IdError::NeverIssued`] or [`IdError::CheckDigit`].
///
/// # Example
///
/// ```
/// use tirkeu::rules::iin::{validate_check_digit, IdError};
/// assert!(validate_check_digit("900515300127").is_ok());
/// assert_eq!(validate_check_digit("900515300128"), Err(IdError::CheckDigit { expected: 7 }));
/// ```
pub fn validate_check_digit(text: &str) -> Result<(), IdError> {
    let all = digits(text)?;
    let mut first_eleven = [0u8; 11];
    first_eleven.copy_from_slice(&all[..11]);
    match check_digit(&first_eleven) {
        None => Err(IdError::NeverIssued),
        Some(expected) if expected != all[11] => Err(IdError::CheckDigit { expected }),
        Some(_) => Ok(()),
    }
}

/// Checks a BIN: 12 digits, the check digit, a month of registration in digits 3-4 (01-12) and
/// the kind of organisation in digit 5 (4, 5 or 6).
///
/// # Errors
///
/// [`IdError::Format`], [`IdError::NeverIssued`], [`IdError::CheckDigit`],
/// [`IdError::BinMonth`] or [`IdError::BinKind`].
///
/// # Example
///
/// ```
/// use tirkeu::rules::iin::{validate_bin, IdError};
/// assert!(validate_bin("160740018306").is_ok());
/// // A person's IIN: digit 5 is the first digit of the day of birth.
/// assert_eq!(validate_bin("900515300127"), Err(IdError::BinKind { found: 1 }));
/// ```
pub fn validate_bin(text: &str) -> Result<(), IdError> {
    validate_check_digit(text)?;
    let all = digits(text)?;
    let month = all[2] * 10 + all[3];
    if !(1..=12).contains(&month) {
        return Err(IdError::BinMonth { found: month });
    }
    match all[4] {
        4..=6 => Ok(()),
        found => Err(IdError::BinKind { found }),
    }
}

/// Checks an IIN: 12 digits, the check digit, digit 7 (1-6) and the birth date in digits 1-6;
/// returns the birth date.
///
/// # Errors
///
/// Any [`IdError`].
///
/// # Example
///
/// ```
/// use tirkeu::rules::iin::{validate_iin, IdError};
/// assert_eq!(validate_iin("000229500454").unwrap().to_string(), "2000-02-29");
/// assert_eq!(validate_iin("010229500456"), Err(IdError::BirthDate)); // 29 February 2001
/// ```
pub fn validate_iin(text: &str) -> Result<Date, IdError> {
    validate_check_digit(text)?;
    let all = digits(text)?;
    let century = match all[6] {
        1 | 2 => 1800,
        3 | 4 => 1900,
        5 | 6 => 2000,
        found => return Err(IdError::CenturyDigit { found }),
    };
    let two = |i: usize| u32::from(all[i]) * 10 + u32::from(all[i + 1]);
    let year = century + two(0) as i32;
    Date::from_ymd(year, two(2), two(4)).map_err(|_| IdError::BirthDate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_md_examples() {
        // Source: Order 923, Rules p.3 (the fields) and p.4(1).
        assert_eq!(
            validate_iin("900515300127").unwrap().to_string(),
            "1990-05-15"
        );
        assert_eq!(
            validate_iin("851213401234").unwrap().to_string(),
            "1985-12-13"
        );
        assert_eq!(
            validate_iin("000229500454").unwrap().to_string(),
            "2000-02-29"
        );
        assert_eq!(
            validate_iin("900515300128"),
            Err(IdError::CheckDigit { expected: 7 })
        );
        assert_eq!(validate_iin("900515300910"), Err(IdError::NeverIssued));
        assert_eq!(validate_iin("901315300122"), Err(IdError::BirthDate));
        assert_eq!(validate_iin("010229500456"), Err(IdError::BirthDate));
        assert_eq!(
            validate_iin("900515700122"),
            Err(IdError::CenturyDigit { found: 7 })
        );
        // 851213401234 needs the second pass.
        assert_eq!(
            FIRST_WEIGHTS
                .iter()
                .zip([8, 5, 1, 2, 1, 3, 4, 0, 1, 2, 3])
                .map(|(w, d)| w * d)
                .sum::<u32>()
                % 11,
            10
        );
    }

    #[test]
    fn format() {
        for bad in [
            "",
            "90051530012",
            "9005153001270",
            "90051530012a",
            "９００５１５３００１２７",
            " 900515300127",
        ] {
            assert_eq!(validate_bin(bad), Err(IdError::Format), "{bad:?}");
        }
    }

    #[test]
    fn bins() {
        // Source: the BIN's structure (Law "On national registers of identification numbers"
        // art. 6; rules of forming the BIN): YYMM of registration, digit 5 the kind of entity.
        let with_check = |first_eleven: &str| {
            let digits: Vec<u8> = first_eleven.bytes().map(|b| b - b'0').collect();
            let check = check_digit(&digits.try_into().unwrap()).unwrap();
            format!("{first_eleven}{check}")
        };
        for good in ["16074001830", "99125000001", "01016123456"] {
            let bin = with_check(good);
            assert_eq!(validate_bin(&bin), Ok(()), "{bin}");
        }
        assert_eq!(
            validate_bin(&with_check("16134001830")),
            Err(IdError::BinMonth { found: 13 })
        );
        assert_eq!(
            validate_bin(&with_check("16004001830")),
            Err(IdError::BinMonth { found: 0 })
        );
        for kind in [0, 1, 2, 3, 7, 8, 9] {
            assert_eq!(
                validate_bin(&with_check(&format!("1607{kind}00183{kind}"))),
                Err(IdError::BinKind { found: kind })
            );
        }
        // Every valid IIN of the examples is refused as a BIN, and the reverse.
        for iin in ["900515300127", "851213401234", "000229500454"] {
            assert!(
                validate_iin(iin).is_ok() && validate_bin(iin).is_err(),
                "{iin}"
            );
        }
        assert!(validate_iin(&with_check("16074001830")).is_err());
    }
}
