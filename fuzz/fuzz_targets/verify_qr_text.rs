//! QR text -> verification: whatever a camera reads is given to the verifier.
//!
//! Properties beyond "no panic":
//! - a payload is shown only with a verdict about the record (docs/certificate-format.md section 7);
//! - a malformed verdict names its stage and a detail;
//! - strict Base45 is canonical: a body that decodes re-encodes to the same text;
//! - the result serializes to JSON (what the page and the CLI print).

#![no_main]

use libfuzzer_sys::fuzz_target;
use tirkeu::cert::{QR_PREFIX, Status, base45};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let result = tirkeu_fuzz::verifier().verify(&text, &tirkeu_fuzz::context());

    let about_the_record = matches!(
        result.status,
        Status::Valid | Status::Expired | Status::NotYetValid | Status::Revoked
    );
    assert_eq!(result.record.is_some(), about_the_record, "{result:?}");
    if result.status == Status::Malformed {
        assert!(
            result.stage.is_some() && result.detail.is_some(),
            "{result:?}"
        );
    }
    if let Some(record) = &result.record {
        assert!(record.validate().is_ok(), "{record:?}");
    }
    serde_json::to_string(&result).expect("a result serializes");

    let body = text.trim_matches(['\r', '\n']);
    let body = body.strip_prefix(QR_PREFIX).unwrap_or(body);
    if let Ok(bytes) = base45::decode(body) {
        assert_eq!(base45::encode(&bytes), body);
    }
});
