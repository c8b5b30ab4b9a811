//! `tirkeu`: the command line. It parses arguments, reads files and prints; every decision is
//! made by the library.

mod args;
mod certificate;
mod check;
mod image_input;
mod serve;

use std::process::ExitCode;

const USAGE: &str = "\
tirkeu: Kazakhstan immigrant registration (Order No. 923)

Usage:
  tirkeu check [FILE|-] [--today YYYY-MM-DD] [--lang kk|ru|en]
  tirkeu keygen --out KEY.json
  tirkeu issue --key KEY.json [--iat SECONDS] [--svg F] [--png F] RECORD.json
  tirkeu trust-list --root KEY.json --out F.cose KEYSPEC.json
  tirkeu status-list --key KEY.json --out F.cose REVOKED.json
  tirkeu verify --root PUB --trust F.cose [--status F.cose] [--on D] [--lang L] (TEXT | --image F)
  tirkeu scan IMAGE...
  tirkeu serve [--port P]

Exit codes: 0 success (ok, valid, found), 1 a negative verdict, 2 unusable input.";

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
        "verify" => certificate::verify(rest),
        "scan" => image_input::scan(rest),
        "serve" => serve::run(rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        "--version" | "-V" => {
            println!("tirkeu {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        other => args::unusable(format!("unknown command `{other}` (try `tirkeu help`)")),
    }
}
