//! Native half of the native/WebAssembly parity test.
//!
//! Builds a corpus of applications and certificates (every verification status and every
//! malformed stage) and applications checked by a data bundle's tables, answers each through the
//! native library, and writes inputs and answers to `target/tmp/parity-corpus.json`.
//! `tests/js/parity.test.mjs` then runs the same inputs through the npm package in Node and
//! asserts the same JSON, byte for byte (`make test` runs both).

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/cert.rs"]
mod cert_support;
#[path = "support/rules.rs"]
mod rules_support;

use cert_support::*;
use rules_support::{corpus_applications, edited, sample_application, set};
use serde_json::{Value, json};
use tirkeu::cert::*;
use tirkeu::i18n::Lang;

const LANGS: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

/// The applications of the corpus, each with its evaluation date: inside the deadline, on it, and
/// after it, in turn.
fn applications() -> Vec<(Value, &'static str)> {
    corpus_applications()
        .into_iter()
        .enumerate()
        .map(|(i, application)| {
            let today = ["2026-07-15", "2026-07-30", "2026-08-20"][i % 3];
            (application, today)
        })
        .collect()
}

/// The cases of the second reading of Order 923, each several edits of the sample (Rules p.3,
/// p.4, p.5; Order p.4; Treaty on the EAEU art. 97(8); the character rules of record texts).
fn revision_two(base: &Value) -> Vec<(Value, &'static str)> {
    let edit = |edits: &[(&str, Option<Value>)]| edited(base, edits);
    let moved = |date: &str| {
        edit(&[
            ("/addressChange", Some(json!({ "movedOn": date }))),
            ("/stay/from", Some(json!(date))),
        ])
    };
    let entered = |date: &str, to: &str| {
        edit(&[
            ("/entry/date", Some(json!(date))),
            ("/stay/from", Some(json!(date))),
            ("/stay/to", Some(json!(to))),
        ])
    };
    let organisation = |id: &str| {
        edit(&[
            ("/host/kind", Some(json!("organization"))),
            ("/host/id", Some(json!(id))),
            ("/host/name", Some(json!("ТОО «Алатау Сервис»"))),
        ])
    };
    let worker = |until: &str| {
        edit(&[
            ("/immigrant/citizenship", Some(json!("KGZ"))),
            ("/entry/purpose", Some(json!("work"))),
            ("/entry/contractUntil", Some(json!(until))),
        ])
    };
    vec![
        // Lateness is a warning.
        (base.clone(), "2026-12-03"),
        (moved("2026-07-03"), "2026-08-20"),
        // Before the Order: not judged; the host's notice.
        (entered("2026-05-01", "2026-06-20"), "2026-06-15"),
        (entered("2026-06-20", "2026-08-01"), "2026-07-20"),
        // A move keeps the first deadline; a late move has its own.
        (moved("2026-07-03"), "2026-07-20"),
        (moved("2026-07-03"), "2026-07-30"),
        (moved("2026-07-28"), "2026-08-01"),
        // EAEU workers: the later limit binds.
        (worker("2026-08-15"), "2026-07-15"),
        (worker("2027-06-30"), "2026-07-15"),
        // A passport expired on the evaluation date, and on its last day.
        (
            edit(&[("/immigrant/passport/expiresOn", Some(json!("2026-07-10")))]),
            "2026-07-15",
        ),
        (
            edit(&[("/immigrant/passport/expiresOn", Some(json!("2026-07-15")))]),
            "2026-07-15",
        ),
        // A BIN as a BIN; a host of unknown kind.
        (organisation("900515300127"), "2026-07-15"),
        (organisation("160740018306"), "2026-07-15"),
        (organisation("161340018304"), "2026-07-15"),
        (edit(&[("/host/kind", None)]), "2026-07-15"),
        (
            edit(&[
                ("/host/kind", None),
                ("/host/id", Some(json!("900515300128"))),
            ]),
            "2026-07-15",
        ),
        // An impossible stay period decides nothing else.
        (
            edit(&[
                ("/stay/from", Some(json!("2026-07-20"))),
                ("/stay/to", Some(json!("2026-07-10"))),
            ]),
            "2026-07-15",
        ),
        // The diplomatic exemption's basis.
        (
            edit(&[("/immigrant/passport/kind", Some(json!("diplomatic")))]),
            "2026-07-15",
        ),
        // The character rules, and the labels of earlier stays.
        (
            edit(&[
                ("/immigrant/surname", Some(json!("IV\u{410}NOV"))),
                ("/immigrant/givenNames", Some(json!("IVAN\u{200d}"))),
                ("/host/name", Some(json!("\u{3164}"))),
                ("/address/street", Some(json!("Абая\u{a0}10"))),
                ("/immigrant/passport/number", Some(json!("АВ1234567"))),
            ]),
            "2026-07-15",
        ),
        (
            edit(&[(
                "/previousStays",
                Some(
                    json!([{ "entry": "2026-03-10", "exit": "2026-03-01" }, { "entry": "2026-02-30" }]),
                ),
            )]),
            "2026-07-15",
        ),
    ]
}

#[test]
fn write_the_parity_corpus() {
    let trust = trust_bytes(
        vec![
            key_spec(&issuer(), "Test office"),
            status_key_spec(&status_key(), "Status lists"),
        ],
        LIST_IAT,
        LIST_NEXT,
    );
    let status = status_bytes(&["2026-000000777"], LIST_IAT, LIST_NEXT);
    let mut verifier = Verifier::new(root().public_key());
    verifier.load_trust_list(&trust, &at_now()).unwrap();
    verifier.load_status_list(&status, &at_now()).unwrap();
    // Both halves pass the same device clock (the package's `now` option): the fixtures' `NOW`,
    // a few days past the lists' next update (stale), and a year past it (expired).
    let clocks = [NOW, LIST_NEXT + 3 * 86_400, LIST_NEXT + 365 * 86_400];

    let mut application_cases = Vec::new();
    // Every application in one language; the cases of the second reading in all three.
    let one_language = applications()
        .into_iter()
        .enumerate()
        .map(|(i, (application, today))| (application, today, &LANGS[i % 3..=i % 3]));
    let every_language = revision_two(&sample_application())
        .into_iter()
        .map(|(application, today)| (application, today, &LANGS[..]));
    for (application, today, langs) in one_language.chain(every_language) {
        for lang in langs {
            let report =
                tirkeu::rules::check_json(&application, today.parse().unwrap(), *lang).unwrap();
            application_cases.push(json!({
                "input": application, "today": today, "lang": lang.tag(),
                "expected": serde_json::to_string(&report).unwrap(),
            }));
        }
    }
    let mut certificate_cases = Vec::new();
    for (i, ((text, on), lang)) in corpus_certificates()
        .into_iter()
        .flat_map(|case| LANGS.map(|lang| (case.clone(), lang)))
        .enumerate()
    {
        let now = clocks[i % clocks.len()];
        let context = VerifyContext {
            checked_on: on.parse().unwrap(),
            now_unix_seconds: now,
            lang,
        };
        let result = verifier.verify(&text, &context);
        certificate_cases.push(json!({
            "text": text, "on": on, "lang": lang.tag(), "now": now,
            "status": result.status.as_str(),
            "expected": serde_json::to_string(&result).unwrap(),
        }));
    }

    // The same applications by a data bundle's tables (the 2027 decree): the package loads the
    // bundle on its verifier and checks by `RulesData` over the payload.
    let data_trust = trust_bytes(
        vec![data_key_spec(&data_key(), "Data")],
        LIST_IAT,
        LIST_NEXT,
    );
    let bundle = cose::sign(
        &decree_2027("2027.1", LIST_IAT + 86_400).to_payload(),
        &data_key(),
    );
    let mut data_verifier = Verifier::new(root().public_key());
    data_verifier
        .load_trust_list(&data_trust, &at_now())
        .unwrap();
    data_verifier.load_data_bundle(&bundle, &at_now()).unwrap();
    let mut data_cases = Vec::new();
    let base = sample_application();
    for (i, moved_on) in [
        "2027-01-06",
        "2027-01-08",
        "2027-01-09",
        "2027-05-07",
        "2026-12-31",
    ]
    .into_iter()
    .enumerate()
    {
        let mut application = base.clone();
        for (pointer, value) in [
            ("/entry/date", json!("2026-12-01")),
            ("/stay/from", json!("2026-12-01")),
            ("/stay/to", json!("2027-02-20")),
            ("/addressChange", json!({ "movedOn": moved_on })),
        ] {
            set(&mut application, pointer, value);
        }
        let lang = LANGS[i % 3];
        let report = tirkeu::rules::check_json_with(
            &application,
            moved_on.parse().unwrap(),
            lang,
            data_verifier.tables(),
        )
        .unwrap();
        assert_eq!(report.data_version, "2027.1");
        data_cases.push(json!({
            "input": application, "today": moved_on, "lang": lang.tag(),
            "expected": serde_json::to_string(&report).unwrap(),
        }));
    }

    // Every status and every malformed stage is in the corpus.
    let statuses: std::collections::BTreeSet<String> = certificate_cases
        .iter()
        .map(|c| {
            let result: Value = serde_json::from_str(c["expected"].as_str().unwrap()).unwrap();
            format!(
                "{}/{}",
                result["status"].as_str().unwrap(),
                result["stage"].as_str().unwrap_or("-")
            )
        })
        .collect();
    for expected in CORPUS_OUTCOMES {
        assert!(
            statuses.contains(expected),
            "{expected} missing from {statuses:?}"
        );
    }
    assert!(application_cases.len() >= 50 && certificate_cases.len() >= 30);

    let corpus = json!({
        "rootPublicKey": root().public_key().to_hex(),
        "loadedAt": NOW,
        "trustList": tirkeu::cert::keys::to_hex(&trust),
        "statusList": tirkeu::cert::keys::to_hex(&status),
        "applications": application_cases,
        "certificates": certificate_cases,
        "data": {
            "trustList": tirkeu::cert::keys::to_hex(&data_trust),
            "bundle": tirkeu::cert::keys::to_hex(&bundle),
            "applications": data_cases,
        },
    });
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("parity-corpus.json");
    std::fs::write(&path, serde_json::to_string_pretty(&corpus).unwrap()).unwrap();
}
