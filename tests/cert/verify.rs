//! The verifier: one test per status and per malformed stage (docs/certificate-format.md section 7), the
//! refusals a later security review relies on, and the lists' install rules (sections 4-6).

use crate::support::cert as cert_support;

use std::time::{Duration, Instant};

use cert_support::*;
use tirkeu::cert::*;
use tirkeu::i18n::Lang;

fn verify(text: &str, on: &str) -> VerificationResult {
    verifier().verify(text, &context(on))
}

fn assert_malformed(result: &VerificationResult, stage: Stage) {
    assert_eq!(result.status, Status::Malformed, "{result:#?}");
    assert_eq!(result.stage, Some(stage), "{result:#?}");
    assert!(result.record.is_none());
    assert!(result.detail.is_some());
}

// ---- one test per status ----------------------------------------------------------------

#[test]
fn status_valid() {
    let result = verify(&certificate(), "2026-07-15");
    assert_eq!(result.status, Status::Valid);
    assert_eq!(result.stage, None);
    assert_eq!(result.record, Some(record()));
    assert_eq!(
        result.kid.as_deref(),
        Some(keys::to_hex(&issuer().kid()).as_str())
    );
    assert_eq!(result.key_name.as_deref(), Some("Issuer"));
    assert_eq!(
        result.issued_at.as_deref(),
        Some("2026-07-01T10:00:00+05:00")
    );
    assert_eq!(result.issued_at_unix, Some(IAT));
    assert_eq!(result.checked_on, date("2026-07-15"));
    assert_eq!(result.days_remaining, Some(75));
    assert!(!result.demo);
    assert!(result.warnings.is_empty(), "{:?}", result.warnings);
    // The date as the project writes it, never ISO; "inclusive": the last day counts.
    assert_eq!(
        result.message,
        "Valid: registered until 28 September 2026 inclusive."
    );
}

#[test]
fn status_valid_on_the_first_and_last_day() {
    // Source: docs/certificate-format.md section 7: stay from <= date <= stay to.
    assert_eq!(
        verify(&certificate(), "2026-07-01").days_remaining,
        Some(89)
    );
    let last = verify(&certificate(), "2026-09-28");
    assert_eq!(last.status, Status::Valid);
    assert_eq!(last.days_remaining, Some(0));
}

#[test]
fn status_expired() {
    let result = verify(&certificate(), "2026-09-29");
    assert_eq!(result.status, Status::Expired);
    assert_eq!(result.record, Some(record()));
    assert_eq!(result.days_remaining, None);
    assert_eq!(
        result.message,
        "Expired: the registration ended on 28 September 2026."
    );
}

#[test]
fn status_not_yet_valid() {
    let result = verify(&certificate(), "2026-06-30");
    assert_eq!(result.status, Status::NotYetValid);
    assert_eq!(result.record, Some(record()));
    assert_eq!(
        result.message,
        "Not yet valid: the registration starts on 1 July 2026."
    );
}

#[test]
fn status_revoked() {
    let mut revoked = record();
    revoked.application_number = "2026-000000666".into();
    let text = issue_certificate(&revoked, &issuer(), IAT).unwrap();
    let result = verify(&text, "2026-07-15");
    assert_eq!(result.status, Status::Revoked);
    assert_eq!(result.record, Some(revoked.clone()));
    // The same number in another year is not revoked.
    revoked.application_number = "2027-000000666".into();
    let other_year = issue_certificate(&revoked, &issuer(), IAT).unwrap();
    assert_eq!(verify(&other_year, "2026-07-15").status, Status::Valid);
}

#[test]
fn status_bad_signature_shows_nothing_of_the_payload() {
    let mut cose = cose_of(&certificate());
    let last = cose.len() - 1;
    cose[last] ^= 0x01; // the last byte of the signature
    let result = verify(&qr_text_from_cose(&cose), "2026-07-15");
    assert_eq!(result.status, Status::BadSignature);
    assert_eq!(result.record, None);
    assert_eq!(result.issued_at, None);
    assert_eq!(result.key_name.as_deref(), Some("Issuer"));
    assert_eq!(result.days_remaining, None);
}

#[test]
fn status_bad_signature_for_a_forgery_under_the_issuers_kid() {
    // Another key signs, claiming the issuer's kid.
    let forged = cose_signed_with(
        &protected_header(&issuer().kid()),
        &payload(&record()),
        &stranger(),
    );
    assert_eq!(
        verify(&qr_text_from_cose(&forged), "2026-07-15").status,
        Status::BadSignature
    );
}

#[test]
fn status_unknown_key() {
    let result = verify(&signed_text(&payload(&record()), &stranger()), "2026-07-15");
    assert_eq!(result.status, Status::UnknownKey);
    assert_eq!(
        result.kid.as_deref(),
        Some(keys::to_hex(&stranger().kid()).as_str())
    );
    assert_eq!(result.record, None);
    assert_eq!(result.key_name, None);
}

#[test]
fn status_key_not_valid_when_the_key_is_revoked() {
    let mut spec = key_spec(&issuer(), "Issuer");
    spec.status = KeyStatus::Revoked;
    let verifier = verifier_trusting(vec![spec]);
    let result = verify_sample(&verifier);
    assert_eq!(result.status, Status::KeyNotValid);
    assert_eq!(result.record, None);
    assert_eq!(result.issued_at_unix, Some(IAT));
}

#[test]
fn status_key_not_valid_when_iat_is_outside_the_keys_validity() {
    let mut too_late = key_spec(&issuer(), "Issuer");
    too_late.from = IAT + 1;
    let mut too_early = key_spec(&issuer(), "Issuer");
    too_early.until = Some(IAT - 1);
    for spec in [too_late, too_early] {
        let verifier = verifier_trusting(vec![spec]);
        assert_eq!(verify_sample(&verifier).status, Status::KeyNotValid);
    }
    // The bounds are inclusive, and a retired key still vouches for what it signed in time.
    let mut exact = key_spec(&issuer(), "Issuer");
    exact.from = IAT;
    exact.until = Some(IAT);
    exact.status = KeyStatus::Retired;
    let verifier = verifier_trusting(vec![exact]);
    assert_eq!(verify_sample(&verifier).status, Status::Valid);
}

#[test]
fn the_demo_flag_follows_the_key() {
    // Source: docs/certificate-format.md section 4: a result under a demo key carries `demo: true`.
    let mut demo_key = key_spec(&issuer(), "DEMO issuer");
    demo_key.demo = true;
    // A DEMO status list speaks only of DEMO certificates: both DEMO keys.
    let mut demo_status_key = status_key_spec(&status_key(), "DEMO status lists");
    demo_status_key.demo = true;
    let mut verifier = verifier_with(vec![demo_key, demo_status_key]);
    verifier
        .load_status_list(&status_bytes(&[], LIST_IAT, LIST_NEXT), &at_now())
        .unwrap();
    let result = verify_sample(&verifier);
    assert_eq!(result.status, Status::Valid);
    assert!(result.demo);
    assert_eq!(result.exit_code(), 1, "a DEMO verdict never exits 0");
    let json = serde_json::to_value(&result).unwrap();
    assert_eq!(json["demo"], true);
    assert_eq!(json["keyName"], "DEMO issuer");
    assert_eq!(json["checkedOn"], "2026-07-15");
    assert_eq!(json["daysRemaining"], 75);
    assert_eq!(json["record"]["stayTo"], "2026-09-28");
    assert!(!verify(&certificate(), "2026-07-15").demo);
}

#[test]
fn status_not_a_certificate() {
    for text in [
        "https://egov.kz/",
        "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N",
        "",
        "kz1:ABC",
        " KZ1:ABC",
    ] {
        let result = verify(text, "2026-07-15");
        assert_eq!(result.status, Status::NotACertificate, "{text:?}");
        assert_eq!(result.kid, None);
    }
    // A trailing line break from a paste is not part of the text.
    assert_eq!(
        verify(&format!("{}\r\n", certificate()), "2026-07-15").status,
        Status::Valid
    );
}

#[test]
fn messages_exist_for_every_status_in_three_languages() {
    let mut revoked_key = key_spec(&issuer(), "Issuer");
    revoked_key.status = KeyStatus::Revoked;
    let key_not_valid = verifier_trusting(vec![revoked_key]);
    let revoked = Record {
        application_number: "2026-000000666".into(),
        ..record()
    };
    let bad_signature = replace_signature(&certificate(), |signature| signature[0] ^= 1);
    let cases = [
        (verifier(), certificate(), "2026-07-15"),
        (verifier(), certificate(), "2026-10-01"),
        (verifier(), certificate(), "2026-06-01"),
        (
            verifier(),
            issue_certificate(&revoked, &issuer(), IAT).unwrap(),
            "2026-07-15",
        ),
        (verifier(), bad_signature, "2026-07-15"),
        (
            verifier(),
            signed_text(&payload(&record()), &stranger()),
            "2026-07-15",
        ),
        (key_not_valid, certificate(), "2026-07-15"),
        (verifier(), "KZ1:A".to_string(), "2026-07-15"),
        (verifier(), "https://example.kz".to_string(), "2026-07-15"),
    ];
    let mut seen = std::collections::HashSet::new();
    for (verifier, text, on) in &cases {
        let results: Vec<VerificationResult> = Lang::ALL
            .iter()
            .map(|&lang| {
                verifier.verify(
                    text,
                    &VerifyContext {
                        lang,
                        ..context(on)
                    },
                )
            })
            .collect();
        let status = results[0].status;
        seen.insert(status);
        let messages: Vec<&str> = results.iter().map(|r| r.message.as_str()).collect();
        assert!(
            messages.iter().all(|m| !m.is_empty() && !m.contains('{')),
            "{status}: {messages:?}"
        );
        assert_ne!(messages[0], messages[1], "{status}");
        assert_ne!(messages[1], messages[2], "{status}");
    }
    assert_eq!(seen.len(), 9, "{seen:?}");
    let malformed = verifier().verify(
        "KZ1:A",
        &VerifyContext {
            lang: Lang::Ru,
            ..context("2026-07-15")
        },
    );
    assert_eq!(
        malformed.message,
        "QR-код повреждён или прочитан с ошибкой. Отсканируйте его ещё раз."
    );
    let valid = verifier().verify(
        &certificate(),
        &VerifyContext {
            lang: Lang::Kk,
            ..context("2026-07-15")
        },
    );
    // Kazakh puts the date in the dative before "дейін".
    assert_eq!(
        valid.message,
        "Анықтама жарамды: тіркеу 2026 жылғы 28 қыркүйекке дейін (қоса алғанда)."
    );
}

// ---- one test per malformed stage ---------------------------------------------------------

#[test]
fn malformed_base45() {
    for text in ["KZ1:abc", "KZ1:A", "KZ1:GGW", "KZ1:ZZ", "KZ1:Ә00"] {
        assert_malformed(&verify(text, "2026-07-15"), Stage::Base45);
    }
}

#[test]
fn malformed_zlib() {
    // Valid Base45 of bytes that are not zlib; raw deflate without the zlib wrapper; a zlib
    // stream with a byte after it; a wrong checksum.
    let cose = cose_of(&certificate());
    let raw_deflate = {
        let zlib = deflate::compress(&cose);
        zlib[2..zlib.len() - 4].to_vec()
    };
    let mut trailing = deflate::compress(&cose);
    trailing.push(0);
    let mut wrong_sum = deflate::compress(&cose);
    let last = wrong_sum.len() - 1;
    wrong_sum[last] ^= 0xff;
    for bytes in [&cose[..], &raw_deflate, &trailing, &wrong_sum] {
        let text = format!("KZ1:{}", base45::encode(bytes));
        assert_malformed(&verify(&text, "2026-07-15"), Stage::Zlib);
    }
}

#[test]
fn malformed_cose() {
    let payload = payload(&record());
    let kid = issuer().kid();
    let signature = [0u8; 64];
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("not an array", Cbor::new().map(0).build()),
        (
            "three elements",
            Cbor::new()
                .tag(18)
                .array(3)
                .bytes(&[])
                .map(0)
                .bytes(&payload)
                .build(),
        ),
        ("tag 98 (COSE_Sign)", Cbor::new().tag(98).array(4).build()),
        (
            "alg ES256",
            cose_raw(
                &Cbor::new().map(2).int(1).int(-7).int(4).bytes(&kid).build(),
                &[0xa0],
                &payload,
                &signature,
            ),
        ),
        (
            "kid of 4 bytes",
            cose_raw(&protected_header(&kid[..4]), &[0xa0], &payload, &signature),
        ),
        (
            "kid unprotected",
            cose_raw(
                &Cbor::new().map(1).int(1).int(-19).build(),
                &Cbor::new().map(1).int(4).bytes(&kid).build(),
                &payload,
                &signature,
            ),
        ),
        (
            "signature of 63 bytes",
            cose_raw(&protected_header(&kid), &[0xa0], &payload, &signature[..63]),
        ),
        (
            "detached payload",
            Cbor::new()
                .tag(18)
                .array(4)
                .bytes(&protected_header(&kid))
                .map(0)
                .raw(&[0xf6])
                .bytes(&signature)
                .build(),
        ),
    ];
    for (name, cose) in cases {
        let result = verify(&qr_text_from_cose(&cose), "2026-07-15");
        assert_malformed(&result, Stage::Cose);
        assert!(result.kid.is_none(), "{name}");
    }
}

#[test]
fn malformed_claims() {
    let record_map = {
        let full = payload(&record());
        // The record map follows the -70000 key (0x3a 0x00 0x01 0x11 0x6f) in the encoded claims.
        let at = full
            .windows(5)
            .position(|w| w == [0x3a, 0x00, 0x01, 0x11, 0x6f])
            .unwrap()
            + 5;
        full[at..].to_vec()
    };
    let claims = |build: fn(Cbor, &[u8]) -> Cbor| build(Cbor::new(), &record_map).build();
    let cases = [
        (
            "issuer RU",
            claims(|c, r| {
                c.map(3)
                    .int(1)
                    .text("RU")
                    .int(6)
                    .int(IAT)
                    .int(-70000)
                    .raw(r)
            }),
        ),
        (
            "no iat",
            claims(|c, r| c.map(2).int(1).text("KZ").int(-70000).raw(r)),
        ),
        (
            "iat as text",
            claims(|c, r| {
                c.map(3)
                    .int(1)
                    .text("KZ")
                    .int(6)
                    .text("2026")
                    .int(-70000)
                    .raw(r)
            }),
        ),
        (
            "negative iat",
            claims(|c, r| c.map(3).int(1).text("KZ").int(6).int(-5).int(-70000).raw(r)),
        ),
        (
            "unknown claim exp",
            claims(|c, r| {
                c.map(4)
                    .int(1)
                    .text("KZ")
                    .int(4)
                    .int(IAT)
                    .int(6)
                    .int(IAT)
                    .int(-70000)
                    .raw(r)
            }),
        ),
        (
            "no record",
            claims(|c, _| c.map(2).int(1).text("KZ").int(6).int(IAT)),
        ),
        (
            "duplicate iat",
            claims(|c, r| {
                c.map(4)
                    .int(1)
                    .text("KZ")
                    .int(6)
                    .int(IAT)
                    .int(6)
                    .int(IAT)
                    .int(-70000)
                    .raw(r)
            }),
        ),
        ("claims not a map", claims(|c, _| c.array(0))),
        (
            "trailing byte after the claims",
            claims(|c, r| {
                c.map(3)
                    .int(1)
                    .text("KZ")
                    .int(6)
                    .int(IAT)
                    .int(-70000)
                    .raw(r)
                    .raw(&[0])
            }),
        ),
        (
            "non-minimal iat",
            claims(|c, r| {
                c.map(3)
                    .int(1)
                    .text("KZ")
                    .int(6)
                    .raw(&[0x1b, 0, 0, 0, 0])
                    .raw(&(IAT as u32).to_be_bytes())
                    .int(-70000)
                    .raw(r)
            }),
        ),
    ];
    for (name, claims) in cases {
        let result = verify(&signed_text(&claims, &issuer()), "2026-07-15");
        assert_eq!(result.stage, Some(Stage::Claims), "{name}: {result:#?}");
        assert_malformed(&result, Stage::Claims);
    }
}

/// Claims around a hand-made record map.
fn claims_with_record(record_map: &[u8]) -> Vec<u8> {
    Cbor::new()
        .map(3)
        .int(1)
        .text("KZ")
        .int(6)
        .int(IAT)
        .int(-70000)
        .raw(record_map)
        .build()
}

/// A hand-made record map: version 1 and the fixture's fields, then `extra` entries.
fn record_map(skip: &[i64], extra: &[(i64, Cbor)]) -> Vec<u8> {
    let r = record();
    let fields: Vec<(i64, String)> = vec![
        (2, r.application_number),
        (3, r.surname),
        (4, r.given_names),
        (6, r.passport),
        (7, r.citizenship),
        (8, r.address),
        (9, r.region),
        (10, r.stay_from.to_string()),
        (11, r.stay_to.to_string()),
        (12, r.host_id),
        (13, r.host_name),
    ];
    let kept: Vec<_> = fields
        .into_iter()
        .filter(|(k, _)| !skip.contains(k))
        .collect();
    let mut map = Cbor::new()
        .map((kept.len() + extra.len() + 1) as u64)
        .int(1)
        .int(1);
    for (key, value) in kept {
        map = map.int(key).text(&value);
    }
    for (key, value) in extra {
        map = map.int(*key).raw(&value.0);
    }
    map.build()
}

#[test]
fn malformed_record() {
    let nfd_surname = Record {
        surname: "ЙОРДАНОВ".replace('Й', "И\u{306}"),
        ..record()
    };
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("not NFC", payload(&nfd_surname)),
        (
            "unknown key 14",
            claims_with_record(&record_map(&[], &[(14, Cbor::new().text("x"))])),
        ),
        (
            "duplicate key 3",
            claims_with_record(&record_map(&[], &[(3, Cbor::new().text("AGAIN"))])),
        ),
        (
            "missing surname",
            claims_with_record(&record_map(&[3], &[])),
        ),
        (
            "surname as bytes",
            claims_with_record(&record_map(&[3], &[(3, Cbor::new().bytes(b"X"))])),
        ),
        (
            "version 2",
            claims_with_record(&Cbor::new().map(1).int(1).int(2).build()),
        ),
        (
            "bad date",
            claims_with_record(&record_map(&[10], &[(10, Cbor::new().text("2026-02-30"))])),
        ),
        (
            "bad application number",
            payload(&Record {
                application_number: "26-123".into(),
                ..record()
            }),
        ),
        (
            "stay to before from",
            payload(&Record {
                stay_to: date("2026-06-01"),
                ..record()
            }),
        ),
        (
            "control character",
            payload(&Record {
                address: "Алматы\u{7}".into(),
                ..record()
            }),
        ),
        (
            "indefinite-length text",
            claims_with_record(&record_map(
                &[3],
                &[(3, Cbor::new().raw(&[0x7f, 0x61, b'A', 0xff]))],
            )),
        ),
        (
            "indefinite-length map",
            claims_with_record(&[0xbf, 0x01, 0x01, 0xff]),
        ),
    ];
    for (name, claims) in cases {
        let result = verify(&signed_text(&claims, &issuer()), "2026-07-15");
        assert_eq!(result.stage, Some(Stage::Record), "{name}: {result:#?}");
        assert_malformed(&result, Stage::Record);
        assert_eq!(result.issued_at, None, "{name}");
    }
    // A non-minimal map key: key 3 written as 0x18 0x03.
    let mut map = record_map(&[3], &[]);
    map[0] += 1; // one more entry
    map.extend([0x18, 0x03, 0x61, b'A']);
    assert_malformed(
        &verify(
            &signed_text(&claims_with_record(&map), &issuer()),
            "2026-07-15",
        ),
        Stage::Record,
    );
}

#[test]
fn record_text_is_checked_for_nfc_exactly() {
    // Source: docs/certificate-format.md section 3 (strings in Unicode normalisation form C) and UAX #15:
    // Ә + U+0301 COMBINING ACUTE ACCENT has no precomposed form, so it is NFC: issued and valid.
    let accented = Record {
        surname: "\u{4d8}\u{301}БІЛҚАСЫМОВА".into(),
        ..record()
    };
    let result = verify(
        &issue_certificate(&accented, &issuer(), IAT).unwrap(),
        "2026-07-15",
    );
    assert_eq!(result.status, Status::Valid, "{result:#?}");
    assert_eq!(result.record, Some(accented));
    // The same name with Й written as И + U+0306 (NFD) is refused by issuer and verifier.
    let decomposed = Record {
        given_names: "И\u{306}ЕРЛАН".into(),
        ..record()
    };
    assert!(issue_certificate(&decomposed, &issuer(), IAT).is_err());
    let result = verify(&signed_text(&payload(&decomposed), &issuer()), "2026-07-15");
    assert_malformed(&result, Stage::Record);
}

// ---- refusals for the security review -------------------------------------------------------

/// The group order L of edwards25519, little-endian (RFC 8032 section 5.1).
const GROUP_ORDER_L: [u8; 32] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

fn replace_signature(text: &str, edit: impl Fn(&mut [u8; 64])) -> String {
    let mut cose = cose_of(text);
    let start = cose.len() - 64;
    let mut signature: [u8; 64] = cose[start..].try_into().unwrap();
    edit(&mut signature);
    cose[start..].copy_from_slice(&signature);
    qr_text_from_cose(&cose)
}

#[test]
fn a_malleated_signature_s_plus_l_is_refused() {
    // S + L is the same scalar mod L: lenient verifiers accept it (signature malleability);
    // strict verification requires S < L.
    let malleated = replace_signature(&certificate(), |signature| {
        let mut carry = 0u16;
        for (s, l) in signature[32..].iter_mut().zip(GROUP_ORDER_L) {
            let sum = u16::from(*s) + u16::from(l) + carry;
            *s = sum as u8;
            carry = sum >> 8;
        }
        assert_eq!(carry, 0);
    });
    assert_eq!(
        verify(&malleated, "2026-07-15").status,
        Status::BadSignature
    );
}

#[test]
fn small_order_and_non_canonical_r_values_are_refused() {
    // Source: C2SP CCTV ed25519 README (low-order encodings), as R.
    for r in [
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0100000000000000000000000000000000000000000000000000000000000080",
    ] {
        let bytes: Vec<u8> = (0..64)
            .step_by(2)
            .map(|i| u8::from_str_radix(&r[i..i + 2], 16).unwrap())
            .collect();
        let text = replace_signature(&certificate(), |signature| {
            signature[..32].copy_from_slice(&bytes)
        });
        assert_eq!(
            verify(&text, "2026-07-15").status,
            Status::BadSignature,
            "R = {r}"
        );
    }
}

/// A trust list payload with one key of raw public key bytes, signed by the root.
fn trust_list_with_raw_key(public_key: &[u8]) -> Vec<u8> {
    let payload = list_payload(1)
        .text("keys")
        .array(1)
        .map(7)
        .text("pk")
        .bytes(public_key)
        .text("kid")
        .bytes(&[7; 8]);
    let payload = active_key_fields(payload, 0, "weak")
        .text("next")
        .int(LIST_NEXT)
        .build();
    cose::sign(&payload, &root())
}

#[test]
fn a_trust_list_with_a_weak_or_non_canonical_key_is_refused() {
    let mut identity = [0u8; 32];
    identity[0] = 1;
    let mut y_is_p = [0xff; 32];
    y_is_p[0] = 0xed;
    y_is_p[31] = 0x7f;
    for key in [identity, y_is_p] {
        let result = TrustList::from_cose(&trust_list_with_raw_key(&key), &root().public_key());
        assert_eq!(result, Err(TrustListError::WeakKey { kid: [7; 8] }));
    }
    // The same payload with a good key is accepted (the test is about the key only).
    let good = trust_list_with_raw_key(&issuer().public_key().to_bytes());
    assert!(TrustList::from_cose(&good, &root().public_key()).is_ok());
}

#[test]
fn a_trust_list_signed_by_an_unpinned_root_is_refused() {
    let bytes = trust_bytes(vec![key_spec(&issuer(), "Issuer")], LIST_IAT, LIST_NEXT);
    // Pinned: another root. The list names its signer's kid, which is not the pinned one.
    assert_eq!(
        TrustList::from_cose(&bytes, &stranger().public_key()),
        Err(TrustListError::RootNotPinned { kid: root().kid() })
    );
    // A list claiming the pinned root's kid but signed by another key.
    let payload = tirkeu::cert::cose::Sign1::decode(&bytes)
        .unwrap()
        .payload
        .to_vec();
    let forged = cose_signed_with(&protected_header(&root().kid()), &payload, &stranger());
    assert_eq!(
        TrustList::from_cose(&forged, &root().public_key()),
        Err(TrustListError::BadSignature)
    );
    // Trailing bytes, or a payload key repeated, are refused too.
    let mut trailing = bytes.clone();
    trailing.push(0);
    assert!(matches!(
        TrustList::from_cose(&trailing, &root().public_key()),
        Err(TrustListError::Cose(_))
    ));
}

#[test]
fn stale_and_missing_lists_are_warned() {
    // Source: the certificate format, trust list (past `next` a list is stale; within the grace
    // period a result stays valid with a warning and the list's age) and the `unconfirmed`
    // status (no status list).
    let certificate = certificate();
    // Lists issued 40 days ago whose next update passed 5 days ago: within the 7-day grace.
    let old_iat = NOW - 40 * 86_400;
    let old_next = NOW - 5 * 86_400;
    let mut verifier = Verifier::new(root().public_key());
    verifier
        .load_trust_list(&trust_bytes(keys(), old_iat, old_next), &at_now())
        .unwrap();
    let missing = verifier.verify(&certificate, &context("2026-07-15"));
    assert_eq!(missing.status, Status::Unconfirmed);
    let codes: Vec<_> = missing.warnings.iter().map(|w| w.code).collect();
    assert_eq!(codes, ["trust.stale", "status.missing"]);
    assert_eq!(missing.warnings[0].age_days, Some(40));
    assert_eq!(
        missing.warnings[0].message,
        "The trust list is out of date (issued 40 days ago): update it."
    );
    assert_eq!(missing.days_remaining, Some(75));
    assert_eq!(missing.record, Some(record()));

    verifier
        .load_status_list(&status_bytes(&[], old_iat, old_next), &at_now())
        .unwrap();
    let stale = verifier.verify(&certificate, &context("2026-07-15"));
    let codes: Vec<_> = stale.warnings.iter().map(|w| w.code).collect();
    assert_eq!(codes, ["trust.stale", "status.stale"]);
    assert_eq!(stale.warnings[1].age_days, Some(40));
    assert_eq!(stale.warnings[1].list_issued_at, Some(old_iat));
    assert_eq!(stale.status, Status::Valid);
}

#[test]
fn two_keys_with_the_same_kid_are_both_tried() {
    // The first key listed under the issuer's kid is another key: it must not stop the search.
    let mut impostor = key_spec(&stranger(), "First under this kid");
    impostor.kid = Some(issuer().kid());
    let verifier = verifier_trusting(vec![impostor.clone(), key_spec(&issuer(), "Issuer")]);
    let result = verify_sample(&verifier);
    assert_eq!(result.status, Status::Valid);
    assert_eq!(result.key_name.as_deref(), Some("Issuer"));
    // The same key listed twice, revoked then active with another window: the valid entry wins.
    let mut revoked = key_spec(&issuer(), "Old entry");
    revoked.status = KeyStatus::Revoked;
    let verifier = verifier_trusting(vec![revoked, key_spec(&issuer(), "New entry")]);
    assert_eq!(
        verify_sample(&verifier).key_name.as_deref(),
        Some("New entry")
    );
    // With only the impostor under that kid, the signature is bad.
    let verifier = verifier_trusting(vec![impostor]);
    assert_eq!(verify_sample(&verifier).status, Status::BadSignature);
}

#[test]
fn a_protected_header_whose_bytes_are_not_a_map_is_malformed_cose() {
    for protected in [
        Cbor::new().array(2).int(1).int(-19).build(),
        Cbor::new().text("alg").build(),
        Cbor::new().int(-19).build(),
        [protected_header(&issuer().kid()), vec![0x00]].concat(),
    ] {
        // Correctly signed over those bytes, so only the shape is wrong.
        let cose = cose_signed_with(&protected, &payload(&record()), &issuer());
        assert_malformed(
            &verify(&qr_text_from_cose(&cose), "2026-07-15"),
            Stage::Cose,
        );
    }
}

#[test]
fn the_protected_header_is_verified_as_received() {
    // The same header map with its entries in another order is another byte string: signed
    // and sent as those bytes, it verifies; its signature sent with the usual order fails.
    let kid = issuer().kid();
    let reordered = Cbor::new()
        .map(2)
        .int(4)
        .bytes(&kid)
        .int(1)
        .int(-19)
        .build();
    let signed = cose_signed_with(&reordered, &payload(&record()), &issuer());
    assert_eq!(
        verify(&qr_text_from_cose(&signed), "2026-07-15").status,
        Status::Valid
    );
    let signature = cose::Sign1::decode(&signed).unwrap().signature;
    let swapped = cose_raw(
        &protected_header(&kid),
        &[0xa0],
        &payload(&record()),
        &signature,
    );
    assert_eq!(
        verify(&qr_text_from_cose(&swapped), "2026-07-15").status,
        Status::BadSignature
    );
    // alg -8 (EdDSA) is accepted on input.
    let eddsa = Cbor::new().map(2).int(1).int(-8).int(4).bytes(&kid).build();
    let signed = cose_signed_with(&eddsa, &payload(&record()), &issuer());
    assert_eq!(
        verify(&qr_text_from_cose(&signed), "2026-07-15").status,
        Status::Valid
    );
}

#[test]
fn duplicate_map_keys_are_rejected_everywhere() {
    let kid = issuer().kid();
    // Protected header {1: -19, 4: kid, 4: kid}.
    let protected = Cbor::new()
        .map(3)
        .int(1)
        .int(-19)
        .int(4)
        .bytes(&kid)
        .int(4)
        .bytes(&kid)
        .build();
    let cose = cose_signed_with(&protected, &payload(&record()), &issuer());
    assert_malformed(
        &verify(&qr_text_from_cose(&cose), "2026-07-15"),
        Stage::Cose,
    );
    // Unprotected header {4: kid, 4: kid}.
    let unprotected = Cbor::new()
        .map(2)
        .int(4)
        .bytes(&kid)
        .int(4)
        .bytes(&kid)
        .build();
    let cose = cose_raw(
        &protected_header(&kid),
        &unprotected,
        &payload(&record()),
        &[0; 64],
    );
    assert_malformed(
        &verify(&qr_text_from_cose(&cose), "2026-07-15"),
        Stage::Cose,
    );
    // Claims and record: see malformed_claims ("duplicate iat") and malformed_record
    // ("duplicate key 3"). Trust and status lists: a repeated "iat".
    let payload = Cbor::new()
        .map(4)
        .text("v")
        .int(1)
        .text("iat")
        .int(1)
        .text("iat")
        .int(1)
        .text("keys")
        .array(0)
        .build();
    let list = cose::sign(&payload, &root());
    assert!(matches!(
        TrustList::from_cose(&list, &root().public_key()),
        Err(TrustListError::Payload(_))
    ));
}

#[test]
fn trailing_bytes_after_the_cose_structure_are_rejected() {
    let mut cose = cose_of(&certificate());
    cose.push(0xa0);
    assert_malformed(
        &verify(&qr_text_from_cose(&cose), "2026-07-15"),
        Stage::Cose,
    );
}

#[test]
fn indefinite_lengths_and_non_minimal_integers_are_rejected() {
    // Strict by decision (cbor.rs): the issuer never writes them, and each would give one
    // certificate several encodings. In the COSE structure: an indefinite array, a
    // non-minimal array length, a non-minimal signature length.
    let cose = cose_of(&certificate());
    let mut indefinite = cose.clone();
    indefinite[1] = 0x9f;
    indefinite.push(0xff);
    let mut long_array_head = vec![0xd2, 0x98, 0x04];
    long_array_head.extend_from_slice(&cose[2..]);
    let mut long_signature_head = cose.clone();
    let at = long_signature_head.len() - 66;
    assert_eq!(long_signature_head[at..at + 2], [0x58, 0x40]);
    long_signature_head.splice(at..at + 2, [0x59, 0x00, 0x40]);
    for bytes in [indefinite, long_array_head, long_signature_head] {
        assert_malformed(
            &verify(&qr_text_from_cose(&bytes), "2026-07-15"),
            Stage::Cose,
        );
    }
    // In the record: see malformed_record ("indefinite-length text", "indefinite-length map",
    // the non-minimal key).
}

#[test]
fn a_zlib_bomb_is_refused_quickly() {
    // 10 MB of zeros compress to about 10 KB; at most 4,296 characters fit, so the bomb here is
    // the largest that fits: 2,862 bytes of zlib inflating to about 2.9 MB, stopped at 8 KiB.
    let mut data = vec![0u8; 2_800_000];
    data[..4].copy_from_slice(&[0xd2, 0x84, 0x45, 0xa2]);
    let zlib = deflate::compress(&data);
    let text = format!("KZ1:{}", base45::encode(&zlib));
    assert!(text.len() <= MAX_QR_TEXT_LENGTH, "{}", text.len());
    let start = Instant::now();
    let result = verify(&text, "2026-07-15");
    assert_malformed(&result, Stage::Zlib);
    assert!(result.detail.unwrap().contains("8192"));
    assert!(
        start.elapsed() < Duration::from_millis(500),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn an_over_long_text_is_refused_before_decoding() {
    // 100,000 characters, all outside the Base45 alphabet: the length is what is reported, so
    // nothing was decoded.
    let text = format!("KZ1:{}", "a".repeat(100_000));
    let start = Instant::now();
    let result = verify(&text, "2026-07-15");
    assert_malformed(&result, Stage::Base45);
    assert!(
        result.detail.as_deref().unwrap().contains("more than 4296"),
        "{:?}",
        result.detail
    );
    assert!(start.elapsed() < Duration::from_millis(100));
    // The limit itself is allowed through to decoding.
    let at_limit = format!("KZ1:{}", "0".repeat(MAX_QR_TEXT_LENGTH - 4));
    assert!(
        !verify(&at_limit, "2026-07-15")
            .detail
            .unwrap()
            .contains("more than")
    );
}

#[test]
fn changing_any_single_character_never_yields_valid() {
    // Every position, every other character of the alphabet, and a few outside it.
    const ALPHABET: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    let verifier = verifier();
    let context = context("2026-07-15");
    let original = certificate();
    assert!(verifier.verify(&original, &context).is_valid());
    let mut checked = 0;
    for (position, current) in original.char_indices() {
        for replacement in ALPHABET.chars().chain(['a', 'Ә', '\n']) {
            if replacement == current {
                continue;
            }
            let mut altered = original.clone();
            altered.replace_range(position..position + 1, replacement.encode_utf8(&mut [0; 4]));
            let result = verifier.verify(&altered, &context);
            assert_ne!(
                result.status,
                Status::Valid,
                "position {position}: {current:?} -> {replacement:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 20_000, "{checked}");
}

#[test]
fn changing_the_last_characters_of_many_certificates_never_yields_valid() {
    // The last characters carry the end of the deflate stream, whose padding bits every
    // inflater ignores: without the zero-padding rule of deflate.rs, about one certificate in
    // three of these had a one-character variant that still verified.
    const ALPHABET: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    let verifier = verifier();
    let context = context("2026-07-15");
    for i in 0..60usize {
        let surname = format!("{}ОВ{}", "Қ".repeat(i % 17 + 1), "А".repeat(i / 17));
        let record = Record {
            surname,
            ..record()
        };
        let original = issue_certificate(&record, &issuer(), IAT + i as i64).unwrap();
        for position in original.len() - 12..original.len() {
            for replacement in ALPHABET.chars() {
                let mut altered = original.clone();
                altered.replace_range(position..position + 1, replacement.encode_utf8(&mut [0; 4]));
                if altered != original {
                    assert!(
                        !verifier.verify(&altered, &context).is_valid(),
                        "record {i}, position {position}"
                    );
                }
            }
        }
    }
}

// ---- installing lists -----------------------------------------------------------------------

#[test]
fn an_older_trust_list_never_replaces_a_newer_one() {
    let mut verifier = verifier_with(keys());
    let older = trust_bytes(keys(), LIST_IAT - 1, LIST_NEXT);
    assert_eq!(
        verifier.load_trust_list(&older, &at_now()),
        Err(TrustListError::Date(ListDateError::Older {
            installed: LIST_IAT,
            offered: LIST_IAT - 1
        }))
    );
    assert_eq!(verifier.trust_list().unwrap().issued_at(), LIST_IAT);
    // A refused list leaves the installed one in place too.
    let unpinned = build_trust_list(
        &TrustListSpec {
            iat: LIST_IAT + 5,
            next: LIST_NEXT,
            keys: keys(),
        },
        &stranger(),
    )
    .unwrap();
    assert!(verifier.load_trust_list(&unpinned, &at_now()).is_err());
    assert_eq!(verifier.trust_list().unwrap().issued_at(), LIST_IAT);
    let summary =
        verifier.load_trust_list(&trust_bytes(keys(), LIST_IAT + 10, LIST_NEXT), &at_now());
    assert_eq!(summary.unwrap().iat, LIST_IAT + 10);
}

#[test]
fn an_older_status_list_never_replaces_a_newer_one() {
    let mut verifier = verifier();
    assert_eq!(
        verifier.load_status_list(&status_bytes(&[], LIST_IAT - 1, LIST_NEXT), &at_now()),
        Err(StatusListError::Date(ListDateError::Older {
            installed: LIST_IAT,
            offered: LIST_IAT - 1
        }))
    );
    let summary = verifier
        .load_status_list(
            &status_bytes(&["2026-000000123"], LIST_IAT + 1, LIST_NEXT),
            &at_now(),
        )
        .unwrap();
    assert_eq!(
        summary.lists,
        [StatusYearSummary {
            year: 2026,
            size: ISSUED_2026 as u32 + 1,
            revoked: 1
        }]
    );
    assert_eq!(verify_sample(&verifier).status, Status::Revoked);
}

#[test]
fn a_status_list_must_come_from_a_valid_trusted_key() {
    let trust = trust_list(keys());
    let spec = StatusListSpec::new(LIST_IAT, LIST_NEXT);
    let by_stranger = build_status_list(&spec, &stranger()).unwrap();
    assert_eq!(
        StatusList::from_cose(&by_stranger, &trust),
        Err(StatusListError::UnknownKey {
            kid: stranger().kid()
        })
    );
    let payload = cose::Sign1::decode(&by_stranger).unwrap().payload.to_vec();
    let forged = cose_signed_with(
        &protected_header(&status_key().kid()),
        &payload,
        &stranger(),
    );
    assert_eq!(
        StatusList::from_cose(&forged, &trust),
        Err(StatusListError::BadSignature {
            kid: status_key().kid()
        })
    );
    let mut revoked_key = status_key_spec(&status_key(), "Status lists");
    revoked_key.status = KeyStatus::Revoked;
    let trust_revoked = trust_list(vec![revoked_key]);
    let good = build_status_list(&spec, &status_key()).unwrap();
    assert_eq!(
        StatusList::from_cose(&good, &trust_revoked),
        Err(StatusListError::KeyNotValid {
            kid: status_key().kid()
        })
    );
}

#[test]
fn a_status_list_is_dropped_when_its_signer_leaves_the_trust_list() {
    let mut verifier = verifier();
    let without_signer = trust_bytes(vec![key_spec(&issuer(), "Issuer")], LIST_IAT + 1, LIST_NEXT);
    verifier
        .load_trust_list(&without_signer, &at_now())
        .unwrap();
    assert!(verifier.status_list().is_none());
    // A new trust list that still trusts the signer keeps it.
    let mut verifier = cert_support::verifier();
    verifier
        .load_trust_list(&trust_bytes(keys(), LIST_IAT + 1, LIST_NEXT), &at_now())
        .unwrap();
    assert!(verifier.status_list().is_some());
}

#[test]
fn status_list_bits_are_most_significant_first_and_capped() {
    let trust = trust_list(keys());
    let numbers = [
        "2026-000000000",
        "2026-000000007",
        "2026-000000008",
        "2027-000001000",
    ];
    let list = StatusList::from_cose(&status_bytes(&numbers, LIST_IAT, LIST_NEXT), &trust).unwrap();
    for number in numbers {
        assert!(list.is_revoked_number(number), "{number}");
    }
    for number in [
        "2026-000000001",
        "2026-000000006",
        "2026-000000009",
        "2027-000000999",
        "2028-000000000",
        "junk",
    ] {
        assert!(!list.is_revoked_number(number), "{number}");
    }
    // Source: the certificate format, status list: "most significant bit first". Sequence 0
    // and 7 in the first byte (0x81), 8 in the second (0x80); the size is 9, so 2 bytes.
    let mut spec = StatusListSpec::new(LIST_IAT, LIST_NEXT);
    spec.revoked = vec![
        "2026-000000000".into(),
        "2026-000000007".into(),
        "2026-000000008".into(),
    ];
    let cose_bytes = build_status_list(&spec, &status_key()).unwrap();
    let payload = cose::Sign1::decode(&cose_bytes).unwrap().payload.to_vec();
    let bits_at = payload.windows(4).position(|w| w == b"bits").unwrap() + 4;
    let head = payload[bits_at];
    assert!((0x40..0x58).contains(&head), "a short byte string");
    let length = usize::from(head - 0x40);
    let bits = deflate::inflate(&payload[bits_at + 1..bits_at + 1 + length], 100).unwrap();
    assert_eq!(bits, [0x81, 0x80]);
    // The issuer refuses sequences no status list can hold (2^27 or more).
    let mut spec = StatusListSpec::new(0, 1);
    spec.revoked = vec!["2026-134217728".into()];
    assert!(build_status_list(&spec, &status_key()).is_err());
}

#[test]
fn the_issuer_refuses_what_the_verifier_would_refuse() {
    let bad = Record {
        surname: "И\u{306}".into(),
        ..record()
    };
    assert!(matches!(
        issue_certificate(&bad, &issuer(), IAT),
        Err(IssueError::Record(RecordError::NotNfc { .. }))
    ));
    assert!(matches!(
        issue_certificate(&record(), &issuer(), -1),
        Err(IssueError::IssuedAt { .. })
    ));
    for next in [5, 10] {
        let spec = TrustListSpec {
            iat: 10,
            next,
            keys: vec![],
        };
        assert!(build_trust_list(&spec, &root()).is_err());
    }
}

#[test]
fn issuing_is_deterministic() {
    assert_eq!(certificate(), certificate());
    let other_time = issue_certificate(&record(), &issuer(), IAT + 1).unwrap();
    assert_ne!(certificate(), other_time);
}
