//! `tirkeu data-bundle`: builds and signs a data bundle (the calendar, the visa regimes and the
//! regions) from the tables' CSV files, and the `--data FILE` option of `check` and `verify`.

use std::process::ExitCode;

use tirkeu::cert::instant::parse_instant;
use tirkeu::cert::{LoadOptions, Verifier, build_data_bundle};
use tirkeu::data::{DataBundle, rows};

use super::args::{self, Args};
use super::certificate::{now_unix_seconds, read_root, read_signing_key};

pub const HELP: &str = "\
tirkeu data-bundle --key KEY.json --out F.cose --version TEXT --iat TIME --next TIME
                   --calendar F.csv --regimes F.csv --regions F.csv [--payload F.cbor]

Builds a data bundle from the tables' CSV files, signs it with the key file's secret key (a
trust-list key whose use holds data), writes it to F.cose and prints its summary. The files are
those of the crate's src/data/ (kz-non-working-days.csv, visa-regimes.csv, kz-regions.csv): a
header line naming the columns, `#` lines as comments, every row with its source. A verifier that
loads the bundle checks applications by it: its regimes and regions replace the compiled-in
tables whole, and each calendar year it has rows for replaces that year (a year whose rows are
all official is no longer provisional); reports name it by --version (dataVersion, e.g. 2027.1).
--iat, --next: seconds since 1970 UTC or RFC 3339 text (a date alone is 00:00 in Kazakhstan,
UTC+5); next after iat, and iat not before the day of the compiled-in tables (verifiers refuse an
older bundle). --payload also writes the unsigned payload: for a page that reads it as its own
code (the package's RulesData), with no signature to check.
A bad row is one line naming its file and line; exit 2.";

/// `tirkeu data-bundle ...`.
pub fn data_bundle(argv: Vec<String>) -> ExitCode {
    if args::wants_help(&argv) {
        return args::help(HELP);
    }
    match run_data_bundle(argv).and_then(|summary| args::print_line(&summary)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => args::unusable(message),
    }
}

/// A time of the command line: seconds since 1970, or RFC 3339 text.
fn time_option(args: &Args, name: &str) -> Result<i64, String> {
    let text = args.required(name)?;
    match text.parse::<i64>() {
        Ok(seconds) => Ok(seconds),
        Err(_) => parse_instant(text).map_err(|e| format!("--{name}: {e}")),
    }
}

/// A table's rows from its CSV file; a bad row is named by its file and line.
fn csv_table<T>(
    args: &Args,
    name: &str,
    read: impl FnOnce(&str) -> Result<Vec<T>, rows::CsvProblem>,
) -> Result<Vec<T>, String> {
    let path = args.required(name)?;
    read(&args::read_text(path)?)
        .map_err(|problem| format!("{path}:{}: {}", problem.line, problem.reason))
}

fn run_data_bundle(argv: Vec<String>) -> Result<String, String> {
    let args = Args::parse(
        argv,
        &[
            "key", "out", "version", "iat", "next", "calendar", "regimes", "regions", "payload",
        ],
    )?;
    if let Some(extra) = args.positionals().first() {
        return Err(format!(
            "data-bundle takes no positional argument (`{extra}`)"
        ));
    }
    let key = read_signing_key(args.required("key")?)?;
    let out = args.required("out")?;
    let bundle = DataBundle {
        version: args.required("version")?.to_owned(),
        issued_at: time_option(&args, "iat")?,
        next_update: time_option(&args, "next")?,
        calendar: csv_table(&args, "calendar", rows::calendar_csv)?,
        regimes: csv_table(&args, "regimes", |text| {
            rows::regimes_csv(text, tirkeu::data::is_country_code)
        })?,
        regions: csv_table(&args, "regions", rows::regions_csv)?,
    };
    let bytes = build_data_bundle(&bundle, &key).map_err(|e| e.to_string())?;
    args::write_output(out, &bytes)?;
    if let Some(payload) = args.option("payload") {
        args::write_output(payload, &bundle.to_payload())?;
    }
    serde_json::to_string_pretty(&bundle.summary()).map_err(|e| e.to_string())
}

/// A verifier pinned to `--root` with the trust list `--trust` installed, and the data bundle
/// `--data` when given (each checked at the system clock).
///
/// # Errors
///
/// A message naming the file whose list or bundle is unusable or refused.
pub fn verifier_with_lists(args: &Args) -> Result<Verifier, String> {
    let mut verifier = Verifier::new(read_root(args.required("root")?)?);
    let trust_path = args.required("trust")?;
    verifier
        .load_trust_list(
            &args::read_input(trust_path)?,
            &LoadOptions::at(now_unix_seconds()),
        )
        .map_err(|e| format!("`{trust_path}`: {e}"))?;
    if let Some(data_path) = args.option("data") {
        verifier
            .load_data_bundle(
                &args::read_input(data_path)?,
                &LoadOptions::at(now_unix_seconds()),
            )
            .map_err(|e| format!("`{data_path}`: {e}"))?;
    }
    Ok(verifier)
}

/// The tables `check` decides with: the compiled-in ones, or with `--data` the bundle's, checked
/// against `--trust` and `--root`.
///
/// # Errors
///
/// A message when `--data` comes without `--trust` and `--root` (or they without it), or the
/// bundle or the trust list is refused.
pub fn check_tables(args: &Args) -> Result<tirkeu::data::Tables, String> {
    match (
        args.option("data"),
        args.option("trust"),
        args.option("root"),
    ) {
        (None, None, None) => Ok(tirkeu::data::Tables::compiled().clone()),
        (Some(_), Some(_), Some(_)) => Ok(verifier_with_lists(args)?.tables().clone()),
        (Some(_), _, _) => Err("--data needs --trust F.cose and --root PUB to check it".into()),
        (None, _, _) => Err("--trust and --root check a data bundle: give it with --data".into()),
    }
}
