//! `tirkeu`: the command line. It parses arguments, reads files and prints; every decision is
//! made by the library.

mod args;
mod certificate;
mod check;
mod data;
mod image_input;
mod serve;

use std::process::ExitCode;

const USAGE: &str = "\
tirkeu: Kazakhstan immigrant registration (Order No. 923)

Usage:
  tirkeu check [FILE|-] [--today YYYY-MM-DD] [--lang kk|ru|en] [--data F --trust F --root PUB]
  tirkeu keygen --out KEY.json
  tirkeu issue --key KEY.json [--iat SECONDS] [--svg F] [--png F] RECORD.json
  tirkeu trust-list --root KEY.json --out F.cose KEYSPEC.json
  tirkeu status-list --key KEY.json --out F.cose REVOKED.json
  tirkeu data-bundle --key KEY.json --out F.cose --version V --iat T --next T
                     --calendar F.csv --regimes F.csv --regions F.csv [--payload F]
  tirkeu verify --root PUB --trust F.cose [--status F.cose] [--data F.cose] [--on D] [--lang L]
                (TEXT | --image F)
  tirkeu scan IMAGE...
  tirkeu serve [--port P]

Exit codes: 0 success (ok, valid, found), 1 a negative verdict, 2 unusable input.";

/// `tirkeu help COMMAND`: the same as `tirkeu COMMAND --help`.
fn help_for(command: &str) -> ExitCode {
    match command {
        "check" | "keygen" | "issue" | "trust-list" | "status-list" | "data-bundle" | "verify"
        | "scan" | "serve" => main_with(vec![command.to_owned(), "--help".to_owned()]),
        other => args::unusable(format!("unknown command `{other}` (try `tirkeu help`)")),
    }
}

fn main() -> ExitCode {
    // `std::env::args` panics on an argument that is not UTF-8 (a file name from another
    // system); such an argument is unusable input instead.
    let argv: Vec<String> = match std::env::args_os()
        .skip(1)
        .map(std::ffi::OsString::into_string)
        .collect()
    {
        Ok(argv) => argv,
        Err(argument) => {
            return args::unusable(format!(
                "the argument {} is not UTF-8",
                argument.to_string_lossy()
            ));
        }
    };
    main_with(argv)
}

fn main_with(argv: Vec<String>) -> ExitCode {
    let Some((command, rest)) = argv.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest = rest.to_vec();
    match command.as_str() {
        "check" => check::run(rest),
        "keygen" => certificate::keygen(rest),
        "issue" => certificate::issue(rest),
        "trust-list" => certificate::trust_list(rest),
        "status-list" => certificate::status_list(rest),
        "data-bundle" => data::data_bundle(rest),
        "verify" => certificate::verify(rest),
        "scan" => image_input::scan(rest),
        "serve" => serve::run(rest),
        "help" => match rest.first().map(String::as_str) {
            Some(command) => help_for(command),
            None => args::help(USAGE),
        },
        "--help" | "-h" => args::help(USAGE),
        "--version" | "-V" => args::help(concat!("tirkeu ", env!("CARGO_PKG_VERSION"))),
        other => args::unusable(format!("unknown command `{other}` (try `tirkeu help`)")),
    }
}
