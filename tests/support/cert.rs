//! Shared fixtures of the certificate tests: keys, a record, lists, and a raw CBOR builder for
//! structures the issuer would never write.

#![allow(dead_code)]

use tirkeu::cert::claims::Claims;
use tirkeu::cert::*;
use tirkeu::data::{DataBundle, NonWorkingDayKind, NonWorkingDayRow, RowStatus, Tables};
use tirkeu::date::Date;
use tirkeu::i18n::Lang;

/// 2026-07-01T10:00:00+05:00: the issue time of the fixtures.
pub const IAT: i64 = 1_782_882_000;
/// 2026-07-15T01:00:00+05:00: "now" in the fixtures.
pub const NOW: i64 = 1_784_059_200;
/// 2026-01-01T00:00:00+05:00: the keys' validity start.
pub const KEY_FROM: i64 = 1_767_207_600;
/// Lists are issued at 2026-07-01T00:00+05:00 and expect an update a year later.
pub const LIST_IAT: i64 = 1_782_846_000;
pub const LIST_NEXT: i64 = LIST_IAT + 365 * 86_400;

/// A BIN (an organisation's id: fifth digit 4, check digit right), for hosts that are companies.
pub const BIN: &str = "150640001237";
/// An IIN (a person's id): born 1990-05-15, check digit right.
pub const IIN: &str = "900515300127";

pub fn root() -> SigningKey {
    SigningKey::from_seed([0x52; 32])
}

pub fn issuer() -> SigningKey {
    SigningKey::from_seed([0x49; 32])
}

pub fn stranger() -> SigningKey {
    SigningKey::from_seed([0x53; 32])
}

/// The key that signs the status lists of the fixtures (its `use` is `status` only).
pub fn status_key() -> SigningKey {
    SigningKey::from_seed([0x55; 32])
}

/// A record with Kazakh letters, stay 2026-07-01 to 2026-09-28.
pub fn record() -> Record {
    Record {
        application_number: "2026-000000123".into(),
        surname: "ӘБІЛҚАСЫМОВА".into(),
        given_names: "ҒАЛИЯ".into(),
        patronymic: Some("ҰЛАНҚЫЗЫ".into()),
        passport: "FA1234567".into(),
        citizenship: "UZB".into(),
        address: "Алматы қ., Абай даңғылы, 10-үй, 5-пәтер".into(),
        region: "ALA".into(),
        stay_from: date("2026-07-01"),
        stay_to: date("2026-09-28"),
        host_id: BIN.into(),
        host_name: "ТОО «Өнер-Құрылыс»".into(),
    }
}

pub fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// An active key of the fixtures' validity that signs certificates.
pub fn key_spec(key: &SigningKey, name: &str) -> TrustedKeySpec {
    TrustedKeySpec::new(key.public_key(), name, KEY_FROM)
}

/// An active key of the fixtures' validity that signs status lists.
pub fn status_key_spec(key: &SigningKey, name: &str) -> TrustedKeySpec {
    TrustedKeySpec {
        uses: KeyUses::STATUS,
        ..key_spec(key, name)
    }
}

/// The key that signs the data bundles of the fixtures (its `use` is `data` only).
pub fn data_key() -> SigningKey {
    SigningKey::from_seed([0x44; 32])
}

/// An active key of the fixtures' validity that signs data bundles.
pub fn data_key_spec(key: &SigningKey, name: &str) -> TrustedKeySpec {
    TrustedKeySpec {
        uses: KeyUses::DATA,
        ..key_spec(key, name)
    }
}

/// The compiled tables as a data bundle named `version`, with 2027 as a decree would fix it:
/// the day off of Saturday 9 January moved to Friday 8 January (8 January off, 9 January a
/// working Saturday), and every 2027 row official.
pub fn decree_2027(version: &str, iat: i64) -> DataBundle {
    let mut bundle = DataBundle::from_tables(version, iat, iat + 365 * 86_400, Tables::compiled());
    for row in bundle.calendar.iter_mut().filter(|r| r.date.year() == 2027) {
        row.status = RowStatus::Official;
    }
    let row = |day: &str, kind, name: &str| NonWorkingDayRow {
        date: date(day),
        kind,
        name: name.to_owned().into(),
        status: RowStatus::Official,
        source: "Government decree on the transfer of days off in 2027".into(),
    };
    bundle.calendar.extend([
        row(
            "2027-01-08",
            NonWorkingDayKind::Transfer,
            "moved from 2027-01-09",
        ),
        row(
            "2027-01-09",
            NonWorkingDayKind::WorkingWeekend,
            "working day moved to 2027-01-08",
        ),
    ]);
    bundle.calendar.sort_by_key(|row| row.date);
    bundle
}

/// The keys of the fixtures: `issuer()` signs certificates, `status_key()` status lists.
pub fn keys() -> Vec<TrustedKeySpec> {
    vec![
        key_spec(&issuer(), "Issuer"),
        status_key_spec(&status_key(), "Status lists"),
    ]
}

pub fn trust_bytes(keys: Vec<TrustedKeySpec>, iat: i64, next: i64) -> Vec<u8> {
    build_trust_list(&TrustListSpec { iat, next, keys }, &root()).unwrap()
}

pub fn trust_list(keys: Vec<TrustedKeySpec>) -> TrustList {
    TrustList::from_cose(
        &trust_bytes(keys, LIST_IAT, LIST_NEXT),
        &root().public_key(),
    )
    .unwrap()
}

/// Loading at the fixtures' `NOW`.
pub fn at_now() -> LoadOptions {
    LoadOptions::at(NOW)
}

/// A verifier pinned to `root()` with a trust list of `keys`, and no status list.
pub fn verifier_with(keys: Vec<TrustedKeySpec>) -> Verifier {
    let mut verifier = Verifier::new(root().public_key());
    verifier
        .load_trust_list(&trust_bytes(keys, LIST_IAT, LIST_NEXT), &at_now())
        .unwrap();
    verifier
}

/// A verifier trusting `issuer()` (certificates) and `status_key()` (status lists), with a
/// fresh status list revoking `2026-000000666`.
pub fn verifier() -> Verifier {
    with_fresh_status_list(verifier_with(keys()))
}

/// `verifier` with a fresh status list revoking `2026-000000666` loaded.
fn with_fresh_status_list(mut verifier: Verifier) -> Verifier {
    verifier
        .load_status_list(
            &status_bytes(&["2026-000000666"], LIST_IAT, LIST_NEXT),
            &at_now(),
        )
        .unwrap();
    verifier
}

/// The highest sequence the fixtures' status lists say was issued in 2026.
pub const ISSUED_2026: u64 = 100_000;

/// A status list signed by `status_key()`, covering 2026 up to [`ISSUED_2026`].
pub fn status_bytes(revoked: &[&str], iat: i64, next: i64) -> Vec<u8> {
    status_bytes_by(revoked, iat, next, &status_key())
}

/// [`status_bytes`] signed by `key`.
pub fn status_bytes_by(revoked: &[&str], iat: i64, next: i64, key: &SigningKey) -> Vec<u8> {
    let mut spec = StatusListSpec::new(iat, next);
    spec.revoked = revoked.iter().map(|s| s.to_string()).collect();
    spec.issued.insert(2026, ISSUED_2026);
    build_status_list(&spec, key).unwrap()
}

pub fn context(on: &str) -> VerifyContext {
    VerifyContext {
        checked_on: date(on),
        now_unix_seconds: NOW,
        lang: Lang::En,
    }
}

pub fn certificate() -> String {
    issue_certificate(&record(), &issuer(), IAT).unwrap()
}

/// The COSE_Sign1 bytes inside a QR text.
pub fn cose_of(text: &str) -> Vec<u8> {
    let compressed = base45::decode(text.strip_prefix(QR_PREFIX).unwrap()).unwrap();
    deflate::inflate(&compressed, deflate::CERTIFICATE_LIMIT).unwrap()
}

/// The claims payload of a record at `IAT`, written as is (valid or not).
pub fn payload(record: &Record) -> Vec<u8> {
    Claims {
        issued_at: IAT,
        record: record.clone(),
    }
    .encode()
}

/// The QR text of `payload` signed by `key` in this project's profile.
pub fn signed_text(payload: &[u8], key: &SigningKey) -> String {
    qr_text_from_cose(&cose::sign(payload, key))
}

/// A minimal CBOR builder for hand-made structures (shortest heads unless told otherwise).
#[derive(Default, Clone)]
pub struct Cbor(pub Vec<u8>);

impl Cbor {
    pub fn new() -> Self {
        Cbor::default()
    }
    pub fn head(mut self, major: u8, argument: u64) -> Self {
        let major = major << 5;
        match argument {
            0..=23 => self.0.push(major | argument as u8),
            24..=0xff => self.0.extend([major | 24, argument as u8]),
            0x100..=0xffff => {
                self.0.push(major | 25);
                self.0.extend((argument as u16).to_be_bytes());
            }
            0x1_0000..=0xffff_ffff => {
                self.0.push(major | 26);
                self.0.extend((argument as u32).to_be_bytes());
            }
            _ => {
                self.0.push(major | 27);
                self.0.extend(argument.to_be_bytes());
            }
        }
        self
    }
    pub fn raw(mut self, bytes: &[u8]) -> Self {
        self.0.extend_from_slice(bytes);
        self
    }
    pub fn int(self, value: i64) -> Self {
        if value >= 0 {
            self.head(0, value as u64)
        } else {
            self.head(1, (-1 - value) as u64)
        }
    }
    pub fn bytes(self, value: &[u8]) -> Self {
        self.head(2, value.len() as u64).raw(value)
    }
    pub fn text(self, value: &str) -> Self {
        self.head(3, value.len() as u64).raw(value.as_bytes())
    }
    pub fn array(self, len: u64) -> Self {
        self.head(4, len)
    }
    pub fn map(self, len: u64) -> Self {
        self.head(5, len)
    }
    pub fn tag(self, number: u64) -> Self {
        self.head(6, number)
    }
    pub fn build(self) -> Vec<u8> {
        self.0
    }
}

/// `["Signature1", protected, h'', payload]`.
pub fn to_be_signed(protected: &[u8], payload: &[u8]) -> Vec<u8> {
    Cbor::new()
        .array(4)
        .text("Signature1")
        .bytes(protected)
        .bytes(&[])
        .bytes(payload)
        .build()
}

/// The standard protected header `{1: -19, 4: kid}`.
pub fn protected_header(kid: &[u8]) -> Vec<u8> {
    Cbor::new().map(2).int(1).int(-19).int(4).bytes(kid).build()
}

/// A tagged COSE_Sign1 with the given protected bytes, unprotected map bytes, payload and
/// signature.
pub fn cose_raw(protected: &[u8], unprotected: &[u8], payload: &[u8], signature: &[u8]) -> Vec<u8> {
    Cbor::new()
        .tag(18)
        .array(4)
        .bytes(protected)
        .raw(unprotected)
        .bytes(payload)
        .bytes(signature)
        .build()
}

/// A COSE_Sign1 signed by `key` over the given protected bytes (any kid, any header).
pub fn cose_signed_with(protected: &[u8], payload: &[u8], key: &SigningKey) -> Vec<u8> {
    let signature = key.sign(&to_be_signed(protected, payload));
    cose_raw(protected, &[0xa0], payload, &signature)
}

/// A verifier trusting `keys` and `status_key()`, with the fixtures' fresh status list
/// (revoking `2026-000000666`).
pub fn verifier_trusting(mut keys: Vec<TrustedKeySpec>) -> Verifier {
    keys.push(status_key_spec(&status_key(), "Status lists"));
    with_fresh_status_list(verifier_with(keys))
}

/// The payload of a version 1 trust list (no `use`): each key as (public key bytes, kid),
/// active from `KEY_FROM`, issued at `LIST_IAT`.
pub fn trust_v1_payload(keys: &[(&[u8], Kid)]) -> Vec<u8> {
    let mut payload = list_payload(1).text("keys").array(keys.len() as u64);
    for (public_key, kid) in keys {
        let entry = payload
            .map(7)
            .text("pk")
            .bytes(public_key)
            .text("kid")
            .bytes(kid);
        payload = active_key_fields(entry, KEY_FROM, "Office");
    }
    payload.text("next").int(LIST_NEXT).build()
}

/// The start of a list's payload: a map of four fields, the first two `v` (`version`) and `iat`
/// (`LIST_IAT`); the caller appends the list (`keys` or `lists`) and `next`.
pub fn list_payload(version: i64) -> Cbor {
    Cbor::new()
        .map(4)
        .text("v")
        .int(version)
        .text("iat")
        .int(LIST_IAT)
}

/// Appends the fields that follow `pk`, `kid` (and `use`) in a trust list's key entry for an
/// active key that is not a demonstration key: valid from `from`, named `name`, with no end.
pub fn active_key_fields(entry: Cbor, from: i64, name: &str) -> Cbor {
    entry
        .text("demo")
        .raw(&[0xf4])
        .text("from")
        .int(from)
        .text("name")
        .text(name)
        .text("until")
        .raw(&[0xf6])
        .text("status")
        .text("active")
}

/// The payload of a version 1 status list (no `size`: the bits cover 8 times their length),
/// one year 2026 of these bits, issued at `LIST_IAT`.
pub fn status_v1_payload(bits: &[u8]) -> Vec<u8> {
    list_payload(1)
        .text("next")
        .int(LIST_NEXT)
        .text("lists")
        .array(1)
        .map(2)
        .text("bits")
        .bytes(&deflate::compress(bits))
        .text("year")
        .int(2026)
        .build()
}

/// What [`corpus_certificates`] reaches, as `status/stage`: every status and every malformed
/// stage.
pub const CORPUS_OUTCOMES: [&str; 14] = [
    "valid/-",
    "unconfirmed/-",
    "expired/-",
    "not_yet_valid/-",
    "revoked/-",
    "bad_signature/-",
    "unknown_key/-",
    "key_not_valid/-",
    "malformed/base45",
    "malformed/zlib",
    "malformed/cose",
    "malformed/claims",
    "malformed/record",
    "not_a_certificate/-",
];

/// `text` with its COSE_Sign1 bytes changed by `change`.
pub fn reencoded(text: &str, change: impl FnOnce(&mut Vec<u8>)) -> String {
    let mut cose = cose_of(text);
    change(&mut cose);
    qr_text_from_cose(&cose)
}

/// The certificates of the parity corpus, each with the date it is checked on: QR texts that reach
/// every verification status and every malformed stage, checked against a trust list holding
/// `issuer()` and a status list revoking `2026-000000777` that covers 2026 up to [`ISSUED_2026`].
pub fn corpus_certificates() -> Vec<(String, &'static str)> {
    let valid = certificate();
    let mut revoked_record = record();
    revoked_record.application_number = "2026-000000777".into();
    let revoked = issue_certificate(&revoked_record, &issuer(), IAT).unwrap();
    let unknown_key = issue_certificate(&record(), &stranger(), IAT).unwrap();
    let before_key = issue_certificate(&record(), &issuer(), KEY_FROM - 86_400).unwrap();
    let bad_signature = reencoded(&valid, |cose| {
        if let Some(last) = cose.last_mut() {
            *last ^= 1;
        }
    });
    let not_claims = signed_text(&Cbor::new().text("not claims").build(), &issuer());
    let mut bad_record = record();
    bad_record.surname = "И\u{0306}ВАНОВА".into(); // not NFC
    let not_nfc = signed_text(&payload(&bad_record), &issuer());
    let mut kazakh = record();
    kazakh.surname = "ӘҒҚҢӨҰҮҺІ".into();
    kazakh.patronymic = None;
    let without_patronymic = issue_certificate(&kazakh, &issuer(), IAT).unwrap();
    // Issued before the status list, past the sequences it covers: unconfirmed.
    let uncovered = Record {
        application_number: format!("2026-{:09}", ISSUED_2026 + 1),
        ..record()
    };
    let uncovered = issue_certificate(&uncovered, &issuer(), LIST_IAT - 3600).unwrap();

    let mut texts: Vec<(String, &str)> = Vec::new();
    for on in ["2026-07-15", "2026-06-30", "2026-09-28", "2026-09-29"] {
        texts.push((valid.clone(), on)); // valid, not_yet_valid, valid on the last day, expired
    }
    for text in [
        revoked,
        unknown_key,
        before_key,
        bad_signature,
        not_claims,
        not_nfc,
        without_patronymic,
        uncovered,
        format!("{valid}\n"),
        valid.to_lowercase(),
        "KZ1:%%%".into(),                      // base45: a triple above 65535
        "KZ1:A".into(),                        // base45: length 1 mod 3
        "KZ1:000".into(),                      // zlib
        qr_text_from_cose(b"not cbor at all"), // cose
        qr_text_from_cose(&Cbor::new().map(0).build()), // cose: not a COSE_Sign1
        "KZ2:ABC".into(),                      // a future version: not ours
        "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N".into(),
        "https://egov.kz/cms/ru".into(),
        String::new(),
    ] {
        texts.push((text, "2026-07-15"));
    }
    texts
}

/// The sample certificate ([`certificate`]) verified by `verifier` on 2026-07-15, at `NOW`.
pub fn verify_sample(verifier: &Verifier) -> VerificationResult {
    verifier.verify(&certificate(), &context("2026-07-15"))
}
