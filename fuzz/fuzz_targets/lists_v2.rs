//! The version 2 list readers behind a valid signature, with structure: the input describes a
//! status list (years, sizes and bitstrings, each size near the 2^27 limit or small, the bits of
//! the right length or not) or a trust list (keys with fuzzed `use` words), and a load at a
//! fuzzed clock, minimum and installed list.
//!
//! Properties beyond "no panic":
//! - a status list loads exactly when every size is 0 to 2^27 and every bitstring inflates to
//!   ceil(size / 8) bytes (and the payload is otherwise well formed);
//! - once loaded, a sequence at or past a year's size is not covered, one below it is revoked
//!   exactly when its bit is set, and the summary counts the set bits below each size;
//! - a trust list loads exactly when every key's `use` is a non-empty set of cert, status, data;
//! - a load is refused for its dates exactly as the rules say: more than a day ahead of the
//!   clock, before the minimum, older than or as old as (with other bytes) the installed list.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tirkeu::cert::cose::sign;
use tirkeu::cert::deflate::compress;
use tirkeu::cert::*;
use tirkeu_fuzz::{active_key_fields, list_payload};

/// Reads the fuzzer's bytes as small numbers; zeros once they run out.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> u8 {
        let (&first, rest) = self.0.split_first().unwrap_or((&0, &[]));
        self.0 = rest;
        first
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
    }
    fn bytes(&mut self, length: usize) -> Vec<u8> {
        (0..length).map(|_| self.byte()).collect()
    }
}

const LIMIT: u32 = 1 << 27;

fuzz_target!(|data: &[u8]| {
    let mut input = Input(data);
    match input.byte() % 2 {
        0 => status_list(&mut input),
        _ => trust_list(&mut input),
    }
});

/// A size: mostly small, sometimes at the limit's edges.
fn size(input: &mut Input<'_>) -> u32 {
    match input.byte() % 8 {
        0 => LIMIT,
        1 => LIMIT + 1 + input.u32() % 1000,
        2 => u32::MAX - input.u32() % 3,
        _ => input.u32() % 4096,
    }
}

fn status_list(input: &mut Input<'_>) {
    let iat = tirkeu_fuzz::LIST_IAT;
    let years = usize::from(input.byte() % 4);
    let mut payload = list_payload(2)
        .text("next")
        .int(iat + 1 + i64::from(input.byte()))
        .text("lists")
        .array(years as u64);
    let mut expected_ok = true;
    let mut written: Vec<(i64, u32, Vec<u8>)> = Vec::new();
    for _ in 0..years {
        let year = 2020 + i64::from(input.byte() % 8);
        let size = size(input);
        let right = (size.div_ceil(8)) as usize;
        // The right length (capped, to keep the run fast), or one byte off, or none.
        let length = match input.byte() % 4 {
            0 => right.saturating_sub(1),
            1 => right + 1,
            _ => right,
        };
        // Nothing large is built: past 4 KiB the bitstring is cut short (and so refused).
        let bits = input.bytes(length.min(1 << 12));
        if bits.len() != right || size > LIMIT || written.iter().any(|(y, _, _)| *y == year) {
            expected_ok = false;
        }
        payload = payload
            .map(3)
            .text("bits")
            .bytes(&compress(&bits))
            .text("size")
            .int(i64::from(size))
            .text("year")
            .int(year);
        written.push((year, size, bits));
    }
    let bytes = sign(&payload.build(), &tirkeu_fuzz::status_key());
    let loaded = StatusList::from_cose(&bytes, tirkeu_fuzz::trust_list());
    assert_eq!(loaded.is_ok(), expected_ok, "{loaded:?}");
    let Ok(list) = loaded else { return };
    let summary = list.summary();
    for ((year, size, bits), entry) in written.iter().zip(&summary.lists) {
        assert_eq!((i64::from(entry.year), entry.size), (*year, *size));
        let bit = |sequence: u32| bits[(sequence / 8) as usize] & (0x80 >> (sequence % 8)) != 0;
        let count = (0..*size).filter(|&sequence| bit(sequence)).count() as u64;
        assert_eq!(entry.revoked, count);
        // Every sequence of a small list, about 64 of a larger one, and the last.
        let step = (*size / 64).max(1) as usize;
        for sequence in (0..*size).step_by(step).chain(size.checked_sub(1)) {
            let number = format!("{year:04}-{sequence:09}");
            let expected = if bit(sequence) { Lookup::Revoked } else { Lookup::NotRevoked };
            assert_eq!(list.lookup_number(&number), expected, "{number}");
        }
        let past = format!("{year:04}-{size:09}");
        assert_eq!(list.lookup_number(&past), Lookup::NotCovered);
    }
    dates(input, &bytes, list.issued_at());
}

fn trust_list(input: &mut Input<'_>) {
    const WORDS: [&str; 5] = ["cert", "status", "data", "CERT", "sign"];
    let keys = usize::from(input.byte() % 3);
    let iat = tirkeu_fuzz::LIST_IAT;
    let mut payload = list_payload(2).text("keys").array(keys as u64);
    let mut expected_ok = true;
    for index in 0..keys {
        let key = SigningKey::from_seed([index as u8 + 1; 32]);
        let count = usize::from(input.byte() % 4);
        let words: Vec<&str> = (0..count)
            .map(|_| WORDS[usize::from(input.byte()) % WORDS.len()])
            .collect();
        let known = words.iter().all(|w| ["cert", "status", "data"].contains(w));
        let distinct = words
            .iter()
            .enumerate()
            .all(|(i, w)| !words[..i].contains(w));
        expected_ok &= !words.is_empty() && known && distinct;
        let mut entry = payload
            .map(8)
            .text("pk")
            .bytes(&key.public_key().to_bytes())
            .text("kid")
            .bytes(&key.kid())
            .text("use")
            .array(words.len() as u64);
        for word in &words {
            entry = entry.text(word);
        }
        payload = active_key_fields(entry, 0, "Office");
    }
    let payload = payload.text("next").int(iat + 1);
    let bytes = sign(&payload.build(), &tirkeu_fuzz::root());
    let loaded = TrustList::from_cose(&bytes, &tirkeu_fuzz::root().public_key());
    assert_eq!(loaded.is_ok(), expected_ok, "{loaded:?}");
    let Ok(list) = loaded else { return };
    for key in list.keys() {
        assert!(!key.uses.is_empty());
        // A key that may not sign certificates never verifies one.
        if !key.uses.contains(KeyUse::Cert) {
            assert!(!key.may_sign(KeyUse::Cert, iat));
        }
    }
    dates(input, &bytes, list.issued_at());
}

/// Loads `bytes` (a list issued at `iat`) into a verifier with a fuzzed installed list, clock
/// and minimum: it is refused for its dates exactly as the rules say.
fn dates(input: &mut Input<'_>, bytes: &[u8], iat: i64) {
    let now = iat + i64::from(input.byte() as i8) * 21_600;
    let minimum = match input.byte() % 3 {
        0 => None,
        _ => Some(iat + i64::from(input.byte() as i8 % 3)),
    };
    let options = LoadOptions {
        now_unix_seconds: now,
        min_issued_at: minimum,
    };
    let is_status = StatusList::from_cose(bytes, tirkeu_fuzz::trust_list()).is_ok();
    let mut verifier = Verifier::new(tirkeu_fuzz::root().public_key());
    let result = if is_status {
        verifier
            .load_trust_list(&tirkeu_fuzz::trust_bytes(), &LoadOptions::at(tirkeu_fuzz::NOW))
            .expect("fixture trust list");
        verifier.load_status_list(bytes, &options).err().map(|e| match e {
            StatusListError::Date(date) => Some(date),
            _ => None,
        })
    } else {
        verifier.load_trust_list(bytes, &options).err().map(|e| match e {
            TrustListError::Date(date) => Some(date),
            _ => None,
        })
    };
    let future = iat > now + 86_400;
    let below = minimum.is_some_and(|minimum| iat < minimum);
    match result {
        None => assert!(!future && !below),
        Some(Some(ListDateError::Future { .. })) => assert!(future),
        Some(Some(ListDateError::BelowMinimum { .. })) => assert!(below && !future),
        Some(other) => panic!("unexpected refusal {other:?}"),
    }
}
