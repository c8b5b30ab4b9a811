//! Suites shared by the Node and the browser runs: every exported function of `src/wasm.rs`,
//! called as JavaScript would call it (JavaScript values in and out).
//!
//! The demonstration trust list, status list and certificates are those of `www/demo/` (see its
//! README for how they were made).

use js_sys::{JSON, Reflect, Uint8Array};
use tirkeu::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const DEMO_TRUST_LIST: &[u8] = include_bytes!("../../www/demo/trust-list.cose");
const DEMO_STATUS_LIST: &[u8] = include_bytes!("../../www/demo/status-list.cose");
const DEMO_CERTIFICATE: &str = include_str!("../../www/demo/certificate.txt");
const DEMO_REVOKED_CERTIFICATE: &str = include_str!("../../www/demo/certificate-revoked.txt");
const DEMO_RECORD: &str = include_str!("../../www/demo/record.json");
const DEMO_ISSUER_KEY: &str = include_str!("../../www/demo/issuer.key.json");
/// The pinned DEMO root (`www/demo/root.pub.json`).
const DEMO_ROOT: &str = "1978b1eb5d2bcb7cd28282f0f39bec9ee07bbae45bf1c9e815e20a0c06119537";

/// The sample application of interfaces.md.
const SAMPLE_APPLICATION: &str = include_str!("../fixtures/application.json");

fn json(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn options<T: JsCast>(text: &str) -> Option<T> {
    Some(json(text).unchecked_into())
}

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        Reflect::get(&v, &key.into()).unwrap_or(JsValue::UNDEFINED)
    })
}

fn text(value: &JsValue, path: &str) -> String {
    get(value, path).as_string().unwrap_or_default()
}

fn install_demo_lists() {
    wasm::load_trust_list(Uint8Array::from(DEMO_TRUST_LIST).into(), DEMO_ROOT.into())
        .expect("demo trust list");
    wasm::load_status_list(Uint8Array::from(DEMO_STATUS_LIST).into()).expect("demo status list");
}

fn error_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let error = JsValue::from(result.expect_err("an Error"));
    assert!(error.is_instance_of::<js_sys::Error>());
    text(&error, "message")
}

#[wasm_bindgen_test]
fn version_and_data_version() {
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
    assert_eq!(wasm::data_version(), tirkeu::data::DATA_VERSION);
}

#[wasm_bindgen_test]
fn today_is_a_date() {
    assert!(tirkeu::date::Date::parse(&wasm::today_in_kazakhstan_text()).is_ok());
}

#[wasm_bindgen_test]
fn check_application_gives_the_deadline_of_rules_md() {
    let report = wasm::check_application(
        json(SAMPLE_APPLICATION),
        options(r#"{"today":"2026-07-15","lang":"en"}"#),
    )
    .unwrap();
    // Source: rules.md section 2, entry 2026-07-01.
    assert_eq!(text(&report, "deadline.registerBy"), "2026-07-30");
    assert_eq!(text(&report, "deadline.outerBound"), "2026-07-31");
    assert_eq!(text(&report, "obligation.kind"), "must_register");
    assert_eq!(get(&report, "ok").as_bool(), Some(true));
    assert_eq!(text(&report, "lang"), "en");
}

#[wasm_bindgen_test]
fn check_application_turns_bad_fields_into_findings() {
    let application = SAMPLE_APPLICATION.replace("900515300127", "900515300128");
    let report =
        wasm::check_application(json(&application), options(r#"{"today":"2026-07-15"}"#)).unwrap();
    assert_eq!(get(&report, "ok").as_bool(), Some(false));
    let findings = JSON::stringify(&get(&report, "findings"))
        .unwrap()
        .as_string()
        .unwrap();
    assert!(
        findings.contains("\"code\":\"host.id.invalid\""),
        "{findings}"
    );
    // Missing and wrongly typed fields are findings too.
    let report = wasm::check_application(json(r#"{"entry":{"date":42}}"#), None).unwrap();
    assert_eq!(get(&report, "ok").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn check_application_throws_only_for_unusable_input() {
    assert!(error_message(wasm::check_application("text".into(), None)).contains("object"));
    assert!(error_message(wasm::check_application(JsValue::UNDEFINED, None)).contains("object"));
    let bad_date = options(r#"{"today":"2026-02-30"}"#);
    assert!(error_message(wasm::check_application(json("{}"), bad_date)).contains("today"));
    assert!(
        error_message(wasm::check_application(
            json("{}"),
            options(r#"{"lang":"de"}"#)
        ))
        .contains("lang")
    );
    assert!(
        error_message(wasm::check_application(
            json("{}"),
            options(r#"{"on":"2026-07-01"}"#)
        ))
        .contains("on")
    );
    assert!(
        error_message(wasm::check_application(
            json("{}"),
            options(r#"{"today":20260701}"#)
        ))
        .contains("today")
    );
    assert!(error_message(wasm::check_application(json("{}"), options("[1]"))).contains("object"));
}

#[wasm_bindgen_test]
fn working_days_between() {
    // Source: rules.md section 3, move 2026-05-06 -> 2026-05-15 (5 working days).
    let count = wasm::working_days_between("2026-05-06".into(), "2026-05-15".into()).unwrap();
    assert_eq!(get(&count, "workingDays").as_f64(), Some(5.0));
    assert_eq!(get(&count, "provisional").as_bool(), Some(false));
    let provisional = wasm::working_days_between("2026-12-31".into(), "2027-01-12".into()).unwrap();
    assert_eq!(get(&provisional, "provisional").as_bool(), Some(true));
    assert!(wasm::working_days_between("2026-13-01".into(), "2026-05-15".into()).is_err());
    assert!(wasm::working_days_between(JsValue::from(5), "2026-05-15".into()).is_err());
}

#[wasm_bindgen_test]
fn regions_and_countries() {
    let regions: js_sys::Array = wasm::regions().unwrap().unchecked_into();
    assert_eq!(regions.length(), 20);
    let countries: js_sys::Array = wasm::countries().unwrap().unchecked_into();
    assert!(countries.length() >= 249);
}

#[wasm_bindgen_test]
fn lists_install_and_certificates_verify() {
    install_demo_lists();
    let trust = wasm::trust_list_summary().unwrap();
    assert_eq!(get(&get(&trust, "keys"), "0.demo").as_bool(), Some(true));
    assert!(!wasm::status_list_summary().unwrap().is_null());

    let on = r#"{"on":"2026-07-15","lang":"en"}"#;
    let valid = wasm::verify_certificate(DEMO_CERTIFICATE.trim().into(), options(on)).unwrap();
    assert_eq!(text(&valid, "status"), "valid");
    assert_eq!(get(&valid, "demo").as_bool(), Some(true));
    assert_eq!(text(&valid, "record.applicationNumber"), "2026-000000123");
    let revoked =
        wasm::verify_certificate(DEMO_REVOKED_CERTIFICATE.trim().into(), options(on)).unwrap();
    assert_eq!(text(&revoked, "status"), "revoked");
    let expired = wasm::verify_certificate(
        DEMO_CERTIFICATE.trim().into(),
        options(r#"{"on":"2027-01-01"}"#),
    )
    .unwrap();
    assert_eq!(text(&expired, "status"), "expired");
    let link = wasm::verify_certificate("https://egov.kz".into(), None).unwrap();
    assert_eq!(text(&link, "status"), "not_a_certificate");
    let broken = wasm::verify_certificate("KZ1:%%%".into(), None).unwrap();
    assert_eq!(
        (text(&broken, "status"), text(&broken, "stage")),
        ("malformed".into(), "base45".into())
    );
    assert!(wasm::verify_certificate(JsValue::from(42), None).is_err());
}

#[wasm_bindgen_test]
fn a_verifier_object_pins_its_root_and_verifies_with_its_own_lists() {
    let mut verifier = wasm::JsVerifier::new(DEMO_ROOT.into(), None).unwrap();
    let at = r#"{"now":1784059200}"#; // 2026-07-15T01:00:00+05:00
    let trust = verifier
        .load_trust_list(Uint8Array::from(DEMO_TRUST_LIST).into(), options(at))
        .unwrap();
    assert_eq!(get(&trust, "version").as_f64(), Some(2.0));
    assert_eq!(text(&get(&trust, "keys"), "1.use.0"), "status");
    // The same bytes again: the summary, no error.
    verifier
        .load_trust_list(Uint8Array::from(DEMO_TRUST_LIST).into(), options(at))
        .unwrap();
    let unconfirmed = verifier
        .verify(DEMO_CERTIFICATE.trim().into(), options(at))
        .unwrap();
    assert_eq!(text(&unconfirmed, "status"), "unconfirmed");
    assert_eq!(text(&unconfirmed, "checkedOn"), "2026-07-15");
    assert_eq!(
        text(&get(&unconfirmed, "warnings"), "0.code"),
        "status.missing"
    );
    verifier
        .load_status_list(Uint8Array::from(DEMO_STATUS_LIST).into(), options(at))
        .unwrap();
    let valid = verifier
        .verify(DEMO_CERTIFICATE.trim().into(), options(at))
        .unwrap();
    assert_eq!(text(&valid, "status"), "valid");
    assert_eq!(
        get(&verifier.status_list().unwrap(), "lists.0.size").as_f64(),
        Some(1_000_000.0)
    );
    // Minimum issue time: a list older than the one remembered is refused.
    let mut reloaded = wasm::JsVerifier::new(DEMO_ROOT.into(), None).unwrap();
    let remembered = r#"{"now":1784059200,"minIssuedAt":1782846001}"#;
    assert!(
        error_message(reloaded.load_trust_list(
            Uint8Array::from(DEMO_TRUST_LIST).into(),
            options(remembered)
        ))
        .contains("before the latest")
    );
    assert!(reloaded.trust_list().unwrap().is_null());
    // Another root: the same list is refused, whatever root a later call might name.
    let other_root = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    let mut other = wasm::JsVerifier::new(other_root.into(), None).unwrap();
    assert!(
        error_message(other.load_trust_list(Uint8Array::from(DEMO_TRUST_LIST).into(), None))
            .contains("pinned root")
    );
    assert!(wasm::JsVerifier::new("not hex".into(), None).is_err());
    assert!(wasm::JsVerifier::new(DEMO_ROOT.into(), options(r#"{"graceDays":-1}"#)).is_err());
}

#[wasm_bindgen_test]
fn a_list_from_another_root_is_refused_and_the_installed_one_kept() {
    install_demo_lists();
    let other_root = "0000000000000000000000000000000000000000000000000000000000000001";
    let message = error_message(wasm::load_trust_list(
        Uint8Array::from(DEMO_TRUST_LIST).into(),
        other_root.into(),
    ));
    assert!(!message.is_empty());
    assert!(wasm::load_trust_list(JsValue::from("bytes"), DEMO_ROOT.into()).is_err());
    let valid = wasm::verify_certificate(
        DEMO_CERTIFICATE.trim().into(),
        options(r#"{"on":"2026-07-15"}"#),
    )
    .unwrap();
    assert_eq!(text(&valid, "status"), "valid");
}

#[wasm_bindgen_test]
fn issue_render_scan_and_verify() {
    install_demo_lists();
    let secret_key = text(&json(DEMO_ISSUER_KEY), "secretKey");
    let qr_text = wasm::issue_certificate(
        json(DEMO_RECORD),
        secret_key.clone().into(),
        options(r#"{"issuedAt":1782882000}"#),
    )
    .unwrap();
    // Signing is deterministic: the same record, key and time give the committed demo text.
    assert_eq!(qr_text, DEMO_CERTIFICATE.trim());
    let fractional = wasm::issue_certificate(
        json(DEMO_RECORD),
        secret_key.clone().into(),
        options(r#"{"issuedAt":1782882000.5}"#),
    );
    assert!(error_message(fractional.map(JsValue::from)).contains("issuedAt"));
    let misspelt =
        wasm::issue_certificate(json(r#"{"surname":"X"}"#), secret_key.clone().into(), None);
    assert!(
        error_message(misspelt.map(JsValue::from)).contains("missing field `applicationNumber`")
    );

    let svg = wasm::render_qr_svg(qr_text.clone().into()).unwrap();
    assert!(svg.starts_with("<svg") || svg.starts_with("<?xml"));

    // Draw the matrix at 3 pixels a module with a 4-module quiet zone, then scan it back.
    let matrix = wasm::qr_matrix(qr_text.clone().into()).unwrap();
    let size = get(&matrix, "size").as_f64().unwrap() as usize;
    let modules: Uint8Array = get(&matrix, "modules").unchecked_into();
    let modules = modules.to_vec();
    let (scale, quiet) = (3, 4);
    let side = (size + 2 * quiet) * scale;
    let mut rgba = vec![255u8; side * side * 4];
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = (
                (x / scale).wrapping_sub(quiet),
                (y / scale).wrapping_sub(quiet),
            );
            if mx < size && my < size && modules[my * size + mx] == 1 {
                rgba[(y * side + x) * 4..][..3].fill(0);
            }
        }
    }
    let image = js_sys::Object::new();
    Reflect::set(&image, &"width".into(), &(side as u32).into()).unwrap();
    Reflect::set(&image, &"height".into(), &(side as u32).into()).unwrap();
    Reflect::set(
        &image,
        &"data".into(),
        &js_sys::Uint8ClampedArray::from(rgba.as_slice()),
    )
    .unwrap();
    let texts: js_sys::Array = wasm::scan_image(image.clone().into(), None)
        .unwrap()
        .unchecked_into();
    assert_eq!(texts.get(0).as_string().as_deref(), Some(qr_text.as_str()));
    // Every code as an object (`codes: true`), and a camera loop's FrameScanner object.
    let codes: js_sys::Array = wasm::scan_image(image.clone().into(), options(r#"{"codes":true}"#))
        .unwrap()
        .unchecked_into();
    assert_eq!(text(&codes.get(0), "kind"), "text");
    assert_eq!(text(&codes.get(0), "text"), qr_text);
    let mut scanner = wasm::FrameScannerObject::new();
    let found: js_sys::Array = scanner.scan(image.clone().into()).unwrap().unchecked_into();
    assert_eq!(text(&found.get(0), "text"), qr_text);
    scanner.reset();
    assert!(!scanner.tracked());
    assert!(wasm::scan_image(image.clone().into(), options(r#"{"codes":1}"#)).is_err());
    let quick: js_sys::Array = wasm::scan_image(image.into(), options(r#"{"effort":"quick"}"#))
        .unwrap()
        .unchecked_into();
    assert_eq!(quick.length(), 1);

    let result =
        wasm::verify_certificate(qr_text.into(), options(r#"{"on":"2026-07-15"}"#)).unwrap();
    assert_eq!(text(&result, "status"), "valid");

    assert!(wasm::issue_certificate(json(r#"{"surname":"X"}"#), secret_key.into(), None).is_err());
    assert!(wasm::issue_certificate(json(DEMO_RECORD), "zz".into(), None).is_err());
    assert!(wasm::render_qr_svg("lower case is not alphanumeric".into()).is_err());
}

#[wasm_bindgen_test]
fn scan_image_refuses_what_is_not_an_image() {
    let image = |w: f64, h: f64, data: JsValue| {
        let object = js_sys::Object::new();
        Reflect::set(&object, &"width".into(), &w.into()).unwrap();
        Reflect::set(&object, &"height".into(), &h.into()).unwrap();
        Reflect::set(&object, &"data".into(), &data).unwrap();
        JsValue::from(object)
    };
    assert!(wasm::scan_image(JsValue::from("image"), None).is_err());
    assert!(
        wasm::scan_image(image(2.0, 2.0, Uint8Array::new_with_length(3).into()), None).is_err()
    );
    assert!(
        wasm::scan_image(
            image(-1.0, 2.0, Uint8Array::new_with_length(8).into()),
            None
        )
        .is_err()
    );
    assert!(
        wasm::scan_image(image(1.5, 2.0, Uint8Array::new_with_length(8).into()), None).is_err()
    );
    assert!(
        wasm::scan_image(image(1e6, 1e6, Uint8Array::new_with_length(8).into()), None).is_err()
    );
    assert!(wasm::scan_image(image(2.0, 2.0, JsValue::from("data")), None).is_err());
    let blank = wasm::scan_image(
        image(64.0, 64.0, Uint8Array::new_with_length(64 * 64 * 4).into()),
        None,
    )
    .unwrap();
    assert_eq!(js_sys::Array::from(&blank).length(), 0);
}

#[wasm_bindgen_test]
fn messages_give_a_short_name_for_every_status() {
    let english = wasm::messages(options("\"en\"")).unwrap();
    assert_eq!(text(&english, "statuses.valid"), "Valid");
    assert_eq!(
        text(&english, "statuses.not_a_certificate"),
        "Not a certificate"
    );
    let kazakh = wasm::messages(options("\"kk\"")).unwrap();
    assert_eq!(text(&kazakh, "statuses.valid"), "Жарамды");
    assert!(!text(&wasm::messages(None).unwrap(), "statuses.revoked").is_empty());
    assert!(wasm::messages(options("\"de\"")).is_err());
    assert!(wasm::messages(options("7")).is_err());
}
