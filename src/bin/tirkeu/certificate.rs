//! Certificate commands: `keygen`, `issue`, `trust-list`, `status-list`, `verify`.
//!
//! Each reads files, calls the library and prints; bad input is one line on stderr and exit 2.

use std::path::Path;
use std::process::ExitCode;

use tirkeu::cert::{
    KeyFile, LoadOptions, PublicKey, Record, SigningKey, StatusList, StatusListSpec, TrustList,
    TrustListSpec, VerificationResult, Verifier, VerifyContext, build_status_list,
    build_trust_list, issue_certificate,
};

use super::args::{self, Args, unusable};

/// Pixels a module for `issue --png`.
const PNG_MODULE_PIXELS: u32 = 8;

const KEYGEN_HELP: &str = "\
tirkeu keygen --out KEY.json [--seed HEX]

Writes a new Ed25519 key pair to KEY.json (refusing to overwrite a file):
  {\"kid\": hex (8 bytes), \"publicKey\": hex (32 bytes), \"secretKey\": hex (the 32-byte seed)}
and prints the public key file (the same without secretKey) on standard output.
The seed comes from the system's random generator. --seed HEX (64 hex digits) derives the key
from a fixed seed instead: for demonstration keys only.";

const ISSUE_HELP: &str = "\
tirkeu issue --key KEY.json [--iat SECONDS] [--svg F] [--png F] RECORD.json

Signs the record with the key file's secret key and prints the QR text (KZ1:...).
--iat: the issue time in seconds since 1970 UTC (default: now). --svg / --png also write the
QR code as an image. RECORD.json (or - for standard input):
  {\"applicationNumber\": \"2026-000000123\", \"surname\": \"...\", \"givenNames\": \"...\",
   \"patronymic\": \"...\" (optional), \"passport\": \"...\", \"citizenship\": \"RUS\",
   \"address\": \"...\", \"region\": \"ALA\", \"stayFrom\": \"2026-07-01\", \"stayTo\": \"2026-09-20\",
   \"hostId\": \"900515300127\", \"hostName\": \"...\"}
Names hold letters (any script, no word mixing Latin and Cyrillic), spaces, hyphens,
apostrophes and dots; the host's name may also hold digits and quotes when hostId is a BIN; the
passport only A-Z and 0-9; no field an invisible, control or format character. The application
number's sequence must be below 134217728 (2^27), the most a status list covers.";

const TRUST_LIST_HELP: &str = "\
tirkeu trust-list --root KEY.json --out F.cose KEYSPEC.json

Builds the trust list (version 2) KEYSPEC.json describes, signs it with the root key file's
secret key, writes it to F.cose and prints its summary. KEYSPEC.json:
  {\"iat\": \"2026-07-01\", \"next\": \"2027-07-01T00:00:00+05:00\",
   \"keys\": [{\"keyFile\": \"issuer.json\" | \"publicKey\": \"64 hex digits\",
              \"name\": \"Migration service\", \"from\": 1782864000, \"until\": null,
              \"status\": \"active\" | \"retired\" | \"revoked\",
              \"use\": [\"cert\"] | [\"status\"] | [\"data\"] (or several), \"demo\": false}]}
Times are seconds since 1970 UTC or RFC 3339 text (a date alone is 00:00 in Kazakhstan, UTC+5).
`next` must be after `iat`. keyFile paths are relative to KEYSPEC.json; only the public key is
read from them. \"until\" and \"demo\" may be left out (open-ended, false); \"use\" too
(certificates only: keep the key that signs status lists apart). \"kid\" (16 hex digits)
overrides the key's own kid, for tests of kid collisions only.
A leaked key is contained only by \"status\": \"revoked\" (whoever holds it chooses the issue
time, so closing \"until\" does not stop it); that also withdraws its genuine certificates.";

const STATUS_LIST_HELP: &str = "\
tirkeu status-list --key KEY.json --out F.cose REVOKED.json

Builds the status list (version 2) REVOKED.json describes, signs it with the key file's secret
key (a trust-list key whose use holds status), writes it to F.cose and prints its summary.
REVOKED.json:
  {\"iat\": 1782864000, \"next\": \"2026-07-02\", \"issued\": {\"2026\": 1200345},
   \"revoked\": [\"2026-000000123\", \"2026-000004567\"]}
listing the application numbers of certificates no longer valid (deregistered, re-registered
elsewhere, revoked). \"issued\" gives the highest sequence issued each year: the list covers
every sequence up to it (a year absent from it is covered up to its highest revoked sequence),
and a certificate of that year issued before the list but not covered cannot be confirmed.
Times are seconds since 1970 UTC or RFC 3339 text; `next` must be after `iat`.";

const VERIFY_HELP: &str = "\
tirkeu verify --root PUB --trust F.cose [--status F.cose] [--on YYYY-MM-DD] [--lang kk|ru|en]
             [--grace-days N] (TEXT | - | --image F)

Verifies a QR text, or every KZ1: code found in the image, and prints the result as JSON; an
image with several codes gives one JSON object a line (JSON Lines), the worst first.
--root: the pinned root public key, as 64 hex digits or a key file. --on: the date checked for
(default: today in Kazakhstan, taken at each verification). --grace-days: how long after its next
update a list still confirms a certificate (default 7); past it a valid certificate is
unconfirmed (trust.expired, status.expired). Without --status every valid certificate is
unconfirmed (status.missing).
Exit: 0 valid (and not DEMO), 1 any other verdict (unconfirmed and DEMO included; with several
codes, the worst), 2 unusable input (unreadable or refused lists).";

/// Prints `text` and ends with `code`; a closed standard output is quiet, any other failure to
/// write is exit 2.
fn printed(text: &str, code: ExitCode) -> ExitCode {
    match args::print_line(text) {
        Ok(()) => code,
        Err(message) => unusable(message),
    }
}

/// The current time in seconds since 1970, from the system clock.
fn now_unix_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

fn read_key_file(path: &str) -> Result<KeyFile, String> {
    KeyFile::parse(&args::read_text(path)?).map_err(|e| format!("`{path}`: {e}"))
}

fn read_signing_key(path: &str) -> Result<SigningKey, String> {
    read_key_file(path)?
        .secret_key
        .ok_or_else(|| format!("`{path}` holds no secretKey"))
}

/// `--root`: 64 hex digits, or a key file.
fn read_root(value: &str) -> Result<PublicKey, String> {
    let looks_hex = value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit());
    if looks_hex {
        PublicKey::from_hex(value).map_err(|e| format!("--root: {e}"))
    } else {
        Ok(read_key_file(value)?.public_key)
    }
}

fn single_positional<'a>(args: &'a Args, what: &str) -> Result<&'a str, String> {
    match args.positionals() {
        [one] => Ok(one),
        [] => Err(format!("{what} is required")),
        _ => Err(format!(
            "expected one {what}, got {}",
            args.positionals().len()
        )),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// `tirkeu keygen --out KEY.json [--seed HEX]`.
pub fn keygen(argv: Vec<String>) -> ExitCode {
    if args::wants_help(&argv) {
        return args::help(KEYGEN_HELP);
    }
    match run_keygen(argv) {
        Ok(public_file) => printed(public_file.trim_end_matches('\n'), ExitCode::SUCCESS),
        Err(message) => unusable(message),
    }
}

fn run_keygen(argv: Vec<String>) -> Result<String, String> {
    let args = Args::parse(argv, &["out", "seed"])?;
    let out = args.required("out")?;
    if !args.positionals().is_empty() {
        return Err("keygen takes no positional argument".into());
    }
    let key = match args.option("seed") {
        Some(hex) => SigningKey::from_hex(hex).map_err(|e| format!("--seed: {e}"))?,
        None => {
            let mut seed = [0u8; 32];
            getrandom::fill(&mut seed).map_err(|e| format!("no system randomness: {e}"))?;
            SigningKey::from_seed(seed)
        }
    };
    write_secret_file(out, KeyFile::from_signing_key(&key).to_json().as_bytes())?;
    Ok(KeyFile::from_public_key(&key.public_key()).to_json())
}

/// Creates `path` for a secret key: never over an existing file, and readable by its owner
/// only (on Unix).
fn write_secret_file(path: &str, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => {
            format!("`{path}` already exists; not overwriting a key")
        }
        _ => format!("cannot create `{path}`: {e}"),
    })?;
    file.write_all(bytes)
        .map_err(|e| format!("cannot write `{path}`: {e}"))
}

/// `tirkeu issue --key KEY.json [--iat SECONDS] [--svg F] [--png F] RECORD.json`.
pub fn issue(argv: Vec<String>) -> ExitCode {
    if args::wants_help(&argv) {
        return args::help(ISSUE_HELP);
    }
    match run_issue(argv) {
        Ok(text) => printed(&text, ExitCode::SUCCESS),
        Err(message) => unusable(message),
    }
}

fn run_issue(argv: Vec<String>) -> Result<String, String> {
    let args = Args::parse(argv, &["key", "iat", "svg", "png"])?;
    let key = read_signing_key(args.required("key")?)?;
    let issued_at = match args.option("iat") {
        Some(text) => text
            .parse::<i64>()
            .map_err(|_| format!("--iat: `{text}` is not a number of seconds"))?,
        None => now_unix_seconds(),
    };
    let path = single_positional(&args, "RECORD.json")?;
    let record: Record = serde_json::from_str(&args::read_text(path)?)
        .map_err(|e| format!("`{path}` is not a record: {e}"))?;
    let text = issue_certificate(&record, &key, issued_at).map_err(|e| format!("`{path}`: {e}"))?;
    if let Some(svg_path) = args.option("svg") {
        let svg = tirkeu::qr::render_svg(&text).map_err(|e| format!("--svg: {e}"))?;
        args::write_output(svg_path, svg.as_bytes())?;
    }
    if let Some(png_path) = args.option("png") {
        super::image_input::write_qr_png(&text, png_path, PNG_MODULE_PIXELS)?;
    }
    Ok(text)
}

/// Reads KEYSPEC.json, replacing each `keyFile` (relative to the spec's directory) by the
/// `publicKey` it holds.
fn read_trust_list_spec(path: &str) -> Result<TrustListSpec, String> {
    let mut spec: serde_json::Value = serde_json::from_str(&args::read_text(path)?)
        .map_err(|e| format!("`{path}` is not JSON: {e}"))?;
    let base = Path::new(path).parent().unwrap_or(Path::new(""));
    if let Some(keys) = spec
        .get_mut("keys")
        .and_then(serde_json::Value::as_array_mut)
    {
        for entry in keys.iter_mut().filter_map(serde_json::Value::as_object_mut) {
            let Some(key_file) = entry.remove("keyFile") else {
                continue;
            };
            let relative = key_file
                .as_str()
                .ok_or_else(|| format!("`{path}`: keyFile must be a path"))?;
            let key_path = base.join(relative);
            let key = read_key_file(&key_path.to_string_lossy())?;
            if entry
                .insert("publicKey".into(), key.public_key.to_hex().into())
                .is_some()
            {
                return Err(format!("`{path}`: a key has both keyFile and publicKey"));
            }
        }
    }
    serde_json::from_value(spec).map_err(|e| format!("`{path}` is not a KEYSPEC: {e}"))
}

/// `tirkeu trust-list --root KEY.json --out F.cose KEYSPEC.json`.
pub fn trust_list(argv: Vec<String>) -> ExitCode {
    if args::wants_help(&argv) {
        return args::help(TRUST_LIST_HELP);
    }
    match run_trust_list(argv) {
        Ok(summary) => printed(&summary, ExitCode::SUCCESS),
        Err(message) => unusable(message),
    }
}

fn run_trust_list(argv: Vec<String>) -> Result<String, String> {
    let args = Args::parse(argv, &["root", "out"])?;
    let root = read_signing_key(args.required("root")?)?;
    let out = args.required("out")?;
    let spec = read_trust_list_spec(single_positional(&args, "KEYSPEC.json")?)?;
    let bytes = build_trust_list(&spec, &root).map_err(|e| e.to_string())?;
    // Read back what was built: the summary printed is the verifier's view of the file.
    let list = TrustList::from_cose(&bytes, &root.public_key()).map_err(|e| e.to_string())?;
    args::write_output(out, &bytes)?;
    Ok(to_json(&list.summary()))
}

/// `tirkeu status-list --key KEY.json --out F.cose REVOKED.json`.
pub fn status_list(argv: Vec<String>) -> ExitCode {
    if args::wants_help(&argv) {
        return args::help(STATUS_LIST_HELP);
    }
    match run_status_list(argv) {
        Ok(summary) => printed(&summary, ExitCode::SUCCESS),
        Err(message) => unusable(message),
    }
}

fn run_status_list(argv: Vec<String>) -> Result<String, String> {
    let args = Args::parse(argv, &["key", "out"])?;
    let key = read_signing_key(args.required("key")?)?;
    let out = args.required("out")?;
    let path = single_positional(&args, "REVOKED.json")?;
    let spec: StatusListSpec = serde_json::from_str(&args::read_text(path)?)
        .map_err(|e| format!("`{path}` is not a REVOKED list: {e}"))?;
    let bytes = build_status_list(&spec, &key).map_err(|e| e.to_string())?;
    // Read back what was built (its signature is the key's own): the summary printed is the
    // verifier's view of the file, but for `demo`, which only a trust list can tell.
    let list = StatusList::read_back(&bytes, &key.public_key()).map_err(|e| e.to_string())?;
    args::write_output(out, &bytes)?;
    let mut summary = serde_json::to_value(list.summary()).map_err(|e| e.to_string())?;
    if let Some(summary) = summary.as_object_mut() {
        summary.remove("demo");
    }
    Ok(to_json(&summary))
}

/// `tirkeu verify --root PUB --trust F.cose [--status F.cose] [--on D] [--lang L]
/// [--grace-days N] (TEXT | --image F)`.
pub fn verify(argv: Vec<String>) -> ExitCode {
    if args::wants_help(&argv) {
        return args::help(VERIFY_HELP);
    }
    match run_verify(argv) {
        Ok(results) => {
            let lines: Vec<String> = if let [one] = results.as_slice() {
                vec![to_json(one)]
            } else {
                results
                    .iter()
                    .map(|result| serde_json::to_string(result).unwrap_or_default())
                    .collect()
            };
            let worst = results.iter().map(VerificationResult::exit_code).max();
            printed(&lines.join("\n"), ExitCode::from(worst.unwrap_or(1)))
        }
        Err(message) => unusable(message),
    }
}

/// The verification results, the worst first (one for a text).
fn run_verify(argv: Vec<String>) -> Result<Vec<VerificationResult>, String> {
    let args = Args::parse(
        argv,
        &[
            "root",
            "trust",
            "status",
            "on",
            "lang",
            "image",
            "grace-days",
        ],
    )?;
    let root = read_root(args.required("root")?)?;
    let mut verifier = Verifier::new(root);
    if let Some(days) = args.option("grace-days") {
        let days: i64 = days
            .parse()
            .ok()
            .filter(|days| (0..=36_500).contains(days))
            .ok_or_else(|| format!("--grace-days: `{days}` is not a number of days (0-36500)"))?;
        verifier = verifier.with_grace_seconds(days * 86_400);
    }
    let trust_path = args.required("trust")?;
    verifier
        .load_trust_list(
            &args::read_input(trust_path)?,
            &LoadOptions::at(now_unix_seconds()),
        )
        .map_err(|e| format!("`{trust_path}`: {e}"))?;
    if let Some(status_path) = args.option("status") {
        verifier
            .load_status_list(
                &args::read_input(status_path)?,
                &LoadOptions::at(now_unix_seconds()),
            )
            .map_err(|e| format!("`{status_path}`: {e}"))?;
    }
    let on = args
        .option("on")
        .map(|text| text.parse().map_err(|e| format!("--on: {e}")))
        .transpose()?;
    let lang = args::lang_option(&args)?;
    let texts = match (args.option("image"), args.positionals()) {
        (Some(image), []) => {
            // A code whose data is not text verifies as not_a_certificate, as its empty text does.
            let texts: Vec<String> = super::image_input::qr_codes_in_image_file(image)?
                .into_iter()
                .map(|code| code.into_text().unwrap_or_default())
                .collect();
            let certificates: Vec<String> = texts
                .iter()
                .filter(|t| t.starts_with(tirkeu::cert::QR_PREFIX))
                .cloned()
                .collect();
            match (certificates.is_empty(), texts.into_iter().next()) {
                (false, _) => certificates,
                // No certificate: the first code found, which verifies as not_a_certificate.
                (true, Some(first)) => vec![first],
                (true, None) => return Err(format!("no QR code found in `{image}`")),
            }
        }
        (None, [text]) if text == "-" => vec![args::read_text("-")?],
        (None, [text]) => vec![text.clone()],
        (None, []) => return Err("a QR text or --image is required".into()),
        (Some(_), [_, ..]) => return Err("give either one QR text or --image, not both".into()),
        (None, [_, _, ..]) => {
            return Err(
                "expected one QR text, got several arguments: quote the text (a certificate's \
                 text holds spaces)"
                    .into(),
            );
        }
    };
    let mut results: Vec<VerificationResult> = texts
        .iter()
        .map(|text| {
            // The clock is read at each verification: a long run never checks for the day it
            // started on.
            let now = now_unix_seconds();
            let context = VerifyContext {
                checked_on: on.unwrap_or_else(|| {
                    tirkeu::date::Date::from_unix_seconds(
                        now,
                        tirkeu::date::KAZAKHSTAN_UTC_OFFSET_SECONDS,
                    )
                }),
                now_unix_seconds: now,
                lang,
            };
            verifier.verify(text, &context)
        })
        .collect();
    // The worst first; codes of equal weight keep the image's order.
    results.sort_by_key(|result| std::cmp::Reverse(result.severity()));
    Ok(results)
}
