//! Instants in the issuer's input files (KEYSPEC, REVOKED): seconds since 1970, or RFC 3339
//! text, as people write them.
//!
//! A date alone (`2026-07-01`) is its first second in Kazakhstan (00:00 at UTC+5), the
//! convention of every date in this crate; a date and time carries its own offset
//! (`2026-07-01T00:00:00+05:00`, `2026-06-30T19:00:00Z`). Fractions of a second are dropped.

use core::fmt;

use crate::date::{Date, KAZAKHSTAN_UTC_OFFSET_SECONDS};

/// Why a text is not an RFC 3339 date or date and time.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct InstantError {
    /// The text (at most 40 characters of it).
    pub text: String,
}

impl fmt::Display for InstantError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not seconds since 1970 nor an RFC 3339 date (2026-07-01) or date and time \
             (2026-07-01T00:00:00+05:00)",
            self.text
        )
    }
}

impl std::error::Error for InstantError {}

/// Seconds since 1970-01-01T00:00:00Z of an RFC 3339 date (`YYYY-MM-DD`, read as 00:00 in
/// Kazakhstan, UTC+5) or date and time (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`;
/// `t`, `z` and a space for `T` are accepted, as RFC 3339 allows).
///
/// # Errors
///
/// [`InstantError`] for any other text, an impossible date or time, or an offset beyond 23:59.
///
/// # Example
///
/// ```
/// use tirkeu::cert::instant::parse_instant;
/// assert_eq!(parse_instant("2026-07-01"), Ok(1_782_846_000));
/// assert_eq!(parse_instant("2026-07-01T00:00:00+05:00"), Ok(1_782_846_000));
/// assert_eq!(parse_instant("2026-06-30T19:00:00.75Z"), Ok(1_782_846_000));
/// assert!(parse_instant("2026-07-01T24:00:00Z").is_err());
/// assert!(parse_instant("1 July 2026").is_err());
/// ```
pub fn parse_instant(text: &str) -> Result<i64, InstantError> {
    let error = || InstantError {
        text: text.chars().take(40).collect(),
    };
    let date_part = text.get(..10).ok_or_else(error)?;
    let date = Date::parse(date_part).map_err(|_| error())?;
    let midnight_utc = date.to_unix_seconds_utc();
    let rest = &text[10..];
    if rest.is_empty() {
        return Ok(midnight_utc - KAZAKHSTAN_UTC_OFFSET_SECONDS);
    }
    let bytes = rest.as_bytes();
    if !matches!(bytes.first(), Some(b'T' | b't' | b' ')) {
        return Err(error());
    }
    let number = |from: usize, max: i64| -> Option<i64> {
        let digits = rest.get(from..from + 2)?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse::<i64>().ok().filter(|n| *n <= max)
    };
    // "THH:MM:SS" is 9 bytes; a leap second (60) is accepted as RFC 3339 allows.
    let (hours, minutes, seconds) = match (number(1, 23), number(4, 59), number(7, 60)) {
        (Some(h), Some(m), Some(s))
            if bytes.get(3) == Some(&b':') && bytes.get(6) == Some(&b':') =>
        {
            (h, m, s)
        }
        _ => return Err(error()),
    };
    let mut zone = &rest[9..];
    if let Some(fraction) = zone.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(error());
        }
        zone = &fraction[digits..];
    }
    let offset = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = match zone.as_bytes().first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return Err(error()),
            };
            let two = |digits: &str, max: i64| -> Option<i64> {
                (digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| digits.parse::<i64>().ok())
                    .flatten()
                    .filter(|n| *n <= max)
            };
            match (zone.len(), zone.get(1..3), zone.get(3..4), zone.get(4..6)) {
                (6, Some(h), Some(":"), Some(m)) => match (two(h, 23), two(m, 59)) {
                    (Some(h), Some(m)) => sign * (h * 3600 + m * 60),
                    _ => return Err(error()),
                },
                _ => return Err(error()),
            }
        }
    };
    Ok(midnight_utc + hours * 3600 + minutes * 60 + seconds - offset)
}

/// An instant of a JSON input file: a whole number of seconds, or RFC 3339 text
/// ([`parse_instant`]).
pub(crate) fn deserialize_instant<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<i64, D::Error> {
    instant_from_json(&<serde_json::Value as serde::Deserialize>::deserialize(
        deserializer,
    )?)
    .map_err(serde::de::Error::custom)
}

/// [`deserialize_instant`], with `null` (or an absent member, with `#[serde(default)]`) as `None`.
pub(crate) fn deserialize_optional_instant<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<i64>, D::Error> {
    match <serde_json::Value as serde::Deserialize>::deserialize(deserializer)? {
        serde_json::Value::Null => Ok(None),
        value => instant_from_json(&value)
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

fn instant_from_json(value: &serde_json::Value) -> Result<i64, String> {
    match value {
        serde_json::Value::Number(number) => number
            .as_i64()
            .ok_or_else(|| format!("{number} is not a whole number of seconds")),
        serde_json::Value::String(text) => parse_instant(text).map_err(|e| e.to_string()),
        _ => Err("a time must be seconds since 1970 or an RFC 3339 date or date and time".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_3339_forms() {
        // Source: RFC 3339 section 5.6 (full-date, date-time, time-offset, time-secfrac) and
        // section 5.8's examples.
        assert_eq!(parse_instant("1985-04-12T23:20:50.52Z"), Ok(482_196_050));
        assert_eq!(parse_instant("1996-12-19T16:39:57-08:00"), Ok(851_042_397));
        assert_eq!(parse_instant("1990-12-31T23:59:60Z"), Ok(662_688_000));
        assert_eq!(parse_instant("1970-01-01t05:00:00+05:00"), Ok(0));
        assert_eq!(parse_instant("1970-01-01 00:00:00z"), Ok(0));
        assert_eq!(parse_instant("1970-01-01"), Ok(-5 * 3600));
        for bad in [
            "",
            "2026-07-01T",
            "2026-07-01T00:00:00",
            "2026-07-01T00:00Z",
            "2026-07-01T00:00:00.Z",
            "2026-07-01T00:60:00Z",
            "2026-07-01T00:00:00+24:00",
            "2026-07-01T00:00:00+0500",
            "2026-02-30",
            "2026-7-1",
            "+2026-07-01",
            "2026-07-01T00:00:00+05:00 ",
            "2026-07-01Ж00:00:00Z",
        ] {
            assert!(parse_instant(bad).is_err(), "{bad:?}");
        }
    }
}
