//! The fuzz targets' seed corpora (`fuzz/corpus/<target>/`), written by an ignored test so that
//! they are reproducible from the library itself:
//!
//! ```sh
//! cargo test --test hostile seed_corpus -- --ignored
//! ```
//!
//! The keys are those of `tests/support/cert.rs` and `fuzz/src/lib.rs` (same seeds), so that the
//! seed certificates and lists get past the signature checks. The test that is not ignored
//! checks that every committed corpus exists and is small (the sizes of docs/certificate-format.md).

use crate::support::cert as cert_support;

use std::fs;
use std::path::{Path, PathBuf};

use cert_support::*;
use tirkeu::cert::cose::{Sign1, sign};
use tirkeu::cert::*;

const TARGETS: [&str; 8] = [
    "verify_qr_text",
    "decode_cose",
    "load_lists",
    "lists_v2",
    "check_application_json",
    "scan_pixels",
    "frame_scanner",
    "json_reader",
];

fn corpus_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target)
}

fn write(target: &str, name: &str, bytes: impl AsRef<[u8]>) {
    let dir = corpus_dir(target);
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join(name), bytes).unwrap();
}

fn record_with(edit: impl Fn(&mut Record)) -> Record {
    let mut record = record();
    edit(&mut record);
    record
}

fn payload_of(cose_bytes: &[u8]) -> Vec<u8> {
    Sign1::decode(cose_bytes).unwrap().payload.to_vec()
}

#[test]
#[ignore = "writes the seed corpora; run on purpose"]
fn write_seed_corpora() {
    let valid = certificate();
    let revoked = issue_certificate(
        &record_with(|r| r.application_number = "2026-000000666".into()),
        &issuer(),
        IAT,
    )
    .unwrap();
    let no_patronymic =
        issue_certificate(&record_with(|r| r.patronymic = None), &issuer(), IAT).unwrap();
    let stranger_signed = issue_certificate(&record(), &stranger(), IAT).unwrap();
    let before_key = issue_certificate(&record(), &issuer(), KEY_FROM - 1).unwrap();
    let non_nfc = signed_text(
        &payload(&record_with(|r| r.surname = "A\u{301}BC".into())),
        &issuer(),
    );

    // verify_qr_text: texts as a camera reads them.
    let texts: [(&str, String); 14] = [
        ("valid", valid.clone()),
        ("valid-crlf", format!("{valid}\r\n")),
        ("revoked", revoked.clone()),
        ("no-patronymic", no_patronymic.clone()),
        ("stranger", stranger_signed),
        ("before-key", before_key),
        ("non-nfc", non_nfc.clone()),
        ("truncated", valid[..valid.len() / 2].to_string()),
        ("lowercase", valid.to_lowercase()),
        ("prefix-only", QR_PREFIX.to_string()),
        ("url", "https://example.kz/?q=KZ1:ABC".into()),
        ("empty", String::new()),
        ("bad-group", "KZ1:GGW".into()),
        ("nul-and-rtl", "KZ1:\u{0}\u{202e}\u{200b}".into()),
    ];
    for (name, text) in &texts {
        write("verify_qr_text", name, text);
    }

    // decode_cose: COSE, zlib and claims bytes, and CBOR a strict reader refuses.
    let cose = cose_of(&valid);
    write("decode_cose", "cose-valid", &cose);
    write("decode_cose", "cose-revoked", cose_of(&revoked));
    write("decode_cose", "zlib-valid", deflate::compress(&cose));
    write("decode_cose", "claims-valid", payload(&record()));
    write(
        "decode_cose",
        "claims-no-patronymic",
        payload(&record_with(|r| r.patronymic = None)),
    );
    write(
        "decode_cose",
        "claims-non-nfc",
        payload_of(&cose_of(&non_nfc)),
    );
    write("decode_cose", "cose-untagged", &cose[1..]);
    let mut trailing = cose.clone();
    trailing.push(0);
    write("decode_cose", "cose-trailing", trailing);
    write(
        "decode_cose",
        "cbor-indefinite-map",
        [0xbf, 0x01, 0x02, 0xff],
    );
    write(
        "decode_cose",
        "cbor-duplicate-key",
        [0xa2, 0x01, 0x00, 0x01, 0x00],
    );
    write("decode_cose", "cbor-non-minimal", [0x18, 0x05]);
    write("decode_cose", "cbor-deep-arrays", [0x81; 64]);
    write(
        "decode_cose",
        "cbor-huge-length",
        [0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    );
    write("decode_cose", "empty", []);

    // load_lists: mode byte, then bytes (0 trust, 1 status) or payload (2 trust, 3 status).
    let trust = trust_bytes(keys(), LIST_IAT, LIST_NEXT);
    let mut retired = key_spec(&stranger(), "Retired");
    retired.status = KeyStatus::Retired;
    retired.until = Some(LIST_IAT);
    let mut revoked_key = key_spec(&root(), "Revoked");
    revoked_key.status = KeyStatus::Revoked;
    revoked_key.demo = true;
    let trust_three = trust_bytes(
        vec![
            key_spec(&issuer(), "Issuer"),
            retired,
            revoked_key,
            status_key_spec(&status_key(), "Status lists"),
        ],
        LIST_IAT,
        LIST_NEXT,
    );
    // A version 1 trust list and status list (no `use`, no `size`), signed as they were.
    let status_public = status_key().public_key().to_bytes();
    let trust_v1_payload = trust_v1_payload(&[(&status_public[..], status_key().kid())]);
    let status_v1_payload = status_v1_payload(&[0, 0x02]);
    let status = status_bytes(&["2026-000000666"], LIST_IAT, LIST_NEXT);
    let status_many = status_bytes(
        &[
            "2025-000000001",
            "2026-000000666",
            "2026-000001000",
            "2027-000000007",
        ],
        LIST_IAT,
        LIST_NEXT,
    );
    let status_empty = status_bytes(&[], LIST_IAT, LIST_NEXT);
    let lists: [(&str, u8, Vec<u8>); 12] = [
        ("trust", 0, trust.clone()),
        ("trust-three", 0, trust_three.clone()),
        ("trust-by-issuer", 0, sign(&payload_of(&trust), &issuer())),
        ("trust-v1-payload", 2, trust_v1_payload),
        ("status-v1-payload", 3, status_v1_payload),
        ("status", 1, status.clone()),
        ("status-many", 1, status_many.clone()),
        ("status-empty", 1, status_empty),
        ("trust-payload", 2, payload_of(&trust)),
        ("trust-three-payload", 2, payload_of(&trust_three)),
        ("status-payload", 3, payload_of(&status)),
        ("status-many-payload", 3, payload_of(&status_many)),
    ];
    for (name, mode, bytes) in lists {
        let mut seed = vec![mode];
        seed.extend(bytes);
        write("load_lists", name, seed);
    }

    // lists_v2: structured bytes (fuzz_targets/lists_v2.rs): a mode byte (0 status, 1 trust),
    // then counts, sizes (a mode byte and 4 bytes), bitstring length modes and bytes; or keys
    // with their `use` words (0 cert, 1 status, 2 data, 3 and 4 unknown); then the load's clock
    // and minimum.
    let little = |n: u32| n.to_le_bytes().to_vec();
    let seeds: [(&str, Vec<u8>); 6] = [
        (
            "status-one-year",
            [
                vec![0, 1, 0, 6],
                little(100),
                vec![2],
                vec![0x80; 13],
                vec![0, 0],
            ]
            .concat(),
        ),
        (
            "status-two-years-short",
            [
                vec![0, 2, 1, 6],
                little(20),
                vec![0],
                vec![0xff; 2],
                vec![2, 7],
                little(9),
            ]
            .concat(),
        ),
        (
            "status-at-the-limit",
            vec![0, 1, 3, 0, 0, 0, 0, 0, 2, 1, 2, 3],
        ),
        (
            "status-past-the-limit",
            vec![0, 1, 3, 1, 5, 0, 0, 0, 2, 0, 0],
        ),
        ("trust-roles", vec![1, 2, 1, 0, 3, 1, 2, 0, 0x7f, 1, 0]),
        ("trust-unknown-use", vec![1, 1, 2, 3, 4, 0, 0]),
    ];
    for (name, seed) in seeds {
        write("lists_v2", name, seed);
    }

    // check_application_json: language, two date bytes (days after 2020-01-01), JSON.
    let day_2026_07_15: u16 = 2387;
    let prefix = |lang: u8| {
        let [high, low] = day_2026_07_15.to_be_bytes();
        vec![lang, high, low]
    };
    let valid_application = include_str!("../../www/demo/record.json");
    let applications: [(&str, &str); 10] = [
        (
            "valid",
            r#"{"immigrant":{"surname":"IVANOV","givenNames":"IVAN","patronymic":"PETROVICH",
            "birthDate":"1990-05-17","citizenship":"RUS","passport":{"number":"751234567",
            "kind":"ordinary","expiresOn":"2031-01-01"}},"entry":{"date":"2026-07-01",
            "purpose":"private","contractUntil":null},"previousStays":[],"host":{"kind":"person",
            "id":"900515300127","name":"АХМЕТОВ АСЕТ"},"address":{"region":"ALA","locality":"Алматы",
            "street":"Абая","building":"10","apartment":"5","premises":"apartment"},
            "stay":{"from":"2026-07-01","to":"2026-09-20"},"addressChange":null}"#,
        ),
        (
            "move-and-stays",
            r#"{"immigrant":{"citizenship":"UZB","birthDate":"2015-02-29"},
            "entry":{"date":"2026-06-30","purpose":"work","contractUntil":"2027-01-01"},
            "previousStays":[{"entry":"2026-01-01","exit":"2026-03-01"},{"entry":"2026-02-01","exit":"2026-01-01"}],
            "addressChange":{"movedOn":"2026-07-10"},"policy":{"deadlineCounting":"civil_code",
            "reRegistrationCounting":"event_day_counts","under16Exempt":false}}"#,
        ),
        (
            "wrong-types",
            r#"{"immigrant":{"surname":7,"passport":"x","birthDate":-1.5},"entry":{"date":1e308},
            "previousStays":{"a":1},"host":[],"stay":{"from":"0000-00-00","to":"9999-12-31"}}"#,
        ),
        (
            "names-bidi",
            "{\"immigrant\":{\"surname\":\"A\\u202eB\\u200bC\",\"givenNames\":\"E\\u0301\",\
             \"citizenship\":\"XXA\",\"passport\":{\"kind\":\"diplomatic\"}}}",
        ),
        ("empty-object", "{}"),
        ("array", "[1,2,3]"),
        (
            "nested",
            "{\"a\":[[[[[[[[[[[[[[[[[[[[{}]]]]]]]]]]]]]]]]]]]}",
        ),
        ("null", "null"),
        ("certificate-record", valid_application),
        (
            "huge-numbers",
            r#"{"entry":{"date":"2026-07-01"},"immigrant":{"citizenship":"TUR"},
            "stay":{"from":"2026-07-01","to":"2026-07-02"},"previousStays":[{"entry":18446744073709551616}]}"#,
        ),
    ];
    for (index, (name, json)) in applications.iter().enumerate() {
        let mut seed = prefix(index as u8);
        seed.extend(json.as_bytes());
        write("check_application_json", name, seed);
    }

    // scan_pixels: width and height bytes (side - 21), flags, pixels.
    let code = tirkeu::qr::encode("KZ1:HELLO")
        .unwrap()
        .to_luma(2, 4)
        .unwrap();
    let side = u8::try_from(code.width() - 21).unwrap();
    let mut seed = vec![side, side, 0];
    seed.extend(code.pixels());
    write("scan_pixels", "code-quick", &seed);
    seed[2] = 1;
    write("scan_pixels", "code-thorough", &seed);
    let rgba: Vec<u8> = code.pixels().iter().flat_map(|&p| [p, p, p, 255]).collect();
    let mut seed = vec![side, side, 2];
    seed.extend(rgba);
    write("scan_pixels", "code-rgba", seed);
    let finder: Vec<u8> = (0..49u32)
        .map(|i| {
            let (x, y) = (i % 7, i / 7);
            let ring = x.min(y).min(6 - x).min(6 - y);
            if ring == 1 { 255 } else { 0 }
        })
        .collect();
    let mut seed = vec![0, 0, 1];
    seed.extend(finder);
    write("scan_pixels", "finder-pattern", seed);
    write("scan_pixels", "white", [10, 10, 1, 255]);
    write("scan_pixels", "black", [10, 10, 1, 0]);
    write("scan_pixels", "stripes", [63, 63, 1, 0, 255]);
    write(
        "scan_pixels",
        "noise",
        (0..=255u8).map(|i| i.wrapping_mul(73)).collect::<Vec<_>>(),
    );

    // frame_scanner: the text's length, then per frame flags (1: code present, 4: the smaller
    // frame), scale, x and y. The first is the input that found the finder look-alike.
    write(
        "frame_scanner",
        "finder-look-alike-v1",
        [10, 255, 73, 10, 61, 96],
    );
    write(
        "frame_scanner",
        "move-leave-return",
        [
            32, 1, 1, 16, 32, 1, 2, 20, 34, 0, 0, 0, 0, 5, 1, 48, 48, 1, 0, 0, 0,
        ],
    );
    write(
        "frame_scanner",
        "resize-between-frames",
        [20, 1, 1, 0, 0, 5, 1, 0, 0, 1, 2, 200, 200],
    );

    // json_reader: what JSON.stringify writes for an application, escapes and numbers at their
    // edges, and `-0`, which the target found read differently from serde_json.
    write(
        "json_reader",
        "application",
        r#"{"immigrant":{"surname":"\u04d8\u0411\u0406\u041b","birthDate":"1990-05-17"},"previousStays":[{"entry":"2026-01-01","exit":"2026-02-01"}],"n":[1,-2,3.5e-7,18446744073709551616]}"#,
    );
    write("json_reader", "surrogates", r#""\ud83d\ude00 \ud800 lone""#);
    write("json_reader", "negative-zero", "-0\n");
}

#[test]
fn every_fuzz_target_has_a_small_committed_seed_corpus() {
    for target in TARGETS {
        let entries: Vec<_> = fs::read_dir(corpus_dir(target))
            .unwrap_or_else(|e| panic!("fuzz/corpus/{target}: {e}"))
            .map(|entry| entry.unwrap())
            .collect();
        assert!(
            (3..=64).contains(&entries.len()),
            "{target}: {} seeds",
            entries.len()
        );
        for entry in entries {
            let size = entry.metadata().unwrap().len();
            assert!(size <= 16 * 1024, "{:?} has {size} bytes", entry.path());
        }
    }
}
