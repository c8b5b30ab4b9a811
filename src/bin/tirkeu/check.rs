//! `tirkeu check [FILE|-] [--today D] [--lang L]`: application JSON in (a file, or standard input
//! for `-` or no argument), report JSON on standard output. Exit 0 when the report is ok, 1 when
//! it has errors, 2 when the input is unusable (one line on standard error).

use std::process::ExitCode;

use super::args::{self, Args};

pub fn run(argv: Vec<String>) -> ExitCode {
    let args = match Args::parse(argv, &["today", "lang"]) {
        Ok(args) => args,
        Err(message) => return args::unusable(message),
    };
    let path = match args.positionals() {
        [] => "-",
        [one] => one.as_str(),
        [_, extra, ..] => {
            return args::unusable(format!("`check` takes one application, not also `{extra}`"));
        }
    };
    let today = match args::date_option(&args, "today") {
        Ok(date) => date,
        Err(message) => return args::unusable(message),
    };
    let lang = match args::lang_option(&args) {
        Ok(lang) => lang,
        Err(message) => return args::unusable(message),
    };
    let text = match args::read_text(path) {
        Ok(text) => text,
        Err(message) => return args::unusable(message),
    };
    let name = if path == "-" { "standard input" } else { path };
    let json: serde_json::Value = match serde_json::from_str(&text) {
        Ok(json) => json,
        Err(error) => return args::unusable(format!("{name} is not JSON: {error}")),
    };
    let report = match tirkeu::rules::check_json(&json, today, lang) {
        Ok(report) => report,
        Err(error) => return args::unusable(format!("{name}: {error}")),
    };
    match serde_json::to_string_pretty(&report) {
        Ok(text) => println!("{text}"),
        Err(error) => return args::unusable(format!("cannot write the report: {error}")),
    }
    if report.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
