//! No panic reachable from hostile input, class by class, through every library function that a
//! WebAssembly export or a CLI command hands input to: `rules::check_json` (checkApplication,
//! `tirkeu check`), `calendar::working_days_between` (workingDaysBetween), `Verifier::verify`
//! (verifyCertificate, `tirkeu verify`), `TrustList::from_cose` / `install_trust_list`
//! (loadTrustList), `install_status_list` (loadStatusList), `Record` + `issue_certificate`
//! (issueCertificate, `tirkeu issue`), the key readers (`tirkeu keygen/issue/verify`),
//! `qr::encode` / `render_svg_with` (renderQrSvg, qrMatrix) and `qr::scan_*` (scanImage,
//! `tirkeu scan`).
//!
//! Source: the hostile-input issue (input classes: empty, huge, deeply nested JSON and CBOR,
//! invalid UTF-8, negative and fractional numbers where integers belong, 0000-00-00 and
//! 9999-12-31, right-to-left and zero-width characters, NFD against NFC); architecture.md
//! ("no panic reachable from input"). A panic fails the test; each test also checks the
//! answer's kind (error or finding, never a silent success where the input is wrong).

use crate::support::cert as cert_support;

use crate::support::rules::{self as rules_support, set};
use cert_support::*;
use serde_json::{Value, json};
use tirkeu::cert::*;
use tirkeu::date::{Date, KAZAKHSTAN_UTC_OFFSET_SECONDS};
use tirkeu::i18n::Lang;
use tirkeu::rules::{Report, check_json};

// ---- the input classes ----------------------------------------------------------------------

/// Texts of every class (invalid UTF-8 arrives through `from_utf8_lossy`, as the CLI and the
/// JSON readers see it: U+FFFD).
fn hostile_texts() -> Vec<String> {
    let invalid_utf8 = String::from_utf8_lossy(&[0x4b, 0x5a, 0x31, 0x3a, 0xff, 0xfe, 0xc0, 0x80]);
    vec![
        String::new(),
        " ".into(),
        "\0".into(),
        "\r\n".into(),
        "A".repeat(1 << 20),
        format!("KZ1:{}", "0".repeat(1 << 20)),
        format!("KZ1:{}", "A".repeat(MAX_QR_TEXT_LENGTH)),
        invalid_utf8.into_owned(),
        "-1".into(),
        "1.5".into(),
        "1e400".into(),
        "-0".into(),
        "0000-00-00".into(),
        "9999-12-31".into(),
        "-9999-01-01".into(),
        "2026-02-29".into(),
        "\u{202e}VONAVI\u{202c}".into(),
        "IVA\u{200b}NOV\u{200d}\u{feff}".into(),
        "\u{41}\u{301}\u{41b}\u{306}".into(),
        "Ә\u{301}".into(),
        "KZ1:".into(),
        "KZ1:\u{202e}".into(),
        "🙂".repeat(1000),
    ]
}

/// JSON values of every class, including nesting deeper than a JSON text may carry.
fn hostile_values() -> Vec<Value> {
    let mut values: Vec<Value> = hostile_texts().into_iter().map(Value::String).collect();
    values.extend([
        Value::Null,
        json!(true),
        json!(-1),
        json!(-0.0),
        json!(1.5),
        json!(-1.5),
        json!(1e308),
        json!(i64::MIN),
        json!(u64::MAX),
        json!([]),
        json!({}),
        json!([null, 1, "x"]),
        json!({ "entry": "2026-07-01", "exit": -3 }),
        nested(1000),
        Value::Array(vec![json!("2026-07-01"); 100_000]),
    ]);
    values
}

/// `[[[ ... {} ... ]]]`, `depth` arrays deep, built directly (a JSON text that deep is refused
/// by the reader's depth limit, tested separately).
fn nested(depth: usize) -> Value {
    (0..depth).fold(json!({}), |inner, _| Value::Array(vec![inner]))
}

/// The leaf paths of the application (interfaces.md, `Application`), as JSON pointers.
const APPLICATION_FIELDS: &[&str] = &[
    "",
    "/immigrant",
    "/immigrant/surname",
    "/immigrant/givenNames",
    "/immigrant/patronymic",
    "/immigrant/birthDate",
    "/immigrant/citizenship",
    "/immigrant/passport",
    "/immigrant/passport/number",
    "/immigrant/passport/kind",
    "/immigrant/passport/expiresOn",
    "/entry",
    "/entry/date",
    "/entry/purpose",
    "/entry/contractUntil",
    "/previousStays",
    "/previousStays/0",
    "/previousStays/0/entry",
    "/previousStays/0/exit",
    "/host",
    "/host/kind",
    "/host/id",
    "/host/name",
    "/address",
    "/address/region",
    "/address/locality",
    "/address/street",
    "/address/building",
    "/address/apartment",
    "/address/premises",
    "/stay",
    "/stay/from",
    "/stay/to",
    "/addressChange",
    "/addressChange/movedOn",
    "/policy",
    "/policy/deadlineCounting",
    "/policy/reRegistrationCounting",
    "/policy/under16Exempt",
    "/policy/diplomaticExempt",
];

/// The example application of interfaces.md (`tests/support/rules.rs`) with every optional part
/// filled in: an earlier stay, a change of address and a policy.
fn valid_application() -> Value {
    let mut application = rules_support::valid();
    set(
        &mut application,
        "/previousStays",
        json!([{ "entry": "2026-01-10", "exit": "2026-02-10" }]),
    );
    set(
        &mut application,
        "/addressChange",
        json!({ "movedOn": "2026-07-10" }),
    );
    set(
        &mut application,
        "/policy",
        json!({ "deadlineCounting": "civil_code",
                "reRegistrationCounting": "next_working_day_is_day_one",
                "under16Exempt": true, "diplomaticExempt": true }),
    );
    application
}

fn with(pointer: &str, value: Value) -> Value {
    let mut application = valid_application();
    if pointer.is_empty() {
        return value;
    }
    *application.pointer_mut(pointer).unwrap() = value;
    application
}

fn extreme_dates() -> [Date; 6] {
    [
        Date::MIN,
        Date::MAX,
        Date::from_unix_seconds(i64::MIN, KAZAKHSTAN_UTC_OFFSET_SECONDS),
        Date::from_unix_seconds(i64::MAX, KAZAKHSTAN_UTC_OFFSET_SECONDS),
        date("0001-01-01"),
        date("9999-12-31"),
    ]
}

fn assert_consistent(report: &Report) {
    let errors = report
        .findings
        .iter()
        .any(|f| f.severity == tirkeu::rules::Severity::Error);
    assert_eq!(report.ok, !errors);
    serde_json::to_string(report).unwrap();
}

// ---- applications (checkApplication, tirkeu check) -----------------------------------------

/// Free-text address fields where a JSON number is read as text ("building": 10, rules
/// `check_text`): a number there is not a finding.
const NUMBERS_AS_TEXT: &[&str] = &[
    "/address/locality",
    "/address/street",
    "/address/building",
    "/address/apartment",
];

#[test]
fn every_application_field_takes_every_hostile_value() {
    let today = date("2026-07-15");
    let mut accepted = Vec::new();
    for field in APPLICATION_FIELDS {
        for value in hostile_values() {
            let application = with(field, value.clone());
            match check_json(&application, today, Lang::Kk) {
                Ok(report) => {
                    assert_consistent(&report);
                    // A number or a list where a field belongs is a finding, not a pass (an
                    // empty list of previous stays is a list of none).
                    let wrong_kind = value.is_number() || value.is_array();
                    // A `policy` that is not an object is read as no policy: the report says
                    // which (default) policy it used (rules.md section 6), checked below.
                    let allowed = (*field == "/previousStays" && value == json!([]))
                        || (NUMBERS_AS_TEXT.contains(field) && value.is_number())
                        || *field == "/policy";
                    if *field == "/policy" && !value.is_object() {
                        let defaults = check_json(&json!({}), today, Lang::Kk).unwrap().policy;
                        assert_eq!(report.policy, defaults);
                    }
                    if !field.is_empty() && wrong_kind && !allowed && report.ok {
                        let shown: String = value.to_string().chars().take(40).collect();
                        accepted.push(format!("{field} = {shown}"));
                    }
                }
                Err(_) => assert!(field.is_empty() && !application.is_object()),
            }
        }
    }
    assert!(accepted.is_empty(), "accepted: {accepted:#?}");
}

#[test]
fn extreme_evaluation_dates_and_extreme_application_dates() {
    let date_fields = [
        "/immigrant/birthDate",
        "/immigrant/passport/expiresOn",
        "/entry/date",
        "/entry/contractUntil",
        "/previousStays/0/entry",
        "/previousStays/0/exit",
        "/stay/from",
        "/stay/to",
        "/addressChange/movedOn",
    ];
    for today in extreme_dates() {
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            assert_consistent(&check_json(&valid_application(), today, lang).unwrap());
        }
        for field in date_fields {
            for text in [
                "0000-00-00",
                "0001-01-01",
                "9999-12-31",
                "2026-02-29",
                "2028-02-29",
            ] {
                let report = check_json(&with(field, json!(text)), today, Lang::En).unwrap();
                assert_consistent(&report);
                if text == "0000-00-00" || text == "2026-02-29" {
                    assert!(!report.ok, "{field} = {text}");
                }
            }
        }
    }
}

#[test]
fn names_with_bidi_controls_and_zero_width_are_findings_and_nfd_reads_as_nfc() {
    // Source: rules.md section 5 (names: letters of any script, space, hyphen, apostrophe, dot;
    // NFC-normalised): format and zero-width characters are not letters; an NFD name is
    // normalised, so it reads exactly as its NFC form.
    let today = date("2026-07-15");
    for name in [
        "\u{202e}VONAVI",
        "IVA\u{200b}NOV",
        "IVANOV\u{feff}",
        "A\u{200d}B",
        "\u{2066}X",
    ] {
        for field in ["/immigrant/surname", "/immigrant/givenNames", "/host/name"] {
            let report = check_json(&with(field, json!(name)), today, Lang::En).unwrap();
            assert!(!report.ok, "{field} = {name:?} was accepted");
        }
    }
    for (nfd, nfc) in [("\u{418}\u{306}", "\u{419}"), ("A\u{301}BC", "\u{c1}BC")] {
        let a = check_json(&with("/immigrant/surname", json!(nfd)), today, Lang::En).unwrap();
        let b = check_json(&with("/immigrant/surname", json!(nfc)), today, Lang::En).unwrap();
        assert_eq!(a, b);
        assert!(a.ok, "{a:?}");
    }
}

#[test]
fn json_text_deeper_than_the_reader_follows_is_an_error_not_a_crash() {
    // What the WebAssembly binding and the CLI do: read the text, then check the value.
    for depth in [127, 128, 129, 100_000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let parsed = serde_json::from_str::<Value>(&text);
        if let Ok(value) = parsed {
            assert!(check_json(&value, date("2026-07-15"), Lang::En).is_err());
        } else {
            assert!(depth > 127);
        }
    }
}

#[test]
fn working_days_between_extreme_dates() {
    for from in extreme_dates() {
        for to in extreme_dates() {
            let count = tirkeu::calendar::working_days_between(from, to);
            assert!(count.count >= 0 || from > to);
        }
    }
    for text in hostile_texts() {
        assert!(Date::parse(&text).is_err() || text.len() == 10);
    }
}

// ---- certificates (verifyCertificate, tirkeu verify) ---------------------------------------

fn assert_refused(result: &VerificationResult) {
    assert!(
        matches!(result.status, Status::Malformed | Status::NotACertificate),
        "{result:?}"
    );
    assert!(result.record.is_none());
    serde_json::to_string(result).unwrap();
}

#[test]
fn hostile_qr_texts_are_refused() {
    let verifier = verifier();
    for text in hostile_texts() {
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            let context = VerifyContext {
                lang,
                ..context("2026-07-15")
            };
            assert_refused(&verifier.verify(&text, &context));
        }
    }
}

#[test]
fn a_valid_certificate_under_extreme_clocks_never_panics() {
    let verifier = verifier();
    let text = certificate();
    for checked_on in extreme_dates() {
        for now_unix_seconds in [i64::MIN, -1, 0, NOW, i64::MAX] {
            let context = VerifyContext {
                checked_on,
                now_unix_seconds,
                lang: Lang::Ru,
            };
            let result = verifier.verify(&text, &context);
            assert!(
                matches!(
                    result.status,
                    Status::Valid | Status::Expired | Status::NotYetValid
                ),
                "{result:?}"
            );
        }
    }
}

#[test]
fn records_with_hostile_fields_are_refused_by_the_issuer_or_verify() {
    // issueCertificate and `tirkeu issue` read the record as JSON, then issue.
    let base = serde_json::to_value(record()).unwrap();
    let fields: Vec<String> = base.as_object().unwrap().keys().cloned().collect();
    for field in &fields {
        for value in hostile_values() {
            let mut json = base.clone();
            json[field] = value;
            let Ok(record) = serde_json::from_value::<Record>(json) else {
                continue;
            };
            if let Ok(text) = issue_certificate(&record, &issuer(), IAT) {
                // What the issuer accepts, the verifier reads back as the same record.
                let result = verifier().verify(&text, &context("2026-07-15"));
                assert_eq!(result.record.as_ref(), Some(&record), "{result:?}");
            }
        }
    }
    // Extreme issue times.
    for iat in [i64::MIN, -1, 0, i64::MAX] {
        if let Ok(text) = issue_certificate(&record(), &issuer(), iat) {
            let result = verifier().verify(&text, &context("2026-07-15"));
            assert_eq!(result.status, Status::KeyNotValid, "{result:?}");
        }
    }
}

#[test]
fn nfd_record_strings_are_refused_and_nfc_ones_accepted() {
    // Source: docs/certificate-format.md section 3: every record string is NFC.
    let nfd = Record {
        surname: "ЙОРГЕНСЕН".replace('Й', "\u{418}\u{306}"),
        ..record()
    };
    assert!(nfd.validate().is_err());
    assert!(issue_certificate(&nfd, &issuer(), IAT).is_err());
    let result = verifier().verify(
        &signed_text(&payload(&nfd), &issuer()),
        &context("2026-07-15"),
    );
    assert_eq!(result.status, Status::Malformed);
    assert_eq!(result.stage, Some(Stage::Record));

    let nfc = Record {
        surname: "ЙОРГЕНСЕН".into(),
        ..record()
    };
    let text = issue_certificate(&nfc, &issuer(), IAT).unwrap();
    assert_eq!(
        verifier().verify(&text, &context("2026-07-15")).status,
        Status::Valid
    );
}

// ---- lists (loadTrustList, loadStatusList, tirkeu verify --trust/--status) -----------------

/// Byte strings of every class, for the COSE readers.
fn hostile_bytes() -> Vec<Vec<u8>> {
    let valid_trust = trust_bytes(vec![key_spec(&issuer(), "Issuer")], LIST_IAT, LIST_NEXT);
    let mut trailing = valid_trust.clone();
    trailing.push(0);
    vec![
        vec![],
        vec![0; 1 << 20],
        vec![0xff; 1 << 16],
        vec![0x81; 100_000],                       // arrays nested 100,000 deep
        vec![0xa1; 100_000],                       // maps nested 100,000 deep
        [vec![0xd2; 50_000], vec![0x80]].concat(), // 50,000 tags
        vec![0x9f; 1000],                          // indefinite arrays
        vec![0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // 2^64-1 byte string
        vec![0xbb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // 2^64-1 pairs
        vec![0x3b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // -2^64
        vec![0xfb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0],  // 1.5
        vec![0x63, 0xff, 0xfe, 0xfd],              // text that is not UTF-8
        valid_trust[..valid_trust.len() - 1].to_vec(),
        trailing,
        b"KZ1:".to_vec(),
        "\u{202e}".as_bytes().to_vec(),
    ]
}

/// A signed list payload `{"v":1,"iat":IAT,"next":NEXT,"keys":[...]}` with hostile members:
/// negative, fractional and huge numbers where integers belong, text that is not UTF-8,
/// duplicate keys and deep nesting, all behind a valid root signature.
fn hostile_trust_payloads() -> Vec<Vec<u8>> {
    let key = |from: Cbor, name: &[u8]| {
        Cbor::new()
            .map(7)
            .text("kid")
            .bytes(&issuer().kid())
            .text("pk")
            .bytes(&issuer().public_key().to_bytes())
            .text("name")
            .raw(name)
            .text("from")
            .raw(&from.build())
            .text("until")
            .raw(&[0xf6])
            .text("status")
            .text("active")
            .text("demo")
            .raw(&[0xf4])
    };
    let issuer_name = Cbor::new().text("Issuer").build();
    let list = |v: Cbor, iat: Cbor, keys: Cbor| {
        Cbor::new()
            .map(4)
            .text("v")
            .raw(&v.build())
            .text("iat")
            .raw(&iat.build())
            .text("next")
            .int(LIST_NEXT)
            .text("keys")
            .raw(&keys.build())
            .build()
    };
    let one = |key: Cbor| Cbor::new().array(1).raw(&key.build());
    let good_key = || key(Cbor::new().int(KEY_FROM), &issuer_name);
    // The same builder with good values gives a list that loads (so each variant below is
    // refused for its hostile member, not for its shape).
    let good = list(
        Cbor::new().int(1),
        Cbor::new().int(LIST_IAT),
        one(good_key()),
    );
    TrustList::from_cose(&cose::sign(&good, &root()), &root().public_key()).unwrap();
    vec![
        list(
            Cbor::new().int(-1),
            Cbor::new().int(LIST_IAT),
            one(good_key()),
        ),
        list(
            Cbor::new().raw(&[0xfb, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0]), // 1.0 as a float
            Cbor::new().int(LIST_IAT),
            one(good_key()),
        ),
        list(
            Cbor::new().int(1),
            Cbor::new().raw(&[0xfa, 0x4f, 0, 0, 0]), // 2^31 as a float
            one(good_key()),
        ),
        list(
            Cbor::new().int(1),
            Cbor::new().raw(&[0xf9, 0x3e, 0x00]), // 1.5 as a half float
            one(good_key()),
        ),
        list(
            Cbor::new().int(1),
            Cbor::new().head(0, u64::MAX),
            one(good_key()),
        ),
        list(
            Cbor::new().int(1),
            Cbor::new().int(LIST_IAT),
            one(key(Cbor::new().head(1, u64::MAX), &issuer_name)), // -2^64
        ),
        list(
            Cbor::new().int(1),
            Cbor::new().int(LIST_IAT),
            Cbor::new().head(4, u64::MAX),
        ),
        list(
            Cbor::new().int(1),
            Cbor::new().int(LIST_IAT),
            Cbor::new().raw(&[0x81; 10_000]).map(0),
        ),
        list(
            Cbor::new().int(1),
            Cbor::new().int(LIST_IAT),
            one(key(Cbor::new().int(KEY_FROM), &[0x62, 0xc0, 0x80])), // overlong NUL
        ),
        list(
            Cbor::new().int(1),
            Cbor::new().int(LIST_IAT),
            one(key(Cbor::new().int(KEY_FROM), &[0x7f, 0x61, 0x41, 0xff])), // indefinite text
        ),
        vec![],
        vec![0xa0],
    ]
}

#[test]
fn hostile_list_bytes_are_refused() {
    let root_key = root().public_key();
    let trust = trust_list(keys());
    for bytes in hostile_bytes() {
        assert!(TrustList::from_cose(&bytes, &root_key).is_err());
        assert!(StatusList::from_cose(&bytes, &trust).is_err());
        let mut verifier = verifier();
        assert!(verifier.load_trust_list(&bytes, &at_now()).is_err());
        assert!(verifier.load_status_list(&bytes, &at_now()).is_err());
        // The verifier keeps working on its lists.
        assert_eq!(verify_sample(&verifier).status, Status::Valid);
    }
}

#[test]
fn hostile_list_payloads_behind_a_valid_signature_are_refused() {
    let root_key = root().public_key();
    let trust = trust_list(keys());
    for payload in hostile_trust_payloads() {
        let signed = cose::sign(&payload, &root());
        assert!(TrustList::from_cose(&signed, &root_key).is_err());
        let signed = cose::sign(&payload, &status_key());
        assert!(StatusList::from_cose(&signed, &trust).is_err());
    }
    for bytes in hostile_bytes() {
        assert!(TrustList::from_cose(&cose::sign(&bytes, &root()), &root_key).is_err());
        assert!(StatusList::from_cose(&cose::sign(&bytes, &status_key()), &trust).is_err());
    }
}

#[test]
fn hostile_cose_and_claims_bytes_are_refused() {
    for bytes in hostile_bytes() {
        assert!(claims::Claims::decode(&bytes).is_err());
        let _ = cose::Sign1::decode(&bytes);
        assert!(deflate::inflate(&bytes, deflate::CERTIFICATE_LIMIT).is_err());
        // Behind a valid signature of the trusted issuer: malformed claims.
        let result = verifier().verify(&signed_text(&bytes, &issuer()), &context("2026-07-15"));
        assert_eq!(result.status, Status::Malformed, "{result:?}");
    }
}

// ---- keys (tirkeu keygen / issue --key / verify --root; issueCertificate's secret key) -----

#[test]
fn hostile_key_texts_are_refused() {
    for text in hostile_texts() {
        assert!(PublicKey::from_hex(&text).is_err());
        assert!(SigningKey::from_hex(&text).is_err());
        assert!(KeyFile::parse(&text).is_err());
    }
    for value in hostile_values() {
        for field in ["publicKey", "secretKey", "kid", "algorithm"] {
            let json = json!({ field: value.clone() }).to_string();
            assert!(KeyFile::parse(&json).is_err());
        }
    }
    // 64 hex digits that are not a point, or a small-order point (RFC 8032 section 5.1.3).
    assert!(PublicKey::from_hex(&"ff".repeat(32)).is_err());
    assert!(PublicKey::from_hex(&format!("01{}", "00".repeat(31))).is_err());
}

// ---- QR codes (renderQrSvg, qrMatrix, scanImage, tirkeu scan) -------------------------------

#[test]
fn hostile_qr_render_input_is_an_error_or_escaped() {
    for text in hostile_texts() {
        let _ = tirkeu::qr::encode(&text);
    }
    let hostile = r#""/><script>alert(1)</script><x a=""#;
    let options = tirkeu::qr::SvgOptions::default()
        .label(hostile)
        .colors(hostile, "red\" onload=\"alert(1)");
    let svg = tirkeu::qr::render_svg_with("KZ1:ABC", &options).unwrap();
    assert!(!svg.contains("<script"), "{svg}");
    assert!(!svg.contains("\" onload"), "{svg}");
}

#[test]
fn hostile_frames_are_refused_or_scanned() {
    use tirkeu::qr::{ScanEffort, scan_luma_with, scan_rgba_with};
    let sizes = [
        (0, 0),
        (1, 1),
        (21, 21),
        (u32::MAX, u32::MAX),
        (u32::MAX, 1),
        (65_536, 65_536),
        (100_000, 1),
    ];
    for (width, height) in sizes {
        for len in [0usize, 441, 441 * 4, 1 << 16] {
            let buffer = vec![0x80; len];
            for effort in [ScanEffort::Quick, ScanEffort::Thorough] {
                let _ = scan_luma_with(width, height, &buffer, effort);
                let _ = scan_rgba_with(width, height, &buffer, effort);
            }
        }
    }
    // Large but allowed frames of noise and stripes are searched and come back empty.
    let width = 1024;
    let noise: Vec<u8> = (0..width * width)
        .map(|i: u32| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    assert_eq!(
        scan_luma_with(width, width, &noise, ScanEffort::Thorough).unwrap(),
        Vec::<String>::new()
    );
}
