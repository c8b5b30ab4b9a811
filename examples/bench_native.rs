//! The native side of `make bench` (bench/run.mjs): the same inputs the WebAssembly side measures,
//! timed natively, printed as one JSON object on stdout.
//!
//! ```sh
//! cargo run --release --example bench_native -- target/bench/native-input.json
//! ```
//!
//! The input file (written by bench/native.mjs):
//! `{ "rootPublicKey": hex, "trustList": path, "statusList": path, "today": "YYYY-MM-DD" (the
//!    verification date), "rulesToday": "YYYY-MM-DD" (the applications' check date),
//!    "nowUnixSeconds": n, "certificates": [qr text], "applications": [json],
//!    "ed25519": [{ "publicKey": hex, "message": hex, "signature": hex }],
//!    "scaleStatusList": path (optional: a status list of a year of 20 million certificates),
//!    "scaleNumbers": [application number] (looked up in it) }`
//!
//! Each figure is the median of rounds; a round times a batch of calls over the inputs in turn
//! and divides, so that sub-microsecond calls are above the clock's resolution.

use std::error::Error;
use std::hint::black_box;
use std::time::{Duration, Instant};

use serde::Deserialize;
use tirkeu::cert::keys::from_hex;
use tirkeu::cert::{LoadOptions, PublicKey, Verifier, VerifyContext};
use tirkeu::date::Date;
use tirkeu::i18n::Lang;
use tirkeu::rules::check_json;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Input {
    root_public_key: String,
    trust_list: String,
    status_list: String,
    today: String,
    rules_today: String,
    now_unix_seconds: i64,
    certificates: Vec<String>,
    applications: Vec<serde_json::Value>,
    ed25519: Vec<SignedMessage>,
    #[serde(default = "default_batch")]
    batch_size: usize,
    #[serde(default)]
    scale_status_list: Option<String>,
    #[serde(default)]
    scale_numbers: Vec<String>,
}

fn default_batch() -> usize {
    1000
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SignedMessage {
    public_key: String,
    message: String,
    signature: String,
}

/// Median seconds per call of `call(i)` over rounds of `batch` calls, after a warm-up round,
/// until at least `min_rounds` rounds and `min_time` have passed.
fn median_seconds(batch: usize, mut call: impl FnMut(usize)) -> f64 {
    let (min_rounds, min_time) = (15, Duration::from_millis(300));
    for i in 0..batch {
        call(i);
    }
    let mut rounds = Vec::new();
    let started = Instant::now();
    let mut next = 0;
    while rounds.len() < min_rounds || started.elapsed() < min_time {
        let begin = Instant::now();
        for _ in 0..batch {
            call(next);
            next = next.wrapping_add(1);
        }
        rounds.push(begin.elapsed().as_secs_f64() / batch.max(1) as f64);
    }
    rounds.sort_by(f64::total_cmp);
    rounds.get(rounds.len() / 2).copied().unwrap_or(f64::NAN)
}

fn hex_bytes(text: &str) -> Result<Vec<u8>, Box<dyn Error>> {
    if !text.len().is_multiple_of(2) {
        return Err("odd hex length".into());
    }
    (0..text.len())
        .step_by(2)
        .map(|i| {
            Ok(u8::from_str_radix(
                text.get(i..i + 2).ok_or("bad hex")?,
                16,
            )?)
        })
        .collect()
}

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: bench_native INPUT.json")?;
    let input: Input = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    if input.certificates.is_empty() || input.applications.is_empty() || input.ed25519.is_empty() {
        return Err("the input needs certificates, applications and signed messages".into());
    }

    // Whole certificate: QR text -> verification result as JSON text (what the binding returns).
    let root = PublicKey::from_hex(&input.root_public_key)?;
    let mut verifier = Verifier::new(root);
    let at = LoadOptions::at(input.now_unix_seconds);
    verifier.load_trust_list(&std::fs::read(&input.trust_list)?, &at)?;
    verifier.load_status_list(&std::fs::read(&input.status_list)?, &at)?;
    let context = VerifyContext {
        checked_on: Date::parse(&input.today)?,
        now_unix_seconds: input.now_unix_seconds,
        lang: Lang::Ru,
    };
    let certificates = &input.certificates;
    for text in certificates {
        let result = verifier.verify(text, &context);
        if !result.is_valid() {
            return Err(format!("certificate not valid natively: {:?}", result.status).into());
        }
    }
    let certificate = |i: usize| &certificates[i % certificates.len()];
    let verify_seconds = median_seconds(certificates.len(), |i| {
        let result = verifier.verify(certificate(i), &context);
        black_box(serde_json::to_string(&result).unwrap_or_default());
    });
    let verify_core_seconds = median_seconds(certificates.len(), |i| {
        black_box(verifier.verify(certificate(i), &context));
    });
    let batch_size = input.batch_size;
    let batch_seconds = median_seconds(1, |_| {
        for i in 0..batch_size {
            black_box(serde_json::to_string(&verifier.verify(certificate(i), &context)).ok());
        }
    });

    // Ed25519 alone (strict verification, as the certificate verifier does it).
    let mut signed = Vec::new();
    for item in &input.ed25519 {
        let key = PublicKey::from_hex(&item.public_key)?;
        let signature: [u8; 64] = from_hex(&item.signature, "signature")?;
        let message = hex_bytes(&item.message)?;
        if !key.verify_strict(&message, &signature) {
            return Err("a signed message does not verify natively".into());
        }
        signed.push((key, message, signature));
    }
    let ed25519_seconds = median_seconds(signed.len(), |i| {
        let (key, message, signature) = &signed[i % signed.len()];
        black_box(key.verify_strict(message, signature));
    });

    // Rules: application JSON text -> report JSON text (what checkApplication does), and the
    // check alone on a parsed application.
    let today = Date::parse(&input.rules_today)?;
    let texts: Vec<String> = input
        .applications
        .iter()
        .map(serde_json::to_string)
        .collect::<Result<_, _>>()?;
    let check_seconds = median_seconds(texts.len(), |i| {
        let value: serde_json::Value =
            serde_json::from_str(&texts[i % texts.len()]).unwrap_or_default();
        let report = check_json(&value, today, Lang::Ru).ok();
        black_box(serde_json::to_string(&report).unwrap_or_default());
    });
    let check_core_seconds = median_seconds(input.applications.len(), |i| {
        black_box(
            check_json(
                &input.applications[i % input.applications.len()],
                today,
                Lang::Ru,
            )
            .ok(),
        );
    });

    // A status list at scale: loading it (signature, inflation, checks), and one look-up.
    let mut scale = serde_json::Value::Null;
    if let (Some(path), false) = (&input.scale_status_list, input.scale_numbers.is_empty()) {
        let bytes = std::fs::read(path)?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_secs() as i64;
        let mut big = Verifier::new(root);
        big.load_trust_list(&std::fs::read(&input.trust_list)?, &LoadOptions::at(now))?;
        let load_seconds = median_seconds(1, |_| {
            let mut fresh = big.clone();
            black_box(fresh.load_status_list(&bytes, &LoadOptions::at(now)).ok());
        });
        big.load_status_list(&bytes, &LoadOptions::at(now))?;
        let list = big.status_list().ok_or("the scale list did not install")?;
        let numbers = &input.scale_numbers;
        let lookup_seconds = median_seconds(numbers.len() * 100, |i| {
            black_box(list.lookup_number(&numbers[i % numbers.len()]));
        });
        scale = serde_json::json!({
            "loadMs": load_seconds * 1e3,
            "lookupNs": lookup_seconds * 1e9,
        });
    }

    let micros = |seconds: f64| seconds * 1e6;
    let output = serde_json::json!({
        "verifyCertificateUs": micros(verify_seconds),
        "verifyCertificateCoreUs": micros(verify_core_seconds),
        "verifyBatchMs": batch_seconds * 1e3,
        "batchSize": batch_size,
        "ed25519VerifyUs": micros(ed25519_seconds),
        "checkApplicationUs": micros(check_seconds),
        "checkApplicationCoreUs": micros(check_core_seconds),
        "applications": input.applications.len(),
        "certificates": certificates.len(),
        "statusListAtScale": scale,
    });
    println!("{output}");
    Ok(())
}
