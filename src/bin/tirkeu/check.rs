//! `tirkeu check [FILE|-] [--today D] [--lang L] [--data F --trust F --root PUB]`: application
//! JSON in (a file, or standard input for `-` or no argument), report JSON on standard output.
//! Exit 0 when the report is ok, 1 when it has errors, 2 when the input is unusable (one line on
//! standard error).

use std::process::ExitCode;

use super::args::{self, Args};

pub const HELP: &str = "\
tirkeu check [FILE|-] [--today YYYY-MM-DD] [--lang kk|ru|en] [--data F.cose --trust F.cose --root PUB]

Checks an application for registration under Order No. 923 and prints the report as JSON.
FILE is the application (standard input for - or no FILE). --today: the evaluation date
(default: today in Kazakhstan, UTC+5). --lang: the language of the messages (default en).
--data: a data bundle (tirkeu data-bundle) to check by instead of the compiled-in tables,
verified against the trust list --trust under the pinned root --root (64 hex digits or a key
file); the report's dataVersion is then the bundle's version. A refused bundle is exit 2.

The application (every member optional: what is missing or unreadable becomes a finding):
  {\"immigrant\": {\"surname\", \"givenNames\", \"patronymic\", \"birthDate\": \"YYYY-MM-DD\",
                 \"citizenship\": \"RUS\" (ISO 3166-1 alpha-3, XXA stateless),
                 \"passport\": {\"number\", \"kind\": \"ordinary\"|\"diplomatic\"|\"service\",
                              \"expiresOn\"}},
   \"entry\": {\"date\", \"purpose\": \"private\"|\"tourism\"|\"business\"|\"work\"|\"study\"|\"other\",
             \"contractUntil\"},
   \"previousStays\": [{\"entry\", \"exit\"}],
   \"host\": {\"kind\": \"person\"|\"organization\", \"id\": \"IIN or BIN\", \"name\"},
   \"address\": {\"region\", \"locality\", \"street\", \"building\", \"apartment\",
               \"premises\": \"house\"|\"apartment\"|\"dormitory\"|\"hotel\"|\"rest_home\"|
                           \"sanatorium\"|\"other_residential\"},
   \"stay\": {\"from\", \"to\"}, \"addressChange\": {\"movedOn\"} | null,
   \"policy\": {\"deadlineCounting\": \"entry_day_is_day_one\"|\"civil_code\",
              \"reRegistrationCounting\": \"next_working_day_is_day_one\"|\"event_day_counts\",
              \"under16Exempt\": false, \"diplomaticExempt\": true}}

Exit: 0 the report is ok, 1 it has errors, 2 unusable input (not JSON, not an object).";

pub fn run(argv: Vec<String>) -> ExitCode {
    if args::wants_help(&argv) {
        return args::help(HELP);
    }
    let args = match Args::parse(argv, &["today", "lang", "data", "trust", "root"]) {
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
    let tables = match super::data::check_tables(&args) {
        Ok(tables) => tables,
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
    let report = match tirkeu::rules::check_json_with(&json, today, lang, &tables) {
        Ok(report) => report,
        Err(error) => return args::unusable(format!("{name}: {error}")),
    };
    let printed = serde_json::to_string_pretty(&report)
        .map_err(|error| format!("cannot write the report: {error}"))
        .and_then(|text| args::print_line(&text));
    if let Err(message) = printed {
        return args::unusable(message);
    }
    if report.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
